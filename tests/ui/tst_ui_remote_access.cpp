// The console attached over the API with keys of less than admin (issue 18), on SQLite and
// (tst_ui_remote_access_pg) on PostgreSQL: a read key gives a read-only window; a job key of
// one tenant sees that tenant's jobs, and what the API keeps for admins or for keys of every
// tenant is off with why; a revoked key shows its state; File ▸ Export writes the server's own
// list entries.
#include "RemoteConsoleTest.h"
#include "actions/StoreUpkeep.h"
#include "models/JobTableModel.h"
#include "models/OperatorModels.h"
#include "views/ApiKeysView.h"
#include "views/BulkOperationsView.h"
#include "views/DashboardView.h"
#include "views/IncidentsView.h"
#include "views/JobExporter.h"
#include "views/JobTypesView.h"
#include "views/JobsView.h"
#include "views/SchedulesView.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

using namespace Qt::StringLiterals;

class tst_ui_remote_access : public RemoteConsoleTest
{
    Q_OBJECT
private slots:
    void initTestCase() { useTestSettings(u"tst_ui_remote_access"_s); }
    void init() { QVERIFY2(startServer(), "the jobdeck process did not start"); }
    void cleanup() { stopServer(); }
    void exportOverTheApi();
    void readKeyGivesReadOnlyWindow();
    void jobKeyOfOneTenant();
    void jobKeyOfEveryTenantPausesTypes();
    void revokedKeyShowsItsState();
};

// File ▸ Export attached to a server: the filtered jobs are the server's own list entries (a
// failed job's with its failure history), and so are a selection's (failed, cancelled, active
// jobs among them).
void tst_ui_remote_access::exportOverTheApi()
{
    const QStringList keys{createJob(u"report"_s), createJob(u"report"_s), createJob(u"report"_s)};
    createJob(u"mail"_s);
    const QJsonArray activated =
        m_api->activate(u"report"_s, u"w-export"_s, 1).value(u"jobs"_s).toArray();
    QCOMPARE(activated.size(), 1);
    const QString failed = activated.at(0).toObject().value(u"key"_s).toString();
    QCOMPARE(m_api
                 ->put(u"/api/v1/jobs/%1/fail"_s.arg(failed),
                       {{u"retries"_s, 2}, {u"error_message"_s, u"Disk full"_s}})
                 .status,
             200);
    // A selection of every kind: failed for good (an incident), cancelled with a reason, active.
    const QString broken = createJob(u"audit"_s);
    const QString dropped = createJob(u"audit"_s);
    const QString running = createJob(u"audit"_s);
    for (const QJsonValue &job :
         m_api->activate(u"audit"_s, u"w-export"_s, 3).value(u"jobs"_s).toArray()) {
        const QString key = job.toObject().value(u"key"_s).toString();
        if (key == broken)
            QCOMPARE(m_api
                         ->put(u"/api/v1/jobs/%1/fail"_s.arg(key),
                               {{u"retries"_s, 0}, {u"error_message"_s, u"Bad ledger"_s}})
                         .status,
                     200);
    }
    QCOMPARE(m_api->post(u"/api/v1/jobs/%1/cancel"_s.arg(dropped), {{u"reason"_s, u"obsolete"_s}})
                 .status,
             200);
    const QJsonArray api =
        m_api->get(u"/api/v1/jobs?type=report&page_size=100"_s).data().value(u"jobs"_s).toArray();
    QCOMPARE(api.size(), 3);
    const QJsonArray audits =
        m_api->get(u"/api/v1/jobs?type=audit&page_size=100"_s).data().value(u"jobs"_s).toArray();
    QCOMPARE(audits.size(), 3);

    std::unique_ptr<MainWindow> window = attach(ServerProcess::kKey);
    QVERIFY(window);
    QVERIFY(window->findChild<QAction *>(u"exportFiltered"_s));
    const QDir dir(QStandardPaths::writableLocation(QStandardPaths::TempLocation));
    const auto exported = [&](const QString &name, auto start) {
        const QString path = dir.filePath(name);
        QFile::remove(path);
        QSignalSpy done(window->exporter(), &JobExporter::finished);
        if (!start(path))
            return QJsonArray();
        if (!done.wait(10'000) || !done.first().at(1).toString().isEmpty()) {
            qWarning() << "export failed:" << done.value(0).value(1).toString();
            return QJsonArray();
        }
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).array()
                                              : QJsonArray();
    };
    const QJsonArray filtered = exported(u"remote-reports.json"_s, [&](const QString &path) {
        return window->exporter()->exportQuery(QUrlQuery(u"type=report"_s), path);
    });
    QCOMPARE(filtered, api); // the same entries, in the same (created_at desc) order
    bool sawFailureHistory = false;
    for (const QJsonValue &entry : filtered)
        sawFailureHistory |= entry.toObject().value(u"failure_history"_s).toArray().size() == 1;
    QVERIFY(sawFailureHistory);

    const QStringList chosen = keys + QStringList{broken, dropped, running};
    const QJsonArray selected = exported(u"remote-selected.json"_s, [&](const QString &path) {
        return window->exporter()->exportKeys(chosen, path);
    });
    QCOMPARE(selected.size(), 6);
    QJsonArray listed = api;
    for (const QJsonValue &v : audits)
        listed.append(v);
    for (const QJsonValue &entry : selected) {
        const QString key = entry.toObject().value(u"job_key"_s).toString();
        const auto same = std::find_if(listed.begin(), listed.end(), [&](const QJsonValue &v) {
            return v.toObject().value(u"job_key"_s).toString() == key;
        });
        QVERIFY2(same != listed.end(), qPrintable(key));
        QCOMPARE(entry.toObject(), same->toObject());
    }
}

// A key with only "read": the window lists the jobs, and every action is off.
void tst_ui_remote_access::readKeyGivesReadOnlyWindow()
{
    const QString key = createJob(u"mail"_s);
    const QByteArray reader = createKey(u"watcher"_s, {u"read"_s}, {u"*"_s});
    QVERIFY(!reader.isEmpty());
    std::unique_ptr<MainWindow> window = attach(reader);
    QVERIFY(window);
    JobsView *jobs = window->jobsView();
    QTRY_VERIFY(jobs->model()->rowOfKey(key) >= 0);
    jobs->table()->selectRow(jobs->model()->rowOfKey(key));
    QVERIFY(!jobs->action(JobActions::Kind::Cancel)->isEnabled());
    QVERIFY2(jobs->action(JobActions::Kind::Cancel)->toolTip().contains(u"may only read"_s),
             qPrintable(jobs->action(JobActions::Kind::Cancel)->toolTip()));
    QVERIFY(!window->jobTypesView()->pauseAction()->isEnabled());
    QVERIFY(window->jobTypesView()->pauseAction()->toolTip().contains(u"may only read"_s));
    QVERIFY(window->findChild<QLabel *>(u"readOnlyLabel"_s)->isVisible());
    QVERIFY(window->findChild<QLabel *>(u"storeLabel"_s)->text().contains(u"watcher (read)"_s));
}

// A `job` key of one tenant sees that tenant's jobs only, and what the API keeps for admins or
// for keys of every tenant is off, saying why, instead of answered 403 when tried: All
// matching's server-side operations, Resolve, Retention, the API keys and bulk operations lists,
// a job type's Pause and Limits; the dashboard leaves the store's size out.
void tst_ui_remote_access::jobKeyOfOneTenant()
{
    const QString mine = createJob(u"mail"_s, u"acme"_s);
    const QString theirs = createJob(u"mail"_s, u"globex"_s);
    const QByteArray acme = createKey(u"acme-ops"_s, {u"job"_s}, {u"acme"_s});
    QVERIFY(!acme.isEmpty());
    std::unique_ptr<MainWindow> window = attach(acme);
    QVERIFY(window);
    JobsView *jobs = window->jobsView();
    QTRY_VERIFY(jobs->model()->rowOfKey(mine) >= 0);
    QCOMPARE(jobs->model()->rowCount(), 1);
    QCOMPARE(jobs->model()->rowOfKey(theirs), -1);

    // What a job key may do stays on.
    jobs->table()->selectRow(jobs->model()->rowOfKey(mine));
    QVERIFY(jobs->action(JobActions::Kind::Cancel)->isEnabled());
    QVERIFY(window->jobsView()->controller()->newJobAction()->isEnabled());
    QVERIFY(window->schedulesView()->newAction()->isEnabled());
    const auto matching = [&](JobActions::Kind kind) {
        return window->findChild<QAction *>(u"matching_%1"_s.arg(int(kind)));
    };
    QVERIFY(matching(JobActions::Kind::Priority)->isEnabled()); // job by job, a job key's
    QVERIFY(!matching(JobActions::Kind::Cancel)->isEnabled());  // a bulk operation: admin
    QVERIFY2(matching(JobActions::Kind::Cancel)->toolTip().contains(u"admin key"_s),
             qPrintable(matching(JobActions::Kind::Cancel)->toolTip()));
    QVERIFY(!window->storeUpkeep()->retentionAction()->isEnabled());
    QVERIFY(window->storeUpkeep()->retentionAction()->toolTip().contains(u"acme-ops"_s));

    window->showPage(MainWindow::JobTypes);
    JobTypesView *types = window->jobTypesView();
    QTRY_VERIFY(types->model()->rowOfKey(u"mail"_s) >= 0);
    types->table()->selectRow(types->model()->rowOfKey(u"mail"_s));
    QVERIFY(!types->pauseAction()->isEnabled());
    QVERIFY(!types->limitsAction()->isEnabled());
    QVERIFY2(types->pauseAction()->toolTip().contains(u"every tenant"_s),
             qPrintable(types->pauseAction()->toolTip()));

    window->showPage(MainWindow::Incidents);
    QVERIFY(!window->incidentsView()->resolveAction()->isEnabled());
    QVERIFY(window->incidentsView()->resolveAction()->toolTip().contains(u"admin key"_s));

    // Lists only an admin may read say why they are empty (no 403 shown).
    window->showPage(MainWindow::ApiKeys);
    auto *hint = window->apiKeysView()->findChild<QLabel *>(u"emptyTableHint"_s);
    QTRY_VERIFY(hint && hint->isVisible());
    QVERIFY2(hint->text().contains(u"Only an admin key may see this list"_s),
             qPrintable(hint->text()));
    QVERIFY(window->apiKeysView()->message().isEmpty()); // no 403 shown
    QVERIFY(!window->apiKeysView()->createAction()->isEnabled());
    window->showPage(MainWindow::BulkOperations);
    hint = window->bulkOperationsView()->findChild<QLabel *>(u"emptyTableHint"_s);
    QTRY_VERIFY(hint && hint->isVisible());
    QVERIFY2(hint->text().contains(u"Only an admin key may see this list"_s),
             qPrintable(hint->text()));
    QVERIFY(window->bulkOperationsView()->message().isEmpty());

    window->showPage(MainWindow::Dashboard);
    auto *store = window->dashboardView()->findChild<QLabel *>(u"storeSummary"_s);
    QTRY_VERIFY2(store->text() ==
                     u"Size: shown to keys of every tenant · retention: shown to admin keys"_s,
                 qPrintable(store->text()));
    QVERIFY(!window->dashboardView()->findChild<QPushButton *>(u"retentionButton"_s)->isEnabled());
    QCOMPARE(window->dashboardView()->findChild<QLabel *>(u"totalJobs"_s)->text(), u"1"_s);
}

// A `job` key of every tenant may pause a job type and set its limits.
void tst_ui_remote_access::jobKeyOfEveryTenantPausesTypes()
{
    createJob(u"mail"_s, u"acme"_s);
    const QByteArray ops = createKey(u"all-ops"_s, {u"job"_s}, {u"*"_s});
    QVERIFY(!ops.isEmpty());
    std::unique_ptr<MainWindow> window = attach(ops);
    QVERIFY(window);
    window->showPage(MainWindow::JobTypes);
    JobTypesView *types = window->jobTypesView();
    QTRY_VERIFY(types->model()->rowOfKey(u"mail"_s) >= 0);
    types->table()->selectRow(types->model()->rowOfKey(u"mail"_s));
    QVERIFY(types->pauseAction()->isEnabled());
    QVERIFY(types->limitsAction()->isEnabled());
    QVERIFY(!window->incidentsView()->resolveAction()->isEnabled()); // still an admin's
}

// The key is revoked while the console is attached: one banner says so (no stream of errors),
// and the window turns read-only.
void tst_ui_remote_access::revokedKeyShowsItsState()
{
    const QString key = createJob(u"mail"_s);
    const QByteArray ops = createKey(u"ops"_s, {u"admin"_s}, {u"*"_s});
    std::unique_ptr<MainWindow> window = attach(ops);
    QVERIFY(window);
    JobsView *jobs = window->jobsView();
    QTRY_VERIFY(jobs->model()->rowOfKey(key) >= 0);
    auto *banner = window->findChild<QLabel *>(u"connectionBanner"_s);
    QVERIFY(!banner->isVisible());
    QCOMPARE(m_api->del(u"/api/v1/api-keys/ops"_s).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10'000);
    QVERIFY2(banner->text().contains(u"API key"_s), qPrintable(banner->text()));
    QVERIFY(!banner->text().contains(u"Retrying in"_s));
    QVERIFY(window->findChild<QLabel *>(u"readOnlyLabel"_s)->isVisible());
    jobs->table()->selectRow(jobs->model()->rowOfKey(key));
    QVERIFY(!jobs->action(JobActions::Kind::Cancel)->isEnabled());
    QCOMPARE(jobs->model()->rowOfKey(key), 0); // what it last read stays
}

QTEST_MAIN(tst_ui_remote_access)
#include "tst_ui_remote_access.moc"
