#include "HttpClient.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <arpa/inet.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace bench {

namespace {

constexpr int kMaxReadsPerEvent = 16;
constexpr int kMaxEvents = 256;

std::string errnoText(const char *what, int err)
{
    return std::string(what) + ": " + std::strerror(err);
}

} // namespace

bool parseLoopbackTarget(const std::string &host, int port, Target &target, std::string &error)
{
    const std::string ip = (host == "localhost") ? std::string("127.0.0.1") : host;
    in_addr addr{};
    if (inet_pton(AF_INET, ip.c_str(), &addr) != 1) {
        error = "host must be an IPv4 loopback address (127.x.x.x) or localhost: " + host;
        return false;
    }
    if ((ntohl(addr.s_addr) >> 24) != 127) {
        error = "refusing non-loopback host " + host + " (only 127.0.0.0/8 is allowed)";
        return false;
    }
    if (port < 1 || port > 65535) {
        error = "port out of range: " + std::to_string(port);
        return false;
    }
    target.addr = {};
    target.addr.sin_family = AF_INET;
    target.addr.sin_port = htons(static_cast<std::uint16_t>(port));
    target.addr.sin_addr = addr;
    target.hostHeader = ip + ":" + std::to_string(port);
    return true;
}

std::string buildRequest(const Target &target, std::string_view method, std::string_view path,
                         std::string_view body, bool withKey)
{
    std::string r;
    r.reserve(160 + path.size() + target.apiKey.size() + body.size());
    r.append(method).append(" ").append(path).append(" HTTP/1.1\r\nHost: ");
    r.append(target.hostHeader).append("\r\n");
    if (withKey)
        r.append("X-API-Key: ").append(target.apiKey).append("\r\n");
    if (method != "GET" || !body.empty()) {
        r.append("Content-Type: application/json\r\nContent-Length: ");
        r.append(std::to_string(body.size())).append("\r\n");
    }
    r.append("\r\n").append(body);
    return r;
}

std::string encodePathSegment(std::string_view segment)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(segment.size());
    for (unsigned char c : segment) {
        const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
                                c == '~';
        if (unreserved) {
            out.push_back(char(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Connection

Connection::~Connection()
{
    closeSocket();
}

void Connection::send(std::string_view request, ResponseHandler handler)
{
    m_handler = std::move(handler);
    m_sentAt = Clock::now();
    m_out.assign(request);
    m_outOff = 0;
    resetParser();
    if (m_state == State::Closed && !startConnect()) {
        m_failPending = true;
        m_loop->m_deferred.push_back(this);
        return;
    }
    if (m_state == State::Open && !flush()) {
        m_failPending = true;
        m_loop->m_deferred.push_back(this);
    }
    // Connecting: the request goes out once the socket reports writable.
}

bool Connection::startConnect()
{
    m_in.clear();
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        m_pendingError = errnoText("socket", errno);
        return false;
    }
    int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ++m_loop->m_connects;
    const auto &addr = m_loop->m_target.addr;
    int rc = ::connect(m_fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr);
    if (rc == 0) {
        m_state = State::Open;
    } else if (errno == EINPROGRESS) {
        m_state = State::Connecting;
    } else {
        m_pendingError = errnoText("connect", errno);
        ::close(m_fd);
        m_fd = -1;
        return false;
    }
    ++m_gen;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP | (m_state == State::Connecting ? EPOLLOUT : 0u);
    ev.data.u64 = epollTag();
    m_wantWrite = m_state == State::Connecting;
    if (::epoll_ctl(m_loop->m_epoll, EPOLL_CTL_ADD, m_fd, &ev) != 0) {
        m_pendingError = errnoText("epoll_ctl", errno);
        closeSocket();
        return false;
    }
    return true;
}

void Connection::updateInterest(bool wantWrite)
{
    if (m_fd < 0 || wantWrite == m_wantWrite)
        return;
    m_wantWrite = wantWrite;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP | (wantWrite ? EPOLLOUT : 0u);
    ev.data.u64 = epollTag();
    ::epoll_ctl(m_loop->m_epoll, EPOLL_CTL_MOD, m_fd, &ev);
}

void Connection::closeSocket()
{
    if (m_fd >= 0) {
        ::epoll_ctl(m_loop->m_epoll, EPOLL_CTL_DEL, m_fd, nullptr);
        ::close(m_fd);
        m_fd = -1;
    }
    ++m_gen; // events still queued for the old descriptor are ignored
    m_state = State::Closed;
    m_wantWrite = false;
}

bool Connection::flush()
{
    // Each pass either makes progress or returns; EINTR retries are capped.
    for (int interrupts = 0; m_outOff < m_out.size() && interrupts < 100;) {
        ssize_t n = ::send(m_fd, m_out.data() + m_outOff, m_out.size() - m_outOff, MSG_NOSIGNAL);
        if (n > 0) {
            m_outOff += std::size_t(n);
            continue;
        }
        if (n < 0 && errno == EINTR) {
            ++interrupts;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            updateInterest(true);
            return true;
        }
        m_pendingError = errnoText("send", n < 0 ? errno : EPIPE);
        return false;
    }
    if (m_outOff < m_out.size()) {
        updateInterest(true);
        return true;
    }
    m_out.clear();
    m_outOff = 0;
    updateInterest(false);
    return true;
}

void Connection::onEvent(std::uint32_t events)
{
    if (m_state == State::Connecting) {
        if (!(events & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
            return;
        int err = 0;
        socklen_t len = sizeof err;
        if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
            err = errno;
        if (err != 0) {
            fail(errnoText("connect", err));
            return;
        }
        m_state = State::Open;
        if (!flush()) {
            fail(m_pendingError);
            return;
        }
        if (!(events & (EPOLLIN | EPOLLRDHUP | EPOLLERR | EPOLLHUP)))
            return;
    }
    if (events & (EPOLLIN | EPOLLRDHUP | EPOLLERR | EPOLLHUP)) {
        const std::uint32_t gen = m_gen;
        onReadable();
        if (gen != m_gen)
            return; // closed or reconnected by a handler
    }
    if ((events & EPOLLOUT) && m_state == State::Open)
        onWritable();
}

void Connection::onWritable()
{
    if (!flush())
        fail(m_pendingError);
}

void Connection::onReadable()
{
    bool eof = false;
    std::vector<char> &buf = m_loop->m_readBuf;
    for (int i = 0; i < kMaxReadsPerEvent; ++i) {
        ssize_t n = ::read(m_fd, buf.data(), buf.size());
        if (n > 0) {
            m_in.append(buf.data(), std::size_t(n));
            if (std::size_t(n) < buf.size())
                break;
            continue;
        }
        if (n == 0) {
            eof = true;
            break;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            break;
        fail(errnoText("read", errno));
        return;
    }
    if (!busy()) {
        // Nothing was asked: bytes here are unsolicited (e.g. a timeout answer before closing).
        if (!m_in.empty()) {
            ++m_loop->m_anomalies;
            closeSocket();
            m_in.clear();
        } else if (eof) {
            closeSocket(); // the server closed an idle keep-alive connection
        }
        return;
    }
    const int r = parse(eof);
    if (r > 0)
        complete(eof);
    else if (r < 0)
        fail(m_resp.error);
    else if (eof)
        fail(m_in.empty() ? "connection closed by the server before any answer"
                          : "connection closed by the server in the middle of the answer");
}

void Connection::complete(bool eof)
{
    const bool leftover = m_in.size() > m_respEnd;
    if (leftover)
        ++m_loop->m_anomalies; // bytes beyond the answer: never expected without pipelining
    if (eof || m_serverCloses || leftover) {
        closeSocket();
        m_in.clear();
    } else {
        m_in.erase(0, m_respEnd);
    }
    resetParser();
    m_resp.latency = Clock::now() - m_sentAt;
    ResponseHandler handler = std::move(m_handler);
    m_handler = nullptr;
    // send() never touches m_resp, so the handler may start the next request before reading it.
    handler(m_resp);
}

void Connection::fail(const std::string &message)
{
    closeSocket();
    m_in.clear();
    m_out.clear();
    m_outOff = 0;
    resetParser();
    if (!busy())
        return;
    m_resp.status = 0;
    m_resp.body.clear();
    m_resp.error = message;
    m_resp.latency = Clock::now() - m_sentAt;
    ResponseHandler handler = std::move(m_handler);
    m_handler = nullptr;
    handler(m_resp);
}

// ---------------------------------------------------------------------------------------------
// Loop

Loop::Loop(const Target &target) : m_target(target), m_readBuf(64 * 1024)
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
}

Loop::~Loop()
{
    m_conns.clear(); // closes every socket while the epoll descriptor is still valid
    if (m_epoll >= 0)
        ::close(m_epoll);
}

Connection *Loop::connection()
{
    m_conns.emplace_back(new Connection(this, std::uint32_t(m_conns.size())));
    return m_conns.back().get();
}

void Loop::after(std::chrono::microseconds delay, std::function<void()> fn)
{
    m_timers.push(Timer{Clock::now() + delay, m_timerSeq++, std::move(fn)});
}

void Loop::runTimers(TimePoint now)
{
    // Only the timers due now and present on entry run; ones they add wait for the next pass.
    for (std::size_t budget = m_timers.size(); budget > 0 && !m_timers.empty(); --budget) {
        if (m_timers.top().at > now)
            break;
        std::function<void()> fn = std::move(const_cast<Timer &>(m_timers.top()).fn);
        m_timers.pop();
        fn();
    }
}

void Loop::runDeferred()
{
    std::vector<Connection *> batch;
    batch.swap(m_deferred);
    for (Connection *c : batch) {
        if (c->m_failPending) {
            c->m_failPending = false;
            c->fail(c->m_pendingError);
        }
    }
}

bool Loop::runUntil(TimePoint deadline, const std::function<bool()> &done)
{
    if (m_epoll < 0)
        return false;
    epoll_event events[kMaxEvents];
    for (;;) { // bounded by the deadline
        runTimers(Clock::now());
        runDeferred();
        if (done && done())
            return true;
        const TimePoint now = Clock::now();
        if (now >= deadline)
            return false;
        auto wait = deadline - now;
        if (!m_timers.empty())
            wait = std::min<Clock::duration>(
                wait, std::max<Clock::duration>(m_timers.top().at - now, Clock::duration{}));
        if (!m_deferred.empty())
            wait = Clock::duration{};
        // round up so that a timer is not polled for in a busy loop just before it is due
        const auto ms = std::chrono::ceil<std::chrono::milliseconds>(wait).count();
        const int timeout = int(std::min<long long>(ms, 1000));
        const int n = ::epoll_wait(m_epoll, events, kMaxEvents, timeout);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        for (int i = 0; i < n; ++i) {
            const std::uint64_t tag = events[i].data.u64;
            const std::size_t index = std::size_t(tag >> 32);
            if (index >= m_conns.size())
                continue;
            Connection *c = m_conns[index].get();
            if (c->m_fd < 0 || c->m_gen != std::uint32_t(tag & 0xffffffffu))
                continue; // stale event for a descriptor closed earlier in this batch
            c->onEvent(events[i].events);
        }
    }
}

} // namespace bench
