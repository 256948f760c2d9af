#pragma once

#include "http/ApiError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

// Reads the fields of a request body and collects every problem at once, so that a 400
// VALIDATION_ERROR names each bad field (details.field_errors: field -> message).
class FieldReader
{
public:
    explicit FieldReader(QJsonObject body) : m_body(std::move(body)) {}

    bool has(const QString &key) const
    {
        return m_body.contains(key) && !m_body.value(key).isNull();
    }
    const QJsonObject &body() const { return m_body; }

    // 1-100 characters of [A-Za-z0-9_-]: job types, worker ids.
    QString name(const QString &key, const QString &requiredMessage, const QString &formatMessage);
    // An integer in [min, max], or `fallback` when absent.
    qint64 integer(const QString &key, qint64 fallback, qint64 min, qint64 max,
                   const QString &rangeMessage);
    QString text(const QString &key, int maxLength = 10'000);
    bool boolean(const QString &key, bool fallback);
    QJsonObject object(const QString &key, bool required = false);
    QJsonArray array(const QString &key);
    QStringList stringList(const QString &key);
    // An ISO 8601 duration such as "PT2M", or `fallback` when absent.
    std::optional<qint64> duration(const QString &key, qint64 min, qint64 max);
    std::optional<qint64> timestamp(const QString &key);

    // The fields of a job template (create, replay, PATCH, schedules), each with its one
    // message: "type" (required), "tenant_id", "priority", "retries", "custom_headers" (string
    // values).
    QString jobType();
    QString tenantId();
    int priority(int fallback = 0);
    int retries(int fallback = 3);
    QJsonObject customHeaders();

    void error(const QString &key, const QString &message);
    bool ok() const { return m_errors.isEmpty(); }
    ApiError toError() const { return ApiError::validation(m_errors); }

    static bool isName(const QString &text);

private:
    QJsonObject m_body;
    QJsonObject m_errors;
};
