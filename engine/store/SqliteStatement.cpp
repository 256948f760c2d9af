#include "SqliteStatement.h"

#include "Database.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

sqlite3 *SqliteStatement::handleOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

SqliteStatement::SqliteStatement(const QSqlDatabase &db, const QString &sql) : m_db(handleOf(db))
{
    if (!m_db)
        throw StoreError(QStringLiteral("not an open SQLite connection"));
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v3(m_db, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT,
                           &m_statement, nullptr) != SQLITE_OK)
        fail("prepare failed");
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::bindInt(int position, qint64 value)
{
    if (sqlite3_bind_int64(m_statement, position, value) != SQLITE_OK)
        fail("bind failed");
}

void SqliteStatement::bindText(int position, const QString &text)
{
    if (text.isNull())
        return bindNull(position);
    if (sqlite3_bind_text16(m_statement, position, text.utf16(), int(text.size() * 2),
                            SQLITE_TRANSIENT) != SQLITE_OK)
        fail("bind failed");
}

void SqliteStatement::bindUtf8(int position, const QByteArray &utf8)
{
    if (utf8.isNull())
        return bindNull(position);
    if (sqlite3_bind_text(m_statement, position, utf8.constData(), int(utf8.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK)
        fail("bind failed");
}

void SqliteStatement::bindNull(int position)
{
    if (sqlite3_bind_null(m_statement, position) != SQLITE_OK)
        fail("bind failed");
}

int SqliteStatement::run()
{
    const int rc = sqlite3_step(m_statement);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        const StoreError error = errorOf("statement failed");
        sqlite3_reset(m_statement);
        throw error;
    }
    const int changed = sqlite3_changes(m_db);
    sqlite3_reset(m_statement);
    return changed;
}

StoreError SqliteStatement::errorOf(const char *what) const
{
    return StoreError(QStringLiteral("%1: %2 (%3)")
                          .arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(m_db)))
                          .arg(sqlite3_extended_errcode(m_db)));
}

void SqliteStatement::fail(const char *what)
{
    throw errorOf(what);
}
