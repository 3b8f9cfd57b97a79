#include "livesource.h"

#include "killexecutor.h"
#include "sampler.h"

#include <QThread>

namespace ks {

namespace {
const QString kSleep = QStringLiteral("Sleep");
const QString kKilled = QStringLiteral("Killed");
const QString kDaemon = QStringLiteral("Daemon");
const QString kConnect = QStringLiteral("Connect");
const QString kLockWait = QStringLiteral("LOCK WAIT");
const QString kRollingBack = QStringLiteral("ROLLING BACK");

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
} // namespace

LiveSource::LiveSource(const ConnectionSettings &settings, QObject *parent)
    : SessionSource(parent)
    , m_settings(settings)
    , m_own(std::make_shared<OwnConnections>())
    , m_audit(std::make_shared<AuditLog>())
{
    registerTypes();
}

LiveSource::~LiveSource()
{
    // The workers delete themselves on their threads (QThread::finished → deleteLater), which
    // closes and removes their connections there. A query in flight is bounded by the read
    // timeout, so the wait is bounded too.
    for (QThread *t : {m_samplerThread, m_killerThread}) {
        if (!t)
            continue;
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
    setStatus(Status::Connecting, tr("Connecting to %1…").arg(m_settings.describe()));

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
    connect(sampler, &Sampler::reconnecting, this, [this](int attempt, int delayMs) {
        setStatus(Status::Reconnecting,
                  tr("Connection lost: %1 Reconnecting (attempt %2, next in %3 s)…")
                      .arg(m_statusText.section(QStringLiteral(" Reconnecting"), 0, 0))
                      .arg(attempt)
                      .arg(delayMs / 1000.0, 0, 'f', 2));
    });
    QMetaObject::invokeMethod(sampler, "setIntervalMs", Qt::QueuedConnection,
                              Q_ARG(int, m_intervalMs));

    m_killerThread = new QThread(this);
    m_killerThread->setObjectName(QStringLiteral("ks-killer"));
    auto *killer = new KillExecutor(m_settings, m_own, m_audit, m_clock);
    killer->moveToThread(m_killerThread);
    m_killer = killer;
    connect(m_killerThread, &QThread::started, killer, &KillExecutor::start);
    connect(m_killerThread, &QThread::finished, killer, &QObject::deleteLater);
    connect(killer, &KillExecutor::sent, this, &LiveSource::onSent);
    connect(killer, &KillExecutor::answered, this, &LiveSource::onAnswered);

    // The kill connection registers itself as our own before the first sample, so it never
    // shows up as somebody else's session.
    connect(killer, &KillExecutor::ready, this, [this] {
        if (m_samplerThread && !m_samplerThread->isRunning())
            m_samplerThread->start();
    }, Qt::SingleShotConnection);
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

void LiveSource::setStatus(Status s, const QString &text)
{
    m_status = s;
    m_statusText = text;
    Q_EMIT statusChanged(s, text);
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
        QMetaObject::invokeMethod(m_sampler, "setPaused", Qt::QueuedConnection, Q_ARG(bool, paused));
}

void LiveSource::sampleNow()
{
    if (m_sampler)
        QMetaObject::invokeMethod(m_sampler, "sampleNow", Qt::QueuedConnection);
}

void LiveSource::onConnected(const ServerInfo &info)
{
    const qint64 now = m_clock.nowUs();
    const qint64 startUs = info.uptimeS >= 0 ? now - info.uptimeS * 1000000 : 0;
    if (m_everConnected && m_serverStartUs && qAbs(startUs - m_serverStartUs) > 3000000) {
        // The server restarted: every session we knew is gone, and ids start over.
        for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it)
            endSession(it.key(), it.value(), it->lastSeenUs);
        m_sessions.clear();
        m_tracker.observe({}, now); // kills in flight: their victims went with the server
    }
    m_serverStartUs = startUs;
    m_server = info;
    m_tracker.setMillisecondTimes(info.hasTimeMs());
    m_tracker.setKillQueryIgnoredWhenIdle(info.killQueryIgnoredWhenIdle());
    const bool again = m_everConnected;
    m_everConnected = true;
    if (again && m_killer) // its connection died with the server's: have it ready for the next kill
        QMetaObject::invokeMethod(m_killer, "reconnect", Qt::QueuedConnection);
    setStatus(Status::Connected, again ? tr("Reconnected to %1 (%2).")
                                             .arg(m_settings.describe(), info.displayName())
                                       : tr("Connected to %1 (%2).")
                                             .arg(m_settings.describe(), info.displayName()));
    Q_EMIT serverDetected(info);
    Q_EMIT changed();
}

void LiveSource::onConnectFailed(const QString &message, int)
{
    setStatus(Status::Failed, message);
    Q_EMIT problem(message);
}

void LiveSource::onConnectionLost(const QString &message, int)
{
    if (!m_recent.empty())
        closeOpenSegments(m_recent.back().takenUs);
    setStatus(Status::Reconnecting, tr("Connection lost: %1").arg(message));
    Q_EMIT problem(tr("Connection to the server lost: %1 KillScope keeps what it has recorded "
                      "and reconnects.")
                       .arg(message));
    Q_EMIT changed();
}

SegmentState LiveSource::segmentStateOf(const ProcesslistRow &r)
{
    if (r.trxState == kRollingBack || r.state.compare(QStringLiteral("Rollback"), Qt::CaseInsensitive) == 0)
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
    return r.state.isEmpty() ? 0 : m_timeline.intern(r.state);
}

int LiveSource::laneFor(qint64, const Session &s) const
{
    return s.lane;
}

void LiveSource::closeOpenSegments(qint64 atUs)
{
    for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it) {
        Session &s = it.value();
        if (s.segment < 0)
            continue;
        m_timeline.extendLastSegment(s.lane, qMax(atUs, s.lastSeenUs));
        m_timeline.setSegmentFlags(s.lane, s.segment,
                                   m_timeline.flags(s.lane)[size_t(s.segment)] & ~SegmentFlag::Open);
        s.segment = -1;
    }
}

void LiveSource::endSession(qint64 id, Session &s, qint64 atUs)
{
    Q_UNUSED(id);
    if (s.lane < 0)
        return;
    if (s.segment >= 0) {
        m_timeline.extendLastSegment(s.lane, atUs);
        m_timeline.setSegmentFlags(s.lane, s.segment,
                                   m_timeline.flags(s.lane)[size_t(s.segment)] & ~SegmentFlag::Open);
        s.segment = -1;
    }
    m_timeline.addMarker({atUs, s.lane, MarkerKind::Gone, 0});
    m_timeline.setLaneClosed(s.lane, true);
}

void LiveSource::ingest(const LiveSample &sample)
{
    const qint64 cpu0 = threadCpuUs();
    const qint64 t = sample.takenUs;
    ++m_sampleCount;

    QSet<qint64> present;
    present.reserve(sample.rows.size());
    QSet<qint64> pendingKillTargets;
    for (const KillRecord &k : m_tracker.records()) {
        if (k.phase == KillPhase::Accepted || k.phase == KillPhase::Sent)
            pendingKillTargets.insert(k.request.target.id);
    }

    for (const ProcesslistRow &r : sample.rows) {
        if (r.own && !m_showOwn)
            continue; // (a lane it got before it was known as ours ends below)
        present.insert(r.id);
        auto it = m_sessions.find(r.id);
        if (it != m_sessions.end() && (it->user != r.user || it->host != r.host)) {
            // The id now names a different session (it can only happen after a restart we
            // did not notice): end the old lane.
            endSession(r.id, *it, it->lastSeenUs);
            m_sessions.erase(it);
            it = m_sessions.end();
        }
        if (it == m_sessions.end()) {
            Session s;
            s.firstSeenUs = t;
            s.user = r.user;
            s.host = r.host;
            s.lane = m_timeline.addSession(r.id, r.user, r.host, false);
            m_timeline.setLaneLabel(s.lane, QStringLiteral("%1 %2").arg(r.id).arg(r.user));
            QVariantMap meta;
            meta.insert(QStringLiteral("host"), r.host);
            meta.insert(QStringLiteral("db"), r.db);
            meta.insert(QStringLiteral("firstSeenUs"), t);
            meta.insert(QStringLiteral("system"), r.system);
            m_timeline.setLaneMetadata(s.lane, meta);
            it = m_sessions.insert(r.id, s);
        }
        Session &s = *it;
        const SegmentState state = segmentStateOf(r);
        quint8 flags = SegmentFlag::Open;
        if (r.command == kKilled)
            flags |= SegmentFlag::Killed;
        else if (pendingKillTargets.contains(r.id))
            flags |= SegmentFlag::KillPending;

        const bool same = s.segment >= 0 && s.command == r.command && s.state == r.state &&
                          s.trxState == r.trxState && s.blockedBy == r.blockedBy &&
                          m_timeline.flags(s.lane)[size_t(s.segment)] == flags;
        if (same) {
            m_timeline.extendLastSegment(s.lane, t);
        } else {
            const qint64 start = s.segment >= 0 ? s.lastSeenUs + (t - s.lastSeenUs) / 2 : t;
            if (s.segment >= 0) {
                m_timeline.extendLastSegment(s.lane, start);
                m_timeline.setSegmentFlags(
                    s.lane, s.segment, m_timeline.flags(s.lane)[size_t(s.segment)] & ~SegmentFlag::Open);
            }
            // A fresh segment gets at least 1 µs, so it exists before the next sample extends it.
            s.segment = m_timeline.appendSegment(s.lane, start, qMax(t, start + 1), state, flags,
                                                 detailFor(r));
            s.rollbackRowsAtStart = -1;
            if (s.info != r.info)
                m_timeline.setLaneStatement(s.lane, r.info);
        }
        if (state == SegmentState::RollingBack && r.trxRowsModified >= 0) {
            if (s.rollbackRowsAtStart < 0)
                s.rollbackRowsAtStart = r.trxRowsModified;
            SegmentExtra extra;
            extra.rowsAtStart = s.rollbackRowsAtStart;
            extra.rowsAtEnd = r.trxRowsModified;
            m_timeline.setSegmentExtra(s.lane, s.segment, extra);
        }
        if (s.info != r.info && same)
            m_timeline.setLaneStatement(s.lane, r.info);
        s.command = r.command;
        s.state = r.state;
        s.trxState = r.trxState;
        s.info = r.info;
        s.blockedBy = r.blockedBy;
        s.lastSeenUs = t;
    }

    // Sessions that left.
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (present.contains(it.key())) {
            ++it;
            continue;
        }
        endSession(it.key(), *it, it->lastSeenUs + (t - it->lastSeenUs) / 2);
        it = m_sessions.erase(it);
    }

    m_blocking = BlockingGraph(sample.waits);
    const QList<int> changedKills = m_tracker.observe(sample.rows, t);
    for (int serial : changedKills)
        updateKillVisuals(serial);

    m_recent.push_back(sample);
    while (int(m_recent.size()) > m_recentMax)
        m_recent.pop_front();
    m_lastCost = sample.cost;
    trim(t);
    m_lastIngestCpuUs = threadCpuUs() - cpu0;

    Q_EMIT costUpdated(m_lastCost, m_lastIngestCpuUs);
    Q_EMIT sampled();
    Q_EMIT changed();
    for (int serial : changedKills)
        Q_EMIT killUpdated(serial);
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
        for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it) {
            it->lane = m_timeline.findLane(it.key());
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

KillTarget LiveSource::targetFor(qint64 id) const
{
    KillTarget t;
    t.id = id;
    if (const ProcesslistRow *r = currentRow(id)) {
        t.user = r->user;
        t.host = r->host;
    }
    const auto it = m_sessions.constFind(id);
    if (it != m_sessions.cend())
        t.firstSeenUs = it->firstSeenUs;
    return t;
}

qint64 LiveSource::rootBlocker() const
{
    return m_blocking.chains().isEmpty() ? 0 : m_blocking.chains().constFirst().root;
}

KillPreview LiveSource::preview(const KillRequest &request) const
{
    const QString ownUser = m_server.currentUser.section(u'@', 0, 0);
    return KillPreview::build(request, currentRow(request.target.id), m_server, m_blocking,
                              m_observedRollbackRate, ownUser);
}

QList<ProcesslistRow> LiveSource::processlistAt(qint64 timeUs) const
{
    // Recent times: the last full sample at or before timeUs.
    for (auto it = m_recent.rbegin(); it != m_recent.rend(); ++it) {
        if (it->takenUs <= timeUs) {
            if (it == m_recent.rbegin() || timeUs - it->takenUs < 60'000'000) {
                if (m_showOwn)
                    return it->rows;
                QList<ProcesslistRow> rows;
                rows.reserve(it->rows.size());
                for (const ProcesslistRow &r : it->rows) {
                    if (!r.own)
                        rows.append(r);
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
        r.command = (s.flags & SegmentFlag::Killed) ? kKilled
                    : s.state == SegmentState::Idle ? kSleep
                                                    : QStringLiteral("Query");
        r.state = m_timeline.string(s.detail);
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

void LiveSource::refuseLocally(const KillRequest &request, const QString &why)
{
    const qint64 now = m_clock.nowUs();
    const int serial = m_tracker.request(request, currentRow(request.target.id), 0, now);
    KillOutcome o;
    o.serial = serial;
    o.verdict = KillOutcome::Verdict::NotSameSession;
    o.message = why;
    o.answeredUs = now;
    o.statement = killStatement(request);
    m_tracker.answered(o);
    QJsonObject entry;
    entry.insert(QStringLiteral("server"), m_settings.describe());
    entry.insert(QStringLiteral("statement"), o.statement);
    entry.insert(QStringLiteral("targetId"), request.target.id);
    entry.insert(QStringLiteral("sent"), false);
    entry.insert(QStringLiteral("verdict"), QStringLiteral("refused-locally"));
    entry.insert(QStringLiteral("message"), why);
    m_audit->append(entry);
    Q_EMIT problem(why);
    Q_EMIT killUpdated(serial);
    Q_EMIT changed();
}

void LiveSource::kill(const KillRequest &req)
{
    KillRequest request = req;
    if (m_readOnly) {
        Q_EMIT problem(tr("Read-only mode: kills are disabled."));
        return;
    }
    const qint64 id = request.target.id;
    const ProcesslistRow *row = currentRow(id);
    if (m_own->contains(id) || (row && row->own)) {
        refuseLocally(request, tr("Connection %1 is one of KillScope's own; it is never killed.").arg(id));
        return;
    }
    // The user chose a session, not a number: if what we now see under that id started later
    // than the session they saw, it is someone else.
    const auto it = m_sessions.constFind(id);
    if (request.target.firstSeenUs >= 0 && it != m_sessions.cend() &&
        it->firstSeenUs != request.target.firstSeenUs) {
        refuseLocally(request, tr("Not sent: id %1 now belongs to a session that started after "
                                  "the one you chose.")
                                   .arg(id));
        return;
    }
    if (request.target.user.isEmpty() && row) {
        request.target.user = row->user;
        request.target.host = row->host;
    }
    const qint64 now = m_clock.nowUs();
    if (request.atUs < 0)
        request.atUs = now;
    qint64 maxId = 0;
    if (!m_recent.empty()) {
        for (const ProcesslistRow &r : m_recent.back().rows)
            maxId = qMax(maxId, r.id);
    }
    const int serial = m_tracker.request(request, row, maxId, now);

    TimelineSignal sig;
    sig.time = now;
    sig.fromLane = -1;
    sig.toLane = it != m_sessions.cend() ? it->lane : m_timeline.findLane(id);
    sig.kind = request.kind == KillKind::Query ? SignalKind::KillQuery : SignalKind::KillConnection;
    sig.result = SignalResult::Pending;
    sig.label = m_timeline.intern(killStatement(request));
    m_timeline.addSignal(sig);
    m_signalOfKill.insert(serial, int(m_timeline.signalList().size()) - 1);

    if (!m_killer) {
        KillOutcome o;
        o.serial = serial;
        o.verdict = KillOutcome::Verdict::NoConnection;
        o.message = tr("Not connected to a server.");
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
    const KillRecord *r = m_tracker.record(outcome.serial);
    const int sigIndex = m_signalOfKill.value(outcome.serial, -1);
    if (sigIndex >= 0 && sigIndex < int(m_timeline.signalList().size())) {
        SignalResult result = SignalResult::Ok;
        if (outcome.verdict != KillOutcome::Verdict::Ok)
            result = outcome.serverError == 1094 ? SignalResult::NoSuchThread : SignalResult::Refused;
        m_timeline.setSignalResult(sigIndex, result,
                                   outcome.message.isEmpty() ? 0 : m_timeline.intern(outcome.message));
    }
    if (r && r->phase == KillPhase::Refused && outcome.verdict != KillOutcome::Verdict::Ok)
        Q_EMIT problem(tr("%1 was not carried out: %2").arg(r->statement, outcome.message));
    Q_EMIT killUpdated(outcome.serial);
    Q_EMIT changed();
}

void LiveSource::updateKillVisuals(int serial)
{
    const KillRecord *r = m_tracker.record(serial);
    if (!r)
        return;
    if (r->rowsPerSecond > 0)
        m_observedRollbackRate = r->rowsPerSecond;
    const int lane = m_timeline.findLane(r->request.target.id);
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
    if (r->phase == KillPhase::Reconnected)
        m_timeline.addMarker({m_clock.nowUs(), lane, MarkerKind::Note,
                              m_timeline.intern(tr("reconnected as %1").arg(r->reconnectedAsId))});
}

} // namespace ks
