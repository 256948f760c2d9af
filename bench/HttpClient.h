#pragma once

// A minimal single-threaded HTTP/1.1 client for load generation: non-blocking POSIX sockets on one
// epoll instance, keep-alive connections, one request in flight per connection (no pipelining),
// and a small response parser (status line, headers, Content-Length / chunked / until-close body).
// Only IPv4 loopback targets are accepted (see parseLoopbackTarget).

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <queue>
#include <string>
#include <string_view>
#include <vector>

#include <netinet/in.h>

namespace bench {

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;

struct Target
{
    sockaddr_in addr{};
    std::string hostHeader; // "127.0.0.1:27555"
    std::string apiKey;
};

// Fills target.addr / hostHeader from host and port. Accepts "localhost" and 127.0.0.0/8 only.
// Returns false and sets error otherwise.
bool parseLoopbackTarget(const std::string &host, int port, Target &target, std::string &error);

// One complete keep-alive request. The X-API-Key header is added when withKey is true.
std::string buildRequest(const Target &target, std::string_view method, std::string_view path,
                         std::string_view body, bool withKey = true);

// Percent-encodes everything except RFC 3986 unreserved characters (for path segments).
std::string encodePathSegment(std::string_view segment);

struct HttpResponse
{
    int status = 0;                      // 0: transport error, see error
    std::string body;                    // decoded body
    std::string error;                   // transport or protocol error text (status 0)
    std::chrono::nanoseconds latency{0}; // from send() to the complete answer
    bool ok() const { return status >= 200 && status < 300; }
};

using ResponseHandler = std::function<void(const HttpResponse &)>;

class Loop;

class Connection
{
public:
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;
    ~Connection();

    // True while a request is in flight (its handler has not been called yet).
    bool busy() const { return static_cast<bool>(m_handler); }

    // Queues one complete request (from buildRequest) and connects first if needed. Must not be
    // called while busy(). The handler is called exactly once, always from Loop::runUntil (never
    // from inside send()), with the answer or a transport error (status 0), unless the loop is
    // destroyed first.
    void send(std::string_view request, ResponseHandler handler);

    TimePoint sentAt() const { return m_sentAt; }

private:
    friend class Loop;
    Connection(Loop *loop, std::uint32_t index) : m_loop(loop), m_index(index) {}

    enum class State { Closed, Connecting, Open };
    enum class BodyMode { None, Length, Chunked, UntilClose };
    enum class ChunkPhase { Size, Data, DataEnd, Trailer };

    bool startConnect();
    void onEvent(std::uint32_t events);
    void onWritable();
    void onReadable();
    bool flush();
    void updateInterest(bool wantWrite);
    void closeSocket();
    void resetParser();
    // 1: one response complete; 0: need more bytes; -1: protocol error (message in m_resp.error)
    int parse(bool eof);
    int parseHeaderBlock(std::size_t end);
    int parseChunked();
    void complete(bool closeAfter);
    void fail(const std::string &message);
    std::uint64_t epollTag() const { return (std::uint64_t(m_index) << 32) | m_gen; }

    Loop *m_loop;
    std::uint32_t m_index;
    std::uint32_t m_gen = 0;
    int m_fd = -1;
    State m_state = State::Closed;
    bool m_wantWrite = false;
    bool m_failPending = false; // a deferred failure is queued in the loop
    std::string m_pendingError;

    std::string m_out;
    std::size_t m_outOff = 0;
    std::string m_in;
    std::size_t m_scan = 0; // where to resume searching for the end of the header block

    // parser state for the current response
    bool m_headerDone = false;
    BodyMode m_bodyMode = BodyMode::None;
    bool m_serverCloses = false;
    std::size_t m_bodyStart = 0;
    std::size_t m_contentLength = 0;
    ChunkPhase m_chunkPhase = ChunkPhase::Size;
    std::size_t m_chunkPos = 0;
    std::size_t m_chunkLeft = 0;
    std::size_t m_respEnd = 0; // end of the complete response in m_in

    ResponseHandler m_handler;
    TimePoint m_sentAt{};
    HttpResponse m_resp;
};

class Loop
{
public:
    explicit Loop(const Target &target);
    ~Loop();
    Loop(const Loop &) = delete;
    Loop &operator=(const Loop &) = delete;

    const Target &target() const { return m_target; }

    // A new (not yet connected) connection owned by the loop; it connects on its first send().
    Connection *connection();

    // Calls fn once, from runUntil, no earlier than delay from now.
    void after(std::chrono::microseconds delay, std::function<void()> fn);

    // Dispatches socket events, deferred failures and timers until done() returns true or the
    // deadline passes. done() is checked after every batch of events. Returns done().
    bool runUntil(TimePoint deadline, const std::function<bool()> &done);

    // Protocol oddities that are not tied to a request (bytes while idle, ...).
    std::uint64_t anomalies() const { return m_anomalies; }
    std::uint64_t connectsMade() const { return m_connects; }

private:
    friend class Connection;
    struct Timer
    {
        TimePoint at;
        std::uint64_t seq;
        std::function<void()> fn;
        bool operator>(const Timer &o) const { return at != o.at ? at > o.at : seq > o.seq; }
    };

    void runTimers(TimePoint now);
    void runDeferred();

    Target m_target;
    int m_epoll = -1;
    std::vector<std::unique_ptr<Connection>> m_conns;
    std::vector<Connection *> m_deferred;
    std::priority_queue<Timer, std::vector<Timer>, std::greater<Timer>> m_timers;
    std::uint64_t m_timerSeq = 0;
    std::uint64_t m_anomalies = 0;
    std::uint64_t m_connects = 0;
    std::vector<char> m_readBuf;
};

} // namespace bench
