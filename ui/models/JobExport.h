#pragma once

#include "backend/JobSource.h"
#include "store/JobFilter.h"
#include "store/JobRecord.h"

#include <QObject>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <memory>

class QIODevice;

// Writes jobs as CSV (the jobs table's columns, RFC 4180 quoting, UTF-8) or as a JSON array of
// GET /api/v1/jobs entries, one job at a time.
class JobExportWriter
{
public:
    enum class Format { Csv, Json };
    static Format formatOf(const QString &path); // ".json" → JSON, anything else CSV

    JobExportWriter(QIODevice &out, Format format);
    void begin();
    // `entry`: the job's GET /api/v1/jobs entry (JSON); the CSV row is made of `job`.
    void add(const JobRecord &job, const QJsonObject &entry);
    void end();
    // One CSV field, quoted when it needs to be.
    static QByteArray csvField(const QString &text);
    static QByteArray csvHeader();

private:
    QIODevice &m_out;
    Format m_format;
    qint64 m_written = 0;
};

// Exports jobs to a file on a thread of its own, with a JobSource of its own (the store through a
// read connection, or a server over its API): either the given keys (a selection) or every job
// of a list query, in keyset pages of kPageSize (each one snapshot of the store; the same path
// as GET /api/v1/jobs). The file is replaced only when the export ends well (QSaveFile);
// cancel() stops it between two pages and leaves no file behind. Signals arrive queued on the
// thread that made the task.
class JobExportTask : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 500;
    // A selection's jobs read at a time: over the API each is a request, and a cancel waits for
    // the read under way.
    static constexpr int kKeysPerRead = 50;

    JobExportTask(JobSourceFactory source, const QString &path, QObject *parent = nullptr);
    ~JobExportTask() override; // cancels and waits

    void setKeys(const QStringList &keys);
    void setQuery(const JobFilter &filter, const PageRequest &order);
    void start();
    void cancel() { m_cancel.store(true); }
    bool isRunning() const { return m_thread && m_thread->isRunning(); }

signals:
    void progress(qint64 jobsWritten);
    // error empty and !cancelled: the file is complete.
    void finished(qint64 jobsWritten, const QString &error, bool cancelled);

private:
    void run();
    qint64 exportKeys(JobSource &source, JobExportWriter &writer);
    qint64 exportQuery(JobSource &source, JobExportWriter &writer);
    qint64 write(const JobSource::EntryPage &page, JobExportWriter &writer);

    JobSourceFactory m_source;
    QString m_path;
    QStringList m_keys;
    bool m_byQuery = false;
    JobFilter m_filter;
    PageRequest m_order;
    std::atomic<bool> m_cancel{false};
    std::unique_ptr<QThread> m_thread;
};
