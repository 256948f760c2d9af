#pragma once

#include "engine/Retention.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QSpinBox;

// Settings ▸ Retention: how long completed, cancelled and failed jobs are kept, or "keep for
// ever": the policy of GET|PUT /api/v1/settings/retention, kept in the store for every node.
// The dialog edits a policy; the window sends it to the engine.
class RetentionDialog : public QDialog
{
    Q_OBJECT
public:
    enum Kind { Completed, Cancelled, Failed, KindCount };

    RetentionDialog(const RetentionPolicy &policy, bool readOnly, QWidget *parent = nullptr);

    RetentionPolicy policy() const;
    // One kind's period: `keepMs` empty keeps those jobs for ever.
    void setPeriod(Kind kind, std::optional<qint64> keepMs);
    QCheckBox *keepForever(Kind kind) const { return m_rows[kind].keepForever; }
    QSpinBox *amount(Kind kind) const { return m_rows[kind].amount; }
    QComboBox *unit(Kind kind) const { return m_rows[kind].unit; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    // "completed 7 days, cancelled 7 days, failed for ever"
    static QString describe(const RetentionPolicy &policy);

private:
    struct Row
    {
        QCheckBox *keepForever = nullptr;
        QSpinBox *amount = nullptr;
        QComboBox *unit = nullptr;
    };
    std::optional<qint64> period(Kind kind) const;

    Row m_rows[KindCount];
    QDialogButtonBox *m_buttons = nullptr;
};
