#include "FilterBar.h"

#include "core/Clock.h"
#include "models/JobStateStyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
constexpr qint64 kQuarterHourMs = 15 * 60'000;
}

const QStringList &FilterBar::stateWords()
{
    static const QStringList words{QStringLiteral("pending"),      QStringLiteral("scheduled"),
                                   QStringLiteral("retrying"),     QStringLiteral("active"),
                                   QStringLiteral("completed"),    QStringLiteral("failed"),
                                   QStringLiteral("error_thrown"), QStringLiteral("cancelled")};
    return words;
}

const QStringList &FilterBar::periodWords()
{
    static const QStringList words{QString(), QStringLiteral("15m"), QStringLiteral("1h"),
                                   QStringLiteral("24h"), QStringLiteral("7d")};
    return words;
}

FilterBar::FilterBar(QWidget *parent) : QWidget(parent)
{
    // Typing is debounced: one query when the user pauses.
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &FilterBar::changed);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    outer->addLayout(row);

    for (int i = 0; i < stateWords().size(); ++i) {
        auto *button = new QToolButton(this);
        button->setText(JobStateStyle::label(JobState(i)));
        button->setToolTip(JobStateStyle::text(JobState(i))); // the API's name
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
    row->addSpacing(12);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchFilter"));
    m_search->setPlaceholderText(tr("Search key, type, worker, error, variables (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(m_search->fontMetrics().averageCharWidth() * 20);
    row->addWidget(m_search, 1); // the room the state buttons leave

    // Second row: pickers, period, dates.
    auto *second = new QHBoxLayout;
    outer->addLayout(second);
    m_type = addPicker(QStringLiteral("typeFilter"), tr("Job type"));
    second->addWidget(m_type);
    m_worker = addPicker(QStringLiteral("workerFilter"), tr("Worker"));
    second->addWidget(m_worker);

    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("periodFilter"));
    m_period->addItems(
        {tr("Any time"), tr("Last 15 min"), tr("Last hour"), tr("Last 24 h"), tr("Last 7 days")});
    m_period->setToolTip(tr("Created within"));
    connect(m_period, &QComboBox::currentIndexChanged, this, &FilterBar::changed);
    second->addWidget(m_period);

    m_after = addBound(QStringLiteral("createdAfter"), tr("Created after"), &m_afterOn, -3'600'000);
    second->addWidget(m_afterOn);
    second->addWidget(m_after);
    m_before = addBound(QStringLiteral("createdBefore"), tr("before"), &m_beforeOn, 0);
    second->addWidget(m_beforeOn);
    second->addWidget(m_before);
    second->addStretch(1);

    m_apiPath = new QLabel(this);
    m_apiPath->setObjectName(QStringLiteral("apiPath"));
    m_apiPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_apiPath->setWordWrap(true);
    outer->addWidget(m_apiPath);

    connect(m_search, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &FilterBar::changed);
}

QComboBox *FilterBar::addPicker(const QString &name, const QString &placeholder)
{
    auto *picker = new QComboBox(this);
    picker->setObjectName(name);
    picker->setEditable(true);
    picker->setInsertPolicy(QComboBox::NoInsert);
    picker->setMinimumContentsLength(11);
    picker->lineEdit()->setPlaceholderText(placeholder);
    picker->lineEdit()->setClearButtonEnabled(true);
    connect(picker->lineEdit(), &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(picker->lineEdit(), &QLineEdit::returnPressed, this, &FilterBar::changed);
    connect(picker, &QComboBox::activated, this, &FilterBar::changed);
    picker->installEventFilter(this);
    picker->lineEdit()->installEventFilter(this);
    return picker;
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::MouseButtonPress)
        emit choicesWanted();
    return QWidget::eventFilter(watched, event);
}

QDateTimeEdit *FilterBar::addBound(const QString &name, const QString &label, QCheckBox **toggle,
                                   qint64 offsetFromNowMs)
{
    *toggle = new QCheckBox(label, this);
    (*toggle)->setObjectName(name + QStringLiteral("On"));
    auto *edit = new QDateTimeEdit(QDateTime::currentDateTime(), this);
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    edit->setEnabled(false);
    connect(*toggle, &QCheckBox::toggled, edit, [edit, offsetFromNowMs](bool on) {
        edit->setEnabled(on);
        // Until the user picks a time, ticking the box starts from a useful one: "created
        // after" an hour ago, "before" now (not the console's start, which matched nothing).
        if (on && !edit->property("picked").toBool())
            edit->setDateTime(QDateTime::currentDateTime().addMSecs(offsetFromNowMs));
    });
    connect(*toggle, &QCheckBox::toggled, this, &FilterBar::changed);
    connect(edit, &QDateTimeEdit::editingFinished, this, [this, edit, toggle = *toggle] {
        edit->setProperty("picked", true);
        if (toggle->isChecked())
            emit changed();
    });
    return edit;
}

QUrlQuery FilterBar::query() const
{
    return query(Clock::nowMs());
}

QUrlQuery FilterBar::query(qint64 now) const
{
    QUrlQuery query;
    QStringList states;
    for (int i = 0; i < m_states.size(); ++i)
        if (m_states.at(i)->isChecked())
            states.append(stateWords().at(i));
    if (!states.isEmpty())
        query.addQueryItem(QStringLiteral("state"), states.join(QLatin1Char(',')));
    if (const QString type = m_type->currentText().trimmed(); !type.isEmpty())
        query.addQueryItem(QStringLiteral("type"), type);
    if (const QString worker = m_worker->currentText().trimmed(); !worker.isEmpty())
        query.addQueryItem(QStringLiteral("worker"), worker);
    // The API's periods are 1h, 24h, 7d; the last 15 minutes is a created_after.
    const QString period = periodWords().value(m_period->currentIndex());
    qint64 after = m_afterOn->isChecked() ? m_after->dateTime().toMSecsSinceEpoch() : 0;
    if (period == QLatin1String("15m"))
        after = qMax(after, now - kQuarterHourMs);
    else if (!period.isEmpty())
        query.addQueryItem(QStringLiteral("period"), period);
    if (after)
        query.addQueryItem(QStringLiteral("created_after"), Clock::toIso(after));
    if (m_beforeOn->isChecked())
        query.addQueryItem(QStringLiteral("created_before"),
                           Clock::toIso(m_before->dateTime().toMSecsSinceEpoch()));
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
    m_type->setEditText(type);
    emit changed();
}

void FilterBar::setWorker(const QString &worker)
{
    m_worker->setEditText(worker);
    emit changed();
}

void FilterBar::setPeriod(const QString &word)
{
    const QSignalBlocker blocker(m_period);
    m_period->setCurrentIndex(qMax(0, int(periodWords().indexOf(word))));
    emit changed();
}

void FilterBar::setCreatedAfter(const QDateTime &at)
{
    const QSignalBlocker blocker(m_afterOn);
    m_afterOn->setChecked(at.isValid());
    m_after->setEnabled(at.isValid());
    if (at.isValid())
        m_after->setDateTime(at);
    emit changed();
}

void FilterBar::setCreatedBefore(const QDateTime &at)
{
    const QSignalBlocker blocker(m_beforeOn);
    m_beforeOn->setChecked(at.isValid());
    m_before->setEnabled(at.isValid());
    if (at.isValid())
        m_before->setDateTime(at);
    emit changed();
}

void FilterBar::setSearch(const QString &text)
{
    m_search->setText(text);
    emit changed();
}

void FilterBar::showOnly(const JobsLink &link)
{
    {
        const QSignalBlocker blocker(this); // one change, not one per field
        QStringList words;
        for (JobState state : link.states)
            words.append(stateWords().at(int(state)));
        setStates(words);
        setType(link.type);
        setWorker(link.worker);
        setPeriod(QString());
        setCreatedAfter({});
        setCreatedBefore({});
        setSearch(link.search);
    }
    emit changed();
}

void FilterBar::setChoices(const QStringList &types, const QStringList &workers)
{
    const auto fill = [](QComboBox *picker, const QStringList &names) {
        const QSignalBlocker blocker(picker);
        const QString text = picker->currentText();
        picker->clear();
        picker->addItems(names);
        picker->setEditText(text); // what the user typed stays
    };
    fill(m_type, types);
    fill(m_worker, workers);
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}
