#pragma once

#include <QObject>
#include <QString>

// "Test connection": opens a store on a thread of its own (a connect to an unreachable host
// waits for libpq's connect_timeout, the window must not), reads what it is, closes it, and
// reports in plain words. The password never appears in the message. A probe started while
// another runs supersedes it (the older answer is dropped). The thread ends by itself; an
// answer that arrives after the probe object is gone is dropped.
class ConnectionProbe : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultTimeoutS = 5; // setting stores/connectTimeoutS

    explicit ConnectionProbe(QObject *parent = nullptr);

    void start(const QString &location);
    bool isRunning() const { return m_running; }

    // The blocking part, run on the probe's thread (also usable by tests): the store's
    // description on success, else throws StoreError with the reason (password removed).
    static QString describe(const QString &location, int timeoutS);

signals:
    void finished(bool ok, const QString &message);

private:
    void deliver(int generation, bool ok, const QString &message);

    int m_generation = 0;
    bool m_running = false;
};
