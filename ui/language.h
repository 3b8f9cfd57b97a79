#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace ks {

// The languages KillScope ships, as locale names ("en", "zh_CN").
QStringList availableLanguages();

// The language to start in: `requested` if it is one we ship, otherwise the system locale's
// language when we ship it, otherwise English.
QString chooseLanguage(const QString &requested = {});

// Loads and installs the translator for `language`, replacing any installed before. Returns
// false (and installs nothing) when no translation for it is compiled in.
bool switchLanguage(const QString &language);

QString currentLanguage();

} // namespace ks
