#include "EngineThread.h"

#include <QMetaObject>

#include <exception>

EngineThread::EngineThread(EngineConfig config) : m_engine(new Engine(std::move(config)))
{
    m_thread.setObjectName(QStringLiteral("jobdeck-engine"));
    m_engine->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
}

EngineThread::~EngineThread()
{
    stop();
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
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
    } else if (m_engine && !m_engine->thread()->isRunning()) {
        delete m_engine; // never started
    }
    m_engine = nullptr;
}
