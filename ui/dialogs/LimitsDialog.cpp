#include "LimitsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
constexpr qint64 kUnits[] = {1000, 60'000, 3'600'000}; // s, min, h
} // namespace

LimitsDialog::LimitsDialog(const QString &type, const TypeLimit &current, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("limitsDialog"));
    setWindowTitle(tr("Limits of %1").arg(type));
    auto *layout = new QVBoxLayout(this);
    auto *about = new QLabel(tr("Activation hands out no more jobs of %1 than these limits "
                                "allow, on every node of the store. Workers waiting in a long "
                                "poll get a job as soon as a slot frees.")
                                 .arg(type),
                             this);
    about->setWordWrap(true);
    layout->addWidget(about);
    auto *grid = new QGridLayout;
    m_capActive = new QCheckBox(tr("At &most"), this);
    m_maxActive = new QSpinBox(this);
    m_maxActive->setRange(1, 1'000'000);
    m_maxActive->setValue(current.maxActive.value_or(5));
    m_capActive->setChecked(current.maxActive.has_value());
    grid->addWidget(m_capActive, 0, 0);
    grid->addWidget(m_maxActive, 0, 1);
    grid->addWidget(new QLabel(tr("jobs active at once"), this), 0, 2, 1, 3);
    m_capRate = new QCheckBox(tr("At m&ost"), this);
    m_rateLimit = new QSpinBox(this);
    m_rateLimit->setRange(1, 1'000'000);
    m_rateLimit->setValue(current.rateLimit.value_or(100));
    m_capRate->setChecked(current.rateLimit.has_value());
    m_perAmount = new QSpinBox(this);
    m_perAmount->setRange(1, 86'400);
    m_perUnit = new QComboBox(this);
    m_perUnit->addItem(tr("seconds"), kUnits[0]);
    m_perUnit->addItem(tr("minutes"), kUnits[1]);
    m_perUnit->addItem(tr("hours"), kUnits[2]);
    qint64 per = current.rateLimit ? current.ratePerMs : 60'000;
    int unit = 0;
    for (int i = 2; i >= 0; --i)
        if (per % kUnits[i] == 0) {
            unit = i;
            break;
        }
    m_perUnit->setCurrentIndex(unit);
    m_perAmount->setValue(int(per / kUnits[unit]));
    grid->addWidget(m_capRate, 1, 0);
    grid->addWidget(m_rateLimit, 1, 1);
    grid->addWidget(new QLabel(tr("activations per"), this), 1, 2);
    grid->addWidget(m_perAmount, 1, 3);
    grid->addWidget(m_perUnit, 1, 4);
    layout->addLayout(grid);
    const auto enable = [this] {
        m_maxActive->setEnabled(m_capActive->isChecked());
        for (QWidget *w : {static_cast<QWidget *>(m_rateLimit), static_cast<QWidget *>(m_perAmount),
                           static_cast<QWidget *>(m_perUnit)})
            w->setEnabled(m_capRate->isChecked());
    };
    connect(m_capActive, &QCheckBox::toggled, this, enable);
    connect(m_capRate, &QCheckBox::toggled, this, enable);
    enable();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

TypeLimitChange LimitsDialog::change() const
{
    TypeLimitChange c;
    c.maxActive =
        m_capActive->isChecked() ? std::optional<int>(m_maxActive->value()) : std::nullopt;
    const qint64 per = qMin<qint64>(
        qint64(m_perAmount->value()) * m_perUnit->currentData().toLongLong(), 24LL * 3600 * 1000);
    c.rate = m_capRate->isChecked()
                 ? std::optional<std::pair<int, qint64>>({m_rateLimit->value(), per})
                 : std::nullopt;
    return c;
}
