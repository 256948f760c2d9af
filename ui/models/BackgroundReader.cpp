#include "BackgroundReader.h"

BackgroundReader::BackgroundReader(const StoreOptions &store, Engine *engine, QObject *parent)
    : QObject(parent), m_store(store), m_engine(engine)
{
    m_thread.setObjectName(QStringLiteral("jobdeck-ui-reader"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

BackgroundReader::~BackgroundReader()
{
    // Queued after any work already asked for: it ends, then the connection closes there.
    QMetaObject::invokeMethod(
        m_worker, [this] { m_reader.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void BackgroundReader::post(Job job)
{
    QMetaObject::invokeMethod(
        m_worker,
        [this, job = std::move(job)] {
            QString error;
            if (!m_reader) {
                try {
                    m_reader = std::make_unique<OperatorReader>(m_store, m_engine);
                } catch (const StoreError &e) {
                    error = QString::fromStdString(e.what());
                }
            }
            job(m_reader.get(), error);
        },
        Qt::QueuedConnection);
}
