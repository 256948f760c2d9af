#include "ColumnFit.h"

#include <QHeaderView>
#include <QTableView>

void ColumnFit::toContents(QTableView *table)
{
    QHeaderView *header = table->horizontalHeader();
    int last = -1; // the logical index shown last
    for (int visual = header->count() - 1; visual >= 0 && last < 0; --visual)
        if (!header->isSectionHidden(header->logicalIndex(visual)))
            last = header->logicalIndex(visual);
    for (int column = 0; column < header->count(); ++column)
        if (column != last && !header->isSectionHidden(column))
            table->resizeColumnToContents(column);
}
