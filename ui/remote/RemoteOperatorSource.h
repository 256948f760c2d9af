#pragma once

#include "RemoteClient.h"
#include "backend/OperatorSource.h"

#include <memory>

// The operator views' reads from a Jobdeck server over its API: GET /dashboard, /job-types,
// /incidents (pages of 100), /incidents/groups, /workers, /api-keys, /schedules,
// /bulk-operations and /settings/retention, as the key may see them. Failures throw
// SourceError with what ApiConnection said.
class RemoteOperatorSource : public OperatorSource
{
public:
    explicit RemoteOperatorSource(std::shared_ptr<const RemoteClient> client);

    DashboardSnapshot dashboard(qint64 nowMs) override;
    QList<JobTypeSnapshot> jobTypes() override;
    IncidentsSnapshot incidents(const QString &status, int limit) override;
    QList<IncidentGroups::Group> incidentGroups() override;
    QStringList incidentKeys(const QList<IncidentGroups::Group> &groups) override;
    QList<WorkerSnapshot> workers(int limit = 1000) override;
    QList<KeyStore::Listed> apiKeys() override;
    QList<ScheduleRecord> schedules() override;
    QList<BulkOperationRecord> bulkOperations(int limit = 100) override;
    RetentionPolicy retention() override;

private:
    QJsonObject get(const QString &path);
    QJsonArray list(const QString &path, const char *field);

    std::shared_ptr<const RemoteClient> m_client;
};
