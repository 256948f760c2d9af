#pragma once

#include <QSqlDatabase>

// How much room a store takes and how far back its finished jobs go: what an operator watches
// to know that retention keeps the store bounded (the dashboard, GET /metrics).
struct StoreFootprint
{
    qint64 bytes = 0;            // the SQLite file, or the PostgreSQL database
    qint64 walBytes = -1;        // SQLite: the write-ahead log beside the file; -1 on PostgreSQL
    qint64 freeBytes = -1;       // SQLite: free pages in the file, reused before it grows
    qint64 oldestFinishedAt = 0; // ms; 0 when the store keeps no finished job

    // Throws StoreError. Cheap: the page counts, one file size, one index probe.
    static StoreFootprint read(QSqlDatabase db);
};
