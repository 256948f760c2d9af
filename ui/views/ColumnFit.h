#pragma once

class QTableView;

namespace ColumnFit {

// Each visible column as wide as its content, but the last one shown: it keeps stretching to
// the table's edge (QTableView::resizeColumnsToContents sizes it too, and the stretch is lost).
void toContents(QTableView *table);

} // namespace ColumnFit
