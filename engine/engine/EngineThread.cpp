#include "EngineThread.h"

#include <QMetaObject>

#include <exception>

EngineThread::EngineThread(EngineConfig config) : m_engine(new Engine(std::move(config)))
{
    m_thread.setObjectName(QStringLiteral("jobdeck-engine"));
    m_engine->moveToThread(&m_thread);
}

EngineThread::~EngineThread()
{
    stop();
    delete m_engine; // its thread has finished: nothing runs in it any more
}

void EngineThread::start()
{
    m_thread.start();
    std::exception_ptr failure;
    QMetaObject::invokeMethod(
        m_engine,
        [this, &failure] {
            try {
                m_engine->open();
            } catch (...) {
                failure = std::current_exception();
            }
        },
        Qt::BlockingQueuedConnection);
    m_running = true;
    if (failure) {
        stop();
        std::rethrow_exception(failure);
    }
}

void EngineThread::stop()
{
    if (m_running) {
        QMetaObject::invokeMethod(m_engine, &Engine::shutdown, Qt::BlockingQueuedConnection);
        m_running = false;
    }
    m_thread.quit();
    m_thread.wait();
    // The engine object stays until the destructor: the HTTP front end may still touch it
    // (metrics, key generation) while it writes the last answers.
}
