#pragma once

#include "core/JobState.h"

#include <QColor>
#include <QPalette>

// How a job state looks: its name and a colour readable on the given palette (light or dark).
namespace JobStateStyle {

QString text(JobState state);  // the API's name: "FAILED_RETRYABLE"
QString label(JobState state); // in the operator's language: "Retrying", "Повтор"
QColor color(JobState state, const QPalette &palette);
bool isDark(const QPalette &palette);

} // namespace JobStateStyle
