#include "Validation.h"

#include "core/Clock.h"
#include "core/IsoDuration.h"

#include <cmath>

bool FieldReader::isName(const QString &text)
{
    if (text.isEmpty() || text.size() > 100)
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool allowed = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                             (u >= '0' && u <= '9') || u == '-' || u == '_';
        if (!allowed)
            return false;
    }
    return true;
}

void FieldReader::error(const QString &key, const QString &message)
{
    if (!m_errors.contains(key))
        m_errors.insert(key, message);
}

QString FieldReader::name(const QString &key, const QString &requiredMessage,
                          const QString &formatMessage)
{
    const QJsonValue v = m_body.value(key);
    if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty())) {
        error(key, requiredMessage);
        return {};
    }
    if (!v.isString() || !isName(v.toString())) {
        error(key, formatMessage);
        return {};
    }
    return v.toString();
}

QString FieldReader::jobType()
{
    return name(QStringLiteral("type"), QStringLiteral("Job type is required"),
                QStringLiteral("Job type must be 1-100 characters: letters, digits, hyphens, "
                               "underscores"));
}

QString FieldReader::tenantId()
{
    return name(QStringLiteral("tenant_id"), QStringLiteral("Tenant is required"),
                QStringLiteral("Tenant must be 1-100 characters: letters, digits, hyphens, "
                               "underscores"));
}

int FieldReader::priority(int fallback)
{
    return int(integer(QStringLiteral("priority"), fallback, -100, 100,
                       QStringLiteral("Priority must be between -100 and 100")));
}

int FieldReader::retries(int fallback)
{
    return int(integer(QStringLiteral("retries"), fallback, 0, 100,
                       QStringLiteral("Retries must be between 0 and 100")));
}

QJsonObject FieldReader::customHeaders()
{
    const QJsonObject headers = object(QStringLiteral("custom_headers"));
    for (auto it = headers.begin(); it != headers.end(); ++it)
        if (!it.value().isString())
            error(QStringLiteral("custom_headers"),
                  QStringLiteral("Header values must be strings"));
    return headers;
}

qint64 FieldReader::integer(const QString &key, qint64 fallback, qint64 min, qint64 max,
                            const QString &rangeMessage)
{
    const QJsonValue v = m_body.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || std::isnan(d) || d != std::floor(d) || d < double(min) ||
        d > double(max)) {
        error(key, rangeMessage);
        return fallback;
    }
    return qint64(d);
}

QString FieldReader::text(const QString &key, int maxLength)
{
    const QJsonValue v = m_body.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString()) {
        error(key, QStringLiteral("Must be a string"));
        return {};
    }
    if (v.toString().size() > maxLength) {
        error(key, QStringLiteral("Must be at most %1 characters").arg(maxLength));
        return {};
    }
    return v.toString();
}

bool FieldReader::boolean(const QString &key, bool fallback)
{
    const QJsonValue v = m_body.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool()) {
        error(key, QStringLiteral("Must be true or false"));
        return fallback;
    }
    return v.toBool();
}

QJsonObject FieldReader::object(const QString &key, bool required)
{
    const QJsonValue v = m_body.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            error(key, QStringLiteral("%1 is required and must be an object").arg(key));
        return {};
    }
    if (!v.isObject()) {
        error(key, QStringLiteral("Must be a JSON object"));
        return {};
    }
    return v.toObject();
}

QJsonArray FieldReader::array(const QString &key)
{
    const QJsonValue v = m_body.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isArray()) {
        error(key, QStringLiteral("Must be an array"));
        return {};
    }
    return v.toArray();
}

QStringList FieldReader::stringList(const QString &key)
{
    QStringList out;
    for (const QJsonValue &v : array(key)) {
        if (!v.isString()) {
            error(key, QStringLiteral("Must be an array of strings"));
            return {};
        }
        out.append(v.toString());
    }
    return out;
}

std::optional<qint64> FieldReader::duration(const QString &key, qint64 min, qint64 max)
{
    const QJsonValue v = m_body.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const std::optional<qint64> ms =
        v.isString() ? IsoDuration::parseMs(v.toString()) : std::nullopt;
    if (!ms || *ms < min || *ms > max) {
        error(key, QStringLiteral("Must be an ISO 8601 duration between %1 and %2 (e.g. PT2M)")
                       .arg(IsoDuration::fromMs(min), IsoDuration::fromMs(max)));
        return std::nullopt;
    }
    return ms;
}

std::optional<qint64> FieldReader::timestamp(const QString &key)
{
    const QJsonValue v = m_body.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const std::optional<qint64> ms = v.isString() ? Clock::parseIso(v.toString()) : std::nullopt;
    if (!ms) {
        error(key,
              QStringLiteral("Must be an ISO 8601 timestamp such as 2025-01-11T10:30:00.000Z"));
        return std::nullopt;
    }
    return ms;
}
