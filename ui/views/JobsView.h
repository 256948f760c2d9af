#pragma once

#include "actions/ActionController.h"
#include "actions/JobActions.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class ActionMessage;
class Engine;
class FilterBar;
class JobTableModel;
class QAction;
class QLabel;
class QTableView;
class QTimer;
class StoreReader;
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

    JobsView(StoreReader &reader, Engine *engine, QWidget *parent = nullptr);
    ~JobsView() override;

    JobTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    FilterBar *filterBar() const { return m_filters; }
    QStringList selectedKeys() const;
    QString currentKey() const;
    ActionController *controller() const { return m_controller; }
    JobActions *actions() const { return m_controller->jobActions(); }
    QAction *action(JobActions::Kind kind) const { return m_controller->action(kind); }
    void setConfirm(Confirm confirm) { m_controller->setConfirm(std::move(confirm)); }
    QString actionMessage() const; // the last action's outcome, as shown above the table
    // True on a shared (PostgreSQL) store: the view also re-reads periodically while shown.
    bool followsOtherNodes() const { return m_poll != nullptr; }

public slots:
    void trigger(JobActions::Kind kind); // on the selected jobs, after confirmation
    void triggerOn(JobActions::Kind kind, const QStringList &keys);
    void refresh(); // asks the model; refreshed() once the rows are applied
    void scheduleRefresh();
    void applyFilters();
    QWidget *openDetailWindow(const QString &key); // a job in its own window
    void closeDetailWindows();                     // with the main window: none outlives it
    // Read-only: every action of this view and of its detail windows is disabled and refuses.
    void setReadOnly(bool on);

signals:
    void currentJobChanged(const QString &key); // empty when none
    void refreshed();
    void readOnlyChanged(bool on);

private:
    QList<QPointer<QWidget>> m_detailWindows;
    void onSortIndicatorChanged(int column, Qt::SortOrder order);
    void rememberPlace();
    void restorePlace();
    void loadChoices(); // the pickers' job types and workers, read on the loader thread
    void showMessage(const QString &text, bool problem);

    StoreReader &m_reader;
    JobTableModel *m_model = nullptr;
    FilterBar *m_filters = nullptr;
    QTableView *m_table = nullptr;
    QTimer *m_refreshTimer = nullptr;
    ViewRefresher *m_poll = nullptr; // PostgreSQL only
    ActionController *m_controller = nullptr;
    ActionMessage *m_message = nullptr;
    QLabel *m_newerHint = nullptr; // shown while new jobs wait above a scrolled view
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    QString m_reselect;        // the current job before a new query, until its row is loaded
    QString m_anchor;          // the first visible job before a refresh is applied
    QString m_currentBefore;   // the current job before a refresh is applied
    bool m_newerAbove = false; // new jobs wait above the rows of a scrolled view
};
