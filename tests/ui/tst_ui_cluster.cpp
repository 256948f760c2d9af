// The console on a PostgreSQL store shared with a headless node (a real `jobdeck` process):
// "Test connection" reaches the database; Open keeps the location but never the password in the
// settings (also for a URL given on the command line); the console joins as a node of its own;
// jobs the other node creates over its HTTP API appear in the console's table without any
// commit of the console's engine; a cancel done in the console is what the other node's API
// answers afterwards. PostgreSQL only (registered as tst_ui_cluster_pg).
#include "ApiClient.h"
#include "ConsoleShell.h"
#include "MainWindow.h"
#include "Server.h"
#include "TestStore.h"
#include "backend/EmbeddedBackend.h"
#include "dialogs/StoreDialog.h"
#include "models/JobTableModel.h"
#include "models/StoreReader.h"
#include "stores/PasswordVault.h"
#include "stores/RecentStores.h"
#include "stores/StoreLocation.h"
#include "views/JobsView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <QUrl>
#include <QtTest>

#include <memory>

namespace {
constexpr const char *kKey = "ui-cluster-key";
}

class tst_ui_cluster : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void testConnectionReachesPostgres();
    void openKeepsNoPassword();
    void rememberedPasswordIsInTheKeyring();
    void consoleSeesAndActsOnAnotherNode();
    void cleanupTestCase();

private:
    QByteArray settingsText() const;
    void fillDialog(StoreDialog &dialog) const;
    bool startNode();
    QString keyringPassword(const QString &entry);
    void adminExec(const QString &sql, bool maintenance = true);

    QString m_adminUrl; // the test database, as the cluster's superuser
    QString m_role;
    QString m_url; // the test database as m_role, with its password
    std::unique_ptr<QProcess> m_node;
    quint16 m_nodePort = 0;
};

void tst_ui_cluster::initTestCase()
{
    if (!TestStore::usePostgres())
        QSKIP("needs PostgreSQL (JOBDECK_TEST_PG or JOBDECK_TEST_PG_FILE)");
    QStandardPaths::setTestModeEnabled(true);
    // No keyring unless asked for (JOBDECK_TEST_KEYRING=1 under a session bus with a Secret
    // Service, e.g. dbus-run-session + gnome-keyring-daemon --unlock): never the user's own.
    if (qEnvironmentVariableIsEmpty("JOBDECK_TEST_KEYRING"))
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/jobdeck-test-bus");
    QSettings().clear();
    m_adminUrl = TestStore::createDatabase();
    // A role of this test's own whose password appears nowhere else (not in a user or a
    // database name), owning the test database: the console and the node log in as it.
    m_role = QStringLiteral("console_test_%1").arg(QCoreApplication::applicationPid());
    const QString password = QStringLiteral("Sesame-%1-q7").arg(QCoreApplication::applicationPid());
    adminExec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_role));
    adminExec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(m_role, password));
    adminExec(QStringLiteral("ALTER DATABASE %1 OWNER TO %2")
                  .arg(QUrl(m_adminUrl).path().mid(1), m_role));
    QUrl url(m_adminUrl);
    url.setUserName(m_role);
    url.setPassword(password);
    m_url = url.toString();
    QCOMPARE(StoreLocation::passwordOf(m_url), password);
}

// Runs one statement as the cluster's superuser (names made by this test, no user input).
void tst_ui_cluster::adminExec(const QString &sql, bool maintenance)
{
    StoreOptions options;
    QUrl url(m_adminUrl);
    if (maintenance)
        url.setPath(QStringLiteral("/postgres"));
    options.path = url.toString();
    {
        QSqlDatabase db = Database::open(QStringLiteral("ui-cluster-admin"), options);
        Database::exec(db, sql);
    }
    Database::close(QStringLiteral("ui-cluster-admin"));
}

void tst_ui_cluster::cleanupTestCase()
{
    if (m_node) {
        m_node->terminate();
        m_node->waitForFinished(15'000);
    }
    if (!m_adminUrl.isEmpty()) {
        TestStore::dropDatabase(m_adminUrl);
        try {
            adminExec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_role));
        } catch (const StoreError &) {
            // The cluster is thrown away after the run anyway.
        }
    }
}

QByteArray tst_ui_cluster::settingsText() const
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void tst_ui_cluster::fillDialog(StoreDialog &dialog) const
{
    const QUrl url(m_url);
    dialog.kinds()->setCurrentIndex(1);
    dialog.host()->setText(url.host());
    dialog.port()->setValue(url.port());
    dialog.database()->setText(url.path().mid(1));
    dialog.user()->setText(url.userName());
    dialog.passwordField()->setText(url.password());
}

void tst_ui_cluster::testConnectionReachesPostgres()
{
    StoreDialog dialog(StoreLocation{});
    fillDialog(dialog);
    QCOMPARE(dialog.url(), m_url);
    QSignalSpy tested(&dialog, &StoreDialog::tested);
    dialog.testConnection();
    QVERIFY(tested.wait(30'000));
    QVERIFY2(tested.first().at(0).toBool(), qPrintable(dialog.resultLabel()->text()));
    QVERIFY2(dialog.resultLabel()->text().startsWith(QLatin1String("Connected: PostgreSQL")),
             qPrintable(dialog.resultLabel()->text()));

    // A wrong password: refused, in plain words, without the password.
    dialog.passwordField()->setText(QStringLiteral("wrong-pw-4411"));
    dialog.testConnection();
    QVERIFY(tested.wait(30'000));
    QCOMPARE(tested.last().at(0).toBool(), false);
    const QString message = dialog.resultLabel()->text();
    QVERIFY2(message.contains(QLatin1String("password authentication failed")),
             qPrintable(message));
    QVERIFY(!message.contains(QLatin1String("wrong-pw-4411")));
}

void tst_ui_cluster::openKeepsNoPassword()
{
    const QString password = StoreLocation::passwordOf(m_url);
    StoreDialog dialog(StoreLocation{});
    fillDialog(dialog);
    QTRY_VERIFY(dialog.keyringChecked()); // no keyring here: nothing can be remembered
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 30'000);
    QCOMPARE(dialog.url(), m_url);
    const QList<RecentStores::Entry> recent = RecentStores::load();
    QCOMPARE(recent.size(), 1);
    QCOMPARE(recent.first().location.url(), Database::displayName(m_url));
    QVERIFY(!recent.first().rememberPassword);
    const QByteArray text = settingsText();
    QVERIFY(text.contains(QUrl(m_url).path().mid(1).toUtf8())); // the database is kept
    QVERIFY2(!text.contains(password.toUtf8()), text.constData());
}

void tst_ui_cluster::rememberedPasswordIsInTheKeyring()
{
    if (qEnvironmentVariableIsEmpty("JOBDECK_TEST_KEYRING"))
        QSKIP("needs a Secret Service (JOBDECK_TEST_KEYRING=1, see initTestCase)");
    const QString password = StoreLocation::passwordOf(m_url);
    const QString entry = Database::displayName(m_url);
    StoreDialog dialog(StoreLocation{});
    fillDialog(dialog);
    QTRY_VERIFY(dialog.keyringChecked());
    QVERIFY2(dialog.keyringAvailable(), qPrintable(dialog.keyringNote()->text()));
    dialog.rememberPassword()->setChecked(true);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 30'000);
    QVERIFY(RecentStores::load().value(0).rememberPassword);
    QVERIFY(!settingsText().contains(password.toUtf8()));
    // In the keyring, under the URL without password.
    QTRY_COMPARE_WITH_TIMEOUT(keyringPassword(entry), password, 10'000);
    // Chosen again from the recent stores: the field is filled from the keyring.
    StoreDialog again(StoreLocation{});
    QTRY_VERIFY(again.keyringChecked());
    emit again.recent()->activated(1);
    QTRY_COMPARE(again.passwordField()->text(), password);
    QVERIFY(again.rememberPassword()->isChecked());
    // Unticked and opened: taken out of the keyring.
    again.rememberPassword()->setChecked(false);
    QSignalSpy acceptedAgain(&again, &QDialog::accepted);
    again.accept();
    QTRY_COMPARE_WITH_TIMEOUT(acceptedAgain.size(), 1, 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(keyringPassword(entry), QString(), 10'000);
}

// The keyring's answer for `entry` (empty when there is none), waited for in an event loop.
QString tst_ui_cluster::keyringPassword(const QString &entry)
{
    QString stored;
    QEventLoop loop;
    PasswordVault::read(entry, &loop, [&](const QString &password, const QString &) {
        stored = password;
        loop.quit();
    });
    QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
    loop.exec();
    return stored;
}

bool tst_ui_cluster::startNode()
{
    m_node = std::make_unique<QProcess>();
    m_node->setProcessChannelMode(QProcess::SeparateChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.info=false"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir::tempPath() + QStringLiteral("/jobdeck-n1"));
    m_node->setProcessEnvironment(env);
    m_node->start(QStringLiteral(JOBDECK_BINARY),
                  {QStringLiteral("--headless"), QStringLiteral("--db"), m_url,
                   QStringLiteral("--node-id"), QStringLiteral("n1"), QStringLiteral("--port"),
                   QStringLiteral("0"), QStringLiteral("--api-key"), QString::fromLatin1(kKey),
                   QStringLiteral("--synchronous"), QStringLiteral("NORMAL")});
    static const QRegularExpression listening(QStringLiteral("listening on http://[^:]+:(\\d+)"));
    QByteArray out;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 30'000 && m_node->state() != QProcess::NotRunning) {
        m_node->waitForReadyRead(200);
        out += m_node->readAllStandardOutput();
        const QRegularExpressionMatch m = listening.match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            m_nodePort = quint16(m.captured(1).toUInt());
            return true;
        }
    }
    qWarning("node n1 did not start: %s %s", out.constData(),
             m_node->readAllStandardError().constData());
    return false;
}

void tst_ui_cluster::consoleSeesAndActsOnAnotherNode()
{
    QVERIFY(startNode());
    ApiClient n1(m_nodePort, kKey);

    // The console, as `jobdeck --db <url with password>` starts it.
    ConsoleShell::Options options;
    // n1's port, as when both run on one host with the default port: the console's API takes
    // a free one instead, and the console works.
    options.server.port = m_nodePort;
    options.server.synchronousFull = false;
    ConsoleShell shell(options);
    QString error;
    QVERIFY2(shell.open(m_url, &error), qPrintable(error));
    MainWindow *window = shell.window();
    QVERIFY(shell.server()->port() != 0 && shell.server()->port() != m_nodePort);
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("addressLabel"))
                ->text()
                .endsWith(QStringLiteral(":%1").arg(shell.server()->port())));
    ApiClient console(shell.server()->port(), kKey);
    QCOMPARE(console.get(QStringLiteral("/api/v1/health")).status, 200);
    QVERIFY(window->jobsView()->followsOtherNodes());
    // A node of its own beside n1, and the store shown without its password.
    QVERIFY2(shell.server()->settings().nodeId.startsWith(QLatin1String("console-")),
             qPrintable(shell.server()->settings().nodeId));
    const QString storeText = window->findChild<QLabel *>(QStringLiteral("storeLabel"))->text();
    QVERIFY(storeText.contains(Database::displayName(m_url)));
    QVERIFY(!storeText.contains(StoreLocation::passwordOf(m_url)));
    QVERIFY(!settingsText().contains(StoreLocation::passwordOf(m_url).toUtf8()));
    const ApiClient::Response health = n1.get(QStringLiteral("/api/v1/health"));
    QCOMPARE(health.status, 200);
    QVERIFY2(health.body.contains(shell.server()->settings().nodeId.toUtf8()),
             health.body.constData());

    // Jobs created on n1 appear in the console: n1's commits never reach the console's engine.
    JobsView *jobs = window->jobsView();
    QStringList keys;
    for (int i = 0; i < 3; ++i) {
        const ApiClient::Response created = n1.post(
            QStringLiteral("/api/v1/jobs"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("remote")},
                        {QStringLiteral("variables"), QJsonObject{{QStringLiteral("n"), i}}}});
        QVERIFY2(created.status == 201, created.body.constData());
        keys.append(created.data().value(QStringLiteral("job_key")).toString());
        QVERIFY2(keys.last().startsWith(QLatin1String("n1-")), qPrintable(keys.last()));
    }
    for (const QString &key : keys)
        QTRY_VERIFY2_WITH_TIMEOUT(jobs->model()->rowOfKey(key) >= 0, qPrintable(key), 15'000);

    // A job n1 completes shows its new state too.
    const QJsonArray activated = n1.activate(QStringLiteral("remote"), QStringLiteral("w1"), 1)
                                     .value(QStringLiteral("jobs"))
                                     .toArray();
    QCOMPARE(activated.size(), 1);
    const QString done = activated.first().toObject().value(QStringLiteral("key")).toString();
    QCOMPARE(n1.put(QStringLiteral("/api/v1/jobs/%1/complete").arg(done), QJsonObject{}).status,
             200);
    const auto stateOf = [jobs](const QString &key) {
        const int row = jobs->model()->rowOfKey(key);
        return row < 0 ? -1
                       : jobs->model()->index(row, 0).data(JobTableModel::JobStateRole).toInt();
    };
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(done), int(JobState::Completed), 15'000);

    // Cancel one in the console: through the console's engine, seen by n1's API.
    QString victim;
    for (const QString &key : keys)
        if (key != done)
            victim = key;
    jobs->setConfirm([](JobActions::Kind, const QString &, JobActions::Input *) { return true; });
    jobs->triggerOn(JobActions::Kind::Cancel, {victim});
    QTRY_COMPARE_WITH_TIMEOUT(n1.get(QStringLiteral("/api/v1/jobs/%1").arg(victim))
                                  .data()
                                  .value(QStringLiteral("status"))
                                  .toString(),
                              QStringLiteral("CANCELLED"), 15'000);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(victim), int(JobState::Cancelled), 15'000);
    shell.close();

    // The periodic look alone (no engine of the console's to signal commits at all): a jobs
    // view over the store sees what n1 creates while it is shown.
    StoreOptions store;
    store.path = m_url;
    StoreReader reader(store);
    EmbeddedBackend backend(nullptr, reader.options());
    JobsView view(&backend);
    QVERIFY(view.followsOtherNodes());
    view.show();
    QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowOfKey(victim) >= 0, 15'000);
    const ApiClient::Response later =
        n1.post(QStringLiteral("/api/v1/jobs"),
                QJsonObject{{QStringLiteral("type"), QStringLiteral("later")},
                            {QStringLiteral("variables"), QJsonObject{}}});
    QCOMPARE(later.status, 201);
    const QString laterKey = later.data().value(QStringLiteral("job_key")).toString();
    QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowOfKey(laterKey) >= 0, 15'000);
}

QTEST_MAIN(tst_ui_cluster)
#include "tst_ui_cluster.moc"
