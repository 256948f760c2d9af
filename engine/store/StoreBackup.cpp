#include "StoreBackup.h"

#include "SqlDialect.h"
#include "StoreFootprint.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>

#include <atomic>

namespace StoreBackup {
namespace {

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("jobdeck-backup-%1").arg(counter.fetch_add(1));
}

// Opens the copy on its own and checks it: the pages are sound and it has the jobs table.
qint64 checkCopy(const QString &path)
{
    const QString name = nextConnectionName();
    qint64 jobs = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            throw StoreError(QStringLiteral("cannot open the copy: %1").arg(db.lastError().text()));
        QSqlQuery check(db);
        if (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next() ||
            check.value(0).toString() != QLatin1String("ok"))
            throw StoreError(QStringLiteral("the copy failed its quick_check: %1")
                                 .arg(check.value(0).toString()));
        check.finish();
        QSqlQuery count(db);
        if (!count.exec(QStringLiteral("SELECT COUNT(*) FROM jobs")) || !count.next())
            throw StoreError(
                QStringLiteral("the copy has no jobs table: %1").arg(count.lastError().text()));
        jobs = count.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(name);
    return jobs;
}

} // namespace

QString partialPath(const QString &target)
{
    return target + QStringLiteral(".part");
}

QString postgresAdvice(const QString &location)
{
    return QStringLiteral("a PostgreSQL store is backed up with pg_dump, e.g.\n"
                          "  pg_dump --format=custom --file=FILE '%1'")
        .arg(Database::displayName(location));
}

Result toFile(const StoreOptions &store, const QString &target,
              const std::function<void(qint64 expectedBytes)> &started)
{
    if (SqlDialect::isPostgresUrl(store.path))
        throw StoreError(postgresAdvice(store.path));
    if (QFileInfo::exists(target))
        throw StoreError(QStringLiteral("%1 exists; give a new file").arg(target));
    if (!QFileInfo::exists(store.path))
        throw StoreError(QStringLiteral("no store at %1").arg(store.path));
    QElapsedTimer clock;
    clock.start();
    // Written beside the target, renamed when complete: a cut-off backup never looks whole.
    const QString partial = partialPath(target);
    QFile::remove(partial);
    const QString name = nextConnectionName();
    try {
        QSqlDatabase db = Database::open(name, store);
        if (started) { // the pages in use: VACUUM INTO leaves the free ones out
            const StoreFootprint footprint = StoreFootprint::read(db);
            started(footprint.bytes - footprint.freeBytes);
        }
        QSqlQuery vacuum(db);
        if (!vacuum.prepare(QStringLiteral("VACUUM INTO ?")))
            throw StoreError(vacuum.lastError().text());
        vacuum.addBindValue(partial);
        Database::exec(vacuum);
    } catch (const StoreError &) {
        Database::close(name);
        QFile::remove(partial);
        throw;
    }
    Database::close(name);
    Result result;
    try {
        result.jobs = checkCopy(partial);
    } catch (const StoreError &) {
        QFile::remove(partial);
        throw;
    }
    if (!QFile::rename(partial, target)) {
        QFile::remove(partial);
        throw StoreError(QStringLiteral("cannot write %1").arg(target));
    }
    result.bytes = QFileInfo(target).size();
    result.millis = clock.elapsed();
    return result;
}

} // namespace StoreBackup
