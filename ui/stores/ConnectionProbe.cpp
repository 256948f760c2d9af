#include "ConnectionProbe.h"

#include "StoreLocation.h"
#include "store/Database.h"
#include "store/SqlDialect.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPointer>
#include <QSettings>
#include <QSqlQuery>
#include <QThread>

#include <atomic>

namespace {

std::atomic<int> s_probes{0};

// libpq's messages name the user and host, never the password; the URL in Database's message
// has it removed. Belt and braces: a password that still shows is masked.
QString withoutPassword(QString message, const QString &location)
{
    const QString password = StoreLocation::passwordOf(location);
    if (!password.isEmpty())
        message.replace(password, QStringLiteral("***"));
    return message.trimmed();
}

QString describeSqlite(const QString &file)
{
    const QFileInfo info(file);
    if (info.exists()) {
        if (!info.isFile() || !info.isReadable())
            throw StoreError(
                QCoreApplication::translate("ConnectionProbe", "%1 is not a readable file")
                    .arg(file));
        return QCoreApplication::translate("ConnectionProbe", "SQLite file, %1 MiB")
            .arg(double(info.size()) / (1024.0 * 1024.0), 0, 'f', 1);
    }
    const QFileInfo dir(info.absolutePath());
    if (!dir.isDir() || !dir.isWritable())
        throw StoreError(QCoreApplication::translate(
                             "ConnectionProbe", "the folder %1 does not exist or is not writable")
                             .arg(info.absolutePath()));
    return QCoreApplication::translate("ConnectionProbe", "a new SQLite store will be created");
}

} // namespace

ConnectionProbe::ConnectionProbe(QObject *parent) : QObject(parent) {}

QString ConnectionProbe::describe(const QString &location, int timeoutS)
{
    if (!SqlDialect::isPostgresUrl(location))
        return describeSqlite(location);
    const QString name = QStringLiteral("jobdeck-probe-%1").arg(s_probes.fetch_add(1));
    QString out;
    try {
        StoreOptions options;
        options.path = location;
        options.busyTimeoutMs = timeoutS * 1000; // libpq's connect_timeout
        QSqlDatabase db = Database::open(name, options);
        QSqlQuery query(db);
        Database::exec(db, QStringLiteral("SELECT 1")); // the session works
        QString version;
        if (query.exec(QStringLiteral("SHOW server_version")) && query.next())
            version = query.value(0).toString();
        bool jobdeck = false;
        if (query.exec(QStringLiteral("SELECT to_regclass('jobs') IS NOT NULL")) && query.next())
            jobdeck = query.value(0).toBool();
        out = jobdeck
                  ? QCoreApplication::translate("ConnectionProbe", "PostgreSQL %1, a Jobdeck store")
                        .arg(version)
                  : QCoreApplication::translate(
                        "ConnectionProbe",
                        "PostgreSQL %1, no Jobdeck tables yet (they are created when opened)")
                        .arg(version);
    } catch (const StoreError &error) {
        Database::close(name);
        throw StoreError(withoutPassword(QString::fromUtf8(error.what()), location));
    }
    Database::close(name);
    return out;
}

void ConnectionProbe::start(const QString &location)
{
    const int generation = ++m_generation;
    m_running = true;
    const int timeoutS = qBound(
        1, QSettings().value(QStringLiteral("stores/connectTimeoutS"), kDefaultTimeoutS).toInt(),
        60);
    QPointer<ConnectionProbe> self(this);
    QThread *thread = QThread::create([self, generation, location, timeoutS] {
        bool ok = true;
        QString message;
        try {
            message = describe(location, timeoutS);
        } catch (const StoreError &error) {
            ok = false;
            message = QString::fromUtf8(error.what());
        }
        // Queued to the GUI thread; dropped there if the probe is gone by then.
        QMetaObject::invokeMethod(
            qApp,
            [self, generation, ok, message] {
                if (self)
                    self->deliver(generation, ok, message);
            },
            Qt::QueuedConnection);
    });
    thread->setObjectName(QStringLiteral("jobdeck-probe"));
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void ConnectionProbe::deliver(int generation, bool ok, const QString &message)
{
    if (generation != m_generation)
        return;
    m_running = false;
    emit finished(ok, message);
}
