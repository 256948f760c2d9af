// The store's upkeep in the console (issue 15): Settings ▸ Retention edits the policy that
// GET|PUT /api/v1/settings/retention serves (and refuses in read-only mode), the dashboard shows
// the store's size, its oldest finished job and the policy in force, and File ▸ Back up store…
// writes a copy under load that passes integrity_check and holds every acknowledged job (a
// PostgreSQL store offers pg_dump instead).
#include "MainWindow.h"
#include "Translations.h"
#include "UiTestKit.h"
#include "actions/StoreUpkeep.h"
#include "dialogs/RetentionDialog.h"
#include "models/ReadOnlyMode.h"
#include "store/SqlDialect.h"
#include "views/DashboardView.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;

class tst_ui_upkeep : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void retentionDialogSetsThePolicyTheApiServes();
    void readOnlyRetentionIsRefused();
    void dashboardShowsStoreSizeOldestJobAndPolicy();
    void backupUnderLoadHoldsEveryAcknowledgedJob();
    void backupNeverReplacesAFile();
    void cleanupTestCase();

private:
    ConsoleContext context();
    RetentionDialog *openRetention(MainWindow &window);
    QJsonObject apiRetention() { return m_kit->api.get(u"/api/v1/settings/retention"_s).data(); }
    bool postgres() const { return SqlDialect::isPostgresUrl(m_kit->store().path); }

    std::unique_ptr<UiTestKit> m_kit;
    QTemporaryDir m_dir;
};

void tst_ui_upkeep::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(u"ui/language"_s, u"en"_s);
    Translations::install(*qApp); // English plurals: "7 days"
    m_kit = std::make_unique<UiTestKit>();
}

void tst_ui_upkeep::cleanupTestCase()
{
    m_kit.reset();
}

ConsoleContext tst_ui_upkeep::context()
{
    return m_kit->consoleContext();
}

RetentionDialog *tst_ui_upkeep::openRetention(MainWindow &window)
{
    QAction *action = window.findChild<QAction *>(u"retentionAction"_s);
    if (!action)
        return nullptr;
    action->trigger(); // the policy is read in the background, then the dialog opens
    (void)QTest::qWaitFor([&] { return window.storeUpkeep()->retentionDialog() != nullptr; }, 5000);
    RetentionDialog *dialog = window.storeUpkeep()->retentionDialog();
    return dialog;
}

void tst_ui_upkeep::retentionDialogSetsThePolicyTheApiServes()
{
    MainWindow window(context());
    RetentionDialog *dialog = openRetention(window);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    // The defaults ([retention] settings): 7 days, 7 days, 30 days.
    QCOMPARE(dialog->amount(RetentionDialog::Completed)->value(), 7);
    QCOMPARE(dialog->unit(RetentionDialog::Completed)->currentText(), u"days"_s);
    QCOMPARE(dialog->amount(RetentionDialog::Failed)->value(), 30);
    QVERIFY(!dialog->keepForever(RetentionDialog::Cancelled)->isChecked());

    dialog->amount(RetentionDialog::Completed)->setValue(12);
    dialog->unit(RetentionDialog::Completed)->setCurrentIndex(2); // hours
    dialog->keepForever(RetentionDialog::Cancelled)->setChecked(true);
    QVERIFY(!dialog->amount(RetentionDialog::Cancelled)->isEnabled());
    dialog->amount(RetentionDialog::Failed)->setValue(90);
    dialog->unit(RetentionDialog::Failed)->setCurrentIndex(1); // minutes
    QSignalSpy saved(window.storeUpkeep(), &StoreUpkeep::retentionSaved);
    dialog->buttons()->button(QDialogButtonBox::Save)->click();
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.first().first().toBool(), true);
    QCOMPARE(apiRetention(), (QJsonObject{{u"completed"_s, u"PT12H"_s},
                                          {u"cancelled"_s, QJsonValue::Null},
                                          {u"failed"_s, u"PT1H30M"_s}}));
    QCOMPARE(window.statusBar()->currentMessage(),
             u"Retention saved: completed 12 hours, cancelled for ever, failed 90 minutes"_s);

    // A change through the API is what the dialog shows next time.
    QCOMPARE(m_kit->api.put(u"/api/v1/settings/retention"_s, {{u"cancelled"_s, u"P3D"_s}}).status,
             200);
    QTRY_VERIFY(!window.storeUpkeep()->retentionDialog()); // the first one closed itself
    dialog = openRetention(window);
    QVERIFY(dialog);
    QCOMPARE(dialog->amount(RetentionDialog::Completed)->value(), 12);
    QCOMPARE(dialog->unit(RetentionDialog::Completed)->currentText(), u"hours"_s);
    QVERIFY(!dialog->keepForever(RetentionDialog::Cancelled)->isChecked());
    QCOMPARE(dialog->amount(RetentionDialog::Cancelled)->value(), 3);
    QCOMPARE(dialog->amount(RetentionDialog::Failed)->value(), 90);
    dialog->reject();
    QCOMPARE(saved.size(), 1); // Cancel sends nothing
    QCOMPARE(apiRetention().value(u"completed"_s).toString(), u"PT12H"_s);
}

void tst_ui_upkeep::readOnlyRetentionIsRefused()
{
    const QJsonObject before = apiRetention();
    MainWindow window(context());
    window.readOnlyMode()->setOn(true);
    RetentionDialog *dialog = openRetention(window);
    QVERIFY(dialog);
    QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Save)->isEnabled());
    dialog->reject();
    // Even sent directly, the change is refused and nothing is stored.
    QSignalSpy saved(window.storeUpkeep(), &StoreUpkeep::retentionSaved);
    window.storeUpkeep()->saveRetention(RetentionPolicy{std::nullopt, std::nullopt, std::nullopt});
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.first().first().toBool(), false);
    QVERIFY2(window.statusBar()->currentMessage().startsWith(u"Retention not saved: "_s),
             qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(apiRetention(), before);
}

void tst_ui_upkeep::dashboardShowsStoreSizeOldestJobAndPolicy()
{
    QCOMPARE(m_kit->api
                 .put(u"/api/v1/settings/retention"_s, {{u"completed"_s, u"P7D"_s},
                                                        {u"cancelled"_s, u"P7D"_s},
                                                        {u"failed"_s, QJsonValue::Null}})
                 .status,
             200);
    m_kit->create(u"upkeep"_s);
    const QJsonArray jobs = m_kit->api.activate(u"upkeep"_s, u"w1"_s, 1).value(u"jobs"_s).toArray();
    QCOMPARE(jobs.size(), 1);
    const QString key = jobs.first().toObject().value(u"key"_s).toString();
    QCOMPARE(m_kit->api.put(u"/api/v1/jobs/%1/complete"_s.arg(key), QJsonObject{}).status, 200);
    const qint64 completedAt = QDateTime::fromString(m_kit->api.get(u"/api/v1/jobs/%1"_s.arg(key))
                                                         .data()
                                                         .value(u"completed_at"_s)
                                                         .toString(),
                                                     Qt::ISODateWithMs)
                                   .toMSecsSinceEpoch();
    QVERIFY(completedAt > 0);

    MainWindow window(context());
    window.showPage(MainWindow::Dashboard);
    DashboardView *dashboard = window.dashboardView();
    QSignalSpy refreshed(dashboard, &DashboardView::refreshed);
    dashboard->refresh();
    QTRY_VERIFY(refreshed.size() >= 1);
    QVERIFY(dashboard->snapshot().store.has_value()); // the embedded console is the admin
    const StoreFootprint store = *dashboard->snapshot().store;
    QVERIFY(store.bytes > 0);
    QCOMPARE(store.oldestFinishedAt, completedAt);
    QCOMPARE(store.walBytes >= 0, !postgres());
    const QString text = dashboard->storeText();
    QVERIFY2(text.startsWith(u"Size: "_s), qPrintable(text));
    QVERIFY2(text.contains(u"oldest finished job kept: "_s), qPrintable(text));
    QVERIFY2(text.endsWith(u"kept: completed 7 days, cancelled 7 days, failed for ever"_s),
             qPrintable(text));
    QCOMPARE(text.contains(u"write-ahead log"_s), !postgres());

    // The same figures for Prometheus.
    const QByteArray metrics = m_kit->api.get(u"/metrics"_s).body;
    QVERIFY(metrics.contains("jobdeck_store_bytes{part=\"total\"}"));
    double oldestSeconds = 0;
    for (const QByteArray &line : metrics.split('\n'))
        if (line.startsWith("jobdeck_oldest_finished_job_timestamp_seconds "))
            oldestSeconds = line.split(' ').last().toDouble();
    QCOMPARE(qRound64(oldestSeconds * 1000), completedAt);

    // The store panel's button opens Settings ▸ Retention.
    dashboard->findChild<QPushButton *>(u"retentionButton"_s)->click();
    QTRY_VERIFY(window.storeUpkeep()->retentionDialog());
    window.storeUpkeep()->retentionDialog()->reject();
}

void tst_ui_upkeep::backupUnderLoadHoldsEveryAcknowledgedJob()
{
    MainWindow window(context());
    QAction *backup = window.findChild<QAction *>(u"backupAction"_s);
    QVERIFY(backup);
    if (postgres()) {
        QVERIFY(!backup->isEnabled());
        QVERIFY(backup->statusTip().contains(u"pg_dump"_s));
        return;
    }
    QVERIFY(backup->isEnabled());
    QStringList acknowledged;
    for (int i = 0; i < 300; ++i)
        acknowledged.append(m_kit->create(u"backup"_s, {{u"pad"_s, QString(500, u'x')}}));
    QVERIFY(!acknowledged.contains(QString()));

    const QString path = m_dir.filePath(u"console-backup.db"_s);
    QSignalSpy finished(window.storeUpkeep(), &StoreUpkeep::backupFinished);
    window.storeUpkeep()->backUpTo(path);
    QVERIFY(window.storeUpkeep()->backupProgress());
    QVERIFY(!backup->isEnabled()); // one backup at a time
    for (int i = 0; i < 50; ++i)   // load while it copies
        QVERIFY(!m_kit->create(u"backup-later"_s).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QTRY_VERIFY(!window.storeUpkeep()->backupProgress()); // closed
    QVERIFY(backup->isEnabled());
    QVERIFY2(window.statusBar()->currentMessage().startsWith(u"Backed up to "_s),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(!QFileInfo::exists(StoreBackup::partialPath(path)));

    {
        QSqlDatabase copy = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"copy"_s);
        copy.setDatabaseName(path);
        QVERIFY(copy.open());
        QSqlQuery q(copy);
        QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"ok"_s);
        QSet<QString> keys;
        QVERIFY(q.exec(u"SELECT job_key FROM jobs"_s));
        while (q.next())
            keys.insert(q.value(0).toString());
        for (const QString &key : std::as_const(acknowledged))
            QVERIFY2(keys.contains(key), qPrintable(key));
    }
    QSqlDatabase::removeDatabase(u"copy"_s);
}

void tst_ui_upkeep::backupNeverReplacesAFile()
{
    if (postgres())
        QSKIP("a PostgreSQL store has no console backup (pg_dump)");
    const QString path = m_dir.filePath(u"taken.db"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a store");
    }
    MainWindow window(context());
    QSignalSpy finished(window.storeUpkeep(), &StoreUpkeep::backupFinished);
    window.storeUpkeep()->backUpTo(path);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY2(finished.first().at(1).toString().contains(u"exists"_s),
             qPrintable(finished.first().at(1).toString()));
    QTRY_VERIFY(window.findChild<QMessageBox *>(u"backupError"_s));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("not a store"));
}

QTEST_MAIN(tst_ui_upkeep)
#include "tst_ui_upkeep.moc"
