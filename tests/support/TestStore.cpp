#include "TestStore.h"

#include "store/Database.h"

#include <QCoreApplication>
#include <QFile>
#include <QUrl>

#include <atomic>

namespace TestStore {
namespace {

QString baseUrl()
{
    static const QString url = [] {
        QString text = qEnvironmentVariable("JOBDECK_TEST_PG");
        const QString file = qEnvironmentVariable("JOBDECK_TEST_PG_FILE");
        if (text.isEmpty() && !file.isEmpty()) {
            QFile f(file);
            if (f.open(QIODevice::ReadOnly))
                text = QString::fromUtf8(f.readAll()).trimmed();
            if (text.isEmpty())
                qFatal("JOBDECK_TEST_PG_FILE=%s holds no URL: is the test cluster started "
                       "(tests/support/pg-cluster.sh)?",
                       qPrintable(file));
        }
        return text;
    }();
    return url;
}

// Runs one statement on the maintenance database.
void admin(const QString &sql)
{
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("jobdeck-test-admin-%1").arg(counter.fetch_add(1));
    {
        StoreOptions options;
        options.path = baseUrl();
        QSqlDatabase db = Database::open(name, options);
        Database::exec(db, sql);
    }
    Database::close(name);
}

} // namespace

bool usePostgres()
{
    return !baseUrl().isEmpty();
}

QString createDatabase()
{
    static std::atomic<int> counter{0};
    // The name is ours alone: this process's id and a counter (no user input).
    const QString name = QStringLiteral("jobdeck_test_%1_%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(counter.fetch_add(1));
    admin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    admin(QStringLiteral("CREATE DATABASE %1").arg(name));
    QUrl url(baseUrl());
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

void dropDatabase(const QString &url)
{
    try {
        admin(
            QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(QUrl(url).path().mid(1)));
    } catch (const StoreError &) {
        // A test that failed may leave it; the cluster is thrown away anyway.
    }
}

} // namespace TestStore
