#pragma once

#include "JobRecord.h"

#include <QHash>
#include <QString>

// The ACTIVE jobs a SQLite store's one writer wrote last, by id and key: a worker's completion,
// failure or progress finds its job here instead of reading back the row the engine wrote when it
// activated it. Exact only while every write of the store goes through this writer (SQLite: the
// engine's connection) and the transaction commits: a rollback forgets everything.
class ActiveJobCache
{
public:
    // What was written: an ACTIVE job is remembered, any other state forgets it.
    void wrote(const JobRecord &job)
    {
        if (job.state != JobState::Active)
            return forget(job.id);
        if (m_jobs.size() >= kMaxJobs && !m_jobs.contains(job.id))
            clear(); // a bound, not an eviction policy: far more than workers hold at once
        m_jobs.insert(job.id, job);
        m_ids.insert(job.key, job.id);
    }
    void forget(qint64 id)
    {
        const auto it = m_jobs.constFind(id);
        if (it == m_jobs.constEnd())
            return;
        m_ids.remove(it->key);
        m_jobs.erase(it);
    }
    void clear()
    {
        m_jobs.clear();
        m_ids.clear();
    }
    const JobRecord *find(qint64 id) const
    {
        const auto it = m_jobs.constFind(id);
        return it == m_jobs.constEnd() ? nullptr : &*it;
    }
    const JobRecord *findByKey(const QString &key) const
    {
        const auto it = m_ids.constFind(key);
        return it == m_ids.constEnd() ? nullptr : find(*it);
    }

private:
    static constexpr qsizetype kMaxJobs = 100'000;
    QHash<qint64, JobRecord> m_jobs;
    QHash<QString, qint64> m_ids;
};
