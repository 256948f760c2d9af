// The console attached to a real headless jobdeck process over its API (issue 18), on SQLite and
// (tst_ui_remote_pg) on PostgreSQL: the jobs view lists, counts and follows the server's jobs,
// the detail panel reads the same typed details as the embedded console, actions and a bulk
// operation over 5,000 jobs run on the server; a read key gives a read-only window, a tenant
// key sees only its tenants; a stopped server shows one banner and the console attaches again
// when it is back; HTTPS with a certificate trusted by its fingerprint.
#include "ApiClient.h"
#include "MainWindow.h"
#include "ServerProcess.h"
#include "TestCertificate.h"
#include "TestStore.h"
#include "actions/BulkOperationWatcher.h"
#include "actions/StoreUpkeep.h"
#include "dialogs/ServerDialog.h"
#include "models/BulkOperationsModel.h"
#include "models/JobTableModel.h"
#include "models/OperatorModels.h"
#include "models/SchedulesModel.h"
#include "models/StoreReader.h"
#include "remote/RecentServers.h"
#include "remote/RemoteBackend.h"
#include "remote/RemoteConsole.h"
#include "remote/RemoteJobSource.h"
#include "remote/TrustedServers.h"
#include "views/ApiKeysView.h"
#include "views/BulkOperationsView.h"
#include "views/DashboardView.h"
#include "views/IncidentsView.h"
#include "views/JobDetailPanel.h"
#include "views/JobExporter.h"
#include "views/JobTypesView.h"
#include "views/JobsView.h"
#include "views/SchedulesView.h"
#include "views/WorkersView.h"

#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QUrl local(quint16 port, const char *scheme = "http")
{
    return QUrl(u"%1://127.0.0.1:%2"_s.arg(QLatin1String(scheme)).arg(port));
}

} // namespace

class tst_ui_remote : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void jobsViewFollowsTheServer();
    void detailsAreTheEmbeddedConsolesOwn();
    void actionsRunOnTheServer();
    void bulkCancelOverFiveThousandJobs();
    void operatorViewsOverTheApi();
    void exportOverTheApi();
    void readKeyGivesReadOnlyWindow();
    void jobKeyOfOneTenant();
    void jobKeyOfEveryTenantPausesTypes();
    void revokedKeyShowsItsState();
    void stoppedServerShowsBannerAndComesBack();
    void httpsWithTrustedFingerprint();
    void serverDialogTestsAndRemembers();

private:
    // Starts a server (on PostgreSQL: a fresh database) with `arguments` added.
    bool startServer(const QStringList &arguments = {});
    std::unique_ptr<MainWindow> attach(const QByteArray &key, const QUrl &url = {});
    QString createJob(const QString &type, const QString &tenant = u"default"_s);
    QByteArray createKey(const QString &name, const QStringList &permissions,
                         const QStringList &tenants);
    QString status(const QString &key);

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<ApiClient> m_api;
    QString m_pgDatabase;
};

void tst_ui_remote::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings of the console: not the user's
    QCoreApplication::setOrganizationName(u"JobdeckTests"_s);
    QCoreApplication::setApplicationName(u"tst_ui_remote"_s);
    QSettings().clear();
}

void tst_ui_remote::init()
{
    QVERIFY2(startServer(), "the jobdeck process did not start");
}

void tst_ui_remote::cleanup()
{
    m_api.reset();
    m_server.reset();
    if (!m_pgDatabase.isEmpty())
        TestStore::dropDatabase(std::exchange(m_pgDatabase, QString()));
}

bool tst_ui_remote::startServer(const QStringList &arguments)
{
    cleanup();
    m_server = std::make_unique<ServerProcess>();
    if (TestStore::usePostgres()) {
        m_pgDatabase = TestStore::createDatabase();
        m_server->setDb(m_pgDatabase);
    }
    m_server->setArguments(arguments);
    if (!m_server->start())
        return false;
    m_api = std::make_unique<ApiClient>(m_server->port(), ServerProcess::kKey);
    return true;
}

std::unique_ptr<MainWindow> tst_ui_remote::attach(const QByteArray &key, const QUrl &url)
{
    RemoteServer server;
    server.url = url.isEmpty() ? local(m_server->port()) : url;
    server.apiKey = key;
    const RemoteConsole::Attached attached = RemoteConsole::attach(server, false);
    if (!attached.server) {
        qWarning() << "not attached:" << attached.problem;
        return nullptr;
    }
    auto window =
        std::make_unique<MainWindow>(RemoteConsole::context(*attached.server, attached.session));
    window->jobsView()->setConfirm(
        [](JobActions::Kind, const QString &, JobActions::Input *) { return true; });
    window->show();
    return window;
}

QString tst_ui_remote::createJob(const QString &type, const QString &tenant)
{
    return m_api->createJob({{u"type"_s, type},
                             {u"tenant_id"_s, tenant},
                             {u"variables"_s, QJsonObject{{u"order"_s, 42}}}});
}

QByteArray tst_ui_remote::createKey(const QString &name, const QStringList &permissions,
                                    const QStringList &tenants)
{
    const ApiClient::Response r = m_api->post(
        u"/api/v1/api-keys"_s, {{u"name"_s, name},
                                {u"permissions"_s, QJsonArray::fromStringList(permissions)},
                                {u"tenants"_s, QJsonArray::fromStringList(tenants)}});
    return r.data().value(u"api_key"_s).toString().toLatin1();
}

QString tst_ui_remote::status(const QString &key)
{
    return m_api->get(u"/api/v1/jobs/"_s + key).data().value(u"status"_s).toString();
}

// The list, its count and the status bar come from the server; a job created by another
// client shows up without a refresh (the changes feed), within 2 s.
void tst_ui_remote::jobsViewFollowsTheServer()
{
    const QString first = createJob(u"mail"_s);
    const QString second = createJob(u"mail"_s);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    std::unique_ptr<MainWindow> window = attach(ServerProcess::kKey);
    QVERIFY(window);
    JobsView *jobs = window->jobsView();
    QTRY_COMPARE(jobs->model()->rowCount(), 2);
    QCOMPARE(jobs->model()->jobAt(0).key, second); // newest first
    auto *count = window->findChild<QLabel *>(u"matchCount"_s);
    QVERIFY(count);
    QTRY_VERIFY2(count->text().contains(u"2"_s), qPrintable(count->text()));
    const QString store = window->findChild<QLabel *>(u"storeLabel"_s)->text();
    QVERIFY2(store.contains(TestStore::usePostgres() ? u"postgres"_s : u"sqlite"_s),
             qPrintable(store));
    QVERIFY(window->findChild<QLabel *>(u"addressLabel"_s)
                ->text()
                .contains(QString::number(m_server->port())));

    QElapsedTimer clock;
    clock.start();
    const QString third = createJob(u"mail"_s);
    QTRY_COMPARE_WITH_TIMEOUT(jobs->model()->rowOfKey(third), 0, 2000);
    qInfo() << "a job created elsewhere was listed after" << clock.elapsed() << "ms";
}

// RemoteJobSource reads a job into the same JobDetails the embedded console reads from the
// store: the history, the attempts, the input variables and the incident are equal.
void tst_ui_remote::detailsAreTheEmbeddedConsolesOwn()
{
    const QString key = createJob(u"payment"_s);
    for (int attempt = 1; attempt <= 2; ++attempt) {
        const QJsonObject activated = m_api->activate(u"payment"_s, u"w1"_s, 1);
        QCOMPARE(activated.value(u"jobs"_s).toArray().size(), 1);
        QCOMPARE(m_api
                     ->put(u"/api/v1/jobs/%1/fail"_s.arg(key),
                           {{u"retries"_s, 2 - attempt},
                            {u"backoff_duration"_s, u"PT0S"_s},
                            {u"error_message"_s, u"card declined %1"_s.arg(attempt)}})
                     .status,
                 200);
        QTest::qWait(50); // the retry is due at once
    }
    QTRY_COMPARE(status(key), u"FAILED"_s);

    RemoteServer server;
    server.url = local(m_server->port());
    server.apiKey = ServerProcess::kKey;
    RemoteJobSource remote(std::make_shared<const RemoteClient>(server));
    StoreOptions options;
    options.path = m_server->dbPath();
    StoreReader store(options);
    const std::optional<JobDetails> viaApi = remote.details(key);
    const std::optional<JobDetails> viaStore = store.details(key);
    QVERIFY(viaApi && viaStore);
    QCOMPARE(viaApi->job.state, viaStore->job.state);
    QCOMPARE(viaApi->job.errorMessage, viaStore->job.errorMessage);
    QCOMPARE(viaApi->job.originalRetries, viaStore->job.originalRetries);
    QCOMPARE(viaApi->events.size(), viaStore->events.size());
    for (int i = 0; i < viaStore->events.size(); ++i) {
        QCOMPARE(viaApi->events.at(i).action, viaStore->events.at(i).action);
        QCOMPARE(viaApi->events.at(i).at, viaStore->events.at(i).at);
        QCOMPARE(viaApi->events.at(i).worker, viaStore->events.at(i).worker);
    }
    QCOMPARE(viaApi->attempts().size(), viaStore->attempts().size());
    QCOMPARE(viaApi->attempts().last().detail, viaStore->attempts().last().detail);
    QCOMPARE(viaApi->inputVariables(), viaStore->inputVariables());
    QVERIFY(viaApi->incident && viaStore->incident);
    QCOMPARE(viaApi->incident->key, viaStore->incident->key);
    QCOMPARE(viaApi->incident->status, u"OPEN"_s);
    QVERIFY(!remote.details(u"srv1-job-nothere"_s));

    // The window's panel shows it.
    std::unique_ptr<MainWindow> window = attach(ServerProcess::kKey);
    QVERIFY(window);
    QSignalSpy loaded(window->detailPanel(), &JobDetailPanel::loaded);
    window->detailPanel()->showJob(key);
    QVERIFY(loaded.wait(10'000));
    QCOMPARE(window->detailPanel()->details()->events.size(), viaStore->events.size());
}

// Cancel on the selected job is the API's cancel; an action the server refuses says why.
void tst_ui_remote::actionsRunOnTheServer()
{
    const QString key = createJob(u"mail"_s);
    std::unique_ptr<MainWindow> window = attach(ServerProcess::kKey);
    QVERIFY(window);
    JobsView *jobs = window->jobsView();
    QTRY_VERIFY(jobs->model()->rowOfKey(key) >= 0);
    jobs->table()->selectRow(jobs->model()->rowOfKey(key));
    QAction *cancel = jobs->action(JobActions::Kind::Cancel);
    QTRY_VERIFY(cancel->isEnabled());
    cancel->trigger();
    QTRY_VERIFY(jobs->actionMessage().contains(u"1 job(s) done"_s));
    QCOMPARE(status(key), u"CANCELLED"_s);
    QTRY_COMPARE(jobs->model()
                     ->data(jobs->model()->index(jobs->model()->rowOfKey(key), 0),
                            JobTableModel::JobStateRole)
                     .toInt(),
                 int(JobState::Cancelled)); // the list follows

    jobs->triggerOn(JobActions::Kind::Retry, {key}); // a cancelled job cannot be retried
    QTRY_VERIFY(jobs->actionMessage().contains(u"1 refused"_s));

    CreateSpec spec; // New job… over the API
    spec.type = u"remote-new"_s;
    spec.variables = QJsonObject{{u"n"_s, 1}};
    spec.priority = 5;
    jobs->controller()->setAskNewJob([&](const QStringList &) { return std::optional(spec); });
    jobs->controller()->newJobAction()->trigger();
    QTRY_VERIFY(jobs->actionMessage().contains(u"New job:"_s));
    const QString created = jobs->actionMessage().section(u"New job: "_s, 1).chopped(1);
    QCOMPARE(m_api->get(u"/api/v1/jobs/"_s + created).data().value(u"priority"_s).toInt(), 5);
    QTRY_COMPARE(jobs->inspectedKey(), created);
}

// "All matching ▸ Cancel" over 5,000 jobs is one bulk operation of the server, its progress
// read from the server until it is done.
void tst_ui_remote::bulkCancelOverFiveThousandJobs()
{
    for (int batch = 0; batch < 5; ++batch) {
        QJsonArray bodies;
        for (int i = 0; i < 1000; ++i)
            bodies.append(QJsonObject{{u"type"_s, u"mass"_s}, {u"variables"_s, QJsonObject{}}});
        QCOMPARE(m_api->post(u"/api/v1/jobs/batch"_s, {{u"jobs"_s, bodies}}, 60'000).status, 201);
    }
    std::unique_ptr<MainWindow> window = attach(ServerProcess::kKey);
    QVERIFY(window);
    JobsView *jobs = window->jobsView();
    JobsLink mass;
    mass.type = u"mass"_s;
    jobs->showLink(mass);
    QTRY_VERIFY(jobs->model()->rowCount() > 0);
    BulkOperationWatcher *operation = jobs->controller()->operation();
    QSignalSpy progress(operation, &BulkOperationWatcher::progress);
    QSignalSpy finished(operation, &BulkOperationWatcher::finished);
    jobs->controller()->triggerOnFilter(JobActions::Kind::Cancel);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120'000);
    QCOMPARE(finished.first().at(1).toInt(), 5000); // succeeded
    QVERIFY(progress.size() >= 2);                  // read while it ran
    const QJsonObject o =
        m_api->get(u"/api/v1/bulk-operations/"_s + operation->operationKey()).data();
    QCOMPARE(o.value(u"status"_s).toString(), u"COMPLETED"_s);
    QCOMPARE(o.value(u"matched"_s).toInt(), 5000);
    QCOMPARE(m_api->get(u"/api/v1/jobs?type=mass&state=cancelled&page_size=1"_s)
                 .data()
                 .value(u"pagination"_s)
                 .toObject()
                 .value(u"total_count"_s)
                 .toInt(),
             5000);
}

// Every operator view shows the server's rows, and their commands are the API's: pause a job
// type, resolve an incident, change the retention.
void tst_ui_remote::operatorViewsOverTheApi()
{
    const QString failed = createJob(u"payment"_s);
    QCOMPARE(m_api->activate(u"payment"_s, u"w-remote"_s, 1).value(u"jobs"_s).toArray().size(), 1);
    QCOMPARE(m_api
                 ->put(u"/api/v1/jobs/%1/fail"_s.arg(failed),
                       {{u"retries"_s, 0}, {u"error_message"_s, u"card declined"_s}})
                 .status,
             200);
    QCOMPARE(
        m_api
            ->post(u"/api/v1/schedules"_s,
                   {{u"name"_s, u"nightly"_s}, {u"type"_s, u"report"_s}, {u"every"_s, u"PT1H"_s}})
            .status,
        201);
    createJob(u"mail"_s);
    QCOMPARE(
        m_api
            ->post(u"/api/v1/bulk-operations"_s,
                   {{u"action"_s, u"cancel"_s}, {u"filter"_s, QJsonObject{{u"type"_s, u"mail"_s}}}})
            .status,
        202);
    std::unique_ptr<MainWindow> window = attach(ServerProcess::kKey);
    QVERIFY(window);

    window->showPage(MainWindow::Dashboard);
    QTRY_COMPARE(window->dashboardView()->findChild<QLabel *>(u"state_FAILED"_s)->text(), u"1"_s);
    QTRY_COMPARE(window->dashboardView()->findChild<QLabel *>(u"openIncidents"_s)->text(), u"1"_s);
    window->showPage(MainWindow::JobTypes);
    QTRY_VERIFY(window->jobTypesView()->model()->rowOfKey(u"payment"_s) >= 0);
    window->showPage(MainWindow::Incidents);
    QTRY_COMPARE(window->incidentsView()->model()->rowCount(), 1);
    window->showPage(MainWindow::Workers);
    QTRY_VERIFY(window->workersView()->model()->rowOfKey(u"w-remote"_s) >= 0);
    window->showPage(MainWindow::Schedules);
    QTRY_VERIFY(window->schedulesView()->model()->rowOfKey(u"nightly"_s) >= 0);
    window->showPage(MainWindow::BulkOperations);
    QTRY_COMPARE(window->bulkOperationsView()->model()->rowCount(), 1);
    window->showPage(MainWindow::ApiKeys);
    QTRY_VERIFY(window->apiKeysView()->model()->rowCount() >= 1);

    QSignalSpy paused(window->jobTypesView(), &OperatorTableView::actionFinished);
    window->jobTypesView()->pause({u"payment"_s}, u"maintenance"_s);
    QTRY_COMPARE(paused.size(), 1);
    QCOMPARE(paused.first().first().toBool(), true);
    const QJsonArray types =
        m_api->get(u"/api/v1/job-types"_s).data().value(u"job_types"_s).toArray();
    bool isPaused = false;
    for (const QJsonValue &t : types)
        if (t.toObject().value(u"type"_s).toString() == u"payment"_s)
            isPaused = t.toObject().value(u"paused"_s).toBool();
    QVERIFY(isPaused);

    const QString incident = m_api->get(u"/api/v1/jobs/"_s + failed)
                                 .data()
                                 .value(u"incident_information"_s)
                                 .toObject()
                                 .value(u"incident_id"_s)
                                 .toString();
    QVERIFY(!incident.isEmpty());
    QSignalSpy resolved(window->incidentsView(), &OperatorTableView::actionFinished);
    window->incidentsView()->resolve({incident}, 2);
    QTRY_COMPARE(resolved.size(), 1);
    QCOMPARE(resolved.first().first().toBool(), true);
    QCOMPARE(m_api->get(u"/api/v1/incidents/"_s + incident).data().value(u"status"_s).toString(),
             u"RESOLVED"_s);

    QSignalSpy saved(window->storeUpkeep(), &StoreUpkeep::retentionSaved);
    RetentionPolicy policy;
    policy.completedMs = 2LL * 24 * 3600 * 1000;
    policy.failedMs.reset(); // kept for ever
    window->storeUpkeep()->saveRetention(policy);
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.first().first().toBool(), true);
    const QJsonObject retention = m_api->get(u"/api/v1/settings/retention"_s).data();
    QCOMPARE(retention.value(u"completed"_s).toString(), u"P2D"_s);
    QVERIFY(retention.value(u"failed"_s).isNull());
}

// File ▸ Export attached to a server: the filtered jobs are the server's own list entries (a
// failed job's with its failure history), and so are a selection's (failed, cancelled, active
// jobs among them).
void tst_ui_remote::exportOverTheApi()
{
    const QStringList keys{createJob(u"report"_s), createJob(u"report"_s), createJob(u"report"_s)};
    createJob(u"mail"_s);
    const QJsonArray activated =
        m_api->activate(u"report"_s, u"w-export"_s, 1).value(u"jobs"_s).toArray();
    QCOMPARE(activated.size(), 1);
    const QString failed = activated.at(0).toObject().value(u"key"_s).toString();
    QCOMPARE(m_api
                 ->put(u"/api/v1/jobs/%1/fail"_s.arg(failed),
                       {{u"retries"_s, 2}, {u"error_message"_s, u"Disk full"_s}})
                 .status,
             200);
    // A selection of every kind: failed for good (an incident), cancelled with a reason, active.
    const QString broken = createJob(u"audit"_s);
    const QString dropped = createJob(u"audit"_s);
    const QString running = createJob(u"audit"_s);
    for (const QJsonValue &job :
         m_api->activate(u"audit"_s, u"w-export"_s, 3).value(u"jobs"_s).toArray()) {
        const QString key = job.toObject().value(u"key"_s).toString();
        if (key == broken)
            QCOMPARE(m_api->put(u"/api/v1/jobs/%1/fail"_s.arg(key),
                                {{u"retries"_s, 0}, {u"error_message"_s, u"Bad ledger"_s}})
                         .status,
                     200);
    }
    QCOMPARE(m_api->post(u"/api/v1/jobs/%1/cancel"_s.arg(dropped), {{u"reason"_s, u"obsolete"_s}})
                 .status,
             200);
    const QJsonArray api =
        m_api->get(u"/api/v1/jobs?type=report&page_size=100"_s).data().value(u"jobs"_s).toArray();
    QCOMPARE(api.size(), 3);
    const QJsonArray audits =
        m_api->get(u"/api/v1/jobs?type=audit&page_size=100"_s).data().value(u"jobs"_s).toArray();
    QCOMPARE(audits.size(), 3);

    std::unique_ptr<MainWindow> window = attach(ServerProcess::kKey);
    QVERIFY(window);
    QVERIFY(window->findChild<QAction *>(u"exportFiltered"_s));
    const QDir dir(QStandardPaths::writableLocation(QStandardPaths::TempLocation));
    const auto exported = [&](const QString &name, auto start) {
        const QString path = dir.filePath(name);
        QFile::remove(path);
        QSignalSpy done(window->exporter(), &JobExporter::finished);
        if (!start(path))
            return QJsonArray();
        if (!done.wait(10'000) || !done.first().at(1).toString().isEmpty()) {
            qWarning() << "export failed:" << done.value(0).value(1).toString();
            return QJsonArray();
        }
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).array()
                                              : QJsonArray();
    };
    const QJsonArray filtered = exported(u"remote-reports.json"_s, [&](const QString &path) {
        return window->exporter()->exportQuery(QUrlQuery(u"type=report"_s), path);
    });
    QCOMPARE(filtered, api); // the same entries, in the same (created_at desc) order
    bool sawFailureHistory = false;
    for (const QJsonValue &entry : filtered)
        sawFailureHistory |= entry.toObject().value(u"failure_history"_s).toArray().size() == 1;
    QVERIFY(sawFailureHistory);

    const QStringList chosen = keys + QStringList{broken, dropped, running};
    const QJsonArray selected = exported(u"remote-selected.json"_s, [&](const QString &path) {
        return window->exporter()->exportKeys(chosen, path);
    });
    QCOMPARE(selected.size(), 6);
    QJsonArray listed = api;
    for (const QJsonValue &v : audits)
        listed.append(v);
    for (const QJsonValue &entry : selected) {
        const QString key = entry.toObject().value(u"job_key"_s).toString();
        const auto same = std::find_if(listed.begin(), listed.end(), [&](const QJsonValue &v) {
            return v.toObject().value(u"job_key"_s).toString() == key;
        });
        QVERIFY2(same != listed.end(), qPrintable(key));
        QCOMPARE(entry.toObject(), same->toObject());
    }
}

// A key with only "read": the window lists the jobs, and every action is off.
void tst_ui_remote::readKeyGivesReadOnlyWindow()
{
    const QString key = createJob(u"mail"_s);
    const QByteArray reader = createKey(u"watcher"_s, {u"read"_s}, {u"*"_s});
    QVERIFY(!reader.isEmpty());
    std::unique_ptr<MainWindow> window = attach(reader);
    QVERIFY(window);
    JobsView *jobs = window->jobsView();
    QTRY_VERIFY(jobs->model()->rowOfKey(key) >= 0);
    jobs->table()->selectRow(jobs->model()->rowOfKey(key));
    QVERIFY(!jobs->action(JobActions::Kind::Cancel)->isEnabled());
    QVERIFY2(jobs->action(JobActions::Kind::Cancel)->toolTip().contains(u"may only read"_s),
             qPrintable(jobs->action(JobActions::Kind::Cancel)->toolTip()));
    QVERIFY(!window->jobTypesView()->pauseAction()->isEnabled());
    QVERIFY(window->jobTypesView()->pauseAction()->toolTip().contains(u"may only read"_s));
    QVERIFY(window->findChild<QLabel *>(u"readOnlyLabel"_s)->isVisible());
    QVERIFY(window->findChild<QLabel *>(u"storeLabel"_s)->text().contains(u"watcher (read)"_s));
}

// A `job` key of one tenant sees that tenant's jobs only, and what the API keeps for admins or
// for keys of every tenant is off, saying why, instead of answered 403 when tried: All
// matching's server-side operations, Resolve, Retention, the API keys and bulk operations lists,
// a job type's Pause and Limits; the dashboard leaves the store's size out.
void tst_ui_remote::jobKeyOfOneTenant()
{
    const QString mine = createJob(u"mail"_s, u"acme"_s);
    const QString theirs = createJob(u"mail"_s, u"globex"_s);
    const QByteArray acme = createKey(u"acme-ops"_s, {u"job"_s}, {u"acme"_s});
    QVERIFY(!acme.isEmpty());
    std::unique_ptr<MainWindow> window = attach(acme);
    QVERIFY(window);
    JobsView *jobs = window->jobsView();
    QTRY_VERIFY(jobs->model()->rowOfKey(mine) >= 0);
    QCOMPARE(jobs->model()->rowCount(), 1);
    QCOMPARE(jobs->model()->rowOfKey(theirs), -1);

    // What a job key may do stays on.
    jobs->table()->selectRow(jobs->model()->rowOfKey(mine));
    QVERIFY(jobs->action(JobActions::Kind::Cancel)->isEnabled());
    QVERIFY(window->jobsView()->controller()->newJobAction()->isEnabled());
    QVERIFY(window->schedulesView()->newAction()->isEnabled());
    const auto matching = [&](JobActions::Kind kind) {
        return window->findChild<QAction *>(u"matching_%1"_s.arg(int(kind)));
    };
    QVERIFY(matching(JobActions::Kind::Priority)->isEnabled()); // job by job, a job key's
    QVERIFY(!matching(JobActions::Kind::Cancel)->isEnabled());  // a bulk operation: admin
    QVERIFY2(matching(JobActions::Kind::Cancel)->toolTip().contains(u"admin key"_s),
             qPrintable(matching(JobActions::Kind::Cancel)->toolTip()));
    QVERIFY(!window->storeUpkeep()->retentionAction()->isEnabled());
    QVERIFY(window->storeUpkeep()->retentionAction()->toolTip().contains(u"acme-ops"_s));

    window->showPage(MainWindow::JobTypes);
    JobTypesView *types = window->jobTypesView();
    QTRY_VERIFY(types->model()->rowOfKey(u"mail"_s) >= 0);
    types->table()->selectRow(types->model()->rowOfKey(u"mail"_s));
    QVERIFY(!types->pauseAction()->isEnabled());
    QVERIFY(!types->limitsAction()->isEnabled());
    QVERIFY2(types->pauseAction()->toolTip().contains(u"every tenant"_s),
             qPrintable(types->pauseAction()->toolTip()));

    window->showPage(MainWindow::Incidents);
    QVERIFY(!window->incidentsView()->resolveAction()->isEnabled());
    QVERIFY(window->incidentsView()->resolveAction()->toolTip().contains(u"admin key"_s));

    // Lists only an admin may read say why they are empty (no 403 shown).
    window->showPage(MainWindow::ApiKeys);
    auto *hint = window->apiKeysView()->findChild<QLabel *>(u"emptyTableHint"_s);
    QTRY_VERIFY(hint && hint->isVisible());
    QVERIFY2(hint->text().contains(u"Only an admin key may see this list"_s),
             qPrintable(hint->text()));
    QVERIFY(window->apiKeysView()->message().isEmpty()); // no 403 shown
    QVERIFY(!window->apiKeysView()->createAction()->isEnabled());
    window->showPage(MainWindow::BulkOperations);
    hint = window->bulkOperationsView()->findChild<QLabel *>(u"emptyTableHint"_s);
    QTRY_VERIFY(hint && hint->isVisible());
    QVERIFY2(hint->text().contains(u"Only an admin key may see this list"_s),
             qPrintable(hint->text()));
    QVERIFY(window->bulkOperationsView()->message().isEmpty());

    window->showPage(MainWindow::Dashboard);
    auto *store = window->dashboardView()->findChild<QLabel *>(u"storeSummary"_s);
    QTRY_VERIFY2(store->text() ==
                     u"Size: shown to keys of every tenant · retention: shown to admin keys"_s,
                 qPrintable(store->text()));
    QVERIFY(!window->dashboardView()->findChild<QPushButton *>(u"retentionButton"_s)->isEnabled());
    QCOMPARE(window->dashboardView()->findChild<QLabel *>(u"totalJobs"_s)->text(), u"1"_s);
}

// A `job` key of every tenant may pause a job type and set its limits.
void tst_ui_remote::jobKeyOfEveryTenantPausesTypes()
{
    createJob(u"mail"_s, u"acme"_s);
    const QByteArray ops = createKey(u"all-ops"_s, {u"job"_s}, {u"*"_s});
    QVERIFY(!ops.isEmpty());
    std::unique_ptr<MainWindow> window = attach(ops);
    QVERIFY(window);
    window->showPage(MainWindow::JobTypes);
    JobTypesView *types = window->jobTypesView();
    QTRY_VERIFY(types->model()->rowOfKey(u"mail"_s) >= 0);
    types->table()->selectRow(types->model()->rowOfKey(u"mail"_s));
    QVERIFY(types->pauseAction()->isEnabled());
    QVERIFY(types->limitsAction()->isEnabled());
    QVERIFY(!window->incidentsView()->resolveAction()->isEnabled()); // still an admin's
}

// The key is revoked while the console is attached: one banner says so (no stream of errors),
// and the window turns read-only.
void tst_ui_remote::revokedKeyShowsItsState()
{
    const QString key = createJob(u"mail"_s);
    const QByteArray ops = createKey(u"ops"_s, {u"admin"_s}, {u"*"_s});
    std::unique_ptr<MainWindow> window = attach(ops);
    QVERIFY(window);
    JobsView *jobs = window->jobsView();
    QTRY_VERIFY(jobs->model()->rowOfKey(key) >= 0);
    auto *banner = window->findChild<QLabel *>(u"connectionBanner"_s);
    QVERIFY(!banner->isVisible());
    QCOMPARE(m_api->del(u"/api/v1/api-keys/ops"_s).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10'000);
    QVERIFY2(banner->text().contains(u"API key"_s), qPrintable(banner->text()));
    QVERIFY(!banner->text().contains(u"Retrying in"_s));
    QVERIFY(window->findChild<QLabel *>(u"readOnlyLabel"_s)->isVisible());
    jobs->table()->selectRow(jobs->model()->rowOfKey(key));
    QVERIFY(!jobs->action(JobActions::Kind::Cancel)->isEnabled());
    QCOMPARE(jobs->model()->rowOfKey(key), 0); // what it last read stays
}

// The server goes away: one banner says so and counts down; the server comes back on the same
// port and store: the banner goes and the list shows what changed meanwhile.
void tst_ui_remote::stoppedServerShowsBannerAndComesBack()
{
    const QString before = createJob(u"mail"_s);
    std::unique_ptr<MainWindow> window = attach(ServerProcess::kKey);
    QVERIFY(window);
    JobsView *jobs = window->jobsView();
    QTRY_VERIFY(jobs->model()->rowOfKey(before) >= 0);
    auto *banner = window->findChild<QLabel *>(u"connectionBanner"_s);
    QVERIFY(banner);
    QVERIFY(!banner->isVisible());

    QVERIFY(m_server->stop());
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15'000);
    QVERIFY2(banner->text().contains(u"Retrying in"_s), qPrintable(banner->text()));
    QCOMPARE(jobs->model()->rowOfKey(before), 0); // what it last read stays

    QVERIFY(m_server->start()); // same port, same store
    m_api = std::make_unique<ApiClient>(m_server->port(), ServerProcess::kKey);
    const QString after = createJob(u"mail"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 40'000);
    QTRY_VERIFY_WITH_TIMEOUT(jobs->model()->rowOfKey(after) >= 0, 10'000);
}

// HTTPS: a self-signed certificate is refused (its fingerprint said) until it is trusted for
// that server; then the console works over TLS.
void tst_ui_remote::httpsWithTrustedFingerprint()
{
    QTemporaryDir dir;
    QVERIFY2(makeTestCertificate(dir.path(), u"server"_s, {u"-newkey"_s, u"rsa:2048"_s}),
             "openssl could not make a certificate");
    QVERIFY(startServer({u"--tls-cert"_s, dir.filePath(u"server.crt"_s), u"--tls-key"_s,
                         dir.filePath(u"server.key"_s)}));
    const QUrl url = local(m_server->port(), "https");
    {
        // The dialog shows the fingerprint and trusts the certificate when asked to.
        ServerDialog dialog;
        dialog.urlField()->setEditText(url.toString());
        dialog.keyField()->setText(QString::fromLatin1(ServerProcess::kKey));
        QSignalSpy tested(&dialog, &ServerDialog::tested);
        dialog.testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 15'000);
        QCOMPARE(tested.first().first().toBool(), false);
        QVERIFY(dialog.resultLabel()->text().contains(u"SHA-256"_s));
        QVERIFY(!dialog.trustButton()->isHidden());
        dialog.trustButton()->click(); // trusts it and tests again
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 2, 15'000);
        QCOMPARE(tested.last().first().toBool(), true);
        QSettings().remove(u"servers"_s); // the rest of this test trusts it its own way
    }
    RemoteServer server;
    server.url = url;
    server.apiKey = ServerProcess::kKey;
    const RemoteConsole::Attached refused = RemoteConsole::attach(server, false);
    QVERIFY(!refused.server);
    QVERIFY2(refused.problem.contains(u"not trusted"_s), qPrintable(refused.problem));
    QVERIFY(!refused.problem.contains(QLatin1String(ServerProcess::kKey)));

    QFile pem(dir.filePath(u"server.crt"_s));
    QVERIFY(pem.open(QIODevice::ReadOnly));
    const QString fingerprint = ApiConnection::fingerprint(QSslCertificate(pem.readAll()));
    QVERIFY(refused.problem.contains(fingerprint));
    TrustedServers::trust(url, fingerprint);

    // Jobs are made over TLS too: the test's own client speaks plain HTTP, so through the
    // console's client.
    RemoteClient client(RemoteServer{url, ServerProcess::kKey, {fingerprint}, 10'000, {}});
    const ApiAnswer created = client.call(
        "POST", u"/api/v1/jobs"_s, {{u"type"_s, u"tls-mail"_s}, {u"variables"_s, QJsonObject{}}});
    QVERIFY2(created.ok(), qPrintable(created.problem));
    const QString key = created.data.value(u"job_key"_s).toString();
    std::unique_ptr<MainWindow> window = attach(ServerProcess::kKey, url);
    QVERIFY(window);
    QTRY_VERIFY(window->jobsView()->model()->rowOfKey(key) >= 0);
}

// File ▸ Connect to server…: Test connection says what the key is and what the server is, or
// why not, never with the key; Connect keeps the server among the recent ones.
void tst_ui_remote::serverDialogTestsAndRemembers()
{
    ServerDialog dialog;
    dialog.urlField()->setEditText(local(m_server->port()).toString());
    dialog.keyField()->setText(u"not-a-key"_s);
    QSignalSpy tested(&dialog, &ServerDialog::tested);
    dialog.testConnection();
    QTRY_COMPARE(tested.size(), 1);
    QCOMPARE(tested.first().first().toBool(), false);
    const QString refused = dialog.resultLabel()->text();
    QVERIFY2(refused.contains(u"refused the API key"_s), qPrintable(refused));
    QVERIFY(!refused.contains(u"not-a-key"_s));

    dialog.keyField()->setText(QString::fromLatin1(ServerProcess::kKey));
    dialog.accept(); // tests, then closes
    QTRY_COMPARE(tested.size(), 2);
    QCOMPARE(tested.last().first().toBool(), true);
    const QString found = dialog.resultLabel()->text();
    QVERIFY2(found.contains(TestStore::usePostgres() ? u"postgres"_s : u"sqlite"_s),
             qPrintable(found));
    QVERIFY(found.contains(u"admin"_s));
    QVERIFY(!found.contains(QLatin1String(ServerProcess::kKey)));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(RecentServers::load().value(0).url, local(m_server->port()));
}

QTEST_MAIN(tst_ui_remote)
#include "tst_ui_remote.moc"
