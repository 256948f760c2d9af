#pragma once

#include <QtGlobal>

// The engine's per-second group-commit figures, logged with
// QT_LOGGING_RULES="jobdeck.engine.batches.debug=true": transactions, operations, time per
// transaction and its parts (held-back writes, COMMIT, search index drains), busy share.
class BatchTrace
{
public:
    static bool isOn();
    void flushed(qint64 micros) { m_flushMicros += micros; }
    void committed(qint64 micros) { m_commitMicros += micros; }
    void searchIndexed(qint64 micros)
    {
        m_searchDrains += 1;
        m_searchMicros += micros;
    }
    // A committed transaction of `operations` requests that took `micros`; logs once a second.
    void batch(int operations, qint64 micros);

private:
    qint64 m_batches = 0, m_operations = 0, m_micros = 0, m_flushMicros = 0, m_commitMicros = 0,
           m_searchDrains = 0, m_searchMicros = 0, m_since = 0;
};
