#include "ApiKey.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

bool ApiKey::allows(Permission needed, bool mutating) const
{
    if (permissions.contains(QStringLiteral("admin")))
        return true;
    switch (needed) {
    case Permission::Admin:
        return false;
    case Permission::Job:
        // A read key may use the GET side of job routes.
        return permissions.contains(QStringLiteral("job")) ||
               (!mutating && permissions.contains(QStringLiteral("read")));
    case Permission::Read:
        return !mutating && (permissions.contains(QStringLiteral("read")) ||
                             permissions.contains(QStringLiteral("job")));
    }
    return false;
}

QByteArray ApiKey::hash(const QByteArray &clearKey)
{
    return QCryptographicHash::hash(clearKey, QCryptographicHash::Sha256).toHex();
}

QByteArray ApiKey::generateClearKey()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray key = QByteArrayLiteral("jdk_");
    for (int i = 0; i < 40; ++i)
        key.append(alphabet[QRandomGenerator::system()->bounded(62)]);
    return key;
}
