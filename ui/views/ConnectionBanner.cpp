#include "ConnectionBanner.h"

ConnectionBanner::ConnectionBanner(const QString &server, QWidget *parent)
    : QLabel(parent), m_server(server)
{
    setObjectName(QStringLiteral("connectionBanner"));
    setWordWrap(true);
    setMargin(6);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0xfd, 0xec, 0xc8)); // amber, readable in both themes
    p.setColor(QPalette::WindowText, QColor(0x5c, 0x3b, 0x00));
    setPalette(p);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ConnectionBanner::updateText);
    hide();
}

void ConnectionBanner::onConnectionChanged(bool connected, const QString &problem, int retryMs)
{
    if (connected) {
        m_tick.stop();
        hide();
        return;
    }
    m_problem = problem.trimmed();
    if (!m_problem.isEmpty() && !m_problem.back().isPunct())
        m_problem += QLatin1Char('.'); // the sentence after it starts anew
    m_retryMs = retryMs;
    m_since.start();
    m_tick.start();
    updateText();
    show();
}

void ConnectionBanner::onKeyRefused(const QString &problem)
{
    m_tick.stop();
    setText(tr("%1 Nothing is read or changed with this key any more; the views show what they "
               "last read. Attach again with a valid key.")
                .arg(problem));
    show();
}

void ConnectionBanner::updateText()
{
    const int left = qMax(0, int((m_retryMs - m_since.elapsed() + 999) / 1000));
    setText(tr("Disconnected from %1: %2 Retrying in %n s; the views show what they last read.",
               nullptr, left)
                .arg(m_server, m_problem));
}
