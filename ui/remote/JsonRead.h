#pragma once

#include "core/Clock.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

// Reading the API's JSON values back (JobJson, OperatorJson): a null or absent field is "not
// set", as the renderers write it.
namespace JsonRead {

inline qint64 time(const QJsonValue &v) // ISO 8601, or 0
{
    return Clock::parseIso(v.toString()).value_or(0);
}

inline QString text(const QJsonValue &v) // a string, or empty for null
{
    return v.isString() ? v.toString() : QString();
}

inline QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &s : v.toArray())
        out.append(s.toString());
    return out;
}

} // namespace JsonRead
