#pragma once

// Measurement helpers: latency samples with percentiles, a log of failed requests, /proc
// sampling of the server (RSS, CPU) and of the bench itself, and a report that prints a phase
// as text and collects the same figures as JSON.

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <QJsonObject>

namespace bench {

class LatencyRecorder
{
public:
    void add(std::chrono::nanoseconds d);
    std::size_t count() const { return m_samples.size(); }

    struct Summary
    {
        std::size_t count = 0;
        double meanMs = 0, p50Ms = 0, p90Ms = 0, p99Ms = 0, maxMs = 0;
    };
    Summary summarize() const;

private:
    static constexpr std::size_t kMaxSamples = 20'000'000; // bounded memory (160 MB)
    std::vector<std::int64_t> m_samples;                   // nanoseconds
    std::uint64_t m_dropped = 0;
};

// Counts every non-2xx answer (status), transport failure (status 0) and failed consistency check
// (status -1) by "what status", keeping a few distinct details of each.
class ErrorLog
{
public:
    void add(const std::string &what, int status, const std::string &detail);
    std::uint64_t total() const { return m_total; }
    // "POST /jobs 503 x12: <body>" lines
    std::vector<std::string> lines() const;
    QJsonObject toJson() const;

private:
    struct Entry
    {
        std::uint64_t count = 0;
        std::vector<std::string> samples;
    };
    std::map<std::string, Entry> m_entries;
    std::uint64_t m_total = 0;
};

struct ProcSample
{
    bool ok = false;
    double cpuSeconds = 0; // utime + stime
    long rssKb = 0;        // VmRSS
};

// Reads /proc/<pid>/stat and /proc/<pid>/status. pid <= 0 gives ok = false.
ProcSample sampleProcess(int pid);
// CPU seconds (user + system) this process has used so far.
double selfCpuSeconds();

// The whole machine's CPU time so far from /proc/stat, in seconds summed over all CPUs: busy is
// everything but idle and iowait. ok = false where /proc/stat cannot be read.
struct MachineSample
{
    bool ok = false;
    double busySeconds = 0;
    int cpus = 0;
};
MachineSample sampleMachine();

// Server and bench resource use over one phase: call begin() at the start of the measured window,
// poll() now and then (for peak RSS), end() at the end of the window.
class ResourceMonitor
{
public:
    explicit ResourceMonitor(int serverPid) : m_pid(serverPid) {}
    void begin();
    void poll();
    void end();

    int pid() const { return m_pid; }
    bool serverOk() const { return m_pid > 0 && m_start.ok && m_stop.ok; }
    double wallSeconds() const { return m_wall; }
    double serverCores() const; // CPU seconds per wall second
    double serverCpuSeconds() const { return m_stop.cpuSeconds - m_start.cpuSeconds; }
    long rssStartKb() const { return m_start.rssKb; }
    long rssEndKb() const { return m_stop.rssKb; }
    long rssPeakKb() const { return m_peakRssKb; }
    double selfCores() const { return m_wall > 0 ? (m_selfStop - m_selfStart) / m_wall : 0; }
    // Every process on the machine (server, bench, the database, anything else running).
    bool machineOk() const { return m_machineStart.ok && m_machineStop.ok; }
    double machineCpuSeconds() const
    {
        return m_machineStop.busySeconds - m_machineStart.busySeconds;
    }
    double machineCores() const { return m_wall > 0 ? machineCpuSeconds() / m_wall : 0; }
    int machineCpus() const { return m_machineStop.cpus; }

private:
    int m_pid;
    ProcSample m_start, m_stop;
    MachineSample m_machineStart, m_machineStop;
    long m_peakRssKb = 0;
    bool m_running = false;
    double m_selfStart = 0, m_selfStop = 0;
    std::chrono::steady_clock::time_point m_t0;
    double m_wall = 0;
};

// Human-readable lines plus the same figures as JSON for one phase.
class Report
{
public:
    explicit Report(std::string title) : m_title(std::move(title)) {}

    void value(const char *key, const std::string &label, double v, const char *unit,
               int precision = 1);
    void count(const char *key, const std::string &label, std::uint64_t v);
    void text(const char *key, const std::string &label, const std::string &v);
    void latency(const char *key, const std::string &label, const LatencyRecorder &rec);
    void resources(const ResourceMonitor &mon);
    void errors(const ErrorLog &log, std::uint64_t anomalies);
    void note(const std::string &line) { m_lines.push_back("  " + line); }

    const std::string &title() const { return m_title; }
    std::uint64_t errorCount() const { return m_errorCount; }
    std::string textBlock() const;
    QJsonObject json() const { return m_json; }

private:
    std::string m_title;
    std::vector<std::string> m_lines;
    QJsonObject m_json;
    std::uint64_t m_errorCount = 0;
};

} // namespace bench
