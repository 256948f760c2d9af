#include "MainWindow.h"

#include "models/StoreReader.h"
#include "views/JobDetailPanel.h"
#include "views/JobsView.h"

#include <QCloseEvent>
#include <QLabel>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>

MainWindow::MainWindow(const ConsoleContext &context, QWidget *parent)
    : QMainWindow(parent), m_context(context)
{
    m_started.start();
    setWindowTitle(tr("Jobdeck"));
    m_reader = std::make_unique<StoreReader>(m_context.store);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_jobs = new JobsView(*m_reader, m_context.engine, m_splitter);
    m_detail = new JobDetailPanel(*m_reader, m_splitter);
    m_splitter->addWidget(m_jobs);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    setCentralWidget(m_splitter);
    connect(m_jobs, &JobsView::currentJobChanged, m_detail, &JobDetailPanel::showJob);
    connect(m_jobs, &JobsView::refreshed, m_detail, &JobDetailPanel::reload);
    connect(m_detail, &JobDetailPanel::actionRequested, m_jobs, &JobsView::triggerOn);
    buildStatusBar();
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1200, 760);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
}

MainWindow::~MainWindow()
{
    delete takeCentralWidget(); // the views read through m_reader
}

void MainWindow::buildStatusBar()
{
    auto *address = new QLabel(tr("API: %1").arg(m_context.address), this);
    address->setObjectName(QStringLiteral("addressLabel"));
    address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *store = new QLabel(tr("Store: %1").arg(m_context.store.path), this);
    store->setObjectName(QStringLiteral("storeLabel"));
    store->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_uptime = new QLabel(this);
    m_uptime->setObjectName(QStringLiteral("uptimeLabel"));
    statusBar()->addWidget(address);
    statusBar()->addWidget(store, 1);
    statusBar()->addPermanentWidget(m_uptime);
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &MainWindow::updateUptime);
    timer->start(1000);
    updateUptime();
}

void MainWindow::updateUptime()
{
    const qint64 s = m_started.elapsed() / 1000;
    m_uptime->setText(tr("Up %1:%2:%3")
                          .arg(s / 3600)
                          .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                          .arg(s % 60, 2, 10, QLatin1Char('0')));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    QMainWindow::closeEvent(event);
}
