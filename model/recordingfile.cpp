#include "recordingfile.h"

#include "livesource.h"
#include "recordingformat.h"
#include "samplecodec.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace ks {

ServerInfo Recording::server() const
{
    return servers.isEmpty() ? ServerInfo() : RecordingFormat::serverFromJson(servers.back().info);
}

QString Recording::endpoint() const
{
    return servers.isEmpty() ? QString() : servers.back().endpoint;
}

namespace {

// Removes the connection when it goes out of scope (after every query object is gone).
struct Connection
{
    QString name = QStringLiteral("ks-recording-reader-%1")
                       .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    QSqlDatabase db;
    ~Connection()
    {
        if (db.isValid()) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
        }
    }
};

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// The victim's lane for a recorded kill: the newest lane of that id that existed when the kill
// was asked for.
int laneForKill(const Timeline &t, const KillRecord &k)
{
    const qint64 at = k.sentUs >= 0 ? k.sentUs : k.requestedUs;
    int fallback = -1;
    for (int lane = t.laneCount() - 1; lane >= 0; --lane) {
        const LaneInfo &info = t.lane(lane);
        if (info.kind != LaneKind::Thread || info.sessionId != k.request.target.id)
            continue;
        if (fallback < 0)
            fallback = lane;
        if (t.segmentCount(lane) > 0 && t.starts(lane).front() <= at)
            return lane;
    }
    return fallback;
}

void drawKill(Timeline &t, const KillRecord &k)
{
    const int lane = laneForKill(t, k);
    if (lane < 0)
        return;
    TimelineSignal sig;
    sig.time = k.sentUs >= 0 ? k.sentUs : k.requestedUs;
    sig.fromLane = -1;
    sig.toLane = lane;
    sig.kind =
        k.request.kind == KillKind::Query ? SignalKind::KillQuery : SignalKind::KillConnection;
    sig.result = k.phase == KillPhase::Refused
                     ? (k.serverError == 1094 ? SignalResult::NoSuchThread : SignalResult::Refused)
                 : k.phase == KillPhase::Requested || k.phase == KillPhase::Sent
                     ? SignalResult::Pending
                     : SignalResult::Ok;
    sig.label = t.intern(k.statement);
    if (!k.serverMessage.isEmpty())
        sig.detail = t.intern(k.serverMessage);
    t.addSignal(sig);
    if (k.flagSeenUs >= 0)
        t.addMarker({k.flagSeenUs, lane, MarkerKind::FlagNoticed,
                     t.intern(RecordingFile::tr("noticed %1").arg(k.statement))});
    if (k.phase == KillPhase::Reconnected)
        t.addMarker({k.endedUs, lane, MarkerKind::Note,
                     t.intern(RecordingFile::tr("reconnected as %1").arg(k.reconnectedAsId))});
}

} // namespace

bool RecordingFile::load(const QString &path, Recording *out, QString *error)
{
    const auto bad = [&](const QString &why) {
        if (error)
            *error = tr("%1: %2").arg(path, why);
        return false;
    };
    const QFileInfo fi(path);
    if (!fi.exists())
        return bad(tr("no such file."));
    if (!fi.isFile())
        return bad(tr("not a regular file (a directory, device or pipe is never read)."));
    if (fi.size() == 0)
        return bad(tr("the file is empty; it is not a KillScope recording."));
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return bad(f.errorString());
        if (!f.read(16).startsWith(QByteArrayLiteral("SQLite format 3\0")))
            return bad(tr("not a KillScope recording (it is not an SQLite database)."));
    }

    Connection c;
    c.db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), c.name);
    c.db.setDatabaseName(path);
    if (!c.db.open())
        return bad(tr("SQLite cannot open it: %1").arg(c.db.lastError().text()));
    Recording r;
    r.path = path;
    r.fileBytes = fi.size();
    {
        QSqlQuery q(c.db);
        if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next())
            return bad(tr("the file is damaged: %1").arg(q.lastError().text()));
        if (q.value(0).toLongLong() != RecordingFormat::ApplicationId)
            return bad(tr("an SQLite database, but not a KillScope recording (application id "
                          "%1).")
                           .arg(q.value(0).toLongLong()));
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
            return bad(tr("the file is damaged: %1").arg(q.lastError().text()));
        const int fileVersion = q.value(0).toInt();
        if (fileVersion > RecordingFormat::Version)
            return bad(tr("recorded in format %1 by a newer KillScope; this one reads format %2.")
                           .arg(fileVersion)
                           .arg(RecordingFormat::Version));
        if (!q.exec(QStringLiteral("SELECT key, value FROM meta")))
            return bad(tr("the file is damaged: %1").arg(q.lastError().text()));
        while (q.next())
            r.meta.insert(q.value(0).toString(), q.value(1).toString());
        if (r.meta.value(QStringLiteral("format")) != QLatin1String(RecordingFormat::formatName()))
            return bad(tr("not a KillScope recording (its meta table names no recording format)."));
        r.clockOriginEpochMs = r.meta.value(QStringLiteral("clock_origin_epoch_ms")).toLongLong();

        if (!q.exec(QStringLiteral(
                "SELECT at_us, epoch_ms, endpoint, flavor, version, info FROM server ORDER BY id")))
            return bad(tr("the file is damaged: %1").arg(q.lastError().text()));
        while (q.next())
            r.servers.append({q.value(0).toLongLong(), q.value(1).toLongLong(),
                              q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                              parseObject(q.value(5).toString())});

        if (!q.exec(QStringLiteral("SELECT at_us, epoch_ms, kind, kill_serial, phase, data FROM "
                                   "actions ORDER BY id")))
            return bad(tr("the file is damaged: %1").arg(q.lastError().text()));
        while (q.next())
            r.actions.append({q.value(0).toLongLong(), q.value(1).toLongLong(),
                              q.value(2).toString(), q.value(3).toInt(), q.value(4).toString(),
                              parseObject(q.value(5).toString())});

        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT serial, taken_us, started_us, epoch_ms, keyframe, "
                                   "row_count, payload FROM samples ORDER BY serial")))
            return bad(tr("the file is damaged: %1").arg(q.lastError().text()));
        while (q.next()) {
            StoredSample s;
            s.serial = q.value(0).toLongLong();
            s.takenUs = q.value(1).toLongLong();
            s.startedUs = q.value(2).toLongLong();
            s.epochMs = q.value(3).toLongLong();
            s.keyframe = q.value(4).toInt() != 0;
            s.rowCount = q.value(5).toInt();
            s.payload = q.value(6).toByteArray();
            r.samples.push_back(std::move(s));
        }
        if (q.lastError().isValid())
            return bad(tr("the file is damaged: %1").arg(q.lastError().text()));
    }
    if (r.samples.empty())
        return bad(tr("the recording holds no samples (it was stopped before the first one)."));
    if (!r.samples.front().keyframe)
        return bad(tr("the recording's first sample is not a whole one; the file is damaged."));

    // Replay: decode each sample once, in order, into a LiveSource that is never started.
    LiveSource builder{ConnectionSettings()};
    builder.setHistorySpanUs(std::numeric_limits<qint64>::max() / 4);
    SampleCodec codec;
    int nextServer = 0;
    for (size_t i = 0; i < r.samples.size(); ++i) {
        StoredSample &s = r.samples[i];
        QString why;
        QByteArray raw;
        LiveSample sample;
        const bool gap = i > 0 && s.serial != r.samples[i - 1].serial + 1;
        const bool ok = !gap && SampleCodec::uncompress(s.payload, &raw, &why) &&
                        codec.decode(raw, s.keyframe, s.takenUs, &sample, &why);
        if (!ok) {
            if (gap)
                why = tr("samples %1 to %2 are missing")
                          .arg(r.samples[i - 1].serial + 1)
                          .arg(s.serial - 1);
            if (i == 0)
                return bad(tr("its first sample is damaged (%1).").arg(why));
            r.warning = tr("Sample %1 is damaged (%2); the recording is shown up to sample %3.")
                            .arg(s.serial)
                            .arg(why)
                            .arg(r.samples[i - 1].serial);
            r.samples.resize(i);
            break;
        }
        while (nextServer < r.servers.size() &&
               (nextServer == 0 || r.servers[nextServer].atUs <= s.takenUs)) {
            builder.ingestConnected(RecordingFormat::serverFromJson(r.servers[nextServer].info));
            ++nextServer;
        }
        sample.serial = quint64(s.serial);
        sample.startedUs = s.startedUs;
        builder.ingest(sample);
        r.keyframes += s.keyframe ? 1 : 0;
    }
    r.timeline = builder.timeline();

    // Each kill's final state is its last row.
    QMap<int, KillRecord> kills;
    for (const RecordedAction &a : std::as_const(r.actions)) {
        if (a.kind == QLatin1String("kill") && a.killSerial > 0)
            kills.insert(a.killSerial, RecordingFormat::killFromJson(a.data));
        else if (a.kind == QLatin1String("audit") && a.killSerial > 0)
            r.verdicts.insert(a.killSerial, a.data.value(QStringLiteral("verdict")).toString());
    }
    r.kills = kills.values();
    for (const KillRecord &k : std::as_const(r.kills))
        drawKill(r.timeline, k);
    *out = std::move(r);
    return true;
}

} // namespace ks
