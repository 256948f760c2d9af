#pragma once

#include <QtGlobal>

// Retry backoff after a failure: FIXED when the worker gives a backoff_duration, otherwise
// EXPONENTIAL, 2^attempt seconds (2 s, 4 s, 8 s, ...) capped at the job's max_retry_delay_ms.
namespace Backoff {

qint64 exponentialMs(int attempt, qint64 maxDelayMs);

} // namespace Backoff
