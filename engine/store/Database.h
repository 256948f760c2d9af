#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <stdexcept>

// A store operation that failed (disk full, read-only file, corrupt database...). Thrown by the
// store classes; the engine rolls the whole transaction back and answers 503.
class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const QString &what) : std::runtime_error(what.toStdString()) {}
};

struct StoreOptions
{
    QString path;                // SQLite file, or postgresql://user:password@host:port/db
    bool synchronousFull = true; // PRAGMA synchronous=FULL (else NORMAL)
    int busyTimeoutMs = 5000;
    // SQLite: the WAL file is truncated to at most this many bytes after a checkpoint (PRAGMA
    // journal_size_limit); without it the file keeps the size of its largest burst.
    qint64 walLimitBytes = 64LL * 1024 * 1024;
};

// Opens the named QtSql connections (one per thread: a QSqlDatabase belongs to the thread that
// opened it) with the pragmas the engine relies on: WAL, synchronous, busy timeout.
namespace Database {

// Process-wide SQLite settings; call before the first connection opens (SQLite takes them only
// before it initialises). Turns off its memory statistics, which nothing reads and which take a
// global mutex around every allocation and free.
void tuneSqlite();
// Opens a SQLite file, or a PostgreSQL database when options.path is a postgresql:// URL.
QSqlDatabase open(const QString &connectionName, const StoreOptions &options);
// The store's location for logs and the status bar: a URL without its password.
QString displayName(const QString &location);
void close(const QString &connectionName);

// Runs a statement and throws StoreError when it fails.
void exec(QSqlQuery &query);
void exec(QSqlDatabase &db, const QString &sql);
// A forward-only query prepared from a statement template (JobColumns::expand fills in column
// lists and state numbers); throws StoreError when it does not prepare.
QSqlQuery prepare(QSqlDatabase &db, const QString &sqlTemplate);
inline QSqlQuery prepare(QSqlDatabase &db, const char *sqlTemplate)
{
    return prepare(db, QString::fromLatin1(sqlTemplate));
}

} // namespace Database
