#pragma once

#include <QByteArray>
#include <QStringList>
#include <QUrl>

// A Jobdeck server the console attaches to over its API (--connect, File ▸ Connect to
// server…): where it is, the key, and the certificates the operator trusted for it.
struct RemoteServer
{
    QUrl url; // http(s)://host:port
    QByteArray apiKey;
    QStringList trustedFingerprints; // SHA-256, as ApiConnection::fingerprint writes them
    int timeoutMs = 10'000;          // every request's
    QString store;                   // as GET /api/v1/session said: "sqlite" or "postgres"
};
