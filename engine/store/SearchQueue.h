#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>

#include <optional>

// SQLite's full-text index, fed in batches: the jobs table's triggers queue every job whose
// indexed text changed (search_pending, migration 9), and drain() moves the queue into jobs_fts
// in a few statements, inside the caller's transaction. Until then `q` finds a job by the text
// it had at the previous drain; the engine drains at least every search_lag_ms. A no-op on
// PostgreSQL, whose triggers write the search index statement by statement.
class SearchQueue
{
public:
    explicit SearchQueue(QSqlDatabase db);

    // Indexes at most `limit` queued jobs (oldest first); false when more stay queued.
    bool drain(int limit);

private:
    QSqlQuery &statement(std::optional<QSqlQuery> &slot, const char *sql);

    QSqlDatabase m_db;
    bool m_postgres;
    std::optional<QSqlQuery> m_bound, m_remove, m_add, m_forget;
};
