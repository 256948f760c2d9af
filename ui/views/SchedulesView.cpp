#include "SchedulesView.h"

#include "dialogs/ScheduleDialog.h"
#include "engine/ScheduleCommands.h"
#include "models/BackgroundReader.h"
#include "models/ConsoleCommand.h"
#include "models/SchedulesModel.h"
#include "models/StoreReader.h"

#include <QAction>
#include <QMessageBox>
#include <QTableView>

SchedulesView::SchedulesView(BackgroundReader &reader, ConsoleBackend *backend, ReadOnlyMode *mode,
                             QWidget *parent)
    : OperatorTableView(reader, backend, mode, parent)
{
    setObjectName(QStringLiteral("schedulesView"));
    m_model = new SchedulesModel(this);
    table()->setObjectName(QStringLiteral("schedulesTable"));
    setModel(m_model, QStringLiteral("schedules/header"));
    m_new = addChangingAction(tr("New…"), false);
    m_edit = addChangingAction(tr("Edit…"), true);
    m_pause = addChangingAction(tr("Pause"), true);
    m_resume = addChangingAction(tr("Resume"), true);
    m_run = addChangingAction(tr("Run now"), true);
    m_delete = addChangingAction(tr("Delete…"), true);
    setJobsLink([this](const QModelIndex &index) { return m_model->jobsAt(index); },
                tr("Show last job"));
    setEmptyText(tr("No schedules yet. New… creates one: a job type, and a cron expression on a "
                    "time zone or an interval (POST /api/v1/schedules)."));
    m_ask = [this](const ScheduleRecord *existing, QString *name, ScheduleChange *change) {
        ScheduleDialog dialog(existing, this);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        *name = dialog.name();
        *change = dialog.change();
        return true;
    };
    m_confirm = [this](const QString &text) {
        return QMessageBox::question(this, tr("Delete schedules"), text,
                                     QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    };
    connect(m_new, &QAction::triggered, this, [this] {
        QString name;
        ScheduleChange change;
        if (m_ask(nullptr, &name, &change))
            save(name, change, true);
    });
    connect(m_edit, &QAction::triggered, this, [this] {
        const QModelIndex current = table()->currentIndex();
        if (!current.isValid())
            return;
        const ScheduleRecord existing = m_model->rowAt(current.row());
        QString name;
        ScheduleChange change;
        if (m_ask(&existing, &name, &change))
            save(existing.name, change, false);
    });
    connect(m_pause, &QAction::triggered, this, [this] { apply(Op::Pause); });
    connect(m_resume, &QAction::triggered, this, [this] { apply(Op::Resume); });
    connect(m_run, &QAction::triggered, this, [this] { apply(Op::Run); });
    connect(m_delete, &QAction::triggered, this, [this] {
        const QStringList names = selectedValues(SchedulesModel::NameRole);
        if (!names.isEmpty() &&
            m_confirm(tr("Delete %n schedule(s): %1? The jobs they created stay.", nullptr,
                         int(names.size()))
                          .arg(names.join(QStringLiteral(", ")))))
            apply(Op::Delete);
    });
}

void SchedulesView::load()
{
    reader().read<QList<ScheduleRecord>>(
        this, [](OperatorSource &r) { return r.schedules(); },
        [this](const QList<ScheduleRecord> &rows, const QString &error) {
            if (error.isEmpty())
                m_model->setRows(rows);
            loaded(error);
        });
}

void SchedulesView::save(const QString &name, const ScheduleChange &change, bool create)
{
    this->change(
        [&](ConsoleBackend *b, auto done) { b->saveSchedule(name, change, create, this, done); },
        [this, name, create](const CommandAnswer &result) {
            showResult((create ? tr("Create schedule %1") : tr("Change schedule %1")).arg(name),
                       result);
        });
}

void SchedulesView::apply(Op op)
{
    const ConsoleBackend::ScheduleOp scheduleOp =
        op == Op::Pause    ? ConsoleBackend::ScheduleOp::Pause
        : op == Op::Resume ? ConsoleBackend::ScheduleOp::Resume
        : op == Op::Run    ? ConsoleBackend::ScheduleOp::Run
                           : ConsoleBackend::ScheduleOp::Delete;
    for (const QString &name : selectedValues(SchedulesModel::NameRole)) {
        const QString what = op == Op::Pause    ? tr("Pause schedule %1")
                             : op == Op::Resume ? tr("Resume schedule %1")
                             : op == Op::Run    ? tr("Run schedule %1")
                                                : tr("Delete schedule %1");
        change(
            [&](ConsoleBackend *b, auto done) { b->scheduleAction(name, scheduleOp, this, done); },
            [this, what = what.arg(name)](const CommandAnswer &result) {
                showResult(what, result);
            });
    }
}
