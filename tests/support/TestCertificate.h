#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

// A self-signed certificate for 127.0.0.1 and its unencrypted key, made with openssl as PEM
// files `<dir>/<name>.crt` and `<dir>/<name>.key`. `keyArgs` choose the key, e.g.
// {"-newkey", "rsa:2048"}. False when openssl is missing or failed.
inline bool makeTestCertificate(const QString &dir, const QString &name, const QStringList &keyArgs)
{
    QProcess openssl;
    openssl.start(
        QStringLiteral("openssl"),
        QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + keyArgs +
            QStringList{
                QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                dir + QLatin1Char('/') + name + QStringLiteral(".key"), QStringLiteral("-out"),
                dir + QLatin1Char('/') + name + QStringLiteral(".crt"), QStringLiteral("-days"),
                QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
    return openssl.waitForFinished(60'000) && openssl.exitStatus() == QProcess::NormalExit &&
           openssl.exitCode() == 0;
}
