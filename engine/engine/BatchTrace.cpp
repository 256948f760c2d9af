#include "BatchTrace.h"

#include "core/Clock.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcBatches, "jobdeck.engine.batches", QtWarningMsg)

bool BatchTrace::isOn()
{
    return lcBatches().isDebugEnabled();
}

void BatchTrace::batch(int operations, qint64 micros)
{
    m_batches += 1;
    m_operations += operations;
    m_micros += micros;
    const qint64 now = Clock::nowMs();
    if (now - m_since < 1000)
        return;
    const qint64 batches = qMax<qint64>(1, m_batches);
    qCDebug(lcBatches).nospace() << m_batches << " transactions, " << m_operations
                                 << " operations, " << m_micros / batches
                                 << " us per transaction (held-back writes "
                                 << m_flushMicros / batches << ", COMMIT "
                                 << m_commitMicros / batches << ", search index " << m_searchDrains
                                 << " times " << m_searchMicros / qMax<qint64>(1, m_searchDrains)
                                 << " us), busy " << m_micros / 10 / qMax<qint64>(1, now - m_since)
                                 << "%";
    *this = BatchTrace();
    m_since = now;
}
