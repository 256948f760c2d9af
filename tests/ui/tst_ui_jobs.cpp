// The jobs table: its rows are what the store (and the API) holds for each filter and sort,
// pages load with fetchMore, and live changes arrive through the coalesced refresh.
#include "UiTestKit.h"
#include "models/JobTableModel.h"
#include "models/StoreReader.h"
#include "views/FilterBar.h"
#include "views/JobsView.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QtTest>

class tst_ui_jobs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rowsMatchStore_data();
    void rowsMatchStore();
    void rowsMatchApi_data();
    void rowsMatchApi();
    void refusedQueryIsEmpty();
    void pageLoadTime();
    void pageLoadOnBigStore_data();
    void pageLoadOnBigStore();
    void liveInsertKeepsSelection();
    void liveChange();
    void windowedRefresh();
    void cleanupTestCase();

private:
    QStringList modelKeys(JobTableModel &model);
    QStringList sqlKeys(const QString &where);

    std::unique_ptr<UiTestKit> m_kit;
    std::unique_ptr<StoreReader> m_reader;
    QStringList m_failed;
};

void tst_ui_jobs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings of views go to a test location
    m_kit = std::make_unique<UiTestKit>();
    for (int i = 0; i < 450; ++i) {
        const QJsonObject variables{{QStringLiteral("n"), i},
                                    {QStringLiteral("city"), i % 10 == 0
                                                                 ? QStringLiteral("gamma")
                                                                 : QStringLiteral("delta")}};
        QVERIFY(
            !m_kit->create(i % 3 == 0 ? QStringLiteral("beta") : QStringLiteral("alpha"), variables)
                 .isEmpty());
    }
    for (int i = 0; i < 5; ++i)
        m_failed.append(m_kit->failOne(QStringLiteral("alpha"), QStringLiteral("boom %1").arg(i)));
    QVERIFY(!m_failed.contains(QString()));
    m_reader = std::make_unique<StoreReader>(m_kit->store());
}

void tst_ui_jobs::cleanupTestCase()
{
    m_reader.reset();
    m_kit.reset();
}

QStringList tst_ui_jobs::modelKeys(JobTableModel &model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
    QStringList keys;
    for (int row = 0; row < model.rowCount(); ++row)
        keys.append(model.index(row, JobTableModel::Key).data().toString());
    return keys;
}

// An oracle independent of JobQuery: plain SQL on the store.
QStringList tst_ui_jobs::sqlKeys(const QString &where)
{
    QSqlDatabase db = Database::open(QStringLiteral("oracle"), m_kit->store());
    QStringList keys;
    {
        QSqlQuery query(db);
        const bool ok = query.exec(
            QStringLiteral("SELECT job_key FROM jobs WHERE %1 ORDER BY id DESC").arg(where));
        if (!ok)
            qWarning() << query.lastError().text();
        while (query.next())
            keys.append(query.value(0).toString());
    }
    db = {};
    Database::close(QStringLiteral("oracle"));
    return keys;
}

void tst_ui_jobs::rowsMatchStore_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("where");
    QTest::addRow("everything") << QString() << QStringLiteral("1=1");
    QTest::addRow("type") << QStringLiteral("type=alpha") << QStringLiteral("type='alpha'");
    QTest::addRow("failed") << QStringLiteral("state=failed") << QStringLiteral("state=5");
    QTest::addRow("states and type") << QStringLiteral("state=pending,failed&type=beta")
                                     << QStringLiteral("state IN (0,5) AND type='beta'");
    QTest::addRow("ascending") << QStringLiteral("sort_order=ASC&type=beta")
                               << QStringLiteral("type='beta'");
}

void tst_ui_jobs::rowsMatchStore()
{
    QFETCH(QString, query);
    QFETCH(QString, where);
    JobTableModel model(*m_reader);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setQuery(QUrlQuery(query)));
    QStringList expected = sqlKeys(where);
    if (query.contains(QLatin1String("ASC")))
        std::reverse(expected.begin(), expected.end());
    QVERIFY(expected.size() > 0);
    QCOMPARE(modelKeys(model), expected);
}

void tst_ui_jobs::rowsMatchApi_data()
{
    QTest::addColumn<QString>("query");
    QTest::addRow("search in variables") << QStringLiteral("q=gamma");
    QTest::addRow("updated, ascending") << QStringLiteral("sort_by=updated_at&sort_order=ASC");
    QTest::addRow("updated, failed first") << QStringLiteral("sort_by=updated_at&type=alpha");
    QTest::addRow("worker") << QStringLiteral("worker=w1");
}

void tst_ui_jobs::rowsMatchApi()
{
    QFETCH(QString, query);
    JobTableModel model(*m_reader);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setQuery(QUrlQuery(query)));
    const QStringList keys = modelKeys(model);
    QVERIFY(!keys.isEmpty());
    QCOMPARE(keys, m_kit->apiKeys(query));
}

void tst_ui_jobs::refusedQueryIsEmpty()
{
    JobTableModel model(*m_reader);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!model.setQuery(QUrlQuery(QStringLiteral("state=sleeping"))));
    QVERIFY(model.queryError().contains(QLatin1String("Unknown state 'sleeping'")));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

void tst_ui_jobs::pageLoadTime()
{
    JobTableModel model(*m_reader);
    QVERIFY(model.setQuery({}));
    QElapsedTimer timer;
    timer.start();
    model.fetchMore({});
    const qint64 first = timer.nsecsElapsed() / 1000;
    QCOMPARE(model.rowCount(), JobTableModel::kPageSize);
    model.fetchMore({});
    qInfo("page of %d rows: first %lld us, second %lld us (store of 455 jobs)",
          JobTableModel::kPageSize, first, model.lastLoadMicros());
}

// By hand, on a generated store: JOBDECK_UI_BENCH_DB=/tmp/big.db (bench/jobdeck-generate).
void tst_ui_jobs::pageLoadOnBigStore_data()
{
    QTest::addColumn<QString>("query");
    QTest::addRow("newest") << QString();
    QTest::addRow("failed") << QStringLiteral("state=failed");
    QTest::addRow("type") << QStringLiteral("type=email-service");
    QTest::addRow("updated") << QStringLiteral("sort_by=updated_at");
    QTest::addRow("search") << QStringLiteral("q=timeout");
    QTest::addRow("worker") << QStringLiteral("worker=data-cleanup-worker-1");
}

void tst_ui_jobs::pageLoadOnBigStore()
{
    const QString path = qEnvironmentVariable("JOBDECK_UI_BENCH_DB");
    if (path.isEmpty())
        QSKIP("set JOBDECK_UI_BENCH_DB to a generated store");
    QFETCH(QString, query);
    StoreOptions options;
    options.path = path;
    StoreReader reader(options);
    JobTableModel model(reader);
    QVERIFY(model.setQuery(QUrlQuery(query)));
    QList<qint64> micros;
    for (int page = 0; page < 50 && model.canFetchMore({}); ++page) {
        model.fetchMore({});
        micros.append(model.lastLoadMicros());
    }
    QElapsedTimer timer;
    timer.start();
    model.refresh(); // every loaded row again, in one snapshot
    const qint64 refresh = timer.nsecsElapsed() / 1000;
    const qint64 first = micros.isEmpty() ? 0 : micros.first();
    std::sort(micros.begin(), micros.end());
    qInfo("%s: %lld rows in %lld pages; page first %lld us, median %lld us, max %lld us; "
          "refresh of all loaded rows %lld us",
          qPrintable(query.isEmpty() ? QStringLiteral("(all)") : query), qint64(model.rowCount()),
          qint64(micros.size()), first, micros.isEmpty() ? 0 : micros.at(micros.size() / 2),
          micros.isEmpty() ? 0 : micros.last(), refresh);
}

void tst_ui_jobs::liveInsertKeepsSelection()
{
    JobsView view(*m_reader, m_kit->server.server().engine());
    QAbstractItemModelTester tester(view.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.resize(900, 400);
    view.show();
    QVERIFY(view.model()->rowCount() > 0);
    const QString selected = view.model()->jobAt(3).key;
    view.table()->selectRow(3);
    QCOMPARE(view.selectedKeys(), QStringList{selected});

    QSignalSpy refreshed(&view, &JobsView::refreshed);
    const QString key = m_kit->create(QStringLiteral("alpha"));
    QTRY_VERIFY(view.model()->rowOfKey(key) == 0); // newest first, after the coalesced refresh
    QCOMPARE(view.selectedKeys(), QStringList{selected});
    QCOMPARE(view.currentKey(), selected);
    QVERIFY(refreshed.size() >= 1);
}

void tst_ui_jobs::liveChange()
{
    JobsView view(*m_reader, m_kit->server.server().engine());
    QAbstractItemModelTester tester(view.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.filterBar()->setStates({QStringLiteral("pending")});
    view.filterBar()->setType(QStringLiteral("beta"));
    const QString key = m_kit->create(QStringLiteral("beta"));
    QTRY_COMPARE(view.model()->rowOfKey(key), 0);
    QVERIFY(view.model()->apiPath().startsWith(QLatin1String("/api/v1/jobs?state=pending")));
    // Cancelled elsewhere (the API): the row leaves the pending filter.
    QCOMPARE(m_kit->api.post(QStringLiteral("/api/v1/jobs/%1/cancel").arg(key), {}).status, 200);
    QTRY_COMPARE(view.model()->rowOfKey(key), -1);
    view.filterBar()->setStates({});
    const int row = view.model()->rowOfKey(key);
    QVERIFY(row >= 0);
    QCOMPARE(view.model()->index(row, JobTableModel::State).data().toString(),
             QStringLiteral("CANCELLED"));
}

// Past kRefreshRows loaded rows, a refresh re-reads only the top window; the rows below stay.
void tst_ui_jobs::windowedRefresh()
{
    for (int i = 0; i < JobTableModel::kRefreshRows; ++i)
        QVERIFY(!m_kit->create(QStringLiteral("gamma")).isEmpty());
    JobTableModel model(*m_reader);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setQuery({}));
    QStringList before = modelKeys(model);
    QVERIFY(before.size() > JobTableModel::kRefreshRows);
    const QString added = m_kit->create(QStringLiteral("gamma"));
    const QString cancelled = before.at(10);
    QCOMPARE(m_kit->api.post(QStringLiteral("/api/v1/jobs/%1/cancel").arg(cancelled), {}).status,
             200);
    const QString removed = before.at(20);
    QCOMPARE(m_kit->api.del(QStringLiteral("/api/v1/jobs/") + removed).status, 200);
    model.refresh();
    QCOMPARE(model.rowCount(), int(before.size()));
    QCOMPARE(model.jobAt(0).key, added);
    QCOMPARE(model.rowOfKey(removed), -1);
    QCOMPARE(model.index(model.rowOfKey(cancelled), JobTableModel::State).data().toString(),
             QStringLiteral("CANCELLED"));
    QCOMPARE(modelKeys(model), sqlKeys(QStringLiteral("1=1")));
}

QTEST_MAIN(tst_ui_jobs)
#include "tst_ui_jobs.moc"
