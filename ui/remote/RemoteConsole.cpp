#include "RemoteConsole.h"

#include "TrustedServers.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QMessageBox>

namespace RemoteConsole {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RemoteConsole", text);
}

struct Probe
{
    ApiAnswer answer;
    ApiConnection::Session session;
};

Probe probe(const RemoteServer &server)
{
    ApiConnection connection(server.url, server.apiKey);
    connection.setTrustedFingerprints(server.trustedFingerprints);
    connection.setTimeoutMs(server.timeoutMs);
    Probe out;
    QEventLoop loop; // before any window: nothing else runs on this thread yet
    connection.probe(&loop, [&](const ApiAnswer &answer, const ApiConnection::Session &session) {
        out = {answer, session};
        loop.quit();
    });
    loop.exec();
    return out;
}

} // namespace

Attached attach(RemoteServer server, bool mayAsk, QWidget *parent)
{
    server.trustedFingerprints += TrustedServers::fingerprints(server.url);
    Probe p = probe(server);
    if (p.answer.failure == ApiAnswer::Failure::UntrustedCertificate && mayAsk) {
        const QString print = p.answer.certificateFingerprint;
        const auto choice = QMessageBox::warning(
            parent, tr("Untrusted certificate"),
            tr("The certificate of %1 is not trusted by this system.\n\nSHA-256 fingerprint:\n%2"
               "\n\nTrust it for this server only if it is the fingerprint the server's "
               "administrator gave you.")
                .arg(server.url.toDisplayString(QUrl::RemoveUserInfo), print),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (choice == QMessageBox::Yes) {
            TrustedServers::trust(server.url, print);
            server.trustedFingerprints.append(print);
            p = probe(server);
        }
    }
    Attached out;
    if (!p.answer.ok()) {
        out.problem = p.answer.problem;
        return out;
    }
    out.server = server;
    out.server->store = p.session.store;
    out.session = p.session;
    return out;
}

QString describe(const ApiConnection::Session &s)
{
    const QString tenants = s.tenants.contains(QStringLiteral("*"))
                                ? QString()
                                : tr(", tenants %1").arg(s.tenants.join(QStringLiteral(", ")));
    return tr("Jobdeck %1 · %2 · key %3 (%4%5)")
        .arg(s.version, s.store, s.keyName, s.permissions.join(QStringLiteral(", ")), tenants);
}

ConsoleContext context(const RemoteServer &server, const ApiConnection::Session &session)
{
    ConsoleContext c;
    c.remote = server;
    c.remote->store = session.store;
    c.serverDescription = describe(session);
    c.grant = ChangeGrant::ofKey(session.keyName, session.permissions, session.tenants);
    if (!c.grant.allows(ChangeGrant::Need::Job)) {
        c.readOnly = true;
        c.readOnlyReason = c.grant.why(ChangeGrant::Need::Job);
    }
    return c;
}

} // namespace RemoteConsole
