#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace ks {

// The simulation engine describes what it models in English ("waiting for an InnoDB seat",
// "statement rollback", "idle in transaction"): texts of its own, next to the server's texts
// (stages such as "Sending data", error messages) and SQL, which stay as the server writes them.
// The timeline stores what the engine wrote; views call display() when they draw or show it, so
// the current language is used and a language switch takes effect at the next paint.
//
// Invariant: display() returns its argument unchanged unless it is one of the engine's phrases
// (or phrase patterns) listed in enginetext.cpp.
class EngineText
{
    Q_DECLARE_TR_FUNCTIONS(ks::EngineText)
public:
    static QString display(const QString &text);
    // A server-wide change as a marker label "name=value" says it, longest form first:
    // "SET GLOBAL innodb_thread_concurrency = 3", "innodb_thread_concurrency = 3",
    // "concurrency = 3"; for the what-if knob io_pressure "I/O pressure → 4 (a what-if knob, not
    // a server variable)", "I/O pressure → 4", "I/O 4".
    static QStringList globalActionForms(const QString &nameEqualsValue);
    // Whether display() would translate it (the widget-walk test uses it).
    static bool isEnginePhrase(const QString &text);
};

} // namespace ks
