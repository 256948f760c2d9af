#pragma once

#include "OperatorTableView.h"

#include <functional>

class IncidentGroupsModel;
class IncidentsModel;
class QComboBox;
class QLabel;

// Incidents, newest first, open / resolved / all (GET /api/v1/incidents?status=), with Resolve
// as PUT /incidents/:id/resolve runs it (OperatorCommands::resolveIncident): the job goes back
// to CREATED with the new retries. "Open, by error" groups the open incidents by job type, error
// code and message with a count; Retry all resolves every open incident of the chosen groups.
class IncidentsView : public OperatorTableView
{
    Q_OBJECT
public:
    enum class Filter { Open, Resolved, All, OpenByError };
    // Asks how many retries the resolved jobs get (1-100); false cancels.
    using AskRetries = std::function<bool(int count, int *retries)>;

    IncidentsView(BackgroundReader &reader, ConsoleBackend *backend, ReadOnlyMode *mode,
                  QWidget *parent = nullptr);

    IncidentsModel *model() const { return m_model; }
    IncidentGroupsModel *groupsModel() const { return m_groups; }
    QAction *resolveAction() const { return m_resolve; }
    void setFilter(Filter filter);
    Filter filter() const;
    void setAskRetries(AskRetries ask) { m_ask = std::move(ask); }
    void resolve(const QStringList &incidentKeys, int retries);
    // Every open incident of the selected groups (OpenByError), after asking for retries.
    void retrySelectedGroups();
    QString countText() const;

protected:
    void load() override;

private:
    void onResolveTriggered();
    void showFilter(Filter filter); // the table's model and the action's words follow it

    IncidentsModel *m_model;
    IncidentGroupsModel *m_groups;
    QComboBox *m_filter;
    QLabel *m_count;
    QAction *m_resolve;
    AskRetries m_ask;
};
