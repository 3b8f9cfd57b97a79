#include "enginetext.h"

#include <QHash>
#include <iterator>

namespace ks {

namespace {

// Exact phrases the engine writes into segment details, client rows, marker and signal labels.
const char *const Phrases[] = {
    QT_TRANSLATE_NOOP("ks::EngineText", "waiting for an InnoDB seat"),
    QT_TRANSLATE_NOOP("ks::EngineText", "sleeping before entering InnoDB"),
    QT_TRANSLATE_NOOP("ks::EngineText", "statement rollback"),
    QT_TRANSLATE_NOOP("ks::EngineText", "transaction rollback"),
    QT_TRANSLATE_NOOP("ks::EngineText", "background rollback of a recovered transaction"),
    QT_TRANSLATE_NOOP("ks::EngineText", "idle in transaction"),
    QT_TRANSLATE_NOOP("ks::EngineText", "delete temporary files"),
    QT_TRANSLATE_NOOP("ks::EngineText", "write temporary file"),
    QT_TRANSLATE_NOOP("ks::EngineText", "starting index read"),
    QT_TRANSLATE_NOOP("ks::EngineText", "connect"),
    QT_TRANSLATE_NOOP("ks::EngineText", "login"),
    QT_TRANSLATE_NOOP("ks::EngineText", "commit"),
    QT_TRANSLATE_NOOP("ks::EngineText", "event scheduler"),
    QT_TRANSLATE_NOOP("ks::EngineText", "not reading"),
    QT_TRANSLATE_NOOP("ks::EngineText", "kill flag noticed"),
    QT_TRANSLATE_NOOP("ks::EngineText", "deferred kill replayed"),
    QT_TRANSLATE_NOOP("ks::EngineText", "deferred (data-dictionary work)"),
};

// Phrases with one variable part (a table, a variable name): prefix or suffix, and the pattern.
struct Pattern
{
    const char *prefix;
    const char *suffix;
    const char *source;
};
const Pattern Patterns[] = {
    {"MDL ", "", QT_TRANSLATE_NOOP("ks::EngineText", "MDL %1")},
    {"auto-rehash: ", "", QT_TRANSLATE_NOOP("ks::EngineText", "auto-rehash: %1")},
    {"", " exceeded", QT_TRANSLATE_NOOP("ks::EngineText", "%1 exceeded")},
};

const QHash<QString, const char *> &phraseIndex()
{
    static const QHash<QString, const char *> index = [] {
        QHash<QString, const char *> h;
        for (const char *p : Phrases)
            h.insert(QString::fromLatin1(p), p);
        return h;
    }();
    return index;
}

const Pattern *patternOf(const QString &text, QString *part)
{
    for (const Pattern &p : Patterns) {
        const QLatin1StringView prefix(p.prefix);
        const QLatin1StringView suffix(p.suffix);
        if (text.size() > prefix.size() + suffix.size() && text.startsWith(prefix) &&
            text.endsWith(suffix)) {
            if (part)
                *part = text.mid(prefix.size(), text.size() - prefix.size() - suffix.size());
            return &p;
        }
    }
    return nullptr;
}

} // namespace

QString EngineText::display(const QString &text)
{
    if (text.isEmpty())
        return text;
    if (const auto it = phraseIndex().constFind(text); it != phraseIndex().constEnd())
        return tr(*it);
    QString part;
    if (const Pattern *p = patternOf(text, &part))
        return tr(p->source).arg(part);
    return text;
}

QStringList EngineText::globalActionForms(const QString &nameEqualsValue)
{
    const qsizetype eq = nameEqualsValue.indexOf(QLatin1Char('='));
    const QString name = eq < 0 ? nameEqualsValue : nameEqualsValue.left(eq);
    const QString value = eq < 0 ? QString() : nameEqualsValue.mid(eq + 1);
    if (name == u"io_pressure")
        return {tr("I/O pressure → %1 (a what-if knob, not a server variable)").arg(value),
                tr("I/O pressure → %1").arg(value), tr("I/O %1").arg(value)};
    if (name == u"restart")
        return {tr("Server restart (kill -9, then crash recovery)"), tr("Server restart"),
                tr("Restart")};
    if (name == u"server_back")
        return {tr("Server accepts connections again"), tr("Server back"), tr("Back")};
    if (name == u"innodb_thread_concurrency")
        return {QStringLiteral("SET GLOBAL innodb_thread_concurrency = %1").arg(value),
                QStringLiteral("innodb_thread_concurrency = %1").arg(value),
                tr("concurrency = %1").arg(value)};
    return {QStringLiteral("SET GLOBAL %1 = %2").arg(name, value),
            QStringLiteral("%1 = %2").arg(name, value)};
}

bool EngineText::isEnginePhrase(const QString &text)
{
    return phraseIndex().contains(text) || patternOf(text, nullptr);
}

} // namespace ks
