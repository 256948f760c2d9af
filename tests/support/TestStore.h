#pragma once

#include <QString>

// Where a test server keeps its store: a SQLite file by default, or, when the environment
// names a PostgreSQL server (JOBDECK_TEST_PG: a postgresql:// URL of a maintenance database, or
// JOBDECK_TEST_PG_FILE: a file holding that URL, as tests/support/pg-cluster.sh writes it), a
// fresh database on that server per test server, dropped when it is done.
namespace TestStore {

// True when tests run against PostgreSQL.
bool usePostgres();
// A new, empty database's URL (PostgreSQL only); throws StoreError.
QString createDatabase();
void dropDatabase(const QString &url);

} // namespace TestStore
