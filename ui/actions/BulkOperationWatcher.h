#pragma once

#include "JobActions.h"
#include "backend/JobSource.h"
#include "store/BulkOperationRecord.h"

#include <QObject>
#include <QTimer>

class ConsoleBackend;
class JobPageLoader;

// Cancel, retry or delete on every job matching a filter, as a bulk operation of the server
// (POST /api/v1/bulk-operations): the server runs it in its own steps whether or not the console
// stays open; the console reads its progress every kPollMs and can stop it.
// Signals as BulkRunner's, so that the progress dialog follows either.
class BulkOperationWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPollMs = 250;

    BulkOperationWatcher(ConsoleBackend *backend, JobPageLoader &loader, QObject *parent = nullptr);

    // The actions a bulk operation of the server can do.
    static bool runsOnServer(JobActions::Kind kind);
    void start(JobActions::Kind kind, const JobFilter &filter, const JobActions::Input &input,
               const JobSource::BulkStart &from);
    void stop(); // the operation stops after the step under way; what was done stays done
    bool isRunning() const { return m_running; }
    const QString &operationKey() const { return m_key; }

signals:
    void progress(int done, int refused);
    void finished(JobActions::Kind kind, int succeeded, int refused, const QStringList &errors,
                  bool cancelled);

private:
    void poll();
    void onRead(const std::optional<BulkOperationRecord> &operation);
    void finish(int succeeded, int refused, const QStringList &errors, bool cancelled);

    ConsoleBackend *m_backend;
    JobPageLoader &m_loader;
    QTimer m_poll;
    JobActions::Kind m_kind = JobActions::Kind::Cancel;
    QString m_key;
    bool m_running = false;
    bool m_reading = false;
    bool m_stopAsked = false; // Stop before the start was answered
};
