// Actions of the jobs view go through the engine as the API's commands: a confirmed cancel
// changes the job as POST /cancel would, a refused action shows the API's error, a declined
// confirmation changes nothing, and Retry is PATCH {"retries": n}.
#include "UiTestKit.h"
#include "actions/BulkOperationWatcher.h"
#include "actions/ReplayDialog.h"
#include "backend/EmbeddedBackend.h"
#include "models/JobTableModel.h"
#include "models/StoreReader.h"
#include "views/FilterBar.h"
#include "views/JobsView.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

class tst_ui_actions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cancelSelected();
    void anActionRefreshesTheListOnce();
    void declinedChangesNothing();
    void refusedDeleteShowsApiError();
    void retryFailedJob();
    void bulkCancelCountsEachJob();
    void priorityAndTimeoutArePatch();
    void finishedJobRefusesPatch();
    void timeoutAndPriorityStartAtTheJobsValues();
    void actionsFollowTheSelectedStates();
    void replayWithEditedVariables();
    void replayOfCompletedJobStartsFromInput();
    void replayRefusedWhileWaiting();
    void replayDialogValidates_data();
    void replayDialogValidates();
    void bulkOnEverythingMatching();
    void bulkStopsWhenCancelled();
    void cleanupTestCase();

private:
    void select(const QStringList &keys);
    QJsonObject job(const QString &key)
    {
        return m_kit->api.get(QStringLiteral("/api/v1/jobs/") + key).data();
    }

    QString completeOne(const QString &type);
    QStringList createMany(const QString &type, int count);
    void filterBy(const QString &type, const QStringList &states);

    std::unique_ptr<UiTestKit> m_kit;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<EmbeddedBackend> m_backend;
    std::unique_ptr<JobsView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QStringList m_asked;
    bool m_answer = true;
};

void tst_ui_actions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_kit = std::make_unique<UiTestKit>();
    // Bulk operations in small, spaced steps: one over a few thousand jobs runs long enough for
    // the console to watch it and stop it.
    m_kit->server.settings().bulkStepJobs = 50;
    m_kit->server.settings().bulkBusyPercent = 10;
    m_kit->server.restart();
    m_reader = std::make_unique<StoreReader>(m_kit->store());
}

void tst_ui_actions::init()
{
    m_backend = std::make_unique<EmbeddedBackend>(m_kit->server.server().engine(), m_kit->store());
    m_view = std::make_unique<JobsView>(m_backend.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_asked.clear();
    m_answer = true;
    m_view->setConfirm([this](JobActions::Kind, const QString &text, JobActions::Input *) {
        m_asked.append(text);
        return m_answer;
    });
}

void tst_ui_actions::cleanup()
{
    m_tester.reset();
    m_view.reset();
}

void tst_ui_actions::cleanupTestCase()
{
    m_reader.reset();
    m_kit.reset();
}

void tst_ui_actions::select(const QStringList &keys)
{
    m_view->refresh(); // applied later: the rows are read on the loader thread
    for (const QString &key : keys)
        QTRY_VERIFY2(m_view->model()->rowOfKey(key) >= 0, qPrintable(key));
    QItemSelectionModel *selection = m_view->table()->selectionModel();
    selection->clearSelection();
    for (const QString &key : keys) {
        const int row = m_view->model()->rowOfKey(key);
        QVERIFY2(row >= 0, qPrintable(key));
        selection->select(m_view->model()->index(row, 0),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QCOMPARE(m_view->selectedKeys().size(), keys.size());
}

void tst_ui_actions::cancelSelected()
{
    const QString key = m_kit->create(QStringLiteral("mail"));
    select({key});
    QAction *cancel = m_view->action(JobActions::Kind::Cancel);
    QVERIFY(cancel->isEnabled());
    m_view->setConfirm([this](JobActions::Kind, const QString &text, JobActions::Input *input) {
        m_asked.append(text);
        input->reason = QStringLiteral("duplicate order"); // the dialog's reason field
        return true;
    });
    cancel->trigger();
    QCOMPARE(m_asked.size(), 1);
    QVERIFY(m_asked.first().startsWith(QLatin1String("Cancel 1 job")));
    QTRY_VERIFY(m_view->actionMessage().contains(QLatin1String("1 job(s) done")));
    const QJsonObject after = job(key);
    QCOMPARE(after.value(QStringLiteral("status")).toString(), QStringLiteral("CANCELLED"));
    const QJsonArray history = after.value(QStringLiteral("execution_history")).toArray();
    QCOMPARE(history.last().toObject().value(QStringLiteral("action")).toString(),
             QStringLiteral("JOB_CANCELLED"));
    // The reason is in the history, as the API's {"reason": ...} puts it.
    QVERIFY2(QJsonDocument(history.last().toObject()).toJson().contains("duplicate order"),
             QJsonDocument(history.last().toObject()).toJson().constData());
    QTRY_COMPARE(m_view->model()
                     ->index(m_view->model()->rowOfKey(key), JobTableModel::State)
                     .data()
                     .toString(),
                 QStringLiteral("CANCELLED"));
    // The status line spoke of the jobs of this filter: a new filter clears it.
    QVERIFY(!m_view->actionMessage().isEmpty());
    filterBy(QStringLiteral("another-type"), {});
    QVERIFY(m_view->actionMessage().isEmpty());
}

// The action's answer refreshes the list at once; the commit that carried it does not read it a
// second time (issue 13: it used to, 0.5 s later).
void tst_ui_actions::anActionRefreshesTheListOnce()
{
    const QString key = m_kit->create(QStringLiteral("mail"));
    select({key});
    QTest::qWait(1000); // the create's commit and the selection's refresh have been read
    QSignalSpy refreshed(m_view.get(), &JobsView::refreshed);
    m_view->action(JobActions::Kind::Cancel)->trigger();
    QTRY_VERIFY(m_view->actionMessage().contains(QLatin1String("1 job(s) done")));
    QTRY_COMPARE(refreshed.count(), 1);
    QTest::qWait(1500); // longer than the view's coalescing of commits
    QCOMPARE(refreshed.count(), 1);
}

void tst_ui_actions::declinedChangesNothing()
{
    const QString key = m_kit->create(QStringLiteral("mail"));
    select({key});
    m_answer = false;
    m_view->trigger(JobActions::Kind::Delete);
    QCOMPARE(m_asked.size(), 1);
    QVERIFY(!m_view->actions()->isBusy());
    QCOMPARE(job(key).value(QStringLiteral("status")).toString(), QStringLiteral("CREATED"));
}

void tst_ui_actions::refusedDeleteShowsApiError()
{
    const QString key = m_kit->create(QStringLiteral("busy"));
    QCOMPARE(m_kit->api.activate(QStringLiteral("busy"), QStringLiteral("w9"), 1)
                 .value(QStringLiteral("jobs"))
                 .toArray()
                 .size(),
             1);
    // What the API answers to the same request (refused: nothing changes).
    const ApiClient::Response api = m_kit->api.del(QStringLiteral("/api/v1/jobs/") + key);
    QCOMPARE(api.status, 409);
    const QString message = api.error().value(QStringLiteral("message")).toString();
    QVERIFY(!message.isEmpty());

    select({key});
    // The list shows it ACTIVE: Delete is not offered...
    QTRY_VERIFY(!m_view->action(JobActions::Kind::Delete)->isEnabled());
    // ...but a list a moment behind the store would offer it: the engine refuses, and says so.
    m_view->trigger(JobActions::Kind::Delete);
    QTRY_VERIFY(m_view->actionMessage().contains(QLatin1String("1 refused")));
    QVERIFY2(m_view->actionMessage().contains(key + QStringLiteral(": ") + message),
             qPrintable(m_view->actionMessage()));
    QCOMPARE(job(key).value(QStringLiteral("status")).toString(), QStringLiteral("ACTIVE"));
}

void tst_ui_actions::retryFailedJob()
{
    const QString key = m_kit->create(QStringLiteral("pay"), {}, 0);
    QCOMPARE(m_kit->failOne(QStringLiteral("pay"), QStringLiteral("declined")), key);
    QCOMPARE(job(key).value(QStringLiteral("status")).toString(), QStringLiteral("FAILED"));
    select({key});
    m_view->setConfirm([](JobActions::Kind kind, const QString &, JobActions::Input *input) {
        if (kind == JobActions::Kind::Retry)
            input->retries = 2;
        return true;
    });
    m_view->trigger(JobActions::Kind::Retry);
    QTRY_VERIFY(m_view->actionMessage().contains(QLatin1String("1 job(s) done")));
    const QJsonObject after = job(key);
    QVERIFY(after.value(QStringLiteral("status")).toString() != QLatin1String("FAILED"));
    QCOMPARE(after.value(QStringLiteral("retry_configuration"))
                 .toObject()
                 .value(QStringLiteral("retries"))
                 .toInt(),
             2);
}

void tst_ui_actions::bulkCancelCountsEachJob()
{
    const QString a = m_kit->create(QStringLiteral("bulk"));
    const QString b = m_kit->create(QStringLiteral("bulk"));
    QVERIFY(m_kit->api.post(QStringLiteral("/api/v1/jobs/%1/cancel").arg(b), {}).status == 200);
    select({a, b});
    m_view->trigger(JobActions::Kind::Cancel);
    QVERIFY(m_asked.last().startsWith(QLatin1String("Cancel 2 job")));
    QTRY_VERIFY(m_view->actionMessage().contains(QLatin1String("1 job(s) done")));
    QVERIFY(m_view->actionMessage().contains(QLatin1String("1 refused")));
    QVERIFY(m_view->actionMessage().contains(b));
    QCOMPARE(job(a).value(QStringLiteral("status")).toString(), QStringLiteral("CANCELLED"));
}

QString tst_ui_actions::completeOne(const QString &type)
{
    const QJsonArray jobs =
        m_kit->api.activate(type, QStringLiteral("w1"), 1).value(QStringLiteral("jobs")).toArray();
    if (jobs.isEmpty())
        return {};
    const QString key = jobs.first().toObject().value(QStringLiteral("key")).toString();
    if (m_kit->api.put(QStringLiteral("/api/v1/jobs/%1/complete").arg(key), {}).status != 200)
        return {};
    return key;
}

QStringList tst_ui_actions::createMany(const QString &type, int count)
{
    QJsonArray batch;
    for (int i = 0; i < count; ++i)
        batch.append(
            QJsonObject{{QStringLiteral("type"), type},
                        {QStringLiteral("variables"), QJsonObject{{QStringLiteral("i"), i}}}});
    const ApiClient::Response r =
        m_kit->api.post(QStringLiteral("/api/v1/jobs/batch"), {{QStringLiteral("jobs"), batch}});
    QStringList keys;
    for (const QJsonValue &job : r.data().value(QStringLiteral("jobs")).toArray())
        keys.append(job.toObject().value(QStringLiteral("job_key")).toString());
    return keys;
}

void tst_ui_actions::filterBy(const QString &type, const QStringList &states)
{
    m_view->filterBar()->setType(type);
    m_view->filterBar()->setStates(states);
}

// Priority and timeout go through PATCH's own command: the job changes as PATCH would change
// it, with the same history events.
void tst_ui_actions::priorityAndTimeoutArePatch()
{
    const QString key = m_kit->create(QStringLiteral("patchme"));
    select({key});
    QStringList kinds;
    m_view->setConfirm(
        [&kinds](JobActions::Kind kind, const QString &text, JobActions::Input *input) {
            kinds.append(text);
            input->priority = 42;
            input->timeoutMs = 90'000;
            return kind == JobActions::Kind::Priority || kind == JobActions::Kind::Timeout;
        });
    m_view->trigger(JobActions::Kind::Priority);
    QTRY_VERIFY(m_view->actionMessage().startsWith(QLatin1String("Priority: 1 job(s) done")));
    m_view->trigger(JobActions::Kind::Timeout);
    QTRY_VERIFY(m_view->actionMessage().startsWith(QLatin1String("Timeout: 1 job(s) done")));
    QVERIFY(kinds.first().startsWith(QLatin1String("Set the priority of 1 job")));
    // The value is in the dialog's field, which the user edits: the question states none
    // (it said "to 0" beside a field holding 42).
    for (const QString &question : std::as_const(kinds))
        QVERIFY2(!question.contains(QLatin1String("42")) &&
                     !question.contains(QLatin1String("120")) &&
                     !question.contains(QLatin1String(" to 0")),
                 qPrintable(question));
    const QJsonObject after = job(key);
    QCOMPARE(after.value(QStringLiteral("priority")).toInt(), 42);
    QCOMPARE(after.value(QStringLiteral("timeout_ms")).toInteger(), 90'000);
    QStringList actions;
    for (const QJsonValue &e : after.value(QStringLiteral("execution_history")).toArray())
        actions.append(e.toObject().value(QStringLiteral("action")).toString());
    QVERIFY(actions.contains(QStringLiteral("JOB_TIMEOUT_UPDATED")));
    QCOMPARE(after.value(QStringLiteral("status")).toString(), QStringLiteral("CREATED"));
}

// One job: the Timeout and Priority fields start at its own values, so that Enter changes nothing.
void tst_ui_actions::timeoutAndPriorityStartAtTheJobsValues()
{
    const QString key = m_kit->api.createJob({{QStringLiteral("type"), QStringLiteral("longjob")},
                                              {QStringLiteral("variables"), QJsonObject{}},
                                              {QStringLiteral("timeout"), QStringLiteral("PT30M")},
                                              {QStringLiteral("priority"), 7}});
    QVERIFY(!key.isEmpty());
    select({key});
    qint64 timeoutShown = 0;
    int priorityShown = 0;
    m_view->setConfirm([&](JobActions::Kind kind, const QString &, JobActions::Input *input) {
        if (kind == JobActions::Kind::Timeout)
            timeoutShown = input->timeoutMs;
        if (kind == JobActions::Kind::Priority)
            priorityShown = input->priority;
        return false;
    });
    // The dialog starts once the job is read (on the loader thread).
    m_view->trigger(JobActions::Kind::Timeout);
    QTRY_COMPARE(timeoutShown, 30 * 60'000);
    QTRY_VERIFY(!m_view->controller()->isBusy());
    m_view->trigger(JobActions::Kind::Priority);
    QTRY_COMPARE(priorityShown, 7);
}

// A completed job: PATCH priority is refused by the API; the console shows the same refusal.
void tst_ui_actions::finishedJobRefusesPatch()
{
    const QString key = m_kit->create(QStringLiteral("donejob"));
    QCOMPARE(completeOne(QStringLiteral("donejob")), key);
    const ApiClient::Response api =
        m_kit->api.patch(QStringLiteral("/api/v1/jobs/") + key, {{QStringLiteral("priority"), 5}});
    QCOMPARE(api.status, 409);
    const QString message = api.error().value(QStringLiteral("message")).toString();
    select({key});
    m_view->setConfirm([](JobActions::Kind, const QString &, JobActions::Input *input) {
        input->priority = 5;
        return true;
    });
    m_view->trigger(JobActions::Kind::Priority);
    QTRY_VERIFY(m_view->actionMessage().contains(QLatin1String("1 refused")));
    QVERIFY2(m_view->actionMessage().contains(key + QStringLiteral(": ") + message),
             qPrintable(m_view->actionMessage()));
    QCOMPARE(job(key).value(QStringLiteral("priority")).toInt(), 0);
}

// The toolbar offers what the selected jobs' states allow, nothing with nothing selected, and
// "All matching" is disabled in read-only mode like its menu.
void tst_ui_actions::actionsFollowTheSelectedStates()
{
    const auto enabled = [this](JobActions::Kind kind) {
        return m_view->action(kind)->isEnabled();
    };
    const QString waiting = m_kit->create(QStringLiteral("statejob"));
    const QString done = m_kit->create(QStringLiteral("statedone"));
    QCOMPARE(completeOne(QStringLiteral("statedone")), done);
    m_view->refresh();
    QTRY_VERIFY(m_view->model()->rowOfKey(done) >= 0);
    m_view->table()->clearSelection();
    for (JobActions::Kind kind : {JobActions::Kind::Cancel, JobActions::Kind::Delete,
                                  JobActions::Kind::Retry, JobActions::Kind::Replay})
        QTRY_VERIFY(!enabled(kind));
    select({done}); // COMPLETED
    QTRY_VERIFY(!enabled(JobActions::Kind::Cancel));
    QTRY_VERIFY(!enabled(JobActions::Kind::Priority));
    QTRY_VERIFY(!enabled(JobActions::Kind::Retry));
    QTRY_VERIFY(enabled(JobActions::Kind::Delete));
    QTRY_VERIFY(enabled(JobActions::Kind::Replay));
    select({waiting}); // CREATED
    QTRY_VERIFY(enabled(JobActions::Kind::Cancel));
    QTRY_VERIFY(enabled(JobActions::Kind::Priority));
    QTRY_VERIFY(!enabled(JobActions::Kind::Replay));
    select({waiting, done}); // either allows it: the other is refused and listed
    QTRY_VERIFY(enabled(JobActions::Kind::Cancel));
    auto *matching = m_view->findChild<QToolButton *>(QStringLiteral("matchingButton"));
    QVERIFY(matching && matching->isEnabled());
    m_view->setReadOnly(true);
    QVERIFY(!matching->isEnabled());
    QTRY_VERIFY(!enabled(JobActions::Kind::Cancel));
    m_view->setReadOnly(false);
    QVERIFY(matching->isEnabled());
}

// Replay of a failed job with edited variables: a new job of the same type, linked to the old
// one both ways (parent_job_key; the old job's follow_up_jobs and JOB_REPLAYED event).
void tst_ui_actions::replayWithEditedVariables()
{
    const QString old = m_kit->create(
        QStringLiteral("replayme"),
        {{QStringLiteral("amount"), 10}, {QStringLiteral("to"), QStringLiteral("a")}}, 0);
    QCOMPARE(m_kit->failOne(QStringLiteral("replayme"), QStringLiteral("bad amount")), old);
    select({old});
    QTRY_VERIFY(m_view->action(JobActions::Kind::Replay)->isEnabled()); // one FAILED job
    QJsonObject shown;
    m_view->setConfirm([&shown](JobActions::Kind kind, const QString &, JobActions::Input *input) {
        if (kind != JobActions::Kind::Replay)
            return false;
        shown = input->variables; // the old job's variables, to edit
        input->variables.insert(QStringLiteral("amount"), 12);
        return true;
    });
    QSignalSpy created(m_view->actions(), &JobActions::jobCreated);
    m_view->trigger(JobActions::Kind::Replay);
    QTRY_COMPARE(created.size(), 1);
    QCOMPARE(shown.value(QStringLiteral("amount")).toInt(), 10);
    const QString fresh = created.first().first().toString();
    QVERIFY(!fresh.isEmpty() && fresh != old);
    const QJsonObject replay = job(fresh);
    QCOMPARE(replay.value(QStringLiteral("status")).toString(), QStringLiteral("CREATED"));
    QCOMPARE(replay.value(QStringLiteral("type")).toString(), QStringLiteral("replayme"));
    QCOMPARE(replay.value(QStringLiteral("parent_job_key")).toString(), old);
    QCOMPARE(
        replay.value(QStringLiteral("variables")).toObject(),
        (QJsonObject{{QStringLiteral("amount"), 12}, {QStringLiteral("to"), QStringLiteral("a")}}));
    const QJsonObject before = job(old);
    QCOMPARE(before.value(QStringLiteral("status")).toString(), QStringLiteral("FAILED"));
    QCOMPARE(before.value(QStringLiteral("follow_up_jobs")).toArray(), QJsonArray{fresh});
    QCOMPARE(before.value(QStringLiteral("execution_history"))
                 .toArray()
                 .last()
                 .toObject()
                 .value(QStringLiteral("action"))
                 .toString(),
             QStringLiteral("JOB_REPLAYED"));
    QTRY_VERIFY(m_view->model()->rowOfKey(fresh) >= 0); // the new job shows up live
}

// A completed job's variables hold its result merged in: Replay starts from what it ran with
// (keys the result replaced or removed are back, keys it added are not), names the new job and
// selects it.
void tst_ui_actions::replayOfCompletedJobStartsFromInput()
{
    const QJsonObject input{{QStringLiteral("order"), 7},
                            {QStringLiteral("status"), QStringLiteral("new")},
                            {QStringLiteral("scratch"), true}};
    const QJsonObject result{{QStringLiteral("status"), QStringLiteral("shipped")},
                             {QStringLiteral("scratch"), QJsonValue::Null},
                             {QStringLiteral("tracking"), QStringLiteral("T-1")}};
    const QString old = m_kit->completeNew(QStringLiteral("replay-done"), input, result);
    QVERIFY(!old.isEmpty());
    QCOMPARE(job(old).value(QStringLiteral("variables")).toObject(),
             (QJsonObject{{QStringLiteral("order"), 7},
                          {QStringLiteral("status"), QStringLiteral("shipped")},
                          {QStringLiteral("tracking"), QStringLiteral("T-1")}}));
    select({old});
    QTRY_VERIFY(m_view->action(JobActions::Kind::Replay)->isEnabled());
    QJsonObject shown;
    m_view->setConfirm([&shown](JobActions::Kind, const QString &, JobActions::Input *input) {
        shown = input->variables;
        return true;
    });
    QSignalSpy created(m_view->actions(), &JobActions::jobCreated);
    m_view->trigger(JobActions::Kind::Replay);
    QTRY_COMPARE(created.size(), 1);
    QCOMPARE(shown, input);
    const QString fresh = created.first().first().toString();
    QCOMPARE(job(fresh).value(QStringLiteral("variables")).toObject(), input);
    QTRY_VERIFY(m_view->actionMessage().contains(fresh));
    QTRY_COMPARE(m_view->selectedKeys(), QStringList{fresh}); // listed, then selected
    QCOMPARE(m_view->inspectedKey(), fresh);
}

void tst_ui_actions::replayRefusedWhileWaiting()
{
    const QString key = m_kit->create(QStringLiteral("notyet"));
    select({key});
    m_view->trigger(JobActions::Kind::Replay);
    QTRY_VERIFY(m_view->actionMessage().contains(QLatin1String("1 refused")));
    QVERIFY2(m_view->actionMessage().contains(QLatin1String("Only a finished job can be replayed")),
             qPrintable(m_view->actionMessage()));
    QVERIFY(job(key).value(QStringLiteral("follow_up_jobs")).toArray().isEmpty());
}

void tst_ui_actions::replayDialogValidates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addRow("object") << QStringLiteral("{\"a\": [1, 2], \"b\": null}") << true;
    QTest::addRow("empty object") << QStringLiteral("{}") << true;
    QTest::addRow("array") << QStringLiteral("[1]") << false;
    QTest::addRow("broken") << QStringLiteral("{\"a\": ") << false;
    QTest::addRow("too large")
        << QStringLiteral("{\"a\": \"%1\"}").arg(QString(1024 * 1024, QLatin1Char('x'))) << false;
}

void tst_ui_actions::replayDialogValidates()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QJsonObject out;
    QCOMPARE(ReplayDialog::parse(text, &out).isEmpty(), ok);
    ReplayDialog dialog(QStringLiteral("k"), QStringLiteral("?"), {});
    dialog.editor()->setPlainText(text);
    dialog.accept(); // refused (stays open) unless the text is acceptable
    QCOMPARE(dialog.result() == QDialog::Accepted, ok);
}

// Everything matching the filter is a bulk operation of the server: each job changes as the
// API's cancel would change it, the ones the API refuses are counted with its message, and the
// operation is there for every API client to read.
void tst_ui_actions::bulkOnEverythingMatching()
{
    const QStringList keys = createMany(QStringLiteral("mass"), 450);
    QCOMPARE(keys.size(), 450);
    QVERIFY(!completeOne(QStringLiteral("mass")).isEmpty()); // one finished: cancel is refused
    filterBy(QStringLiteral("mass"), {});
    BulkOperationWatcher *operation = m_view->controller()->operation();
    QSignalSpy progress(operation, &BulkOperationWatcher::progress);
    QSignalSpy finished(operation, &BulkOperationWatcher::finished);
    m_view->controller()->triggerOnFilter(JobActions::Kind::Cancel);
    // Paced to a quarter of the engine's time: three steps take seconds on a loaded machine.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
    QCOMPARE(m_asked.size(), 1);
    QVERIFY2(m_asked.first().contains(QLatin1String("filter: 450 job(s)")),
             qPrintable(m_asked.first()));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(finished.first().at(1).toInt(), 449); // succeeded
    QCOMPARE(finished.first().at(2).toInt(), 1);   // refused: the completed one
    QCOMPARE(m_kit->apiKeys(QStringLiteral("type=mass&state=cancelled")).size(), 449);
    QVERIFY(m_view->actionMessage().contains(QLatin1String("449 job(s) done")));
    QVERIFY(m_view->actionMessage().contains(QLatin1String("1 refused")));
    QVERIFY2(m_view->actionMessage().contains(QLatin1String("Cannot cancel job with status")),
             qPrintable(m_view->actionMessage()));

    const QJsonObject o =
        m_kit->api.get(QStringLiteral("/api/v1/bulk-operations/") + operation->operationKey())
            .data();
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETED"));
    QCOMPARE(o.value(QStringLiteral("created_by")).toString(), QStringLiteral("console"));
    QCOMPARE(o.value(QStringLiteral("filter")).toObject(),
             (QJsonObject{{QStringLiteral("type"), QStringLiteral("mass")}}));
    QCOMPARE(o.value(QStringLiteral("matched")).toInt(), 450);
    QCOMPARE(o.value(QStringLiteral("succeeded")).toInt(), 449);
}

// Stop in the progress dialog stops the server's operation: what was done stays done, no job
// is touched after it.
void tst_ui_actions::bulkStopsWhenCancelled()
{
    QCOMPARE(createMany(QStringLiteral("mass2"), 1000).size(), 1000);
    QCOMPARE(createMany(QStringLiteral("mass2"), 1000).size(), 1000);
    filterBy(QStringLiteral("mass2"), {QStringLiteral("pending")});
    BulkOperationWatcher *operation = m_view->controller()->operation();
    const auto stopOnce =
        connect(operation, &BulkOperationWatcher::progress, operation, [operation](int done) {
            if (done > 0)
                operation->stop(); // "Stop" once the first step is done
        });
    QSignalSpy finished(operation, &BulkOperationWatcher::finished);
    m_view->controller()->triggerOnFilter(JobActions::Kind::Delete);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
    disconnect(stopOnce);
    const int deleted = finished.first().at(1).toInt();
    QCOMPARE(finished.first().at(4).toBool(), true); // cancelled
    QVERIFY2(deleted > 0 && deleted < 2000, qPrintable(QString::number(deleted)));
    QTest::qWait(3 * BulkOperationWatcher::kPollMs);
    QCOMPARE(m_kit->apiKeys(QStringLiteral("type=mass2")).size(), 2000 - deleted);
    QVERIFY(m_view->actionMessage().contains(QLatin1String("Stopped before the end")));
    const QJsonObject o =
        m_kit->api.get(QStringLiteral("/api/v1/bulk-operations/") + operation->operationKey())
            .data();
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("CANCELLED"));
    QCOMPARE(o.value(QStringLiteral("stopped_by")).toString(), QStringLiteral("console"));
}

QTEST_MAIN(tst_ui_actions)
#include "tst_ui_actions.moc"
