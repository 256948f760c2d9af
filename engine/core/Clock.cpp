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
    // Every answer carries several timestamps: format them by hand (civil-from-days, after
    // Howard Hinnant) instead of through QDateTime and QCalendar.
    qint64 days = epochMs >= 0 ? epochMs / 86'400'000 : (epochMs - 86'399'999) / 86'400'000;
    qint64 msOfDay = epochMs - days * 86'400'000;
    days += 719'468;
    const qint64 era = (days >= 0 ? days : days - 146'096) / 146'097;
    const qint64 doe = days - era * 146'097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999)
        return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs);
    char out[24];
    const auto put = [&out](int at, qint64 value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            out[at + i] = char('0' + value % 10);
    };
    put(0, year, 4);
    out[4] = '-';
    put(5, month, 2);
    out[7] = '-';
    put(8, day, 2);
    out[10] = 'T';
    put(11, msOfDay / 3'600'000, 2);
    out[13] = ':';
    put(14, msOfDay / 60'000 % 60, 2);
    out[16] = ':';
    put(17, msOfDay / 1000 % 60, 2);
    out[19] = '.';
    put(20, msOfDay % 1000, 3);
    out[23] = 'Z';
    return QString::fromLatin1(out, 24);
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
