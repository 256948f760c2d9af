// jobdeck-generate: writes a store of N realistic jobs (default 1,000,000) through the real
// schema (Schema::migrate, JobStore, the triggers that keep counters, rollup and search index),
// in big transactions. Jobs are spread over --days up to now, in creation order: mixed types,
// tenants, workers, states, variables, results, process contexts, history and incidents.
//
//   build/bench/jobdeck-generate --db /tmp/big.db --jobs 1000000
#include "core/Clock.h"
#include "core/KeyGenerator.h"
#include "store/Database.h"
#include "store/JobStore.h"
#include "store/Schema.h"
#include "store/SearchQueue.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <cmath>
#include <cstdio>

namespace {

const char *const kTypes[] = {"email-service", "payment-processing", "invoice-render",
                              "sms-notify",    "report-export",      "image-resize",
                              "fraud-check",   "inventory-sync",     "webhook-delivery",
                              "search-index",  "shipping-label",     "data-cleanup"};
const int kTypeWeights[] = {30, 15, 8, 10, 3, 8, 6, 5, 7, 4, 2, 2};
const char *const kTenants[] = {"default", "acme", "globex", "initech", "umbrella"};
const int kTenantWeights[] = {55, 20, 12, 8, 5};
const char *const kElements[] = {"send-confirmation", "charge-card", "render-pdf",
                                 "notify-customer",   "sync-stock",  "deliver-hook"};
const char *const kErrors[] = {"Connection timeout to upstream service",
                               "Payment gateway declined the request",
                               "Template variable missing: customer_name",
                               "Rate limited by provider (429)", "Disk quota exceeded"};

class Generator
{
public:
    Generator(JobStore &store, QString nodeId, quint32 seed, qint64 from, qint64 to, qint64 n)
        : m_store(store), m_keys(std::move(nodeId)), m_rng(seed), m_from(from), m_to(to), m_n(n)
    {}

    void job(qint64 i)
    {
        const qint64 created = m_from + (m_to - m_from) * i / m_n + m_rng.bounded(1000);
        JobRecord j;
        j.id = m_keys.nextId(created);
        j.key = m_keys.jobKey(j.id);
        const int type = pick(kTypeWeights);
        j.type = QLatin1String(kTypes[type]);
        j.tenantId = QLatin1String(kTenants[pick(kTenantWeights)]);
        j.priority = m_rng.bounded(10) == 0 ? int(m_rng.bounded(-5, 20)) : 0;
        j.retries = j.originalRetries = 3;
        j.timeoutMs = 120'000;
        j.createdAt = j.updatedAt = created;
        j.variables =
            QJsonDocument(
                QJsonObject{
                    {QStringLiteral("order_id"), QStringLiteral("ord-%1").arg(i)},
                    {QStringLiteral("customer_email"),
                     QStringLiteral("user%1@example.com").arg(m_rng.bounded(50'000))},
                    {QStringLiteral("amount"), double(m_rng.bounded(100'000)) / 100.0},
                    {QStringLiteral("region"),
                     m_rng.bounded(2) ? QStringLiteral("eu-west") : QStringLiteral("us-east")},
                })
                .toJson(QJsonDocument::Compact);
        if (m_rng.bounded(10) < 3)
            j.processContext =
                QJsonDocument(
                    QJsonObject{
                        {QStringLiteral("process_instance_id"), QStringLiteral("pi-%1").arg(i / 3)},
                        {QStringLiteral("element_id"),
                         QLatin1String(kElements[m_rng.bounded(int(std::size(kElements)))])},
                    })
                    .toJson(QJsonDocument::Compact);
        const QString worker = QStringLiteral("%1-worker-%2").arg(j.type).arg(m_rng.bounded(3) + 1);
        const qint64 age = m_to - created;
        const int roll = int(m_rng.bounded(1000));
        const qint64 queueMs = 5 + qint64(std::exp(m_rng.generateDouble() * 8.0));  // 5 ms..3 s
        const qint64 workMs = 20 + qint64(std::exp(m_rng.generateDouble() * 10.0)); // 20 ms..22 s
        QList<JobEvent> events{{created, QStringLiteral("JOB_CREATED"), {}, 0, {}, {}}};

        if (age < 120'000 && roll < 500) {
            // Recent: still waiting.
        } else if (age < 120'000 && roll < 800) {
            activate(j, worker, created + queueMs, events);
        } else if (roll < 15) {
            j.state = JobState::Scheduled;
            j.runAt = j.dueAt = m_to + 3'600'000;
            events.append({created, QStringLiteral("JOB_SCHEDULED"), {}, 0, {}, {}});
        } else if (roll < 25) {
            activate(j, worker, created + queueMs, events);
            fail(j, created + queueMs + workMs, events, JobState::FailedRetryable, 2);
            j.dueAt = m_to + 60'000;
        } else if (roll < 55) {
            activate(j, worker, created + queueMs, events);
            fail(j, created + queueMs + workMs, events, JobState::Failed, 0);
        } else if (roll < 65) {
            activate(j, worker, created + queueMs, events);
            j.errorCode = QStringLiteral("BUSINESS_RULE");
            fail(j, created + queueMs + workMs, events, JobState::ErrorThrown, j.retries);
        } else if (roll < 85) {
            j.state = JobState::Cancelled;
            j.finishedAt = j.updatedAt = created + queueMs;
            j.cancelReason = QStringLiteral("Cancelled by operator");
            events.append({j.finishedAt, QStringLiteral("JOB_CANCELLED"), {}, 0, {}, {}});
        } else {
            activate(j, worker, created + queueMs, events);
            j.state = JobState::Completed;
            j.finishedAt = j.updatedAt = j.attemptEndedAt = j.activatedAt + workMs;
            j.finishedBy = worker;
            j.resultVariables =
                QJsonDocument(
                    QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                {QStringLiteral("transaction_id"),
                                 QStringLiteral("txn_%1").arg(m_rng.generate64(), 0, 16)}})
                    .toJson(QJsonDocument::Compact);
            events.append(
                {j.finishedAt, QStringLiteral("JOB_COMPLETED"), worker, j.attempt, {}, {}});
        }
        m_store.insertJob(j);
        for (const JobEvent &e : events)
            m_store.appendEvent(j.id, e);
        if (j.state == JobState::Failed || j.state == JobState::ErrorThrown) {
            IncidentRecord r;
            r.id = j.id;
            r.key = j.incidentKey;
            r.jobId = j.id;
            r.jobKey = j.key;
            r.jobType = j.type;
            r.tenantId = j.tenantId;
            r.type = j.state == JobState::Failed ? QStringLiteral("JOB_FAILURE")
                                                 : QStringLiteral("UNHANDLED_ERROR");
            r.status = QStringLiteral("OPEN");
            r.errorMessage = j.errorMessage;
            r.errorCode = j.errorCode;
            r.createdAt = j.finishedAt;
            m_store.insertIncident(r);
        }
    }

    qint64 highWaterMark() const { return m_keys.highWaterMark(); }

private:
    template <size_t N> int pick(const int (&weights)[N])
    {
        int total = 0;
        for (int w : weights)
            total += w;
        int r = int(m_rng.bounded(total));
        for (size_t k = 0; k < N; ++k)
            if ((r -= weights[k]) < 0)
                return int(k);
        return 0;
    }
    void activate(JobRecord &j, const QString &worker, qint64 at, QList<JobEvent> &events)
    {
        j.state = JobState::Active;
        j.worker = worker;
        j.maxJobsForWorker = 32;
        j.attempt += 1;
        j.activatedAt = j.updatedAt = at;
        j.deadline = at + j.timeoutMs;
        events.append({at, QStringLiteral("JOB_ACTIVATED"), worker, j.attempt, {}, {}});
    }
    void fail(JobRecord &j, qint64 at, QList<JobEvent> &events, JobState to, int retriesLeft)
    {
        j.errorMessage = QLatin1String(kErrors[m_rng.bounded(int(std::size(kErrors)))]);
        j.retries = retriesLeft;
        j.state = to;
        j.updatedAt = j.attemptEndedAt = at;
        if (to != JobState::FailedRetryable) {
            j.finishedAt = at;
            j.incidentKey = m_keys.incidentKey(j.id);
        }
        const bool thrown = to == JobState::ErrorThrown;
        events.append({at,
                       thrown                   ? QStringLiteral("JOB_ERROR_THROWN")
                       : to == JobState::Failed ? QStringLiteral("JOB_FAILED_FINAL")
                                                : QStringLiteral("JOB_FAILED_RETRY"),
                       j.worker, j.attempt, j.errorMessage,
                       QByteArrayLiteral("{\"backoff_ms\":1000}")});
    }

    JobStore &m_store;
    KeyGenerator m_keys;
    QRandomGenerator m_rng;
    qint64 m_from, m_to, m_n;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes a Jobdeck store of N realistic jobs through the real schema."));
    parser.addHelpOption();
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("Store file."),
                                   QStringLiteral("path"));
    const QCommandLineOption jobsOpt(QStringLiteral("jobs"), QStringLiteral("Jobs to write."),
                                     QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption daysOpt(QStringLiteral("days"),
                                     QStringLiteral("Spread creation over this many days."),
                                     QStringLiteral("d"), QStringLiteral("30"));
    const QCommandLineOption nodeOpt(QStringLiteral("node-id"), QStringLiteral("Key prefix."),
                                     QStringLiteral("id"), QStringLiteral("srv1"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("Random seed."),
                                     QStringLiteral("n"), QStringLiteral("42"));
    const QCommandLineOption batchOpt(QStringLiteral("batch"),
                                      QStringLiteral("Jobs per transaction."), QStringLiteral("n"),
                                      QStringLiteral("20000"));
    parser.addOptions({dbOpt, jobsOpt, daysOpt, nodeOpt, seedOpt, batchOpt});
    parser.process(app);
    if (!parser.isSet(dbOpt)) {
        std::fprintf(stderr, "--db is required\n");
        return 1;
    }
    const qint64 jobs = parser.value(jobsOpt).toLongLong();
    const qint64 batch = qMax<qint64>(1, parser.value(batchOpt).toLongLong());
    const qint64 now = Clock::nowMs();
    const qint64 from = now - qint64(parser.value(daysOpt).toDouble() * 86'400'000.0);

    StoreOptions options;
    options.path = parser.value(dbOpt);
    options.synchronousFull = false;
    try {
        QSqlDatabase db = Database::open(QStringLiteral("generate"), options);
        Database::exec(db, QStringLiteral("PRAGMA synchronous=OFF"));
        Schema::migrate(db);
        JobStore store(db);
        SearchQueue search(db);
        Generator gen(store, parser.value(nodeOpt), parser.value(seedOpt).toUInt(), from, now,
                      jobs);
        QElapsedTimer clock;
        clock.start();
        for (qint64 i = 0; i < jobs; i += batch) {
            if (!db.transaction())
                throw StoreError(QStringLiteral("cannot begin"));
            for (qint64 k = i; k < qMin(jobs, i + batch); ++k)
                gen.job(k);
            store.setMeta(QStringLiteral("key_high_water_mark"),
                          QString::number(gen.highWaterMark()));
            while (!search.drain(int(batch))) {
            }
            if (!db.commit())
                throw StoreError(QStringLiteral("cannot commit"));
            std::fprintf(stderr, "\r%lld / %lld jobs, %.0f jobs/s", qMin(jobs, i + batch), jobs,
                         double(qMin(jobs, i + batch)) * 1000.0 /
                             double(qMax<qint64>(1, clock.elapsed())));
        }
        Database::exec(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        std::fprintf(stderr, "\ndone in %.1f s\n", double(clock.elapsed()) / 1000.0);
    } catch (const StoreError &e) {
        std::fprintf(stderr, "\nstore error: %s\n", e.what());
        return 1;
    }
    Database::close(QStringLiteral("generate"));
    return 0;
}
