#pragma once

#include <QList>
#include <QUrl>

// The servers the console attached to, newest first (QSettings group "servers", array "recent"),
// with whether the operator asked to keep each one's API key in the system keyring. Never a key.
namespace RecentServers {

constexpr int kMax = 8;

struct Entry
{
    QUrl url;
    bool rememberKey = false;
};

QList<Entry> load();
void add(const Entry &entry); // first, replacing the same URL; at most kMax
// The keyring entry of a server's API key (PasswordVault).
QString keyringEntry(const QUrl &url);

} // namespace RecentServers
