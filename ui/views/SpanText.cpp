#include "SpanText.h"

#include <QLocale>

namespace {

constexpr qint64 kSecond = 1000, kMinute = 60 * kSecond, kHour = 60 * kMinute, kDay = 24 * kHour;

QString inUnit(qint64 ms, qint64 unit)
{
    const int n = int(ms / unit);
    switch (unit) {
    case kDay:
        return SpanText::tr("%n day(s)", nullptr, n);
    case kHour:
        return SpanText::tr("%n hour(s)", nullptr, n);
    case kMinute:
        return SpanText::tr("%n minute(s)", nullptr, n);
    default:
        return SpanText::tr("%n second(s)", nullptr, n);
    }
}

} // namespace

QString SpanText::exact(qint64 ms)
{
    for (qint64 unit : {kDay, kHour, kMinute})
        if (ms >= unit && ms % unit == 0)
            return inUnit(ms, unit);
    if (ms % kSecond == 0)
        return inUnit(ms, kSecond);
    return tr("%n ms", nullptr, int(ms));
}

QString SpanText::rough(qint64 ms)
{
    ms = qMax<qint64>(0, ms);
    for (qint64 unit : {kDay, kHour, kMinute})
        if (ms >= unit)
            return inUnit(ms, unit);
    return inUnit(ms, kSecond);
}

QString SpanText::duration(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60'000)
        return tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    // Whole minutes and hours drop the zero part ("1 min", not "1 min 0 s").
    if (ms < 3'600'000)
        return ms / 1000 % 60 ? tr("%1 min %2 s").arg(ms / 60'000).arg(ms / 1000 % 60)
                              : tr("%1 min").arg(ms / 60'000);
    return ms / 60'000 % 60 ? tr("%1 h %2 min").arg(ms / 3'600'000).arg(ms / 60'000 % 60)
                            : tr("%1 h").arg(ms / 3'600'000);
}
