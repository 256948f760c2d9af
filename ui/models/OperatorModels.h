#pragma once

#include "JobsLink.h"

#include "KeyedTableModel.h"
#include "backend/OperatorSource.h"

// The tables of the operator views, each filled from OperatorSource snapshots (setRows keeps
// the selection). Times are shown in local time, "yyyy-MM-dd HH:mm:ss", like the jobs table.

// Job types: depth per state, oldest waiting, paused, workers and long polls.
class JobTypesModel : public KeyedTableModel<JobTypeSnapshot>
{
    Q_OBJECT
public:
    enum Column {
        Type,
        Status,
        Limits,
        FirstState,
        Total = FirstState + 8,
        OldestWaiting,
        Workers,
        LongPolls,
        ColumnCount
    };
    enum Role { TypeRole = Qt::UserRole + 1, PausedRole };
    // "3 of 5 active · 42 of 100 per 1 min": the limits and their use now; empty: none.
    static QString limitsText(const JobTypeSnapshot &row);
    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // The jobs a row (and for counts, its cell) stands for.
    JobsLink jobsAt(const QModelIndex &index) const;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const JobTypeSnapshot &row) const override { return row.type; }
};

// Incidents, newest first: the newest `limit` of `total`; fetchMore asks for the next ones
// (moreWanted), which arrive with the view's next snapshot.
class IncidentsModel : public KeyedTableModel<OperatorStore::IncidentRow>
{
    Q_OBJECT
public:
    enum Column { Key, JobKey, JobType, Kind, Status, Error, Created, Resolved, ColumnCount };
    enum Role { IncidentKeyRole = Qt::UserRole + 1, OpenRole };
    static constexpr int kPageSize = 200;
    using KeyedTableModel::KeyedTableModel;

    void setSnapshot(const IncidentsSnapshot &snapshot);
    qint64 total() const { return m_total; }
    int limit() const { return m_limit; }
    void resetLimit() { m_limit = kPageSize; }
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // The jobs a row (and for counts, its cell) stands for.
    JobsLink jobsAt(const QModelIndex &index) const;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const OperatorStore::IncidentRow &row) const override { return row.incident.key; }

signals:
    void moreWanted();

private:
    qint64 m_total = 0;
    int m_limit = kPageSize;
    bool m_fetching = false;
};

// Workers seen in activations, last seen first.
class WorkersModel : public KeyedTableModel<WorkerSnapshot>
{
    Q_OBJECT
public:
    enum Column {
        Name,
        Types,
        LastSeen,
        ActiveJobs,
        LongPolls,
        Activated,
        Completed,
        Failed,
        Unanswered, // timed out, never delivered, or cancelled while running
        ColumnCount
    };
    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // The jobs a row (and for counts, its cell) stands for.
    JobsLink jobsAt(const QModelIndex &index) const;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const WorkerSnapshot &row) const override { return row.worker.name; }
};

// API keys (names, permissions, tenants; never hashes).
class ApiKeysModel : public KeyedTableModel<KeyStore::Listed>
{
    Q_OBJECT
public:
    enum Column { Name, Permissions, Tenants, Created, ColumnCount };
    enum Role { NameRole = Qt::UserRole + 1 };
    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const KeyStore::Listed &row) const override { return row.key.name; }
};

// Queue depth per job type: jobs waiting, scheduled, waiting for a retry and active.
class QueueDepthModel : public KeyedTableModel<DashboardSnapshot::Depth>
{
    Q_OBJECT
public:
    enum Column { Type, Waiting, Scheduled, Retrying, Active, Total, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // The jobs a row (and for counts, its cell) stands for.
    JobsLink jobsAt(const QModelIndex &index) const;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const DashboardSnapshot::Depth &row) const override { return row.type; }
};
