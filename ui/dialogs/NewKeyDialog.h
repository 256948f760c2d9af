#pragma once

#include "auth/ApiKey.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

// Asks for a new API key's name, permissions and tenants, checked as POST /api/v1/api-keys
// checks them (OK stays disabled, with the reason shown, until they are valid).
class NewKeyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewKeyDialog(QWidget *parent = nullptr);

    ApiKey key() const;
    // Empty when valid, else what is wrong.
    QString problem() const;

    QLineEdit *nameField() const { return m_name; }
    QLineEdit *tenantsField() const { return m_tenants; }
    QCheckBox *permission(int index) const { return m_permissions.value(index); }

private:
    void validate();

    QLineEdit *m_name;
    QList<QCheckBox *> m_permissions; // read, job, admin
    QLineEdit *m_tenants;
    QLabel *m_problem;
    QPushButton *m_ok;
};
