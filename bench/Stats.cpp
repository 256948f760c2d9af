#include "Stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <QJsonArray>
#include <QString>

#include <sys/resource.h>
#include <unistd.h>

namespace bench {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString q(const char *s)
{
    return QString::fromUtf8(s);
}

std::string fmt(double v, int precision)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", precision, v);
    return buf;
}

std::string padLabel(const std::string &label)
{
    std::string s = "  " + label;
    if (s.size() < 34)
        s.resize(34, ' ');
    return s + " ";
}

double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

} // namespace

// ---------------------------------------------------------------------------------------------

void LatencyRecorder::add(std::chrono::nanoseconds d)
{
    if (m_samples.size() >= kMaxSamples) {
        ++m_dropped;
        return;
    }
    m_samples.push_back(d.count());
}

LatencyRecorder::Summary LatencyRecorder::summarize() const
{
    Summary s;
    s.count = m_samples.size();
    if (s.count == 0)
        return s;
    std::vector<std::int64_t> v = m_samples;
    std::sort(v.begin(), v.end());
    auto at = [&](double p) {
        std::size_t rank = std::size_t(std::ceil(p * double(v.size())));
        rank = std::clamp<std::size_t>(rank, 1, v.size());
        return double(v[rank - 1]) / 1e6;
    };
    double sum = 0;
    for (std::int64_t x : v)
        sum += double(x);
    s.meanMs = sum / double(v.size()) / 1e6;
    s.p50Ms = at(0.50);
    s.p90Ms = at(0.90);
    s.p99Ms = at(0.99);
    s.maxMs = double(v.back()) / 1e6;
    return s;
}

// ---------------------------------------------------------------------------------------------

void ErrorLog::add(const std::string &what, int status, const std::string &detail)
{
    const std::string kind = status < 0    ? std::string("check failed")
                             : status == 0 ? std::string("transport")
                                           : std::to_string(status);
    const std::string key = what + " " + kind;
    Entry &e = m_entries[key];
    ++e.count;
    ++m_total;
    if (e.samples.size() < 3) {
        std::string d = detail.substr(0, 300);
        std::replace(d.begin(), d.end(), '\n', ' ');
        if (std::find(e.samples.begin(), e.samples.end(), d) == e.samples.end())
            e.samples.push_back(d);
    }
}

std::vector<std::string> ErrorLog::lines() const
{
    std::vector<std::string> out;
    for (const auto &[key, e] : m_entries) {
        out.push_back(key + " x" + std::to_string(e.count));
        for (const std::string &s : e.samples)
            out.push_back("    e.g. " + s);
    }
    return out;
}

QJsonObject ErrorLog::toJson() const
{
    QJsonObject o;
    for (const auto &[key, e] : m_entries) {
        QJsonArray samples;
        for (const std::string &s : e.samples)
            samples.append(q(s));
        o.insert(q(key), QJsonObject{{QStringLiteral("count"), double(e.count)},
                                     {QStringLiteral("samples"), samples}});
    }
    return o;
}

// ---------------------------------------------------------------------------------------------

ProcSample sampleProcess(int pid)
{
    ProcSample s;
    if (pid <= 0)
        return s;
    const std::string base = "/proc/" + std::to_string(pid);
    std::ifstream stat(base + "/stat");
    std::string line;
    if (!std::getline(stat, line))
        return s;
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    const std::size_t paren = line.rfind(')');
    if (paren == std::string::npos)
        return s;
    std::istringstream fields(line.substr(paren + 1));
    std::string tok;
    unsigned long long utime = 0, stime = 0;
    for (int field = 3; field <= 15 && (fields >> tok); ++field) {
        if (field == 14)
            utime = std::stoull(tok);
        else if (field == 15)
            stime = std::stoull(tok);
    }
    const long ticks = ::sysconf(_SC_CLK_TCK);
    s.cpuSeconds = double(utime + stime) / double(ticks > 0 ? ticks : 100);

    std::ifstream status(base + "/status");
    for (int i = 0; i < 200 && std::getline(status, line); ++i) {
        if (line.rfind("VmRSS:", 0) == 0) {
            s.rssKb = std::atol(line.c_str() + 6);
            break;
        }
    }
    s.ok = true;
    return s;
}

double selfCpuSeconds()
{
    rusage ru{};
    ::getrusage(RUSAGE_SELF, &ru);
    auto sec = [](const timeval &tv) { return double(tv.tv_sec) + double(tv.tv_usec) / 1e6; };
    return sec(ru.ru_utime) + sec(ru.ru_stime);
}

MachineSample sampleMachine()
{
    MachineSample m;
    std::ifstream stat("/proc/stat");
    std::string line;
    unsigned long long total = 0, idle = 0;
    while (std::getline(stat, line)) {
        if (line.rfind("cpu", 0) != 0)
            break;
        std::istringstream fields(line);
        std::string name;
        fields >> name;
        if (name != "cpu") { // cpu0, cpu1, ...: only counted
            ++m.cpus;
            continue;
        }
        // user nice system idle iowait irq softirq steal (guest time is already in user)
        unsigned long long v = 0;
        for (int i = 0; i < 8 && (fields >> v); ++i) {
            total += v;
            if (i == 3 || i == 4)
                idle += v;
        }
        m.ok = true;
    }
    const long ticks = ::sysconf(_SC_CLK_TCK);
    m.busySeconds = double(total - idle) / double(ticks > 0 ? ticks : 100);
    return m;
}

// ---------------------------------------------------------------------------------------------

void ResourceMonitor::begin()
{
    m_t0 = std::chrono::steady_clock::now();
    m_machineStart = sampleMachine();
    m_selfStart = selfCpuSeconds();
    m_start = sampleProcess(m_pid);
    m_peakRssKb = m_start.rssKb;
    m_running = true;
}

void ResourceMonitor::poll()
{
    if (!m_running || m_pid <= 0)
        return;
    const ProcSample s = sampleProcess(m_pid);
    if (s.ok)
        m_peakRssKb = std::max(m_peakRssKb, s.rssKb);
}

void ResourceMonitor::end()
{
    if (!m_running)
        return;
    m_running = false;
    m_stop = sampleProcess(m_pid);
    m_selfStop = selfCpuSeconds();
    m_machineStop = sampleMachine();
    m_wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_t0).count();
    if (m_stop.ok)
        m_peakRssKb = std::max(m_peakRssKb, m_stop.rssKb);
}

double ResourceMonitor::serverCores() const
{
    return (serverOk() && m_wall > 0) ? serverCpuSeconds() / m_wall : 0;
}

// ---------------------------------------------------------------------------------------------

void Report::value(const char *key, const std::string &label, double v, const char *unit,
                   int precision)
{
    m_lines.push_back(padLabel(label) + fmt(v, precision) + (*unit ? " " : "") + unit);
    m_json.insert(q(key), round3(v));
}

void Report::count(const char *key, const std::string &label, std::uint64_t v)
{
    m_lines.push_back(padLabel(label) + std::to_string(v));
    m_json.insert(q(key), double(v));
}

void Report::text(const char *key, const std::string &label, const std::string &v)
{
    m_lines.push_back(padLabel(label) + v);
    m_json.insert(q(key), q(v));
}

void Report::latency(const char *key, const std::string &label, const LatencyRecorder &rec)
{
    const LatencyRecorder::Summary s = rec.summarize();
    if (s.count == 0) {
        m_lines.push_back(padLabel(label) + "(no samples)");
    } else {
        m_lines.push_back(padLabel(label) + "p50 " + fmt(s.p50Ms, 3) + "  p90 " + fmt(s.p90Ms, 3) +
                          "  p99 " + fmt(s.p99Ms, 3) + "  max " + fmt(s.maxMs, 3) +
                          " ms  (n=" + std::to_string(s.count) + ")");
    }
    m_json.insert(q(key), QJsonObject{{QStringLiteral("count"), double(s.count)},
                                      {QStringLiteral("mean_ms"), round3(s.meanMs)},
                                      {QStringLiteral("p50_ms"), round3(s.p50Ms)},
                                      {QStringLiteral("p90_ms"), round3(s.p90Ms)},
                                      {QStringLiteral("p99_ms"), round3(s.p99Ms)},
                                      {QStringLiteral("max_ms"), round3(s.maxMs)}});
}

void Report::resources(const ResourceMonitor &mon)
{
    QJsonObject o;
    o.insert(QStringLiteral("window_s"), round3(mon.wallSeconds()));
    o.insert(QStringLiteral("bench_cpu_cores"), round3(mon.selfCores()));
    std::string line = "bench " + fmt(mon.selfCores(), 2) + " cores";
    if (mon.serverOk()) {
        line = "server " + fmt(mon.serverCores(), 2) + " cores (" +
               fmt(mon.serverCores() * 100, 0) + "% CPU), RSS peak " +
               fmt(double(mon.rssPeakKb()) / 1024, 1) + " MiB (start " +
               fmt(double(mon.rssStartKb()) / 1024, 1) + ", end " +
               fmt(double(mon.rssEndKb()) / 1024, 1) + ");  " + line;
        o.insert(QStringLiteral("server_cpu_cores"), round3(mon.serverCores()));
        o.insert(QStringLiteral("server_cpu_s"), round3(mon.serverCpuSeconds()));
        o.insert(QStringLiteral("server_rss_peak_kb"), double(mon.rssPeakKb()));
        o.insert(QStringLiteral("server_rss_start_kb"), double(mon.rssStartKb()));
        o.insert(QStringLiteral("server_rss_end_kb"), double(mon.rssEndKb()));
    } else if (mon.pid() > 0) {
        line = "server pid " + std::to_string(mon.pid()) + " not readable;  " + line;
    }
    m_lines.push_back(padLabel("resources (measured window)") + line);
    if (mon.machineOk()) {
        m_lines.push_back(padLabel("machine CPU (all processes)") + fmt(mon.machineCores(), 2) +
                          " of " + std::to_string(mon.machineCpus()) + " cores busy");
        o.insert(QStringLiteral("machine_cpu_cores"), round3(mon.machineCores()));
        o.insert(QStringLiteral("machine_cpus"), mon.machineCpus());
    }
    m_json.insert(QStringLiteral("resources"), o);
}

void Report::errors(const ErrorLog &log, std::uint64_t anomalies)
{
    m_errorCount += log.total() + anomalies;
    if (log.total() == 0 && anomalies == 0) {
        m_lines.push_back(padLabel("errors") + "none");
    } else {
        m_lines.push_back(padLabel("ERRORS") + std::to_string(log.total()) + " failed requests, " +
                          std::to_string(anomalies) + " protocol anomalies  <<<<<<");
        for (const std::string &l : log.lines())
            m_lines.push_back("    " + l);
    }
    m_json.insert(QStringLiteral("errors"), double(log.total()));
    m_json.insert(QStringLiteral("protocol_anomalies"), double(anomalies));
    m_json.insert(QStringLiteral("error_detail"), log.toJson());
}

std::string Report::textBlock() const
{
    std::string out = "== " + m_title + "\n";
    for (const std::string &l : m_lines)
        out += l + "\n";
    return out;
}

} // namespace bench
