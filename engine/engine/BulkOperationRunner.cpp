#include "BulkOperationRunner.h"

#include "Engine.h"
#include "Retention.h"
#include "store/BulkOperationStore.h"

#include <QElapsedTimer>
#include <QTimer>

namespace {
constexpr qint64 kRetryAfterFailureMs = 1000; // a step whose transaction did not commit
// A node whose heartbeat is older than this is gone (nodes beat every clusterTickMs); the
// operations of such nodes are looked for this often.
constexpr qint64 kNodeAliveMs = 10'000;
constexpr qint64 kAdoptEveryMs = 5'000;
} // namespace

BulkOperationRunner::BulkOperationRunner(Engine *engine, int stepJobs, int busyPercent, int keep)
    : QObject(engine), m_engine(engine), m_stepJobs(qMax(1, stepJobs)), m_busyPercent(busyPercent),
      m_keep(qMax(1, keep))
{}

void BulkOperationRunner::start(const ApiKey &caller, const BulkSpec &spec,
                                Reply<BulkOperationRecord> reply)
{
    m_engine->submit(
        [caller, spec, keep = m_keep](Txn &txn) {
            return BulkOperations::start(txn, caller, spec, keep);
        },
        Reply<BulkOperationRecord>{this, [this, reply](const Outcome<BulkOperationRecord> &o) {
                                       if (o.ok() && o.value().status == BulkStatus::Running)
                                           run(o.value().key);
                                       reply.send(o);
                                   }});
}

void BulkOperationRunner::resume(const QStringList &keys)
{
    for (const QString &key : keys)
        run(key);
}

void BulkOperationRunner::takeOverOrphans(QSqlDatabase db, const QString &nodeId, qint64 now)
{
    if (m_closed || now < m_nextAdoption)
        return;
    m_nextAdoption = now + kAdoptEveryMs;
    try {
        const QStringList adopted =
            BulkOperationStore(std::move(db)).adoptOrphans(nodeId, now - kNodeAliveMs);
        if (!adopted.isEmpty())
            qCInfo(lcEngine) << "taking over bulk operations of stopped nodes:" << adopted;
        resume(adopted);
    } catch (const StoreError &error) {
        qCWarning(lcEngine) << "cannot look for bulk operations of stopped nodes:" << error.what();
    }
}

void BulkOperationRunner::close()
{
    m_closed = true;
}

void BulkOperationRunner::run(const QString &key)
{
    if (m_closed || m_running.contains(key))
        return;
    m_running.insert(key);
    scheduleStep(key, 0);
}

void BulkOperationRunner::scheduleStep(const QString &key, qint64 afterMs)
{
    QTimer::singleShot(int(afterMs), this, [this, key] {
        if (m_closed)
            return;
        auto micros = std::make_shared<qint64>(0);
        m_engine->submit(
            [key, micros, limit = m_stepJobs](Txn &txn) {
                QElapsedTimer clock;
                clock.start();
                Outcome<BulkOperations::Step> step = BulkOperations::step(txn, key, limit);
                *micros = clock.nsecsElapsed() / 1000;
                return step;
            },
            Reply<BulkOperations::Step>{
                this, [this, key, micros](const Outcome<BulkOperations::Step> &step) {
                    if (m_closed)
                        return;
                    if (!step.ok())
                        return scheduleStep(key, kRetryAfterFailureMs);
                    if (!step.value().more) {
                        m_running.remove(key);
                        return;
                    }
                    // The budget is shared: with n operations running, each pauses n times
                    // as long.
                    scheduleStep(key, Retention::pauseAfterStep(true, *micros, m_busyPercent, 0) *
                                          qMax<qsizetype>(1, m_running.size()));
                }});
    });
}
