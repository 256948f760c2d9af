#pragma once

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QPlainTextEdit;

// Replay with edited variables: the old job's variables as indented JSON, editable; OK only
// when the text is a JSON object the API would accept.
class ReplayDialog : public QDialog
{
    Q_OBJECT
public:
    ReplayDialog(const QString &jobKey, const QString &confirmation, const QJsonObject &variables,
                 QWidget *parent = nullptr);

    QJsonObject variables() const { return m_variables; }
    QPlainTextEdit *editor() const { return m_editor; }

    // Empty when `text` is an acceptable variables object (then *out is set); otherwise why not.
    static QString parse(const QString &text, QJsonObject *out);

    void accept() override; // refuses (and says why) while the text is not acceptable

private:
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_error = nullptr;
    QJsonObject m_variables;
};
