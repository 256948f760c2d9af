#include "JobPageLoader.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPageLoader, "jobdeck.ui.loader")

// The object that lives on the loader thread and owns the source there (a QSqlDatabase or a
// QNetworkAccessManager belongs to the thread that made it).
class JobPageLoader::Worker : public QObject
{
public:
    explicit Worker(SourceFactory factory) : m_factory(std::move(factory)) {}

    JobSource &source()
    {
        if (!m_source) // opened on first use, on this thread
            m_source = m_factory();
        return *m_source;
    }
    void close() { m_source.reset(); }

private:
    SourceFactory m_factory;
    std::unique_ptr<JobSource> m_source;
};

JobPageLoader::JobPageLoader(SourceFactory factory, QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("jobdeck-ui-loader"));
    m_worker = new Worker(std::move(factory));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

JobPageLoader::~JobPageLoader()
{
    // Requests still queued run first (their answers are dropped with their receiver).
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void JobPageLoader::slim(JobRecord &job)
{
    job.variables.clear();
    job.customHeaders.clear();
    job.resultVariables.clear();
    job.processContext.clear();
    job.nextJobs.clear();
    job.errorHandlers.clear();
    job.progress.clear();
    job.cancelReason.clear();
}

void JobPageLoader::post(std::function<void(JobSource *, QString)> task)
{
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, task = std::move(task)] {
        JobSource *source = nullptr;
        QString error;
        try {
            source = &worker->source();
        } catch (const std::runtime_error &e) { // cannot be opened: the console stays up
            error = QString::fromStdString(e.what());
            qCWarning(lcPageLoader) << "cannot open the store:" << error;
        }
        task(source, error);
    });
}

void JobPageLoader::load(const JobFilter &filter, const PageRequest &request, QObject *receiver,
                         Done done)
{
    post([this, filter, request, receiver = QPointer<QObject>(receiver),
          done = std::move(done)](JobSource *source, QString error) {
        JobSource::Page page;
        if (source) {
            try {
                page = source->page(filter, request);
            } catch (
                const std::runtime_error &e) { // shown by the view; the next refresh tries again
                error = QString::fromStdString(e.what());
                qCWarning(lcPageLoader) << "page read failed:" << error;
            }
        }
        page.error = error;
        for (JobRecord &job : page.jobs)
            slim(job);
        qCDebug(lcPageLoader) << page.jobs.size() << "rows in" << page.micros << "us";
        QMetaObject::invokeMethod(this, [receiver, done, page = std::move(page)]() mutable {
            if (receiver)
                done(std::move(page));
        });
    });
}
