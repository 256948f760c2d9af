#pragma once

#include <QSqlDatabase>

// The versioned schema. Each migration runs once, in its own transaction, in order; the version
// reached is kept in PRAGMA user_version. Add a migration at the end; never edit a shipped one.
namespace Schema {

int currentVersion(QSqlDatabase &db);
int latestVersion();
void migrate(QSqlDatabase &db); // throws StoreError
// Up to `version` only: the upgrade tests write a store as an older Jobdeck left it.
void migrateTo(QSqlDatabase &db, int version);

// A migration statement as run: job states are written by name ({ACTIVE}, {COMPLETED}…) in the
// texts, expanded to the numbers JobState gives them (JobColumns::expand).
QString statementSql(const char *statement);

} // namespace Schema
