#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// An API key as the server knows it: its name, what it may do and which tenants it sees. The
// clear key is never stored; only its SHA-256 hash is.
enum class Permission { Read, Job, Admin };

struct ApiKey
{
    QString name;
    QStringList permissions; // "read", "job", "admin"
    QStringList tenants;     // ["*"] = every tenant

    bool allows(Permission needed, bool mutating) const;
    bool seesAllTenants() const { return tenants.contains(QStringLiteral("*")); }
    // The tenants a read is limited to: the key's, or none (empty) when it sees every tenant,
    // as the store's filters take them.
    QStringList tenantFilter() const { return seesAllTenants() ? QStringList() : tenants; }
    bool seesTenant(const QString &tenant) const
    {
        return seesAllTenants() || tenants.contains(tenant);
    }

    static QByteArray hash(const QByteArray &clearKey); // hex SHA-256
    static QByteArray generateClearKey();               // "jdk_" + 40 random base-62 chars
};
