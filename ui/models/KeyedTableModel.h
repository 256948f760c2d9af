#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

#include <algorithm>

// A table of rows that each have a key, replaced by fresh snapshots (setRows). The change is
// applied as removes of vanished keys, a layout change when survivors moved, inserts of new keys
// and one dataChanged: views keep their selection and current row across refreshes.
template <typename Row> class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    const Row &rowAt(int row) const { return m_rows.at(row); }
    const QList<Row> &rows() const { return m_rows; }
    int rowOfKey(const QString &key) const
    {
        for (int i = 0; i < m_rows.size(); ++i)
            if (keyOf(m_rows.at(i)) == key)
                return i;
        return -1;
    }

    void setRows(QList<Row> fresh)
    {
        QHash<QString, int> freshIndex;
        for (int i = 0; i < fresh.size(); ++i)
            freshIndex.insert(keyOf(fresh.at(i)), i);
        removeVanished(freshIndex);
        reorderSurvivors(freshIndex);
        // Survivors are now in fresh order: insert the new keys where they belong.
        for (int i = 0; i < fresh.size(); ++i) {
            if (i < m_rows.size() && keyOf(m_rows.at(i)) == keyOf(fresh.at(i)))
                continue;
            beginInsertRows({}, i, i);
            m_rows.insert(i, fresh.at(i));
            endInsertRows();
        }
        m_rows = std::move(fresh);
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, columnCount() - 1));
    }

protected:
    virtual QString keyOf(const Row &row) const = 0;

private:
    void removeVanished(const QHash<QString, int> &freshIndex)
    {
        for (int end = int(m_rows.size()) - 1; end >= 0;) {
            if (freshIndex.contains(keyOf(m_rows.at(end)))) {
                --end;
                continue;
            }
            int begin = end;
            while (begin > 0 && !freshIndex.contains(keyOf(m_rows.at(begin - 1))))
                --begin;
            beginRemoveRows({}, begin, end);
            m_rows.remove(begin, end - begin + 1);
            endRemoveRows();
            end = begin - 1;
        }
    }
    void reorderSurvivors(const QHash<QString, int> &freshIndex)
    {
        const auto order = [&](const Row &a, const Row &b) {
            return freshIndex.value(keyOf(a)) < freshIndex.value(keyOf(b));
        };
        if (std::is_sorted(m_rows.cbegin(), m_rows.cend(), order))
            return;
        emit layoutAboutToBeChanged();
        QList<Row> sorted = m_rows;
        std::stable_sort(sorted.begin(), sorted.end(), order);
        QHash<QString, int> newRow;
        for (int i = 0; i < sorted.size(); ++i)
            newRow.insert(keyOf(sorted.at(i)), i);
        const QModelIndexList before = persistentIndexList();
        QModelIndexList after;
        after.reserve(before.size());
        for (const QModelIndex &old : before)
            after.append(index(newRow.value(keyOf(m_rows.at(old.row()))), old.column()));
        m_rows = std::move(sorted);
        changePersistentIndexList(before, after);
        emit layoutChanged();
    }

    QList<Row> m_rows;
};
