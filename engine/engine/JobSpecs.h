#pragma once

#include "auth/ApiKey.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

// The default of the max_variables_bytes setting: the largest variables object a job takes.
constexpr qint64 kDefaultMaxVariablesBytes = 1024 * 1024;

// What a request asks of the rules, after the API layer (or the console) has checked shapes
// and ranges.

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
    QString scheduleName; // the schedule whose firing creates it (its history says so)
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

// POST /jobs/:key/replay: what replaces the old job's settings (unset: the old job's).
struct ReplaySpec
{
    std::optional<QJsonObject> variables;
    std::optional<QJsonObject> customHeaders;
    std::optional<int> priority;
    std::optional<int> retries;
};
