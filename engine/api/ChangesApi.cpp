#include "ChangesApi.h"

#include "core/Clock.h"
#include "http/HttpFrontend.h"

#include <QTimer>

#include <list>

namespace ChangesApi {
namespace {

constexpr qint64 kDefaultTimeoutMs = 25'000;
constexpr int kSweepMs = 100; // how late a held request may answer its timeout

// The held requests of one front end and the sequence of the commits it saw, on its thread.
// The sequence counts the engine's commits since the server started;
// `epoch` (the start time) tells a client that a sequence of another run means nothing here.
class ChangeFeed : public QObject
{
public:
    explicit ChangeFeed(HttpFrontend *frontend) : QObject(frontend), m_frontend(frontend)
    {
        m_sweep.setParent(this); // moves to the front end's thread with it
        m_sweep.setInterval(kSweepMs);
        connect(&m_sweep, &QTimer::timeout, this, [this] { answer(false); });
    }

    void watch(Engine *engine, bool shared)
    {
        // Queued to the front end's thread: the sequence is only touched there.
        // Every commit: a batch of requests (an empty activation counts too), or timed work
        // alone (expired locks, due retries, schedules). On PostgreSQL the engine commits such
        // a batch every cluster tick whether or not anything was due: only batches of requests
        // count there, as for the console's own jobs view.
        connect(engine, &Engine::batchCommitted, this, [this, shared](int operations) {
            if (operations == 0 && shared)
                return;
            ++m_sequence;
            answer(true);
        });
    }

    void handle(ApiRequest &request)
    {
        const auto number = [&request](const char *name, qint64 fallback, bool *ok) {
            const QString text = request.query().queryItemValue(QLatin1String(name));
            if (text.isEmpty())
                return fallback;
            return text.toLongLong(ok);
        };
        bool sinceOk = true, timeoutOk = true;
        const qint64 since = number("since", -1, &sinceOk);
        const qint64 timeout = number("timeout", kDefaultTimeoutMs, &timeoutOk);
        const qint64 limit = m_frontend->limits().longPollLimitMs;
        QJsonObject errors;
        if (!sinceOk || since < -1)
            errors.insert(QStringLiteral("since"),
                          QStringLiteral("Must be a sequence this server answered"));
        if (!timeoutOk || timeout < 0 || timeout > limit)
            errors.insert(QStringLiteral("timeout"),
                          QStringLiteral("Must be 0-%1 (milliseconds)").arg(limit));
        if (!errors.isEmpty())
            return request.fail(ApiError::validation(errors));
        // Nothing to wait for: no sequence yet, another one than this server's now (newer, or
        // of a run before a restart), or the client asks not to wait; a full feed answers at
        // once too (the client asks again).
        if (since != m_sequence || timeout == 0 ||
            int(m_held.size()) >= m_frontend->limits().maxChangeWaits)
            return request.reply(result(since));
        const quint64 id = m_nextId++;
        QMetaObject::Connection left;
        if (QTcpSocket *socket = request.socket()) // a client that leaves frees its place
            left = connect(socket, &QTcpSocket::disconnected, this, [this, id] {
                m_held.remove_if([id](const Held &held) { return held.id == id; });
            });
        m_held.push_back({id, since, Clock::nowMs() + timeout, request.sender(), left});
        m_sweep.start();
    }

private:
    struct Held
    {
        quint64 id;
        qint64 since;
        qint64 deadline;
        std::function<bool(const ApiResult &)> send;
        QMetaObject::Connection left; // the client's disconnect, while it waits
    };

    ApiResult result(qint64 since) const
    {
        return ApiResult::ok(QJsonObject{{QStringLiteral("sequence"), m_sequence},
                                         {QStringLiteral("changed"), m_sequence != since},
                                         {QStringLiteral("epoch"), m_frontend->startedAtMs()}});
    }

    // Answers the held requests that a commit concerns (`committed`) or whose time is up. A
    // client that left is dropped here too (its send says so).
    void answer(bool committed)
    {
        const qint64 now = Clock::nowMs();
        for (auto it = m_held.begin(); it != m_held.end();) {
            if ((committed && it->since != m_sequence) || it->deadline <= now) {
                disconnect(it->left);
                it->send(result(it->since));
                it = m_held.erase(it);
            } else {
                ++it;
            }
        }
        if (m_held.empty())
            m_sweep.stop();
    }

    HttpFrontend *m_frontend;
    QTimer m_sweep;
    std::list<Held> m_held;
    qint64 m_sequence = 0;
    quint64 m_nextId = 1;
};

} // namespace

void registerRoutes(HttpFrontend &frontend)
{
    auto *feed = new ChangeFeed(&frontend);
    feed->watch(frontend.engine(), frontend.isSharedStore());
    frontend.router().add(
        Router::Method::Get, QStringLiteral("/api/v1/changes"), Router::Access::Read,
        [feed](ApiRequest &request) { feed->handle(request); },
        {"system",
         "Wait for the server's next committed change after `since` (long poll); answers the "
         "sequence to wait after next",
         false, "since timeout"});
}

} // namespace ChangesApi
