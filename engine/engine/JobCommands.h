#pragma once

#include "Txn.h"
#include "auth/ApiKey.h"
#include "core/ApiError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <vector>

// The job rules: every state change of a job happens in one of these functions, inside the
// engine's current transaction. The API layer has already checked shapes and ranges of the
// request; these check what needs the job (its state, its tenant, its retries).

struct CreateSpec
{
    QString type;
    QJsonObject variables;
    QByteArray variablesJson; // the same, already serialized by the HTTP thread (or empty)
    int retries = 3;
    qint64 timeoutMs = 120'000;
    QJsonObject customHeaders;
    QByteArray customHeadersJson;
    QString tenantId = QStringLiteral("default");
    int priority = 0;
    qint64 runAt = 0;   // absolute; 0 = now
    qint64 delayMs = 0; // relative to the batch's clock
    QJsonObject processContext;
    QJsonArray nextJobs;
    QJsonObject errorHandlers;
    qint64 maxRetryDelayMs = 60'000;
    QString parentKey;
};

struct ActivationSpec
{
    QString type;
    QString worker;
    int maxJobs = 10;
    std::optional<qint64> timeoutMs; // the lock; unset: each job's own timeout
    QStringList fetchVariables;      // empty = all
    qint64 requestTimeoutMs = 0;     // how long a long poll may be held
    QStringList tenants;             // empty = all tenants
};

struct FailSpec
{
    QString worker; // optional: refused unless this worker holds the lock
    int retries = 0;
    QString errorMessage;
    std::optional<qint64> backoffMs; // set: FIXED; unset: EXPONENTIAL
    QJsonObject variables;
};

struct ThrowSpec
{
    QString worker; // optional, as for FailSpec
    QString errorCode;
    QString errorMessage;
    QJsonObject variables;
};

struct ProgressSpec
{
    qint64 total = 0;
    qint64 processed = 0;
    qint64 succeeded = 0;
    qint64 failed = 0;
    QString message;
    bool extendDeadline = false;
};

namespace JobCommands {

ApiResult create(Txn &txn, const CreateSpec &spec);
ApiResult createBatch(Txn &txn, const QList<CreateSpec> &specs);
// Activations in the order they came, each answered with what it would get asking alone after
// the ones before it. Consecutive requests for the same type and tenants share one claim of the
// jobs they may take together (the sum of their max_jobs): one read of the store, not one each.
// Once a claim for every tenant comes up short, later requests of that type get nothing without
// asking the store. Workers are not touched (Txn::touchWorker): the caller knows which to.
std::vector<ApiResult> activateInTurn(Txn &txn, const std::vector<const ActivationSpec *> &specs);
// The answer to an activation that got `jobs` (possibly none).
ApiResult activationAnswer(const ActivationSpec &spec, const QList<JobRecord> &jobs);
ApiResult complete(Txn &txn, const ApiKey &caller, const QString &key, const QJsonObject &variables,
                   qint64 receivedAt, const QString &expectedWorker = {});
ApiResult fail(Txn &txn, const ApiKey &caller, const QString &key, const FailSpec &spec);
ApiResult throwError(Txn &txn, const ApiKey &caller, const QString &key, const ThrowSpec &spec);
ApiResult cancel(Txn &txn, const ApiKey &caller, const QString &key, const QString &reason);
ApiResult remove(Txn &txn, const ApiKey &caller, const QString &key);
ApiResult progress(Txn &txn, const ApiKey &caller, const QString &key, const ProgressSpec &spec);

// Engine housekeeping: locks past their deadline, retries and schedules that are due.
// Returns how many jobs moved; at most `limit` of each kind per call.
int releaseExpiredLocks(Txn &txn, int limit);
int promoteDueJobs(Txn &txn, int limit);

// Puts jobs that were activated for a client who left before the answer reached it back in
// the queue, as if their lock had expired.
void releaseUndelivered(Txn &txn, const QStringList &jobKeys, const QString &worker);

} // namespace JobCommands
