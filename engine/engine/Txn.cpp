#include "Txn.h"

void Txn::record(const JobRecord &job, const QString &action, const QString &worker, int attempt,
                 const QString &error, const QByteArray &details)
{
    m_store.appendEvent(job.id, JobEvent{m_now, action, worker, attempt, error, details});
    m_eventCounts[{action, job.type}] += 1;
}
