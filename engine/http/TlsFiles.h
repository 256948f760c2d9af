#pragma once

#include <QSslConfiguration>
#include <QString>

#include <optional>

// The server's TLS identity (--tls-cert, --tls-key; [server] tls_cert, tls_key): a PEM
// certificate file (the server's certificate first, then any intermediates) and a PEM private
// key (RSA or EC, unencrypted). TLS 1.2 or later; clients are not asked for certificates.
namespace TlsFiles {

// nullopt and `error` set (naming the file) when a file cannot be read, holds no certificate
// or no private key, or the key is of another algorithm or size than the certificate's. (Qt
// cannot compare the keys themselves: another key of the same kind fails each handshake, which
// GuardedTcpServer logs.)
std::optional<QSslConfiguration> load(const QString &certFile, const QString &keyFile,
                                      QString *error);

} // namespace TlsFiles
