#pragma once

#include "auth/ApiKey.h"
#include "http/ApiError.h"
#include "store/JobFilter.h"

#include <QJsonObject>
#include <QUrlQuery>

#include <optional>

// The query string of GET /api/v1/jobs, validated: filters, sort, page or cursor. Every bad
// value is named in one 400 VALIDATION_ERROR (details.field_errors).
struct ListParams
{
    JobFilter filter;
    PageRequest page;
    int pageNumber = 1;
    QJsonObject applied; // filters_applied

    static constexpr int kMaxPageSize = 100;

    // nullopt and `error` set when a value is not understood.
    static std::optional<ListParams> parse(const QUrlQuery &query, const ApiKey &caller, qint64 now,
                                           ApiError &error);
    // The filter as the query parameters that give it, as an object ("state": [...], "q":
    // "..."): what a bulk operation the console starts shows as its filter.
    static QJsonObject filterObject(const JobFilter &filter);
    // The sort_by word of a sort key ("created_at").
    static QString sortName(SortKey key);
    // The opaque next_cursor for a page that ended with this row.
    QString cursorAfter(const SortPosition &last) const;

    // A period word (1h, 24h, 7d, 30d, all) in milliseconds; 0 = all, nullopt = unknown.
    static std::optional<qint64> periodMs(const QString &word);
    // The words of `q` as FTS5's unicode61 tokenizer splits text: runs of letters and digits,
    // each once, in order.
    static QStringList searchTerms(const QString &q);
};

// Reads one query parameter, fully decoded.
QString queryValue(const QUrlQuery &query, const char *name);
