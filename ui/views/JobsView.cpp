#include "JobsView.h"

#include "FilterBar.h"
#include "engine/Engine.h"
#include "models/JobStateStyle.h"
#include "models/JobTableModel.h"

#include <QAction>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QMessageBox>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
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
    m_actions = new JobActions(engine, this);
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(toolbar);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("actionMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

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
    buildActions();
    toolbar->addActions(m_actionList);

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

    m_confirm = [this](JobActions::Kind kind, const QString &text, int *retries) {
        return confirmWithDialog(kind, text, retries);
    };
    applyFilters();
}

void JobsView::buildActions()
{
    const struct
    {
        JobActions::Kind kind;
        QKeySequence shortcut;
    } kinds[] = {{JobActions::Kind::Cancel, QKeySequence()},
                 {JobActions::Kind::Delete, QKeySequence::Delete},
                 {JobActions::Kind::Retry, QKeySequence()}};
    for (const auto &k : kinds) {
        auto *action = new QAction(JobActions::name(k.kind) + QStringLiteral("…"), this);
        action->setShortcut(k.shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setEnabled(false);
        const JobActions::Kind kind = k.kind;
        connect(action, &QAction::triggered, this, [this, kind] { trigger(kind); });
        m_table->addAction(action);
        m_actionList.append(action);
    }
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    const auto updateEnabled = [this] {
        const bool any = m_table->selectionModel()->hasSelection() && !m_actions->isBusy();
        for (QAction *action : std::as_const(m_actionList))
            action->setEnabled(any);
    };
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, updateEnabled);
    connect(m_actions, &JobActions::finished, this, &JobsView::onActionFinished);
    connect(m_actions, &JobActions::finished, this, updateEnabled);
}

QAction *JobsView::action(JobActions::Kind kind) const
{
    return m_actionList.value(int(kind));
}

bool JobsView::confirmWithDialog(JobActions::Kind kind, const QString &text, int *retries)
{
    if (kind == JobActions::Kind::Retry) {
        bool ok = false;
        *retries = QInputDialog::getInt(this, tr("Retry jobs"),
                                        text + QStringLiteral("\n\n") + tr("New retries:"),
                                        *retries, 1, 100, 1, &ok);
        return ok;
    }
    return QMessageBox::question(this, JobActions::name(kind), text,
                                 QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) == QMessageBox::Yes;
}

void JobsView::trigger(JobActions::Kind kind)
{
    const QStringList keys = selectedKeys();
    if (keys.isEmpty() || m_actions->isBusy())
        return;
    int retries = 1;
    const QString text = JobActions::describe(kind, int(keys.size()), retries);
    if (!m_confirm(kind, text, &retries))
        return;
    for (QAction *action : std::as_const(m_actionList))
        action->setEnabled(false);
    m_actions->run(kind, keys, retries);
}

void JobsView::onActionFinished(JobActions::Kind kind, int succeeded, const QStringList &errors)
{
    QString text = tr("%1: %n job(s) done.", nullptr, succeeded).arg(JobActions::name(kind));
    if (!errors.isEmpty()) {
        text += QLatin1Char(' ') + tr("%n refused:", nullptr, int(errors.size()));
        const qsizetype shown = qMin<qsizetype>(errors.size(), 5);
        for (qsizetype i = 0; i < shown; ++i)
            text += QLatin1Char('\n') + errors.at(i);
        if (errors.size() > shown)
            text += QLatin1Char('\n') + tr("… and %n more", nullptr, int(errors.size() - shown));
    }
    m_message->setText(text);
    QPalette palette = this->palette();
    if (!errors.isEmpty())
        palette.setColor(QPalette::WindowText, JobStateStyle::color(JobState::Failed, palette));
    m_message->setPalette(palette);
    m_message->show();
    refresh();
}

QString JobsView::actionMessage() const
{
    return m_message->text();
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
