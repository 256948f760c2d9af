#include "SortArrowStyle.h"

#include <QStyleOptionHeader>

void SortArrowStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option,
                                   QPainter *painter, const QWidget *widget) const
{
    const auto *header = qstyleoption_cast<const QStyleOptionHeader *>(option);
    if (element != PE_IndicatorHeaderArrow || !header ||
        header->sortIndicator == QStyleOptionHeader::None)
        return QProxyStyle::drawPrimitive(element, option, painter, widget);
    QStyleOptionHeader swapped = *header;
    swapped.sortIndicator = header->sortIndicator == QStyleOptionHeader::SortUp
                                ? QStyleOptionHeader::SortDown
                                : QStyleOptionHeader::SortUp;
    QProxyStyle::drawPrimitive(element, &swapped, painter, widget);
}
