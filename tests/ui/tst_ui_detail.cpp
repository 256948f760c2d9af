// The job detail panel shows what GET /api/v1/jobs/:key shows: every history event of a failed
// job with its delta, the variables as a tree; and the main window follows the selection.
#include "MainWindow.h"
#include "UiTestKit.h"
#include "api/JobView.h"
#include "backend/EmbeddedBackend.h"
#include "core/Clock.h"
#include "dialogs/NewJobDialog.h"
#include "models/AttemptsModel.h"
#include "models/HistoryModel.h"
#include "models/JobTableModel.h"
#include "models/JsonTreeModel.h"
#include "models/StoreReader.h"
#include "views/JobDetailPanel.h"
#include "views/JobOverview.h"
#include "views/JobsView.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

namespace {

// Runs `ask` (show a job, reload) and waits until the panel shows its answer: the panel reads on
// a loader thread of its own.
bool shown(JobDetailPanel &panel, const std::function<void()> &ask)
{
    QSignalSpy loaded(&panel, &JobDetailPanel::loaded);
    ask();
    return !loaded.isEmpty() || loaded.wait(10'000);
}

} // namespace

class tst_ui_detail : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void historyOfFailedJob();
    void variablesTree();
    void jsonTreeScalars_data();
    void jsonTreeScalars();
    void missingJob();
    void windowFollowsSelection();
    void attemptsTab();
    void attemptsOfTimedOutJob();
    void inputBesideResult();
    void incidentTab();
    void actionsByState();
    void overviewOfActiveJobWithProgress();
    void followUpLinks();
    void doubleClickOpensWindow();
    void newJobIsCreatedAndShown();
    void cleanupTestCase();

private:
    std::unique_ptr<UiTestKit> m_kit;
    std::unique_ptr<StoreReader> m_reader;
    QString m_failed;
};

void tst_ui_detail::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings of views go to a test location
    m_kit = std::make_unique<UiTestKit>();
    const QJsonObject variables{
        {QStringLiteral("order"),
         QJsonObject{
             {QStringLiteral("id"), 42},
             {QStringLiteral("lines"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}}}},
        {QStringLiteral("paid"), false}};
    m_failed = m_kit->create(QStringLiteral("payment"), variables, 2);
    QVERIFY(!m_failed.isEmpty());
    // Two attempts: a failure that retries at once, then one with no retries left.
    for (int attempt = 1; attempt <= 2; ++attempt) {
        QJsonArray jobs;
        // A long poll: the retry is due at once but promoted by the engine's timer.
        const ApiClient::Response r0 =
            m_kit->api.post(QStringLiteral("/api/v1/jobs/activate"),
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("payment")},
                                        {QStringLiteral("worker"), QStringLiteral("w1")},
                                        {QStringLiteral("max_jobs"), 1},
                                        {QStringLiteral("request_timeout"), 5000}});
        jobs = r0.data().value(QStringLiteral("jobs")).toArray();
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.first().toObject().value(QStringLiteral("key")).toString(), m_failed);
        const ApiClient::Response r =
            m_kit->api.put(QStringLiteral("/api/v1/jobs/%1/fail").arg(m_failed),
                           QJsonObject{{QStringLiteral("retries"), 2 - attempt},
                                       {QStringLiteral("backoff_duration"), QStringLiteral("PT0S")},
                                       {QStringLiteral("error_message"),
                                        QStringLiteral("card declined %1").arg(attempt)}});
        QCOMPARE(r.status, 200);
    }
    m_reader = std::make_unique<StoreReader>(m_kit->store());
}

void tst_ui_detail::cleanupTestCase()
{
    m_reader.reset();
    m_kit.reset();
}

void tst_ui_detail::historyOfFailedJob()
{
    JobDetailPanel panel(StoreReader::factory(m_reader->options()));
    QAbstractItemModelTester tester(panel.historyModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(shown(panel, [&] { panel.showJob(m_failed); }));
    const ApiClient::Response api = m_kit->api.get(QStringLiteral("/api/v1/jobs/") + m_failed);
    QCOMPARE(api.status, 200);
    QCOMPARE(api.data().value(QStringLiteral("status")).toString(), QStringLiteral("FAILED"));
    const QJsonArray history = api.data().value(QStringLiteral("execution_history")).toArray();
    QVERIFY(history.size() >= 5); // created, activated, failed, activated, failed (+ incident)
    HistoryModel *model = panel.historyModel();
    QCOMPARE(model->rowCount(), int(history.size()));
    int errors = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QJsonObject event = history.at(row).toObject();
        QCOMPARE(model->index(row, HistoryModel::Action).data().toString(),
                 event.value(QStringLiteral("action")).toString());
        QCOMPARE(model->index(row, HistoryModel::Worker).data().toString(),
                 event.value(QStringLiteral("worker_id")).toString());
        QCOMPARE(model->index(row, HistoryModel::Delta).data().toString().isEmpty(), row == 0);
        if (model->index(row, HistoryModel::Error)
                .data()
                .toString()
                .startsWith(QLatin1String("card declined")))
            ++errors;
    }
    QCOMPARE(errors, 2);
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("jobHeader"))->text().contains(m_failed));
    // The panel reads what the API renders (only the clock-dependent fields may differ).
    QVERIFY(panel.details());
    const QJsonObject rendered = JobView::details(*panel.details(), Clock::nowMs());
    QCOMPARE(rendered.value(QStringLiteral("execution_history")).toArray(), history);
    QCOMPARE(rendered.value(QStringLiteral("failure_information")),
             api.data().value(QStringLiteral("failure_information")));
    AttemptsModel *attempts = panel.attemptsModel();
    QCOMPARE(attempts->rowCount(), 2);
    QCOMPARE(attempts->index(1, AttemptsModel::Outcome).data().toString(),
             AttemptsModel::outcomeText(AttemptEntry::Outcome::Failed));
}

void tst_ui_detail::variablesTree()
{
    JobDetailPanel panel(StoreReader::factory(m_reader->options()));
    QAbstractItemModelTester tester(panel.variablesModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(shown(panel, [&] { panel.showJob(m_failed); }));
    JsonTreeModel *model = panel.variablesModel();
    QCOMPARE(model->rowCount(), 2);
    const QModelIndex order = model->index(0, JsonTreeModel::Key);
    QCOMPARE(order.data().toString(), QStringLiteral("order"));
    QCOMPARE(model->rowCount(order), 2);
    const QModelIndex id = model->index(0, JsonTreeModel::Value, order);
    QCOMPARE(id.data().toString(), QStringLiteral("42"));
    const QModelIndex lines = model->index(1, JsonTreeModel::Key, order);
    QCOMPARE(model->rowCount(lines), 2);
    QCOMPARE(model->index(1, JsonTreeModel::Value, lines).data().toString(), QStringLiteral("b"));
    QCOMPARE(model->parent(model->index(1, 0, lines)), lines);
    QCOMPARE(model->index(1, JsonTreeModel::Value).data().toString(), QStringLiteral("false"));
}

void tst_ui_detail::jsonTreeScalars_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("type");
    QTest::addRow("number") << QJsonValue(1.5) << QStringLiteral("1.5") << QStringLiteral("number");
    QTest::addRow("null") << QJsonValue(QJsonValue::Null) << QStringLiteral("null")
                          << QStringLiteral("null");
    QTest::addRow("string") << QJsonValue(QStringLiteral("x y")) << QStringLiteral("x y")
                            << QStringLiteral("string");
    QTest::addRow("empty object") << QJsonValue(QJsonObject()) << QStringLiteral("{0 field(s)}")
                                  << QStringLiteral("object");
}

void tst_ui_detail::jsonTreeScalars()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, text);
    QFETCH(QString, type);
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJson(QJsonObject{{QStringLiteral("v"), value}});
    QCOMPARE(model.index(0, JsonTreeModel::Value).data().toString(), text);
    QCOMPARE(model.index(0, JsonTreeModel::Type).data().toString(), type);
}

void tst_ui_detail::missingJob()
{
    JobDetailPanel panel(StoreReader::factory(m_reader->options()));
    QVERIFY(shown(panel, [&] { panel.showJob(QStringLiteral("srv1-job-nothere")); }));
    QVERIFY(!panel.details());
    QCOMPARE(panel.historyModel()->rowCount(), 0);
}

void tst_ui_detail::windowFollowsSelection()
{
    ConsoleContext context;
    context.engine = m_kit->server.server().engine();
    context.store = m_kit->store();
    context.address = QStringLiteral("http://127.0.0.1:%1").arg(m_kit->server.port());
    MainWindow window(context);
    window.show();
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("addressLabel"))
                ->text()
                .contains(context.address));
    JobsView *jobs = window.jobsView();
    QTRY_VERIFY(jobs->model()->rowOfKey(m_failed) >= 0); // read on the loader thread
    const int row = jobs->model()->rowOfKey(m_failed);
    jobs->table()->selectRow(row);
    QCOMPARE(window.detailPanel()->jobKey(), m_failed);
    QTRY_VERIFY(window.detailPanel()->historyModel()->rowCount() >= 5);
}

// The Attempts tab: one row per activation with the API's error, worker and backoff of each
// failed one.
void tst_ui_detail::attemptsTab()
{
    JobDetailPanel panel(StoreReader::factory(m_reader->options()));
    QAbstractItemModelTester tester(panel.attemptsModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(shown(panel, [&] { panel.showJob(m_failed); }));
    const QJsonArray failures = m_kit->api.get(QStringLiteral("/api/v1/jobs/") + m_failed)
                                    .data()
                                    .value(QStringLiteral("failure_information"))
                                    .toObject()
                                    .value(QStringLiteral("failure_history"))
                                    .toArray();
    QCOMPARE(failures.size(), 2);
    AttemptsModel *model = panel.attemptsModel();
    QCOMPARE(model->rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(model->index(row, AttemptsModel::Detail).data().toString(),
                 QStringLiteral("card declined %1").arg(row + 1));
        QCOMPARE(model->index(row, AttemptsModel::Worker).data().toString(), QStringLiteral("w1"));
        QCOMPARE(model->index(row, AttemptsModel::Attempt).data().toInt(),
                 failures.at(row).toObject().value(QStringLiteral("attempt")).toInt());
        QVERIFY(!model->index(row, AttemptsModel::Ended).data().toString().isEmpty());
    }
    QCOMPARE(model->index(0, AttemptsModel::Backoff).data().toString(), QStringLiteral("0 ms"));
    QCOMPARE(model->index(0, AttemptsModel::Outcome).data().toString(),
             AttemptsModel::outcomeText(AttemptEntry::Outcome::Retried));
    QCOMPARE(model->index(1, AttemptsModel::Outcome).data().toString(),
             AttemptsModel::outcomeText(AttemptEntry::Outcome::Failed));
}

// A job that timed out, ran again and was cancelled while running: every attempt is listed,
// the timed-out one with its own run time (the lock), the cancelled one with who and why.
void tst_ui_detail::attemptsOfTimedOutJob()
{
    const QString key = m_kit->create(QStringLiteral("attempts"));
    const auto activate = [this] {
        return m_kit->api
            .post(QStringLiteral("/api/v1/jobs/activate"),
                  QJsonObject{{QStringLiteral("type"), QStringLiteral("attempts")},
                              {QStringLiteral("worker"), QStringLiteral("slow-1")},
                              {QStringLiteral("max_jobs"), 1},
                              {QStringLiteral("timeout"), 1000},
                              {QStringLiteral("request_timeout"), 5000}})
            .data()
            .value(QStringLiteral("jobs"))
            .toArray()
            .size();
    };
    QCOMPARE(activate(), 1);
    QCOMPARE(activate(), 1); // after the 1 s lock passed: the engine's timer gave it back
    QCOMPARE(m_kit->api
                 .post(QStringLiteral("/api/v1/jobs/%1/cancel").arg(key),
                       QJsonObject{{QStringLiteral("reason"), QStringLiteral("stuck")}})
                 .status,
             200);
    JobDetailPanel panel(StoreReader::factory(m_reader->options()));
    QVERIFY(shown(panel, [&] { panel.showJob(key); }));
    AttemptsModel *model = panel.attemptsModel();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, AttemptsModel::Outcome).data().toString(),
             AttemptsModel::outcomeText(AttemptEntry::Outcome::TimedOut));
    const QList<AttemptEntry> attempts = panel.details()->attempts();
    QVERIFY2(attempts.at(0).runMs(0) >= 1000 && attempts.at(0).runMs(0) < 3000,
             qPrintable(QString::number(attempts.at(0).runMs(0))));
    QCOMPARE(model->index(1, AttemptsModel::Outcome).data().toString(),
             AttemptsModel::outcomeText(AttemptEntry::Outcome::Cancelled));
    QVERIFY(
        model->index(1, AttemptsModel::Detail).data().toString().contains(QLatin1String("stuck")));
    QCOMPARE(model->index(1, AttemptsModel::Worker).data().toString(), QStringLiteral("slow-1"));
}

// A completed job's input and result side by side; its input is what it was created with.
void tst_ui_detail::inputBesideResult()
{
    const QJsonObject input{{QStringLiteral("n"), 1},
                            {QStringLiteral("keep"), QStringLiteral("x")}};
    const QJsonObject result{{QStringLiteral("n"), 2}, {QStringLiteral("out"), true}};
    const QString key = m_kit->completeNew(QStringLiteral("sidebyside"), input, result);
    QVERIFY(!key.isEmpty());
    JobDetailPanel panel(StoreReader::factory(m_reader->options()));
    QVERIFY(shown(panel, [&] { panel.showJob(key); }));
    QCOMPARE(panel.details()->inputVariables(), input);
    QCOMPARE(panel.variablesModel()->rowCount(), 2); // n, keep
    QCOMPARE(panel.resultModel()->rowCount(), 2);    // n, out
    QCOMPARE(QJsonDocument::fromJson(panel.variablesJson().toUtf8()).object(), input);
}

// The Incident tab shows the job's incident as GET /api/v1/incidents/:id does; a job without
// one has the tab disabled.
void tst_ui_detail::incidentTab()
{
    JobDetailPanel panel(StoreReader::factory(m_reader->options()));
    QVERIFY(shown(panel, [&] { panel.showJob(m_failed); }));
    QVERIFY(panel.details() && panel.details()->incident);
    const QString id = panel.details()->incident->key;
    QVERIFY(!id.isEmpty());
    const QJsonObject incident = m_kit->api.get(QStringLiteral("/api/v1/incidents/") + id).data();
    QVERIFY(panel.tabs()->isTabEnabled(JobDetailPanel::IncidentTab));
    const auto field = [&panel](const char *name) {
        return panel.findChild<QLabel *>(QLatin1String(name))->text();
    };
    QCOMPARE(field("incidentId"), id);
    QCOMPARE(field("incidentStatus"), incident.value(QStringLiteral("status")).toString());
    QCOMPARE(field("incidentStatus"), QStringLiteral("OPEN"));
    QCOMPARE(field("incidentType"), QStringLiteral("JOB_FAILURE"));
    QCOMPARE(field("incidentError"), incident.value(QStringLiteral("error_message")).toString());

    const QString plain = m_kit->create(QStringLiteral("plain"));
    QVERIFY(shown(panel, [&] { panel.showJob(plain); }));
    QVERIFY(!panel.tabs()->isTabEnabled(JobDetailPanel::IncidentTab));
    QCOMPARE(panel.attemptsModel()->rowCount(), 0);
}

// The header offers what the API accepts in the job's state, and a button asks for the action.
void tst_ui_detail::actionsByState()
{
    using K = JobActions::Kind;
    JobDetailPanel panel(StoreReader::factory(m_reader->options()));
    const auto enabled = [&panel] {
        QList<K> on;
        for (int i = 0; i < JobActions::kKindCount; ++i)
            if (panel.actionButton(K(i))->isEnabled())
                on.append(K(i));
        return on;
    };
    QVERIFY(shown(panel, [&] { panel.showJob(m_failed); })); // FAILED with an open incident
    QCOMPARE(enabled(), (QList<K>{K::Delete, K::Retry, K::Replay}));
    const QString waiting = m_kit->create(QStringLiteral("waiting"));
    QVERIFY(shown(panel, [&] { panel.showJob(waiting); }));
    QCOMPARE(enabled(), (QList<K>{K::Cancel, K::Delete, K::Retry, K::Priority, K::Timeout}));
    QSignalSpy requested(&panel, &JobDetailPanel::actionRequested);
    panel.actionButton(K::Cancel)->click();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).value<K>(), K::Cancel);
    QCOMPARE(requested.first().at(1).toStringList(), QStringList{waiting});
    // What the API says to the same job agrees: cancel it, then the buttons follow.
    QCOMPARE(m_kit->api.post(QStringLiteral("/api/v1/jobs/%1/cancel").arg(waiting), {}).status,
             200);
    QVERIFY(shown(panel, [&] { panel.reload(); }));
    QCOMPARE(enabled(), (QList<K>{K::Delete, K::Replay}));
    QCOMPARE(m_kit->api
                 .patch(QStringLiteral("/api/v1/jobs/") + waiting, {{QStringLiteral("retries"), 2}})
                 .status,
             409); // no Retry for a cancelled job: the API refuses it too
}

// Overview of a running job: deadline countdown, timeout risk, progress with rows and ETA.
void tst_ui_detail::overviewOfActiveJobWithProgress()
{
    const QString key = m_kit->create(QStringLiteral("import"));
    QCOMPARE(m_kit->api.activate(QStringLiteral("import"), QStringLiteral("w5"), 1)
                 .value(QStringLiteral("jobs"))
                 .toArray()
                 .size(),
             1);
    QTest::qWait(20); // some rows per second to estimate from
    QCOMPARE(m_kit->api
                 .put(QStringLiteral("/api/v1/jobs/%1/progress").arg(key),
                      {{QStringLiteral("total"), 1000},
                       {QStringLiteral("processed"), 450},
                       {QStringLiteral("succeeded"), 440},
                       {QStringLiteral("failed"), 10}})
                 .status,
             200);
    JobDetailPanel panel(StoreReader::factory(m_reader->options()));
    QVERIFY(shown(panel, [&] { panel.showJob(key); }));
    auto *bar = panel.findChild<QProgressBar *>(QStringLiteral("progressBar"));
    QVERIFY(bar);
    QCOMPARE(bar->value(), 450); // per mille
    const QString rows = panel.findChild<QLabel *>(QStringLiteral("progressRows"))->text();
    QVERIFY2(rows.startsWith(QLatin1String("450 of 1000 rows (440 succeeded, 10 failed)")),
             qPrintable(rows));
    QVERIFY2(rows.contains(QLatin1String("ETA")), qPrintable(rows));
    QLabel *countdown = panel.findChild<QLabel *>(QStringLiteral("deadlineCountdown"));
    QVERIFY(countdown);
    QVERIFY2(countdown->text().startsWith(QLatin1String("in ")), qPrintable(countdown->text()));
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("timeoutRisk"))->text(),
             QStringLiteral("LOW"));
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("retryConfiguration"))
                ->text()
                .startsWith(QLatin1String("3 left of 3 (0 used)")));
    QCOMPARE(JobOverview::countdownText(65'000), QStringLiteral("in 1 min 5 s"));
    QCOMPARE(JobOverview::countdownText(-12'000), QStringLiteral("passed 12 s ago"));
    // The lock's deadline is shown while it holds; "Running for" moves with the clock, as the
    // countdown does, and a passed estimate says it has passed.
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("deadline")));
    QLabel *running = panel.findChild<QLabel *>(QStringLiteral("runningFor"));
    QVERIFY(running);
    const QString before = running->text();
    QTRY_VERIFY_WITH_TIMEOUT(running->text() != before, 3000);
    QVERIFY(JobOverview::expectedEndText(100'000, 112'000)
                .endsWith(QLatin1String("(passed 12 s ago)")));
}

// A completed job with next_jobs links its follow-up; the link opens it, and it links back.
void tst_ui_detail::followUpLinks()
{
    const QString parent =
        m_kit->completedWithFollowUp(QStringLiteral("chain"), QStringLiteral("chain-next"));
    QVERIFY(!parent.isEmpty());
    JobDetailPanel panel(StoreReader::factory(m_reader->options()));
    QVERIFY(shown(panel, [&] { panel.showJob(parent); }));
    const QStringList followUps = panel.details()->followUps();
    QCOMPARE(followUps.size(), 1);
    const QString child = followUps.first();
    QLabel *links = panel.findChild<QLabel *>(QStringLiteral("followUpLinks"));
    QVERIFY(links);
    QVERIFY(links->text().contains(QStringLiteral("href=\"%1\"").arg(child)));
    // Completed: its old lock's deadline is no longer shown.
    QVERIFY(!panel.findChild<QLabel *>(QStringLiteral("deadline")));
    QVERIFY(shown(panel, [&] { emit links->linkActivated(child); })); // as a click does
    QCOMPARE(panel.jobKey(), child);
    QCOMPARE(panel.details()->job.type, QStringLiteral("chain-next"));
    QLabel *back = panel.findChild<QLabel *>(QStringLiteral("parentLink"));
    QVERIFY(back);
    QVERIFY(back->text().contains(parent));
}

void tst_ui_detail::doubleClickOpensWindow()
{
    EmbeddedBackend backend(m_kit->server.server().engine(), m_reader->options());
    JobsView view(&backend);
    QTRY_VERIFY(view.model()->rowOfKey(m_failed) >= 0);
    const QModelIndex index = view.model()->index(view.model()->rowOfKey(m_failed), 0);
    emit view.table()->doubleClicked(index); // as a double-click on the row does
    JobDetailPanel *window = nullptr;
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *panel = qobject_cast<JobDetailPanel *>(w); panel && panel->isVisible())
            window = panel;
    QVERIFY(window);
    QVERIFY(window->isWindow());
    QCOMPARE(window->jobKey(), m_failed);
    QTRY_VERIFY(window->details()); // read on the window's loader thread
    QCOMPARE(window->historyModel()->rowCount(), int(window->details()->events.size()));
    window->close();
}

// New job…: the dialog refuses what the API would refuse; a created job is the API's and the
// list selects it.
void tst_ui_detail::newJobIsCreatedAndShown()
{
    NewJobDialog dialog({QStringLiteral("payment")});
    dialog.typeField()->setCurrentText(QStringLiteral("bad type!"));
    QVERIFY(dialog.problem().contains(QLatin1String("type")));
    dialog.typeField()->setCurrentText(QStringLiteral("try-worker"));
    dialog.variablesField()->setPlainText(QStringLiteral("[1, 2]"));
    QVERIFY(dialog.problem().contains(QLatin1String("JSON object")));
    dialog.variablesField()->setPlainText(QStringLiteral("{\"order\": 7}"));
    dialog.priorityField()->setValue(9);
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    const CreateSpec spec = dialog.spec();

    EmbeddedBackend backend(m_kit->server.server().engine(), m_reader->options());
    JobsView view(&backend);
    QStringList offered;
    view.controller()->setAskNewJob([&](const QStringList &types) {
        offered = types;
        return std::optional<CreateSpec>(spec);
    });
    view.controller()->newJobAction()->trigger();
    QTRY_VERIFY(view.actionMessage().contains(QLatin1String("New job:")));
    QVERIFY(offered.contains(QStringLiteral("payment")));
    const QString key = view.actionMessage().section(QLatin1String("New job: "), 1).chopped(1);
    const QJsonObject job = m_kit->api.get(QStringLiteral("/api/v1/jobs/") + key).data();
    QCOMPARE(job.value(QStringLiteral("type")).toString(), QStringLiteral("try-worker"));
    QCOMPARE(job.value(QStringLiteral("priority")).toInt(), 9);
    QCOMPARE(
        job.value(QStringLiteral("variables")).toObject().value(QStringLiteral("order")).toInt(),
        7);
    QTRY_COMPARE(view.inspectedKey(), key); // selected once the list has it
}

QTEST_MAIN(tst_ui_detail)
#include "tst_ui_detail.moc"
