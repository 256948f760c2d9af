#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <map>
#include <vector>

// The server's counters and histograms for GET /metrics (Prometheus text format 0.0.4).
// Thread-safe: the engine thread counts job events and commits, the HTTP thread counts requests
// and renders. Values live from start to stop (Prometheus handles counter resets).
class Metrics
{
public:
    // Job history actions per (action, job type) of one committed transaction.
    using EventCounts = QHash<QPair<QString, QString>, int>;

    void addJobEvents(const EventCounts &counts);
    void observeCommit(int operations, qint64 micros);
    void observeHttp(const QString &method, const QString &route, int status, qint64 nanos);
    // One committed retention step: jobs deleted, engine-thread time of the step's rule.
    void observeRetention(int deleted, qint64 micros);

    // Appends every counter and histogram in the text format.
    void render(QByteArray &out) const;

    // Helpers of the text format, for the gauges read at scrape time.
    static void help(QByteArray &out, const char *name, const char *type, const char *help);
    static void sample(QByteArray &out, const char *name,
                       const QList<QPair<QString, QString>> &labels, double value);

private:
    struct Histogram
    {
        std::vector<quint64> buckets; // per upper bound, not cumulative; last = +Inf
        double sum = 0;
        quint64 count = 0;
        void observe(const std::vector<double> &bounds, double value);
    };
    static void renderHistogram(QByteArray &out, const char *name,
                                const QList<QPair<QString, QString>> &labels,
                                const std::vector<double> &bounds, const Histogram &h);

    mutable QMutex m_mutex;
    std::map<std::pair<QString, QString>, quint64> m_jobEvents;     // (action, type)
    std::map<std::tuple<QString, QString, int>, quint64> m_http;    // (method, route, status)
    std::map<std::pair<QString, QString>, Histogram> m_httpLatency; // (method, route)
    Histogram m_commitLatency;
    quint64 m_commits = 0;
    quint64 m_committedOperations = 0;
    quint64 m_retentionSteps = 0;
    quint64 m_retentionDeleted = 0;
    double m_retentionSeconds = 0;
};
