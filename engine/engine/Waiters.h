#pragma once

#include "JobCommands.h"
#include "Outcome.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <map>

// Requests the engine holds open: long-polling activations (per job type, longest-waiting first)
// and await requests (per job). Lives on the engine thread only.
class Waiters
{
public:
    struct Activation
    {
        quint64 id = 0;
        ActivationSpec spec;
        qint64 expiresAt = 0;
        Reply<JobsActivated> reply;
    };
    struct Await
    {
        quint64 id = 0;
        qint64 jobId = 0;
        qint64 expiresAt = 0;
        Reply<JobRecord> reply;
        QString jobKey; // for the 404 when the job is deleted meanwhile
    };

    void addActivation(Activation waiter);
    void addAwait(Await waiter);
    bool hasActivationsFor(const QString &type) const;
    QList<quint64> activationIdsFor(const QString &type) const; // longest-waiting first
    Activation *findActivation(quint64 id);
    Activation takeActivation(quint64 id);
    // A taken activation whose answer was not sent (its transaction rolled back) goes back to
    // its place in the queue: ids grow in the order requests arrived.
    void putBack(Activation waiter);
    bool cancel(quint64 id); // the client left: forget its request
    QList<Await> takeAwaitsFor(qint64 jobId);
    QList<qint64> awaitedJobs() const { return m_awaits.keys(); }
    int activationCount() const { return int(m_activationType.size()); }
    int awaitCount() const { return int(m_awaitJob.size()); }
    // (job type, worker) of every held activation, for the workers and job types views.
    QList<QPair<QString, QString>> heldTypesAndWorkers() const;

    qint64 nextExpiry() const; // 0 when none
    QList<Activation> takeExpiredActivations(qint64 now);
    QList<Await> takeExpiredAwaits(qint64 now);
    QList<Activation> takeAllActivations();
    QList<Await> takeAllAwaits();

private:
    void forgetExpiry(qint64 expiresAt, quint64 id);

    QHash<QString, std::deque<Activation>> m_activations; // FIFO per type
    std::map<quint64, QString> m_activationType;          // id -> type
    QHash<qint64, QList<Await>> m_awaits;                 // job id -> waiters
    std::map<quint64, qint64> m_awaitJob;                 // id -> job id
    std::multimap<qint64, quint64> m_expiries;            // expiresAt -> id
};
