#pragma once

#include "store/Database.h"

#include <QString>

class Engine;

// What the console needs of a running server: the engine to send commands to, the store to
// read from (through the console's own read connection), and what the status bar shows.
struct ConsoleContext
{
    Engine *engine = nullptr;
    StoreOptions store;
    QString address; // "http://127.0.0.1:27555"
};
