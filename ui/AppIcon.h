#pragma once

#include <QIcon>

// The application icon (resources/jobdeck.svg), painted: Debian's Qt has no SVG image plugin
// unless qt6-svg is installed, and the window icon must not depend on it.
namespace AppIcon {
QIcon icon();
}
