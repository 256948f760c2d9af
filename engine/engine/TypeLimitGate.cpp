#include "TypeLimitGate.h"

#include "Txn.h"

#include <limits>

const TypeLimit *TypeLimitGate::limitOf(const Txn &txn, const QString &type) const
{
    // A change made in this transaction counts at once.
    if (const auto changed = txn.limitChanges().constFind(type);
        changed != txn.limitChanges().constEnd())
        return changed->isEmpty() ? nullptr : &*changed;
    if (!m_limits)
        return nullptr;
    const auto limit = m_limits->constFind(type);
    return limit == m_limits->constEnd() || limit->isEmpty() ? nullptr : &*limit;
}

std::optional<int> TypeLimitGate::allowance(Txn &txn, const QString &type)
{
    const TypeLimit *limit = limitOf(txn, type);
    if (!limit)
        return std::nullopt;
    if (const auto left = m_left.constFind(type); left != m_left.constEnd())
        return left->jobs;
    TypeLimitStore store(txn.store().database());
    store.lock(type);
    Left left{std::numeric_limits<int>::max(), 0};
    if (limit->maxActive)
        left.jobs = qMax(0, *limit->maxActive - store.activeJobs(type));
    if (limit->rateLimit) {
        const TypeLimitStore::Window window =
            store.activationsAfter(type, txn.now() - limit->ratePerMs);
        const int byRate = qMax(0, *limit->rateLimit - window.activations);
        left.windowOldest = window.earliest;
        // Full: held long polls get their chance when the window's first activation leaves it.
        if (byRate == 0 && window.earliest)
            txn.wakeAt(window.earliest + limit->ratePerMs + 1);
        left.jobs = qMin(left.jobs, byRate);
    }
    m_left.insert(type, left);
    return left.jobs;
}

void TypeLimitGate::claimed(Txn &txn, const QString &type, int count)
{
    const auto left = m_left.find(type);
    if (left == m_left.end() || count <= 0)
        return;
    left->jobs = qMax(0, left->jobs - count);
    const TypeLimit *limit = limitOf(txn, type);
    if (!limit || !limit->rateLimit)
        return;
    if (!left->windowOldest)
        left->windowOldest = txn.now();
    TypeLimitStore store(txn.store().database());
    store.logActivations(type, txn.now(), count);
    store.pruneLog(type, txn.now() - limit->ratePerMs);
    if (left->jobs == 0)
        txn.wakeAt(left->windowOldest + limit->ratePerMs + 1);
}
