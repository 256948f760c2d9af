#pragma once

#include "OperatorTableView.h"

#include <functional>

class JobTypesModel;

// Job types: depth per state, oldest waiting job, paused or not, workers and long polls (what
// GET /api/v1/job-types answers), with Pause and Resume as PUT /job-types/:type/pause|resume
// run them (OperatorCommands::pauseType / resumeType).
class JobTypesView : public OperatorTableView
{
    Q_OBJECT
public:
    // Asks for the reason of a pause; false cancels it.
    using AskReason = std::function<bool(const QStringList &types, QString *reason)>;

    JobTypesView(BackgroundReader &reader, Engine *engine, ReadOnlyMode *mode,
                 QWidget *parent = nullptr);

    JobTypesModel *model() const { return m_model; }
    QAction *pauseAction() const { return m_pause; }
    QAction *resumeAction() const { return m_resume; }
    void setAskReason(AskReason ask) { m_ask = std::move(ask); }

    void pause(const QStringList &types, const QString &reason);
    void resume(const QStringList &types);

protected:
    void load() override;

private:
    void onPauseTriggered();

    JobTypesModel *m_model;
    QAction *m_pause;
    QAction *m_resume;
    AskReason m_ask;
};
