#include "JobTableModel.h"

#include "JobPageLoader.h"
#include "JobStateStyle.h"
#include "StoreReader.h"
#include "TimeText.h"
#include "core/Clock.h"
#include "views/SpanText.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QSet>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcJobModel, "jobdeck.ui.jobs")

namespace {

bool sameRow(const JobRecord &a, const JobRecord &b)
{
    return a.updatedAt == b.updatedAt && a.state == b.state && a.retries == b.retries &&
           a.worker == b.worker && a.errorMessage == b.errorMessage && a.attempt == b.attempt &&
           a.priority == b.priority;
}

} // namespace

JobTableModel::JobTableModel(JobPageLoader::SourceFactory source, QObject *parent)
    : QAbstractTableModel(parent), m_loader(std::make_unique<JobPageLoader>(std::move(source)))
{
    m_tick = new QTimer(this);
    m_tick->setInterval(kTickMs);
    connect(m_tick, &QTimer::timeout, this, &JobTableModel::tick);
    m_tick->start();
}

JobTableModel::~JobTableModel() = default;

bool JobTableModel::setQuery(const QUrlQuery &query)
{
    // Views and testers may call fetchMore from inside the notifications: not while we change.
    m_notifying = true;
    beginResetModel();
    ++m_generation; // what is on its way for the old query is dropped when it arrives
    m_busy = Busy::No;
    m_wantPage = m_wantRefresh = false;
    m_query = query;
    m_rows.clear();
    m_positions.clear();
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
    if (!canFetchMore(parent) || m_busy == Busy::Page)
        return; // a page is on its way: views ask again once its rows are in
    if (m_busy == Busy::Refresh) {
        m_wantPage = true;
        return;
    }
    requestPage();
}

void JobTableModel::refresh()
{
    if (!m_params)
        return;
    if (m_busy != Busy::No) {
        m_wantRefresh = true;
        return;
    }
    requestRefresh();
}

void JobTableModel::requestPage()
{
    PageRequest request = m_params->page;
    request.after = m_last;
    m_busy = Busy::Page;
    const quint64 generation = m_generation;
    m_loader->load(m_params->filter, request, this, [this, generation](JobSource::Page page) {
        if (generation == m_generation)
            applyPage(std::move(page));
    });
}

void JobTableModel::requestRefresh()
{
    // The top of the list again, in one snapshot: what is loaded, at least one page, at most
    // the window.
    PageRequest request = m_params->page;
    request.limit = qBound(kPageSize, int(m_rows.size()), kRefreshRows);
    request.after.reset();
    m_busy = Busy::Refresh;
    const quint64 generation = m_generation;
    m_loader->load(m_params->filter, request, this, [this, generation](JobSource::Page page) {
        if (generation == m_generation)
            applyRefresh(std::move(page));
    });
}

void JobTableModel::nextRequest()
{
    m_busy = Busy::No;
    if (m_wantRefresh) {
        m_wantRefresh = false;
        requestRefresh();
    } else if (m_wantPage) {
        m_wantPage = false;
        if (canFetchMore({}))
            requestPage();
    }
}

void JobTableModel::applyPage(JobSource::Page page)
{
    if (!page.error.isEmpty())
        return readFailed(page.error);
    m_lastMicros = page.micros;
    m_hasMore = page.hasMore;
    // In an order other than creation a loaded job can have moved down into this page: it
    // leaves its old row (an id appears once).
    if (m_params->page.sort != SortKey::CreatedAt && !m_rows.isEmpty()) {
        QSet<qint64> arriving;
        for (const JobRecord &job : std::as_const(page.jobs))
            arriving.insert(job.id);
        m_notifying = true;
        for (int row = int(m_rows.size()) - 1; row >= 0; --row)
            if (arriving.contains(m_rows.at(row).id))
                removeRows(row, row);
        m_notifying = false;
    }
    const QList<JobRecord> &rows = page.jobs;
    const QList<SortPosition> &positions = page.positions;
    if (!rows.isEmpty()) {
        const int first = int(m_rows.size());
        m_notifying = true;
        beginInsertRows({}, first, first + int(rows.size()) - 1);
        m_rows.append(rows);
        m_positions.append(positions);
        m_last = positions.last();
        endInsertRows();
        m_notifying = false;
    }
    qCDebug(lcJobModel) << "page of" << rows.size() << "rows in" << page.micros << "us";
    nextRequest();
    emit loaded(int(rows.size()), page.micros);
}

bool JobTableModel::after(const SortPosition &p, const SortPosition &boundary) const
{
    const bool descending = m_params->page.descending;
    if (p.value != boundary.value)
        return descending ? p.value < boundary.value : p.value > boundary.value;
    return descending ? p.id < boundary.id : p.id > boundary.id;
}

void JobTableModel::readFailed(const QString &error)
{
    // The rows shown stay as they are and no further page is asked for; the next refresh (or a
    // new query) asks again.
    m_hasMore = false;
    emit loadFailed(error);
    nextRequest();
}

void JobTableModel::applyRefresh(JobSource::Page page)
{
    if (!page.error.isEmpty())
        return readFailed(page.error);
    m_lastMicros = page.micros;
    QElapsedTimer applyClock;
    applyClock.start();
    emit refreshAboutToApply();
    m_notifying = true;
    QSet<qint64> fresh;
    for (const JobRecord &job : std::as_const(page.jobs))
        fresh.insert(job.id);
    // The rows are in the order of the positions they were read at. Those after the window's
    // last position were not re-read: they stay, unless they moved up into the window.
    int tail = 0;
    if (page.hasMore && !page.positions.isEmpty()) {
        const SortPosition boundary = page.positions.last();
        while (tail < m_rows.size() && after(m_positions.at(m_rows.size() - 1 - tail), boundary))
            ++tail;
        if (tail > 0 && tail == m_rows.size()) {
            // Every loaded row is below the window: more jobs than the window holds arrived
            // above them, and keeping them with the window would leave a gap.
            if (!m_followTop) { // the user reads older rows: leave them be
                m_notifying = false;
                m_lastApplyMicros = applyClock.nsecsElapsed() / 1000;
                nextRequest();
                emit refreshApplied();
                emit newerJobsAbove();
                emit loaded(0, page.micros);
                return;
            }
            // At the top: start again from the window (fetchMore reads on from there). Every
            // loaded row goes: one reset costs the view less than removing thousands of rows.
            beginResetModel();
            m_rows = page.jobs;
            m_positions = page.positions;
            m_hasMore = page.hasMore;
            m_last = page.positions.last();
            endResetModel();
            m_notifying = false;
            m_lastApplyMicros = applyClock.nsecsElapsed() / 1000;
            nextRequest();
            emit refreshApplied();
            emit loaded(int(page.jobs.size()), page.micros);
            return;
        }
        // Rows of the tail that are now in the window leave their old place.
        for (int row = int(m_rows.size()) - 1; row >= int(m_rows.size()) - tail; --row)
            if (fresh.contains(m_rows.at(row).id)) {
                removeRows(row, row);
                --tail;
            }
    }
    if (tail == 0) {
        m_hasMore = page.hasMore;
        m_last = page.positions.isEmpty() ? std::nullopt : std::optional(page.positions.last());
    }
    removeVanished(fresh, tail);
    reorderSurvivors(page.jobs, tail);
    insertNew(page.jobs, page.positions);
    updateChanged(page.jobs, page.positions);
    m_notifying = false;
    m_lastApplyMicros = applyClock.nsecsElapsed() / 1000;
    nextRequest();
    emit refreshApplied();
    emit loaded(int(page.jobs.size()), page.micros);
}

void JobTableModel::removeRows(int first, int last)
{
    beginRemoveRows({}, first, last);
    m_rows.remove(first, last - first + 1);
    m_positions.remove(first, last - first + 1);
    endRemoveRows();
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
        removeRows(first, row);
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
    QList<SortPosition> positions;
    rows.reserve(m_rows.size());
    positions.reserve(m_rows.size());
    for (int i = 0; i < order.size(); ++i) {
        newRowOf[order.at(i)] = i;
        rows.append(m_rows.at(order.at(i)));
        positions.append(m_positions.at(order.at(i)));
    }
    for (int i = head; i < m_rows.size(); ++i) {
        newRowOf[i] = i;
        rows.append(m_rows.at(i));
        positions.append(m_positions.at(i));
    }
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &index : from)
        to.append(index.row() < newRowOf.size()
                      ? this->index(newRowOf.at(index.row()), index.column())
                      : QModelIndex());
    m_rows = std::move(rows);
    m_positions = std::move(positions);
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void JobTableModel::insertNew(const QList<JobRecord> &fresh, const QList<SortPosition> &positions)
{
    // The window's rows are now a subsequence of `fresh`: insert each run of new jobs where it
    // belongs.
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
        for (int j = i; j < end; ++j) {
            m_rows.insert(row + (j - i), fresh.at(j));
            m_positions.insert(row + (j - i), positions.at(j));
        }
        endInsertRows();
        row += end - i;
        i = end;
    }
}

void JobTableModel::updateChanged(const QList<JobRecord> &fresh,
                                  const QList<SortPosition> &positions)
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
        m_positions[i] = positions.at(i);
        if (changed && runStart < 0)
            runStart = i;
        else if (!changed)
            flush(i);
    }
    flush(int(fresh.size()));
}

void JobTableModel::setTicking(bool on)
{
    if (on)
        m_tick->start();
    else
        m_tick->stop();
}

void JobTableModel::tick()
{
    // Running durations grow: one repaint of the column over the active rows.
    int first = -1;
    int last = -1;
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).state == JobState::Active) {
            if (first < 0)
                first = i;
            last = i;
        }
    if (first >= 0)
        emit dataChanged(index(first, Duration), index(last, Duration), {Qt::DisplayRole});
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
    case Attempt:
        return job.attempt;
    case Priority:
        return job.priority;
    case Tenant:
        return job.tenantId;
    case Created:
        return localTimeText(job.createdAt);
    case Updated:
        return localTimeText(job.updatedAt);
    case Duration: {
        const std::optional<qint64> ms = lastRunMs(job, Clock::nowMs());
        return ms ? SpanText::duration(*ms) : QString();
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
        if (index.column() == Retries || index.column() == Attempt || index.column() == Priority)
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
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == Duration)
        return tr("How long the job's last run took: from its activation to its completion, "
                  "failure, timeout or cancel; counting while it runs");
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
    case Attempt:
        return tr("Attempt");
    case Priority:
        return tr("Priority");
    case Tenant:
        return tr("Tenant");
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
    else if (column == Priority)
        key = QStringLiteral("priority");
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
