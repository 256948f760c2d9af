#include "StoreFootprint.h"

#include "Database.h"
#include "SqlDialect.h"

#include <QFileInfo>
#include <QSqlQuery>

namespace {

qint64 scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    Database::exec(q);
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace

StoreFootprint StoreFootprint::read(QSqlDatabase db)
{
    StoreFootprint out;
    if (SqlDialect::of(db).isPostgres()) {
        out.bytes = scalar(db, QStringLiteral("SELECT pg_database_size(current_database())"));
    } else {
        const qint64 pageSize = scalar(db, QStringLiteral("PRAGMA page_size"));
        out.bytes = pageSize * scalar(db, QStringLiteral("PRAGMA page_count"));
        out.freeBytes = pageSize * scalar(db, QStringLiteral("PRAGMA freelist_count"));
        out.walBytes = QFileInfo(db.databaseName() + QStringLiteral("-wal")).size();
    }
    // The smallest key of the jobs_finished index (migration 5): one probe, not a scan.
    out.oldestFinishedAt = scalar(
        db, QStringLiteral("SELECT MIN(finished_at) FROM jobs WHERE finished_at IS NOT NULL"));
    return out;
}
