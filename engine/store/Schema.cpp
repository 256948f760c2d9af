#include "Schema.h"

#include "BulkOperationSchema.h"
#include "Database.h"
#include "JobColumns.h"
#include "ListSchema.h"
#include "PgSchema.h"
#include "ScheduleSchema.h"
#include "SqlDialect.h"

#include <QSqlQuery>
#include <QStringList>

namespace Schema {
namespace {

// Migration 1: jobs, their history, incidents, API keys, workers seen, and a small key/value
// table for engine state such as the key generator's high-water mark.
const char *const kMigration1[] = {
    R"(CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL))",
    R"(CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        job_key TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        state INTEGER NOT NULL,
        tenant_id TEXT NOT NULL,
        priority INTEGER NOT NULL,
        retries INTEGER NOT NULL,
        original_retries INTEGER NOT NULL,
        timeout_ms INTEGER NOT NULL,
        max_retry_delay_ms INTEGER NOT NULL,
        variables TEXT NOT NULL,
        custom_headers TEXT NOT NULL,
        result_variables TEXT,
        process_context TEXT,
        next_jobs TEXT,
        error_handlers TEXT,
        progress TEXT,
        worker TEXT,
        max_jobs_for_worker INTEGER,
        attempt INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        activated_at INTEGER,
        deadline INTEGER,
        due_at INTEGER,
        run_at INTEGER,
        finished_at INTEGER,
        error_message TEXT,
        error_code TEXT,
        incident_key TEXT,
        cancel_reason TEXT,
        finished_by TEXT,
        parent_key TEXT))",
    // Activation: the best activatable job of a type, by priority then age.
    "CREATE INDEX jobs_activation ON jobs(type, state, priority DESC, id)",
    // Lock deadlines of active jobs, and due times of scheduled / retrying jobs.
    "CREATE INDEX jobs_deadline ON jobs(deadline) WHERE state = {ACTIVE}",
    "CREATE INDEX jobs_due ON jobs(due_at) WHERE state IN ({SCHEDULED}, {FAILED_RETRYABLE})",
    // current_jobs_for_worker in job details.
    "CREATE INDEX jobs_worker ON jobs(worker, state)",
    R"(CREATE TABLE job_events (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL,
        at INTEGER NOT NULL,
        action TEXT NOT NULL,
        worker TEXT,
        attempt INTEGER,
        error TEXT,
        details TEXT))",
    "CREATE INDEX job_events_job ON job_events(job_id, id)",
    R"(CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        incident_key TEXT NOT NULL UNIQUE,
        job_id INTEGER NOT NULL,
        job_key TEXT NOT NULL,
        job_type TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        error_message TEXT,
        error_code TEXT,
        created_at INTEGER NOT NULL,
        resolved_at INTEGER,
        resolved_by TEXT))",
    "CREATE INDEX incidents_job ON incidents(job_id)",
    "CREATE INDEX incidents_status ON incidents(status, id)",
    R"(CREATE TABLE api_keys (
        name TEXT PRIMARY KEY,
        key_hash TEXT NOT NULL UNIQUE,
        permissions TEXT NOT NULL,
        tenants TEXT NOT NULL,
        created_at INTEGER NOT NULL))",
    R"(CREATE TABLE workers (
        name TEXT PRIMARY KEY,
        types TEXT NOT NULL,
        last_seen_at INTEGER NOT NULL))",
};

// Operator tables (issue 4): paused job types and their pause history, Idempotency-Key records
// of job creation, and per worker and tenant counters kept by a trigger on job state changes.
const char *const kMigrationOperator[] = {
    R"(CREATE TABLE job_type_pauses (
        type TEXT PRIMARY KEY,
        paused_at INTEGER NOT NULL,
        paused_by TEXT NOT NULL,
        reason TEXT))",
    R"(CREATE TABLE job_type_events (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        at INTEGER NOT NULL,
        action TEXT NOT NULL,
        actor TEXT NOT NULL,
        reason TEXT))",
    "CREATE INDEX job_type_events_type ON job_type_events(type, id)",
    R"(CREATE TABLE idempotency_keys (
        key_name TEXT NOT NULL,
        scope TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        job_keys TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (key_name, scope, idempotency_key)))",
    "CREATE INDEX idempotency_keys_age ON idempotency_keys(created_at)",
    R"(CREATE TABLE worker_stats (
        worker TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        activated INTEGER NOT NULL DEFAULT 0,
        completed INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (worker, tenant_id)))",
    // Activations, completions and failures (retryable, final, error thrown) per worker.
    R"(CREATE TRIGGER jobs_worker_stats AFTER UPDATE OF state ON jobs
        WHEN new.worker IS NOT NULL AND new.state <> old.state AND (new.state = {ACTIVE} OR old.state = {ACTIVE})
        BEGIN
            INSERT INTO worker_stats (worker, tenant_id, activated, completed, failed)
            VALUES (new.worker, new.tenant_id, new.state = {ACTIVE}, new.state = {COMPLETED},
                    new.state IN ({FAILED_RETRYABLE}, {FAILED}, {ERROR_THROWN}))
            ON CONFLICT (worker, tenant_id) DO UPDATE SET
                activated = activated + excluded.activated,
                completed = completed + excluded.completed,
                failed = failed + excluded.failed;
        END)",
};

struct Migration
{
    const char *const *statements;
    size_t count;
};

// Migration 5 (both stores): retention finds finished jobs by finished_at. Partial: only a
// job's finishing touches it, not its creation or its other moves.
const char *const kMigrationRetention[] = {
    "CREATE INDEX jobs_finished ON jobs(finished_at) WHERE finished_at IS NOT NULL",
};

const Migration kMigrations[] = {
    {kMigration1, std::size(kMigration1)},
    {kMigrationOperator, std::size(kMigrationOperator)},
    {ListSchema::statements(), ListSchema::count()},
    // Migration 4 moves PostgreSQL's bookkeeping to statement-level triggers; SQLite's triggers
    // (ListSchema.cpp) stay as they are, its version only follows.
    {nullptr, 0},
    {kMigrationRetention, std::size(kMigrationRetention)},
    {ListSchema::runEndStatements(), ListSchema::runEndCount()},
    {ScheduleSchema::kStatements, ScheduleSchema::kCount},
    {TypeLimitSchema::kStatements, TypeLimitSchema::kCount},
    {ListSchema::searchQueueStatements(), ListSchema::searchQueueCount()},
    {BulkOperationSchema::kStatements, BulkOperationSchema::kCount},
};

} // namespace

namespace {

// PostgreSQL: the version is a row of its own table; an advisory lock makes nodes that start
// together migrate one after the other.
constexpr qint64 kMigrationLock = 0x6a6f626465636b; // "jobdeck"

int postgresVersion(QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT version FROM schema_version"));
    if (!query.exec())
        return 0; // no table yet
    return query.next() ? query.value(0).toInt() : 0;
}

void migratePostgres(QSqlDatabase &db, int target)
{
    const auto begin = [&] {
        if (!db.transaction())
            throw StoreError(QStringLiteral("cannot begin a migration"));
        Database::exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrationLock));
    };
    begin();
    try {
        Database::exec(db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version "
                                          "(version INTEGER NOT NULL)"));
        Database::exec(db, QStringLiteral("INSERT INTO schema_version SELECT 0 WHERE NOT EXISTS "
                                          "(SELECT 1 FROM schema_version)"));
    } catch (...) {
        db.rollback();
        throw;
    }
    if (!db.commit())
        throw StoreError(QStringLiteral("cannot create schema_version"));
    const PgSchema::Migration *migrations = PgSchema::migrations();
    for (int version = postgresVersion(db); version < target; ++version) {
        begin();
        try {
            // Another node may have migrated while this one waited for the lock.
            if (postgresVersion(db) > version) {
                db.rollback();
                continue;
            }
            const PgSchema::Migration &migration = migrations[version];
            for (size_t i = 0; i < migration.count; ++i)
                Database::exec(db, statementSql(migration.statements[i]));
            QSqlQuery set(db);
            set.prepare(QStringLiteral("UPDATE schema_version SET version = ?"));
            set.addBindValue(version + 1);
            Database::exec(set);
        } catch (...) {
            db.rollback();
            throw;
        }
        if (!db.commit())
            throw StoreError(QStringLiteral("cannot commit migration %1").arg(version + 1));
    }
}

} // namespace

int currentVersion(QSqlDatabase &db)
{
    if (SqlDialect::of(db).isPostgres())
        return postgresVersion(db);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("PRAGMA user_version"));
    Database::exec(query);
    return query.next() ? query.value(0).toInt() : 0;
}

QString statementSql(const char *statement)
{
    return JobColumns::expand(QString::fromLatin1(statement));
}

int latestVersion()
{
    return int(std::size(kMigrations));
}

void migrate(QSqlDatabase &db)
{
    migrateTo(db, latestVersion());
}

void migrateTo(QSqlDatabase &db, int target)
{
    Q_ASSERT(target >= 0 && target <= latestVersion());
    static_assert(std::size(kMigrations) == 10, "a new migration needs its PostgreSQL text too");
    if (SqlDialect::of(db).isPostgres()) {
        Q_ASSERT(PgSchema::migrationCount() == std::size(kMigrations));
        migratePostgres(db, target);
        return;
    }
    for (int version = currentVersion(db); version < target; ++version) {
        const Migration &migration = kMigrations[version];
        if (!db.transaction())
            throw StoreError(QStringLiteral("cannot begin migration %1").arg(version + 1));
        try {
            for (size_t i = 0; i < migration.count; ++i)
                Database::exec(db, statementSql(migration.statements[i]));
            // PRAGMA takes no bound values; the version is an integer we computed.
            Database::exec(db, QStringLiteral("PRAGMA user_version = %1").arg(version + 1));
        } catch (...) {
            db.rollback();
            throw;
        }
        if (!db.commit())
            throw StoreError(QStringLiteral("cannot commit migration %1").arg(version + 1));
    }
}

} // namespace Schema
