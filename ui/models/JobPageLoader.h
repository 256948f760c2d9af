#pragma once

#include "backend/JobSource.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

// Reads pages of the jobs list on its own thread, through a JobSource of its own (a read
// connection to the store, or a client of a server), so that the GUI thread never waits for a
// query or the network. Requests run one after the other in the order they were
// made; each answer is delivered on the GUI thread (the loader's own), to the receiver if it is
// still there: a view may go while its read is on the way.
class JobPageLoader : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(JobSource::Page)>;
    // Makes the loader's source, on the loader thread, at its first read.
    using SourceFactory = JobSourceFactory;

    explicit JobPageLoader(SourceFactory factory, QObject *parent = nullptr);
    ~JobPageLoader() override; // closes the source on its thread, then stops it

    void load(const JobFilter &filter, const PageRequest &request, QObject *receiver, Done done);

    // Any other read of the source, on the loader thread; `done` gets its result on the
    // receiver's thread. When the read fails (StoreError, SourceError), `done` gets Result{}
    // and failed() tells why.
    template <typename Result>
    void read(std::function<Result(JobSource &)> read, QObject *receiver,
              std::function<void(Result)> done)
    {
        post([this, read = std::move(read), receiver = QPointer<QObject>(receiver),
              done = std::move(done)](JobSource *source, QString error) {
            Result result{};
            if (source)
                try {
                    result = read(*source);
                } catch (const std::runtime_error &e) {
                    error = QString::fromStdString(e.what());
                }
            if (!error.isEmpty())
                emit failed(error);
            // Through the loader (it outlives every read): the receiver is looked at on the GUI
            // thread, where it is destroyed.
            QMetaObject::invokeMethod(this, [receiver, done, result = std::move(result)]() mutable {
                if (receiver)
                    done(std::move(result));
            });
        });
    }

    // Only the columns of the jobs table are kept (variables, headers and results can be large
    // and the table never shows them): rows of a long scroll stay small.
    static void slim(JobRecord &job);

signals:
    // A read failed (the source could not be opened or a read failed): its message.
    // Emitted on the loader thread.
    void failed(const QString &message);

private:
    // Runs `task` on the loader thread, after what was asked before, with the source, or with
    // none and the reason when it cannot be opened.
    void post(std::function<void(JobSource *, QString)> task);

    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr; // lives on m_thread
};
