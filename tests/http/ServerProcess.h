#pragma once

// The jobdeck binary as a child process, for tests that need what only a separate process
// gives: its own resource limits (open files, file size), its own /proc/<pid>/fd, SIGTERM.
// Its store and QSettings file live in a temporary directory; it listens on a free loopback port.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <sys/resource.h>
#include <sys/types.h>

class ServerProcess
{
public:
    static constexpr const char *kKey = "server-process-key";

    ServerProcess();
    ~ServerProcess();

    // Lines for the [server] group of the child's QSettings file, e.g. "max_long_polls=2000".
    void setSettings(const QStringList &lines) { m_settings = lines; }
    // Another store than the SQLite file in the temporary directory (a postgresql:// URL).
    void setDb(const QString &db) { m_db = db; }
    // More arguments, e.g. --tls-cert FILE --tls-key FILE (then start() waits for the port to
    // accept connections instead of asking /health over plain HTTP).
    void setArguments(const QStringList &arguments) { m_arguments = arguments; }
    // Resource limits given to the child before it runs (RLIM_INFINITY: unchanged).
    void setOpenFilesLimit(rlim_t soft) { m_openFiles = soft; }

    bool start(); // false when the server did not answer /api/v1/health within 15 s
    bool stop();  // SIGTERM, then waits for a clean exit; false when it did not exit with 0
    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }

    quint16 port() const { return m_port; }
    pid_t pid() const { return m_process ? pid_t(m_process->processId()) : 0; }
    QString dbPath() const
    {
        return m_db.isEmpty() ? m_dir.filePath(QStringLiteral("jobs.db")) : m_db;
    }
    // Everything the child wrote to stderr so far (its log).
    QByteArray log();

    // The child's open file descriptors (entries of /proc/<pid>/fd), -1 if unreadable.
    int openFiles() const;
    // The child's soft limit on open files, read from /proc/<pid>/limits (-1: unknown).
    qint64 openFilesLimit() const;
    // prlimit(2) on the running child: its soft file-size limit (RLIMIT_FSIZE) in bytes.
    bool setFileSizeLimit(rlim_t soft);

private:
    QTemporaryDir m_dir;
    QStringList m_settings;
    QString m_db;
    QStringList m_arguments;
    rlim_t m_openFiles = RLIM_INFINITY;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
};
