#include "RemoteConsoleTest.h"

#include "TestStore.h"
#include "remote/RemoteConsole.h"
#include "views/JobsView.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

QUrl RemoteConsoleTest::local(quint16 port, const char *scheme)
{
    return QUrl(u"%1://127.0.0.1:%2"_s.arg(QLatin1String(scheme)).arg(port));
}

void RemoteConsoleTest::useTestSettings(const QString &applicationName)
{
    QStandardPaths::setTestModeEnabled(true); // QSettings of the console: not the user's
    QCoreApplication::setOrganizationName(u"JobdeckTests"_s);
    QCoreApplication::setApplicationName(applicationName);
    QSettings().clear();
}

void RemoteConsoleTest::stopServer()
{
    m_api.reset();
    m_server.reset();
    if (!m_pgDatabase.isEmpty())
        TestStore::dropDatabase(std::exchange(m_pgDatabase, QString()));
}

bool RemoteConsoleTest::startServer(const QStringList &arguments)
{
    stopServer();
    m_server = std::make_unique<ServerProcess>();
    if (TestStore::usePostgres()) {
        m_pgDatabase = TestStore::createDatabase();
        m_server->setDb(m_pgDatabase);
    }
    m_server->setArguments(arguments);
    if (!m_server->start())
        return false;
    m_api = std::make_unique<ApiClient>(m_server->port(), ServerProcess::kKey);
    return true;
}

std::unique_ptr<MainWindow> RemoteConsoleTest::attach(const QByteArray &key, const QUrl &url)
{
    RemoteServer server;
    server.url = url.isEmpty() ? local(m_server->port()) : url;
    server.apiKey = key;
    const RemoteConsole::Attached attached = RemoteConsole::attach(server, false);
    if (!attached.server) {
        qWarning() << "not attached:" << attached.problem;
        return nullptr;
    }
    auto window =
        std::make_unique<MainWindow>(RemoteConsole::context(*attached.server, attached.session));
    window->jobsView()->setConfirm(
        [](JobActions::Kind, const QString &, JobActions::Input *) { return true; });
    window->show();
    return window;
}

QString RemoteConsoleTest::createJob(const QString &type, const QString &tenant)
{
    return m_api->createJob({{u"type"_s, type},
                             {u"tenant_id"_s, tenant},
                             {u"variables"_s, QJsonObject{{u"order"_s, 42}}}});
}

QByteArray RemoteConsoleTest::createKey(const QString &name, const QStringList &permissions,
                                        const QStringList &tenants)
{
    const ApiClient::Response r = m_api->post(
        u"/api/v1/api-keys"_s, {{u"name"_s, name},
                                {u"permissions"_s, QJsonArray::fromStringList(permissions)},
                                {u"tenants"_s, QJsonArray::fromStringList(tenants)}});
    return r.data().value(u"api_key"_s).toString().toLatin1();
}

QString RemoteConsoleTest::status(const QString &key)
{
    return m_api->get(u"/api/v1/jobs/"_s + key).data().value(u"status"_s).toString();
}
