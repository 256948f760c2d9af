#include "CronExpression.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QStringList>
#include <QTimeZone>

#include <vector>

namespace {

struct Field
{
    const char *name;
    int min;
    int max;
    QStringList names;     // names[i] stands for min + i (months from 1, weekdays from 0)
    bool dayField = false; // takes ? for "any"
};

const Field &secondField()
{
    static const Field f{"second", 0, 59, {}};
    return f;
}
const Field &minuteField()
{
    static const Field f{"minute", 0, 59, {}};
    return f;
}
const Field &hourField()
{
    static const Field f{"hour", 0, 23, {}};
    return f;
}
const Field &dayField()
{
    static const Field f{"day of month", 1, 31, {}, true};
    return f;
}
const Field &monthField()
{
    static const Field f{"month",
                         1,
                         12,
                         {QStringLiteral("JAN"), QStringLiteral("FEB"), QStringLiteral("MAR"),
                          QStringLiteral("APR"), QStringLiteral("MAY"), QStringLiteral("JUN"),
                          QStringLiteral("JUL"), QStringLiteral("AUG"), QStringLiteral("SEP"),
                          QStringLiteral("OCT"), QStringLiteral("NOV"), QStringLiteral("DEC")}};
    return f;
}
const Field &weekdayField()
{
    // 7 is Sunday too; stored as 0.
    static const Field f{"day of week",
                         0,
                         7,
                         {QStringLiteral("SUN"), QStringLiteral("MON"), QStringLiteral("TUE"),
                          QStringLiteral("WED"), QStringLiteral("THU"), QStringLiteral("FRI"),
                          QStringLiteral("SAT")}};
    return f;
}

// A number or a name of the field; nothing when it is neither.
std::optional<int> value(const Field &f, const QString &text)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (ok)
        return n;
    const qsizetype i = f.names.indexOf(text.toUpper());
    if (i >= 0)
        return f.min + int(i);
    return std::nullopt;
}

// One field into `bits` (index = value). Returns what is wrong (its field left to the caller),
// or nothing.
using Problem = CronExpression::Problem;
std::optional<Problem> parseField(const Field &f, const QString &text, std::vector<bool> &bits,
                                  bool *lastDay)
{
    bits.assign(std::size_t(f.max) + 1, false);
    const auto problem = [&](Problem::Kind kind, const QString &item = {}) {
        Problem p;
        p.kind = kind;
        p.fieldText = text;
        p.item = item;
        p.min = f.min;
        p.max = f.max;
        p.names = f.names;
        return std::optional<Problem>(p);
    };
    for (const QString &item : text.split(QLatin1Char(','))) {
        if (item.isEmpty())
            return problem(Problem::EmptyItem);
        if (item.compare(QLatin1String("L"), Qt::CaseInsensitive) == 0) {
            if (!lastDay)
                return problem(Problem::LastDayMisplaced);
            *lastDay = true;
            continue;
        }
        const QStringList stepParts = item.split(QLatin1Char('/'));
        if (stepParts.size() > 2)
            return problem(Problem::TwoSteps, item);
        int step = 1;
        if (stepParts.size() == 2) {
            bool ok = false;
            step = stepParts.at(1).toInt(&ok);
            if (!ok || step < 1)
                return problem(Problem::BadStep, item);
        }
        const QString range = stepParts.at(0);
        int from = f.min;
        int to = f.max;
        if (range == QLatin1String("*") || range == QLatin1String("?")) {
            if (range == QLatin1String("?") && !f.dayField)
                return problem(Problem::AnyMisplaced);
        } else {
            const QStringList bounds = range.split(QLatin1Char('-'));
            if (bounds.size() > 2)
                return problem(Problem::NotARange, range);
            const std::optional<int> a = value(f, bounds.at(0));
            const std::optional<int> b = bounds.size() == 2 ? value(f, bounds.at(1)) : a;
            if (!a || !b)
                return problem(Problem::NotANumber, range);
            if (*a < f.min || *a > f.max || *b < f.min || *b > f.max)
                return problem(Problem::OutOfRange, range);
            if (*a > *b)
                return problem(Problem::Backwards, range);
            from = *a;
            // "a/n" runs from a to the end of the field.
            to = bounds.size() == 1 && stepParts.size() == 2 ? f.max : *b;
        }
        for (int v = from; v <= to; v += step)
            bits[std::size_t(v)] = true;
    }
    return std::nullopt;
}

template <std::size_t N> std::bitset<N> toBits(const std::vector<bool> &bits)
{
    std::bitset<N> out;
    for (std::size_t i = 0; i < N && i < bits.size(); ++i)
        out[i] = bits[i];
    return out;
}

bool unrestricted(const QString &field)
{
    return field.startsWith(QLatin1Char('*')) || field.startsWith(QLatin1Char('?'));
}

qint64 offsetMsAt(const QTimeZone &zone, qint64 utcMs)
{
    return qint64(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC))) * 1000;
}

// The instant of a wall-clock time in `zone`: its first occurrence when a DST change repeats
// it, the change itself when a DST change skips it.
qint64 wallToUtc(const QTimeZone &zone, const QDate &date, const QTime &time)
{
    constexpr qint64 kDayMs = 24LL * 3600 * 1000;
    const qint64 asUtc = QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
    const qint64 before = asUtc - offsetMsAt(zone, asUtc - kDayMs);
    const qint64 after = asUtc - offsetMsAt(zone, asUtc + kDayMs);
    for (qint64 candidate : {qMin(before, after), qMax(before, after)})
        if (candidate + offsetMsAt(zone, candidate) == asUtc)
            return candidate;
    // Skipped: the first instant after the gap.
    const QTimeZone::OffsetData change =
        zone.nextTransition(QDateTime::fromMSecsSinceEpoch(qMin(before, after), Qt::UTC));
    return change.atUtc.isValid() ? change.atUtc.toMSecsSinceEpoch() : qMax(before, after);
}

} // namespace

std::optional<CronExpression> CronExpression::parse(const QString &text, QString *error)
{
    Problem problem;
    std::optional<CronExpression> cron = parse(text, &problem);
    if (!cron && error)
        *error = problem.text();
    return cron;
}

std::optional<CronExpression> CronExpression::parse(const QString &text, Problem *problem)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QStringList fields = text.trimmed().split(spaces, Qt::SkipEmptyParts);
    if (fields.size() != 5 && fields.size() != 6) {
        if (problem) {
            *problem = Problem{};
            problem->kind = Problem::FieldCount;
            problem->fieldCount = int(fields.size());
        }
        return std::nullopt;
    }
    if (fields.size() == 5)
        fields.prepend(QStringLiteral("0"));
    CronExpression cron;
    cron.m_text = text.trimmed();
    std::vector<bool> bits;
    std::optional<Problem> found;
    const auto field = [&](const Field &f, int i, bool *lastDay = nullptr) {
        if (!found) {
            found = parseField(f, fields.at(i), bits, lastDay);
            if (found)
                found->field = Problem::Field(i);
        }
        return !found;
    };
    if (field(secondField(), 0))
        cron.m_seconds = toBits<60>(bits);
    if (field(minuteField(), 1))
        cron.m_minutes = toBits<60>(bits);
    if (field(hourField(), 2))
        cron.m_hours = toBits<24>(bits);
    if (field(dayField(), 3, &cron.m_lastDay))
        cron.m_days = toBits<32>(bits);
    if (field(monthField(), 4))
        cron.m_months = toBits<13>(bits);
    if (field(weekdayField(), 5)) {
        if (bits[7])
            bits[0] = true;
        cron.m_weekdays = toBits<7>(bits);
    }
    if (found) {
        if (problem)
            *problem = *found;
        return std::nullopt;
    }
    cron.m_daysRestricted = !unrestricted(fields.at(3));
    cron.m_weekdaysRestricted = !unrestricted(fields.at(5));
    return cron;
}

QString CronExpression::Problem::text() const
{
    static const char *const fieldNames[] = {"second",       "minute", "hour",
                                             "day of month", "month",  "day of week"};
    if (kind == FieldCount)
        return QStringLiteral("A cron expression has 5 fields (minute hour day-of-month month "
                              "day-of-week) or 6 with seconds first; this one has %1")
            .arg(fieldCount);
    QString what;
    switch (kind) {
    case FieldCount:
        break;
    case EmptyItem:
        what = QStringLiteral("an empty list item");
        break;
    case LastDayMisplaced:
        what = QStringLiteral("L (last day) is for the day of month only");
        break;
    case AnyMisplaced:
        what = QStringLiteral("? is for the day fields only");
        break;
    case TwoSteps:
        what = QStringLiteral("\"%1\" has more than one step").arg(item);
        break;
    case BadStep:
        what = QStringLiteral("the step of \"%1\" must be a whole number of at least 1").arg(item);
        break;
    case NotARange:
        what = QStringLiteral("\"%1\" is not a range").arg(item);
        break;
    case NotANumber:
        what = QStringLiteral("\"%1\" is not a number%2")
                   .arg(item,
                        names.isEmpty()
                            ? QString()
                            : QStringLiteral(" or a name (%1)").arg(names.join(QLatin1Char(' '))));
        break;
    case OutOfRange:
        what = QStringLiteral("%1 is out of range %2-%3").arg(item).arg(min).arg(max);
        break;
    case Backwards:
        what = QStringLiteral("the range %1 runs backwards").arg(item);
        break;
    }
    return QStringLiteral("%1 field \"%2\": %3")
        .arg(QLatin1String(fieldNames[int(field)]), fieldText, what);
}

bool CronExpression::dayMatches(int month, int day, int dayOfWeek, int daysInMonth) const
{
    if (!m_months[std::size_t(month)])
        return false;
    const bool dom = m_days[std::size_t(day)] || (m_lastDay && day == daysInMonth);
    const bool dow = m_weekdays[std::size_t(dayOfWeek % 7)];
    if (m_daysRestricted && m_weekdaysRestricted)
        return dom || dow;
    if (m_daysRestricted)
        return dom;
    if (m_weekdaysRestricted)
        return dow;
    return true;
}

std::optional<qint64> CronExpression::nextAfter(qint64 afterMs, const QTimeZone &zone) const
{
    // From the next whole second on the zone's wall clock, day by day.
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(afterMs - afterMs % 1000 + 1000, zone);
    const QDate first = start.date();
    const QDate last = first.addYears(8);
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        if (!dayMatches(day.month(), day.day(), day.dayOfWeek(), day.daysInMonth()))
            continue;
        const bool today = day == first;
        const QTime from = today ? start.time() : QTime(0, 0);
        for (int h = from.hour(); h < 24; ++h) {
            if (!m_hours[std::size_t(h)])
                continue;
            const bool hourFrom = today && h == from.hour();
            for (int m = hourFrom ? from.minute() : 0; m < 60; ++m) {
                if (!m_minutes[std::size_t(m)])
                    continue;
                const bool minuteFrom = hourFrom && m == from.minute();
                for (int s = minuteFrom ? from.second() : 0; s < 60; ++s) {
                    if (!m_seconds[std::size_t(s)])
                        continue;
                    // A repeated hour's first occurrence may already be past: go on.
                    const qint64 at = wallToUtc(zone, day, QTime(h, m, s));
                    if (at > afterMs)
                        return at;
                }
            }
        }
    }
    return std::nullopt;
}
