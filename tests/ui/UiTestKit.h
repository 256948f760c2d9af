#pragma once

#include "ApiClient.h"
#include "ConsoleContext.h"
#include "Server.h"
#include "TestServer.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTest>

// CTest runs a program's SQLite and PostgreSQL twins at the same time, and both would read and
// write the same console settings (QSettings in test mode: one file per application name): a
// view saving its columns in one run changed the first start of a view in the other. The
// PostgreSQL run keeps its settings apart.
inline void separateTwinSettings()
{
    if (!qEnvironmentVariableIsEmpty("JOBDECK_TEST_PG") ||
        !qEnvironmentVariableIsEmpty("JOBDECK_TEST_PG_FILE"))
        QCoreApplication::setApplicationName(QCoreApplication::applicationName() +
                                             QStringLiteral("_pg"));
}
Q_COREAPP_STARTUP_FUNCTION(separateTwinSettings)

// A real server for a console test, an HTTP client with the admin key to act as a worker or
// as an API user would, and the store options for the console's read connection.
struct UiTestKit
{
    TestServer server;
    ApiClient api{server.port(), TestServer::kAdminKey};

    StoreOptions store() const
    {
        StoreOptions options;
        options.path = server.dbPath();
        options.synchronousFull = false;
        return options;
    }
    // What the console gets from the shell: the engine, the store, the API's address and its
    // start/stop switch.
    ConsoleContext consoleContext()
    {
        ConsoleContext c;
        c.engine = server.server().engine();
        c.store = store();
        c.address = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
        Server *running = &server.server();
        c.setListening = [running](bool listen) { return running->setListening(listen); };
        return c;
    }
    QString create(const QString &type, const QJsonObject &variables = {}, int retries = 3)
    {
        return api.createJob(QJsonObject{{QStringLiteral("type"), type},
                                         {QStringLiteral("variables"), variables},
                                         {QStringLiteral("retries"), retries}});
    }
    // A job of `type` created with `input`, activated by w1 and completed with `result`: its
    // key, empty when a step failed.
    QString completeNew(const QString &type, const QJsonObject &input, const QJsonObject &result)
    {
        const QString key = create(type, input);
        const QJsonArray jobs =
            api.activate(type, QStringLiteral("w1"), 1).value(QStringLiteral("jobs")).toArray();
        if (key.isEmpty() || jobs.size() != 1 ||
            jobs.first().toObject().value(QStringLiteral("key")).toString() != key)
            return {};
        const int status = api.put(QStringLiteral("/api/v1/jobs/%1/complete").arg(key),
                                   QJsonObject{{QStringLiteral("variables"), result}})
                               .status;
        return status == 200 ? key : QString();
    }
    // A completed job of `type` whose next_jobs made one follow-up of type `next`: its key.
    QString completedWithFollowUp(const QString &type, const QString &next)
    {
        const QString key =
            api.createJob({{QStringLiteral("type"), type},
                           {QStringLiteral("variables"), QJsonObject{{QStringLiteral("n"), 1}}},
                           {QStringLiteral("next_jobs"),
                            QJsonArray{QJsonObject{{QStringLiteral("type"), next}}}}});
        if (key.isEmpty() || api.activate(type, QStringLiteral("w1"), 1)
                                     .value(QStringLiteral("jobs"))
                                     .toArray()
                                     .size() != 1)
            return {};
        return api.put(QStringLiteral("/api/v1/jobs/%1/complete").arg(key), {}).status == 200
                   ? key
                   : QString();
    }
    // `count` new jobs of `type` through POST /api/v1/jobs/batch (500 a request): all created?
    bool createMany(const QString &type, int count)
    {
        for (int done = 0; done < count;) {
            QJsonArray batch;
            for (; batch.size() < 500 && done < count; ++done)
                batch.append(QJsonObject{{QStringLiteral("type"), type},
                                         {QStringLiteral("variables"), QJsonObject()}});
            if (api.post(QStringLiteral("/api/v1/jobs/batch"), {{QStringLiteral("jobs"), batch}})
                    .status != 201)
                return false;
        }
        return true;
    }
    // Activates one job of `type` and fails it with no retries left: FAILED, with an incident.
    QString failOne(const QString &type, const QString &error)
    {
        const QJsonArray jobs =
            api.activate(type, QStringLiteral("w1"), 1).value(QStringLiteral("jobs")).toArray();
        if (jobs.isEmpty())
            return {};
        const QString key = jobs.first().toObject().value(QStringLiteral("key")).toString();
        api.put(
            QStringLiteral("/api/v1/jobs/%1/fail").arg(key),
            QJsonObject{{QStringLiteral("retries"), 0}, {QStringLiteral("error_message"), error}});
        return key;
    }
    // Every job key of GET /api/v1/jobs?query, following next_cursor.
    QStringList apiKeys(const QString &query)
    {
        QStringList keys;
        QString cursor;
        for (int guard = 0; guard < 1000; ++guard) {
            QString path = QStringLiteral("/api/v1/jobs?page_size=100");
            if (!query.isEmpty())
                path += QLatin1Char('&') + query;
            if (!cursor.isEmpty())
                path += QStringLiteral("&cursor=") + cursor;
            const ApiClient::Response r = api.get(path);
            if (r.status != 200)
                return {QStringLiteral("HTTP %1").arg(r.status)};
            for (const QJsonValue &job : r.data().value(QStringLiteral("jobs")).toArray())
                keys.append(job.toObject().value(QStringLiteral("job_key")).toString());
            cursor = r.data()
                         .value(QStringLiteral("pagination"))
                         .toObject()
                         .value(QStringLiteral("next_cursor"))
                         .toString();
            if (cursor.isEmpty())
                break;
        }
        return keys;
    }
};
