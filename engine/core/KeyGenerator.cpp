#include "KeyGenerator.h"

namespace {
constexpr qint64 kEpochMs = 1704067200000; // 2024-01-01T00:00:00Z
constexpr int kSequenceBits = 20;
constexpr int kIdDigits = 13; // 2^63 needs 13 base-36 digits

QString base36(qint64 id)
{
    return QString::number(id, 36).rightJustified(kIdDigits, QLatin1Char('0'));
}
} // namespace

KeyGenerator::KeyGenerator(QString nodeId, qint64 highWaterMark)
    : m_nodeId(std::move(nodeId)), m_last(highWaterMark)
{}

qint64 KeyGenerator::nextId(qint64 nowMs)
{
    const qint64 fromClock = qMax<qint64>(0, nowMs - kEpochMs) << kSequenceBits;
    m_last = qMax(fromClock, m_last + 1);
    return m_last;
}

QString KeyGenerator::jobKey(qint64 id) const
{
    return m_nodeId + QLatin1String("-job-") + base36(id);
}

QString KeyGenerator::incidentKey(qint64 id) const
{
    return m_nodeId + QLatin1String("-incident-") + base36(id);
}

std::optional<qint64> KeyGenerator::idFromJobKey(const QString &key)
{
    const qsizetype at = key.lastIndexOf(QLatin1String("-job-"));
    if (at <= 0)
        return std::nullopt;
    const QStringView digits = QStringView(key).mid(at + 5);
    if (digits.size() != kIdDigits)
        return std::nullopt;
    bool ok = false;
    const qint64 id = digits.toLongLong(&ok, 36);
    if (!ok || id <= 0)
        return std::nullopt;
    return id;
}
