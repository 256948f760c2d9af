#pragma once

#include "ApiKey.h"
#include "store/KeyStore.h"

#include <QElapsedTimer>
#include <QHash>

#include <atomic>

#include <optional>

// Finds the API key a request presents (X-API-Key, or Authorization: Bearer). Used on the HTTP
// thread with that thread's read connection; known keys are cached for a few seconds so that a
// request costs one hash and one hash-table look-up.
class Authenticator
{
public:
    // `generation` (optional) is bumped whenever keys change: the cache is dropped then, so
    // that a deleted key stops working at once.
    explicit Authenticator(KeyStore keys, const std::atomic<quint64> *generation = nullptr,
                           int cacheMs = 5000)
        : m_keys(std::move(keys)), m_generation(generation), m_cacheMs(cacheMs)
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
    const std::atomic<quint64> *m_generation;
    quint64 m_seenGeneration = 0;
    int m_cacheMs;
    QElapsedTimer m_clock;
    QHash<QByteArray, Cached> m_cache;
};
