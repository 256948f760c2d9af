#pragma once

#include "engine/JobSpecs.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

// File ▸ New job… (Ctrl+N): one job as POST /api/v1/jobs creates it, for a developer testing a
// worker: type (the known ones offered), variables as JSON, priority, retries, timeout, tenant
// and a delay. Create is accepted only when the API would take the fields.
class NewJobDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewJobDialog(const QStringList &knownTypes, QWidget *parent = nullptr);

    CreateSpec spec() const; // as the fields say (valid after accept)

    QComboBox *typeField() const { return m_type; }
    QPlainTextEdit *variablesField() const { return m_variables; }
    QSpinBox *priorityField() const { return m_priority; }
    QLineEdit *tenantField() const { return m_tenant; }
    QLabel *errorLabel() const { return m_error; }

    // Empty when the fields make a job the API accepts; otherwise why not.
    QString problem() const;
    void accept() override;

private:
    QComboBox *m_type;
    QPlainTextEdit *m_variables;
    QSpinBox *m_priority;
    QSpinBox *m_retries;
    QSpinBox *m_timeoutSeconds;
    QSpinBox *m_delaySeconds;
    QLineEdit *m_tenant;
    QLabel *m_error;
};
