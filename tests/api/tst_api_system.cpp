// GET /metrics parsed as Prometheus text format 0.0.4, the OpenAPI document against the routes
// the server really has, and the long-poll limit.
#include "OpsTestKit.h"

#include <QRegularExpression>

using namespace OpsTestKit;

namespace {

// A tiny parser of the Prometheus text format: families (# TYPE), samples with labels. Records
// what is wrong instead of stopping, so that a failure names every bad line.
struct Exposition
{
    QHash<QString, QString> types;                         // family -> counter / gauge / histogram
    QHash<QString, double> samples;                        // name{sorted labels} -> value
    QList<QPair<QString, QHash<QString, QString>>> series; // in order, for histogram checks
    QList<double> values;
    QStringList errors;

    static QString id(const QString &name, const QHash<QString, QString> &labels)
    {
        QStringList parts;
        for (auto it = labels.begin(); it != labels.end(); ++it)
            parts.append(it.key() + u"="_s + it.value());
        parts.sort();
        return name + u"{"_s + parts.join(u","_s) + u"}"_s;
    }
    double value(const QString &name, const QHash<QString, QString> &labels = {}) const
    {
        return samples.value(id(name, labels), -1);
    }

    static Exposition parse(const QByteArray &text)
    {
        // Plain string literals: moc does not read raw strings with quotes inside.
        static const QRegularExpression sample(
            u"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$"_s);
        static const QRegularExpression label(
            u"^([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"$"_s);
        static const QRegularExpression type(u"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) "
                                             u"(counter|gauge|histogram|summary|untyped)$"_s);
        Exposition e;
        if (!text.endsWith('\n'))
            e.errors.append(u"does not end with a line feed"_s);
        for (const QByteArray &raw : text.split('\n')) {
            const QString line = QString::fromUtf8(raw);
            if (line.isEmpty())
                continue;
            if (line.startsWith(u"# TYPE"_s)) {
                const QRegularExpressionMatch m = type.match(line);
                if (!m.hasMatch() || e.types.contains(m.captured(1)))
                    e.errors.append(u"bad or repeated TYPE: "_s + line);
                else
                    e.types.insert(m.captured(1), m.captured(2));
                continue;
            }
            if (line.startsWith(u"#"_s))
                continue; // HELP and comments
            const QRegularExpressionMatch m = sample.match(line);
            if (!m.hasMatch()) {
                e.errors.append(u"not a sample: "_s + line);
                continue;
            }
            QHash<QString, QString> labels;
            // Split on commas outside quoted values.
            QString current;
            bool quoted = false, escaped = false;
            const QString body = m.captured(2);
            for (const QChar c : body) {
                if (escaped)
                    escaped = false;
                else if (c == u'\\')
                    escaped = true;
                else if (c == u'"')
                    quoted = !quoted;
                if (c == u',' && !quoted) {
                    const QRegularExpressionMatch l = label.match(current);
                    l.hasMatch() ? void(labels.insert(l.captured(1), l.captured(2)))
                                 : void(e.errors.append(u"bad label: "_s + current));
                    current.clear();
                } else {
                    current += c;
                }
            }
            if (!current.isEmpty()) {
                const QRegularExpressionMatch l = label.match(current);
                l.hasMatch() ? void(labels.insert(l.captured(1), l.captured(2)))
                             : void(e.errors.append(u"bad label: "_s + current));
            }
            bool ok = false;
            const QString v = m.captured(3);
            double value = v.toDouble(&ok);
            if (v == u"+Inf"_s || v == u"-Inf"_s || v == u"NaN"_s)
                ok = true, value = 0;
            if (!ok)
                e.errors.append(u"bad value: "_s + line);
            QString family = m.captured(1);
            for (const QString &suffix : {u"_bucket"_s, u"_sum"_s, u"_count"_s})
                if (family.endsWith(suffix) &&
                    e.types.value(family.chopped(suffix.size())) == u"histogram"_s)
                    family.chop(suffix.size());
            if (!e.types.contains(family))
                e.errors.append(u"sample before its TYPE: "_s + line);
            const QString key = id(m.captured(1), labels);
            if (e.samples.contains(key))
                e.errors.append(u"duplicate series: "_s + key);
            e.samples.insert(key, value);
            e.series.append({m.captured(1), labels});
            e.values.append(value);
        }
        e.checkHistograms();
        return e;
    }

    // Buckets are cumulative and end with +Inf equal to _count.
    void checkHistograms()
    {
        QHash<QString, double> last;
        for (qsizetype i = 0; i < series.size(); ++i) {
            const auto &[name, labels] = series[i];
            if (!name.endsWith(u"_bucket"_s))
                continue;
            QHash<QString, QString> rest = labels;
            const QString le = rest.take(u"le"_s);
            const QString group = id(name, rest);
            if (values[i] < last.value(group, 0))
                errors.append(u"buckets not cumulative: "_s + group);
            last[group] = values[i];
            if (le == u"+Inf"_s && value(name.chopped(7) + u"_count"_s, rest) != values[i])
                errors.append(u"+Inf bucket differs from _count: "_s + group);
        }
    }
};

QString normalized(QString route)
{
    static const QRegularExpression parameter(u"(:[A-Za-z_]+|\\{[A-Za-z_]+\\})"_s);
    return route.replace(parameter, u"{}"_s);
}

} // namespace

class TestApiSystem : public QObject
{
    Q_OBJECT
private slots:
    // GET /api/v1/changes: a long poll that a commit answers at once, and the timeout
    // otherwise; a sequence that is not the server's now is answered at once.
    void changesFeedWaitsForTheNextCommit()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        ApiClient::Response now = api.get(u"/api/v1/changes"_s);
        QCOMPARE(now.status, 200);
        const qint64 sequence = now.data().value(u"sequence"_s).toInteger();
        QVERIFY(now.data().value(u"epoch"_s).toInteger() > 0);

        // Nothing happens: answered after its timeout, unchanged.
        HttpCall quiet(server.port(), "GET",
                       u"/api/v1/changes?since=%1&timeout=400"_s.arg(sequence));
        QTRY_VERIFY_WITH_TIMEOUT(quiet.isDone(), 5000);
        QCOMPARE(quiet.status(), 200);
        QCOMPARE(quiet.data().value(u"changed"_s).toBool(), false);
        QCOMPARE(quiet.data().value(u"sequence"_s).toInteger(), sequence);
        QVERIFY2(quiet.answeredAfterMs() >= 350,
                 qPrintable(QString::number(quiet.answeredAfterMs())));

        // A job is created while it waits: answered at once with a newer sequence.
        HttpCall held(server.port(), "GET",
                      u"/api/v1/changes?since=%1&timeout=20000"_s.arg(sequence));
        QTest::qWait(200);
        QVERIFY(!held.isDone());
        QVERIFY(!api.createJob(jobBody(u"feed"_s)).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(held.isDone(), 5000);
        QVERIFY2(held.answeredAfterMs() < 5000,
                 qPrintable(QString::number(held.answeredAfterMs())));
        QCOMPARE(held.data().value(u"changed"_s).toBool(), true);
        const qint64 next = held.data().value(u"sequence"_s).toInteger();
        QVERIFY(next > sequence);

        // A stale sequence (before a restart, or from another server) is answered at once.
        const ApiClient::Response stale =
            api.get(u"/api/v1/changes?since=%1&timeout=20000"_s.arg(next + 1000));
        QCOMPARE(stale.data().value(u"changed"_s).toBool(), true);

        QCOMPARE(api.get(u"/api/v1/changes?since=x"_s).errorCode(), u"VALIDATION_ERROR"_s);
        QCOMPARE(api.get(u"/api/v1/changes?timeout=600000"_s).status, 400);
        ApiClient stranger(server.port(), "nobody");
        QCOMPARE(stranger.get(u"/api/v1/changes"_s).status, 401);
    }

    void metricsParseAsPrometheusText()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString done = api.createJob(jobBody(u"t"_s));
        QCOMPARE(api.activate(u"t"_s, u"w1"_s, 1).value(u"activated_count"_s).toInt(), 1);
        api.put(jobPath(done, u"/complete"_s), {});
        failedJob(api, u"t"_s);
        api.createJob(jobBody(u"quote\"d\\type"_s)); // 400: a bad type never reaches a label
        HttpCall poll(server.port(), "POST", u"/api/v1/jobs/activate"_s,
                      activateBody(u"idle"_s, u"w2"_s, {{u"request_timeout"_s, 20000}}));
        QTRY_COMPARE(heldLongPolls(api), 1);

        ApiClient reader(server.port(), createKey(api, u"prometheus"_s, {u"read"_s}));
        const ApiClient::Response r = reader.get(u"/metrics"_s);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/plain; version=0.0.4"));
        const Exposition e = Exposition::parse(r.body);
        QVERIFY2(e.errors.isEmpty(), qPrintable(e.errors.join(u"\n"_s)));

        const auto type = [](const char *t) {
            return QHash<QString, QString>{{u"type"_s, QLatin1String(t)}};
        };
        QCOMPARE(e.value(u"jobdeck_jobs"_s, {{u"state"_s, u"COMPLETED"_s}, {u"type"_s, u"t"_s}}),
                 1.0);
        QCOMPARE(e.value(u"jobdeck_jobs"_s, {{u"state"_s, u"FAILED"_s}, {u"type"_s, u"t"_s}}), 1.0);
        QCOMPARE(e.value(u"jobdeck_jobs_created_total"_s, type("t")), 2.0);
        QCOMPARE(e.value(u"jobdeck_activations_total"_s, type("t")), 2.0);
        QCOMPARE(e.value(u"jobdeck_completions_total"_s, type("t")), 1.0);
        QCOMPARE(e.value(u"jobdeck_failures_total"_s, type("t")), 1.0);
        QCOMPARE(e.value(u"jobdeck_long_polls_waiting"_s), 1.0);
        QCOMPARE(e.value(u"jobdeck_long_poll_workers"_s, type("idle")), 1.0);
        QCOMPARE(e.value(u"jobdeck_http_requests_total"_s, {{u"method"_s, u"POST"_s},
                                                            {u"route"_s, u"/api/v1/jobs"_s},
                                                            {u"status"_s, u"201"_s}}),
                 2.0);
        QCOMPARE(e.value(u"jobdeck_http_requests_total"_s, {{u"method"_s, u"POST"_s},
                                                            {u"route"_s, u"/api/v1/jobs"_s},
                                                            {u"status"_s, u"400"_s}}),
                 1.0);
        QCOMPARE(e.types.value(u"jobdeck_http_request_duration_seconds"_s), u"histogram"_s);
        QVERIFY(e.value(u"jobdeck_http_request_duration_seconds_count"_s,
                        {{u"method"_s, u"PUT"_s}, {u"route"_s, u"/api/v1/jobs/:key/complete"_s}}) ==
                1.0);
        QCOMPARE(e.types.value(u"jobdeck_store_commit_duration_seconds"_s), u"histogram"_s);
        QVERIFY(e.value(u"jobdeck_store_commit_duration_seconds_count"_s) >= 5);
        QVERIFY(e.value(u"jobdeck_store_commits_total"_s) >= 5);
    }

    void metricsNeedAKey()
    {
        TestServer server;
        ApiClient anonymous(server.port(), {});
        QCOMPARE(anonymous.get(u"/metrics"_s).status, 401);
        ApiClient bearer(server.port(), {});
        const ApiClient::Response r =
            bearer.send("GET", u"/metrics"_s, {},
                        {{"Authorization", QByteArray("Bearer ") + TestServer::kAdminKey}});
        QCOMPARE(r.status, 200);
        QCOMPARE(anonymous.send("POST", u"/metrics"_s, "{}").status, 405);
    }

    void metricsForEachPermission_data()
    {
        QTest::addColumn<QString>("permission");
        QTest::addRow("read") << u"read"_s;
        QTest::addRow("job") << u"job"_s;
        QTest::addRow("admin") << u"admin"_s;
    }
    void metricsForEachPermission()
    {
        QFETCH(QString, permission);
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        ApiClient api(server.port(), createKey(admin, u"k"_s, {permission}));
        QCOMPARE(api.get(u"/metrics"_s).status, 200);
        QCOMPARE(api.get(u"/api/v1/openapi.json"_s).status, 200);
        QCOMPARE(api.send("POST", u"/api/v1/openapi.json"_s, "{}").status, 405);
    }

    void metricsCountOnlyTheKeysTenantsJobs()
    {
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        admin.createJob(jobBody(u"t"_s, {}, {{u"tenant_id"_s, u"acme"_s}}));
        admin.createJob(jobBody(u"t"_s, {}, {{u"tenant_id"_s, u"other"_s}}));
        admin.createJob(jobBody(u"hidden"_s, {}, {{u"tenant_id"_s, u"other"_s}}));
        ApiClient acme(server.port(), createKey(admin, u"acme"_s, {u"read"_s}, {u"acme"_s}));
        const Exposition mine = Exposition::parse(acme.get(u"/metrics"_s).body);
        QVERIFY2(mine.errors.isEmpty(), qPrintable(mine.errors.join(u"\n"_s)));
        QCOMPARE(mine.value(u"jobdeck_jobs"_s, {{u"state"_s, u"CREATED"_s}, {u"type"_s, u"t"_s}}),
                 1.0);
        QCOMPARE(
            mine.value(u"jobdeck_jobs"_s, {{u"state"_s, u"CREATED"_s}, {u"type"_s, u"hidden"_s}}),
            -1.0);
        const Exposition all = Exposition::parse(admin.get(u"/metrics"_s).body);
        QCOMPARE(all.value(u"jobdeck_jobs"_s, {{u"state"_s, u"CREATED"_s}, {u"type"_s, u"t"_s}}),
                 2.0);
    }

    void openApiListsEveryRoute()
    {
        TestServer server;
        ApiClient anonymous(server.port(), {});
        const ApiClient::Response r = anonymous.get(u"/api/v1/openapi.json"_s);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("application/json"));
        const QJsonObject doc = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(doc.value(u"openapi"_s).toString(), u"3.1.0"_s);
        QVERIFY(!doc["info"_L1]["title"_L1].toString().isEmpty());

        QStringList documented;
        const QJsonObject paths = doc.value(u"paths"_s).toObject();
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            QVERIFY2(path.key().startsWith(u"/"_s), qPrintable(path.key()));
            const QJsonObject item = path.value().toObject();
            for (auto op = item.begin(); op != item.end(); ++op) {
                QVERIFY(op.value().toObject().contains(u"responses"_s));
                documented.append(op.key().toUpper() + u" "_s + normalized(path.key()));
            }
        }
        QStringList served;
        for (const QString &route : server.server().routes())
            served.append(normalized(route));
        documented.sort();
        served.sort();
        QVERIFY(served.size() > 20);
        QCOMPARE(QSet<QString>(served.begin(), served.end()).size(), served.size());
        QStringList missing, phantom;
        for (const QString &route : served)
            if (!documented.contains(route))
                missing.append(route);
        for (const QString &route : documented)
            if (!served.contains(route))
                phantom.append(route);
        QVERIFY2(missing.isEmpty(),
                 qPrintable(u"served but not documented: "_s + missing.join(u", "_s)));
        QVERIFY2(phantom.isEmpty(),
                 qPrintable(u"documented but not served: "_s + phantom.join(u", "_s)));
        // Query and header parameters are documented where routes take them.
        QStringList incidentQuery;
        for (const QJsonValue &p :
             paths["/api/v1/incidents"_L1]["get"_L1]["parameters"_L1].toArray())
            if (p["in"_L1].toString() == u"query"_s)
                incidentQuery.append(p["name"_L1].toString());
        QVERIFY(incidentQuery.contains(u"status"_s) && incidentQuery.contains(u"page_size"_s));
        QCOMPARE(paths["/api/v1/jobs"_L1]["post"_L1]["parameters"_L1][0]["name"_L1].toString(),
                 u"Idempotency-Key"_s);
        QCOMPARE(paths["/api/v1/jobs/{key}"_L1]["patch"_L1]["parameters"_L1][0]["in"_L1].toString(),
                 u"path"_s);
    }

    void longPollsPastTheLimitAnswerAtOnce()
    {
        ServerSettings settings;
        settings.maxLongPolls = 2;
        TestServer server(settings);
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QJsonObject body = activateBody(u"t"_s, u"w"_s, {{u"request_timeout"_s, 20000}});
        HttpCall first(server.port(), "POST", u"/api/v1/jobs/activate"_s, body);
        HttpCall second(server.port(), "POST", u"/api/v1/jobs/activate"_s, body);
        QTRY_COMPARE(heldLongPolls(api), 2);
        HttpCall third(server.port(), "POST", u"/api/v1/jobs/activate"_s, body);
        QTRY_VERIFY_WITH_TIMEOUT(third.isDone(), 5000);
        QCOMPARE(third.status(), 200);
        QCOMPARE(third.data().value(u"activated_count"_s).toInt(), 0);
        QVERIFY2(third.answeredAfterMs() < 5000, "answered at once, not after its 20 s");
        QVERIFY(!first.isDone() && !second.isDone());
        QCOMPARE(heldLongPolls(api), 2);
        // The held ones still get jobs (one of the two: which connection the server reads first
        // is not fixed).
        api.createJob(jobBody(u"t"_s));
        QTRY_VERIFY(first.isDone() || second.isDone());
        QCOMPARE((first.isDone() ? first : second).jobs().size(), 1);
    }

    void longPollLimitIsASetting()
    {
        QTemporaryDir dir;
        QSettings file(dir.filePath(u"jobdeck.conf"_s), QSettings::IniFormat);
        file.setValue(u"server/max_long_polls"_s, 7);
        file.setValue(u"server/long_poll_limit_ms"_s, 1234);
        ServerSettings settings;
        settings.load(file);
        QCOMPARE(settings.maxLongPolls, 7);
        QCOMPARE(settings.api.longPollLimitMs, 1234);
        QCOMPARE(ServerSettings().maxLongPolls, 1000); // the contract's default
    }
};

QTEST_GUILESS_MAIN(TestApiSystem)
#include "tst_api_system.moc"
