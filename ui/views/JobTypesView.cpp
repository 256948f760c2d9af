#include "JobTypesView.h"

#include "dialogs/LimitsDialog.h"
#include "engine/OperatorCommands.h"
#include "models/BackgroundReader.h"
#include "models/ConsoleCommand.h"
#include "models/OperatorModels.h"
#include "models/StoreReader.h"

#include <QAction>
#include <QInputDialog>
#include <QTableView>

JobTypesView::JobTypesView(BackgroundReader &reader, ConsoleBackend *backend, ReadOnlyMode *mode,
                           QWidget *parent)
    : OperatorTableView(reader, backend, mode, parent)
{
    setObjectName(QStringLiteral("jobTypesView"));
    m_model = new JobTypesModel(this);
    table()->setObjectName(QStringLiteral("jobTypesTable"));
    setModel(m_model, QStringLiteral("jobTypes/header"));
    setJobsLink([this](const QModelIndex &index) { return m_model->jobsAt(index); },
                tr("Show jobs"));
    m_pause = addChangingAction(tr("Pause…"), true, ChangeGrant::Need::JobType);
    m_resume = addChangingAction(tr("Resume"), true, ChangeGrant::Need::JobType);
    m_limits = addChangingAction(tr("Limits…"), true, ChangeGrant::Need::JobType);
    connect(m_pause, &QAction::triggered, this, &JobTypesView::onPauseTriggered);
    connect(m_limits, &QAction::triggered, this, &JobTypesView::onLimitsTriggered);
    m_askLimits = [this](const QString &type, const TypeLimit &current, TypeLimitChange *change) {
        LimitsDialog dialog(type, current, this);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        *change = dialog.change();
        return true;
    };
    connect(m_resume, &QAction::triggered, this,
            [this] { resume(selectedValues(JobTypesModel::TypeRole)); });
    m_ask = [this](const QStringList &types, QString *reason) {
        bool ok = false;
        *reason = QInputDialog::getText(
            this, tr("Pause job types"),
            tr("Pause %1? Workers get no more jobs of a paused type until it is resumed; jobs "
               "already active run to the end.\n\nReason (optional):")
                .arg(types.join(QStringLiteral(", "))),
            QLineEdit::Normal, {}, &ok);
        return ok;
    };
}

void JobTypesView::load()
{
    reader().read<QList<JobTypeSnapshot>>(
        this, [](OperatorSource &r) { return r.jobTypes(); },
        [this](const QList<JobTypeSnapshot> &rows, const QString &error) {
            if (error.isEmpty())
                m_model->setRows(rows);
            loaded(error);
        });
}

void JobTypesView::onPauseTriggered()
{
    const QStringList types = selectedValues(JobTypesModel::TypeRole);
    QString reason;
    if (types.isEmpty() || !m_ask(types, &reason))
        return;
    pause(types, reason.left(1000)); // the API's limit for a reason
}

void JobTypesView::pause(const QStringList &types, const QString &reason)
{
    for (const QString &type : types)
        change([&](ConsoleBackend *b, auto done) { b->pauseType(type, reason, this, done); },
               [this, type](const CommandAnswer &a) { showResult(tr("Pause %1").arg(type), a); });
}

void JobTypesView::resume(const QStringList &types)
{
    for (const QString &type : types)
        change([&](ConsoleBackend *b, auto done) { b->resumeType(type, this, done); },
               [this, type](const CommandAnswer &a) { showResult(tr("Resume %1").arg(type), a); });
}

void JobTypesView::onLimitsTriggered()
{
    const QModelIndex current = table()->currentIndex();
    if (!current.isValid())
        return;
    const JobTypeSnapshot row = m_model->rowAt(current.row());
    TypeLimitChange change;
    if (!m_askLimits(row.type, row.limit, &change))
        return;
    this->change(
        [&](ConsoleBackend *b, auto done) { b->setTypeLimit(row.type, change, this, done); },
        [this, type = row.type](const CommandAnswer &a) {
            showResult(tr("Limits of %1").arg(type), a);
        });
}
