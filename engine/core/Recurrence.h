#pragma once

#include "CronExpression.h"

#include <QString>
#include <QTimeZone>

#include <optional>

// When a schedule fires: a cron expression on the wall clock of an IANA time zone, or every N
// milliseconds from an anchor instant (the first run is one interval after it).
class Recurrence
{
public:
    // A cron recurrence; nothing with `error` naming the field ("cron" or "timezone") and why.
    struct Error
    {
        QString field;
        QString message;
    };
    static std::optional<Recurrence> cron(const QString &expression, const QString &zoneId,
                                          Error *error = nullptr);
    static Recurrence every(qint64 everyMs, qint64 anchorMs);

    // The first firing strictly after `afterMs`; nothing if it never fires again.
    std::optional<qint64> nextAfter(qint64 afterMs) const;
    // The latest firing in [firstDueMs, nowMs] (firstDueMs is a firing): after downtime, the
    // one time that is run.
    qint64 latestDue(qint64 firstDueMs, qint64 nowMs) const;

private:
    std::optional<CronExpression> m_cron;
    QTimeZone m_zone;
    qint64 m_everyMs = 0;
    qint64 m_anchorMs = 0;
};
