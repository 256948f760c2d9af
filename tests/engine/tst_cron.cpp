// The schedules' cron expressions and recurrences (issue 16): every field form, names, both day
// fields, leap days and month ends, and DST changes in Europe/Berlin and America/New_York.
#include "core/Recurrence.h"

#include <QDateTime>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

qint64 utc(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t.toMSecsSinceEpoch();
}

QString iso(std::optional<qint64> ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(Qt::ISODate) : u"never"_s;
}

} // namespace

class TestCron : public QObject
{
    Q_OBJECT

private slots:
    void refused_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << u""_s << u"5 fields"_s;
        QTest::newRow("four fields") << u"* * * *"_s << u"this one has 4"_s;
        QTest::newRow("seven fields") << u"* * * * * * *"_s << u"this one has 7"_s;
        QTest::newRow("minute 60")
            << u"60 * * * *"_s << u"minute field \"60\": 60 is out of range 0-59"_s;
        QTest::newRow("hour 24") << u"0 24 * * *"_s << u"hour field"_s;
        QTest::newRow("day 0") << u"0 0 0 * *"_s << u"day of month field"_s;
        QTest::newRow("month 13") << u"0 0 1 13 *"_s << u"out of range 1-12"_s;
        QTest::newRow("weekday 8") << u"0 0 * * 8"_s << u"out of range 0-7"_s;
        QTest::newRow("backwards") << u"5-1 * * * *"_s << u"runs backwards"_s;
        QTest::newRow("step 0") << u"*/0 * * * *"_s << u"at least 1"_s;
        QTest::newRow("word") << u"x * * * *"_s << u"\"x\" is not a number"_s;
        QTest::newRow("bad month name") << u"0 0 1 FOO *"_s << u"or a name (JAN"_s;
        QTest::newRow("L in minutes") << u"L * * * *"_s << u"day of month only"_s;
        QTest::newRow("? in hours") << u"0 ? * * *"_s << u"day fields only"_s;
        QTest::newRow("empty item") << u"1,,2 * * * *"_s << u"empty list item"_s;
        QTest::newRow("second 60") << u"60 0 0 * * *"_s << u"second field"_s;
    }
    void refused()
    {
        QFETCH(QString, expression);
        QFETCH(QString, says);
        QString error;
        QVERIFY(!CronExpression::parse(expression, &error));
        QVERIFY2(error.contains(says), qPrintable(error));
    }

    void next_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("expected"); // UTC, or "never"
        const auto row = [](const char *name, const QString &e, const QString &z, const QString &a,
                            const QString &x) { QTest::newRow(name) << e << z << a << x; };
        row("step", u"*/15 * * * *"_s, u"UTC"_s, u"2026-12-05T10:00:00"_s,
            u"2026-12-05T10:15:00Z"_s);
        row("strictly after", u"*/15 * * * *"_s, u"UTC"_s, u"2026-12-05T10:14:59.500"_s,
            u"2026-12-05T10:15:00Z"_s);
        row("seconds first", u"*/10 * * * * *"_s, u"UTC"_s, u"2026-12-05T10:00:05"_s,
            u"2026-12-05T10:00:10Z"_s);
        row("a/n", u"5/20 * * * *"_s, u"UTC"_s, u"2026-12-05T10:26:00"_s,
            u"2026-12-05T10:45:00Z"_s);
        row("list", u"0 1,13,22 * * *"_s, u"UTC"_s, u"2026-12-05T14:00:00"_s,
            u"2026-12-05T22:00:00Z"_s);
        row("Moscow", u"0 2 * * *"_s, u"Europe/Moscow"_s, u"2026-12-05T00:00:00"_s,
            u"2026-12-05T23:00:00Z"_s);
        row("range with step, weekdays", u"0 9-17/4 * * MON-FRI"_s, u"UTC"_s,
            u"2026-12-05T12:00:00"_s, u"2026-12-07T09:00:00Z"_s);
        row("month and day names", u"30 6 * jan,JUL Sun"_s, u"UTC"_s, u"2026-12-05T00:00:00"_s,
            u"2027-01-03T06:30:00Z"_s);
        row("Sunday as 7", u"0 0 * * 7"_s, u"UTC"_s, u"2026-12-05T00:00:00"_s,
            u"2026-12-06T00:00:00Z"_s);
        row("either day field", u"0 0 13 * FRI"_s, u"UTC"_s, u"2026-12-05T00:00:00"_s,
            u"2026-12-11T00:00:00Z"_s);
        row("? in day of month", u"0 0 ? * FRI"_s, u"UTC"_s, u"2026-12-05T00:00:00"_s,
            u"2026-12-11T00:00:00Z"_s);
        row("Feb 29", u"0 12 29 2 *"_s, u"UTC"_s, u"2026-01-01T00:00:00"_s,
            u"2028-02-29T12:00:00Z"_s);
        row("last day, February", u"0 0 L * *"_s, u"UTC"_s, u"2027-02-10T00:00:00"_s,
            u"2027-02-28T00:00:00Z"_s);
        row("last day, leap February", u"0 0 L * *"_s, u"UTC"_s, u"2028-02-10T00:00:00"_s,
            u"2028-02-29T00:00:00Z"_s);
        row("the 31st skips short months", u"0 0 31 * *"_s, u"UTC"_s, u"2026-04-01T00:00:00"_s,
            u"2026-05-31T00:00:00Z"_s);
        row("never", u"0 0 30 2 *"_s, u"UTC"_s, u"2026-01-01T00:00:00"_s, u"never"_s);

        // Europe/Berlin: 2026-03-29 02:00 CET -> 03:00 CEST; 2026-10-25 03:00 CEST -> 02:00 CET.
        row("Berlin, skipped time fires at the change", u"30 2 * * *"_s, u"Europe/Berlin"_s,
            u"2026-03-28T12:00:00"_s, u"2026-03-29T01:00:00Z"_s);
        row("Berlin, the day after the gap", u"30 2 * * *"_s, u"Europe/Berlin"_s,
            u"2026-03-29T01:00:00"_s, u"2026-03-30T00:30:00Z"_s);
        row("Berlin, every minute of the gap fires once", u"* 2 * * *"_s, u"Europe/Berlin"_s,
            u"2026-03-29T01:00:00"_s, u"2026-03-30T00:00:00Z"_s);
        row("Berlin, repeated time: first occurrence", u"30 2 * * *"_s, u"Europe/Berlin"_s,
            u"2026-10-24T12:00:00"_s, u"2026-10-25T00:30:00Z"_s);
        row("Berlin, repeated time fires once", u"30 2 * * *"_s, u"Europe/Berlin"_s,
            u"2026-10-25T00:30:00"_s, u"2026-10-26T01:30:00Z"_s);
        row("Berlin, half-hourly over the repeat", u"*/30 * * * *"_s, u"Europe/Berlin"_s,
            u"2026-10-25T00:30:00"_s, u"2026-10-25T02:00:00Z"_s);
        // America/New_York: 2026-03-08 02:00 EST -> 03:00 EDT; 2026-11-01 02:00 EDT -> 01:00 EST.
        row("New York, skipped 02:00", u"0 2 * * *"_s, u"America/New_York"_s,
            u"2026-03-07T12:00:00"_s, u"2026-03-08T07:00:00Z"_s);
        row("New York, after the gap", u"0 2 * * *"_s, u"America/New_York"_s,
            u"2026-03-08T07:00:00"_s, u"2026-03-09T06:00:00Z"_s);
        row("New York, repeated 01:30 first", u"30 1 * * *"_s, u"America/New_York"_s,
            u"2026-10-31T12:00:00"_s, u"2026-11-01T05:30:00Z"_s);
        row("New York, repeated 01:30 once", u"30 1 * * *"_s, u"America/New_York"_s,
            u"2026-11-01T05:30:00"_s, u"2026-11-02T06:30:00Z"_s);
    }
    void next()
    {
        QFETCH(QString, expression);
        QFETCH(QString, zone);
        QFETCH(QString, after);
        QFETCH(QString, expected);
        Recurrence::Error error;
        const std::optional<Recurrence> r = Recurrence::cron(expression, zone, &error);
        QVERIFY2(r, qPrintable(error.message));
        QCOMPARE(iso(r->nextAfter(utc(after))), expected);
    }

    void badZone()
    {
        Recurrence::Error error;
        QVERIFY(!Recurrence::cron(u"* * * * *"_s, u"Mars/Olympus"_s, &error));
        QCOMPARE(error.field, u"timezone"_s);
        QVERIFY(!Recurrence::cron(u"* * *"_s, u"UTC"_s, &error));
        QCOMPARE(error.field, u"cron"_s);
    }

    void every()
    {
        const qint64 anchor = utc(u"2026-12-05T10:00:00"_s);
        const Recurrence r = Recurrence::every(90'000, anchor);
        QCOMPARE(iso(r.nextAfter(anchor - 5'000)), u"2026-12-05T10:01:30Z"_s);
        QCOMPARE(iso(r.nextAfter(anchor)), u"2026-12-05T10:01:30Z"_s);
        QCOMPARE(iso(r.nextAfter(anchor + 90'000)), u"2026-12-05T10:03:00Z"_s);
        // After downtime: the latest missed time only.
        QCOMPARE(iso(r.latestDue(anchor + 90'000, anchor + 3'600'000 + 1)),
                 u"2026-12-05T11:00:00Z"_s);
    }

    void latestDueAfterDowntime()
    {
        const std::optional<Recurrence> hourly = Recurrence::cron(u"0 * * * *"_s, u"UTC"_s);
        QVERIFY(hourly);
        QCOMPARE(
            iso(hourly->latestDue(utc(u"2026-12-05T01:00:00"_s), utc(u"2026-12-05T09:30:00"_s))),
            u"2026-12-05T09:00:00Z"_s);
        QCOMPARE(
            iso(hourly->latestDue(utc(u"2026-12-05T01:00:00"_s), utc(u"2026-12-05T01:30:00"_s))),
            u"2026-12-05T01:00:00Z"_s);
        const std::optional<Recurrence> nightly =
            Recurrence::cron(u"30 2 * * *"_s, u"Europe/Moscow"_s);
        QVERIFY(nightly);
        QCOMPARE(
            iso(nightly->latestDue(utc(u"2026-11-01T23:30:00"_s), utc(u"2026-12-05T12:00:00"_s))),
            u"2026-12-04T23:30:00Z"_s);
        const std::optional<Recurrence> everySecond = Recurrence::cron(u"* * * * * *"_s, u"UTC"_s);
        QVERIFY(everySecond);
        QCOMPARE(iso(everySecond->latestDue(utc(u"2026-12-01T00:00:00"_s),
                                            utc(u"2026-12-05T12:00:00.700"_s))),
                 u"2026-12-05T12:00:00Z"_s);
    }
};

QTEST_GUILESS_MAIN(TestCron)
#include "tst_cron.moc"
