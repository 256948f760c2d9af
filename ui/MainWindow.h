#pragma once

#include "ConsoleContext.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <memory>

class JobDetailPanel;
class JobsView;
class QSplitter;
class QLabel;
class StoreReader;

// The console's main window: the jobs view, the job detail panel, and a status bar with the
// address the API listens on, the store and the uptime. Geometry is kept in QSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const ConsoleContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    JobsView *jobsView() const { return m_jobs; }
    JobDetailPanel *detailPanel() const { return m_detail; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildStatusBar();
    void updateUptime();

    ConsoleContext m_context;
    std::unique_ptr<StoreReader> m_reader;
    JobsView *m_jobs = nullptr;
    JobDetailPanel *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    QElapsedTimer m_started;
    QLabel *m_uptime = nullptr;
};
