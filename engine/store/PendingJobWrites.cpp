#include "PendingJobWrites.h"

#include "JobColumns.h"

namespace {

// One JSON object of column values, written straight into UTF-8: a batch holds hundreds of
// rows, and a QJsonObject per row would cost more than the statement saves.
class RowWriter
{
public:
    explicit RowWriter(QByteArray &out) : m_out(out) { m_out += '{'; }
    ~RowWriter() { m_out += '}'; }

    void number(const char *column, qint64 value)
    {
        name(column);
        m_out += QByteArray::number(value);
    }
    // NULL for "not set" (0), as the one-row statements bind it.
    void numberOrNull(const char *column, qint64 value)
    {
        if (value)
            number(column, value);
        else
            null(column);
    }
    void text(const char *column, const QString &value) { utf8(column, value.toUtf8()); }
    void textOrNull(const char *column, const QString &value)
    {
        if (value.isEmpty())
            null(column);
        else
            text(column, value);
    }
    void utf8(const char *column, const QByteArray &value)
    {
        name(column);
        quoted(value);
    }
    void utf8OrNull(const char *column, const QByteArray &value)
    {
        if (value.isEmpty())
            null(column);
        else
            utf8(column, value);
    }

private:
    void name(const char *column)
    {
        if (!m_first)
            m_out += ',';
        m_first = false;
        m_out += '"';
        m_out += column;
        m_out += "\":";
    }
    void null(const char *column)
    {
        name(column);
        m_out += "null";
    }
    void quoted(const QByteArray &value)
    {
        static const char hex[] = "0123456789abcdef";
        m_out += '"';
        for (const char c : value) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                m_out += '\\';
                m_out += c;
            } else if (u == 0) {
                m_out += "\\ufffd"; // PostgreSQL text cannot hold U+0000 (see Database::exec)
            } else if (u < 0x20) {
                m_out += "\\u00";
                m_out += hex[u >> 4];
                m_out += hex[u & 15];
            } else {
                m_out += c;
            }
        }
        m_out += '"';
    }

    QByteArray &m_out;
    bool m_first = true;
};

// A job's columns (JobColumns::forEach) as one row object: every column for an insert; the id
// and the changeable columns for an update (the one-row UPDATE's SET list).
struct RowColumns
{
    RowWriter &w;
    bool insert;
    bool wanted(JobColumns::Mutability m) const { return insert || m == JobColumns::Changeable; }
    template <typename T> void integer(const char *n, const T &v, JobColumns::Mutability m)
    {
        if (wanted(m))
            w.number(n, v);
    }
    void state(const char *n, const JobState &s, JobColumns::Mutability m)
    {
        if (wanted(m))
            w.number(n, int(s));
    }
    void text(const char *n, const QString &s, JobColumns::Mutability m)
    {
        if (wanted(m))
            w.text(n, s);
    }
    void textOrNull(const char *n, const QString &s, JobColumns::Mutability m)
    {
        if (wanted(m))
            w.textOrNull(n, s);
    }
    void json(const char *n, const QByteArray &s, JobColumns::Mutability m)
    {
        if (wanted(m))
            w.utf8(n, s);
    }
    void jsonOrNull(const char *n, const QByteArray &s, JobColumns::Mutability m)
    {
        if (wanted(m))
            w.utf8OrNull(n, s);
    }
    void timeOrNull(const char *n, const qint64 &ms, JobColumns::Mutability m)
    {
        if (wanted(m))
            w.numberOrNull(n, ms);
    }
};

void writeRow(QByteArray &out, const JobRecord &j, bool insert)
{
    RowWriter w(out);
    if (!insert)
        w.number("id", j.id); // the row to update (a fixed column)
    JobColumns::forEach(j, RowColumns{w, insert});
}

void append(PendingJobWrites::Rows &rows, const JobRecord &job, bool insert)
{
    rows.json += rows.count ? ',' : '[';
    writeRow(rows.json, job, insert);
    rows.count += 1;
}

void close(PendingJobWrites::Rows &rows)
{
    if (rows.count)
        rows.json += ']';
}

} // namespace

void PendingJobWrites::add(const JobRecord &job, bool insert)
{
    const int round = m_writesOfJob.value(job.id);
    m_writesOfJob.insert(job.id, round + 1);
    if (size_t(round) == m_rounds.size())
        m_rounds.emplace_back();
    m_rounds[size_t(round)].push_back({insert, job});
    m_latest.insert(job.id, job);
    m_idOfKey.insert(job.key, job.id);
}

void PendingJobWrites::appendEvent(qint64 jobId, const JobEvent &e)
{
    QByteArray row;
    {
        RowWriter w(row);
        w.number("job_id", jobId);
        w.number("at", e.at);
        w.text("action", e.action);
        w.textOrNull("worker", e.worker);
        w.numberOrNull("attempt", e.attempt);
        w.textOrNull("error", e.error);
        w.utf8OrNull("details", e.details);
    }
    m_events.append(row);
}

const JobRecord *PendingJobWrites::find(qint64 id) const
{
    const auto it = m_latest.constFind(id);
    return it == m_latest.constEnd() ? nullptr : &*it;
}

const JobRecord *PendingJobWrites::findByKey(const QString &key) const
{
    const auto it = m_idOfKey.constFind(key);
    return it == m_idOfKey.constEnd() ? nullptr : find(*it);
}

QList<PendingJobWrites::Round> PendingJobWrites::takeRounds()
{
    QList<Round> out;
    for (const std::vector<Write> &writes : m_rounds) {
        Round round;
        for (const Write &write : writes)
            append(write.insert ? round.inserts : round.updates, write.job, write.insert);
        close(round.inserts);
        close(round.updates);
        out.append(round);
    }
    forgetJobWrites();
    return out;
}

PendingJobWrites::Rows PendingJobWrites::takeEvents()
{
    Rows rows;
    rows.count = int(m_events.size());
    if (rows.count)
        rows.json = '[' + m_events.join(',') + ']';
    m_events.clear();
    return rows;
}

void PendingJobWrites::clear()
{
    forgetJobWrites(); // no JSON built for writes that will never be sent
    m_events.clear();
}

void PendingJobWrites::forgetJobWrites()
{
    m_rounds.clear();
    m_writesOfJob.clear();
    m_latest.clear();
    m_idOfKey.clear();
}
