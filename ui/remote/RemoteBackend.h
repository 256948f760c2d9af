#pragma once

#include "RemoteClient.h"
#include "backend/ConsoleBackend.h"

#include <QElapsedTimer>
#include <QTimer>

#include <memory>

// A Jobdeck server over its API, as the console's backend: reads through RemoteJobSources on the
// views' loader threads, actions as the API's requests (answered on the GUI thread, never
// waited for), and live changes from one long poll of GET /api/v1/changes held at a time (an
// idle console costs the server one request every kChangesWaitMs). When the server does not
// answer, the poll tries again after 1, 2, 4… up to kMaxRetryMs seconds and says so.
class RemoteBackend : public ConsoleBackend
{
    Q_OBJECT
public:
    static constexpr int kChangesWaitMs = 25'000;
    static constexpr int kMaxRetryMs = 30'000;
    static constexpr int kMinChangesWaitMs = 1000;

    explicit RemoteBackend(const RemoteServer &server, QObject *parent = nullptr);
    ~RemoteBackend() override;

    JobSourceFactory sourceFactory() const override;
    OperatorSourceFactory operatorSourceFactory() const override;
    // The changes feed tells of this node's commits; other nodes of a PostgreSQL store commit
    // too, so shown views also look again every ui/refreshMs there.
    bool changesElsewhere() const override
    {
        return m_client->server().store == QLatin1String("postgres");
    }
    bool canAct() const override { return true; }
    void jobAction(JobActions::Kind kind, const QString &key, const JobActions::Input &input,
                   QObject *context, std::function<void(const JobActionAnswer &)> done) override;
    void startBulkOperation(const BulkSpec &spec, QObject *context, BulkDone done) override;
    void stopBulkOperation(const QString &key, QObject *context, BulkDone done) override;
    void pauseType(const QString &type, const QString &reason, QObject *context,
                   CommandDone done) override;
    void resumeType(const QString &type, QObject *context, CommandDone done) override;
    void setTypeLimit(const QString &type, const TypeLimitChange &change, QObject *context,
                      CommandDone done) override;
    void resolveIncident(const QString &key, int retries, QObject *context,
                         CommandDone done) override;
    void saveSchedule(const QString &name, const ScheduleChange &change, bool create,
                      QObject *context, CommandDone done) override;
    void scheduleAction(const QString &name, ScheduleOp op, QObject *context,
                        CommandDone done) override;
    void createApiKey(const ApiKey &key, QObject *context, CommandDone done) override;
    void deleteApiKey(const QString &name, QObject *context, CommandDone done) override;
    void setRetention(const RetentionChange &change, QObject *context, CommandDone done) override;
    void createJob(const CreateSpec &spec, QObject *context, CommandDone done) override;

    const RemoteServer &server() const { return m_client->server(); }
    std::shared_ptr<const RemoteClient> client() const { return m_client; }
    bool isConnected() const { return m_connected; }
    // The window is closing: requests under way end now (RemoteClient::close).
    void close();

signals:
    // The server answered again, or stopped answering (`problem` says why; the next try is in
    // `retryMs`).
    void connectionChanged(bool connected, const QString &problem, int retryMs);
    // The server refused the key (revoked, or unknown): not a network fault. It is asked again
    // every kMaxRetryMs only.
    void keyRefused(const QString &problem);

private:
    // Sends one request of the API; `created` takes what a success made out of its data.
    void command(const QByteArray &method, const QString &path, const QJsonObject &body,
                 QObject *context, CommandDone done,
                 std::function<void(const QJsonObject &, CommandAnswer &)> created = {});
    void waitForChanges();
    void onChanges(const ApiAnswer &answer);

    std::shared_ptr<const RemoteClient> m_client;
    QTimer m_retry;
    qint64 m_sequence = -1;
    int m_waitMs = kChangesWaitMs; // halved while the server refuses it (its long-poll limit)
    int m_asked = 0;               // the wait of the request under way
    QElapsedTimer m_askedAt;
    qint64 m_epoch = 0;
    int m_retryMs = 0;
    bool m_connected = true;
};
