#include "NewJobDialog.h"

#include "actions/ReplayDialog.h"
#include "api/Validation.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

NewJobDialog::NewJobDialog(const QStringList &knownTypes, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("New job"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("newJobType"));
    m_type->setEditable(true);
    m_type->addItems(knownTypes);
    m_type->setCurrentText(QString());
    form->addRow(tr("Type"), m_type);
    m_variables = new QPlainTextEdit(this);
    m_variables->setObjectName(QStringLiteral("newJobVariables"));
    m_variables->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_variables->setPlainText(QStringLiteral("{\n}\n"));
    form->addRow(tr("Variables (JSON)"), m_variables);
    const auto spin = [this](int min, int max, int value, const QString &suffix) {
        auto *box = new QSpinBox(this);
        box->setRange(min, max);
        box->setValue(value);
        box->setSuffix(suffix);
        return box;
    };
    m_priority = spin(-100, 100, 0, QString());
    form->addRow(tr("Priority"), m_priority);
    m_retries = spin(0, 100, 3, QString());
    form->addRow(tr("Retries"), m_retries);
    m_timeoutSeconds = spin(1, 24 * 3600, 120, tr(" s"));
    form->addRow(tr("Timeout"), m_timeoutSeconds);
    m_delaySeconds = spin(0, 366 * 24 * 3600, 0, tr(" s"));
    m_delaySeconds->setToolTip(tr("0: ready now; otherwise the job is SCHEDULED until then"));
    form->addRow(tr("Delay"), m_delaySeconds);
    m_tenant = new QLineEdit(QStringLiteral("default"), this);
    m_tenant->setObjectName(QStringLiteral("newJobTenant"));
    form->addRow(tr("Tenant"), m_tenant);
    layout->addLayout(form, 1);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("newJobError"));
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NewJobDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 480);
}

QString NewJobDialog::problem() const
{
    if (!FieldReader::isName(m_type->currentText().trimmed()))
        return tr("The type must be 1-100 characters: letters, digits, hyphens, underscores.");
    if (!FieldReader::isName(m_tenant->text().trimmed()))
        return tr("The tenant must be 1-100 characters: letters, digits, hyphens, underscores.");
    QJsonObject variables;
    return ReplayDialog::parse(m_variables->toPlainText(), &variables);
}

CreateSpec NewJobDialog::spec() const
{
    CreateSpec s;
    s.type = m_type->currentText().trimmed();
    ReplayDialog::parse(m_variables->toPlainText(), &s.variables);
    s.priority = m_priority->value();
    s.retries = m_retries->value();
    s.timeoutMs = qint64(m_timeoutSeconds->value()) * 1000;
    s.delayMs = qint64(m_delaySeconds->value()) * 1000;
    s.tenantId = m_tenant->text().trimmed();
    return s;
}

void NewJobDialog::accept()
{
    const QString why = problem();
    m_error->setText(why);
    if (why.isEmpty())
        QDialog::accept();
}
