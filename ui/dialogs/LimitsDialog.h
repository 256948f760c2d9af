#pragma once

#include "engine/OperatorCommands.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

// A job type's limits (PUT /job-types/:type/limits): at most N jobs active at once, at most N
// activations per window. An unticked limit is removed.
class LimitsDialog : public QDialog
{
    Q_OBJECT
public:
    LimitsDialog(const QString &type, const TypeLimit &current, QWidget *parent = nullptr);
    // Both limits, as the dialog shows them.
    TypeLimitChange change() const;

private:
    QCheckBox *m_capActive;
    QSpinBox *m_maxActive;
    QCheckBox *m_capRate;
    QSpinBox *m_rateLimit;
    QSpinBox *m_perAmount;
    QComboBox *m_perUnit;
};
