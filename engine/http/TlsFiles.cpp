#include "TlsFiles.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace TlsFiles {

std::optional<QSslConfiguration> load(const QString &certFile, const QString &keyFile,
                                      QString *error)
{
    const auto fail = [error](const QString &message) {
        *error = message;
        return std::nullopt;
    };
    if (!QSslSocket::supportsSsl())
        return fail(QStringLiteral("this Qt has no TLS backend (libssl not found)"));
    QFile certIn(certFile);
    if (!certIn.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1: %2").arg(certFile, certIn.errorString()));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certIn.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return fail(QStringLiteral("%1 holds no PEM certificate").arg(certFile));
    QFile keyIn(keyFile);
    if (!keyIn.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1: %2").arg(keyFile, keyIn.errorString()));
    const QByteArray pem = keyIn.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return fail(
            QStringLiteral("%1 holds no unencrypted PEM private key (RSA or EC)").arg(keyFile));
    // The certificate's public key is the private key's other half: at least the same
    // algorithm and size.
    const QSslKey certKey = chain.first().publicKey();
    if (certKey.algorithm() != key.algorithm() || certKey.length() != key.length())
        return fail(QStringLiteral("the key in %1 does not belong to the certificate in %2")
                        .arg(keyFile, certFile));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
    return config;
}

} // namespace TlsFiles
