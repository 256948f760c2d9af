#include "StoreUpkeep.h"

#include "backend/ConsoleBackend.h"
#include "dialogs/RetentionDialog.h"
#include "models/BackgroundReader.h"
#include "models/ConsoleCommand.h"
#include "models/ReadOnlyMode.h"
#include "models/StoreBackupTask.h"
#include "store/SqlDialect.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QWidget>

StoreUpkeep::StoreUpkeep(QWidget *window, ConsoleBackend *backend, const StoreOptions &store,
                         BackgroundReader &reader, ReadOnlyMode *mode)
    : QObject(window), m_window(window), m_backend(backend), m_store(store), m_reader(reader),
      m_mode(mode)
{
    m_retentionAction = new QAction(tr("Re&tention…"), this);
    m_retentionAction->setObjectName(QStringLiteral("retentionAction"));
    m_retentionAction->setStatusTip(tr("How long finished jobs are kept"));
    connect(m_retentionAction, &QAction::triggered, this, &StoreUpkeep::editRetention);
    // Retention is an admin's to read and to change (GET|PUT /api/v1/settings/retention).
    if (const QString whyNot = m_mode ? m_mode->grant().why(ChangeGrant::Need::Admin) : QString();
        !whyNot.isEmpty()) {
        m_retentionAction->setEnabled(false);
        m_retentionAction->setStatusTip(whyNot);
        ReadOnlyMode::explain(m_retentionAction, true, whyNot);
    }

    m_backupAction = new QAction(tr("&Back up store…"), this);
    m_backupAction->setObjectName(QStringLiteral("backupAction"));
    if (m_store.path.isEmpty()) {
        m_backupAction->setEnabled(false);
        m_backupAction->setStatusTip(tr("The server's store is backed up on the server "
                                        "(jobdeck --backup)"));
    } else if (SqlDialect::isPostgresUrl(m_store.path)) {
        m_backupAction->setEnabled(false);
        m_backupAction->setStatusTip(tr("A PostgreSQL store is backed up with pg_dump"));
    } else {
        m_backupAction->setStatusTip(
            tr("Write a consistent copy of the store while the server runs on"));
    }
    connect(m_backupAction, &QAction::triggered, this, &StoreUpkeep::chooseBackupFile);
}

StoreUpkeep::~StoreUpkeep() = default; // m_backup, a child, waits for a copy in progress

void StoreUpkeep::editRetention()
{
    if (m_retentionDialog) {
        m_retentionDialog->raise();
        return;
    }
    m_reader.read<RetentionPolicy>(
        this, [](OperatorSource &r) { return r.retention(); },
        [this](const RetentionPolicy &policy, const QString &error) {
            if (!error.isEmpty()) {
                emit message(tr("The retention policy cannot be read: %1").arg(error));
                return;
            }
            if (m_retentionDialog)
                return;
            auto *dialog = new RetentionDialog(policy, m_mode && m_mode->isOn(), m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this,
                    [this, dialog] { saveRetention(dialog->policy()); });
            m_retentionDialog = dialog;
            dialog->open();
        });
}

void StoreUpkeep::saveRetention(const RetentionPolicy &policy)
{
    // The whole policy, as a PUT with all three fields would set it.
    RetentionChange change;
    change.completedMs = policy.completedMs;
    change.cancelledMs = policy.cancelledMs;
    change.failedMs = policy.failedMs;
    const ConsoleBackend::CommandDone done = [this](const CommandAnswer &result) {
        if (result.ok && result.retention)
            emit message(
                tr("Retention saved: %1").arg(RetentionDialog::describe(*result.retention)));
        else
            emit message(tr("Retention not saved: %1").arg(result.error));
        emit retentionSaved(result.ok);
    };
    if (!ConsoleCommand::refused(m_mode, this, done))
        m_backend->setRetention(change, this, done);
}

void StoreUpkeep::chooseBackupFile()
{
    const QFileInfo store(m_store.path);
    const QString suggested = store.dir().filePath(
        QStringLiteral("%1-backup-%2.db")
            .arg(store.completeBaseName(),
                 QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    // No overwrite question: the backup never replaces a file, it says so instead.
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Back up store"), suggested,
                                                      tr("Jobdeck store (*.db);;All files (*)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        backUpTo(path);
}

void StoreUpkeep::backUpTo(const QString &path)
{
    if (m_backup)
        return;
    m_backupAction->setEnabled(false);
    m_progress = new QProgressDialog(tr("Backing up the store to %1…").arg(path), QString(), 0,
                                     1000, m_window);
    m_progress->setObjectName(QStringLiteral("backupProgress"));
    m_progress->setWindowTitle(tr("Back up store"));
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(0);
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress->open();
    m_backup = new StoreBackupTask(this);
    connect(m_backup, &StoreBackupTask::progress, this, &StoreUpkeep::showBackupProgress);
    connect(m_backup, &StoreBackupTask::finished, this, [this, path](const StoreBackup::Result &r) {
        const QLocale locale;
        endBackup(true, tr("Backed up to %1: %n job(s), %2 in %3 s", nullptr, int(r.jobs))
                            .arg(QDir::toNativeSeparators(path), locale.formattedDataSize(r.bytes),
                                 locale.toString(double(r.millis) / 1000.0, 'f', 1)));
    });
    connect(m_backup, &StoreBackupTask::failed, this,
            [this](const QString &error) { endBackup(false, tr("Backup failed: %1").arg(error)); });
    m_backup->start(m_store, path);
}

void StoreUpkeep::showBackupProgress(qint64 written, qint64 expected)
{
    if (!m_progress || !m_backup || expected <= 0)
        return;
    const QLocale locale;
    m_progress->setValue(int(qBound<qint64>(0, written * 1000 / expected, qint64(999))));
    m_progress->setLabelText(tr("Backing up the store to %1…\n%2 of about %3 copied")
                                 .arg(QDir::toNativeSeparators(m_backup->target()),
                                      locale.formattedDataSize(written),
                                      locale.formattedDataSize(expected)));
}

void StoreUpkeep::endBackup(bool ok, const QString &text)
{
    if (m_progress)
        m_progress->close();
    // Its thread has ended, but its sampler may still fire before the thread's finished() stops
    // it: nothing of it reaches this object any more.
    disconnect(m_backup, nullptr, this, nullptr);
    m_backup->deleteLater();
    m_backup = nullptr;
    m_backupAction->setEnabled(true);
    if (!ok) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Back up store"), text,
                                    QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("backupError"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit message(text);
    emit backupFinished(ok, text);
}
