#include "BulkOperationStore.h"

#include "Database.h"
#include "JobColumns.h"
#include "SqlDialect.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace {

#define BULK_COLUMNS                                                                               \
    "operation_key, action, filter_text, job_filter, retries, reason, tenants, node_id, status, "  \
    "last_job_id, cursor_id, matched, matched_exact, processed, succeeded, refused, created_at, "  \
    "created_by, finished_at, stopped_by"

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out.append(v.toString());
    return out;
}

// The filter the engine applies, as the store keeps it (the row's own format, not the API's).
QByteArray encodeFilter(const JobFilter &f)
{
    QJsonArray states;
    for (JobState state : f.states)
        states.append(int(state));
    const QJsonObject o{
        {QStringLiteral("states"), states},
        {QStringLiteral("type"), f.type},
        {QStringLiteral("worker"), f.worker},
        {QStringLiteral("process_instance_id"), f.processInstanceId},
        {QStringLiteral("element_id"), f.elementId},
        {QStringLiteral("tenant_id"), f.tenantId},
        {QStringLiteral("visible_tenants"), strings(f.visibleTenants)},
        {QStringLiteral("created_after"), f.createdAfter},
        {QStringLiteral("created_before"), f.createdBefore},
        {QStringLiteral("terms"), strings(f.terms)},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

JobFilter decodeFilter(const QByteArray &text)
{
    const QJsonObject o = QJsonDocument::fromJson(text).object();
    JobFilter f;
    for (const QJsonValue &v : o.value(QStringLiteral("states")).toArray())
        f.states.append(JobState(v.toInt()));
    f.type = o.value(QStringLiteral("type")).toString();
    f.worker = o.value(QStringLiteral("worker")).toString();
    f.processInstanceId = o.value(QStringLiteral("process_instance_id")).toString();
    f.elementId = o.value(QStringLiteral("element_id")).toString();
    f.tenantId = o.value(QStringLiteral("tenant_id")).toString();
    f.visibleTenants = stringsOf(o.value(QStringLiteral("visible_tenants")));
    f.createdAfter = o.value(QStringLiteral("created_after")).toInteger();
    f.createdBefore = o.value(QStringLiteral("created_before")).toInteger();
    f.terms = stringsOf(o.value(QStringLiteral("terms")));
    return f;
}

// QtSql binds a null QString as NULL; these columns hold an empty text instead.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

BulkStatus statusOf(const QString &name)
{
    if (name == QLatin1String("COMPLETED"))
        return BulkStatus::Completed;
    if (name == QLatin1String("CANCELLED"))
        return BulkStatus::Cancelled;
    return BulkStatus::Running;
}

BulkOperationRecord read(const QSqlQuery &q)
{
    BulkOperationRecord o;
    int i = 0;
    o.key = q.value(i++).toString();
    o.action =
        BulkOperationRecord::actionFromName(q.value(i++).toString()).value_or(BulkAction::Cancel);
    o.filterText = q.value(i++).toString().toUtf8();
    o.filter = decodeFilter(q.value(i++).toString().toUtf8());
    o.retries = q.value(i++).toInt();
    o.reason = q.value(i++).toString();
    o.tenants = q.value(i++).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    o.nodeId = q.value(i++).toString();
    o.status = statusOf(q.value(i++).toString());
    o.lastJobId = q.value(i++).toLongLong();
    o.cursorId = q.value(i++).toLongLong();
    o.matched = q.value(i++).toLongLong();
    o.matchedExact = q.value(i++).toInt() != 0;
    o.processed = q.value(i++).toLongLong();
    o.succeeded = q.value(i++).toLongLong();
    o.refused = q.value(i++).toLongLong();
    o.createdAt = q.value(i++).toLongLong();
    o.createdBy = q.value(i++).toString();
    o.finishedAt = q.value(i++).toLongLong();
    o.stoppedBy = q.value(i++).toString();
    return o;
}

} // namespace

QString BulkOperationRecord::actionName(BulkAction action)
{
    switch (action) {
    case BulkAction::Cancel:
        return QStringLiteral("cancel");
    case BulkAction::Retry:
        return QStringLiteral("retry");
    case BulkAction::Delete:
        return QStringLiteral("delete");
    }
    return {};
}

std::optional<BulkAction> BulkOperationRecord::actionFromName(const QString &name)
{
    for (BulkAction action : {BulkAction::Cancel, BulkAction::Retry, BulkAction::Delete})
        if (actionName(action) == name)
            return action;
    return std::nullopt;
}

QString BulkOperationRecord::statusName(BulkStatus status)
{
    switch (status) {
    case BulkStatus::Running:
        return QStringLiteral("RUNNING");
    case BulkStatus::Completed:
        return QStringLiteral("COMPLETED");
    case BulkStatus::Cancelled:
        return QStringLiteral("CANCELLED");
    }
    return {};
}

void BulkOperationStore::insert(const BulkOperationRecord &o)
{
    QSqlQuery q = Database::prepare(
        m_db, "INSERT INTO bulk_operations (" BULK_COLUMNS
              ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.addBindValue(o.key);
    q.addBindValue(BulkOperationRecord::actionName(o.action));
    q.addBindValue(QString::fromUtf8(o.filterText));
    q.addBindValue(QString::fromUtf8(encodeFilter(o.filter)));
    q.addBindValue(o.retries);
    q.addBindValue(text(o.reason));
    q.addBindValue(o.tenants.join(QLatin1Char(',')));
    q.addBindValue(o.nodeId);
    q.addBindValue(BulkOperationRecord::statusName(o.status));
    q.addBindValue(o.lastJobId);
    q.addBindValue(o.cursorId);
    q.addBindValue(o.matched);
    q.addBindValue(o.matchedExact ? 1 : 0);
    q.addBindValue(o.processed);
    q.addBindValue(o.succeeded);
    q.addBindValue(o.refused);
    q.addBindValue(o.createdAt);
    q.addBindValue(text(o.createdBy));
    q.addBindValue(JobColumns::orNull(o.finishedAt));
    q.addBindValue(JobColumns::orNull(o.stoppedBy));
    Database::exec(q);
}

std::optional<BulkOperationRecord> BulkOperationStore::find(const QString &key, bool forUpdate)
{
    const bool lock = forUpdate && SqlDialect::of(m_db).isPostgres();
    QSqlQuery q =
        Database::prepare(m_db, QStringLiteral("SELECT " BULK_COLUMNS
                                               " FROM bulk_operations WHERE operation_key = ?") +
                                    (lock ? QStringLiteral(" FOR UPDATE") : QString()));
    q.addBindValue(key);
    const QList<BulkOperationRecord> rows = readAll(q);
    return rows.isEmpty() ? std::nullopt : std::optional<BulkOperationRecord>(rows.first());
}

QList<BulkOperationRecord> BulkOperationStore::newest(int limit)
{
    QSqlQuery q = Database::prepare(m_db, "SELECT " BULK_COLUMNS " FROM bulk_operations ORDER BY "
                                          "created_at DESC, operation_key DESC LIMIT ?");
    q.addBindValue(limit);
    return readAll(q);
}

QStringList BulkOperationStore::running(const QString &nodeId)
{
    QSqlQuery q = Database::prepare(m_db, "SELECT operation_key FROM bulk_operations WHERE "
                                          "status = 'RUNNING' AND node_id = ? ORDER BY created_at");
    q.addBindValue(nodeId);
    Database::exec(q);
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

QStringList BulkOperationStore::adoptOrphans(const QString &nodeId, qint64 aliveSince)
{
    QSqlQuery q = Database::prepare(
        m_db, "UPDATE bulk_operations SET node_id = ? WHERE status = 'RUNNING' AND node_id <> ? "
              "AND node_id NOT IN (SELECT node_id FROM nodes WHERE heartbeat_at >= ?) "
              "RETURNING operation_key");
    q.addBindValue(nodeId);
    q.addBindValue(nodeId);
    q.addBindValue(aliveSince);
    Database::exec(q);
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

void BulkOperationStore::takeAllRunning(const QString &nodeId)
{
    QSqlQuery q = Database::prepare(
        m_db, "UPDATE bulk_operations SET node_id = ? WHERE status = 'RUNNING' AND node_id <> ?");
    q.addBindValue(nodeId);
    q.addBindValue(nodeId);
    Database::exec(q);
}

void BulkOperationStore::updateProgress(const BulkOperationRecord &o)
{
    QSqlQuery q = Database::prepare(
        m_db,
        "UPDATE bulk_operations SET status = ?, cursor_id = ?, processed = ?, "
        "succeeded = ?, refused = ?, finished_at = ?, stopped_by = ? WHERE operation_key = ?");
    q.addBindValue(BulkOperationRecord::statusName(o.status));
    q.addBindValue(o.cursorId);
    q.addBindValue(o.processed);
    q.addBindValue(o.succeeded);
    q.addBindValue(o.refused);
    q.addBindValue(JobColumns::orNull(o.finishedAt));
    q.addBindValue(JobColumns::orNull(o.stoppedBy));
    q.addBindValue(o.key);
    Database::exec(q);
}

void BulkOperationStore::addRefusal(const QString &key, qint64 seq, const BulkRefusalRecord &r)
{
    QSqlQuery q = Database::prepare(m_db, "INSERT INTO bulk_operation_refusals (operation_key, "
                                          "seq, job_key, kind, action, state) VALUES "
                                          "(?, ?, ?, ?, ?, ?)");
    q.addBindValue(key);
    q.addBindValue(seq);
    q.addBindValue(r.jobKey);
    q.addBindValue(r.kind);
    q.addBindValue(r.action);
    q.addBindValue(r.state ? QVariant(*r.state) : QVariant(QMetaType(QMetaType::Int)));
    Database::exec(q);
}

int BulkOperationStore::pruneFinished(int keep)
{
    // The creation time of the keep-th newest operation: finished ones older than it go.
    const char *older = "status <> 'RUNNING' AND created_at < (SELECT created_at FROM "
                        "bulk_operations ORDER BY created_at DESC LIMIT 1 OFFSET ?)";
    QSqlQuery refusals = Database::prepare(
        m_db, QStringLiteral("DELETE FROM bulk_operation_refusals WHERE operation_key IN "
                             "(SELECT operation_key FROM bulk_operations WHERE %1)")
                  .arg(QLatin1String(older)));
    refusals.addBindValue(qMax(0, keep - 1));
    Database::exec(refusals);
    QSqlQuery operations = Database::prepare(
        m_db, QStringLiteral("DELETE FROM bulk_operations WHERE %1").arg(QLatin1String(older)));
    operations.addBindValue(qMax(0, keep - 1));
    Database::exec(operations);
    return operations.numRowsAffected();
}

qint64 BulkOperationStore::lastJobId()
{
    QSqlQuery q = Database::prepare(m_db, "SELECT MAX(id) FROM jobs");
    Database::exec(q);
    return q.next() ? q.value(0).toLongLong() : 0;
}

QList<BulkOperationRecord> BulkOperationStore::readAll(QSqlQuery &q)
{
    Database::exec(q);
    QList<BulkOperationRecord> out;
    while (q.next())
        out.append(read(q));
    for (BulkOperationRecord &o : out)
        o.refusals = refusals(o.key);
    return out;
}

QList<BulkRefusalRecord> BulkOperationStore::refusals(const QString &key)
{
    QSqlQuery q = Database::prepare(m_db, "SELECT job_key, kind, action, state FROM "
                                          "bulk_operation_refusals WHERE operation_key = ? "
                                          "ORDER BY seq");
    q.addBindValue(key);
    Database::exec(q);
    QList<BulkRefusalRecord> out;
    while (q.next()) {
        BulkRefusalRecord r{q.value(0).toString(), q.value(1).toInt(), q.value(2).toInt(), {}, {}};
        if (!q.value(3).isNull())
            r.state = q.value(3).toInt();
        out.append(r);
    }
    return out;
}
