#pragma once

#include "core/JobState.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What a job list asks for: the filters of GET /api/v1/jobs, already validated, and the page.
// Empty members do not filter.
struct JobFilter
{
    QList<JobState> states;
    QString type;
    QString worker;
    QString processInstanceId;
    QString elementId;
    QString tenantId;
    QStringList visibleTenants; // the caller's tenants; empty = every tenant
    qint64 createdAfter = 0;    // created_at >= this (ms), 0 = open
    qint64 createdBefore = 0;   // created_at < this (ms), 0 = open
    QStringList terms;          // q, as the words the full-text index knows
    qint64 lastId = 0;          // id <= this, 0 = open (a bulk operation's jobs at its start)
    // The last term also finds the words it begins ("merch" finds "merchant"): from
    // kMinPrefixLength characters on, as a shorter prefix can match most of a big index.
    static constexpr int kMinPrefixLength = 3;
    bool lastTermIsPrefix() const
    {
        return !terms.isEmpty() && terms.last().size() >= kMinPrefixLength;
    }

    // True when the counters alone can answer how many jobs match (state, type, tenant).
    bool countersSuffice() const
    {
        return worker.isEmpty() && processInstanceId.isEmpty() && elementId.isEmpty() &&
               !createdAfter && !createdBefore && terms.isEmpty() && !lastId;
    }
};

enum class SortKey { CreatedAt, ActivatedAt, Deadline, UpdatedAt, Priority };

// A keyset position: the sort value and id of the last job of the previous page.
struct SortPosition
{
    qint64 value = 0;
    qint64 id = 0;
};

struct PageRequest
{
    SortKey sort = SortKey::CreatedAt;
    bool descending = true;
    int limit = 20;
    qint64 offset = 0;                 // page paging; ignored with a keyset position
    std::optional<SortPosition> after; // cursor paging
};
