#pragma once

// The model of tst_api_bookkeeping: what a job is, as the test writes it straight to the jobs
// table, and what the store's bookkeeping must make of it (rollup buckets and cells, worker
// stats), plus SQL literals for its multi-row statements.

#include <QString>

#include <tuple>
#include <utility>

using namespace Qt::StringLiterals;

namespace BookkeepingModel {

inline constexpr qint64 kBase = 1'763'000'000'000; // ms, a fixed day

// What a job is in the test's model, mirrored by its row in the store.
struct Job
{
    qint64 id = 0;
    QString key, type, tenant;
    int state = 0;
    QString worker, variables, resultVariables, errorMessage;
    qint64 createdAt = 0, updatedAt = 0, activatedAt = 0, finishedAt = 0; // 0: NULL
    qint64 attemptEndedAt = 0; // the end of the last run (written from schema version 6 on)
};

inline QString text(const QString &v)
{
    if (v.isNull())
        return u"CAST(NULL AS TEXT)"_s;
    return u"'"_s + QString(v).replace(u'\'', u"''"_s) + u"'"_s;
}

inline QString number(qint64 v, bool nullable = true)
{
    return nullable && v == 0 ? u"CAST(NULL AS BIGINT)"_s : QString::number(v);
}

// The rollup's processing time: the job's last run.
inline bool timed(const Job &j)
{
    return j.activatedAt && j.attemptEndedAt;
}

// The rollup's processing-time bucket: the number of bounds <= the time (ListSchema.cpp).
inline int bucketOf(const Job &j)
{
    if (!timed(j))
        return -1;
    static const qint64 bounds[] = {1,     2,      5,      10,     20,      50,      100,
                                    200,   500,    1000,   2000,   5000,    10000,   20000,
                                    50000, 100000, 200000, 500000, 1000000, 2000000, 5000000};
    int bucket = 0;
    for (qint64 bound : bounds)
        bucket += j.attemptEndedAt - j.activatedAt >= bound;
    return bucket;
}

using RollupCell = std::tuple<qint64, QString, QString, QString, int, int>; // minute .. bucket
using RollupSums = std::tuple<qint64, qint64, qint64, qint64>; // jobs, timed, processing, queue
using WorkerCell = std::pair<QString, QString>;                // worker, tenant
using WorkerSums = std::tuple<qint64, qint64, qint64>;         // activated, completed, failed

} // namespace BookkeepingModel
