#include "MatchCount.h"

#include "models/JobPageLoader.h"
#include "models/JobTableModel.h"

#include <QVBoxLayout>

#include <utility>

MatchCount::MatchCount(JobTableModel *model, QWidget *emptyListParent, QWidget *parent)
    : QLabel(parent), m_model(model)
{
    setObjectName(QStringLiteral("matchCount"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_empty = new QLabel(emptyListParent);
    m_empty->setObjectName(QStringLiteral("emptyListHint"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false); // the palette's muted text
    auto *layout = new QVBoxLayout(emptyListParent);
    layout->addWidget(m_empty, 0, Qt::AlignCenter);
    m_empty->hide();
    connect(m_model, &JobTableModel::queryChanged, this, [this] {
        ++m_generation;
        recount();
    });
    connect(m_model, &JobTableModel::refreshApplied, this, &MatchCount::recount);
}

void MatchCount::recount()
{
    const std::optional<ListParams> &params = m_model->params();
    if (!params) { // the filter bar says what is wrong with the query
        m_total = -1;
        setText({});
        m_empty->hide();
        return;
    }
    if (m_counting) {
        m_again = true;
        return;
    }
    m_counting = true;
    m_model->loader().read<JobSource::Count>(
        [f = params->filter](JobSource &source) { return source.count(f, kCap); }, this,
        [this, generation = m_generation](JobSource::Count count) {
            m_counting = false;
            if (generation == m_generation)
                show(count.total, count.exact);
            if (std::exchange(m_again, false) || generation != m_generation)
                recount();
        });
}

void MatchCount::show(qint64 total, bool exact)
{
    m_total = total;
    m_exact = exact;
    if (!exact)
        setText(tr("More than %L1 jobs match").arg(total));
    else if (total == 0)
        setText(tr("No jobs match"));
    else
        setText(tr("%Ln job(s) match", nullptr, int(total)));
    m_empty->setText(tr("No jobs match these filters."));
    m_empty->setVisible(total == 0);
    emit counted(total, exact);
}
