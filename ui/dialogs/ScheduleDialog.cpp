#include "ScheduleDialog.h"

#include "api/Validation.h"
#include "core/Clock.h"
#include "core/IsoDuration.h"
#include "core/JsonText.h"
#include "core/Recurrence.h"
#include "models/JobStateStyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeZone>
#include <QVBoxLayout>

namespace {
enum Kind { CronKind, EveryKind };
constexpr int kPreviewRuns = 5;
} // namespace

ScheduleDialog::ScheduleDialog(const ScheduleRecord *existing, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("scheduleDialog"));
    setWindowTitle(existing ? tr("Edit schedule %1").arg(existing->name) : tr("New schedule"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(QStringLiteral("nightly-report"));
    m_type = new QLineEdit(this);
    m_type->setPlaceholderText(QStringLiteral("report"));
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Cron expression"), CronKind);
    m_kind->addItem(tr("Every"), EveryKind);
    m_cron = new QLineEdit(this);
    m_cron->setPlaceholderText(QStringLiteral("0 2 * * *"));
    m_cron->setToolTip(tr("Minute, hour, day of month, month, day of week (or six fields with "
                          "seconds first): *, 1,2, 1-5, */15, JAN, MON, L"));
    m_every = new QLineEdit(this);
    m_every->setPlaceholderText(QStringLiteral("PT15M"));
    m_every->setToolTip(tr("An ISO 8601 duration of at least one second: PT30S, PT15M, PT1H, P1D"));
    m_zone = new QComboBox(this);
    m_zone->setEditable(true);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(id));
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->setCurrentText(QStringLiteral("UTC"));
    m_variables = new QPlainTextEdit(this);
    m_variables->setPlainText(QStringLiteral("{}"));
    m_variables->setMaximumHeight(m_variables->fontMetrics().height() * 5);
    m_priority = new QSpinBox(this);
    m_priority->setRange(-100, 100);
    m_retries = new QSpinBox(this);
    m_retries->setRange(0, 100);
    m_retries->setValue(3);
    m_timeout = new QLineEdit(QStringLiteral("PT2M"), this);
    m_paused = new QCheckBox(tr("Paused: create no jobs until resumed"), this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Job &type:"), m_type);
    form->addRow(tr("&Repeat:"), m_kind);
    form->addRow(tr("&Cron:"), m_cron);
    form->addRow(tr("&Every:"), m_every);
    form->addRow(tr("Time &zone:"), m_zone);
    form->addRow(tr("&Variables:"), m_variables);
    form->addRow(tr("&Priority:"), m_priority);
    form->addRow(tr("Re&tries:"), m_retries);
    form->addRow(tr("T&imeout:"), m_timeout);
    form->addRow(QString(), m_paused);
    layout->addLayout(form);
    m_previewLabel = new QLabel(this);
    m_previewLabel->setObjectName(QStringLiteral("schedulePreview"));
    m_previewLabel->setWordWrap(true);
    m_previewLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_previewLabel);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (existing) {
        m_name->setText(existing->name);
        m_name->setEnabled(false);
        m_type->setText(existing->type);
        m_kind->setCurrentIndex(existing->cron.isEmpty() ? EveryKind : CronKind);
        m_cron->setText(existing->cron);
        if (existing->everyMs)
            m_every->setText(IsoDuration::fromMs(existing->everyMs));
        m_zone->setCurrentText(existing->timezone);
        m_variables->setPlainText(QString::fromUtf8(
            QJsonDocument(JsonText::object(existing->variables)).toJson(QJsonDocument::Indented)));
        m_priority->setValue(existing->priority);
        m_retries->setValue(existing->retries);
        m_timeout->setText(IsoDuration::fromMs(existing->timeoutMs));
        m_paused->setChecked(existing->paused);
    }
    for (QLineEdit *edit : {m_name, m_type, m_cron, m_every, m_timeout})
        connect(edit, &QLineEdit::textChanged, this, &ScheduleDialog::revalidate);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ScheduleDialog::revalidate);
    connect(m_zone, &QComboBox::currentTextChanged, this, &ScheduleDialog::revalidate);
    connect(m_variables, &QPlainTextEdit::textChanged, this, &ScheduleDialog::revalidate);
    revalidate();
}

QString ScheduleDialog::cronProblemText(const CronExpression::Problem &p)
{
    using P = CronExpression::Problem;
    if (p.kind == P::FieldCount)
        return tr("A cron expression has 5 fields (minute, hour, day of month, month, day of "
                  "week) or 6 with seconds first; this one has %n",
                  nullptr, p.fieldCount);
    const QString fields[] = {tr("Seconds"),      tr("Minutes"), tr("Hours"),
                              tr("Day of month"), tr("Month"),   tr("Day of week")};
    QString what;
    switch (p.kind) {
    case P::FieldCount:
        break;
    case P::EmptyItem:
        what = tr("an empty list item");
        break;
    case P::LastDayMisplaced:
        what = tr("L (the last day) is for the day of month only");
        break;
    case P::AnyMisplaced:
        what = tr("? is for the day fields only");
        break;
    case P::TwoSteps:
        what = tr("\"%1\" has more than one step").arg(p.item);
        break;
    case P::BadStep:
        what = tr("the step of \"%1\" must be a whole number of at least 1").arg(p.item);
        break;
    case P::NotARange:
        what = tr("\"%1\" is not a range").arg(p.item);
        break;
    case P::NotANumber:
        what = p.names.isEmpty() ? tr("\"%1\" is not a number").arg(p.item)
                                 : tr("\"%1\" is not a number or a name (%2)")
                                       .arg(p.item, p.names.join(QLatin1Char(' ')));
        break;
    case P::OutOfRange:
        what = tr("%1 is out of range %2-%3").arg(p.item).arg(p.min).arg(p.max);
        break;
    case P::Backwards:
        what = tr("the range %1 runs backwards").arg(p.item);
        break;
    }
    return tr("%1 \"%2\": %3").arg(fields[int(p.field)], p.fieldText, what);
}

QString ScheduleDialog::name() const
{
    return m_name->text().trimmed();
}

QString ScheduleDialog::problem() const
{
    return m_problem;
}

bool ScheduleDialog::isAcceptable() const
{
    return m_problem.isEmpty();
}

ScheduleChange ScheduleDialog::change() const
{
    ScheduleChange c;
    c.type = m_type->text().trimmed();
    if (m_kind->currentData().toInt() == CronKind)
        c.cron = m_cron->text().trimmed();
    else
        c.everyMs = IsoDuration::parseMs(m_every->text().trimmed()).value_or(0);
    c.timezone = m_zone->currentText().trimmed();
    c.variables =
        JsonText::compact(QJsonDocument::fromJson(m_variables->toPlainText().toUtf8()).object());
    // custom_headers are not shown here: an edit keeps those the API set.
    c.priority = m_priority->value();
    c.retries = m_retries->value();
    c.timeoutMs = IsoDuration::parseMs(m_timeout->text().trimmed()).value_or(120'000);
    c.paused = m_paused->isChecked();
    return c;
}

void ScheduleDialog::revalidate()
{
    const bool cron = m_kind->currentData().toInt() == CronKind;
    m_cron->setEnabled(cron);
    m_every->setEnabled(!cron);
    m_zone->setEnabled(cron);
    m_runs.clear();
    m_problem.clear();
    const QString zoneId = m_zone->currentText().trimmed();
    std::optional<Recurrence> recurrence;
    if (cron) {
        CronExpression::Problem problem;
        if (!CronExpression::parse(m_cron->text(), &problem))
            m_problem = cronProblemText(problem);
        else if (zoneId.isEmpty() || !QTimeZone(zoneId.toUtf8()).isValid())
            m_problem = tr("Time zone: \"%1\" is not an IANA time zone (such as Europe/Moscow or "
                           "UTC)")
                            .arg(zoneId);
        else
            recurrence = Recurrence::cron(m_cron->text(), zoneId);
    } else {
        const std::optional<qint64> every = IsoDuration::parseMs(m_every->text().trimmed());
        if (!every || *every < 1000)
            m_problem = tr("Every: an ISO 8601 duration of at least one second (PT30S, PT15M, "
                           "PT1H, P1D)");
        else
            recurrence = Recurrence::every(*every, Clock::nowMs());
    }
    if (recurrence) {
        const QTimeZone zone = cron ? QTimeZone(zoneId.toUtf8()) : QTimeZone::systemTimeZone();
        qint64 at = Clock::nowMs();
        for (int i = 0; i < kPreviewRuns; ++i) {
            const std::optional<qint64> next = recurrence->nextAfter(at);
            if (!next)
                break;
            const QDateTime when = QDateTime::fromMSecsSinceEpoch(*next, zone);
            m_runs.append(QLocale().toString(when, QStringLiteral("ddd d MMM yyyy HH:mm:ss")) +
                          QLatin1Char(' ') + when.timeZoneAbbreviation());
            at = *next;
        }
        if (m_runs.isEmpty())
            m_problem = tr("This expression never fires (no such date)");
    }
    // The fields the preview does not cover.
    const auto check = [&](bool ok, const QString &message) {
        if (!ok && m_problem.isEmpty())
            m_problem = message;
    };
    check(FieldReader::isName(name()), tr("Name: 1-100 letters, digits, hyphens or underscores"));
    check(FieldReader::isName(m_type->text().trimmed()),
          tr("Job type: 1-100 letters, digits, hyphens or underscores"));
    QJsonParseError parse;
    const QJsonDocument variables =
        QJsonDocument::fromJson(m_variables->toPlainText().toUtf8(), &parse);
    check(parse.error == QJsonParseError::NoError && variables.isObject(),
          tr("Variables: a JSON object, such as {\"report\": \"daily\"}"));
    const std::optional<qint64> timeout = IsoDuration::parseMs(m_timeout->text().trimmed());
    check(timeout && *timeout >= 1000 && *timeout <= 24LL * 3'600'000,
          tr("Timeout: an ISO 8601 duration from PT1S to PT24H"));

    if (m_problem.isEmpty())
        m_previewLabel->setText(tr("Next runs:") + QStringLiteral("\n") +
                                m_runs.join(QLatin1Char('\n')));
    else
        m_previewLabel->setText(m_problem);
    QPalette colours = palette();
    if (!m_problem.isEmpty())
        colours.setColor(QPalette::WindowText, JobStateStyle::color(JobState::Failed, colours));
    m_previewLabel->setPalette(colours);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
}
