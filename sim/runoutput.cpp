// What a run records (sim/enginerun.h lists the rooms): interned strings, a lane's state segments,
// its processlist records, the engine's narration notes, and the finished RunResult (finalize,
// narration resolved against the events).
//
// Invariants (those of RunResult, runresult.h):
// - segments of a lane are contiguous and sorted; consecutive identical segments are merged, so
//   bookkeeping splits stay invisible; a kill-flag, socket or hidden change opens a new segment
//   with the check-point grid kept aligned;
// - a processlist record is added only when something visible changed (two at one instant: the
//   last wins);
// - string id 0 is NULL; every other text is interned once.

#include "enginerun.h"

#include <algorithm>

namespace ks::sim::detail {

// The statement text of session s, statement i, interned.
StringId EngineRun::sqlId(int session, int stmt)
{
    auto &[lastStmt, id] = m_lastSqlId[size_t(session)];
    if (lastStmt == stmt)
        return id;
    lastStmt = stmt;
    // Many statements share a text (an application repeats its queries): a few recent
    // texts are compared before the text is hashed.
    const std::string &sql = m_sc.sessions[size_t(session)].statements[size_t(stmt)].sql;
    for (const InternCache &m : m_sqlMemo)
        if (m.valid && m.text == sql)
            return id = m.id;
    InternCache &slot = m_sqlMemo[m_sqlMemoNext++ % m_sqlMemo.size()];
    id = internCached(slot, sql);
    return id;
}

void EngineRun::note(const std::string &key, const std::string &en, const std::string &zh)
{
    if (std::find(m_notesDone.begin(), m_notesDone.end(), key) != m_notesDone.end())
        return;
    m_notesDone.push_back(key);
    NarrationStep n;
    n.t = m_now;
    n.en = "UNVERIFIED: " + en;
    n.zh_CN = "未经证实：" + zh;
    n.fromEngine = true;
    m_res.narration.push_back(std::move(n));
    event(EventType::Note, -1, 0, int64_t(intern(m_res.narration.back().en)));
}

// ---- lanes and processlist --------------------------------------------------------------
uint8_t EngineRun::laneFlags(const Conn &c) const
{
    uint8_t f = 0;
    if (c.killPending)
        f |= FlagKillPending;
    if (c.hidden)
        f |= FlagHidden;
    if (c.socketClosed)
        f |= FlagSocketClosed;
    if (c.savedKill != Killed::None)
        f |= FlagKillDeferred;
    return f;
}

void EngineRun::closeSeg(Conn &c, int64_t rowsEnd)
{
    if (!c.segOpen)
        return;
    c.seg.end = m_now;
    c.seg.rowsEnd = rowsEnd >= 0 ? clampRows(rowsEnd) : c.seg.rowsStart;
    auto &segs = m_res.lanes[size_t(c.lane)].segments;
    if (c.seg.end > c.seg.start) {
        // Merge with an identical predecessor so that bookkeeping splits stay invisible.
        if (!segs.empty()) {
            LaneSegment &p = segs.back();
            if (p.end == c.seg.start && p.state == c.seg.state && p.flags == c.seg.flags &&
                p.detail == c.seg.detail && p.checkNs == c.seg.checkNs && p.checkNs <= 0 &&
                p.rowsStart == -1 && c.seg.rowsStart == -1) {
                p.end = c.seg.end;
                c.segOpen = false;
                return;
            }
        }
        segs.push_back(c.seg);
    }
    c.segOpen = false;
}

void EngineRun::openSeg(Conn &c, LaneState state, StringId detail, int32_t checkNs,
                        int32_t checkFirstNs, int64_t rowsStart, uint8_t extraFlags)
{
    closeSeg(c, currentSegRows(c));
    c.seg = LaneSegment();
    c.seg.start = m_now;
    c.seg.end = m_now;
    c.seg.state = state;
    c.seg.flags = uint8_t(laneFlags(c) | extraFlags);
    c.seg.checkNs = checkNs;
    c.seg.checkFirstNs = checkFirstNs;
    c.seg.detail = detail;
    c.seg.rowsStart = rowsStart >= 0 ? clampRows(rowsStart) : -1;
    c.segOpen = true;
    m_lastActivity = std::max(m_lastActivity, m_now);
}

// Rows shown at the current instant for the open segment (loop or rollback), -1 if none.
int64_t EngineRun::currentSegRows(const Conn &c) const
{
    if (!c.segOpen || c.seg.rowsStart < 0)
        return -1;
    if (c.activity == Activity::Loop)
        return loopRowsAt(c, m_now);
    if (c.activity == Activity::Rollback)
        return rollbackRemainingAt(c, m_now);
    return c.seg.rowsStart;
}

// Re-open the current segment with fresh flags (kill flag set, socket closed, hidden).
void EngineRun::refreshFlags(Conn &c)
{
    if (!c.segOpen || c.seg.start == m_now) {
        if (c.segOpen)
            c.seg.flags = uint8_t((c.seg.flags & FlagIoBound) | laneFlags(c));
        return;
    }
    const uint8_t newFlags = uint8_t((c.seg.flags & FlagIoBound) | laneFlags(c));
    if (newFlags == c.seg.flags)
        return;
    LaneSegment old = c.seg;
    int64_t rows = currentSegRows(c);
    int32_t first = old.checkFirstNs;
    if (old.checkNs > 0) {
        // Keep the check-point grid aligned with the row boundaries.
        const int64_t sinceNs = m_now * 1000 - (old.start * 1000 + old.checkFirstNs);
        if (sinceNs < 0) {
            first = int32_t(-sinceNs);
        } else {
            const int64_t k = sinceNs / old.checkNs + 1;
            first = int32_t(old.start * 1000 + old.checkFirstNs + k * old.checkNs - m_now * 1000);
        }
    }
    closeSeg(c, rows);
    c.seg = old;
    c.seg.start = m_now;
    c.seg.flags = newFlags;
    c.seg.checkFirstNs = first;
    c.seg.rowsStart = rows >= 0 ? clampRows(rows) : -1;
    c.segOpen = true;
}

void EngineRun::pushPl(Conn &c)
{
    ProcessRecord r;
    r.t = m_now;
    r.command = c.command;
    r.killed = c.killed;
    r.hard = c.hard;
    r.visible = !c.hidden;
    r.trxState = c.trxState;
    r.state = c.stateStr;
    r.info = c.infoStr;
    r.trxOp = c.trxOpStr;
    r.timeBase = c.timeBase;
    r.queryId = uint32_t(c.queryId);
    r.rowsBase = c.undoRows;
    if (c.activity == Activity::Loop && c.loopModify) {
        r.rowsBase = c.loopTrxBase;
        r.rowsStartNs = c.loopStartNs;
        r.rowsCostNs = int32_t(c.loopCostNs);
        r.rowsLimit = c.loopCount - c.loopBase;
        r.rowsDir = 1;
    }
    if (c.activity == Activity::Loop && !c.loopModify && c.stmt &&
        c.stmt->kind == StatementKind::Ddl) {
        r.progressBase = c.loopBase;
        r.progressTotal = c.loopCount;
        r.rowsStartNs = c.loopStartNs;
        r.rowsCostNs = int32_t(c.loopCostNs);
    }
    if (c.activity == Activity::Rollback) {
        r.rowsBase = c.undoRows;
        r.rowsStartNs = c.loopStartNs;
        r.rowsCostNs = int32_t(c.loopCostNs);
        r.rowsLimit = c.rbRemaining;
        r.rowsDir = -1;
    }
    auto &pl = m_res.lanes[size_t(c.lane)].processlist;
    if (!pl.empty()) {
        const ProcessRecord &b = pl.back();
        if (b.command == r.command && b.killed == r.killed && b.hard == r.hard &&
            b.visible == r.visible && b.trxState == r.trxState && b.state == r.state &&
            b.info == r.info && b.trxOp == r.trxOp && b.timeBase == r.timeBase &&
            b.queryId == r.queryId && b.rowsDir == 0 && r.rowsDir == 0 && b.rowsBase == r.rowsBase)
            return; // nothing visible changed
        if (b.t == m_now) {
            pl.back() = r;
            return;
        }
    }
    pl.push_back(r);
}

void EngineRun::finalize()
{
    m_res.until = m_now;
    for (Conn &c : m_conns) {
        if (c.segOpen) {
            c.seg.end = m_now;
            c.seg.rowsEnd = c.seg.rowsStart >= 0 ? clampRows(currentSegRows(c)) : -1;
            auto &segs = m_res.lanes[size_t(c.lane)].segments;
            if (c.seg.end > c.seg.start || segs.empty())
                segs.push_back(c.seg);
            c.segOpen = false;
        }
        if (c.activity == Activity::Rollback && c.rollbackRecord >= 0) {
            RollbackRecord &rr = m_res.rollbacks[size_t(c.rollbackRecord)];
            rr.points.push_back({m_now, rollbackRemainingAt(c, m_now)});
        }
    }
    for (Client &cl : m_clients) {
        if (cl.segLane >= 0) {
            cl.seg.end = m_now;
            auto &segs = m_res.lanes[size_t(cl.segLane)].clientSegments;
            if (cl.seg.end > cl.seg.start)
                segs.push_back(cl.seg);
        }
    }
    for (Lane &l : m_res.lanes) {
        for (ClientSegment &s : l.clientSegments)
            if (s.end < 0)
                s.end = m_now;
        // Tails that start after the end of the run are dropped.
        l.clientSegments.erase(std::remove_if(l.clientSegments.begin(), l.clientSegments.end(),
                                              [this](const ClientSegment &s) {
                                                  return s.start >= m_now && s.end <= s.start;
                                              }),
                               l.clientSegments.end());
        std::stable_sort(
            l.clientSegments.begin(), l.clientSegments.end(),
            [](const ClientSegment &a, const ClientSegment &b) { return a.start < b.start; });
        // Cut overlapping client segments (the reconnect tail may overlap nothing, but be safe).
        for (size_t i = 0; i + 1 < l.clientSegments.size(); ++i)
            l.clientSegments[i].end =
                std::min(l.clientSegments[i].end, l.clientSegments[i + 1].start);
    }
    // Lanes in display order: every session's lanes together, helpers next to their owner.
    std::vector<int> order(m_res.lanes.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    auto key = [this](int li) {
        const Lane &l = m_res.lanes[size_t(li)];
        const int s =
            l.session >= 0 ? l.session : (l.client == ClientKind::Operator ? 1 << 20 : -1);
        if (s >= 0)
            return std::pair<int, int>(s, li);
        // Helpers sort right after the lane of their owner (order was set to the owner's lane).
        return std::pair<int, int>(m_res.lanes[size_t(l.order)].session, li);
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });
    for (size_t i = 0; i < order.size(); ++i)
        m_res.lanes[size_t(order[i])].order = int(i);
    // Expired kills.
    for (KillRecord &kr : m_res.kills) {
        if (kr.outcome == KillOutcome::Pending && kr.finished >= 0 && kr.noticed >= 0)
            kr.outcome = KillOutcome::Interrupted;
    }
    std::stable_sort(m_res.transcript.begin(), m_res.transcript.end(),
                     [](const TranscriptLine &a, const TranscriptLine &b) { return a.t < b.t; });
    m_res.sessionTranscript.assign(m_sc.sessions.size(), {});
    for (size_t i = 0; i < m_res.transcript.size(); ++i) {
        const int lane = m_res.transcript[i].lane;
        const int session = lane >= 0 ? m_res.lanes[size_t(lane)].session : -1;
        if (session >= 0)
            m_res.sessionTranscript[size_t(session)].push_back(uint32_t(i));
    }
}

void EngineRun::resolveNarration()
{
    const uint8_t bit = uint8_t(1u << unsigned(m_flavor));
    if (m_sc.narration.empty())
        return; // the engine's own notes are in time order already
    // What the author wrote describes the scenario's own actions: events that belong to a kill
    // or a SET the user added are not theirs, and are invisible here (not counted by `nth`).
    std::vector<int> owner(m_res.events.size(), -1);
    std::vector<char> foreign(m_res.events.size(), 0);
    for (size_t i = 0; i < m_res.events.size(); ++i) {
        const Event &e = m_res.events[i];
        owner[i] = m_res.killOfEvent(e);
        foreign[i] = (owner[i] >= 0 && m_res.kills[size_t(owner[i])].injected) ||
                     ((e.type == EventType::SetGlobal || e.type == EventType::ServerDown ||
                       e.type == EventType::ServerUp) &&
                      e.injected);
    }
    auto codeOf = [](const Event &e) -> std::optional<int> {
        switch (e.type) {
        case EventType::StatementEnd:
        case EventType::ClientError:
        case EventType::KillResult:
            return int(e.a);
        default:
            return std::nullopt;
        }
    };
    auto matches = [&](size_t i, EventType type, const std::string &sessionName,
                       const std::optional<KillType> &kill, const std::optional<int> &code) {
        const Event &e = m_res.events[i];
        if (e.type != type || foreign[i])
            return false;
        if (!sessionName.empty()) {
            const int session = m_sc.sessionIndex(sessionName);
            if (e.lane < 0 || m_res.lanes[size_t(e.lane)].session != session)
                return false;
        }
        if (kill && (owner[i] < 0 || m_res.kills[size_t(owner[i])].type != *kill))
            return false;
        if (code && codeOf(e) != code)
            return false;
        return true;
    };
    // Some event at or after the anchor — or, for a step about a kill, from that kill on — that
    // belongs to the same kill where both belong to one (another KILL is a kill of its own, not
    // a consequence: kill_issued / kill_result are exempt).
    auto happens = [&](const EventMatch &m, TimeUs anchor, int anchorKill) {
        const TimeUs from = anchorKill >= 0 ? m_res.kills[size_t(anchorKill)].issued : anchor;
        const bool sameKill = m.event != EventType::KillIssued && m.event != EventType::KillResult;
        for (size_t i = 0; i < m_res.events.size(); ++i) {
            if (m_res.events[i].t < from || !matches(i, m.event, m.session, m.kill, m.code))
                continue;
            if (sameKill && anchorKill >= 0 && owner[i] >= 0 && owner[i] != anchorKill)
                continue;
            return true;
        }
        return false;
    };
    for (const NarrationSpec &n : m_sc.narration) {
        if (!(n.flavorMask & bit))
            continue;
        TimeUs t = -1;
        int kill = -1;
        if (n.at) {
            t = *n.at;
        } else {
            int seen = 0;
            for (size_t i = 0; i < m_res.events.size(); ++i) {
                if (!matches(i, n.event, n.session, n.kill, n.code))
                    continue;
                if (++seen == n.nth) {
                    t = m_res.events[i].t;
                    kill = owner[i];
                    break;
                }
            }
            if (t < 0)
                continue;
        }
        if (t + n.offsetUs > m_res.until)
            continue; // after the end of this run
        bool keep = true;
        for (const EventMatch &m : n.needs)
            keep = keep && happens(m, t, kill);
        for (const EventMatch &m : n.unlessAny)
            keep = keep && !happens(m, t, kill);
        if (!keep)
            continue; // what it describes does not happen in this run
        NarrationStep s;
        s.t = t + n.offsetUs;
        s.en = n.text.en;
        s.zh_CN = n.text.zh_CN;
        s.kill = kill;
        m_res.narration.push_back(std::move(s));
    }
    std::stable_sort(m_res.narration.begin(), m_res.narration.end(),
                     [](const NarrationStep &a, const NarrationStep &b) {
                         if (a.t != b.t)
                             return a.t < b.t;
                         return a.fromEngine < b.fromEngine;
                     });
}

} // namespace ks::sim::detail
