#pragma once

#include "OperatorTableView.h"

#include <functional>

class IncidentsModel;
class QComboBox;
class QLabel;

// Incidents, newest first, open / resolved / all (GET /api/v1/incidents?status=), with Resolve
// as PUT /incidents/:id/resolve runs it (OperatorCommands::resolveIncident): the job goes back
// to CREATED with the new retries.
class IncidentsView : public OperatorTableView
{
    Q_OBJECT
public:
    enum class Filter { Open, Resolved, All };
    // Asks how many retries the resolved jobs get (1-100); false cancels.
    using AskRetries = std::function<bool(int count, int *retries)>;

    IncidentsView(BackgroundReader &reader, Engine *engine, ReadOnlyMode *mode,
                  QWidget *parent = nullptr);

    IncidentsModel *model() const { return m_model; }
    QAction *resolveAction() const { return m_resolve; }
    void setFilter(Filter filter);
    Filter filter() const;
    void setAskRetries(AskRetries ask) { m_ask = std::move(ask); }
    void resolve(const QStringList &incidentKeys, int retries);
    QString countText() const;

protected:
    void load() override;

private:
    void onResolveTriggered();

    IncidentsModel *m_model;
    QComboBox *m_filter;
    QLabel *m_count;
    QAction *m_resolve;
    AskRetries m_ask;
};
