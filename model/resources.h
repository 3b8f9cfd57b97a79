#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace ks {

// Registers the resources compiled into the static ks_model library (built-in scenarios,
// icons). A static library's resource object is only linked in when something references
// it, so every program that uses ks_model calls this once before touching ":/...".
void initResources();

// Ids of the built-in scenarios (":/scenarios/<id>.json"), sorted.
QStringList builtinScenarioIds();

// The text of a built-in scenario id or of a scenario file (the one reader of both). `label`
// names it in messages ("lock-wait-kill.json", or the path). nullopt with `error` on failure.
std::optional<QByteArray> loadScenarioText(const QString &idOrFile, QString &label, QString &error);

} // namespace ks
