#pragma once

#include "engine/Retention.h"
#include "http/HttpFrontend.h"
#include "http/HttpLimits.h"

#include <QHostAddress>
#include <QString>

class QSettings;

// Everything a Jobdeck server can be told, with the contract's defaults. Read from QSettings
// (group "server"), then overridden by the command line and the environment.
struct ServerSettings
{
    QString dbPath;
    QString nodeId = QStringLiteral("srv1");
    QHostAddress bindAddress = QHostAddress::LocalHost;
    quint16 port = 27555;
    QString tlsCertFile, tlsKeyFile; // both set: HTTPS (PEM files, see TlsFiles)
    bool synchronousFull = true;
    qint64 walLimitBytes = 64LL * 1024 * 1024; // SQLite: journal_size_limit
    int maxLongPolls = 1000;
    int searchLagMs = 250; // SQLite: how long a busy server may take to make a change searchable
    // [retention]: completed, cancelled, failed as ISO durations ("never": keep for ever), the
    // policy while the store keeps none; interval_ms: how often finished jobs are looked for;
    // max_busy_percent: the share of the engine's time a backlog may take.
    RetentionPolicy retention;
    int retentionIntervalMs = 60'000;
    int retentionBusyPercent = 10;
    // Bulk operations ([server] bulk_step_jobs, bulk_max_busy_percent): jobs per transaction,
    // and the share of the engine's time a running operation may take.
    int bulkStepJobs = 200;
    int bulkBusyPercent = 25;
    int bulkKeepOperations = 1000; // bulk_keep_operations: finished ones kept, the newest
    HttpLimits http;
    ApiLimits api;

    static QString defaultDbPath();
    void load(QSettings &settings);
};
