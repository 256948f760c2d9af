#pragma once

#include "core/CronExpression.h"
#include "engine/ScheduleCommands.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

// Creates or edits a schedule: its name, the job it creates, and when (a cron expression on a
// time zone, or every so often). As you type it previews the next five runs, or says what is
// wrong; OK is enabled only for a schedule the server would take.
class ScheduleDialog : public QDialog
{
    Q_OBJECT
public:
    // `existing`: edit that schedule (its name stays); null: a new one.
    explicit ScheduleDialog(const ScheduleRecord *existing, QWidget *parent = nullptr);

    QString name() const;
    // Every field, as POST /schedules takes them (a PUT with all fields for an edit).
    ScheduleChange change() const;

    // What the preview shows: the next runs, one per line, or the problem.
    QStringList preview() const { return m_runs; }
    QString problem() const;
    bool isAcceptable() const;
    // What is wrong with a cron expression, in the console's language.
    static QString cronProblemText(const CronExpression::Problem &problem);

    // The field widgets, for tests and keyboard users alike.
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *typeEdit() const { return m_type; }
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *cronEdit() const { return m_cron; }
    QLineEdit *everyEdit() const { return m_every; }
    QComboBox *zoneBox() const { return m_zone; }
    QPlainTextEdit *variablesEdit() const { return m_variables; }

private:
    void revalidate();

    QLineEdit *m_name;
    QLineEdit *m_type;
    QComboBox *m_kind;
    QLineEdit *m_cron;
    QLineEdit *m_every;
    QComboBox *m_zone;
    QPlainTextEdit *m_variables;
    QSpinBox *m_priority;
    QSpinBox *m_retries;
    QLineEdit *m_timeout;
    QCheckBox *m_paused;
    QLabel *m_previewLabel;
    QDialogButtonBox *m_buttons;
    QStringList m_runs;
    QString m_problem;
};
