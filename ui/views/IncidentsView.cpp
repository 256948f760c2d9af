#include "IncidentsView.h"

#include "engine/OperatorCommands.h"
#include "models/BackgroundReader.h"
#include "models/ConsoleCommand.h"
#include "models/OperatorModels.h"
#include "models/StoreReader.h"

#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QTableView>
#include <QToolBar>

IncidentsView::IncidentsView(BackgroundReader &reader, Engine *engine, ReadOnlyMode *mode,
                             QWidget *parent)
    : OperatorTableView(reader, engine, mode, parent)
{
    setObjectName(QStringLiteral("incidentsView"));
    m_model = new IncidentsModel(this);
    table()->setObjectName(QStringLiteral("incidentsTable"));
    setModel(m_model, QStringLiteral("incidents/header"));
    setJobsLink([this](const QModelIndex &index) { return m_model->jobsAt(index); },
                tr("Show job"));
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("incidentFilter"));
    m_filter->addItem(tr("Open"), int(Filter::Open));
    m_filter->addItem(tr("Resolved"), int(Filter::Resolved));
    m_filter->addItem(tr("All"), int(Filter::All));
    toolBar()->addWidget(m_filter);
    toolBar()->addSeparator();
    m_resolve = addChangingAction(tr("Resolve…"), true);
    connect(m_resolve, &QAction::triggered, this, &IncidentsView::onResolveTriggered);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("incidentCount"));
    m_count->setContentsMargins(8, 0, 0, 0);
    toolBar()->addWidget(m_count);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        m_model->resetLimit();
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

void IncidentsView::load()
{
    const Filter f = filter();
    const QString status = f == Filter::Open       ? QStringLiteral("OPEN")
                           : f == Filter::Resolved ? QStringLiteral("RESOLVED")
                                                   : QString();
    const int limit = m_model->limit();
    reader().read<IncidentsSnapshot>(
        this, [status, limit](OperatorReader &r) { return r.incidents(status, limit); },
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
    const QStringList keys = selectedValues(IncidentsModel::IncidentKeyRole);
    int retries = 1;
    if (keys.isEmpty() || !m_ask(int(keys.size()), &retries))
        return;
    resolve(keys, retries);
}

void IncidentsView::resolve(const QStringList &incidentKeys, int retries)
{
    for (const QString &key : incidentKeys)
        ConsoleCommand::send(
            engine(), mode(), this,
            [key, retries](Txn &txn) {
                return OperatorCommands::resolveIncident(txn, StoreReader::consoleKey(), key,
                                                         retries);
            },
            [this, key](const Outcome<IncidentResolved> &result) {
                showResult(tr("Resolve %1").arg(key), result);
            });
}
