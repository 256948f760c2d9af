#pragma once

#include <QtGlobal>

// Limits the HTTP front end enforces before QHttpServer sees a request. QHttpServer 6.4 has no
// limits or timeouts of its own (see shared/QHTTPSERVER-6.4.md), so every one lives here, and
// every one is a setting.
struct HttpLimits
{
    qint64 maxBodyBytes = 4 * 1024 * 1024; // larger Content-Length: 413 before buffering
    qint64 maxHeaderBytes = 64 * 1024;     // request line + header block: 431
    int headerTimeoutMs = 10'000;          // whole header block must arrive within this
    int stallTimeoutMs = 15'000;           // no byte for this long mid-request: close
    int idleTimeoutMs = 60'000;            // keep-alive connection with nothing in flight
    int maxConnections = 10'000;           // beyond: the new connection is closed at once
    int acceptRetryMs = 500;               // after accept() fails (e.g. out of descriptors)
    int listenBacklog = 1024; // connections the kernel queues until accepted (Qt's default: 50;
                              // a burst beyond it waits for a SYN retransmit, a second or more)
};
