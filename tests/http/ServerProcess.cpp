#include "ServerProcess.h"

#include "ApiClient.h"

#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <csignal>

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

ServerProcess::ServerProcess() : m_port(freePort()) {}

ServerProcess::~ServerProcess()
{
    if (isRunning()) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool ServerProcess::start()
{
    // QSettings of the child: $XDG_CONFIG_HOME/Jobdeck/jobdeck.conf, never the user's own.
    const QString configDir = m_dir.filePath(QStringLiteral("config/Jobdeck"));
    QDir().mkpath(configDir);
    QFile conf(configDir + QStringLiteral("/jobdeck.conf"));
    if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    conf.write("[server]\n" + m_settings.join(QLatin1Char('\n')).toUtf8() + "\n");
    conf.close();

    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // headless anyway
    m_process->setProcessEnvironment(env);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setStandardOutputFile(QProcess::nullDevice());
    const rlim_t openFiles = m_openFiles;
    m_process->setChildProcessModifier([openFiles] {
        if (openFiles == RLIM_INFINITY)
            return;
        rlimit limit{};
        ::getrlimit(RLIMIT_NOFILE, &limit);
        limit.rlim_cur = openFiles;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    });
    m_process->start(QStringLiteral(JOBDECK_BINARY),
                     QStringList{QStringLiteral("--headless"), QStringLiteral("--port"),
                                 QString::number(m_port), QStringLiteral("--db"), dbPath(),
                                 QStringLiteral("--api-key"), QString::fromLatin1(kKey)} +
                         m_arguments);
    if (!m_process->waitForStarted())
        return false;
    const bool tls = m_arguments.contains(QStringLiteral("--tls-cert"));
    ApiClient probe(m_port, {});
    for (int i = 0; i < 150; ++i) {
        if (tls) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (socket.waitForConnected(500))
                return true;
        } else if (probe.get(QStringLiteral("/api/v1/health"), 500).status == 200) {
            return true;
        }
        if (m_process->state() != QProcess::Running)
            return false;
        QTest::qWait(100);
    }
    return false;
}

bool ServerProcess::stop()
{
    if (!isRunning())
        return false;
    ::kill(pid(), SIGTERM);
    const bool finished = m_process->waitForFinished(15'000);
    log();
    return finished && m_process->exitStatus() == QProcess::NormalExit &&
           m_process->exitCode() == 0;
}

QByteArray ServerProcess::log()
{
    if (m_process)
        m_log += m_process->readAllStandardError();
    return m_log;
}

int ServerProcess::openFiles() const
{
    if (!isRunning())
        return -1;
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid()));
    if (!fds.exists())
        return -1;
    return int(fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot).size());
}

qint64 ServerProcess::openFilesLimit() const
{
    QFile limits(QStringLiteral("/proc/%1/limits").arg(pid()));
    if (!limits.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : limits.readAll().split('\n')) {
        if (!line.startsWith("Max open files"))
            continue;
        const QList<QByteArray> fields = line.mid(14).simplified().split(' ');
        bool ok = false;
        const qint64 soft = fields.value(0).toLongLong(&ok);
        return ok ? soft : -1;
    }
    return -1;
}

bool ServerProcess::setFileSizeLimit(rlim_t soft)
{
    rlimit limit{};
    if (::prlimit(pid(), RLIMIT_FSIZE, nullptr, &limit) != 0)
        return false;
    limit.rlim_cur = soft;
    return ::prlimit(pid(), RLIMIT_FSIZE, &limit, nullptr) == 0;
}
