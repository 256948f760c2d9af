#include "JobQuery.h"

#include "Database.h"
#include "SqlWhere.h"

namespace {

constexpr qint64 kIdEpochMs = 1704067200000; // KeyGenerator's epoch (2024-01-01)
constexpr int kIdSequenceBits = 20;

struct SortInfo
{
    const char *expression; // over the jobs table as "j"
    const char *index;      // the index that walks it in order
};

SortInfo sortInfo(SortKey key)
{
    switch (key) {
    case SortKey::CreatedAt:
        return {"j.id", nullptr};
    case SortKey::ActivatedAt:
        return {"ifnull(j.activated_at, 0)", nullptr};
    case SortKey::Deadline:
        return {"ifnull(j.deadline, 0)", nullptr};
    case SortKey::UpdatedAt:
        return {"j.updated_at", "jobs_sort_updated"};
    case SortKey::Priority:
        return {"j.priority", nullptr};
    }
    return {"j.id", nullptr};
}

QVariantList stateValues(const QList<JobState> &states)
{
    QVariantList out;
    for (JobState state : states)
        out.append(int(state));
    return out;
}

// Every filter, on the rows whichever index delivers. Terms an index already applies are
// harmless here: the planner uses them for the index and skips them as filters.
SqlWhere filterTerms(const JobFilter &f)
{
    SqlWhere where;
    where.addIn("j.state", stateValues(f.states));
    if (!f.type.isEmpty())
        where.add("j.type = ?", {f.type});
    if (!f.tenantId.isEmpty())
        where.add("j.tenant_id = ?", {f.tenantId});
    QVariantList tenants;
    for (const QString &tenant : f.visibleTenants)
        tenants.append(tenant);
    where.addIn("j.tenant_id", tenants);
    if (!f.worker.isEmpty())
        where.add("j.worker = ?", {f.worker});
    if (!f.processInstanceId.isEmpty())
        where.add("j.process_instance_id = ?", {f.processInstanceId});
    if (!f.elementId.isEmpty())
        where.add("j.element_id = ?", {f.elementId});
    // Creation time: the id range does the work (ids are time-ordered), created_at keeps it
    // exact.
    if (f.createdAfter)
        where.add("j.id >= ? AND j.created_at >= ?",
                  {JobQuery::firstIdAt(f.createdAfter), f.createdAfter});
    if (f.createdBefore)
        where.add("j.id < ? AND j.created_at < ?",
                  {JobQuery::firstIdAt(f.createdBefore), f.createdBefore});
    if (f.lastId)
        where.add("j.id <= ?", {f.lastId});
    return where;
}

// The MATCH expression of `q`: every word must occur (each quoted, so no FTS5 syntax leaks),
// the last one perhaps as a prefix query ("merch" *).
QString matchExpression(const JobFilter &f)
{
    QStringList quoted;
    for (const QString &term : f.terms)
        quoted.append(QLatin1Char('"') +
                      QString(term).replace(QLatin1Char('"'), QLatin1String("\"\"")) +
                      QLatin1Char('"'));
    if (f.lastTermIsPrefix())
        quoted.last() += QLatin1String(" *");
    return quoted.join(QLatin1Char(' '));
}

} // namespace

struct JobQuery::Branch
{
    QString source; // FROM ...
    const char *idExpression = "j.id";
    SqlWhere where;
};

qint64 JobQuery::firstIdAt(qint64 epochMs)
{
    return qMax<qint64>(0, epochMs - kIdEpochMs) << kIdSequenceBits;
}

qint64 JobQuery::boundedIndexCount(const char *sql, const QString &value, qint64 cap)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QString::fromLatin1(sql));
    q.bindValue(0, value);
    q.bindValue(1, cap + 1);
    Database::exec(q);
    return q.next() ? q.value(0).toLongLong() : 0;
}

QList<JobQuery::Branch> JobQuery::plan(const JobFilter &f, SortKey sort,
                                       const QList<CounterCell> &cells, QString &strategy)
{
    const SortInfo info = sortInfo(sort);
    const bool idOrder = sort == SortKey::CreatedAt;
    const auto single = [&](const QString &name, const QString &source) {
        strategy = name;
        Branch b;
        b.source = source;
        b.where = filterTerms(f);
        return QList<Branch>{b};
    };
    // SQLite is told which index drives a page; PostgreSQL's planner chooses for itself.
    const bool forced = !m_dialect.isPostgres();
    const auto indexed = [&](const char *index) {
        return forced ? QStringLiteral("jobs AS j INDEXED BY ") + QLatin1String(index)
                      : QStringLiteral("jobs AS j");
    };
    const auto sortDriven = [&] {
        return single(QStringLiteral("sort_index"),
                      info.index ? indexed(info.index)
                                 : (forced ? QStringLiteral("jobs AS j NOT INDEXED")
                                           : QStringLiteral("jobs AS j")));
    };
    const auto fewMatch = [&](const char *sql, const QString &value) {
        return boundedIndexCount(sql, value, kSortInMemoryLimit) <= kSortInMemoryLimit;
    };

    if (!f.terms.isEmpty() && m_dialect.isPostgres()) {
        // Every word must occur; a term of several words (a@b.c) as a phrase.
        QList<Branch> branches = single(QStringLiteral("fulltext"),
                                        QStringLiteral("jobs_search AS s JOIN jobs AS j ON j.id "
                                                       "= s.id"));
        for (qsizetype i = 0; i < f.terms.size(); ++i)
            if (i == f.terms.size() - 1 && f.lastTermIsPrefix()) // letters and digits only
                branches[0].where.add("s.doc @@ to_tsquery('simple', ? || ':*')", {f.terms.at(i)});
            else
                branches[0].where.add("s.doc @@ phraseto_tsquery('simple', jobdeck_words(?))",
                                      {f.terms.at(i)});
        return branches;
    }
    if (!f.terms.isEmpty()) {
        QList<Branch> branches = single(QStringLiteral("fulltext"),
                                        QStringLiteral("jobs_fts CROSS JOIN jobs AS j ON j.id = "
                                                       "jobs_fts.rowid"));
        branches[0].idExpression = "jobs_fts.rowid";
        branches[0].where.add("jobs_fts MATCH ?", {matchExpression(f)});
        // The creation range on the index's own rowid, so that it skips outside the range.
        if (f.createdAfter)
            branches[0].where.add("jobs_fts.rowid >= ?", {firstIdAt(f.createdAfter)});
        if (f.createdBefore)
            branches[0].where.add("jobs_fts.rowid < ?", {firstIdAt(f.createdBefore)});
        return branches;
    }
    if (!f.processInstanceId.isEmpty())
        return single(QStringLiteral("process_instance"), indexed("jobs_process_instance"));
    if (!f.elementId.isEmpty() &&
        (idOrder || fewMatch("SELECT count(*) FROM (SELECT 1 FROM jobs WHERE element_id = ? "
                             "LIMIT ?) AS n",
                             f.elementId)))
        return single(QStringLiteral("element"), indexed("jobs_element"));
    if (!f.worker.isEmpty() &&
        (idOrder ||
         fewMatch("SELECT count(*) FROM (SELECT 1 FROM jobs WHERE worker = ? LIMIT ?) AS n",
                  f.worker))) {
        // jobs_worker is (worker, state): one branch per state keeps each in id order.
        strategy = QStringLiteral("worker");
        QList<Branch> branches;
        for (JobState state : f.states.isEmpty() ? JobStates::all() : f.states) {
            Branch b;
            b.source = indexed("jobs_worker");
            b.where.add("j.state = ?", {int(state)});
            b.where.append(filterTerms(f));
            branches.append(b);
        }
        return branches;
    }
    const bool narrowed = !f.states.isEmpty() || !f.type.isEmpty() || !f.tenantId.isEmpty() ||
                          !f.visibleTenants.isEmpty();
    if (!narrowed || !f.worker.isEmpty() || !f.elementId.isEmpty())
        return sortDriven();
    if (cells.isEmpty()) {
        strategy = QStringLiteral("empty");
        return {};
    }
    qint64 estimate = 0;
    for (const CounterCell &cell : cells)
        estimate += cell.count;
    if (cells.size() > kMaxBranches || (!idOrder && estimate > kSortInMemoryLimit))
        return sortDriven();
    strategy = QStringLiteral("cells");
    QList<Branch> branches;
    for (const CounterCell &cell : cells) {
        Branch b;
        b.source = indexed("jobs_cell");
        b.where.add("j.state = ? AND j.type = ? AND j.tenant_id = ?",
                    {int(cell.state), cell.type, cell.tenantId});
        b.where.append(filterTerms(f));
        branches.append(b);
    }
    return branches;
}

JobQuery::Statement JobQuery::pageStatement(const JobFilter &f, const PageRequest &page,
                                            const QList<CounterCell> &cells)
{
    Statement out;
    QList<Branch> branches = plan(f, page.sort, cells, out.strategy);
    if (branches.isEmpty())
        return out;
    const SortInfo info = sortInfo(page.sort);
    const bool idOrder = page.sort == SortKey::CreatedAt;
    const QLatin1String dir(page.descending ? " DESC" : " ASC");
    const qint64 offset = page.after ? 0 : page.offset;
    const qint64 rows = offset + page.limit + 1;

    QStringList selects;
    for (Branch &b : branches) {
        const QString id = QLatin1String(b.idExpression);
        const QString key = idOrder ? id : QLatin1String(info.expression);
        if (page.after) {
            // The keyset: strictly after the last row of the previous page.
            const QLatin1String cmp(page.descending ? " < " : " > ");
            if (idOrder)
                b.where.addText(id + cmp + QLatin1Char('?'), {page.after->id});
            else
                b.where.addText(QLatin1Char('(') + key + QLatin1String(", j.id)") + cmp +
                                    QLatin1String("(?, ?)"),
                                {page.after->value, page.after->id});
        }
        const QString where = b.where.clause();
        const QVariantList binds = b.where.binds();
        QString order = QLatin1String(" ORDER BY ") + key + dir;
        if (!idOrder)
            order += QLatin1String(", ") + id + dir;
        selects.append(QLatin1String("SELECT ") + id + QLatin1String(" AS id, ") + key +
                       QLatin1String(" AS k FROM ") + b.source + where + order +
                       QLatin1String(" LIMIT ?"));
        out.binds += binds;
        out.binds.append(rows);
    }
    if (selects.size() == 1) {
        out.sql = selects.first();
        if (offset) {
            out.sql += QLatin1String(" OFFSET ?");
            out.binds.append(offset);
        }
        return out;
    }
    for (qsizetype i = 0; i < selects.size(); ++i)
        selects[i] = QLatin1String("SELECT id, k FROM (") + selects[i] + QLatin1String(") AS b") +
                     QString::number(i);
    out.sql = selects.join(QLatin1String(" UNION ALL ")) + QLatin1String(" ORDER BY 2") + dir +
              QLatin1String(", 1") + dir + QLatin1String(" LIMIT ? OFFSET ?");
    out.binds << page.limit + 1 << offset;
    return out;
}

JobQuery::Statement JobQuery::countStatement(const JobFilter &f, const QList<CounterCell> &cells,
                                             qint64 cap)
{
    Statement out;
    const QList<Branch> branches = plan(f, SortKey::CreatedAt, cells, out.strategy);
    if (branches.isEmpty())
        return out;
    QStringList selects;
    for (const Branch &b : branches) {
        selects.append(QLatin1String("SELECT 1 FROM ") + b.source + b.where.clause());
        out.binds += b.where.binds();
    }
    out.sql = QLatin1String("SELECT count(*) FROM (") + selects.join(QLatin1String(" UNION ALL ")) +
              QLatin1String(" LIMIT ?) AS matching");
    out.binds.append(cap + 1);
    return out;
}

QList<JobQuery::Row> JobQuery::page(const JobFilter &filter, const PageRequest &request,
                                    const QList<CounterCell> &cells)
{
    const Statement s = pageStatement(filter, request, cells);
    QList<Row> out;
    if (s.sql.isEmpty())
        return out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(s.sql);
    SqlWhere::bindAll(q, s.binds);
    Database::exec(q);
    while (q.next())
        out.append(Row{q.value(0).toLongLong(), q.value(1).toLongLong()});
    return out;
}

qint64 JobQuery::countUpTo(const JobFilter &filter, const QList<CounterCell> &cells, qint64 cap)
{
    const Statement s = countStatement(filter, cells, cap);
    if (s.sql.isEmpty())
        return 0;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(s.sql);
    SqlWhere::bindAll(q, s.binds);
    Database::exec(q);
    return q.next() ? q.value(0).toLongLong() : 0;
}
