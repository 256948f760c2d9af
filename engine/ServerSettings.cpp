#include "ServerSettings.h"

#include "core/IsoDuration.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

QString ServerSettings::defaultDbPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/jobs.db");
}

void ServerSettings::load(QSettings &s)
{
    s.beginGroup(QStringLiteral("server"));
    const auto num = [&s](const char *key, qint64 fallback) {
        return s.value(QLatin1String(key), fallback).toLongLong();
    };
    dbPath = s.value(QStringLiteral("db"), dbPath).toString();
    nodeId = s.value(QStringLiteral("node_id"), nodeId).toString();
    bindAddress = QHostAddress(s.value(QStringLiteral("bind"), bindAddress.toString()).toString());
    port = quint16(num("port", port));
    tlsCertFile = s.value(QStringLiteral("tls_cert"), tlsCertFile).toString();
    tlsKeyFile = s.value(QStringLiteral("tls_key"), tlsKeyFile).toString();
    synchronousFull =
        s.value(QStringLiteral("synchronous"), QStringLiteral("FULL")).toString().toUpper() !=
        QLatin1String("NORMAL");
    walLimitBytes = num("wal_limit_bytes", walLimitBytes);
    maxLongPolls = int(num("max_long_polls", maxLongPolls));
    searchLagMs = int(qBound(qint64(0), num("search_lag_ms", searchLagMs), qint64(1000)));
    http.maxBodyBytes = num("max_body_bytes", http.maxBodyBytes);
    http.maxHeaderBytes = num("max_header_bytes", http.maxHeaderBytes);
    http.headerTimeoutMs = int(num("header_timeout_ms", http.headerTimeoutMs));
    http.stallTimeoutMs = int(num("stall_timeout_ms", http.stallTimeoutMs));
    http.idleTimeoutMs = int(num("idle_timeout_ms", http.idleTimeoutMs));
    http.maxConnections = int(num("max_connections", http.maxConnections));
    http.listenBacklog = int(num("listen_backlog", http.listenBacklog));
    api.maxJsonDepth = int(num("max_json_depth", api.maxJsonDepth));
    api.maxVariablesBytes = num("max_variables_bytes", api.maxVariablesBytes);
    api.longPollLimitMs = num("long_poll_limit_ms", api.longPollLimitMs);
    api.maxAwaitMs = num("max_await_ms", api.maxAwaitMs);
    api.maxBatchJobs = int(num("max_batch_jobs", api.maxBatchJobs));
    api.maxChangeWaits = int(num("max_change_waits", api.maxChangeWaits));
    bulkStepJobs = int(qBound(qint64(1), num("bulk_step_jobs", bulkStepJobs), qint64(10'000)));
    bulkBusyPercent =
        int(qBound(qint64(1), num("bulk_max_busy_percent", bulkBusyPercent), qint64(100)));
    bulkKeepOperations =
        int(qBound(qint64(1), num("bulk_keep_operations", bulkKeepOperations), qint64(1'000'000)));
    s.endGroup();
    s.beginGroup(QStringLiteral("retention"));
    const auto keep = [&s](const char *key, std::optional<qint64> fallback) {
        const QString text = s.value(QLatin1String(key)).toString().trimmed();
        if (text.isEmpty())
            return fallback;
        if (text.compare(QLatin1String("never"), Qt::CaseInsensitive) == 0)
            return std::optional<qint64>();
        const std::optional<qint64> ms = IsoDuration::parseMs(text);
        return ms ? ms : fallback;
    };
    retention.completedMs = keep("completed", retention.completedMs);
    retention.cancelledMs = keep("cancelled", retention.cancelledMs);
    retention.failedMs = keep("failed", retention.failedMs);
    retentionIntervalMs = int(num("interval_ms", retentionIntervalMs));
    retentionBusyPercent =
        int(qBound(qint64(1), num("max_busy_percent", retentionBusyPercent), qint64(100)));
    s.endGroup();
}
