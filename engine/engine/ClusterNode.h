#pragma once

#include "store/Database.h"
#include "store/NodeStore.h"

#include <QObject>
#include <QSqlDriver>

// This Jobdeck node among the others sharing one PostgreSQL database. Owns a connection of its
// own on the engine thread that
//  - holds a session advisory lock on the node id, so that a second node started with the same
//    id is refused (the lock goes with the connection when a node dies, even by kill -9);
//  - registers the node (its slot: part of its ids, shard of its counter rows) and beats;
//  - LISTENs for the engine's notifications: jobs that became activatable on another node.
class ClusterNode : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *kChannel = "jobdeck_activatable";

    ClusterNode(StoreOptions store, QString nodeId, QObject *parent = nullptr);
    ~ClusterNode() override;

    void open(qint64 now); // throws StoreError
    int slot() const { return m_slot; }
    void heartbeat(qint64 now);
    // The payload the engine sends with pg_notify for a job type, and back.
    QString payload(const QString &type) const;

signals:
    // Another node made jobs of this type activatable.
    void jobsAvailable(const QString &type);

private:
    void onNotification(const QString &name, QSqlDriver::NotificationSource source,
                        const QVariant &payload);

    StoreOptions m_store;
    QString m_nodeId;
    QString m_connectionName;
    int m_slot = -1;
};
