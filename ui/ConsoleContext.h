#pragma once

#include "store/Database.h"

#include <QString>

#include <functional>

class Engine;

// What the console needs of a running server: the engine to send commands to, the store to
// read from (through the console's own read connections), and what the status bar shows.
struct ConsoleContext
{
    Engine *engine = nullptr;
    StoreOptions store;
    QString address; // "http://127.0.0.1:27555"
    // Start in read-only mode (--read-only); the setting ui/readOnly also turns it on.
    bool readOnly = false;
    // Stops (false) or resumes (true) the HTTP server; returns whether it listens afterwards.
    // Empty when the console runs without one.
    std::function<bool(bool listen)> setListening;
};
