#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

class StoreError;
struct sqlite3;
struct sqlite3_stmt;

// One SQLite statement run through the sqlite3 C API on a QtSql connection's own handle
// (QSqlDriver::handle()), inside whatever transaction that connection has open. For the engine's
// hottest writes only: QSqlQuery binds each value as a QVariant and names every positional
// placeholder (":0", ":1", ...) with a formatted string on each bind, which cost about a tenth of
// the engine thread per job. Must not outlive the connection (QtSql closes it with sqlite3_close,
// which refuses while a statement is left).
class SqliteStatement
{
public:
    SqliteStatement(const QSqlDatabase &db, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Binds by position, from 1 as SQLite counts.
    void bindInt(int position, qint64 value);
    void bindText(int position, const QString &text);    // a null QString binds NULL
    void bindUtf8(int position, const QByteArray &utf8); // a null QByteArray binds NULL
    void bindNull(int position);
    // Runs it to completion (a write), throws StoreError on failure, and resets it; returns the
    // rows it changed.
    int run();

    // The connection's sqlite3 handle, or null when it is not a SQLite connection.
    static sqlite3 *handleOf(const QSqlDatabase &db);

private:
    StoreError errorOf(const char *what) const;
    [[noreturn]] void fail(const char *what);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
};
