#include "IncidentsView.h"

#include "api/JobErrors.h"
#include "engine/OperatorCommands.h"
#include "models/BackgroundReader.h"
#include "models/ConsoleCommand.h"
#include "models/IncidentGroupsModel.h"
#include "models/OperatorModels.h"
#include "models/StoreReader.h"
#include "store/IncidentGroups.h"

#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QTableView>
#include <QToolBar>

#include <memory>

IncidentsView::IncidentsView(BackgroundReader &reader, ConsoleBackend *backend, ReadOnlyMode *mode,
                             QWidget *parent)
    : OperatorTableView(reader, backend, mode, parent)
{
    setObjectName(QStringLiteral("incidentsView"));
    m_model = new IncidentsModel(this);
    m_groups = new IncidentGroupsModel(this);
    table()->setObjectName(QStringLiteral("incidentsTable"));
    setModel(m_model, QStringLiteral("incidents/header"));
    setJobsLink(
        [this](const QModelIndex &index) {
            return filter() == Filter::OpenByError ? m_groups->jobsAt(index)
                                                   : m_model->jobsAt(index);
        },
        tr("Show job"));
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("incidentFilter"));
    m_filter->addItem(tr("Open"), int(Filter::Open));
    m_filter->addItem(tr("Resolved"), int(Filter::Resolved));
    m_filter->addItem(tr("All"), int(Filter::All));
    m_filter->addItem(tr("Open, by error"), int(Filter::OpenByError));
    toolBar()->addWidget(m_filter);
    toolBar()->addSeparator();
    m_resolve = addChangingAction(tr("Resolve…"), true, ChangeGrant::Need::Admin);
    connect(m_resolve, &QAction::triggered, this, &IncidentsView::onResolveTriggered);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("incidentCount"));
    m_count->setContentsMargins(8, 0, 0, 0);
    toolBar()->addWidget(m_count);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        m_model->resetLimit();
        showFilter(filter());
        refresh();
    });
    connect(m_model, &IncidentsModel::moreWanted, this, &IncidentsView::refresh);
    m_ask = [this](int count, int *retries) {
        bool ok = false;
        *retries = QInputDialog::getInt(
            this, tr("Resolve incidents"),
            tr("Resolve %n incident(s)? Each job goes back to CREATED with the new retries and "
               "workers can activate it again.\n\nNew retries:",
               nullptr, count),
            *retries, 1, 100, 1, &ok);
        return ok;
    };
}

void IncidentsView::setFilter(Filter filter)
{
    m_filter->setCurrentIndex(m_filter->findData(int(filter)));
}

IncidentsView::Filter IncidentsView::filter() const
{
    return Filter(m_filter->currentData().toInt());
}

QString IncidentsView::countText() const
{
    return m_count->text();
}

void IncidentsView::showFilter(Filter filter)
{
    const bool grouped = filter == Filter::OpenByError;
    setModel(grouped ? static_cast<QAbstractItemModel *>(m_groups) : m_model,
             grouped ? QStringLiteral("incidentGroups/header")
                     : QStringLiteral("incidents/header"));
    m_resolve->setText(grouped ? tr("Retry all with this error…") : tr("Resolve…"));
    showJobsAction()->setText(grouped ? tr("Show jobs") : tr("Show job"));
}

void IncidentsView::load()
{
    const Filter f = filter();
    if (f == Filter::OpenByError) {
        reader().read<QList<IncidentGroups::Group>>(
            this, [](OperatorSource &r) { return r.incidentGroups(); },
            [this](const QList<IncidentGroups::Group> &groups, const QString &error) {
                if (error.isEmpty() && filter() == Filter::OpenByError) {
                    m_groups->setRows(groups);
                    qint64 open = 0;
                    for (const IncidentGroups::Group &g : groups)
                        open += g.count;
                    m_count->setText(tr("%n open incident(s)", nullptr, int(open)) +
                                     QStringLiteral(" · ") +
                                     tr("%n error group(s)", nullptr, int(groups.size())));
                }
                loaded(error);
            });
        return;
    }
    const QString status = f == Filter::Open       ? QStringLiteral("OPEN")
                           : f == Filter::Resolved ? QStringLiteral("RESOLVED")
                                                   : QString();
    const int limit = m_model->limit();
    reader().read<IncidentsSnapshot>(
        this, [status, limit](OperatorSource &r) { return r.incidents(status, limit); },
        [this, f](const IncidentsSnapshot &snapshot, const QString &error) {
            // A snapshot of a filter no longer chosen is dropped; the new one is on its way.
            if (error.isEmpty() && f == filter()) {
                m_model->setSnapshot(snapshot);
                m_count->setText(tr("%1 of %n incident(s)", nullptr, int(snapshot.total))
                                     .arg(m_model->rowCount()));
            }
            loaded(error);
        });
}

void IncidentsView::onResolveTriggered()
{
    if (filter() == Filter::OpenByError)
        return retrySelectedGroups();
    const QStringList keys = selectedValues(IncidentsModel::IncidentKeyRole);
    int retries = 1;
    if (keys.isEmpty() || !m_ask(int(keys.size()), &retries))
        return;
    resolve(keys, retries);
}

void IncidentsView::resolve(const QStringList &incidentKeys, int retries)
{
    // One command per incident; one line when the last answer is in.
    struct Tally
    {
        qsizetype pending = 0;
        int done = 0;
        QStringList refused;
    };
    auto tally = std::make_shared<Tally>();
    tally->pending = incidentKeys.size();
    for (const QString &key : incidentKeys)
        change([&](ConsoleBackend *b, auto done) { b->resolveIncident(key, retries, this, done); },
               [this, key, tally](const CommandAnswer &result) {
                   if (result.ok)
                       ++tally->done;
                   else
                       tally->refused.append(QStringLiteral("%1: %2").arg(key, result.error));
                   if (--tally->pending > 0)
                       return;
                   QString text = tr("Resolved %n incident(s).", nullptr, tally->done);
                   if (!tally->refused.isEmpty())
                       text += QLatin1Char(' ') +
                               tr("%n refused:", nullptr, int(tally->refused.size())) +
                               QLatin1Char('\n') + tally->refused.mid(0, 5).join(QLatin1Char('\n'));
                   showMessage(text, !tally->refused.isEmpty());
                   emit actionFinished(tally->refused.isEmpty());
                   refresh();
               });
}

void IncidentsView::retrySelectedGroups()
{
    QList<IncidentGroups::Group> groups;
    for (const QModelIndex &row : table()->selectionModel()->selectedRows())
        groups.append(m_groups->rowAt(row.row()));
    if (groups.isEmpty())
        return;
    // The keys are read when asked for: the groups may have grown since the last refresh.
    reader().read<QStringList>(
        this, [groups](OperatorSource &r) { return r.incidentKeys(groups); },
        [this](const QStringList &keys, const QString &error) {
            if (!error.isEmpty())
                return showMessage(tr("The store cannot be read right now: %1").arg(error), true);
            int retries = 1;
            if (keys.isEmpty() || !m_ask(int(keys.size()), &retries))
                return;
            resolve(keys, retries);
        });
}
