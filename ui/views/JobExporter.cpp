#include "JobExporter.h"

#include "api/ListParams.h"
#include "core/Clock.h"
#include "models/JobExport.h"
#include "models/StoreReader.h"

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QProgressDialog>

JobExporter::JobExporter(JobSourceFactory source, QWidget *parent)
    : QObject(parent), m_source(std::move(source)), m_parent(parent)
{}

JobExporter::~JobExporter()
{
    delete m_task; // cancels and waits
}

QString JobExporter::askPath(QWidget *parent, const QString &title)
{
    QString selected;
    QString path =
        QFileDialog::getSaveFileName(parent, title, QStringLiteral("jobs.csv"),
                                     tr("CSV files (*.csv);;JSON files (*.json)"), &selected);
    if (path.isEmpty())
        return {};
    if (!path.contains(QLatin1Char('.')))
        path += selected.contains(QLatin1String("json")) ? QStringLiteral(".json")
                                                         : QStringLiteral(".csv");
    return path;
}

bool JobExporter::exportKeys(const QStringList &keys, const QString &path)
{
    if (isBusy() || keys.isEmpty())
        return false;
    auto *task = new JobExportTask(m_source, path);
    task->setKeys(keys);
    run(task, path, tr("Exporting %n job(s)…", nullptr, int(keys.size())));
    if (m_progress)
        m_progress->setMaximum(int(keys.size()));
    return true;
}

bool JobExporter::exportQuery(const QUrlQuery &query, const QString &path)
{
    if (isBusy())
        return false;
    ApiError error;
    std::optional<ListParams> params =
        ListParams::parse(query, StoreReader::consoleKey(), Clock::nowMs(), error);
    if (!params)
        return false;
    auto *task = new JobExportTask(m_source, path);
    task->setQuery(params->filter, params->page);
    run(task, path, tr("Exporting the filtered jobs…"));
    return true;
}

void JobExporter::run(JobExportTask *task, const QString &path, const QString &label)
{
    m_task = task;
    m_path = path;
    m_progress = new QProgressDialog(label, tr("Cancel"), 0, 0, m_parent);
    m_progress->setWindowTitle(tr("Export"));
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, &JobExporter::cancel);
    connect(task, &JobExportTask::progress, this, [this](qint64 written) {
        if (!m_progress)
            return;
        if (m_progress->maximum() > 0)
            m_progress->setValue(int(qMin<qint64>(written, m_progress->maximum())));
        m_progress->setLabelText(tr("%n job(s) written…", nullptr, int(written)));
    });
    connect(task, &JobExportTask::finished, this, &JobExporter::onFinished);
    task->start();
}

void JobExporter::cancel()
{
    if (m_task)
        m_task->cancel();
}

void JobExporter::onFinished(qint64 written, const QString &error, bool cancelled)
{
    if (m_progress)
        m_progress->close();
    m_task->deleteLater(); // its thread has emitted its last signal; deletion waits for it
    m_task = nullptr;
    if (!error.isEmpty() && m_parent && m_parent->isVisible())
        QMessageBox::warning(m_parent, tr("Export"), tr("The export failed: %1").arg(error));
    const QString file = QDir::toNativeSeparators(m_path);
    if (!error.isEmpty())
        emit message(tr("The export to %1 failed: %2").arg(file, error));
    else if (cancelled)
        emit message(tr("Export to %1 cancelled; no file written").arg(file));
    else
        emit message(tr("Exported %n job(s) to %1", nullptr, int(written)).arg(file));
    emit finished(written, error, cancelled);
}
