#include "SchedulesModel.h"

#include "TimeText.h"
#include "views/SpanText.h"

#include <QLocale>
#include <QRegularExpression>

namespace {

bool isNumber(const QString &field)
{
    static const QRegularExpression number(QStringLiteral("^\\d{1,2}$"));
    return number.match(field).hasMatch();
}

// "MON-FRI" -> "Monday–Friday", "1,3" -> "Monday, Wednesday" (in the console's language).
QString weekdays(const QString &field)
{
    static const QStringList names{
        QStringLiteral("SUN"), QStringLiteral("MON"), QStringLiteral("TUE"), QStringLiteral("WED"),
        QStringLiteral("THU"), QStringLiteral("FRI"), QStringLiteral("SAT")};
    const auto dayName = [&](const QString &d) {
        bool ok = false;
        int n = d.toInt(&ok);
        if (!ok)
            n = int(names.indexOf(d.toUpper()));
        if (n < 0 || n > 7)
            return d;
        return QLocale().dayName(n == 0 || n == 7 ? 7 : n, QLocale::LongFormat);
    };
    QStringList parts;
    for (const QString &item : field.split(QLatin1Char(','))) {
        const QStringList range = item.split(QLatin1Char('-'));
        parts.append(range.size() == 2
                         ? dayName(range.at(0)) + QStringLiteral("–") + dayName(range.at(1))
                         : dayName(item));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString SchedulesModel::describe(const ScheduleRecord &s)
{
    if (s.cron.isEmpty()) {
        const qint64 ms = s.everyMs;
        if (ms % 86'400'000 == 0)
            return tr("Every %n day(s)", nullptr, int(ms / 86'400'000));
        if (ms % 3'600'000 == 0)
            return tr("Every %n hour(s)", nullptr, int(ms / 3'600'000));
        if (ms % 60'000 == 0)
            return tr("Every %n minute(s)", nullptr, int(ms / 60'000));
        if (ms % 1000 == 0)
            return tr("Every %n second(s)", nullptr, int(ms / 1000));
        return tr("Every %1").arg(SpanText::duration(ms));
    }
    const QStringList f = s.cron.simplified().split(QLatin1Char(' '));
    if (f.size() != 5)
        return s.cron;
    static const QRegularExpression step(QStringLiteral("^\\*/(\\d+)$"));
    const bool everyDay = f.at(2) == QLatin1String("*") && f.at(3) == QLatin1String("*");
    if (isNumber(f.at(0)) && isNumber(f.at(1)) && everyDay) {
        const QString at = QStringLiteral("%1:%2")
                               .arg(f.at(1).toInt(), 2, 10, QLatin1Char('0'))
                               .arg(f.at(0).toInt(), 2, 10, QLatin1Char('0'));
        if (f.at(4) == QLatin1String("*"))
            return tr("Every day at %1").arg(at);
        return tr("At %1 on %2").arg(at, weekdays(f.at(4)));
    }
    const bool anyHourDay =
        f.at(1) == QLatin1String("*") && everyDay && f.at(4) == QLatin1String("*");
    if (anyHourDay && f.at(0) == QLatin1String("*"))
        return tr("Every minute");
    if (const QRegularExpressionMatch m = step.match(f.at(0)); anyHourDay && m.hasMatch())
        return tr("Every %n minute(s)", nullptr, m.captured(1).toInt());
    if (anyHourDay && isNumber(f.at(0)))
        return tr("Every hour at minute %1").arg(f.at(0).toInt());
    return s.cron;
}

int SchedulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SchedulesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const ScheduleRecord &s = rowAt(index.row());
    if (role == NameRole)
        return s.name;
    if (role == Qt::ToolTipRole && index.column() == When)
        return s.cron.isEmpty() ? QStringLiteral("every %1").arg(s.everyMs) : s.cron;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return s.name;
    case Type:
        return s.type;
    case When:
        return describe(s);
    case TimeZone:
        return s.cron.isEmpty() ? QString() : s.timezone;
    case NextRun:
        return localTimeText(s.nextRunAt);
    case LastRun:
        return localTimeText(s.lastRunAt);
    case LastJob:
        return s.lastJobKey;
    case Status:
        return s.paused ? tr("Paused") : tr("Active");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SchedulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Type:
        return tr("Job type");
    case When:
        return tr("Runs");
    case TimeZone:
        return tr("Time zone");
    case NextRun:
        return tr("Next run");
    case LastRun:
        return tr("Last run");
    case LastJob:
        return tr("Last job");
    case Status:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

JobsLink SchedulesModel::jobsAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const ScheduleRecord &s = rowAt(index.row());
    JobsLink link;
    link.type = s.type;
    link.jobKey = s.lastJobKey;
    return link;
}
