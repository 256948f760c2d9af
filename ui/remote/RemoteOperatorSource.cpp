#include "RemoteOperatorSource.h"

#include "JobJson.h"
#include "OperatorJson.h"
#include "backend/JobSource.h"

#include <QJsonArray>
#include <QUrlQuery>

RemoteOperatorSource::RemoteOperatorSource(std::shared_ptr<const RemoteClient> client)
    : m_client(std::move(client))
{}

QJsonObject RemoteOperatorSource::get(const QString &path)
{
    const ApiAnswer answer = m_client->get(path);
    if (!answer.ok())
        throw SourceError(answer.problem);
    return answer.data;
}

QJsonArray RemoteOperatorSource::list(const QString &path, const char *field)
{
    return get(path).value(QLatin1String(field)).toArray();
}

DashboardSnapshot RemoteOperatorSource::dashboard(qint64)
{
    return OperatorJson::dashboard(get(QStringLiteral("/api/v1/dashboard")));
}

QList<JobTypeSnapshot> RemoteOperatorSource::jobTypes()
{
    QList<JobTypeSnapshot> out;
    for (const QJsonValue &v : list(QStringLiteral("/api/v1/job-types"), "job_types"))
        out.append(OperatorJson::jobType(v.toObject()));
    return out;
}

IncidentsSnapshot RemoteOperatorSource::incidents(const QString &status, int limit)
{
    IncidentsSnapshot out;
    constexpr int kPage = 100; // the API's largest page
    for (int page = 1; out.rows.size() < limit; ++page) {
        QUrlQuery query;
        if (!status.isEmpty())
            query.addQueryItem(QStringLiteral("status"), status);
        query.addQueryItem(QStringLiteral("page"), QString::number(page));
        query.addQueryItem(QStringLiteral("page_size"),
                           QString::number(qMin(kPage, limit - int(out.rows.size()))));
        const QJsonObject data = get(QStringLiteral("/api/v1/incidents?") + query.toString());
        const QJsonArray rows = data.value(QStringLiteral("incidents")).toArray();
        for (const QJsonValue &v : rows)
            out.rows.append(OperatorJson::incident(v.toObject()));
        const QJsonObject pagination = data.value(QStringLiteral("pagination")).toObject();
        out.total = pagination.value(QStringLiteral("total_count")).toInteger();
        if (rows.isEmpty() || !pagination.value(QStringLiteral("has_next")).toBool())
            break;
    }
    return out;
}

QList<IncidentGroups::Group> RemoteOperatorSource::incidentGroups()
{
    QList<IncidentGroups::Group> out;
    for (const QJsonValue &v : list(QStringLiteral("/api/v1/incidents/groups"), "groups"))
        out.append(OperatorJson::incidentGroup(v.toObject()));
    return out;
}

QStringList RemoteOperatorSource::incidentKeys(const QList<IncidentGroups::Group> &groups)
{
    QStringList keys;
    for (const IncidentGroups::Group &g : groups) {
        QUrlQuery query;
        const auto add = [&query](const char *name, const QString &value) {
            if (!value.isEmpty())
                query.addQueryItem(QLatin1String(name),
                                   QString::fromLatin1(QUrl::toPercentEncoding(value)));
        };
        add("job_type", g.jobType);
        add("error_code", g.errorCode);
        add("error_message", g.errorMessage);
        for (const QJsonValue &id : list(QStringLiteral("/api/v1/incidents/groups/ids?") +
                                             query.toString(QUrl::FullyEncoded),
                                         "incident_ids"))
            keys.append(id.toString());
    }
    return keys;
}

QList<WorkerSnapshot> RemoteOperatorSource::workers(int limit)
{
    QList<WorkerSnapshot> out;
    for (const QJsonValue &v : list(QStringLiteral("/api/v1/workers"), "workers")) {
        if (out.size() >= limit)
            break;
        out.append(OperatorJson::worker(v.toObject()));
    }
    return out;
}

QList<KeyStore::Listed> RemoteOperatorSource::apiKeys()
{
    QList<KeyStore::Listed> out;
    for (const QJsonValue &v : list(QStringLiteral("/api/v1/api-keys"), "api_keys"))
        out.append(OperatorJson::apiKey(v.toObject()));
    return out;
}

QList<ScheduleRecord> RemoteOperatorSource::schedules()
{
    QList<ScheduleRecord> out;
    for (const QJsonValue &v : list(QStringLiteral("/api/v1/schedules"), "schedules"))
        out.append(OperatorJson::schedule(v.toObject()));
    return out;
}

QList<BulkOperationRecord> RemoteOperatorSource::bulkOperations(int limit)
{
    QList<BulkOperationRecord> out;
    for (const QJsonValue &v : list(QStringLiteral("/api/v1/bulk-operations"), "operations")) {
        if (out.size() >= limit)
            break;
        out.append(JobJson::bulkOperation(v.toObject()));
    }
    return out;
}

RetentionPolicy RemoteOperatorSource::retention()
{
    return OperatorJson::retention(get(QStringLiteral("/api/v1/settings/retention")));
}
