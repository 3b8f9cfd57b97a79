#pragma once

#include "livesample.h"
#include "serverinfo.h"
#include "sessionsource.h"
#include "timeline.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <vector>

namespace ks {

// One sample as stored: its compressed payload (decoded on demand by RecordingSource).
struct StoredSample
{
    qint64 serial = 0;
    qint64 takenUs = 0;
    qint64 startedUs = 0;
    qint64 epochMs = 0;
    bool keyframe = false;
    int rowCount = 0;
    QByteArray payload;
};

struct RecordedServer
{
    qint64 atUs = 0;
    qint64 epochMs = 0;
    QString endpoint, flavor, version;
    QJsonObject info;
};

struct RecordedAction
{
    qint64 atUs = 0;
    qint64 epochMs = 0;
    QString kind; // kill, audit, note
    int killSerial = 0;
    QString phase;
    QJsonObject data;
};

// A recording read into memory and replayed into a Timeline, ready for a RecordingSource.
struct Recording
{
    QString path;
    qint64 fileBytes = 0;
    QMap<QString, QString> meta;
    QList<RecordedServer> servers;
    std::vector<StoredSample> samples; // serial order; the first is a keyframe
    QList<RecordedAction> actions;
    QList<KillRecord> kills;      // each kill's last recorded state, by serial
    QHash<int, QString> verdicts; // kill serial → audit verdict
    QString warning;              // a damaged tail: what was left out, in the UI language
    Timeline timeline;            // the samples replayed as LiveSource would have drawn them
    qint64 keyframes = 0;
    qint64 clockOriginEpochMs = 0;

    qint64 beginUs() const { return samples.empty() ? 0 : samples.front().takenUs; }
    qint64 endUs() const { return samples.empty() ? 0 : samples.back().takenUs; }
    ServerInfo server() const; // of the last server row
    QString endpoint() const;  // "user@host:port"
    qint64 epochMsAt(qint64 us) const { return clockOriginEpochMs + us / 1000; }
};

// Reads a recording file (resources/recording-schema.sql) and replays it: every payload is
// decoded once, in order, and fed to a LiveSource that is never started, so the lanes, segments
// and markers are exactly those the live window drew; the kills are drawn on their victims'
// lanes from their recorded records.
//
// Invariants: runs on the calling thread with its own QSqlDatabase connection (a unique name,
// removed before returning), so a caller keeps it off the GUI thread. A file that is missing,
// not SQLite, SQLite of another program, of a newer format, or without samples is refused with
// a message naming what was wrong; a damaged sample ends the replay before it (warning), so a
// recording cut off by a crash opens up to its last whole sample. Never writes to the file
// beyond what SQLite's own recovery of a WAL needs.
class RecordingFile
{
    Q_DECLARE_TR_FUNCTIONS(RecordingFile)
public:
    static bool load(const QString &path, Recording *out, QString *error);
};

} // namespace ks
