#pragma once

#include "backend/JobSource.h"

#include <QObject>
#include <QPointer>
#include <QUrlQuery>

class JobExportTask;
class QProgressDialog;
class QWidget;

// File ▸ Export: writes the selected jobs, or every job of the jobs view's query, to CSV or
// JSON (by the file's extension) in the background, with a cancellable progress dialog. One
// export at a time.
class JobExporter : public QObject
{
    Q_OBJECT
public:
    JobExporter(JobSourceFactory source, QWidget *parent);
    ~JobExporter() override;

    bool isBusy() const { return m_task != nullptr; }
    bool exportKeys(const QStringList &keys, const QString &path);
    // `query`: a GET /api/v1/jobs query (as the jobs view shows it); false when it is invalid.
    bool exportQuery(const QUrlQuery &query, const QString &path);
    void cancel();
    // Asks for a file name (CSV or JSON); empty when cancelled.
    static QString askPath(QWidget *parent, const QString &title);

signals:
    void finished(qint64 jobsWritten, const QString &error, bool cancelled);
    void message(const QString &text); // how it ended, for the status bar

private:
    void run(JobExportTask *task, const QString &path, const QString &label);
    void onFinished(qint64 written, const QString &error, bool cancelled);

    JobSourceFactory m_source;
    QWidget *m_parent;
    JobExportTask *m_task = nullptr;
    QString m_path;
    QPointer<QProgressDialog> m_progress;
};
