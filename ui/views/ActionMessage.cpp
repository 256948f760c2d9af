#include "ActionMessage.h"

#include "models/JobStateStyle.h"

ActionMessage::ActionMessage(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("actionMessage"));
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void ActionMessage::showMessage(const QString &text, bool problem)
{
    setText(text);
    QPalette palette = parentWidget() ? parentWidget()->palette() : QPalette();
    if (problem)
        palette.setColor(QPalette::WindowText, JobStateStyle::color(JobState::Failed, palette));
    setPalette(palette);
    show();
}

void ActionMessage::clearMessage()
{
    clear();
    hide();
}

void ActionMessage::hideEvent(QHideEvent *event)
{
    QLabel::hideEvent(event);
    // Hidden with its view (not by clearMessage): what it said is over.
    if (!isHidden())
        clearMessage();
}
