#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

namespace ks {

// A scenario's text as read, and what to call it in messages.
struct ScenarioText
{
    QByteArray text;
    QString label; // "<id>.json" for a built-in, else the path as the user gave it
    QString path;  // absolute path of a file; empty for a built-in
    bool builtin = false;
};

// Reads scenarios: the one place where every path that opens one (headless, the GUI's File ▸ Open,
// recent files and positional argument, --png) gets its text, so all of them refuse the same things
// with the same message.
//
// Invariants:
// - at most ScenarioParser::kMaxBytes (16 MiB) are ever read: a larger file is refused from its
//   size, and one that grows while it is read is refused once the limit is passed, so memory and
//   time stay bounded whatever the file claims;
// - only regular files: a device (/dev/zero), a fifo, a socket or a directory is refused without
//   blocking on it (opened non-blocking, then checked with fstat on the opened descriptor, so a
//   rename between check and read changes nothing);
// - every error names the file (and the limit, where one was passed).
class ScenarioFile
{
    Q_DECLARE_TR_FUNCTIONS(ks::ScenarioFile)
public:
    static qint64 maxBytes();
    // The engine's event budget for a run (sim::RunOptions::maxEvents, 50 million): a run that
    // needs more stops there, and every output says so. KILLSCOPE_MAX_EVENTS (a positive integer)
    // replaces it, e.g. to check that handling quickly or to allow a bigger run.
    static quint64 maxEvents();
    // Ids of the built-in scenarios (":/scenarios/<id>.json"), sorted.
    static QStringList builtinIds();
    static bool isBuiltin(const QString &id);

    // A built-in id or a file. An argument with a '/' or ending in ".json" is a file; otherwise a
    // built-in id wins over a file of that name in the current folder.
    static std::optional<ScenarioText> read(const QString &idOrPath, QString *error);
    static std::optional<ScenarioText> readBuiltin(const QString &id, QString *error);
    static std::optional<ScenarioText> readFile(const QString &path, QString *error);
};

} // namespace ks
