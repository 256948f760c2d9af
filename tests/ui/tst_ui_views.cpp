// The operator views show what the store holds, with the API's numbers for the same store
// (dashboard = GET /jobs/stats, job types = GET /job-types, incidents, workers, API keys), and
// their actions change the store as the API's routes would: pause refuses activations, resolve
// puts the job back to CREATED, a revoked key gets 401. Read-only mode disables and refuses.
#include "IncidentsKit.h"
#include "UiTestKit.h"
#include "backend/EmbeddedBackend.h"
#include "core/Clock.h"
#include "models/BackgroundReader.h"
#include "models/JobStateStyle.h"
#include "models/OperatorModels.h"
#include "models/OperatorReader.h"
#include "models/ReadOnlyMode.h"
#include "views/ApiKeysView.h"
#include "views/DashboardView.h"
#include "views/IncidentsView.h"
#include "views/JobTypesView.h"
#include "views/ThroughputChart.h"
#include "views/WorkersView.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

class tst_ui_views : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dashboardMatchesStats();
    void jobTypesMatchApi();
    void pauseRefusesActivationResumeHandsOut();
    void incidentsMatchApiAndResolve();
    void workersMatchApiWithLongPoll();
    void createdKeyWorksRevokedKeyIs401();
    void readOnlyDisablesAndRefuses();
    void keyedModelKeepsSelection();
    void readsOnBigStore();
    void cleanupTestCase();

private:
    void selectKeys(QTableView *table, int role, const QStringList &keys);
    QString completeOne(const QString &type, const QString &worker);

    std::unique_ptr<UiTestKit> m_kit;
    std::unique_ptr<BackgroundReader> m_reader;
    QString m_failed; // a FAILED job of type "report", with an open incident
};

void tst_ui_views::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_kit = std::make_unique<UiTestKit>();
    m_reader = std::make_unique<BackgroundReader>(
        OperatorReader::factory(m_kit->store(), m_kit->server.server().engine()));
    for (int i = 0; i < 6; ++i)
        QVERIFY(!m_kit->create(QStringLiteral("mail")).isEmpty());
    for (int i = 0; i < 3; ++i)
        QVERIFY(!m_kit->create(QStringLiteral("report")).isEmpty());
    QVERIFY(!m_kit->create(QStringLiteral("resize")).isEmpty());
    for (int i = 0; i < 3; ++i)
        QVERIFY(!completeOne(QStringLiteral("mail"), QStringLiteral("w-mail")).isEmpty());
    m_failed = m_kit->failOne(QStringLiteral("report"), QStringLiteral("disk full"));
    QVERIFY(!m_failed.isEmpty());
    // One more ACTIVE job, held by w-resize.
    QCOMPARE(m_kit->api.activate(QStringLiteral("resize"), QStringLiteral("w-resize"), 1)
                 .value(QStringLiteral("activated_count"))
                 .toInt(),
             1);
}

void tst_ui_views::cleanupTestCase()
{
    m_reader.reset();
    m_kit.reset();
}

QString tst_ui_views::completeOne(const QString &type, const QString &worker)
{
    const QJsonArray jobs =
        m_kit->api.activate(type, worker, 1).value(QStringLiteral("jobs")).toArray();
    if (jobs.isEmpty())
        return {};
    const QString key = jobs.first().toObject().value(QStringLiteral("key")).toString();
    const ApiClient::Response r =
        m_kit->api.put(QStringLiteral("/api/v1/jobs/%1/complete").arg(key), QJsonObject{});
    return r.status == 200 ? key : QString();
}

void tst_ui_views::selectKeys(QTableView *table, int role, const QStringList &keys)
{
    QItemSelectionModel *selection = table->selectionModel();
    selection->clearSelection();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, 0);
        if (keys.contains(index.data(role).toString()))
            selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QCOMPARE(selection->selectedRows().size(), keys.size());
}

void tst_ui_views::dashboardMatchesStats()
{
    DashboardView view(*m_reader);
    QAbstractItemModelTester tester(view.depthModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(view);
    // Every job above finished within the last minutes: a 1 h window holds the same jobs.
    const ApiClient::Response r = m_kit->api.get(QStringLiteral("/api/v1/jobs/stats?period=1h"));
    QCOMPARE(r.status, 200);
    const QJsonObject overview = r.data().value(QStringLiteral("overview")).toObject();
    const QJsonObject byStatus = overview.value(QStringLiteral("by_status")).toObject();
    const DashboardSnapshot &s = view.snapshot();
    for (JobState state : JobStates::all()) {
        const qint64 api = byStatus.value(JobStates::name(state)).toInteger();
        QCOMPARE(s.counts.of(state), api);
        QCOMPARE(view.stateText(state), QLocale().toString(api));
    }
    QCOMPARE(s.counts.of(JobState::Completed), 3);
    QCOMPARE(s.counts.of(JobState::Failed), 1);
    QCOMPARE(s.counts.total, overview.value(QStringLiteral("total_jobs")).toInteger());

    const QJsonObject performance =
        r.data().value(QStringLiteral("performance_metrics")).toObject();
    QCOMPARE(s.window.jobs, performance.value(QStringLiteral("finished_jobs")).toInteger());
    QCOMPARE(s.p95ProcessingMs,
             performance.value(QStringLiteral("p95_processing_time_ms")).toInteger());
    qint64 completedInChart = 0, failedInChart = 0;
    for (const DashboardSnapshot::Minute &m : view.chart()->minutes()) {
        completedInChart += m.completed;
        failedInChart += m.failed;
    }
    QCOMPARE(view.chart()->minutes().size(), DashboardSnapshot::kMinutes);
    QCOMPARE(completedInChart, 3);
    QCOMPARE(failedInChart, 1);
    QCOMPARE(view.chart()->minutes().last().minute, Clock::nowMs() / 60'000);

    const QJsonObject depth = r.data().value(QStringLiteral("queue_depth")).toObject();
    QCOMPARE(view.depthModel()->rowCount(), depth.size());
    for (int row = 0; row < view.depthModel()->rowCount(); ++row) {
        const DashboardSnapshot::Depth &d = view.depthModel()->rowAt(row);
        const QJsonObject api = depth.value(d.type).toObject();
        QCOMPARE(d.waiting, api.value(QStringLiteral("waiting")).toInteger());
        QCOMPARE(d.retrying, api.value(QStringLiteral("retrying")).toInteger());
        QCOMPARE(d.active, api.value(QStringLiteral("active")).toInteger());
        QCOMPARE(d.total(), api.value(QStringLiteral("total")).toInteger());
    }
    QCOMPARE(s.openIncidents, 1);

    // The chart draws (and its scale covers the busiest minute).
    view.resize(900, 700);
    const QImage image = view.chart()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QVERIFY(!image.isNull());
    // Bars in the COMPLETED colour; the FAILED colour only for the thin rate line and legend.
    const QRgb completed = JobStateStyle::color(JobState::Completed, view.chart()->palette()).rgb();
    const QRgb failed = JobStateStyle::color(JobState::Failed, view.chart()->palette()).rgb();
    qint64 completedPixels = 0, failedPixels = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb px = image.pixel(x, y);
            completedPixels += px == completed;
            failedPixels += px == failed;
        }
    QVERIFY2(completedPixels > 50, qPrintable(QString::number(completedPixels)));
    QVERIFY2(failedPixels < image.width() * image.height() / 50,
             qPrintable(QString::number(failedPixels)));
    QVERIFY(view.chart()->scaleMax() >= 3);
    QCOMPARE(view.chart()->scaleMax() % 4, 0); // whole numbers on the four grid lines
}

void tst_ui_views::jobTypesMatchApi()
{
    ReadOnlyMode mode;
    EmbeddedBackend backend(m_kit->server.server().engine(), m_kit->store());
    JobTypesView view(*m_reader, &backend, &mode);
    QAbstractItemModelTester tester(view.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(view);
    const QJsonArray types = m_kit->api.get(QStringLiteral("/api/v1/job-types"))
                                 .data()
                                 .value(QStringLiteral("job_types"))
                                 .toArray();
    QCOMPARE(view.model()->rowCount(), types.size());
    for (const QJsonValue &value : types) {
        const QJsonObject api = value.toObject();
        const int row = view.model()->rowOfKey(api.value(QStringLiteral("type")).toString());
        QVERIFY(row >= 0);
        const JobTypeSnapshot &t = view.model()->rowAt(row);
        const QJsonObject depth = api.value(QStringLiteral("depth")).toObject();
        for (JobState state : JobStates::all()) {
            QCOMPARE(t.depth[int(state)], depth.value(JobStates::name(state)).toInteger());
            QCOMPARE(view.model()
                         ->index(row, JobTypesModel::FirstState + int(state))
                         .data()
                         .toLongLong(),
                     t.depth[int(state)]);
        }
        QCOMPARE(t.total, api.value(QStringLiteral("total_jobs")).toInteger());
        QCOMPARE(t.paused, api.value(QStringLiteral("paused")).toBool());
        const QJsonValue oldest = api.value(QStringLiteral("oldest_waiting_at"));
        QCOMPARE(t.oldestWaitingAt ? QJsonValue(Clock::toIso(t.oldestWaitingAt)) : QJsonValue(),
                 oldest);
        QCOMPARE(int(t.workers.size()), api.value(QStringLiteral("active_workers")).toInt());
        QCOMPARE(t.longPolls, api.value(QStringLiteral("long_polls_waiting")).toInt());
    }
    const int mail = view.model()->rowOfKey(QStringLiteral("mail"));
    QCOMPARE(view.model()->index(mail, JobTypesModel::Total).data().toInt(), 6);
    QCOMPARE(view.model()->index(mail, JobTypesModel::Status).data().toString(),
             QStringLiteral("Running"));
}

void tst_ui_views::pauseRefusesActivationResumeHandsOut()
{
    ReadOnlyMode mode;
    EmbeddedBackend backend(m_kit->server.server().engine(), m_kit->store());
    JobTypesView view(*m_reader, &backend, &mode);
    load(view);
    selectKeys(view.table(), JobTypesModel::TypeRole, {QStringLiteral("mail")});
    QVERIFY(view.pauseAction()->isEnabled());
    QString askedFor;
    view.setAskReason([&](const QStringList &types, QString *reason) {
        askedFor = types.join(QLatin1Char(','));
        *reason = QStringLiteral("mail server maintenance");
        return true;
    });
    QSignalSpy done(&view, &JobTypesView::actionFinished);
    view.pauseAction()->trigger();
    QCOMPARE(askedFor, QStringLiteral("mail"));
    QVERIFY(done.wait(10'000));
    QCOMPARE(done.first().first().toBool(), true);

    // As the API sees it: paused, by the console, and nothing is handed out.
    QJsonObject mailType;
    for (const QJsonValue &v : m_kit->api.get(QStringLiteral("/api/v1/job-types"))
                                   .data()
                                   .value(QStringLiteral("job_types"))
                                   .toArray())
        if (v.toObject().value(QStringLiteral("type")).toString() == QLatin1String("mail"))
            mailType = v.toObject();
    QCOMPARE(mailType.value(QStringLiteral("paused")).toBool(), true);
    QCOMPARE(mailType.value(QStringLiteral("paused_by")).toString(), QStringLiteral("console"));
    QCOMPARE(m_kit->api.activate(QStringLiteral("mail"), QStringLiteral("w2"), 5)
                 .value(QStringLiteral("activated_count"))
                 .toInt(),
             0);
    QTRY_VERIFY(view.model()->rowAt(view.model()->rowOfKey(QStringLiteral("mail"))).paused);
    QCOMPARE(view.model()
                 ->index(view.model()->rowOfKey(QStringLiteral("mail")), JobTypesModel::Status)
                 .data()
                 .toString(),
             QStringLiteral("Paused"));

    done.clear();
    selectKeys(view.table(), JobTypesModel::TypeRole, {QStringLiteral("mail")});
    view.resumeAction()->trigger();
    QVERIFY(done.wait(10'000));
    QCOMPARE(done.first().first().toBool(), true);
    const QJsonObject activated =
        m_kit->api.activate(QStringLiteral("mail"), QStringLiteral("w2"), 1);
    QCOMPARE(activated.value(QStringLiteral("activated_count")).toInt(), 1);
    // Back to the queue for the other tests.
    const QString key = activated.value(QStringLiteral("jobs"))
                            .toArray()
                            .first()
                            .toObject()
                            .value(QStringLiteral("key"))
                            .toString();
    QCOMPARE(
        m_kit->api.put(QStringLiteral("/api/v1/jobs/%1/complete").arg(key), QJsonObject{}).status,
        200);
}

void tst_ui_views::incidentsMatchApiAndResolve()
{
    ReadOnlyMode mode;
    EmbeddedBackend backend(m_kit->server.server().engine(), m_kit->store());
    IncidentsView view(*m_reader, &backend, &mode);
    QAbstractItemModelTester tester(view.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(view.filter(), IncidentsView::Filter::Open);
    load(view);
    const QJsonObject open = m_kit->api.get(QStringLiteral("/api/v1/incidents?status=OPEN")).data();
    const QJsonArray incidents = open.value(QStringLiteral("incidents")).toArray();
    QCOMPARE(view.model()->rowCount(), incidents.size());
    QCOMPARE(view.model()->total(), open.value(QStringLiteral("pagination"))
                                        .toObject()
                                        .value(QStringLiteral("total_count"))
                                        .toInteger());
    QCOMPARE(view.model()->rowCount(), 1);
    const QString incidentKey =
        incidents.first().toObject().value(QStringLiteral("incident_id")).toString();
    QVERIFY(!incidentKey.isEmpty());
    QCOMPARE(view.model()->index(0, IncidentsModel::Key).data().toString(), incidentKey);
    QCOMPARE(view.model()->index(0, IncidentsModel::JobKey).data().toString(), m_failed);
    QCOMPARE(view.model()->index(0, IncidentsModel::Error).data().toString(),
             QStringLiteral("disk full"));

    selectKeys(view.table(), IncidentsModel::IncidentKeyRole, {incidentKey});
    bool ok = false;
    QCOMPARE(resolveSelected(view, 2, &ok), 1);
    QVERIFY(ok);
    QSignalSpy done(&view, &IncidentsView::actionFinished);
    const QJsonObject job = m_kit->api.get(QStringLiteral("/api/v1/jobs/") + m_failed).data();
    QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("CREATED"));
    QCOMPARE(job.value(QStringLiteral("retry_configuration"))
                 .toObject()
                 .value(QStringLiteral("retries"))
                 .toInt(),
             2);
    QTRY_COMPARE(view.model()->rowCount(), 0); // no longer open

    view.setFilter(IncidentsView::Filter::Resolved);
    QTRY_COMPARE(view.model()->rowCount(), 1);
    QCOMPARE(view.model()->index(0, IncidentsModel::Status).data().toString(),
             QStringLiteral("RESOLVED"));
    QCOMPARE(m_kit->api.get(QStringLiteral("/api/v1/incidents/") + incidentKey)
                 .data()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("RESOLVED"));
    // Resolving it again is refused with the API's message.
    done.clear();
    view.show();
    view.resolve({incidentKey}, 1);
    QVERIFY(done.wait(10'000));
    QCOMPARE(done.first().first().toBool(), false);
    QVERIFY(view.message().contains(QLatin1String("refused")));
    // The line belongs to that moment: a view left and come back to starts clean.
    view.hide();
    view.show();
    QCOMPARE(view.message(), QString());
}

void tst_ui_views::workersMatchApiWithLongPoll()
{
    // A worker holds a long poll for a type with nothing to do.
    QNetworkAccessManager network;
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/jobs/activate").arg(m_kit->server.port())));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("X-API-Key", TestServer::kAdminKey);
    QNetworkReply *poll = network.post(
        request, QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("idle")},
                                           {QStringLiteral("worker"), QStringLiteral("w-idle")},
                                           {QStringLiteral("max_jobs"), 1},
                                           {QStringLiteral("request_timeout"), 20'000}})
                     .toJson());
    Engine *engine = m_kit->server.server().engine();
    QTRY_COMPARE(engine->heldLongPolls(), 1);

    EmbeddedBackend backend(engine, m_kit->store());
    WorkersView view(*m_reader, &backend);
    QAbstractItemModelTester tester(view.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(view);
    const QJsonArray workers = m_kit->api.get(QStringLiteral("/api/v1/workers"))
                                   .data()
                                   .value(QStringLiteral("workers"))
                                   .toArray();
    QCOMPARE(view.model()->rowCount(), workers.size());
    for (const QJsonValue &value : workers) {
        const QJsonObject api = value.toObject();
        const int row = view.model()->rowOfKey(api.value(QStringLiteral("worker_id")).toString());
        QVERIFY(row >= 0);
        const WorkerSnapshot &w = view.model()->rowAt(row);
        QCOMPARE(w.worker.name, api.value(QStringLiteral("worker_id")).toString());
        QCOMPARE(w.worker.activeJobs, api.value(QStringLiteral("active_jobs")).toInteger());
        QCOMPARE(w.worker.completed, api.value(QStringLiteral("completed")).toInteger());
        QCOMPARE(QJsonValue(Clock::toIso(w.worker.lastSeenAt)),
                 api.value(QStringLiteral("last_seen_at")));
        QCOMPARE(w.longPolling, api.value(QStringLiteral("long_polling")).toInt());
    }
    const int idle = view.model()->rowOfKey(QStringLiteral("w-idle"));
    QVERIFY(idle >= 0);
    QCOMPARE(view.model()->index(idle, WorkersModel::LongPolls).data().toInt(), 1);
    const int resize = view.model()->rowOfKey(QStringLiteral("w-resize"));
    QVERIFY(resize >= 0);
    QCOMPARE(view.model()->index(resize, WorkersModel::ActiveJobs).data().toInt(), 1);

    // A job of the type ends the long poll; the view follows.
    QVERIFY(!m_kit->create(QStringLiteral("idle")).isEmpty());
    QTRY_VERIFY(poll->isFinished());
    poll->deleteLater();
    load(view);
    QCOMPARE(view.model()
                 ->index(view.model()->rowOfKey(QStringLiteral("w-idle")), WorkersModel::LongPolls)
                 .data()
                 .toInt(),
             0);
}

void tst_ui_views::createdKeyWorksRevokedKeyIs401()
{
    ReadOnlyMode mode;
    EmbeddedBackend backend(m_kit->server.server().engine(), m_kit->store());
    ApiKeysView view(*m_reader, &backend, &mode);
    QAbstractItemModelTester tester(view.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(view);
    const QJsonArray listed = m_kit->api.get(QStringLiteral("/api/v1/api-keys"))
                                  .data()
                                  .value(QStringLiteral("api_keys"))
                                  .toArray();
    QCOMPARE(view.model()->rowCount(), listed.size());

    QByteArray clear;
    QString shownFor;
    view.setAskNewKey([](ApiKey *key) {
        *key = ApiKey{QStringLiteral("ci-worker"), {QStringLiteral("job")}, {QStringLiteral("*")}};
        return true;
    });
    view.setShowClearKey([&](const QString &name, const QByteArray &key) {
        shownFor = name;
        clear = key;
    });
    QVERIFY(view.createAction()->isEnabled());
    QSignalSpy done(&view, &ApiKeysView::actionFinished);
    view.createAction()->trigger();
    QVERIFY(done.wait(10'000));
    QCOMPARE(shownFor, QStringLiteral("ci-worker"));
    QVERIFY(clear.startsWith("jdk_"));
    ApiClient client(m_kit->server.port(), clear);
    QCOMPARE(client.get(QStringLiteral("/api/v1/jobs")).status, 200);
    QTRY_VERIFY(view.model()->rowOfKey(QStringLiteral("ci-worker")) >= 0);
    const int row = view.model()->rowOfKey(QStringLiteral("ci-worker"));
    QCOMPARE(view.model()->index(row, ApiKeysModel::Permissions).data().toString(),
             QStringLiteral("job"));

    selectKeys(view.table(), ApiKeysModel::NameRole, {QStringLiteral("ci-worker")});
    QString confirmText;
    bool answer = false;
    view.setConfirm([&](const QString &text) {
        confirmText = text;
        return answer;
    });
    done.clear();
    view.revokeAction()->trigger(); // declined: nothing changes
    QVERIFY(confirmText.contains(QLatin1String("ci-worker")));
    QCOMPARE(done.size(), 0);
    QCOMPARE(client.get(QStringLiteral("/api/v1/jobs")).status, 200);
    answer = true;
    view.revokeAction()->trigger();
    QVERIFY(done.wait(10'000));
    QCOMPARE(done.first().first().toBool(), true);
    const ApiClient::Response refused = client.get(QStringLiteral("/api/v1/jobs"));
    QCOMPARE(refused.status, 401);
    QTRY_COMPARE(view.model()->rowOfKey(QStringLiteral("ci-worker")), -1);

    // The last admin key cannot go: the engine's rule, shown as refused.
    done.clear();
    const QStringList admins = [&] {
        QStringList out;
        for (const QJsonValue &v : m_kit->api.get(QStringLiteral("/api/v1/api-keys"))
                                       .data()
                                       .value(QStringLiteral("api_keys"))
                                       .toArray())
            out.append(v.toObject().value(QStringLiteral("name")).toString());
        return out;
    }();
    QCOMPARE(admins.size(), 1);
    view.revoke(admins);
    QVERIFY(done.wait(10'000));
    QCOMPARE(done.first().first().toBool(), false);
    QCOMPARE(m_kit->api.get(QStringLiteral("/api/v1/jobs")).status, 200);
}

void tst_ui_views::readOnlyDisablesAndRefuses()
{
    ReadOnlyMode mode;
    EmbeddedBackend backend(m_kit->server.server().engine(), m_kit->store());
    JobTypesView types(*m_reader, &backend, &mode);
    ApiKeysView keys(*m_reader, &backend, &mode);
    IncidentsView incidents(*m_reader, &backend, &mode);
    load(types);
    load(keys);
    selectKeys(types.table(), JobTypesModel::TypeRole, {QStringLiteral("report")});
    QVERIFY(types.pauseAction()->isEnabled());
    QVERIFY(keys.createAction()->isEnabled());

    mode.setOn(true);
    QVERIFY(!types.pauseAction()->isEnabled());
    QVERIFY(!types.resumeAction()->isEnabled());
    QVERIFY(!keys.createAction()->isEnabled());
    QVERIFY(!keys.revokeAction()->isEnabled());
    QVERIFY(!incidents.resolveAction()->isEnabled());
    selectKeys(types.table(), JobTypesModel::TypeRole, {QStringLiteral("mail")});
    QVERIFY(!types.pauseAction()->isEnabled()); // a new selection does not enable it

    // Called anyway: refused, nothing reaches the store.
    QSignalSpy done(&types, &JobTypesView::actionFinished);
    types.pause({QStringLiteral("report")}, {});
    QVERIFY(done.wait(10'000));
    QCOMPARE(done.first().first().toBool(), false);
    QVERIFY(types.message().contains(ReadOnlyMode::refusal()));
    for (const QJsonValue &v : m_kit->api.get(QStringLiteral("/api/v1/job-types"))
                                   .data()
                                   .value(QStringLiteral("job_types"))
                                   .toArray())
        QCOMPARE(v.toObject().value(QStringLiteral("paused")).toBool(), false);
    QSignalSpy keyDone(&keys, &ApiKeysView::actionFinished);
    keys.create(ApiKey{QStringLiteral("sneaky"), {QStringLiteral("admin")}, {QStringLiteral("*")}});
    QVERIFY(keyDone.wait(10'000));
    QCOMPARE(keyDone.first().first().toBool(), false);
    load(keys);
    QCOMPARE(keys.model()->rowOfKey(QStringLiteral("sneaky")), -1);

    mode.setOn(false);
    QVERIFY(types.pauseAction()->isEnabled());
    QVERIFY(keys.createAction()->isEnabled());
}

void tst_ui_views::keyedModelKeepsSelection()
{
    ApiKeysModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto rows = [](const QStringList &names) {
        QList<KeyStore::Listed> out;
        for (const QString &n : names)
            out.append(KeyStore::Listed{ApiKey{n, {QStringLiteral("read")}, {}}, 0});
        return out;
    };
    model.setRows(
        rows({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}));
    QPersistentModelIndex c = model.index(2, 0);
    // Removed, moved, inserted at once: the persistent index follows "c".
    model.setRows(
        rows({QStringLiteral("e"), QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("f")}));
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(c.isValid());
    QCOMPARE(c.data().toString(), QStringLiteral("c"));
    QCOMPARE(c.row(), 1);
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, 0).data().toString());
    QCOMPARE(names, (QStringList{QStringLiteral("e"), QStringLiteral("c"), QStringLiteral("a"),
                                 QStringLiteral("f")}));
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!c.isValid());
}

// Prints how long each operator view's read takes on a big store (they run on the reader
// thread, never on the GUI thread): JOBDECK_UI_BENCH_DB=/tmp/big.db tst_ui_views readsOnBigStore
void tst_ui_views::readsOnBigStore()
{
    const QString path = qEnvironmentVariable("JOBDECK_UI_BENCH_DB");
    if (path.isEmpty())
        QSKIP("set JOBDECK_UI_BENCH_DB to a generated store (bench/jobdeck-generate)");
    StoreOptions options;
    options.path = path;
    options.synchronousFull = false;
    OperatorReader reader(options, nullptr);
    const auto time = [](const char *what, auto read) {
        QList<qint64> ms;
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer timer;
            timer.start();
            read();
            ms.append(timer.elapsed());
        }
        std::sort(ms.begin(), ms.end());
        qInfo("%s: median %lld ms, max %lld ms (5 runs)", what, ms.at(2), ms.last());
    };
    qint64 total = 0;
    time("dashboard", [&] { total = reader.dashboard(Clock::nowMs()).counts.total; });
    QVERIFY(total > 0);
    time("job types", [&] { QVERIFY(!reader.jobTypes().isEmpty()); });
    time("incidents (open, 200)", [&] { reader.incidents(QStringLiteral("OPEN"), 200); });
    time("incidents (all, 200)", [&] { reader.incidents({}, 200); });
    time("workers", [&] { reader.workers(); });
    time("api keys", [&] { reader.apiKeys(); });
}

QTEST_MAIN(tst_ui_views)
#include "tst_ui_views.moc"
