#pragma once

#include <QLabel>

class JobTableModel;

// "1 234 jobs match" for the jobs table's filter, as GET /api/v1/jobs counts total_count: exact
// from the counters when they suffice, otherwise counted up to kCap ("more than 10 000"). Read on
// the table's loader thread after each new query and each applied refresh, one count at a time;
// an answer for an older query is dropped. While nothing matches, the table itself says so.
class MatchCount : public QLabel
{
    Q_OBJECT
public:
    static constexpr qint64 kCap = 10'000;

    MatchCount(JobTableModel *model, QWidget *emptyListParent, QWidget *parent = nullptr);

    // The last count shown; -1 before the first.
    qint64 total() const { return m_total; }
    bool isExact() const { return m_exact; }

public slots:
    void recount();

signals:
    void counted(qint64 total, bool exact);

private:
    void show(qint64 total, bool exact);

    JobTableModel *m_model;
    QLabel *m_empty;          // over the empty table
    quint64 m_generation = 0; // bumped by each new query
    bool m_counting = false;
    bool m_again = false;
    qint64 m_total = -1;
    bool m_exact = true;
};
