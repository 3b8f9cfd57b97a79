#include "resources.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtGlobal>

static void initKillscopeResources()
{
    Q_INIT_RESOURCE(killscope);
}

namespace ks {

void initResources()
{
    static const bool once = [] {
        initKillscopeResources();
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace ks

namespace ks {

QStringList builtinScenarioIds()
{
    initResources();
    QStringList ids;
    const QDir dir(QStringLiteral(":/scenarios"));
    for (const QString &f : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        ids << QFileInfo(f).completeBaseName();
    return ids;
}

std::optional<QByteArray> loadScenarioText(const QString &arg, QString &label, QString &error)
{
    initResources();
    const bool looksLikeFile = arg.contains(QLatin1Char('/')) || arg.endsWith(QLatin1String(".json"));
    QString path = arg;
    if (!looksLikeFile) {
        path = QStringLiteral(":/scenarios/%1.json").arg(arg);
        if (!QFile::exists(path)) {
            if (QFile::exists(arg)) {
                path = arg;
            } else {
                error = QStringLiteral("unknown scenario id \"%1\" (built-in: %2)")
                            .arg(arg, builtinScenarioIds().join(QStringLiteral(", ")));
                return std::nullopt;
            }
        }
        label = path == arg ? arg : arg + QStringLiteral(".json");
    } else {
        label = arg;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("%1: cannot open: %2").arg(label, f.errorString());
        return std::nullopt;
    }
    // Scenario files are small; anything huge is a mistake, not a scenario.
    if (f.size() > 16 * 1024 * 1024) {
        error = QStringLiteral("%1: file too large for a scenario").arg(label);
        return std::nullopt;
    }
    return f.readAll();
}

} // namespace ks
