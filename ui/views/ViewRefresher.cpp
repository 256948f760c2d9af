#include "ViewRefresher.h"

#include <QEvent>
#include <QSettings>
#include <QTimer>
#include <QWidget>

ViewRefresher::ViewRefresher(QWidget *view, std::function<void()> load)
    : QObject(view), m_view(view), m_load(std::move(load)), m_timer(new QTimer(this))
{
    m_timer->setInterval(intervalMs());
    connect(m_timer, &QTimer::timeout, this, &ViewRefresher::request);
    view->installEventFilter(this);
}

int ViewRefresher::intervalMs()
{
    const int ms = QSettings().value(QStringLiteral("ui/refreshMs"), kDefaultIntervalMs).toInt();
    return qBound(250, ms, 60'000);
}

void ViewRefresher::request()
{
    if (m_loading) {
        m_again = true;
        return;
    }
    m_loading = true;
    m_again = false;
    m_load();
}

void ViewRefresher::done()
{
    m_loading = false;
    if (m_again)
        request();
}

bool ViewRefresher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view) {
        if (event->type() == QEvent::Show) {
            request();
            m_timer->start(intervalMs()); // a changed setting applies from the next show
        } else if (event->type() == QEvent::Hide) {
            m_timer->stop();
        }
    }
    return QObject::eventFilter(watched, event);
}
