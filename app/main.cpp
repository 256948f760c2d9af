// jobdeck: the job server (and, with a display, the desktop console around it).
#include "AppIcon.h"
#include "ConsoleShell.h"
#include "MainWindow.h"
#include "Server.h"
#include "Translations.h"
#include "remote/RemoteConsole.h"
#include "store/Database.h"
#include "store/SqlDialect.h"
#include "store/StoreBackup.h"
#include "stores/RecentStores.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSettings>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int s_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(s_signalPipe[1], &byte, 1);
}

// SIGTERM / SIGINT end the event loop through a socket pair, so that shutdown runs in main().
void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(s_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char byte;
        [[maybe_unused]] const ssize_t n = ::read(s_signalPipe[0], &byte, 1);
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

// Limits of the process that would otherwise take the server down. A file-size limit
// (`ulimit -f`) raises SIGXFSZ, which kills by default: ignored, the store's write fails with
// EFBIG instead, and the engine answers 503 until the limit is raised. Every connection is a
// descriptor: the soft limit (often 1024) is raised to the hard one, so that max_connections
// (10000) can be reached at all.
void adjustProcessLimits()
{
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }
}

// A window needs a display: without one (and without a platform asked for), run headless.
bool displayAvailable()
{
    return !(qEnvironmentVariableIsEmpty("DISPLAY") &&
             qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
             qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"));
}

bool wantsWindow(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--headless" || arg == "-headless" || arg == "--help" || arg == "-h" ||
            arg == "--version" || arg == "-v")
            return false;
    }
    return displayAvailable();
}

void printCreatedKey(const QByteArray &created)
{
    if (created.isEmpty())
        return;
    std::printf("Created the first admin API key (shown once, keep it):\n  %s\n",
                created.constData());
    std::fflush(stdout);
}

void printListening(const Server &server)
{
    std::printf("Jobdeck %s listening on %s (store %s)\n", JOBDECK_VERSION,
                qPrintable(server.baseUrl()),
                qPrintable(Database::displayName(server.settings().dbPath)));
    std::fflush(stdout);
}

// The desktop console: the same server, inside a ConsoleShell that can switch stores. With no
// store named on the command line or in JOBDECK_DB, the connection dialog comes first when the
// user asked for it (stores/askAtStart).
int runConsole(QCoreApplication &app, ConsoleShell::Options options, bool mayAsk,
               const QString &screenshotDir)
{
    Translations::install(app);
    QApplication::setWindowIcon(AppIcon::icon());
    QGuiApplication::setDesktopFileName(QStringLiteral("jobdeck"));
    if (mayAsk && screenshotDir.isEmpty() && RecentStores::askAtStart()) {
        const QString chosen = ConsoleShell::askForStore(options.server.dbPath);
        if (chosen.isEmpty())
            return 0;
        options.server.dbPath = chosen;
    }
    const QString db = options.server.dbPath;
    options.saveLayout = screenshotDir.isEmpty();
    ConsoleShell shell(std::move(options));
    QString error;
    if (!shell.open(db, &error)) {
        std::fprintf(stderr, "jobdeck: %s\n", qPrintable(error));
        return 1;
    }
    printCreatedKey(shell.createdKey());
    printListening(*shell.server());
    if (!screenshotDir.isEmpty())
        return shell.window()->saveScreenshots(screenshotDir) ? 0 : 1;
    quitOnSignals(app);
    const int rc = app.exec();
    shell.close(); // the window's read connections close before the store
    return rc;
}

// The console attached to a server over its API (--connect URL --api-key KEY): no engine, no
// store, no HTTP server in this process. `options.server`: the command line's settings, for a
// store opened from this window later (File ▸ Open store…).
int runRemoteConsole(QCoreApplication &app, RemoteServer server, ConsoleShell::Options options,
                     const QString &screenshotDir)
{
    Translations::install(app);
    QApplication::setWindowIcon(AppIcon::icon());
    QGuiApplication::setDesktopFileName(QStringLiteral("jobdeck"));
    options.saveLayout = screenshotDir.isEmpty();
    ConsoleShell shell(std::move(options));
    QString error;
    if (!shell.attach(server, screenshotDir.isEmpty(), &error)) {
        std::fprintf(stderr, "jobdeck: %s\n", qPrintable(error));
        return 1;
    }
    if (!screenshotDir.isEmpty())
        return shell.window()->saveScreenshots(screenshotDir) ? 0 : 1;
    quitOnSignals(app);
    const int rc = app.exec();
    shell.close();
    return rc;
}

} // namespace

// jobdeck --backup FILE: 0 when the copy is complete, 2 on a PostgreSQL store (pg_dump's
// job), 1 when the copy could not be made.
static int backUp(const ServerSettings &settings, const QString &target)
{
    StoreOptions store;
    store.path = settings.dbPath;
    store.synchronousFull = settings.synchronousFull;
    if (SqlDialect::isPostgresUrl(store.path)) {
        std::fprintf(stderr, "jobdeck: %s\n", qPrintable(StoreBackup::postgresAdvice(store.path)));
        return 2;
    }
    try {
        const StoreBackup::Result r = StoreBackup::toFile(store, target);
        std::printf("jobdeck: backed up %s to %s: %lld jobs, %.1f MiB, %.1f s\n",
                    qPrintable(store.path), qPrintable(target), r.jobs, double(r.bytes) / 1048576.0,
                    double(r.millis) / 1000.0);
        return 0;
    } catch (const StoreError &error) {
        std::fprintf(stderr, "jobdeck: backup failed: %s\n", error.what());
        return 1;
    }
}

int main(int argc, char *argv[])
{
    Database::tuneSqlite();
    const bool gui = wantsWindow(argc, argv);
    std::unique_ptr<QCoreApplication> application;
    if (gui)
        application = std::make_unique<QApplication>(argc, argv);
    else
        application = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Jobdeck"));
    QCoreApplication::setApplicationName(QStringLiteral("jobdeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(JOBDECK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Jobdeck: a job queue server with a REST API and a desktop console."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      QStringLiteral("Run the server without a window."));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("HTTP port (27555)."),
                                  QStringLiteral("port"));
    const QCommandLineOption bind(QStringLiteral("bind"),
                                  QStringLiteral("Address to listen on (127.0.0.1)."),
                                  QStringLiteral("address"));
    const QCommandLineOption tlsCert(
        QStringLiteral("tls-cert"),
        QStringLiteral("Serve HTTPS with this PEM certificate (chain); needs --tls-key."),
        QStringLiteral("file"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
                                    QStringLiteral("The PEM private key of --tls-cert."),
                                    QStringLiteral("file"));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("Store: a SQLite file, or "
                                               "postgresql://user:password@host:port/dbname "
                                               "(also JOBDECK_DB)."),
                                QStringLiteral("path|url"));
    const QCommandLineOption nodeId(QStringLiteral("node-id"),
                                    QStringLiteral("Node id, the prefix of job keys (srv1)."),
                                    QStringLiteral("id"));
    const QCommandLineOption apiKey(
        QStringLiteral("api-key"),
        QStringLiteral("Make KEY a valid admin key (also JOBDECK_API_KEY); with --connect, "
                       "the key to attach with."),
        QStringLiteral("key"));
    const QCommandLineOption sync(QStringLiteral("synchronous"),
                                  QStringLiteral("Store durability: FULL (default) or NORMAL."),
                                  QStringLiteral("mode"));
    const QCommandLineOption readOnly(
        QStringLiteral("read-only"),
        QStringLiteral("Console: no action can change a job, a job type or a key."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Console: save a PNG of each view to DIR, then quit."),
        QStringLiteral("dir"));
    const QCommandLineOption backup(
        QStringLiteral("backup"),
        QStringLiteral("Write a consistent copy of the SQLite store (--db) to FILE, also while a "
                       "server runs on it, then exit."),
        QStringLiteral("file"));
    const QCommandLineOption connectTo(
        QStringLiteral("connect"),
        QStringLiteral("Console: attach to the Jobdeck server at URL (http:// or https://) "
                       "with --api-key, instead of running one."),
        QStringLiteral("url"));
    parser.addOptions({headless, port, bind, tlsCert, tlsKey, db, nodeId, apiKey, sync, readOnly,
                       screenshot, backup, connectTo});
    parser.process(app);

    ServerSettings settings;
    settings.dbPath = ServerSettings::defaultDbPath();
    QSettings stored;
    settings.load(stored);
    if (qEnvironmentVariableIsSet("JOBDECK_DB"))
        settings.dbPath = qEnvironmentVariable("JOBDECK_DB");
    if (parser.isSet(db))
        settings.dbPath = parser.value(db);
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).toUInt(&ok);
        if (!ok || value > 65535) {
            std::fprintf(stderr, "jobdeck: --port must be 0-65535\n");
            return 2;
        }
        settings.port = quint16(value);
    }
    if (parser.isSet(bind)) {
        settings.bindAddress = QHostAddress(parser.value(bind));
        if (settings.bindAddress.isNull()) {
            std::fprintf(stderr, "jobdeck: --bind needs an IP address\n");
            return 2;
        }
    }
    if (parser.isSet(tlsCert))
        settings.tlsCertFile = parser.value(tlsCert);
    if (parser.isSet(tlsKey))
        settings.tlsKeyFile = parser.value(tlsKey);
    if (parser.isSet(nodeId))
        settings.nodeId = parser.value(nodeId);
    // The node id starts every job key and names the node among others on one PostgreSQL store.
    static const QRegularExpression nodeIdPattern(QStringLiteral("^[A-Za-z0-9_.-]{1,32}$"));
    if (!nodeIdPattern.match(settings.nodeId).hasMatch()) {
        std::fprintf(stderr, "jobdeck: --node-id must be 1-32 letters, digits, '_', '-' or '.'\n");
        return 2;
    }
    if (parser.isSet(sync))
        settings.synchronousFull = parser.value(sync).toUpper() != QLatin1String("NORMAL");
    QByteArray key = qgetenv("JOBDECK_API_KEY");
    if (parser.isSet(apiKey))
        key = parser.value(apiKey).toUtf8();

    if (parser.isSet(backup))
        return backUp(settings, parser.value(backup));

    if (!parser.isSet(headless) && !gui)
        std::fprintf(stderr, "jobdeck: no display (DISPLAY, WAYLAND_DISPLAY, QT_QPA_PLATFORM); "
                             "running the server headless\n");

    RemoteServer remote;
    if (parser.isSet(connectTo)) {
        remote.url = QUrl(parser.value(connectTo));
        remote.apiKey = key;
        if (!remote.url.isValid() || (remote.url.scheme() != QLatin1String("http") &&
                                      remote.url.scheme() != QLatin1String("https"))) {
            std::fprintf(stderr, "jobdeck: --connect needs an http:// or https:// URL\n");
            return 2;
        }
        if (key.isEmpty()) {
            std::fprintf(stderr, "jobdeck: --connect needs --api-key (or JOBDECK_API_KEY)\n");
            return 2;
        }
        if (!gui) {
            std::fprintf(stderr, "jobdeck: --connect needs a display\n");
            return 2;
        }
    }

    adjustProcessLimits();
    ConsoleShell::Options options;
    options.server = settings;
    options.nodeId = parser.isSet(nodeId) ? settings.nodeId : QString();
    options.readOnly = parser.isSet(readOnly);
    if (parser.isSet(connectTo)) {
        // The key is the remote server's; a store opened later keeps its own.
        return runRemoteConsole(app, remote, options,
                                parser.isSet(screenshot) ? parser.value(screenshot) : QString());
    }
    if (gui) {
        options.apiKey = key;
        return runConsole(app, options,
                          !parser.isSet(db) && !qEnvironmentVariableIsSet("JOBDECK_DB"),
                          parser.isSet(screenshot) ? parser.value(screenshot) : QString());
    }
    Server server(settings);
    try {
        printCreatedKey(server.prepareAdminKey(key));
        server.start();
    } catch (const StoreError &error) {
        std::fprintf(stderr, "jobdeck: %s\n", error.what());
        return 1;
    }
    printListening(server);
    quitOnSignals(app);
    const int rc = app.exec();
    server.stop();
    return rc;
}
