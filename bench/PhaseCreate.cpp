// Phases a and b: creates/s over C keep-alive connections, one request in flight on each, either
// one job per request (POST /api/v1/jobs) or B jobs per request (POST /api/v1/jobs/batch).

#include "Phases.h"

namespace bench {

namespace {

using namespace std::chrono_literals;

struct CreateRun
{
    const Options &opts;
    bool batch;
    Loop loop;
    std::string request;
    std::string what;
    TimePoint winStart, winEnd;
    ResourceMonitor mon;
    RssPoller poller;
    LatencyRecorder latency;
    ErrorLog errors;
    std::uint64_t sent = 0, okTotal = 0, okInWindow = 0, answeredInWindow = 0;
    int inFlight = 0;
    bool batchChecked = false;

    CreateRun(const Options &o, bool b)
        : opts(o), batch(b), loop(o.target), mon(o.serverPid), poller(loop, mon)
    {}

    void issue(Connection *c)
    {
        if (Clock::now() >= winEnd)
            return; // the window is over: this connection stops
        ++sent;
        ++inFlight;
        c->send(request, [this, c](const HttpResponse &r) { onAnswer(c, r); });
    }

    void onAnswer(Connection *c, const HttpResponse &r)
    {
        --inFlight;
        const TimePoint now = Clock::now();
        const bool inWindow = now >= winStart && now < winEnd;
        if (inWindow)
            ++answeredInWindow;
        if (r.ok()) {
            ++okTotal;
            if (inWindow) {
                ++okInWindow;
                latency.add(r.latency);
            }
            if (!batchChecked)
                checkFirstAnswer(r);
            issue(c);
            return;
        }
        errors.add(what, r.status, r.status ? r.body : r.error);
        // back off a little after a transport failure so a dead server is not hammered
        if (r.status == 0)
            loop.after(100ms, [this, c] { issue(c); });
        else
            issue(c);
    }

    void checkFirstAnswer(const HttpResponse &r)
    {
        batchChecked = true;
        if (!batch) {
            if (createdJobKey(r.body).empty())
                errors.add(what, -1, "answer has no data.job_key: " + r.body.substr(0, 200));
            return;
        }
        bool ok = false;
        const std::vector<std::string> keys = jobKeys(r.body, ok);
        if (!ok || int(keys.size()) != opts.batch)
            errors.add(what, -1,
                       "expected data.jobs with " + std::to_string(opts.batch) + " keys, got " +
                           std::to_string(keys.size()) + ": " + r.body.substr(0, 200));
    }
};

} // namespace

Report runCreatePhase(const Options &opts, bool batch)
{
    CreateRun run(opts, batch);
    const std::string path = batch ? "/api/v1/jobs/batch" : "/api/v1/jobs";
    run.what = "POST " + path;
    run.request = buildRequest(opts.target, "POST", path,
                               batch ? batchBody(opts.type, opts.payloadBytes, opts.batch)
                                     : createBody(opts.type, opts.payloadBytes));
    const auto warmup =
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(opts.warmupS));
    const auto duration =
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(opts.durationS));
    const TimePoint start = Clock::now();
    run.winStart = start + warmup;
    run.winEnd = run.winStart + duration;

    run.loop.after(std::chrono::duration_cast<std::chrono::microseconds>(warmup),
                   [&run] { run.mon.begin(); });
    run.loop.after(std::chrono::duration_cast<std::chrono::microseconds>(warmup + duration),
                   [&run] { run.mon.end(); });
    run.poller.start();
    for (int i = 0; i < opts.connections; ++i)
        run.issue(run.loop.connection());

    // The window, then the answers still in flight (not counted), at most 30 s more.
    const bool finished = run.loop.runUntil(
        run.winEnd + 30s, [&run] { return Clock::now() >= run.winEnd && run.inFlight == 0; });
    run.mon.end();
    if (!finished)
        run.errors.add(run.what, -1,
                       std::to_string(run.inFlight) +
                           " requests still unanswered 30 s after the window (server stalled?)");

    const double jobsPerRequest = batch ? opts.batch : 1;
    Report rep(batch ? "b) batch creates (" + std::to_string(opts.batch) + " jobs per request)"
                     : std::string("a) single creates (one job per request)"));
    rep.text("job_type", "job type", opts.type);
    rep.count("connections", "connections", std::uint64_t(opts.connections));
    rep.value("window_s", "measured window", opts.durationS, "s", 1);
    rep.value("jobs_per_s", batch ? "CREATES/S (jobs via batch)" : "CREATES/S",
              double(run.okInWindow) * jobsPerRequest / opts.durationS, "jobs/s", 0);
    if (batch)
        rep.value("requests_per_s", "batch requests/s", double(run.okInWindow) / opts.durationS,
                  "req/s", 1);
    rep.count("ok_in_window", "2xx answers in window", run.okInWindow);
    rep.count("answers_in_window", "all answers in window", run.answeredInWindow);
    rep.count("requests_sent", "requests sent (incl. warm-up)", run.sent);
    rep.count("jobs_created_total", "jobs created (incl. warm-up)",
              std::uint64_t(double(run.okTotal) * jobsPerRequest));
    rep.latency(batch ? "batch_latency" : "create_latency",
                batch ? "batch request latency" : "create request latency", run.latency);
    rep.resources(run.mon);
    if (run.mon.serverOk() && run.okInWindow > 0)
        rep.value("server_cpu_us_per_job", "server CPU per job",
                  run.mon.serverCpuSeconds() * 1e6 / (double(run.okInWindow) * jobsPerRequest),
                  "us", 1);
    rep.count("connects", "TCP connects made", run.loop.connectsMade());
    rep.errors(run.errors, run.loop.anomalies());
    return rep;
}

} // namespace bench
