// Phase d: create→activate latency with a worker already waiting. Each sample: a long-poll
// activate (max_jobs 1) is sent and held by the server; after a short gap one job is created on a
// second connection; the sample is the time from sending the create to receiving the activate
// answer that carries the job. The job is then completed (untimed) and the next sample starts.
// A job type unique to this run keeps leftovers of earlier runs out.

#include "Phases.h"

namespace bench {

namespace {

using namespace std::chrono_literals;

constexpr int kRequestTimeoutMs = 10'000;
constexpr auto kSampleTimeout = 15s;
constexpr int kMaxConsecutiveFailures = 10;

struct LatencyRun
{
    const Options &opts;
    Loop loop;
    ResourceMonitor mon;
    RssPoller poller;
    Connection *activateConn, *createConn, *completeConn;
    std::string activateRequest, createRequest;

    LatencyRecorder latency, createLatency, completeLatency;
    ErrorLog errors;
    int sample = 0; // index of the sample in progress
    bool aborted = false;
    bool activating = false;
    bool retryScheduled = false; // an activate retry is waiting on a timer
    bool sampleTainted = false;  // the activate failed during this sample: latency not valid
    int consecutiveFailures = 0;
    bool createSent = false, createAnswered = false, jobActivated = false;
    TimePoint sampleStart, createSentAt;
    std::string createdKey, activatedKey;
    std::uint64_t emptyPolls = 0, activateBeforeCreateAnswer = 0, mismatches = 0;
    std::uint64_t failedSamples = 0, unexpectedJobs = 0;

    explicit LatencyRun(const Options &o)
        : opts(o), loop(o.target), mon(o.serverPid), poller(loop, mon),
          activateConn(loop.connection()), createConn(loop.connection()),
          completeConn(loop.connection())
    {}

    bool finished() const { return aborted || sample >= opts.latencySamples; }

    void startSample()
    {
        if (finished())
            return;
        createSent = createAnswered = jobActivated = sampleTainted = false;
        createdKey.clear();
        activatedKey.clear();
        sampleStart = Clock::now();
        const int index = sample;
        loop.after(kSampleTimeout, [this, index] {
            if (sample == index && !finished()) {
                errors.add("sample", -1,
                           "no activated job within 15 s of starting sample " +
                               std::to_string(index) + "; phase aborted");
                aborted = true;
            }
        });
        activate();
        loop.after(std::chrono::microseconds(std::int64_t(opts.latencyGapMs * 1000)),
                   [this] { sendCreate(); });
    }

    void activate()
    {
        if (activating || aborted || retryScheduled)
            return;
        activating = true;
        activateConn->send(activateRequest, [this](const HttpResponse &r) { onActivated(r); });
    }

    void sendCreate()
    {
        if (aborted)
            return;
        createSent = true;
        createSentAt = Clock::now();
        createConn->send(createRequest, [this](const HttpResponse &r) { onCreated(r); });
    }

    void onCreated(const HttpResponse &r)
    {
        if (!r.ok()) {
            errors.add("POST /api/v1/jobs", r.status, r.status ? r.body : r.error);
            ++failedSamples;
            noteFailure("create answered " + std::to_string(r.status) + " " + r.error);
            nextSample(r.status == 0 ? 100ms : 0ms); // the held activate stays for the next one
            return;
        }
        createAnswered = true;
        createLatency.add(r.latency);
        createdKey = createdJobKey(r.body);
        if (createdKey.empty())
            errors.add("POST /api/v1/jobs", -1, "answer without data.job_key: " + r.body);
        maybeComplete();
    }

    void onActivated(const HttpResponse &r)
    {
        activating = false;
        const TimePoint now = Clock::now();
        if (!r.ok()) {
            errors.add("POST /api/v1/jobs/activate", r.status, r.status ? r.body : r.error);
            sampleTainted = true;
            noteFailure("activate answered " + std::to_string(r.status) + " " + r.error);
            if (!retryScheduled) {
                retryScheduled = true;
                loop.after(100ms, [this] {
                    retryScheduled = false;
                    activate();
                });
            }
            return;
        }
        bool ok = false;
        const std::vector<std::string> keys = jobKeys(r.body, ok);
        if (!ok)
            errors.add("POST /api/v1/jobs/activate", -1, "unexpected answer: " + r.body);
        if (keys.empty()) {
            ++emptyPolls; // request_timeout expired: poll again
            activate();
            return;
        }
        std::size_t first = 0;
        if (createSent && !jobActivated) {
            jobActivated = true;
            activatedKey = keys.front();
            if (sampleTainted) {
                ++failedSamples; // the answer came from a retried activate: not a valid sample
            } else {
                latency.add(now - createSentAt);
                if (!createAnswered)
                    ++activateBeforeCreateAnswer;
            }
            first = 1;
        }
        for (std::size_t i = first; i < keys.size(); ++i)
            completeStray(keys[i]);
        if (jobActivated)
            maybeComplete();
        else
            activate(); // only stray jobs so far: keep waiting for this sample's job
    }

    // A job this sample did not create (left over from a failed sample): count it and complete it
    // on a connection of its own so that it does not linger. Rare, so a new connection is fine.
    void completeStray(const std::string &key)
    {
        ++unexpectedJobs;
        errors.add("POST /api/v1/jobs/activate", -1, "activated a job this sample did not create");
        loop.connection()->send(completeRequest(opts.target, key), [this](const HttpResponse &r) {
            if (!r.ok())
                errors.add("PUT /api/v1/jobs/{key}/complete", r.status,
                           r.status ? r.body : r.error);
        });
    }

    void maybeComplete()
    {
        if (!jobActivated || !createAnswered)
            return;
        if (!createdKey.empty() && createdKey != activatedKey) {
            ++mismatches;
            errors.add("sample", -1,
                       "activated key " + activatedKey + " is not the created key " + createdKey);
        }
        completeConn->send(completeRequest(opts.target, activatedKey),
                           [this](const HttpResponse &r) {
                               if (r.ok()) {
                                   completeLatency.add(r.latency);
                                   if (!sampleTainted)
                                       consecutiveFailures = 0;
                               } else {
                                   errors.add("PUT /api/v1/jobs/{key}/complete", r.status,
                                              r.status ? r.body : r.error);
                                   noteFailure("complete answered " + std::to_string(r.status));
                               }
                               nextSample(r.status == 0 ? 100ms : 0ms);
                           });
    }

    // Sequential samples make no sense against a server that keeps failing: stop early.
    void noteFailure(const std::string &what)
    {
        if (++consecutiveFailures < kMaxConsecutiveFailures || aborted)
            return;
        aborted = true;
        errors.add("phase", -1,
                   "aborted after " + std::to_string(consecutiveFailures) +
                       " consecutive failures; last: " + what);
    }

    void nextSample(std::chrono::milliseconds delay)
    {
        ++sample;
        if (delay.count() == 0)
            startSample();
        else
            loop.after(delay, [this] { startSample(); });
    }
};

} // namespace

Report runLatencyPhase(const Options &opts)
{
    LatencyRun run(opts);
    const std::string type = "lat-" + runSuffix();
    run.activateRequest =
        buildRequest(opts.target, "POST", "/api/v1/jobs/activate",
                     activateBody(type, "bench-lat", 1, 60'000, kRequestTimeoutMs));
    run.createRequest =
        buildRequest(opts.target, "POST", "/api/v1/jobs", createBody(type, opts.payloadBytes));

    // bounded: generous per-sample budget on top of a fixed allowance
    const auto limit = 30s + std::chrono::milliseconds(50) * opts.latencySamples;
    run.mon.begin();
    run.poller.start();
    const TimePoint start = Clock::now();
    run.startSample();
    const bool done = run.loop.runUntil(start + limit, [&run] { return run.finished(); });
    const double wall = seconds(Clock::now() - start);
    run.mon.end();
    if (!done)
        run.errors.add("phase", -1,
                       "time limit reached after " + std::to_string(run.sample) + " samples");

    Report rep("d) create -> activate latency (worker already waiting)");
    rep.text("job_type", "job type", type);
    rep.count("samples", "samples", run.latency.count());
    rep.value("gap_ms", "gap activate -> create", opts.latencyGapMs, "ms", 1);
    rep.latency("create_to_activate", "CREATE->ACTIVATE", run.latency);
    rep.latency("create_latency", "create request latency", run.createLatency);
    rep.latency("complete_latency", "complete request latency", run.completeLatency);
    rep.count("activate_before_create_answer", "activate answered before create",
              run.activateBeforeCreateAnswer);
    rep.count("empty_polls", "empty long polls", run.emptyPolls);
    rep.count("failed_samples", "failed samples", run.failedSamples);
    rep.count("unexpected_jobs", "unexpected activated jobs", run.unexpectedJobs);
    rep.value("wall_s", "phase wall time", wall, "s", 1);
    rep.resources(run.mon);
    rep.errors(run.errors, run.loop.anomalies());
    return rep;
}

} // namespace bench
