#include "Clock.h"

#include <QDateTime>
#include <QTimeZone>

namespace Clock {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString toIso(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

std::optional<qint64> parseIso(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    if (dt.timeSpec() == Qt::LocalTime) // no zone given: the contract speaks UTC
        dt.setTimeSpec(Qt::UTC);
    return dt.toMSecsSinceEpoch();
}

} // namespace Clock
