#pragma once

#include "actions/JobActions.h"

#include <QWidget>

#include <functional>

class Engine;
class FilterBar;
class JobTableModel;
class QAction;
class QLabel;
class QTableView;
class QTimer;
class StoreReader;

// The jobs table with its filter bar. Follows the engine live: each commit schedules one
// refresh, at most every kRefreshMs, that keeps the selection and the rows in view.
class JobsView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 500;
    // Asks the operator to confirm `text`; for a Retry also how many retries (in/out).
    using Confirm = std::function<bool(JobActions::Kind kind, const QString &text, int *retries)>;

    JobsView(StoreReader &reader, Engine *engine, QWidget *parent = nullptr);
    ~JobsView() override;

    JobTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    FilterBar *filterBar() const { return m_filters; }
    QStringList selectedKeys() const;
    QString currentKey() const;
    JobActions *actions() const { return m_actions; }
    QAction *action(JobActions::Kind kind) const;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    QString actionMessage() const; // the last action's outcome, as shown above the table

public slots:
    void trigger(JobActions::Kind kind); // on the selected jobs, after confirmation
    void refresh();
    void scheduleRefresh();
    void applyFilters();

signals:
    void currentJobChanged(const QString &key); // empty when none
    void refreshed();

private:
    void onSortIndicatorChanged(int column, Qt::SortOrder order);
    void buildActions();
    void onActionFinished(JobActions::Kind kind, int succeeded, const QStringList &errors);
    bool confirmWithDialog(JobActions::Kind kind, const QString &text, int *retries);

    JobTableModel *m_model = nullptr;
    FilterBar *m_filters = nullptr;
    QTableView *m_table = nullptr;
    QTimer *m_refreshTimer = nullptr;
    JobActions *m_actions = nullptr;
    QList<QAction *> m_actionList; // indexed by JobActions::Kind
    QLabel *m_message = nullptr;
    Confirm m_confirm;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};
