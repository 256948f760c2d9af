#pragma once

#include "core/JobState.h"

#include <QString>

#include <optional>

// Why a rule refused a request: what kind of refusal, and the facts its message needs. The
// engine knows no HTTP: engine/api/JobErrors maps each kind to a status, a code and a message.
struct JobError
{
    // Kind and Action are stored as integers (a bulk operation's refusals): append only.
    enum class Kind {
        JobNotFound,             // subject: the job key (another tenant's job does not exist)
        WrongState,              // the job's state refuses `action`
        LockHeldByOther,         // a worker answered for a job whose lock passed to `worker`
        InvalidRetryCount,       // fail: `requested` outside 0..`currentRetries`
        InvalidVariables,        // replay: `reason`
        IncidentNotFound,        // subject: the incident key
        IncidentAlreadyResolved, // subject: the incident key; `worker`: who resolved it
        ApiKeyExists,            // subject: the key's name
        ApiKeyNotFound,          // subject: the key's name
        LastAdminKey,            // subject: the key's name
        ScheduleNotFound,        // subject: the schedule's name (another tenant's: none)
        ScheduleExists,          // subject: the schedule's name
        StoreUnavailable,        // the transaction could not commit; nothing changed
        ShuttingDown,            // the engine is closing
        ReadOnly,                // the console is in read-only mode; nothing was sent
        BulkOperationNotFound,   // subject: the operation's key (another tenant's: none)
    };
    // What was asked of the job, for WrongState and LockHeldByOther.
    enum class Action {
        Complete,
        Fail,
        Throw,
        Progress,
        Cancel,
        Delete,
        Retry,
        Update,
        Resolve,
        Replay
    };

    Kind kind = Kind::StoreUnavailable;
    Action action = Action::Complete;
    QString subject;               // job key, incident key, API key or schedule name
    std::optional<JobState> state; // the job's state when refused (absent: no job)
    QString worker;                // the worker holding (or last holding) the job
    QString expectedWorker;        // LockHeldByOther: the worker that answered
    bool timedOut = false;         // WrongState of a CREATED job: its lock had expired
    int requested = 0;             // InvalidRetryCount
    int currentRetries = 0;        // InvalidRetryCount
    QString reason;                // free text where no fact says it (InvalidVariables)

    static JobError jobNotFound(const QString &key) { return of(Kind::JobNotFound, key); }
    static JobError of(Kind kind, const QString &subject = {})
    {
        JobError e;
        e.kind = kind;
        e.subject = subject;
        return e;
    }
};
