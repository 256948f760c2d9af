#pragma once

#include "core/Recurrence.h"

#include <QByteArray>
#include <QString>

#include <optional>

// One row of the schedules table: when it fires (cron on a time zone, or every N ms from an
// anchor) and the job each firing creates. Times are epoch ms; 0 means "not set".
struct ScheduleRecord
{
    QString name;
    QString type;
    QString tenantId = QStringLiteral("default");
    QString cron; // set, or everyMs
    qint64 everyMs = 0;
    QString timezone = QStringLiteral("UTC");
    qint64 anchorAt = 0; // `every` counts from here
    QByteArray variables = QByteArrayLiteral("{}");
    QByteArray customHeaders = QByteArrayLiteral("{}");
    int priority = 0;
    int retries = 3;
    qint64 timeoutMs = 120'000;
    bool paused = false;
    qint64 nextRunAt = 0; // 0 while paused, or when it never fires again
    qint64 lastRunAt = 0; // the due time of the last job created by the schedule
    QString lastJobKey;
    qint64 createdAt = 0;
    QString createdBy;
    qint64 updatedAt = 0;

    // Its timing; nothing only for a row whose cron or zone a newer Qt no longer reads.
    std::optional<Recurrence> recurrence() const
    {
        if (cron.isEmpty())
            return everyMs > 0 ? std::optional<Recurrence>(Recurrence::every(everyMs, anchorAt))
                               : std::nullopt;
        return Recurrence::cron(cron, timezone);
    }
};
