#pragma once

#include "ApiConnection.h"
#include "ConsoleContext.h"
#include "RemoteServer.h"

#include <optional>

class QWidget;

// Attaching the console to a server (--connect): GET /api/v1/session says who the key is and
// what the server is. A certificate neither the system nor the operator trusts is shown with its
// SHA-256 fingerprint and, when the operator trusts it, remembered for that server
// (TrustedServers); without a display to ask on (`mayAsk` false) it is refused.
namespace RemoteConsole {

struct Attached
{
    std::optional<RemoteServer> server; // with the trusted fingerprints; empty: not attached
    ApiConnection::Session session;
    QString problem; // why not, for the operator (never with the key)
};

Attached attach(RemoteServer server, bool mayAsk, QWidget *parent = nullptr);

// "Jobdeck 1.2 · sqlite · key ops (read)": what the status bar says of the server.
QString describe(const ApiConnection::Session &session);
// A window's context on the server `server` (attached): what the key may change (ChangeGrant;
// a key that may only read gives a read-only window), what it is.
ConsoleContext context(const RemoteServer &server, const ApiConnection::Session &session);

} // namespace RemoteConsole
