#pragma once

#include "BulkOperations.h"

#include <QObject>
#include <QSet>
#include <QSqlDatabase>

class Engine;

// Runs the bulk operations of this node on the engine thread: each step (BulkOperations::step)
// is a request of its own in the engine's queue, so normal traffic goes on between steps, and
// the pause after a step keeps the operations within `busyPercent` of the engine's time. An
// operation goes on whether or not a client watches it; at start the engine resumes those a
// previous run of this node left running.
class BulkOperationRunner : public QObject
{
    Q_OBJECT
public:
    // `keep`: finished operations kept (the newest), beyond which starting one forgets the oldest.
    BulkOperationRunner(Engine *engine, int stepJobs, int busyPercent, int keep);

    // Thread-safe: submits the start; once it is committed the operation runs, then `reply`
    // gets it.
    void start(const ApiKey &caller, const BulkSpec &spec, Reply<BulkOperationRecord> reply);
    // On the engine thread: runs these operations (those already running are left as they are).
    void resume(const QStringList &keys);
    // PostgreSQL, on the engine thread outside a transaction (the cluster tick): at most every
    // kAdoptEveryMs, takes over and runs the operations of nodes that stopped beating.
    void takeOverOrphans(QSqlDatabase db, const QString &nodeId, qint64 now);
    void close(); // no step is scheduled after this

private:
    void run(const QString &key);
    void scheduleStep(const QString &key, qint64 afterMs);

    Engine *m_engine;
    int m_stepJobs;
    int m_busyPercent;
    int m_keep;
    QSet<QString> m_running;
    qint64 m_nextAdoption = 0;
    bool m_closed = false;
};
