#include "JobStateStyle.h"

#include <QCoreApplication>

namespace JobStateStyle {

QString text(JobState state)
{
    return JobStates::name(state);
}

QString label(JobState state)
{
    switch (state) {
    case JobState::Created:
        return QCoreApplication::translate("JobStateStyle", "Pending");
    case JobState::Scheduled:
        return QCoreApplication::translate("JobStateStyle", "Scheduled");
    case JobState::FailedRetryable:
        return QCoreApplication::translate("JobStateStyle", "Retrying");
    case JobState::Active:
        return QCoreApplication::translate("JobStateStyle", "Active");
    case JobState::Completed:
        return QCoreApplication::translate("JobStateStyle", "Completed");
    case JobState::Failed:
        return QCoreApplication::translate("JobStateStyle", "Failed");
    case JobState::ErrorThrown:
        return QCoreApplication::translate("JobStateStyle", "Error thrown");
    case JobState::Cancelled:
        return QCoreApplication::translate("JobStateStyle", "Cancelled");
    }
    return text(state);
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor color(JobState state, const QPalette &palette)
{
    // One hue per state; darker shades on a light base, lighter ones on a dark base.
    struct Pair
    {
        QRgb light, dark;
    };
    static constexpr Pair kColors[] = {
        {0x1f5fbf, 0x8ab4f8}, // CREATED: blue
        {0x6a3fb5, 0xc3a6f5}, // SCHEDULED: violet
        {0xa15c00, 0xf6b26b}, // FAILED_RETRYABLE: amber
        {0x00796b, 0x5fd3c4}, // ACTIVE: teal
        {0x2e7d32, 0x81c995}, // COMPLETED: green
        {0xc62828, 0xf28b82}, // FAILED: red
        {0xad1457, 0xf48fb1}, // ERROR_THROWN: magenta
        {0x5f6368, 0xbdc1c6}, // CANCELLED: grey
    };
    const Pair &pair = kColors[qBound(0, int(state), 7)];
    return QColor::fromRgb(isDark(palette) ? pair.dark : pair.light);
}

} // namespace JobStateStyle
