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

    Engine *engine() const { return m_engine; }
    const StoreOptions &store() const { return m_store; }

private:
    Engine *m_engine;
    StoreOptions m_store;
    bool m_shared; // PostgreSQL: other nodes commit too
};
