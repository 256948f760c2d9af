#pragma once

#include "Server.h"

#include <QTemporaryDir>

#include <memory>

// A real Jobdeck server for a test: its own store in a temporary directory (or its own
// PostgreSQL database, see TestStore), a free loopback port, and an admin key. restart() stops it
// and starts a new server on the same store.
class TestServer
{
public:
    static constexpr const char *kAdminKey = "test-admin-key";

    explicit TestServer(ServerSettings settings = {});
    ~TestServer();

    bool isRunning() const { return m_server != nullptr; }
    quint16 port() const { return m_port; }
    QString dbPath() const { return m_settings.dbPath; } // a file, or a postgresql:// URL
    Server &server() { return *m_server; }
    ServerSettings &settings() { return m_settings; }
    void start();
    void stop();
    void restart();

private:
    QTemporaryDir m_dir;
    ServerSettings m_settings;
    std::unique_ptr<Server> m_server;
    quint16 m_port = 0;
};
