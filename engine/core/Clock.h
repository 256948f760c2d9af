#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

// Wall-clock time in milliseconds since the epoch, and the contract's timestamp format
// (ISO 8601 UTC with milliseconds, "2025-01-11T10:30:00.000Z"). 0 stands for "not set".
namespace Clock {

qint64 nowMs();
QString toIso(qint64 epochMs);
std::optional<qint64> parseIso(const QString &text);

} // namespace Clock
