#include "ReadOnlyMode.h"

#include <QAction>
#include <QVariant>

ReadOnlyMode::ReadOnlyMode(bool on, QObject *parent) : QObject(parent), m_on(on) {}

void ReadOnlyMode::setOn(bool on)
{
    if (on == m_on)
        return;
    m_on = on;
    emit changed(on);
}

QString ReadOnlyMode::whyNot(ChangeGrant::Need need) const
{
    return m_on ? reason() : m_grant.why(need);
}

void ReadOnlyMode::explain(QAction *action, bool off, const QString &why)
{
    // The action's own tooltip is kept aside the first time it is replaced.
    static const char *const kOwn = "jobdeckOwnToolTip";
    if (off) {
        if (!action->property(kOwn).isValid())
            action->setProperty(kOwn, action->toolTip());
        action->setToolTip(why);
    } else if (action->property(kOwn).isValid()) {
        action->setToolTip(action->property(kOwn).toString());
        action->setProperty(kOwn, QVariant());
    }
}

QString ReadOnlyMode::refusal()
{
    return tr("The console is in read-only mode: nothing can be changed from it.");
}
