#pragma once

#include <QUrlQuery>
#include <QWidget>

class QLineEdit;
class QLabel;
class QTimer;
class QToolButton;

// State toggles, a job type and a free-text search (key, type, worker, error, variables),
// combined into the query string of GET /api/v1/jobs, which it also shows.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(QWidget *parent = nullptr);

    QUrlQuery query() const;
    void setApiPath(const QString &path, const QString &error);
    void setStates(const QStringList &words); // filter words: "failed", "active", ...
    void setType(const QString &type);
    void setSearch(const QString &text);
    void focusSearch();

    static const QStringList &stateWords();

signals:
    void changed();

private:
    QList<QToolButton *> m_states;
    QLineEdit *m_type = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_apiPath = nullptr;
    QTimer *m_debounce = nullptr;
};
