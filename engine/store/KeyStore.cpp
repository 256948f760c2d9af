#include "KeyStore.h"

#include "Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace {

QString toJson(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList fromJson(const QString &text)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        out.append(v.toString());
    return out;
}

std::optional<ApiKey> readKey(QSqlQuery &q)
{
    Database::exec(q);
    if (!q.next())
        return std::nullopt;
    return ApiKey{q.value(0).toString(), fromJson(q.value(1).toString()),
                  fromJson(q.value(2).toString())};
}

} // namespace

void KeyStore::insert(const ApiKey &key, const QByteArray &hash, qint64 now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO api_keys (name, key_hash, permissions, tenants, "
                             "created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
                             "key_hash = excluded.key_hash, permissions = excluded.permissions, "
                             "tenants = excluded.tenants"));
    q.addBindValue(key.name);
    q.addBindValue(QString::fromLatin1(hash));
    q.addBindValue(toJson(key.permissions));
    q.addBindValue(toJson(key.tenants));
    q.addBindValue(now);
    Database::exec(q);
}

std::optional<ApiKey> KeyStore::findByHash(const QByteArray &hash)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT name, permissions, tenants FROM api_keys WHERE key_hash = ?"));
    q.addBindValue(QString::fromLatin1(hash));
    return readKey(q);
}

std::optional<ApiKey> KeyStore::findByName(const QString &name)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT name, permissions, tenants FROM api_keys WHERE name = ?"));
    q.addBindValue(name);
    return readKey(q);
}

bool KeyStore::remove(const QString &name)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM api_keys WHERE name = ?"));
    q.addBindValue(name);
    Database::exec(q);
    return q.numRowsAffected() > 0;
}

int KeyStore::count()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM api_keys"));
    Database::exec(q);
    return q.next() ? q.value(0).toInt() : 0;
}

QList<KeyStore::Listed> KeyStore::list()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT name, permissions, tenants, created_at FROM api_keys ORDER BY name"));
    Database::exec(q);
    QList<Listed> out;
    while (q.next())
        out.append(Listed{ApiKey{q.value(0).toString(), fromJson(q.value(1).toString()),
                                 fromJson(q.value(2).toString())},
                          q.value(3).toLongLong()});
    return out;
}

int KeyStore::adminsExcept(const QString &name)
{
    int admins = 0;
    for (const Listed &l : list())
        if (l.key.name != name && l.key.permissions.contains(QStringLiteral("admin")))
            ++admins;
    return admins;
}
