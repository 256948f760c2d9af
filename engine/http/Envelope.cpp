#include "Envelope.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <atomic>

namespace Envelope {

QByteArray newRequestId()
{
    // Time-ordered and unique within the process: start-up millis, random salt, counter.
    static const quint64 salt = QRandomGenerator::system()->generate() & 0xffff;
    static const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    static std::atomic<quint64> counter{0};
    const quint64 n = counter.fetch_add(1, std::memory_order_relaxed);
    return QByteArrayLiteral("req_") + QByteArray::number(startMs, 36) +
           QByteArray::number(salt, 36) + QByteArray::number(n, 36).rightJustified(6, '0');
}

QByteArray success(const QJsonObject &data, const QByteArray &requestId)
{
    QJsonObject root;
    root.insert(QStringLiteral("success"), true);
    root.insert(QStringLiteral("data"), data);
    root.insert(QStringLiteral("request_id"), QString::fromLatin1(requestId));
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QByteArray error(const QString &code, const QString &message, const QJsonObject &details,
                 const QByteArray &requestId)
{
    QJsonObject err;
    err.insert(QStringLiteral("code"), code);
    err.insert(QStringLiteral("message"), message);
    err.insert(QStringLiteral("details"), details);
    QJsonObject root;
    root.insert(QStringLiteral("success"), false);
    root.insert(QStringLiteral("error"), err);
    root.insert(QStringLiteral("request_id"), QString::fromLatin1(requestId));
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace Envelope
