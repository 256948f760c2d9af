#include "AdminKeyDialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

AdminKeyDialog::AdminKeyDialog(const QByteArray &clearKey, QWidget *parent, const QString &message)
    : QDialog(parent)
{
    setWindowTitle(message.isEmpty() ? tr("Admin API key") : tr("New API key"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(message.isEmpty()
                                ? tr("Jobdeck created the first admin API key. It is shown only "
                                     "now: copy it and keep it somewhere safe.")
                                : message,
                            this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *field = new QLineEdit(QString::fromLatin1(clearKey), this);
    field->setReadOnly(true);
    field->setObjectName(QStringLiteral("adminKey"));
    field->setMinimumWidth(field->fontMetrics().horizontalAdvance(field->text()) + 24);
    layout->addWidget(field);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok, this);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
            [field] { QGuiApplication::clipboard()->setText(field->text()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    layout->addWidget(buttons);
}
