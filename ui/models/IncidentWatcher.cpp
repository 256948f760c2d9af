#include "IncidentWatcher.h"

#include "BackgroundReader.h"
#include "backend/ConsoleBackend.h"

#include <QTimer>

IncidentWatcher::IncidentWatcher(BackgroundReader &reader, ConsoleBackend *backend, QObject *parent)
    : QObject(parent), m_reader(reader), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(kCheckMs);
    connect(m_timer, &QTimer::timeout, this, &IncidentWatcher::check);
    connect(backend, &ConsoleBackend::jobsChanged, this, [this] {
        if (!m_timer->isActive())
            m_timer->start();
    });
    check();
}

void IncidentWatcher::pollEvery(int ms)
{
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this] {
        if (!m_timer->isActive())
            m_timer->start();
    });
    poll->start(ms);
}

void IncidentWatcher::check()
{
    if (m_reading) {
        m_timer->start();
        return;
    }
    m_reading = true;
    m_reader.read<IncidentsSnapshot>(
        this, [](OperatorSource &r) { return r.incidents(QStringLiteral("OPEN"), 1); },
        [this](const IncidentsSnapshot &open, const QString &error) {
            m_reading = false;
            if (!error.isEmpty())
                return;
            const qint64 newest = open.rows.isEmpty() ? 0 : open.rows.first().incident.id;
            if (m_lastSeenId >= 0 && newest > m_lastSeenId)
                emit incidentOpened(open.rows.first().incident);
            if (newest > m_lastSeenId)
                m_lastSeenId = newest;
        });
}
