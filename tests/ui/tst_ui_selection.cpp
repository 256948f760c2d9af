// One rule for the main window: the detail panel and every action follow the selected job, and
// a job that leaves the list leaves the panel, which says so. Every other view leads to the
// jobs it counts or lists.
#include "MainWindow.h"
#include "UiTestKit.h"
#include "models/JobStateStyle.h"
#include "models/JobTableModel.h"
#include "models/OperatorModels.h"
#include "views/DashboardView.h"
#include "views/FilterBar.h"
#include "views/IncidentsView.h"
#include "views/JobDetailPanel.h"
#include "views/JobTypesView.h"
#include "views/JobsView.h"
#include "views/WorkersView.h"

#include <QAction>
#include <QApplication>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

class tst_ui_selection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void deletedJobLeavesPanel();
    void jobLeavingFilterSaysSo();
    void newFilterKeepsOrDropsJob();
    void linkSelectsJobInList();
    void selectedJobStaysThroughBurst();
    void dashboardCountLeadsToJobs();
    void operatorRowsLeadToJobs();
    void incidentLeadsToItsJob();
    void cleanupTestCase();

private:
    QString header() const
    {
        return m_window->detailPanel()->findChild<QLabel *>(QStringLiteral("jobHeader"))->text();
    }
    bool anyDetailButtonEnabled() const
    {
        for (int i = 0; i < JobActions::kKindCount; ++i)
            if (m_window->detailPanel()->actionButton(JobActions::Kind(i))->isEnabled())
                return true;
        return false;
    }
    // Selects the row of `key` as a click does; the panel follows.
    void select(const QString &key)
    {
        JobsView *jobs = m_window->jobsView();
        QTRY_VERIFY(jobs->model()->rowOfKey(key) >= 0);
        jobs->table()->selectRow(jobs->model()->rowOfKey(key));
        QCOMPARE(m_window->detailPanel()->jobKey(), key);
        // The panel reads the job on its loader thread.
        QTRY_VERIFY(m_window->detailPanel()->details() &&
                    m_window->detailPanel()->details()->job.key == key);
    }
    // The keys of the jobs view's rows once it has settled.
    QStringList listedKeys()
    {
        JobsView *jobs = m_window->jobsView();
        QTest::qWait(50);
        [&] { QTRY_VERIFY(!jobs->model()->isLoading()); }();
        QStringList keys;
        for (int row = 0; row < jobs->model()->rowCount(); ++row)
            keys.append(jobs->model()->jobAt(row).key);
        return keys;
    }
    template <typename Model> QModelIndex rowOf(Model *model, const QString &text, int column)
    {
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data().toString() == text)
                return model->index(row, column);
        return {};
    }
    QStringList createJobs(const QString &type, int count)
    {
        QStringList keys;
        for (int i = 0; i < count; ++i)
            keys.append(m_kit->create(type));
        return keys;
    }

    std::unique_ptr<UiTestKit> m_kit;
    std::unique_ptr<MainWindow> m_window;
};

void tst_ui_selection::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_kit = std::make_unique<UiTestKit>();
}

void tst_ui_selection::init()
{
    m_window = std::make_unique<MainWindow>(m_kit->consoleContext());
    m_window->setConfirm([](const QString &) { return true; });
    m_window->jobsView()->setConfirm(
        [](JobActions::Kind, const QString &, JobActions::Input *) { return true; });
    m_window->resize(1400, 800);
    m_window->show();
}

void tst_ui_selection::cleanup()
{
    m_window.reset();
}

void tst_ui_selection::cleanupTestCase()
{
    m_kit.reset();
}

// Deleted from the toolbar: the panel does not slide to the neighbouring job with its buttons
// enabled; it says the job was deleted, and nothing is selected to act on.
void tst_ui_selection::deletedJobLeavesPanel()
{
    const QStringList keys = createJobs(QStringLiteral("sel-delete"), 3);
    JobsView *jobs = m_window->jobsView();
    jobs->filterBar()->setType(QStringLiteral("sel-delete"));
    select(keys.at(1));
    QVERIFY(jobs->action(JobActions::Kind::Delete)->isEnabled());
    QVERIFY(anyDetailButtonEnabled());

    QSignalSpy left(jobs, &JobsView::jobLeftList);
    jobs->trigger(JobActions::Kind::Delete);
    QTRY_COMPARE(left.size(), 1);
    QCOMPARE(left.first().first().toString(), keys.at(1));
    QCOMPARE(jobs->model()->rowCount(), 2);
    QCOMPARE(m_window->detailPanel()->jobKey(), QString());
    QTRY_VERIFY(header().contains(QLatin1String("was deleted")));
    QVERIFY(header().contains(keys.at(1)));
    QVERIFY(!anyDetailButtonEnabled());
    QCOMPARE(jobs->inspectedKey(), QString());
    QVERIFY(!jobs->table()->selectionModel()->currentIndex().isValid());
    QVERIFY(jobs->selectedKeys().isEmpty());
    QVERIFY(!jobs->action(JobActions::Kind::Delete)->isEnabled());
    // A later refresh keeps the note: nothing slid into the panel.
    jobs->refresh();
    QSignalSpy refreshed(jobs, &JobsView::refreshed);
    QVERIFY(refreshed.wait());
    QVERIFY(header().contains(QLatin1String("was deleted")));
    QCOMPARE(m_window->detailPanel()->jobKey(), QString());
}

// Cancelled elsewhere while the list shows pending jobs: it leaves the list and the panel, which
// names its new state.
void tst_ui_selection::jobLeavingFilterSaysSo()
{
    const QStringList keys = createJobs(QStringLiteral("sel-leave"), 2);
    JobsView *jobs = m_window->jobsView();
    jobs->filterBar()->setType(QStringLiteral("sel-leave"));
    jobs->filterBar()->setStates({QStringLiteral("pending")});
    select(keys.at(0));
    QCOMPARE(m_kit->api.post(QStringLiteral("/api/v1/jobs/%1/cancel").arg(keys.at(0)), {}).status,
             200);
    QTRY_COMPARE(jobs->model()->rowOfKey(keys.at(0)), -1); // the engine's commit refreshes
    QTRY_VERIFY(header().contains(JobStateStyle::text(JobState::Cancelled)));
    QVERIFY(header().contains(keys.at(0)));
    QCOMPARE(m_window->detailPanel()->jobKey(), QString());
    QCOMPARE(jobs->inspectedKey(), QString());
    QVERIFY(!anyDetailButtonEnabled());
    QCOMPARE(jobs->model()->rowCount(), 1);
}

// A new filter that still lists the job keeps it selected and shown; one that does not lets it
// go, instead of showing a job that is not in the list.
void tst_ui_selection::newFilterKeepsOrDropsJob()
{
    const QString kept = m_kit->create(QStringLiteral("sel-filter-a"));
    m_kit->create(QStringLiteral("sel-filter-b"));
    JobsView *jobs = m_window->jobsView();
    jobs->filterBar()->setType(QStringLiteral("sel-filter-a"));
    select(kept);

    jobs->filterBar()->setStates({QStringLiteral("pending")}); // still lists it
    QTRY_COMPARE(jobs->selectedKeys(), QStringList{kept});
    QCOMPARE(jobs->inspectedKey(), kept);
    QCOMPARE(m_window->detailPanel()->jobKey(), kept);

    QSignalSpy left(jobs, &JobsView::jobLeftList);
    jobs->filterBar()->setType(QStringLiteral("sel-filter-b"));
    QTRY_COMPARE(left.size(), 1);
    QCOMPARE(jobs->model()->rowCount(), 1);
    QCOMPARE(jobs->model()->rowOfKey(kept), -1);
    QCOMPARE(m_window->detailPanel()->jobKey(), QString());
    QTRY_VERIFY(header().contains(kept));
    QVERIFY(jobs->selectedKeys().isEmpty());
}

// A follow-up link in the panel selects that job in the list, so the toolbar acts on the job
// the panel shows; a job the list does not hold opens in a window of its own.
void tst_ui_selection::linkSelectsJobInList()
{
    const QString parent =
        m_kit->completedWithFollowUp(QStringLiteral("sel-chain"), QStringLiteral("sel-chain-next"));
    QVERIFY(!parent.isEmpty());
    JobsView *jobs = m_window->jobsView();
    select(parent);
    const QString child = m_window->detailPanel()->details()->followUps().value(0);
    QVERIFY(!child.isEmpty());
    QTRY_VERIFY(jobs->model()->rowOfKey(child) >= 0);
    auto *links = m_window->detailPanel()->findChild<QLabel *>(QStringLiteral("followUpLinks"));
    QVERIFY(links);
    emit links->linkActivated(child); // as a click on the link does
    QCOMPARE(jobs->selectedKeys(), QStringList{child});
    QCOMPARE(jobs->inspectedKey(), child);
    QCOMPARE(m_window->detailPanel()->jobKey(), child);

    // Filtered to the parent's type, the child is not in the list: its own window shows it.
    jobs->filterBar()->setType(QStringLiteral("sel-chain"));
    select(parent);
    links = m_window->detailPanel()->findChild<QLabel *>(QStringLiteral("followUpLinks"));
    emit links->linkActivated(child);
    QCOMPARE(jobs->selectedKeys(), QStringList{parent});
    QCOMPARE(m_window->detailPanel()->jobKey(), parent);
    JobDetailPanel *window = nullptr;
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *panel = qobject_cast<JobDetailPanel *>(w); panel && panel->isVisible())
            window = panel;
    QVERIFY(window);
    QCOMPARE(window->jobKey(), child);
    window->close();
}

// More new jobs than the refresh window arrive while a job is selected at the top: the list
// keeps the selected job (and says newer jobs wait above) instead of letting it go.
void tst_ui_selection::selectedJobStaysThroughBurst()
{
    const QStringList keys = createJobs(QStringLiteral("sel-burst"), 3);
    JobsView *jobs = m_window->jobsView();
    jobs->filterBar()->setType(QStringLiteral("sel-burst"));
    select(keys.at(2));
    QVERIFY(m_kit->createMany(QStringLiteral("sel-burst"), 1500)); // above the 3 loaded
    auto *hint = jobs->findChild<QLabel *>(QStringLiteral("newerJobsHint"));
    QTRY_VERIFY(hint->isVisible());
    QCOMPARE(jobs->model()->rowCount(), 3);
    QCOMPARE(jobs->inspectedKey(), keys.at(2));
    QCOMPARE(jobs->selectedKeys(), QStringList{keys.at(2)});
    QCOMPARE(m_window->detailPanel()->jobKey(), keys.at(2));
    // Nothing selected any more: the newest jobs show.
    jobs->table()->clearSelection();
    QTRY_VERIFY(!hint->isVisible());
    QTRY_COMPARE(jobs->model()->rowCount(), JobTableModel::kPageSize);
    QCOMPARE(m_window->detailPanel()->jobKey(), QString());
}

// A click on the dashboard's FAILED count opens the jobs view filtered to failed jobs.
void tst_ui_selection::dashboardCountLeadsToJobs()
{
    createJobs(QStringLiteral("nav-dash"), 1);
    const QString failed = m_kit->failOne(QStringLiteral("nav-dash"), QStringLiteral("boom"));
    QVERIFY(!failed.isEmpty());
    m_window->showPage(MainWindow::Dashboard);
    DashboardView *dashboard = m_window->dashboardView();
    dashboard->refresh();
    QTRY_VERIFY(dashboard->stateText(JobState::Failed).toInt() >= 1);
    auto *count = dashboard->findChild<QLabel *>(QStringLiteral("state_FAILED"));
    QVERIFY(count);
    QTest::mouseClick(count, Qt::LeftButton);
    QCOMPARE(m_window->currentPage(), MainWindow::Jobs);
    QVERIFY(m_window->jobsView()->model()->apiPath().contains(QLatin1String("state=failed")));
    const QStringList keys = listedKeys();
    QVERIFY(keys.contains(failed));
    QCOMPARE(keys, m_kit->apiKeys(QStringLiteral("state=failed")));
}

// A job type's count and a worker's completed count each open the jobs they count.
void tst_ui_selection::operatorRowsLeadToJobs()
{
    const QStringList waiting = createJobs(QStringLiteral("nav-type"), 2);
    const QString done = m_kit->create(QStringLiteral("nav-type"));
    const QJsonArray jobs =
        m_kit->api.activate(QStringLiteral("nav-type"), QStringLiteral("nav-w"), 1)
            .value(QStringLiteral("jobs"))
            .toArray();
    QCOMPARE(jobs.size(), 1);
    const QString activated = jobs.first().toObject().value(QStringLiteral("key")).toString();
    QCOMPARE(m_kit->api.put(QStringLiteral("/api/v1/jobs/%1/complete").arg(activated), {}).status,
             200);

    JobTypesView *types = m_window->jobTypesView();
    m_window->showPage(MainWindow::JobTypes);
    types->refresh();
    QModelIndex cell;
    QTRY_VERIFY((cell = rowOf(types->table()->model(), QStringLiteral("nav-type"),
                              JobTypesModel::FirstState + int(JobState::Created)))
                    .isValid());
    types->showJobsOf(cell);
    QCOMPARE(m_window->currentPage(), MainWindow::Jobs);
    QStringList expected = m_kit->apiKeys(QStringLiteral("type=nav-type&state=pending"));
    QCOMPARE(expected.size(), 2);
    QCOMPARE(listedKeys(), expected);

    WorkersView *workers = m_window->workersView();
    m_window->showPage(MainWindow::Workers);
    workers->refresh();
    QTRY_VERIFY(
        (cell = rowOf(workers->table()->model(), QStringLiteral("nav-w"), WorkersModel::Completed))
            .isValid());
    workers->showJobsOf(cell);
    QCOMPARE(m_window->currentPage(), MainWindow::Jobs);
    QCOMPARE(listedKeys(), QStringList{activated});
    // The link replaced every filter of before.
    QVERIFY(!m_window->jobsView()->model()->apiPath().contains(QLatin1String("type=")));
}

// An incident leads to its job: listed and selected, its detail in the panel.
void tst_ui_selection::incidentLeadsToItsJob()
{
    createJobs(QStringLiteral("nav-incident"), 1);
    const QString failed = m_kit->failOne(QStringLiteral("nav-incident"), QStringLiteral("nope"));
    QVERIFY(!failed.isEmpty());
    IncidentsView *incidents = m_window->incidentsView();
    m_window->showPage(MainWindow::Incidents);
    incidents->refresh();
    QModelIndex cell;
    QTRY_VERIFY((cell =
                     [&] {
                         QAbstractItemModel *model = incidents->table()->model();
                         for (int row = 0; row < model->rowCount(); ++row)
                             if (model->index(row, IncidentsModel::JobKey).data().toString() ==
                                 failed)
                                 return model->index(row, IncidentsModel::Error);
                         return QModelIndex();
                     }())
                    .isValid());
    emit incidents->table()->activated(cell); // as a double-click does
    QCOMPARE(m_window->currentPage(), MainWindow::Jobs);
    QTRY_COMPARE(m_window->jobsView()->inspectedKey(), failed);
    QCOMPARE(m_window->jobsView()->selectedKeys(), QStringList{failed});
    QCOMPARE(m_window->detailPanel()->jobKey(), failed);
}

QTEST_MAIN(tst_ui_selection)
#include "tst_ui_selection.moc"
