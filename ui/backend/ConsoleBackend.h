#pragma once

#include "JobSource.h"
#include "OperatorSource.h"
#include "actions/JobActions.h"
#include "auth/ApiKey.h"
#include "engine/BulkOperations.h"
#include "engine/JobSpecs.h"
#include "engine/OperatorCommands.h"
#include "engine/Retention.h"
#include "engine/ScheduleCommands.h"
#include "store/BulkOperationRecord.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

// What one bulk operation request got: the operation as it is now, or why not.
struct BulkAnswer
{
    std::optional<BulkOperationRecord> operation;
    QString error; // the API's message, or why the server could not be asked
};

// What the server answered an operator command: done, or refused with the API's message.
struct CommandAnswer
{
    bool ok = false;
    QString error;
    QString created;                          // a new key's clear text, a run's job key
    std::optional<RetentionPolicy> retention; // setRetention: the policy in force now
};

// The server a console works with, whatever it is: the engine inside this process over its
// store (EmbeddedBackend), or a Jobdeck server over its API (RemoteBackend). The jobs view, the
// detail panel and the actions talk to this and to the JobSource it opens; none of them knows
// which one it has.
class ConsoleBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Makes sources of typed reads, for reader threads; a source may throw a
    // std::runtime_error that says why it cannot be opened.
    virtual JobSourceFactory sourceFactory() const = 0;
    // Makes the operator views' sources, for a reader thread (BackgroundReader).
    virtual OperatorSourceFactory operatorSourceFactory() const = 0;
    // Jobs also change where jobsChanged() does not see it (other nodes of a PostgreSQL store,
    // a server over the network): shown views look again every ui/refreshMs too.
    virtual bool changesElsewhere() const = 0;
    // Whether actions can be sent at all (not when the console runs without an engine).
    virtual bool canAct() const = 0;

    // One action on one job, as the API runs it; `done` runs on `context`'s thread after the
    // server committed it (or refused it), unless `context` is gone by then.
    virtual void jobAction(JobActions::Kind kind, const QString &key,
                           const JobActions::Input &input, QObject *context,
                           std::function<void(const JobActionAnswer &)> done) = 0;

    // POST /api/v1/bulk-operations and DELETE /api/v1/bulk-operations/:id.
    using BulkDone = std::function<void(const BulkAnswer &)>;
    virtual void startBulkOperation(const BulkSpec &spec, QObject *context, BulkDone done) = 0;
    virtual void stopBulkOperation(const QString &key, QObject *context, BulkDone done) = 0;

    // The operator views' commands, as the API's PUT/POST/DELETE of job types, incidents,
    // schedules, keys and retention run them; `done` runs on `context`'s thread.
    using CommandDone = std::function<void(const CommandAnswer &)>;
    enum class ScheduleOp { Run, Delete, Pause, Resume };
    virtual void pauseType(const QString &type, const QString &reason, QObject *context,
                           CommandDone done) = 0;
    virtual void resumeType(const QString &type, QObject *context, CommandDone done) = 0;
    virtual void setTypeLimit(const QString &type, const TypeLimitChange &change, QObject *context,
                              CommandDone done) = 0;
    virtual void resolveIncident(const QString &key, int retries, QObject *context,
                                 CommandDone done) = 0;
    virtual void saveSchedule(const QString &name, const ScheduleChange &change, bool create,
                              QObject *context, CommandDone done) = 0;
    virtual void scheduleAction(const QString &name, ScheduleOp op, QObject *context,
                                CommandDone done) = 0;
    virtual void createApiKey(const ApiKey &key, QObject *context, CommandDone done) = 0;
    virtual void deleteApiKey(const QString &name, QObject *context, CommandDone done) = 0;
    virtual void setRetention(const RetentionChange &change, QObject *context,
                              CommandDone done) = 0;
    // POST /api/v1/jobs: `created` is the new job's key.
    virtual void createJob(const CreateSpec &spec, QObject *context, CommandDone done) = 0;

signals:
    // Jobs changed on this server (after its commit): views refresh, coalesced.
    void jobsChanged();
};
