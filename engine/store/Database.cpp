#include "Database.h"

#include <QSqlError>

namespace Database {

QSqlDatabase open(const QString &connectionName, const StoreOptions &options)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(options.path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
    if (!db.open())
        throw StoreError(
            QStringLiteral("cannot open store %1: %2").arg(options.path, db.lastError().text()));
    exec(db, QStringLiteral("PRAGMA journal_mode=WAL"));
    exec(db, options.synchronousFull ? QStringLiteral("PRAGMA synchronous=FULL")
                                     : QStringLiteral("PRAGMA synchronous=NORMAL"));
    exec(db, QStringLiteral("PRAGMA temp_store=MEMORY"));
    exec(db, QStringLiteral("PRAGMA cache_size=-65536")); // 64 MiB page cache
    return db;
}

void close(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

void exec(QSqlQuery &query)
{
    if (!query.exec())
        throw StoreError(query.lastError().text());
}

void exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        throw StoreError(QStringLiteral("%1: %2").arg(sql, query.lastError().text()));
}

} // namespace Database
