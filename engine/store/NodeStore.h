#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

// The nodes table of a PostgreSQL store: the Jobdeck nodes sharing the database, their slots
// and heartbeats. Every failure throws StoreError.
class NodeStore
{
public:
    struct Node
    {
        QString nodeId;
        int slot = 0;
        QString address;
        qint64 pid = 0;
        qint64 startedAt = 0;
        qint64 heartbeatAt = 0;
    };
    static constexpr int kSlots = 64; // KeyGenerator::kSlotBits

    explicit NodeStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // The slot of `nodeId`: the one it had, else the lowest free one (a node silent for
    // `staleMs` gives its slot up). Runs in a transaction of its own.
    int registerNode(const Node &node, qint64 now, qint64 staleMs);
    void heartbeat(const QString &nodeId, qint64 now);
    QList<Node> nodes();

private:
    QSqlDatabase m_db;
};
