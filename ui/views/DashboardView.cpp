#include "DashboardView.h"

#include "ColumnFit.h"
#include "SpanText.h"
#include "ThroughputChart.h"
#include "ViewRefresher.h"
#include "core/Clock.h"
#include "dialogs/RetentionDialog.h"
#include "models/BackgroundReader.h"
#include "models/JobStateStyle.h"
#include "models/OperatorModels.h"

#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QLabel *bigNumber(QWidget *parent, const QColor &color)
{
    auto *label = new QLabel(QStringLiteral("–"), parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    label->setFont(font);
    if (color.isValid()) {
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, color);
        label->setPalette(palette);
    }
    label->setAlignment(Qt::AlignCenter);
    return label;
}

QString duration(qint64 ms)
{
    if (ms < 1000)
        return DashboardView::tr("%1 ms").arg(ms);
    if (ms < 60'000)
        return DashboardView::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    return DashboardView::tr("%1 min").arg(QLocale().toString(double(ms) / 60'000.0, 'f', 1));
}

// "Size: 101 MiB (write-ahead log 14 MiB, free 3 MiB) · oldest finished job: … · kept: …"; what
// the server does not tell this key (GET /api/v1/dashboard) is said to be another key's.
QString storeSummary(const DashboardSnapshot &s)
{
    const QLocale locale;
    QStringList parts;
    if (const std::optional<StoreFootprint> &f = s.store) {
        QString size = DashboardView::tr("Size: %1").arg(locale.formattedDataSize(f->bytes));
        if (f->walBytes >= 0)
            size += DashboardView::tr(" (write-ahead log %1, free pages %2)")
                        .arg(locale.formattedDataSize(f->walBytes),
                             locale.formattedDataSize(qMax<qint64>(0, f->freeBytes)));
        parts << size
              << (f->oldestFinishedAt > 0
                      ? DashboardView::tr("oldest finished job kept: %1 (%2 ago)")
                            .arg(locale.toString(
                                     QDateTime::fromMSecsSinceEpoch(f->oldestFinishedAt),
                                     QLocale::ShortFormat),
                                 SpanText::rough(s.generatedAt - f->oldestFinishedAt))
                      : DashboardView::tr("no finished job kept"));
    } else {
        parts << DashboardView::tr("Size: shown to keys of every tenant");
    }
    parts << (s.retention
                  ? DashboardView::tr("kept: %1").arg(RetentionDialog::describe(*s.retention))
                  : DashboardView::tr("retention: shown to admin keys"));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

DashboardView::DashboardView(BackgroundReader &reader, QWidget *parent)
    : QWidget(parent), m_reader(reader)
{
    setObjectName(QStringLiteral("dashboardView"));
    auto *layout = new QVBoxLayout(this);

    // One tile per state, then the total and the open incidents.
    auto *states = new QGroupBox(tr("Jobs by state"), this);
    auto *grid = new QGridLayout(states);
    int column = 0;
    for (JobState state : JobStates::all()) {
        QLabel *value = bigNumber(states, JobStateStyle::color(state, palette()));
        value->setObjectName(QStringLiteral("state_") + JobStates::name(state));
        auto *name = new QLabel(JobStateStyle::label(state), states);
        name->setToolTip(JobStateStyle::text(state)); // the API's name
        name->setAlignment(Qt::AlignCenter);
        grid->addWidget(value, 0, column);
        grid->addWidget(name, 1, column);
        m_stateValues.append(value);
        ++column;
    }
    auto *line = new QFrame(states);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    grid->addWidget(line, 0, column++, 2, 1);
    m_total = bigNumber(states, {});
    m_total->setObjectName(QStringLiteral("totalJobs"));
    grid->addWidget(m_total, 0, column);
    grid->addWidget(new QLabel(tr("Total"), states), 1, column++, Qt::AlignCenter);
    m_incidents = bigNumber(states, JobStateStyle::color(JobState::Failed, palette()));
    m_incidents->setObjectName(QStringLiteral("openIncidents"));
    grid->addWidget(m_incidents, 0, column);
    grid->addWidget(new QLabel(tr("Open incidents"), states), 1, column, Qt::AlignCenter);
    // Every count leads to what it counts.
    for (QLabel *count : m_stateValues + QList<QLabel *>{m_total, m_incidents}) {
        count->setCursor(Qt::PointingHandCursor);
        count->setToolTip(count == m_incidents ? tr("Show the open incidents")
                                               : tr("Show these jobs"));
        count->installEventFilter(this);
    }
    layout->addWidget(states);

    auto *recent =
        new QGroupBox(tr("Last %n minute(s)", nullptr, DashboardSnapshot::kMinutes), this);
    auto *recentLayout = new QVBoxLayout(recent);
    m_summary = new QLabel(recent);
    m_summary->setObjectName(QStringLiteral("dashboardSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    recentLayout->addWidget(m_summary);
    m_chart = new ThroughputChart(recent);
    recentLayout->addWidget(m_chart, 1);
    layout->addWidget(recent, 3);

    auto *queues = new QGroupBox(tr("Queue depth per job type"), this);
    auto *queuesLayout = new QVBoxLayout(queues);
    m_depth = new QueueDepthModel(this);
    m_depthTable = new QTableView(queues);
    m_depthTable->setObjectName(QStringLiteral("queueDepthTable"));
    m_depthTable->setModel(m_depth);
    m_depthTable->verticalHeader()->hide();
    m_depthTable->setAlternatingRowColors(true);
    m_depthTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_depthTable->horizontalHeader()->setStretchLastSection(true);
    m_depthTable->verticalHeader()->setDefaultSectionSize(m_depthTable->fontMetrics().height() + 6);
    m_depthTable->setToolTip(tr("Double-click a count to see its jobs"));
    connect(m_depthTable, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const JobsLink link = m_depth->jobsAt(index); link.isValid())
            emit jobsRequested(link);
    });
    queuesLayout->addWidget(m_depthTable);
    layout->addWidget(queues, 2);

    auto *store = new QGroupBox(tr("Store"), this);
    auto *storeLayout = new QHBoxLayout(store);
    m_store = new QLabel(store);
    m_store->setObjectName(QStringLiteral("storeSummary"));
    m_store->setWordWrap(true);
    m_store->setTextInteractionFlags(Qt::TextSelectableByMouse);
    storeLayout->addWidget(m_store, 1);
    m_retention = new QPushButton(tr("Retention…"), store);
    m_retention->setObjectName(QStringLiteral("retentionButton"));
    m_retention->setEnabled(false); // until a read says the key may see the retention
    connect(m_retention, &QPushButton::clicked, this, &DashboardView::retentionRequested);
    storeLayout->addWidget(m_retention, 0, Qt::AlignTop);
    layout->addWidget(store);

    m_refresher = new ViewRefresher(this, [this] {
        m_reader.read<DashboardSnapshot>(
            this, [](OperatorSource &r) { return r.dashboard(Clock::nowMs()); },
            [this](const DashboardSnapshot &s, const QString &error) { apply(s, error); });
    });
    auto *f5 = new QShortcut(QKeySequence::Refresh, this);
    connect(f5, &QShortcut::activated, this, &DashboardView::refresh);
}

void DashboardView::refresh()
{
    m_refresher->request();
}

bool DashboardView::isLoading() const
{
    return m_refresher->isLoading();
}

void DashboardView::apply(const DashboardSnapshot &s, const QString &error)
{
    m_refresher->done();
    if (!error.isEmpty()) {
        m_summary->setText(tr("The store cannot be read right now: %1").arg(error));
        emit refreshed();
        return;
    }
    m_snapshot = s;
    const QLocale locale;
    for (JobState state : JobStates::all())
        m_stateValues.at(int(state))->setText(locale.toString(s.counts.of(state)));
    m_total->setText(locale.toString(s.counts.total));
    m_incidents->setText(locale.toString(s.openIncidents));
    const RollupTotals &w = s.window;
    const double perMinute = double(w.completed) / DashboardSnapshot::kMinutes;
    const double failureRate =
        w.completed + w.failed ? 100.0 * double(w.failed) / double(w.completed + w.failed) : 0;
    m_summary->setText(
        tr("Finished: %1 · completed: %2 (%3 / min) · failed: %4 (%5 %) · p95 processing "
           "time: %6")
            .arg(locale.toString(w.jobs), locale.toString(w.completed),
                 locale.toString(perMinute, 'f', 1), locale.toString(w.failed),
                 locale.toString(failureRate, 'f', 1),
                 w.timedJobs ? duration(s.p95ProcessingMs) : tr("n/a")));
    m_store->setText(storeSummary(s));
    m_retention->setEnabled(s.retention.has_value()); // not told: not an admin's key
    m_chart->setMinutes(s.minutes);
    m_depth->setRows(s.depth);
    if (!m_depthSized && !s.depth.isEmpty()) {
        m_depthSized = true;
        ColumnFit::toContents(m_depthTable);
    }
    emit refreshed();
}

bool DashboardView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::MouseButtonRelease ||
        static_cast<QMouseEvent *>(event)->button() != Qt::LeftButton)
        return QWidget::eventFilter(watched, event);
    if (watched == m_incidents) {
        emit incidentsRequested();
    } else if (watched == m_total) {
        emit jobsRequested(JobsLink{}); // every job: no filter
    } else if (const int index = m_stateValues.indexOf(static_cast<QLabel *>(watched));
               index >= 0) {
        JobsLink link;
        link.states = {JobStates::all().at(index)};
        emit jobsRequested(link);
    }
    return true;
}

QString DashboardView::stateText(JobState state) const
{
    return m_stateValues.at(int(state))->text();
}

QString DashboardView::storeText() const
{
    return m_store->text();
}

QString DashboardView::summaryText() const
{
    return m_summary->text();
}
