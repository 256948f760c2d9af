// The job detail panel shows what GET /api/v1/jobs/:key shows: every history event of a failed
// job with its delta, the variables as a tree; and the main window follows the selection.
#include "MainWindow.h"
#include "UiTestKit.h"
#include "models/HistoryModel.h"
#include "models/JobTableModel.h"
#include "models/JsonTreeModel.h"
#include "models/StoreReader.h"
#include "views/JobDetailPanel.h"
#include "views/JobsView.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QTableView>
#include <QtTest>

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
    JobDetailPanel panel(*m_reader);
    QAbstractItemModelTester tester(panel.historyModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.showJob(m_failed);
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
    // The panel shows the API's own answer (only the clock-dependent fields may differ).
    QCOMPARE(panel.details().value(QStringLiteral("execution_history")).toArray(), history);
    QCOMPARE(panel.details().value(QStringLiteral("failure_information")),
             api.data().value(QStringLiteral("failure_information")));
}

void tst_ui_detail::variablesTree()
{
    JobDetailPanel panel(*m_reader);
    QAbstractItemModelTester tester(panel.variablesModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.showJob(m_failed);
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
    JobDetailPanel panel(*m_reader);
    panel.showJob(QStringLiteral("srv1-job-nothere"));
    QVERIFY(panel.details().isEmpty());
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
    QVERIFY(window.detailPanel()->historyModel()->rowCount() >= 5);
}

QTEST_MAIN(tst_ui_detail)
#include "tst_ui_detail.moc"
