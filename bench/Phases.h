#pragma once

// The measurement phases of jobdeck-bench and the helpers they share.
//  a  creates/s, one job per request
//  b  creates/s through the batch endpoint
//  c  full lifecycle (create, long-poll activate, complete) jobs/s
//  d  create→activate latency with a worker already waiting
// Each phase runs on its own single-threaded Loop and returns a Report.

#include "HttpClient.h"
#include "Stats.h"

#include <chrono>
#include <string>
#include <vector>

namespace bench {

struct Options
{
    Target target;
    double durationS = 10; // measured window per phase
    double warmupS = 1;    // before the window (a, b, c)
    int connections = 32;  // a, b
    int batch = 100;       // b
    int producers = 4;     // c
    int producerBatch = 0; // c: 0 = single creates, else batch size
    double rate = 0;       // c: cap on jobs/s created (0 = as fast as possible)
    int workers = 4;       // c
    int completeConns = 4; // c: completion connections per worker
    int maxJobs = 32;      // c: max_jobs per activation
    double drainTimeoutS = 60;
    int latencySamples = 2000; // d
    double latencyGapMs = 3;   // d: pause between sending the activate and the create
    int payloadBytes = 100;
    std::string type = "bench";
    int serverPid = 0;
};

Report runCreatePhase(const Options &opts, bool batch); // a (batch = false), b (batch = true)
Report runLifecyclePhase(const Options &opts);          // c
Report runLatencyPhase(const Options &opts);            // d

// Runs one request to completion on a fresh loop (for checks before the phases).
HttpResponse requestOnce(const Target &target, const std::string &request,
                         std::chrono::milliseconds timeout);

// --- shared helpers (PhaseCommon.cpp) ---

std::string createBody(const std::string &type, int payloadBytes);
std::string batchBody(const std::string &type, int payloadBytes, int count);
std::string activateBody(const std::string &type, const std::string &worker, int maxJobs,
                         int timeoutMs, int requestTimeoutMs);
std::string completeRequest(const Target &target, const std::string &jobKey);

// data.jobs[].key of an activate answer (or data.jobs[].job_key / key of a batch answer);
// ok = false when the body is not the expected envelope.
std::vector<std::string> jobKeys(const std::string &body, bool &ok);
// data.job_key of a create answer, empty when missing.
std::string createdJobKey(const std::string &body);

// A unique-per-run suffix "<pid>-<unix seconds>" for job types.
std::string runSuffix();

double seconds(Clock::duration d);

// Samples the server's RSS every 100 ms while the loop runs (for the peak).
class RssPoller
{
public:
    RssPoller(Loop &loop, ResourceMonitor &mon) : m_loop(loop), m_mon(mon) {}
    void start() { schedule(); }

private:
    void schedule();
    Loop &m_loop;
    ResourceMonitor &m_mon;
};

} // namespace bench
