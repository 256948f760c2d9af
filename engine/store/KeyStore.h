#pragma once

#include "auth/ApiKey.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

// The api_keys table: names, SHA-256 hashes, permissions and tenants. Throws StoreError.
class KeyStore
{
public:
    explicit KeyStore(QSqlDatabase db) : m_db(std::move(db)) {}

    void insert(const ApiKey &key, const QByteArray &hash, qint64 now);
    std::optional<ApiKey> findByHash(const QByteArray &hash);
    std::optional<ApiKey> findByName(const QString &name);
    bool remove(const QString &name);
    int count();
    // Every key (no hashes), by name; and how many admin keys there are besides `name`.
    struct Listed
    {
        ApiKey key;
        qint64 createdAt = 0;
    };
    QList<Listed> list();
    int adminsExcept(const QString &name);

private:
    QSqlDatabase m_db;
};
