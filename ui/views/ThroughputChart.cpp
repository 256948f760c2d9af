#include "ThroughputChart.h"

#include "models/JobStateStyle.h"

#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

ThroughputChart::ThroughputChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("throughputChart"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ThroughputChart::setMinutes(const QList<DashboardSnapshot::Minute> &minutes)
{
    m_minutes = minutes;
    update();
}

qint64 ThroughputChart::scaleMax() const
{
    qint64 peak = 0;
    for (const DashboardSnapshot::Minute &m : m_minutes)
        peak = qMax(peak, m.completed);
    // Four grid steps of 1, 2, 5, 10, 20, 50, ...: whole numbers on every line.
    qint64 step = 1;
    while (true) {
        for (const qint64 f : {1, 2, 5})
            if (4 * step * f >= peak)
                return 4 * step * f;
        step *= 10;
    }
}

void ThroughputChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    const qint64 top = scaleMax();
    const int legendHeight = fm.height() + 6;
    const int left = fm.horizontalAdvance(QString::number(top)) + 10;
    const int right = fm.horizontalAdvance(QStringLiteral("100%")) + 10;
    const int bottom = fm.height() + 6;
    const QRect plot(left, legendHeight, width() - left - right, height() - legendHeight - bottom);
    if (plot.width() < 20 || plot.height() < 20)
        return;
    p.fillRect(rect(), pal.color(QPalette::Base));

    const QColor completed = JobStateStyle::color(JobState::Completed, pal);
    const QColor failed = JobStateStyle::color(JobState::Failed, pal);
    const QColor text = pal.color(QPalette::Text);
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(40);

    // Grid and axes' labels: 0, 1/4, ... of the scale on the left; 0-100 % on the right.
    p.setPen(text);
    for (int i = 0; i <= 4; ++i) {
        const int y = plot.bottom() - plot.height() * i / 4;
        p.setPen(QPen(grid, 1));
        p.drawLine(plot.left(), y, plot.right(), y);
        p.setPen(text);
        p.drawText(QRect(0, y - fm.height() / 2, left - 6, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(top * i / 4));
        p.drawText(QRect(plot.right() + 6, y - fm.height() / 2, right - 6, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("%1%").arg(25 * i));
    }

    // Legend.
    int x = left;
    const int box = fm.height() - 4;
    p.fillRect(QRect(x, 3 + 2, box, box), completed);
    x += box + 4;
    const QString completedText = tr("completed / min");
    p.drawText(QPoint(x, 3 + fm.ascent()), completedText);
    x += fm.horizontalAdvance(completedText) + 16;
    p.setPen(QPen(failed, 2));
    p.drawLine(x, 3 + fm.height() / 2, x + box, 3 + fm.height() / 2);
    x += box + 4;
    p.setPen(text);
    p.drawText(QPoint(x, 3 + fm.ascent()), tr("failure rate"));

    const int n = int(m_minutes.size());
    if (n == 0)
        return;
    const double slot = double(plot.width()) / n;
    // The rate is drawn only through minutes that finished jobs (elsewhere it is undefined).
    QPainterPath rateLine;
    bool drawing = false;
    QList<QPointF> points;
    for (int i = 0; i < n; ++i) {
        const DashboardSnapshot::Minute &m = m_minutes.at(i);
        const double h = double(plot.height()) * double(m.completed) / double(top);
        const QRectF bar(plot.left() + i * slot + slot * 0.15, plot.bottom() - h, slot * 0.7, h);
        p.fillRect(bar, completed);
        if (m.completed + m.failed == 0) {
            drawing = false;
            continue;
        }
        const QPointF point(plot.left() + (i + 0.5) * slot,
                            plot.bottom() - plot.height() * m.failureRate() / 100.0);
        if (drawing)
            rateLine.lineTo(point);
        else
            rateLine.moveTo(point);
        drawing = true;
        points.append(point);
    }
    p.setPen(QPen(failed, 2));
    p.setBrush(Qt::NoBrush);
    p.drawPath(rateLine);
    p.setBrush(failed);
    for (const QPointF &point : std::as_const(points))
        p.drawEllipse(point, 2.5, 2.5);
    p.setBrush(Qt::NoBrush);

    // Time labels: first, middle and last minute.
    p.setPen(text);
    for (const int i : {0, n / 2, n - 1}) {
        const QString label = QDateTime::fromMSecsSinceEpoch(m_minutes.at(i).minute * 60'000)
                                  .toString(QStringLiteral("HH:mm"));
        const int cx = plot.left() + int((i + 0.5) * slot);
        const int w = fm.horizontalAdvance(label);
        p.drawText(QRect(qBound(0, cx - w / 2, width() - w), plot.bottom() + 4, w, fm.height()),
                   Qt::AlignCenter, label);
    }
    p.setPen(QPen(grid, 1));
    p.drawRect(plot);
}
