#pragma once

#include <QProxyStyle>

// Qt's header view paints Qt::DescendingOrder with the "sort up" arrow (▲) and ascending with
// ▼, which an operator reads backwards: the newest-first jobs list showed ▲. This style, set on
// a header, swaps the two so that the arrow points the way the values go (▼: largest first).
class SortArrowStyle : public QProxyStyle
{
    Q_OBJECT
public:
    using QProxyStyle::QProxyStyle;

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
};
