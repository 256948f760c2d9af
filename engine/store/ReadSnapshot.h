#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>

// A read transaction: every query of one answer sees the same snapshot of the store (WAL), so
// that counters, pages and counts agree with each other.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(QSqlDatabase db) : m_db(std::move(db)), m_open(m_db.transaction())
    {
        // PostgreSQL's default (READ COMMITTED) takes a new snapshot per statement.
        if (m_open && m_db.driverName() == QLatin1String("QPSQL"))
            QSqlQuery(m_db).exec(
                QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
    }
    ~ReadSnapshot()
    {
        if (m_open)
            m_db.rollback(); // nothing was written
    }
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;

private:
    QSqlDatabase m_db;
    bool m_open;
};
