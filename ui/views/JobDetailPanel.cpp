#include "JobDetailPanel.h"

#include "JobOverview.h"
#include "actions/ActionRules.h"
#include "core/Clock.h"
#include "models/FailuresModel.h"
#include "models/HistoryModel.h"
#include "models/JobStateStyle.h"
#include "models/JsonTreeModel.h"
#include "models/StoreReader.h"

#include <QClipboard>
#include <QDateTime>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

QTableView *tableView(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(false);
    return view;
}

QString localTime(const QJsonValue &value)
{
    const std::optional<qint64> ms = Clock::parseIso(value.toString());
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
              : QStringLiteral("—");
}

} // namespace

JobDetailPanel::JobDetailPanel(StoreReader &reader, QWidget *parent)
    : QWidget(parent), m_reader(reader)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("jobHeader"));
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setTextFormat(Qt::RichText);
    layout->addWidget(m_header);

    auto *buttons = new QHBoxLayout;
    for (int i = 0; i < JobActions::kKindCount; ++i) {
        const auto kind = JobActions::Kind(i);
        auto *button = new QPushButton(JobActions::name(kind) + QStringLiteral("…"), this);
        button->setObjectName(QStringLiteral("detailAction_%1").arg(i));
        button->setEnabled(false);
        connect(button, &QPushButton::clicked, this, [this, kind] {
            if (!m_key.isEmpty())
                emit actionRequested(kind, {m_key});
        });
        buttons->addWidget(button);
        m_buttons.append(button);
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs, 1);

    auto *overviewScroll = new QScrollArea(m_tabs);
    overviewScroll->setWidgetResizable(true);
    m_overview = new JobOverview(overviewScroll);
    overviewScroll->setWidget(m_overview);
    connect(m_overview, &JobOverview::jobLinkActivated, this, &JobDetailPanel::showJob);
    m_tabs->addTab(overviewScroll, tr("Overview"));
    m_tabs->addTab(buildVariablesTab(), tr("Variables"));

    m_history = new HistoryModel(this);
    m_historyView = tableView(m_history, QStringLiteral("historyTable"), m_tabs);
    m_tabs->addTab(m_historyView, tr("History"));

    m_failures = new FailuresModel(this);
    m_failuresView = tableView(m_failures, QStringLiteral("failuresTable"), m_tabs);
    m_tabs->addTab(m_failuresView, tr("Failures"));
    m_tabs->addTab(buildIncidentTab(), tr("Incident"));

    showJob({});
}

QWidget *JobDetailPanel::buildVariablesTab()
{
    auto *page = new QWidget(m_tabs);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_variables = new JsonTreeModel(this);
    m_variablesView = new QTreeView(page);
    m_variablesView->setModel(m_variables);
    m_variablesView->setAlternatingRowColors(true);
    m_variablesView->setUniformRowHeights(true);
    layout->addWidget(m_variablesView, 1);
    auto *copy = new QPushButton(tr("Copy as JSON"), page);
    copy->setObjectName(QStringLiteral("copyVariables"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(variablesJson()); });
    layout->addWidget(copy, 0, Qt::AlignLeft);
    return page;
}

QWidget *JobDetailPanel::buildIncidentTab()
{
    auto *scroll = new QScrollArea(m_tabs);
    scroll->setWidgetResizable(true);
    auto *page = new QWidget(scroll);
    page->setObjectName(QStringLiteral("incidentPage"));
    m_incident = new QFormLayout(page);
    scroll->setWidget(page);
    return scroll;
}

QString JobDetailPanel::variablesJson() const
{
    return QString::fromUtf8(QJsonDocument(m_details.value(QStringLiteral("variables")).toObject())
                                 .toJson(QJsonDocument::Indented));
}

void JobDetailPanel::showJob(const QString &key)
{
    if (key != m_key)
        m_tabs->setEnabled(!key.isEmpty());
    m_key = key;
    reload();
}

void JobDetailPanel::reload()
{
    // One job with its history: a read of a few ms on the GUI thread's own connection.
    const std::optional<QJsonObject> details =
        m_key.isEmpty() ? std::nullopt : m_reader.details(m_key);
    m_details = details.value_or(QJsonObject());
    fillHeader();
    m_variables->setJson(m_details.value(QStringLiteral("variables")));
    m_variablesView->expandToDepth(1);
    m_history->setHistory(m_details.value(QStringLiteral("execution_history")).toArray());
    m_historyView->resizeColumnsToContents();
    m_failures->setFailures(m_details.value(QStringLiteral("failure_information"))
                                .toObject()
                                .value(QStringLiteral("failure_history"))
                                .toArray());
    m_failuresView->resizeColumnsToContents();
    m_overview->setDetails(m_details, Clock::nowMs());
    fillIncident();
    setWindowTitle(m_key.isEmpty() ? tr("Job") : tr("Job %1").arg(m_key));
}

void JobDetailPanel::fillHeader()
{
    if (m_details.isEmpty()) {
        m_header->setText(m_key.isEmpty() ? tr("No job selected")
                                          : tr("Job %1 no longer exists").arg(m_key));
        for (QPushButton *button : std::as_const(m_buttons))
            button->setEnabled(false);
        return;
    }
    const QString status = m_details.value(QStringLiteral("status")).toString();
    const JobState state = JobStates::fromName(status).value_or(JobState::Created);
    const QColor color = JobStateStyle::color(state, palette());
    m_header->setText(QStringLiteral("<b>%1</b> &nbsp; %2 &nbsp; <b style=\"color:%3\">%4</b>")
                          .arg(m_key.toHtmlEscaped(),
                               m_details.value(QStringLiteral("type")).toString().toHtmlEscaped(),
                               color.name(), JobStateStyle::text(state).toHtmlEscaped()));
    const bool openIncident = m_details.value(QStringLiteral("incident_information"))
                                  .toObject()
                                  .value(QStringLiteral("status"))
                                  .toString() == QLatin1String("OPEN");
    for (int i = 0; i < m_buttons.size(); ++i)
        m_buttons.at(i)->setEnabled(!m_readOnly && ActionRules::allowed(JobActions::Kind(i), state,
                                                                        openIncident));
}

void JobDetailPanel::setReadOnly(bool on)
{
    m_readOnly = on;
    fillHeader();
}

void JobDetailPanel::fillIncident()
{
    while (m_incident->rowCount() > 0)
        m_incident->removeRow(0);
    const QJsonObject incident = m_details.value(QStringLiteral("incident_information")).toObject();
    m_tabs->setTabEnabled(IncidentTab, !incident.isEmpty());
    if (incident.isEmpty())
        return;
    const auto row = [this](const QString &label, const QString &value, const char *name) {
        auto *field = new QLabel(value);
        field->setObjectName(QLatin1String(name));
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        field->setWordWrap(true);
        m_incident->addRow(label, field);
    };
    const auto value = [&incident](const char *field) {
        const QJsonValue v = incident.value(QLatin1String(field));
        return v.isString() ? v.toString() : QStringLiteral("—");
    };
    row(tr("Incident"), value("incident_id"), "incidentId");
    row(tr("Type"), value("type"), "incidentType");
    row(tr("Status"), value("status"), "incidentStatus");
    row(tr("Error"), value("error_message"), "incidentError");
    row(tr("Error code"), value("error_code"), "incidentCode");
    row(tr("Opened"), localTime(incident.value(QStringLiteral("created_at"))), "incidentOpened");
    row(tr("Resolved"), localTime(incident.value(QStringLiteral("resolved_at"))),
        "incidentResolved");
    row(tr("Resolved by"), value("resolved_by"), "incidentResolvedBy");
    if (value("status") == QLatin1String("OPEN"))
        row(QString(), tr("Retry gives the job new retries and resolves this incident."),
            "incidentHint");
}
