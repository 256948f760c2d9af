#include "WorkersView.h"

#include "models/BackgroundReader.h"
#include "models/OperatorModels.h"

#include <QTableView>

WorkersView::WorkersView(BackgroundReader &reader, ConsoleBackend *backend, QWidget *parent)
    : OperatorTableView(reader, backend, nullptr, parent)
{
    setObjectName(QStringLiteral("workersView"));
    m_model = new WorkersModel(this);
    table()->setObjectName(QStringLiteral("workersTable"));
    setModel(m_model, QStringLiteral("workers/header"));
    setJobsLink([this](const QModelIndex &index) { return m_model->jobsAt(index); },
                tr("Show jobs"));
    setEmptyText(tr("No worker has asked for jobs yet. Workers appear here once they activate "
                    "jobs (POST /api/v1/jobs/activate); a store filled by a generator or an "
                    "import has jobs but no workers."));
}

void WorkersView::load()
{
    reader().read<QList<WorkerSnapshot>>(
        this, [](OperatorSource &r) { return r.workers(); },
        [this](const QList<WorkerSnapshot> &rows, const QString &error) {
            if (error.isEmpty())
                m_model->setRows(rows);
            loaded(error);
        });
}
