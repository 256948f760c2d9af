#pragma once

#include "models/JobsLink.h"

#include "backend/OperatorSource.h"

#include <QWidget>

class BackgroundReader;
class QLabel;
class QPushButton;
class QTableView;
class QueueDepthModel;
class ThroughputChart;
class ViewRefresher;

// The dashboard: jobs per state, the last 15 minutes' throughput and failure rate (chart),
// the p95 processing time of those minutes, open incidents, the queue depth per job type, and
// the store: its size, its oldest finished job and the retention policy in force.
// Read in the background (OperatorSource::dashboard) every refresh interval while visible.
class DashboardView : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardView(BackgroundReader &reader, QWidget *parent = nullptr);

    const DashboardSnapshot &snapshot() const { return m_snapshot; }
    QueueDepthModel *depthModel() const { return m_depth; }
    ThroughputChart *chart() const { return m_chart; }
    // The number shown for a state, as text (for tests and screen readers).
    QString stateText(JobState state) const;
    QString summaryText() const;
    QString storeText() const;
    bool isLoading() const; // a read is on its way

public slots:
    void refresh();

signals:
    void refreshed();
    void retentionRequested(); // the store panel's Retention… button
    // A click on a state's count (or the total), or a double-click on a queue depth cell.
    void jobsRequested(const JobsLink &link);
    void incidentsRequested(); // a click on the open incidents count

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply(const DashboardSnapshot &snapshot, const QString &error);

    BackgroundReader &m_reader;
    DashboardSnapshot m_snapshot;
    ViewRefresher *m_refresher;
    QList<QLabel *> m_stateValues; // per JobState
    QLabel *m_total;
    QLabel *m_incidents;
    QLabel *m_summary;
    QLabel *m_store;
    QPushButton *m_retention;
    ThroughputChart *m_chart;
    QueueDepthModel *m_depth;
    QTableView *m_depthTable;
    bool m_depthSized = false;
};
