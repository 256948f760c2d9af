#pragma once

#include "backend/OperatorSource.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

// A thread of its own with an OperatorSource on it (the store's, or a server's): the operator
// views ask for snapshots here so that no query nor request runs on the GUI thread. Work runs in
// the order asked; each answer comes back queued to the GUI thread and is dropped if its receiver
// is gone by then. The destructor waits for the work in progress and closes the connection on its
// thread.
class BackgroundReader : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundReader(OperatorSourceFactory factory, QObject *parent = nullptr);
    ~BackgroundReader() override;

    // Runs `work` on the reader's thread and `done(result, error)` on this object's thread.
    // `error` is the source's message when the read failed (result is then T{}).
    template <typename T>
    void read(QObject *receiver, std::function<T(OperatorSource &)> work,
              std::function<void(const T &, const QString &)> done)
    {
        QPointer<QObject> guard(receiver);
        post([this, guard, work = std::move(work), done = std::move(done)](OperatorSource *reader,
                                                                           QString error) {
            auto result = std::make_shared<T>();
            if (reader) {
                try {
                    *result = work(*reader);
                } catch (const std::runtime_error &e) {
                    error = QString::fromStdString(e.what());
                }
            }
            QMetaObject::invokeMethod(
                this,
                [guard, done, result, error] {
                    if (guard)
                        done(*result, error);
                },
                Qt::QueuedConnection);
        });
    }

private:
    // `reader` is null (and `error` set) when the connection could not be opened.
    using Job = std::function<void(OperatorSource *reader, QString error)>;
    void post(Job job);

    OperatorSourceFactory m_factory;
    QThread m_thread;
    QObject *m_worker = nullptr;              // lives on m_thread
    std::unique_ptr<OperatorSource> m_reader; // created and used on m_thread only
};
