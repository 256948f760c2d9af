#pragma once

#include "backend/ChangeGrant.h"

#include <QObject>

// The console's read-only switch (for watching production): while it is on, every action that
// would change a job, a job type, an incident or an API key is disabled and refused. Beside it,
// what the server lets this console change at all (the API key's grant): an action it does not
// allow stays off with or without the switch. One instance per window, handed to the views and
// actions that change things.
class QAction;

class ReadOnlyMode : public QObject
{
    Q_OBJECT
public:
    explicit ReadOnlyMode(bool on = false, QObject *parent = nullptr);

    bool isOn() const { return m_on; }
    void setOn(bool on);
    // What a refused action says.
    static QString refusal();
    // Why the console is read-only when it is not the operator's choice (an API key that may
    // only read); empty: refusal().
    void setReason(const QString &reason) { m_reason = reason; }
    QString reason() const { return m_reason.isEmpty() ? refusal() : m_reason; }
    void setGrant(const ChangeGrant &grant) { m_grant = grant; }
    const ChangeGrant &grant() const { return m_grant; }
    // Whether an action that needs `need` may run now, and why not (empty: it may).
    bool allows(ChangeGrant::Need need) const { return whyNot(need).isEmpty(); }
    QString whyNot(ChangeGrant::Need need) const;
    // `action` off, its tooltip saying why (`off`), or back to its own tooltip.
    static void explain(QAction *action, bool off, const QString &why);

signals:
    void changed(bool on);

private:
    bool m_on;
    QString m_reason;
    ChangeGrant m_grant;
};
