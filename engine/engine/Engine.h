#pragma once

#include "BatchTrace.h"
#include "JobCommands.h"
#include "Metrics.h"
#include "Retention.h"
#include "Waiters.h"
#include "core/KeyGenerator.h"
#include "store/Database.h"
#include "store/TypeLimitStore.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <type_traits>
#include <variant>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

struct EngineConfig
{
    StoreOptions store;
    QString nodeId = QStringLiteral("srv1");
    int maxLongPolls = 1000; // held activations beyond this are answered at once
    int maxOperationsPerBatch = 4096;
    int housekeepingBatch = 1000; // timed-out / due jobs moved per transaction
    // PostgreSQL (several nodes): how often a node looks for work whose time came that another
    // node set up (deadlines, retries, schedules), for awaited jobs another node finished, and
    // beats its heartbeat.
    int clusterTickMs = 500;
    // Retention: the policy when the store keeps none ([retention] settings), how often finished
    // jobs past it are looked for, and how many one transaction deletes.
    RetentionPolicy retention;
    int retentionIntervalMs = 60'000;
    int retentionBatch = 500;
    int retentionBusyPercent = 10; // at most this share of the engine's time on a backlog
    // SQLite's search index (SearchQueue): under load, queued jobs are indexed at least this
    // often (a job is found by `q` at most this long after a change); an idle engine indexes in
    // the transaction of the change. searchDrainBatch: jobs indexed per transaction at most.
    int searchLagMs = 250;
    int searchDrainBatch = 5000;
    // Bulk operations: jobs acted on per transaction, and the share of the engine's time they
    // may take while requests wait.
    int bulkStepJobs = 200;
    int bulkBusyPercent = 25;
    int bulkKeepOperations = 1000; // finished operations kept, the newest
};

// The job engine. Lives on its own thread (see EngineThread) and owns the one write connection.
// Operations arrive from any thread through submit()/activate()/await(); the engine applies
// everything that arrived while it was busy in one transaction (group commit), hands new jobs to
// held long polls inside that same transaction, commits, and only then sends the answers.
class BulkOperationRunner;
class ClusterNode;
class SearchQueue;

class Engine : public QObject
{
    Q_OBJECT
public:
    explicit Engine(EngineConfig config, QObject *parent = nullptr);
    ~Engine() override;

    // Thread-safe. `rule` (a callable Txn & -> Outcome<T>, e.g. a JobCommands function bound to
    // its request) runs in the engine's next transaction; its outcome goes to `reply` after the
    // commit, or a StoreUnavailable refusal if the transaction rolls back. `jobKey`: the job the
    // rule changes, when known; on PostgreSQL a batch reads (and locks) all such jobs in one
    // statement before applying its rules.
    template <typename Rule>
    void submit(Rule rule, Reply<typename std::invoke_result_t<Rule, Txn &>::value_type> reply,
                const QString &jobKey = {})
    {
        using T = typename std::invoke_result_t<Rule, Txn &>::value_type;
        Operation op;
        op.jobKey = jobKey;
        op.refuse = [reply](const JobError &error) { reply.send(error); };
        op.run = [rule = std::move(rule), reply = std::move(reply)](Txn &txn) {
            return answer<T>(reply, rule(txn));
        };
        enqueue(std::move(op));
    }
    // Thread-safe. Returns an id for cancelWaiter() when the client leaves.
    quint64 activate(ActivationSpec spec, Reply<JobsActivated> reply);
    // Thread-safe. Answers the job's light status once it is terminal or `timeoutMs` passed.
    quint64 await(const QString &jobKey, const ApiKey &caller, qint64 timeoutMs,
                  Reply<JobRecord> reply);
    void cancelWaiter(quint64 waiterId);

    int heldLongPolls() const { return m_heldLongPolls.load(std::memory_order_relaxed); }
    // Thread-safe: held activations per worker and the workers holding one per job type.
    struct LongPollSnapshot
    {
        QHash<QString, int> byWorker;
        QHash<QString, QStringList> workersByType;
    };
    LongPollSnapshot longPolls() const;
    // Thread-safe. Counters and histograms of the whole server.
    Metrics &metrics() { return m_metrics; }
    // The retention policy that applies while the store keeps none (immutable: thread-safe).
    const RetentionPolicy &defaultRetention() const { return m_config.retention; }
    // Starts and runs bulk operations (thread-safe start()).
    BulkOperationRunner *bulkOperations() { return m_bulk; }
    // Bumped after every commit that changed API keys: authentication caches compare it.
    const std::atomic<quint64> &keyGeneration() const { return m_keyGeneration; }

public slots:
    void open();     // on the engine thread, before anything is submitted
    void shutdown(); // answers held requests, applies what is queued, closes the store

signals:
    // After each commit, on the engine thread: how many operations it carried.
    void batchCommitted(int operations, qint64 commitMicros);

private:
    // An answer ready to leave once its transaction commits, or to be refused instead.
    struct Answer
    {
        std::function<void()> send;
        std::function<void(const JobError &)> refuse;
    };
    template <typename T> static Answer answer(const Reply<T> &reply, Outcome<T> outcome)
    {
        return {[reply, outcome = std::move(outcome)]() mutable { reply.send(std::move(outcome)); },
                [reply](const JobError &error) { reply.send(error); }};
    }
    // The kinds of request the engine queues; `refuse`/`reply` are emptied once answered.
    struct Operation
    {
        std::function<Answer(Txn &)> run;
        std::function<void(const JobError &)> refuse;
        QString jobKey;
    };
    struct ActivationRequest
    {
        ActivationSpec spec;
        quint64 waiterId = 0;
        Reply<JobsActivated> reply;
    };
    struct AwaitRequest
    {
        QString jobKey;
        ApiKey caller;
        qint64 timeoutMs = 0;
        quint64 waiterId = 0;
        Reply<JobRecord> reply;
    };
    struct CancelWaiter
    {
        quint64 waiterId = 0;
    };
    struct Wake // jobs of `type` became activatable on another node
    {
        QString type;
    };
    using Pending = std::variant<Operation, ActivationRequest, AwaitRequest, CancelWaiter, Wake>;

    void enqueue(Pending &&pending);
    void drain();
    bool drainOnce(); // applies one batch; true when more is queued
    void runBatch(std::vector<Pending> &batch, qint64 now, bool housekeeping);
    using HandedOver = std::vector<std::pair<Waiters::Activation, JobsActivated>>;
    using Answers = std::vector<Answer>;
    void apply(Txn &txn, Pending &pending, std::vector<ActivationRequest *> &activations,
               Answers &out);
    // The batch's activation requests, in order; empty ones may become long polls.
    void activate(Txn &txn, const std::vector<ActivationRequest *> &requests, qint64 now,
                  Answers &out);
    // `left`: the types of which jobs may be left that no held long poll here took.
    HandedOver handOver(Txn &txn, QSet<QString> &left);
    void storeFailed(const StoreError &error, std::vector<Pending> &batch, Answers &out,
                     HandedOver &handed);
    void answerAwaits(const QSet<qint64> &jobIds);
    // The one answer of an await: the job's light status, or not found once it is gone.
    void answerAwait(const Waiters::Await &await);
    void refuseAll(std::vector<Pending> &batch, const JobError &error);
    void notifyOtherNodes(const QSet<QString> &types);
    void onClusterTick(qint64 now);
    void onJobsAvailable(const QString &type);
    void onTimer();
    void armTimer();
    bool drainSearchQueue(qint64 now); // in the current transaction, when it is time
    void refreshNextWake();
    void readAhead(const std::vector<Pending> &batch);
    void publishWaiters();
    void pruneFinished(); // one retention step, queued like a request

    EngineConfig m_config;
    QString m_connectionName;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<SearchQueue> m_search; // SQLite only
    qint64 m_searchDue = 0; // the search queue may hold jobs: drain no later than this; 0 = empty
    std::unique_ptr<KeyGenerator> m_keys;
    QString m_highWaterKey;
    std::unique_ptr<ClusterNode> m_cluster; // PostgreSQL only
    qint64 m_nextClusterTick = 0;
    Waiters m_waiters;
    QTimer m_timer;
    QTimer m_retentionTimer;
    BulkOperationRunner *m_bulk = nullptr; // a child: lives on the engine thread
    qint64 m_nextWake = 0; // earliest deadline / due time that may need work; 0 = none
    qint64 m_retryAt = 0;  // after a failed commit: no housekeeping before this time
    bool m_closed = false;
    BatchTrace m_trace;

    QMutex m_mutex;
    std::vector<Pending> m_queue;
    bool m_drainScheduled = false;
    std::atomic<quint64> m_nextWaiterId{1};
    std::atomic<int> m_heldLongPolls{0};
    Metrics m_metrics;
    QSet<QString> m_pausedTypes;        // engine thread only
    QHash<QString, TypeLimit> m_limits; // engine thread only
    std::atomic<quint64> m_keyGeneration{0};
    mutable QMutex m_snapshotMutex;
    LongPollSnapshot m_longPolls;
};
