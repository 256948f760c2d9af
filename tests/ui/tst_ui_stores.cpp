// Choosing the console's store: StoreLocation builds the --db value from the dialog's fields
// (every part percent-encoded) and never keeps a password; the connection dialog fills and reads
// its fields, says when no keyring can remember a password, and tests a connection off the GUI
// thread (a server that never answers does not freeze the window; a closed port gives a
// readable error without the password); the console shell switches between stores and leaves
// no thread or connection behind. Needs no PostgreSQL (tst_ui_cluster_pg covers a real one).
#include "ConsoleShell.h"
#include "MainWindow.h"
#include "Server.h"
#include "dialogs/StoreDialog.h"
#include "store/Database.h"
#include "stores/ConnectionProbe.h"
#include "stores/RecentStores.h"
#include "stores/StoreLocation.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QtTest>

class tst_ui_stores : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void urlFromFields_data();
    void urlFromFields();
    void urlOfSqliteIsTheFile();
    void missingFieldsAreNamed();
    void dialogBuildsTheUrl();
    void recentStoresKeepNoPassword();
    void keyringUnavailableIsSaid();
    void silentServerDoesNotFreeze();
    void closedPortGivesReadableError();
    void openTestsFirstAndStaysOnFailure();
    void shellSwitchesStoresCleanly();
    void askAtStartReturnsTheChoice();

private:
    QByteArray settingsText() const;
    QTemporaryDir m_dir;
};

void tst_ui_stores::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // No keyring in tests, even on a desktop: a session bus that does not exist.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/jobdeck-test-bus");
    QSettings().setValue(QStringLiteral("stores/connectTimeoutS"), 2);
}

void tst_ui_stores::init()
{
    QSettings settings;
    settings.remove(QStringLiteral("stores/recent"));
    settings.remove(QStringLiteral("stores/askAtStart"));
}

QByteArray tst_ui_stores::settingsText() const
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void tst_ui_stores::urlFromFields_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("socketDir");
    QTest::addRow("plain") << "jobdeck"
                           << "secret"
                           << "jobs"
                           << "";
    QTest::addRow("reserved characters") << "ops@team"
                                         << "p@ss:w/rd%?#&= x"
                                         << "my db"
                                         << "";
    QTest::addRow("unicode") << "пользователь"
                             << "пароль€"
                             << "база"
                             << "";
    QTest::addRow("socket") << "jobdeck"
                            << ""
                            << "jobs"
                            << "/var/run/postgresql";
    QTest::addRow("socket with space") << "jobdeck"
                                       << "pw"
                                       << "jobs"
                                       << "/tmp/pg sock&x=1";
}

void tst_ui_stores::urlFromFields()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, database);
    QFETCH(QString, socketDir);
    StoreLocation location;
    location.kind = StoreLocation::Kind::Postgres;
    location.host = QStringLiteral("db.example");
    location.port = 6543;
    location.database = database;
    location.user = user;
    location.socketDir = socketDir;

    const QString url = location.url(password);
    QVERIFY(url.startsWith(QLatin1String("postgresql://")));
    // What Database::open reads back from it.
    const QUrl parsed(url);
    QVERIFY2(parsed.isValid(), qPrintable(url));
    QCOMPARE(parsed.userName(QUrl::FullyDecoded), user);
    QCOMPARE(parsed.password(QUrl::FullyDecoded), password);
    QCOMPARE(parsed.host(), QStringLiteral("db.example"));
    QCOMPARE(parsed.port(), 6543);
    QCOMPARE(parsed.path(QUrl::FullyDecoded).mid(1), database);
    QCOMPARE(StoreLocation::passwordOf(url), password);

    // Back to fields: everything but the password.
    const StoreLocation back = StoreLocation::fromUrl(url);
    QVERIFY(back.isPostgres());
    QCOMPARE(back.user, user);
    QCOMPARE(back.database, database);
    QCOMPARE(back.port, 6543);
    QCOMPARE(back.socketDir, socketDir);
    QCOMPARE(back.url(), location.url());
    QVERIFY(password.isEmpty() ||
            !back.url().contains(QString::fromLatin1(QUrl::toPercentEncoding(password))));
    QVERIFY(password.isEmpty() || !location.displayName().contains(password));
    QCOMPARE(Database::displayName(url), location.displayName());
}

void tst_ui_stores::urlOfSqliteIsTheFile()
{
    const StoreLocation location = StoreLocation::fromUrl(QStringLiteral("/data/jobs.db"));
    QVERIFY(!location.isPostgres());
    QCOMPARE(location.url(QStringLiteral("ignored")), QStringLiteral("/data/jobs.db"));
}

void tst_ui_stores::missingFieldsAreNamed()
{
    StoreLocation location;
    location.kind = StoreLocation::Kind::Postgres;
    location.user = QStringLiteral("u");
    QVERIFY(location.problem().contains(QLatin1String("database")));
    location.database = QStringLiteral("d");
    QVERIFY(location.problem().isEmpty());
    location.user.clear();
    QVERIFY(location.problem().contains(QLatin1String("user")));
    QVERIFY(!StoreLocation().problem().isEmpty()); // SQLite without a file
}

void tst_ui_stores::dialogBuildsTheUrl()
{
    StoreDialog dialog(StoreLocation::fromUrl(QStringLiteral("/tmp/a.db")));
    QCOMPARE(dialog.kinds()->currentIndex(), 0);
    QCOMPARE(dialog.file()->text(), QStringLiteral("/tmp/a.db"));
    QCOMPARE(dialog.url(), QStringLiteral("/tmp/a.db"));

    dialog.kinds()->setCurrentIndex(1);
    dialog.host()->setText(QStringLiteral("127.0.0.1"));
    dialog.port()->setValue(15432);
    dialog.database()->setText(QStringLiteral("jobs"));
    dialog.user()->setText(QStringLiteral("ops"));
    dialog.passwordField()->setText(QStringLiteral("pa:ss@word"));
    QCOMPARE(dialog.passwordField()->echoMode(), QLineEdit::Password);
    QCOMPARE(dialog.url(), QStringLiteral("postgresql://ops:pa:ss%40word@127.0.0.1:15432/jobs"));
    QCOMPARE(dialog.location().displayName(),
             QStringLiteral("postgresql://ops@127.0.0.1:15432/jobs"));
    dialog.socketDir()->setText(QStringLiteral("/run/pg"));
    QCOMPARE(StoreLocation::fromUrl(dialog.url()).socketDir, QStringLiteral("/run/pg"));
}

void tst_ui_stores::recentStoresKeepNoPassword()
{
    const QString password = QStringLiteral("never-in-settings-7f3a");
    StoreLocation pg = StoreLocation::fromUrl(
        QStringLiteral("postgresql://ops:%1@127.0.0.1:5432/jobs").arg(password));
    RecentStores::add({pg, true});
    RecentStores::add({StoreLocation::fromUrl(QStringLiteral("/tmp/b.db")), false});
    RecentStores::add({pg, true}); // again: first, not twice
    const QList<RecentStores::Entry> recent = RecentStores::load();
    QCOMPARE(recent.size(), 2);
    QCOMPARE(recent.first().location.displayName(),
             QStringLiteral("postgresql://ops@127.0.0.1:5432/jobs"));
    QVERIFY(recent.first().rememberPassword);
    QVERIFY(!settingsText().contains(password.toUtf8()));
    QVERIFY(settingsText().contains("127.0.0.1"));

    // The dialog offers them, newest first, and fills the fields from one.
    StoreDialog dialog(StoreLocation{});
    QCOMPARE(dialog.recent()->count(), 3);
    QCOMPARE(dialog.recent()->itemText(2), QStringLiteral("/tmp/b.db"));
    dialog.recent()->setCurrentIndex(2);
    emit dialog.recent()->activated(2);
    QCOMPARE(dialog.kinds()->currentIndex(), 0);
    QCOMPARE(dialog.file()->text(), QStringLiteral("/tmp/b.db"));
    emit dialog.recent()->activated(1);
    QCOMPARE(dialog.kinds()->currentIndex(), 1);
    QCOMPARE(dialog.user()->text(), QStringLiteral("ops"));
    QVERIFY(dialog.passwordField()->text().isEmpty());
}

void tst_ui_stores::keyringUnavailableIsSaid()
{
    StoreDialog dialog(StoreLocation{});
    QSignalSpy known(&dialog, &StoreDialog::keyringStateKnown);
    QTRY_VERIFY(dialog.keyringChecked());
    QVERIFY(!dialog.keyringAvailable());
    QVERIFY(!dialog.rememberPassword()->isEnabled());
    QVERIFY(!dialog.rememberPassword()->isChecked());
    QVERIFY2(dialog.keyringNote()->text().contains(QLatin1String("cannot be remembered")),
             qPrintable(dialog.keyringNote()->text()));
    QVERIFY(dialog.keyringNote()->text().contains(QLatin1String(".pgpass")));
}

void tst_ui_stores::silentServerDoesNotFreeze()
{
    // A server that accepts connections and never answers: libpq waits for its reply until
    // connect_timeout (stores/connectTimeoutS = 2 here), on the probe's thread.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    StoreDialog dialog(StoreLocation{});
    dialog.kinds()->setCurrentIndex(1);
    dialog.host()->setText(QStringLiteral("127.0.0.1"));
    dialog.port()->setValue(silent.serverPort());
    dialog.database()->setText(QStringLiteral("jobs"));
    dialog.user()->setText(QStringLiteral("ops"));
    dialog.passwordField()->setText(QStringLiteral("hush-hush-91"));
    QSignalSpy tested(&dialog, &StoreDialog::tested);
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(50);
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QVERIFY(!dialog.testButton()->isEnabled()); // running
    QVERIFY(dialog.resultLabel()->text().contains(QLatin1String("Connecting")));
    QVERIFY(tested.wait(30'000));
    // The GUI thread kept running its timers while the connect waited.
    QVERIFY2(ticks >= 5, qPrintable(QString::number(ticks)));
    QCOMPARE(tested.first().at(0).toBool(), false);
    const QString message = dialog.resultLabel()->text();
    QVERIFY2(message.startsWith(QLatin1String("Cannot connect")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("timeout")), qPrintable(message));
    QVERIFY(!message.contains(QLatin1String("hush-hush-91")));
    QVERIFY(dialog.testButton()->isEnabled());
}

void tst_ui_stores::closedPortGivesReadableError()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    } // closed now: nothing listens there
    StoreDialog dialog(StoreLocation{});
    dialog.kinds()->setCurrentIndex(1);
    dialog.host()->setText(QStringLiteral("127.0.0.1"));
    dialog.port()->setValue(port);
    dialog.database()->setText(QStringLiteral("jobs"));
    dialog.user()->setText(QStringLiteral("ops"));
    dialog.passwordField()->setText(QStringLiteral("hush-hush-92"));
    QSignalSpy tested(&dialog, &StoreDialog::tested);
    dialog.testConnection();
    QVERIFY(tested.wait(30'000));
    QCOMPARE(tested.first().at(0).toBool(), false);
    const QString message = dialog.resultLabel()->text();
    QVERIFY2(message.contains(QLatin1String("refused")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("postgresql://ops@127.0.0.1:%1/jobs").arg(port)),
             qPrintable(message));
    QVERIFY(!message.contains(QLatin1String("hush-hush-92")));
}

void tst_ui_stores::openTestsFirstAndStaysOnFailure()
{
    StoreDialog dialog(StoreLocation{});
    dialog.kinds()->setCurrentIndex(0);
    dialog.file()->setText(QStringLiteral("/nonexistent-dir-jobdeck/x/jobs.db"));
    QSignalSpy tested(&dialog, &StoreDialog::tested);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.show();
    dialog.accept();
    QVERIFY(tested.wait(10'000));
    QVERIFY(accepted.isEmpty());
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.resultLabel()->text().contains(QLatin1String("not writable")));
    QVERIFY(RecentStores::load().isEmpty());

    const QString file = m_dir.filePath(QStringLiteral("new.db"));
    dialog.file()->setText(file);
    dialog.askAtStart()->setChecked(true);
    dialog.accept();
    QTRY_COMPARE(accepted.size(), 1);
    QCOMPARE(dialog.url(), file);
    QCOMPARE(RecentStores::load().value(0).location.file, file);
    QVERIFY(RecentStores::askAtStart());
    QVERIFY(!QFile::exists(file)); // testing does not create the store
}

namespace {
int threadCount()
{
    return int(QDir(QStringLiteral("/proc/self/task"))
                   .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                   .size());
}
} // namespace

void tst_ui_stores::shellSwitchesStoresCleanly()
{
    ConsoleShell::Options options;
    options.server.port = 0;
    options.server.synchronousFull = false;
    options.apiKey = "stores-test-key";
    ConsoleShell shell(options);
    const QString a = m_dir.filePath(QStringLiteral("a.db"));
    const QString b = m_dir.filePath(QStringLiteral("b.db"));
    QString error;
    QVERIFY2(shell.open(a, &error), qPrintable(error));
    QVERIFY(shell.window()->isVisible());
    QVERIFY(shell.window()->findChild<QAction *>(QStringLiteral("openStore")));
    QVERIFY2(shell.open(b, &error), qPrintable(error));
    QVERIFY2(shell.open(a, &error), qPrintable(error));
    const int threads = threadCount();
    const QStringList connections = QSqlDatabase::connectionNames();
    QVERIFY2(shell.open(b, &error), qPrintable(error));
    auto *label = shell.window()->findChild<QLabel *>(QStringLiteral("storeLabel"));
    QVERIFY(label->text().contains(b));
    QVERIFY2(shell.open(a, &error), qPrintable(error));
    // A reader thread ends and drops its connection after the window that owned it went:
    // both counts come back (a leak would never get there).
    QTRY_COMPARE(threadCount(), threads);
    QTRY_COMPARE(QSqlDatabase::connectionNames().size(), connections.size());
    QCOMPARE(shell.server()->settings().nodeId, QStringLiteral("srv1")); // SQLite: as before
    // Both are recent stores now, the open one first.
    QCOMPARE(RecentStores::load().value(0).location.file, a);
    QCOMPARE(RecentStores::load().value(1).location.file, b);

    // Replacing the only window did not ask the application to quit: the event loop runs until
    // it is told to.
    bool quitByUs = false;
    QTimer::singleShot(100, this, [&quitByUs] {
        quitByUs = true;
        QCoreApplication::exit(0); // quit() would also close the windows
    });
    QCoreApplication::exec();
    QVERIFY(quitByUs);
    QVERIFY(shell.window()->isVisible());

    // A store that cannot be opened: nothing runs, and the reason is given.
    QVERIFY(!shell.open(QStringLiteral("/nonexistent-dir-jobdeck/x/jobs.db"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!shell.window());
    QVERIFY(!shell.server());
    shell.close();
    QTRY_COMPARE(QSqlDatabase::connectionNames(), QStringList());
}

void tst_ui_stores::askAtStartReturnsTheChoice()
{
    // The start-up dialog (no window yet): what the user opens is what the console starts on;
    // Cancel starts nothing.
    const QString file = m_dir.filePath(QStringLiteral("chosen.db"));
    QTimer::singleShot(0, this, [file] {
        auto *dialog = qobject_cast<StoreDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->kinds()->setCurrentIndex(0);
        dialog->file()->setText(file);
        dialog->accept();
    });
    QCOMPARE(ConsoleShell::askForStore(QStringLiteral("/tmp/current.db")), file);
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<StoreDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QCOMPARE(dialog->file()->text(), QStringLiteral("/tmp/current.db"));
        dialog->reject();
    });
    QVERIFY(ConsoleShell::askForStore(QStringLiteral("/tmp/current.db")).isEmpty());
}

QTEST_MAIN(tst_ui_stores)
#include "tst_ui_stores.moc"
