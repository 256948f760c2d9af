#include "RecentServers.h"

#include <QSettings>

namespace RecentServers {

QList<Entry> load()
{
    QSettings settings;
    QList<Entry> out;
    const int n = settings.beginReadArray(QStringLiteral("servers/recent"));
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        const QUrl url(settings.value(QStringLiteral("url")).toString());
        if (url.isValid() && !url.isEmpty())
            out.append({url, settings.value(QStringLiteral("rememberKey")).toBool()});
    }
    settings.endArray();
    return out;
}

void add(const Entry &entry)
{
    QList<Entry> entries{entry};
    for (const Entry &known : load())
        if (known.url != entry.url && entries.size() < kMax)
            entries.append(known);
    QSettings settings;
    settings.beginWriteArray(QStringLiteral("servers/recent"), int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("url"), entries.at(i).url.toString(QUrl::RemoveUserInfo));
        settings.setValue(QStringLiteral("rememberKey"), entries.at(i).rememberKey);
    }
    settings.endArray();
}

QString keyringEntry(const QUrl &url)
{
    return QStringLiteral("api-key ") +
           url.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

} // namespace RecentServers
