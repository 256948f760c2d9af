#pragma once

#include "StoreLocation.h"

#include <QList>

// The stores the console opened, newest first (QSettings group "stores", array "recent"), with
// whether the user asked to keep each one's password in the system keyring. Never a password.
// Also the start-up choice: ask for a store at start (when no --db / JOBDECK_DB names one).
class RecentStores
{
public:
    static constexpr int kDefaultMax = 8; // setting stores/maxRecent

    struct Entry
    {
        StoreLocation location;
        bool rememberPassword = false;
    };

    static QList<Entry> load();
    // Puts `entry` first (replacing the same location), keeps at most stores/maxRecent.
    static void add(const Entry &entry);
    static bool askAtStart();
    static void setAskAtStart(bool ask);
};
