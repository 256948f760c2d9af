#include "Router.h"

void Router::add(Method method, const QString &pattern, Access access, Handler handler)
{
    m_routes.append(Route{method, pattern, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts),
                          access, std::move(handler)});
}

Router::Match Router::match(Method method, const QString &path) const
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    Match result;
    for (const Route &route : m_routes) {
        if (route.segments.size() != parts.size())
            continue;
        QStringList arguments;
        bool same = true;
        for (qsizetype i = 0; i < parts.size() && same; ++i) {
            if (route.segments[i].startsWith(QLatin1Char(':')))
                arguments.append(parts[i]);
            else
                same = route.segments[i] == parts[i];
        }
        if (!same)
            continue;
        if (route.method == method) {
            result.route = &route;
            result.arguments = arguments;
            return result;
        }
        result.allowedMethods.append(methodName(route.method));
    }
    return result;
}

QString Router::methodName(Method method)
{
    switch (method) {
    case Method::Get:
        return QStringLiteral("GET");
    case Method::Put:
        return QStringLiteral("PUT");
    case Method::Delete:
        return QStringLiteral("DELETE");
    case Method::Post:
        return QStringLiteral("POST");
    case Method::Head:
        return QStringLiteral("HEAD");
    case Method::Options:
        return QStringLiteral("OPTIONS");
    case Method::Patch:
        return QStringLiteral("PATCH");
    default:
        return QStringLiteral("UNKNOWN");
    }
}
