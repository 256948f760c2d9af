#include "StoreLocation.h"

#include "store/Database.h"
#include "store/SqlDialect.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUrl>
#include <QUrlQuery>

QString StoreLocation::url(const QString &password) const
{
    if (!isPostgres())
        return file;
    QUrl out;
    out.setScheme(QStringLiteral("postgresql"));
    out.setUserName(user, QUrl::DecodedMode);
    if (!password.isEmpty())
        out.setPassword(password, QUrl::DecodedMode);
    out.setHost(host.isEmpty() ? QStringLiteral("localhost") : host);
    out.setPort(port);
    out.setPath(QLatin1Char('/') + database, QUrl::DecodedMode);
    if (!socketDir.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("host"),
                           QString::fromLatin1(QUrl::toPercentEncoding(socketDir, "/")));
        out.setQuery(query);
    }
    return out.toString(QUrl::FullyEncoded);
}

QString StoreLocation::displayName() const
{
    return Database::displayName(url());
}

QString StoreLocation::problem() const
{
    if (!isPostgres())
        return file.trimmed().isEmpty()
                   ? QCoreApplication::translate("StoreLocation", "Choose a SQLite file.")
                   : QString();
    if (host.trimmed().isEmpty() && socketDir.trimmed().isEmpty())
        return QCoreApplication::translate("StoreLocation", "Enter the PostgreSQL host.");
    if (database.trimmed().isEmpty())
        return QCoreApplication::translate("StoreLocation", "Enter the database name.");
    if (user.trimmed().isEmpty())
        return QCoreApplication::translate("StoreLocation", "Enter the user name.");
    return {};
}

StoreLocation StoreLocation::fromUrl(const QString &location)
{
    StoreLocation out;
    if (!SqlDialect::isPostgresUrl(location)) {
        out.file = location;
        return out;
    }
    const QUrl url(location);
    out.kind = Kind::Postgres;
    out.host = url.host();
    out.port = url.port(5432);
    out.database = url.path(QUrl::FullyDecoded).mid(1);
    out.user = url.userName(QUrl::FullyDecoded);
    out.socketDir = QUrlQuery(url).queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    return out;
}

QString StoreLocation::passwordOf(const QString &location)
{
    return SqlDialect::isPostgresUrl(location) ? QUrl(location).password(QUrl::FullyDecoded)
                                               : QString();
}

void StoreLocation::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("kind"),
                      isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite"));
    if (!isPostgres()) {
        settings.setValue(QStringLiteral("file"), file);
        return;
    }
    settings.setValue(QStringLiteral("host"), host);
    settings.setValue(QStringLiteral("port"), port);
    settings.setValue(QStringLiteral("database"), database);
    settings.setValue(QStringLiteral("user"), user);
    settings.setValue(QStringLiteral("socketDir"), socketDir);
}

StoreLocation StoreLocation::load(QSettings &settings)
{
    StoreLocation out;
    if (settings.value(QStringLiteral("kind")).toString() != QLatin1String("postgresql")) {
        out.file = settings.value(QStringLiteral("file")).toString();
        return out;
    }
    out.kind = Kind::Postgres;
    out.host = settings.value(QStringLiteral("host"), out.host).toString();
    out.port = settings.value(QStringLiteral("port"), out.port).toInt();
    out.database = settings.value(QStringLiteral("database")).toString();
    out.user = settings.value(QStringLiteral("user")).toString();
    out.socketDir = settings.value(QStringLiteral("socketDir")).toString();
    return out;
}
