#include "ChangeGrant.h"

ChangeGrant ChangeGrant::ofKey(const QString &name, const QStringList &permissions,
                               const QStringList &tenants)
{
    ChangeGrant grant;
    grant.m_limited = true;
    grant.m_key = name;
    grant.m_permissions = permissions;
    grant.m_tenants = tenants;
    return grant;
}

QString ChangeGrant::why(Need need) const
{
    if (!m_limited)
        return {};
    const bool admin = m_permissions.contains(QStringLiteral("admin"));
    const bool job = admin || m_permissions.contains(QStringLiteral("job"));
    const QString permissions = m_permissions.join(QStringLiteral(", "));
    if (!job)
        return tr("The API key %1 may only read (permission %2): nothing can be changed with it.")
            .arg(m_key, permissions);
    switch (need) {
    case Need::Job:
        return {};
    case Need::JobType:
        if (m_tenants.contains(QStringLiteral("*")))
            return {};
        return tr("A job type's pause and limits hold for every tenant; the API key %1 sees only "
                  "%2.")
            .arg(m_key, m_tenants.join(QStringLiteral(", ")));
    case Need::Admin:
        if (admin)
            return {};
        return tr("Only an admin key may do this; the API key %1 has the permission %2.")
            .arg(m_key, permissions);
    }
    return {};
}

QString ChangeGrant::whyUnseen(Need need) const
{
    if (allows(need))
        return {};
    if (need == Need::Admin)
        return tr("Only an admin key may see this list; the API key %1 has the permission %2.")
            .arg(m_key, m_permissions.join(QStringLiteral(", ")));
    return why(need);
}
