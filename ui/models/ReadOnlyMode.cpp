#include "ReadOnlyMode.h"

ReadOnlyMode::ReadOnlyMode(bool on, QObject *parent) : QObject(parent), m_on(on) {}

void ReadOnlyMode::setOn(bool on)
{
    if (on == m_on)
        return;
    m_on = on;
    emit changed(on);
}

QString ReadOnlyMode::refusal()
{
    return tr("The console is in read-only mode: nothing can be changed from it.");
}
