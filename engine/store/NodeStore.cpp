#include "NodeStore.h"

#include "Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace {
constexpr qint64 kRegistrationLock = 0x6a6f626e6f6465; // "jobnode"

} // namespace

int NodeStore::registerNode(const Node &node, qint64 now, qint64 staleMs)
{
    if (!m_db.transaction())
        throw StoreError(QStringLiteral("cannot begin the node registration"));
    try {
        // Nodes starting together take their slots one after the other.
        Database::exec(m_db,
                       QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kRegistrationLock));
        QSqlQuery stale =
            Database::prepare(m_db, "DELETE FROM nodes WHERE heartbeat_at < ? AND node_id <> ?");
        stale.addBindValue(now - staleMs);
        stale.addBindValue(node.nodeId);
        Database::exec(stale);
        QSqlQuery own = Database::prepare(m_db, "SELECT slot FROM nodes WHERE node_id = ?");
        own.addBindValue(node.nodeId);
        Database::exec(own);
        int slot = -1;
        if (own.next()) {
            slot = own.value(0).toInt();
        } else {
            QSqlQuery free =
                Database::prepare(m_db, "SELECT s FROM generate_series(0, ?) AS s WHERE s NOT "
                                        "IN (SELECT slot FROM nodes) ORDER BY s LIMIT 1");
            free.addBindValue(kSlots - 1);
            Database::exec(free);
            if (!free.next())
                throw StoreError(QStringLiteral("all %1 node slots of the store are taken by "
                                                "running nodes")
                                     .arg(kSlots));
            slot = free.value(0).toInt();
        }
        own.finish();
        QSqlQuery upsert = Database::prepare(
            m_db, "INSERT INTO nodes (node_id, slot, address, pid, started_at, heartbeat_at) "
                  "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (node_id) DO UPDATE SET address = "
                  "excluded.address, pid = excluded.pid, started_at = excluded.started_at, "
                  "heartbeat_at = excluded.heartbeat_at");
        upsert.addBindValue(node.nodeId);
        upsert.addBindValue(slot);
        upsert.addBindValue(node.address);
        upsert.addBindValue(node.pid);
        upsert.addBindValue(now);
        upsert.addBindValue(now);
        Database::exec(upsert);
        if (!m_db.commit())
            throw StoreError(QStringLiteral("cannot commit the node registration"));
        return slot;
    } catch (...) {
        m_db.rollback();
        throw;
    }
}

void NodeStore::heartbeat(const QString &nodeId, qint64 now)
{
    QSqlQuery q = Database::prepare(m_db, "UPDATE nodes SET heartbeat_at = ? WHERE node_id = ?");
    q.addBindValue(now);
    q.addBindValue(nodeId);
    Database::exec(q);
}

QList<NodeStore::Node> NodeStore::nodes()
{
    QSqlQuery q =
        Database::prepare(m_db, "SELECT node_id, slot, address, pid, started_at, heartbeat_at "
                                "FROM nodes ORDER BY node_id");
    Database::exec(q);
    QList<Node> out;
    while (q.next())
        out.append(Node{q.value(0).toString(), q.value(1).toInt(), q.value(2).toString(),
                        q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toLongLong()});
    return out;
}
