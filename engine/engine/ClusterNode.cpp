#include "ClusterNode.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QSysInfo>

#include <atomic>

Q_LOGGING_CATEGORY(lcCluster, "jobdeck.cluster")

namespace {
std::atomic<int> s_clusterCount{0};
constexpr QChar kSeparator = QChar(0x1f); // between node id and job type in a payload
// A node silent for this long gives its slot up to a new node.
constexpr qint64 kStaleNodeMs = qint64(10) * 60 * 1000;
} // namespace

ClusterNode::ClusterNode(StoreOptions store, QString nodeId, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_nodeId(std::move(nodeId)),
      m_connectionName(QStringLiteral("jobdeck-cluster-%1").arg(s_clusterCount.fetch_add(1)))
{}

ClusterNode::~ClusterNode()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.driver()->unsubscribeFromNotification(QLatin1String(kChannel));
    }
    Database::close(m_connectionName);
}

void ClusterNode::open(qint64 now)
{
    QSqlDatabase db = Database::open(m_connectionName, m_store);
    QSqlQuery lock(db);
    lock.prepare(QStringLiteral("SELECT pg_try_advisory_lock(hashtext('jobdeck-node'), "
                                "hashtext(?))"));
    lock.addBindValue(m_nodeId);
    Database::exec(lock);
    if (!lock.next() || !lock.value(0).toBool())
        throw StoreError(QStringLiteral("node id %1 is in use by another running Jobdeck node "
                                        "on this database; give this one its own --node-id")
                             .arg(m_nodeId));
    NodeStore::Node node;
    node.nodeId = m_nodeId;
    node.address = QSysInfo::machineHostName();
    node.pid = QCoreApplication::applicationPid();
    m_slot = NodeStore(db).registerNode(node, now, kStaleNodeMs);
    connect(db.driver(),
            qOverload<const QString &, QSqlDriver::NotificationSource, const QVariant &>(
                &QSqlDriver::notification),
            this, &ClusterNode::onNotification);
    if (!db.driver()->subscribeToNotification(QLatin1String(kChannel)))
        throw StoreError(QStringLiteral("cannot LISTEN on %1").arg(QLatin1String(kChannel)));
    qCInfo(lcCluster) << "node" << m_nodeId << "joined the cluster in slot" << m_slot;
}

void ClusterNode::heartbeat(qint64 now)
{
    try {
        NodeStore(QSqlDatabase::database(m_connectionName, false)).heartbeat(m_nodeId, now);
    } catch (const StoreError &error) {
        qCWarning(lcCluster) << "heartbeat failed:" << error.what();
    }
}

QString ClusterNode::payload(const QString &type) const
{
    return m_nodeId + kSeparator + type;
}

void ClusterNode::onNotification(const QString &name, QSqlDriver::NotificationSource,
                                 const QVariant &payload)
{
    if (name != QLatin1String(kChannel))
        return;
    const QString text = payload.toString();
    const qsizetype at = text.indexOf(kSeparator);
    if (at < 0 || QStringView(text).left(at) == m_nodeId)
        return; // our own: the engine handed those over already
    emit jobsAvailable(text.mid(at + 1));
}
