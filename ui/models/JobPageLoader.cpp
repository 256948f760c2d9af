#include "JobPageLoader.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPageLoader, "jobdeck.ui.loader")

// The object that lives on the loader thread and owns the read connection there (a
// QSqlDatabase belongs to the thread that opened it).
class JobPageLoader::Worker : public QObject
{
public:
    explicit Worker(const StoreOptions &options) : m_options(options) {}

    StoreReader &reader()
    {
        if (!m_reader) // opened on first use, on this thread
            m_reader = std::make_unique<StoreReader>(m_options);
        return *m_reader;
    }
    void close() { m_reader.reset(); }

private:
    StoreOptions m_options;
    std::unique_ptr<StoreReader> m_reader;
};

JobPageLoader::JobPageLoader(const StoreOptions &options, QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("jobdeck-ui-loader"));
    m_worker = new Worker(options);
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

void JobPageLoader::post(std::function<void(StoreReader *, QString)> task)
{
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, task = std::move(task)] {
        StoreReader *reader = nullptr;
        QString error;
        try {
            reader = &worker->reader();
        } catch (const StoreError &e) { // a store that cannot be opened: the console stays up
            error = QString::fromStdString(e.what());
            qCWarning(lcPageLoader) << "cannot open the store:" << error;
        }
        task(reader, error);
    });
}

void JobPageLoader::load(const JobFilter &filter, const PageRequest &request, QObject *receiver,
                         Done done)
{
    post([this, filter, request, receiver = QPointer<QObject>(receiver),
          done = std::move(done)](StoreReader *reader, QString error) {
        StoreReader::Page page;
        if (reader) {
            try {
                page = reader->page(filter, request);
            } catch (const StoreError &e) { // shown by the view; the next refresh tries again
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
