#include "JobActions.h"

#include "backend/ConsoleBackend.h"
#include "models/ReadOnlyMode.h"

JobActions::JobActions(ConsoleBackend *backend, QObject *parent)
    : QObject(parent), m_backend(backend)
{}

QString JobActions::name(Kind kind)
{
    switch (kind) {
    case Kind::Cancel:
        return tr("Cancel");
    case Kind::Delete:
        return tr("Delete");
    case Kind::Retry:
        return tr("Retry");
    case Kind::Priority:
        return tr("Priority");
    case Kind::Timeout:
        return tr("Timeout");
    case Kind::Replay:
        return tr("Replay");
    }
    return {};
}

QString JobActions::describe(Kind kind, int count, const Input &input)
{
    // Retry, priority and timeout take their value in the dialog's field below this question,
    // which the user edits: the question names no number of its own.
    Q_UNUSED(input);
    switch (kind) {
    case Kind::Cancel:
        return tr("Cancel %n job(s)? Waiting jobs will never run; active jobs lose their lock "
                  "and their worker's answer will be refused. Finished jobs cannot be cancelled.",
                  nullptr, count);
    case Kind::Delete:
        return tr("Delete %n job(s) with their history and incidents? This cannot be undone. "
                  "Active jobs cannot be deleted: cancel them first.",
                  nullptr, count);
    case Kind::Retry:
        return tr("Give %n job(s) the number of retries below? A FAILED job with an open "
                  "incident goes back to the queue and its incident is resolved.",
                  nullptr, count);
    case Kind::Priority:
        return tr("Set the priority of %n job(s) to the value below? Finished jobs cannot be "
                  "changed.",
                  nullptr, count);
    case Kind::Timeout:
        return tr("Set the timeout of %n job(s) to the value below? An active job's deadline "
                  "moves to that long from now. Finished jobs cannot be changed.",
                  nullptr, count);
    case Kind::Replay:
        return tr("Replay %n job(s) as new job(s) with the variables shown? The old job stays as "
                  "it is; the new one links to it. Only finished jobs can be replayed.",
                  nullptr, count);
    }
    return {};
}

void JobActions::run(Kind kind, const QStringList &keys, const Input &input)
{
    if (keys.isEmpty() || isBusy() || !m_backend || !m_backend->canAct())
        return;
    if (m_readOnly) {
        QStringList refused;
        for (const QString &key : keys)
            refused.append(QStringLiteral("%1: %2").arg(key, ReadOnlyMode::refusal()));
        emit finished(kind, 0, refused);
        return;
    }
    m_kind = kind;
    m_pending = int(keys.size());
    m_succeeded = 0;
    m_errors.clear();
    for (const QString &key : keys) {
        // The answer comes back queued to this object's thread, after the commit.
        m_backend->jobAction(kind, key, input, this, [this, key](const Answer &answer) {
            if (answer.ok) {
                ++m_succeeded;
                if (m_kind == Kind::Replay)
                    emit jobCreated(answer.createdKey);
            } else {
                m_errors.append(QStringLiteral("%1: %2").arg(key, answer.error));
            }
            if (--m_pending == 0)
                emit finished(m_kind, m_succeeded, m_errors);
        });
    }
}
