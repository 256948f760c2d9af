#include "SearchQueue.h"

#include "Database.h"
#include "ListSchema.h"
#include "SqlDialect.h"

#include <QVariant>

#include <limits>

SearchQueue::SearchQueue(QSqlDatabase db)
    : m_db(std::move(db)), m_postgres(SqlDialect::of(m_db).isPostgres())
{}

QSqlQuery &SearchQueue::statement(std::optional<QSqlQuery> &slot, const char *sql)
{
    if (!slot)
        slot = Database::prepare(m_db, sql);
    return *slot;
}

bool SearchQueue::drain(int limit)
{
    if (m_postgres)
        return true;
    // The last job id of this drain: the queue's limit-th, or all of it.
    QSqlQuery &bound = statement(m_bound, ListSchema::kDrainBound);
    bound.bindValue(0, qMax(0, limit - 1));
    Database::exec(bound);
    const bool more = bound.next();
    const qint64 last = more ? bound.value(0).toLongLong() : std::numeric_limits<qint64>::max();
    bound.finish();
    const auto run = [this, last](std::optional<QSqlQuery> &slot, const char *sql) {
        QSqlQuery &q = statement(slot, sql);
        q.bindValue(0, last);
        Database::exec(q);
        q.finish();
    };
    run(m_remove, ListSchema::kDrainRemove);
    run(m_add, ListSchema::kDrainAdd);
    run(m_forget, ListSchema::kDrainForget);
    return !more;
}
