#pragma once

#include "auth/ApiKey.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// What a console may change on its server, and read where reading needs more than `read`. An
// embedded console may do everything; attached over the API, what the key's permission and
// tenants let the API's routes do (API.md, "Authentication, permissions, tenants"). An action
// the server would answer 403 is off before it is tried, its tooltip saying why.
class ChangeGrant
{
    Q_DECLARE_TR_FUNCTIONS(ChangeGrant)
public:
    enum class Need {
        Job,     // job actions, New job, schedules: job or admin
        JobType, // pause, resume, limits: job or admin, and a key that sees every tenant
        Admin,   // bulk operations, resolving incidents, retention, API keys
    };

    static ChangeGrant everything() { return {}; }
    static ChangeGrant ofKey(const QString &name, const QStringList &permissions,
                             const QStringList &tenants);

    bool allows(Need need) const { return why(need).isEmpty(); }
    // Why `need` is not met, for a tooltip or a refusal; empty when it is.
    QString why(Need need) const;
    // The same for a list only such a key may read (the API keys, the bulk operations).
    QString whyUnseen(Need need) const;

private:
    bool m_limited = false; // false: everything
    ApiKey m_key;           // the server's own rules: ApiKey::allows, seesAllTenants
};
