#pragma once

#include "ApiKey.h"
#include "store/KeyStore.h"

#include <QElapsedTimer>
#include <QHash>

#include <optional>

// Finds the API key a request presents (X-API-Key, or Authorization: Bearer). Used on the HTTP
// thread with that thread's read connection; known keys are cached for a few seconds so that a
// request costs one hash and one hash-table look-up.
class Authenticator
{
public:
    explicit Authenticator(KeyStore keys, int cacheMs = 5000)
        : m_keys(std::move(keys)), m_cacheMs(cacheMs)
    {}

    std::optional<ApiKey> identify(const QByteArray &clearKey);
    static QByteArray presentedKey(const QByteArray &xApiKey, const QByteArray &authorization);

private:
    struct Cached
    {
        std::optional<ApiKey> key;
        qint64 at = 0;
    };
    KeyStore m_keys;
    int m_cacheMs;
    QElapsedTimer m_clock;
    QHash<QByteArray, Cached> m_cache;
};
