#include "runresult.h"

#include <algorithm>
#include <limits>

namespace ks::sim {

std::string_view commandName(Command c)
{
    switch (c) {
    case Command::Connect: return "Connect";
    case Command::Sleep: return "Sleep";
    case Command::Query: return "Query";
    case Command::FieldList: return "Field List";
    case Command::Daemon: return "Daemon";
    case Command::Quit: return "Quit";
    }
    return "?";
}

std::string_view trxStateName(TrxState s)
{
    switch (s) {
    case TrxState::None: return "";
    case TrxState::Running: return "RUNNING";
    case TrxState::LockWait: return "LOCK WAIT";
    case TrxState::RollingBack: return "ROLLING BACK";
    case TrxState::Committing: return "COMMITTING";
    }
    return "";
}

std::string_view killOutcomeId(KillOutcome o)
{
    switch (o) {
    case KillOutcome::Refused: return "refused";
    case KillOutcome::NoEffect: return "no-effect";
    case KillOutcome::Interrupted: return "interrupted";
    case KillOutcome::Disconnected: return "disconnected";
    case KillOutcome::LostRace: return "lost-race";
    case KillOutcome::SleepReturned: return "sleep-returned";
    case KillOutcome::ResetAtNextCommand: return "reset-at-next-command";
    case KillOutcome::Pending: return "pending";
    }
    return "?";
}

namespace {

// t in nanoseconds since `startNs`; a query time far beyond any run (the API takes any TimeUs)
// saturates instead of overflowing.
int64_t elapsedNsSince(TimeUs t, int64_t startNs)
{
    int64_t ns = 0;
    if (__builtin_mul_overflow(t, int64_t(1000), &ns) || __builtin_sub_overflow(ns, startNs, &ns))
        return t < 0 ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
    return ns;
}

} // namespace

int64_t ProcessRecord::rowsAt(TimeUs now) const
{
    if (rowsDir == 0)
        return rowsBase;
    const int64_t elapsedNs = elapsedNsSince(now, rowsStartNs);
    int64_t n = elapsedNs <= 0 ? 0 : elapsedNs / rowsCostNs;
    if (n > rowsLimit)
        n = rowsLimit;
    return rowsBase + rowsDir * n;
}

namespace {

template<typename Vec>
auto lastAtOrBefore(const Vec &v, TimeUs t) -> decltype(&v[0])
{
    // Records are sorted by t; several may share a t (the last one wins).
    auto it = std::upper_bound(v.begin(), v.end(), t, [](TimeUs x, const auto &r) { return x < r.t; });
    if (it == v.begin())
        return nullptr;
    return &*(it - 1);
}

} // namespace

std::vector<ProcessRow> RunResult::processlistAt(TimeUs t, bool includeHidden) const
{
    FlavorRules rules(flavor);
    std::vector<ProcessRow> rows;
    for (const Lane &lane : lanes) {
        if (t < lane.createdAt || (lane.goneAt >= 0 && t >= lane.goneAt))
            continue;
        const ProcessRecord *r = lastAtOrBefore(lane.processlist, t);
        if (!r)
            continue;
        if (!r->visible && !includeHidden)
            continue;
        ProcessRow row;
        row.lane = lane.index;
        row.id = lane.processlistId;
        row.user = lane.user;
        row.host = lane.host;
        if (!lane.db.empty())
            row.db = lane.db;
        row.command = std::string(rules.showsKilled(r->killed) ? std::string_view("Killed") : commandName(r->command));
        row.timeUs = std::max<TimeUs>(0, t - r->timeBase);
        row.timeSec = row.timeUs / kSecond;
        if (r->state != 0)
            row.state = str(r->state);
        if (r->info != 0)
            row.info = str(r->info);
        if (isMariaDb(flavor)) {
            double p = 0;
            if (r->progressBase >= 0 && r->progressTotal > 0) {
                // SHOW PROCESSLIST's Progress is over all stages: the copy is stage 1 of 2 (§4.2).
                const int64_t elapsed = elapsedNsSince(t, r->rowsStartNs);
                const int64_t step = elapsed > 0 ? elapsed / r->rowsCostNs : 0;
                // min(total, base + step), without the sum overflowing for a far-away t.
                const int64_t done = step > r->progressTotal - r->progressBase ? r->progressTotal : r->progressBase + step;
                p = 50.0 * double(done) / double(r->progressTotal);
            }
            row.progress = p;
        }
        row.trxState = std::string(trxStateName(r->trxState));
        if (r->trxState != TrxState::None) {
            row.trxRowsModified = r->rowsAt(t);
            row.trxOperationState = str(r->trxOp);
        }
        row.killedValue = rules.killedValue(r->killed, r->hard);
        row.killedName = std::string(rules.killedName(r->killed, r->hard));
        row.hidden = !r->visible;
        rows.push_back(std::move(row));
    }
    // Sorted by id; with branches (sim/branches.cpp) each branch's server together, in order.
    std::sort(rows.begin(), rows.end(), [this](const ProcessRow &a, const ProcessRow &b) {
        const int ba = lanes[size_t(a.lane)].branch, bb = lanes[size_t(b.lane)].branch;
        return ba != bb ? ba < bb : a.id < b.id;
    });
    return rows;
}

std::vector<TranscriptLine> RunResult::transcriptOf(int session) const
{
    std::vector<TranscriptLine> out;
    if (session < 0 || size_t(session) >= sessionTranscript.size())
        return out;
    const std::vector<uint32_t> &lines = sessionTranscript[size_t(session)];
    out.reserve(lines.size());
    for (uint32_t i : lines)
        out.push_back(transcript[i]);
    return out;
}

std::vector<LockRow> RunResult::locksAt(TimeUs t) const
{
    static const char *const mdlModes[] = {"SR", "SW", "SU", "X"};
    std::vector<LockRow> out;
    for (const LockInterval &l : locks) {
        if (l.requested > t)
            continue;
        if (l.released >= 0 && l.released <= t)
            continue;
        LockRow row;
        row.kind = l.row ? "row" : "mdl";
        row.key = str(l.key);
        row.mode = l.row ? "X" : mdlModes[l.mode & 3];
        row.lane = l.lane;
        row.id = l.lane >= 0 && size_t(l.lane) < lanes.size() ? lanes[size_t(l.lane)].processlistId : 0;
        row.granted = l.granted >= 0 && l.granted <= t;
        row.since = row.granted ? l.granted : l.requested;
        out.push_back(std::move(row));
    }
    std::stable_sort(out.begin(), out.end(), [](const LockRow &a, const LockRow &b) {
        if (a.kind != b.kind)
            return a.kind < b.kind;
        if (a.key != b.key)
            return a.key < b.key;
        return a.granted > b.granted;
    });
    return out;
}

const LaneSegment *RunResult::segmentAt(int lane, TimeUs t) const
{
    if (lane < 0 || size_t(lane) >= lanes.size())
        return nullptr;
    const auto &segs = lanes[size_t(lane)].segments;
    auto it = std::upper_bound(segs.begin(), segs.end(), t, [](TimeUs x, const LaneSegment &s) { return x < s.start; });
    if (it == segs.begin())
        return nullptr;
    --it;
    return t < it->end || (it + 1 == segs.end() && t == it->end) ? &*it : nullptr;
}

const ClientSegment *RunResult::clientSegmentAt(int lane, TimeUs t) const
{
    if (lane < 0 || size_t(lane) >= lanes.size())
        return nullptr;
    const auto &segs = lanes[size_t(lane)].clientSegments;
    auto it = std::upper_bound(segs.begin(), segs.end(), t, [](TimeUs x, const ClientSegment &s) { return x < s.start; });
    if (it == segs.begin())
        return nullptr;
    --it;
    return t < it->end || (it + 1 == segs.end() && t == it->end) ? &*it : nullptr;
}

int RunResult::laneOfId(int64_t id) const
{
    for (size_t i = lanes.size(); i-- > 0;) {
        if (lanes[i].processlistId == id)
            return int(i);
    }
    return -1;
}

std::vector<int> RunResult::lanesOfSession(int session) const
{
    std::vector<int> out;
    for (const Lane &l : lanes) {
        if (l.session == session)
            out.push_back(l.index);
    }
    return out;
}

int RunResult::killOfEvent(const Event &e) const
{
    auto valid = [this](int64_t k) { return k >= 0 && k < int64_t(kills.size()) ? int(k) : -1; };
    switch (e.type) {
    case EventType::KillIssued:
    case EventType::KillResult:
    case EventType::KillDeferred:
        return valid(e.b);
    case EventType::KillNoticed:
    case EventType::KillReplayed:
    case EventType::Timeout:
        return valid(e.a);
    case EventType::ClientError:
        for (const KillRecord &k : kills)
            if (k.clientError == e.t && k.victimLane == e.lane && k.clientErrorCode == e.a)
                return k.index;
        return -1;
    case EventType::SocketClosed:
    case EventType::RollbackStart:
    case EventType::RollbackEnd:
    case EventType::StatementEnd:
    case EventType::ThreadGone:
    case EventType::TempFileDelete: {
        // The latest kill on this lane that was under way then (issued, not yet over).
        int found = -1;
        for (const KillRecord &k : kills) {
            if (k.victimLane != e.lane || k.result != 0 || k.issued > e.t)
                continue;
            if (k.outcome == KillOutcome::NoEffect || k.outcome == KillOutcome::Refused)
                continue;
            if (k.finished >= 0 && k.finished < e.t)
                continue;
            if (e.type == EventType::SocketClosed && k.type != KillType::Connection)
                continue;
            found = k.index;
        }
        return found;
    }
    default:
        return -1;
    }
}

int RunResult::narrationAt(TimeUs t) const
{
    int found = -1;
    for (size_t i = 0; i < narration.size(); ++i) {
        if (narration[i].t <= t)
            found = int(i);
        else
            break;
    }
    return found;
}

} // namespace ks::sim
