// jobdeck-bench: an HTTP load generator for a Jobdeck server on loopback. See README.md.

#include "Phases.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace bench;

namespace {

struct Cli
{
    Options opts;
    QStringList phases;
    bool json = false;
    double pauseS = 1;
};

[[noreturn]] void die(const std::string &message)
{
    std::fprintf(stderr, "jobdeck-bench: %s\n", message.c_str());
    std::exit(1);
}

double number(const QCommandLineParser &p, const QString &name, double min, double max)
{
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    if (!ok || v < min || v > max)
        die("--" + name.toStdString() + " must be a number in [" + std::to_string(min) + ", " +
            std::to_string(max) + "], got '" + p.value(name).toStdString() + "'");
    return v;
}

int integer(const QCommandLineParser &p, const QString &name, int min, int max)
{
    const double v = number(p, name, min, max);
    if (v != double(int(v)))
        die("--" + name.toStdString() + " must be a whole number");
    return int(v);
}

Cli parseArguments(const QCoreApplication &app)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("HTTP load generator for a Jobdeck server on loopback.\n"
                       "Phases: a = single creates/s, b = batch creates/s, c = lifecycle jobs/s "
                       "(create, activate, complete), d = create->activate latency."));
    p.addHelpOption();
    auto opt = [&p](const char *name, const char *help, const char *valueName, const char *def) {
        p.addOption(QCommandLineOption(QString::fromLatin1(name), QString::fromUtf8(help),
                                       QString::fromLatin1(valueName), QString::fromLatin1(def)));
    };
    opt("host", "Server address, loopback only (default 127.0.0.1).", "host", "127.0.0.1");
    opt("port", "Server port (default 27555).", "port", "27555");
    opt("key", "API key (default: $JOBDECK_API_KEY).", "key", "");
    opt("phases", "Phases to run, comma separated (default a,b,c,d).", "list", "a,b,c,d");
    opt("duration", "Measured seconds per phase (default 10).", "s", "10");
    opt("warmup", "Warm-up seconds before each measured window (default 1).", "s", "1");
    opt("connections", "Connections for phases a and b (default 32).", "n", "32");
    opt("batch", "Jobs per batch request in phase b, 1..1000 (default 100).", "n", "100");
    opt("producers", "Producer connections in phase c (default 4).", "n", "4");
    opt("producer-batch", "Phase c producers use batches of this size (default 0 = single).", "n",
        "0");
    opt("rate", "Phase c: cap on jobs created per second (default 0 = no cap).", "jobs/s", "0");
    opt("workers", "Workers in phase c (default 4).", "n", "4");
    opt("complete-conns", "Completion connections per worker in phase c (default 4).", "n", "4");
    opt("max-jobs", "max_jobs per activation in phase c (default 32).", "n", "32");
    opt("drain-timeout", "Phase c: seconds allowed to drain after the window (default 60).", "s",
        "60");
    opt("samples", "Samples in phase d (default 2000).", "n", "2000");
    opt("gap-ms", "Phase d: ms between sending the activate and the create (default 3).", "ms",
        "3");
    opt("payload", "Bytes of the 'payload' variable of each job (default 100).", "bytes", "100");
    opt("type", "Job type for phases a and b; phase c uses <type>-life-<pid>-<time>.", "type",
        "bench");
    opt("server-pid", "Server process id, to sample its RSS and CPU from /proc.", "pid", "0");
    opt("pause", "Seconds to pause between phases (default 1).", "s", "1");
    p.addOption(QCommandLineOption(QStringLiteral("json"),
                                   QStringLiteral("Print a JSON summary on stdout (the text "
                                                  "report goes to stderr).")));
    p.process(app);

    Cli cli;
    Options &o = cli.opts;
    std::string error;
    if (!parseLoopbackTarget(p.value(QStringLiteral("host")).toStdString(),
                             integer(p, QStringLiteral("port"), 1, 65535), o.target, error))
        die(error);
    o.target.apiKey = p.value(QStringLiteral("key")).toStdString();
    if (o.target.apiKey.empty()) {
        const char *env = std::getenv("JOBDECK_API_KEY");
        o.target.apiKey = env ? env : "";
    }
    if (o.target.apiKey.empty())
        die("no API key: pass --key or set JOBDECK_API_KEY");
    for (char c : o.target.apiKey) {
        if (c == '\r' || c == '\n')
            die("the API key must not contain line breaks");
    }
    o.durationS = number(p, QStringLiteral("duration"), 0.1, 3600);
    o.warmupS = number(p, QStringLiteral("warmup"), 0, 600);
    o.connections = integer(p, QStringLiteral("connections"), 1, 5000);
    o.batch = integer(p, QStringLiteral("batch"), 1, 1000);
    o.producers = integer(p, QStringLiteral("producers"), 0, 5000);
    o.producerBatch = integer(p, QStringLiteral("producer-batch"), 0, 1000);
    o.rate = number(p, QStringLiteral("rate"), 0, 1e9);
    o.workers = integer(p, QStringLiteral("workers"), 1, 1000);
    o.completeConns = integer(p, QStringLiteral("complete-conns"), 1, 64);
    o.maxJobs = integer(p, QStringLiteral("max-jobs"), 1, 1000);
    o.drainTimeoutS = number(p, QStringLiteral("drain-timeout"), 1, 3600);
    o.latencySamples = integer(p, QStringLiteral("samples"), 1, 1'000'000);
    o.latencyGapMs = number(p, QStringLiteral("gap-ms"), 0, 1000);
    o.payloadBytes = integer(p, QStringLiteral("payload"), 0, 1'000'000);
    o.type = p.value(QStringLiteral("type")).toStdString();
    if (o.type.empty())
        die("--type must not be empty");
    o.serverPid = integer(p, QStringLiteral("server-pid"), 0, 1 << 30);
    cli.pauseS = number(p, QStringLiteral("pause"), 0, 600);
    cli.json = p.isSet(QStringLiteral("json"));
    for (const QString &ph : p.value(QStringLiteral("phases")).split(QLatin1Char(','))) {
        const QString t = ph.trimmed().toLower();
        if (t.isEmpty())
            continue;
        if (t != QLatin1String("a") && t != QLatin1String("b") && t != QLatin1String("c") &&
            t != QLatin1String("d"))
            die("unknown phase '" + t.toStdString() + "' (use a, b, c, d)");
        cli.phases << t;
    }
    if (cli.phases.isEmpty())
        die("no phases selected");
    if (o.serverPid > 0 && !sampleProcess(o.serverPid).ok)
        die("cannot read /proc/" + std::to_string(o.serverPid) + "/stat");
    return cli;
}

void raiseFileLimit()
{
    rlimit rl{};
    if (::getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &rl);
    }
}

// The health check needs no key; a held activate for a fresh type checks the key.
void preflight(const Options &o, FILE *out)
{
    const HttpResponse health =
        requestOnce(o.target, buildRequest(o.target, "GET", "/api/v1/health", {}, false),
                    std::chrono::seconds(5));
    if (health.status != 200)
        die("GET /api/v1/health on " + o.target.hostHeader + " failed: " +
            (health.status ? std::to_string(health.status) + " " + health.body.substr(0, 200)
                           : health.error));
    const HttpResponse probe =
        requestOnce(o.target,
                    buildRequest(o.target, "POST", "/api/v1/jobs/activate",
                                 activateBody("probe-" + runSuffix(), "bench-probe", 1, 1000, 100)),
                    std::chrono::seconds(5));
    if (probe.status == 401 || probe.status == 403)
        die("the server rejects the API key (" + std::to_string(probe.status) +
            "): " + probe.body.substr(0, 200));
    if (!probe.ok())
        std::fprintf(out, "warning: probe activate answered %d %s\n", probe.status,
                     (probe.status ? probe.body.substr(0, 200) : probe.error).c_str());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("jobdeck-bench"));
    std::signal(SIGPIPE, SIG_IGN);
    raiseFileLimit();
    const Cli cli = parseArguments(app);
    const Options &o = cli.opts;
    FILE *out = cli.json ? stderr : stdout;

    std::fprintf(out, "jobdeck-bench -> http://%s  phases %s  duration %.1f s  warm-up %.1f s\n",
                 o.target.hostHeader.c_str(),
                 cli.phases.join(QLatin1Char(',')).toStdString().c_str(), o.durationS, o.warmupS);
    if (o.serverPid > 0) {
        const ProcSample s = sampleProcess(o.serverPid);
        std::fprintf(out, "server pid %d: RSS %.1f MiB, CPU so far %.2f s\n", o.serverPid,
                     double(s.rssKb) / 1024, s.cpuSeconds);
    } else {
        std::fprintf(out, "(no --server-pid: server RSS/CPU not sampled)\n");
    }
    preflight(o, out);
    std::fflush(out);

    QJsonObject phases;
    std::uint64_t totalErrors = 0;
    std::string summary;
    bool first = true;
    for (const QString &ph : cli.phases) {
        if (!first && cli.pauseS > 0)
            ::usleep(useconds_t(cli.pauseS * 1e6));
        first = false;
        const char letter = ph.at(0).toLatin1();
        Report rep = letter == 'a'   ? runCreatePhase(o, false)
                     : letter == 'b' ? runCreatePhase(o, true)
                     : letter == 'c' ? runLifecyclePhase(o)
                                     : runLatencyPhase(o);
        std::fprintf(out, "\n%s", rep.textBlock().c_str());
        std::fflush(out);
        totalErrors += rep.errorCount();
        const QJsonObject j = rep.json();
        const char *name = letter == 'a'   ? "a_create"
                           : letter == 'b' ? "b_batch"
                           : letter == 'c' ? "c_lifecycle"
                                           : "d_latency";
        phases.insert(QString::fromLatin1(name), j);
        char buf[200];
        if (letter == 'a' || letter == 'b') {
            std::snprintf(buf, sizeof buf, "  %s %.0f jobs/s\n",
                          letter == 'a' ? "creates/s (single):" : "creates/s (batch): ",
                          j.value(QStringLiteral("jobs_per_s")).toDouble());
        } else if (letter == 'c') {
            std::snprintf(buf, sizeof buf, "  lifecycle:          %.0f jobs/s completed\n",
                          j.value(QStringLiteral("completed_per_s")).toDouble());
        } else {
            const QJsonObject l = j.value(QStringLiteral("create_to_activate")).toObject();
            std::snprintf(buf, sizeof buf,
                          "  create->activate:   p50 %.3f  p90 %.3f  p99 %.3f  max %.3f ms\n",
                          l.value(QStringLiteral("p50_ms")).toDouble(),
                          l.value(QStringLiteral("p90_ms")).toDouble(),
                          l.value(QStringLiteral("p99_ms")).toDouble(),
                          l.value(QStringLiteral("max_ms")).toDouble());
        }
        summary += buf;
    }

    std::fprintf(out, "\n== summary\n%s", summary.c_str());
    if (totalErrors > 0)
        std::fprintf(out, "  ERRORS: %llu (see the phases above)\n",
                     static_cast<unsigned long long>(totalErrors));
    else
        std::fprintf(out, "  errors: none\n");
    std::fflush(out);

    if (cli.json) {
        QJsonObject root{
            {QStringLiteral("target"), QString::fromStdString(o.target.hostHeader)},
            {QStringLiteral("server_pid"), o.serverPid},
            {QStringLiteral("duration_s"), o.durationS},
            {QStringLiteral("warmup_s"), o.warmupS},
            {QStringLiteral("phases"), phases},
            {QStringLiteral("errors"), double(totalErrors)},
        };
        std::fputs(QJsonDocument(root).toJson(QJsonDocument::Indented).constData(), stdout);
        std::fflush(stdout);
    }
    return totalErrors > 0 ? 2 : 0;
}
