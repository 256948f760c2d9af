#include "JobOverview.h"

#include "core/Clock.h"
#include "models/JobStateStyle.h"

#include <QDateTime>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>

namespace {

QString text(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QStringLiteral("—");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 12);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

// An API timestamp in local time, or "—".
QString when(const QJsonValue &value)
{
    const std::optional<qint64> ms = Clock::parseIso(value.toString());
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
              : QStringLiteral("—");
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

void JobOverview::setDetails(const QJsonObject &d, qint64 now)
{
    m_tick->stop();
    m_countdown = nullptr;
    m_deadline = 0;
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    if (d.isEmpty())
        return;
    addTiming(d);
    addRow(tr("Priority"), text(d.value(QStringLiteral("priority"))));
    addRow(tr("Tenant"), text(d.value(QStringLiteral("tenant_id"))));
    addRow(tr("Attempt"), text(d.value(QStringLiteral("attempt"))));
    const QJsonObject worker = d.value(QStringLiteral("worker_assignment")).toObject();
    if (!worker.isEmpty())
        addRow(tr("Worker"),
               tr("%1 (%2 active jobs)")
                   .arg(text(worker.value(QStringLiteral("worker_id"))),
                        text(worker.value(QStringLiteral("current_jobs_for_worker")))));
    addRetries(d);
    addPerformance(d);
    addProgress(d);
    const QJsonObject failure = d.value(QStringLiteral("failure_information")).toObject();
    if (!failure.isEmpty())
        addRow(tr("Error"), text(failure.value(QStringLiteral("error_message"))));
    addLinks(d);
    // The countdown runs while the job holds a lock (ACTIVE, deadline set).
    if (d.value(QStringLiteral("status")).toString() == QLatin1String("ACTIVE"))
        if (const std::optional<qint64> deadline =
                Clock::parseIso(d.value(QStringLiteral("deadline")).toString())) {
            m_deadline = *deadline;
            m_countdown = addRow(tr("Deadline in"), countdownText(m_deadline - now),
                                 QStringLiteral("deadlineCountdown"));
            m_tick->start();
        }
}

void JobOverview::tick()
{
    if (m_countdown)
        m_countdown->setText(countdownText(m_deadline - Clock::nowMs()));
}

void JobOverview::addTiming(const QJsonObject &d)
{
    addRow(tr("Created"), when(d.value(QStringLiteral("created_at"))));
    addRow(tr("Updated"), when(d.value(QStringLiteral("updated_at"))));
    if (d.contains(QStringLiteral("run_at")))
        addRow(tr("Run at"), when(d.value(QStringLiteral("run_at"))));
    addRow(tr("Activated"), when(d.value(QStringLiteral("activated_at"))));
    if (d.contains(QStringLiteral("next_retry_at")))
        addRow(tr("Next retry"), when(d.value(QStringLiteral("next_retry_at"))));
    for (const char *field : {"completed_at", "failed_at", "error_thrown_at", "cancelled_at"})
        if (d.contains(QLatin1String(field)))
            addRow(tr("Finished"), when(d.value(QLatin1String(field))));
    addRow(tr("Deadline"), when(d.value(QStringLiteral("deadline"))));
    addRow(tr("Timeout"), span(d.value(QStringLiteral("timeout_ms")).toInteger()));
}

void JobOverview::addRetries(const QJsonObject &d)
{
    const QJsonObject r = d.value(QStringLiteral("retry_configuration")).toObject();
    addRow(tr("Retries"),
           tr("%1 left of %2 (%3 used); backoff %4, at most %5")
               .arg(text(r.value(QStringLiteral("retries"))),
                    text(r.value(QStringLiteral("original_retries"))),
                    text(r.value(QStringLiteral("retries_used"))),
                    text(r.value(QStringLiteral("retry_backoff"))),
                    span(r.value(QStringLiteral("max_retry_delay_ms")).toInteger())),
           QStringLiteral("retryConfiguration"));
}

void JobOverview::addPerformance(const QJsonObject &d)
{
    const QJsonObject m = d.value(QStringLiteral("performance_metrics")).toObject();
    if (m.contains(QStringLiteral("creation_to_activation_ms")))
        addRow(tr("Waited"),
               span(m.value(QStringLiteral("creation_to_activation_ms")).toInteger()));
    if (m.contains(QStringLiteral("activation_to_completion_ms")))
        addRow(tr("Ran"), span(m.value(QStringLiteral("activation_to_completion_ms")).toInteger()));
    if (d.contains(QStringLiteral("elapsed_time_ms")))
        addRow(tr("Running for"), span(d.value(QStringLiteral("elapsed_time_ms")).toInteger()));
    const QString risk = m.value(QStringLiteral("timeout_risk")).toString();
    if (!risk.isEmpty()) {
        QLabel *label = addRow(tr("Timeout risk"), risk, QStringLiteral("timeoutRisk"));
        if (risk == QLatin1String("HIGH") || risk == QLatin1String("CRITICAL")) {
            QPalette palette = label->palette();
            palette.setColor(QPalette::WindowText, JobStateStyle::color(JobState::Failed, palette));
            label->setPalette(palette);
        }
    }
    if (m.contains(QStringLiteral("estimated_completion_time")))
        addRow(tr("Expected end"), when(m.value(QStringLiteral("estimated_completion_time"))));
}

void JobOverview::addProgress(const QJsonObject &d)
{
    const QJsonObject p = d.value(QStringLiteral("progress")).toObject();
    if (p.isEmpty())
        return;
    auto *bar = new QProgressBar;
    bar->setObjectName(QStringLiteral("progressBar"));
    bar->setRange(0, 1000);
    bar->setValue(int(p.value(QStringLiteral("progress_percentage")).toDouble() * 10.0));
    bar->setFormat(
        QStringLiteral("%1 %").arg(p.value(QStringLiteral("progress_percentage")).toDouble()));
    m_form->addRow(tr("Progress"), bar);
    QString rows = tr("%1 of %2 rows (%3 succeeded, %4 failed), %5 rows/s")
                       .arg(text(p.value(QStringLiteral("processed_rows"))),
                            text(p.value(QStringLiteral("total_rows"))),
                            text(p.value(QStringLiteral("successful_rows"))),
                            text(p.value(QStringLiteral("failed_rows"))),
                            text(p.value(QStringLiteral("rows_per_second"))));
    const QJsonValue eta = p.value(QStringLiteral("estimated_completion_seconds"));
    if (eta.isDouble())
        rows += QStringLiteral("; ") + tr("ETA %1").arg(span(eta.toInteger() * 1000));
    addRow(QString(), rows, QStringLiteral("progressRows"));
    if (p.contains(QStringLiteral("message")))
        addRow(QString(), text(p.value(QStringLiteral("message"))));
}

void JobOverview::addLinks(const QJsonObject &d)
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
    const QString parent = d.value(QStringLiteral("parent_job_key")).toString();
    if (!parent.isEmpty())
        linkRow(tr("Created by"), {parent}, QStringLiteral("parentLink"));
    QStringList followUps;
    for (const QJsonValue &key : d.value(QStringLiteral("follow_up_jobs")).toArray())
        followUps.append(key.toString());
    if (!followUps.isEmpty())
        linkRow(tr("Follow-up jobs"), followUps, QStringLiteral("followUpLinks"));
}
