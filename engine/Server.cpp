#include "Server.h"

#include "api/ActivationApi.h"
#include "api/BulkOperationsApi.h"
#include "api/ChangesApi.h"
#include "api/DashboardApi.h"
#include "api/IncidentsApi.h"
#include "api/JobsApi.h"
#include "api/KeysApi.h"
#include "api/LimitsApi.h"
#include "api/ListApi.h"
#include "api/ObservabilityApi.h"
#include "api/OperatorApi.h"
#include "api/RetentionApi.h"
#include "api/SchedulesApi.h"
#include "api/StatsApi.h"
#include "api/SystemApi.h"
#include "core/Clock.h"
#include "http/HttpFrontend.h"
#include "http/TlsFiles.h"
#include "store/Database.h"
#include "store/KeyStore.h"
#include "store/Schema.h"
#include "store/SqlDialect.h"

Server::Server(ServerSettings settings) : m_settings(std::move(settings))
{
    m_httpThread.setObjectName(QStringLiteral("jobdeck-http"));
}

Server::~Server()
{
    stop();
}

StoreOptions Server::storeOptions() const
{
    StoreOptions options;
    options.path = m_settings.dbPath;
    options.synchronousFull = m_settings.synchronousFull;
    options.walLimitBytes = m_settings.walLimitBytes;
    return options;
}

QByteArray Server::prepareAdminKey(const QByteArray &clearKey)
{
    const QString connection = QStringLiteral("jobdeck-setup");
    QByteArray created;
    try {
        QSqlDatabase db = Database::open(connection, storeOptions());
        Schema::migrate(db);
        KeyStore keys(db);
        if (!clearKey.isEmpty()) {
            const QByteArray hash = ApiKey::hash(clearKey);
            if (!keys.findByHash(hash))
                keys.insert(
                    ApiKey{QStringLiteral("admin-%1").arg(QString::fromLatin1(hash.left(8))),
                           {QStringLiteral("admin")},
                           {QStringLiteral("*")}},
                    hash, Clock::nowMs());
        } else if (keys.count() == 0) {
            created = ApiKey::generateClearKey();
            keys.insert(
                ApiKey{QStringLiteral("admin"), {QStringLiteral("admin")}, {QStringLiteral("*")}},
                ApiKey::hash(created), Clock::nowMs());
        }
    } catch (const StoreError &) {
        Database::close(connection); // a console may try another store next
        throw;
    }
    Database::close(connection);
    return created;
}

void Server::start()
{
    std::optional<QSslConfiguration> tls;
    if (!m_settings.tlsCertFile.isEmpty() || !m_settings.tlsKeyFile.isEmpty()) {
        if (m_settings.tlsCertFile.isEmpty() || m_settings.tlsKeyFile.isEmpty())
            throw StoreError(QStringLiteral("TLS needs both a certificate and a key "
                                            "(--tls-cert FILE --tls-key FILE)"));
        QString error;
        tls = TlsFiles::load(m_settings.tlsCertFile, m_settings.tlsKeyFile, &error);
        if (!tls)
            throw StoreError(QStringLiteral("TLS: ") + error);
    } else if (!m_settings.bindAddress.isLoopback()) {
        qCWarning(lcHttp).noquote()
            << "listening on" << m_settings.bindAddress.toString()
            << "without TLS: API keys and jobs cross the network in clear (--tls-cert, --tls-key)";
    }
    m_tls = tls.has_value();
    EngineConfig config;
    config.store = storeOptions();
    config.nodeId = m_settings.nodeId;
    config.maxLongPolls = m_settings.maxLongPolls;
    config.searchLagMs = m_settings.searchLagMs;
    config.retention = m_settings.retention;
    config.retentionIntervalMs = m_settings.retentionIntervalMs;
    config.retentionBusyPercent = m_settings.retentionBusyPercent;
    config.bulkStepJobs = m_settings.bulkStepJobs;
    config.bulkBusyPercent = m_settings.bulkBusyPercent;
    config.bulkKeepOperations = m_settings.bulkKeepOperations;
    // The server's threads wait on their sockets and timers with Qt's own event dispatcher, not
    // GLib's main loop: GLib re-registers every socket notifier with its poll sources on each
    // change, and a keep-alive connection changes them on every request (measured: a tenth of
    // the server's CPU per job). Read by each thread as it starts; a console's main thread keeps
    // the dispatcher it already has. An explicit QT_NO_GLIB setting is left alone.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    m_engine = std::make_unique<EngineThread>(config);
    m_engine->start();

    m_frontend =
        new HttpFrontend(m_engine->engine(), storeOptions(), m_settings.http, m_settings.api);
    // Literal /jobs/... routes first: the router takes the first match, before JobsApi's :key.
    ListApi::registerRoutes(*m_frontend);
    StatsApi::registerRoutes(*m_frontend);
    JobsApi::registerRoutes(*m_frontend);
    ActivationApi::registerRoutes(*m_frontend);
    SystemApi::registerRoutes(*m_frontend, SqlDialect::isPostgresUrl(m_settings.dbPath)
                                               ? SqlDialect(SqlDialect::Kind::Postgres).storeName()
                                               : SqlDialect().storeName());
    OperatorApi::registerRoutes(*m_frontend);
    IncidentsApi::registerRoutes(*m_frontend);
    KeysApi::registerRoutes(*m_frontend);
    RetentionApi::registerRoutes(*m_frontend);
    DashboardApi::registerRoutes(*m_frontend);
    BulkOperationsApi::registerRoutes(*m_frontend);
    ChangesApi::registerRoutes(*m_frontend);
    SchedulesApi::registerRoutes(*m_frontend);
    LimitsApi::registerRoutes(*m_frontend);
    ObservabilityApi::registerRoutes(*m_frontend);
    m_frontend->moveToThread(&m_httpThread);
    QObject::connect(&m_httpThread, &QThread::finished, m_frontend, &QObject::deleteLater);
    m_httpThread.start();
    std::exception_ptr failure;
    QMetaObject::invokeMethod(
        m_frontend,
        [this, &failure, &tls] {
            try {
                m_port = m_frontend->start(m_settings.bindAddress, m_settings.port, tls);
            } catch (...) {
                failure = std::current_exception();
            }
        },
        Qt::BlockingQueuedConnection);
    if (failure)
        std::rethrow_exception(failure);
    if (!m_port)
        throw StoreError(QStringLiteral("cannot listen on %1:%2")
                             .arg(m_settings.bindAddress.toString())
                             .arg(m_settings.port));
}

QString Server::baseUrl() const
{
    QString host = m_settings.bindAddress.toString();
    if (m_settings.bindAddress.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("%1://%2:%3")
        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"), host)
        .arg(m_port);
}

QStringList Server::routes() const
{
    QStringList out;
    if (m_frontend)
        for (const Router::Route &route : m_frontend->router().routes())
            out.append(Router::methodName(route.method) + QLatin1Char(' ') + route.pattern);
    return out;
}

bool Server::setListening(bool listen)
{
    if (!m_frontend || !m_httpThread.isRunning())
        return false;
    bool listening = false;
    QMetaObject::invokeMethod(
        m_frontend,
        [this, listen, &listening] {
            if (listen)
                m_frontend->resumeListening();
            else
                m_frontend->stopListening();
            listening = m_frontend->isListening();
        },
        Qt::BlockingQueuedConnection);
    return listening;
}

void Server::stop()
{
    if (m_frontend && m_httpThread.isRunning())
        QMetaObject::invokeMethod(m_frontend, &HttpFrontend::stopListening,
                                  Qt::BlockingQueuedConnection);
    // The engine answers held long polls (empty job lists) and applies its queue; the answers
    // travel to the front end, which must still run to write them.
    if (m_engine)
        m_engine->stop();
    if (m_httpThread.isRunning()) {
        // Let the front end write the last answers before its thread ends.
        QMetaObject::invokeMethod(m_frontend, &HttpFrontend::flushConnections,
                                  Qt::BlockingQueuedConnection);
        m_httpThread.quit();
        m_httpThread.wait();
    }
    m_frontend = nullptr;
    m_engine.reset();
}
