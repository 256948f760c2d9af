#include "Authenticator.h"

#include "store/Database.h"

std::optional<ApiKey> Authenticator::identify(const QByteArray &clearKey)
{
    if (clearKey.isEmpty())
        return std::nullopt;
    if (!m_clock.isValid())
        m_clock.start();
    if (m_generation) {
        const quint64 generation = m_generation->load(std::memory_order_acquire);
        if (generation != m_seenGeneration) {
            m_cache.clear();
            m_seenGeneration = generation;
        }
    }
    const QByteArray hash = ApiKey::hash(clearKey);
    const qint64 now = m_clock.elapsed();
    const auto it = m_cache.constFind(hash);
    if (it != m_cache.constEnd() && now - it->at < m_cacheMs)
        return it->key;
    std::optional<ApiKey> key = m_keys.findByHash(hash); // StoreError: caller answers 503
    if (m_cache.size() > 10'000) // unknown keys must not grow the cache without bound
        m_cache.clear();
    m_cache.insert(hash, Cached{key, now});
    return key;
}

QByteArray Authenticator::presentedKey(const QByteArray &xApiKey, const QByteArray &authorization)
{
    if (!xApiKey.isEmpty())
        return xApiKey.trimmed();
    const QByteArray auth = authorization.trimmed();
    if (auth.size() > 7 && auth.left(7).toLower() == "bearer ")
        return auth.mid(7).trimmed();
    return {};
}
