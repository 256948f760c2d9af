#pragma once

#include "Engine.h"

#include <QThread>

// Owns the engine and the thread it runs on. start() opens the store on that thread and throws
// StoreError if it cannot; stop() shuts the engine down (held requests answered, queue applied,
// store closed), then quits and joins the thread; the engine object itself lives until the
// destructor, so that other threads may still read its metrics while they wind down.
class EngineThread
{
public:
    explicit EngineThread(EngineConfig config);
    ~EngineThread();

    void start();
    void stop();
    Engine *engine() const { return m_engine; }

private:
    QThread m_thread;
    Engine *m_engine;
    bool m_running = false;
};
