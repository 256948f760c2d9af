// The console window's desktop manners: the status bar stops and restarts the HTTP server while
// the engine runs on, read-only mode disables and refuses the jobs view's actions, Ctrl+C copies
// the selected keys, a new incident is announced, exports write the expected rows (CSV, and
// JSON in GET /api/v1/jobs's shape), and the settings are kept.
#include "MainWindow.h"
#include "UiTestKit.h"
#include "actions/JobActions.h"
#include "backend/EmbeddedBackend.h"
#include "dialogs/SettingsDialog.h"
#include "models/IncidentWatcher.h"
#include "models/JobExport.h"
#include "models/JobTableModel.h"
#include "models/OperatorModels.h"
#include "models/ReadOnlyMode.h"
#include "models/StoreReader.h"
#include "views/JobDetailPanel.h"
#include "views/JobExporter.h"
#include "views/JobsView.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLibraryInfo>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTranslator>
#include <QtTest>

#include <memory>

class tst_ui_console : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void serverToggleStopsAndRestartsHttp();
    void readOnlyWindowDisablesJobActions();
    void copySelectedKeys();
    void newIncidentIsAnnounced();
    void exportSelectedCsv();
    void exportSelectedJsonIsApiShape();
    void exportFilteredJsonIsApiShape();
    void exportFilteredCsvMatchesApi();
    void cancelledExportLeavesNoFile();
    void csvQuoting();
    void settingsAreKept();
    void closingTheWindowClosesJobWindows();
    void forcedReadOnlyIsShownInSettings();
    void russianViews();
    void cleanupTestCase();

private:
    ConsoleContext context();
    void select(JobsView *view, const QStringList &keys);
    QList<QByteArray> csvLines(const QString &path);

    std::unique_ptr<UiTestKit> m_kit;
    QTemporaryDir m_dir;
    QStringList m_mail;
};

void tst_ui_console::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_kit = std::make_unique<UiTestKit>();
    for (int i = 0; i < 5; ++i)
        m_mail.append(m_kit->create(
            QStringLiteral("mail"),
            QJsonObject{{QStringLiteral("to"), QStringLiteral("a%1@example.com").arg(i)}}));
    m_kit->create(QStringLiteral("report"));
    m_kit->create(QStringLiteral("report"));
    QVERIFY(
        !m_kit->failOne(QStringLiteral("report"), QStringLiteral("boom, \"quoted\"")).isEmpty());
}

void tst_ui_console::cleanupTestCase()
{
    m_kit.reset();
}

ConsoleContext tst_ui_console::context()
{
    return m_kit->consoleContext();
}

void tst_ui_console::select(JobsView *view, const QStringList &keys)
{
    view->refresh(); // applied later: the rows are read on the loader thread
    for (const QString &key : keys)
        QTRY_VERIFY2(view->model()->rowOfKey(key) >= 0, qPrintable(key));
    QItemSelectionModel *selection = view->table()->selectionModel();
    selection->clearSelection();
    for (const QString &key : keys) {
        const int row = view->model()->rowOfKey(key);
        QVERIFY2(row >= 0, qPrintable(key));
        selection->select(view->model()->index(row, 0),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

QList<QByteArray> tst_ui_console::csvLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QByteArray &line : lines)
        if (line.endsWith('\r'))
            line.chop(1);
    return lines;
}

void tst_ui_console::serverToggleStopsAndRestartsHttp()
{
    MainWindow window(context());
    QToolButton *toggle = window.serverToggle();
    QVERIFY(toggle->isVisible() || !window.isVisible());
    QCOMPARE(m_kit->api.get(QStringLiteral("/api/v1/jobs")).status, 200);
    QStringList asked;
    bool answer = false;
    window.setConfirm([&](const QString &question) {
        asked.append(question);
        return answer;
    });
    toggle->click(); // asks, and "No" keeps it listening
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.first().startsWith(QStringLiteral("Stop the API?")), qPrintable(asked.first()));
    QVERIFY(toggle->isChecked());
    QCOMPARE(ApiClient(m_kit->server.port(), TestServer::kAdminKey)
                 .get(QStringLiteral("/api/v1/health"), 3000)
                 .status,
             200);
    // Read-only mode cannot stop it at all.
    window.readOnlyMode()->setOn(true);
    QVERIFY(!toggle->isEnabled());
    window.readOnlyMode()->setOn(false);
    QVERIFY(toggle->isEnabled());
    answer = true;
    toggle->click(); // stop
    QVERIFY(!toggle->isChecked());
    ApiClient fresh(m_kit->server.port(), TestServer::kAdminKey); // no kept-alive connection
    QCOMPARE(fresh.get(QStringLiteral("/api/v1/jobs"), 3000).status, 0);
    // The engine runs on for the console: a command still commits.
    EmbeddedBackend backend(m_kit->server.server().engine(), m_kit->store());
    JobActions actions(&backend);
    QSignalSpy done(&actions, &JobActions::finished);
    JobActions::Input input;
    input.retries = 4;
    actions.run(JobActions::Kind::Retry, {m_mail.first()}, input);
    QVERIFY(done.wait(10'000));
    QCOMPARE(done.first().at(1).toInt(), 1);
    toggle->click(); // listen again, same port
    QVERIFY(toggle->isChecked());
    ApiClient again(m_kit->server.port(), TestServer::kAdminKey);
    const ApiClient::Response r = again.get(QStringLiteral("/api/v1/jobs/") + m_mail.first());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.data()
                 .value(QStringLiteral("retry_configuration"))
                 .toObject()
                 .value(QStringLiteral("retries"))
                 .toInt(),
             4);
}

void tst_ui_console::readOnlyWindowDisablesJobActions()
{
    MainWindow window(context());
    JobsView *jobs = window.jobsView();
    QAction *cancel = jobs->action(JobActions::Kind::Cancel);
    select(jobs, {m_mail.at(1)});
    QVERIFY(cancel->isEnabled());
    window.detailPanel()->showJob(m_mail.at(1));
    QPushButton *detailCancel = window.detailPanel()->actionButton(JobActions::Kind::Cancel);
    QTRY_VERIFY(detailCancel->isEnabled());
    QVERIFY(jobs->controller()->matchingMenu()->isEnabled());
    // A detail window opened before the switch follows it.
    std::unique_ptr<QWidget> before(jobs->openDetailWindow(m_mail.at(1)));
    auto *beforePanel = qobject_cast<JobDetailPanel *>(before.get());
    QVERIFY(beforePanel);
    QTRY_VERIFY(beforePanel->actionButton(JobActions::Kind::Cancel)->isEnabled());
    window.readOnlyAction()->trigger(); // on
    QVERIFY(window.readOnlyMode()->isOn());
    QVERIFY(!cancel->isEnabled());
    QVERIFY(!detailCancel->isEnabled());
    QVERIFY(!beforePanel->actionButton(JobActions::Kind::Cancel)->isEnabled());
    // One opened in read-only mode starts with its buttons disabled, even after its job loads.
    std::unique_ptr<QWidget> after(jobs->openDetailWindow(m_mail.at(2)));
    auto *afterPanel = qobject_cast<JobDetailPanel *>(after.get());
    QVERIFY(afterPanel);
    QTest::qWait(200);
    QVERIFY(!afterPanel->actionButton(JobActions::Kind::Cancel)->isEnabled());
    QVERIFY(!jobs->controller()->matchingMenu()->isEnabled());
    // Asked anyway (e.g. from a detail window): refused before any confirmation.
    bool asked = false;
    jobs->setConfirm([&](JobActions::Kind, const QString &, JobActions::Input *) {
        asked = true;
        return true;
    });
    jobs->triggerOn(JobActions::Kind::Delete, {m_mail.at(1)});
    QVERIFY(!asked);
    QVERIFY(jobs->actionMessage().contains(ReadOnlyMode::refusal()));
    QVERIFY(!jobs->action(JobActions::Kind::Delete)->isEnabled());
    select(jobs, {m_mail.at(1), m_mail.at(2)}); // a new selection keeps them disabled
    QVERIFY(!cancel->isEnabled());
    QVERIFY(!jobs->action(JobActions::Kind::Retry)->isEnabled());
    // JobActions itself refuses, with the reason.
    QSignalSpy done(jobs->actions(), &JobActions::finished);
    jobs->actions()->run(JobActions::Kind::Cancel, {m_mail.at(1)});
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first().at(1).toInt(), 0);
    QVERIFY(done.first().at(2).toStringList().first().contains(ReadOnlyMode::refusal()));
    QCOMPARE(m_kit->api.get(QStringLiteral("/api/v1/jobs/") + m_mail.at(1))
                 .data()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("CREATED"));
    // The setting is kept; the next window starts read-only.
    QCOMPARE(QSettings().value(QLatin1String(SettingsDialog::kReadOnly)).toBool(), true);
    {
        MainWindow next(context());
        QVERIFY(next.readOnlyMode()->isOn());
        QVERIFY(next.readOnlyAction()->isChecked());
    }
    window.readOnlyAction()->trigger(); // off
    QVERIFY(!window.readOnlyMode()->isOn());
    QVERIFY(cancel->isEnabled());
    QTRY_VERIFY(detailCancel->isEnabled());
    QCOMPARE(QSettings().value(QLatin1String(SettingsDialog::kReadOnly)).toBool(), false);

    // Started with --read-only: it cannot be turned off from the menu.
    ConsoleContext locked = context();
    locked.readOnly = true;
    MainWindow lockedWindow(locked);
    QVERIFY(lockedWindow.readOnlyMode()->isOn());
    QVERIFY(!lockedWindow.readOnlyAction()->isEnabled());
}

void tst_ui_console::copySelectedKeys()
{
    MainWindow window(context());
    select(window.jobsView(), {m_mail.at(0), m_mail.at(3)});
    QGuiApplication::clipboard()->clear();
    window.copySelectedKeys();
    QStringList copied = QGuiApplication::clipboard()->text().split(QLatin1Char('\n'));
    copied.sort();
    QStringList expected{m_mail.at(0), m_mail.at(3)};
    expected.sort();
    QCOMPARE(copied, expected);
}

void tst_ui_console::newIncidentIsAnnounced()
{
    MainWindow window(context());
    IncidentWatcher *watcher = window.incidentWatcher();
    QSignalSpy spy(watcher, &IncidentWatcher::incidentOpened);
    // The incident already open at start is not announced.
    QTRY_VERIFY(watcher->hasBaseline());
    QCOMPARE(spy.size(), 0);
    m_kit->create(QStringLiteral("convert"));
    const QString failed = m_kit->failOne(QStringLiteral("convert"), QStringLiteral("codec"));
    QVERIFY(!failed.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 15'000);
    const IncidentRecord incident = spy.first().first().value<IncidentRecord>();
    QCOMPARE(incident.jobKey, failed);
    QTRY_VERIFY_WITH_TIMEOUT(window.lastIncidentNotice().contains(failed), 15'000);
    QVERIFY(window.lastIncidentNotice().contains(QLatin1String("codec")));
}

void tst_ui_console::exportSelectedCsv()
{
    MainWindow window(context());
    select(window.jobsView(), {m_mail.at(0), m_mail.at(2)});
    const QString path = m_dir.filePath(QStringLiteral("selected.csv"));
    QSignalSpy done(window.exporter(), &JobExporter::finished);
    QVERIFY(window.exporter()->exportKeys(window.jobsView()->selectedKeys(), path));
    QVERIFY(done.wait(10'000));
    QCOMPARE(done.first().at(0).toLongLong(), 2);
    QVERIFY(done.first().at(1).toString().isEmpty());
    // ...and says so where the operator looks.
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Exported 2 job(s) to %1").arg(QDir::toNativeSeparators(path)));
    const QList<QByteArray> lines = csvLines(path);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.first(), JobExportWriter::csvHeader());
    QStringList keys;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        keys.append(QString::fromUtf8(lines.at(i).split(',').first()));
        QVERIFY(lines.at(i).contains(",mail,"));
    }
    keys.sort();
    QStringList expected{m_mail.at(0), m_mail.at(2)};
    expected.sort();
    QCOMPARE(keys, expected);
}

// A selection exported as JSON: each job's GET /api/v1/jobs entry, as the API lists it.
void tst_ui_console::exportSelectedJsonIsApiShape()
{
    JobExporter exporter(StoreReader::factory(m_kit->store()), nullptr);
    const QString path = m_dir.filePath(QStringLiteral("selected.json"));
    QSignalSpy done(&exporter, &JobExporter::finished);
    QVERIFY(exporter.exportKeys({m_mail.at(0), m_mail.at(2)}, path));
    QVERIFY(done.wait(10'000));
    QVERIFY(done.first().at(1).toString().isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray exported = QJsonDocument::fromJson(file.readAll()).array();
    QCOMPARE(exported.size(), 2);
    const QJsonArray api = m_kit->api.get(QStringLiteral("/api/v1/jobs?type=mail&page_size=100"))
                               .data()
                               .value(QStringLiteral("jobs"))
                               .toArray();
    for (const QJsonValue &entry : exported) {
        const QString key = entry.toObject().value(QStringLiteral("job_key")).toString();
        QVERIFY(key == m_mail.at(0) || key == m_mail.at(2));
        const auto listed = std::find_if(api.begin(), api.end(), [&](const QJsonValue &v) {
            return v.toObject().value(QStringLiteral("job_key")).toString() == key;
        });
        QVERIFY2(listed != api.end(), qPrintable(key));
        QCOMPARE(entry.toObject(), listed->toObject());
    }
}

void tst_ui_console::exportFilteredJsonIsApiShape()
{
    JobExporter exporter(StoreReader::factory(m_kit->store()), nullptr);
    const QString path = m_dir.filePath(QStringLiteral("reports.json"));
    QSignalSpy done(&exporter, &JobExporter::finished);
    QVERIFY(exporter.exportQuery(QUrlQuery(QStringLiteral("type=report")), path));
    QVERIFY(done.wait(10'000));
    QVERIFY(done.first().at(1).toString().isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonArray exported = QJsonDocument::fromJson(file.readAll(), &error).array();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray api = m_kit->api.get(QStringLiteral("/api/v1/jobs?type=report&page_size=100"))
                               .data()
                               .value(QStringLiteral("jobs"))
                               .toArray();
    QCOMPARE(exported.size(), 2);
    QCOMPARE(exported, api); // the same entries, in the same (created_at desc) order
    QCOMPARE(done.first().at(0).toLongLong(), 2);
    // A bad query is not exported.
    QVERIFY(!exporter.exportQuery(QUrlQuery(QStringLiteral("state=nonsense")), path));
}

void tst_ui_console::exportFilteredCsvMatchesApi()
{
    MainWindow window(context());
    // The jobs view's own filter: the export takes the model's query.
    window.jobsView()->model()->setQuery(QUrlQuery(QStringLiteral("state=created&type=mail")));
    const QString path = m_dir.filePath(QStringLiteral("mail.csv"));
    QSignalSpy done(window.exporter(), &JobExporter::finished);
    QVERIFY(window.exporter()->exportQuery(window.jobsView()->model()->query(), path));
    QVERIFY(done.wait(10'000));
    const QList<QByteArray> lines = csvLines(path);
    QStringList keys;
    for (qsizetype i = 1; i < lines.size(); ++i)
        keys.append(QString::fromUtf8(lines.at(i).split(',').first()));
    QCOMPARE(keys, m_kit->apiKeys(QStringLiteral("state=created&type=mail")));
    QVERIFY(!keys.isEmpty());
}

void tst_ui_console::cancelledExportLeavesNoFile()
{
    const QString path = m_dir.filePath(QStringLiteral("cancelled.json"));
    JobExportTask task(StoreReader::factory(m_kit->store()), path);
    task.setQuery(JobFilter{}, PageRequest{});
    QSignalSpy done(&task, &JobExportTask::finished);
    task.cancel();
    task.start();
    // finished comes from the task's own thread, possibly before wait() would begin listening.
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10'000);
    QCOMPARE(done.first().at(2).toBool(), true);
    QVERIFY(!QFile::exists(path));
}

void tst_ui_console::csvQuoting()
{
    QCOMPARE(JobExportWriter::csvField(QStringLiteral("plain")), QByteArray("plain"));
    QCOMPARE(JobExportWriter::csvField(QStringLiteral("a,b")), QByteArray("\"a,b\""));
    QCOMPARE(JobExportWriter::csvField(QStringLiteral("say \"hi\"")),
             QByteArray("\"say \"\"hi\"\"\""));
    QCOMPARE(JobExportWriter::csvField(QStringLiteral("two\nlines")), QByteArray("\"two\nlines\""));
    QCOMPARE(JobExportWriter::csvField(QStringLiteral("Задача")),
             QStringLiteral("Задача").toUtf8());
    QCOMPARE(JobExportWriter::formatOf(QStringLiteral("/tmp/x.JSON")),
             JobExportWriter::Format::Json);
    QCOMPARE(JobExportWriter::formatOf(QStringLiteral("/tmp/x.csv")), JobExportWriter::Format::Csv);
}

void tst_ui_console::settingsAreKept()
{
    {
        SettingsDialog dialog;
        dialog.language()->setCurrentIndex(dialog.language()->findData(QStringLiteral("ru")));
        dialog.notifyIncidents()->setChecked(false);
        dialog.save();
    }
    QSettings settings;
    QCOMPARE(settings.value(QLatin1String(SettingsDialog::kLanguage)).toString(),
             QStringLiteral("ru"));
    QCOMPARE(settings.value(QLatin1String(SettingsDialog::kNotifyIncidents)).toBool(), false);
    SettingsDialog again;
    QCOMPARE(again.language()->currentData().toString(), QStringLiteral("ru"));
    QVERIFY(!again.notifyIncidents()->isChecked());
    again.language()->setCurrentIndex(0); // System
    again.notifyIncidents()->setChecked(true);
    again.save();
    QCOMPARE(QSettings().value(QLatin1String(SettingsDialog::kLanguage)).toString(), QString());
}

void tst_ui_console::closingTheWindowClosesJobWindows()
{
    MainWindow window(context());
    window.show();
    QPointer<QWidget> job = window.jobsView()->openDetailWindow(m_mail.first());
    QVERIFY(job && job->isVisible());
    QVERIFY(window.close()); // Ctrl+Q
    QTRY_VERIFY(!job);       // closed and deleted, not left serving on its own

    // Escape closes a job window.
    job = window.jobsView()->openDetailWindow(m_mail.first());
    QVERIFY(job && job->isVisible());
    job->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(job));
    QTest::keyClick(job, Qt::Key_Escape);
    QTRY_VERIFY(!job);
}

void tst_ui_console::forcedReadOnlyIsShownInSettings()
{
    QSettings().setValue(QLatin1String(SettingsDialog::kReadOnly), false);
    SettingsDialog dialog(nullptr, true); // started with --read-only
    QVERIFY(dialog.readOnly()->isChecked());
    QVERIFY(!dialog.readOnly()->isEnabled());
    dialog.save(); // the stored choice stays for starts without --read-only
    QCOMPARE(QSettings().value(QLatin1String(SettingsDialog::kReadOnly)).toBool(), false);
}

void tst_ui_console::russianViews()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/jobdeck_ru.qm")));
    QCoreApplication::installTranslator(&translator);
    JobTypesModel types;
    QCOMPARE(types.headerData(JobTypesModel::OldestWaiting, Qt::Horizontal).toString(),
             QStringLiteral("Самая старая в ожидании"));
    QVERIFY(ReadOnlyMode::refusal().startsWith(QStringLiteral("Консоль")));
    QCOMPARE(QCoreApplication::translate("DashboardView", "Last %n minute(s)", nullptr, 15),
             QStringLiteral("Последние 15 минут"));
    QCOMPARE(QCoreApplication::translate("DashboardView", "Last %n minute(s)", nullptr, 3),
             QStringLiteral("Последние 3 минуты"));
    {
        MainWindow window(context());
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Файл"));
        QCOMPARE(window.findChild<QListWidget *>(QStringLiteral("navigation"))->item(1)->text(),
                 QStringLiteral("Сводка"));
        // The longer Russian words still fit a 1600-pixel screen: nothing forces the window
        // wider than the first start's size (94 % of it).
        const int widest = window.minimumSizeHint().width();
        qInfo("Russian window: at least %d px wide (jobs %d, detail %d)", widest,
              window.jobsView()->minimumSizeHint().width(),
              window.detailPanel()->minimumSizeHint().width());
        QVERIFY2(widest <= 1600 * 94 / 100, qPrintable(QString::number(widest)));
    }
    QCoreApplication::removeTranslator(&translator);
    // Qt's own words (message box buttons) come from qtbase_ru (qt6-translations-l10n), loaded
    // the way Translations::install does: a Russian console has no English "Yes".
    QTranslator qt;
    QVERIFY(qt.load(QLocale(QStringLiteral("ru")), QStringLiteral("qtbase"), QStringLiteral("_"),
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
    QCoreApplication::installTranslator(&qt);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "&Yes"), QStringLiteral("&Да"));
    QCoreApplication::removeTranslator(&qt);
    QTranslator english;
    QVERIFY(english.load(QStringLiteral(":/i18n/jobdeck_en.qm")));
    QCoreApplication::installTranslator(&english);
    QCOMPARE(QCoreApplication::translate("JobExporter", "%n job(s) written…", nullptr, 1),
             QStringLiteral("1 job written…"));
    QCOMPARE(QCoreApplication::translate("JobExporter", "%n job(s) written…", nullptr, 7),
             QStringLiteral("7 jobs written…"));
    QCoreApplication::removeTranslator(&english);
}

QTEST_MAIN(tst_ui_console)
#include "tst_ui_console.moc"
