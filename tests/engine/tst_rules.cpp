// The rules of JobCommands and OperatorCommands on a real store, without HTTP: every action
// in every state (allowed moves and refusals, from the transition table), and the rules'
// own refusals and facts. Runs on SQLite and, as tst_rules_pg, on PostgreSQL.
#include "RuleStore.h"
#include "engine/JobCommands.h"
#include "engine/OperatorCommands.h"
#include "engine/Retention.h"
#include "store/JobReads.h"
#include "store/KeyStore.h"
#include "store/OperatorStore.h"
#include "store/ReadSnapshot.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

enum class Action { Complete, Fail, Throw, Progress, Cancel, Delete, Retry, Update, Replay };

const ApiKey kAdmin{u"admin"_s, {u"admin"_s}, {u"*"_s}};

QString actionName(Action a)
{
    static const char *names[] = {"complete", "fail",  "throw",  "progress", "cancel",
                                  "delete",   "retry", "update", "replay"};
    return QLatin1String(names[int(a)]);
}

// What an action answers, reduced to what the test compares: refused or not, and how.
struct Reduced
{
    bool ok = false;
    JobError error;
};

template <typename T> Reduced reduce(const Outcome<T> &outcome)
{
    return outcome.ok() ? Reduced{true, {}} : Reduced{false, outcome.error()};
}

} // namespace

Q_DECLARE_METATYPE(Action)

class TestRules : public QObject
{
    Q_OBJECT

    std::unique_ptr<RuleStore> m_store;

    CreateSpec spec(const QString &type = u"rules"_s, int retries = 3)
    {
        CreateSpec s;
        s.type = type;
        s.variables = QJsonObject{{u"n"_s, 1}};
        s.retries = retries;
        return s;
    }

    JobRecord create(const CreateSpec &s)
    {
        const Outcome<JobsCreated> created =
            m_store->run([&](Txn &txn) { return JobCommands::create(txn, s); });
        [&] { QVERIFY(created.ok()); }();
        return created.value().jobs.first();
    }

    QList<JobRecord> activate(const QString &type, int max = 1, const QString &worker = u"w1"_s)
    {
        ActivationSpec a;
        a.type = type;
        a.worker = worker;
        a.maxJobs = max;
        return m_store->run([&](Txn &txn) { return JobCommands::activateInTurn(txn, {&a}); })
            .front()
            .jobs;
    }

    JobRecord job(const QString &key) { return *m_store->store().findJobByKey(key); }

    // A job of its own type brought to `state` through the rules alone.
    JobRecord jobIn(JobState state)
    {
        static int n = 0;
        CreateSpec s = spec(u"t%1"_s.arg(++n));
        if (state == JobState::Scheduled)
            s.runAt = m_store->now() + 3'600'000;
        const JobRecord created = create(s);
        if (state == JobState::Created || state == JobState::Scheduled)
            return created;
        if (state == JobState::Cancelled) {
            m_store->run(
                [&](Txn &txn) { return JobCommands::cancel(txn, kAdmin, created.key, {}); });
            return job(created.key);
        }
        activate(s.type);
        FailSpec fail;
        switch (state) {
        case JobState::Completed:
            m_store->run([&](Txn &txn) {
                return JobCommands::complete(txn, kAdmin, created.key, {}, m_store->now());
            });
            break;
        case JobState::FailedRetryable:
        case JobState::Failed:
            fail.retries = state == JobState::Failed ? 0 : 1;
            fail.backoffMs = 60'000;
            m_store->run(
                [&](Txn &txn) { return JobCommands::fail(txn, kAdmin, created.key, fail); });
            break;
        case JobState::ErrorThrown: {
            ThrowSpec thrown;
            thrown.errorCode = u"E_RULES"_s;
            m_store->run([&](Txn &txn) {
                return JobCommands::throwError(txn, kAdmin, created.key, thrown);
            });
            break;
        }
        default:
            break;
        }
        return job(created.key);
    }

    Reduced apply(Action action, const JobRecord &j)
    {
        const QString key = j.key;
        return m_store->run([&](Txn &txn) -> Reduced {
            switch (action) {
            case Action::Complete:
                return reduce(JobCommands::complete(txn, kAdmin, key, {}, txn.now()));
            case Action::Fail: {
                FailSpec f;
                return reduce(JobCommands::fail(txn, kAdmin, key, f));
            }
            case Action::Throw: {
                ThrowSpec t;
                t.errorCode = u"E"_s;
                return reduce(JobCommands::throwError(txn, kAdmin, key, t));
            }
            case Action::Progress: {
                ProgressSpec p;
                p.total = 10;
                p.processed = 5;
                return reduce(JobCommands::progress(txn, kAdmin, key, p));
            }
            case Action::Cancel:
                return reduce(JobCommands::cancel(txn, kAdmin, key, u"test"_s));
            case Action::Delete:
                return reduce(JobCommands::remove(txn, kAdmin, key));
            case Action::Retry: {
                PatchSpec p;
                p.retries = 2;
                return reduce(OperatorCommands::patchJob(txn, kAdmin, key, p));
            }
            case Action::Update: {
                PatchSpec p;
                p.priority = 7;
                return reduce(OperatorCommands::patchJob(txn, kAdmin, key, p));
            }
            case Action::Replay:
                return reduce(JobCommands::replay(txn, kAdmin, key, {}, kDefaultMaxVariablesBytes));
            }
            return {};
        });
    }

private slots:
    // One store for the whole program: every test works on job types of its own.
    void initTestCase() { m_store = std::make_unique<RuleStore>(); }
    void cleanupTestCase() { m_store.reset(); }

    // Every action in every state: refused with WrongState naming the action and the state, or
    // applied with the state the transition table leads to.
    void everyActionInEveryState_data()
    {
        QTest::addColumn<JobState>("state");
        QTest::addColumn<Action>("action");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<int>("after"); // the job's state after an allowed action; -1: deleted
        using S = JobState;
        const QList<S> states = JobStates::all();
        for (S s : states) {
            const bool active = s == S::Active;
            const bool terminal = JobStates::isTerminal(s);
            // An open incident (FAILED, ERROR_THROWN) lets new retries reopen the job.
            const bool incident = s == S::Failed || s == S::ErrorThrown;
            const auto row = [&](Action a, bool allowed, int after) {
                QTest::addRow("%s %s", qPrintable(JobStates::name(s)), qPrintable(actionName(a)))
                    << s << a << allowed << after;
            };
            row(Action::Complete, active, int(S::Completed));
            row(Action::Fail, active, int(S::Failed)); // FailSpec{} asks for 0 retries
            row(Action::Throw, active, int(S::ErrorThrown));
            row(Action::Progress, active, int(S::Active));
            row(Action::Cancel, JobStates::canCancel(s), int(S::Cancelled));
            row(Action::Delete, JobStates::canDelete(s), -1);
            row(Action::Retry, !terminal || incident, incident ? int(S::Created) : int(s));
            row(Action::Update, !terminal, int(s));
            row(Action::Replay, terminal, int(s));
        }
    }
    void everyActionInEveryState()
    {
        QFETCH(JobState, state);
        QFETCH(Action, action);
        QFETCH(bool, allowed);
        QFETCH(int, after);
        const JobRecord before = jobIn(state);
        QCOMPARE(before.state, state);
        const Reduced r = apply(action, before);
        QCOMPARE(r.ok, allowed);
        const std::optional<JobRecord> now = m_store->store().findJobByKey(before.key);
        if (!allowed) {
            QCOMPARE(r.error.kind, JobError::Kind::WrongState);
            QCOMPARE(r.error.subject, before.key);
            QCOMPARE(r.error.state, std::optional<JobState>(state));
            QCOMPARE(now->state, state); // a refusal changes nothing
            QCOMPARE(now->updatedAt, before.updatedAt);
            return;
        }
        if (after < 0) {
            QVERIFY(!now);
            return;
        }
        QCOMPARE(now->state, JobState(after));
        QVERIFY(JobStates::canTransition(state, now->state) || now->state == state);
        // Leaving ACTIVE ends the run; every other move keeps the end of the last one.
        if (state == JobState::Active && now->state != JobState::Active)
            QVERIFY(now->attemptEndedAt >= now->activatedAt && now->activatedAt > 0);
        else
            QCOMPARE(now->attemptEndedAt, before.attemptEndedAt);
    }

    void anotherTenantsJobDoesNotExist()
    {
        CreateSpec s = spec();
        s.tenantId = u"acme"_s;
        const JobRecord j = create(s);
        const ApiKey other{u"other"_s, {u"job"_s}, {u"globex"_s}};
        const Outcome<JobCancelled> cancelled =
            m_store->run([&](Txn &txn) { return JobCommands::cancel(txn, other, j.key, {}); });
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().kind, JobError::Kind::JobNotFound);
        QCOMPARE(job(j.key).state, JobState::Created);
    }

    void aWorkerWhoseLockPassedCannotAnswer()
    {
        const JobRecord j = create(spec(u"lock-passed"_s));
        activate(j.type, 1, u"w-new"_s);
        const Outcome<JobCompleted> done = m_store->run([&](Txn &txn) {
            return JobCommands::complete(txn, kAdmin, j.key, {}, txn.now(), u"w-old"_s);
        });
        QVERIFY(!done.ok());
        QCOMPARE(done.error().kind, JobError::Kind::LockHeldByOther);
        QCOMPARE(done.error().worker, u"w-new"_s);
        QCOMPARE(done.error().expectedWorker, u"w-old"_s);
        QCOMPARE(job(j.key).state, JobState::Active);
    }

    void failRefusesMoreRetriesThanLeft()
    {
        const JobRecord j = create(spec(u"few-retries"_s, 2));
        activate(j.type);
        FailSpec f;
        f.retries = 5;
        const Outcome<JobFailed> failed =
            m_store->run([&](Txn &txn) { return JobCommands::fail(txn, kAdmin, j.key, f); });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().kind, JobError::Kind::InvalidRetryCount);
        QCOMPARE(failed.error().requested, 5);
        QCOMPARE(failed.error().currentRetries, 2);
        QCOMPARE(job(j.key).state, JobState::Active);
    }

    void failingWithoutRetriesOpensAnIncident()
    {
        const JobRecord j = create(spec(u"incident"_s));
        activate(j.type);
        FailSpec f;
        f.errorMessage = u"disk on fire"_s;
        const Outcome<JobFailed> failed =
            m_store->run([&](Txn &txn) { return JobCommands::fail(txn, kAdmin, j.key, f); });
        QVERIFY(failed.ok());
        QVERIFY(failed.value().incident);
        QCOMPARE(failed.value().incident->status, u"OPEN"_s);
        QCOMPARE(failed.value().job.state, JobState::Failed);
        QCOMPARE(job(j.key).incidentKey, failed.value().incident->key);
        // Resolving it puts the job back in the queue; a second resolve is refused.
        const QString incident = failed.value().incident->key;
        const Outcome<IncidentResolved> resolved = m_store->run(
            [&](Txn &txn) { return OperatorCommands::resolveIncident(txn, kAdmin, incident, 2); });
        QVERIFY(resolved.ok());
        QCOMPARE(job(j.key).state, JobState::Created);
        QCOMPARE(job(j.key).retries, 2);
        const Outcome<IncidentResolved> again = m_store->run(
            [&](Txn &txn) { return OperatorCommands::resolveIncident(txn, kAdmin, incident, 2); });
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, JobError::Kind::IncidentAlreadyResolved);
        QCOMPARE(again.error().worker, kAdmin.name);
    }

    void activationsInTurnShareOneClaim()
    {
        for (int i = 0; i < 5; ++i)
            create(spec(u"turn"_s));
        ActivationSpec a, b, c;
        a.type = b.type = c.type = u"turn"_s;
        a.worker = u"a"_s, b.worker = u"b"_s, c.worker = u"c"_s;
        a.maxJobs = 2, b.maxJobs = 2, c.maxJobs = 2;
        const std::vector<JobsActivated> got = m_store->run([&](Txn &txn) {
            return JobCommands::activateInTurn(txn, {&a, &b, &c});
        });
        QCOMPARE(got.size(), std::size_t(3));
        QCOMPARE(got[0].jobs.size(), 2);
        QCOMPARE(got[1].jobs.size(), 2);
        QCOMPARE(got[2].jobs.size(), 1);
        QCOMPARE(got[2].jobs.first().worker, u"c"_s);
        QCOMPARE(job(got[2].jobs.first().key).state, JobState::Active);
    }

    void pausedTypesHandNothingOut()
    {
        create(spec(u"paused"_s));
        m_store->run([](Txn &txn) {
            return OperatorCommands::pauseType(txn, kAdmin, u"paused"_s, u"maintenance"_s);
        });
        QVERIFY(activate(u"paused"_s).isEmpty());
        const Outcome<TypePause> resumed = m_store->run(
            [](Txn &txn) { return OperatorCommands::resumeType(txn, kAdmin, u"paused"_s); });
        QVERIFY(resumed.ok());
        QVERIFY(!resumed.value().paused);
        QCOMPARE(resumed.value().resumedBy, kAdmin.name);
        QCOMPARE(activate(u"paused"_s).size(), 1);
    }

    void replayLinksTheNewJobToTheOld()
    {
        const JobRecord old = jobIn(JobState::Completed);
        ReplaySpec r;
        r.variables = QJsonObject{{u"n"_s, 2}};
        r.priority = 9;
        const Outcome<JobReplayed> replayed = m_store->run([&](Txn &txn) {
            return JobCommands::replay(txn, kAdmin, old.key, r, kDefaultMaxVariablesBytes);
        });
        QVERIFY(replayed.ok());
        const JobRecord fresh = job(replayed.value().job.key);
        QCOMPARE(fresh.state, JobState::Created);
        QCOMPARE(fresh.parentKey, old.key);
        QCOMPARE(fresh.priority, 9);
        QCOMPARE(fresh.type, old.type);
        QCOMPARE(fresh.variables, QByteArray(R"({"n":2})"));
        const QList<JobEvent> events = m_store->store().events(old.id);
        QCOMPARE(events.last().action, u"JOB_REPLAYED"_s);
        QVERIFY(events.last().details.contains(fresh.key.toUtf8()));
        // Variables over the limit are refused, and nothing is created.
        r.variables = QJsonObject{{u"big"_s, QString(64, u'x')}};
        const Outcome<JobReplayed> tooBig = m_store->run(
            [&](Txn &txn) { return JobCommands::replay(txn, kAdmin, old.key, r, 32); });
        QVERIFY(!tooBig.ok());
        QCOMPARE(tooBig.error().kind, JobError::Kind::InvalidVariables);
    }

    void idempotentCreateAnswersTheFirstJobs()
    {
        const auto createOnce = [&] {
            return m_store->run([&](Txn &txn) {
                return OperatorCommands::createIdempotent(txn, kAdmin, u"idem-1"_s,
                                                          {spec(), spec()}, true, 60'000);
            });
        };
        const Outcome<JobsCreated> first = createOnce();
        const Outcome<JobsCreated> second = createOnce();
        QVERIFY(first.ok() && second.ok());
        QVERIFY(!first.value().replayed);
        QVERIFY(second.value().replayed);
        QCOMPARE(second.value().jobs.size(), 2);
        QCOMPARE(second.value().jobs.first().key, first.value().jobs.first().key);
    }

    void bulkDeleteStepsCoverTheStoreAndSkipActiveJobs()
    {
        for (int i = 0; i < 7; ++i)
            create(spec(u"bulk"_s));
        const QList<JobRecord> active = activate(u"bulk"_s, 2);
        BulkDeleteFilter filter;
        filter.type = u"bulk"_s;
        qint64 after = 0;
        int deleted = 0, steps = 0;
        for (bool done = false; !done; ++steps) {
            const Outcome<BulkStep> step = m_store->run([&](Txn &txn) {
                return OperatorCommands::bulkDeleteStep(txn, filter, after, 50, 2);
            });
            QVERIFY(step.ok());
            deleted += step.value().deleted;
            after = step.value().lastId;
            done = step.value().done;
            QVERIFY(steps < 100);
        }
        QCOMPARE(deleted, 5);
        QVERIFY(steps >= 3); // at most 2 deleted per step
        for (const JobRecord &j : active)
            QCOMPARE(job(j.key).state, JobState::Active);
    }

    void theLastAdminKeyStays()
    {
        const auto createKey = [&](const QString &name) {
            const ApiKey key{name, {u"admin"_s}, {u"*"_s}};
            return m_store->run([&](Txn &txn) {
                return OperatorCommands::createApiKey(txn, key, "jdk_" + name.toLatin1());
            });
        };
        const auto deleteKey = [&](const QString &name) {
            return m_store->run(
                [&](Txn &txn) { return OperatorCommands::deleteApiKey(txn, name); });
        };
        QVERIFY(createKey(u"first"_s).ok());
        QVERIFY(createKey(u"second"_s).ok());
        const Outcome<KeyCreated> twice = createKey(u"second"_s);
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().kind, JobError::Kind::ApiKeyExists);
        QVERIFY(deleteKey(u"second"_s).ok());
        QCOMPARE(deleteKey(u"second"_s).error().kind, JobError::Kind::ApiKeyNotFound);
        QCOMPARE(KeyStore(m_store->store().database()).adminsExcept(u"first"_s), 0);
        QCOMPARE(deleteKey(u"first"_s).error().kind, JobError::Kind::LastAdminKey);
    }

    // The engine's store remembers the ACTIVE jobs it wrote (a completion reads no row back):
    // what it serves is the row, and a rolled-back transaction leaves nothing behind.
    void rolledBackWritesAreForgotten()
    {
        const JobRecord created = create(spec(u"rollback"_s));
        JobStore &store = m_store->store();
        QSqlDatabase db = store.database();
        QVERIFY(db.transaction());
        JobRecord active = created;
        active.state = JobState::Active;
        active.worker = u"w-lost"_s;
        store.updateJob(active);
        QCOMPARE(store.findJobByKey(created.key)->worker, u"w-lost"_s); // its own write
        QVERIFY(db.rollback());
        store.discardTransaction();
        QCOMPARE(store.findJobByKey(created.key)->state, JobState::Created);
        QCOMPARE(store.findJob(created.id)->worker, QString());

        QCOMPARE(activate(u"rollback"_s).size(), 1);
        const std::optional<JobRecord> remembered = store.findJobByKey(created.key);
        const QString connection = u"rules-row"_s;
        {
            JobStore other(Database::open(connection, m_store->options()));
            const std::optional<JobRecord> row = other.findJobByKey(created.key);
            QVERIFY(remembered && row);
            QCOMPARE(remembered->state, JobState::Active);
            QCOMPARE(row->state, JobState::Active);
            QCOMPARE(remembered->worker, row->worker);
            QCOMPARE(remembered->deadline, row->deadline);
            QCOMPARE(remembered->activatedAt, row->activatedAt);
            QCOMPARE(remembered->attempt, row->attempt);
            QCOMPARE(remembered->variables, row->variables);
        }
        Database::close(connection);
    }

    // A read inside a reader's snapshot (JobReads inside ListApi's) keeps that snapshot: on
    // PostgreSQL a nested BEGIN / ROLLBACK used to end it, so later reads saw newer commits.
    void nestedReadsShareTheOuterSnapshot()
    {
        const QString connection = u"rules-reader"_s;
        {
            JobStore reader(Database::open(connection, m_store->options()));
            JobFilter filter;
            filter.type = u"snapshot"_s;
            create(spec(u"snapshot"_s));
            ReadSnapshot outer(reader.database());
            QCOMPARE(JobReads(reader).count(filter, 100).total, 1); // nested: one snapshot
            create(spec(u"snapshot"_s)); // committed by the engine's connection meanwhile
            QCOMPARE(JobReads(reader).page(filter, PageRequest{}).jobs.size(), 1);
            QCOMPARE(JobReads(reader).count(filter, 100).total, 1);
        }
        Database::close(connection);
        JobStore after(Database::open(connection, m_store->options()));
        JobFilter filter;
        filter.type = u"snapshot"_s;
        QCOMPARE(JobReads(after).count(filter, 100).total, 2);
    }

    // Retention: finished jobs past the policy leave, oldest first, at most `limit` a step; a
    // job with an open incident and a kind kept for ever stay.
    void retentionPrunesFinishedJobs()
    {
        const JobRecord completed = jobIn(JobState::Completed);
        const JobRecord failed = jobIn(JobState::Failed); // its incident is open
        const JobRecord cancelled = jobIn(JobState::Cancelled);
        // An error a handler caught: ERROR_THROWN without an incident.
        CreateSpec s = spec(u"handled"_s);
        s.errorHandlers = QJsonObject{{u"*"_s, QJsonObject{{u"type"_s, u"handled-next"_s}}}};
        const JobRecord handled = create(s);
        activate(u"handled"_s);
        ThrowSpec t;
        t.errorCode = u"E_HANDLED"_s;
        QVERIFY(m_store
                    ->run([&](Txn &txn) {
                        return JobCommands::throwError(txn, kAdmin, handled.key, t);
                    })
                    .ok());
        QVERIFY(job(handled.key).incidentKey.isEmpty());
        m_store->advance(10'000);
        RetentionPolicy policy;
        policy.completedMs = 5'000;
        policy.cancelledMs.reset();
        policy.failedMs = 5'000;
        // (The store is shared: earlier tests' finished jobs are past the policy too.)
        QVERIFY(m_store->run([&](Txn &txn) { return Retention::prune(txn, policy, 1000); }) >= 2);
        QVERIFY(!m_store->store().findJobByKey(completed.key));
        QVERIFY(!m_store->store().findJobByKey(handled.key));
        QVERIFY(m_store->store().findJobByKey(failed.key));
        QVERIFY(m_store->store().findJobByKey(cancelled.key));
        QVERIFY(m_store->store().events(completed.id).isEmpty());
        // The store finds them by finished_at, not by reading every job (SQLite's plan; the
        // PostgreSQL planner reads a table this small whole whatever its indexes).
        if (!m_store->store().dialect().isPostgres()) {
            QSqlQuery plan(m_store->store().database());
            QVERIFY(plan.exec(u"EXPLAIN QUERY PLAN SELECT id FROM jobs WHERE +state = 4 AND "
                              "finished_at < 5 ORDER BY finished_at LIMIT 10"_s));
            QString steps;
            while (plan.next())
                steps += plan.value(3).toString() + u"; "_s;
            QVERIFY2(steps.contains(u"jobs_finished"_s), qPrintable(steps));
            // The step's merge of the search index left it sound.
            QSqlQuery check(m_store->store().database());
            QVERIFY2(check.exec(u"INSERT INTO jobs_fts(jobs_fts) VALUES('integrity-check')"_s),
                     qPrintable(check.lastError().text()));
        }
        // Nothing younger than the policy goes.
        policy.cancelledMs = 60'000;
        QCOMPARE(m_store->run([&](Txn &txn) { return Retention::prune(txn, policy, 1000); }), 0);
    }

    // A backlog is worked off at most busyPercent of the time; without one, the interval.
    void retentionPacing()
    {
        QCOMPARE(Retention::pauseAfterStep(false, 40'000, 10, 60'000), 60'000);
        QCOMPARE(Retention::pauseAfterStep(true, 40'000, 10, 60'000), 360); // 40 ms of 400
        QCOMPARE(Retention::pauseAfterStep(true, 40'000, 100, 60'000), 0);
        QCOMPARE(Retention::pauseAfterStep(true, 40'000, 0, 60'000), 3'960); // at least 1 %
    }

    void expiredLocksGoBackToTheQueue()
    {
        CreateSpec s = spec(u"lock"_s);
        s.timeoutMs = 1000;
        const JobRecord j = create(s);
        activate(u"lock"_s);
        m_store->advance(1500);
        QCOMPARE(m_store->run([](Txn &txn) { return JobCommands::releaseExpiredLocks(txn, 10); }),
                 1);
        QCOMPARE(job(j.key).state, JobState::Created);
        QCOMPARE(lastRunMs(job(j.key), 0), std::optional<qint64>(1500)); // the run: to its timeout
        // A late answer from the worker: refused, and it says the lock had expired.
        const Outcome<JobCompleted> late = m_store->run(
            [&](Txn &txn) { return JobCommands::complete(txn, kAdmin, j.key, {}, txn.now()); });
        QCOMPARE(late.error().kind, JobError::Kind::WrongState);
        QVERIFY(late.error().timedOut);

        // Cancelled a minute later while it waits: its run still ended at the timeout.
        m_store->advance(60'000);
        QVERIFY(
            m_store
                ->run([&](Txn &txn) { return JobCommands::cancel(txn, kAdmin, j.key, u"late"_s); })
                .ok());
        QCOMPARE(job(j.key).state, JobState::Cancelled);
        QCOMPARE(lastRunMs(job(j.key), 0), std::optional<qint64>(1500));
    }
};

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
