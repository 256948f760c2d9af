#pragma once

#include "ServerSettings.h"
#include "remote/ApiConnection.h"
#include "remote/RemoteServer.h"

#include <QObject>

#include <memory>
#include <optional>

class MainWindow;
class QWidget;
class Server;

// The desktop console as a whole: a Jobdeck server (engine thread + HTTP API) over one store and
// the main window over that server. Opening another store (File ▸ Open store…, or the dialog at
// start) closes the window, stops the server (threads joined, connections closed), and builds
// both anew on the new store. On PostgreSQL the console's engine joins the database as one more
// node under a node id of its own (see nodeIdFor), so its actions are safe beside other nodes.
class ConsoleShell : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        ServerSettings server;  // the first store is server.dbPath
        QByteArray apiKey;      // --api-key / JOBDECK_API_KEY
        QString nodeId;         // --node-id when given: used on every store
        bool readOnly = false;  // --read-only
        bool saveLayout = true; // window geometry and view kept on close (not for --screenshot)
    };

    explicit ConsoleShell(Options options, QObject *parent = nullptr);
    ~ConsoleShell() override;

    // Stops what runs, then starts a server and a window on `db` (a SQLite file or a
    // postgresql:// URL). False, with the reason, when that store cannot be opened (nothing
    // runs then). The location joins the recent stores without its password.
    bool open(const QString &db, QString *error = nullptr);
    // Attaches a window to a Jobdeck server over its API (no server of its own): GET /session
    // first (an untrusted certificate is asked about when `mayAsk`). False, with the reason,
    // when the server cannot be attached to (what ran goes on then).
    bool attach(const RemoteServer &server, bool mayAsk, QString *error = nullptr);
    // The window on a server whose GET /api/v1/session answered `session`.
    void showRemote(const RemoteServer &server, const ApiConnection::Session &session);
    void close();

    MainWindow *window() const { return m_window.get(); }
    Server *server() const { return m_server.get(); }
    QString db() const { return m_db; }
    // The key created for a new store (shown once), empty when there was one.
    QByteArray createdKey() const { return m_createdKey; }

    // Node id of the console's engine: --node-id if given; on PostgreSQL the setting ui/nodeId,
    // else console-<host>-<pid> (no clash with the headless nodes nor another console); on
    // SQLite the server's node id (server/node_id, srv1).
    QString nodeIdFor(const QString &db) const;
    static QString consoleNodeId();

    // The connection dialog over `parent`; on Open, switches to the chosen store (queued, after
    // the dialog is gone). False when cancelled.
    bool chooseStore(QWidget *parent);
    // The start-up dialog (no window yet). Empty when cancelled.
    static QString askForStore(const QString &current);
    // File ▸ Connect to server…: on Connect, attaches to it (queued). False when cancelled.
    bool chooseServer(QWidget *parent);

signals:
    void storeOpened(const QString &displayName);

private:
    void startServer(const QString &db);
    void showWindow();
    void switchTo(const QString &db);
    void connectWindow();

    Options m_options;
    std::unique_ptr<Server> m_server;
    std::unique_ptr<MainWindow> m_window;
    QString m_db;
    std::optional<RemoteServer> m_remote; // the server a window is attached to
    QByteArray m_createdKey;
};
