#pragma once

#include <QObject>

class QHeaderView;

// The header's context menu: one checkable entry per column, to show or hide it (the header's
// saved state keeps the choice). The last visible column cannot be hidden.
class ColumnChooser : public QObject
{
    Q_OBJECT
public:
    explicit ColumnChooser(QHeaderView *header);

    void setColumnShown(int logical, bool shown);

private:
    void showMenu(const QPoint &at);

    QHeaderView *m_header;
};
