// What an operator triages with: open incidents grouped by error (and retried a group at a
// time), and each worker's activations that ended with no answer.
#include "IncidentsKit.h"
#include "UiTestKit.h"
#include "backend/EmbeddedBackend.h"
#include "models/BackgroundReader.h"
#include "models/IncidentGroupsModel.h"
#include "models/OperatorModels.h"
#include "models/OperatorReader.h"
#include "models/ReadOnlyMode.h"
#include "views/IncidentsView.h"
#include "views/WorkersView.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QTableView>
#include <QtTest>

class tst_ui_triage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void incidentsGroupedByError();
    void workersShowTimedOutAttempts();
    void cleanupTestCase();

private:
    std::unique_ptr<UiTestKit> m_kit;
    std::unique_ptr<BackgroundReader> m_reader;
};

void tst_ui_triage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_kit = std::make_unique<UiTestKit>();
    m_reader = std::make_unique<BackgroundReader>(
        OperatorReader::factory(m_kit->store(), m_kit->server.server().engine()));
}

void tst_ui_triage::cleanupTestCase()
{
    m_reader.reset();
    m_kit.reset();
}

// Open incidents by error: one row per (type, code, message) with its count, as the API's
// incidents add up; Retry all resolves every incident of the chosen group, and only those.
void tst_ui_triage::incidentsGroupedByError()
{
    QStringList bank;
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!m_kit->create(QStringLiteral("grouped")).isEmpty());
        bank.append(m_kit->failOne(QStringLiteral("grouped"), QStringLiteral("bank timed out")));
    }
    QVERIFY(!m_kit->create(QStringLiteral("grouped")).isEmpty());
    const QString card = m_kit->failOne(QStringLiteral("grouped"), QStringLiteral("card expired"));
    QVERIFY(!bank.contains(QString()) && !card.isEmpty());

    ReadOnlyMode mode;
    EmbeddedBackend backend(m_kit->server.server().engine(), m_kit->store());
    IncidentsView view(*m_reader, &backend, &mode);
    view.setFilter(IncidentsView::Filter::OpenByError);
    QCOMPARE(view.table()->model(), view.groupsModel());
    load(view);
    IncidentGroupsModel *groups = view.groupsModel();
    QAbstractItemModelTester tester(groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto rowOf = [groups](const QString &message) {
        for (int row = 0; row < groups->rowCount(); ++row)
            if (groups->rowAt(row).errorMessage == message)
                return row;
        return -1;
    };
    QVERIFY(rowOf(QStringLiteral("bank timed out")) >= 0 &&
            rowOf(QStringLiteral("card expired")) >= 0);
    QCOMPARE(groups->rowAt(rowOf(QStringLiteral("bank timed out"))).count, 3);
    QCOMPARE(groups->rowAt(rowOf(QStringLiteral("card expired"))).count, 1);
    qint64 open = 0;
    for (const IncidentGroups::Group &g : groups->rows())
        open += g.count;
    QCOMPARE(open, m_kit->api.get(QStringLiteral("/api/v1/incidents?status=OPEN"))
                       .data()
                       .value(QStringLiteral("pagination"))
                       .toObject()
                       .value(QStringLiteral("total_count"))
                       .toInteger());
    const JobsLink link = groups->jobsAt(groups->index(rowOf(QStringLiteral("bank timed out")), 0));
    QCOMPARE(link.type, QStringLiteral("grouped"));
    QCOMPARE(link.search, QStringLiteral("bank timed out"));

    view.table()->selectRow(rowOf(QStringLiteral("bank timed out")));
    bool ok = false;
    QCOMPARE(resolveSelected(view, 1, &ok), 3);
    QVERIFY(ok);
    for (const QString &key : bank)
        QCOMPARE(m_kit->api.get(QStringLiteral("/api/v1/jobs/") + key)
                     .data()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("CREATED"));
    QCOMPARE(m_kit->api.get(QStringLiteral("/api/v1/jobs/") + card)
                 .data()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("FAILED"));
    QTRY_COMPARE(rowOf(QStringLiteral("bank timed out")), -1);
    QVERIFY(rowOf(QStringLiteral("card expired")) >= 0);
}

// A worker whose locks ran out: its activations that ended with no answer are counted (they
// used to show nowhere: 20 activated, 17 completed, 0 failed).
void tst_ui_triage::workersShowTimedOutAttempts()
{
    for (int i = 0; i < 3; ++i)
        QVERIFY(!m_kit->create(QStringLiteral("slowpoke")).isEmpty());
    const auto activate = [this](int timeoutMs) {
        return m_kit->api
            .post(QStringLiteral("/api/v1/jobs/activate"),
                  QJsonObject{{QStringLiteral("type"), QStringLiteral("slowpoke")},
                              {QStringLiteral("worker"), QStringLiteral("w-slow")},
                              {QStringLiteral("max_jobs"), 3},
                              {QStringLiteral("timeout"), timeoutMs},
                              {QStringLiteral("request_timeout"), 5000}})
            .data()
            .value(QStringLiteral("jobs"))
            .toArray();
    };
    QCOMPARE(activate(1000).size(), 3);
    // After the 1 s locks ran out, the engine gave them back: one is completed this time.
    const QJsonArray again = activate(60'000);
    QCOMPARE(again.size(), 3);
    const QString done = again.first().toObject().value(QStringLiteral("key")).toString();
    QCOMPARE(m_kit->api.put(QStringLiteral("/api/v1/jobs/%1/complete").arg(done), {}).status, 200);

    EmbeddedBackend backend(m_kit->server.server().engine(), m_kit->store());
    WorkersView view(*m_reader, &backend);
    load(view);
    const int row = view.model()->rowOfKey(QStringLiteral("w-slow"));
    QVERIFY(row >= 0);
    const auto cell = [&](int column) { return view.model()->index(row, column).data().toInt(); };
    QCOMPARE(cell(WorkersModel::Activated), 6);
    QCOMPARE(cell(WorkersModel::Completed), 1);
    QCOMPARE(cell(WorkersModel::Failed), 0);
    QCOMPARE(cell(WorkersModel::ActiveJobs), 2);
    QCOMPARE(cell(WorkersModel::Unanswered), 3);
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("emptyTableHint"))->isHidden());

    // A store no worker has asked: the view says why it is empty.
    UiTestKit fresh;
    BackgroundReader reader(OperatorReader::factory(fresh.store(), fresh.server.server().engine()));
    EmbeddedBackend freshBackend(fresh.server.server().engine(), fresh.store());
    WorkersView empty(reader, &freshBackend);
    load(empty);
    QCOMPARE(empty.model()->rowCount(), 0);
    auto *hint = empty.findChild<QLabel *>(QStringLiteral("emptyTableHint"));
    QVERIFY(hint && !hint->isHidden());
    QVERIFY(hint->text().contains(QLatin1String("activate")));
}

QTEST_MAIN(tst_ui_triage)
#include "tst_ui_triage.moc"
