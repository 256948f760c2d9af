#pragma once

#include "actions/JobActions.h"
#include "models/JobPageLoader.h"

#include "store/JobDetails.h"

#include <QWidget>

class AttemptsModel;
class HistoryModel;
class JobOverview;
class JsonTreeModel;
class QFormLayout;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class QTreeView;

// One job as GET /api/v1/jobs/:key shows it (its typed JobDetails): a header (key, type, state
// badge) with the actions the API allows in its state, and tabs Overview, Variables (input and
// result side by side as JSON trees, copy as JSON), Attempts (every activation: worker, start,
// end, run time, outcome, error or cancel reason), History (every event) and Incident.
// Links to the parent and follow-up jobs open that job here.
class JobDetailPanel : public QWidget
{
    Q_OBJECT
public:
    enum Tab { OverviewTab, VariablesTab, AttemptsTab, HistoryTab, IncidentTab };

    // `source` makes the JobSource the panel reads through, on a loader thread of its own.
    explicit JobDetailPanel(JobPageLoader::SourceFactory source, QWidget *parent = nullptr);

    QString jobKey() const { return m_key; }
    const std::optional<JobDetails> &details() const { return m_details; }
    HistoryModel *historyModel() const { return m_history; }
    JsonTreeModel *variablesModel() const { return m_variables; }
    AttemptsModel *attemptsModel() const { return m_attempts; }
    JsonTreeModel *resultModel() const { return m_result; } // the worker's result
    QTabWidget *tabs() const { return m_tabs; }
    QPushButton *actionButton(JobActions::Kind kind) const { return m_buttons.value(int(kind)); }
    // Read-only mode: every action button stays disabled.
    void setReadOnly(bool on);
    JobOverview *overview() const { return m_overview; }
    QString variablesJson() const; // what "Copy as JSON" copies
    // A parent or follow-up link shows that job here (a job window); off, the owner decides
    // (the main window selects it in the list, where the toolbar acts on it too).
    void setLinksOpenHere(bool on) { m_linksOpenHere = on; }

public slots:
    void showJob(const QString &key); // empty: nothing shown
    // The job shown left the list the panel follows: nothing is shown, and the header says why.
    void showLeft(const QString &key);
    void reload();

signals:
    // A header button: the action on this job (the owner confirms and runs it).
    void actionRequested(JobActions::Kind kind, const QStringList &keys);
    void jobLinkActivated(const QString &key);
    // The job asked for last is shown (or that it no longer exists).
    void loaded();

private:
    QWidget *buildVariablesTab();
    QWidget *buildIncidentTab();
    void apply(std::optional<JobDetails> details);
    void fillHeader();
    void fillIncident();

    JobPageLoader *m_loader;
    quint64 m_generation = 0; // answers to an older request are dropped
    QString m_key;
    std::optional<JobDetails> m_details;
    QLabel *m_header = nullptr;
    QList<QPushButton *> m_buttons; // indexed by JobActions::Kind
    bool m_readOnly = false;
    bool m_linksOpenHere = true;
    QString m_leftNote; // why no job is shown, after the shown one left the list
    QString m_leftKey;  // the job that left, while its note is read
    QTabWidget *m_tabs = nullptr;
    JobOverview *m_overview = nullptr;
    JsonTreeModel *m_variables = nullptr;
    QTreeView *m_variablesView = nullptr;
    HistoryModel *m_history = nullptr;
    QTableView *m_historyView = nullptr;
    AttemptsModel *m_attempts = nullptr;
    QTableView *m_attemptsView = nullptr;
    JsonTreeModel *m_result = nullptr;
    QTreeView *m_resultView = nullptr;
    QFormLayout *m_incident = nullptr;
};
