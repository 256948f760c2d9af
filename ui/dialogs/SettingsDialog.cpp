#include "SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(QWidget *parent, bool forcedReadOnly)
    : QDialog(parent), m_forcedReadOnly(forcedReadOnly)
{
    setWindowTitle(tr("Settings"));
    QSettings settings;
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Русский"), QStringLiteral("ru"));
    m_language->setCurrentIndex(
        qMax(0, m_language->findData(settings.value(QLatin1String(kLanguage)).toString())));
    form->addRow(tr("&Language:"), m_language);
    auto *restart = new QLabel(tr("A new language applies at the next start."), this);
    restart->setEnabled(false);
    form->addRow(QString(), restart);
    m_notify = new QCheckBox(tr("Notify me of new incidents (system tray)"), this);
    m_notify->setObjectName(QStringLiteral("notifyIncidents"));
    m_notify->setChecked(settings.value(QLatin1String(kNotifyIncidents), true).toBool());
    form->addRow(QString(), m_notify);
    m_readOnly = new QCheckBox(tr("Read-only: no action can change a job or a key"), this);
    m_readOnly->setObjectName(QStringLiteral("readOnly"));
    m_readOnly->setChecked(forcedReadOnly ||
                           settings.value(QLatin1String(kReadOnly), false).toBool());
    if (forcedReadOnly) {
        m_readOnly->setEnabled(false);
        m_readOnly->setToolTip(tr("Started with --read-only: read-only until the next start"));
    }
    form->addRow(QString(), m_readOnly);
    m_refresh = new QSpinBox(this);
    m_refresh->setRange(250, 60'000);
    m_refresh->setSingleStep(250);
    m_refresh->setSuffix(tr(" ms"));
    m_refresh->setValue(settings.value(QLatin1String(kRefreshMs), 2000).toInt());
    form->addRow(tr("&Refresh views every:"), m_refresh);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void SettingsDialog::save() const
{
    QSettings settings;
    settings.setValue(QLatin1String(kLanguage), m_language->currentData().toString());
    settings.setValue(QLatin1String(kNotifyIncidents), m_notify->isChecked());
    if (!m_forcedReadOnly) // the stored choice applies again at a start without --read-only
        settings.setValue(QLatin1String(kReadOnly), m_readOnly->isChecked());
    settings.setValue(QLatin1String(kRefreshMs), m_refresh->value());
}
