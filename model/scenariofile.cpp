#include "scenariofile.h"

#include "engine.h"
#include "scenarioparser.h"
#include "smallfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ks {

namespace {

QString builtinPath(const QString &id)
{
    return QStringLiteral(":/scenarios/%1.json").arg(id);
}

} // namespace

qint64 ScenarioFile::maxBytes()
{
    return qint64(sim::ScenarioParser::kMaxBytes);
}

quint64 ScenarioFile::maxEvents()
{
    bool ok = false;
    const qulonglong v = qEnvironmentVariable("KILLSCOPE_MAX_EVENTS").toULongLong(&ok);
    return ok && v > 0 ? quint64(v) : quint64(sim::RunOptions().maxEvents);
}

QStringList ScenarioFile::builtinIds()
{
    QStringList ids;
    const QDir dir(QStringLiteral(":/scenarios"));
    for (const QString &f : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        ids << QFileInfo(f).completeBaseName();
    return ids;
}

bool ScenarioFile::isBuiltin(const QString &id)
{
    return !id.isEmpty() && !id.contains(QLatin1Char('/')) && QFile::exists(builtinPath(id));
}

std::optional<ScenarioText> ScenarioFile::read(const QString &idOrPath, QString *error)
{
    const bool looksLikeFile =
        idOrPath.contains(QLatin1Char('/')) || idOrPath.endsWith(QLatin1String(".json"));
    if (looksLikeFile)
        return readFile(idOrPath, error);
    if (isBuiltin(idOrPath))
        return readBuiltin(idOrPath, error);
    // QFileInfo::exists() only stats: it does not block on a fifo.
    if (!idOrPath.isEmpty() && QFileInfo::exists(idOrPath))
        return readFile(idOrPath, error);
    return readBuiltin(idOrPath, error);
}

std::optional<ScenarioText> ScenarioFile::readBuiltin(const QString &id, QString *error)
{
    QFile f(builtinPath(id));
    if (!isBuiltin(id) || !f.open(QIODevice::ReadOnly)) {
        *error = tr("unknown scenario id \"%1\" (built-in: %2)")
                     .arg(id, builtinIds().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    // Compiled in and validated by the tests: no limits to check.
    ScenarioText t;
    t.text = f.readAll();
    t.label = id + QStringLiteral(".json");
    t.builtin = true;
    return t;
}

std::optional<ScenarioText> ScenarioFile::readFile(const QString &path, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    if (native.isEmpty()) {
        *error = tr("no scenario file given");
        return std::nullopt;
    }
    // model/smallfile: non-blocking open, fstat on the descriptor, never more than the limit.
    const qint64 limit = maxBytes();
    SmallFile f = SmallFile::read(path, limit);
    switch (f.status) {
    case SmallFile::Status::Ok:
        break;
    case SmallFile::Status::Missing:
    case SmallFile::Status::Unreadable:
        *error = tr("%1: cannot open: %2").arg(path, f.error);
        return std::nullopt;
    case SmallFile::Status::NotRegular:
        *error =
            tr("%1: is %2, not a scenario file (only regular files are read)").arg(path, f.kind());
        return std::nullopt;
    case SmallFile::Status::TooLarge:
        *error = tr("%1: %2 bytes is more than the %3 bytes (16 MiB) a scenario may have")
                     .arg(path)
                     .arg(f.size)
                     .arg(limit);
        return std::nullopt;
    }
    ScenarioText t;
    t.text = std::move(f.data);
    t.label = path;
    t.path = QFileInfo(path).absoluteFilePath();
    return t;
}

} // namespace ks
