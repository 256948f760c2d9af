#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

// Compact JSON text, as stored in the JSON columns of the store.
namespace JsonText {

inline QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
inline QByteArray compact(const QJsonArray &a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}
inline QJsonObject object(const QByteArray &text)
{
    return text.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(text).object();
}
inline QJsonArray array(const QByteArray &text)
{
    return text.isEmpty() ? QJsonArray() : QJsonDocument::fromJson(text).array();
}
// An ISO timestamp, or null when the time is not set.
QJsonValue time(qint64 epochMs);

} // namespace JsonText
