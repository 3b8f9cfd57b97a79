#include "language.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QTranslator>

namespace ks {

namespace {
QTranslator *s_translator = nullptr;
QString s_current = QStringLiteral("en");
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
    s_translator = translator;
    s_current = language;
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

} // namespace ks
