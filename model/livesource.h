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
#include <QPointer>
#include <deque>
#include <memory>

class QThread;

namespace ks {

class KillExecutor;
class Sampler;
struct KillOutcome;

// A live MySQL/MariaDB server as a SessionSource. A Sampler (own thread, own connection) reads
// the processlist, InnoDB transactions and lock waits; each sample is diffed into the Timeline
// (one lane per connection, a segment per observed Command/State span, waiter → blocker detail,
// rollback rows as segment extras); kills go through a KillExecutor (own thread, own connection)
// and are followed by a KillTracker. History is kept for a bounded span.
//
// Invariants:
// - No SQL on the thread that owns this object (the GUI thread); kill() only queues work.
// - Lane identity is (id, first seen): an id that disappears and comes back, or a server restart
//   (new start time), starts a new lane, so a kill aimed at an old session never hits a new one.
// - A lost server keeps everything already recorded; open segments end at the last sample and
//   sampling resumes after reconnecting, with backoff.
// - KillScope's own connections are always marked `own`, never killable, and left out of the
//   timeline unless showOwnConnections is on.
// - Memory is bounded: the timeline is trimmed to historySpanUs and only the last
//   recentSampleCount full samples are kept; older processlistAt() answers are rebuilt from the
//   timeline's segments.
class LiveSource : public SessionSource
{
    Q_OBJECT
public:
    enum class Status { Idle, Connecting, Connected, Reconnecting, Failed };
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

    // The newest sample's rows (own connections included, marked).
    QList<ProcesslistRow> currentProcesslist() const;
    const ProcesslistRow *currentRow(qint64 id) const;
    KillTarget targetFor(qint64 id) const;
    KillPreview preview(const KillRequest &request) const;
    const BlockingGraph &blocking() const { return m_blocking; }
    // The head of the largest blocking chain; 0 when nobody waits.
    qint64 rootBlocker() const;

    ConnectionSettings settings() const { return m_settings; }
    ServerInfo serverInfo() const { return m_server; }
    Status status() const { return m_status; }
    QString statusText() const { return m_statusText; }
    qint64 nowUs() const { return m_clock.nowUs(); }
    LiveClock clock() const { return m_clock; }

    void setReadOnly(bool on);
    bool isReadOnly() const { return m_readOnly; }
    void setIntervalMs(int ms);
    int intervalMs() const { return m_intervalMs; }
    // Pauses sampling (the views' own pause never calls this: it only stops following "now").
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

    SamplerCost lastCost() const { return m_lastCost; }
    // GUI-thread CPU spent diffing the last sample into the timeline and tracker.
    qint64 lastIngestCpuUs() const { return m_lastIngestCpuUs; }
    quint64 sampleCount() const { return m_sampleCount; }

    // Asks the sampler for a sample now (queued to its thread; the timer keeps its rhythm).
    void sampleNow();

    // Feeds one sample as if the sampler had sent it (GUI thread).
    void ingest(const LiveSample &sample);

    // Which segment state a row is in (exposed for tests).
    static SegmentState segmentStateOf(const ProcesslistRow &row);

Q_SIGNALS:
    void statusChanged(ks::LiveSource::Status status, const QString &text);
    void serverDetected(const ks::ServerInfo &info);
    void costUpdated(const ks::SamplerCost &cost, qint64 ingestCpuUs);
    void sampled();

private:
    struct Session
    {
        int lane = -1;
        qint64 firstSeenUs = 0;
        qint64 lastSeenUs = 0;
        QString user, host;
        QString command, state, trxState, info;
        qint64 blockedBy = 0;
        qint64 rollbackRowsAtStart = -1;
        int segment = -1; // index of the open segment in the lane
    };

    void setStatus(Status s, const QString &text);
    void onConnected(const ServerInfo &info);
    void onConnectFailed(const QString &message, int code);
    void onConnectionLost(const QString &message, int code);
    void onSent(int serial, qint64 atUs, const QString &statement);
    void onAnswered(const KillOutcome &outcome);
    void closeOpenSegments(qint64 atUs);
    void endSession(qint64 id, Session &s, qint64 atUs);
    void updateKillVisuals(int serial);
    void refuseLocally(const KillRequest &request, const QString &why);
    quint32 detailFor(const ProcesslistRow &row);
    int laneFor(qint64 id, const Session &s) const;
    void trim(qint64 nowUs);

    ConnectionSettings m_settings;
    LiveClock m_clock;
    std::shared_ptr<OwnConnections> m_own;
    std::shared_ptr<AuditLog> m_audit;
    ServerInfo m_server;
    qint64 m_serverStartUs = 0; // from Uptime: a different value after reconnecting = restart
    Timeline m_timeline;
    KillTracker m_tracker;
    BlockingGraph m_blocking;
    QHash<qint64, Session> m_sessions;
    std::deque<LiveSample> m_recent;
    int m_recentMax = 32;
    qint64 m_historySpanUs = 8LL * 3600 * 1000000;
    qint64 m_lastTrimUs = 0;
    QHash<int, int> m_signalOfKill; // kill serial → index into timeline signals (until a trim)
    double m_observedRollbackRate = 0.0;

    QThread *m_samplerThread = nullptr;
    QThread *m_killerThread = nullptr;
    QPointer<Sampler> m_sampler;
    QPointer<KillExecutor> m_killer;

    Status m_status = Status::Idle;
    QString m_statusText;
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
