#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace ks {

// The languages KillScope ships, as locale names ("en", "zh_CN").
QStringList availableLanguages();

// The language to start in: `requested` if it is one we ship, otherwise the one the user last
// chose (QSettings), otherwise the system locale's language when we ship it, otherwise English.
QString chooseLanguage(const QString &requested = {});

// Loads and installs the translator for `language` and Qt's own translation of its dialogs
// (QFileDialog, QMessageBox), replacing any installed before, and makes it the default QLocale.
// Returns false (and installs nothing) when no translation for it is compiled in.
bool switchLanguage(const QString &language);

QString currentLanguage();
// Whether Qt's own strings are translated for the current language (false for English).
bool qtTranslationsLoaded();

// The user's choice, kept for the next start (the Language menu; not --lang, which is for once).
void rememberLanguage(const QString &language);
QString rememberedLanguage();

} // namespace ks
