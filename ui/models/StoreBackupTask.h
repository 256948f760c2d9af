#pragma once

#include "store/StoreBackup.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

class QThread;

// File ▸ Back up store…: StoreBackup::toFile on a thread of its own, so that copying a large
// store never holds the GUI; progress is the size the copy has reached against the store's
// pages in use, sampled a few times a second. One backup per task; the destructor waits for it.
class StoreBackupTask : public QObject
{
    Q_OBJECT
public:
    explicit StoreBackupTask(QObject *parent = nullptr);
    ~StoreBackupTask() override;

    void start(const StoreOptions &store, const QString &target);
    bool isRunning() const;
    QString target() const { return m_target; }

signals:
    void progress(qint64 writtenBytes, qint64 expectedBytes); // expected 0: not known yet
    void finished(const StoreBackup::Result &result);
    void failed(const QString &error);

private:
    void sample();

    QString m_target;
    QThread *m_thread = nullptr;
    QTimer m_sampler;
    std::shared_ptr<std::atomic<qint64>> m_expected;
};
