#pragma once

class QCoreApplication;

// Installs the console's translation (and Qt's own, for standard buttons) for the language in
// the setting "ui/language" ("en", "ru"), or the system locale when it is not set.
namespace Translations {
void install(QCoreApplication &app);
}
