#pragma once

#include "backend/ChangeGrant.h"
#include "models/ConsoleCommand.h"
#include "models/JobsLink.h"

#include <functional>
#include <optional>

#include <QWidget>

class ActionMessage;
class BackgroundReader;
class QAbstractItemModel;
class QAction;
class QLabel;
class QTableView;
class QToolBar;
class ReadOnlyMode;
class ViewRefresher;

// What the job types, incidents, workers and API keys views share: a toolbar, a table over a
// snapshot model refreshed in the background while visible, a message line for the outcome of
// actions, and actions that change things, disabled in read-only mode (and when they need a
// selection and there is none).
class OperatorTableView : public QWidget
{
    Q_OBJECT
public:
    OperatorTableView(BackgroundReader &reader, ConsoleBackend *backend, ReadOnlyMode *mode,
                      QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QString message() const;
    bool isLoading() const;
    // Shows the jobs of a row (or of a count's cell), as a double-click or Enter does.
    void showJobsOf(const QModelIndex &index);

public slots:
    void refresh(); // now (or right after the load in progress)

signals:
    void refreshed(); // a snapshot was applied (or failed: see message())
    void actionFinished(bool ok);
    void jobsRequested(const JobsLink &link);

protected:
    // Subclasses: start the read (reader().read(...)) and call loaded() when it is back.
    virtual void load() = 0;
    void loaded(const QString &error);
    // May be called again to show another model (its own column widths under its own key).
    void setModel(QAbstractItemModel *model, const QString &settingsKey);
    QAction *showJobsAction() const { return m_showJobs; }
    // Said over the table while it is empty after a load (why it may be empty, what fills it).
    void setEmptyText(const QString &text);
    QToolBar *toolBar() const { return m_toolBar; }
    // An action that changes the store: disabled in read-only mode, when the server's grant
    // does not allow `need`, and without a selection when `needsSelection`.
    QAction *addChangingAction(const QString &text, bool needsSelection,
                               ChangeGrant::Need need = ChangeGrant::Need::Job);
    // The view is read only with a key that meets `need` (the API's admin-only lists): with
    // another key it says why instead of reading.
    void setReadingNeeds(ChangeGrant::Need need) { m_readingNeeds = need; }
    void showResult(const QString &what, const CommandAnswer &answer);
    // A command of the backend's, unless read-only mode refuses it (then `done` says so).
    template <typename Send> void change(Send send, ConsoleBackend::CommandDone done)
    {
        if (!ConsoleCommand::refused(m_mode, this, done))
            send(m_backend, std::move(done));
    }
    void showMessage(const QString &text, bool error);
    QStringList selectedValues(int role) const;
    // Rows lead to their jobs: double-click or Enter on a row, or the Show jobs action.
    void setJobsLink(std::function<JobsLink(const QModelIndex &)> linkAt,
                     const QString &actionText);

    BackgroundReader &reader() const { return m_reader; }
    ConsoleBackend *backend() const { return m_backend; }
    ReadOnlyMode *mode() const { return m_mode; }

private:
    void updateActions();
    void separateFromWhatIsThere(); // a separator unless the toolbar is empty or ends with one

    BackgroundReader &m_reader;
    ConsoleBackend *m_backend;
    ReadOnlyMode *m_mode;
    QToolBar *m_toolBar;
    ActionMessage *m_message;
    QTableView *m_table;
    ViewRefresher *m_refresher;
    QString m_settingsKey;
    std::function<JobsLink(const QModelIndex &)> m_linkAt;
    QAction *m_showJobs = nullptr;
    QLabel *m_empty = nullptr;
    bool m_sizeColumns = true; // no saved column widths yet
    bool m_headerWatched = false;
    std::optional<ChangeGrant::Need> m_readingNeeds;
    struct Changing
    {
        QAction *action;
        bool needsSelection;
        ChangeGrant::Need need;
    };
    QList<Changing> m_changing;
};
