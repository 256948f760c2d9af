#pragma once

#include "backend/OperatorSource.h"
#include "store/Database.h"
#include "store/StatsQuery.h"

#include <QList>
#include <QString>

class Engine;

// The operator views' reads in the embedded console, through a read connection of its own
// (opened on the thread that constructs it, and used only there) and the engine's thread-safe
// long-poll snapshot. Every method reads one snapshot of the store; StoreError escapes.
class OperatorReader : public OperatorSource
{
public:
    OperatorReader(const StoreOptions &options, Engine *engine);
    ~OperatorReader() override;
    OperatorReader(const OperatorReader &) = delete;
    OperatorReader &operator=(const OperatorReader &) = delete;

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

    QSqlDatabase database() const { return m_db; }
    // Makes a reader of `options` on the thread that calls it (OperatorSourceFactory).
    static OperatorSourceFactory factory(const StoreOptions &options, Engine *engine);

private:
    QString m_connection;
    QSqlDatabase m_db;
    Engine *m_engine;
    RollupHourCache m_hours;
};
