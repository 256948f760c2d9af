#pragma once

#include "actions/ActionController.h"
#include "actions/JobActions.h"
#include "models/JobsLink.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class ActionMessage;
class ColumnChooser;
class ConsoleBackend;
class FilterBar;
class JobTableModel;
class MatchCount;
class QAction;
class QLabel;
class QTableView;
class QTimer;
class ViewRefresher;

// The jobs table with its filter bar and actions. Follows the engine live: each commit
// schedules one refresh, at most every kRefreshMs, that keeps the selection and the rows in
// view; on PostgreSQL also every ui/refreshMs while shown (other nodes' jobs). Double-click opens a
// job in its own detail window.
class JobsView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 500;
    using Confirm = ActionController::Confirm;

    explicit JobsView(ConsoleBackend *backend, QWidget *parent = nullptr);
    ~JobsView() override;

    JobTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    FilterBar *filterBar() const { return m_filters; }
    QStringList selectedKeys() const;
    QString currentKey() const;
    // The job the detail panel shows: the current row while it is selected, else none.
    QString inspectedKey() const { return m_inspected; }
    ActionController *controller() const { return m_controller; }
    JobActions *actions() const { return m_controller->jobActions(); }
    QAction *action(JobActions::Kind kind) const { return m_controller->action(kind); }
    void setConfirm(Confirm confirm) { m_controller->setConfirm(std::move(confirm)); }
    QString actionMessage() const; // the last action's outcome, as shown above the table
    MatchCount *matchCount() const { return m_count; }
    ColumnChooser *columnChooser() const { return m_columns; }
    // Live (the default): the list follows every change. Paused: it stays as it is until Live
    // again, F5, or the operator's own action.
    bool isLive() const;
    // True on a shared (PostgreSQL) store: the view also re-reads periodically while shown.
    bool followsOtherNodes() const { return m_poll != nullptr; }

public slots:
    void trigger(JobActions::Kind kind); // on the selected jobs, after confirmation
    void triggerOn(JobActions::Kind kind, const QStringList &keys);
    void refresh(); // asks the model; refreshed() once the rows are applied
    void scheduleRefresh();
    void applyFilters();
    QWidget *openDetailWindow(const QString &key); // a job in its own window
    // A job named by a link: its row selected when it is in the list, else its own window.
    void inspect(const QString &key);
    // The jobs a link names (the filter bar shows only its filters); its job, if it names one,
    // is selected once the rows are loaded.
    void showLink(const JobsLink &link);
    void closeDetailWindows(); // with the main window: none outlives it
    // Read-only: every action of this view and of its detail windows is disabled and refuses.
    void setReadOnly(bool on);
    void setLive(bool on);

signals:
    void currentJobChanged(const QString &key); // the inspected job; empty when none
    // The inspected job is no longer in the list (deleted, changed, or not in a new filter's
    // rows): nothing is inspected now.
    void jobLeftList(const QString &key);
    void refreshed();
    void readOnlyChanged(bool on);

private:
    QList<QPointer<QWidget>> m_detailWindows;
    void onSortIndicatorChanged(int column, Qt::SortOrder order);
    void rememberPlace();
    void restorePlace();
    void loadChoices(); // the pickers' job types and workers, read on the loader thread
    void showMessage(const QString &text, bool problem);
    void updateInspected(); // after the user moved the current row or the selection
    void leaveInspected();  // the inspected job's row is gone
    void updateFollowTop(); // new jobs show at the top only while nothing is selected
    void fitColumns();      // first start: each column as wide as its content (capped)

    ConsoleBackend *m_backend;
    JobTableModel *m_model = nullptr;
    FilterBar *m_filters = nullptr;
    QTableView *m_table = nullptr;
    QTimer *m_refreshTimer = nullptr;
    ViewRefresher *m_poll = nullptr; // PostgreSQL only
    ActionController *m_controller = nullptr;
    ActionMessage *m_message = nullptr;
    MatchCount *m_count = nullptr;
    ColumnChooser *m_columns = nullptr;
    QAction *m_live = nullptr;
    QLabel *m_pausedHint = nullptr;
    bool m_fitPending = false; // no saved column widths: fit them to the rows until sized
    bool m_fitting = false;
    bool m_fitted = false;         // the first rows set the widths; later rows only widen
    QLabel *m_newerHint = nullptr; // shown while new jobs wait above a scrolled view
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    QString m_inspected;       // see inspectedKey()
    bool m_applying = false;   // rows change under the selection: it is not the user's move
    QString m_reselect;        // the inspected job before a new query, until its rows are loaded
    QString m_anchor;          // the first visible job before a refresh is applied
    QString m_revealOnArrival; // a job the operator made (Replay): selected once it is listed
    bool m_newerAbove = false; // new jobs wait above the rows of a scrolled view
};
