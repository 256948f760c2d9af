#pragma once

#include <QtGlobal>

namespace Progress {

// A worker's progress as a percentage with two decimals (0 when the total is unknown).
inline double percentage(qint64 total, qint64 processed)
{
    return total > 0 ? qRound(10000.0 * double(processed) / double(total)) / 100.0 : 0.0;
}

} // namespace Progress
