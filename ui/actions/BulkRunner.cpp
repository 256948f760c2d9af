#include "BulkRunner.h"

#include "backend/ConsoleBackend.h"
#include "models/JobPageLoader.h"

BulkRunner::BulkRunner(ConsoleBackend *backend, JobPageLoader &loader, QObject *parent)
    : QObject(parent), m_backend(backend), m_loader(loader)
{}

void BulkRunner::start(JobActions::Kind kind, const JobFilter &filter,
                       const JobActions::Input &input)
{
    if (m_running || !m_backend->canAct())
        return;
    m_kind = kind;
    m_filter = filter;
    m_input = input;
    m_after.reset();
    m_running = true;
    m_cancelled = false;
    m_succeeded = m_refused = 0;
    m_errors.clear();
    nextChunk();
}

void BulkRunner::cancel()
{
    m_cancelled = true;
}

void BulkRunner::nextChunk()
{
    if (m_cancelled)
        return finish();
    // Creation order never moves a job, whatever the action changes (state, priority, ...).
    PageRequest request;
    request.sort = SortKey::CreatedAt;
    request.descending = true;
    request.limit = kChunk;
    request.after = m_after;
    m_loader.load(m_filter, request, this, [this](JobSource::Page page) {
        m_hasMore = page.hasMore;
        if (page.jobs.isEmpty() || m_cancelled)
            return finish();
        m_after = page.positions.last();
        m_pending = int(page.jobs.size());
        for (const JobRecord &job : std::as_const(page.jobs)) {
            const QString key = job.key;
            m_backend->jobAction(
                m_kind, key, m_input, this,
                [this, key](const JobActions::Answer &answer) { onAnswer(key, answer); });
        }
    });
}

void BulkRunner::onAnswer(const QString &key, const JobActions::Answer &answer)
{
    if (answer.ok) {
        ++m_succeeded;
    } else {
        ++m_refused;
        if (m_errors.size() < kMaxErrors)
            m_errors.append(QStringLiteral("%1: %2").arg(key, answer.error));
    }
    if (--m_pending > 0)
        return;
    emit progress(m_succeeded + m_refused, m_refused);
    if (m_hasMore)
        nextChunk();
    else
        finish();
}

void BulkRunner::finish()
{
    m_running = false;
    emit finished(m_kind, m_succeeded, m_refused, m_errors, m_cancelled);
}
