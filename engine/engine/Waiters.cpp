#include "Waiters.h"

#include <QMetaObject>

#include <algorithm>

void Waiters::addActivation(Activation waiter)
{
    m_expiries.emplace(waiter.expiresAt, waiter.id);
    m_activationType.emplace(waiter.id, waiter.spec.type);
    m_activations[waiter.spec.type].push_back(std::move(waiter));
}

void Waiters::addAwait(Await waiter)
{
    m_expiries.emplace(waiter.expiresAt, waiter.id);
    m_awaitJob.emplace(waiter.id, waiter.jobId);
    m_awaits[waiter.jobId].append(std::move(waiter));
}

bool Waiters::hasActivationsFor(const QString &type) const
{
    const auto it = m_activations.constFind(type);
    return it != m_activations.constEnd() && !it->empty();
}

QList<quint64> Waiters::activationIdsFor(const QString &type) const
{
    QList<quint64> ids;
    const auto it = m_activations.constFind(type);
    if (it != m_activations.constEnd())
        for (const Activation &a : *it)
            ids.append(a.id);
    return ids;
}

Waiters::Activation *Waiters::findActivation(quint64 id)
{
    const auto type = m_activationType.find(id);
    if (type == m_activationType.end())
        return nullptr;
    for (Activation &a : m_activations[type->second])
        if (a.id == id)
            return &a;
    return nullptr;
}

Waiters::Activation Waiters::takeActivation(quint64 id)
{
    const QString type = m_activationType.at(id);
    std::deque<Activation> &queue = m_activations[type];
    Activation waiter;
    for (auto q = queue.begin(); q != queue.end(); ++q) {
        if (q->id == id) {
            waiter = std::move(*q);
            queue.erase(q);
            break;
        }
    }
    if (queue.empty())
        m_activations.remove(type);
    m_activationType.erase(id);
    forgetExpiry(waiter.expiresAt, id);
    return waiter;
}

void Waiters::putBack(Activation waiter)
{
    m_expiries.emplace(waiter.expiresAt, waiter.id);
    m_activationType.emplace(waiter.id, waiter.spec.type);
    std::deque<Activation> &queue = m_activations[waiter.spec.type];
    const auto later = std::find_if(queue.begin(), queue.end(),
                                    [id = waiter.id](const Activation &a) { return a.id > id; });
    queue.insert(later, std::move(waiter));
}

bool Waiters::cancel(quint64 id)
{
    if (m_activationType.count(id)) {
        takeActivation(id);
        return true;
    }
    if (auto it = m_awaitJob.find(id); it != m_awaitJob.end()) {
        QList<Await> &list = m_awaits[it->second];
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list[i].id == id) {
                forgetExpiry(list[i].expiresAt, id);
                list.removeAt(i);
                break;
            }
        }
        if (list.isEmpty())
            m_awaits.remove(it->second);
        m_awaitJob.erase(it);
        return true;
    }
    return false;
}

QList<Waiters::Await> Waiters::takeAwaitsFor(qint64 jobId)
{
    QList<Await> list = m_awaits.take(jobId);
    for (const Await &a : list) {
        m_awaitJob.erase(a.id);
        forgetExpiry(a.expiresAt, a.id);
    }
    return list;
}

QList<QPair<QString, QString>> Waiters::heldTypesAndWorkers() const
{
    QList<QPair<QString, QString>> out;
    for (auto it = m_activations.constBegin(); it != m_activations.constEnd(); ++it)
        for (const Activation &a : *it)
            out.append({it.key(), a.spec.worker});
    return out;
}

qint64 Waiters::nextExpiry() const
{
    return m_expiries.empty() ? 0 : m_expiries.begin()->first;
}

QList<Waiters::Activation> Waiters::takeExpiredActivations(qint64 now)
{
    QList<quint64> ids;
    for (auto it = m_expiries.begin(); it != m_expiries.end() && it->first <= now; ++it)
        if (m_activationType.count(it->second))
            ids.append(it->second);
    QList<Activation> out;
    for (quint64 id : ids)
        out.append(takeActivation(id));
    return out;
}

QList<Waiters::Await> Waiters::takeExpiredAwaits(qint64 now)
{
    QList<quint64> ids;
    for (auto it = m_expiries.begin(); it != m_expiries.end() && it->first <= now; ++it)
        if (m_awaitJob.count(it->second))
            ids.append(it->second);
    QList<Await> out;
    for (quint64 id : ids) {
        const qint64 jobId = m_awaitJob.at(id);
        QList<Await> &list = m_awaits[jobId];
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list[i].id == id) {
                out.append(list.takeAt(i));
                break;
            }
        }
        if (list.isEmpty())
            m_awaits.remove(jobId);
        m_awaitJob.erase(id);
        forgetExpiry(out.last().expiresAt, id);
    }
    return out;
}

QList<Waiters::Activation> Waiters::takeAllActivations()
{
    QList<Activation> out;
    for (auto &queue : m_activations)
        for (Activation &a : queue) {
            forgetExpiry(a.expiresAt, a.id);
            out.append(std::move(a));
        }
    m_activations.clear();
    m_activationType.clear();
    return out;
}

QList<Waiters::Await> Waiters::takeAllAwaits()
{
    QList<Await> out;
    for (QList<Await> &list : m_awaits)
        out += list;
    m_awaits.clear();
    m_awaitJob.clear();
    m_expiries.clear();
    return out;
}

void Waiters::forgetExpiry(qint64 expiresAt, quint64 id)
{
    auto [first, last] = m_expiries.equal_range(expiresAt);
    for (auto it = first; it != last; ++it) {
        if (it->second == id) {
            m_expiries.erase(it);
            return;
        }
    }
}
