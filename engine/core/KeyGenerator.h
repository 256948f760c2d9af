#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

// Unique, time-ordered 64-bit ids: (milliseconds since 2024-01-01) << 20 | sequence. Always
// greater than every id handed out before, also across restarts (the store keeps the high-water
// mark) and when the wall clock steps back. Keys are "<node>-job-<13 base-36 digits>", so that
// sorting keys as text sorts them by creation time.
//
// Nodes sharing one PostgreSQL database each get a slot (0..63) from it; a node with a slot
// keeps the top 6 bits of the sequence for it, so two nodes never hand out the same id:
// (ms << 20) | (slot << 14) | sequence (16384 ids per millisecond and node).
class KeyGenerator
{
public:
    static constexpr int kSlotBits = 6;

    explicit KeyGenerator(QString nodeId, qint64 highWaterMark = 0, int slot = -1);

    qint64 nextId(qint64 nowMs);
    qint64 highWaterMark() const { return m_last; }
    const QString &nodeId() const { return m_nodeId; }

    QString jobKey(qint64 id) const;
    QString incidentKey(qint64 id) const;
    QString bulkOperationKey(qint64 id) const;
    // The id inside a job key of any node, or nullopt when the text is not a job key.
    static std::optional<qint64> idFromJobKey(const QString &key);
    // The same for an incident key.
    static std::optional<qint64> idFromIncidentKey(const QString &key);

private:
    static std::optional<qint64> idAfter(const QString &key, QLatin1String kind);

    QString m_nodeId;
    qint64 m_last;
    int m_slot; // -1: the node is alone (SQLite), all 20 bits are sequence
};
