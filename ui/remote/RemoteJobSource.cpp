#include "RemoteJobSource.h"

#include "JobJson.h"
#include "api/ListParams.h"
#include "core/Clock.h"
#include "core/KeyGenerator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>

namespace {

// The keyset position of a row in the list's order, as the server's cursor holds it.
SortPosition positionOf(const JobRecord &job, SortKey sort)
{
    switch (sort) {
    case SortKey::CreatedAt:
        return {job.createdAt, job.id};
    case SortKey::ActivatedAt:
        return {job.activatedAt, job.id};
    case SortKey::Deadline:
        return {job.deadline, job.id};
    case SortKey::UpdatedAt:
        return {job.updatedAt, job.id};
    case SortKey::Priority:
        return {job.priority, job.id};
    }
    return {job.createdAt, job.id};
}

QString path(const QString &base, const QUrlQuery &query)
{
    return base + QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
}

} // namespace

RemoteJobSource::RemoteJobSource(std::shared_ptr<const RemoteClient> client)
    : m_client(std::move(client))
{}

QJsonObject RemoteJobSource::get(const QString &path, const char *absent, bool *missing)
{
    const ApiAnswer answer = m_client->get(path);
    if (absent && answer.errorCode == QLatin1String(absent)) {
        *missing = true;
        return {};
    }
    if (!answer.ok())
        throw SourceError(answer.problem);
    return answer.data;
}

JobSource::Page RemoteJobSource::page(const JobFilter &filter, const PageRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    EntryPage read = entries(filter, request);
    Page out;
    out.jobs = std::move(read.jobs);
    out.positions = std::move(read.positions);
    out.hasMore = read.hasMore;
    out.micros = timer.nsecsElapsed() / 1000;
    return out;
}

JobSource::EntryPage RemoteJobSource::entries(const JobFilter &filter, const PageRequest &request)
{
    const QUrlQuery base = JobJson::listQuery(filter, request);
    QString cursor;
    if (request.after) {
        // The server's cursor for a page after this row: bound to the same filters and sort,
        // which the console parses as the server does.
        ApiError error;
        const std::optional<ListParams> params =
            ListParams::parse(base, ApiKey{{}, {QStringLiteral("read")}, {QStringLiteral("*")}},
                              Clock::nowMs(), error);
        if (params)
            cursor = params->cursorAfter(*request.after);
    }
    EntryPage out;
    // Answers after the first are other snapshots: a job updated in between may come again
    // (sorted by updated_at ascending, it moves behind the rows read); it is listed once, where
    // it was first. One that moved ahead of the pages read shows at the next refresh, which its
    // change brings.
    QSet<QString> seen;
    while (out.jobs.size() < request.limit) {
        QUrlQuery query = base;
        const int size = qMin(kMaxPageSize, int(request.limit - out.jobs.size()));
        query.addQueryItem(QStringLiteral("page_size"), QString::number(size));
        if (!cursor.isEmpty())
            query.addQueryItem(QStringLiteral("cursor"), cursor);
        else if (request.offset > 0 && out.jobs.isEmpty())
            query.addQueryItem(QStringLiteral("page"), QString::number(request.offset / size + 1));
        const QJsonObject data = get(path(QStringLiteral("/api/v1/jobs"), query));
        for (const QJsonValue &entry : data.value(QStringLiteral("jobs")).toArray()) {
            const QString key = entry[QLatin1String("job_key")].toString();
            if (seen.contains(key))
                continue;
            seen.insert(key);
            out.entries.append(entry.toObject());
            out.jobs.append(JobJson::record(out.entries.last()));
            out.positions.append(positionOf(out.jobs.last(), request.sort));
        }
        cursor = data.value(QStringLiteral("pagination"))
                     .toObject()
                     .value(QStringLiteral("next_cursor"))
                     .toString();
        out.hasMore = !cursor.isEmpty();
        if (!out.hasMore)
            break;
    }
    return out;
}

JobSource::EntryPage RemoteJobSource::entriesOf(const QStringList &keys)
{
    // The server's own entry of each job: in creation order (the id's), one row from just
    // after the job's id, i.e. the job itself while it exists and the key may see it.
    EntryPage out;
    for (const QString &key : keys) {
        const std::optional<qint64> id = KeyGenerator::idFromJobKey(key);
        if (!id)
            continue;
        PageRequest one;
        one.sort = SortKey::CreatedAt;
        one.descending = true;
        one.limit = 1;
        one.after = SortPosition{0, *id + 1};
        const EntryPage page = entries(JobFilter{}, one);
        if (page.jobs.isEmpty() || page.jobs.first().key != key)
            continue; // deleted since it was selected
        out.jobs.append(page.jobs.first());
        out.entries.append(page.entries.first());
    }
    return out;
}

std::optional<JobDetails> RemoteJobSource::details(const QString &key)
{
    bool missing = false;
    const QJsonObject data =
        get(QStringLiteral("/api/v1/jobs/") + QString::fromLatin1(QUrl::toPercentEncoding(key)),
            "JOB_NOT_FOUND", &missing);
    if (missing)
        return std::nullopt;
    return JobJson::details(data);
}

JobSource::Count RemoteJobSource::count(const JobFilter &filter, qint64 cap)
{
    QUrlQuery query = JobJson::listQuery(filter, PageRequest{});
    query.addQueryItem(QStringLiteral("page_size"), QStringLiteral("1"));
    const QJsonObject pagination = get(path(QStringLiteral("/api/v1/jobs"), query))
                                       .value(QStringLiteral("pagination"))
                                       .toObject();
    Count count;
    count.total = pagination.value(QStringLiteral("total_count")).toInteger();
    count.exact = pagination.value(QStringLiteral("total_count_exact")).toBool(true);
    if (count.total > cap) {
        count.total = cap;
        count.exact = false;
    }
    return count;
}

JobSource::BulkStart RemoteJobSource::bulkStart(const JobFilter &filter, qint64 cap)
{
    return BulkStart{count(filter, cap), 0}; // the server bounds its operation itself
}

std::optional<BulkOperationRecord> RemoteJobSource::bulkOperation(const QString &key)
{
    bool missing = false;
    const QJsonObject data = get(QStringLiteral("/api/v1/bulk-operations/") +
                                     QString::fromLatin1(QUrl::toPercentEncoding(key)),
                                 "BULK_OPERATION_NOT_FOUND", &missing);
    if (missing)
        return std::nullopt;
    return JobJson::bulkOperation(data);
}

QStringList RemoteJobSource::jobTypes()
{
    QStringList types;
    for (const QJsonValue &t :
         get(QStringLiteral("/api/v1/job-types")).value(QStringLiteral("job_types")).toArray())
        types.append(t.toObject().value(QStringLiteral("type")).toString());
    types.sort();
    return types;
}

QStringList RemoteJobSource::workerNames()
{
    QStringList names;
    for (const QJsonValue &w :
         get(QStringLiteral("/api/v1/workers")).value(QStringLiteral("workers")).toArray())
        names.append(w.toObject().value(QStringLiteral("worker_id")).toString());
    names.sort();
    return names;
}
