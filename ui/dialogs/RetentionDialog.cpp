#include "RetentionDialog.h"

#include "views/SpanText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

constexpr qint64 kUnits[] = {1000, 60'000, 3'600'000, 86'400'000}; // s, min, h, days

std::optional<qint64> &slot(RetentionPolicy &p, RetentionDialog::Kind kind)
{
    switch (kind) {
    case RetentionDialog::Completed:
        return p.completedMs;
    case RetentionDialog::Cancelled:
        return p.cancelledMs;
    default:
        return p.failedMs;
    }
}

} // namespace

RetentionDialog::RetentionDialog(const RetentionPolicy &policy, bool readOnly, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("retentionDialog"));
    setWindowTitle(tr("Retention"));
    auto *layout = new QVBoxLayout(this);
    auto *about = new QLabel(
        tr("Finished jobs older than this are deleted with their history, a few hundred at a "
           "time in the background. Jobs with an open incident are always kept. Every node of "
           "the store applies the same policy (GET|PUT /api/v1/settings/retention)."),
        this);
    about->setWordWrap(true);
    layout->addWidget(about);
    auto *form = new QFormLayout;
    const QString labels[KindCount] = {tr("&Completed jobs:"), tr("C&ancelled jobs:"),
                                       tr("&Failed jobs:")};
    const char *names[KindCount] = {"completed", "cancelled", "failed"};
    for (int k = 0; k < KindCount; ++k) {
        Row &row = m_rows[k];
        auto *line = new QHBoxLayout;
        row.amount = new QSpinBox(this);
        row.amount->setObjectName(QLatin1String(names[k]) + QStringLiteral("Amount"));
        row.amount->setRange(1, 99'999);
        row.unit = new QComboBox(this);
        row.unit->setObjectName(QLatin1String(names[k]) + QStringLiteral("Unit"));
        row.unit->addItem(tr("seconds"), kUnits[0]);
        row.unit->addItem(tr("minutes"), kUnits[1]);
        row.unit->addItem(tr("hours"), kUnits[2]);
        row.unit->addItem(tr("days"), kUnits[3]);
        row.keepForever = new QCheckBox(tr("Keep for ever"), this);
        row.keepForever->setObjectName(QLatin1String(names[k]) + QStringLiteral("Forever"));
        connect(row.keepForever, &QCheckBox::toggled, this, [row](bool on) {
            row.amount->setEnabled(!on);
            row.unit->setEnabled(!on);
        });
        line->addWidget(row.amount);
        line->addWidget(row.unit);
        line->addWidget(row.keepForever);
        line->addStretch(1);
        form->addRow(labels[k], line);
        auto *label = qobject_cast<QLabel *>(form->labelForField(line));
        if (label)
            label->setBuddy(row.amount);
    }
    m_rows[Failed].keepForever->setToolTip(tr("FAILED and ERROR_THROWN jobs without an open incident"));
    layout->addLayout(form);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    if (readOnly) {
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
        m_buttons->button(QDialogButtonBox::Save)
            ->setToolTip(tr("Read-only mode: the retention policy cannot be changed"));
    }
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    RetentionPolicy p = policy;
    for (int k = 0; k < KindCount; ++k)
        setPeriod(Kind(k), slot(p, Kind(k)));
}

void RetentionDialog::setPeriod(Kind kind, std::optional<qint64> keepMs)
{
    const Row &row = m_rows[kind];
    row.keepForever->setChecked(!keepMs);
    row.amount->setEnabled(bool(keepMs));
    row.unit->setEnabled(bool(keepMs));
    const qint64 ms = keepMs.value_or(kUnits[3] * 7);
    int unit = 0; // the largest unit that states it exactly
    for (int u = 3; u > 0; --u)
        if (ms % kUnits[u] == 0) {
            unit = u;
            break;
        }
    row.unit->setCurrentIndex(unit);
    row.amount->setValue(int(qBound<qint64>(qint64(1), ms / kUnits[unit], qint64(99999))));
}

std::optional<qint64> RetentionDialog::period(Kind kind) const
{
    const Row &row = m_rows[kind];
    if (row.keepForever->isChecked())
        return std::nullopt;
    return row.amount->value() * row.unit->currentData().toLongLong();
}

RetentionPolicy RetentionDialog::policy() const
{
    RetentionPolicy p;
    for (int k = 0; k < KindCount; ++k)
        slot(p, Kind(k)) = period(Kind(k));
    return p;
}

QString RetentionDialog::describe(const RetentionPolicy &policy)
{
    const auto kept = [](const std::optional<qint64> &ms) {
        return ms ? SpanText::exact(*ms) : tr("for ever");
    };
    return tr("completed %1, cancelled %2, failed %3")
        .arg(kept(policy.completedMs), kept(policy.cancelledMs), kept(policy.failedMs));
}
