#pragma once

#include "OperatorTableView.h"

#include <functional>

class SchedulesModel;
struct ScheduleRecord;
struct ScheduleChange;

// Recurring schedules (/api/v1/schedules): what each creates and when, its next and last run
// with a link to the last job; New…, Edit…, Pause, Resume, Run now and Delete…, all through the
// engine's ScheduleCommands as the API's routes do.
class SchedulesView : public OperatorTableView
{
    Q_OBJECT
public:
    SchedulesView(BackgroundReader &reader, ConsoleBackend *backend, ReadOnlyMode *mode,
                  QWidget *parent = nullptr);
    SchedulesModel *model() const { return m_model; }
    QAction *newAction() const { return m_new; }
    QAction *editAction() const { return m_edit; }
    QAction *pauseAction() const { return m_pause; }
    QAction *resumeAction() const { return m_resume; }
    QAction *runAction() const { return m_run; }
    QAction *deleteAction() const { return m_delete; }

    // Tests replace the dialogs: ask for a schedule (`existing` null: a new one), confirm.
    using Ask =
        std::function<bool(const ScheduleRecord *existing, QString *name, ScheduleChange *change)>;
    void setAsk(Ask ask) { m_ask = std::move(ask); }
    void setConfirm(std::function<bool(const QString &)> confirm)
    {
        m_confirm = std::move(confirm);
    }

protected:
    void load() override;

private:
    enum class Op { Pause, Resume, Run, Delete };
    void save(const QString &name, const ScheduleChange &change, bool create);
    void apply(Op op); // on every selected schedule

    SchedulesModel *m_model;
    QAction *m_new, *m_edit, *m_pause, *m_resume, *m_run, *m_delete;
    Ask m_ask;
    std::function<bool(const QString &)> m_confirm;
};
