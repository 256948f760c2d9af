// Phase c: the full job lifecycle. P producer connections create jobs (single or batch), W
// workers long-poll activate (max_jobs) on one connection each and complete every job they get
// over several completion connections, so completions overlap round trips. The rate is jobs
// completed per second inside the measured window (after a warm-up). At the end of the window the
// producers stop and the workers drain every job created.

#include "Phases.h"

#include <deque>
#include <memory>

namespace bench {

namespace {

using namespace std::chrono_literals;

constexpr int kActivateTimeoutMs = 60'000;
constexpr int kActivateRequestTimeoutMs = 5'000;

struct LifecycleRun;

struct Worker
{
    LifecycleRun *run = nullptr;
    Connection *activateConn = nullptr;
    std::vector<Connection *> completeConns;
    std::deque<std::string> queue; // activated, not yet sent for completion
    int completesInFlight = 0;
    bool activating = false;
    std::string activateRequest;
};

struct LifecycleRun
{
    const Options &opts;
    Loop loop;
    ResourceMonitor mon;
    RssPoller poller;
    std::string type;
    std::string createRequest;
    std::string createWhat;
    int jobsPerCreate = 1;
    TimePoint start, winStart, winEnd;
    bool windowOver = false;
    std::vector<std::unique_ptr<Worker>> workers;

    LatencyRecorder createLatency, activateLatency, completeLatency;
    ErrorLog errors;
    std::uint64_t jobsRequested = 0; // jobs in create requests sent (for --rate)
    std::uint64_t created = 0, createdInWindow = 0;
    std::uint64_t completed = 0, completedInWindow = 0, completeFailed = 0;
    std::uint64_t activations = 0, emptyActivations = 0, jobsActivated = 0;
    std::uint64_t backlogAtWindowEnd = 0;
    int producersInFlight = 0;
    TimePoint lastOkAt = Clock::now();
    std::uint64_t transportSinceOk = 0; // transport failures since the last 2xx answer
    bool serverGone = false;
    bool batchChecked = false;

    explicit LifecycleRun(const Options &o)
        : opts(o), loop(o.target), mon(o.serverPid), poller(loop, mon)
    {}

    bool inWindow(TimePoint t) const { return t >= winStart && t < winEnd; }

    // --- producers ---

    void produce(Connection *c)
    {
        const TimePoint now = Clock::now();
        if (now >= winEnd)
            return;
        if (opts.rate > 0) {
            const double allowed = opts.rate * seconds(now - start) + jobsPerCreate;
            const double excess = double(jobsRequested + std::uint64_t(jobsPerCreate)) - allowed;
            if (excess > 0) {
                const auto wait = std::chrono::microseconds(std::int64_t(excess / opts.rate * 1e6));
                loop.after(std::max(wait, std::chrono::microseconds(200)),
                           [this, c] { produce(c); });
                return;
            }
        }
        jobsRequested += std::uint64_t(jobsPerCreate);
        ++producersInFlight;
        c->send(createRequest, [this, c](const HttpResponse &r) { onCreated(c, r); });
    }

    void noteAnswer(const HttpResponse &r)
    {
        if (r.ok()) {
            lastOkAt = Clock::now();
            transportSinceOk = 0;
        } else if (r.status == 0) {
            ++transportSinceOk;
        }
    }

    void onCreated(Connection *c, const HttpResponse &r)
    {
        --producersInFlight;
        noteAnswer(r);
        if (!r.ok()) {
            errors.add(createWhat, r.status, r.status ? r.body : r.error);
            if (r.status == 0) {
                loop.after(100ms, [this, c] { produce(c); });
                return;
            }
            produce(c);
            return;
        }
        if (!batchChecked && jobsPerCreate > 1) {
            batchChecked = true;
            bool ok = false;
            if (int(jobKeys(r.body, ok).size()) != jobsPerCreate || !ok)
                errors.add(createWhat, -1,
                           "batch answer without the expected data.jobs: " + r.body.substr(0, 200));
        }
        created += std::uint64_t(jobsPerCreate);
        if (inWindow(Clock::now())) {
            createdInWindow += std::uint64_t(jobsPerCreate);
            createLatency.add(r.latency);
        }
        produce(c);
    }

    // --- workers ---

    void maybeActivate(Worker &w)
    {
        if (w.activating)
            return;
        // keep at most about 1.5 x max_jobs per worker outstanding, like a real worker's capacity
        if (int(w.queue.size()) + w.completesInFlight > opts.maxJobs / 2)
            return;
        w.activating = true;
        w.activateConn->send(w.activateRequest,
                             [this, wp = &w](const HttpResponse &r) { onActivated(*wp, r); });
    }

    void onActivated(Worker &w, const HttpResponse &r)
    {
        w.activating = false;
        noteAnswer(r);
        if (!r.ok()) {
            errors.add("POST /api/v1/jobs/activate", r.status, r.status ? r.body : r.error);
            loop.after(100ms, [this, wp = &w] { maybeActivate(*wp); });
            return;
        }
        bool ok = false;
        std::vector<std::string> keys = jobKeys(r.body, ok);
        if (!ok)
            errors.add("POST /api/v1/jobs/activate", -1,
                       "answer without data.jobs[].key: " + r.body.substr(0, 200));
        ++activations;
        if (keys.empty()) {
            ++emptyActivations;
        } else {
            activateLatency.add(r.latency);
            jobsActivated += keys.size();
            for (std::string &k : keys)
                w.queue.push_back(std::move(k));
        }
        pump(w);
        maybeActivate(w);
    }

    void pump(Worker &w)
    {
        for (Connection *c : w.completeConns) {
            if (w.queue.empty())
                return;
            if (c->busy())
                continue;
            const std::string request = completeRequest(opts.target, w.queue.front());
            w.queue.pop_front();
            ++w.completesInFlight;
            c->send(request, [this, wp = &w](const HttpResponse &r) { onCompleted(*wp, r); });
        }
    }

    void onCompleted(Worker &w, const HttpResponse &r)
    {
        --w.completesInFlight;
        noteAnswer(r);
        if (r.ok()) {
            ++completed;
            if (inWindow(Clock::now())) {
                ++completedInWindow;
                completeLatency.add(r.latency);
            }
        } else {
            ++completeFailed;
            errors.add("PUT /api/v1/jobs/{key}/complete", r.status, r.status ? r.body : r.error);
        }
        pump(w);
        maybeActivate(w);
    }

    bool drained() const
    {
        return windowOver && producersInFlight == 0 && completed + completeFailed >= created;
    }

    // Drained, or the server has been unreachable for 5 s after the window (no use waiting).
    bool finished()
    {
        if (drained())
            return true;
        if (windowOver && transportSinceOk > 0 && Clock::now() - lastOkAt > 5s)
            serverGone = true;
        return serverGone;
    }
};

} // namespace

Report runLifecyclePhase(const Options &opts)
{
    LifecycleRun run(opts);
    run.type = opts.type + "-life-" + runSuffix();
    run.jobsPerCreate = opts.producerBatch > 0 ? opts.producerBatch : 1;
    const std::string path = opts.producerBatch > 0 ? "/api/v1/jobs/batch" : "/api/v1/jobs";
    run.createWhat = "POST " + path;
    run.createRequest = buildRequest(
        opts.target, "POST", path,
        opts.producerBatch > 0 ? batchBody(run.type, opts.payloadBytes, opts.producerBatch)
                               : createBody(run.type, opts.payloadBytes));

    const auto warmup = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::duration<double>(opts.warmupS));
    const auto duration = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::duration<double>(opts.durationS));
    run.start = Clock::now();
    run.winStart = run.start + warmup;
    run.winEnd = run.winStart + duration;
    run.loop.after(warmup, [&run] { run.mon.begin(); });
    run.loop.after(warmup + duration, [&run] {
        run.mon.end();
        run.windowOver = true;
        run.backlogAtWindowEnd = run.created > run.completed ? run.created - run.completed : 0;
    });
    run.poller.start();

    // Workers first, so that their long polls are waiting when the first jobs arrive.
    for (int i = 0; i < opts.workers; ++i) {
        auto w = std::make_unique<Worker>();
        w->run = &run;
        w->activateConn = run.loop.connection();
        for (int k = 0; k < std::max(1, opts.completeConns); ++k)
            w->completeConns.push_back(run.loop.connection());
        w->activateRequest =
            buildRequest(opts.target, "POST", "/api/v1/jobs/activate",
                         activateBody(run.type, "bench-w" + std::to_string(i + 1), opts.maxJobs,
                                      kActivateTimeoutMs, kActivateRequestTimeoutMs));
        run.workers.push_back(std::move(w));
    }
    for (auto &w : run.workers)
        run.maybeActivate(*w);
    for (int i = 0; i < opts.producers; ++i)
        run.produce(run.loop.connection());

    const auto drainLimit = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(opts.drainTimeoutS));
    const bool drained = run.loop.runUntil(run.winEnd + drainLimit, [&run] {
        return run.finished();
    }) && run.drained();
    const double drainS = seconds(Clock::now() - run.winEnd);
    run.mon.end();
    if (!drained) {
        const std::uint64_t left =
            run.created - std::min(run.created, run.completed + run.completeFailed);
        run.errors.add("drain", -1,
                       std::to_string(left) + " created jobs not completed " +
                           (run.serverGone ? std::string("(server unreachable for 5 s)")
                                           : "within " + std::to_string(int(opts.drainTimeoutS)) +
                                                 " s after the window"));
    }

    Report rep("c) lifecycle: create -> activate (long poll) -> complete");
    rep.text("job_type", "job type", run.type);
    rep.text("setup", "setup",
             std::to_string(opts.producers) + " producers (" +
                 (opts.producerBatch > 0 ? "batch " + std::to_string(opts.producerBatch)
                                         : std::string("single creates")) +
                 (opts.rate > 0 ? ", capped at " + std::to_string(int(opts.rate)) + " jobs/s"
                                : std::string()) +
                 "), " + std::to_string(opts.workers) + " workers x " +
                 std::to_string(std::max(1, opts.completeConns)) +
                 " completion connections, max_jobs " + std::to_string(opts.maxJobs));
    rep.value("window_s", "measured window", opts.durationS, "s", 1);
    rep.value("completed_per_s", "JOBS COMPLETED/S", double(run.completedInWindow) / opts.durationS,
              "jobs/s", 0);
    rep.value("created_per_s", "jobs created/s", double(run.createdInWindow) / opts.durationS,
              "jobs/s", 0);
    rep.count("backlog_at_window_end", "backlog at window end", run.backlogAtWindowEnd);
    rep.count("created_total", "jobs created (total)", run.created);
    rep.count("completed_total", "jobs completed (total)", run.completed);
    rep.value("drain_s", drained ? "drain time" : "drain time (NOT DRAINED)", drainS, "s", 2);
    rep.count("activations", "activations answered", run.activations);
    rep.count("empty_activations", "  of which empty (timed out)", run.emptyActivations);
    rep.value("jobs_per_activation", "jobs per non-empty activation",
              run.activations > run.emptyActivations
                  ? double(run.jobsActivated) / double(run.activations - run.emptyActivations)
                  : 0.0,
              "", 1);
    rep.latency("create_latency",
                opts.producerBatch > 0 ? "batch create latency" : "create latency",
                run.createLatency);
    rep.latency("activate_latency", "activate latency (non-empty)", run.activateLatency);
    rep.latency("complete_latency", "complete latency", run.completeLatency);
    rep.resources(run.mon);
    if (run.mon.serverOk() && run.completedInWindow > 0)
        rep.value("server_cpu_us_per_job", "server CPU per completed job",
                  run.mon.serverCpuSeconds() * 1e6 / double(run.completedInWindow), "us", 1);
    if (run.mon.machineOk() && run.completedInWindow > 0)
        rep.value("machine_cpu_us_per_job", "machine CPU per completed job",
                  run.mon.machineCpuSeconds() * 1e6 / double(run.completedInWindow), "us", 1);
    rep.count("connects", "TCP connects made", run.loop.connectsMade());
    rep.errors(run.errors, run.loop.anomalies());
    return rep;
}

} // namespace bench
