#pragma once

#include <QDateTime>
#include <QString>

// A moment as every console table shows it: local time, "yyyy-MM-dd HH:mm:ss"; empty when not
// set (0).
inline QString localTimeText(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
              : QString();
}
