#pragma once

#include <QElapsedTimer>
#include <QWidget>

class Engine;
class FilterBar;
class JobTableModel;
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

    JobsView(StoreReader &reader, Engine *engine, QWidget *parent = nullptr);
    ~JobsView() override;

    JobTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    FilterBar *filterBar() const { return m_filters; }
    QStringList selectedKeys() const;
    QString currentKey() const;

public slots:
    void refresh();
    void scheduleRefresh();
    void applyFilters();

signals:
    void currentJobChanged(const QString &key); // empty when none
    void refreshed();

private:
    void onSortIndicatorChanged(int column, Qt::SortOrder order);

    JobTableModel *m_model = nullptr;
    FilterBar *m_filters = nullptr;
    QTableView *m_table = nullptr;
    QTimer *m_refreshTimer = nullptr;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};
