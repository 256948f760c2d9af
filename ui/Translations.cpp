#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace Translations {

void install(QCoreApplication &app)
{
    const QString language = QSettings().value(QStringLiteral("ui/language")).toString();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // Numbers, dates and sizes in the chosen language too ("7 126", "5 дек. 2026 г.").
    QLocale::setDefault(locale);
    auto *console = new QTranslator(&app);
    // Built by qt_add_translations into the resources under :/i18n.
    // English (with its plural forms) when the locale has no translation of its own.
    if (console->load(locale, QStringLiteral("jobdeck"), QStringLiteral("_"),
                      QStringLiteral(":/i18n")) ||
        console->load(QStringLiteral(":/i18n/jobdeck_en.qm")))
        QCoreApplication::installTranslator(console);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace Translations
