#pragma once

#include "dialogs/RetentionDialog.h"
#include "store/Database.h"
#include "store/StoreBackup.h"

#include <QObject>
#include <QPointer>
#include <QProgressDialog>

class BackgroundReader;
class ConsoleBackend;
class QAction;
class QWidget;
class ReadOnlyMode;
class StoreBackupTask;

// The store's upkeep from the console: Settings ▸ Retention… (the policy of GET|PUT
// /api/v1/settings/retention, sent through the console's backend like the API's PUT) and File ▸
// Back up store… (a consistent copy of a live SQLite store of this process, made on a thread of
// its own with a progress dialog). Both report in the window's status bar.
class StoreUpkeep : public QObject
{
    Q_OBJECT
public:
    // `store`: empty path when the console is attached to a server (no backup from here).
    StoreUpkeep(QWidget *window, ConsoleBackend *backend, const StoreOptions &store,
                BackgroundReader &reader, ReadOnlyMode *mode);
    ~StoreUpkeep() override;

    QAction *retentionAction() const { return m_retentionAction; }
    QAction *backupAction() const { return m_backupAction; }

    // Reads the policy in force, then shows the dialog (window-modal, not blocking).
    void editRetention();
    RetentionDialog *retentionDialog() const { return m_retentionDialog; }
    void saveRetention(const RetentionPolicy &policy);

    // Asks for a file, then backs up to it.
    void chooseBackupFile();
    void backUpTo(const QString &path);
    QProgressDialog *backupProgress() const { return m_progress; }

signals:
    void retentionSaved(bool ok);
    void backupFinished(bool ok, const QString &message);
    void message(const QString &text); // for the status bar

private:
    void showBackupProgress(qint64 written, qint64 expected);
    void endBackup(bool ok, const QString &text);

    QWidget *m_window;
    ConsoleBackend *m_backend;
    StoreOptions m_store;
    BackgroundReader &m_reader;
    ReadOnlyMode *m_mode;
    QAction *m_retentionAction;
    QAction *m_backupAction;
    QPointer<RetentionDialog> m_retentionDialog;
    QPointer<QProgressDialog> m_progress;
    StoreBackupTask *m_backup = nullptr;
};
