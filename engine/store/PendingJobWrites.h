#pragma once

#include "JobRecord.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <vector>

// The engine's job and history writes on PostgreSQL, held until a read needs them or the
// transaction commits, then sent as a few multi-row statements instead of one round trip per
// job and per event. The rows they change are already locked by this transaction (read FOR
// UPDATE, or new), so holding the writes back changes what nobody else can see yet.
//
// A job written twice (created, then handed to a held long poll) goes out in two rounds, so the
// store's triggers see each change as they would one statement at a time.
class PendingJobWrites
{
public:
    // One multi-row statement's rows as a JSON array (json_populate_recordset over jobs or
    // job_events), and how many rows it holds.
    struct Rows
    {
        QByteArray json;
        int count = 0;
    };
    struct Round
    {
        Rows inserts;
        Rows updates;
    };

    bool isEmpty() const { return m_rounds.empty() && m_events.isEmpty(); }

    void insert(const JobRecord &job) { add(job, true); }
    void update(const JobRecord &job) { add(job, false); }
    void appendEvent(qint64 jobId, const JobEvent &event);

    // The job as last written here, or null when it has no pending write.
    const JobRecord *find(qint64 id) const;
    const JobRecord *findByKey(const QString &key) const;

    // The writes in the order they must be sent (every round's inserts, then its updates; the
    // history after the last round), and nothing pending afterwards.
    QList<Round> takeRounds();
    Rows takeEvents();
    void clear();

private:
    struct Write
    {
        bool insert = false;
        JobRecord job;
    };
    void add(const JobRecord &job, bool insert);
    void forgetJobWrites();

    std::vector<std::vector<Write>> m_rounds; // m_rounds[k]: the (k+1)-th write of each job
    QHash<qint64, int> m_writesOfJob;
    QHash<qint64, JobRecord> m_latest;
    QHash<QString, qint64> m_idOfKey;
    QList<QByteArray> m_events; // JSON objects
};
