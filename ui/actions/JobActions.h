#pragma once

#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <functional>

class ConsoleBackend;

// What the server answered one action on one job.
struct JobActionAnswer
{
    bool ok = false;
    QString error;      // refused: the API's message
    QString createdKey; // a replay's new job
};

// What an action needs besides the jobs (the operator's answers in the confirmation).
struct JobActionInput
{
    int retries = 1;            // Retry: PATCH {"retries": n}, 0-100
    int priority = 0;           // Priority: PATCH {"priority": n}, -100..100
    qint64 timeoutMs = 120'000; // Timeout: PATCH {"timeout": ...}, 1 s .. 24 h
    QJsonObject variables;      // Replay: the new job's variables
    QString reason;             // Cancel: POST /cancel {"reason": ...}, optional
};

// Job actions of the console, sent to its server (ConsoleBackend::jobAction) as the API runs
// them: cancel, delete, PATCH (retries, priority, timeout), replay.
// One command per job;
// finished() reports when every answer is back, with the API's error messages.
class JobActions : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Cancel, Delete, Retry, Priority, Timeout, Replay };
    Q_ENUM(Kind)
    static constexpr int kKindCount = 6;

    using Input = JobActionInput;

    explicit JobActions(ConsoleBackend *backend, QObject *parent = nullptr);

    void run(Kind kind, const QStringList &keys, const Input &input = {});
    bool isBusy() const { return m_pending > 0; }
    // Read-only mode (MainWindow's ReadOnlyMode): run() sends nothing and reports every job
    // as refused.
    void setReadOnly(bool on) { m_readOnly = on; }
    bool isReadOnly() const { return m_readOnly; }

    using Answer = JobActionAnswer;
    // What the confirmation says will happen to `count` jobs.
    static QString describe(Kind kind, int count, const Input &input = {});
    static QString name(Kind kind);
    // Only one job at a time (the variables are edited for it).
    static bool singleJobOnly(Kind kind) { return kind == Kind::Replay; }

signals:
    // errors: "job key: the API's message", one per refused job. created: keys of new jobs.
    void finished(JobActions::Kind kind, int succeeded, const QStringList &errors);
    void jobCreated(const QString &key); // a replay's new job

private:
    ConsoleBackend *m_backend;
    int m_pending = 0;
    int m_succeeded = 0;
    QStringList m_errors;
    Kind m_kind = Kind::Cancel;
    bool m_readOnly = false;
};
