// The Schedules view and its dialog, and limits in the job types view (issue 16): the dialog
// previews the next runs as you type and says what is wrong; the view shows what the API answers,
// in words, and its actions (new, pause, resume, run now, delete) change the store as the API's
// routes do.
#include "IncidentsKit.h"
#include "UiTestKit.h"
#include "backend/EmbeddedBackend.h"
#include "dialogs/ScheduleDialog.h"
#include "models/BackgroundReader.h"
#include "models/OperatorModels.h"
#include "models/OperatorReader.h"
#include "models/ReadOnlyMode.h"
#include "models/SchedulesModel.h"
#include "views/JobTypesView.h"
#include "views/SchedulesView.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTranslator>
#include <QtTest>

class tst_ui_schedules : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dialogPreviewsAndRefuses();
    void viewShowsAndActs();
    void russianWords();
    void jobTypesShowAndEditLimits();
    void cleanupTestCase();

private:
    QJsonObject schedule(const QString &name)
    {
        return m_kit->api.get(QStringLiteral("/api/v1/schedules/") + name).data();
    }
    bool act(SchedulesView &view, QAction *action)
    {
        QSignalSpy done(&view, &SchedulesView::actionFinished);
        action->trigger();
        return done.wait(10'000) && done.first().first().toBool();
    }

    std::unique_ptr<UiTestKit> m_kit;
    std::unique_ptr<BackgroundReader> m_reader;
    QTranslator m_english; // plural forms, as the console installs them
};

void tst_ui_schedules::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_english.load(QStringLiteral(":/i18n/jobdeck_en.qm")));
    QCoreApplication::installTranslator(&m_english);
    m_kit = std::make_unique<UiTestKit>();
    m_reader = std::make_unique<BackgroundReader>(
        OperatorReader::factory(m_kit->store(), m_kit->server.server().engine()));
}

void tst_ui_schedules::cleanupTestCase()
{
    m_reader.reset();
    m_kit.reset();
}

void tst_ui_schedules::dialogPreviewsAndRefuses()
{
    ScheduleDialog dialog(nullptr);
    dialog.nameEdit()->setText(QStringLiteral("nightly"));
    dialog.typeEdit()->setText(QStringLiteral("report"));
    dialog.cronEdit()->setText(QStringLiteral("30 2 * * *"));
    dialog.zoneBox()->setCurrentText(QStringLiteral("Europe/Moscow"));
    QVERIFY2(dialog.isAcceptable(), qPrintable(dialog.problem()));
    const QStringList runs = dialog.preview();
    QCOMPARE(runs.size(), 5);
    for (const QString &run : runs)
        QVERIFY2(run.contains(QStringLiteral("02:30:00")), qPrintable(run));
    QCOMPARE(dialog.change().cron.value_or(QString()), QStringLiteral("30 2 * * *"));
    QCOMPARE(dialog.change().timezone.value_or(QString()), QStringLiteral("Europe/Moscow"));

    // What is wrong, as you type; OK waits.
    dialog.cronEdit()->setText(QStringLiteral("61 2 * * *"));
    QVERIFY(!dialog.isAcceptable());
    QCOMPARE(dialog.problem(), QStringLiteral("Minutes \"61\": 61 is out of range 0-59"));
    QVERIFY(dialog.preview().isEmpty());
    dialog.cronEdit()->setText(QStringLiteral("0 0 30 2 *"));
    QVERIFY2(dialog.problem().contains(QStringLiteral("never")), qPrintable(dialog.problem()));
    dialog.cronEdit()->setText(QStringLiteral("0 2 * * *"));
    dialog.zoneBox()->setCurrentText(QStringLiteral("Mars/Olympus"));
    QVERIFY2(dialog.problem().contains(QStringLiteral("Mars/Olympus")),
             qPrintable(dialog.problem()));

    // Every 15 minutes: five runs 15 minutes apart.
    dialog.kindBox()->setCurrentIndex(1);
    dialog.everyEdit()->setText(QStringLiteral("PT15M"));
    QVERIFY2(dialog.isAcceptable(), qPrintable(dialog.problem()));
    QCOMPARE(dialog.preview().size(), 5);
    QCOMPARE(dialog.change().everyMs.value_or(0), 15 * 60'000);
    QVERIFY(!dialog.change().cron);
    dialog.everyEdit()->setText(QStringLiteral("PT0.5S"));
    QVERIFY(!dialog.isAcceptable());
    dialog.everyEdit()->setText(QStringLiteral("PT1H"));
    dialog.variablesEdit()->setPlainText(QStringLiteral("[1, 2]"));
    QVERIFY2(dialog.problem().contains(QStringLiteral("JSON object")),
             qPrintable(dialog.problem()));
    dialog.variablesEdit()->setPlainText(QStringLiteral("{\"report\": \"daily\"}"));
    QVERIFY(dialog.isAcceptable());
    dialog.typeEdit()->setText(QStringLiteral("bad type!"));
    QVERIFY2(dialog.problem().startsWith(QStringLiteral("Job type")), qPrintable(dialog.problem()));
}

void tst_ui_schedules::viewShowsAndActs()
{
    QCOMPARE(m_kit->api
                 .post(QStringLiteral("/api/v1/schedules"),
                       {{QStringLiteral("name"), QStringLiteral("nightly")},
                        {QStringLiteral("type"), QStringLiteral("report")},
                        {QStringLiteral("cron"), QStringLiteral("0 2 * * *")},
                        {QStringLiteral("timezone"), QStringLiteral("Europe/Moscow")}})
                 .status,
             201);
    ReadOnlyMode mode;
    EmbeddedBackend backend(m_kit->server.server().engine(), m_kit->store());
    SchedulesView view(*m_reader, &backend, &mode);
    load(view);
    SchedulesModel *model = view.model();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, SchedulesModel::When).data().toString(),
             QStringLiteral("Every day at 02:00"));
    QCOMPARE(model->index(0, SchedulesModel::TimeZone).data().toString(),
             QStringLiteral("Europe/Moscow"));
    QCOMPARE(model->index(0, SchedulesModel::Status).data().toString(), QStringLiteral("Active"));
    QVERIFY(!model->index(0, SchedulesModel::NextRun).data().toString().isEmpty());
    QVERIFY(!view.pauseAction()->isEnabled()); // nothing selected
    view.table()->selectRow(0);
    QVERIFY(view.pauseAction()->isEnabled());

    QVERIFY(act(view, view.pauseAction()));
    QCOMPARE(schedule(QStringLiteral("nightly")).value(QStringLiteral("paused")).toBool(), true);
    load(view);
    QCOMPARE(model->index(0, SchedulesModel::Status).data().toString(), QStringLiteral("Paused"));
    QVERIFY(model->index(0, SchedulesModel::NextRun).data().toString().isEmpty());

    QVERIFY(act(view, view.runAction()));
    const QString lastJob =
        schedule(QStringLiteral("nightly")).value(QStringLiteral("last_job_key")).toString();
    QVERIFY(!lastJob.isEmpty());
    load(view);
    QCOMPARE(model->index(0, SchedulesModel::LastJob).data().toString(), lastJob);
    QCOMPARE(model->jobsAt(model->index(0, 0)).jobKey, lastJob);

    QVERIFY(act(view, view.resumeAction()));
    QCOMPARE(schedule(QStringLiteral("nightly")).value(QStringLiteral("paused")).toBool(), false);

    // New… through the dialog's answer.
    view.setAsk([](const ScheduleRecord *existing, QString *name, ScheduleChange *change) {
        if (existing)
            return false;
        *name = QStringLiteral("quarterly");
        change->type = QStringLiteral("sync");
        change->everyMs = 15 * 60'000;
        change->variables = QByteArrayLiteral("{}");
        change->customHeaders = QByteArrayLiteral("{}");
        return true;
    });
    QVERIFY(act(view, view.newAction()));
    QCOMPARE(schedule(QStringLiteral("quarterly")).value(QStringLiteral("every")).toString(),
             QStringLiteral("PT15M"));
    load(view);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(model->rowOfKey(QStringLiteral("quarterly")), SchedulesModel::When)
                 .data()
                 .toString(),
             QStringLiteral("Every 15 minutes"));

    // Delete… asks first; its job stays.
    view.table()->selectRow(model->rowOfKey(QStringLiteral("nightly")));
    QString asked;
    view.setConfirm([&](const QString &text) {
        asked = text;
        return true;
    });
    QVERIFY(act(view, view.deleteAction()));
    QVERIFY(asked.contains(QStringLiteral("nightly")));
    QCOMPARE(m_kit->api.get(QStringLiteral("/api/v1/schedules/nightly")).status, 404);
    QCOMPARE(m_kit->api.get(QStringLiteral("/api/v1/jobs/") + lastJob).status, 200);

    // Read-only: nothing changes.
    mode.setOn(true);
    view.table()->selectRow(0);
    for (QAction *a : {view.newAction(), view.pauseAction(), view.runAction(), view.deleteAction()})
        QVERIFY(!a->isEnabled());
}

void tst_ui_schedules::russianWords()
{
    QTranslator russian;
    QVERIFY(russian.load(QStringLiteral(":/i18n/jobdeck_ru.qm")));
    QCoreApplication::installTranslator(&russian);
    ScheduleRecord s;
    s.everyMs = 15 * 60'000;
    QCOMPARE(SchedulesModel::describe(s), QStringLiteral("Каждые 15 минут"));
    s.everyMs = 3'600'000;
    QCOMPARE(SchedulesModel::describe(s), QStringLiteral("Каждый 1 час"));
    s.cron = QStringLiteral("0 2 * * *");
    QCOMPARE(SchedulesModel::describe(s), QStringLiteral("Каждый день в 02:00"));
    QCOMPARE(SchedulesModel().headerData(SchedulesModel::NextRun, Qt::Horizontal).toString(),
             QStringLiteral("Следующий запуск"));
    // The dialog says what is wrong in Russian too (the API keeps its English).
    ScheduleDialog dialog(nullptr);
    dialog.cronEdit()->setText(QStringLiteral("0 25 * * *"));
    QCOMPARE(dialog.problem(), QStringLiteral("Часы «25»: 25 вне диапазона 0-23"));
    dialog.cronEdit()->setText(QStringLiteral("0 2 * *"));
    QCOMPARE(dialog.problem(), QStringLiteral("В выражении cron 5 полей (минута, час, день "
                                              "месяца, месяц, день недели) или 6, первое — "
                                              "секунды; здесь 4"));
    QCoreApplication::removeTranslator(&russian);
}

// The job types view shows each type's limits with their use, and Limits… changes them as
// PUT /job-types/:type/limits does.
void tst_ui_schedules::jobTypesShowAndEditLimits()
{
    QCOMPARE(m_kit->api
                 .put(QStringLiteral("/api/v1/job-types/capped/limits"),
                      {{QStringLiteral("max_active"), 2}})
                 .status,
             200);
    for (int i = 0; i < 3; ++i)
        QVERIFY(!m_kit->create(QStringLiteral("capped")).isEmpty());
    QCOMPARE(m_kit->api.activate(QStringLiteral("capped"), QStringLiteral("w1"), 5)
                 .value(QStringLiteral("jobs"))
                 .toArray()
                 .size(),
             2);
    ReadOnlyMode mode;
    EmbeddedBackend backend(m_kit->server.server().engine(), m_kit->store());
    JobTypesView view(*m_reader, &backend, &mode);
    load(view);
    JobTypesModel *model = view.model();
    const int row = model->rowOfKey(QStringLiteral("capped"));
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row, JobTypesModel::Limits).data().toString(),
             QStringLiteral("2 of 2 active"));

    TypeLimit shown;
    view.setAskLimits([&](const QString &, const TypeLimit &current, TypeLimitChange *change) {
        shown = current;
        change->maxActive = 3;
        change->rate = std::pair<int, qint64>(10, 60'000);
        return true;
    });
    view.table()->selectRow(row);
    QSignalSpy done(&view, &JobTypesView::actionFinished);
    view.limitsAction()->trigger();
    QVERIFY(done.wait(10'000) && done.first().first().toBool());
    QCOMPARE(shown.maxActive, std::optional<int>(2));
    const QJsonObject limits = [&] {
        for (const QJsonValue &t : m_kit->api.get(QStringLiteral("/api/v1/job-types"))
                                       .data()
                                       .value(QStringLiteral("job_types"))
                                       .toArray())
            if (t[QStringLiteral("type")].toString() == QStringLiteral("capped"))
                return t[QStringLiteral("limits")].toObject();
        return QJsonObject();
    }();
    QCOMPARE(limits.value(QStringLiteral("max_active")).toInt(), 3);
    QCOMPARE(limits.value(QStringLiteral("rate")).toObject(),
             (QJsonObject{{QStringLiteral("limit"), 10},
                          {QStringLiteral("per"), QStringLiteral("PT1M")}}));
    load(view);
    QCOMPARE(model->index(row, JobTypesModel::Limits).data().toString(),
             QStringLiteral("2 of 3 active · 0 of 10 per 1 min"));
    // The raised limit let the waiting job go at the next activation.
    QCOMPARE(m_kit->api.activate(QStringLiteral("capped"), QStringLiteral("w1"), 5)
                 .value(QStringLiteral("jobs"))
                 .toArray()
                 .size(),
             1);
}

QTEST_MAIN(tst_ui_schedules)
#include "tst_ui_schedules.moc"
