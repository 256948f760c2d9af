#include "JobsView.h"

#include "FilterBar.h"
#include "engine/Engine.h"
#include "models/JobTableModel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace {
bool sortable(int column)
{
    return column == JobTableModel::Key || column == JobTableModel::Created ||
           column == JobTableModel::Updated;
}
} // namespace

JobsView::JobsView(StoreReader &reader, Engine *engine, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_filters = new FilterBar(this);
    layout->addWidget(m_filters);

    m_model = new JobTableModel(reader, this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("jobsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    layout->addWidget(m_table, 1);

    m_sortColumn = JobTableModel::Created;
    m_table->horizontalHeader()->setSortIndicator(m_sortColumn, m_sortOrder);
    // Sorting is asked of the store (the API's sort keys), not of the view.
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->horizontalHeader()->setSectionsClickable(true);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            &JobsView::onSortIndicatorChanged);
    QSettings settings;
    m_table->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("jobs/header")).toByteArray());

    connect(m_filters, &FilterBar::changed, this, &JobsView::applyFilters);
    connect(m_model, &JobTableModel::queryChanged, this,
            [this] { m_filters->setApiPath(m_model->apiPath(), m_model->queryError()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { emit currentJobChanged(currentKey()); });

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(kRefreshMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &JobsView::refresh);
    if (engine) // queued: the engine signals on its own thread
        connect(engine, &Engine::batchCommitted, this, &JobsView::scheduleRefresh);

    auto *f5 = new QShortcut(QKeySequence::Refresh, this);
    connect(f5, &QShortcut::activated, this, &JobsView::refresh);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, m_filters, &FilterBar::focusSearch);

    applyFilters();
}

JobsView::~JobsView()
{
    QSettings settings;
    settings.setValue(QStringLiteral("jobs/header"), m_table->horizontalHeader()->saveState());
}

void JobsView::applyFilters()
{
    QUrlQuery query = m_filters->query();
    if (m_sortColumn == JobTableModel::Updated)
        query.addQueryItem(QStringLiteral("sort_by"), QStringLiteral("updated_at"));
    if (m_sortOrder == Qt::AscendingOrder)
        query.addQueryItem(QStringLiteral("sort_order"), QStringLiteral("ASC"));
    const QString key = currentKey();
    m_model->setQuery(query);
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
    if (const int row = m_model->rowOfKey(key); row >= 0)
        m_table->setCurrentIndex(m_model->index(row, 0));
}

void JobsView::onSortIndicatorChanged(int column, Qt::SortOrder order)
{
    if (!sortable(column)) { // the store sorts only by the API's sort keys
        const QSignalBlocker blocker(m_table->horizontalHeader());
        m_table->horizontalHeader()->setSortIndicator(m_sortColumn, m_sortOrder);
        return;
    }
    m_sortColumn = column == JobTableModel::Key ? int(JobTableModel::Created) : column;
    m_sortOrder = order;
    applyFilters();
}

void JobsView::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void JobsView::refresh()
{
    m_refreshTimer->stop();
    // Keep the first visible job in place unless the view is at the top (then new jobs show).
    QScrollBar *bar = m_table->verticalScrollBar();
    QString anchor;
    if (bar->value() > bar->minimum())
        anchor =
            m_model->data(m_table->indexAt(QPoint(0, 0)), JobTableModel::JobKeyRole).toString();
    const QString before = currentKey();
    m_model->refresh();
    if (!anchor.isEmpty())
        if (const int row = m_model->rowOfKey(anchor); row >= 0)
            m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtTop);
    if (currentKey() != before)
        emit currentJobChanged(currentKey());
    emit refreshed();
}

QString JobsView::currentKey() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_model->data(current, JobTableModel::JobKeyRole).toString()
                             : QString();
}

QStringList JobsView::selectedKeys() const
{
    QStringList keys;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        keys.append(m_model->data(index, JobTableModel::JobKeyRole).toString());
    return keys;
}
