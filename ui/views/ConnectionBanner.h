#pragma once

#include <QElapsedTimer>
#include <QLabel>
#include <QTimer>

// The strip above the views of a console attached to a server that stopped answering: why, and
// in how many seconds it tries again (counting down). One banner, not a dialog per failed
// request; it goes when the server answers again.
class ConnectionBanner : public QLabel
{
    Q_OBJECT
public:
    explicit ConnectionBanner(const QString &server, QWidget *parent = nullptr);

public slots:
    void onConnectionChanged(bool connected, const QString &problem, int retryMs);
    void onKeyRefused(const QString &problem);

private:
    void updateText();

    QString m_server;
    QString m_problem;
    int m_retryMs = 0;
    QElapsedTimer m_since;
    QTimer m_tick;
};
