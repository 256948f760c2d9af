#include "Engine.h"

#include "BulkOperationRunner.h"
#include "ClusterNode.h"
#include "ScheduleCommands.h"
#include "core/Clock.h"
#include "store/BulkOperationStore.h"
#include "store/OperatorStore.h"
#include "store/ScheduleStore.h"
#include "store/Schema.h"
#include "store/SearchQueue.h"
#include "store/TypeLimitStore.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QSqlError>
#include <QThread>

Q_LOGGING_CATEGORY(lcEngine, "jobdeck.engine")

namespace {
const QString kHighWaterKey = QStringLiteral("key_high_water_mark");
// After a failed commit (disk full, read-only store) timed work is retried this much later, not
// at once: requests still get their 503 at once, but the engine does not spin on the store.
constexpr qint64 kRetryAfterFailureMs = 1000;
std::atomic<int> s_engineCount{0};
} // namespace

Engine::Engine(EngineConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)),
      m_connectionName(QStringLiteral("jobdeck-engine-%1").arg(s_engineCount.fetch_add(1)))
{
    m_timer.setParent(this); // moves to the engine thread with the engine
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Engine::onTimer);
    m_retentionTimer.setParent(this);
    m_retentionTimer.setSingleShot(true);
    connect(&m_retentionTimer, &QTimer::timeout, this, &Engine::pruneFinished);
    m_bulk = new BulkOperationRunner(this, m_config.bulkStepJobs, m_config.bulkBusyPercent,
                                     m_config.bulkKeepOperations);
}

Engine::~Engine()
{
    m_search.reset();
    m_store.reset();
    m_cluster.reset();
    if (QSqlDatabase::contains(m_connectionName))
        Database::close(m_connectionName);
}

void Engine::open()
{
    Q_ASSERT(QThread::currentThread() == thread());
    QSqlDatabase db = Database::open(m_connectionName, m_config.store);
    Schema::migrate(db);
    m_store = std::make_unique<JobStore>(db);
    if (!m_store->dialect().isPostgres()) {
        m_search = std::make_unique<SearchQueue>(db);
        m_searchDue = Clock::nowMs(); // what a previous run queued and did not index
    }
    int slot = -1;
    m_highWaterKey = kHighWaterKey;
    if (m_store->dialect().isPostgres()) {
        // One of several nodes: a slot of our own for ids, counter rows and the high-water mark.
        m_cluster = std::make_unique<ClusterNode>(m_config.store, m_config.nodeId);
        m_cluster->open(Clock::nowMs());
        slot = m_cluster->slot();
        m_highWaterKey = kHighWaterKey + QStringLiteral("/slot/%1").arg(slot);
        Database::exec(db, QStringLiteral("SET jobdeck.shard = '%1'").arg(slot));
        m_store->setLockingReads(true);
        m_store->setWriteBehind(true);
        connect(m_cluster.get(), &ClusterNode::jobsAvailable, this, &Engine::onJobsAvailable);
        m_nextClusterTick = Clock::nowMs() + m_config.clusterTickMs;
    }
    const qint64 highWater =
        m_store->meta(m_highWaterKey).value_or(QStringLiteral("0")).toLongLong();
    m_keys = std::make_unique<KeyGenerator>(m_config.nodeId, highWater, slot);
    for (const QString &type : OperatorStore(db).pauses().keys())
        m_pausedTypes.insert(type);
    m_limits = TypeLimitStore(db).all();
    refreshNextWake();
    armTimer();
    if (m_config.retentionIntervalMs > 0)
        m_retentionTimer.start(m_config.retentionIntervalMs);
    BulkOperationStore bulk(db);
    if (!m_store->dialect().isPostgres())
        bulk.takeAllRunning(m_config.nodeId);
    m_bulk->resume(bulk.running(m_config.nodeId));
    qCInfo(lcEngine) << "engine open on" << Database::displayName(m_config.store.path);
}

quint64 Engine::activate(ActivationSpec spec, Reply<JobsActivated> reply)
{
    const quint64 id = m_nextWaiterId.fetch_add(1);
    enqueue(ActivationRequest{std::move(spec), id, std::move(reply)});
    return id;
}

quint64 Engine::await(const QString &jobKey, const ApiKey &caller, qint64 timeoutMs,
                      Reply<JobRecord> reply)
{
    const quint64 id = m_nextWaiterId.fetch_add(1);
    enqueue(AwaitRequest{jobKey, caller, timeoutMs, id, std::move(reply)});
    return id;
}

void Engine::cancelWaiter(quint64 waiterId)
{
    // Through the queue, so that a cancel never overtakes the request it cancels.
    enqueue(CancelWaiter{waiterId});
}

void Engine::enqueue(Pending &&pending)
{
    QMutexLocker lock(&m_mutex);
    m_queue.push_back(std::move(pending));
    if (!m_drainScheduled) {
        m_drainScheduled = true;
        QMetaObject::invokeMethod(this, &Engine::drain, Qt::QueuedConnection);
    }
}

void Engine::drain()
{
    // One transaction, then back to the event loop, so that timers (lock deadlines, long-poll
    // expiry) still fire under a load that never lets the queue run empty.
    if (drainOnce())
        QMetaObject::invokeMethod(this, &Engine::drain, Qt::QueuedConnection);
}

bool Engine::drainOnce()
{
    std::vector<Pending> batch;
    {
        QMutexLocker lock(&m_mutex);
        if (m_queue.empty()) {
            m_drainScheduled = false;
            return false;
        }
        const size_t n = qMin(m_queue.size(), size_t(m_config.maxOperationsPerBatch));
        batch.assign(std::make_move_iterator(m_queue.begin()),
                     std::make_move_iterator(m_queue.begin() + qsizetype(n)));
        m_queue.erase(m_queue.begin(), m_queue.begin() + qsizetype(n));
    }
    const qint64 now = Clock::nowMs();
    runBatch(batch, now, m_nextWake && now >= m_nextWake);
    QMutexLocker lock(&m_mutex);
    if (m_queue.empty()) {
        m_drainScheduled = false;
        return false;
    }
    return true;
}

void Engine::runBatch(std::vector<Pending> &batch, qint64 now, bool housekeeping)
{
    if (m_closed)
        return refuseAll(batch, JobError::of(JobError::Kind::ShuttingDown));
    QElapsedTimer clock;
    clock.start();
    Answers out;
    out.reserve(batch.size());
    QSet<qint64> finished;
    HandedOver handed;
    QSqlDatabase &db = m_store->database();
    Txn txn(*m_store, *m_keys, now);
    txn.setPausedTypes(&m_pausedTypes);
    TypeLimitGate limits(&m_limits);
    txn.setLimitGate(&limits);
    const qint64 highWaterBefore = m_keys->highWaterMark();
    try {
        if (!db.transaction())
            throw StoreError(db.lastError().text());
        if (housekeeping) {
            const int limit = m_config.housekeepingBatch;
            const bool more = JobCommands::releaseExpiredLocks(txn, limit) == limit ||
                              JobCommands::promoteDueJobs(txn, limit) == limit ||
                              ScheduleCommands::fireDue(txn, limit) == limit;
            m_nextWake = 0;
            if (more)
                txn.wakeAt(now); // the rest goes in the next transaction
        }
        readAhead(batch);
        // Activations go after the batch's other requests, so that they see the jobs those
        // created or released, and consecutive ones for the same jobs share one claim.
        std::vector<ActivationRequest *> activations;
        for (Pending &p : batch)
            apply(txn, p, activations, out); // may throw: an unanswered request keeps its reply
        activate(txn, activations, now, out);
        // A limited type's slots free up in ways no rule announces (another node's completion,
        // a rate window moving on): its held long polls try again in every transaction.
        for (auto it = m_limits.cbegin(); it != m_limits.cend(); ++it)
            if (m_waiters.hasActivationsFor(it.key()))
                txn.activatable(it.key());
        QSet<QString> left;
        handed = handOver(txn, left);
        txn.flushWorkerTouches();
        if (m_cluster)
            notifyOtherNodes(left);
        if (m_keys->highWaterMark() != highWaterBefore)
            m_store->setMeta(m_highWaterKey, QString::number(m_keys->highWaterMark()));
        const bool searchIndexed = drainSearchQueue(now);
        const qint64 flushStart = clock.nsecsElapsed();
        m_store->flush();
        const qint64 commitStart = clock.nsecsElapsed();
        if (!db.commit())
            throw StoreError(db.lastError().text());
        m_trace.flushed((commitStart - flushStart) / 1000);
        m_trace.committed((clock.nsecsElapsed() - commitStart) / 1000);
        m_store->endTransaction();
        m_retryAt = 0;
        if (m_search)
            m_searchDue = searchIndexed ? 0
                          : m_searchDue ? m_searchDue
                                        : now + m_config.searchLagMs;
        for (auto &[waiter, activated] : handed)
            out.push_back(answer<JobsActivated>(std::move(waiter.reply), std::move(activated)));
        handed.clear();
        finished = txn.takeFinishedJobs();
        const QHash<QString, bool> pauses = txn.takePauseChanges();
        for (auto it = pauses.begin(); it != pauses.end(); ++it)
            it.value() ? void(m_pausedTypes.insert(it.key()))
                       : void(m_pausedTypes.remove(it.key()));
        const QHash<QString, TypeLimit> limitChanges = txn.takeLimitChanges();
        for (auto it = limitChanges.begin(); it != limitChanges.end(); ++it)
            it->isEmpty() ? void(m_limits.remove(it.key())) : void(m_limits.insert(it.key(), *it));
        if (txn.haveKeysChanged())
            m_keyGeneration.fetch_add(1); // before any answer leaves: a deleted key is gone
        m_metrics.addJobEvents(txn.takeEventCounts());
    } catch (const StoreError &error) {
        storeFailed(error, batch, out, handed);
    }
    const qint64 micros = clock.nsecsElapsed() / 1000;
    const bool committed = m_retryAt == 0;
    if (committed) {
        // Announced before the answers leave: a listener that refreshes on an answer (the
        // console's jobs view after an action) finds this commit's refresh already scheduled
        // and reads once, not twice.
        m_metrics.observeCommit(int(batch.size()), micros);
        emit batchCommitted(int(batch.size()), micros);
    }
    for (const Answer &a : out)
        a.send();
    answerAwaits(finished);
    if (txn.wakeAt())
        m_nextWake = m_nextWake ? qMin(m_nextWake, txn.wakeAt()) : txn.wakeAt();
    if (housekeeping)
        refreshNextWake();
    if (m_retryAt && m_nextWake)
        m_nextWake = qMax(m_nextWake, m_retryAt);
    publishWaiters();
    armTimer();
    if (committed && BatchTrace::isOn())
        m_trace.batch(int(batch.size()), micros);
}

void Engine::apply(Txn &txn, Pending &pending, std::vector<ActivationRequest *> &activations,
                   Answers &out)
{
    if (auto *op = std::get_if<Operation>(&pending)) {
        out.push_back(op->run(txn));
        op->refuse = nullptr;
    } else if (auto *activation = std::get_if<ActivationRequest>(&pending)) {
        activations.push_back(activation);
    } else if (auto *await = std::get_if<AwaitRequest>(&pending)) {
        const Outcome<JobRecord> job = JobCommands::status(*m_store, await->caller, await->jobKey);
        if (!job.ok() || JobStates::isTerminal(job.value().state) || await->timeoutMs <= 0)
            out.push_back(answer<JobRecord>(std::exchange(await->reply, {}), job));
        else
            m_waiters.addAwait({await->waiterId, job.value().id, txn.now() + await->timeoutMs,
                                std::exchange(await->reply, {}), job.value().key});
    } else if (const auto *cancel = std::get_if<CancelWaiter>(&pending)) {
        m_waiters.cancel(cancel->waiterId);
    } else if (const auto *wake = std::get_if<Wake>(&pending)) {
        txn.activatable(wake->type);
    }
}

void Engine::activate(Txn &txn, const std::vector<ActivationRequest *> &requests, qint64 now,
                      Answers &out)
{
    std::vector<const ActivationSpec *> specs;
    for (const ActivationRequest *r : requests)
        specs.push_back(&r->spec);
    std::vector<JobsActivated> results = JobCommands::activateInTurn(txn, specs);
    for (std::size_t i = 0; i < requests.size(); ++i) {
        ActivationRequest &r = *requests[i];
        txn.touchWorker(r.spec.worker, r.spec.type);
        if (results[i].jobs.isEmpty() && r.spec.requestTimeoutMs > 0 &&
            m_waiters.activationCount() < m_config.maxLongPolls) {
            const qint64 expiresAt = now + r.spec.requestTimeoutMs;
            m_waiters.addActivation(
                {r.waiterId, std::move(r.spec), expiresAt, std::exchange(r.reply, {})});
        } else {
            out.push_back(answer<JobsActivated>(std::exchange(r.reply, {}), std::move(results[i])));
        }
    }
}

void Engine::readAhead(const std::vector<Pending> &batch)
{
    QStringList keys;
    for (const Pending &p : batch)
        if (const auto *op = std::get_if<Operation>(&p); op && !op->jobKey.isEmpty())
            keys.append(op->jobKey);
    m_store->readAhead(keys);
}

Engine::HandedOver Engine::handOver(Txn &txn, QSet<QString> &left)
{
    // Jobs that became available in this transaction go to the longest-waiting long poll of
    // their type; a waiter restricted to other tenants lets the next one try. The answers leave
    // only once the transaction has committed.
    HandedOver handed;
    for (const QString &type : txn.takeActivatableTypes()) {
        // The waiters' specs are copied: taking a waiter out moves the others.
        const QList<quint64> ids = m_waiters.activationIdsFor(type);
        std::vector<ActivationSpec> specs;
        for (quint64 id : ids)
            specs.push_back(m_waiters.findActivation(id)->spec);
        std::vector<const ActivationSpec *> inTurn;
        for (const ActivationSpec &spec : specs)
            inTurn.push_back(&spec);
        std::vector<JobsActivated> results = JobCommands::activateInTurn(txn, inTurn);
        bool exhausted = false; // nothing left that anyone could take
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const ActivationSpec &spec = specs[std::size_t(i)];
            if (!results[std::size_t(i)].jobs.isEmpty()) {
                txn.touchWorker(spec.worker, spec.type);
                handed.emplace_back(m_waiters.takeActivation(ids[i]),
                                    std::move(results[std::size_t(i)]));
            } else if (spec.tenants.isEmpty()) {
                exhausted = true;
            }
        }
        if (!exhausted)
            left.insert(type);
    }
    return handed;
}

void Engine::notifyOtherNodes(const QSet<QString> &types)
{
    // Delivered at COMMIT (and not at all on a rollback): long polls held by other nodes get
    // their chance at what this transaction made available.
    for (const QString &type : types)
        m_store->notify(QLatin1String(ClusterNode::kChannel), m_cluster->payload(type));
}

void Engine::onJobsAvailable(const QString &type)
{
    if (m_closed || !m_waiters.hasActivationsFor(type))
        return;
    enqueue(Wake{type});
}

void Engine::onClusterTick(qint64 now)
{
    m_nextClusterTick = now + m_config.clusterTickMs;
    m_cluster->heartbeat(now);
    // Limits another node changed.
    try {
        m_limits = TypeLimitStore(m_store->database()).all();
    } catch (const StoreError &error) {
        qCWarning(lcEngine) << "cannot read job type limits:" << error.what();
    }
    // Awaited jobs another node may have finished.
    QSet<qint64> finished;
    for (qint64 jobId : m_waiters.awaitedJobs()) {
        try {
            const std::optional<JobRecord> job = m_store->findJob(jobId);
            if (!job || JobStates::isTerminal(job->state))
                finished.insert(jobId);
        } catch (const StoreError &) {
        }
    }
    answerAwaits(finished);
    // Bulk operations of nodes that stopped beating go on here.
    m_bulk->takeOverOrphans(m_store->database(), m_config.nodeId, now);
}

void Engine::storeFailed(const StoreError &error, std::vector<Pending> &batch, Answers &out,
                         HandedOver &handed)
{
    // Nothing of the transaction happened: every request of the batch is told so (none gets a
    // 2xx), long polls that were to get one of its jobs wait on, and timed work waits a moment.
    m_store->discardTransaction();
    QSqlDatabase &db = m_store->database();
    db.rollback(); // fails harmlessly when SQLite has already rolled back a failed COMMIT
    qCWarning(lcEngine) << "transaction rolled back:" << error.what();
    const JobError unavailable = JobError::of(JobError::Kind::StoreUnavailable);
    for (Answer &a : out)
        a.send = [refuse = a.refuse, unavailable] { refuse(unavailable); };
    // Requests the failure cut off before they ran are answered too: none may hang.
    refuseAll(batch, unavailable);
    for (auto &[waiter, result] : handed)
        m_waiters.putBack(std::move(waiter));
    handed.clear();
    m_retryAt = Clock::nowMs() + kRetryAfterFailureMs;
    refreshNextWake();
}

void Engine::refuseAll(std::vector<Pending> &batch, const JobError &error)
{
    for (Pending &p : batch) {
        if (auto *op = std::get_if<Operation>(&p); op && op->refuse)
            std::exchange(op->refuse, nullptr)(error);
        else if (auto *activation = std::get_if<ActivationRequest>(&p))
            std::exchange(activation->reply, {}).send(error);
        else if (auto *await = std::get_if<AwaitRequest>(&p))
            std::exchange(await->reply, {}).send(error);
    }
}

void Engine::answerAwaits(const QSet<qint64> &jobIds)
{
    for (qint64 jobId : jobIds)
        for (const Waiters::Await &a : m_waiters.takeAwaitsFor(jobId))
            answerAwait(a);
}

void Engine::answerAwait(const Waiters::Await &await)
{
    std::optional<JobRecord> job;
    try {
        job = m_store->findJob(await.jobId);
    } catch (const StoreError &) {
    }
    if (job)
        await.reply.send(std::move(*job));
    else
        await.reply.send(JobError::jobNotFound(await.jobKey));
}

void Engine::pruneFinished()
{
    // A step of at most retentionBatch deletions in a transaction of its own, queued behind the
    // requests already waiting; while there is more to delete the next step follows after a
    // pause that keeps retention within retentionBusyPercent of the engine's time.
    const int batch = m_config.retentionBatch;
    const bool postgres = m_store->dialect().isPostgres();
    auto micros = std::make_shared<qint64>(0); // the step's time, counted once it commits
    submit(
        [this, batch, postgres, micros](Txn &txn) -> Outcome<int> {
            // On PostgreSQL one node at a time: the others skip this round.
            if (postgres && !txn.store().tryExclusive(QStringLiteral("jobdeck-retention")))
                return 0;
            QElapsedTimer clock;
            clock.start();
            const RetentionPolicy policy =
                Retention::stored(txn.store()).value_or(m_config.retention);
            const int deleted = Retention::prune(txn, policy, batch);
            *micros = clock.nsecsElapsed() / 1000;
            return deleted;
        },
        Reply<int>{this, [this, batch, micros](const Outcome<int> &deleted) {
                       if (m_closed)
                           return;
                       if (deleted.ok())
                           m_metrics.observeRetention(deleted.value(), *micros);
                       const bool more = deleted.ok() && deleted.value() >= batch;
                       m_retentionTimer.start(int(
                           Retention::pauseAfterStep(more, *micros, m_config.retentionBusyPercent,
                                                     m_config.retentionIntervalMs)));
                   }});
}

void Engine::publishWaiters()
{
    m_heldLongPolls.store(m_waiters.activationCount(), std::memory_order_relaxed);
    LongPollSnapshot snapshot;
    for (const auto &[type, worker] : m_waiters.heldTypesAndWorkers()) {
        snapshot.byWorker[worker] += 1;
        QStringList &workers = snapshot.workersByType[type];
        if (!workers.contains(worker))
            workers.append(worker);
    }
    QMutexLocker lock(&m_snapshotMutex);
    m_longPolls = std::move(snapshot);
}

Engine::LongPollSnapshot Engine::longPolls() const
{
    QMutexLocker lock(&m_snapshotMutex);
    return m_longPolls;
}

void Engine::onTimer()
{
    const qint64 now = Clock::nowMs();
    for (const Waiters::Activation &a : m_waiters.takeExpiredActivations(now))
        a.reply.send(JobsActivated{a.spec, {}});
    for (const Waiters::Await &a : m_waiters.takeExpiredAwaits(now))
        answerAwait(a);
    publishWaiters();
    if (m_cluster && now >= m_nextClusterTick) {
        onClusterTick(now);
        // Deadlines and due times set by other nodes are not in m_nextWake: look each tick.
        m_nextWake = m_nextWake ? qMin(m_nextWake, now) : now;
    }
    const bool housekeeping = m_nextWake && now >= m_nextWake;
    if (housekeeping || (m_searchDue && now >= m_searchDue)) {
        std::vector<Pending> none;
        runBatch(none, now, housekeeping);
        return; // runBatch re-arms the timer
    }
    armTimer();
}

bool Engine::drainSearchQueue(qint64 now)
{
    if (!m_search)
        return false;
    bool idle;
    {
        QMutexLocker lock(&m_mutex);
        idle = m_queue.empty();
    }
    // Idle: this transaction's changes are searchable as soon as it commits. Busy: jobs changed
    // in several transactions are indexed together, most of them once, with their latest text.
    if (!idle && !(m_searchDue && now >= m_searchDue))
        return false;
    QElapsedTimer clock;
    clock.start();
    const bool all = m_search->drain(m_config.searchDrainBatch);
    m_trace.searchIndexed(clock.nsecsElapsed() / 1000);
    if (all)
        return true;
    m_searchDue = now; // more than a batch queued: the rest in the next transaction
    return false;
}

void Engine::armTimer()
{
    qint64 next = m_nextWake;
    if (m_searchDue)
        next = next ? qMin(next, m_searchDue) : m_searchDue;
    if (const qint64 expiry = m_waiters.nextExpiry())
        next = next ? qMin(next, expiry) : expiry;
    if (m_cluster && !m_closed)
        next = next ? qMin(next, m_nextClusterTick) : m_nextClusterTick;
    if (!next) {
        m_timer.stop();
        return;
    }
    const qint64 delay = qBound<qint64>(0, next - Clock::nowMs(), qint64(24) * 3600 * 1000);
    m_timer.start(int(delay));
}

void Engine::refreshNextWake()
{
    try {
        const std::optional<qint64> deadline = m_store->earliestDeadline();
        const std::optional<qint64> due = m_store->earliestDue();
        const std::optional<qint64> schedule = ScheduleStore(m_store->database()).earliestDue();
        m_nextWake = 0;
        for (const std::optional<qint64> &at : {deadline, due, schedule})
            if (at)
                m_nextWake = m_nextWake ? qMin(m_nextWake, *at) : *at;
    } catch (const StoreError &error) {
        qCWarning(lcEngine) << "cannot read due times:" << error.what();
        m_nextWake = Clock::nowMs() + 1000; // try again soon
    }
}

void Engine::shutdown()
{
    if (m_closed)
        return;
    for (const Waiters::Activation &a : m_waiters.takeAllActivations())
        a.reply.send(JobsActivated{a.spec, {}});
    for (const Waiters::Await &a : m_waiters.takeAllAwaits())
        answerAwait(a);
    while (drainOnce()) {
    }
    m_closed = true;
    m_timer.stop();
    m_retentionTimer.stop();
    m_bulk->close();
    m_search.reset();
    m_store.reset();
    m_cluster.reset();
    Database::close(m_connectionName);
    qCInfo(lcEngine) << "engine closed";
}
