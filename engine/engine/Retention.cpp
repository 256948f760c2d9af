#include "Retention.h"

#include "store/OperatorStore.h"

namespace Retention {
namespace {

const QString kMetaKey = QStringLiteral("retention_policy");

QString text(const std::optional<qint64> &ms)
{
    return ms ? QString::number(*ms) : QString();
}

std::optional<qint64> number(const QString &text)
{
    bool ok = false;
    const qint64 ms = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(ms) : std::nullopt;
}

} // namespace

std::optional<RetentionPolicy> stored(JobStore &store)
{
    const std::optional<QString> value = store.meta(kMetaKey);
    if (!value)
        return std::nullopt;
    // "completed,cancelled,failed" in milliseconds, an empty field for "for ever".
    const QStringList parts = value->split(QLatin1Char(','));
    if (parts.size() != 3)
        return std::nullopt;
    return RetentionPolicy{number(parts[0]), number(parts[1]), number(parts[2])};
}

void store(JobStore &store, const RetentionPolicy &policy)
{
    store.setMeta(
        kMetaKey,
        QStringList{text(policy.completedMs), text(policy.cancelledMs), text(policy.failedMs)}.join(
            QLatin1Char(',')));
}

int prune(Txn &txn, const RetentionPolicy &policy, int limit)
{
    OperatorStore ops(txn.store().database());
    struct Rule
    {
        OperatorStore::Finished kind;
        std::optional<qint64> keepMs;
    };
    int deleted = 0;
    for (const Rule &rule : {Rule{OperatorStore::Finished::Completed, policy.completedMs},
                             Rule{OperatorStore::Finished::Cancelled, policy.cancelledMs},
                             Rule{OperatorStore::Finished::Failed, policy.failedMs}}) {
        if (!rule.keepMs || deleted >= limit)
            continue;
        for (qint64 id : ops.finishedBefore(rule.kind, txn.now() - *rule.keepMs, limit - deleted)) {
            txn.store().deleteJob(id);
            txn.finished(id);
            ++deleted;
        }
    }
    return deleted;
}

qint64 pauseAfterStep(bool more, qint64 stepMicros, int busyPercent, qint64 intervalMs)
{
    if (!more)
        return intervalMs;
    const int percent = qBound(1, busyPercent, 100);
    return stepMicros * (100 - percent) / percent / 1000;
}

} // namespace Retention
