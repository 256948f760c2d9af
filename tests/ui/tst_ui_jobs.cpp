// The jobs table: its rows are what the store (and the API) holds for each filter and sort,
// pages load with fetchMore, and live changes arrive through the coalesced refresh.
#include "UiTestKit.h"
#include "backend/EmbeddedBackend.h"
#include "models/JobTableModel.h"
#include "models/StoreReader.h"
#include "views/FilterBar.h"
#include "views/JobsView.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QScrollBar>
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
    void unreadableStoreIsAnErrorNotACrash();
    void pageLoadTime();
    void pageLoadOnBigStore_data();
    void pageLoadOnBigStore();
    void liveInsertKeepsSelection();
    void liveChange();
    void windowedRefresh();
    void windowedRefreshByUpdated();
    void refreshAfterBurstLeavesNoGap();
    void staleAnswerIsDropped();
    void scrolledViewKeepsRowsInBurst();
    void activeDurationTicks();
    void filtersCombine();
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

namespace {
// Pages and refreshes arrive from the loader thread: wait until nothing is on its way.
bool settle(JobTableModel &model)
{
    return QTest::qWaitFor([&model] { return !model.isLoading(); }, 10'000);
}
} // namespace

QStringList tst_ui_jobs::modelKeys(JobTableModel &model)
{
    settle(model);
    while (model.canFetchMore({})) {
        model.fetchMore({});
        if (!settle(model))
            return {QStringLiteral("timed out")};
    }
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
    JobTableModel model(StoreReader::factory(m_kit->store()));
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
    JobTableModel model(StoreReader::factory(m_kit->store()));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setQuery(QUrlQuery(query)));
    const QStringList keys = modelKeys(model);
    QVERIFY(!keys.isEmpty());
    QCOMPARE(keys, m_kit->apiKeys(query));
}

void tst_ui_jobs::refusedQueryIsEmpty()
{
    JobTableModel model(StoreReader::factory(m_kit->store()));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!model.setQuery(QUrlQuery(QStringLiteral("state=sleeping"))));
    QVERIFY(model.queryError().contains(QLatin1String("Unknown state 'sleeping'")));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

// A store that cannot be read (here a file that is not a database) answers each read with an
// error the view can show; the loader thread catches it instead of taking the console down.
void tst_ui_jobs::unreadableStoreIsAnErrorNotACrash()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("jobs.db")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    StoreOptions options;
    options.path = file.fileName();
    JobTableModel model(StoreReader::factory(options));
    QSignalSpy failed(&model, &JobTableModel::loadFailed);
    QVERIFY(model.setQuery({}));
    model.fetchMore({});
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(!failed.first().first().toString().isEmpty());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.isLoading());
    QVERIFY(!model.canFetchMore({}));
    model.refresh(); // not stuck: the next read is tried, and fails the same way
    QTRY_COMPARE(failed.count(), 2);
}

void tst_ui_jobs::pageLoadTime()
{
    JobTableModel model(StoreReader::factory(m_kit->store()));
    QVERIFY(model.setQuery({}));
    QSignalSpy loaded(&model, &JobTableModel::loaded);
    model.fetchMore({});
    QVERIFY(model.isLoading());
    QCOMPARE(model.rowCount(), 0); // the page is read on the loader thread
    QVERIFY(loaded.wait());
    const qint64 first = model.lastLoadMicros();
    QCOMPARE(model.rowCount(), JobTableModel::kPageSize);
    model.fetchMore({});
    QVERIFY(loaded.wait());
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
    JobTableModel model(StoreReader::factory(options));
    QVERIFY(model.setQuery(QUrlQuery(query)));
    QList<qint64> micros;
    for (int page = 0; page < 50 && model.canFetchMore({}); ++page) {
        model.fetchMore({});
        QVERIFY(settle(model));
        micros.append(model.lastLoadMicros());
    }
    model.refresh(); // the top window again, in one snapshot (on the loader thread)
    QVERIFY(settle(model));
    const qint64 refresh = model.lastLoadMicros();
    const qint64 first = micros.isEmpty() ? 0 : micros.first();
    std::sort(micros.begin(), micros.end());
    qInfo("%s: %lld rows in %lld pages; page first %lld us, median %lld us, max %lld us; "
          "refresh of the top %d rows %lld us (loader thread)",
          qPrintable(query.isEmpty() ? QStringLiteral("(all)") : query), qint64(model.rowCount()),
          qint64(micros.size()), first, micros.isEmpty() ? 0 : micros.at(micros.size() / 2),
          micros.isEmpty() ? 0 : micros.last(), JobTableModel::kRefreshRows, refresh);
}

void tst_ui_jobs::liveInsertKeepsSelection()
{
    EmbeddedBackend backend(m_kit->server.server().engine(), m_reader->options());
    JobsView view(&backend);
    QAbstractItemModelTester tester(view.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.resize(900, 400);
    view.show();
    QTRY_VERIFY(view.model()->rowCount() > 0);
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
    EmbeddedBackend backend(m_kit->server.server().engine(), m_reader->options());
    JobsView view(&backend);
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
    QTRY_VERIFY(view.model()->rowOfKey(key) >= 0);
    const int row = view.model()->rowOfKey(key);
    QCOMPARE(view.model()->index(row, JobTableModel::State).data().toString(),
             QStringLiteral("CANCELLED"));
}

// Past kRefreshRows loaded rows, a refresh re-reads only the top window; the rows below stay.
void tst_ui_jobs::windowedRefresh()
{
    for (int i = 0; i < JobTableModel::kRefreshRows; ++i)
        QVERIFY(!m_kit->create(QStringLiteral("gamma")).isEmpty());
    JobTableModel model(StoreReader::factory(m_kit->store()));
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
    QSignalSpy applied(&model, &JobTableModel::refreshApplied);
    model.refresh();
    QVERIFY(model.isLoading());
    QVERIFY(applied.wait());
    QCOMPARE(model.rowCount(), int(before.size()));
    QCOMPARE(model.jobAt(0).key, added);
    QCOMPARE(model.rowOfKey(removed), -1);
    QCOMPARE(model.index(model.rowOfKey(cancelled), JobTableModel::State).data().toString(),
             QStringLiteral("CANCELLED"));
    QCOMPARE(modelKeys(model), sqlKeys(QStringLiteral("1=1")));
}

// Sorted by updated_at the window moves: changed jobs go to the top and leave their old row,
// even from below the re-read window.
void tst_ui_jobs::windowedRefreshByUpdated()
{
    const QUrlQuery query(QStringLiteral("sort_by=updated_at"));
    JobTableModel model(StoreReader::factory(m_kit->store()));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setQuery(query));
    const QStringList before = modelKeys(model);
    QVERIFY(before.size() > JobTableModel::kRefreshRows);
    const QString deep = before.at(JobTableModel::kRefreshRows + 50); // below the window
    const QString shallow = before.at(30);
    for (const QString &key : {deep, shallow})
        QCOMPARE(m_kit->api.post(QStringLiteral("/api/v1/jobs/%1/cancel").arg(key), {}).status,
                 200);
    QSignalSpy applied(&model, &JobTableModel::refreshApplied);
    model.refresh();
    QVERIFY(applied.wait());
    QCOMPARE(model.rowCount(), int(before.size()));
    QCOMPARE(model.jobAt(0).key, shallow); // cancelled last: updated last
    QCOMPARE(model.jobAt(1).key, deep);
    QCOMPARE(model.index(1, JobTableModel::State).data().toString(), QStringLiteral("CANCELLED"));
    QCOMPARE(modelKeys(model), m_kit->apiKeys(query.toString()));
}

// More new jobs than the refresh window above what is loaded: the rows below are let go rather
// than leaving a gap, and paging on gives exactly the store's list.
void tst_ui_jobs::refreshAfterBurstLeavesNoGap()
{
    JobTableModel model(StoreReader::factory(m_kit->store()));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setQuery(QUrlQuery(QStringLiteral("type=burst"))));
    for (int i = 0; i < 10; ++i)
        QVERIFY(!m_kit->create(QStringLiteral("burst")).isEmpty());
    QCOMPARE(modelKeys(model).size(), 10);
    QJsonArray batch;
    for (int i = 0; i < 500; ++i)
        batch.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("burst")},
                                 {QStringLiteral("variables"), QJsonObject()}});
    for (int i = 0; i < 3; ++i) // 1,500 new jobs above the 10 loaded
        QCOMPARE(m_kit->api
                     .post(QStringLiteral("/api/v1/jobs/batch"),
                           QJsonObject{{QStringLiteral("jobs"), batch}})
                     .status,
                 201);
    QSignalSpy applied(&model, &JobTableModel::refreshApplied);
    model.refresh();
    QVERIFY(applied.wait());
    // The window was what was loaded (one page): the 10 old rows lie below it, behind 1,500
    // new jobs, and are let go.
    QCOMPARE(model.rowCount(), JobTableModel::kPageSize);
    QVERIFY(model.canFetchMore({}));
    QCOMPARE(modelKeys(model), sqlKeys(QStringLiteral("type='burst'")));
}

// A view scrolled down keeps its rows when a burst arrives above them, says so, and shows the
// newest once back at the top.
void tst_ui_jobs::scrolledViewKeepsRowsInBurst()
{
    QJsonArray batch;
    for (int i = 0; i < 500; ++i)
        batch.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("burst2")},
                                 {QStringLiteral("variables"), QJsonObject()}});
    const auto createBatch = [&] {
        return m_kit->api
            .post(QStringLiteral("/api/v1/jobs/batch"),
                  QJsonObject{{QStringLiteral("jobs"), batch}})
            .status;
    };
    QCOMPARE(createBatch(), 201);
    EmbeddedBackend backend(nullptr, m_reader->options());
    JobsView view(&backend); // no engine: refreshes only when asked
    view.resize(900, 400);
    view.show();
    view.filterBar()->setType(QStringLiteral("burst2"));
    QTRY_VERIFY(view.model()->rowCount() >= JobTableModel::kPageSize);
    view.table()->scrollToBottom();
    QTRY_VERIFY(view.table()->verticalScrollBar()->value() > 0);
    QTRY_VERIFY(!view.model()->isLoading());
    const int rows = view.model()->rowCount();
    const QString first = view.model()->jobAt(0).key;
    for (int i = 0; i < 3; ++i) // 1,500 new jobs: more than the refresh window
        QCOMPARE(createBatch(), 201);
    QSignalSpy newer(view.model(), &JobTableModel::newerJobsAbove);
    view.refresh();
    QVERIFY(newer.wait());
    QCOMPARE(view.model()->rowCount(), rows);
    QCOMPARE(view.model()->jobAt(0).key, first);
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("newerJobsHint"))->isVisible());
    view.table()->scrollToTop();
    QTRY_COMPARE(view.model()->jobAt(0).key, sqlKeys(QStringLiteral("type='burst2'")).first());
    QVERIFY(!view.findChild<QLabel *>(QStringLiteral("newerJobsHint"))->isVisible());
}

// A page asked for under one query and answered after the query changed is not applied.
void tst_ui_jobs::staleAnswerIsDropped()
{
    JobTableModel model(StoreReader::factory(m_kit->store()));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setQuery(QUrlQuery(QStringLiteral("type=alpha"))));
    model.fetchMore({});
    model.refresh();
    QVERIFY(model.setQuery(QUrlQuery(QStringLiteral("state=failed"))));
    QVERIFY(!model.isLoading());
    model.fetchMore({});
    QVERIFY(settle(model));
    QTest::qWait(50); // anything still queued for the old query would arrive now
    QCOMPARE(modelKeys(model), sqlKeys(QStringLiteral("state=5")));
}

// The duration of an active job grows without a query: the column is repainted every second.
void tst_ui_jobs::activeDurationTicks()
{
    const QString key = m_kit->create(QStringLiteral("ticker"));
    QCOMPARE(m_kit->api.activate(QStringLiteral("ticker"), QStringLiteral("w7"), 1)
                 .value(QStringLiteral("jobs"))
                 .toArray()
                 .size(),
             1);
    JobTableModel model(StoreReader::factory(m_kit->store()));
    QVERIFY(model.setQuery(QUrlQuery(QStringLiteral("type=ticker"))));
    QCOMPARE(modelKeys(model), QStringList{key});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(changed.wait(3 * JobTableModel::kTickMs));
    const auto args = changed.first();
    QCOMPARE(args.at(0).toModelIndex().column(), int(JobTableModel::Duration));
    QCOMPARE(args.at(0).toModelIndex().row(), 0);
    QVERIFY(!model.index(0, JobTableModel::Duration).data().toString().isEmpty());
}

// Worker, period and created-after/before combine with the other filters; the label shows the
// API request and the rows are what the API answers to it.
void tst_ui_jobs::filtersCombine()
{
    EmbeddedBackend backend(m_kit->server.server().engine(), m_reader->options());
    JobsView view(&backend);
    FilterBar *bar = view.filterBar();
    bar->setStates({QStringLiteral("failed")});
    bar->setWorker(QStringLiteral("w1"));
    bar->setPeriod(QStringLiteral("24h"));
    const QDateTime hourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
    bar->setCreatedAfter(hourAgo);
    bar->setCreatedBefore(QDateTime::currentDateTimeUtc().addSecs(3600));
    const QString path = view.model()->apiPath();
    QVERIFY2(path.startsWith(
                 QLatin1String("/api/v1/jobs?state=failed&worker=w1&period=24h&created_after=")),
             qPrintable(path));
    QVERIFY(path.contains(QLatin1String("&created_before=")));
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("apiPath"))->text().contains(path));
    QTRY_VERIFY(!view.model()->isLoading());
    const QString query = path.mid(path.indexOf(QLatin1Char('?')) + 1);
    QStringList rows;
    for (int row = 0; row < view.model()->rowCount(); ++row)
        rows.append(view.model()->jobAt(row).key);
    std::sort(rows.begin(), rows.end());
    QStringList failed = m_failed;
    std::sort(failed.begin(), failed.end());
    QCOMPARE(rows, failed); // the five failed by w1, created within the hour
    QCOMPARE(view.model()->rowCount(), int(m_kit->apiKeys(query).size()));

    bar->setCreatedBefore(hourAgo); // nothing was created before an hour ago
    QTRY_VERIFY(!view.model()->isLoading());
    QCOMPARE(view.model()->rowCount(), 0);

    // The last 15 minutes is not an API period: it is sent as created_after.
    bar->setCreatedBefore({});
    bar->setCreatedAfter({});
    bar->setPeriod(QStringLiteral("15m"));
    const QString quarter = view.model()->apiPath();
    QVERIFY2(quarter.contains(QLatin1String("worker=w1&created_after=")), qPrintable(quarter));
    QVERIFY(!quarter.contains(QLatin1String("period=")));
    QTRY_COMPARE(view.model()->rowCount(), 5);
}

QTEST_MAIN(tst_ui_jobs)

#include "tst_ui_jobs.moc"
