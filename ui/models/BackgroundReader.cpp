#include "BackgroundReader.h"

BackgroundReader::BackgroundReader(OperatorSourceFactory factory, QObject *parent)
    : QObject(parent), m_factory(std::move(factory))
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
                    m_reader = m_factory();
                } catch (const std::runtime_error &e) {
                    error = QString::fromStdString(e.what());
                }
            }
            job(m_reader.get(), error);
        },
        Qt::QueuedConnection);
}
