#pragma once

#include "auditlog.h"
#include "blockinggraph.h"
#include "connectionsettings.h"
#include "killpreview.h"
#include "killtracker.h"
#include "livesample.h"
#include "ownconnections.h"
#include "serverinfo.h"
#include "sessionsource.h"
#include "timeline.h"

#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <deque>
#include <memory>

class QThread;
class QTimer;

namespace ks {

class KillExecutor;
class Sampler;
struct KillOutcome;

// A live MySQL/MariaDB server as a SessionSource. A Sampler (own thread, own connection) reads
// the processlist, InnoDB transactions and lock waits; each sample is diffed into the Timeline
// (one lane per session, a segment per observed Command/State span, waiter → blocker detail,
// rollback rows as segment extras); kills go through a KillExecutor (own thread, own connection)
// and are followed by a KillTracker. History is kept for a bounded span.
//
// Invariants:
// - No SQL and no file I/O on the thread that owns this object (the GUI thread); kill() only
//   queues work, audit lines are written by the audit log's own thread.
// - Kill identity belongs to this source. A session is (server life, id, first seen); every
//   KillTarget is built here from that record — targetForLane(), targetForRow(),
//   targetForCurrentId() — and kill() looks the record up again and refuses ("Not sent: …") a
//   session that ended, a target of an earlier server life, or one it never recorded. The
//   executor then proves the identity on the server right before sending (IdentityProof).
// - A server restart (a new ServerIncarnation) ends every session and voids every earlier target.
//   Within one life an id whose user, host, OS thread, performance_schema thread or QUERY_ID
//   contradicts the record is a new session with a new lane.
// - A lost server keeps everything already recorded; open segments end at the last sample, the
//   rows shown are stale "as of" that sample, and sampling resumes after reconnecting, with
//   backoff. One problem() per loss, not per attempt.
// - KillScope's own connections are recognised by connection id only, always marked `own`, never
//   killable, and left out of the timeline unless showOwnConnections is on.
// - Every kill attempt — sent, refused by the server, not sent, read-only — gets exactly one
//   audit line, written when its tracked outcome is final (or when this source stops following).
// - Memory is bounded: the timeline is trimmed to historySpanUs and only the last
//   recentSampleCount full samples are kept; older processlistAt() answers are rebuilt from the
//   timeline's segments.
class LiveSource : public SessionSource
{
    Q_OBJECT
public:
    enum class Status
    {
        Idle,
        Connecting,
        Connected,
        Reconnecting,
        Failed
    };
    Q_ENUM(Status)

    explicit LiveSource(const ConnectionSettings &settings, QObject *parent = nullptr);
    ~LiveSource() override;

    // Starts the sampler and kill executor threads. Without start(), samples can be fed with
    // ingest() (benchmarks, tests of the diffing).
    void start();

    // SessionSource
    Kind kind() const override { return Kind::Live; }
    QString flavorId() const override;
    bool canKill() const override;
    bool supportsKillStrength() const override;
    void kill(const KillRequest &request) override;
    const Timeline &timeline() const override { return m_timeline; }
    QList<ProcesslistRow> processlistAt(qint64 timeUs) const override;
    QList<KillRecord> kills() const override { return m_tracker.records(); }
    qint64 wallClockOriginMs() const override { return m_clock.originEpochMs; }
    // How an attempt ended on the wire: ok, refused (by the server), not-sent, read-only,
    // own-connection, no-connection; empty while unanswered.
    QString attemptVerdict(int serial) const { return m_attempts.value(serial).verdict; }
    KillTarget targetForLane(int lane) const override;
    KillTarget targetForRow(const ProcesslistRow &row) const override;

    // The session that has this id in the newest sample (the command line names sessions so);
    // a void target when there is none.
    KillTarget targetForCurrentId(qint64 id) const;
    // The head of the largest blocking chain, as a target; id 0 when nobody waits.
    KillTarget rootBlockerTarget() const;

    // The newest sample's rows (own connections included, marked, annotated with their session).
    QList<ProcesslistRow> currentProcesslist() const;
    const ProcesslistRow *currentRow(qint64 id) const;
    KillPreview preview(const KillRequest &request) const;
    // The lane of this very session (id and first sighting), never another one with its id.
    int laneOf(qint64 id, qint64 firstSeenUs) const;
    const BlockingGraph &blocking() const { return m_blocking; }
    // The head of the largest blocking chain; 0 when nobody waits.
    qint64 rootBlocker() const;

    ConnectionSettings settings() const { return m_settings; }
    ServerInfo serverInfo() const { return m_server; }
    Status status() const { return m_status; }
    // One sentence for the status: connected to whom, or lost since when, why, and the retry.
    QString statusText() const;
    qint64 nowUs() const { return m_clock.nowUs(); }
    LiveClock clock() const { return m_clock; }

    // The server life the sessions shown belong to (1 for the first; +1 after each restart).
    quint32 incarnationSerial() const { return m_incarnationSerial; }
    ServerIncarnation incarnation() const { return m_incarnation; }
    // True while the rows shown are from before a lost connection (see lastSampleEpochMs()).
    bool isStale() const { return m_status != Status::Connected && !m_recent.empty(); }
    // Wall-clock time of the newest sample; 0 before the first.
    qint64 lastSampleEpochMs() const;
    // Why the connection was lost and when (empty / -1 while connected).
    QString lossCause() const { return m_lossCause; }
    qint64 lostAtEpochMs() const { return m_lostAtEpochMs; }
    int reconnectAttempt() const { return m_attempt; }
    // Reconnects at once instead of waiting for the next backoff step.
    void retryNow();

    void setReadOnly(bool on);
    bool isReadOnly() const { return m_readOnly; }
    void setIntervalMs(int ms);
    int intervalMs() const { return m_intervalMs; }
    // Pauses sampling (the views' own pause never calls this: it only stops following "now").
    // A kill sent while paused is still followed, by single samples, until it ends.
    void setSamplingPaused(bool paused);
    bool isSamplingPaused() const { return m_samplingPaused; }
    // KillScope's own connections in processlistAt() and new lanes (currentProcesslist() always
    // has them, marked).
    void setShowOwnConnections(bool on);
    bool showOwnConnections() const { return m_showOwn; }
    void setHistorySpanUs(qint64 us) { m_historySpanUs = us; }
    qint64 historySpanUs() const { return m_historySpanUs; }
    void setRecentSampleCount(int n) { m_recentMax = qMax(1, n); }
    QString auditLogPath() const { return m_audit->path(); }
    void setAuditLogPath(const QString &path);
    // Writes the audit lines of kills still being followed (they say so), stops following them,
    // and waits until every line is in the file. The destructor does this too.
    void flushAudit();

    SamplerCost lastCost() const { return m_lastCost; }
    // GUI-thread CPU spent diffing the last sample into the timeline and tracker.
    qint64 lastIngestCpuUs() const { return m_lastIngestCpuUs; }
    quint64 sampleCount() const { return m_sampleCount; }
    // The newest sample as ingested: own connections marked, every row kept. Only valid while
    // sampleCount() > 0 and no restart has cleared it (see sampleIngested()).
    const LiveSample &lastIngested() const { return m_recent.back(); }

    // Asks the sampler for a sample now (queued to its thread; the timer keeps its rhythm).
    void sampleNow();

    // Feeds one sample as if the sampler had sent it (GUI thread).
    void ingest(const LiveSample &sample);
    // As if the sampler had (re)connected and detected `info` (tests of restart handling).
    void ingestConnected(const ServerInfo &info) { onConnected(info); }

    // The lane metadata key holding when a session ended (µs of this source's clock); lanes of
    // sessions still there have none.
    static QString endedAtKey();

    // Which segment state a row is in (exposed for tests).
    static SegmentState segmentStateOf(const ProcesslistRow &row);

Q_SIGNALS:
    void statusChanged(ks::LiveSource::Status status, const QString &text);
    void serverDetected(const ks::ServerInfo &info);
    // The server restarted while attached: every earlier session is gone (message for the UI).
    void serverRestarted(const QString &message);
    void costUpdated(const ks::SamplerCost &cost, qint64 ingestCpuUs);
    void sampled();
    // A sample was taken in (lastIngested() has it, rows annotated): what a Recorder writes.
    void sampleIngested();

private:
    struct Session
    {
        int lane = -1;
        quint32 incarnation = 0;
        qint64 firstSeenUs = 0;
        qint64 lastSeenUs = 0;      // takenUs of the last sample that listed it
        qint64 lastSeenStartUs = 0; // when that sample's query went out
        // The row as last seen (identity evidence, segment diffing): its index in the rows of
        // the sample that last listed it, the newest one kept (see lastRow()). An index, not a
        // copy: ten thousand row copies a sample were milliseconds of the GUI thread.
        qsizetype row = -1;
        qint64 rollbackRowsAtStart = -1;
        int segment = -1;         // index of the open segment in the lane
        quint64 seenInSample = 0; // m_sampleCount of the last sample that listed it
    };
    // What the audit line of one attempt needs beyond its KillRecord.
    struct Attempt
    {
        QString verdict; // ok, refused, not-sent, read-only, own-connection, no-connection
        QStringList evidence;
        bool sent = false;
        bool written = false;
    };

    void setStatus(Status s);
    void onConnected(const ServerInfo &info);
    void onConnectFailed(const QString &message, int code);
    void onConnectionLost(const QString &message, int code);
    void onReconnecting(int attempt, int delayMs);
    void onSent(int serial, qint64 atUs, const QString &statement);
    void onAnswered(const KillOutcome &outcome);
    void serverLifeEnded(const QString &why, const ServerIncarnation &now);
    static QString endedKey(quint32 incarnation, qint64 id, qint64 firstSeenUs);
    void closeOpenSegments(qint64 atUs);
    void endSession(Session &s, qint64 atUs);
    bool sameSession(const Session &s, const ProcesslistRow &r) const;
    const ProcesslistRow &lastRow(const Session &s) const;
    void updateKillVisuals(int serial);
    void refuseLocally(const KillRequest &request, const QString &why, const QString &verdict);
    quint32 detailFor(const ProcesslistRow &row);
    KillTarget targetFrom(qint64 id, const Session &s) const;
    KillTarget voidTarget(const ProcesslistRow &row, const QString &why) const;
    QString whyNotCurrent(qint64 id, quint32 incarnation, qint64 firstSeenUs) const;
    void trim(qint64 nowUs);
    void auditFinished(const QList<int> &serials);
    QJsonObject auditEntry(const KillRecord &record, const Attempt &attempt,
                           bool stillFollowing) const;
    void writeAudit(const QJsonObject &entry);
    QString wallText(qint64 us) const;
    void followWhilePaused();

    ConnectionSettings m_settings;
    LiveClock m_clock;
    std::shared_ptr<OwnConnections> m_own;
    std::shared_ptr<AuditLog> m_audit;
    ServerInfo m_server;
    quint32 m_incarnationSerial = 1;
    ServerIncarnation m_incarnation; // of the sessions in m_sessions
    qint64 m_maxIdSeen = 0;          // highest id seen in this server life
    Timeline m_timeline;
    KillTracker m_tracker;
    BlockingGraph m_blocking;
    QHash<qint64, Session> m_sessions;
    std::deque<LiveSample> m_recent;
    const LiveSample *m_ingesting = nullptr; // the sample ingest() is taking in, meanwhile
    // processlistAt() of the newest sample without KillScope's own rows, made once per sample.
    mutable QList<ProcesslistRow> m_newestShown;
    mutable quint64 m_newestShownSerial = 0;
    mutable bool m_newestShownValid = false;
    int m_recentMax = 32;
    qint64 m_historySpanUs = 8LL * 3600 * 1000000;
    qint64 m_lastTrimUs = 0;
    QHash<int, int> m_signalOfKill; // kill serial → index into timeline signals (until a trim)
    QHash<int, Attempt> m_attempts; // kill serial → audit details
    struct Ended
    {
        ProcesslistRow last;
        qint64 lastSeenStartUs = -1;
    };
    QHash<QString, Ended> m_ended;    // endedKey → the last sighting of a session that ended
    std::deque<QString> m_endedOrder; // oldest first, bounded
    double m_observedRollbackRate = 0.0;

    QThread *m_samplerThread = nullptr;
    QThread *m_killerThread = nullptr;
    QPointer<Sampler> m_sampler;
    QPointer<KillExecutor> m_killer;
    QTimer *m_followTimer = nullptr;

    Status m_status = Status::Idle;
    QString m_failure;
    QString m_lossCause;
    int m_nextDelayMs = 0;
    bool m_reconnected = false;
    qint64 m_lostAtEpochMs = -1;
    int m_attempt = 0;
    bool m_readOnly = false;
    bool m_everConnected = false;
    bool m_samplingPaused = false;
    bool m_showOwn = false;
    int m_intervalMs = 1000;
    SamplerCost m_lastCost;
    qint64 m_lastIngestCpuUs = 0;
    quint64 m_sampleCount = 0;
};

} // namespace ks
