// A scenario with branches (sim/enginerun.h lists the rooms): "restart the server or wait?"
// answered by showing both. The scenario runs once per branch, each with the branch's actions
// added to its own, and the runs are merged into one RunResult: the first branch's lanes, then
// the next branch's, each lane label prefixed with its branch, on one time axis.
//
// Invariants:
// - every branch runs to the same end (the latest of the branches' ends, or RunOptions::until);
// - a merged run is what each branch's run is, lane for lane: ids into lanes, kills, rollbacks
//   and strings are shifted, never recomputed; every time-sorted vector stays sorted (ties: the
//   earlier branch first);
// - narration without a branch is the first branch's; engine notes appear once.

#include "enginerun.h"

#include <algorithm>

namespace ks::sim::detail {

namespace {

Scenario branchScenario(const Scenario &sc, size_t b)
{
    Scenario one = sc;
    one.branches.clear();
    const Branch &br = sc.branches[b];
    one.actions.insert(one.actions.end(), br.actions.begin(), br.actions.end());
    std::stable_sort(one.actions.begin(), one.actions.end(),
                     [](const Action &x, const Action &y) { return x.at < y.at; });
    one.narration.clear();
    for (const NarrationSpec &n : sc.narration)
        if (n.branch == br.name || (n.branch.empty() && b == 0))
            one.narration.push_back(n);
    return one;
}

void prefixLabel(Lane &l, const Branch &br)
{
    l.labelZh = br.label.zh_CN + "：" + (l.labelZh.empty() ? l.label : l.labelZh);
    l.label = br.label.en + ": " + l.label;
}

void append(RunResult &out, RunResult &&in, const Branch &br, int branch)
{
    const int laneOff = int(out.lanes.size());
    const int killOff = int(out.kills.size());
    const StringId strOff = StringId(out.strings.size() - 1); // in.strings[0] is NULL
    const int orderOff = laneOff;
    auto str = [&](StringId id) { return id == 0 ? StringId(0) : id + strOff; };
    auto lane = [&](int l) { return l < 0 ? l : l + laneOff; };
    auto kill = [&](int64_t k) { return k < 0 ? k : k + killOff; };
    out.strings.insert(out.strings.end(), std::make_move_iterator(in.strings.begin() + 1),
                       std::make_move_iterator(in.strings.end()));
    for (Lane &l : in.lanes) {
        l.index += laneOff;
        l.order += orderOff;
        prefixLabel(l, br);
        l.branch = branch;
        for (LaneSegment &s : l.segments)
            s.detail = str(s.detail);
        for (ClientSegment &s : l.clientSegments)
            s.text = str(s.text);
        for (ProcessRecord &r : l.processlist) {
            r.state = str(r.state);
            r.info = str(r.info);
            r.trxOp = str(r.trxOp);
        }
        out.lanes.push_back(std::move(l));
    }
    std::vector<Signal> signals = std::move(out.killSignals);
    for (Signal &s : in.killSignals) {
        s.fromLane = lane(s.fromLane);
        s.toLane = lane(s.toLane);
        s.kill = int(kill(s.kill));
    }
    out.killSignals.clear();
    std::merge(std::make_move_iterator(signals.begin()), std::make_move_iterator(signals.end()),
               std::make_move_iterator(in.killSignals.begin()),
               std::make_move_iterator(in.killSignals.end()), std::back_inserter(out.killSignals),
               [](const Signal &a, const Signal &b) { return a.t < b.t; });
    for (KillRecord &k : in.kills) {
        k.index += killOff;
        k.killerLane = lane(k.killerLane);
        k.victimLane = lane(k.victimLane);
        out.kills.push_back(std::move(k));
    }
    for (RollbackRecord &r : in.rollbacks) {
        r.lane = lane(r.lane);
        out.rollbacks.push_back(std::move(r));
    }
    for (NarrationStep &n : in.narration) {
        if (n.fromEngine && std::any_of(out.narration.begin(), out.narration.end(),
                                        [&](const NarrationStep &o) { return o.en == n.en; }))
            continue;
        n.kill = int(kill(n.kill));
        out.narration.push_back(std::move(n));
    }
    std::stable_sort(out.narration.begin(), out.narration.end(),
                     [](const NarrationStep &a, const NarrationStep &b) {
                         if (a.t != b.t)
                             return a.t < b.t;
                         return a.fromEngine < b.fromEngine;
                     });
    for (Event &e : in.events) {
        e.lane = lane(e.lane);
        switch (e.type) {
        case EventType::KillIssued:
            e.a = lane(int(e.a));
            e.b = kill(e.b);
            break;
        case EventType::KillResult:
        case EventType::KillDeferred:
            e.b = kill(e.b);
            break;
        case EventType::KillNoticed:
        case EventType::KillReplayed:
        case EventType::Timeout:
            e.a = kill(e.a);
            break;
        case EventType::LockWait:
        case EventType::LockGranted:
        case EventType::MdlWait:
        case EventType::MdlGranted:
        case EventType::StatementStart:
        case EventType::SetGlobal:
        case EventType::Note:
            e.b = str(StringId(e.b));
            break;
        default:
            break;
        }
    }
    std::vector<Event> events = std::move(out.events);
    out.events.clear();
    std::merge(std::make_move_iterator(events.begin()), std::make_move_iterator(events.end()),
               std::make_move_iterator(in.events.begin()), std::make_move_iterator(in.events.end()),
               std::back_inserter(out.events),
               [](const Event &a, const Event &b) { return a.t < b.t; });
    for (TranscriptLine &t : in.transcript)
        t.lane = lane(t.lane);
    std::vector<TranscriptLine> lines = std::move(out.transcript);
    out.transcript.clear();
    std::merge(std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()),
               std::make_move_iterator(in.transcript.begin()),
               std::make_move_iterator(in.transcript.end()), std::back_inserter(out.transcript),
               [](const TranscriptLine &a, const TranscriptLine &b) { return a.t < b.t; });
    for (LockInterval &l : in.locks) {
        l.lane = lane(l.lane);
        l.key = str(l.key);
        out.locks.push_back(l);
    }
    out.processedEvents += in.processedEvents;
    out.truncated = out.truncated || in.truncated;
    out.until = std::max(out.until, in.until);
}

} // namespace

RunResult runBranches(const Scenario &sc, const RunOptions &opt)
{
    std::vector<RunResult> runs;
    runs.reserve(sc.branches.size());
    TimeUs until = 0;
    for (size_t b = 0; b < sc.branches.size(); ++b) {
        runs.push_back(Engine::run(branchScenario(sc, b), opt));
        until = std::max(until, runs.back().until);
    }
    // Every branch to the same end, so the groups line up to the last pixel.
    if (!opt.until) {
        RunOptions same = opt;
        same.until = until;
        for (size_t b = 0; b < runs.size(); ++b)
            if (runs[b].until != until && !runs[b].truncated)
                runs[b] = Engine::run(branchScenario(sc, b), same);
    }
    RunResult out = std::move(runs[0]);
    for (Lane &l : out.lanes)
        prefixLabel(l, sc.branches[0]);
    for (size_t b = 1; b < runs.size(); ++b)
        append(out, std::move(runs[b]), sc.branches[b], int(b));
    for (const Branch &b : sc.branches)
        out.branchLabels.push_back(b.label.en);
    out.sessionTranscript.assign(sc.sessions.size(), {});
    for (size_t i = 0; i < out.transcript.size(); ++i) {
        const int l = out.transcript[i].lane;
        const int session = l >= 0 ? out.lanes[size_t(l)].session : -1;
        if (session >= 0)
            out.sessionTranscript[size_t(session)].push_back(uint32_t(i));
    }
    return out;
}

} // namespace ks::sim::detail
