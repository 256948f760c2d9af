#include "ReplayDialog.h"

#include "engine/JobSpecs.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

ReplayDialog::ReplayDialog(const QString &jobKey, const QString &confirmation,
                           const QJsonObject &variables, QWidget *parent)
    : QDialog(parent), m_variables(variables)
{
    setWindowTitle(tr("Replay %1").arg(jobKey));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(confirmation, this);
    text->setWordWrap(true);
    layout->addWidget(text);
    layout->addWidget(new QLabel(tr("Variables of the new job (JSON object):"), this));
    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("replayVariables"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlainText(
        QString::fromUtf8(QJsonDocument(variables).toJson(QJsonDocument::Indented)));
    layout->addWidget(m_editor, 1);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("replayError"));
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Replay"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ReplayDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReplayDialog::reject);
    layout->addWidget(buttons);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        QJsonObject ignored;
        m_error->setText(parse(m_editor->toPlainText(), &ignored));
    });
    resize(560, 420);
}

QString ReplayDialog::parse(const QString &text, QJsonObject *out)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return tr("Not valid JSON at character %1: %2").arg(error.offset).arg(error.errorString());
    if (!doc.isObject())
        return tr("The variables must be a JSON object ({...}).");
    if (QJsonDocument(doc.object()).toJson(QJsonDocument::Compact).size() >
        kDefaultMaxVariablesBytes)
        return tr("The variables are larger than %1 bytes.").arg(kDefaultMaxVariablesBytes);
    *out = doc.object();
    return {};
}

void ReplayDialog::accept()
{
    const QString problem = parse(m_editor->toPlainText(), &m_variables);
    m_error->setText(problem);
    if (problem.isEmpty())
        QDialog::accept();
}
