// The pure rules under the engine: state machine, ISO durations, keys, backoff, timestamps, the
// state names in the schema's migration texts.
#include "core/Backoff.h"
#include "core/Clock.h"
#include "core/IsoDuration.h"
#include "core/JobState.h"
#include "core/KeyGenerator.h"
#include "store/ListSchema.h"
#include "store/PgSchema.h"
#include "store/Schema.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class TestCore : public QObject
{
    Q_OBJECT
private slots:
    void transitions_data()
    {
        QTest::addColumn<JobState>("from");
        QTest::addColumn<JobState>("to");
        QTest::addColumn<bool>("allowed");
        using S = JobState;
        QTest::addRow("created->active") << S::Created << S::Active << true;
        QTest::addRow("created->completed") << S::Created << S::Completed << false;
        QTest::addRow("scheduled->created") << S::Scheduled << S::Created << true;
        QTest::addRow("scheduled->active") << S::Scheduled << S::Active << false;
        QTest::addRow("active->created (timeout)") << S::Active << S::Created << true;
        QTest::addRow("active->completed") << S::Active << S::Completed << true;
        QTest::addRow("active->failed_retryable") << S::Active << S::FailedRetryable << true;
        QTest::addRow("failed_retryable->active") << S::FailedRetryable << S::Active << false;
        QTest::addRow("failed->created (new retries)") << S::Failed << S::Created << true;
        QTest::addRow("completed->cancelled") << S::Completed << S::Cancelled << false;
        QTest::addRow("cancelled->created") << S::Cancelled << S::Created << false;
        QTest::addRow("error_thrown->created (resolve)") << S::ErrorThrown << S::Created << true;
    }
    void transitions()
    {
        QFETCH(JobState, from);
        QFETCH(JobState, to);
        QFETCH(bool, allowed);
        QCOMPARE(JobStates::canTransition(from, to), allowed);
    }

    void namesAndFilterWords()
    {
        for (JobState s : JobStates::all())
            QCOMPARE(JobStates::fromName(JobStates::name(s)), std::optional<JobState>(s));
        QCOMPARE(JobStates::fromFilterWord(QStringLiteral("Running"))->first(), JobState::Active);
        QCOMPARE(JobStates::fromFilterWord(QStringLiteral("pending"))->first(), JobState::Created);
        QCOMPARE(JobStates::fromFilterWord(QStringLiteral("retrying"))->first(),
                 JobState::FailedRetryable);
        QVERIFY(!JobStates::fromFilterWord(QStringLiteral("done")));
        QVERIFY(JobStates::isTerminal(JobState::Cancelled));
        QVERIFY(!JobStates::isTerminal(JobState::FailedRetryable));
        QVERIFY(!JobStates::canDelete(JobState::Active));
    }

    void isoDurations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms"); // -1: invalid
        QTest::addRow("PT2M") << QStringLiteral("PT2M") << qint64(120'000);
        QTest::addRow("PT1H30M") << QStringLiteral("PT1H30M") << qint64(5'400'000);
        QTest::addRow("PT0.5S") << QStringLiteral("PT0.5S") << qint64(500);
        QTest::addRow("P1DT2H") << QStringLiteral("P1DT2H") << qint64(93'600'000);
        QTest::addRow("PT0S") << QStringLiteral("PT0S") << qint64(0);
        QTest::addRow("empty") << QString() << qint64(-1);
        QTest::addRow("P") << QStringLiteral("P") << qint64(-1);
        QTest::addRow("PT") << QStringLiteral("PT") << qint64(-1);
        QTest::addRow("months") << QStringLiteral("P1M") << qint64(-1);
        QTest::addRow("negative") << QStringLiteral("-PT1S") << qint64(-1);
        QTest::addRow("words") << QStringLiteral("2 minutes") << qint64(-1);
        QTest::addRow("huge") << QStringLiteral("PT99999999999999999999H") << qint64(-1);
    }
    void isoDurations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const std::optional<qint64> parsed = IsoDuration::parseMs(text);
        if (ms < 0) {
            QVERIFY(!parsed);
        } else {
            QCOMPARE(parsed, std::optional<qint64>(ms));
            QCOMPARE(IsoDuration::parseMs(IsoDuration::fromMs(ms)), std::optional<qint64>(ms));
        }
    }

    void keysAreUniqueOrderedAndParse()
    {
        KeyGenerator keys(QStringLiteral("srv1"));
        const qint64 now = Clock::nowMs();
        QString previous;
        for (int i = 0; i < 10'000; ++i) {
            const qint64 id = keys.nextId(now); // the same millisecond every time
            const QString key = keys.jobKey(id);
            QVERIFY(key > previous);
            QCOMPARE(KeyGenerator::idFromJobKey(key), std::optional<qint64>(id));
            previous = key;
        }
        QVERIFY(previous.startsWith(QStringLiteral("srv1-job-")));
        // The clock stepping back, or a restart from the stored high-water mark, never repeats.
        KeyGenerator restarted(QStringLiteral("srv1"), keys.highWaterMark());
        QVERIFY(restarted.jobKey(restarted.nextId(now - 60'000)) > previous);
        QVERIFY(!KeyGenerator::idFromJobKey(QStringLiteral("srv1-job-xyz")));
        QVERIFY(!KeyGenerator::idFromJobKey(QStringLiteral("nonsense")));
    }

    void exponentialBackoff()
    {
        QCOMPARE(Backoff::exponentialMs(1, 60'000), qint64(2000));
        QCOMPARE(Backoff::exponentialMs(2, 60'000), qint64(4000));
        QCOMPARE(Backoff::exponentialMs(3, 60'000), qint64(8000));
        QCOMPARE(Backoff::exponentialMs(10, 60'000), qint64(60'000));
        QCOMPARE(Backoff::exponentialMs(1000, 60'000), qint64(60'000));
    }

    void timestamps()
    {
        const std::optional<qint64> t = Clock::parseIso(QStringLiteral("2025-01-11T10:30:00.000Z"));
        QVERIFY(t);
        QCOMPARE(Clock::toIso(*t), QStringLiteral("2025-01-11T10:30:00.000Z"));
        QCOMPARE(Clock::parseIso(QStringLiteral("2025-01-11T12:30:00.000+02:00")), t);
        QVERIFY(!Clock::parseIso(QStringLiteral("yesterday")));
        // The hand-written formatter agrees with QDateTime across days, leap years and eras.
        for (qint64 ms : {qint64(0), qint64(951782400000), qint64(4107542399999), qint64(-86400001),
                          qint64(1735689599999), qint64(1704067200123)})
            QCOMPARE(Clock::toIso(ms), QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
                                           .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")));
    }

    // Migration texts name job states ({ACTIVE}); what runs has the numbers, and no name is
    // left unexpanded (a misspelt one would reach the database as text).
    void migrationsNameStatesThatExpand()
    {
        QCOMPARE(Schema::statementSql("CREATE INDEX i ON jobs(deadline) WHERE state = {ACTIVE}"),
                 u"CREATE INDEX i ON jobs(deadline) WHERE state = 3"_s);
        QCOMPARE(Schema::statementSql("state IN ({SCHEDULED}, {FAILED_RETRYABLE}) OR state >= "
                                      "{COMPLETED} OR state = {CANCELLED}"),
                 u"state IN (1, 2) OR state >= 4 OR state = 7"_s);
        int named = 0;
        const auto check = [&](const char *statement) {
            const QString sql = Schema::statementSql(statement);
            QVERIFY2(!sql.contains(QLatin1Char('{')), qPrintable(sql));
            named += QString::fromLatin1(statement).count(QLatin1Char('{'));
        };
        for (size_t i = 0; i < ListSchema::count(); ++i)
            check(ListSchema::statements()[i]);
        for (size_t m = 0; m < PgSchema::migrationCount(); ++m)
            for (size_t i = 0; i < PgSchema::migrations()[m].count; ++i)
                check(PgSchema::migrations()[m].statements[i]);
        QVERIFY(named > 20); // the texts do use names
    }
};

QTEST_GUILESS_MAIN(TestCore)
#include "tst_core.moc"
