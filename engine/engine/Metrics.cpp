#include "Metrics.h"

#include <QMutexLocker>

namespace {

const std::vector<double> kHttpBounds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                      0.25,  0.5,    1,     2.5,  5,     10,   30};
const std::vector<double> kCommitBounds{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
                                        0.025,  0.05,    0.1,    0.25,  0.5,    1};

// The job history actions that have a counter of their own.
struct Named
{
    const char *action;
    const char *metric;
    const char *help;
};
const Named kNamed[] = {
    {"JOB_CREATED", "jobdeck_jobs_created_total", "Jobs created"},
    {"JOB_ACTIVATED", "jobdeck_activations_total", "Jobs handed to workers"},
    {"JOB_COMPLETED", "jobdeck_completions_total", "Jobs completed by workers"},
    {"JOB_FAILED_RETRY", "jobdeck_failures_total", "Worker failures (retry and final)"},
    {"JOB_FAILED_FINAL", "jobdeck_failures_total", nullptr},
    {"JOB_ERROR_THROWN", "jobdeck_errors_thrown_total", "Business errors thrown by workers"},
    {"JOB_TIMED_OUT", "jobdeck_lock_timeouts_total", "Locks that expired"},
};

QByteArray escape(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 15);
}

} // namespace

void Metrics::Histogram::observe(const std::vector<double> &bounds, double value)
{
    if (buckets.empty())
        buckets.assign(bounds.size() + 1, 0);
    size_t i = 0;
    while (i < bounds.size() && value > bounds[i])
        ++i;
    buckets[i] += 1;
    sum += value;
    count += 1;
}

void Metrics::addJobEvents(const EventCounts &counts)
{
    if (counts.isEmpty())
        return;
    QMutexLocker lock(&m_mutex);
    for (auto it = counts.begin(); it != counts.end(); ++it)
        m_jobEvents[{it.key().first, it.key().second}] += quint64(it.value());
}

void Metrics::observeCommit(int operations, qint64 micros)
{
    QMutexLocker lock(&m_mutex);
    m_commits += 1;
    m_committedOperations += quint64(operations);
    m_commitLatency.observe(kCommitBounds, double(micros) / 1e6);
}

void Metrics::observeRetention(int deleted, qint64 micros)
{
    QMutexLocker lock(&m_mutex);
    m_retentionSteps += 1;
    m_retentionDeleted += quint64(deleted);
    m_retentionSeconds += double(micros) / 1e6;
}

void Metrics::observeHttp(const QString &method, const QString &route, int status, qint64 nanos)
{
    QMutexLocker lock(&m_mutex);
    m_http[{method, route, status}] += 1;
    m_httpLatency[{method, route}].observe(kHttpBounds, double(nanos) / 1e9);
}

void Metrics::help(QByteArray &out, const char *name, const char *type, const char *helpText)
{
    out += "# HELP ";
    out += name;
    out += ' ';
    out += helpText;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

void Metrics::sample(QByteArray &out, const char *name,
                     const QList<QPair<QString, QString>> &labels, double value)
{
    out += name;
    if (!labels.isEmpty()) {
        out += '{';
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (i)
                out += ',';
            out += labels[i].first.toUtf8() + "=\"" + escape(labels[i].second) + '"';
        }
        out += '}';
    }
    out += ' ' + number(value) + '\n';
}

void Metrics::renderHistogram(QByteArray &out, const char *name,
                              const QList<QPair<QString, QString>> &labels,
                              const std::vector<double> &bounds, const Histogram &h)
{
    const QByteArray base(name);
    quint64 cumulative = 0;
    for (size_t i = 0; i <= bounds.size(); ++i) {
        cumulative += h.buckets.empty() ? 0 : h.buckets[i];
        QList<QPair<QString, QString>> withLe = labels;
        withLe.append({QStringLiteral("le"), i < bounds.size()
                                                 ? QString::fromLatin1(number(bounds[i]))
                                                 : QStringLiteral("+Inf")});
        sample(out, (base + "_bucket").constData(), withLe, double(cumulative));
    }
    sample(out, (base + "_sum").constData(), labels, h.sum);
    sample(out, (base + "_count").constData(), labels, double(h.count));
}

void Metrics::render(QByteArray &out) const
{
    QMutexLocker lock(&m_mutex);
    // Named counters per job type (several actions may feed one counter), then every action.
    for (const Named &n : kNamed) {
        if (!n.help)
            continue;
        std::map<QString, quint64> byType;
        for (const Named &m : kNamed)
            if (qstrcmp(m.metric, n.metric) == 0)
                for (const auto &[key, value] : m_jobEvents)
                    if (key.first == QLatin1String(m.action))
                        byType[key.second] += value;
        help(out, n.metric, "counter", n.help);
        for (const auto &[type, value] : byType)
            sample(out, n.metric, {{QStringLiteral("type"), type}}, double(value));
    }
    help(out, "jobdeck_job_events_total", "counter", "Job history entries by action and type");
    for (const auto &[key, value] : m_jobEvents)
        sample(out, "jobdeck_job_events_total",
               {{QStringLiteral("action"), key.first}, {QStringLiteral("type"), key.second}},
               double(value));

    help(out, "jobdeck_http_requests_total", "counter",
         "HTTP requests by method, route pattern and status");
    for (const auto &[key, value] : m_http)
        sample(out, "jobdeck_http_requests_total",
               {{QStringLiteral("method"), std::get<0>(key)},
                {QStringLiteral("route"), std::get<1>(key)},
                {QStringLiteral("status"), QString::number(std::get<2>(key))}},
               double(value));
    help(out, "jobdeck_http_request_duration_seconds", "histogram",
         "Time from request to answer (held long polls included)");
    for (const auto &[key, h] : m_httpLatency)
        renderHistogram(
            out, "jobdeck_http_request_duration_seconds",
            {{QStringLiteral("method"), key.first}, {QStringLiteral("route"), key.second}},
            kHttpBounds, h);

    const auto counter = [&out](const char *name, const char *text, double value) {
        help(out, name, "counter", text);
        sample(out, name, {}, value);
    };
    counter("jobdeck_store_commits_total", "Engine transactions committed", double(m_commits));
    counter("jobdeck_store_committed_operations_total",
            "Operations carried by committed transactions (group commit)",
            double(m_committedOperations));
    help(out, "jobdeck_store_commit_duration_seconds", "histogram",
         "Engine transaction time, from begin to commit");
    renderHistogram(out, "jobdeck_store_commit_duration_seconds", {}, kCommitBounds,
                    m_commitLatency);

    counter("jobdeck_retention_steps_total", "Retention steps committed", double(m_retentionSteps));
    counter("jobdeck_retention_deleted_jobs_total", "Finished jobs deleted by the retention policy",
            double(m_retentionDeleted));
    counter("jobdeck_retention_seconds_total",
            "Engine-thread time spent finding and deleting jobs past the retention policy",
            m_retentionSeconds);
}
