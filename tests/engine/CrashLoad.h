#pragma once

// A mixed load against a jobdeck server, and the ledger of every 2xx it received. Creators post
// single and batch creates; long-polling workers activate and then complete, fail (with retries
// and a PT0.1S backoff, or finally) or throw errors; operators cancel and delete jobs they
// created. Each lane has its own connections, so that many requests are in flight at any moment
// (a kill -9 lands in the middle of transactions). The load keeps running while the server is
// down: refused requests are retried after a short pause, so that it resumes after a restart.

#include "core/JobState.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

class CrashLoad : public QObject
{
    Q_OBJECT
public:
    enum class Op { Create, Activate, Complete, Fail, ThrowError, Cancel, Delete };

    // One acknowledged (2xx) job-level effect: a batch create of five jobs is five entries.
    struct Ack
    {
        Op op;
        QString key;
        JobState state; // the state the answer reported (Delete: the state before deletion)
    };

    struct Options
    {
        int creators = 4;
        int workers = 5;
        int operators = 2;
        int batchSize = 5;
        int lockTimeoutMs = 2000; // the lock a worker gets; a killed worker's jobs time out
        int retryPauseMs = 50;    // pause after a refused request (server down)
        int operatorPauseMs = 40; // between cancels/deletes, so that most jobs get worked
        quint32 seed = 1;
    };

    CrashLoad(quint16 port, QByteArray apiKey, Options options, QObject *parent = nullptr);
    ~CrashLoad() override;

    void start();
    void stop(); // no new requests; in-flight ones still finish
    int inFlight() const { return m_inFlight; }

    const QList<Ack> &ledger() const { return m_ledger; }
    // Keys of DELETEs that got no answer (cut by a kill): they may have taken effect.
    const QSet<QString> &deleteAttempts() const { return m_deleteAttempts; }
    // Answers 5xx or unexpected 4xx (anything but 409/404 conflicts of racing operators).
    const QStringList &unexpectedAnswers() const { return m_unexpected; }
    int networkErrors() const { return m_networkErrors; }

    static QString opName(Op op);

private:
    struct Answer
    {
        int status = 0; // 0: no HTTP answer (refused, reset, server killed)
        QJsonObject data;
    };
    using Handler = std::function<void(const Answer &)>;

    void send(QNetworkAccessManager *network, const QByteArray &method, const QString &path,
              const QJsonObject &body, Handler handler);
    void acknowledge(Op op, const QString &key, const QString &status);
    void checkUnexpected(const QByteArray &method, const QString &path, const Answer &answer);
    void later(int ms, std::function<void()> next);

    void createLoop(QNetworkAccessManager *network);
    void workerLoop(QNetworkAccessManager *network, const QString &worker);
    void finishJob(QNetworkAccessManager *network, const QJsonObject &job,
                   std::function<void()> done);
    void operatorLoop(QNetworkAccessManager *network);

    quint16 m_port;
    QByteArray m_apiKey;
    Options m_options;
    QRandomGenerator m_random;
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_networks;
    bool m_running = false;
    int m_inFlight = 0;
    int m_networkErrors = 0;
    int m_counter = 0;
    QList<Ack> m_ledger;
    QSet<QString> m_deleteAttempts;
    QStringList m_pool; // keys of acknowledged creates not yet deleted
    QStringList m_unexpected;
};
