#include "JobOverview.h"

#include "models/TimeText.h"

#include "core/Clock.h"
#include "models/JobStateStyle.h"

#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>

namespace {

// A time in local time, or "—" when not set.
QString when(qint64 ms)
{
    return ms ? localTimeText(ms) : QStringLiteral("—");
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

QString span(qint64 ms)
{
    ms = qAbs(ms);
    if (ms < 1000)
        return JobOverview::tr("%1 ms").arg(ms);
    if (ms < 60'000)
        return JobOverview::tr("%1 s").arg(ms / 1000);
    if (ms < 3'600'000)
        return JobOverview::tr("%1 min %2 s").arg(ms / 60'000).arg(ms / 1000 % 60);
    return JobOverview::tr("%1 h %2 min").arg(ms / 3'600'000).arg(ms / 60'000 % 60);
}

QString link(const QString &key)
{
    return QStringLiteral("<a href=\"%1\">%1</a>").arg(key.toHtmlEscaped());
}

} // namespace

JobOverview::JobOverview(QWidget *parent) : QWidget(parent)
{
    m_form = new QFormLayout(this);
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &JobOverview::tick);
}

QString JobOverview::countdownText(qint64 ms)
{
    return ms >= 0 ? tr("in %1").arg(span(ms)) : tr("passed %1 ago").arg(span(ms));
}

QLabel *JobOverview::addRow(const QString &label, const QString &value, const QString &name)
{
    auto *field = new QLabel(value);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    field->setWordWrap(true);
    if (!name.isEmpty())
        field->setObjectName(name);
    m_form->addRow(label, field);
    return field;
}

void JobOverview::setDetails(const std::optional<JobDetails> &details, qint64 now)
{
    m_tick->stop();
    m_countdown = m_runningFor = m_expectedEnd = nullptr;
    m_deadline = m_activatedAt = m_expectedEndAt = 0;
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    if (!details)
        return;
    const JobDetails &d = *details;
    const JobRecord &job = d.job;
    addTiming(d);
    addRow(tr("Priority"), QString::number(job.priority));
    addRow(tr("Tenant"), orDash(job.tenantId));
    addRow(tr("Attempt"), QString::number(job.attempt));
    if (!job.worker.isEmpty())
        addRow(tr("Worker"), tr("%1 (%2 active jobs)").arg(job.worker).arg(d.workerLoad));
    addRetries(d);
    const std::optional<ProgressFacts> progress = d.progress(now);
    addPerformance(d, progress, now);
    if (progress)
        addProgress(*progress);
    if (!d.failures().isEmpty() || !job.errorMessage.isEmpty())
        addRow(tr("Error"), job.errorMessage);
    addLinks(d);
    // The countdown runs while the job holds a lock (ACTIVE, deadline set).
    if (job.state == JobState::Active && job.deadline) {
        m_deadline = job.deadline;
        m_countdown = addRow(tr("Deadline in"), countdownText(m_deadline - now),
                             QStringLiteral("deadlineCountdown"));
        m_tick->start();
    }
}

void JobOverview::tick()
{
    const qint64 now = Clock::nowMs();
    if (m_countdown)
        m_countdown->setText(countdownText(m_deadline - now));
    if (m_runningFor)
        m_runningFor->setText(span(now - m_activatedAt));
    if (m_expectedEnd)
        m_expectedEnd->setText(expectedEndText(m_expectedEndAt, now));
}

QString JobOverview::expectedEndText(qint64 at, qint64 now)
{
    // A passed estimate says so instead of standing as if it were still ahead.
    return tr("%1 (%2)").arg(when(at), countdownText(at - now));
}

void JobOverview::addTiming(const JobDetails &d)
{
    const JobRecord &job = d.job;
    addRow(tr("Created"), when(job.createdAt));
    addRow(tr("Updated"), when(job.updatedAt));
    if (job.runAt)
        addRow(tr("Run at"), when(job.runAt));
    addRow(tr("Activated"), when(job.activatedAt));
    if (job.state == JobState::FailedRetryable)
        addRow(tr("Next retry"), when(job.dueAt));
    if (JobStates::isTerminal(job.state))
        addRow(tr("Finished"), when(job.finishedAt));
    // A lock's deadline means something only while the job holds it.
    if (job.state == JobState::Active)
        addRow(tr("Deadline"), when(job.deadline), QStringLiteral("deadline"));
    addRow(tr("Timeout"), span(d.timeoutMs()));
}

void JobOverview::addRetries(const JobDetails &d)
{
    const JobRecord &job = d.job;
    addRow(tr("Retries"),
           tr("%1 left of %2 (%3 used); backoff %4, at most %5")
               .arg(QString::number(job.retries), QString::number(job.originalRetries),
                    QString::number(job.originalRetries - job.retries), d.retryBackoff(),
                    span(job.maxRetryDelayMs)),
           QStringLiteral("retryConfiguration"));
}

void JobOverview::addPerformance(const JobDetails &d, const std::optional<ProgressFacts> &p,
                                 qint64 now)
{
    const JobRecord &job = d.job;
    if (const std::optional<qint64> waited = d.creationToActivationMs())
        addRow(tr("Waited"), span(*waited));
    if (job.state == JobState::Completed && job.activatedAt)
        addRow(tr("Ran"), span(d.totalRunMs()));
    if (job.state != JobState::Active)
        return;
    m_activatedAt = job.activatedAt;
    m_runningFor =
        addRow(tr("Running for"), span(now - job.activatedAt), QStringLiteral("runningFor"));
    const TimeoutRisk risk = d.timeoutRisk(now);
    QLabel *label =
        addRow(tr("Timeout risk"), timeoutRiskName(risk), QStringLiteral("timeoutRisk"));
    if (risk == TimeoutRisk::High || risk == TimeoutRisk::Critical) {
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, JobStateStyle::color(JobState::Failed, palette));
        label->setPalette(palette);
    }
    if (p && p->etaSeconds) {
        m_expectedEndAt = now + *p->etaSeconds * 1000;
        m_expectedEnd = addRow(tr("Expected end"), expectedEndText(m_expectedEndAt, now),
                               QStringLiteral("expectedEnd"));
    }
}

void JobOverview::addProgress(const ProgressFacts &p)
{
    auto *bar = new QProgressBar;
    bar->setObjectName(QStringLiteral("progressBar"));
    bar->setRange(0, 1000);
    bar->setValue(int(p.percentage * 10.0));
    bar->setFormat(QStringLiteral("%1 %").arg(p.percentage));
    m_form->addRow(tr("Progress"), bar);
    QString rows = tr("%1 of %2 rows (%3 succeeded, %4 failed), %5 rows/s")
                       .arg(QString::number(p.processed), QString::number(p.total),
                            QString::number(p.succeeded), QString::number(p.failed),
                            QString::number(p.rowsPerSecond, 'g', 12));
    if (p.etaSeconds)
        rows += QStringLiteral("; ") + tr("ETA %1").arg(span(*p.etaSeconds * 1000));
    addRow(QString(), rows, QStringLiteral("progressRows"));
    if (!p.message.isEmpty())
        addRow(QString(), p.message);
}

void JobOverview::addLinks(const JobDetails &d)
{
    const auto linkRow = [this](const QString &label, const QStringList &keys,
                                const QString &name) {
        QStringList links;
        for (const QString &key : keys)
            links.append(link(key));
        QLabel *field = addRow(label, links.join(QStringLiteral(", ")), name);
        field->setTextFormat(Qt::RichText);
        field->setTextInteractionFlags(Qt::TextBrowserInteraction);
        connect(field, &QLabel::linkActivated, this, &JobOverview::jobLinkActivated);
    };
    if (!d.job.parentKey.isEmpty())
        linkRow(tr("Created by"), {d.job.parentKey}, QStringLiteral("parentLink"));
    const QStringList followUps = d.followUps();
    if (!followUps.isEmpty())
        linkRow(tr("Follow-up jobs"), followUps, QStringLiteral("followUpLinks"));
}
