#include "ConsoleShell.h"

#include "MainWindow.h"
#include "Server.h"
#include "dialogs/AdminKeyDialog.h"
#include "dialogs/ServerDialog.h"
#include "dialogs/StoreDialog.h"
#include "remote/RemoteConsole.h"
#include "store/SqlDialect.h"
#include "stores/RecentStores.h"
#include "stores/StoreLocation.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>

Q_LOGGING_CATEGORY(lcShell, "jobdeck.ui.shell")

ConsoleShell::ConsoleShell(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{}

ConsoleShell::~ConsoleShell()
{
    close();
}

QString ConsoleShell::consoleNodeId()
{
    // Node ids are 1-32 of [A-Za-z0-9_.-]; the pid keeps two consoles of one host apart.
    static const QRegularExpression other(QStringLiteral("[^A-Za-z0-9_.-]"));
    const QString pid = QString::number(QCoreApplication::applicationPid());
    QString host = QHostInfo::localHostName().section(QLatin1Char('.'), 0, 0);
    host.replace(other, QStringLiteral("_"));
    const QString prefix = QStringLiteral("console-");
    host.truncate(qMax(0, 32 - int(prefix.size()) - 1 - int(pid.size())));
    return host.isEmpty() ? prefix + pid : prefix + host + QLatin1Char('-') + pid;
}

QString ConsoleShell::nodeIdFor(const QString &db) const
{
    if (!m_options.nodeId.isEmpty())
        return m_options.nodeId;
    if (!SqlDialect::isPostgresUrl(db))
        return m_options.server.nodeId;
    const QString configured = QSettings().value(QStringLiteral("ui/nodeId")).toString();
    return configured.isEmpty() ? consoleNodeId() : configured;
}

bool ConsoleShell::open(const QString &db, QString *error)
{
    QElapsedTimer clock;
    clock.start();
    close();
    try {
        startServer(db);
    } catch (const StoreError &failure) {
        m_server.reset();
        if (error)
            *error = QString::fromUtf8(failure.what());
        return false;
    }
    m_db = db;
    // Recent stores: the location only, and whether its password is in the keyring as before.
    RecentStores::Entry entry{StoreLocation::fromUrl(db), false};
    for (const RecentStores::Entry &known : RecentStores::load())
        if (known.location == entry.location)
            entry.rememberPassword = known.rememberPassword;
    RecentStores::add(entry);
    showWindow();
    qCInfo(lcShell, "console on %s (node %s) in %lld ms", qPrintable(Database::displayName(db)),
           qPrintable(m_server->settings().nodeId), clock.elapsed());
    emit storeOpened(Database::displayName(db));
    return true;
}

void ConsoleShell::startServer(const QString &db)
{
    ServerSettings settings = m_options.server;
    settings.dbPath = db;
    settings.nodeId = nodeIdFor(db);
    m_server = std::make_unique<Server>(settings);
    m_createdKey = m_server->prepareAdminKey(m_options.apiKey);
    try {
        m_server->start();
    } catch (const StoreError &failure) {
        if (!m_server->engine() || settings.port == 0)
            throw; // the store itself failed
        // The engine runs: only the API's port was taken (by a node on this host, say). The
        // console still works; its API listens on a free port instead.
        qCWarning(lcShell, "%s: the console's API listens on a free port instead", failure.what());
        m_server.reset();
        settings.port = 0;
        m_server = std::make_unique<Server>(settings);
        m_server->start();
    }
}

void ConsoleShell::showWindow()
{
    const ServerSettings &settings = m_server->settings();
    ConsoleContext context;
    context.engine = m_server->engine();
    context.store.path = settings.dbPath;
    context.store.synchronousFull = settings.synchronousFull;
    context.store.walLimitBytes = settings.walLimitBytes;
    context.address = m_server->baseUrl();
    context.readOnly = m_options.readOnly;
    Server *server = m_server.get();
    context.setListening = [server](bool listen) { return server->setListening(listen); };
    m_window = std::make_unique<MainWindow>(context);
    connectWindow();
    m_window->show();
    if (!m_createdKey.isEmpty()) {
        auto *dialog = new AdminKeyDialog(m_createdKey, m_window.get());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    }
}

void ConsoleShell::connectWindow()
{
    connect(m_window.get(), &MainWindow::openStoreRequested, this,
            [this] { chooseStore(m_window.get()); });
    connect(m_window.get(), &MainWindow::connectToServerRequested, this,
            [this] { chooseServer(m_window.get()); });
}

bool ConsoleShell::attach(const RemoteServer &server, bool mayAsk, QString *error)
{
    const RemoteConsole::Attached attached = RemoteConsole::attach(server, mayAsk, m_window.get());
    if (!attached.server) {
        if (error)
            *error = attached.problem;
        return false;
    }
    showRemote(*attached.server, attached.session);
    return true;
}

void ConsoleShell::showRemote(const RemoteServer &server, const ApiConnection::Session &session)
{
    close();
    m_remote = server;
    m_remote->store = session.store;
    ConsoleContext context = RemoteConsole::context(server, session);
    context.readOnly = context.readOnly || m_options.readOnly;
    m_window = std::make_unique<MainWindow>(context);
    connectWindow();
    m_window->show();
    qCInfo(lcShell, "console attached to %s",
           qPrintable(server.url.toDisplayString(QUrl::RemoveUserInfo)));
}

bool ConsoleShell::chooseServer(QWidget *parent)
{
    ServerDialog dialog(parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    // The dialog tested the server (and its certificate) already: no second probe here, after
    // the dialog is gone (the window that asked is about to be replaced).
    QMetaObject::invokeMethod(
        this,
        [this, server = dialog.server(), session = dialog.session()] {
            showRemote(server, session);
        },
        Qt::QueuedConnection);
    return true;
}

void ConsoleShell::close()
{
    if (m_window) {
        if (m_options.saveLayout)
            m_window->saveLayout();
        // The window goes before the server: its readers and threads end first. (Destroying it,
        // unlike closing it, does not make the application quit: tested.)
        m_window.reset();
    }
    m_server.reset(); // stops the API and the engine, joins their threads, closes the store
    m_db.clear();
    m_remote.reset();
}

bool ConsoleShell::chooseStore(QWidget *parent)
{
    StoreDialog dialog(StoreLocation::fromUrl(m_db), parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    // After this slot returns: the window that asked is about to be replaced.
    QMetaObject::invokeMethod(
        this, [this, db = dialog.url()] { switchTo(db); }, Qt::QueuedConnection);
    return true;
}

QString ConsoleShell::askForStore(const QString &current)
{
    StoreDialog dialog(StoreLocation::fromUrl(current));
    return dialog.exec() == QDialog::Accepted ? dialog.url() : QString();
}

void ConsoleShell::switchTo(const QString &db)
{
    const QString previous = m_db;
    const std::optional<RemoteServer> attached = previous.isEmpty() ? m_remote : std::nullopt;
    QString error;
    if (open(db, &error))
        return;
    if (attached) { // from a window attached to a server: back to it
        QMessageBox::warning(nullptr, tr("Open store"),
                             tr("Cannot open %1:\n%2").arg(Database::displayName(db), error));
        if (!attach(*attached, true, &error)) {
            QMessageBox::critical(nullptr, tr("Connect to server"), error);
            QApplication::quit();
        }
        return;
    }
    QMessageBox::warning(
        nullptr, tr("Open store"),
        tr("Cannot open %1:\n%2\n\nThe console goes back to %3.")
            .arg(Database::displayName(db), error, Database::displayName(previous)));
    if (!open(previous, &error)) {
        QMessageBox::critical(
            nullptr, tr("Open store"),
            tr("Cannot open %1 again:\n%2").arg(Database::displayName(previous), error));
        QApplication::quit();
    }
}
