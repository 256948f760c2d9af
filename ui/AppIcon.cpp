#include "AppIcon.h"

#include <QPainter>
#include <QPixmap>

namespace AppIcon {

namespace {
QPixmap paint(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 64.0, size / 64.0); // drawn on the SVG's 64×64 grid
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x1f3b5c));
    p.drawRoundedRect(QRectF(4, 4, 56, 56), 10, 10);
    const QRgb cards[] = {0x2e7d32, 0x00796b, 0xc62828};
    const qreal widths[] = {22, 16, 19};
    for (int i = 0; i < 3; ++i) {
        const qreal y = 14 + 13 * i;
        p.setBrush(QColor(cards[i]));
        p.drawRoundedRect(QRectF(12, y, 40, 9), 3, 3);
        p.setBrush(Qt::white);
        p.drawEllipse(QPointF(18, y + 4.5), 2.2, 2.2);
        p.drawRoundedRect(QRectF(24, y + 3.5, widths[i], 2), 1, 1);
    }
    return pixmap;
}
} // namespace

QIcon icon()
{
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(paint(size));
    return icon;
}

} // namespace AppIcon
