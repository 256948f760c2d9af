// The Bulk operations view (issue 18): an operation started over the API shows with its
// progress, and the view's Stop stops it on the server.
#include "IncidentsKit.h"
#include "UiTestKit.h"
#include "backend/EmbeddedBackend.h"
#include "models/BackgroundReader.h"
#include "models/BulkOperationsModel.h"
#include "models/OperatorReader.h"
#include "models/ReadOnlyMode.h"
#include "views/BulkOperationsView.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QLocale>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

class tst_ui_bulk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void operationShowsProgressAndStops();
    void cleanupTestCase();

private:
    std::unique_ptr<UiTestKit> m_kit;
    std::unique_ptr<BackgroundReader> m_reader;
};

void tst_ui_bulk::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_kit = std::make_unique<UiTestKit>();
    // Bulk operations in small, spaced steps: one over a few thousand jobs runs for seconds.
    m_kit->server.settings().bulkStepJobs = 20;
    m_kit->server.settings().bulkBusyPercent = 5;
    m_kit->server.restart();
    m_reader = std::make_unique<BackgroundReader>(
        OperatorReader::factory(m_kit->store(), m_kit->server.server().engine()));
}

void tst_ui_bulk::cleanupTestCase()
{
    m_reader.reset();
    m_kit.reset();
}

// A bulk operation started over the API shows in the view with its progress, and the view's
// Stop stops it on the server.
void tst_ui_bulk::operationShowsProgressAndStops()
{
    for (int batch = 0; batch < 3; ++batch) {
        QJsonArray jobs;
        for (int i = 0; i < 1000; ++i)
            jobs.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("bulkview")},
                                    {QStringLiteral("variables"), QJsonObject{}}});
        QCOMPARE(
            m_kit->api.post(QStringLiteral("/api/v1/jobs/batch"), {{QStringLiteral("jobs"), jobs}})
                .status,
            201);
    }
    const QJsonObject started =
        m_kit->api
            .post(QStringLiteral("/api/v1/bulk-operations"),
                  {{QStringLiteral("action"), QStringLiteral("cancel")},
                   {QStringLiteral("filter"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("bulkview")}}}})
            .data();
    const QString id = started.value(QStringLiteral("operation_id")).toString();
    QVERIFY(!id.isEmpty());

    ReadOnlyMode mode;
    EmbeddedBackend backend(m_kit->server.server().engine(), m_kit->store());
    BulkOperationsView view(*m_reader, &backend, &mode);
    QAbstractItemModelTester tester(view.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(view);
    const int row = view.model()->rowOfKey(id);
    QVERIFY(row >= 0);
    const auto cell = [&](int column) {
        return view.model()->index(view.model()->rowOfKey(id), column).data().toString();
    };
    QCOMPARE(cell(BulkOperationsModel::Action), QStringLiteral("Cancel"));
    QCOMPARE(cell(BulkOperationsModel::Filter), QStringLiteral("type=bulkview"));
    QCOMPARE(cell(BulkOperationsModel::Status), QStringLiteral("Running"));
    QVERIFY2(cell(BulkOperationsModel::Progress)
                 .endsWith(QStringLiteral(" of ") + QLocale().toString(3000)),
             qPrintable(cell(BulkOperationsModel::Progress)));
    QCOMPARE(cell(BulkOperationsModel::StartedBy),
             started.value(QStringLiteral("created_by")).toString());

    QItemSelectionModel *selection = view.table()->selectionModel();
    selection->select(view.model()->index(row, 0),
                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(selection->selectedRows().size(), 1);
    QSignalSpy done(&view, &OperatorTableView::actionFinished);
    view.stopSelected();
    QVERIFY(done.wait(10'000));
    QCOMPARE(done.first().first().toBool(), true);
    const QJsonObject stopped =
        m_kit->api.get(QStringLiteral("/api/v1/bulk-operations/") + id).data();
    QCOMPARE(stopped.value(QStringLiteral("status")).toString(), QStringLiteral("CANCELLED"));
    QCOMPARE(stopped.value(QStringLiteral("stopped_by")).toString(), QStringLiteral("console"));
    QVERIFY(stopped.value(QStringLiteral("processed")).toInt() < 3000);
    QTRY_COMPARE(cell(BulkOperationsModel::Status), QStringLiteral("Stopped"));
}

QTEST_MAIN(tst_ui_bulk)
#include "tst_ui_bulk.moc"
