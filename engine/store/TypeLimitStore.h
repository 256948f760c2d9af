#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// A job type's limits (PUT /job-types/:type/limits): at most maxActive jobs ACTIVE at once, and
// at most rateLimit activations in any window of ratePerMs. Unset: no such limit.
struct TypeLimit
{
    std::optional<int> maxActive;
    std::optional<int> rateLimit;
    qint64 ratePerMs = 0;

    bool isEmpty() const { return !maxActive && !rateLimit; }
    friend bool operator==(const TypeLimit &, const TypeLimit &) = default;
};

// The job_type_limits table and the activation log of rate-limited types (migration 8).
class TypeLimitStore
{
public:
    explicit TypeLimitStore(QSqlDatabase db) : m_db(std::move(db)) {}

    QHash<QString, TypeLimit> all();
    // An empty limit removes the row.
    void put(const QString &type, const TypeLimit &limit, qint64 now, const QString &by);
    // On PostgreSQL: locks the type's row until the transaction ends, so that nodes activating
    // jobs of a limited type count and claim one after the other.
    void lock(const QString &type);

    int activeJobs(const QString &type);
    // Activations of the type after `since`, and the earliest of them (0: none).
    struct Window
    {
        int activations = 0;
        qint64 earliest = 0;
    };
    Window activationsAfter(const QString &type, qint64 since);
    void logActivations(const QString &type, qint64 at, int count);
    // Forgets log entries no window can count any more.
    void pruneLog(const QString &type, qint64 before);

private:
    QSqlDatabase m_db;
};
