#pragma once

#include "Database.h"

#include <QString>

#include <functional>

// A consistent copy of a live SQLite store, taken while a server may be writing to it: VACUUM
// INTO reads the store in one read transaction (WAL), so the copy holds every change committed
// before it started and none that committed after. It is written beside the target and renamed
// into place only when complete, and it opens as a store of its own (`jobdeck --db FILE`).
// A PostgreSQL store is copied with pg_dump instead.
namespace StoreBackup {

struct Result
{
    qint64 bytes = 0; // size of the copy
    qint64 jobs = 0;  // jobs in the copy
    qint64 millis = 0;
};

// Throws StoreError: a PostgreSQL store, an existing target, a store that cannot be read, a
// target that cannot be written, or a copy that fails its quick_check. `started` is called (on
// the calling thread) just before the copy begins, with about how many bytes it will have.
Result toFile(const StoreOptions &store, const QString &target,
              const std::function<void(qint64 expectedBytes)> &started = {});

// Where the copy grows until it is complete: its size is the backup's progress.
QString partialPath(const QString &target);

// What to do instead for a PostgreSQL store ("... is backed up with pg_dump, e.g. ...").
QString postgresAdvice(const QString &location);

} // namespace StoreBackup
