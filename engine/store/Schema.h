#pragma once

#include <QSqlDatabase>

// The versioned schema. Each migration runs once, in its own transaction, in order; the version
// reached is kept in PRAGMA user_version. Add a migration at the end; never edit a shipped one.
namespace Schema {

int currentVersion(QSqlDatabase &db);
int latestVersion();
void migrate(QSqlDatabase &db); // throws StoreError

} // namespace Schema
