#include "JobDetails.h"

#include "core/JsonText.h"
#include "core/Progress.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace {

const JobEvent *lastEvent(const QList<JobEvent> &events, QLatin1String action)
{
    for (auto it = events.crbegin(); it != events.crend(); ++it)
        if (it->action == action)
            return &*it;
    return nullptr;
}

} // namespace

QString timeoutRiskName(TimeoutRisk risk)
{
    switch (risk) {
    case TimeoutRisk::Low:
        return QStringLiteral("LOW");
    case TimeoutRisk::Medium:
        return QStringLiteral("MEDIUM");
    case TimeoutRisk::High:
        return QStringLiteral("HIGH");
    case TimeoutRisk::Critical:
        return QStringLiteral("CRITICAL");
    }
    return {};
}

qint64 JobDetails::timeoutMs() const
{
    return job.state == JobState::Active ? job.deadline - job.activatedAt : job.timeoutMs;
}

QList<FailureEntry> JobDetails::failuresOf(const QList<JobEvent> &events)
{
    QList<FailureEntry> out;
    for (const JobEvent &e : events) {
        const bool retry = e.action == QLatin1String("JOB_FAILED_RETRY");
        const bool final = e.action == QLatin1String("JOB_FAILED_FINAL") ||
                           e.action == QLatin1String("JOB_ERROR_THROWN");
        const bool timedOut = e.action == QLatin1String("JOB_TIMED_OUT");
        if (!retry && !final && !timedOut)
            continue;
        FailureEntry entry;
        entry.attempt = e.attempt ? e.attempt : int(out.size()) + 1;
        entry.at = e.at;
        entry.error = e.error;
        entry.worker = e.worker;
        const QJsonObject details = JsonText::object(e.details);
        if (details.contains(QStringLiteral("backoff_ms")))
            entry.backoffMs = details.value(QStringLiteral("backoff_ms")).toInteger();
        entry.timedOut = timedOut;
        entry.finalAttempt = final;
        out.append(entry);
    }
    return out;
}

QList<AttemptEntry> JobDetails::attempts() const
{
    using Outcome = AttemptEntry::Outcome;
    static const QHash<QString, Outcome> kEnds{
        {QStringLiteral("JOB_COMPLETED"), Outcome::Completed},
        {QStringLiteral("JOB_FAILED_RETRY"), Outcome::Retried},
        {QStringLiteral("JOB_FAILED_FINAL"), Outcome::Failed},
        {QStringLiteral("JOB_ERROR_THROWN"), Outcome::ErrorThrown},
        {QStringLiteral("JOB_TIMED_OUT"), Outcome::TimedOut},
        {QStringLiteral("JOB_CANCELLED"), Outcome::Cancelled}};
    QList<AttemptEntry> out;
    for (const JobEvent &e : events) {
        if (e.action == QLatin1String("JOB_ACTIVATED")) {
            AttemptEntry attempt;
            attempt.attempt = e.attempt ? e.attempt : int(out.size()) + 1;
            attempt.worker = e.worker;
            attempt.startedAt = e.at;
            out.append(attempt);
            continue;
        }
        const auto end = kEnds.constFind(e.action);
        // A cancel ends an attempt only when the job was running (its event names the worker).
        if (end == kEnds.constEnd() || out.isEmpty() || out.last().endedAt ||
            (*end == Outcome::Cancelled && e.worker.isEmpty()))
            continue;
        AttemptEntry &attempt = out.last();
        attempt.endedAt = e.at;
        attempt.outcome = *end;
        const QJsonObject details = JsonText::object(e.details);
        if (*end == Outcome::Cancelled)
            attempt.detail = QStringLiteral("%1 (%2)").arg(
                eventText(e), details.value(QStringLiteral("cancelled_by")).toString());
        else if (*end != Outcome::Completed)
            attempt.detail = eventText(e);
        if (details.contains(QStringLiteral("backoff_ms")))
            attempt.backoffMs = details.value(QStringLiteral("backoff_ms")).toInteger();
    }
    return out;
}

QString JobDetails::eventText(const JobEvent &event)
{
    if (!event.error.isEmpty())
        return event.error;
    return JsonText::object(event.details).value(QStringLiteral("message")).toString();
}

QJsonObject JobDetails::inputVariables() const
{
    QJsonObject input = JsonText::object(job.variables);
    if (job.state != JobState::Completed || job.resultVariables.isEmpty())
        return input;
    const QJsonObject result = JsonText::object(job.resultVariables);
    for (auto it = result.begin(); it != result.end(); ++it)
        input.remove(it.key());
    if (const JobEvent *completed = lastEvent(events, QLatin1String("JOB_COMPLETED"))) {
        const QJsonObject replaced = JsonText::object(completed->details)
                                         .value(QStringLiteral("replaced_variables"))
                                         .toObject();
        for (auto it = replaced.begin(); it != replaced.end(); ++it)
            input.insert(it.key(), it.value());
    }
    return input;
}

QStringList JobDetails::followUps() const
{
    QStringList keys;
    for (const JobEvent &e : events)
        for (const QJsonValue &k :
             JsonText::object(e.details).value(QStringLiteral("follow_up_jobs")).toArray())
            keys.append(k.toString());
    return keys;
}

QString JobDetails::retryBackoff() const
{
    const JobEvent *retry = lastEvent(events, QLatin1String("JOB_FAILED_RETRY"));
    const QString type =
        retry ? JsonText::object(retry->details).value(QStringLiteral("backoff_type")).toString()
              : QString();
    return type.isEmpty() ? QStringLiteral("EXPONENTIAL") : type;
}

std::optional<qint64> JobDetails::creationToActivationMs() const
{
    for (const JobEvent &e : events)
        if (e.action == QLatin1String("JOB_ACTIVATED"))
            return e.at - job.createdAt;
    return std::nullopt;
}

qint64 JobDetails::processingMs() const
{
    const JobEvent *done = lastEvent(events, QLatin1String("JOB_COMPLETED"));
    const QJsonObject summary =
        done ? JsonText::object(done->details).value(QStringLiteral("result_summary")).toObject()
             : QJsonObject();
    return summary.value(QStringLiteral("processing_time_ms")).toInteger(totalRunMs());
}

TimeoutRisk JobDetails::timeoutRisk(qint64 now) const
{
    const qint64 lock = job.deadline - job.activatedAt;
    const double ratio = lock > 0 ? double(now - job.activatedAt) / double(lock) : 1.0;
    if (ratio < 0.5)
        return TimeoutRisk::Low;
    if (ratio < 0.75)
        return TimeoutRisk::Medium;
    if (ratio < 0.9)
        return TimeoutRisk::High;
    return TimeoutRisk::Critical;
}

std::optional<ProgressFacts> JobDetails::progressOf(const JobRecord &job, qint64 now)
{
    if (job.progress.isEmpty())
        return std::nullopt;
    const QJsonObject p = JsonText::object(job.progress);
    ProgressFacts f;
    f.total = p.value(QStringLiteral("total")).toInteger();
    f.processed = p.value(QStringLiteral("processed")).toInteger();
    f.succeeded = p.value(QStringLiteral("succeeded")).toInteger();
    f.failed = p.value(QStringLiteral("failed")).toInteger();
    f.message = p.value(QStringLiteral("message")).toString();
    f.reportedAt = p.value(QStringLiteral("reported_at")).toString();
    f.percentage = Progress::percentage(f.total, f.processed);
    const qint64 runningMs = job.activatedAt ? qMax<qint64>(1, now - job.activatedAt) : 0;
    const double rate = runningMs ? double(f.processed) * 1000.0 / double(runningMs) : 0.0;
    f.remaining = qMax<qint64>(0, f.total - f.processed);
    f.rowsPerSecond = qRound(rate * 100.0) / 100.0;
    if (job.state == JobState::Active && rate > 0.0 && f.remaining > 0)
        f.etaSeconds = qint64(double(f.remaining) / rate + 0.5);
    return f;
}
