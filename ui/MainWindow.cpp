#include "MainWindow.h"

#include "AppIcon.h"
#include "actions/JobActions.h"
#include "actions/StoreUpkeep.h"
#include "backend/EmbeddedBackend.h"
#include "dialogs/SettingsDialog.h"
#include "models/BackgroundReader.h"
#include "models/IncidentWatcher.h"
#include "models/JobTableModel.h"
#include "models/OperatorReader.h"
#include "models/ReadOnlyMode.h"
#include "remote/RemoteBackend.h"
#include "store/Database.h"
#include "store/SqlDialect.h"
#include "views/ApiKeysView.h"
#include "views/BulkOperationsView.h"
#include "views/ConnectionBanner.h"
#include "views/DashboardView.h"
#include "views/IncidentsView.h"
#include "views/JobDetailPanel.h"
#include "views/JobExporter.h"
#include "views/JobTypesView.h"
#include "views/JobsView.h"
#include "views/SchedulesView.h"
#include "views/WorkersView.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QEventLoop>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

MainWindow::MainWindow(const ConsoleContext &context, QWidget *parent)
    : QMainWindow(parent), m_context(context)
{
    m_started.start();
    setWindowTitle(tr("Jobdeck"));
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Jobdeck"), question) == QMessageBox::Yes;
    };
    QSettings settings;
    m_mode = new ReadOnlyMode(m_context.readOnly ||
                                  settings.value(QLatin1String(SettingsDialog::kReadOnly)).toBool(),
                              this);
    m_mode->setReason(m_context.readOnlyReason);
    m_mode->setGrant(m_context.grant);
    if (m_context.remote) {
        m_backend = new RemoteBackend(*m_context.remote, this);
    } else {
        m_backend = new EmbeddedBackend(m_context.engine, m_context.store, this);
    }
    m_background = new BackgroundReader(m_backend->operatorSourceFactory(), this);
    m_upkeep = new StoreUpkeep(this, m_backend, m_context.remote ? StoreOptions{} : m_context.store,
                               *m_background, m_mode);
    m_exporter = new JobExporter(m_backend->sourceFactory(), this);
    buildPages();
    m_jobs->controller()->setGrant(m_context.grant);
    buildMenus();
    buildStatusBar();
    connect(m_mode, &ReadOnlyMode::changed, this, &MainWindow::applyReadOnly);
    applyReadOnly(m_mode->isOn());

    {
        m_watcher = new IncidentWatcher(*m_background, m_backend, this);
        connect(m_watcher, &IncidentWatcher::incidentOpened, this, &MainWindow::onIncidentOpened);
        if (m_backend->changesElsewhere()) // other nodes open incidents too
            m_watcher->pollEvery(IncidentWatcher::kCheckMs);
    }
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(AppIcon::icon(), this);
        m_tray->setToolTip(tr("Jobdeck"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showPage(Incidents);
            showNormal();
            raise();
            activateWindow();
        });
        m_tray->show();
    }

    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // First start: most of the screen, so that the jobs table shows whole keys and times.
        const QSize room = screen() ? screen()->availableGeometry().size() : QSize(1600, 1000);
        resize(qMin(1520, room.width() * 94 / 100), qMin(940, room.height() * 94 / 100));
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray()))
        m_splitter->setSizes({width() * 66 / 100, width() * 34 / 100});
    showPage(Page(qBound(0, settings.value(QStringLiteral("window/page"), int(Jobs)).toInt(),
                         int(PageCount) - 1)));
}

MainWindow::~MainWindow()
{
    // Attached to a server: the views' reader threads must not wait out its timeouts.
    if (auto *remote = qobject_cast<RemoteBackend *>(m_backend))
        remote->close();
    delete m_exporter;   // waits for an export in progress
    delete m_background; // the operator views' reads end before the views go
    m_background = nullptr;
    delete takeCentralWidget(); // the views go before the backend they use
}

void MainWindow::buildPages()
{
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_nav = new QListWidget(central);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_pages = new QStackedWidget(central);

    m_splitter = new QSplitter(Qt::Horizontal, m_pages);
    m_jobs = new JobsView(m_backend, m_splitter);
    m_detail = new JobDetailPanel(m_backend->sourceFactory(), m_splitter);
    m_splitter->addWidget(m_jobs);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    connect(m_jobs, &JobsView::currentJobChanged, m_detail, &JobDetailPanel::showJob);
    connect(m_jobs, &JobsView::jobLeftList, m_detail, &JobDetailPanel::showLeft);
    // A link in the panel selects that job in the list, so the toolbar acts on what it shows.
    m_detail->setLinksOpenHere(false);
    connect(m_detail, &JobDetailPanel::jobLinkActivated, m_jobs, &JobsView::inspect);
    connect(m_jobs, &JobsView::refreshed, m_detail, &JobDetailPanel::reload);
    connect(m_detail, &JobDetailPanel::actionRequested, m_jobs, &JobsView::triggerOn);

    QList<std::pair<QWidget *, QString>> pages = {{m_splitter, tr("Jobs")}};
    buildOperatorPages(pages);
    for (const auto &[widget, title] : pages) {
        m_pages->addWidget(widget);
        m_nav->addItem(title);
    }
    // Attached to a server, the views that read its store are not there (yet): their rows are
    // hidden, and their places kept so that the pages keep their numbers.
    for (int page = int(pages.size()); page < PageCount; ++page) {
        m_pages->addWidget(new QWidget(m_pages));
        m_nav->addItem(QString());
        m_nav->item(page)->setHidden(true);
    }
    // Roomy rows, as wide as the longest title.
    const int rowHeight = m_nav->fontMetrics().height() * 2;
    for (int i = 0; i < m_nav->count(); ++i)
        m_nav->item(i)->setSizeHint(QSize(0, rowHeight));
    int widest = 0;
    for (int i = 0; i < m_nav->count(); ++i)
        widest = qMax(widest, m_nav->fontMetrics().horizontalAdvance(m_nav->item(i)->text()));
    m_nav->setFixedWidth(widest + 3 * m_nav->fontMetrics().height());
    connect(m_nav, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    layout->addWidget(m_nav);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    auto *column = new QVBoxLayout;
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    if (auto *remote = qobject_cast<RemoteBackend *>(m_backend)) {
        auto *banner = new ConnectionBanner(
            m_context.remote->url.toDisplayString(QUrl::RemoveUserInfo), central);
        connect(remote, &RemoteBackend::connectionChanged, banner,
                &ConnectionBanner::onConnectionChanged);
        connect(remote, &RemoteBackend::keyRefused, banner, &ConnectionBanner::onKeyRefused);
        connect(remote, &RemoteBackend::keyRefused, this, [this](const QString &problem) {
            m_mode->setReason(problem);
            m_mode->setOn(true); // actions could only be refused
            m_readOnlyAction->setEnabled(false);
        });
        column->addWidget(banner);
    }
    column->addWidget(m_pages, 1);
    layout->addLayout(column, 1);
    setCentralWidget(central);

    // Ctrl+C in the jobs table copies the selected keys.
    auto *copy = new QAction(tr("Copy job keys"), m_jobs->table());
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &MainWindow::copySelectedKeys);
    m_jobs->table()->addAction(copy);
}

void MainWindow::buildOperatorPages(QList<std::pair<QWidget *, QString>> &pages)
{
    m_dashboard = new DashboardView(*m_background, m_pages);
    connect(m_dashboard, &DashboardView::retentionRequested, m_upkeep, &StoreUpkeep::editRetention);
    // Every view leads to the jobs it counts or lists.
    const auto showJobs = [this](const JobsLink &link) {
        m_jobs->showLink(link);
        showPage(Jobs);
    };
    connect(m_dashboard, &DashboardView::jobsRequested, this, showJobs);
    connect(m_dashboard, &DashboardView::incidentsRequested, this, [this] {
        m_incidents->setFilter(IncidentsView::Filter::Open);
        showPage(Incidents);
    });
    connect(m_upkeep, &StoreUpkeep::retentionSaved, m_dashboard, &DashboardView::refresh);
    m_types = new JobTypesView(*m_background, m_backend, m_mode, m_pages);
    m_incidents = new IncidentsView(*m_background, m_backend, m_mode, m_pages);
    m_workers = new WorkersView(*m_background, m_backend, m_pages);
    m_schedules = new SchedulesView(*m_background, m_backend, m_mode, m_pages);
    m_bulkOperations = new BulkOperationsView(*m_background, m_backend, m_mode, m_pages);
    m_keys = new ApiKeysView(*m_background, m_backend, m_mode, m_pages);
    for (OperatorTableView *view :
         {static_cast<OperatorTableView *>(m_types), static_cast<OperatorTableView *>(m_incidents),
          static_cast<OperatorTableView *>(m_workers),
          static_cast<OperatorTableView *>(m_schedules)})
        connect(view, &OperatorTableView::jobsRequested, this, showJobs);
    pages += {
        {m_dashboard, tr("Dashboard")}, {m_types, tr("Job types")},
        {m_incidents, tr("Incidents")}, {m_workers, tr("Workers")},
        {m_schedules, tr("Schedules")}, {m_bulkOperations, tr("Bulk operations")},
        {m_keys, tr("API keys")},
    };
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_jobs->controller()->newJobAction());
    file->addSeparator();
    QAction *openStore = file->addAction(tr("&Open store…"));
    openStore->setObjectName(QStringLiteral("openStore"));
    openStore->setShortcut(QKeySequence::Open);
    connect(openStore, &QAction::triggered, this, &MainWindow::openStoreRequested);
    QAction *connectServer = file->addAction(tr("&Connect to server…"));
    connectServer->setObjectName(QStringLiteral("connectServer"));
    connect(connectServer, &QAction::triggered, this, &MainWindow::connectToServerRequested);
    file->addSeparator();
    buildStoreMenu(file);
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int page = 0; page < PageCount; ++page) {
        if (m_nav->item(page)->isHidden())
            continue;
        QAction *action = view->addAction(m_nav->item(page)->text());
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + page)));
        connect(action, &QAction::triggered, this, [this, page] { showPage(Page(page)); });
    }

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    m_readOnlyAction = settings->addAction(tr("&Read-only mode"));
    m_readOnlyAction->setObjectName(QStringLiteral("readOnlyAction"));
    m_readOnlyAction->setCheckable(true);
    m_readOnlyAction->setChecked(m_mode->isOn());
    // Started with --read-only: it stays read-only.
    m_readOnlyAction->setEnabled(!m_context.readOnly);
    connect(m_readOnlyAction, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QLatin1String(SettingsDialog::kReadOnly), on);
        m_mode->setOn(on);
    });
    settings->addAction(m_upkeep->retentionAction());
    settings->addSeparator();
    QAction *preferences = settings->addAction(tr("&Settings…"));
    preferences->setShortcut(QKeySequence::Preferences);
    connect(preferences, &QAction::triggered, this, &MainWindow::openSettings);
}

// Export (both modes) and backup (the embedded console's store; a server backs itself up).
void MainWindow::buildStoreMenu(QMenu *file)
{
    QAction *exportSelected = file->addAction(tr("Export &selected jobs…"));
    exportSelected->setObjectName(QStringLiteral("exportSelected"));
    connect(exportSelected, &QAction::triggered, this, [this] { exportJobs(true); });
    QAction *exportFiltered = file->addAction(tr("Export &filtered jobs…"));
    exportFiltered->setObjectName(QStringLiteral("exportFiltered"));
    connect(exportFiltered, &QAction::triggered, this, [this] { exportJobs(false); });
    file->addSeparator();
    file->addAction(m_upkeep->backupAction());
    file->addSeparator();
    const auto updateExport = [this, exportSelected] {
        exportSelected->setEnabled(!m_jobs->selectedKeys().isEmpty());
    };
    connect(m_jobs->table()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            updateExport);
    updateExport();
}

void MainWindow::buildStatusBar()
{
    const auto tell = [this](const QString &text) { statusBar()->showMessage(text, 15'000); };
    connect(m_upkeep, &StoreUpkeep::message, this, tell);
    connect(m_exporter, &JobExporter::message, this, tell);
    m_address = new QLabel(this);
    m_address->setObjectName(QStringLiteral("addressLabel"));
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_address->setText(
        m_context.remote
            ? tr("Server: %1").arg(m_context.remote->url.toDisplayString(QUrl::RemoveUserInfo))
            : tr("API: %1").arg(m_context.address));
    m_serverToggle = new QToolButton(this);
    m_serverToggle->setObjectName(QStringLiteral("serverToggle"));
    m_serverToggle->setCheckable(true);
    m_serverToggle->setChecked(true);
    m_serverToggle->setText(tr("Stop API"));
    m_serverToggle->setToolTip(
        tr("Stop or start the HTTP server; the engine keeps running for the console"));
    m_serverToggle->setVisible(bool(m_context.setListening));
    connect(m_serverToggle, &QToolButton::clicked, this, &MainWindow::setListening);
    auto *store = new QLabel(m_context.remote
                                 ? m_context.serverDescription
                                 : tr("Store: %1").arg(Database::displayName(m_context.store.path)),
                             this);
    store->setObjectName(QStringLiteral("storeLabel"));
    store->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readOnlyLabel = new QLabel(tr("Read-only"), this);
    m_readOnlyLabel->setObjectName(QStringLiteral("readOnlyLabel"));
    m_uptime = new QLabel(this);
    m_uptime->setObjectName(QStringLiteral("uptimeLabel"));
    statusBar()->addWidget(m_address);
    statusBar()->addWidget(m_serverToggle);
    statusBar()->addWidget(store, 1);
    statusBar()->addPermanentWidget(m_readOnlyLabel);
    statusBar()->addPermanentWidget(m_uptime);
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &MainWindow::updateUptime);
    timer->start(1000);
    updateUptime();
}

void MainWindow::setListening(bool listen)
{
    if (!m_context.setListening)
        return;
    // One click would refuse every worker: ask first.
    if (!listen && !m_confirm(tr("Stop the API? Workers and API clients get \"connection "
                                 "refused\" until it is started again; held long polls are "
                                 "answered with no jobs. The console keeps working."))) {
        m_serverToggle->setChecked(true);
        return;
    }
    const bool listening = m_context.setListening(listen);
    m_serverToggle->setChecked(listening);
    m_serverToggle->setText(listening ? tr("Stop API") : tr("Start API"));
    m_address->setText(listening ? tr("API: %1").arg(m_context.address)
                                 : tr("API stopped (%1)").arg(m_context.address));
    if (listen && !listening)
        statusBar()->showMessage(tr("The API cannot listen on %1 again").arg(m_context.address),
                                 10'000);
}

void MainWindow::applyReadOnly(bool on)
{
    m_readOnlyLabel->setVisible(on);
    m_readOnlyLabel->setToolTip(m_mode->reason());
    m_jobs->controller()->setReadOnlyReason(m_mode->reason());
    if (m_readOnlyAction->isChecked() != on) {
        const QSignalBlocker blocker(m_readOnlyAction);
        m_readOnlyAction->setChecked(on);
    }
    // The jobs view's actions (toolbar, menus, detail windows) and the side panel's buttons are
    // disabled and refuse.
    m_jobs->setReadOnly(on);
    m_detail->setReadOnly(on);
    // Watching production must not stop it.
    m_serverToggle->setEnabled(!on);
    m_serverToggle->setToolTip(
        on ? tr("Read-only mode: the API cannot be stopped or started")
           : tr("Stop or start the HTTP server; the engine keeps running for the console"));
}

void MainWindow::onIncidentOpened(const IncidentRecord &incident)
{
    if (!QSettings().value(QLatin1String(SettingsDialog::kNotifyIncidents), true).toBool())
        return;
    m_lastNotice = tr("Incident %1: job %2 (%3) failed: %4")
                       .arg(incident.key, incident.jobKey, incident.jobType, incident.errorMessage);
    if (m_tray)
        m_tray->showMessage(tr("New incident"), m_lastNotice, QSystemTrayIcon::Warning);
}

void MainWindow::copySelectedKeys()
{
    const QStringList keys = m_jobs->selectedKeys();
    if (!keys.isEmpty())
        QGuiApplication::clipboard()->setText(keys.join(QLatin1Char('\n')));
}

void MainWindow::exportJobs(bool selectedOnly)
{
    if (m_exporter->isBusy())
        return;
    const QString path = JobExporter::askPath(this, selectedOnly ? tr("Export selected jobs")
                                                                 : tr("Export filtered jobs"));
    if (path.isEmpty())
        return;
    const bool started = selectedOnly ? m_exporter->exportKeys(m_jobs->selectedKeys(), path)
                                      : m_exporter->exportQuery(m_jobs->model()->query(), path);
    if (!started)
        QMessageBox::warning(this, tr("Export"),
                             tr("Nothing to export: the filter is not valid or nothing is "
                                "selected."));
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(this, m_context.readOnly);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!m_context.readOnly)
        m_mode->setOn(QSettings().value(QLatin1String(SettingsDialog::kReadOnly)).toBool());
}

void MainWindow::showPage(Page page)
{
    m_nav->setCurrentRow(int(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::updateUptime()
{
    const qint64 s = m_started.elapsed() / 1000;
    m_uptime->setText(tr("Up %1:%2:%3")
                          .arg(s / 3600)
                          .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                          .arg(s % 60, 2, 10, QLatin1Char('0')));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
    // Quit means quit: a job window left open would keep the process (and its API) running
    // with no main window, and its buttons would still act.
    if (event->isAccepted())
        m_jobs->closeDetailWindows();
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/page"), int(currentPage()));
}

bool MainWindow::saveScreenshots(const QString &dir)
{
    static const char *const kNames[] = {"jobs",    "dashboard", "job-types",       "incidents",
                                         "workers", "schedules", "bulk-operations", "api-keys"};
    static_assert(std::size(kNames) == PageCount);
    // Waits (at most 5 s) for the page's data to arrive, then lets it paint.
    const auto settle = [](auto *sender, auto signal) {
        QEventLoop loop;
        if (sender)
            QObject::connect(sender, signal, &loop, &QEventLoop::quit);
        QTimer::singleShot(sender ? 5000 : 500, &loop, &QEventLoop::quit);
        loop.exec();
        QEventLoop pause; // let layouts and the chart paint once more
        QTimer::singleShot(300, &pause, &QEventLoop::quit);
        pause.exec();
    };
    QDir().mkpath(dir);
    bool ok = true;
    for (int page = 0; page < PageCount; ++page) {
        if (m_nav->item(page)->isHidden())
            continue;
        showPage(Page(page));
        switch (Page(page)) {
        case Jobs: {
            // The rows arrive from the loader thread; then show a failed job's detail.
            if (m_jobs->model()->rowCount() == 0)
                settle(m_jobs, &JobsView::refreshed);
            int row = 0;
            for (int r = m_jobs->model()->rowCount() - 1; r >= 0; --r) {
                const int state =
                    m_jobs->model()->index(r, 0).data(JobTableModel::JobStateRole).toInt();
                if (state == int(JobState::FailedRetryable) || state == int(JobState::Failed))
                    row = r;
            }
            m_jobs->table()->selectRow(row);
            settle(static_cast<QObject *>(nullptr), &QObject::destroyed);
            break;
        }
        case Dashboard:
            settle(m_dashboard, &DashboardView::refreshed);
            break;
        default:
            settle(qobject_cast<OperatorTableView *>(m_pages->currentWidget()),
                   &OperatorTableView::refreshed);
            break;
        }
        const QString path =
            QDir(dir).filePath(QLatin1String(kNames[page]) + QStringLiteral(".png"));
        ok = grab().save(path) && ok;
    }
    return ok;
}
