#include "Router.h"

void Router::add(Method method, const QString &pattern, Access access, Handler handler, Doc doc)
{
    m_routes.append(Route{method, pattern, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts),
                          access, std::move(handler), doc});
}

Router::Match Router::match(Method method, const QString &path) const
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    // Of the patterns that fit the path, only the most specific ones count: a literal segment
    // beats a parameter, left to right, whatever the order of registration. So
    // "/api/v1/jobs/activate" is never taken for "/api/v1/jobs/:key" (GET on it is a 405).
    QList<const Route *> fitting;
    QList<bool> best; // per segment: literal (true) or parameter
    for (const Route &route : m_routes) {
        if (route.segments.size() != parts.size())
            continue;
        QList<bool> literal;
        bool same = true;
        for (qsizetype i = 0; i < parts.size() && same; ++i) {
            literal.append(!route.segments[i].startsWith(QLatin1Char(':')));
            same = !literal.constLast() || route.segments[i] == parts[i];
        }
        if (!same)
            continue;
        if (fitting.isEmpty() || best < literal) {
            fitting = {&route};
            best = literal;
        } else if (literal == best) {
            fitting.append(&route);
        }
    }
    Match result;
    for (const Route *route : fitting) {
        if (route->method == method) {
            result.route = route;
            for (qsizetype i = 0; i < parts.size(); ++i)
                if (!best[i])
                    result.arguments.append(parts[i]);
            return result;
        }
        result.allowedMethods.append(methodName(route->method));
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
