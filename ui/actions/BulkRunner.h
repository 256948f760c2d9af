#pragma once

#include "JobActions.h"
#include "store/JobFilter.h"

#include <QObject>

class ConsoleBackend;
class JobPageLoader;

// An action on every job matching a filter, in chunks: reads the next kChunk keys (keyset, in
// creation order, on the loader thread), sends one command per job to the server (which
// commits them in its own batches: never one giant transaction), waits for the answers, reports
// progress, and goes on until no job is left or cancel() is called. The GUI thread only posts
// and receives.
class BulkRunner : public QObject
{
    Q_OBJECT
public:
    static constexpr int kChunk = 200;
    static constexpr int kMaxErrors = 100; // messages kept; every refusal is counted

    BulkRunner(ConsoleBackend *backend, JobPageLoader &loader, QObject *parent = nullptr);

    void start(JobActions::Kind kind, const JobFilter &filter, const JobActions::Input &input);
    void cancel(); // no chunk is started after this one
    bool isRunning() const { return m_running; }

signals:
    void progress(int done, int refused);
    void finished(JobActions::Kind kind, int succeeded, int refused, const QStringList &errors,
                  bool cancelled);

private:
    void nextChunk();
    void onAnswer(const QString &key, const JobActions::Answer &answer);
    void finish();

    ConsoleBackend *m_backend;
    JobPageLoader &m_loader;
    JobActions::Kind m_kind = JobActions::Kind::Cancel;
    JobFilter m_filter;
    JobActions::Input m_input;
    std::optional<SortPosition> m_after;
    bool m_hasMore = false;
    bool m_running = false;
    bool m_cancelled = false;
    int m_pending = 0;
    int m_succeeded = 0;
    int m_refused = 0;
    QStringList m_errors;
};
