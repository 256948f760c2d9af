#pragma once

#include "JobPageLoader.h"
#include "api/ListParams.h"
#include "store/JobRecord.h"

#include <QAbstractTableModel>
#include <QUrlQuery>

#include <memory>

struct StoreOptions;
class QTimer;

// The jobs of one GET /api/v1/jobs query, paged from the store with canFetchMore/fetchMore
// (keyset pages of kPageSize rows; never the whole table). Every read runs on a loader thread
// (JobPageLoader): fetchMore() and refresh() only ask, and the rows arrive later (loaded()).
// Requests carry the query's generation: an answer to a query that has changed since is dropped.
// refresh() re-reads the top of the list (at most kRefreshRows) and applies the differences as
// removes, a move, inserts and merged dataChanged ranges, so that views keep their selection.
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
        Attempt,  // hidden until chosen (the header's menu)
        Priority, // hidden until chosen
        Tenant,   // hidden until chosen
        Created,
        Updated,
        Duration,
        Error,
        ColumnCount
    };
    enum Role { JobKeyRole = Qt::UserRole + 1, JobStateRole };
    static constexpr int kPageSize = 200;
    // A refresh re-reads at most this many rows from the top, in any sort order; rows loaded
    // beyond them keep their last values and place. When more than this many jobs arrived
    // above the loaded rows, the rows below the window are let go (fetchMore reads them again).
    static constexpr int kRefreshRows = 1000;
    // Durations of active jobs are repainted this often (no query).
    static constexpr int kTickMs = 1000;

    // `source` makes the loader's JobSource (ConsoleBackend::openJobSource, StoreReader::factory).
    explicit JobTableModel(JobPageLoader::SourceFactory source, QObject *parent = nullptr);
    ~JobTableModel() override;

    // The API query (state, type, q, sort_by, ...). False, with queryError(), when the API
    // would refuse it; the model is then empty.
    bool setQuery(const QUrlQuery &query);
    QUrlQuery query() const { return m_query; }
    // "/api/v1/jobs?state=failed&sort_by=created_at..." as a client would ask for it.
    QString apiPath() const;
    QString queryError() const { return m_error; }
    const std::optional<ListParams> &params() const { return m_params; } // nullopt when refused

    // Whether the view shows the top of the list. When more new jobs than the refresh window
    // arrive above the loaded rows, a view at the top starts again from the new top; a view
    // scrolled down keeps its rows (newerJobsAbove()) until it is back at the top.
    void setFollowTop(bool follow) { m_followTop = follow; }
    // Whether active jobs' durations grow every kTickMs (off while the view is paused: a job
    // shown active may have finished since).
    void setTicking(bool on);
    // Asks for the loaded rows again (coalesced: one refresh at a time, one more at most queued).
    void refresh();
    // A page or a refresh is on its way.
    bool isLoading() const { return m_busy != Busy::No; }
    int rowOfKey(const QString &key) const;
    const JobRecord &jobAt(int row) const { return m_rows.at(row); }
    qint64 lastLoadMicros() const { return m_lastMicros; }
    // GUI-thread time of the last refresh's changes (the model and the views' reactions).
    qint64 lastApplyMicros() const { return m_lastApplyMicros; }
    // The model's read thread, for other reads of the jobs view (pickers).
    JobPageLoader &loader() const { return *m_loader; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

signals:
    void loaded(int rows, qint64 micros); // after each page and each refresh is applied
    void queryChanged();
    // Around the changes of a refresh, for views that keep their place.
    void refreshAboutToApply();
    void refreshApplied();
    void newerJobsAbove(); // a refresh was not applied to keep the rows of a scrolled view
    void loadFailed(const QString &error); // the store could not be read; rows left as they were

private:
    enum class Busy { No, Page, Refresh };
    void requestPage();
    void requestRefresh();
    void applyPage(JobSource::Page page);
    void readFailed(const QString &error);
    void applyRefresh(JobSource::Page page);
    void nextRequest();
    void tick();
    QVariant display(const JobRecord &job, int column) const;
    // Is `p` after `boundary` in the current sort order?
    bool after(const SortPosition &p, const SortPosition &boundary) const;
    void removeRows(int first, int last);
    // `tail`: rows at the end, outside the re-read window, left as they are.
    void removeVanished(const QSet<qint64> &keep, int tail);
    void reorderSurvivors(const QList<JobRecord> &fresh, int tail);
    void insertNew(const QList<JobRecord> &fresh, const QList<SortPosition> &positions);
    void updateChanged(const QList<JobRecord> &fresh, const QList<SortPosition> &positions);

    std::unique_ptr<JobPageLoader> m_loader;
    QTimer *m_tick = nullptr;
    QUrlQuery m_query;
    std::optional<ListParams> m_params;
    QString m_error;
    QList<JobRecord> m_rows;
    QList<SortPosition> m_positions; // each row's keyset position when it was read
    std::optional<SortPosition> m_last;
    bool m_hasMore = false;
    bool m_notifying = false; // no fetchMore from inside our own change notifications
    quint64 m_generation = 0; // bumped by each setQuery: older answers are dropped
    Busy m_busy = Busy::No;
    bool m_wantPage = false;    // fetchMore while a refresh was on its way
    bool m_wantRefresh = false; // refresh while something was on its way
    bool m_followTop = true;
    qint64 m_lastMicros = 0;
    qint64 m_lastApplyMicros = 0;
};
