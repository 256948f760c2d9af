#pragma once

#include "auth/ApiKey.h"

#include <QHttpServerRequest>
#include <QList>
#include <QStringList>

#include <functional>

class ApiRequest;

// Routes "/api/v1/jobs/:key/complete"-style patterns by method. Knows the difference between
// a path nobody serves (404 ROUTE_NOT_FOUND) and a method the path does not take (405).
class Router
{
public:
    using Method = QHttpServerRequest::Method;
    using Handler = std::function<void(ApiRequest &)>;
    enum class Access { Public, Read, Job, Admin };
    // What the OpenAPI document says of a route (ObservabilityApi builds it from the routes).
    struct Doc
    {
        const char *tag = nullptr;
        const char *summary = nullptr; // null: the route is not documented
        bool body = false;             // takes a JSON body
        const char *query = "";        // query parameters, space-separated
        const char *header = "";       // an optional request header
    };

    struct Route
    {
        Method method;
        QString pattern;
        QStringList segments;
        Access access;
        Handler handler;
        Doc doc;
    };
    struct Match
    {
        const Route *route = nullptr;
        QStringList arguments;      // the ":name" segments, in order
        QStringList allowedMethods; // when the path matched but the method did not
    };

    void add(Method method, const QString &pattern, Access access, Handler handler, Doc doc);
    Match match(Method method, const QString &path) const;
    const QList<Route> &routes() const { return m_routes; }

    static QString methodName(Method method);

private:
    QList<Route> m_routes;
};
