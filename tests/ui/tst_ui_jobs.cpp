// The jobs table: its rows are what the store (and the API) holds for each filter and sort,
// pages load with fetchMore, and live changes arrive through the coalesced refresh.
#include "UiTestKit.h"
#include "models/JobTableModel.h"
#include "models/StoreReader.h"
#include "views/ColumnChooser.h"
#include "views/FilterBar.h"
#include "views/JobsView.h"
#include "views/MatchCount.h"
#include "views/SortArrowStyle.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QStyleOptionHeader>
#include <QTableView>
#include <QtTest>

class tst_ui_jobs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sortArrowPointsTheWayValuesGo();
    void pickersLearnNewTypes();
    void timeBoundsStartFromNow();
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
    void matchCountFollowsFilter();
    void columnsFitWholeKeysAndTimes();
    void pausedListStaysStill();
    void prioritySortsAsTheApi();
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
    JobTableModel model(m_kit->store());
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
    JobTableModel model(m_kit->store());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setQuery(QUrlQuery(query)));
    const QStringList keys = modelKeys(model);
    QVERIFY(!keys.isEmpty());
    QCOMPARE(keys, m_kit->apiKeys(query));
}

void tst_ui_jobs::refusedQueryIsEmpty()
{
    JobTableModel model(m_kit->store());
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
    JobTableModel model(options);
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
    JobTableModel model(m_kit->store());
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
    JobTableModel model(options);
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
    JobsView view(*m_reader, m_kit->server.server().engine());
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
    JobTableModel model(m_kit->store());
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
    JobTableModel model(m_kit->store());
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
    JobTableModel model(m_kit->store());
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
    JobsView view(*m_reader, nullptr); // no engine: refreshes only when asked
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
    JobTableModel model(m_kit->store());
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
    JobTableModel model(m_kit->store());
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
    JobsView view(*m_reader, m_kit->server.server().engine());
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
// Qt paints Qt::DescendingOrder with the "sort up" arrow; the jobs list (newest first) must show
// the arrow pointing down.
namespace {
class ArrowRecorder : public QProxyStyle
{
public:
    mutable QList<int> seen; // QStyleOptionHeader::SortIndicator values drawn
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        if (element == PE_IndicatorHeaderArrow)
            if (const auto *h = qstyleoption_cast<const QStyleOptionHeader *>(option))
                seen.append(int(h->sortIndicator));
        QProxyStyle::drawPrimitive(element, option, painter, widget);
    }
};
} // namespace

void tst_ui_jobs::sortArrowPointsTheWayValuesGo()
{
    JobsView view(*m_reader, nullptr);
    QVERIFY(qobject_cast<SortArrowStyle *>(view.table()->horizontalHeader()->style()));

    QStandardItemModel model(1, 1);
    QHeaderView header(Qt::Horizontal);
    header.setModel(&model);
    auto *recorder = new ArrowRecorder;
    SortArrowStyle style(recorder); // owns the recorder; draws through it
    header.setStyle(&style);
    header.setSortIndicatorShown(true);
    header.resize(200, 30);
    header.setSortIndicator(0, Qt::DescendingOrder);
    header.grab();
    QVERIFY(!recorder->seen.isEmpty());
    QCOMPARE(recorder->seen.last(), int(QStyleOptionHeader::SortDown));
    header.setSortIndicator(0, Qt::AscendingOrder);
    header.grab();
    QCOMPARE(recorder->seen.last(), int(QStyleOptionHeader::SortUp));
}

// A type first seen after the console started (an empty store at start) is offered as soon as
// the user reaches for the picker.
void tst_ui_jobs::pickersLearnNewTypes()
{
    JobsView view(*m_reader, nullptr);
    auto *types = view.findChild<QComboBox *>(QStringLiteral("typeFilter"));
    QVERIFY(types);
    QTRY_VERIFY(types->count() > 0); // the names known at start
    const QString fresh = QStringLiteral("picker-fresh-type");
    QVERIFY(!m_kit->create(fresh).isEmpty());
    QTest::qWait(200);
    QCOMPARE(types->findText(fresh), -1); // not read again on its own
    QFocusEvent focus(QEvent::FocusIn, Qt::MouseFocusReason);
    QCoreApplication::sendEvent(types->lineEdit(), &focus);
    QTRY_VERIFY(types->findText(fresh) >= 0);
}

// Ticking "Created after" starts an hour back from the moment it is ticked (it used to hold
// the console's start time, which matched nothing); a time the user picked stays.
void tst_ui_jobs::timeBoundsStartFromNow()
{
    FilterBar bar;
    auto *afterOn = bar.findChild<QCheckBox *>(QStringLiteral("createdAfterOn"));
    auto *after = bar.findChild<QDateTimeEdit *>(QStringLiteral("createdAfter"));
    auto *beforeOn = bar.findChild<QCheckBox *>(QStringLiteral("createdBeforeOn"));
    auto *before = bar.findChild<QDateTimeEdit *>(QStringLiteral("createdBefore"));
    QVERIFY(afterOn && after && beforeOn && before);
    const QDateTime longAgo = QDateTime::currentDateTime().addDays(-2);
    after->setDateTime(longAgo); // as if the console had started two days ago
    before->setDateTime(longAgo);
    afterOn->setChecked(true);
    beforeOn->setChecked(true);
    const QDateTime now = QDateTime::currentDateTime();
    QVERIFY(qAbs(after->dateTime().secsTo(now.addSecs(-3600))) < 120);
    QVERIFY(qAbs(before->dateTime().secsTo(now)) < 120);
    // A picked time is kept when the box is ticked again.
    after->setDateTime(longAgo);
    emit after->editingFinished();
    afterOn->setChecked(false);
    afterOn->setChecked(true);
    QCOMPARE(after->dateTime(), longAgo);
}

// "N jobs match" for every filter, the API's total_count; nothing matching says so in the table.
void tst_ui_jobs::matchCountFollowsFilter()
{
    for (int i = 0; i < 3; ++i)
        m_kit->create(QStringLiteral("counted"),
                      {{QStringLiteral("tag"), QStringLiteral("tally")}});
    JobsView view(*m_reader, m_kit->server.server().engine());
    view.resize(900, 400);
    view.show();
    MatchCount *count = view.matchCount();
    auto *empty = view.findChild<QLabel *>(QStringLiteral("emptyListHint"));
    QVERIFY(count && empty);
    view.filterBar()->setType(QStringLiteral("counted")); // the counters answer
    const auto matching = [](int n) {
        return QCoreApplication::translate("MatchCount", "%Ln job(s) match", nullptr, n);
    };
    QTRY_COMPARE(count->text(), matching(3));
    QVERIFY(count->isExact());
    QVERIFY(!empty->isVisible());
    view.filterBar()->setSearch(QStringLiteral("tall")); // counted among the matches
    QTRY_COMPARE(count->total(), 3);
    QCOMPARE(count->total(), m_kit->apiKeys(QStringLiteral("type=counted&q=tall")).size());
    m_kit->create(QStringLiteral("counted"), {{QStringLiteral("tag"), QStringLiteral("tally")}});
    QTRY_COMPARE(count->text(), matching(4)); // live
    view.filterBar()->setSearch(QStringLiteral("nowhere"));
    QTRY_COMPARE(count->text(), QStringLiteral("No jobs match"));
    QTRY_VERIFY(empty->isVisible());
    QCOMPARE(view.model()->rowCount(), 0);
}

// Fresh settings: keys and times are shown whole (the columns grow to them), the optional
// columns are hidden and the header's menu shows them.
void tst_ui_jobs::columnsFitWholeKeysAndTimes()
{
    QSettings().remove(QStringLiteral("jobs/columns"));
    JobsView view(*m_reader, m_kit->server.server().engine());
    view.resize(1000, 500);
    view.show();
    QTRY_VERIFY(view.model()->rowCount() > 0);
    QTRY_VERIFY(!view.model()->isLoading());
    QTableView *table = view.table();
    const QFontMetrics metrics = table->fontMetrics();
    for (int column : {JobTableModel::Key, JobTableModel::Created, JobTableModel::State}) {
        const QString text = view.model()->index(0, column).data().toString();
        QVERIFY2(table->columnWidth(column) > metrics.horizontalAdvance(text),
                 qPrintable(QStringLiteral("%1: %2 px for \"%3\"")
                                .arg(column)
                                .arg(table->columnWidth(column))
                                .arg(text)));
    }
    QVERIFY(table->isColumnHidden(JobTableModel::Tenant));
    QVERIFY(table->isColumnHidden(JobTableModel::Priority));
    QVERIFY(table->isColumnHidden(JobTableModel::Attempt));
    QVERIFY(table->isColumnHidden(JobTableModel::Updated));
    view.columnChooser()->setColumnShown(JobTableModel::Tenant, true);
    QVERIFY(!table->isColumnHidden(JobTableModel::Tenant));
    QVERIFY(table->columnWidth(JobTableModel::Tenant) > 0);
}

// Paused, the list does not follow the engine's commits (and says so); Live shows them at once.
void tst_ui_jobs::pausedListStaysStill()
{
    JobsView view(*m_reader, m_kit->server.server().engine());
    view.show();
    view.filterBar()->setType(QStringLiteral("paused"));
    const QString first = m_kit->create(QStringLiteral("paused"));
    QTRY_COMPARE(view.model()->rowOfKey(first), 0);
    QTRY_VERIFY(!view.model()->isLoading());
    auto *live = view.findChild<QAction *>(QStringLiteral("liveAction"));
    QVERIFY(live && live->isChecked());
    live->trigger();
    QVERIFY(!view.isLive());
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("pausedHint"))->isVisible());
    const QString second = m_kit->create(QStringLiteral("paused"));
    QTest::qWait(3 * JobsView::kRefreshMs);
    QCOMPARE(view.model()->rowOfKey(second), -1);
    QCOMPARE(view.model()->rowCount(), 1);
    live->trigger();
    QTRY_COMPARE(view.model()->rowOfKey(second), 0);
    QVERIFY(!view.findChild<QLabel *>(QStringLiteral("pausedHint"))->isVisible());
}

// The Priority column (from the header's menu) sorts as the API's sort_by=priority does.
void tst_ui_jobs::prioritySortsAsTheApi()
{
    for (int priority : {5, -3, 40})
        QVERIFY(!m_kit->api
                     .createJob({{QStringLiteral("type"), QStringLiteral("prio")},
                                 {QStringLiteral("variables"), QJsonObject()},
                                 {QStringLiteral("priority"), priority}})
                     .isEmpty());
    JobsView view(*m_reader, nullptr);
    view.show();
    view.filterBar()->setType(QStringLiteral("prio"));
    view.columnChooser()->setColumnShown(JobTableModel::Priority, true);
    view.table()->horizontalHeader()->setSortIndicator(JobTableModel::Priority,
                                                       Qt::DescendingOrder);
    QVERIFY(view.model()->apiPath().contains(QLatin1String("sort_by=priority")));
    QTRY_COMPARE(view.model()->rowCount(), 3);
    QStringList keys;
    for (int row = 0; row < 3; ++row)
        keys.append(view.model()->jobAt(row).key);
    QCOMPARE(keys, m_kit->apiKeys(QStringLiteral("type=prio&sort_by=priority")));
    QCOMPARE(view.model()->index(0, JobTableModel::Priority).data().toInt(), 40);
}

#include "tst_ui_jobs.moc"
