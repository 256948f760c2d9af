#include "ChangeGrant.h"

ChangeGrant ChangeGrant::ofKey(const QString &name, const QStringList &permissions,
                               const QStringList &tenants)
{
    ChangeGrant grant;
    grant.m_limited = true;
    grant.m_key = ApiKey{name, permissions, tenants};
    return grant;
}

QString ChangeGrant::why(Need need) const
{
    if (!m_limited)
        return {};
    const QString permissions = m_key.permissions.join(QStringLiteral(", "));
    if (!m_key.allows(Permission::Job, true))
        return tr("The API key %1 may only read (permission %2): nothing can be changed with it.")
            .arg(m_key.name, permissions);
    switch (need) {
    case Need::Job:
        return {};
    case Need::JobType:
        if (m_key.seesAllTenants())
            return {};
        return tr("A job type's pause and limits hold for every tenant; the API key %1 sees only "
                  "%2.")
            .arg(m_key.name, m_key.tenants.join(QStringLiteral(", ")));
    case Need::Admin:
        if (m_key.allows(Permission::Admin, true))
            return {};
        return tr("Only an admin key may do this; the API key %1 has the permission %2.")
            .arg(m_key.name, permissions);
    }
    return {};
}

QString ChangeGrant::whyUnseen(Need need) const
{
    if (allows(need))
        return {};
    if (need == Need::Admin)
        return tr("Only an admin key may see this list; the API key %1 has the permission %2.")
            .arg(m_key.name, m_key.permissions.join(QStringLiteral(", ")));
    return why(need);
}
