#pragma once

// The outcome of one simulation run, and the queries the UI, the model layer and the headless
// mode ask of it. Produced only by Engine::run; immutable afterwards.
//
// Layout, for consumers:
// - lanes: one per server connection (thread). A session whose client reconnects gets a second
//   lane; Ctrl+C helper connections and the KillScope operator connection get their own lanes.
//   Lane::session links a lane to its scenario session (-1 for helper/operator lanes).
// - Lane::segments: what the thread does, contiguous and sorted, from its creation to the end of
//   the run (the last one is Gone once the thread has ended). Segments split whenever the state,
//   the flags or the check-point pattern change, so "kill flag set but not yet noticed" is its own
//   segment (FlagKillPending).
// - Lane::client: what the client shows, contiguous and sorted, from the client's start.
// - killSignals: kill arrows, "flag noticed" markers, deferrals, socket closes, timeouts.
// - kills: one record per KILL (statement, Ctrl+C, operator, timeout) for the latency chart.
// - rollbacks: rows remaining over time for each rollback (piecewise linear, exact at the points).
// - narration: bilingual steps sorted by time.
// - events: the full ordered event list (also what the trace export writes).
//
// Invariants: every vector that carries times is sorted by time (ties keep causal order);
// segment[i].end == segment[i+1].start; string ids index `strings` (0 = NULL / none).

#include "flavor.h"
#include "types.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ks::sim {

using StringId = uint32_t;

struct LaneSegment
{
    TimeUs start = 0;
    TimeUs end = 0;
    LaneState state = LaneState::Idle;
    uint8_t flags = 0; // LaneFlag bits
    uint16_t reserved = 0;
    // Check points inside this segment: -1 none (the thread cannot notice a kill here),
    // 0 wakeable (a kill is noticed at once), > 0 one every checkNs nanoseconds starting
    // checkFirstNs after `start` (row boundaries, queue sleeps). For an InnoDB queue segment the
    // period is the sleep at its start; the adaptive delay drifts by a microsecond per sleep, and
    // the exact wake-ups are the QueueWait / QueueSleep events (a = sleep length).
    int32_t checkNs = -1;
    int32_t checkFirstNs = 0;
    StringId detail = 0;    // short text: statement, lock key, stage
    int32_t rowsStart = -1; // running loop: rows done; rolling back: rows remaining; -1 n/a
    int32_t rowsEnd = -1;
};

struct ClientSegment
{
    TimeUs start = 0;
    TimeUs end = 0;
    ClientState state = ClientState::None;
    StringId text = 0;
};

// One processlist-relevant change of a lane (internal representation, exposed for the model
// layer's own caching; use RunResult::processlistAt for the formatted rows).
enum class Command : uint8_t
{
    Connect,
    Sleep,
    Query,
    FieldList,
    Daemon,
    Quit
};
enum class TrxState : uint8_t
{
    None,
    Running,
    LockWait,
    RollingBack,
    Committing
};
std::string_view commandName(Command c);
std::string_view trxStateName(TrxState s);

struct ProcessRecord
{
    TimeUs t = 0;
    TimeUs timeBase = 0; // Time column = now - timeBase
    // trx_rows_modified(t) = rowsBase + rowsDir * min(rowsLimit, floor((t*1000 - rowsStartNs) /
    // rowsCostNs))
    int64_t rowsBase = 0;
    int64_t rowsStartNs = 0;
    int64_t rowsLimit = 0;
    // MariaDB's Progress column for a copying ALTER: copy-loop rows done at rowsStartNs, and
    // the loop's total; the loop advances one row per rowsCostNs (rowsDir is 0 then). -1 = none.
    int64_t progressBase = -1;
    int64_t progressTotal = 0;
    int32_t rowsCostNs = 1;
    uint32_t queryId = 0;
    StringId state = 0;
    StringId info = 0;
    StringId trxOp = 0;
    Command command = Command::Connect;
    Killed killed = Killed::None;
    TrxState trxState = TrxState::None;
    int8_t rowsDir = 0;
    bool hard = true;
    bool visible = true;

    int64_t rowsAt(TimeUs now) const;
};

struct Lane
{
    int index = 0;
    int64_t processlistId = 0;
    int session = -1;        // scenario session index, -1 = helper/operator
    std::string sessionName; // "" for helper/operator
    std::string label;
    std::string labelZh; // the label in Chinese; "" = the same as label
    int branch = 0;      // which branch's run (sim/branches.cpp); 0 without branches
    std::string user;
    std::string host;
    std::string db;
    ClientKind client = ClientKind::App;
    int order = 0; // display order (sessions first, in scenario order)
    TimeUs createdAt = 0;
    TimeUs goneAt = -1; // -1 = still there at the end of the run
    std::vector<LaneSegment> segments;
    std::vector<ClientSegment> clientSegments;
    std::vector<ProcessRecord> processlist;
};

enum class SignalKind : uint8_t
{
    KillArrow,
    FlagNoticed,
    KillDeferred,
    KillReplayed,
    SocketClosed,
    TimeoutFired
};

struct Signal
{
    TimeUs t = 0;
    SignalKind kind = SignalKind::KillArrow;
    int fromLane = -1; // killer lane (-1: the server's timer)
    int toLane = -1;   // victim lane
    int kill = -1;     // index into kills (type, mode, source and timings are there)
    int result = 0;    // KillArrow: what the killer got (0 = Query OK, else the error)
    std::string label; // "KILL QUERY 12", "Ctrl+C → KILL QUERY 11", "flag noticed", ...
};

enum class KillOutcome : uint8_t
{
    Refused,            // 1094 / 1095 / 1064 / 1957: nothing happened to the victim
    NoEffect,           // idle KILL QUERY on MySQL, or the victim was already being killed
    Interrupted,        // the statement failed with the kill's error; the connection lives on
    Disconnected,       // the connection ended and the thread is gone
    LostRace,           // the statement had passed its last check point: it completed anyway
    SleepReturned,      // MySQL: SELECT SLEEP(n) returned 1 without an error
    ResetAtNextCommand, // MariaDB idle KILL QUERY: Killed until the next command resets it
    Pending             // not yet noticed when the run ended
};
std::string_view killOutcomeId(KillOutcome o);

struct KillRecord
{
    int index = 0;
    TimeUs issued = 0;
    int killerLane = -1;
    int victimLane = -1;
    int64_t victimId = 0;
    KillType type = KillType::Connection;
    KillMode mode = KillMode::Default;
    KillSource source = KillSource::Statement;
    int result = 0;          // what the killer got: 0 = Query OK, else the error number
    std::string statement;   // "KILL QUERY 12"
    TimeUs noticed = -1;     // victim reached a check point
    TimeUs clientError = -1; // the victim's client showed the error (2013 comes at once)
    int clientErrorCode = 0;
    TimeUs finished = -1; // KILL QUERY: statement over; KILL CONNECTION: thread gone
    KillOutcome outcome = KillOutcome::Pending;
    bool injected = false; // sent by a user's what-if (Action::injected)
};

struct RollbackPoint
{
    TimeUs t;
    int64_t rowsRemaining;
};

struct RollbackRecord
{
    int lane = -1;
    bool wholeTransaction = false;
    int64_t rows = 0;
    TimeUs start = 0;
    TimeUs end = -1;                   // -1 = still rolling back at the end of the run
    std::vector<RollbackPoint> points; // rows remaining, exact at each point, linear between
};

struct NarrationStep
{
    TimeUs t = 0;
    std::string en;
    std::string zh_CN;
    bool fromEngine = false; // added by the engine (UNVERIFIED modelling notes)
    int kill = -1;           // the kill whose event anchors the step (index into kills)
};

struct Event
{
    TimeUs t = 0;
    int32_t lane = -1;
    EventType type = EventType::Note;
    uint8_t injected = 0; // set_global, server_down/up: the user's what-if (Action::injected)
    uint16_t reserved1 = 0;
    int64_t a = 0;
    int64_t b = 0;
};

struct TranscriptLine
{
    TimeUs t = 0;
    int lane = -1;
    std::string text;
};

// One row of SHOW FULL PROCESSLIST (plus the I_S / INNODB_TRX columns KillScope shows).
struct ProcessRow
{
    int lane = -1;
    int64_t id = 0;
    std::string user;
    std::string host;
    std::optional<std::string> db;
    std::string command;
    int64_t timeSec = 0;
    TimeUs timeUs = 0; // MariaDB I_S TIME_MS is timeUs / 1000 with 3 decimals
    std::optional<std::string> state;
    std::optional<std::string> info;
    std::optional<double> progress; // MariaDB only
    std::string trxState;           // "" = no transaction
    std::optional<int64_t> trxRowsModified;
    std::string trxOperationState;
    int killedValue = 0;
    std::string killedName;
    bool hidden = false; // present in the server but not in SHOW PROCESSLIST
};

struct LockRow
{
    std::string kind; // "row" or "mdl"
    std::string key;  // "t:id=1" or table name
    std::string mode; // "X", "SR", "SW", "SU"
    int lane = -1;
    int64_t id = 0;
    bool granted = false; // false = waiting
    TimeUs since = 0;
};

struct LockInterval
{
    bool row = true;
    StringId key = 0;
    uint8_t mode = 0; // MdlMode for MDL
    int lane = -1;
    TimeUs requested = 0;
    TimeUs granted = -1;  // -1 never granted
    TimeUs released = -1; // -1 still held / waiting at the end
};

struct ScenarioInfo
{
    std::string id;
    std::string titleEn;
    std::string titleZh;
};

class RunResult
{
public:
    Flavor flavor = Flavor::MySql80;
    ScenarioInfo scenario;
    TimeUs until = 0;
    std::vector<std::string> strings; // [0] = "" (NULL)
    std::vector<Lane> lanes;
    std::vector<Signal> killSignals;
    std::vector<KillRecord> kills;
    std::vector<RollbackRecord> rollbacks;
    std::vector<NarrationStep> narration;
    std::vector<Event> events;
    std::vector<TranscriptLine> transcript; // all clients, sorted by time
    // Per scenario session: indices into `transcript` of its lines (all its lanes), in time
    // order, so that printing every session's terminal is linear in the output.
    std::vector<std::vector<uint32_t>> sessionTranscript;
    std::vector<LockInterval> locks;
    // A scenario with branches (sim/branches.cpp): their labels (English), Lane::branch indexes it.
    std::vector<std::string> branchLabels;
    uint64_t processedEvents = 0; // engine queue events handled (for benchmarks)
    bool truncated = false;       // stopped early at RunOptions::maxEvents (until = that time)

    const std::string &str(StringId id) const
    {
        return id < strings.size() ? strings[id] : strings[0];
    }

    // SHOW FULL PROCESSLIST at time t (rows sorted by id). Hidden threads only with includeHidden.
    std::vector<ProcessRow> processlistAt(TimeUs t, bool includeHidden = false) const;
    // The terminal of a session (all its lanes, i.e. across reconnects), lines up to `until`.
    std::vector<TranscriptLine> transcriptOf(int session) const;
    // Locks held or waited for at time t.
    std::vector<LockRow> locksAt(TimeUs t) const;
    // The lane segment / client segment covering t, or nullptr.
    const LaneSegment *segmentAt(int lane, TimeUs t) const;
    const ClientSegment *clientSegmentAt(int lane, TimeUs t) const;
    // Lane of the connection that had processlist id `id` (the latest one), -1 if none.
    int laneOfId(int64_t id) const;
    // Lanes of a scenario session, in creation order.
    std::vector<int> lanesOfSession(int session) const;
    // Narration step current at t (the last one with step.t <= t), -1 if none.
    int narrationAt(TimeUs t) const;
    // The kill an event belongs to (index into kills), -1 for none: the kill's own events carry
    // it; a client error is the kill's when it is the one the kill caused; a rollback, statement
    // end, socket close or thread end on the victim's lane while the kill is under way is the
    // kill's.
    int killOfEvent(const Event &e) const;
};

} // namespace ks::sim
