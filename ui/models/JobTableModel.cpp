#include "JobTableModel.h"

#include "JobStateStyle.h"
#include "StoreReader.h"
#include "core/Clock.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcJobModel, "jobdeck.ui.jobs")

namespace {

QString timeText(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
              : QString();
}

QString durationText(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60'000)
        return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    if (ms < 3'600'000)
        return QStringLiteral("%1 min %2 s").arg(ms / 60'000).arg(ms / 1000 % 60);
    return QStringLiteral("%1 h %2 min").arg(ms / 3'600'000).arg(ms / 60'000 % 60);
}

// Activation to the end, or to now while it runs; empty before the first activation.
std::optional<qint64> durationMs(const JobRecord &job)
{
    if (!job.activatedAt)
        return std::nullopt;
    const qint64 end = job.finishedAt                  ? job.finishedAt
                       : job.state == JobState::Active ? Clock::nowMs()
                                                       : 0;
    if (!end || end < job.activatedAt)
        return std::nullopt;
    return end - job.activatedAt;
}

bool sameRow(const JobRecord &a, const JobRecord &b)
{
    return a.updatedAt == b.updatedAt && a.state == b.state && a.retries == b.retries &&
           a.worker == b.worker && a.errorMessage == b.errorMessage;
}

} // namespace

JobTableModel::JobTableModel(StoreReader &reader, QObject *parent)
    : QAbstractTableModel(parent), m_reader(reader)
{}

bool JobTableModel::setQuery(const QUrlQuery &query)
{
    // Views and testers may call fetchMore from inside the notifications: not while we change.
    m_notifying = true;
    beginResetModel();
    m_query = query;
    m_rows.clear();
    m_last.reset();
    ApiError error;
    m_params = ListParams::parse(query, StoreReader::consoleKey(), Clock::nowMs(), error);
    m_error.clear();
    if (m_params) {
        m_params->page.limit = kPageSize;
        m_params->page.offset = 0;
        m_hasMore = true;
    } else {
        QStringList messages;
        const QJsonObject fields = error.details.value(QStringLiteral("field_errors")).toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            messages.append(QStringLiteral("%1: %2").arg(it.key(), it.value().toString()));
        m_error = messages.isEmpty() ? error.message : messages.join(QStringLiteral("; "));
        m_hasMore = false;
    }
    endResetModel();
    m_notifying = false;
    emit queryChanged();
    return m_params.has_value();
}

QString JobTableModel::apiPath() const
{
    const QString q = m_query.toString(QUrl::FullyEncoded);
    return q.isEmpty() ? QStringLiteral("/api/v1/jobs") : QStringLiteral("/api/v1/jobs?") + q;
}

int JobTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool JobTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_params && m_hasMore && !m_notifying;
}

void JobTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    PageRequest request = m_params->page;
    request.after = m_last;
    const StoreReader::Page page = m_reader.page(m_params->filter, request);
    m_lastMicros = page.micros;
    m_hasMore = page.hasMore;
    if (!page.jobs.isEmpty()) {
        const int first = int(m_rows.size());
        m_notifying = true;
        beginInsertRows({}, first, first + int(page.jobs.size()) - 1);
        m_rows.append(page.jobs);
        m_last = page.positions.last();
        endInsertRows();
        m_notifying = false;
    }
    qCDebug(lcJobModel) << "page of" << page.jobs.size() << "rows in" << page.micros << "us";
    emit loaded(int(page.jobs.size()), page.micros);
}

void JobTableModel::refresh()
{
    if (!m_params)
        return;
    // Re-read what is loaded (at least one page) from the top, in one snapshot.
    PageRequest request = m_params->page;
    const bool idOrder = request.sort == SortKey::CreatedAt;
    const bool windowed = idOrder && m_rows.size() > kRefreshRows;
    request.limit = windowed ? kRefreshRows : qMax(kPageSize, int(m_rows.size()));
    request.after.reset();
    const StoreReader::Page page = m_reader.page(m_params->filter, request);
    m_lastMicros = page.micros;

    // Rows past the window's last id are not re-read (an id never changes its place).
    int tail = 0;
    if (windowed && page.hasMore && !page.positions.isEmpty()) {
        const qint64 lastId = page.positions.last().id;
        for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it, ++tail)
            if (request.descending ? it->id >= lastId : it->id <= lastId)
                break;
    }
    QSet<qint64> fresh;
    for (const JobRecord &job : page.jobs)
        fresh.insert(job.id);
    m_notifying = true;
    if (tail == 0) {
        m_hasMore = page.hasMore;
        m_last = page.positions.isEmpty() ? std::nullopt : std::optional(page.positions.last());
    }
    removeVanished(fresh, tail);
    reorderSurvivors(page.jobs, tail);
    insertNew(page.jobs);
    updateChanged(page.jobs);
    m_notifying = false;
    emit loaded(int(page.jobs.size()), page.micros);
}

void JobTableModel::removeVanished(const QSet<qint64> &keep, int tail)
{
    // From the bottom of the window, one contiguous run at a time.
    for (int row = int(m_rows.size()) - tail - 1; row >= 0;) {
        if (keep.contains(m_rows.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !keep.contains(m_rows.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
}

void JobTableModel::reorderSurvivors(const QList<JobRecord> &fresh, int tail)
{
    // The rows still there, in their new relative order (a sort by updated_at moves them).
    const int head = int(m_rows.size()) - tail;
    QHash<qint64, int> oldRow;
    for (int i = 0; i < head; ++i)
        oldRow.insert(m_rows.at(i).id, i);
    QList<int> order; // new position -> old row
    for (const JobRecord &job : fresh)
        if (const auto it = oldRow.constFind(job.id); it != oldRow.constEnd())
            order.append(*it);
    bool moved = false;
    for (int i = 0; i < order.size() && !moved; ++i)
        moved = order.at(i) != i;
    if (!moved)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    QList<int> newRowOf(m_rows.size());
    QList<JobRecord> rows;
    rows.reserve(m_rows.size());
    for (int i = 0; i < order.size(); ++i) {
        newRowOf[order.at(i)] = i;
        rows.append(m_rows.at(order.at(i)));
    }
    for (int i = head; i < m_rows.size(); ++i) {
        newRowOf[i] = i;
        rows.append(m_rows.at(i));
    }
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &index : from)
        to.append(index.row() < newRowOf.size()
                      ? this->index(newRowOf.at(index.row()), index.column())
                      : QModelIndex());
    m_rows = std::move(rows);
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void JobTableModel::insertNew(const QList<JobRecord> &fresh)
{
    // m_rows is now a subsequence of `fresh`: insert each run of new jobs where it belongs.
    int row = 0;
    for (int i = 0; i < fresh.size();) {
        if (row < m_rows.size() && m_rows.at(row).id == fresh.at(i).id) {
            ++row;
            ++i;
            continue;
        }
        int end = i;
        while (end < fresh.size() &&
               (row >= m_rows.size() || fresh.at(end).id != m_rows.at(row).id))
            ++end;
        beginInsertRows({}, row, row + (end - i) - 1);
        for (int j = i; j < end; ++j)
            m_rows.insert(row + (j - i), fresh.at(j));
        endInsertRows();
        row += end - i;
        i = end;
    }
}

void JobTableModel::updateChanged(const QList<JobRecord> &fresh)
{
    // The window holds the same ids in the same order now; one dataChanged per changed run.
    Q_ASSERT(fresh.size() <= m_rows.size());
    int runStart = -1;
    const auto flush = [this, &runStart](int end) {
        if (runStart >= 0)
            emit dataChanged(index(runStart, 0), index(end - 1, ColumnCount - 1));
        runStart = -1;
    };
    for (int i = 0; i < fresh.size(); ++i) {
        const bool changed = !sameRow(m_rows.at(i), fresh.at(i));
        m_rows[i] = fresh.at(i);
        if (changed && runStart < 0)
            runStart = i;
        else if (!changed)
            flush(i);
    }
    flush(int(fresh.size()));
}

int JobTableModel::rowOfKey(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).key == key)
            return i;
    return -1;
}

QVariant JobTableModel::display(const JobRecord &job, int column) const
{
    switch (Column(column)) {
    case Key:
        return job.key;
    case Type:
        return job.type;
    case State:
        return JobStateStyle::text(job.state);
    case Worker:
        return job.worker;
    case Retries:
        return job.retries;
    case Created:
        return timeText(job.createdAt);
    case Updated:
        return timeText(job.updatedAt);
    case Duration: {
        const std::optional<qint64> ms = durationMs(job);
        return ms ? durationText(*ms) : QString();
    }
    case Error:
        return job.errorMessage;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant JobTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobRecord &job = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(job, index.column());
    case Qt::ToolTipRole:
        return index.column() == Error ? QVariant(job.errorMessage) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == State)
            return JobStateStyle::color(job.state, QGuiApplication::palette());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Retries)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case JobKeyRole:
        return job.key;
    case JobStateRole:
        return int(job.state);
    default:
        return {};
    }
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Key:
        return tr("Key");
    case Type:
        return tr("Type");
    case State:
        return tr("State");
    case Worker:
        return tr("Worker");
    case Retries:
        return tr("Retries");
    case Created:
        return tr("Created");
    case Updated:
        return tr("Updated");
    case Duration:
        return tr("Duration");
    case Error:
        return tr("Error");
    case ColumnCount:
        break;
    }
    return {};
}

void JobTableModel::sort(int column, Qt::SortOrder order)
{
    // The store sorts by the API's sort keys; other columns keep the current order.
    QString key;
    if (column == Created || column == Key)
        key = QStringLiteral("created_at");
    else if (column == Updated)
        key = QStringLiteral("updated_at");
    else
        return;
    QUrlQuery query = m_query;
    query.removeAllQueryItems(QStringLiteral("sort_by"));
    query.removeAllQueryItems(QStringLiteral("sort_order"));
    query.addQueryItem(QStringLiteral("sort_by"), key);
    query.addQueryItem(QStringLiteral("sort_order"), order == Qt::AscendingOrder
                                                         ? QStringLiteral("ASC")
                                                         : QStringLiteral("DESC"));
    setQuery(query);
}
