#pragma once

#include "ApiClient.h"
#include "MainWindow.h"
#include "ServerProcess.h"

#include <QObject>
#include <QUrl>

#include <memory>

// What the tests of the console attached over the API share: a real `jobdeck --headless`
// process (on PostgreSQL a fresh database of its own), an admin client of its API, and windows
// attached to it as `jobdeck --connect` attaches them.
class RemoteConsoleTest : public QObject
{
public:
    static QUrl local(quint16 port, const char *scheme = "http");

protected:
    // QSettings of the console in a test location, cleared.
    static void useTestSettings(const QString &applicationName);
    // Starts a server (on PostgreSQL: a fresh database) with `arguments` added.
    bool startServer(const QStringList &arguments = {});
    void stopServer();
    std::unique_ptr<MainWindow> attach(const QByteArray &key, const QUrl &url = {});
    QString createJob(const QString &type, const QString &tenant = QStringLiteral("default"));
    QByteArray createKey(const QString &name, const QStringList &permissions,
                         const QStringList &tenants);
    QString status(const QString &key);

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<ApiClient> m_api;
    QString m_pgDatabase;
};
