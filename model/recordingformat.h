#pragma once

#include "connectionsettings.h"
#include "serverinfo.h"
#include "sessionsource.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ks {

// What the writer and the reader of a recording agree on: the schema (one file in the repo,
// resources/recording-schema.sql, embedded as :/recording/schema.sql), the identifying numbers,
// and the JSON shapes of the server and action rows.
//
// Invariants: pure functions; no SQL runs here. The JSON of a ServerInfo or ConnectionSettings
// never contains a password. fromJson(toJson(x)) keeps every field the schema lists.
class RecordingFormat
{
public:
    static constexpr int ApplicationId = 0x4B53524B; // "KSRK"
    static constexpr int Version = 1;
    static constexpr int DefaultKeyframeEvery = 60;
    static constexpr qint64 DefaultMaxBytes = 512LL * 1024 * 1024;
    static constexpr qint64 MinMaxBytes = 64LL * 1024;
    static const char *formatName() { return "killscope-recording"; }

    // The schema's statements, comments stripped, in order.
    static QStringList schemaStatements();

    static QJsonObject serverToJson(const ServerInfo &info, const ConnectionSettings &settings,
                                    bool readOnly);
    static ServerInfo serverFromJson(const QJsonObject &o);
    // The connection as recorded ("user@host:port"): for the summary and the window title.
    static QString endpointOf(const QJsonObject &o);

    static QJsonObject killToJson(const KillRecord &r);
    static KillRecord killFromJson(const QJsonObject &o);
    // The phase of a killPhaseKey() spelling.
    static std::optional<KillPhase> phaseFromKey(const QString &key);
};

} // namespace ks
