#pragma once

#include <QLabel>

// The line above a table that says how the last action went: selectable, word-wrapped, hidden
// until the first message, in the "failed" state colour when the action was refused.
class ActionMessage : public QLabel
{
    Q_OBJECT
public:
    explicit ActionMessage(QWidget *parent = nullptr);

    void showMessage(const QString &text, bool problem);
    void clearMessage(); // it spoke of jobs no longer in view

protected:
    // A message belongs to the moment it was said: a view left and come back to starts clean.
    void hideEvent(QHideEvent *event) override;
};
