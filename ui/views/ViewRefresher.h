#pragma once

#include <QObject>

#include <functional>

class QTimer;
class QWidget;

// Keeps a view's snapshot fresh while the view is visible: one load when it is shown, then one
// every interval (setting ui/refreshMs, default 2000 ms, read at each show). Never two loads at
// once: a refresh asked for while one runs starts when that one is done().
class ViewRefresher : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 2000;
    // `load` starts an asynchronous read; the view calls done() when its answer arrived.
    ViewRefresher(QWidget *view, std::function<void()> load);

    void request(); // as soon as no load runs
    void done();
    bool isLoading() const { return m_loading; }
    static int intervalMs(); // from the settings

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_view;
    std::function<void()> m_load;
    QTimer *m_timer;
    bool m_loading = false;
    bool m_again = false;
};
