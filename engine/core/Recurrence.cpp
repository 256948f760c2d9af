#include "Recurrence.h"

std::optional<Recurrence> Recurrence::cron(const QString &expression, const QString &zoneId,
                                           Error *error)
{
    const auto fail = [&](const char *field, const QString &message) {
        if (error)
            *error = {QLatin1String(field), message};
        return std::nullopt;
    };
    QString problem;
    std::optional<CronExpression> parsed = CronExpression::parse(expression, &problem);
    if (!parsed)
        return fail("cron", problem);
    const QTimeZone zone(zoneId.toUtf8());
    if (zoneId.isEmpty() || !zone.isValid())
        return fail("timezone",
                    QStringLiteral("\"%1\" is not an IANA time zone (such as Europe/Moscow or "
                                   "UTC)")
                        .arg(zoneId));
    Recurrence r;
    r.m_cron = std::move(parsed);
    r.m_zone = zone;
    return r;
}

Recurrence Recurrence::every(qint64 everyMs, qint64 anchorMs)
{
    Q_ASSERT(everyMs > 0);
    Recurrence r;
    r.m_everyMs = everyMs;
    r.m_anchorMs = anchorMs;
    return r;
}

std::optional<qint64> Recurrence::nextAfter(qint64 afterMs) const
{
    if (m_cron)
        return m_cron->nextAfter(afterMs, m_zone);
    if (afterMs < m_anchorMs)
        return m_anchorMs + m_everyMs;
    return m_anchorMs + ((afterMs - m_anchorMs) / m_everyMs + 1) * m_everyMs;
}

qint64 Recurrence::latestDue(qint64 firstDueMs, qint64 nowMs) const
{
    if (nowMs <= firstDueMs)
        return firstDueMs;
    if (!m_cron)
        return firstDueMs + (nowMs - firstDueMs) / m_everyMs * m_everyMs;
    // Look back from now over a window that doubles until it holds a firing, then walk forward
    // to the last one: a few steps however long the downtime was.
    qint64 found = firstDueMs;
    for (qint64 window = 1000; nowMs - window > firstDueMs; window *= 2) {
        const std::optional<qint64> in = nextAfter(nowMs - window);
        if (in && *in <= nowMs) {
            found = *in;
            break;
        }
    }
    for (int steps = 0; steps < 100'000; ++steps) {
        const std::optional<qint64> next = nextAfter(found);
        if (!next || *next > nowMs)
            break;
        found = *next;
    }
    return found;
}
