// jobdeck --backup FILE (issue 15): a consistent copy of a SQLite store taken while a server
// writes to it holds every job acknowledged before the backup started, passes
// PRAGMA integrity_check and opens as a store; on PostgreSQL the command says to use pg_dump.
#include "ApiClient.h"
#include "TestServer.h"
#include "TestStore.h"
#include "store/Database.h"
#include "store/JobStore.h"
#include "store/Schema.h"

#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestBackup : public QObject
{
    Q_OBJECT

    static QJsonObject job(int n)
    {
        return QJsonObject{
            {u"type"_s, u"backup"_s},
            {u"variables"_s, QJsonObject{{u"n"_s, n}, {u"pad"_s, QString(200, u'x')}}}};
    }

private slots:
    void copyUnderLoadHoldsEveryAcknowledgedJob()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        QTemporaryDir dir;
        const QString copy = dir.filePath(u"copy.db"_s);
        QProcess backup;
        backup.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        if (TestStore::usePostgres()) {
            backup.start(QStringLiteral(JOBDECK_BINARY),
                         {u"--backup"_s, copy, u"--db"_s, server.dbPath()});
            QVERIFY(backup.waitForFinished(30'000));
            QCOMPARE(backup.exitCode(), 2);
            QVERIFY(!QFile::exists(copy));
            return;
        }
        QStringList acknowledged;
        for (int i = 0; i < 300; ++i) {
            const QString key = api.createJob(job(i));
            QVERIFY(!key.isEmpty());
            acknowledged.append(key);
        }
        backup.start(QStringLiteral(JOBDECK_BINARY),
                     {u"--backup"_s, copy, u"--db"_s, server.dbPath()});
        QVERIFY(backup.waitForStarted());
        int during = 0; // created while the backup runs: in the copy or not, never half
        while (backup.state() != QProcess::NotRunning && during < 5000) {
            QVERIFY(!api.createJob(job(1000 + during)).isEmpty());
            ++during;
        }
        if (backup.state() != QProcess::NotRunning)
            QVERIFY(backup.waitForFinished(60'000));
        QCOMPARE(backup.exitStatus(), QProcess::NormalExit);
        QCOMPARE(backup.exitCode(), 0);
        QVERIFY(!QFile::exists(copy + u".part"_s));
        qInfo("backup taken while %d jobs were created", during);

        {
            StoreOptions options;
            options.path = copy;
            QSqlDatabase db = Database::open(u"backup-check"_s, options);
            QSqlQuery check(db);
            QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
            QCOMPARE(check.value(0).toString(), u"ok"_s);
            check.finish();
            Schema::migrate(db); // it opens as a store
            JobStore store(db);
            for (const QString &key : std::as_const(acknowledged))
                QVERIFY2(store.findJobByKey(key).has_value(), qPrintable(key));
            // Exact counters: the copy's bookkeeping agrees with its rows.
            QSqlQuery rows(db), counted(db);
            QVERIFY(rows.exec(u"SELECT COUNT(*) FROM jobs"_s) && rows.next());
            QVERIFY(counted.exec(u"SELECT SUM(count) FROM job_counts"_s) && counted.next());
            QCOMPARE(counted.value(0).toLongLong(), rows.value(0).toLongLong());
            QVERIFY(rows.value(0).toLongLong() >= acknowledged.size());
        }
        Database::close(u"backup-check"_s);

        // A second backup to the same file is refused and leaves it as it is.
        QProcess again;
        again.start(QStringLiteral(JOBDECK_BINARY),
                    {u"--backup"_s, copy, u"--db"_s, server.dbPath()});
        QVERIFY(again.waitForFinished(30'000));
        QCOMPARE(again.exitCode(), 1);
    }

    // The WAL is truncated to the store's limit after each checkpoint (journal_size_limit):
    // after a burst of writes and a checkpoint the file is no larger than the limit.
    void walIsTruncatedToItsLimit()
    {
        if (TestStore::usePostgres())
            QSKIP("SQLite only");
        QTemporaryDir dir;
        StoreOptions options;
        options.path = dir.filePath(u"jobs.db"_s);
        options.walLimitBytes = 256 * 1024;
        {
            QSqlDatabase db = Database::open(u"wal-limit"_s, options);
            QSqlQuery q(db);
            QVERIFY(q.exec(u"PRAGMA journal_size_limit"_s) && q.next());
            QCOMPARE(q.value(0).toLongLong(), options.walLimitBytes);
            q.finish();
            QVERIFY(q.exec(u"PRAGMA wal_autocheckpoint = 0"_s)); // the burst stays in the WAL
            QVERIFY(q.exec(u"CREATE TABLE burst (b BLOB)"_s));
            QVERIFY(db.transaction());
            QVERIFY(q.prepare(u"INSERT INTO burst VALUES (randomblob(4096))"_s));
            for (int i = 0; i < 1000; ++i)
                QVERIFY(q.exec());
            QVERIFY(db.commit());
            const qint64 burst = QFileInfo(options.path + u"-wal"_s).size();
            QVERIFY2(burst > 4 * 1024 * 1024, qPrintable(QString::number(burst)));
            QVERIFY(q.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s));
            q.finish();
            QVERIFY(q.exec(u"INSERT INTO burst VALUES (zeroblob(10))"_s)); // restarts the WAL
            QVERIFY(QFileInfo(options.path + u"-wal"_s).size() <= options.walLimitBytes);
        }
        Database::close(u"wal-limit"_s);
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
