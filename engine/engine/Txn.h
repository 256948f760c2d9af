#pragma once

#include "TypeLimitGate.h"
#include "core/KeyGenerator.h"
#include "store/JobStore.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <set>

// What an operation sees while the engine applies it: the store inside the current transaction,
// the batch's clock, the key generator, and notes for the engine to act on after the operation
// (hand new jobs to held long polls, answer await requests, re-arm the due-time timer).
class Txn
{
public:
    Txn(JobStore &store, KeyGenerator &keys, qint64 now) : m_store(store), m_keys(keys), m_now(now)
    {}

    JobStore &store() { return m_store; }
    KeyGenerator &keys() { return m_keys; }
    qint64 now() const { return m_now; }

    // A job of this type became CREATED: held long polls of the type get a chance at it.
    void activatable(const QString &type) { m_activatableTypes.insert(type); }
    // A job reached a terminal state, or left the store: await requests on it are answered.
    void finished(qint64 jobId) { m_finishedJobs.insert(jobId); }
    // A deadline or due time was set; the engine's timer must fire no later than this.
    void wakeAt(qint64 atMs) { m_wakeAt = m_wakeAt ? qMin(m_wakeAt, atMs) : atMs; }
    // A worker asked for jobs of a type (the workers table). On PostgreSQL the rows are written
    // at the end of the transaction in name order: nodes serving workers of the same name then
    // lock those rows in one order and never deadlock over them.
    void touchWorker(const QString &worker, const QString &type)
    {
        if (m_store.dialect().isPostgres())
            m_workerTouches.insert({worker, type});
        else
            m_store.touchWorker(worker, type, m_now);
    }
    void flushWorkerTouches()
    {
        for (const auto &[worker, type] : std::exchange(m_workerTouches, {}))
            m_store.touchWorker(worker, type, m_now);
    }
    // Appends a history event to a job.
    void record(const JobRecord &job, const QString &action, const QString &worker = {},
                int attempt = 0, const QString &error = {}, const QByteArray &details = {});

    // Paused job types: activation hands none of them out. A pause or resume made in this
    // transaction counts at once; the engine keeps it after the commit.
    void setPausedTypes(const QSet<QString> *paused) { m_paused = paused; }
    bool isPaused(const QString &type) const
    {
        const auto it = m_pauseChanges.constFind(type);
        return it != m_pauseChanges.constEnd() ? *it : m_paused && m_paused->contains(type);
    }
    void setPaused(const QString &type, bool paused) { m_pauseChanges.insert(type, paused); }
    QHash<QString, bool> takePauseChanges() { return std::exchange(m_pauseChanges, {}); }
    // Per-type limits: what activation may still hand out (TypeLimitGate), and limits changed in
    // this transaction, which the engine keeps after the commit.
    void setLimitGate(TypeLimitGate *gate) { m_gate = gate; }
    std::optional<int> limitAllowance(const QString &type)
    {
        return m_gate ? m_gate->allowance(*this, type) : std::nullopt;
    }
    void limitClaimed(const QString &type, int count)
    {
        if (m_gate)
            m_gate->claimed(*this, type, count);
    }
    void setLimit(const QString &type, const TypeLimit &limit)
    {
        m_limitChanges.insert(type, limit);
    }
    const QHash<QString, TypeLimit> &limitChanges() const { return m_limitChanges; }
    QHash<QString, TypeLimit> takeLimitChanges() { return std::exchange(m_limitChanges, {}); }
    // API keys changed: authentication caches are dropped after the commit.
    void keysChanged() { m_keysChanged = true; }
    bool haveKeysChanged() const { return m_keysChanged; }
    // History entries recorded, per (action, job type), for the metrics.
    QHash<QPair<QString, QString>, int> takeEventCounts()
    {
        return std::exchange(m_eventCounts, {});
    }

    const QSet<QString> &activatableTypes() const { return m_activatableTypes; }
    QSet<QString> takeActivatableTypes() { return std::exchange(m_activatableTypes, {}); }
    QSet<qint64> takeFinishedJobs() { return std::exchange(m_finishedJobs, {}); }
    qint64 wakeAt() const { return m_wakeAt; }

private:
    JobStore &m_store;
    KeyGenerator &m_keys;
    qint64 m_now;
    QSet<QString> m_activatableTypes;
    QSet<qint64> m_finishedJobs;
    qint64 m_wakeAt = 0;
    const QSet<QString> *m_paused = nullptr;
    QHash<QString, bool> m_pauseChanges;
    TypeLimitGate *m_gate = nullptr;
    QHash<QString, TypeLimit> m_limitChanges;
    bool m_keysChanged = false;
    QHash<QPair<QString, QString>, int> m_eventCounts;
    std::set<std::pair<QString, QString>> m_workerTouches;
};
