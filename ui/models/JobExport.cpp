#include "JobExport.h"

#include "api/JobListView.h"
#include "core/Clock.h"
#include "store/JobReads.h"
#include "store/JobStore.h"
#include "store/ReadSnapshot.h"

#include <QJsonDocument>
#include <QSaveFile>

#include <atomic>

namespace {

std::atomic<int> s_exports{0};

QString isoOrEmpty(qint64 ms)
{
    return ms ? Clock::toIso(ms) : QString();
}

} // namespace

// ---- JobExportWriter

JobExportWriter::Format JobExportWriter::formatOf(const QString &path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? Format::Json : Format::Csv;
}

JobExportWriter::JobExportWriter(QIODevice &out, Format format) : m_out(out), m_format(format) {}

QByteArray JobExportWriter::csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') ||
        bytes.contains('\r')) {
        bytes.replace("\"", "\"\"");
        return '"' + bytes + '"';
    }
    return bytes;
}

QByteArray JobExportWriter::csvHeader()
{
    return "job_key,type,status,worker,retries,created_at,updated_at,duration_ms,error_message";
}

void JobExportWriter::begin()
{
    m_out.write(m_format == Format::Csv ? csvHeader() + "\r\n" : QByteArray("[\n"));
}

void JobExportWriter::add(const JobRecord &job, const QList<JobEvent> &events)
{
    if (m_format == Format::Json) {
        if (m_written)
            m_out.write(",\n");
        m_out.write(QJsonDocument(JobListView::entry(job, events)).toJson(QJsonDocument::Compact));
    } else {
        // Finished jobs only, as before: an export is not a moment's clock.
        const std::optional<qint64> run = job.finishedAt ? lastRunMs(job, 0) : std::nullopt;
        const QString duration = run ? QString::number(*run) : QString();
        const QByteArray line = csvField(job.key) + ',' + csvField(job.type) + ',' +
                                csvField(JobStates::name(job.state)) + ',' + csvField(job.worker) +
                                ',' + QByteArray::number(job.retries) + ',' +
                                csvField(isoOrEmpty(job.createdAt)) + ',' +
                                csvField(isoOrEmpty(job.updatedAt)) + ',' + duration.toLatin1() +
                                ',' + csvField(job.errorMessage) + "\r\n";
        m_out.write(line);
    }
    ++m_written;
}

void JobExportWriter::end()
{
    if (m_format == Format::Json)
        m_out.write(m_written ? "\n]\n" : "]\n");
}

// ---- JobExportTask

JobExportTask::JobExportTask(const StoreOptions &store, const QString &path, QObject *parent)
    : QObject(parent), m_store(store), m_path(path)
{}

JobExportTask::~JobExportTask()
{
    cancel();
    if (m_thread)
        m_thread->wait();
}

void JobExportTask::setKeys(const QStringList &keys)
{
    m_keys = keys;
    m_byQuery = false;
}

void JobExportTask::setQuery(const JobFilter &filter, const PageRequest &order)
{
    m_filter = filter;
    m_order = order;
    m_order.limit = kPageSize;
    m_order.offset = 0;
    m_order.after.reset();
    m_byQuery = true;
}

void JobExportTask::start()
{
    if (m_thread)
        return;
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("jobdeck-export"));
    m_thread->start();
}

void JobExportTask::run()
{
    const QString connection = QStringLiteral("jobdeck-export-%1").arg(s_exports.fetch_add(1));
    qint64 written = 0;
    QString error;
    {
        QSaveFile file(m_path);
        if (!file.open(QIODevice::WriteOnly)) {
            error = file.errorString();
        } else {
            try {
                JobStore store(Database::open(connection, m_store));
                JobExportWriter writer(file, JobExportWriter::formatOf(m_path));
                writer.begin();
                written = m_byQuery ? exportQuery(store, writer) : exportKeys(store, writer);
                writer.end();
            } catch (const StoreError &e) {
                error = QString::fromStdString(e.what());
            }
            if (!error.isEmpty() || m_cancel.load())
                file.cancelWriting();
            else if (!file.commit())
                error = file.errorString();
        }
    }
    if (QSqlDatabase::contains(connection))
        Database::close(connection);
    emit finished(written, error, m_cancel.load() && error.isEmpty());
}

qint64 JobExportTask::exportKeys(JobStore &store, JobExportWriter &writer)
{
    qint64 written = 0;
    for (qsizetype i = 0; i < m_keys.size() && !m_cancel.load(); i += kPageSize) {
        QSqlDatabase db = store.database();
        ReadSnapshot snapshot(db);
        for (qsizetype k = i; k < qMin(i + kPageSize, m_keys.size()) && !m_cancel.load(); ++k) {
            const std::optional<JobRecord> job = store.findJobByKey(m_keys.at(k));
            if (!job)
                continue; // deleted since it was selected
            writer.add(*job, JobReads(store).eventsForEntry(*job));
            ++written;
        }
        emit progress(written);
    }
    return written;
}

qint64 JobExportTask::exportQuery(JobStore &store, JobExportWriter &writer)
{
    qint64 written = 0;
    PageRequest request = m_order;
    JobReads reads(store);
    while (!m_cancel.load()) {
        ReadSnapshot snapshot(store.database()); // a page and its jobs' histories agree
        const JobReads::Page page = reads.page(m_filter, request);
        for (const JobRecord &job : page.jobs) {
            if (m_cancel.load())
                break;
            writer.add(job, reads.eventsForEntry(job));
            ++written;
        }
        emit progress(written);
        if (!page.hasMore || page.positions.isEmpty())
            break;
        request.after = page.positions.last();
    }
    return written;
}
