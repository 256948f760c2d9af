#pragma once

#include "OperatorTableView.h"
#include "engine/OperatorCommands.h"

#include <functional>

class JobTypesModel;

// Job types: depth per state, oldest waiting job, paused or not, workers and long polls (what
// GET /api/v1/job-types answers), with Pause and Resume as PUT /job-types/:type/pause|resume
// run them (OperatorCommands::pauseType / resumeType), and each type's limits with their use,
// changed by Limits… as PUT /job-types/:type/limits does (OperatorCommands::setTypeLimit).
class JobTypesView : public OperatorTableView
{
    Q_OBJECT
public:
    // Asks for the reason of a pause; false cancels it.
    using AskReason = std::function<bool(const QStringList &types, QString *reason)>;

    JobTypesView(BackgroundReader &reader, ConsoleBackend *backend, ReadOnlyMode *mode,
                 QWidget *parent = nullptr);

    JobTypesModel *model() const { return m_model; }
    QAction *pauseAction() const { return m_pause; }
    QAction *resumeAction() const { return m_resume; }
    void setAskReason(AskReason ask) { m_ask = std::move(ask); }
    // Asks for a type's limits (LimitsDialog); false cancels.
    using AskLimits =
        std::function<bool(const QString &type, const TypeLimit &current, TypeLimitChange *change)>;
    void setAskLimits(AskLimits ask) { m_askLimits = std::move(ask); }
    QAction *limitsAction() const { return m_limits; }

    void pause(const QStringList &types, const QString &reason);
    void resume(const QStringList &types);

protected:
    void load() override;

private:
    void onPauseTriggered();
    void onLimitsTriggered();

    JobTypesModel *m_model;
    QAction *m_pause;
    QAction *m_resume;
    QAction *m_limits;
    AskReason m_ask;
    AskLimits m_askLimits;
};
