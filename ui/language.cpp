#include "language.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace ks {

namespace {
QTranslator *s_translator = nullptr;
QTranslator *s_qtTranslator = nullptr;
QString s_current = QStringLiteral("en");
const QString LanguageKey = QStringLiteral("language");

// Qt's own strings (file and message dialogs, "Cancel", "Look in", ...) from the system's Qt
// translations (Debian: qt6-translations-l10n), then from our resources if a build bundles them.
QTranslator *loadQtTranslator(const QString &language)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    const QString file = QStringLiteral("qtbase_%1").arg(language);
    if (translator->load(file, QLibraryInfo::path(QLibraryInfo::TranslationsPath)) ||
        translator->load(file, QStringLiteral(":/i18n")))
        return translator;
    delete translator;
    return nullptr;
}
} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString chooseLanguage(const QString &requested)
{
    const QStringList langs = availableLanguages();
    if (langs.contains(requested))
        return requested;
    const QString remembered = rememberedLanguage();
    if (langs.contains(remembered))
        return remembered;
    const QLocale system;
    if (system.language() == QLocale::Chinese)
        return QStringLiteral("zh_CN");
    return QStringLiteral("en");
}

bool switchLanguage(const QString &language)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(QStringLiteral(":/i18n/killscope_%1.qm").arg(language))) {
        delete translator;
        return false;
    }
    if (s_translator) {
        QCoreApplication::removeTranslator(s_translator);
        delete s_translator;
    }
    if (s_qtTranslator) {
        QCoreApplication::removeTranslator(s_qtTranslator);
        delete s_qtTranslator;
        s_qtTranslator = nullptr;
    }
    // Qt's sources are English: only other languages need Qt's translations.
    if (language != QStringLiteral("en")) {
        s_qtTranslator = loadQtTranslator(language);
        if (s_qtTranslator)
            QCoreApplication::installTranslator(s_qtTranslator);
    }
    s_translator = translator;
    s_current = language;
    // Numbers follow the language too (group and decimal separators).
    QLocale::setDefault(QLocale(language));
    QCoreApplication::installTranslator(s_translator);
    // QApplication posts LanguageChange to widgets that have no native window yet; deliver it
    // now so every visible text has switched when this returns.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    return true;
}

QString currentLanguage()
{
    return s_current;
}

bool qtTranslationsLoaded()
{
    return s_qtTranslator != nullptr;
}

void rememberLanguage(const QString &language)
{
    QSettings().setValue(LanguageKey, language);
}

QString rememberedLanguage()
{
    return QSettings().value(LanguageKey).toString();
}

} // namespace ks
