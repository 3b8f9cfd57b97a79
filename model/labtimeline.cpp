// The engine's RunResult has a member called `signals`, which Qt's keyword macro would rewrite.
#define QT_NO_KEYWORDS
#include "labtimeline.h"

#include "livesource.h"
#include "runresult.h"
#include "simulationsource.h"

#include <algorithm>
#include <limits>

namespace ks {

namespace {

// Copies lane `from` of `src` (segments, extras) onto lane `to` of `dst`.
void copyLane(const Timeline &src, int from, Timeline &dst, int to)
{
    for (int i = 0; i < src.segmentCount(from); ++i) {
        const Segment s = src.segment(from, i);
        const int idx =
            dst.appendSegment(to, s.start, s.end, s.state, quint8(s.flags & ~SegmentFlag::Open),
                              dst.intern(src.string(s.detail)));
        if (const SegmentExtra *x = src.extra(from, i); x && idx >= 0)
            dst.setSegmentExtra(to, idx, *x);
    }
}

} // namespace

QList<LabTimeline::Pair> LabTimeline::build(const sim::RunResult &simulation,
                                            const LabRecording &rec, const LabComparison &cmp,
                                            Timeline &out)
{
    out.clear();
    Timeline simTl;
    QList<int> laneOfSim;
    SimulationSource::buildTimeline(simulation, simTl, laneOfSim);

    // The real lanes as live mode draws them: the samples fed to a LiveSource that never connects.
    LiveSource live(ConnectionSettings{});
    quint64 serial = 0;
    for (const LabSample &s : rec.samples) {
        LiveSample ls;
        ls.serial = ++serial;
        ls.takenUs = s.tUs;
        ls.trxTakenUs = s.trxUs;
        ls.rows = s.rows;
        live.ingest(ls);
    }
    const Timeline &realTl = live.timeline();

    QList<Pair> pairs;
    QHash<int, int> outOfSim;              // simTl lane → out lane
    QHash<QString, QList<int>> realLaneOf; // session → its real thread lanes
    for (int si = 0; si < cmp.sessions.size(); ++si) {
        const LabSessionComparison &sc = cmp.sessions[si];
        Pair p;
        p.session = sc.name;
        for (int simLane : simulation.lanesOfSession(si)) {
            const int from = laneOfSim.value(simLane, -1);
            if (from < 0)
                continue;
            const LaneInfo &info = simTl.lane(from);
            const int lane = out.addSession(info.sessionId, info.user, info.host, true);
            out.setLaneLabel(lane, tr("%1 · simulation (%2)").arg(sc.name).arg(info.sessionId));
            out.setLaneStatement(lane, info.statement);
            QVariantMap meta = info.metadata;
            meta.insert(QStringLiteral("labSide"), QStringLiteral("sim"));
            meta.insert(QStringLiteral("labSession"), sc.name);
            out.setLaneMetadata(lane, meta);
            copyLane(simTl, from, out, lane);
            if (info.partner >= 0 && out.lane(lane).partner >= 0) {
                copyLane(simTl, info.partner, out, out.lane(lane).partner);
                outOfSim.insert(info.partner, out.lane(lane).partner);
            }
            outOfSim.insert(from, lane);
            p.simLanes << lane;
        }
        const LabSessionRun *rs = si < rec.sessions.size() ? &rec.sessions[si] : nullptr;
        if (rs) {
            for (int k = 0; k < rs->connections.size(); ++k) {
                const qint64 id = rs->connections[k].id;
                const int from = realTl.findLane(id);
                const int lane =
                    out.addSession(id, from >= 0 ? realTl.lane(from).user : QString(),
                                   from >= 0 ? realTl.lane(from).host : QString(), rs->terminal);
                out.setLaneLabel(lane, tr("%1 · server (%2)").arg(sc.name).arg(id));
                QVariantMap meta;
                meta.insert(QStringLiteral("labSide"), QStringLiteral("real"));
                meta.insert(QStringLiteral("labSession"), sc.name);
                out.setLaneMetadata(lane, meta);
                if (from >= 0)
                    copyLane(realTl, from, out, lane);
                // Its statement as the samples saw it; one too short for any sample is the last
                // one lab mode sent that came back on this connection (after it appeared, before
                // the next one did).
                QString statement = from >= 0 ? realTl.lane(from).statement : QString();
                if (statement.isEmpty()) {
                    const qint64 since = rs->connections[k].firstSeenUs;
                    const qint64 until = k + 1 < rs->connections.size()
                                             ? rs->connections[k + 1].firstSeenUs
                                             : std::numeric_limits<qint64>::max();
                    for (const LabStatementRun &st : rs->statements) {
                        const qint64 back = st.returnedUs >= 0 ? st.returnedUs : rec.untilUs;
                        if (st.sentUs >= 0 && back >= since && back < until)
                            statement = st.sent;
                    }
                }
                out.setLaneStatement(lane, statement);
                p.realLanes << lane;
            }
            // The client row under the first real lane: what the terminal (or application) showed.
            const int first = p.realLanes.isEmpty() ? -1 : p.realLanes.constFirst();
            const int client = first >= 0 ? out.lane(first).partner : -1;
            if (client >= 0) {
                qint64 t = 0;
                QString lastLine;
                auto lineBefore = [&](qint64 when) {
                    QString last;
                    for (const LabTimedLine &l : sc.realLines)
                        if (l.tUs <= when)
                            last = l.text;
                    return last;
                };
                for (int i = 0; i < rs->statements.size(); ++i) {
                    const LabStatementRun &st = rs->statements[i];
                    if (st.sentUs < 0)
                        continue;
                    if (st.sentUs > t) {
                        lastLine = lineBefore(st.sentUs - 1);
                        out.appendSegment(client, t, st.sentUs,
                                          lastLine.startsWith(QLatin1String("ERROR"))
                                              ? SegmentState::ClientError
                                              : SegmentState::ClientPrompt,
                                          0, out.intern(lastLine));
                    }
                    const qint64 end = st.returnedUs >= 0 ? st.returnedUs : rec.untilUs;
                    out.appendSegment(client, st.sentUs, std::max(end, st.sentUs + 1),
                                      SegmentState::ClientWaiting, 0, out.intern(st.display));
                    t = std::max(end, st.sentUs + 1);
                }
                if (t < rec.untilUs) {
                    lastLine = lineBefore(rec.untilUs);
                    out.appendSegment(
                        client, t, rec.untilUs,
                        rs->exitedUs >= 0 && rs->exitedUs <= t ? SegmentState::ClientDisconnected
                        : lastLine.startsWith(QLatin1String("ERROR")) ? SegmentState::ClientError
                                                                      : SegmentState::ClientPrompt,
                        0, out.intern(lastLine));
                }
            }
        }
        realLaneOf.insert(sc.name, p.realLanes);
        pairs << p;
    }

    // Kill arrows: the simulation's as it drew them, the server's from what lab mode sent.
    for (const TimelineSignal &s : simTl.signalList()) {
        TimelineSignal c = s;
        c.fromLane = s.fromLane >= 0 ? outOfSim.value(s.fromLane, -1) : -1;
        c.toLane = s.toLane >= 0 ? outOfSim.value(s.toLane, -1) : -1;
        if (c.toLane < 0)
            continue;
        c.label = out.intern(simTl.string(s.label));
        c.detail = out.intern(simTl.string(s.detail));
        out.addSignal(c);
    }
    for (const TimelineMarker &m : simTl.markerList()) {
        const int lane = outOfSim.value(m.lane, -1);
        if (lane >= 0)
            out.addMarker({m.time, lane, m.kind, out.intern(simTl.string(m.label))});
    }
    for (const LabKillRun &k : rec.kills) {
        const QList<int> victim = realLaneOf.value(k.victimSession);
        if (victim.isEmpty())
            continue;
        TimelineSignal s;
        s.time = k.sentUs;
        const QList<int> killer = realLaneOf.value(k.killerSession);
        s.fromLane =
            k.source == LabKillRun::Source::CtrlC || killer.isEmpty() ? -1 : killer.constLast();
        // The victim's connection at that moment: the last one seen before it.
        int to = victim.constFirst();
        for (int lane : victim) {
            const int n = out.segmentCount(lane);
            if (n > 0 && out.segment(lane, 0).start <= k.sentUs)
                to = lane;
        }
        s.toLane = to;
        s.kind = k.source == LabKillRun::Source::CtrlC            ? SignalKind::CtrlC
                 : k.statement.contains(QLatin1String(" QUERY ")) ? SignalKind::KillQuery
                                                                  : SignalKind::KillConnection;
        s.result = SignalResult::Ok;
        s.label = out.intern(k.statement);
        out.addSignal(s);
    }
    // Every difference that counts is a pin where it happens.
    for (const LabDiff &d : cmp.diffs) {
        if (!d.counts())
            continue;
        const QList<int> lanes = realLaneOf.value(d.session);
        int lane = lanes.isEmpty() ? -1 : lanes.constFirst();
        if (lane < 0) {
            for (const Pair &p : pairs)
                if (p.session == d.session && !p.simLanes.isEmpty())
                    lane = p.simLanes.constFirst();
        }
        if (lane < 0 && out.laneCount() > 0)
            lane = 0;
        if (lane < 0)
            continue;
        out.addMarker({d.tUs, lane, MarkerKind::Note,
                       out.intern(QStringLiteral("%1: %2").arg(
                           LabDiff::classId(d.cls), d.real.isEmpty() ? d.sim : d.real))});
    }
    out.squeeze();
    return pairs;
}

} // namespace ks
