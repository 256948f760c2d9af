#include "JobDetailPanel.h"

#include "models/HistoryModel.h"
#include "models/JobStateStyle.h"
#include "models/JsonTreeModel.h"
#include "models/StoreReader.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

QString text(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QStringLiteral("—");
    if (value.isDouble())
        return QString::number(value.toInteger());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
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

    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs, 1);

    auto *overviewScroll = new QScrollArea(m_tabs);
    overviewScroll->setWidgetResizable(true);
    auto *overview = new QWidget(overviewScroll);
    m_overview = new QFormLayout(overview);
    overviewScroll->setWidget(overview);
    m_tabs->addTab(overviewScroll, tr("Overview"));

    m_variables = new JsonTreeModel(this);
    m_variablesView = new QTreeView(m_tabs);
    m_variablesView->setModel(m_variables);
    m_variablesView->setAlternatingRowColors(true);
    m_variablesView->setUniformRowHeights(true);
    m_tabs->addTab(m_variablesView, tr("Variables"));

    m_history = new HistoryModel(this);
    m_historyView = new QTableView(m_tabs);
    m_historyView->setObjectName(QStringLiteral("historyTable"));
    m_historyView->setModel(m_history);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setWordWrap(false);
    m_tabs->addTab(m_historyView, tr("History"));

    showJob({});
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
    const std::optional<QJsonObject> details =
        m_key.isEmpty() ? std::nullopt : m_reader.details(m_key);
    m_details = details.value_or(QJsonObject());
    if (!details) {
        m_header->setText(m_key.isEmpty() ? tr("No job selected")
                                          : tr("Job %1 no longer exists").arg(m_key));
        m_variables->setJson(QJsonObject());
        m_history->setHistory({});
        fillOverview();
        return;
    }
    const QString status = m_details.value(QStringLiteral("status")).toString();
    const QColor color =
        JobStateStyle::color(JobStates::fromName(status).value_or(JobState::Created), palette());
    m_header->setText(QStringLiteral("<b>%1</b> &nbsp; %2 &nbsp; <b style=\"color:%3\">%4</b>")
                          .arg(m_key.toHtmlEscaped(),
                               m_details.value(QStringLiteral("type")).toString().toHtmlEscaped(),
                               color.name(), status));
    m_variables->setJson(m_details.value(QStringLiteral("variables")));
    m_variablesView->expandToDepth(1);
    m_history->setHistory(m_details.value(QStringLiteral("execution_history")).toArray());
    m_historyView->resizeColumnsToContents();
    fillOverview();
}

void JobDetailPanel::addRow(const QString &label, const QString &value)
{
    auto *field = new QLabel(value);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    field->setWordWrap(true);
    m_overview->addRow(label, field);
}

void JobDetailPanel::fillOverview()
{
    while (m_overview->rowCount() > 0)
        m_overview->removeRow(0);
    if (m_details.isEmpty())
        return;
    const QJsonObject &d = m_details;
    addRow(tr("Created"), text(d.value(QStringLiteral("created_at"))));
    addRow(tr("Updated"), text(d.value(QStringLiteral("updated_at"))));
    addRow(tr("Activated"), text(d.value(QStringLiteral("activated_at"))));
    for (const char *field : {"completed_at", "failed_at", "error_thrown_at", "cancelled_at"})
        if (d.contains(QLatin1String(field)))
            addRow(tr("Finished"), text(d.value(QLatin1String(field))));
    addRow(tr("Deadline"), text(d.value(QStringLiteral("deadline"))));
    addRow(tr("Timeout"), tr("%1 ms").arg(text(d.value(QStringLiteral("timeout_ms")))));
    addRow(tr("Priority"), text(d.value(QStringLiteral("priority"))));
    addRow(tr("Tenant"), text(d.value(QStringLiteral("tenant_id"))));
    addRow(tr("Attempt"), text(d.value(QStringLiteral("attempt"))));
    const QJsonObject worker = d.value(QStringLiteral("worker_assignment")).toObject();
    if (!worker.isEmpty())
        addRow(tr("Worker"),
               tr("%1 (%2 active jobs)")
                   .arg(text(worker.value(QStringLiteral("worker_id"))),
                        text(worker.value(QStringLiteral("current_jobs_for_worker")))));
    const QJsonObject retries = d.value(QStringLiteral("retry_configuration")).toObject();
    addRow(tr("Retries left"), tr("%1 of %2 (backoff %3, at most %4 ms)")
                                   .arg(text(retries.value(QStringLiteral("retries"))),
                                        text(retries.value(QStringLiteral("original_retries"))),
                                        text(retries.value(QStringLiteral("retry_backoff"))),
                                        text(retries.value(QStringLiteral("max_retry_delay_ms")))));
    const QJsonObject failure = d.value(QStringLiteral("failure_information")).toObject();
    if (!failure.isEmpty())
        addRow(tr("Error"), text(failure.value(QStringLiteral("error_message"))));
    if (d.contains(QStringLiteral("incident_information")))
        addRow(tr("Incident"), text(d.value(QStringLiteral("incident_information"))
                                        .toObject()
                                        .value(QStringLiteral("incident_id"))));
}
