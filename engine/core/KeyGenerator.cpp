#include "KeyGenerator.h"

namespace {
constexpr qint64 kEpochMs = 1704067200000; // 2024-01-01T00:00:00Z
constexpr int kSequenceBits = 20;
constexpr int kSlotShift = kSequenceBits - KeyGenerator::kSlotBits;
constexpr qint64 kSlotMask = ((qint64(1) << KeyGenerator::kSlotBits) - 1) << kSlotShift;
constexpr int kIdDigits = 13; // 2^63 needs 13 base-36 digits

QString base36(qint64 id)
{
    return QString::number(id, 36).rightJustified(kIdDigits, QLatin1Char('0'));
}
} // namespace

KeyGenerator::KeyGenerator(QString nodeId, qint64 highWaterMark, int slot)
    : m_nodeId(std::move(nodeId)), m_last(highWaterMark), m_slot(slot)
{}

qint64 KeyGenerator::nextId(qint64 nowMs)
{
    const qint64 fromClock = qMax<qint64>(0, nowMs - kEpochMs) << kSequenceBits;
    if (m_slot < 0) {
        m_last = qMax(fromClock, m_last + 1);
        return m_last;
    }
    const qint64 slotBits = qint64(m_slot) << kSlotShift;
    qint64 next = qMax(fromClock | slotBits, m_last + 1);
    if ((next & kSlotMask) != slotBits) // below this slot's range, or its sequence ran out
        next = ((next & kSlotMask) > slotBits ? ((next >> kSequenceBits) + 1) << kSequenceBits
                                              : (next >> kSequenceBits) << kSequenceBits) |
               slotBits;
    m_last = next;
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

QString KeyGenerator::bulkOperationKey(qint64 id) const
{
    return m_nodeId + QLatin1String("-bulk-") + base36(id);
}

std::optional<qint64> KeyGenerator::idFromJobKey(const QString &key)
{
    return idAfter(key, QLatin1String("-job-"));
}

std::optional<qint64> KeyGenerator::idFromIncidentKey(const QString &key)
{
    return idAfter(key, QLatin1String("-incident-"));
}

std::optional<qint64> KeyGenerator::idAfter(const QString &key, QLatin1String kind)
{
    const qsizetype at = key.lastIndexOf(kind);
    if (at <= 0)
        return std::nullopt;
    const QStringView digits = QStringView(key).mid(at + kind.size());
    if (digits.size() != kIdDigits)
        return std::nullopt;
    bool ok = false;
    const qint64 id = digits.toLongLong(&ok, 36);
    if (!ok || id <= 0)
        return std::nullopt;
    return id;
}
