#pragma once

#include "ConsoleBackend.h"
#include "store/Database.h"

class Engine;

// The console's own server: reads through read connections of the console to the store (WAL:
// they never wait for the engine), actions through Engine::submit with the rules the API runs,
// as the console's local administrator of every tenant.
class EmbeddedBackend : public ConsoleBackend
{
    Q_OBJECT
public:
    // `engine` may be null: a console that only reads (actions are refused).
    EmbeddedBackend(Engine *engine, const StoreOptions &store, QObject *parent = nullptr);

    JobSourceFactory sourceFactory() const override;
    OperatorSourceFactory operatorSourceFactory() const override;
    bool changesElsewhere() const override { return m_shared; }
    bool canAct() const override { return m_engine != nullptr; }
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

    Engine *engine() const { return m_engine; }
    const StoreOptions &store() const { return m_store; }

private:
    // Submits `rule` (a rule of the API's) and answers `done` with its outcome; `created` takes
    // what a success made (a key, a job) out of it.
    template <typename Rule, typename Created>
    void command(Rule rule, QObject *context, CommandDone done, Created created);
    template <typename Rule> void command(Rule rule, QObject *context, CommandDone done);

    Engine *m_engine;
    StoreOptions m_store;
    bool m_shared; // PostgreSQL: other nodes commit too
};
