#pragma once

#include "store/JobRecord.h"

#include <QObject>

class BackgroundReader;
class ConsoleBackend;
class QTimer;

// Notices incidents opened while the console runs: after engine commits (at most once per
// kCheckMs) it reads the newest open incident in the background; a key newer than the last one
// seen is announced once. The incidents already open at start are not announced.
class IncidentWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int kCheckMs = 2000;
    IncidentWatcher(BackgroundReader &reader, ConsoleBackend *backend, QObject *parent = nullptr);
    // The incidents open at start have been read (later ones are announced).
    bool hasBaseline() const { return m_lastSeenId >= 0; }

    // Also checks every `ms` (a shared store: other nodes' incidents do not follow this
    // engine's commits).
    void pollEvery(int ms);

public slots:
    void check(); // now

signals:
    void incidentOpened(const IncidentRecord &incident);

private:
    BackgroundReader &m_reader;
    QTimer *m_timer;
    qint64 m_lastSeenId = -1; // -1: not read yet (the first read sets the baseline)
    bool m_reading = false;
};
