#pragma once

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

// A read transaction: every query of one answer sees the same snapshot of the store (WAL), so
// that counters, pages and counts agree with each other. Nested snapshots on one connection
// (a read that calls JobReads, which takes its own) share the outermost one: PostgreSQL would
// accept a second BEGIN with a warning, and the inner ROLLBACK would end the outer snapshot.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(QSqlDatabase db) : m_db(std::move(db))
    {
        if (open().contains(m_db.connectionName()))
            return; // inside an outer snapshot of this connection
        m_open = m_db.transaction();
        if (!m_open)
            return;
        open().insert(m_db.connectionName());
        // PostgreSQL's default (READ COMMITTED) takes a new snapshot per statement.
        if (m_db.driverName() == QLatin1String("QPSQL"))
            QSqlQuery(m_db).exec(
                QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
    }
    ~ReadSnapshot()
    {
        if (!m_open)
            return;
        open().remove(m_db.connectionName());
        m_db.rollback(); // nothing was written
    }
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;

private:
    // The connections of this thread with a snapshot open (a connection belongs to one thread).
    static QSet<QString> &open()
    {
        thread_local QSet<QString> names;
        return names;
    }

    QSqlDatabase m_db;
    bool m_open = false;
};
