#include "JobActions.h"

#include "engine/Engine.h"
#include "engine/JobCommands.h"
#include "engine/OperatorCommands.h"
#include "models/StoreReader.h"

JobActions::JobActions(Engine *engine, QObject *parent) : QObject(parent), m_engine(engine) {}

QString JobActions::name(Kind kind)
{
    switch (kind) {
    case Kind::Cancel:
        return tr("Cancel");
    case Kind::Delete:
        return tr("Delete");
    case Kind::Retry:
        return tr("Retry");
    }
    return {};
}

QString JobActions::describe(Kind kind, int count, int retries)
{
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
        return tr("Give %n job(s) %1 new retries? A FAILED job with an open incident goes back "
                  "to the queue and its incident is resolved.",
                  nullptr, count)
            .arg(retries);
    }
    return {};
}

void JobActions::run(Kind kind, const QStringList &keys, int retries)
{
    if (keys.isEmpty() || isBusy() || !m_engine)
        return;
    m_kind = kind;
    m_pending = int(keys.size());
    m_succeeded = 0;
    m_errors.clear();
    const ApiKey caller = StoreReader::consoleKey();
    for (const QString &key : keys) {
        Engine::Operation op;
        switch (kind) {
        case Kind::Cancel:
            op = [caller, key](Txn &txn) { return JobCommands::cancel(txn, caller, key, {}); };
            break;
        case Kind::Delete:
            op = [caller, key](Txn &txn) { return JobCommands::remove(txn, caller, key); };
            break;
        case Kind::Retry:
            op = [caller, key, retries](Txn &txn) {
                PatchSpec spec;
                spec.retries = retries;
                return OperatorCommands::patchJob(txn, caller, key, spec);
            };
            break;
        }
        // The answer comes back queued to this object's thread, after the commit.
        m_engine->submit(std::move(op),
                         ReplyTo{this, [this, key](const ApiResult &result) {
                                     if (result.isOk())
                                         ++m_succeeded;
                                     else
                                         m_errors.append(QStringLiteral("%1: %2").arg(
                                             key, result.error->message));
                                     if (--m_pending == 0)
                                         emit finished(m_kind, m_succeeded, m_errors);
                                 }});
    }
}
