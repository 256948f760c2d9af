#pragma once

#include <QSqlDatabase>
#include <QString>

// The SQL dialect of a store: SQLite (an embedded file) or PostgreSQL (a server several Jobdeck
// nodes can share). Statements that differ between the two pick their text here, so that the
// store classes hold one code path with a few dialect-chosen fragments instead of scattered
// driver checks.
class SqlDialect
{
public:
    enum class Kind { Sqlite, Postgres };

    constexpr SqlDialect(Kind kind = Kind::Sqlite) : m_kind(kind) {}
    static SqlDialect of(const QSqlDatabase &db)
    {
        return SqlDialect(db.driverName() == QLatin1String("QPSQL") ? Kind::Postgres
                                                                    : Kind::Sqlite);
    }
    // A store location that names a PostgreSQL database (postgresql://user:pw@host:port/db).
    static bool isPostgresUrl(const QString &location)
    {
        return location.startsWith(QLatin1String("postgresql://")) ||
               location.startsWith(QLatin1String("postgres://"));
    }

    Kind kind() const { return m_kind; }
    bool isPostgres() const { return m_kind == Kind::Postgres; }
    // The name GET /health shows as "store".
    QString storeName() const
    {
        return isPostgres() ? QStringLiteral("postgres") : QStringLiteral("sqlite");
    }
    // One of two statement texts: the SQLite one, or the PostgreSQL one.
    const char *pick(const char *sqlite, const char *postgres) const
    {
        return isPostgres() ? postgres : sqlite;
    }
    // Rows a writer reads to change them: locked on PostgreSQL until the transaction ends, so
    // that another node cannot change them in between (SQLite has one writer at a time).
    const char *forUpdate() const { return isPostgres() ? " FOR UPDATE" : ""; }
    // Rows a writer claims for itself: rows another node holds are passed over, not waited for.
    const char *forUpdateSkipLocked() const
    {
        return isPostgres() ? " FOR UPDATE SKIP LOCKED" : "";
    }

private:
    Kind m_kind;
};
