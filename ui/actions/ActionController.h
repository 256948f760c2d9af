#pragma once

#include "JobActions.h"
#include "backend/ChangeGrant.h"
#include "backend/JobSource.h"
#include "engine/JobSpecs.h"
#include "store/JobFilter.h"

#include <QObject>

#include <functional>
#include <optional>

class BulkOperationWatcher;
class BulkRunner;
class ConsoleBackend;
class JobPageLoader;
class QAction;
class QMenu;
class QProgressDialog;
class QWidget;

// The jobs view's actions: on the selected jobs (toolbar, context menu, Del), on one job (the
// detail's buttons), or on everything matching the filter (a bulk operation of the server, or
// chunked from the console for priority and timeout, with a progress dialog that stops it). Each
// asks for confirmation first, saying what will happen to how many jobs.
class ActionController : public QObject
{
    Q_OBJECT
public:
    // Asks the operator to confirm `text`; may fill in the action's input (retries, priority,
    // timeout, replay variables).
    using Confirm =
        std::function<bool(JobActions::Kind kind, const QString &text, JobActions::Input *input)>;
    struct Hooks
    {
        std::function<QStringList()> selectedKeys;
        std::function<QList<JobState>()> selectedStates;  // as the list shows them
        std::function<std::optional<JobFilter>()> filter; // nullopt: the API refuses the query
    };
    // Up to this many matching jobs are counted for the confirmation.
    static constexpr qint64 kCountCap = 1'000'000;

    ActionController(ConsoleBackend *backend, JobPageLoader &loader, QWidget *dialogParent,
                     Hooks hooks);

    // New job… asks for a job (the server's job types offered); nullopt: cancelled.
    using AskNewJob = std::function<std::optional<CreateSpec>(const QStringList &types)>;
    QAction *newJobAction() const { return m_newJob; }
    void setAskNewJob(AskNewJob ask) { m_askNewJob = std::move(ask); }

    QAction *action(JobActions::Kind kind) const { return m_actions.value(int(kind)); }
    const QList<QAction *> &actions() const { return m_actions; }
    QMenu *matchingMenu() const { return m_matchingMenu; }
    JobActions *jobActions() const { return m_jobActions; }
    BulkRunner *bulk() const { return m_bulk; }
    BulkOperationWatcher *operation() const { return m_operation; }
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    // Why the actions are off in read-only mode (their tooltips say it).
    void setReadOnlyReason(const QString &why) { m_readOnlyReason = why; }
    // What the server lets this console change: All matching's cancel, retry and delete are
    // bulk operations of the server, an admin's (off, with why, for other keys).
    void setGrant(const ChangeGrant &grant);
    bool isBusy() const;

public slots:
    void trigger(JobActions::Kind kind); // on the selected jobs
    void triggerOn(JobActions::Kind kind, const QStringList &keys);
    void triggerOnFilter(JobActions::Kind kind); // on everything matching the filter
    void createJob();                            // New job…: the dialog, then POST /api/v1/jobs
    void updateEnabled();

signals:
    void message(const QString &text, bool problem);
    void changed(); // jobs were changed: time to refresh
    void jobCreated(const QString &key);
    void enabledChanged(); // after updateEnabled: the matching menu's button follows it

private:
    bool confirmWithDialog(JobActions::Kind kind, const QString &text, JobActions::Input *input);
    void onFinished(JobActions::Kind kind, int succeeded, int refused, const QStringList &errors,
                    bool cancelled);
    // `details`: the one job's as they are now (replay, timeout, priority), else nullopt.
    void confirmAndRun(JobActions::Kind kind, const QStringList &keys,
                       const std::optional<JobDetails> &details);
    void runOnFilter(JobActions::Kind kind, const JobFilter &filter,
                     const JobSource::BulkStart &start);

    JobPageLoader &m_loader;
    QWidget *m_dialogParent;
    Hooks m_hooks;
    JobActions *m_jobActions = nullptr;
    BulkRunner *m_bulk = nullptr;                // priority, timeout: job by job from the console
    BulkOperationWatcher *m_operation = nullptr; // cancel, retry, delete: on the server
    QProgressDialog *m_progress = nullptr;
    QList<QAction *> m_actions; // indexed by JobActions::Kind
    QMenu *m_matchingMenu = nullptr;
    QList<std::pair<JobActions::Kind, QAction *>> m_matching;
    ChangeGrant m_grant;
    Confirm m_confirm;
    QString m_readOnlyReason;
    ConsoleBackend *m_backend;
    QAction *m_newJob = nullptr;
    AskNewJob m_askNewJob;
    bool m_counting = false;
    QString m_replayKey;   // the job a replay confirmation is about
    QStringList m_created; // jobs the running action made (replays), named when it ends
};
