#pragma once

#include <QObject>
#include <QString>

#include <functional>

// Passwords of PostgreSQL stores in the desktop's secret store (Secret Service / GNOME Keyring,
// KWallet) through QtKeychain, never in a file of ours. Every call is asynchronous (the keyring
// may ask the user to unlock it); answers arrive on the receiver's thread, and not at all when
// the receiver is gone. Entries are named after the store's URL without password
// (StoreLocation::displayName) under the service "Jobdeck". QtKeychain's plain-text fallback
// is never enabled.
class PasswordVault
{
public:
    // `error` is empty on success. A missing entry is a success with an empty password.
    using ReadDone = std::function<void(const QString &password, const QString &error)>;
    using Done = std::function<void(const QString &error)>;

    static void read(const QString &entry, QObject *receiver, ReadDone done);
    static void write(const QString &entry, const QString &password, QObject *receiver, Done done);
    static void remove(const QString &entry, QObject *receiver, Done done);
    // Whether a keyring answers at all (a read of an entry that need not exist): `error` is
    // empty when passwords can be remembered.
    static void probe(QObject *receiver, Done done);
};
