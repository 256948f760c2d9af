#include "ActionController.h"

#include "core/JsonText.h"

#include "ActionRules.h"
#include "BulkOperationWatcher.h"
#include "BulkRunner.h"
#include "ReplayDialog.h"
#include "backend/ConsoleBackend.h"
#include "dialogs/NewJobDialog.h"
#include "models/JobPageLoader.h"
#include "models/ReadOnlyMode.h"
#include "models/StoreReader.h"

#include <QAction>
#include <QInputDialog>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QWidget>

#include <algorithm>

namespace {
constexpr JobActions::Kind kAll[] = {JobActions::Kind::Cancel,  JobActions::Kind::Delete,
                                     JobActions::Kind::Retry,   JobActions::Kind::Priority,
                                     JobActions::Kind::Timeout, JobActions::Kind::Replay};
}

ActionController::ActionController(ConsoleBackend *backend, JobPageLoader &loader,
                                   QWidget *dialogParent, Hooks hooks)
    : QObject(dialogParent), m_loader(loader), m_dialogParent(dialogParent),
      m_hooks(std::move(hooks)), m_backend(backend)
{
    m_newJob = new QAction(tr("New job…"), this);
    m_newJob->setObjectName(QStringLiteral("newJobAction"));
    m_newJob->setShortcut(QKeySequence::New);
    m_newJob->setToolTip(tr("Create a job, as POST /api/v1/jobs does (to try a worker)"));
    connect(m_newJob, &QAction::triggered, this, &ActionController::createJob);
    m_askNewJob = [this](const QStringList &types) -> std::optional<CreateSpec> {
        NewJobDialog dialog(types, m_dialogParent);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.spec();
    };
    m_jobActions = new JobActions(backend, this);
    m_bulk = new BulkRunner(backend, loader, this);
    m_operation = new BulkOperationWatcher(backend, loader, this);
    connect(m_jobActions, &JobActions::finished, this,
            [this](JobActions::Kind kind, int succeeded, const QStringList &errors) {
                onFinished(kind, succeeded, int(errors.size()), errors, false);
            });
    connect(m_jobActions, &JobActions::jobCreated, this, [this](const QString &key) {
        m_created.append(key);
        emit jobCreated(key);
    });
    connect(m_bulk, &BulkRunner::finished, this, &ActionController::onFinished);
    connect(m_operation, &BulkOperationWatcher::finished, this, &ActionController::onFinished);

    m_matchingMenu = new QMenu(tr("All matching"), dialogParent);
    m_matchingMenu->setObjectName(QStringLiteral("matchingMenu"));
    m_matchingMenu->setToolTipsVisible(true); // why an entry is off
    for (JobActions::Kind kind : kAll) {
        auto *action = new QAction(JobActions::name(kind) + QStringLiteral("…"), this);
        action->setEnabled(false);
        if (kind == JobActions::Kind::Delete) {
            action->setShortcut(QKeySequence::Delete);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        }
        connect(action, &QAction::triggered, this, [this, kind] { trigger(kind); });
        m_actions.append(action);
        if (JobActions::singleJobOnly(kind))
            continue;
        QAction *matching = m_matchingMenu->addAction(JobActions::name(kind) + QStringLiteral("…"));
        matching->setObjectName(QStringLiteral("matching_%1").arg(int(kind)));
        connect(matching, &QAction::triggered, this, [this, kind] { triggerOnFilter(kind); });
        m_matching.append({kind, matching});
    }
    m_confirm = [this](JobActions::Kind kind, const QString &text, JobActions::Input *input) {
        return confirmWithDialog(kind, text, input);
    };
}

void ActionController::setGrant(const ChangeGrant &grant)
{
    m_grant = grant;
    updateEnabled();
}

void ActionController::createJob()
{
    if (m_jobActions->isReadOnly())
        return emit message(m_readOnlyReason.isEmpty() ? ReadOnlyMode::refusal() : m_readOnlyReason,
                            true);
    // The server's job types are offered, read on the loader thread first.
    m_loader.read<QStringList>(
        [](JobSource &source) { return source.jobTypes(); }, this,
        [this](QStringList types) {
            const std::optional<CreateSpec> spec = m_askNewJob(types);
            if (!spec)
                return;
            m_backend->createJob(*spec, this, [this](const CommandAnswer &a) {
                if (!a.ok)
                    return emit message(tr("New job refused: %1").arg(a.error), true);
                emit message(tr("New job: %1.").arg(a.created), false);
                emit jobCreated(a.created);
                emit changed();
            });
        });
}

bool ActionController::isBusy() const
{
    return m_jobActions->isBusy() || m_bulk->isRunning() || m_operation->isRunning() || m_counting;
}

void ActionController::updateEnabled()
{
    const int selected = int(m_hooks.selectedKeys().size());
    const QList<JobState> states =
        m_hooks.selectedStates ? m_hooks.selectedStates() : QList<JobState>();
    const bool idle = !isBusy() && !m_jobActions->isReadOnly(); // read-only: all disabled
    for (JobActions::Kind kind : kAll) {
        // Offered when at least one selected job's state allows it (the others are refused
        // and listed); a FAILED or ERROR_THROWN job may have an open incident.
        const bool someAllow = !m_hooks.selectedStates ||
                               std::any_of(states.begin(), states.end(), [kind](JobState state) {
                                   const bool mayHaveIncident =
                                       state == JobState::Failed || state == JobState::ErrorThrown;
                                   return ActionRules::allowed(kind, state, mayHaveIncident);
                               });
        m_actions.at(int(kind))->setEnabled(
            idle && someAllow && (JobActions::singleJobOnly(kind) ? selected == 1 : selected > 0));
        ReadOnlyMode::explain(m_actions.at(int(kind)), m_jobActions->isReadOnly(),
                              m_readOnlyReason.isEmpty() ? ReadOnlyMode::refusal()
                                                         : m_readOnlyReason);
    }
    m_newJob->setEnabled(!m_jobActions->isReadOnly());
    ReadOnlyMode::explain(m_newJob, m_jobActions->isReadOnly(),
                          m_readOnlyReason.isEmpty() ? ReadOnlyMode::refusal() : m_readOnlyReason);
    m_matchingMenu->setEnabled(idle);
    for (const auto &[kind, action] : std::as_const(m_matching)) {
        const QString whyNot = BulkOperationWatcher::runsOnServer(kind)
                                   ? m_grant.why(ChangeGrant::Need::Admin)
                                   : QString();
        action->setEnabled(whyNot.isEmpty());
        ReadOnlyMode::explain(action, !whyNot.isEmpty(), whyNot);
    }
    emit enabledChanged();
}

bool ActionController::confirmWithDialog(JobActions::Kind kind, const QString &text,
                                         JobActions::Input *input)
{
    bool ok = false;
    const QString title = JobActions::name(kind);
    const QString prompt = text + QStringLiteral("\n\n");
    switch (kind) {
    case JobActions::Kind::Retry:
        input->retries = QInputDialog::getInt(m_dialogParent, title, prompt + tr("New retries:"),
                                              input->retries, 0, 100, 1, &ok);
        return ok;
    case JobActions::Kind::Priority:
        input->priority = QInputDialog::getInt(m_dialogParent, title, prompt + tr("New priority:"),
                                               input->priority, -100, 100, 1, &ok);
        return ok;
    case JobActions::Kind::Timeout:
        input->timeoutMs =
            1000LL * QInputDialog::getInt(m_dialogParent, title,
                                          prompt + tr("New timeout (seconds):"),
                                          int(input->timeoutMs / 1000), 1, 86'400, 1, &ok);
        return ok;
    case JobActions::Kind::Replay: {
        ReplayDialog dialog(m_replayKey, text, input->variables, m_dialogParent);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        input->variables = dialog.variables();
        return true;
    }
    case JobActions::Kind::Cancel:
        // The reason goes into the job's history (JOB_CANCELLED) as the API's "reason" does.
        input->reason =
            QInputDialog::getText(m_dialogParent, title, prompt + tr("Reason (optional):"),
                                  QLineEdit::Normal, QString(), &ok)
                .trimmed();
        return ok;
    case JobActions::Kind::Delete:
        break;
    }
    return QMessageBox::question(m_dialogParent, title, text, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) == QMessageBox::Yes;
}

void ActionController::trigger(JobActions::Kind kind)
{
    triggerOn(kind, m_hooks.selectedKeys());
}

void ActionController::triggerOn(JobActions::Kind kind, const QStringList &keys)
{
    if (keys.isEmpty() || isBusy() || (JobActions::singleJobOnly(kind) && keys.size() != 1))
        return;
    if (m_jobActions->isReadOnly())
        return emit message(ReadOnlyMode::refusal(), true);
    const bool replay = kind == JobActions::Kind::Replay;
    if (keys.size() == 1 &&
        (replay || kind == JobActions::Kind::Timeout || kind == JobActions::Kind::Priority)) {
        // One job: the dialog starts from its values as they are now, so that Enter changes
        // nothing (a 30-minute lock was cut to the 2-minute default).
        m_counting = true; // reading: no other action starts meanwhile
        updateEnabled();
        struct Read
        {
            std::optional<JobDetails> details;
            QString error; // the read failed: nothing is known of the job
        };
        m_loader.read<Read>(
            [key = keys.first()](JobSource &source) {
                Read read;
                try {
                    read.details = source.details(key);
                } catch (const std::runtime_error &e) {
                    read.error = QString::fromStdString(e.what());
                }
                return read;
            },
            this,
            [this, kind, keys](Read read) {
                m_counting = false;
                updateEnabled();
                if (!read.error.isEmpty()) // not "gone", and not the defaults either
                    return emit message(
                        tr("Job %1 cannot be read: %2").arg(keys.first(), read.error), true);
                confirmAndRun(kind, keys, read.details);
            });
        return;
    }
    confirmAndRun(kind, keys, std::nullopt);
}

void ActionController::confirmAndRun(JobActions::Kind kind, const QStringList &keys,
                                     const std::optional<JobDetails> &details)
{
    JobActions::Input input;
    const bool replay = kind == JobActions::Kind::Replay;
    if (!details && replay) {
        emit message(tr("Job %1 no longer exists").arg(keys.first()), true);
        return;
    }
    if (details) {
        input.timeoutMs = details->timeoutMs();
        input.priority = details->job.priority;
    }
    if (replay) {
        input.variables = details->inputVariables(); // not the result merged in
        m_replayKey = keys.first();
    }
    const QString text = JobActions::describe(kind, int(keys.size()), input);
    if (!m_confirm(kind, text, &input))
        return;
    m_jobActions->run(kind, keys, input);
    updateEnabled();
}

void ActionController::triggerOnFilter(JobActions::Kind kind)
{
    const std::optional<JobFilter> filter = m_hooks.filter();
    if (!filter || isBusy() || JobActions::singleJobOnly(kind))
        return;
    if (m_jobActions->isReadOnly())
        return emit message(ReadOnlyMode::refusal(), true);
    if (BulkOperationWatcher::runsOnServer(kind) && !m_grant.allows(ChangeGrant::Need::Admin))
        return emit message(m_grant.why(ChangeGrant::Need::Admin), true);
    // Counted on the loader thread: a count beyond the counters can take a while. The highest
    // job id of the same snapshot bounds a bulk operation of the server.
    m_counting = true;
    updateEnabled();
    m_loader.read<JobSource::BulkStart>(
        [f = *filter](JobSource &source) { return source.bulkStart(f, kCountCap); }, this,
        [this, kind, f = *filter](JobSource::BulkStart start) {
            m_counting = false;
            runOnFilter(kind, f, start);
        });
}

void ActionController::runOnFilter(JobActions::Kind kind, const JobFilter &filter,
                                   const JobSource::BulkStart &start)
{
    const qint64 total = start.count.total;
    const bool exact = start.count.exact;
    updateEnabled();
    if (total == 0) {
        emit message(tr("No job matches the filter."), false);
        return;
    }
    JobActions::Input input;
    QString text = exact ? tr("Every job matching the filter: %n job(s).", nullptr, int(total))
                         : tr("Every job matching the filter: more than %1 jobs.").arg(total);
    text += QLatin1Char('\n') + JobActions::describe(kind, int(total), input);
    if (!m_confirm(kind, text, &input))
        return;
    delete m_progress;
    m_progress =
        new QProgressDialog(tr("%1: every job matching the filter…").arg(JobActions::name(kind)),
                            tr("Stop"), 0, exact ? int(total) : 0, m_dialogParent);
    m_progress->setObjectName(QStringLiteral("bulkProgress"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoReset(false);
    m_progress->setAutoClose(false);
    m_progress->setValue(0);
    const auto showProgress = [dialog = m_progress, exact](int done, int) {
        if (exact)
            dialog->setValue(qMin(done, dialog->maximum()));
        dialog->setLabelText(tr("%n job(s) done…", nullptr, done));
    };
    if (BulkOperationWatcher::runsOnServer(kind)) {
        // A bulk operation of the server: it goes on if the console closes.
        connect(m_progress, &QProgressDialog::canceled, m_operation, &BulkOperationWatcher::stop);
        connect(m_operation, &BulkOperationWatcher::progress, m_progress, showProgress);
        m_operation->start(kind, filter, input, start);
    } else {
        connect(m_progress, &QProgressDialog::canceled, m_bulk, &BulkRunner::cancel);
        connect(m_bulk, &BulkRunner::progress, m_progress, showProgress);
        m_bulk->start(kind, filter, input);
    }
    updateEnabled();
}

void ActionController::onFinished(JobActions::Kind kind, int succeeded, int refused,
                                  const QStringList &errors, bool cancelled)
{
    if (m_progress) {
        // No progress reaches it any more, also before it is gone (deleteLater).
        disconnect(m_operation, nullptr, m_progress, nullptr);
        disconnect(m_bulk, nullptr, m_progress, nullptr);
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    QString text = tr("%1: %n job(s) done.", nullptr, succeeded).arg(JobActions::name(kind));
    if (!m_created.isEmpty()) // a replay names the job it made
        text += QLatin1Char(' ') + tr("New job: %1.").arg(m_created.join(QStringLiteral(", ")));
    m_created.clear();
    if (cancelled)
        text += QLatin1Char(' ') + tr("Stopped before the end.");
    if (refused == 0 && !errors.isEmpty()) // it could not start
        text += QLatin1Char(' ') + errors.first();
    if (refused > 0) {
        text += QLatin1Char(' ') + tr("%n refused:", nullptr, refused);
        const qsizetype shown = qMin<qsizetype>(errors.size(), 5);
        for (qsizetype i = 0; i < shown; ++i)
            text += QLatin1Char('\n') + errors.at(i);
        if (refused > shown)
            text += QLatin1Char('\n') + tr("… and %n more", nullptr, int(refused - shown));
    }
    emit message(text, refused > 0 || !errors.isEmpty());
    updateEnabled();
    emit changed();
}
