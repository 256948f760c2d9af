// What an operator reads in the jobs view: sort arrows, pickers, time bounds, the match count,
// columns sized to keys and times, the Live switch and sorting by priority.
#include "UiTestKit.h"
#include "backend/EmbeddedBackend.h"
#include "models/JobTableModel.h"
#include "models/StoreReader.h"
#include "views/ColumnChooser.h"
#include "views/FilterBar.h"
#include "views/JobsView.h"
#include "views/MatchCount.h"
#include "views/SortArrowStyle.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProxyStyle>
#include <QSettings>
#include <QStandardItemModel>
#include <QStyleOptionHeader>
#include <QTableView>
#include <QToolButton>
#include <QTranslator>
#include <QtTest>

class tst_ui_jobs_layout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sortArrowPointsTheWayValuesGo();
    void pickersLearnNewTypes();
    void timeBoundsStartFromNow();
    void matchCountFollowsFilter();
    void columnsFitWholeKeysAndTimes();
    void pausedListStaysStill();
    void liveAndAllMatchingStayInSight();
    void prioritySortsAsTheApi();
    void cleanupTestCase();

private:
    std::unique_ptr<UiTestKit> m_kit;
    std::unique_ptr<StoreReader> m_reader;
};

void tst_ui_jobs_layout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings of views go to a test location
    m_kit = std::make_unique<UiTestKit>();
    for (int i = 0; i < 5; ++i) // a type known at start, and rows to size columns by
        QVERIFY(!m_kit->create(QStringLiteral("layout")).isEmpty());
    m_reader = std::make_unique<StoreReader>(m_kit->store());
}

void tst_ui_jobs_layout::cleanupTestCase()
{
    m_reader.reset();
    m_kit.reset();
}

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

void tst_ui_jobs_layout::sortArrowPointsTheWayValuesGo()
{
    EmbeddedBackend backend(nullptr, m_reader->options());
    JobsView view(&backend);
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
void tst_ui_jobs_layout::pickersLearnNewTypes()
{
    EmbeddedBackend backend(nullptr, m_reader->options());
    JobsView view(&backend);
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
void tst_ui_jobs_layout::timeBoundsStartFromNow()
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
void tst_ui_jobs_layout::matchCountFollowsFilter()
{
    for (int i = 0; i < 3; ++i)
        m_kit->create(QStringLiteral("counted"),
                      {{QStringLiteral("tag"), QStringLiteral("tally")}});
    EmbeddedBackend backend(m_kit->server.server().engine(), m_reader->options());
    JobsView view(&backend);
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
void tst_ui_jobs_layout::columnsFitWholeKeysAndTimes()
{
    QSettings().remove(QStringLiteral("jobs/columns"));
    EmbeddedBackend backend(m_kit->server.server().engine(), m_reader->options());
    JobsView view(&backend);
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
void tst_ui_jobs_layout::pausedListStaysStill()
{
    EmbeddedBackend backend(m_kit->server.server().engine(), m_reader->options());
    JobsView view(&backend);
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

// In Russian, at the width the jobs view has in a 1600-pixel window, the toolbar folds its end
// away; All matching and Live are beside it and stay whole, in sight.
void tst_ui_jobs_layout::liveAndAllMatchingStayInSight()
{
    QTranslator russian;
    QVERIFY(russian.load(QStringLiteral(":/i18n/jobdeck_ru.qm")));
    QCoreApplication::installTranslator(&russian);
    EmbeddedBackend backend(m_kit->server.server().engine(), m_reader->options());
    JobsView view(&backend);
    view.resize(780, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    for (const char *name : {"matchingButton", "liveButton"}) {
        auto *button = view.findChild<QToolButton *>(QLatin1String(name));
        QVERIFY2(button && button->isVisible(), name);
        QVERIFY2(button->width() >= button->sizeHint().width(), name);
        const QRect inView(button->mapTo(&view, QPoint(0, 0)), button->size());
        QVERIFY2(view.rect().contains(inView), name);
    }
    QCOMPARE(view.findChild<QToolButton *>(QStringLiteral("liveButton"))->text(),
             QStringLiteral("Вживую"));
    QCoreApplication::removeTranslator(&russian);
}

// The Priority column (from the header's menu) sorts as the API's sort_by=priority does.
void tst_ui_jobs_layout::prioritySortsAsTheApi()
{
    for (int priority : {5, -3, 40})
        QVERIFY(!m_kit->api
                     .createJob({{QStringLiteral("type"), QStringLiteral("prio")},
                                 {QStringLiteral("variables"), QJsonObject()},
                                 {QStringLiteral("priority"), priority}})
                     .isEmpty());
    EmbeddedBackend backend(nullptr, m_reader->options());
    JobsView view(&backend);
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

QTEST_MAIN(tst_ui_jobs_layout)
#include "tst_ui_jobs_layout.moc"
