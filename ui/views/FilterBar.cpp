#include "FilterBar.h"

#include "models/JobStateStyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

const QStringList &FilterBar::stateWords()
{
    static const QStringList words{QStringLiteral("pending"),      QStringLiteral("scheduled"),
                                   QStringLiteral("retrying"),     QStringLiteral("active"),
                                   QStringLiteral("completed"),    QStringLiteral("failed"),
                                   QStringLiteral("error_thrown"), QStringLiteral("cancelled")};
    return words;
}

FilterBar::FilterBar(QWidget *parent) : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    outer->addLayout(row);

    const QString labels[] = {tr("Pending"),      tr("Scheduled"), tr("Retrying"),
                              tr("Active"),       tr("Completed"), tr("Failed"),
                              tr("Error thrown"), tr("Cancelled")};
    for (int i = 0; i < stateWords().size(); ++i) {
        auto *button = new QToolButton(this);
        button->setText(labels[i]);
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setObjectName(QStringLiteral("state_") + stateWords().at(i));
        QPalette palette = button->palette();
        palette.setColor(QPalette::ButtonText, JobStateStyle::color(JobState(i), palette));
        button->setPalette(palette);
        connect(button, &QToolButton::toggled, this, &FilterBar::changed);
        row->addWidget(button);
        m_states.append(button);
    }
    m_type = new QLineEdit(this);
    m_type->setObjectName(QStringLiteral("typeFilter"));
    m_type->setPlaceholderText(tr("Job type"));
    m_type->setClearButtonEnabled(true);
    m_type->setMaximumWidth(180);
    row->addWidget(m_type);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchFilter"));
    m_search->setPlaceholderText(tr("Search key, type, worker, error, variables (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    row->addWidget(m_search, 1);

    m_apiPath = new QLabel(this);
    m_apiPath->setObjectName(QStringLiteral("apiPath"));
    m_apiPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_apiPath->setWordWrap(true);
    outer->addWidget(m_apiPath);

    // Typing is debounced: one query when the user pauses.
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &FilterBar::changed);
    connect(m_type, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_type, &QLineEdit::returnPressed, this, &FilterBar::changed);
    connect(m_search, &QLineEdit::returnPressed, this, &FilterBar::changed);
}

QUrlQuery FilterBar::query() const
{
    QUrlQuery query;
    QStringList states;
    for (int i = 0; i < m_states.size(); ++i)
        if (m_states.at(i)->isChecked())
            states.append(stateWords().at(i));
    if (!states.isEmpty())
        query.addQueryItem(QStringLiteral("state"), states.join(QLatin1Char(',')));
    if (const QString type = m_type->text().trimmed(); !type.isEmpty())
        query.addQueryItem(QStringLiteral("type"), type);
    if (const QString q = m_search->text().trimmed(); !q.isEmpty())
        query.addQueryItem(QStringLiteral("q"), q);
    return query;
}

void FilterBar::setApiPath(const QString &path, const QString &error)
{
    m_apiPath->setText(error.isEmpty() ? tr("GET %1").arg(path)
                                       : tr("GET %1 — refused: %2").arg(path, error));
}

void FilterBar::setStates(const QStringList &words)
{
    for (int i = 0; i < m_states.size(); ++i) {
        const QSignalBlocker blocker(m_states.at(i));
        m_states.at(i)->setChecked(words.contains(stateWords().at(i)));
    }
    emit changed();
}

void FilterBar::setType(const QString &type)
{
    m_type->setText(type);
    emit changed();
}

void FilterBar::setSearch(const QString &text)
{
    m_search->setText(text);
    emit changed();
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}
