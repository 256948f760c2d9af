#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

// Unique, time-ordered 64-bit ids: (milliseconds since 2024-01-01) << 20 | sequence. Always
// greater than every id handed out before, also across restarts (the store keeps the high-water
// mark) and when the wall clock steps back. Keys are "<node>-job-<13 base-36 digits>", so that
// sorting keys as text sorts them by creation time.
class KeyGenerator
{
public:
    explicit KeyGenerator(QString nodeId, qint64 highWaterMark = 0);

    qint64 nextId(qint64 nowMs);
    qint64 highWaterMark() const { return m_last; }
    const QString &nodeId() const { return m_nodeId; }

    QString jobKey(qint64 id) const;
    QString incidentKey(qint64 id) const;
    // The id inside a job key of any node, or nullopt when the text is not a job key.
    static std::optional<qint64> idFromJobKey(const QString &key);

private:
    QString m_nodeId;
    qint64 m_last;
};
