#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

// ISO 8601 durations as the contract uses them: "PT2M", "PT1H30M", "PT0.5S", "P1DT2H".
// Years and months are refused (their length is not fixed).
namespace IsoDuration {

std::optional<qint64> parseMs(const QString &text);
QString fromMs(qint64 ms);

} // namespace IsoDuration
