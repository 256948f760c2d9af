#pragma once

#include <QStringList>
#include <QUrl>

// Certificates the operator trusted for a server by their SHA-256 fingerprint, kept in QSettings
// per host and port (group "servers"): a server's own self-signed certificate is asked about
// once, and a different one later is asked about again.
namespace TrustedServers {

QStringList fingerprints(const QUrl &server);
void trust(const QUrl &server, const QString &fingerprint);

} // namespace TrustedServers
