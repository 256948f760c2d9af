#pragma once

#include "backend/OperatorSource.h"

#include <QWidget>

// Jobs completed per minute (bars, left axis) and the failure rate of each minute (line, right
// axis, percent of completed + failed), drawn with QPainter in the palette's colours and the
// state colours of JobStateStyle.
class ThroughputChart : public QWidget
{
    Q_OBJECT
public:
    explicit ThroughputChart(QWidget *parent = nullptr);

    void setMinutes(const QList<DashboardSnapshot::Minute> &minutes);
    const QList<DashboardSnapshot::Minute> &minutes() const { return m_minutes; }
    // The left axis' top value: the busiest minute, rounded up to a readable step.
    qint64 scaleMax() const;

    QSize sizeHint() const override { return {480, 220}; }
    QSize minimumSizeHint() const override { return {240, 140}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<DashboardSnapshot::Minute> m_minutes;
};
