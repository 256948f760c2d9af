#include "RecentStores.h"

#include <QSettings>

namespace {
const QString kGroup = QStringLiteral("stores");
const QString kArray = QStringLiteral("recent");
} // namespace

QList<RecentStores::Entry> RecentStores::load()
{
    QSettings settings;
    settings.beginGroup(kGroup);
    QList<Entry> out;
    const int n = settings.beginReadArray(kArray);
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        Entry entry;
        entry.location = StoreLocation::load(settings);
        entry.rememberPassword = settings.value(QStringLiteral("rememberPassword")).toBool();
        if (entry.location.problem().isEmpty())
            out.append(entry);
    }
    settings.endArray();
    return out;
}

void RecentStores::add(const Entry &entry)
{
    QList<Entry> entries = load();
    entries.removeIf([&entry](const Entry &e) { return e.location == entry.location; });
    entries.prepend(entry);
    QSettings settings;
    settings.beginGroup(kGroup);
    const int max = qBound(1, settings.value(QStringLiteral("maxRecent"), kDefaultMax).toInt(), 50);
    if (entries.size() > max)
        entries.resize(max);
    settings.remove(kArray);
    settings.beginWriteArray(kArray, int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        settings.setArrayIndex(i);
        entries[i].location.save(settings);
        settings.setValue(QStringLiteral("rememberPassword"), entries[i].rememberPassword);
    }
    settings.endArray();
}

bool RecentStores::askAtStart()
{
    return QSettings().value(QStringLiteral("stores/askAtStart"), false).toBool();
}

void RecentStores::setAskAtStart(bool ask)
{
    QSettings().setValue(QStringLiteral("stores/askAtStart"), ask);
}
