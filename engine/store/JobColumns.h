#pragma once

#include "JobRecord.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

class QSqlQuery;

// The jobs table's columns, listed once (forEach). The SELECT list, the INSERT and UPDATE
// statements and their binds, the reading of a row and the PostgreSQL batch rows
// (PendingJobWrites) are all built from this list, so a column is added in one place.
class SqliteStatement;

namespace JobColumns {

// Changeable: a job's life can change it (the UPDATE SET list). The others are written once:
// SQLite maintains an index on UPDATE only when one of its columns is assigned.
enum Mutability { Fixed, Changeable };

// Calls `v` once per column, in table order, with the column's name, the record's field and
// its mutability: v.integer (int / qint64), v.state, v.text / v.textOrNull (QString),
// v.json / v.jsonOrNull (JSON text as QByteArray), v.timeOrNull (epoch ms, 0 = NULL).
// `Job` is JobRecord or const JobRecord.
template <typename Job, typename Visitor> void forEach(Job &j, Visitor &&v)
{
    v.integer("id", j.id, Fixed);
    v.text("job_key", j.key, Fixed);
    v.text("type", j.type, Fixed);
    v.state("state", j.state, Changeable);
    v.text("tenant_id", j.tenantId, Fixed);
    v.integer("priority", j.priority, Changeable);
    v.integer("retries", j.retries, Changeable);
    v.integer("original_retries", j.originalRetries, Fixed);
    v.integer("timeout_ms", j.timeoutMs, Changeable);
    v.integer("max_retry_delay_ms", j.maxRetryDelayMs, Fixed);
    v.json("variables", j.variables, Changeable);
    v.json("custom_headers", j.customHeaders, Fixed);
    v.jsonOrNull("result_variables", j.resultVariables, Changeable);
    v.jsonOrNull("process_context", j.processContext, Fixed);
    v.jsonOrNull("next_jobs", j.nextJobs, Fixed);
    v.jsonOrNull("error_handlers", j.errorHandlers, Fixed);
    v.jsonOrNull("progress", j.progress, Changeable);
    v.textOrNull("worker", j.worker, Changeable);
    v.integer("max_jobs_for_worker", j.maxJobsForWorker, Changeable);
    v.integer("attempt", j.attempt, Changeable);
    v.integer("created_at", j.createdAt, Fixed);
    v.integer("updated_at", j.updatedAt, Changeable);
    v.timeOrNull("activated_at", j.activatedAt, Changeable);
    v.timeOrNull("deadline", j.deadline, Changeable);
    v.timeOrNull("due_at", j.dueAt, Changeable);
    v.timeOrNull("run_at", j.runAt, Fixed);
    v.timeOrNull("finished_at", j.finishedAt, Changeable);
    v.timeOrNull("attempt_ended_at", j.attemptEndedAt, Changeable);
    v.textOrNull("error_message", j.errorMessage, Changeable);
    v.textOrNull("error_code", j.errorCode, Changeable);
    v.textOrNull("incident_key", j.incidentKey, Changeable);
    v.textOrNull("cancel_reason", j.cancelReason, Changeable);
    v.textOrNull("finished_by", j.finishedBy, Changeable);
    v.textOrNull("parent_key", j.parentKey, Fixed);
}

// SQL with placeholders filled in, for statements written as templates:
//   {job_columns}      every column, in table order ("id, job_key, ...")
//   {job_values}       a ? for each of them
//   {job_set}          "state = ?, priority = ?, ..." for the changeable columns
//   {job_set_from_v}   "state = v.state, ..." (the PostgreSQL batch UPDATE)
//   {CREATED} {ACTIVE} ... a JobState's stored number (JobStates::name in braces)
QString expand(const QString &sqlTemplate);

// NULL for "not set" (0 or empty), so that the store says what the API says.
QVariant orNull(qint64 ms);
QVariant orNull(const QString &text);
QVariant orNull(const QByteArray &json);

// Binds every column (INSERT ... VALUES ({job_values})).
void bindInsert(QSqlQuery &q, const JobRecord &job);
// Binds the changeable columns, then the id (UPDATE jobs SET {job_set} WHERE id = ?).
void bindUpdate(QSqlQuery &q, const JobRecord &job);
// The same, into a statement run through the sqlite3 C API (the engine's hot writes on SQLite).
void bindInsert(SqliteStatement &s, const JobRecord &job);
void bindUpdate(SqliteStatement &s, const JobRecord &job);
// A job from the first columns of a row selected as {job_columns}.
JobRecord read(const QSqlQuery &q);

} // namespace JobColumns
