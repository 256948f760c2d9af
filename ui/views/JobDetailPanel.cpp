#include "JobDetailPanel.h"

#include "ColumnFit.h"
#include "JobOverview.h"
#include "actions/ActionRules.h"
#include "core/Clock.h"
#include "core/JsonText.h"
#include "models/AttemptsModel.h"
#include "models/HistoryModel.h"
#include "models/JobStateStyle.h"
#include "models/JsonTreeModel.h"
#include "models/TimeText.h"

#include <QClipboard>
#include <QDateTime>
#include <QFormLayout>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
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

} // namespace

JobDetailPanel::JobDetailPanel(JobPageLoader::SourceFactory source, QWidget *parent)
    : QWidget(parent), m_loader(new JobPageLoader(std::move(source), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("jobHeader"));
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setTextFormat(Qt::RichText);
    layout->addWidget(m_header);

    // Two rows of three: six buttons in one row made the panel wider than a laptop's third of a
    // screen in longer languages.
    auto *buttons = new QGridLayout;
    constexpr int kPerRow = 3;
    for (int i = 0; i < JobActions::kKindCount; ++i) {
        const auto kind = JobActions::Kind(i);
        auto *button = new QPushButton(JobActions::name(kind) + QStringLiteral("…"), this);
        button->setObjectName(QStringLiteral("detailAction_%1").arg(i));
        button->setEnabled(false);
        connect(button, &QPushButton::clicked, this, [this, kind] {
            if (!m_key.isEmpty())
                emit actionRequested(kind, {m_key});
        });
        buttons->addWidget(button, i / kPerRow, i % kPerRow);
        m_buttons.append(button);
    }
    buttons->setColumnStretch(kPerRow, 1);
    layout->addLayout(buttons);

    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs, 1);

    auto *overviewScroll = new QScrollArea(m_tabs);
    overviewScroll->setWidgetResizable(true);
    m_overview = new JobOverview(overviewScroll);
    overviewScroll->setWidget(m_overview);
    connect(m_overview, &JobOverview::jobLinkActivated, this, [this](const QString &key) {
        if (m_linksOpenHere)
            showJob(key);
        emit jobLinkActivated(key);
    });
    m_tabs->addTab(overviewScroll, tr("Overview"));
    m_tabs->addTab(buildVariablesTab(), tr("Variables"));

    m_attempts = new AttemptsModel(this);
    m_attemptsView = tableView(m_attempts, QStringLiteral("attemptsTable"), m_tabs);
    m_tabs->addTab(m_attemptsView, tr("Attempts"));

    m_history = new HistoryModel(this);
    m_historyView = tableView(m_history, QStringLiteral("historyTable"), m_tabs);
    m_tabs->addTab(m_historyView, tr("History"));
    m_tabs->addTab(buildIncidentTab(), tr("Incident"));

    showJob({});
}

QWidget *JobDetailPanel::buildVariablesTab()
{
    // What the job ran with beside what its worker returned (completion merges the two in the
    // job's variables, which is what the API shows).
    auto *page = new QWidget(m_tabs);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *split = new QSplitter(Qt::Horizontal, page);
    const auto tree = [split](JsonTreeModel *model, const QString &title, const QString &name) {
        auto *pane = new QWidget(split);
        auto *paneLayout = new QVBoxLayout(pane);
        paneLayout->setContentsMargins(0, 0, 0, 0);
        paneLayout->addWidget(new QLabel(title, pane));
        auto *view = new QTreeView(pane);
        view->setObjectName(name);
        view->setModel(model);
        view->setAlternatingRowColors(true);
        view->setUniformRowHeights(true);
        paneLayout->addWidget(view, 1);
        split->addWidget(pane);
        return view;
    };
    m_variables = new JsonTreeModel(this);
    m_variablesView = tree(m_variables, tr("Input"), QStringLiteral("inputVariables"));
    m_result = new JsonTreeModel(this);
    m_resultView = tree(m_result, tr("Result"), QStringLiteral("resultVariables"));
    layout->addWidget(split, 1);
    auto *copy = new QPushButton(tr("Copy input as JSON"), page);
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
    return QString::fromUtf8(QJsonDocument(m_details ? m_details->inputVariables() : QJsonObject())
                                 .toJson(QJsonDocument::Indented));
}

void JobDetailPanel::showJob(const QString &key)
{
    if (key != m_key)
        m_tabs->setEnabled(!key.isEmpty());
    m_key = key;
    m_leftNote.clear();
    m_leftKey.clear();
    reload();
}

void JobDetailPanel::showLeft(const QString &key)
{
    showJob({});
    if (key.isEmpty())
        return;
    // Why it left: one read says whether it still exists and in which state.
    m_leftKey = key;
    m_loader->read<std::optional<JobDetails>>(
        [key](JobSource &source) { return source.details(key); }, this,
        [this, key](std::optional<JobDetails> now) {
            if (!m_key.isEmpty() || m_leftKey != key)
                return; // another job is shown by now
            m_leftNote = now ? tr("Job %1 is no longer in the list (it is %2 now).")
                                   .arg(key, JobStateStyle::text(now->job.state))
                             : tr("Job %1 was deleted.").arg(key);
            fillHeader();
            emit loaded();
        });
}

void JobDetailPanel::reload()
{
    // One job with its history, read on the panel's loader thread (the GUI never waits for a
    // store or a network); only the answer to the last request is shown.
    const quint64 generation = ++m_generation;
    if (m_key.isEmpty())
        return apply(std::nullopt);
    m_loader->read<std::optional<JobDetails>>(
        [key = m_key](JobSource &source) { return source.details(key); }, this,
        [this, generation](std::optional<JobDetails> details) {
            if (generation == m_generation)
                apply(std::move(details));
        });
}

void JobDetailPanel::apply(std::optional<JobDetails> details)
{
    m_details = std::move(details);
    fillHeader();
    // The job's variables are the user's data: they stay JSON.
    m_variables->setJson(m_details ? QJsonValue(m_details->inputVariables()) : QJsonValue());
    m_variablesView->expandToDepth(1);
    const bool hasResult = m_details && !m_details->job.resultVariables.isEmpty();
    m_result->setJson(hasResult ? QJsonValue(JsonText::object(m_details->job.resultVariables))
                                : QJsonValue());
    m_resultView->expandToDepth(1);
    const qint64 now = Clock::nowMs();
    m_attempts->setAttempts(m_details ? m_details->attempts() : QList<AttemptEntry>(), now);
    ColumnFit::toContents(m_attemptsView);
    m_history->setHistory(m_details ? m_details->events : QList<JobEvent>());
    ColumnFit::toContents(m_historyView);
    m_overview->setDetails(m_details, now);
    fillIncident();
    setWindowTitle(m_key.isEmpty() ? tr("Job") : tr("Job %1").arg(m_key));
    emit loaded();
}

void JobDetailPanel::fillHeader()
{
    if (!m_details) {
        m_header->setText(!m_key.isEmpty()       ? tr("Job %1 no longer exists").arg(m_key)
                          : m_leftNote.isEmpty() ? tr("No job selected")
                                                 : m_leftNote);
        for (QPushButton *button : std::as_const(m_buttons))
            button->setEnabled(false);
        return;
    }
    const JobState state = m_details->job.state;
    const QColor color = JobStateStyle::color(state, palette());
    m_header->setText(QStringLiteral("<b>%1</b> &nbsp; %2 &nbsp; <b style=\"color:%3\">%4</b>")
                          .arg(m_key.toHtmlEscaped(), m_details->job.type.toHtmlEscaped(),
                               color.name(), JobStateStyle::text(state).toHtmlEscaped()));
    const bool openIncident =
        m_details->incident && m_details->incident->status == QLatin1String("OPEN");
    for (int i = 0; i < m_buttons.size(); ++i)
        m_buttons.at(i)->setEnabled(!m_readOnly &&
                                    ActionRules::allowed(JobActions::Kind(i), state, openIncident));
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
    const bool shown = m_details && m_details->incident;
    m_tabs->setTabEnabled(IncidentTab, shown);
    if (!shown)
        return;
    const IncidentRecord &incident = *m_details->incident;
    const auto row = [this](const QString &label, const QString &value, const char *name) {
        auto *field = new QLabel(value.isEmpty() ? QStringLiteral("—") : value);
        field->setObjectName(QLatin1String(name));
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        field->setWordWrap(true);
        m_incident->addRow(label, field);
    };
    row(tr("Incident"), incident.key, "incidentId");
    row(tr("Type"), incident.type, "incidentType");
    row(tr("Status"), incident.status, "incidentStatus");
    row(tr("Error"), incident.errorMessage, "incidentError");
    row(tr("Error code"), incident.errorCode, "incidentCode");
    row(tr("Opened"), localTimeText(incident.createdAt), "incidentOpened");
    row(tr("Resolved"), localTimeText(incident.resolvedAt), "incidentResolved");
    row(tr("Resolved by"), incident.resolvedBy, "incidentResolvedBy");
    if (incident.status == QLatin1String("OPEN"))
        row(QString(), tr("Retry gives the job new retries and resolves this incident."),
            "incidentHint");
}
