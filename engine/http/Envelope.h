#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// The contract's envelopes, in one place: {"success": true, "data": ..., "request_id": ...} and
// {"success": false, "error": {"code", "message", "details"}, "request_id": ...}.
namespace Envelope {

QByteArray newRequestId();
QByteArray success(const QJsonObject &data, const QByteArray &requestId);
QByteArray error(const QString &code, const QString &message, const QJsonObject &details,
                 const QByteArray &requestId);

} // namespace Envelope
