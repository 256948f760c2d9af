#include "OperatorTableView.h"

#include "ActionMessage.h"
#include "ColumnFit.h"
#include "ViewRefresher.h"
#include "models/ReadOnlyMode.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSettings>
#include <QShortcut>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <utility>

OperatorTableView::OperatorTableView(BackgroundReader &reader, ConsoleBackend *backend,
                                     ReadOnlyMode *mode, QWidget *parent)
    : QWidget(parent), m_reader(reader), m_backend(backend), m_mode(mode)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_toolBar = new QToolBar(this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(m_toolBar);
    m_message = new ActionMessage(this);
    layout->addWidget(m_message);
    m_table = new QTableView(this);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(m_table, 1);
    m_refresher = new ViewRefresher(this, [this] {
        if (m_readingNeeds && m_mode && !m_mode->grant().allows(*m_readingNeeds)) {
            setEmptyText(m_mode->grant().whyUnseen(*m_readingNeeds)); // instead of a 403
            return loaded(QString());
        }
        load();
    });
    auto *f5 = new QShortcut(QKeySequence::Refresh, this);
    connect(f5, &QShortcut::activated, this, &OperatorTableView::refresh);
    if (m_mode)
        connect(m_mode, &ReadOnlyMode::changed, this, &OperatorTableView::updateActions);
}

void OperatorTableView::setModel(QAbstractItemModel *model, const QString &settingsKey)
{
    QItemSelectionModel *previous = m_table->selectionModel();
    m_settingsKey.clear(); // the new model's columns are not the old key's
    m_table->setModel(model);
    delete previous; // the view does not delete a selection model it replaces
    QSettings settings;
    m_sizeColumns =
        !m_table->horizontalHeader()->restoreState(settings.value(settingsKey).toByteArray());
    m_settingsKey = settingsKey;
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OperatorTableView::updateActions);
    if (!std::exchange(m_headerWatched, true)) {
        const auto save = [this] {
            if (!m_settingsKey.isEmpty())
                QSettings().setValue(m_settingsKey, m_table->horizontalHeader()->saveState());
        };
        connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, save);
        connect(m_table->horizontalHeader(), &QHeaderView::sectionMoved, this, save);
    }
    updateActions();
}

void OperatorTableView::refresh()
{
    m_refresher->request();
}

bool OperatorTableView::isLoading() const
{
    return m_refresher->isLoading();
}

void OperatorTableView::loaded(const QString &error)
{
    if (!error.isEmpty())
        showMessage(tr("The store cannot be read right now: %1").arg(error), true);
    if (m_sizeColumns && m_table->model() && m_table->model()->rowCount() > 0) {
        m_sizeColumns = false; // once, with data; afterwards the user's widths are kept
        ColumnFit::toContents(m_table);
    }
    if (m_empty)
        m_empty->setVisible(error.isEmpty() && m_table->model() &&
                            m_table->model()->rowCount() == 0);
    m_refresher->done();
    updateActions();
    emit refreshed();
}

void OperatorTableView::setEmptyText(const QString &text)
{
    if (!m_empty) {
        m_empty = new QLabel(m_table->viewport());
        m_empty->setObjectName(QStringLiteral("emptyTableHint"));
        m_empty->setAlignment(Qt::AlignCenter);
        m_empty->setWordWrap(true);
        m_empty->setEnabled(false); // the palette's muted text
        m_empty->setMaximumWidth(m_table->fontMetrics().averageCharWidth() * 70);
        // Centred, a wrapped label would take its narrowest width: a few words a line.
        m_empty->setMinimumWidth(m_table->fontMetrics().averageCharWidth() * 45);
        auto *layout = new QVBoxLayout(m_table->viewport());
        layout->addWidget(m_empty, 0, Qt::AlignCenter);
        m_empty->hide();
    }
    m_empty->setText(text);
}

void OperatorTableView::separateFromWhatIsThere()
{
    const QList<QAction *> actions = m_toolBar->actions();
    if (!actions.isEmpty() && !actions.last()->isSeparator())
        m_toolBar->addSeparator();
}

void OperatorTableView::setJobsLink(std::function<JobsLink(const QModelIndex &)> linkAt,
                                    const QString &actionText)
{
    m_linkAt = std::move(linkAt);
    separateFromWhatIsThere();
    m_showJobs = m_toolBar->addAction(actionText);
    m_showJobs->setObjectName(QStringLiteral("showJobs"));
    m_showJobs->setToolTip(tr("Open the Jobs view filtered to the selected row's jobs "
                              "(double-click a row, or a count, does the same)"));
    m_table->addAction(m_showJobs);
    connect(m_showJobs, &QAction::triggered, this,
            [this] { showJobsOf(m_table->selectionModel()->currentIndex()); });
    connect(m_table, &QAbstractItemView::activated, this, &OperatorTableView::showJobsOf);
    updateActions();
}

void OperatorTableView::showJobsOf(const QModelIndex &index)
{
    if (!m_linkAt || !index.isValid())
        return;
    if (const JobsLink link = m_linkAt(index); link.isValid())
        emit jobsRequested(link);
}

QAction *OperatorTableView::addChangingAction(const QString &text, bool needsSelection,
                                              ChangeGrant::Need need)
{
    auto *action = new QAction(text, this);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    if (m_showJobs && m_changing.isEmpty()) // reading apart from changing
        separateFromWhatIsThere();
    m_toolBar->addAction(action);
    m_table->addAction(action);
    m_changing.append({action, needsSelection, need});
    updateActions();
    return action;
}

void OperatorTableView::updateActions()
{
    const bool selected = m_table->selectionModel() && m_table->selectionModel()->hasSelection();
    for (const Changing &c : std::as_const(m_changing)) {
        const QString whyNot = m_mode ? m_mode->whyNot(c.need) : QString();
        c.action->setEnabled(whyNot.isEmpty() && (selected || !c.needsSelection));
        ReadOnlyMode::explain(c.action, !whyNot.isEmpty(), whyNot);
    }
    if (m_showJobs) // reading: allowed in read-only mode
        m_showJobs->setEnabled(selected);
}

void OperatorTableView::showResult(const QString &what, const CommandAnswer &answer)
{
    if (answer.ok)
        showMessage(tr("%1: done.").arg(what), false);
    else
        showMessage(tr("%1 refused: %2").arg(what, answer.error), true);
    emit actionFinished(answer.ok);
    refresh();
}

void OperatorTableView::showMessage(const QString &text, bool error)
{
    m_message->showMessage(text, error);
}

QString OperatorTableView::message() const
{
    return m_message->text();
}

QStringList OperatorTableView::selectedValues(int role) const
{
    QStringList out;
    if (!m_table->selectionModel())
        return out;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        out.append(index.data(role).toString());
    return out;
}
