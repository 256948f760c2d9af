#include "ColumnChooser.h"

#include <QHeaderView>
#include <QMenu>

ColumnChooser::ColumnChooser(QHeaderView *header) : QObject(header), m_header(header)
{
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &ColumnChooser::showMenu);
}

void ColumnChooser::setColumnShown(int logical, bool shown)
{
    if (!shown && m_header->count() - m_header->hiddenSectionCount() <= 1)
        return;
    m_header->setSectionHidden(logical, !shown);
    if (shown && m_header->sectionSize(logical) < m_header->minimumSectionSize() * 2)
        m_header->resizeSection(logical, m_header->defaultSectionSize());
}

void ColumnChooser::showMenu(const QPoint &at)
{
    QMenu menu(m_header);
    menu.setTitle(tr("Columns"));
    QAbstractItemModel *model = m_header->model();
    // In the order the columns are shown.
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int logical = m_header->logicalIndex(visual);
        QAction *action =
            menu.addAction(model->headerData(logical, m_header->orientation()).toString());
        action->setCheckable(true);
        action->setChecked(!m_header->isSectionHidden(logical));
        connect(action, &QAction::toggled, this,
                [this, logical](bool on) { setColumnShown(logical, on); });
    }
    menu.exec(m_header->viewport()->mapToGlobal(at));
}
