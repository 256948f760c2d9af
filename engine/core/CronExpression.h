#pragma once

#include <QString>
#include <QStringList>

#include <bitset>
#include <optional>

class QTimeZone;

// A cron expression: 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds
// first. Each field takes `*`, numbers, ranges `a-b`, steps `*/n`, `a/n`, `a-b/n` and lists of
// them; months and days of the week also by their English three-letter names (JAN, MON), day of
// the week 0-7 (0 and 7: Sunday), `?` for "any" in the day fields, and `L` (the last day of the
// month) in day-of-month. When both day fields are restricted a day matches either, as in
// Vixie cron.
class CronExpression
{
public:
    // What is wrong with an expression, for a message in any language; text() says it in
    // English (the API's VALIDATION_ERROR).
    struct Problem
    {
        enum Kind {
            FieldCount,       // fieldCount fields instead of 5 or 6
            EmptyItem,        // "1,,2"
            LastDayMisplaced, // L outside the day of month
            AnyMisplaced,     // ? outside the day fields
            TwoSteps,         // item "*/2/3"
            BadStep,          // item "*/0"
            NotARange,        // item "1-2-3"
            NotANumber,       // item "x" (names: what the field also takes)
            OutOfRange,       // item outside min-max
            Backwards,        // item "5-1"
        };
        enum Field { Second, Minute, Hour, DayOfMonth, Month, DayOfWeek };
        Kind kind = FieldCount;
        Field field = Minute;
        QString fieldText; // the whole field as written
        QString item;
        int fieldCount = 0;
        int min = 0, max = 0;
        QStringList names;
        QString text() const;
    };

    // The expression, or nothing with `error` (or `problem`) saying what is wrong and where.
    static std::optional<CronExpression> parse(const QString &text, QString *error = nullptr);
    static std::optional<CronExpression> parse(const QString &text, Problem *problem);

    // The first instant (epoch ms, whole seconds) strictly after `afterMs` at which the
    // expression fires on the wall clock of `zone`. A local time that a DST change skips fires
    // once, at the change; one that it repeats fires once, at its first occurrence. Nothing when
    // the expression never fires within the next eight years ("0 0 30 2 *").
    std::optional<qint64> nextAfter(qint64 afterMs, const QTimeZone &zone) const;

    const QString &text() const { return m_text; }

private:
    bool dayMatches(int month, int day, int dayOfWeek, int daysInMonth) const;

    QString m_text;
    std::bitset<60> m_seconds;
    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_days;    // 1-31
    bool m_lastDay = false;    // L
    std::bitset<13> m_months;  // 1-12
    std::bitset<7> m_weekdays; // 0 = Sunday
    bool m_daysRestricted = false;
    bool m_weekdaysRestricted = false;
};
