#include "TrustedServers.h"

#include <QSettings>

namespace TrustedServers {
namespace {

QString settingsKey(const QUrl &server)
{
    // "/" would nest groups: host and port only, as the certificate belongs to them.
    return QStringLiteral("servers/%1_%2/trustedCertificates")
        .arg(server.host(),
             QString::number(server.port(server.scheme() == QLatin1String("https") ? 443 : 80)));
}

} // namespace

QStringList fingerprints(const QUrl &server)
{
    return QSettings().value(settingsKey(server)).toStringList();
}

void trust(const QUrl &server, const QString &fingerprint)
{
    QStringList known = fingerprints(server);
    if (!known.contains(fingerprint))
        known.append(fingerprint);
    QSettings().setValue(settingsKey(server), known);
}

} // namespace TrustedServers
