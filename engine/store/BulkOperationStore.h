#pragma once

#include "BulkOperationRecord.h"

#include <QSqlDatabase>

// The bulk_operations table and its refusals (migration 10). Used by the engine inside its
// transaction and by readers.
class BulkOperationStore
{
public:
    explicit BulkOperationStore(QSqlDatabase db) : m_db(std::move(db)) {}

    void insert(const BulkOperationRecord &operation);
    // With its refusals. `forUpdate`: on PostgreSQL the row is locked until the transaction
    // ends, so that a stop from another node and a step never cross.
    std::optional<BulkOperationRecord> find(const QString &key, bool forUpdate = false);
    // The newest first, with their refusals.
    QList<BulkOperationRecord> newest(int limit);
    // The keys of the operations still running on a node.
    QStringList running(const QString &nodeId);
    // SQLite (one node): every running operation becomes this node's (its id may have changed
    // since they started).
    void takeAllRunning(const QString &nodeId);
    // PostgreSQL, several nodes: takes over the running operations of nodes whose heartbeat is
    // older than `aliveSince` (gone for good, or not restarted yet) and returns their keys. One
    // statement: of two nodes adopting at once, one gets each operation.
    QStringList adoptOrphans(const QString &nodeId, qint64 aliveSince);
    // Status, cursor, counters, finish: everything a step or a stop changes.
    void updateProgress(const BulkOperationRecord &operation);
    // Refusal number `seq` (0-based) of an operation.
    void addRefusal(const QString &key, qint64 seq, const BulkRefusalRecord &refusal);

    // Removes finished operations (with their refusals) beyond the newest `keep` operations;
    // running ones stay. Returns how many went.
    int pruneFinished(int keep);

    // The highest job id in the store now: an operation started now touches no job above it.
    qint64 lastJobId();

private:
    QList<BulkOperationRecord> readAll(QSqlQuery &query);
    QList<BulkRefusalRecord> refusals(const QString &key);

    QSqlDatabase m_db;
};
