#pragma once

#include "store/JobDetails.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QProgressBar;
class QTimer;

// The Overview tab of a job: timing with a live deadline countdown, worker, retry
// configuration, performance metrics and timeout risk, a progress bar with rows and ETA, and
// links to the parent and follow-up jobs. Everything comes from the job's typed details (what
// GET /api/v1/jobs/:key renders); the countdown ticks every second without a query.
class JobOverview : public QWidget
{
    Q_OBJECT
public:
    explicit JobOverview(QWidget *parent = nullptr);

    void setDetails(const std::optional<JobDetails> &details, qint64 now);
    // "in 1 min 5 s" / "passed 12 s ago" for a deadline `ms` away (negative: passed).
    static QString countdownText(qint64 ms);
    // "05.12.2026 14:03:10 (in 2 min 5 s)", or "(passed 12 s ago)" once the estimate has passed.
    static QString expectedEndText(qint64 at, qint64 now);

signals:
    void jobLinkActivated(const QString &key);

private:
    QLabel *addRow(const QString &label, const QString &value, const QString &name = {});
    void addTiming(const JobDetails &d);
    void addRetries(const JobDetails &d);
    void addPerformance(const JobDetails &d, const std::optional<ProgressFacts> &progress,
                        qint64 now);
    void addProgress(const ProgressFacts &p);
    void addLinks(const JobDetails &d);
    void tick();

    QFormLayout *m_form = nullptr;
    QTimer *m_tick = nullptr;
    // The rows that move with the clock while the job is ACTIVE (owned by the form).
    QLabel *m_countdown = nullptr;
    qint64 m_deadline = 0;
    QLabel *m_runningFor = nullptr;
    qint64 m_activatedAt = 0;
    QLabel *m_expectedEnd = nullptr;
    qint64 m_expectedEndAt = 0;
};
