#include "BulkOperationsView.h"

#include "engine/BulkOperations.h"
#include "models/BackgroundReader.h"
#include "models/BulkOperationsModel.h"
#include "models/ConsoleCommand.h"
#include "models/StoreReader.h"

#include <QAction>
#include <QTableView>

BulkOperationsView::BulkOperationsView(BackgroundReader &reader, ConsoleBackend *backend,
                                       ReadOnlyMode *mode, QWidget *parent)
    : OperatorTableView(reader, backend, mode, parent)
{
    setObjectName(QStringLiteral("bulkOperationsView"));
    m_model = new BulkOperationsModel(this);
    table()->setObjectName(QStringLiteral("bulkOperationsTable"));
    setModel(m_model, QStringLiteral("bulkOperations/header"));
    setReadingNeeds(ChangeGrant::Need::Admin); // GET /api/v1/bulk-operations is an admin's
    QAction *stop = addChangingAction(tr("Stop"), true, ChangeGrant::Need::Admin);
    stop->setObjectName(QStringLiteral("stopBulkOperation"));
    connect(stop, &QAction::triggered, this, &BulkOperationsView::stopSelected);
    setEmptyText(tr("No bulk operation yet. \"All matching\" in the Jobs view, or POST "
                    "/api/v1/bulk-operations, starts one: the server runs it in small steps, "
                    "and its progress shows here for every console."));
}

void BulkOperationsView::load()
{
    reader().read<QList<BulkOperationRecord>>(
        this, [](OperatorSource &r) { return r.bulkOperations(); },
        [this](const QList<BulkOperationRecord> &rows, const QString &error) {
            if (error.isEmpty())
                m_model->setRows(rows);
            loaded(error);
        });
}

void BulkOperationsView::stopSelected()
{
    for (const QString &key : selectedValues(BulkOperationsModel::KeyRole))
        change(
            [&](ConsoleBackend *b, ConsoleBackend::CommandDone done) {
                b->stopBulkOperation(key, this, [done](const BulkAnswer &stopped) {
                    done(CommandAnswer{stopped.operation.has_value(), stopped.error, {}, {}});
                });
            },
            [this, key](const CommandAnswer &result) {
                showResult(tr("Stop bulk operation %1").arg(key), result);
            });
}
