#pragma once

#include "backend/ChangeGrant.h"
#include "remote/RemoteServer.h"
#include "store/Database.h"

#include <QString>

#include <functional>
#include <optional>

class Engine;

// What the console needs of a running server: the engine to send commands to, the store to
// read from (through the console's own read connections), and what the status bar shows; or,
// attached to a server over its API (--connect), where that server is.
struct ConsoleContext
{
    std::optional<RemoteServer> remote; // set: no engine nor store in this process
    QString serverDescription;          // remote: version, store, key (RemoteConsole::describe)
    Engine *engine = nullptr;
    StoreOptions store;
    QString address; // "http://127.0.0.1:27555"
    // Start in read-only mode (--read-only); the setting ui/readOnly also turns it on.
    bool readOnly = false;
    QString readOnlyReason; // why, when it is not the operator's choice (a key that only reads)
    ChangeGrant grant;      // remote: what the key may change
    // Stops (false) or resumes (true) the HTTP server; returns whether it listens afterwards.
    // Empty when the console runs without one.
    std::function<bool(bool listen)> setListening;
};
