#pragma once

// The in-process server the fuzz targets talk to: a real Jobdeck server (engine, store, HTTP
// front end with its connection guard) on a loopback port, started once per fuzzing process,
// with short long-poll and await limits so that no input holds a request for long. Each input
// is sent on a fresh connection and the harness waits (bounded) for the answer or the close.

#include <QByteArray>

namespace Fuzz {

constexpr const char *kKey = "fuzz-admin-key";

struct Answer
{
    int status = 0; // 0: closed or timed out without a complete answer
    QByteArray body;
};

// Starts the server (once); returns its port.
quint16 start();
// Writes `bytes`, then half-closes (raw mode) or waits for one complete answer.
Answer exchange(const QByteArray &bytes, bool halfClose, int timeoutMs = 2000);
// A well-formed request with the admin key and a JSON body.
Answer request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {});

} // namespace Fuzz
