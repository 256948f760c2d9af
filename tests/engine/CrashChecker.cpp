#include "CrashChecker.h"

#include "ApiClient.h"

#include <QMap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {

void note(CrashChecker::Report &report, const QString &problem)
{
    if (report.problems.size() < 20)
        report.problems.append(problem);
}

// The actions that end a worker's hold on a job (or never start one).
bool releases(const QString &action)
{
    return action == QLatin1String("JOB_TIMED_OUT") || action == QLatin1String("JOB_COMPLETED") ||
           action == QLatin1String("JOB_FAILED_RETRY") ||
           action == QLatin1String("JOB_FAILED_FINAL") ||
           action == QLatin1String("JOB_ERROR_THROWN") || action == QLatin1String("JOB_CANCELLED");
}

} // namespace

CrashChecker::CrashChecker(const QList<CrashLoad::Ack> &ledger, const QSet<QString> &deleteAttempts)
{
    for (const CrashLoad::Ack &ack : ledger) {
        Expectation &e = m_expected[ack.key];
        if (ack.op == CrashLoad::Op::Delete)
            e.deleted = true;
        else
            e.acknowledged.append(ack.state);
        e.deleteAttempted = deleteAttempts.contains(ack.key);
    }
}

bool CrashChecker::reachable(JobState from, JobState to)
{
    QList<JobState> seen{from};
    for (qsizetype i = 0; i < seen.size(); ++i) {
        if (seen.at(i) == to)
            return true;
        for (JobState next : JobStates::all())
            if (!seen.contains(next) && JobStates::canTransition(seen.at(i), next))
                seen.append(next);
    }
    return false;
}

void CrashChecker::checkJob(const QString &key, const Expectation &expected,
                            std::optional<JobState> actual, Report &report) const
{
    ++report.jobsChecked;
    if (expected.deleted) {
        if (actual) {
            ++report.resurrected;
            note(report, QStringLiteral("%1: deleted (acknowledged) but present").arg(key));
        }
        return;
    }
    if (!actual && expected.deleteAttempted) {
        ++report.unacknowledgedDeletes;
        return;
    }
    if (!actual) {
        ++report.lost;
        note(report, QStringLiteral("%1: acknowledged but missing").arg(key));
        return;
    }
    for (JobState state : expected.acknowledged) {
        if (!reachable(state, *actual)) {
            ++report.regressed;
            note(report, QStringLiteral("%1: acknowledged %2, now %3")
                             .arg(key, JobStates::name(state), JobStates::name(*actual)));
            return;
        }
    }
}

CrashChecker::Report CrashChecker::checkStore(const QString &databasePath) const
{
    Report report;
    const QString connection = QStringLiteral("crash-check-") + QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            ++report.lost;
            note(report,
                 QStringLiteral("cannot open %1: %2").arg(databasePath, db.lastError().text()));
        } else {
            // One read transaction: a consistent snapshot even while a server writes.
            QSqlQuery q(db);
            q.exec(QStringLiteral("BEGIN"));

            QHash<QString, JobState> states;
            QHash<qint64, QString> keyOfId;
            q.exec(QStringLiteral("SELECT id, job_key, state FROM jobs"));
            while (q.next()) {
                states.insert(q.value(1).toString(), JobState(q.value(2).toInt()));
                keyOfId.insert(q.value(0).toLongLong(), q.value(1).toString());
            }
            for (auto it = m_expected.cbegin(); it != m_expected.cend(); ++it) {
                const auto found = states.constFind(it.key());
                checkJob(it.key(), it.value(),
                         found == states.cend() ? std::nullopt : std::optional(*found), report);
            }

            // Every job's history, in order: an activation while the job is held is a double
            // activation; at the end, a held job must be ACTIVE and an ACTIVE job held.
            q.exec(QStringLiteral("SELECT job_id, action, worker FROM job_events "
                                  "ORDER BY job_id, id"));
            qint64 job = -1;
            bool held = false;
            QString holder;
            const auto finishJob = [&] {
                if (job < 0 || !keyOfId.contains(job))
                    return;
                const QString key = keyOfId.value(job);
                if (held != (states.value(key) == JobState::Active)) {
                    ++report.heldInconsistent;
                    note(report,
                         QStringLiteral("%1: state %2 but history %3")
                             .arg(key, JobStates::name(states.value(key)),
                                  held ? QStringLiteral("holds it") : QStringLiteral("does not")));
                }
            };
            while (q.next()) {
                if (q.value(0).toLongLong() != job) {
                    finishJob();
                    job = q.value(0).toLongLong();
                    held = false;
                }
                const QString action = q.value(1).toString();
                if (action == QLatin1String("JOB_ACTIVATED")) {
                    if (held) {
                        ++report.doubleActivations;
                        note(report, QStringLiteral("%1: activated by %2 while held by %3")
                                         .arg(keyOfId.value(job), q.value(2).toString(), holder));
                    }
                    held = true;
                    holder = q.value(2).toString();
                } else if (releases(action)) {
                    held = false;
                }
            }
            finishJob();

            // The counters kept by triggers against a full recount.
            QMap<QString, qint64> counters, recount;
            const auto id = [&q] {
                return QStringLiteral("%1/%2/%3")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
            };
            q.exec(QStringLiteral("SELECT tenant_id, type, state, count FROM job_counts "
                                  "WHERE count <> 0"));
            while (q.next())
                counters.insert(id(), q.value(3).toLongLong());
            q.exec(QStringLiteral(
                "SELECT tenant_id, type, state, COUNT(*) FROM jobs GROUP BY 1, 2, 3"));
            while (q.next())
                recount.insert(id(), q.value(3).toLongLong());
            QStringList ids = counters.keys() + recount.keys();
            ids.removeDuplicates();
            for (const QString &row : ids) {
                if (counters.value(row) != recount.value(row)) {
                    ++report.counterMismatches;
                    note(report, QStringLiteral("job_counts %1: %2, recount %3")
                                     .arg(row)
                                     .arg(counters.value(row))
                                     .arg(recount.value(row)));
                }
            }
            q.exec(QStringLiteral("COMMIT"));
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return report;
}

CrashChecker::Report CrashChecker::checkHttp(ApiClient &api) const
{
    Report report;
    for (auto it = m_expected.cbegin(); it != m_expected.cend(); ++it) {
        const ApiClient::Response r =
            api.get(QStringLiteral("/api/v1/jobs/%1/status").arg(it.key()));
        std::optional<JobState> actual;
        if (r.status == 200) {
            actual = JobStates::fromName(r.data().value(QStringLiteral("status")).toString());
        } else if (r.status != 404) {
            ++report.lost;
            note(report, QStringLiteral("%1: GET status answered %2").arg(it.key()).arg(r.status));
            continue;
        }
        checkJob(it.key(), it.value(), actual, report);
    }
    return report;
}
