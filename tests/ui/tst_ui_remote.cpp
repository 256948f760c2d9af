// The console attached to a real headless jobdeck process over its API (issue 18), on SQLite and
// (tst_ui_remote_pg) on PostgreSQL: the jobs view lists, counts and follows the server's jobs,
// the detail panel reads the same typed details as the embedded console, actions and a bulk
// operation over 5,000 jobs run on the server, every operator view is filled; a stopped server
// shows one banner and the console attaches again when it is back; HTTPS with a certificate
// trusted by its fingerprint. Keys and export: tst_ui_remote_access.
#include "RemoteConsoleTest.h"
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

class tst_ui_remote : public RemoteConsoleTest
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
    void stoppedServerShowsBannerAndComesBack();
    void httpsWithTrustedFingerprint();
    void serverDialogTestsAndRemembers();
};

void tst_ui_remote::initTestCase()
{
    useTestSettings(u"tst_ui_remote"_s);
}

void tst_ui_remote::init()
{
    QVERIFY2(startServer(), "the jobdeck process did not start");
}

void tst_ui_remote::cleanup()
{
    stopServer();
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
