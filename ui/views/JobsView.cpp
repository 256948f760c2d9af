#include "JobsView.h"

#include "ActionMessage.h"
#include "ColumnChooser.h"
#include "FilterBar.h"
#include "JobDetailPanel.h"
#include "MatchCount.h"
#include "SortArrowStyle.h"
#include "ViewRefresher.h"
#include "backend/ConsoleBackend.h"
#include "models/JobPageLoader.h"
#include "models/JobStateStyle.h"
#include "models/JobTableModel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace {
bool sortable(int column)
{
    return column == JobTableModel::Key || column == JobTableModel::Created ||
           column == JobTableModel::Updated || column == JobTableModel::Priority;
}
} // namespace

JobsView::JobsView(ConsoleBackend *backend, QWidget *parent) : QWidget(parent), m_backend(backend)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_filters = new FilterBar(this);
    layout->addWidget(m_filters);
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *toolRow = new QHBoxLayout;
    toolRow->addWidget(toolbar, 1);
    layout->addLayout(toolRow);
    m_message = new ActionMessage(this);
    layout->addWidget(m_message);

    m_newerHint = new QLabel(tr("Many new jobs arrived above these rows: scroll to the top to "
                                "see them."),
                             this);
    m_newerHint->setObjectName(QStringLiteral("newerJobsHint"));
    m_newerHint->hide();
    layout->addWidget(m_newerHint);
    m_pausedHint = new QLabel(tr("Paused: the list does not follow changes. Live (or F5) shows "
                                 "them again."),
                              this);
    m_pausedHint->setObjectName(QStringLiteral("pausedHint"));
    m_pausedHint->hide();
    layout->addWidget(m_pausedHint);

    m_model = new JobTableModel(backend->sourceFactory(), this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("jobsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    // A key's distinct part is its end, a time's its seconds: cut in the middle.
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    layout->addWidget(m_table, 1);
    ActionController::Hooks hooks;
    hooks.selectedKeys = [this] { return selectedKeys(); };
    hooks.selectedStates = [this] {
        QList<JobState> states;
        for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
            states.append(JobState(m_model->data(index, JobTableModel::JobStateRole).toInt()));
        return states;
    };
    hooks.filter = [this]() -> std::optional<JobFilter> {
        const std::optional<ListParams> &params = m_model->params();
        return params ? std::optional(params->filter) : std::nullopt;
    };
    m_controller = new ActionController(backend, m_model->loader(), this, hooks);
    addAction(m_controller->newJobAction()); // in File (the toolbar has no room in Russian)
    toolbar->addActions(m_controller->actions());
    // All matching, Live and the count beside the toolbar: a narrow window (or Russian's longer
    // words) folds the toolbar's end away, and the selection's actions are also in the table's
    // context menu and the detail panel; these three are nowhere else.
    auto *matching = new QToolButton(this);
    matching->setObjectName(QStringLiteral("matchingButton"));
    matching->setText(m_controller->matchingMenu()->title());
    matching->setToolTip(tr("Act on every job matching the filter, not only the selected ones"));
    matching->setMenu(m_controller->matchingMenu());
    matching->setPopupMode(QToolButton::InstantPopup);
    matching->setAutoRaise(true);
    toolRow->addWidget(matching);
    m_live = new QAction(tr("Live"), this);
    m_live->setObjectName(QStringLiteral("liveAction"));
    m_live->setCheckable(true);
    m_live->setChecked(true);
    m_live->setToolTip(tr("Follow every change of the jobs as it happens; off, the list stays "
                          "still while you read it"));
    connect(m_live, &QAction::toggled, this, &JobsView::setLive);
    auto *live = new QToolButton(this);
    live->setObjectName(QStringLiteral("liveButton"));
    live->setDefaultAction(m_live);
    live->setAutoRaise(true);
    toolRow->addWidget(live);
    m_count = new MatchCount(m_model, m_table->viewport(), this);
    toolRow->addWidget(m_count);
    // A button with a menu does not take the menu's state: disabled in read-only mode and
    // while an action runs, like the menu.
    connect(m_controller, &ActionController::enabledChanged, matching,
            [this, matching] { matching->setEnabled(m_controller->matchingMenu()->isEnabled()); });
    m_table->addActions(m_controller->actions());
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, m_controller,
            &ActionController::updateEnabled);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JobsView::updateInspected);
    connect(m_controller, &ActionController::message, this, &JobsView::showMessage);
    connect(m_controller, &ActionController::changed, this, &JobsView::refresh);
    // A replayed job is selected once the refresh after the action lists it.
    connect(m_controller, &ActionController::jobCreated, this,
            [this](const QString &key) { m_revealOnArrival = key; });
    connect(m_table, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        openDetailWindow(m_model->data(index, JobTableModel::JobKeyRole).toString());
    });

    m_sortColumn = JobTableModel::Created;
    m_table->horizontalHeader()->setSortIndicator(m_sortColumn, m_sortOrder);
    // Sorting is asked of the store (the API's sort keys), not of the view.
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    auto *arrows = new SortArrowStyle;
    arrows->setParent(m_table->horizontalHeader());
    m_table->horizontalHeader()->setStyle(arrows);
    m_table->horizontalHeader()->setSectionsClickable(true);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            &JobsView::onSortIndicatorChanged);
    m_columns = new ColumnChooser(m_table->horizontalHeader());
    QSettings settings;
    if (!m_table->horizontalHeader()->restoreState(
            settings.value(QStringLiteral("jobs/columns")).toByteArray())) {
        // First start: the columns an operator reads most; the header's menu adds the others.
        for (int column : {JobTableModel::Attempt, JobTableModel::Priority, JobTableModel::Tenant,
                           JobTableModel::Updated})
            m_table->horizontalHeader()->hideSection(column);
        m_fitPending = true;
    }
    // The operator's own width for a column ends the fitting. Not theirs: the stretched last
    // column following the window, and columns hidden or shown (sizes to or from 0).
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this,
            [this](int column, int oldSize, int newSize) {
                QHeaderView *header = m_table->horizontalHeader();
                if (!m_fitting && oldSize > 0 && newSize > 0 &&
                    header->visualIndex(column) != header->count() - 1)
                    m_fitPending = false;
            });

    connect(m_filters, &FilterBar::changed, this, &JobsView::applyFilters);
    loadChoices();
    connect(m_filters, &FilterBar::choicesWanted, this, &JobsView::loadChoices);
    connect(m_model, &JobTableModel::queryChanged, this,
            [this] { m_filters->setApiPath(m_model->apiPath(), m_model->queryError()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JobsView::updateInspected);
    connect(m_model, &JobTableModel::loadFailed, this, [this](const QString &error) {
        showMessage(tr("The jobs could not be read: %1").arg(error), true);
        if (!m_reselect.isEmpty()) { // a new query's rows never came
            m_reselect.clear();
            m_applying = false;
            leaveInspected();
        }
    });
    connect(m_model, &JobTableModel::refreshAboutToApply, this, &JobsView::rememberPlace);
    connect(m_model, &JobTableModel::refreshApplied, this, &JobsView::restorePlace);
    connect(m_model, &JobTableModel::loaded, this, [this] {
        if (m_fitPending)
            fitColumns();
        // After a new query, the inspected job is selected again if the first rows hold it;
        // if not, it leaves the panel.
        if (m_reselect.isEmpty())
            return;
        m_applying = false;
        const QString key = std::exchange(m_reselect, QString());
        if (const int row = m_model->rowOfKey(key); row >= 0)
            m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                       QItemSelectionModel::ClearAndSelect |
                                                           QItemSelectionModel::Rows);
        else
            leaveInspected();
    });

    // A view scrolled down keeps its rows when a burst of new jobs arrives above them; back at
    // the top, it shows the newest again.
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &JobsView::updateFollowTop);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JobsView::updateFollowTop);
    connect(m_model, &JobTableModel::newerJobsAbove, this, [this] {
        m_newerAbove = true;
        m_newerHint->show();
    });
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(kRefreshMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &JobsView::refresh);
    // Other nodes of a PostgreSQL store, or a server over the network, change jobs where the
    // backend's signal does not see it: while shown, the view looks again every ui/refreshMs
    // (coalesced like a commit).
    if (backend->changesElsewhere())
        m_poll = new ViewRefresher(this, [this] {
            scheduleRefresh();
            m_poll->done();
        });
    connect(backend, &ConsoleBackend::jobsChanged, this, &JobsView::scheduleRefresh);

    auto *f5 = new QShortcut(QKeySequence::Refresh, this);
    connect(f5, &QShortcut::activated, this, &JobsView::refresh);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, m_filters, &FilterBar::focusSearch);

    applyFilters();
}

void JobsView::trigger(JobActions::Kind kind)
{
    m_controller->trigger(kind);
}

void JobsView::triggerOn(JobActions::Kind kind, const QStringList &keys)
{
    m_controller->triggerOn(kind, keys);
}

void JobsView::showMessage(const QString &text, bool problem)
{
    m_message->showMessage(text, problem);
}

QString JobsView::actionMessage() const
{
    return m_message->text();
}

QWidget *JobsView::openDetailWindow(const QString &key)
{
    if (key.isEmpty())
        return nullptr;
    auto *window = new JobDetailPanel(m_backend->sourceFactory(), nullptr);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowFlag(Qt::Window);
    window->setWindowTitle(tr("Job %1").arg(key));
    window->resize(640, 720);
    // Its buttons act through this view (same confirmation, same refresh); it follows refreshes.
    connect(window, &JobDetailPanel::actionRequested, this, &JobsView::triggerOn);
    connect(this, &JobsView::refreshed, window, &JobDetailPanel::reload);
    window->setReadOnly(actions()->isReadOnly());
    connect(this, &JobsView::readOnlyChanged, window, &JobDetailPanel::setReadOnly);
    connect(this, &QObject::destroyed, window, &QWidget::close);
    auto *escape = new QShortcut(QKeySequence::Cancel, window);
    connect(escape, &QShortcut::activated, window, &QWidget::close);
    window->showJob(key);
    window->show();
    m_detailWindows.removeAll(nullptr);
    m_detailWindows.append(window);
    return window;
}

void JobsView::inspect(const QString &key)
{
    if (const int row = m_model->rowOfKey(key); row >= 0) {
        m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                   QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
        m_table->scrollTo(m_model->index(row, 0));
    } else {
        openDetailWindow(key);
    }
}

void JobsView::showLink(const JobsLink &link)
{
    m_filters->showOnly(link); // applyFilters() at once
    if (!link.jobKey.isEmpty()) {
        m_reselect = link.jobKey;
        m_applying = true;
    }
}

void JobsView::closeDetailWindows()
{
    for (const QPointer<QWidget> &window : std::as_const(m_detailWindows))
        if (window)
            window->close();
    m_detailWindows.clear();
}

void JobsView::setReadOnly(bool on)
{
    actions()->setReadOnly(on);
    m_controller->updateEnabled();
    emit readOnlyChanged(on);
}

JobsView::~JobsView()
{
    QSettings settings;
    settings.setValue(QStringLiteral("jobs/columns"), m_table->horizontalHeader()->saveState());
}

void JobsView::applyFilters()
{
    QUrlQuery query = m_filters->query();
    if (m_sortColumn == JobTableModel::Updated)
        query.addQueryItem(QStringLiteral("sort_by"), QStringLiteral("updated_at"));
    else if (m_sortColumn == JobTableModel::Priority)
        query.addQueryItem(QStringLiteral("sort_by"), QStringLiteral("priority"));
    if (m_sortOrder == Qt::AscendingOrder)
        query.addQueryItem(QStringLiteral("sort_order"), QStringLiteral("ASC"));
    // "Delete: 9 jobs done." spoke of the jobs of the old filter.
    if (!m_controller->isBusy())
        m_message->clearMessage();
    // The rows go: the inspected job stays in the panel until the new rows say whether it is
    // among them.
    m_reselect = m_inspected;
    m_applying = !m_reselect.isEmpty();
    m_model->setQuery(query);
    if (m_model->canFetchMore({}))
        m_model->fetchMore({}); // the rows arrive later (JobTableModel::loaded)
}

void JobsView::loadChoices()
{
    struct Choices
    {
        QStringList types, workers;
    };
    m_model->loader().read<Choices>(
        [](JobSource &source) {
            return Choices{source.jobTypes(), source.workerNames()};
        },
        this, [this](Choices choices) { m_filters->setChoices(choices.types, choices.workers); });
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

void JobsView::fitColumns()
{
    // Until the operator sizes a column: each visible column is as wide as its values, then
    // grows to the widest seen so far (the first rows may not hold the longest type), up to a
    // cap for free text.
    QHeaderView *header = m_table->horizontalHeader();
    const QFontMetrics metrics = m_table->fontMetrics();
    const int cap = metrics.averageCharWidth() * 28;
    const int padding =
        2 * m_table->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) + 8;
    m_fitting = true; // not the operator's resize
    for (int column = 0; column < JobTableModel::ColumnCount; ++column) {
        if (column == JobTableModel::Error || header->isSectionHidden(column))
            continue;
        const QAbstractItemView *view = m_table; // sizeHintForColumn is public there
        int wanted = qMax(view->sizeHintForColumn(column), header->sectionSizeHint(column));
        if (column == JobTableModel::State)
            for (JobState state : JobStates::all())
                wanted =
                    qMax(wanted, metrics.horizontalAdvance(JobStateStyle::text(state)) + padding);
        if (column != JobTableModel::Key && column != JobTableModel::Created &&
            column != JobTableModel::Updated)
            wanted = qMin(wanted, cap);
        if (wanted > header->sectionSize(column) || !m_fitted)
            header->resizeSection(column, wanted);
    }
    m_fitting = false;
    m_fitted = m_model->rowCount() > 0; // from now on a column only grows
}

bool JobsView::isLive() const
{
    return m_live->isChecked();
}

void JobsView::setLive(bool on)
{
    if (m_live->isChecked() != on)
        return m_live->setChecked(on); // toggled() comes back here
    m_pausedHint->setVisible(!on);
    m_model->setTicking(on);
    if (on)
        refresh();
    else
        m_refreshTimer->stop(); // a commit's refresh still waiting
}

void JobsView::scheduleRefresh()
{
    if (!isLive())
        return;
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void JobsView::refresh()
{
    m_refreshTimer->stop();
    m_model->refresh(); // read on the loader thread, applied in restorePlace()
}

void JobsView::rememberPlace()
{
    // Keep the first visible job in place unless the view is at the top (then new jobs show).
    QScrollBar *bar = m_table->verticalScrollBar();
    m_anchor.clear();
    if (bar->value() > bar->minimum())
        m_anchor =
            m_model->data(m_table->indexAt(QPoint(0, 0)), JobTableModel::JobKeyRole).toString();
    m_applying = true;
}

void JobsView::restorePlace()
{
    m_applying = false;
    if (!m_anchor.isEmpty())
        if (const int row = m_model->rowOfKey(m_anchor); row >= 0)
            m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtTop);
    // Rows that went may have moved the current row to a neighbour nobody selected: the
    // inspected job stays current while it is in the list, and leaves the panel when not.
    if (!m_inspected.isEmpty() && m_reselect.isEmpty()) {
        if (const int row = m_model->rowOfKey(m_inspected); row < 0)
            leaveInspected();
        else if (m_table->selectionModel()->currentIndex().row() != row)
            m_table->selectionModel()->setCurrentIndex(
                m_model->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    updateInspected();
    if (!m_revealOnArrival.isEmpty() && m_model->rowOfKey(m_revealOnArrival) >= 0)
        inspect(std::exchange(m_revealOnArrival, QString()));
    m_controller->updateEnabled(); // the selected jobs' states may have changed
    emit refreshed();
}

void JobsView::updateInspected()
{
    if (m_applying)
        return;
    QItemSelectionModel *selection = m_table->selectionModel();
    const QModelIndex current = selection->currentIndex();
    const QString key = current.isValid() && selection->isRowSelected(current.row(), {})
                            ? m_model->data(current, JobTableModel::JobKeyRole).toString()
                            : QString();
    if (key == m_inspected)
        return;
    m_inspected = key;
    emit currentJobChanged(key);
}

void JobsView::leaveInspected()
{
    const QString key = std::exchange(m_inspected, QString());
    m_applying = true; // not a move of the user's
    m_table->selectionModel()->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
    m_applying = false;
    if (key.isEmpty())
        return;
    emit currentJobChanged({});
    emit jobLeftList(key);
}

void JobsView::updateFollowTop()
{
    QScrollBar *bar = m_table->verticalScrollBar();
    const bool atTop = bar->value() == bar->minimum();
    // A selected job stays in its row: a burst of new jobs does not push it out of the view.
    const bool follow = atTop && !m_table->selectionModel()->hasSelection();
    m_model->setFollowTop(follow);
    if (follow && m_newerAbove) {
        m_newerAbove = false;
        m_newerHint->hide();
        refresh();
    }
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
