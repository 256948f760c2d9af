#include "Backoff.h"

namespace Backoff {

qint64 exponentialMs(int attempt, qint64 maxDelayMs)
{
    const int exponent = qBound(1, attempt, 40); // 2^40 s is already far past any cap
    const qint64 delay = (qint64(1) << exponent) * 1000;
    return qMin(delay, maxDelayMs);
}

} // namespace Backoff
