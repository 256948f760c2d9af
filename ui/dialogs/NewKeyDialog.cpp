#include "NewKeyDialog.h"

#include "api/Validation.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
const char *const kPermissions[] = {"read", "job", "admin"};
}

NewKeyDialog::NewKeyDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Create API key"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("keyName"));
    m_name->setPlaceholderText(tr("e.g. ci-worker"));
    form->addRow(tr("&Name:"), m_name);
    auto *permissions = new QHBoxLayout;
    const QString labels[] = {tr("Read"), tr("Job"), tr("Admin")};
    for (int i = 0; i < 3; ++i) {
        auto *box = new QCheckBox(labels[i], this);
        box->setObjectName(QStringLiteral("permission_") + QLatin1String(kPermissions[i]));
        box->setChecked(i == 1);
        permissions->addWidget(box);
        m_permissions.append(box);
        connect(box, &QCheckBox::toggled, this, &NewKeyDialog::validate);
    }
    permissions->addStretch();
    form->addRow(tr("Permissions:"), permissions);
    m_tenants = new QLineEdit(QStringLiteral("*"), this);
    m_tenants->setObjectName(QStringLiteral("keyTenants"));
    m_tenants->setToolTip(tr("Tenant ids separated by commas, or * for every tenant"));
    form->addRow(tr("&Tenants:"), m_tenants);
    layout->addLayout(form);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_name, &QLineEdit::textChanged, this, &NewKeyDialog::validate);
    connect(m_tenants, &QLineEdit::textChanged, this, &NewKeyDialog::validate);
    validate();
}

ApiKey NewKeyDialog::key() const
{
    ApiKey key;
    key.name = m_name->text().trimmed();
    for (int i = 0; i < m_permissions.size(); ++i)
        if (m_permissions.at(i)->isChecked())
            key.permissions.append(QLatin1String(kPermissions[i]));
    for (const QString &t : m_tenants->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty())
            key.tenants.append(t.trimmed());
    key.tenants.removeDuplicates();
    return key;
}

QString NewKeyDialog::problem() const
{
    const ApiKey k = key();
    if (!FieldReader::isName(k.name))
        return tr("The name must be 1-100 characters: letters, digits, hyphens, underscores.");
    if (k.permissions.isEmpty())
        return tr("Give at least one permission.");
    if (k.tenants.isEmpty())
        return tr("Give at least one tenant, or * for every tenant.");
    for (const QString &t : k.tenants)
        if (t != QLatin1String("*") && !FieldReader::isName(t))
            return tr("\"%1\" is not a tenant id.").arg(t);
    return {};
}

void NewKeyDialog::validate()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty() && !m_name->text().isEmpty());
    m_ok->setEnabled(text.isEmpty());
}
