#pragma once

#include "models/JobsLink.h"

#include <QUrlQuery>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QLabel;
class QTimer;
class QToolButton;

// State toggles, job type and worker pickers, a period, created-after/before dates and a
// free-text search (key, type, worker, error, variables), combined into the query string of
// GET /api/v1/jobs, which it also shows.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    // The periods offered: "" (any), "15m" (as created_after), "1h", "24h", "7d" (as period).
    static const QStringList &periodWords();

    explicit FilterBar(QWidget *parent = nullptr);

    // `now` (epoch ms) anchors a 15-minute period, which the API takes as created_after.
    QUrlQuery query(qint64 now) const;
    QUrlQuery query() const;
    void setApiPath(const QString &path, const QString &error);
    void setStates(const QStringList &words); // filter words: "failed", "active", ...
    void setType(const QString &type);
    void setWorker(const QString &worker);
    void setPeriod(const QString &word); // one of periodWords()
    // Invalid: that bound is off.
    void setCreatedAfter(const QDateTime &at);
    void setCreatedBefore(const QDateTime &at);
    void setSearch(const QString &text);
    // Only what the link names (every other filter cleared), as one change.
    void showOnly(const JobsLink &link);
    // The known job types and workers, offered by the pickers (typing any name still works).
    void setChoices(const QStringList &types, const QStringList &workers);
    void focusSearch();

    static const QStringList &stateWords();

signals:
    void changed();
    // The user reaches for the type or worker picker: time to read the names again (a store
    // that was empty at start, types and workers seen since).
    void choicesWanted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QComboBox *addPicker(const QString &name, const QString &placeholder);
    QDateTimeEdit *addBound(const QString &name, const QString &label, QCheckBox **toggle,
                            qint64 offsetFromNowMs);

    QList<QToolButton *> m_states;
    QComboBox *m_type = nullptr;
    QComboBox *m_worker = nullptr;
    QComboBox *m_period = nullptr;
    QCheckBox *m_afterOn = nullptr;
    QDateTimeEdit *m_after = nullptr;
    QCheckBox *m_beforeOn = nullptr;
    QDateTimeEdit *m_before = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_apiPath = nullptr;
    QTimer *m_debounce = nullptr;
};
