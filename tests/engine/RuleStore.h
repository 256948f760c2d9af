#pragma once

#include "core/KeyGenerator.h"
#include "engine/ClusterNode.h"
#include "engine/Txn.h"
#include "store/JobStore.h"

#include <QTemporaryDir>

#include <memory>

// A real, empty store (a SQLite file, or a fresh PostgreSQL database when the tests run there)
// opened the way the engine opens it, for running the rules of JobCommands and
// OperatorCommands without the engine's thread or HTTP: each run() is one committed
// transaction, as the engine applies a batch.
class RuleStore
{
public:
    RuleStore();
    ~RuleStore();

    // Runs `rule(txn)` in one transaction at time `now` and commits; returns what it returned.
    template <typename Rule> auto run(Rule rule, qint64 now = 0)
    {
        begin();
        Txn txn(*m_store, *m_keys, now ? now : m_now);
        txn.setPausedTypes(&m_paused);
        auto result = rule(txn);
        commit(txn);
        return result;
    }
    JobStore &store() { return *m_store; }
    const StoreOptions &options() const { return m_options; }
    qint64 now() const { return m_now; }
    void advance(qint64 ms) { m_now += ms; }

private:
    void begin();
    void commit(Txn &txn);

    QTemporaryDir m_dir;
    QString m_connection;
    QString m_pgUrl;
    StoreOptions m_options;
    std::unique_ptr<ClusterNode> m_cluster;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<KeyGenerator> m_keys;
    QSet<QString> m_paused;
    qint64 m_now = 1'767'225'600'000; // 2026-01-01T00:00:00Z
};
