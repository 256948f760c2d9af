#pragma once

#include <QCoreApplication>
#include <QString>

// Time spans as an operator reads them, with the language's plurals: "7 days", "12 hours".
class SpanText
{
    Q_DECLARE_TR_FUNCTIONS(SpanText)
public:
    // In the largest unit that states it exactly (days, hours, minutes, seconds): a setting.
    static QString exact(qint64 ms);
    // In the largest unit it reaches, rounded down: an age ("3 days", "40 seconds").
    static QString rough(qint64 ms);
    // A run time, short: "412 ms", "8.0 s", "4 min 46 s", "2 h 5 min".
    static QString duration(qint64 ms);
};
