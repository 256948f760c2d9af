// Actions of the jobs view go through the engine as the API's commands: a confirmed cancel
// changes the job as POST /cancel would, a refused action shows the API's error, a declined
// confirmation changes nothing, and Retry is PATCH {"retries": n}.
#include "UiTestKit.h"
#include "models/JobTableModel.h"
#include "models/StoreReader.h"
#include "views/JobsView.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QTableView>
#include <QtTest>

class tst_ui_actions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cancelSelected();
    void declinedChangesNothing();
    void refusedDeleteShowsApiError();
    void retryFailedJob();
    void bulkCancelCountsEachJob();
    void cleanupTestCase();

private:
    void select(const QStringList &keys);
    QJsonObject job(const QString &key)
    {
        return m_kit->api.get(QStringLiteral("/api/v1/jobs/") + key).data();
    }

    std::unique_ptr<UiTestKit> m_kit;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<JobsView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QStringList m_asked;
    bool m_answer = true;
};

void tst_ui_actions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_kit = std::make_unique<UiTestKit>();
    m_reader = std::make_unique<StoreReader>(m_kit->store());
}

void tst_ui_actions::init()
{
    m_view = std::make_unique<JobsView>(*m_reader, m_kit->server.server().engine());
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
    cancel->trigger();
    QCOMPARE(m_asked.size(), 1);
    QVERIFY(m_asked.first().startsWith(QLatin1String("Cancel 1 job")));
    QTRY_VERIFY(m_view->actionMessage().contains(QLatin1String("1 job(s) done")));
    const QJsonObject after = job(key);
    QCOMPARE(after.value(QStringLiteral("status")).toString(), QStringLiteral("CANCELLED"));
    const QJsonArray history = after.value(QStringLiteral("execution_history")).toArray();
    QCOMPARE(history.last().toObject().value(QStringLiteral("action")).toString(),
             QStringLiteral("JOB_CANCELLED"));
    QTRY_COMPARE(m_view->model()
                     ->index(m_view->model()->rowOfKey(key), JobTableModel::State)
                     .data()
                     .toString(),
                 QStringLiteral("CANCELLED"));
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
    m_view->action(JobActions::Kind::Delete)->trigger();
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

QTEST_MAIN(tst_ui_actions)
#include "tst_ui_actions.moc"
