#pragma once

#include "JobFilter.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One row of bulk_operations (POST /api/v1/bulk-operations): an action on every job that
// matched a filter when it started, applied by the node that started it in small steps.
// Times are epoch ms; 0 means "not set".
enum class BulkAction { Cancel, Retry, Delete };
enum class BulkStatus { Running, Completed, Cancelled };

// A job the action refused, as the rule said it (JobError's kind, action and the job's state,
// stored as their integer values: the engine turns them back into a JobError).
struct BulkRefusalRecord
{
    QString jobKey;
    int kind = 0;
    int action = 0;
    std::optional<int> state;
    QString message; // the API's message, when read from a server's answer (not stored)
};

struct BulkOperationRecord
{
    QString key; // "<node>-bulk-<id>"
    BulkAction action = BulkAction::Cancel;
    QByteArray filterText; // the filter as given (compact JSON)
    JobFilter filter;      // what the engine applies; visibleTenants: the starter's tenants
    int retries = 1;       // retry: the retries a reopened job gets
    QString reason;        // cancel: the history's reason
    QStringList tenants;   // the starter's tenants (["*"]: every tenant)
    QString nodeId;        // the node that runs it
    BulkStatus status = BulkStatus::Running;
    qint64 lastJobId = 0; // jobs up to this id existed when it started; later ones are not touched
    qint64 cursorId = 0;  // jobs up to this id were looked at
    qint64 matched = 0;   // how many matched at the start
    bool matchedExact = true;
    qint64 processed = 0, succeeded = 0, refused = 0;
    qint64 createdAt = 0;
    QString createdBy;
    qint64 finishedAt = 0;
    QString stoppedBy;                 // DELETE: the key that stopped it
    QList<BulkRefusalRecord> refusals; // the first kMaxRefusals

    static constexpr int kMaxRefusals = 100;

    static QString actionName(BulkAction action); // "cancel"
    static std::optional<BulkAction> actionFromName(const QString &name);
    static QString statusName(BulkStatus status); // "RUNNING"
};
