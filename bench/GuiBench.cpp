// jobdeck-guibench: the console's window on a (big) store while the embedded server carries a
// lifecycle load (jobdeck-bench phase c against its port). Measures how long the window takes,
// the first page, a scroll from the top over N pages, GUI-thread stalls (a 5 ms probe timer's
// lateness) and peak RSS. See README.md.
#include "MainWindow.h"
#include "Server.h"
#include "models/JobTableModel.h"
#include "views/JobsView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <unistd.h>

namespace {

constexpr int kProbeMs = 5;

// VmHWM (peak) and VmRSS (now) of this process, in MiB.
qint64 procStatusMiB(const char *field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').first().toLongLong() / 1024;
    return -1;
}

// The GUI thread's time on a CPU and time waiting for one (/proc/self/task/TID/schedstat).
struct SchedStat
{
    qint64 runNs = 0;
    qint64 waitNs = 0;
};
SchedStat guiThreadSchedStat()
{
    QFile file(QStringLiteral("/proc/self/task/%1/schedstat").arg(gettid()));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> parts = file.readAll().trimmed().split(' ');
    if (parts.size() < 2)
        return {};
    return {parts.at(0).toLongLong(), parts.at(1).toLongLong()};
}

// Lateness of a repeating 5 ms timer: how long the GUI thread could not run it.
class StallProbe : public QObject
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kProbeMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_late.append(qMax<qint64>(0, now - m_last - kProbeMs * 1'000'000LL) / 1000);
            m_last = now;
        });
    }
    void start()
    {
        m_late.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    QList<qint64> lateMicros() const { return m_late; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    QList<qint64> m_late;
};

qint64 percentile(QList<qint64> sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    std::sort(sorted.begin(), sorted.end());
    return sorted.at(qMin(sorted.size() - 1, qsizetype(p * double(sorted.size()))));
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // leave the user's console settings alone
    QCoreApplication::setApplicationName(QStringLiteral("jobdeck-guibench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The console's window on a store while the embedded server runs a lifecycle load."));
    parser.addHelpOption();
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("Store file (required)."),
                                   QStringLiteral("path"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"),
                                        QStringLiteral("Measured seconds of load, 1-30 (20)."),
                                        QStringLiteral("s"), QStringLiteral("20"));
    const QCommandLineOption rateOpt(
        QStringLiteral("rate"), QStringLiteral("Jobs/s offered by the load, 0 = none (10000)."),
        QStringLiteral("jobs/s"), QStringLiteral("10000"));
    const QCommandLineOption pagesOpt(QStringLiteral("pages"),
                                      QStringLiteral("Pages to scroll from the top (100)."),
                                      QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption benchOpt(
        QStringLiteral("bench"), QStringLiteral("jobdeck-bench binary (next to this one)."),
        QStringLiteral("path"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/jobdeck-bench"));
    const QCommandLineOption normalOpt(QStringLiteral("synchronous-normal"),
                                       QStringLiteral("Store durability NORMAL (default FULL)."));
    parser.addOptions({dbOpt, secondsOpt, rateOpt, pagesOpt, benchOpt, normalOpt});
    parser.process(app);
    if (!parser.isSet(dbOpt)) {
        std::fprintf(stderr, "jobdeck-guibench: --db is required\n");
        return 2;
    }
    const int seconds = qBound(1, parser.value(secondsOpt).toInt(), 30);
    const int rate = qMax(0, parser.value(rateOpt).toInt());
    const int pages = qMax(1, parser.value(pagesOpt).toInt());

    ServerSettings settings;
    settings.dbPath = parser.value(dbOpt);
    settings.port = 0;
    settings.synchronousFull = !parser.isSet(normalOpt);
    const QByteArray key = QByteArrayLiteral("guibench-admin-key");
    Server server(settings);
    try {
        server.prepareAdminKey(key);
        server.start();
    } catch (const StoreError &error) {
        std::fprintf(stderr, "jobdeck-guibench: %s\n", error.what());
        return 1;
    }
    const qint64 engineOpenMs = sinceStart.elapsed();

    ConsoleContext context;
    context.engine = server.engine();
    context.store.path = settings.dbPath;
    context.store.synchronousFull = settings.synchronousFull;
    context.address = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
    auto window = std::make_unique<MainWindow>(context);
    window->resize(1400, 900);
    window->show();
    QCoreApplication::processEvents(); // laid out and painted once
    const qint64 windowMs = sinceStart.elapsed();
    JobsView *jobs = window->jobsView();
    JobTableModel *model = jobs->model();
    QTableView *table = jobs->table();
    while (model->rowCount() == 0 && sinceStart.elapsed() < 30'000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const qint64 firstPageMs = sinceStart.elapsed();
    table->selectRow(0); // the detail panel follows it (and reloads on every refresh)

    StallProbe probe;

    // The load: jobdeck-bench's lifecycle phase against the embedded server.
    QProcess load;
    load.setProcessChannelMode(QProcess::SeparateChannels);
    if (rate > 0) {
        load.start(parser.value(benchOpt), {QStringLiteral("--port"),
                                            QString::number(server.port()),
                                            QStringLiteral("--key"),
                                            QString::fromLatin1(key),
                                            QStringLiteral("--phases"),
                                            QStringLiteral("c"),
                                            QStringLiteral("--rate"),
                                            QString::number(rate),
                                            QStringLiteral("--duration"),
                                            QString::number(seconds),
                                            QStringLiteral("--warmup"),
                                            QStringLiteral("1"),
                                            QStringLiteral("--producers"),
                                            QStringLiteral("4"),
                                            QStringLiteral("--producer-batch"),
                                            QStringLiteral("50"),
                                            QStringLiteral("--workers"),
                                            QStringLiteral("2"),
                                            QStringLiteral("--drain-timeout"),
                                            QStringLiteral("3")});
        if (!load.waitForStarted(5000)) {
            std::fprintf(stderr, "jobdeck-guibench: cannot start %s\n",
                         qPrintable(parser.value(benchOpt)));
            return 1;
        }
    }

    // Started once the load runs (waiting for its start blocks this thread).
    probe.start();
    const SchedStat schedBefore = guiThreadSchedStat();
    // Time the GUI thread spends applying each refresh (diff, view updates, the detail panel's
    // reload on refreshed()).
    QElapsedTimer applyClock;
    QList<qint64> applyMicros;
    QList<qint64> modelMicros;
    QObject::connect(model, &JobTableModel::refreshAboutToApply, [&] { applyClock.start(); });
    QObject::connect(jobs, &JobsView::refreshed, [&] {
        applyMicros.append(applyClock.nsecsElapsed() / 1000);
        modelMicros.append(model->lastApplyMicros());
    });
    int maxRows = 0;
    QObject::connect(model, &JobTableModel::loaded,
                     [&] { maxRows = qMax(maxRows, model->rowCount()); });

    // Scroll from the top, a page at a time, as a user dragging the scroll bar down would.
    QElapsedTimer scrollClock;
    scrollClock.start();
    qint64 scrollMs = -1;
    const int targetRows = pages * JobTableModel::kPageSize;
    QTimer scroller;
    scroller.setInterval(20);
    QObject::connect(&scroller, &QTimer::timeout, [&] {
        if (model->rowCount() >= targetRows || !model->canFetchMore({})) {
            if (scrollMs < 0 && !model->isLoading()) {
                scrollMs = scrollClock.elapsed();
                table->scrollToTop(); // then watch the live updates at the top
                scroller.stop();
            }
            return;
        }
        table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum());
    });
    scroller.start();

    QEventLoop loop;
    QTimer::singleShot((seconds + (rate > 0 ? 6 : 0)) * 1000, &loop, &QEventLoop::quit);
    if (rate > 0)
        QObject::connect(&load, &QProcess::finished, &loop, &QEventLoop::quit);
    loop.exec();
    probe.stop();
    if (load.state() != QProcess::NotRunning) {
        load.terminate();
        load.waitForFinished(3000);
    }
    const QByteArray loadReport =
        rate > 0 ? load.readAllStandardOutput() + load.readAllStandardError() : QByteArray();

    const SchedStat schedAfter = guiThreadSchedStat();
    const QList<qint64> late = probe.lateMicros();
    const qint64 over50 =
        std::count_if(late.cbegin(), late.cend(), [](qint64 us) { return us > 50'000; });
    std::printf("store %s (%s)\n", qPrintable(settings.dbPath),
                settings.synchronousFull ? "synchronous FULL" : "synchronous NORMAL");
    std::printf("engine open %lld ms; window shown %lld ms; first page on screen %lld ms "
                "(from process start)\n",
                engineOpenMs, windowMs, firstPageMs);
    std::printf("scroll from the top over %d pages (%d rows): %s; most rows loaded %d, at the "
                "end %d\n",
                pages, targetRows,
                scrollMs < 0 ? "did not finish" : qPrintable(QStringLiteral("%1 ms").arg(scrollMs)),
                maxRows, model->rowCount());
    std::printf(
        "refreshes applied %lld: GUI time per refresh p50 %lld us, p99 %lld us, max %lld "
        "us (diff, view, detail reload)\n",
        qint64(applyMicros.size()), percentile(applyMicros, 0.5), percentile(applyMicros, 0.99),
        applyMicros.isEmpty() ? 0 : *std::max_element(applyMicros.cbegin(), applyMicros.cend()));
    std::printf(
        "  of which the model's changes with the table's reactions: p50 %lld us, p99 %lld "
        "us, max %lld us (the rest: scroll restore, detail panel reload)\n",
        percentile(modelMicros, 0.5), percentile(modelMicros, 0.99),
        modelMicros.isEmpty() ? 0 : *std::max_element(modelMicros.cbegin(), modelMicros.cend()));
    std::printf("GUI thread during the load: on CPU %lld ms, runnable but waiting for a CPU %lld "
                "ms (machine load, not this thread's work)\n",
                (schedAfter.runNs - schedBefore.runNs) / 1'000'000,
                (schedAfter.waitNs - schedBefore.waitNs) / 1'000'000);
    std::printf("GUI stall probe (%d ms timer, %lld samples): lateness p50 %lld us, p99 %lld us, "
                "max %lld us; %lld over 50 ms\n",
                kProbeMs, qint64(late.size()), percentile(late, 0.5), percentile(late, 0.99),
                late.isEmpty() ? 0 : *std::max_element(late.cbegin(), late.cend()), qint64(over50));
    std::printf("RSS: peak %lld MiB, now %lld MiB (whole process: engine, HTTP and console)\n",
                procStatusMiB("VmHWM:"), procStatusMiB("VmRSS:"));
    if (rate > 0) {
        std::printf("load: jobdeck-bench --phases c --rate %d --duration %d (its report):\n", rate,
                    seconds);
        for (const QByteArray &line : loadReport.split('\n'))
            if (line.contains("completed") || line.contains("created") ||
                line.contains("backlog") || line.contains("error") || line.contains("non-2xx"))
                std::printf("  %s\n", line.constData());
    }
    window.reset(); // the console's read connections close before the store
    server.stop();
    return 0;
}
