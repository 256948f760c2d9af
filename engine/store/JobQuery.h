#pragma once

#include "JobCounters.h"
#include "JobFilter.h"
#include "SqlDialect.h"

#include <QSqlDatabase>
#include <QVariantList>

// Builds and runs the queries of a job list page. Each page is driven by one index chosen from
// the filters and the counters (never a scan of the whole table to find a page):
//  - `q`: the FTS5 index, in id order;
//  - a process instance, an element id or a worker: their index;
//  - state / type / tenant filters: one branch per non-empty (state, type, tenant) cell of the
//    counters on jobs_cell, merged (each branch is already in id order, so a page reads at most
//    `limit` rows per branch);
//  - otherwise the index of the sort key, with the filters checked on the rows it passes.
// Created-at order is id order: ids are time-ordered (KeyGenerator), so a keyset cursor on the
// id costs the same on page 1 and page 50,000, and jobs inserted meanwhile never shift it.
class JobQuery
{
public:
    struct Row
    {
        qint64 id = 0;
        qint64 sortValue = 0;
    };
    struct Statement
    {
        QString sql;
        QVariantList binds;
        QString strategy; // which index drives it (for tests and EXPLAIN QUERY PLAN)
    };

    static constexpr int kMaxBranches = 48;
    // Up to this many matching jobs may be sorted in memory instead of walking a sort index.
    static constexpr qint64 kSortInMemoryLimit = 20'000;

    explicit JobQuery(QSqlDatabase db) : m_db(std::move(db)), m_dialect(SqlDialect::of(m_db)) {}

    // Up to page.limit + 1 rows (one more than asked tells whether there is a next page).
    QList<Row> page(const JobFilter &filter, const PageRequest &page,
                    const QList<CounterCell> &cells);
    // How many jobs match, counting at most `cap` + 1 of them.
    qint64 countUpTo(const JobFilter &filter, const QList<CounterCell> &cells, qint64 cap);

    Statement pageStatement(const JobFilter &filter, const PageRequest &page,
                            const QList<CounterCell> &cells);
    Statement countStatement(const JobFilter &filter, const QList<CounterCell> &cells, qint64 cap);

    // The id range of jobs created at or after / before a time (ids are time-ordered).
    static qint64 firstIdAt(qint64 epochMs);

private:
    struct Branch;
    QList<Branch> plan(const JobFilter &filter, SortKey sort, const QList<CounterCell> &cells,
                       QString &strategy);
    qint64 boundedIndexCount(const char *sql, const QString &value, qint64 cap);

    QSqlDatabase m_db;
    SqlDialect m_dialect;
};
