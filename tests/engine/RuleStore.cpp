#include "RuleStore.h"

#include "TestStore.h"
#include "store/Schema.h"

#include <QSqlError>

#include <atomic>

RuleStore::RuleStore()
{
    static std::atomic<int> counter{0};
    m_connection = QStringLiteral("rule-store-%1").arg(counter.fetch_add(1));
    StoreOptions options;
    if (TestStore::usePostgres()) {
        m_pgUrl = TestStore::createDatabase();
        options.path = m_pgUrl;
    } else {
        options.path = m_dir.filePath(QStringLiteral("jobs.db"));
    }
    m_options = options;
    QSqlDatabase db = Database::open(m_connection, options);
    Schema::migrate(db);
    m_store = std::make_unique<JobStore>(db);
    int slot = -1;
    if (m_store->dialect().isPostgres()) {
        // As Engine::open: a node of its own, its shard for counter rows, writes held back.
        m_cluster = std::make_unique<ClusterNode>(options, QStringLiteral("rules"));
        m_cluster->open(m_now);
        slot = m_cluster->slot();
        Database::exec(db, QStringLiteral("SET jobdeck.shard = '%1'").arg(slot));
        m_store->setLockingReads(true);
        m_store->setWriteBehind(true);
    }
    m_keys = std::make_unique<KeyGenerator>(QStringLiteral("t"), 0, slot);
}

RuleStore::~RuleStore()
{
    m_store.reset();
    m_cluster.reset();
    Database::close(m_connection);
    if (!m_pgUrl.isEmpty())
        TestStore::dropDatabase(m_pgUrl);
}

void RuleStore::begin()
{
    if (!m_store->database().transaction())
        throw StoreError(m_store->database().lastError().text());
}

void RuleStore::commit(Txn &txn)
{
    txn.flushWorkerTouches();
    m_store->flush();
    if (!m_store->database().commit())
        throw StoreError(m_store->database().lastError().text());
    m_store->endTransaction();
    const QHash<QString, bool> pauses = txn.takePauseChanges();
    for (auto it = pauses.begin(); it != pauses.end(); ++it)
        it.value() ? void(m_paused.insert(it.key())) : void(m_paused.remove(it.key()));
}
