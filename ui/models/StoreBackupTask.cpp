#include "StoreBackupTask.h"

#include <QFileInfo>
#include <QThread>

StoreBackupTask::StoreBackupTask(QObject *parent)
    : QObject(parent), m_expected(std::make_shared<std::atomic<qint64>>(0))
{
    m_sampler.setInterval(150);
    connect(&m_sampler, &QTimer::timeout, this, &StoreBackupTask::sample);
}

StoreBackupTask::~StoreBackupTask()
{
    if (m_thread)
        m_thread->wait(); // the copy cannot be interrupted; it ends on its own
}

bool StoreBackupTask::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void StoreBackupTask::start(const StoreOptions &store, const QString &target)
{
    Q_ASSERT(!m_thread);
    m_target = target;
    // The thread reports through queued calls on this object; its own results are copies.
    m_thread = QThread::create([this, store, target, expected = m_expected] {
        try {
            const StoreBackup::Result result = StoreBackup::toFile(
                store, target, [expected](qint64 bytes) { expected->store(bytes); });
            QMetaObject::invokeMethod(
                this, [this, result] { emit finished(result); }, Qt::QueuedConnection);
        } catch (const StoreError &e) {
            const QString error = QString::fromStdString(e.what());
            QMetaObject::invokeMethod(
                this, [this, error] { emit failed(error); }, Qt::QueuedConnection);
        }
    });
    m_thread->setParent(this);
    m_thread->setObjectName(QStringLiteral("jobdeck-backup"));
    connect(m_thread, &QThread::finished, &m_sampler, &QTimer::stop);
    m_sampler.start();
    m_thread->start(QThread::LowPriority);
}

void StoreBackupTask::sample()
{
    const qint64 written = QFileInfo(StoreBackup::partialPath(m_target)).size();
    emit progress(written, m_expected->load());
}
