#include "BulkOperationWatcher.h"

#include "api/JobErrors.h"
#include "api/ListParams.h"
#include "backend/ConsoleBackend.h"
#include "models/JobPageLoader.h"

#include <QJsonDocument>

namespace {

std::optional<BulkAction> actionOf(JobActions::Kind kind)
{
    switch (kind) {
    case JobActions::Kind::Cancel:
        return BulkAction::Cancel;
    case JobActions::Kind::Retry:
        return BulkAction::Retry;
    case JobActions::Kind::Delete:
        return BulkAction::Delete;
    default:
        return std::nullopt;
    }
}

} // namespace

BulkOperationWatcher::BulkOperationWatcher(ConsoleBackend *backend, JobPageLoader &loader,
                                           QObject *parent)
    : QObject(parent), m_backend(backend), m_loader(loader)
{
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &BulkOperationWatcher::poll);
}

bool BulkOperationWatcher::runsOnServer(JobActions::Kind kind)
{
    return actionOf(kind).has_value();
}

void BulkOperationWatcher::start(JobActions::Kind kind, const JobFilter &filter,
                                 const JobActions::Input &input, const JobSource::BulkStart &from)
{
    const std::optional<BulkAction> action = actionOf(kind);
    if (m_running || !m_backend->canAct() || !action)
        return;
    BulkSpec spec;
    spec.action = *action;
    spec.filter = filter;
    spec.filterText =
        QJsonDocument(ListParams::filterObject(filter)).toJson(QJsonDocument::Compact);
    spec.retries = qMax(1, input.retries); // a retry with none left would change nothing
    spec.reason = input.reason;
    spec.matched = from.count.total;
    spec.matchedExact = from.count.exact;
    spec.lastJobId = from.lastJobId;
    m_kind = kind;
    m_key.clear();
    m_stopAsked = false;
    m_running = true;
    m_backend->startBulkOperation(spec, this, [this](const BulkAnswer &started) {
        if (!started.operation)
            return finish(0, 0, {started.error}, false);
        m_key = started.operation->key;
        onRead(started.operation);
        if (m_running)
            m_poll.start();
        if (std::exchange(m_stopAsked, false))
            stop();
    });
}

void BulkOperationWatcher::stop()
{
    if (!m_running)
        return;
    if (m_key.isEmpty()) { // the start is on its way: stopped as soon as it is answered
        m_stopAsked = true;
        return;
    }
    m_backend->stopBulkOperation(m_key, this, [this](const BulkAnswer &stopped) {
        if (stopped.operation)
            onRead(stopped.operation);
    });
}

void BulkOperationWatcher::poll()
{
    if (m_reading || m_key.isEmpty())
        return;
    m_reading = true;
    m_loader.read<std::optional<BulkOperationRecord>>(
        [key = m_key](JobSource &source) { return source.bulkOperation(key); }, this,
        [this](std::optional<BulkOperationRecord> operation) {
            m_reading = false;
            onRead(operation);
        });
}

void BulkOperationWatcher::onRead(const std::optional<BulkOperationRecord> &o)
{
    if (!m_running || !o || o->key != m_key)
        return;
    const bool done = o->status != BulkStatus::Running;
    if (done) { // before the signals: a modal progress dialog runs events (and reads) in them
        m_running = false;
        m_poll.stop();
    }
    emit progress(int(o->processed), int(o->refused));
    if (!done)
        return;
    QStringList errors;
    for (const BulkRefusalRecord &r : o->refusals)
        errors.append(QStringLiteral("%1: %2").arg(
            r.jobKey,
            !r.message.isEmpty() ? r.message : JobErrors::message(BulkOperations::errorOf(r))));
    emit finished(m_kind, int(o->succeeded), int(o->refused), errors,
                  o->status == BulkStatus::Cancelled);
}

void BulkOperationWatcher::finish(int succeeded, int refused, const QStringList &errors,
                                  bool cancelled)
{
    m_poll.stop();
    m_running = false;
    emit finished(m_kind, succeeded, refused, errors, cancelled);
}
