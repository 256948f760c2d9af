#pragma once

#include "ConsoleContext.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <functional>
#include <memory>

class ApiKeysView;
class SchedulesView;
class BulkOperationsView;
class BackgroundReader;
class ConsoleBackend;
class DashboardView;
class IncidentWatcher;
class IncidentsView;
class JobDetailPanel;
class JobExporter;
class JobTypesView;
class JobsView;
class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QSplitter;
class QStackedWidget;
class QSystemTrayIcon;
class QToolButton;
class ReadOnlyMode;
class StoreUpkeep;
class WorkersView;
struct IncidentRecord;

// The console's main window: a list of views on the left (jobs with their detail panel,
// dashboard, job types, incidents, workers, API keys), menus (export, backup, views, read-only
// mode, retention, settings) and a status bar with the API's address and a start/stop toggle for
// the HTTP server, the store, read-only mode and the uptime. Geometry and the last view are kept in
// QSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Page {
        Jobs,
        Dashboard,
        JobTypes,
        Incidents,
        Workers,
        Schedules,
        BulkOperations,
        ApiKeys,
        PageCount
    };

    explicit MainWindow(const ConsoleContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    JobsView *jobsView() const { return m_jobs; }
    JobDetailPanel *detailPanel() const { return m_detail; }
    DashboardView *dashboardView() const { return m_dashboard; }
    JobTypesView *jobTypesView() const { return m_types; }
    IncidentsView *incidentsView() const { return m_incidents; }
    WorkersView *workersView() const { return m_workers; }
    SchedulesView *schedulesView() const { return m_schedules; }
    BulkOperationsView *bulkOperationsView() const { return m_bulkOperations; }
    ApiKeysView *apiKeysView() const { return m_keys; }
    JobExporter *exporter() const { return m_exporter; }
    IncidentWatcher *incidentWatcher() const { return m_watcher; }
    ReadOnlyMode *readOnlyMode() const { return m_mode; }
    StoreUpkeep *storeUpkeep() const { return m_upkeep; }
    QAction *readOnlyAction() const { return m_readOnlyAction; }
    QToolButton *serverToggle() const { return m_serverToggle; }

    // Asks the user (a yes/no question); tests answer in its place.
    using Confirm = std::function<bool(const QString &question)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    void showPage(Page page);
    Page currentPage() const;
    // The text of the last new-incident notification (also when no tray is available).
    QString lastIncidentNotice() const { return m_lastNotice; }
    // Ctrl+C in the jobs table: the selected job keys, one per line, to the clipboard.
    void copySelectedKeys();
    // Renders every view to DIR/<view>.png (--screenshot); false when a file cannot be written.
    bool saveScreenshots(const QString &dir);
    // Geometry, splitter and the current view to QSettings (on close, and before a switch).
    void saveLayout();

signals:
    // File ▸ Open store…: the console shell shows the connection dialog.
    void openStoreRequested();
    void connectToServerRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildPages();
    void buildOperatorPages(QList<std::pair<QWidget *, QString>> &pages);
    void buildMenus();
    void buildStoreMenu(QMenu *file);
    void buildStatusBar();
    void updateUptime();
    void setListening(bool listen);
    void applyReadOnly(bool on);
    void onIncidentOpened(const IncidentRecord &incident);
    void exportJobs(bool selectedOnly);
    void openSettings();

    ConsoleContext m_context;
    ConsoleBackend *m_backend = nullptr;
    BackgroundReader *m_background = nullptr;
    ReadOnlyMode *m_mode = nullptr;
    StoreUpkeep *m_upkeep = nullptr;
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_pages = nullptr;
    JobsView *m_jobs = nullptr;
    JobDetailPanel *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    DashboardView *m_dashboard = nullptr;
    JobTypesView *m_types = nullptr;
    IncidentsView *m_incidents = nullptr;
    WorkersView *m_workers = nullptr;
    SchedulesView *m_schedules = nullptr;
    BulkOperationsView *m_bulkOperations = nullptr;
    ApiKeysView *m_keys = nullptr;
    JobExporter *m_exporter = nullptr;
    IncidentWatcher *m_watcher = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_readOnlyAction = nullptr;
    QToolButton *m_serverToggle = nullptr;
    QLabel *m_address = nullptr;
    QLabel *m_readOnlyLabel = nullptr;
    QElapsedTimer m_started;
    QLabel *m_uptime = nullptr;
    QString m_lastNotice;
    Confirm m_confirm;
};
