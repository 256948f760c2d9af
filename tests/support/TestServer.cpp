#include "TestServer.h"

#include "TestStore.h"

TestServer::TestServer(ServerSettings settings) : m_settings(std::move(settings))
{
    m_settings.dbPath = TestStore::usePostgres() ? TestStore::createDatabase()
                                                 : m_dir.filePath(QStringLiteral("jobs.db"));
    m_settings.bindAddress = QHostAddress::LocalHost;
    m_settings.port = 0;
    m_settings.synchronousFull = false; // tests do not need fsync; kill -9 tests use FULL
    start();
}

TestServer::~TestServer()
{
    stop();
    if (TestStore::usePostgres())
        TestStore::dropDatabase(m_settings.dbPath);
}

void TestServer::start()
{
    m_server = std::make_unique<Server>(m_settings);
    m_server->prepareAdminKey(kAdminKey);
    m_server->start();
    m_port = m_server->port();
    // Keep the same port over restarts, so that clients need not be rebuilt.
    m_settings.port = m_port;
}

void TestServer::stop()
{
    m_server.reset();
}

void TestServer::restart()
{
    stop();
    start();
}
