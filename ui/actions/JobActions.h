#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class Engine;

// Job actions of the console, sent to the engine as the same commands the API sends
// (JobCommands::cancel / remove, OperatorCommands::patchJob), never as SQL of its own. One
// command per job; finished() reports when every answer is back, with the API's error messages.
class JobActions : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Cancel, Delete, Retry };
    Q_ENUM(Kind)

    explicit JobActions(Engine *engine, QObject *parent = nullptr);

    // `retries`: the new retries of a Retry (PATCH {"retries": n}).
    void run(Kind kind, const QStringList &keys, int retries = 1);
    bool isBusy() const { return m_pending > 0; }

    // What the confirmation says will happen to `count` jobs.
    static QString describe(Kind kind, int count, int retries = 1);
    static QString name(Kind kind);

signals:
    // errors: "job key: the API's message", one per refused job.
    void finished(JobActions::Kind kind, int succeeded, const QStringList &errors);

private:
    Engine *m_engine;
    int m_pending = 0;
    int m_succeeded = 0;
    QStringList m_errors;
    Kind m_kind = Kind::Cancel;
};
