#include "livesource.h"

#include "killexecutor.h"
#include "sampler.h"

#include <QDateTime>
#include <QJsonArray>
#include <QThread>
#include <QTimer>
#include <utility>

namespace ks {

namespace {
const QString kSleep = QStringLiteral("Sleep");
const QString kKilled = QStringLiteral("Killed");
const QString kDaemon = QStringLiteral("Daemon");
const QString kConnect = QStringLiteral("Connect");
const QString kLockWait = QStringLiteral("LOCK WAIT");
const QString kRollingBack = QStringLiteral("ROLLING BACK");
const QString kRunning = QStringLiteral("RUNNING");
// The simulation's label for the same (EngineText translates it where it is drawn).
const QString kIdleInTransaction = QStringLiteral("idle in transaction");
const QString kIncarnationKey = QStringLiteral("incarnation");
const QString kFirstSeenKey = QStringLiteral("firstSeenUs");
const QString kEndedAtKey = QStringLiteral("endedAtUs");

void registerTypes()
{
    static const bool once = [] {
        qRegisterMetaType<ks::LiveSample>();
        qRegisterMetaType<ks::ServerInfo>();
        qRegisterMetaType<ks::KillOutcome>();
        qRegisterMetaType<ks::KillRequest>();
        return true;
    }();
    Q_UNUSED(once);
}

QString isoUtc(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

LiveSource::LiveSource(const ConnectionSettings &settings, QObject *parent)
    : SessionSource(parent)
    , m_settings(settings)
    , m_own(std::make_shared<OwnConnections>())
    , m_audit(std::make_shared<AuditLog>())
{
    registerTypes();
    m_followTimer = new QTimer(this);
    m_followTimer->setInterval(1000);
    connect(m_followTimer, &QTimer::timeout, this, &LiveSource::followWhilePaused);
}

LiveSource::~LiveSource()
{
    // Kills still being followed get their audit line now, saying so.
    flushAudit();
    // The workers delete themselves on their threads (QThread::finished → deleteLater), which
    // closes and removes their connections there. A query in flight is bounded by the read
    // timeout, so the wait is bounded too.
    const std::pair<QThread *, QObject *> workers[] = {{m_samplerThread, m_sampler.data()},
                                                       {m_killerThread, m_killer.data()}};
    for (const auto &[t, worker] : workers) {
        if (!t)
            continue;
        if (!t->isRunning() && !t->isFinished()) {
            // Never started (the run ended before the kill connection was ready): no thread
            // will ever delete its worker, and nothing runs on it, so it goes here.
            delete worker;
            continue;
        }
        t->quit();
        if (!t->wait(100)) {
            // Stuck in a connect or query to a dead server: let it end on its own rather than
            // freeze the window; it deletes its worker and itself when its call returns.
            t->setParent(nullptr);
            connect(t, &QThread::finished, t, &QObject::deleteLater);
        }
    }
}

void LiveSource::start()
{
    if (m_samplerThread)
        return;
    setStatus(Status::Connecting);

    m_samplerThread = new QThread(this);
    m_samplerThread->setObjectName(QStringLiteral("ks-sampler"));
    auto *sampler = new Sampler(m_settings, m_own, m_clock);
    sampler->moveToThread(m_samplerThread);
    m_sampler = sampler;
    connect(m_samplerThread, &QThread::started, sampler, &Sampler::start);
    connect(m_samplerThread, &QThread::finished, sampler, &QObject::deleteLater);
    connect(sampler, &Sampler::connected, this, &LiveSource::onConnected);
    connect(sampler, &Sampler::connectFailed, this, &LiveSource::onConnectFailed);
    connect(sampler, &Sampler::connectionLost, this, &LiveSource::onConnectionLost);
    connect(sampler, &Sampler::sampleReady, this, &LiveSource::ingest);
    connect(sampler, &Sampler::sampleFailed, this,
            [this](const QString &message, int) { Q_EMIT problem(message); });
    connect(sampler, &Sampler::reconnecting, this, &LiveSource::onReconnecting);
    QMetaObject::invokeMethod(sampler, "setIntervalMs", Qt::QueuedConnection,
                              Q_ARG(int, m_intervalMs));
    if (m_samplingPaused)
        QMetaObject::invokeMethod(sampler, "setPaused", Qt::QueuedConnection, Q_ARG(bool, true));

    m_killerThread = new QThread(this);
    m_killerThread->setObjectName(QStringLiteral("ks-killer"));
    auto *killer = new KillExecutor(m_settings, m_own, m_clock);
    killer->moveToThread(m_killerThread);
    m_killer = killer;
    connect(m_killerThread, &QThread::started, killer, &KillExecutor::start);
    connect(m_killerThread, &QThread::finished, killer, &QObject::deleteLater);
    connect(killer, &KillExecutor::sent, this, &LiveSource::onSent);
    connect(killer, &KillExecutor::answered, this, &LiveSource::onAnswered);

    // The kill connection registers itself as our own before the first sample, so it never
    // shows up as somebody else's session.
    connect(
        killer, &KillExecutor::ready, this,
        [this] {
            if (m_samplerThread && !m_samplerThread->isRunning())
                m_samplerThread->start();
        },
        Qt::SingleShotConnection);
    m_killerThread->start();
}

void LiveSource::setAuditLogPath(const QString &path)
{
    // Only before start(): the executor shares this object.
    if (!m_killerThread)
        m_audit = std::make_shared<AuditLog>(path);
}

QString LiveSource::flavorId() const
{
    return m_server.product == ServerInfo::Product::Unknown ? QStringLiteral("mariadb-10.11")
                                                            : m_server.flavorId();
}

bool LiveSource::canKill() const
{
    return !m_readOnly;
}

bool LiveSource::supportsKillStrength() const
{
    return m_server.hasKillStrength();
}

void LiveSource::setStatus(Status s)
{
    m_status = s;
    Q_EMIT statusChanged(s, statusText());
}

QString LiveSource::statusText() const
{
    // Composed when asked, so it is in the language of the moment and says each thing once.
    const QString at =
        m_lostAtEpochMs > 0
            ? QDateTime::fromMSecsSinceEpoch(m_lostAtEpochMs).toString(QStringLiteral("HH:mm:ss"))
            : QString();
    switch (m_status) {
    case Status::Idle:
        return {};
    case Status::Connecting:
        return tr("Connecting to %1…").arg(m_settings.describe());
    case Status::Connected:
        return m_reconnected
                   ? tr("Reconnected to %1 (%2).")
                         .arg(m_settings.describe(), m_server.displayName())
                   : tr("Connected to %1 (%2).").arg(m_settings.describe(), m_server.displayName());
    case Status::Reconnecting:
        if (m_attempt <= 0)
            return tr("%1, since %2: %3").arg(m_settings.describe(), at, m_lossCause);
        // The cause already says the connection was lost; it is said once.
        return tr("%1, since %2: %3 Reconnecting (attempt %4, next in %5 s)…")
            .arg(m_settings.describe(), at, m_lossCause)
            .arg(m_attempt)
            .arg(m_nextDelayMs / 1000.0, 0, 'f', 2);
    case Status::Failed:
        return m_failure;
    }
    return {};
}

void LiveSource::setReadOnly(bool on)
{
    m_readOnly = on;
    Q_EMIT changed();
}

void LiveSource::setShowOwnConnections(bool on)
{
    m_showOwn = on;
    Q_EMIT changed();
}

void LiveSource::setIntervalMs(int ms)
{
    m_intervalMs = qBound(Sampler::MinIntervalMs, ms, Sampler::MaxIntervalMs);
    if (m_sampler)
        QMetaObject::invokeMethod(m_sampler, "setIntervalMs", Qt::QueuedConnection,
                                  Q_ARG(int, m_intervalMs));
}

void LiveSource::setSamplingPaused(bool paused)
{
    m_samplingPaused = paused;
    if (m_sampler)
        QMetaObject::invokeMethod(m_sampler, "setPaused", Qt::QueuedConnection,
                                  Q_ARG(bool, paused));
    followWhilePaused();
}

void LiveSource::sampleNow()
{
    if (m_sampler)
        QMetaObject::invokeMethod(m_sampler, "sampleNow", Qt::QueuedConnection);
}

void LiveSource::retryNow()
{
    if (m_sampler && m_status == Status::Reconnecting)
        QMetaObject::invokeMethod(m_sampler, "reconnectNow", Qt::QueuedConnection);
}

qint64 LiveSource::lastSampleEpochMs() const
{
    return m_recent.empty() ? 0 : m_clock.epochMsAt(m_recent.back().takenUs);
}

QString LiveSource::wallText(qint64 us) const
{
    return QDateTime::fromMSecsSinceEpoch(m_clock.epochMsAt(us))
        .toString(QStringLiteral("HH:mm:ss"));
}

void LiveSource::onConnected(const ServerInfo &info)
{
    const bool again = m_everConnected;
    if (again) {
        QString why;
        const ServerIncarnation::Verdict v =
            ServerIncarnation::compare(m_incarnation, m_maxIdSeen, info.incarnation, &why);
        if (v != ServerIncarnation::Verdict::Same) {
            // A new life: ids start over, so nothing seen before may be aimed at any more.
            serverLifeEnded(why, info.incarnation);
        }
    }
    m_incarnation = info.incarnation;
    m_server = info;
    m_tracker.setMillisecondTimes(info.hasTimeMs());
    m_tracker.setKillQueryIgnoredWhenIdle(info.killQueryIgnoredWhenIdle());
    m_everConnected = true;
    m_lossCause.clear();
    m_lostAtEpochMs = -1;
    m_attempt = 0;
    if (again && m_killer) // its connection died with the server's: have it ready for the next kill
        QMetaObject::invokeMethod(m_killer, "reconnect", Qt::QueuedConnection);
    m_reconnected = again;
    setStatus(Status::Connected);
    Q_EMIT serverDetected(info);
    Q_EMIT changed();
}

void LiveSource::serverLifeEnded(const QString &why, const ServerIncarnation &now)
{
    const qint64 lastUs = m_recent.empty() ? m_clock.nowUs() : m_recent.back().takenUs;
    for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it)
        endSession(it.value(), qMax(it->lastSeenUs, lastUs));
    m_sessions.clear();
    const QString message =
        now.known() && m_incarnation.known()
            ? tr("The server restarted at %1 (it had been running since %2). Every session seen "
                 "before is gone; kills aimed at them are not sent.")
                  .arg(now.startedText(), m_incarnation.startedText())
            : tr("KillScope cannot rule out that the server restarted (%1). Every session seen "
                 "before is taken as gone; kills aimed at them are not sent.")
                  .arg(why);
    const QList<int> ended = m_tracker.serverRestarted(m_clock.nowUs(), message);
    for (int serial : ended)
        Q_EMIT killUpdated(serial);
    auditFinished(ended);
    ++m_incarnationSerial;
    m_maxIdSeen = 0;
    m_recent.clear(); // rows of the old life must not be taken for current ones
    m_newestShownValid = false;
    m_newestShown.clear();
    Q_EMIT serverRestarted(message);
}

void LiveSource::onConnectFailed(const QString &message, int)
{
    m_failure = message;
    setStatus(Status::Failed);
    Q_EMIT problem(message);
}

void LiveSource::onConnectionLost(const QString &message, int)
{
    if (!m_recent.empty())
        closeOpenSegments(m_recent.back().takenUs);
    m_lossCause = message;
    m_lostAtEpochMs = m_clock.epochMsAt(m_clock.nowUs());
    m_attempt = 0;
    setStatus(Status::Reconnecting);
    // Once per loss; the reconnect attempts only update the status.
    Q_EMIT problem(tr("%1 KillScope keeps what it has recorded and reconnects.").arg(message));
    Q_EMIT changed();
}

void LiveSource::onReconnecting(int attempt, int delayMs)
{
    m_attempt = attempt;
    m_nextDelayMs = delayMs;
    setStatus(Status::Reconnecting);
}

SegmentState LiveSource::segmentStateOf(const ProcesslistRow &r)
{
    // Most sessions of a big server sit idle with no state and no transaction: decided by the
    // command alone, as the checks below would.
    if (r.state.isEmpty() && r.trxState.isEmpty() && r.trxOperationState.isEmpty()) {
        if (r.command == kSleep || r.command == kDaemon ||
            (r.command == kKilled && r.info.isEmpty()))
            return SegmentState::Idle;
        return r.command == kConnect ? SegmentState::Connecting : SegmentState::Running;
    }
    if (r.trxState == kRollingBack ||
        r.state.compare(QStringLiteral("Rollback"), Qt::CaseInsensitive) == 0)
        return SegmentState::RollingBack;
    if (r.trxState == kLockWait)
        return SegmentState::RowLockWait;
    const QString &st = r.state;
    if (st.contains(QStringLiteral("metadata lock"), Qt::CaseInsensitive))
        return SegmentState::MdlWait;
    if (st.contains(QStringLiteral("table level lock"), Qt::CaseInsensitive) ||
        st == QStringLiteral("Locked"))
        return SegmentState::TableLockWait;
    if (st.startsWith(QStringLiteral("Writing to net")) ||
        st.startsWith(QStringLiteral("Sending to client")))
        return SegmentState::SendingToClient;
    if (r.trxOperationState.startsWith(QStringLiteral("sleeping before entering InnoDB")))
        return SegmentState::QueueSleep;
    if (r.command == kSleep || r.command == kDaemon ||
        (r.command == kKilled && r.info.isEmpty() && st.isEmpty()))
        return SegmentState::Idle;
    if (r.command == kConnect)
        return SegmentState::Connecting;
    if (st == QStringLiteral("query end") || st == QStringLiteral("closing tables") ||
        st == QStringLiteral("freeing items") || st == QStringLiteral("cleaning up") ||
        st.startsWith(QStringLiteral("Removing tmp")))
        return SegmentState::Cleanup;
    return SegmentState::Running;
}

quint32 LiveSource::detailFor(const ProcesslistRow &r)
{
    // Short, repeating texts only (the state, the blocker), so the string table stays small;
    // the statement itself goes to the lane caption.
    if (r.blockedBy)
        return m_timeline.intern(tr("%1 — waits for %2").arg(r.state).arg(r.blockedBy));
    if (r.command == kKilled && r.state.isEmpty())
        return m_timeline.intern(kKilled);
    // Idle with a transaction open: it holds its locks and undo, drawn as the simulation does.
    if (r.state.isEmpty() && r.idleInTransaction())
        return m_timeline.intern(kIdleInTransaction);
    return r.state.isEmpty() ? 0 : m_timeline.intern(r.state);
}

void LiveSource::closeOpenSegments(qint64 atUs)
{
    for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it) {
        Session &s = it.value();
        if (s.segment < 0)
            continue;
        m_timeline.extendLastSegment(s.lane, qMax(atUs, s.lastSeenUs));
        m_timeline.setSegmentFlags(
            s.lane, s.segment, m_timeline.flags(s.lane)[size_t(s.segment)] & ~SegmentFlag::Open);
        s.segment = -1;
    }
}

void LiveSource::endSession(Session &s, qint64 atUs)
{
    if (s.lane < 0)
        return;
    if (s.segment >= 0) {
        m_timeline.extendLastSegment(s.lane, atUs);
        m_timeline.setSegmentFlags(
            s.lane, s.segment, m_timeline.flags(s.lane)[size_t(s.segment)] & ~SegmentFlag::Open);
        s.segment = -1;
    }
    m_timeline.addMarker({atUs, s.lane, MarkerKind::Gone, 0});
    m_timeline.setLaneClosed(s.lane, true);
    // When it ended, so views can fold lanes gone for a while (LaneInfo alone says so).
    QVariantMap meta = m_timeline.lane(s.lane).metadata;
    meta.insert(endedAtKey(), atUs);
    m_timeline.setLaneMetadata(s.lane, meta);
    // Its last row stays known for a while: a kill aimed at it later is refused, and the audit
    // line still shows whom the user meant.
    const ProcesslistRow &last = lastRow(s);
    const QString key = endedKey(s.incarnation, last.id, s.firstSeenUs);
    if (!m_ended.contains(key))
        m_endedOrder.push_back(key);
    m_ended.insert(key, {last, s.lastSeenStartUs});
    while (m_endedOrder.size() > 4096) {
        m_ended.remove(m_endedOrder.front());
        m_endedOrder.pop_front();
    }
}

QString LiveSource::endedAtKey()
{
    return kEndedAtKey;
}

QString LiveSource::endedKey(quint32 incarnation, qint64 id, qint64 firstSeenUs)
{
    return QStringLiteral("%1/%2/%3").arg(incarnation).arg(id).arg(firstSeenUs);
}

const ProcesslistRow &LiveSource::lastRow(const Session &s) const
{
    // Every session in m_sessions was listed by the newest sample kept (the others have ended),
    // or, while ingest() runs, by the sample it is taking in.
    static const ProcesslistRow none;
    if (s.row < 0)
        return none;
    const LiveSample &in =
        m_ingesting && s.seenInSample == m_sampleCount ? *m_ingesting : m_recent.back();
    Q_ASSERT(s.row < in.rows.size());
    return in.rows[s.row];
}

bool LiveSource::sameSession(const Session &s, const ProcesslistRow &r) const
{
    const ProcesslistRow &was = lastRow(s);
    if (was.user != r.user || was.host != r.host)
        return false;
    if (m_server.osThreadIsPerSession() && was.osThreadId > 0 && r.osThreadId > 0 &&
        was.osThreadId != r.osThreadId)
        return false;
    if (was.psThreadId > 0 && r.psThreadId > 0 && was.psThreadId != r.psThreadId)
        return false;
    if (was.queryId > 0 && r.queryId >= 0 && r.queryId < was.queryId)
        return false;
    return true;
}

void LiveSource::ingest(const LiveSample &in)
{
    const qint64 cpu0 = threadCpuUs();
    // From the sampler the sample arrives as the queued call's own copy, which nobody reads after
    // this slot: taken over rather than copied (ten thousand rows copied are milliseconds).
    // Called directly (tests, benchmarks), the caller's sample is left alone.
    LiveSample sample = (m_sampler && sender() == static_cast<QObject *>(m_sampler.data()))
                            ? std::move(const_cast<LiveSample &>(in))
                            : in;
    const qint64 t = sample.takenUs;
    const qint64 sightedUs = sample.startedUs >= 0 ? sample.startedUs : t;
    ++m_sampleCount;

    // Read once: the executor may (re)connect meanwhile, and this sample is judged as a whole.
    const QSet<qint64> ownIds = m_own->ids();
    QSet<qint64> pendingKillTargets;
    for (const KillRecord &k : m_tracker.records()) {
        if (k.phase == KillPhase::Accepted || k.phase == KillPhase::Sent)
            pendingKillTargets.insert(k.request.target.id);
    }

    m_ingesting = &sample;
    for (qsizetype index = 0; index < sample.rows.size(); ++index) {
        ProcesslistRow &r = sample.rows[index];
        m_maxIdSeen = qMax(m_maxIdSeen, r.id);
        r.incarnation = m_incarnationSerial;
        // The executor may have (re)connected after this sample was taken.
        r.own = r.own || ownIds.contains(r.id);
        if (r.own && !m_showOwn)
            continue; // (a lane it got before it was known as ours ends below)
        auto it = m_sessions.find(r.id);
        if (it != m_sessions.end() && !sameSession(*it, r)) {
            // The id now names a different session (another account or thread, a QUERY_ID
            // that went back): the old lane ends, the newcomer gets its own.
            endSession(*it, it->lastSeenUs);
            m_sessions.erase(it);
            it = m_sessions.end();
        }
        if (it == m_sessions.end()) {
            Session s;
            s.incarnation = m_incarnationSerial;
            s.firstSeenUs = t;
            s.lane = m_timeline.addSession(r.id, r.user, r.host, false);
            m_timeline.setLaneLabel(s.lane, QStringLiteral("%1 %2").arg(r.id).arg(r.user));
            QVariantMap meta;
            meta.insert(QStringLiteral("host"), r.host);
            meta.insert(QStringLiteral("db"), r.db);
            meta.insert(kFirstSeenKey, t);
            meta.insert(kIncarnationKey, m_incarnationSerial);
            meta.insert(QStringLiteral("system"), r.system);
            m_timeline.setLaneMetadata(s.lane, meta);
            it = m_sessions.insert(r.id, s);
        }
        Session &s = *it;
        r.firstSeenUs = s.firstSeenUs;
        const SegmentState state = segmentStateOf(r);
        quint8 flags = SegmentFlag::Open;
        if (r.command == kKilled)
            flags |= SegmentFlag::Killed;
        else if (pendingKillTargets.contains(r.id))
            flags |= SegmentFlag::KillPending;

        const ProcesslistRow &was = lastRow(s);
        const bool same = s.segment >= 0 && was.command == r.command && was.state == r.state &&
                          was.trxState == r.trxState && was.blockedBy == r.blockedBy &&
                          m_timeline.flags(s.lane)[size_t(s.segment)] == flags;
        if (same) {
            m_timeline.extendLastSegment(s.lane, t);
        } else {
            const qint64 start = s.segment >= 0 ? s.lastSeenUs + (t - s.lastSeenUs) / 2 : t;
            if (s.segment >= 0) {
                m_timeline.extendLastSegment(s.lane, start);
                m_timeline.setSegmentFlags(s.lane, s.segment,
                                           m_timeline.flags(s.lane)[size_t(s.segment)] &
                                               ~SegmentFlag::Open);
            }
            // A fresh segment gets at least 1 µs, so it exists before the next sample extends it.
            s.segment = m_timeline.appendSegment(s.lane, start, qMax(t, start + 1), state, flags,
                                                 detailFor(r));
            s.rollbackRowsAtStart = -1;
        }
        if (state == SegmentState::RollingBack && r.trxRowsModified >= 0) {
            if (s.rollbackRowsAtStart < 0)
                s.rollbackRowsAtStart = r.trxRowsModified;
            SegmentExtra extra;
            extra.rowsAtStart = s.rollbackRowsAtStart;
            extra.rowsAtEnd = r.trxRowsModified;
            m_timeline.setSegmentExtra(s.lane, s.segment, extra);
        }
        // The subtitle is the statement running now or, while idle, the last one it ran: a
        // lane never loses its SQL because the session went to Sleep.
        if (!r.info.isEmpty() && (was.info != r.info || s.lastSeenUs == 0))
            m_timeline.setLaneStatement(s.lane, r.info);
        s.row = index;
        s.lastSeenUs = t;
        s.lastSeenStartUs = sightedUs;
        s.seenInSample = m_sampleCount;
    }

    // Sessions that left: those this sample did not mark.
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (it->seenInSample == m_sampleCount) {
            ++it;
            continue;
        }
        endSession(*it, it->lastSeenUs + (t - it->lastSeenUs) / 2);
        it = m_sessions.erase(it);
    }

    m_blocking = BlockingGraph(sample.waits);
    const QList<int> changedKills = m_tracker.observe(sample.rows, t);
    for (int serial : changedKills)
        updateKillVisuals(serial);

    m_newestShownValid = false;
    m_recent.push_back(std::move(sample));
    m_ingesting = nullptr; // the sessions' rows are the newest kept sample's from here on
    while (int(m_recent.size()) > m_recentMax)
        m_recent.pop_front();
    Q_EMIT sampleIngested();
    m_lastCost = m_recent.back().cost;
    trim(t);
    m_lastIngestCpuUs = threadCpuUs() - cpu0;

    Q_EMIT costUpdated(m_lastCost, m_lastIngestCpuUs);
    Q_EMIT sampled();
    Q_EMIT changed();
    for (int serial : changedKills)
        Q_EMIT killUpdated(serial);
    auditFinished(changedKills);
}

void LiveSource::trim(qint64 nowUs)
{
    // Trimming compacts arrays: do it now and then, not every sample.
    if (nowUs - m_lastTrimUs < 60'000'000 || m_timeline.isEmpty())
        return;
    m_lastTrimUs = nowUs;
    const qint64 cutoff = nowUs - m_historySpanUs;
    if (cutoff <= m_timeline.beginTime())
        return;
    const quint64 lanesBefore = m_timeline.laneRevision();
    m_timeline.trimBefore(cutoff);
    if (m_timeline.laneRevision() != lanesBefore) {
        // Every lane looked at once (laneOf() per session would look at all of them for each
        // of thousands of sessions: seconds on the GUI thread).
        QHash<std::pair<qint64, qint64>, int> laneOfSession;
        for (int lane = 0; lane < m_timeline.laneCount(); ++lane) {
            const LaneInfo &info = m_timeline.lane(lane);
            if (info.kind == LaneKind::Thread)
                laneOfSession.insert(
                    {info.sessionId, info.metadata.value(kFirstSeenKey).toLongLong()},
                    lane); // the newest lane of a session wins, as in laneOf()
        }
        for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it) {
            it->lane = laneOfSession.value({it.key(), it->firstSeenUs}, -1);
            it->segment = it->lane >= 0 && m_timeline.segmentCount(it->lane) > 0
                              ? m_timeline.segmentCount(it->lane) - 1
                              : -1;
        }
    } else {
        for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it) {
            if (it->segment >= 0)
                it->segment = m_timeline.segmentCount(it->lane) - 1;
        }
    }
    m_signalOfKill.clear();
}

QList<ProcesslistRow> LiveSource::currentProcesslist() const
{
    return m_recent.empty() ? QList<ProcesslistRow>() : m_recent.back().rows;
}

const ProcesslistRow *LiveSource::currentRow(qint64 id) const
{
    if (m_recent.empty())
        return nullptr;
    for (const ProcesslistRow &r : m_recent.back().rows) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

int LiveSource::laneOf(qint64 id, qint64 firstSeenUs) const
{
    // Newest first: the lane of this very session, never another one with the same id.
    for (int lane = m_timeline.laneCount() - 1; lane >= 0; --lane) {
        const LaneInfo &info = m_timeline.lane(lane);
        if (info.kind == LaneKind::Thread && info.sessionId == id &&
            info.metadata.value(kFirstSeenKey).toLongLong() == firstSeenUs)
            return lane;
    }
    return -1;
}

KillTarget LiveSource::targetFrom(qint64 id, const Session &s) const
{
    KillTarget t;
    t.id = id;
    const ProcesslistRow &last = lastRow(s);
    t.user = last.user;
    t.host = last.host;
    t.firstSeenUs = s.firstSeenUs;
    t.incarnation = s.incarnation;
    t.server = m_incarnation;
    t.maxIdSeen = m_maxIdSeen;
    t.lastSeenUs = s.lastSeenStartUs;
    t.seen = last;
    return t;
}

KillTarget LiveSource::voidTarget(const ProcesslistRow &row, const QString &why) const
{
    KillTarget t;
    t.id = row.id;
    t.user = row.user;
    t.host = row.host;
    t.firstSeenUs = row.firstSeenUs;
    t.incarnation = row.incarnation;
    t.seen = row;
    const auto ended = m_ended.constFind(endedKey(row.incarnation, row.id, row.firstSeenUs));
    if (ended != m_ended.cend()) {
        t.seen = ended->last;
        t.lastSeenUs = ended->lastSeenStartUs;
    }
    t.voidReason = why;
    return t;
}

QString LiveSource::whyNotCurrent(qint64 id, quint32 incarnation, qint64 firstSeenUs) const
{
    if (incarnation == 0 || firstSeenUs < 0)
        return tr("Not sent: KillScope has no record of session %1; it kills only sessions it "
                  "has observed.")
            .arg(id);
    if (incarnation != m_incarnationSerial)
        return tr("Not sent: the server has restarted since session %1 was seen; that session "
                  "is gone, and id %1 may now name another one.")
            .arg(id);
    const int lane = laneOf(id, firstSeenUs);
    const bool whenKnown = lane >= 0 && m_timeline.segmentCount(lane) > 0;
    const QString endedAt = whenKnown ? wallText(m_timeline.ends(lane).back()) : QString();
    const auto it = m_sessions.constFind(id);
    if (it != m_sessions.cend()) {
        return whenKnown ? tr("Not sent: session %1 (first seen %2) ended at %3; id %1 now names a "
                              "session first seen %4.")
                               .arg(id)
                               .arg(wallText(firstSeenUs), endedAt, wallText(it->firstSeenUs))
                         : tr("Not sent: session %1 (first seen %2) has ended; id %1 now names a "
                              "session first seen %3.")
                               .arg(id)
                               .arg(wallText(firstSeenUs), wallText(it->firstSeenUs));
    }
    return whenKnown ? tr("Not sent: session %1 ended at %2.").arg(id).arg(endedAt)
                     : tr("Not sent: session %1 has ended.").arg(id);
}

KillTarget LiveSource::targetForRow(const ProcesslistRow &row) const
{
    if (row.own || (m_own->contains(row.id) && row.incarnation == m_incarnationSerial))
        return voidTarget(row, tr("Not sent: connection %1 is one of KillScope's own; it is never "
                                  "killed.")
                                   .arg(row.id));
    const auto it = m_sessions.constFind(row.id);
    if (it != m_sessions.cend() && row.incarnation == m_incarnationSerial &&
        it->incarnation == row.incarnation && it->firstSeenUs == row.firstSeenUs)
        return targetFrom(row.id, *it);
    return voidTarget(row, whyNotCurrent(row.id, row.incarnation, row.firstSeenUs));
}

KillTarget LiveSource::targetForLane(int lane) const
{
    if (lane < 0 || lane >= m_timeline.laneCount())
        return {};
    LaneInfo info = m_timeline.lane(lane);
    if (info.kind != LaneKind::Thread && info.partner >= 0)
        info = m_timeline.lane(info.partner);
    ProcesslistRow row;
    row.id = info.sessionId;
    row.user = info.user;
    row.host = info.host;
    row.incarnation = info.metadata.value(kIncarnationKey).toUInt();
    row.firstSeenUs = info.metadata.value(kFirstSeenKey, -1).toLongLong();
    return targetForRow(row);
}

KillTarget LiveSource::targetForCurrentId(qint64 id) const
{
    if (const ProcesslistRow *r = currentRow(id))
        return targetForRow(*r);
    ProcesslistRow row;
    row.id = id;
    return voidTarget(row, tr("Not sent: no session has id %1 in the newest sample.").arg(id));
}

qint64 LiveSource::rootBlocker() const
{
    return m_blocking.chains().isEmpty() ? 0 : m_blocking.chains().constFirst().root;
}

KillTarget LiveSource::rootBlockerTarget() const
{
    const qint64 root = rootBlocker();
    return root ? targetForCurrentId(root) : KillTarget{};
}

KillPreview LiveSource::preview(const KillRequest &request) const
{
    const QString ownUser = m_server.currentUser.section(u'@', 0, 0);
    const ProcesslistRow *row = nullptr;
    const auto it = m_sessions.constFind(request.target.id);
    // Only within the target's own server life: after a restart the same id may name one of
    // KillScope's connections or a newcomer, and a preview refreshed while the confirmation is
    // open must keep describing the session the user chose (which is gone).
    const bool sameLife = request.target.incarnation == m_incarnationSerial;
    if ((sameLife && m_own->contains(request.target.id)) ||
        (sameLife && request.target.voidReason.isEmpty() && it != m_sessions.cend() &&
         it->firstSeenUs == request.target.firstSeenUs))
        row = currentRow(request.target.id);
    KillPreview p =
        KillPreview::build(request, row, m_server, m_blocking, m_observedRollbackRate, ownUser);
    // What kill() will refuse locally, said as kill() will say it (not as the server's 1094).
    QString notSent = request.target.voidReason;
    if (notSent.isEmpty() && !p.blocked &&
        (!sameLife || it == m_sessions.cend() || it->firstSeenUs != request.target.firstSeenUs ||
         it->incarnation != request.target.incarnation))
        notSent = whyNotCurrent(request.target.id, request.target.incarnation,
                                request.target.firstSeenUs);
    if (!notSent.isEmpty() && !p.blocked) {
        p.noEffect = true;
        p.activity = notSent;
        p.consequence = tr("KillScope will not send this kill; the attempt is written to the audit "
                           "log.");
        p.warnings.clear();
        p.cannotSucceed = true;
        p.cannotSucceedWhy = notSent;
    }
    if (request.target.incarnation != 0 && request.target.incarnation != m_incarnationSerial)
        p.notCurrent = tr("The server restarted after this session was chosen: the estimate is no "
                          "longer updated.");
    else if (m_status != Status::Connected)
        p.notCurrent =
            m_lostAtEpochMs > 0
                ? tr("The connection to the server was lost at %1: the estimate is as of the last "
                     "sample and no longer updated.")
                      .arg(QDateTime::fromMSecsSinceEpoch(m_lostAtEpochMs)
                               .toString(QStringLiteral("HH:mm:ss")))
                : tr("Not connected to the server: the estimate is no longer updated.");
    return p;
}

QList<ProcesslistRow> LiveSource::processlistAt(qint64 timeUs) const
{
    // Recent times: the last full sample at or before timeUs. The end of the timeline is "now"
    // even when the newest sample added nothing to it (every session had left).
    for (auto it = m_recent.rbegin(); it != m_recent.rend(); ++it) {
        if (it->takenUs <= timeUs || (it == m_recent.rbegin() && timeUs >= m_timeline.endTime())) {
            if (it == m_recent.rbegin() || timeUs - it->takenUs < 60'000'000) {
                if (m_showOwn)
                    return it->rows;
                // "Now" is asked for after every sample, by every view: filtered once.
                const bool newest = it == m_recent.rbegin();
                if (newest && m_newestShownSerial == it->serial && m_newestShownValid)
                    return m_newestShown;
                QList<ProcesslistRow> rows;
                rows.reserve(it->rows.size());
                for (const ProcesslistRow &r : it->rows) {
                    if (!r.own)
                        rows.append(r);
                }
                if (newest) {
                    m_newestShown = rows;
                    m_newestShownSerial = it->serial;
                    m_newestShownValid = true;
                }
                return rows;
            }
            break;
        }
    }
    if (!m_recent.empty() && timeUs >= m_recent.front().takenUs)
        return {};
    // Older: rebuilt from the segments (command and state as recorded; no statement text).
    QList<ProcesslistRow> rows;
    for (int lane = 0; lane < m_timeline.laneCount(); ++lane) {
        const LaneInfo &info = m_timeline.lane(lane);
        if (info.kind != LaneKind::Thread)
            continue;
        const int seg = m_timeline.segmentAt(lane, timeUs);
        if (seg < 0)
            continue;
        const Segment s = m_timeline.segment(lane, seg);
        ProcesslistRow r;
        r.id = info.sessionId;
        r.user = info.user;
        r.host = info.host;
        r.db = info.metadata.value(QStringLiteral("db")).toString();
        r.system = info.metadata.value(QStringLiteral("system")).toBool();
        r.incarnation = info.metadata.value(kIncarnationKey).toUInt();
        r.firstSeenUs = info.metadata.value(kFirstSeenKey, -1).toLongLong();
        r.command = (s.flags & SegmentFlag::Killed) ? kKilled
                    : s.state == SegmentState::Idle ? kSleep
                                                    : QStringLiteral("Query");
        r.state = m_timeline.string(s.detail);
        if (s.state == SegmentState::Idle && r.state == kIdleInTransaction) {
            r.state.clear();
            r.trxState = kRunning;
        }
        r.timeMs = (timeUs - s.start) / 1000;
        if (s.state == SegmentState::RollingBack) {
            r.trxState = kRollingBack;
            if (const SegmentExtra *e = m_timeline.extra(lane, seg))
                r.trxRowsModified = e->rowsRemainingAt(s.start, s.end, timeUs);
        } else if (s.state == SegmentState::RowLockWait) {
            r.trxState = kLockWait;
        }
        rows.append(r);
    }
    return rows;
}

void LiveSource::refuseLocally(const KillRequest &request, const QString &why,
                               const QString &verdict)
{
    const qint64 now = m_clock.nowUs();
    const int serial = m_tracker.request(request, &request.target.seen, 0, now);
    KillOutcome o;
    o.serial = serial;
    o.verdict = KillOutcome::Verdict::NotSameSession;
    o.message = why;
    o.answeredUs = now;
    o.statement = killStatement(request);
    m_tracker.answered(o);
    Attempt a;
    a.verdict = verdict;
    m_attempts.insert(serial, a);
    Q_EMIT problem(why);
    Q_EMIT killUpdated(serial);
    Q_EMIT changed();
    auditFinished({serial});
}

void LiveSource::kill(const KillRequest &req)
{
    KillRequest request = req;
    const qint64 id = request.target.id;
    if (m_readOnly) {
        refuseLocally(request, tr("Not sent: read-only mode; kills are disabled."),
                      QStringLiteral("read-only"));
        return;
    }
    if (m_own->contains(id) && request.target.incarnation == m_incarnationSerial) {
        refuseLocally(
            request,
            tr("Not sent: connection %1 is one of KillScope's own; it is never killed.").arg(id),
            QStringLiteral("own-connection"));
        return;
    }
    if (!request.target.voidReason.isEmpty()) {
        refuseLocally(request, request.target.voidReason, QStringLiteral("not-sent"));
        return;
    }
    // The record is looked up again: the session may have ended since the target was built.
    const auto it = m_sessions.constFind(id);
    if (request.target.incarnation != m_incarnationSerial || it == m_sessions.cend() ||
        it->firstSeenUs != request.target.firstSeenUs ||
        it->incarnation != request.target.incarnation) {
        refuseLocally(request,
                      whyNotCurrent(id, request.target.incarnation, request.target.firstSeenUs),
                      QStringLiteral("not-sent"));
        return;
    }
    // The freshest evidence of this very session goes to the executor's check.
    request.target = targetFrom(id, *it);
    const qint64 now = m_clock.nowUs();
    if (request.atUs < 0)
        request.atUs = now;
    const int serial = m_tracker.request(request, &lastRow(*it), m_maxIdSeen, now);
    m_attempts.insert(serial, Attempt{});

    TimelineSignal sig;
    sig.time = now;
    sig.fromLane = -1;
    sig.toLane = it->lane;
    sig.kind = request.kind == KillKind::Query ? SignalKind::KillQuery : SignalKind::KillConnection;
    sig.result = SignalResult::Pending;
    sig.label = m_timeline.intern(killStatement(request));
    m_timeline.addSignal(sig);
    m_signalOfKill.insert(serial, int(m_timeline.signalList().size()) - 1);

    if (!m_killer) {
        KillOutcome o;
        o.serial = serial;
        o.verdict = KillOutcome::Verdict::NoConnection;
        o.message = tr("Not sent: not connected to a server.");
        o.answeredUs = now;
        onAnswered(o);
        return;
    }
    QMetaObject::invokeMethod(m_killer, "execute", Qt::QueuedConnection, Q_ARG(int, serial),
                              Q_ARG(ks::KillRequest, request));
    Q_EMIT killUpdated(serial);
    Q_EMIT changed();
}

void LiveSource::onSent(int serial, qint64 atUs, const QString &statement)
{
    m_tracker.sent(serial, atUs, statement);
    Q_EMIT killUpdated(serial);
}

void LiveSource::onAnswered(const KillOutcome &outcome)
{
    m_tracker.answered(outcome);
    Attempt &a = m_attempts[outcome.serial];
    a.sent = outcome.sent;
    a.evidence = outcome.evidence;
    switch (outcome.verdict) {
    case KillOutcome::Verdict::Ok:
        a.verdict = QStringLiteral("ok");
        break;
    case KillOutcome::Verdict::ServerError:
        a.verdict = QStringLiteral("refused");
        break;
    case KillOutcome::Verdict::NotSameSession:
        a.verdict = QStringLiteral("not-sent");
        break;
    case KillOutcome::Verdict::Protected:
        a.verdict = QStringLiteral("own-connection");
        break;
    case KillOutcome::Verdict::NoConnection:
        a.verdict = QStringLiteral("no-connection");
        break;
    }
    const KillRecord *r = m_tracker.record(outcome.serial);
    const int sigIndex = m_signalOfKill.value(outcome.serial, -1);
    if (sigIndex >= 0 && sigIndex < int(m_timeline.signalList().size())) {
        SignalResult result = SignalResult::Ok;
        if (outcome.verdict != KillOutcome::Verdict::Ok)
            result =
                outcome.serverError == 1094 ? SignalResult::NoSuchThread : SignalResult::Refused;
        m_timeline.setSignalResult(
            sigIndex, result, outcome.message.isEmpty() ? 0 : m_timeline.intern(outcome.message));
    }
    if (r && r->phase == KillPhase::Refused && outcome.verdict != KillOutcome::Verdict::Ok)
        Q_EMIT problem(outcome.sent ? tr("%1 was refused: %2").arg(r->statement, outcome.message)
                                    : outcome.message);
    Q_EMIT killUpdated(outcome.serial);
    Q_EMIT changed();
    auditFinished({outcome.serial});
    // Paused sampling: look once right away, and keep following until the kill ends.
    if (m_samplingPaused && outcome.verdict == KillOutcome::Verdict::Ok) {
        sampleNow();
        followWhilePaused();
    }
}

void LiveSource::followWhilePaused()
{
    bool following = false;
    for (const KillRecord &r : m_tracker.records())
        following |= !KillTracker::isFinalPhase(r.phase) && r.phase >= KillPhase::Sent;
    if (!m_samplingPaused || !following) {
        m_followTimer->stop();
        return;
    }
    if (!m_followTimer->isActive())
        m_followTimer->start();
    else
        sampleNow();
}

void LiveSource::updateKillVisuals(int serial)
{
    const KillRecord *r = m_tracker.record(serial);
    if (!r)
        return;
    if (r->rowsPerSecond > 0)
        m_observedRollbackRate = r->rowsPerSecond;
    // The victim's own lane, found by its first sighting: never a later session with the id.
    const int lane = laneOf(r->request.target.id, r->request.target.firstSeenUs);
    if (lane < 0)
        return;
    if (r->phase == KillPhase::FlagSeen || r->phase == KillPhase::RollingBack ||
        r->phase == KillPhase::Done || r->phase == KillPhase::Gone) {
        // One "noticed" pin per kill.
        const auto [first, last] = m_timeline.markersIn(r->flagSeenUs, r->flagSeenUs + 1);
        bool exists = false;
        for (int i = first; i < last; ++i)
            exists |= m_timeline.markerList()[size_t(i)].lane == lane &&
                      m_timeline.markerList()[size_t(i)].kind == MarkerKind::FlagNoticed;
        if (!exists && r->flagSeenUs >= 0)
            m_timeline.addMarker({r->flagSeenUs, lane, MarkerKind::FlagNoticed,
                                  m_timeline.intern(tr("noticed %1").arg(r->statement))});
    }
    // Only a proven reconnect is pinned to the victim's lane; a mere newcomer of the same
    // account is said in the kill's details, not drawn as if it were the same client.
    if (r->phase == KillPhase::Reconnected)
        m_timeline.addMarker({m_clock.nowUs(), lane, MarkerKind::Note,
                              m_timeline.intern(tr("reconnected as %1").arg(r->reconnectedAsId))});
}

// --- audit log ----------------------------------------------------------------------------

void LiveSource::writeAudit(const QJsonObject &entry)
{
    // Queued: the audit log's own thread writes the file, never the GUI thread.
    m_audit->post(entry);
}

void LiveSource::auditFinished(const QList<int> &serials)
{
    for (int serial : serials) {
        const KillRecord *r = m_tracker.record(serial);
        auto a = m_attempts.find(serial);
        if (!r || a == m_attempts.end() || a->written || !KillTracker::isFinalPhase(r->phase))
            continue;
        // A proven reconnect may still follow Gone; it is added to the line if it comes within
        // the same sample, otherwise the line says Gone, which is what happened to the victim.
        a->written = true;
        writeAudit(auditEntry(*r, *a, false));
    }
}

void LiveSource::flushAudit()
{
    for (auto it = m_attempts.begin(); it != m_attempts.end(); ++it) {
        if (it->written)
            continue;
        const KillRecord *r = m_tracker.record(it.key());
        if (!r)
            continue;
        it->written = true;
        m_audit->post(auditEntry(*r, *it, !KillTracker::isFinalPhase(r->phase)));
    }
    m_audit->flush();
}

QJsonObject LiveSource::auditEntry(const KillRecord &r, const Attempt &a, bool stillFollowing) const
{
    auto when = [this](qint64 us) {
        return us < 0 ? QJsonValue() : QJsonValue(isoUtc(m_clock.epochMsAt(us)));
    };
    QJsonObject o;
    o.insert(QStringLiteral("time"), isoUtc(m_clock.epochMsAt(r.requestedUs)));
    o.insert(QStringLiteral("serial"), r.serial);

    QJsonObject server;
    server.insert(
        QStringLiteral("address"),
        m_settings.usesSocket()
            ? QStringLiteral("%1 (socket %2)")
                  .arg(m_settings.host.isEmpty() ? QStringLiteral("localhost") : m_settings.host,
                       m_settings.socket)
            : QStringLiteral("%1:%2").arg(m_settings.host).arg(m_settings.effectivePort()));
    server.insert(QStringLiteral("version"), m_server.versionString);
    server.insert(QStringLiteral("product"), m_server.displayName());
    if (r.request.target.server.known())
        server.insert(QStringLiteral("runningSince"),
                      isoUtc(r.request.target.server.startedEpochS * 1000));
    o.insert(QStringLiteral("server"), server);
    // KillScope's account: as the server matched it, and as it was asked for.
    o.insert(QStringLiteral("account"),
             m_server.currentUser.isEmpty() ? m_settings.user : m_server.currentUser);
    o.insert(QStringLiteral("loginUser"), m_settings.user);

    const KillTarget &t = r.request.target;
    const ProcesslistRow &v = t.seen;
    QJsonObject victim;
    victim.insert(QStringLiteral("id"), t.id);
    victim.insert(QStringLiteral("user"), v.user.isEmpty() ? t.user : v.user);
    victim.insert(QStringLiteral("host"), v.host.isEmpty() ? t.host : v.host);
    victim.insert(QStringLiteral("db"), v.db.isEmpty() ? QJsonValue() : QJsonValue(v.db));
    victim.insert(QStringLiteral("command"), v.command);
    victim.insert(QStringLiteral("time"), double(v.timeMs) / 1000.0);
    victim.insert(QStringLiteral("state"), v.state);
    victim.insert(QStringLiteral("info"), v.info.isEmpty() ? QJsonValue() : QJsonValue(v.info));
    if (!v.trxState.isEmpty()) {
        victim.insert(QStringLiteral("trxState"), v.trxState);
        victim.insert(QStringLiteral("trxRowsModified"), v.trxRowsModified);
    }
    o.insert(QStringLiteral("victim"), victim);

    QJsonObject identity;
    identity.insert(QStringLiteral("firstSeen"), when(t.firstSeenUs));
    identity.insert(QStringLiteral("lastSeen"), when(t.lastSeenUs));
    if (v.osThreadId > 0)
        identity.insert(QStringLiteral("osThread"), v.osThreadId);
    if (v.psThreadId > 0)
        identity.insert(QStringLiteral("psThread"), v.psThreadId);
    if (v.queryId > 0)
        identity.insert(QStringLiteral("queryId"), v.queryId);
    if (!v.clientPid.isEmpty())
        identity.insert(QStringLiteral("clientPid"), v.clientPid);
    if (!a.evidence.isEmpty())
        identity.insert(QStringLiteral("proof"), QJsonArray::fromStringList(a.evidence));
    o.insert(QStringLiteral("identity"), identity);

    o.insert(QStringLiteral("statement"), r.statement);
    o.insert(QStringLiteral("sent"), a.sent);
    if (a.sent)
        o.insert(QStringLiteral("sentAt"), when(r.sentUs));
    o.insert(QStringLiteral("verdict"),
             a.verdict.isEmpty() ? QStringLiteral("unknown") : a.verdict);
    o.insert(QStringLiteral("error"), r.serverError);
    if (!r.serverMessage.isEmpty())
        o.insert(QStringLiteral("message"), r.serverMessage);

    QJsonObject outcome;
    outcome.insert(QStringLiteral("phase"), QString::fromLatin1(killPhaseKey(r.phase)));
    if (stillFollowing)
        outcome.insert(QStringLiteral("unfinished"),
                       tr("KillScope stopped following this kill while it was %1.")
                           .arg(KillTracker::phaseText(r)));
    if (r.answeredUs >= 0)
        outcome.insert(QStringLiteral("answeredAt"), when(r.answeredUs));
    if (r.flagSeenUs >= 0)
        outcome.insert(QStringLiteral("flagSeenAt"), when(r.flagSeenUs));
    if (r.endedUs >= 0)
        outcome.insert(QStringLiteral("endedAt"), when(r.endedUs));
    if (r.rowsPerSecond > 0)
        outcome.insert(QStringLiteral("rollbackRowsPerSecond"), r.rowsPerSecond);
    if (r.reconnectedAsId)
        outcome.insert(QStringLiteral("reconnectedAs"), r.reconnectedAsId);
    if (r.successorId)
        outcome.insert(QStringLiteral("newSessionOfSameAccount"), r.successorId);
    if (!r.why.isEmpty())
        outcome.insert(QStringLiteral("why"), r.why);
    o.insert(QStringLiteral("outcome"), outcome);
    return o;
}

} // namespace ks
