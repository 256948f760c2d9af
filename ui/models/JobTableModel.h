#pragma once

#include "api/ListParams.h"
#include "store/JobRecord.h"

#include <QAbstractTableModel>
#include <QUrlQuery>

class StoreReader;

// The jobs of one GET /api/v1/jobs query, paged from the store with canFetchMore/fetchMore
// (keyset pages of kPageSize rows; never the whole table). refresh() re-reads the rows loaded
// so far and applies the differences as removes, a move, inserts and merged dataChanged ranges,
// so that views keep their selection.
class JobTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Key,
        Type,
        State,
        Worker,
        Retries,
        Created,
        Updated,
        Duration,
        Error,
        ColumnCount
    };
    enum Role { JobKeyRole = Qt::UserRole + 1, JobStateRole };
    static constexpr int kPageSize = 200;
    // In created-at order a refresh re-reads at most this many rows from the top; rows loaded
    // beyond them keep their last values (ids never move in that order).
    static constexpr int kRefreshRows = 1000;

    explicit JobTableModel(StoreReader &reader, QObject *parent = nullptr);

    // The API query (state, type, q, sort_by, ...). False, with queryError(), when the API
    // would refuse it; the model is then empty.
    bool setQuery(const QUrlQuery &query);
    QUrlQuery query() const { return m_query; }
    // "/api/v1/jobs?state=failed&sort_by=created_at..." as a client would ask for it.
    QString apiPath() const;
    QString queryError() const { return m_error; }

    void refresh();
    int rowOfKey(const QString &key) const;
    const JobRecord &jobAt(int row) const { return m_rows.at(row); }
    qint64 lastLoadMicros() const { return m_lastMicros; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

signals:
    void loaded(int rows, qint64 micros); // after each page and each refresh
    void queryChanged();

private:
    QVariant display(const JobRecord &job, int column) const;
    // `tail`: rows at the end, outside the re-read window, left as they are.
    void removeVanished(const QSet<qint64> &keep, int tail);
    void reorderSurvivors(const QList<JobRecord> &fresh, int tail);
    void insertNew(const QList<JobRecord> &fresh);
    void updateChanged(const QList<JobRecord> &fresh);

    StoreReader &m_reader;
    QUrlQuery m_query;
    std::optional<ListParams> m_params;
    QString m_error;
    QList<JobRecord> m_rows;
    std::optional<SortPosition> m_last;
    bool m_hasMore = false;
    bool m_notifying = false; // no fetchMore from inside our own change notifications
    qint64 m_lastMicros = 0;
};
