#include "Database.h"

#include "JobColumns.h"
#include "SqlDialect.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

#include <sqlite3.h>

namespace Database {
namespace {

// postgresql://user:password@host:port/dbname[?host=/socket/dir]
QSqlDatabase openPostgres(const QString &connectionName, const StoreOptions &options)
{
    const QUrl url(options.path);
    if (!url.isValid() || url.path().size() < 2)
        throw StoreError(QStringLiteral("not a PostgreSQL URL (postgresql://user:password@host:"
                                        "port/dbname): %1")
                             .arg(url.toString(QUrl::RemovePassword)));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    if (!db.isValid())
        throw StoreError(QStringLiteral("the QPSQL driver is not installed (Debian package "
                                        "libqt6sql6-psql)"));
    const QString socketDir =
        QUrlQuery(url).queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    db.setHostName(socketDir.isEmpty() ? url.host() : socketDir);
    db.setPort(url.port(5432));
    db.setUserName(url.userName(QUrl::FullyDecoded));
    db.setPassword(url.password(QUrl::FullyDecoded));
    db.setDatabaseName(url.path(QUrl::FullyDecoded).mid(1));
    db.setConnectOptions(QStringLiteral("connect_timeout=%1;application_name=jobdeck")
                             .arg(qMax(1, options.busyTimeoutMs / 1000)));
    if (!db.open())
        throw StoreError(QStringLiteral("cannot open store %1: %2")
                             .arg(url.toString(QUrl::RemovePassword), db.lastError().text()));
    // A statement waits for another node's row lock at most this long.
    exec(db, QStringLiteral("SET lock_timeout = %1").arg(options.busyTimeoutMs));
    if (!options.synchronousFull)
        exec(db, QStringLiteral("SET synchronous_commit = off"));
    // Each statement is planned for its own parameters and the tables as they are now. A generic
    // plan is cached once per session, often while jobs is still nearly empty, and then keeps a
    // sequential scan of jobs (a batch hash-joined against the whole table) for every later
    // batch however large the table has grown, until the next ANALYZE.
    exec(db, QStringLiteral("SET plan_cache_mode = force_custom_plan"));
    // Messages of the server stay out of the log (NOTICE: relation exists...).
    exec(db, QStringLiteral("SET client_min_messages = warning"));
    return db;
}

} // namespace

QString displayName(const QString &location)
{
    return SqlDialect::isPostgresUrl(location) ? QUrl(location).toString(QUrl::RemovePassword)
                                               : location;
}

QSqlDatabase open(const QString &connectionName, const StoreOptions &options)
{
    if (SqlDialect::isPostgresUrl(options.path))
        return openPostgres(connectionName, options);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(options.path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
    if (!db.open())
        throw StoreError(
            QStringLiteral("cannot open store %1: %2").arg(options.path, db.lastError().text()));
    exec(db, QStringLiteral("PRAGMA journal_mode=WAL"));
    exec(db, options.synchronousFull ? QStringLiteral("PRAGMA synchronous=FULL")
                                     : QStringLiteral("PRAGMA synchronous=NORMAL"));
    exec(db, QStringLiteral("PRAGMA journal_size_limit=%1").arg(options.walLimitBytes));
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

namespace {

// PostgreSQL text cannot hold U+0000, and QPSQL cuts a bound value there, which breaks the
// statement (and with it the whole transaction of every request in the batch). Such characters
// are stored as U+FFFD instead.
void replaceNulsForPostgres(QSqlQuery &query)
{
    if (!query.driver() || query.driver()->dbmsType() != QSqlDriver::PostgreSQL)
        return;
    const QVariantList values = query.boundValues();
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (values[i].typeId() != QMetaType::QString)
            continue;
        QString text = values[i].toString();
        if (text.contains(QChar(0)))
            query.bindValue(int(i), text.replace(QChar(0), QChar(0xFFFD)));
    }
}

} // namespace

void exec(QSqlQuery &query)
{
    replaceNulsForPostgres(query);
    if (!query.exec())
        throw StoreError(query.lastError().text());
}

void exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        throw StoreError(QStringLiteral("%1: %2").arg(sql, query.lastError().text()));
}

void tuneSqlite()
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); // SQLITE_MISUSE once initialised: then no change
}

QSqlQuery prepare(QSqlDatabase &db, const QString &sqlTemplate)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(JobColumns::expand(sqlTemplate)))
        throw StoreError(
            QStringLiteral("prepare failed: %1: %2").arg(sqlTemplate, q.lastError().text()));
    return q;
}

} // namespace Database
