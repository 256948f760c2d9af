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
    QLabel *m_countdown = nullptr; // owned by the form
    qint64 m_deadline = 0;
};
