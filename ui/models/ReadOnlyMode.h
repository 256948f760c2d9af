#pragma once

#include <QObject>

// The console's read-only switch (for watching production): while it is on, every action that
// would change a job, a job type, an incident or an API key is disabled and refused. One
// instance per window, handed to the views and actions that change things.
class ReadOnlyMode : public QObject
{
    Q_OBJECT
public:
    explicit ReadOnlyMode(bool on = false, QObject *parent = nullptr);

    bool isOn() const { return m_on; }
    void setOn(bool on);
    // What a refused action says.
    static QString refusal();

signals:
    void changed(bool on);

private:
    bool m_on;
};
