#include "EmbeddedBackend.h"

#include "api/JobErrors.h"
#include "engine/BulkOperationRunner.h"
#include "engine/Engine.h"
#include "engine/JobCommands.h"
#include "engine/OperatorCommands.h"
#include "engine/ScheduleCommands.h"
#include "models/OperatorReader.h"
#include "models/StoreReader.h"
#include "store/SqlDialect.h"

namespace {

// The outcome of any rule, as an action's answer.
template <typename T>
Reply<T> answerTo(QObject *context, std::function<void(const JobActionAnswer &)> done)
{
    return Reply<T>{context, [done = std::move(done)](const Outcome<T> &outcome) {
                        JobActionAnswer answer;
                        answer.ok = outcome.ok();
                        if (!outcome.ok())
                            answer.error = JobErrors::message(outcome.error());
                        else if constexpr (std::is_same_v<T, JobReplayed>)
                            answer.createdKey = outcome.value().job.key;
                        done(answer);
                    }};
}

// Why a console without an engine refuses a command.
JobError noEngine()
{
    JobError refusal = JobError::of(JobError::Kind::ReadOnly);
    refusal.reason = QStringLiteral("No engine");
    return refusal;
}

Reply<BulkOperationRecord> bulkReply(QObject *context, ConsoleBackend::BulkDone done)
{
    return Reply<BulkOperationRecord>{
        context, [done = std::move(done)](const Outcome<BulkOperationRecord> &o) {
            BulkAnswer answer;
            if (o.ok())
                answer.operation = o.value();
            else
                answer.error = JobErrors::message(o.error());
            done(answer);
        }};
}

} // namespace

EmbeddedBackend::EmbeddedBackend(Engine *engine, const StoreOptions &store, QObject *parent)
    : ConsoleBackend(parent), m_engine(engine), m_store(store),
      m_shared(SqlDialect::isPostgresUrl(store.path))
{
    // Queued: the engine signals on its own thread. On PostgreSQL the engine also commits a
    // housekeeping batch (no command) every cluster tick (0.5 s): those are left to the views'
    // polls, or an idle cluster would re-read them twice a second.
    if (m_engine)
        connect(m_engine, &Engine::batchCommitted, this, [this](int operations) {
            if (operations > 0 || !m_shared)
                emit jobsChanged();
        });
}

JobSourceFactory EmbeddedBackend::sourceFactory() const
{
    return StoreReader::factory(m_store);
}

OperatorSourceFactory EmbeddedBackend::operatorSourceFactory() const
{
    return OperatorReader::factory(m_store, m_engine);
}

void EmbeddedBackend::jobAction(JobActions::Kind kind, const QString &key,
                                const JobActions::Input &input, QObject *context,
                                std::function<void(const JobActionAnswer &)> done)
{
    using Kind = JobActions::Kind;
    if (!m_engine) { // a console without an engine only reads
        QMetaObject::invokeMethod(
            context,
            [done] {
                done(JobActionAnswer{false, QStringLiteral("No engine"), {}});
            },
            Qt::QueuedConnection);
        return;
    }
    const ApiKey caller = StoreReader::consoleKey();
    switch (kind) {
    case Kind::Cancel:
        return m_engine->submit(
            [caller, key, reason = input.reason](Txn &txn) {
                return JobCommands::cancel(txn, caller, key, reason);
            },
            answerTo<JobCancelled>(context, std::move(done)), key);
    case Kind::Delete:
        return m_engine->submit(
            [caller, key](Txn &txn) { return JobCommands::remove(txn, caller, key); },
            answerTo<JobDeleted>(context, std::move(done)), key);
    case Kind::Retry:
    case Kind::Priority:
    case Kind::Timeout: {
        PatchSpec spec; // PATCH /api/v1/jobs/:key with one field
        if (kind == Kind::Retry)
            spec.retries = input.retries;
        else if (kind == Kind::Priority)
            spec.priority = input.priority;
        else
            spec.timeoutMs = input.timeoutMs;
        return m_engine->submit(
            [caller, key, spec](Txn &txn) {
                return OperatorCommands::patchJob(txn, caller, key, spec);
            },
            answerTo<JobPatched>(context, std::move(done)), key);
    }
    case Kind::Replay: {
        ReplaySpec spec; // POST /api/v1/jobs/:key/replay {"variables": ...}
        spec.variables = input.variables;
        return m_engine->submit(
            [caller, key, spec](Txn &txn) {
                return JobCommands::replay(txn, caller, key, spec, kDefaultMaxVariablesBytes);
            },
            answerTo<JobReplayed>(context, std::move(done)), key);
    }
    }
}

void EmbeddedBackend::startBulkOperation(const BulkSpec &spec, QObject *context, BulkDone done)
{
    if (!m_engine)
        return bulkReply(context, std::move(done)).send(noEngine());
    m_engine->bulkOperations()->start(StoreReader::consoleKey(), spec,
                                      bulkReply(context, std::move(done)));
}

void EmbeddedBackend::stopBulkOperation(const QString &key, QObject *context, BulkDone done)
{
    if (!m_engine)
        return bulkReply(context, std::move(done)).send(noEngine());
    m_engine->submit(
        [key](Txn &txn) { return BulkOperations::stop(txn, StoreReader::consoleKey(), key); },
        bulkReply(context, std::move(done)));
}

template <typename Rule, typename Created>
void EmbeddedBackend::command(Rule rule, QObject *context, CommandDone done, Created created)
{
    using T = typename std::invoke_result_t<Rule, Txn &>::value_type;
    Reply<T> reply{context, [done = std::move(done), created](const Outcome<T> &outcome) {
                       CommandAnswer answer;
                       answer.ok = outcome.ok();
                       if (!outcome.ok())
                           answer.error = JobErrors::message(outcome.error());
                       else
                           created(outcome.value(), answer);
                       done(answer);
                   }};
    if (!m_engine) // a console without an engine only reads; queued like an answer
        return reply.send(noEngine());
    m_engine->submit(std::move(rule), std::move(reply));
}

template <typename Rule>
void EmbeddedBackend::command(Rule rule, QObject *context, CommandDone done)
{
    command(std::move(rule), context, std::move(done), [](const auto &, CommandAnswer &) {});
}

void EmbeddedBackend::pauseType(const QString &type, const QString &reason, QObject *context,
                                CommandDone done)
{
    command(
        [type, reason](Txn &txn) {
            return OperatorCommands::pauseType(txn, StoreReader::consoleKey(), type, reason);
        },
        context, std::move(done));
}

void EmbeddedBackend::resumeType(const QString &type, QObject *context, CommandDone done)
{
    command(
        [type](Txn &txn) {
            return OperatorCommands::resumeType(txn, StoreReader::consoleKey(), type);
        },
        context, std::move(done));
}

void EmbeddedBackend::setTypeLimit(const QString &type, const TypeLimitChange &change,
                                   QObject *context, CommandDone done)
{
    command(
        [type, change](Txn &txn) {
            return OperatorCommands::setTypeLimit(txn, StoreReader::consoleKey(), type, change);
        },
        context, std::move(done));
}

void EmbeddedBackend::resolveIncident(const QString &key, int retries, QObject *context,
                                      CommandDone done)
{
    command(
        [key, retries](Txn &txn) {
            return OperatorCommands::resolveIncident(txn, StoreReader::consoleKey(), key, retries);
        },
        context, std::move(done));
}

void EmbeddedBackend::saveSchedule(const QString &name, const ScheduleChange &change, bool create,
                                   QObject *context, CommandDone done)
{
    command(
        [name, change, create](Txn &txn) {
            return create ? ScheduleCommands::create(txn, StoreReader::consoleKey(), name, change)
                          : ScheduleCommands::update(txn, StoreReader::consoleKey(), name, change);
        },
        context, std::move(done));
}

void EmbeddedBackend::scheduleAction(const QString &name, ScheduleOp op, QObject *context,
                                     CommandDone done)
{
    const ApiKey caller = StoreReader::consoleKey();
    switch (op) {
    case ScheduleOp::Run:
        return command(
            [name, caller](Txn &txn) { return ScheduleCommands::runNow(txn, caller, name); },
            context, std::move(done),
            [](const JobsCreated &created, CommandAnswer &answer) {
                if (!created.jobs.isEmpty())
                    answer.created = created.jobs.first().key;
            });
    case ScheduleOp::Delete:
        return command(
            [name, caller](Txn &txn) { return ScheduleCommands::remove(txn, caller, name); },
            context, std::move(done));
    case ScheduleOp::Pause:
    case ScheduleOp::Resume:
        return command(
            [name, caller, pause = op == ScheduleOp::Pause](Txn &txn) {
                return ScheduleCommands::setPaused(txn, caller, name, pause);
            },
            context, std::move(done));
    }
}

void EmbeddedBackend::createApiKey(const ApiKey &key, QObject *context, CommandDone done)
{
    command([key, clear = ApiKey::generateClearKey()](
                Txn &txn) { return OperatorCommands::createApiKey(txn, key, clear); },
            context, std::move(done),
            [](const KeyCreated &created, CommandAnswer &answer) {
                answer.created = QString::fromLatin1(created.clearKey);
            });
}

void EmbeddedBackend::deleteApiKey(const QString &name, QObject *context, CommandDone done)
{
    command([name](Txn &txn) { return OperatorCommands::deleteApiKey(txn, name); }, context,
            std::move(done));
}

void EmbeddedBackend::setRetention(const RetentionChange &change, QObject *context,
                                   CommandDone done)
{
    const RetentionPolicy defaults = m_engine ? m_engine->defaultRetention() : RetentionPolicy{};
    command(
        [change, defaults](Txn &txn) {
            return OperatorCommands::setRetention(txn, change, defaults);
        },
        context, std::move(done),
        [](const RetentionPolicy &policy, CommandAnswer &answer) { answer.retention = policy; });
}

void EmbeddedBackend::createJob(const CreateSpec &spec, QObject *context, CommandDone done)
{
    command([spec](Txn &txn) { return JobCommands::create(txn, spec); }, context, std::move(done),
            [](const JobsCreated &created, CommandAnswer &answer) {
                if (!created.jobs.isEmpty())
                    answer.created = created.jobs.first().key;
            });
}
