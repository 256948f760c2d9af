#include "HttpClient.h"

// The response parser of Connection: status line, headers, then a Content-Length, chunked or
// until-close body. Works incrementally on the bytes read so far (m_in).

#include <algorithm>
#include <charconv>

namespace bench {

namespace {

constexpr std::size_t kMaxHeaderBytes = 64 * 1024;
constexpr std::size_t kMaxBodyBytes = 64 * 1024 * 1024;
constexpr int kMaxInterimResponses = 8;

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

bool icontains(std::string_view haystack, std::string_view needle)
{
    if (needle.size() > haystack.size())
        return false;
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        if (iequals(haystack.substr(i, needle.size()), needle))
            return true;
    }
    return false;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

} // namespace

void Connection::resetParser()
{
    m_scan = 0;
    m_headerDone = false;
    m_bodyMode = BodyMode::None;
    m_serverCloses = false;
    m_bodyStart = 0;
    m_contentLength = 0;
    m_chunkPhase = ChunkPhase::Size;
    m_chunkPos = 0;
    m_chunkLeft = 0;
    m_respEnd = 0;
}

int Connection::parse(bool eof)
{
    for (int interim = 0; !m_headerDone; ++interim) {
        if (interim > kMaxInterimResponses) {
            m_resp.error = "too many interim (1xx) answers";
            return -1;
        }
        const std::size_t from = m_scan > 3 ? m_scan - 3 : 0;
        const std::size_t pos = m_in.find("\r\n\r\n", from);
        if (pos == std::string::npos) {
            m_scan = m_in.size();
            if (m_in.size() > kMaxHeaderBytes) {
                m_resp.error = "answer header block too large";
                return -1;
            }
            return 0;
        }
        const int r = parseHeaderBlock(pos + 4);
        if (r < 0)
            return -1;
        if (r == 2) { // interim answer: drop it and parse the next header block
            m_in.erase(0, pos + 4);
            resetParser();
        }
    }
    switch (m_bodyMode) {
    case BodyMode::None:
        m_respEnd = m_bodyStart;
        return 1;
    case BodyMode::Length:
        if (m_in.size() - m_bodyStart < m_contentLength)
            return 0;
        m_resp.body.assign(m_in, m_bodyStart, m_contentLength);
        m_respEnd = m_bodyStart + m_contentLength;
        return 1;
    case BodyMode::UntilClose:
        if (m_in.size() - m_bodyStart > kMaxBodyBytes) {
            m_resp.error = "answer body too large";
            return -1;
        }
        if (!eof)
            return 0;
        m_resp.body.assign(m_in, m_bodyStart);
        m_respEnd = m_in.size();
        return 1;
    case BodyMode::Chunked:
        return parseChunked();
    }
    return -1;
}

int Connection::parseHeaderBlock(std::size_t end)
{
    const std::string_view block(m_in.data(), end);
    std::size_t lineEnd = block.find("\r\n");
    const std::string_view statusLine = block.substr(0, lineEnd);
    // "HTTP/1.1 201 Created"
    if (statusLine.size() < 12 || statusLine.substr(0, 7) != "HTTP/1." || statusLine[8] != ' ') {
        m_resp.error = "malformed status line: " + std::string(statusLine.substr(0, 80));
        return -1;
    }
    int status = 0;
    auto [ptr, ec] = std::from_chars(statusLine.data() + 9, statusLine.data() + 12, status);
    if (ec != std::errc() || ptr != statusLine.data() + 12 || status < 100 || status > 999) {
        m_resp.error = "malformed status code: " + std::string(statusLine.substr(0, 80));
        return -1;
    }
    m_serverCloses = statusLine[7] == '0'; // HTTP/1.0 closes unless it says keep-alive
    bool chunked = false;
    bool hasLength = false;
    std::size_t length = 0;
    std::size_t pos = lineEnd + 2;
    while (pos + 2 <= end) { // header lines; each pass consumes one line
        const std::size_t next = block.find("\r\n", pos);
        if (next == std::string_view::npos || next == pos)
            break;
        const std::string_view line = block.substr(pos, next - pos);
        pos = next + 2;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        const std::string_view name = trim(line.substr(0, colon));
        const std::string_view value = trim(line.substr(colon + 1));
        if (iequals(name, "content-length")) {
            auto [p, e] = std::from_chars(value.data(), value.data() + value.size(), length);
            if (e != std::errc() || p != value.data() + value.size() || length > kMaxBodyBytes) {
                m_resp.error = "bad Content-Length: " + std::string(value.substr(0, 40));
                return -1;
            }
            hasLength = true;
        } else if (iequals(name, "transfer-encoding")) {
            chunked = icontains(value, "chunked");
        } else if (iequals(name, "connection")) {
            if (icontains(value, "close"))
                m_serverCloses = true;
            else if (icontains(value, "keep-alive"))
                m_serverCloses = false;
        }
    }
    m_resp.status = status;
    m_resp.body.clear();
    m_resp.error.clear();
    if (status >= 100 && status < 200 && status != 101)
        return 2;
    m_headerDone = true;
    m_bodyStart = end;
    m_chunkPos = end;
    m_chunkPhase = ChunkPhase::Size;
    if (status == 204 || status == 304) {
        m_bodyMode = BodyMode::None;
    } else if (chunked) {
        m_bodyMode = BodyMode::Chunked;
    } else if (hasLength) {
        m_bodyMode = BodyMode::Length;
        m_contentLength = length;
    } else {
        m_bodyMode = BodyMode::UntilClose;
        m_serverCloses = true;
    }
    return 1;
}

int Connection::parseChunked()
{
    for (int step = 0; step < (1 << 20); ++step) {
        switch (m_chunkPhase) {
        case ChunkPhase::Size: {
            const std::size_t eol = m_in.find("\r\n", m_chunkPos);
            if (eol == std::string::npos) {
                if (m_in.size() - m_chunkPos > 1024) {
                    m_resp.error = "chunk size line too long";
                    return -1;
                }
                return 0;
            }
            std::size_t size = 0;
            const char *b = m_in.data() + m_chunkPos;
            auto [p, e] = std::from_chars(b, m_in.data() + eol, size, 16);
            if (e != std::errc() || p == b || size > kMaxBodyBytes) {
                m_resp.error = "bad chunk size";
                return -1;
            }
            m_chunkPos = eol + 2;
            m_chunkLeft = size;
            m_chunkPhase = size == 0 ? ChunkPhase::Trailer : ChunkPhase::Data;
            break;
        }
        case ChunkPhase::Data: {
            const std::size_t take = std::min(m_chunkLeft, m_in.size() - m_chunkPos);
            if (m_resp.body.size() + take > kMaxBodyBytes) {
                m_resp.error = "answer body too large";
                return -1;
            }
            m_resp.body.append(m_in, m_chunkPos, take);
            m_chunkPos += take;
            m_chunkLeft -= take;
            if (m_chunkLeft > 0)
                return 0;
            m_chunkPhase = ChunkPhase::DataEnd;
            break;
        }
        case ChunkPhase::DataEnd:
            if (m_in.size() - m_chunkPos < 2)
                return 0;
            if (m_in.compare(m_chunkPos, 2, "\r\n") != 0) {
                m_resp.error = "missing CRLF after chunk";
                return -1;
            }
            m_chunkPos += 2;
            m_chunkPhase = ChunkPhase::Size;
            break;
        case ChunkPhase::Trailer: {
            const std::size_t eol = m_in.find("\r\n", m_chunkPos);
            if (eol == std::string::npos)
                return 0;
            if (eol == m_chunkPos) {
                m_respEnd = eol + 2;
                return 1;
            }
            m_chunkPos = eol + 2; // skip one trailer field
            break;
        }
        }
    }
    m_resp.error = "too many chunks";
    return -1;
}

} // namespace bench
