#pragma once

#include "JobSource.h"
#include "OperatorSource.h"
#include "actions/JobActions.h"
#include "engine/BulkOperations.h"
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

signals:
    // Jobs changed on this server (after its commit): views refresh, coalesced.
    void jobsChanged();
};
