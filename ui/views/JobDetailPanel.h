#pragma once

#include <QJsonObject>
#include <QWidget>

class HistoryModel;
class JsonTreeModel;
class QFormLayout;
class QLabel;
class QTabWidget;
class QTableView;
class QTreeView;
class StoreReader;

// One job as GET /api/v1/jobs/:key shows it: a header (key, type, state) and tabs Overview
// (timing, worker, retries), Variables (a JSON tree) and History (every event).
class JobDetailPanel : public QWidget
{
    Q_OBJECT
public:
    explicit JobDetailPanel(StoreReader &reader, QWidget *parent = nullptr);

    QString jobKey() const { return m_key; }
    QJsonObject details() const { return m_details; }
    HistoryModel *historyModel() const { return m_history; }
    JsonTreeModel *variablesModel() const { return m_variables; }

public slots:
    void showJob(const QString &key); // empty: nothing shown
    void reload();

private:
    void fillOverview();
    void addRow(const QString &label, const QString &value);

    StoreReader &m_reader;
    QString m_key;
    QJsonObject m_details;
    QLabel *m_header = nullptr;
    QTabWidget *m_tabs = nullptr;
    QFormLayout *m_overview = nullptr;
    JsonTreeModel *m_variables = nullptr;
    QTreeView *m_variablesView = nullptr;
    HistoryModel *m_history = nullptr;
    QTableView *m_historyView = nullptr;
};
