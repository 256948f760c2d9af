#include "JobExport.h"

#include "core/Clock.h"

#include <QJsonDocument>
#include <QSaveFile>

namespace {

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

void JobExportWriter::add(const JobRecord &job, const QJsonObject &entry)
{
    if (m_format == Format::Json) {
        if (m_written)
            m_out.write(",\n");
        m_out.write(QJsonDocument(entry).toJson(QJsonDocument::Compact));
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

JobExportTask::JobExportTask(JobSourceFactory source, const QString &path, QObject *parent)
    : QObject(parent), m_source(std::move(source)), m_path(path)
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
    qint64 written = 0;
    QString error;
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        error = file.errorString();
    } else {
        try {
            const std::unique_ptr<JobSource> source = m_source();
            JobExportWriter writer(file, JobExportWriter::formatOf(m_path));
            writer.begin();
            written = m_byQuery ? exportQuery(*source, writer) : exportKeys(*source, writer);
            writer.end();
        } catch (const std::runtime_error &e) { // StoreError, SourceError
            error = QString::fromStdString(e.what());
        }
        if (!error.isEmpty() || m_cancel.load())
            file.cancelWriting();
        else if (!file.commit())
            error = file.errorString();
    }
    emit finished(written, error, m_cancel.load() && error.isEmpty());
}

qint64 JobExportTask::write(const JobSource::EntryPage &page, JobExportWriter &writer)
{
    for (qsizetype i = 0; i < page.jobs.size(); ++i)
        writer.add(page.jobs.at(i), page.entries.at(i));
    return page.jobs.size();
}

qint64 JobExportTask::exportKeys(JobSource &source, JobExportWriter &writer)
{
    qint64 written = 0;
    for (qsizetype i = 0; i < m_keys.size() && !m_cancel.load(); i += kKeysPerRead) {
        written += write(source.entriesOf(m_keys.mid(i, kKeysPerRead)), writer);
        emit progress(written);
    }
    return written;
}

qint64 JobExportTask::exportQuery(JobSource &source, JobExportWriter &writer)
{
    qint64 written = 0;
    PageRequest request = m_order;
    while (!m_cancel.load()) {
        const JobSource::EntryPage page = source.entries(m_filter, request);
        written += write(page, writer);
        emit progress(written);
        if (!page.hasMore || page.positions.isEmpty())
            break;
        request.after = page.positions.last();
    }
    return written;
}
