#include "engine.h"

#include "clientrules.h"
#include "eventqueue.h"
#include "flavor.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <queue>
#include <set>
#include <string_view>
#include <unordered_map>

namespace ks::sim {

Action makeKillAction(TimeUs at, int64_t processlistId, KillType type, KillMode mode)
{
    Action a;
    a.at = at;
    a.kind = ActionKind::Kill;
    a.kill.type = type;
    a.kill.mode = mode;
    a.kill.target = KillSpec::Target::Id;
    a.kill.id = processlistId;
    return a;
}

Action makeSetAction(TimeUs at, const std::string &name, double value)
{
    Action a;
    a.at = at;
    a.kind = ActionKind::Set;
    a.name = name;
    a.value = value;
    return a;
}

namespace {

// Small fixed costs of the server and the client, in microseconds. They only shape the picture
// (a KILL returns "at once" = after these few microseconds).
constexpr TimeUs kKillStatementUs = 20;
constexpr TimeUs kSmallStatementUs = 50;
constexpr TimeUs kCommitUs = 100;
constexpr TimeUs kRehashPerTableUs = 200;
// os_thread_sleep() ends up in nanosleep(); with the default 50 us timer slack a shorter sleep
// does not happen, so the adaptive delay can shrink but a waiter never spins faster than this.
constexpr TimeUs kMinQueueSleepUs = 50;
constexpr DurationNs kMaxRowCostNs = Engine::kMaxRowCostNs;
// Where a product or a sum of scenario numbers would overflow (a billion rows at a second each,
// petabytes through the I/O device), the time saturates here: far beyond Engine::kMaxUntil, so
// such an event never happens in a run, and no arithmetic on it overflows.
constexpr int64_t kNeverNs = std::numeric_limits<int64_t>::max() / 4;
constexpr TimeUs kNeverUs = kNeverNs / 1000;

// Lets the intern table be searched with a string_view: the lookup of an already interned
// string (nearly every lookup) then allocates nothing.
struct StringHash
{
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

TimeUs ceilDivNsToUs(int64_t ns)
{
    return ns >= 0 ? (ns + 999) / 1000 : -((-ns) / 1000);
}

// startNs + n * costNs, saturating at kNeverNs (n, costNs >= 0; startNs <= kNeverNs).
int64_t endNs(int64_t startNs, int64_t n, int64_t costNs)
{
    int64_t span = 0;
    if (__builtin_mul_overflow(n, costNs, &span) || span > kNeverNs - startNs)
        return kNeverNs;
    return startNs + span;
}

// a + b for times >= 0, saturating at kNeverUs.
TimeUs addUs(TimeUs a, TimeUs b)
{
    return a > kNeverUs - b ? kNeverUs : a + b;
}

// A double number of nanoseconds (or microseconds) as an integer, rounded, saturating at `cap`:
// a float-to-integer conversion out of range is undefined behaviour.
int64_t roundSat(double v, int64_t cap)
{
    if (!(v < double(cap))) // also NaN
        return cap;
    return v <= 0 ? 0 : int64_t(v + 0.5);
}

enum class EvKind : uint8_t {
    ClientConnect,
    ClientSend,
    ClientCtrlC,
    ClientStop,
    ClientResume,
    SetGlobal,
    OperatorKill,
    WorkDone,     // the current timed work item of a conn ended
    LoopEnd,
    LoopNotice,   // arg = row boundary index (rows done at the notice)
    LoopBlock,    // arg = rows done when the write blocks
    NoticeNow,
    QueueWake,
    LockTimeout,
    LockRetry,    // a row lock this conn waited for was released
    StmtTimeout,  // arg = statement serial
    NetWriteTimeout,
};

// 32 bytes, so that a node's four children span two cache lines. The kind rides in the low byte
// of seq: sequence numbers are unique, so (t, seq) orders events exactly as (t, sequence number).
struct QEvent
{
    TimeUs t;
    uint64_t seq; // sequence number << 8 | EvKind
    int64_t arg;
    uint32_t target;
    uint32_t gen;

    EvKind kind() const { return EvKind(seq & 0xff); }
};
static_assert(sizeof(QEvent) == 32);

// FIFO lanes of the event queue (see eventqueue.h).
enum QueueLane : size_t { LaneNow, LaneQueueWake, kQueueLanes };
using EventQueue = LanedEventQueue<QEvent, kQueueLanes>;

enum class Activity : uint8_t {
    None, Connecting, Cpu, MdlWait, LockWait, Queue, Loop, Blocked, Sleep, Io, Dd, Idle, Rollback, Cleanup, Commit, Gone
};

enum class WK : uint8_t {
    Connect,       // handshake
    ConnReady,     // tell the client
    Rehash,        // idx = table index; MDL SR + a little CPU, as COM_FIELD_LIST
    RehashRelease, // release the statement MDL after the rehash
    Step,          // idx = step index in the current statement
    BeginTrx,
    CommitTrx,
    RollbackTrx,
    KillExec,
    StmtSuccess,   // the statement passed its last check point
    Commit,        // autocommit commit
    TempCleanup,
    StmtRollback,
    EndTrxIfAutocommit,
    Reply,
    Disconnect,
    TrxRollback,
    Gone,
    Quit,
    Cpu,           // idx = duration in us (a statement without steps)
    HelperKill,    // Ctrl+C helper connection sends its KILL
    OperatorKill,  // idx = action index
};

struct Work
{
    WK kind;
    int32_t idx = 0;
};

struct UndoChunk
{
    int64_t rows = 0;
    DurationNs cpuNs = 1;
    int64_t ioBytesPerRow = 0;
};

struct TempFile
{
    int64_t bytes = 0;
    TimeUs deleteUs = 0;
};

struct MdlHold
{
    StringId table;
    MdlMode mode;
    int lockInterval;
};

// A server thread (THD) plus the bits of its transaction and of the statement it runs.
// Invariants: killPending implies killed != None; at most one of (waitingLockKey,
// mdlWaitTable, inQueue) is set; undoRows == sum of undo[].rows.
struct Conn
{
    // The fields every InnoDB queue poll reads come first, in one cache line: with thousands of
    // queued threads a poll otherwise costs several cache misses.
    int lane = -1;
    uint32_t gen = 0;
    bool alive = true;
    bool killPending = false;      // flag set, not yet noticed
    Killed killed = Killed::None;
    Activity activity = Activity::None;
    int queueSleeps = 0;

    int64_t id = 0;
    int session = -1;
    int client = -1;        // client index (sessions), -1 for helper/operator/daemon
    std::string user;
    uint8_t privileges = 0;
    ClientKind clientKind = ClientKind::App;
    bool daemon = false;
    bool isOperator = false;
    bool autocommit = true;

    bool socketClosed = false;
    bool clientGone = false; // the client process exited without telling the server
    bool serverIdle = false;
    bool hidden = false;

    // processlist
    Command command = Command::Connect;
    StringId stateStr = 0;
    StringId infoStr = 0;
    StringId trxOpStr = 0;
    TrxState trxState = TrxState::None;
    TimeUs timeBase = 0;
    uint64_t queryId = 0;

    // kill (killed, killPending: see the top)
    bool hard = true;
    std::vector<int> pendingKills; // kill records not yet noticed
    std::vector<int> activeKills;  // noticed, statement/connection not yet finished
    bool ddImmune = false;
    Killed savedKill = Killed::None;
    bool savedHard = true;
    std::vector<int> savedKills;

    // statement
    const Statement *stmt = nullptr;
    int stmtIndex = -1;
    uint32_t stmtSerial = 0;
    TimeUs stmtStart = 0;
    bool resultDecided = false;
    int replyCode = 0;
    int64_t affected = 0;
    std::string replyArg;
    int killReplyRows = -1;        // KILL USER: rows affected
    std::vector<Work> work;
    size_t workPos = 0;
    // Rows step state
    int rowsPhase = 0;             // 0 admission, 1 locks, 2 loop
    size_t lockIdx = 0;
    bool needReseat = false;
    int64_t loopDone = 0;
    int64_t loopStartNs = 0;
    DurationNs loopCostNs = 1;
    int64_t loopBase = 0;          // rows done when the current loop run started
    int64_t loopCount = 0;
    bool loopModify = false;
    int64_t loopTrxBase = 0;       // undo rows when the current loop run started
    int64_t stmtRowsSent = 0;
    int waitingLockKey = -1;
    int waitingLockInterval = -1;
    TimeUs lockWaitStart = 0;
    // rollback state
    int64_t rbRemaining = 0;       // rows in the current chunk still to undo
    int rollbackRecord = -1;
    bool rbWholeTrx = false;
    int64_t rbStopAt = 0;          // undo rows when the rollback ends
    // admission
    bool hasSeat = false;
    bool inQueue = false;
    // trx
    bool inTrx = false;            // explicit transaction open
    std::vector<UndoChunk> undo;
    int64_t undoRows = 0;
    int64_t stmtUndoMark = 0;
    std::vector<int> rowLocks;     // lock table indices held
    std::vector<int> rowLockIntervals;
    std::vector<MdlHold> mdl;
    std::vector<TempFile> tempFiles;
    int mdlWaitTable = -1;
    int mdlWaitInterval = -1;
    MdlMode mdlWaitMode = MdlMode::SharedRead;
    // Ctrl+C helper: who it kills
    int helperFor = -1;            // client index
    KillType helperKillType = KillType::Query;
    int helperPress = 0;

    // open lane segment
    LaneSegment seg;
    bool segOpen = false;
};

struct Client
{
    int session = -1;
    ClientRules rules{ClientKind::App, Flavor::MySql80};
    int conn = -1;
    size_t nextStmt = 0;
    bool busy = false;
    bool connecting = false;
    bool reading = true;
    bool exited = false;
    bool knowsDead = false;    // it saw 2013 / it will reconnect on the next statement
    int ctrlC = 0;             // presses for the current statement
    TimeUs stmtSentAt = 0;
    TimeUs lastDone = 0;
    bool scheduled = false;
    std::vector<std::pair<std::string, ClientState>> pending; // lines held while paused
    // While a Ctrl+C handler runs (the helper connection sends its KILL), the main thread's
    // output waits: the handler's lines come first, then e.g. the 2013 of the interrupted read.
    int hold = 0;
    std::vector<std::pair<std::string, ClientState>> held;
    int pendingStmt = -1;      // statement to send once reconnected
    ClientSegment seg;
    int segLane = -1;
};

struct RowLock
{
    int holder = -1; // conn
    bool all = false; // "table:*"
    std::deque<int> waiters;
    // (the "table:*" entry or -1, the other entries of that table)
    std::pair<int, std::vector<int>> *table = nullptr;
};

struct MdlLock
{
    // Granted locks are counted per mode (thousands of DML statements may share a table; the
    // holders themselves are known from Conn::mdl). Waiters keep their FIFO order.
    std::array<int, 4> granted{};
    int waitingExclusive = 0;
    std::deque<std::pair<int, MdlMode>> waiters;
};

bool mdlCompatible(MdlMode req, MdlMode held)
{
    // The subset of MySQL's MDL matrix that DML and ALTER use.
    if (req == MdlMode::Exclusive || held == MdlMode::Exclusive)
        return false;
    if (req == MdlMode::SharedUpgradable && held == MdlMode::SharedUpgradable)
        return false;
    return true;
}

// A one-entry memo in front of Sim::intern() for a call site that nearly always sees the same
// text (every DML statement's MDL step names the same few tables).
struct InternCache
{
    std::string text;
    StringId id = 0;
    bool valid = false;
};

// One simulation run. Everything is single-threaded and driven by one priority queue ordered
// by (time, sequence number), which is what makes runs reproducible to the byte.
//
// Invariants:
// - m_now only grows; an event scheduled for "now" runs after the events already queued for now;
// - a Conn's scheduled events carry its generation (gen); bumping gen cancels them all, so at most
//   one continuation of a thread is live at any time (timeouts are separate and re-checked);
// - every lock grant is recorded as a LockInterval, every release closes it;
// - no Conn& is held across newConn() (m_conns may reallocate).
class Sim
{
public:
    Sim(const Scenario &sc, const RunOptions &opt)
        : m_sc(sc)
        , m_flavor(opt.flavor.value_or(sc.defaultFlavor))
        , m_rules(m_flavor)
        , m_cfg(sc.server)
    {
        m_until = opt.until ? opt.until : sc.until;
        if (m_until)
            m_until = std::clamp<TimeUs>(*m_until, 0, Engine::kMaxUntil);
        m_maxEvents = opt.maxEvents;
        m_res.flavor = m_flavor;
        m_res.scenario.id = sc.id;
        m_res.scenario.titleEn = sc.title.en;
        m_res.scenario.titleZh = sc.title.zh_CN;
        m_res.strings.push_back(std::string());
        m_nextId = m_cfg.firstConnectionId;
        m_sleepDelay = m_cfg.innodbThreadSleepDelayUs;
        m_concurrency = m_rules.hasAdmissionQueue() ? m_cfg.innodbThreadConcurrency : 0;
    }

    RunResult run();

private:
    const Scenario &m_sc;
    Flavor m_flavor;
    FlavorRules m_rules;
    ServerConfig m_cfg;
    std::optional<TimeUs> m_until;
    uint64_t m_maxEvents = 0;
    RunResult m_res;
    TimeUs m_now = 0;
    uint64_t m_seq = 0;
    EventQueue m_queue;
    std::vector<Conn> m_conns;
    std::vector<Client> m_clients;
    std::unordered_map<std::string, StringId, StringHash, std::equal_to<>> m_intern;
    std::vector<int> m_rowLockOfString; // StringId of a row-lock key -> m_rowLocks index, -1 none
    std::vector<RowLock> m_rowLocks;
    std::unordered_map<std::string, std::pair<int, std::vector<int>>> m_rowLockTables;
    std::unordered_map<StringId, MdlLock> m_mdl;
    std::vector<MdlLock *> m_mdlOfString; // StringId -> its m_mdl entry (nodes do not move)
    std::map<int64_t, int> m_idToConn;
    std::set<int64_t> m_reservedIds; // explicit session ids (see allocId)
    int64_t m_nextId = 10;
    uint64_t m_nextQueryId = 100;
    int m_operator = -1;
    TimeUs m_ioBusyUntil = 0;
    // admission queue
    int m_concurrency = 0;
    int m_active = 0;
    int m_waiting = 0;
    TimeUs m_sleepDelay = 10'000;
    TimeUs m_lastActivity = 0;
    std::vector<std::string> m_notesDone;
    std::vector<Step> m_rehashSteps;
    std::array<StringId, 32> m_stageIds{};
    std::unordered_map<const char *, StringId> m_literals;
    StringId m_emptyId = 0;
    // Per session: the statement whose text was interned last, and its id (a statement's text is
    // asked for when the client sends it and again when the server starts it).
    std::vector<std::pair<int, StringId>> m_lastSqlId;
    InternCache m_mdlTableCache;
    std::array<InternCache, 4> m_sqlMemo;
    size_t m_sqlMemoNext = 0;

    // ---- utilities --------------------------------------------------------------------------
    StringId intern(std::string_view s)
    {
        if (s.empty())
            return internEmpty();
        auto it = m_intern.find(s);
        if (it != m_intern.end())
            return it->second;
        const auto id = StringId(m_res.strings.size());
        m_res.strings.emplace_back(s);
        m_intern.emplace(std::string(s), id);
        return id;
    }
    StringId internCached(InternCache &cache, const std::string &s)
    {
        if (cache.valid && cache.text == s)
            return cache.id;
        cache.id = intern(s);
        cache.text = s;
        cache.valid = true;
        return cache.id;
    }
    StringId internEmpty()
    {
        // Id 0 is NULL; an empty-but-not-NULL string gets its own id.
        if (m_emptyId == 0) {
            m_emptyId = StringId(m_res.strings.size());
            m_res.strings.emplace_back();
        }
        return m_emptyId;
    }

    void schedule(TimeUs t, EvKind kind, uint32_t target, uint32_t gen, int64_t arg = 0)
    {
        const size_t lane = t == m_now ? LaneNow : kind == EvKind::QueueWake ? LaneQueueWake : kQueueLanes;
        m_queue.push(QEvent{t, (m_seq++ << 8) | uint64_t(kind), arg, target, gen}, lane);
    }
    void scheduleConn(Conn &c, TimeUs t, EvKind kind, int64_t arg = 0)
    {
        schedule(t, kind, uint32_t(&c - m_conns.data()), c.gen, arg);
    }
    int connIndex(const Conn &c) const { return int(&c - m_conns.data()); }

    void event(EventType type, int lane, int64_t a = 0, int64_t b = 0)
    {
        Event e;
        e.t = m_now;
        e.lane = lane;
        e.type = type;
        e.a = a;
        e.b = b;
        m_res.events.push_back(e);
    }

    void note(const std::string &key, const std::string &en, const std::string &zh)
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

    // Interned processlist stage for `key` in this flavor (cached: asked for on every step).
    StringId stageId(StageKey key)
    {
        StringId &id = m_stageIds[size_t(key)];
        if (id == 0)
            id = intern(m_rules.stage(key));
        return id;
    }
    StringId stageId(const Step *step, StageKey key)
    {
        if (step)
            if (const std::string *text = step->stage.forFlavor(m_flavor))
                return intern(*text);
        return stageId(key);
    }
    // The statement text of session s, statement i, interned.
    StringId sqlId(int session, int stmt)
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
    // Interned string literal, cached by address.
    StringId lit(const char *s)
    {
        auto it = m_literals.find(s);
        if (it != m_literals.end())
            return it->second;
        const StringId id = intern(s);
        m_literals.emplace(s, id);
        return id;
    }

    // ---- lanes and processlist --------------------------------------------------------------
    uint8_t laneFlags(const Conn &c) const
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

    int32_t clampRows(int64_t v) const { return v > INT32_MAX ? INT32_MAX : int32_t(v); }

    void closeSeg(Conn &c, int64_t rowsEnd = -1)
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
                if (p.end == c.seg.start && p.state == c.seg.state && p.flags == c.seg.flags && p.detail == c.seg.detail
                    && p.checkNs == c.seg.checkNs && p.checkNs <= 0 && p.rowsStart == -1 && c.seg.rowsStart == -1) {
                    p.end = c.seg.end;
                    c.segOpen = false;
                    return;
                }
            }
            segs.push_back(c.seg);
        }
        c.segOpen = false;
    }

    void openSeg(Conn &c, LaneState state, StringId detail, int32_t checkNs = -1, int32_t checkFirstNs = 0, int64_t rowsStart = -1,
                 uint8_t extraFlags = 0)
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
    int64_t currentSegRows(const Conn &c) const
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
    void refreshFlags(Conn &c)
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

    void pushPl(Conn &c)
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
        if (c.activity == Activity::Loop && !c.loopModify && c.stmt && c.stmt->kind == StatementKind::Ddl) {
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
            if (b.command == r.command && b.killed == r.killed && b.hard == r.hard && b.visible == r.visible && b.trxState == r.trxState
                && b.state == r.state && b.info == r.info && b.trxOp == r.trxOp && b.timeBase == r.timeBase && b.queryId == r.queryId
                && b.rowsDir == 0 && r.rowsDir == 0 && b.rowsBase == r.rowsBase)
                return; // nothing visible changed
            if (b.t == m_now) {
                pl.back() = r;
                return;
            }
        }
        pl.push_back(r);
    }

    // ---- connections ------------------------------------------------------------------------
    int newConn(int session, int64_t id, const std::string &label, ClientKind kind, const std::string &user, const std::string &host,
                const std::string &db, uint8_t privileges)
    {
        Conn c;
        c.lane = int(m_res.lanes.size());
        c.id = id;
        c.session = session;
        c.user = user;
        c.privileges = privileges;
        c.clientKind = kind;
        Lane lane;
        lane.index = c.lane;
        lane.processlistId = id;
        lane.session = session;
        lane.sessionName = session >= 0 ? m_sc.sessions[size_t(session)].name : std::string();
        lane.label = label;
        lane.user = user;
        lane.host = host;
        lane.db = db;
        lane.client = kind;
        lane.order = c.lane;
        lane.createdAt = m_now;
        if (session >= 0) {
            // About three segments and records per statement: avoid regrowing thousands of vectors.
            const size_t n = m_sc.sessions[size_t(session)].statements.size();
            lane.segments.reserve(4 + n * 3);
            lane.processlist.reserve(4 + n * 4);
            lane.clientSegments.reserve(4 + n * 2);
        }
        m_res.lanes.push_back(std::move(lane));
        m_conns.push_back(std::move(c));
        m_idToConn[id] = int(m_conns.size() - 1);
        return int(m_conns.size() - 1);
    }

    // A session's explicit id is reserved for it from the start of the run: no automatic id
    // (a session without an id, a reconnect, a Ctrl+C helper) ever takes it, so `KILL <id>` hits
    // the session the scenario gave that id (the validator rejects static clashes).
    int64_t allocId(std::optional<int64_t> wanted)
    {
        if (wanted && !m_idToConn.count(*wanted)) {
            m_nextId = std::max(m_nextId, *wanted + 1);
            return *wanted;
        }
        while (m_idToConn.count(m_nextId) || m_reservedIds.count(m_nextId))
            ++m_nextId;
        return m_nextId++;
    }

    // ---- work list --------------------------------------------------------------------------
    // Work lists are rebuilt for every statement: reuse the conn's buffer.
    void setWork(Conn &c, std::initializer_list<Work> w)
    {
        c.work.assign(w);
        c.workPos = 0;
    }
    std::vector<Work> &beginWork(Conn &c)
    {
        c.work.clear();
        c.workPos = 0;
        return c.work;
    }

    void finishWork(Conn &c)
    {
        ++c.workPos;
        advance(c);
    }

    void advance(Conn &c);
    void startStep(Conn &c, const Step &step);
    void rowsContinue(Conn &c, const Step &step);
    void startLoop(Conn &c, const Step &step);
    void stopLoop(Conn &c, int64_t rowsDone);
    int64_t loopRowsAt(const Conn &c, TimeUs t) const
    {
        const int64_t elapsed = t * 1000 - c.loopStartNs;
        int64_t n = elapsed <= 0 ? 0 : elapsed / c.loopCostNs;
        return std::min(c.loopCount, c.loopBase + n);
    }
    int64_t rollbackRemainingAt(const Conn &c, TimeUs t) const
    {
        const int64_t elapsed = t * 1000 - c.loopStartNs;
        int64_t n = elapsed <= 0 ? 0 : elapsed / c.loopCostNs;
        n = std::min(n, c.rbRemaining);
        return c.undoRows - n;
    }
    DurationNs ioNsPerRow(int64_t bytes) const
    {
        if (bytes <= 0)
            return 0;
        const double ns = double(bytes) * 1e9 / double(m_cfg.ioBandwidth) * (1.0 + m_cfg.ioPressure);
        return roundSat(ns, kNeverNs);
    }
    TimeUs ioRequest(int64_t bytes)
    {
        const TimeUs service = ceilDivNsToUs(ioNsPerRow(bytes));
        const TimeUs start = std::max(m_now, m_ioBusyUntil);
        m_ioBusyUntil = addUs(start, service);
        return m_ioBusyUntil;
    }

    void startStatement(Conn &c, int stmtIndex);
    void succeedStatement(Conn &c);
    void abortStatement(Conn &c, int code, bool connectionEnds);
    void notice(Conn &c);
    void wake(Conn &c);
    void startRollback(Conn &c, bool wholeTrx, StageKey stage);
    void rollbackNextChunk(Conn &c);
    void releaseTrx(Conn &c);
    void releaseSeat(Conn &c);
    void grantRowLocks(int lockIdx);
    int rowLockEntry(StringId key, const std::string &text);
    int rowLockConflict(int li, int me) const;
    void grantMdl(StringId table);
    // m_mdl[table] (created on first use), without hashing on every statement.
    MdlLock &mdlLock(StringId table)
    {
        if (table < m_mdlOfString.size() && m_mdlOfString[table])
            return *m_mdlOfString[table];
        MdlLock &l = m_mdl[table];
        if (table >= m_mdlOfString.size())
            m_mdlOfString.resize(std::max<size_t>(table + 1, m_mdlOfString.size() * 2), nullptr);
        m_mdlOfString[table] = &l;
        return l;
    }
    bool tryMdl(Conn &c, StringId table, MdlMode mode, bool enqueue);
    bool mdlGrantable(const MdlLock &l, const Conn &c, StringId table, MdlMode mode, int exclusiveAhead) const;
    void reply(Conn &c);
    void goIdle(Conn &c);
    void goGone(Conn &c);
    void closeSocket(Conn &c);

    // kills
    int executeKill(Conn &killer, const KillSpec &spec, KillSource source, const std::string &label, int &rowsAffected);

    // The killer's own KILL statement: a short Query that sets the victim's flag and returns at
    // once (reference §9.1). `info` gives its Info text, read after the kill was carried out.
    template<class InfoFn>
    void runKillStatement(Conn &c, const KillSpec &spec, KillSource source, InfoFn info)
    {
        c.serverIdle = false;
        c.command = Command::Query;
        c.timeBase = m_now;
        c.activity = Activity::Cpu;
        c.stateStr = stageId(StageKey::KillStatement);
        int rows = -1;
        c.replyCode = executeKill(c, spec, source, std::string(), rows);
        c.infoStr = intern(info());
        openSeg(c, LaneState::Running, c.infoStr);
        pushPl(c);
        scheduleConn(c, m_now + kKillStatementUs, EvKind::WorkDone);
    }
    bool awake(Conn &victim, Killed k, bool hard, int killIdx, bool self);
    std::string killLabel(const KillSpec &spec, int64_t resolvedId) const;

    // clients
    void clientLine(Client &cl, const std::string &text, ClientState after, bool bypassHold = false);
    void flushHeld(Client &cl);
    // The victim's client shows a 2013 now: record it in the kills aimed at that lane.
    void markClientError(int lane, int code)
    {
        for (KillRecord &kr : m_res.kills) {
            if (kr.victimLane == lane && kr.clientError < 0 && kr.result == 0 && kr.issued <= m_now
                && (kr.type == KillType::Connection || kr.outcome == KillOutcome::Pending || kr.noticed < 0 || kr.finished >= m_now)) {
                kr.clientError = m_now;
                kr.clientErrorCode = code;
            }
        }
    }
    void clientState(Client &cl, ClientState st, const std::string &text);
    void clientStateId(Client &cl, ClientState st, StringId text);
    void clientConnect(Client &cl, bool reconnect);
    void clientReady(Client &cl);
    void clientScheduleNext(Client &cl);
    void clientSend(Client &cl, size_t stmt);
    void clientResult(Client &cl, Conn &c);
    void clientLost(Client &cl);
    void clientCtrlC(Client &cl);
    void handle(const QEvent &e);
    void applySet(const Action &a);
    void rerateLoops();
    void finalize();
    void resolveNarration();

    bool killNoticeable(const Conn &c) const { return c.killed != Killed::None && c.killPending; }
    const Step *currentStep(const Conn &c) const
    {
        if (c.workPos < c.work.size() && c.work[c.workPos].kind == WK::Step && c.stmt)
            return &c.stmt->steps[size_t(c.work[c.workPos].idx)];
        if (c.workPos < c.work.size() && c.work[c.workPos].kind == WK::Rehash)
            return &m_rehashSteps[size_t(c.work[c.workPos].idx)];
        return nullptr;
    }
};

// ============================================================================================
// Work items
// ============================================================================================

void Sim::advance(Conn &c)
{
    while (c.alive && c.workPos < c.work.size()) {
        const Work w = c.work[c.workPos];
        switch (w.kind) {
        case WK::Connect:
            c.activity = Activity::Connecting;
            c.command = Command::Connect;
            c.stateStr = lit("login");
            c.infoStr = 0;
            c.timeBase = m_now;
            openSeg(c, LaneState::Connecting, lit("connect"));
            pushPl(c);
            scheduleConn(c, m_now + m_cfg.connectTimeUs, EvKind::WorkDone);
            return;
        case WK::ConnReady:
            event(EventType::Connect, c.lane, c.id);
            if (c.helperFor >= 0) {
                setWork(c, {{WK::HelperKill}, {WK::Reply}});
                continue;
            }
            goIdle(c);
            if (c.client >= 0)
                clientReady(m_clients[size_t(c.client)]);
            return;
        case WK::Cpu:
            c.activity = Activity::Cpu;
            c.stateStr = stageId(StageKey::Starting);
            openSeg(c, LaneState::Running, c.stateStr);
            pushPl(c);
            scheduleConn(c, m_now + w.idx, EvKind::WorkDone);
            return;
        case WK::HelperKill: {
            Client &owner = m_clients[size_t(c.helperFor)];
            KillSpec spec;
            spec.type = c.helperKillType;
            spec.target = KillSpec::Target::Id;
            spec.id = owner.conn >= 0 ? m_conns[size_t(owner.conn)].id : 0;
            runKillStatement(c, spec, KillSource::CtrlC, [&] { return killLabel(spec, spec.id); });
            return;
        }
        case WK::OperatorKill:
            runKillStatement(c, m_sc.actions[size_t(w.idx)].kill, KillSource::Operator, [&] {
                return m_res.kills.empty() ? std::string("KILL") : m_res.kills.back().statement;
            });
            return;
        case WK::Rehash: {
            const Step &s = m_rehashSteps[size_t(w.idx)];
            c.command = Command::FieldList;
            c.infoStr = intern(s.table);
            c.serverIdle = false;
            c.timeBase = m_now;
            if (!tryMdl(c, intern(s.table), MdlMode::SharedRead, true)) {
                c.activity = Activity::MdlWait;
                c.stateStr = stageId(StageKey::MdlWait);
                openSeg(c, LaneState::MdlWait, intern("auto-rehash: " + s.table), 0);
                pushPl(c);
                event(EventType::MdlWait, c.lane, 0, int64_t(intern(s.table)));
                note("rehash-mdl",
                     "the mysql client's auto-rehash opens every table at start, so it waits here for the metadata lock (inferred from "
                     "the client code, not seen live). Start the client with -A to skip it.",
                     "mysql 客户端启动时的 auto-rehash 会打开每张表，因此在这里等待元数据锁（由客户端代码推断，未实测）。用 -A 启动可跳过。");
                return;
            }
            c.activity = Activity::Cpu;
            c.stateStr = lit("Opening tables");
            openSeg(c, LaneState::Connecting, intern("auto-rehash: " + s.table));
            pushPl(c);
            scheduleConn(c, m_now + kRehashPerTableUs, EvKind::WorkDone);
            return;
        }
        case WK::RehashRelease:
            releaseTrx(c);
            ++c.workPos;
            continue;
        case WK::Step: {
            const Step &s = c.stmt->steps[size_t(w.idx)];
            startStep(c, s);
            return;
        }
        case WK::BeginTrx:
            // BEGIN commits an open transaction first (implicit commit).
            releaseTrx(c);
            c.inTrx = true;
            ++c.workPos;
            continue;
        case WK::CommitTrx:
        case WK::Commit:
            c.activity = Activity::Commit;
            c.stateStr = stageId(StageKey::Commit);
            if (c.trxState != TrxState::None)
                c.trxState = TrxState::Committing;
            openSeg(c, LaneState::Running, lit("commit"));
            pushPl(c);
            scheduleConn(c, m_now + kCommitUs, EvKind::WorkDone);
            return;
        case WK::RollbackTrx:
            if (c.undoRows > 0) {
                startRollback(c, true, StageKey::StatementRollback);
                return;
            }
            releaseTrx(c);
            ++c.workPos;
            continue;
        case WK::KillExec: {
            c.activity = Activity::Cpu;
            c.stateStr = stageId(StageKey::KillStatement);
            openSeg(c, LaneState::Running, c.stmt ? intern(c.stmt->sql) : lit("KILL"));
            pushPl(c);
            int rows = -1;
            KillSpec spec = c.stmt->kill;
            c.replyCode = executeKill(c, spec, KillSource::Statement, c.stmt->sql, rows);
            c.killReplyRows = rows;
            if (!c.alive)
                return;
            scheduleConn(c, m_now + kKillStatementUs, EvKind::WorkDone);
            return;
        }
        case WK::StmtSuccess:
            succeedStatement(c);
            return;
        case WK::TempCleanup:
            if (c.tempFiles.empty()) {
                ++c.workPos;
                continue;
            }
            {
                // Deletion of big files is I/O (ext4 frees extents); it queues on the device.
                TimeUs end = m_now;
                for (const TempFile &f : c.tempFiles) {
                    const TimeUs service =
                        roundSat(double(f.deleteUs) * (1.0 + m_cfg.ioPressure), kNeverUs);
                    const TimeUs start = std::max(end, m_ioBusyUntil);
                    end = addUs(start, service);
                    m_ioBusyUntil = end;
                }
                c.tempFiles.clear();
                c.activity = Activity::Cleanup;
                c.stateStr = stageId(StageKey::RemoveTmp);
                openSeg(c, LaneState::Cleanup, lit("delete temporary files"));
                pushPl(c);
                event(EventType::TempFileDelete, c.lane);
                scheduleConn(c, end, EvKind::WorkDone);
                return;
            }
        case WK::StmtRollback:
            if (c.undoRows > c.stmtUndoMark) {
                if (isMySql(m_flavor) && c.killed == Killed::Connection)
                    note("mysql-query-end",
                         "MySQL has no rollback stage, so a killed statement is expected to show Killed | query end while it rolls back "
                         "(derived from sql_parse.cc, not observed on a live MySQL server).",
                         "MySQL 没有回滚阶段，所以被杀的语句回滚时预计显示 Killed | query end（由 sql_parse.cc 推导，未在真实 MySQL 上观察）。");
                startRollback(c, false, StageKey::StatementRollback);
                return;
            }
            ++c.workPos;
            continue;
        case WK::EndTrxIfAutocommit:
            if (!c.inTrx && c.autocommit)
                releaseTrx(c);
            else if (c.undoRows == 0 && c.rowLocks.empty() && c.trxState != TrxState::None)
                c.trxState = TrxState::Running;
            ++c.workPos;
            continue;
        case WK::Reply:
            ++c.workPos;
            reply(c);
            return;
        case WK::Disconnect:
            c.serverIdle = false;
            c.activity = Activity::Cleanup;
            c.infoStr = 0;
            if (m_rules.hidesDisconnectRollback() && !c.hidden) {
                c.hidden = true;
                if (c.undoRows > 0)
                    note("mysql-hidden-rollback",
                         "MySQL clears net.vio before the disconnect-time rollback, so this thread most likely vanishes from SHOW "
                         "PROCESSLIST while it still rolls back and holds its locks (INNODB_TRX still shows it).",
                         "MySQL 在断开连接时的回滚之前就清空了 net.vio，所以这个线程很可能在回滚、仍持有锁的时候就从 SHOW PROCESSLIST "
                         "中消失了（INNODB_TRX 里仍能看到）。");
            }
            if (c.command == Command::Sleep && c.killed == Killed::None)
                c.command = Command::Quit;
            c.stateStr = stageId(StageKey::Cleanup);
            pushPl(c);
            ++c.workPos;
            continue;
        case WK::TrxRollback:
            if (c.undoRows > 0) {
                startRollback(c, true, StageKey::TrxRollback);
                return;
            }
            ++c.workPos;
            continue;
        case WK::Gone:
            goGone(c);
            return;
        case WK::Quit:
            ++c.workPos;
            c.work = {{WK::Disconnect}, {WK::TrxRollback}, {WK::Gone}};
            c.workPos = 0;
            continue;
        }
    }
}

void Sim::startStep(Conn &c, const Step &s)
{
    switch (s.op) {
    case StepOp::Cpu: {
        c.activity = Activity::Cpu;
        const bool first = c.workPos == 0;
        c.stateStr = stageId(&s, first ? StageKey::Starting : StageKey::OpeningTables);
        openSeg(c, LaneState::Running, c.stateStr);
        pushPl(c);
        scheduleConn(c, m_now + s.durationUs, EvKind::WorkDone);
        return;
    }
    case StepOp::Dd: {
        c.activity = Activity::Dd;
        c.stateStr = stageId(&s, StageKey::DdCommit);
        if (m_rules.ddDefersKill()) {
            c.ddImmune = true;
            // A kill already pending is saved by the immunizer on entry (it resets killed).
            if (c.killed != Killed::None && c.killPending) {
                c.savedKill = c.killed;
                c.savedHard = c.hard;
                c.savedKills = c.pendingKills;
                c.pendingKills.clear();
                c.killed = Killed::None;
                c.killPending = false;
            }
            openSeg(c, LaneState::DdImmune, c.stateStr);
        } else {
            openSeg(c, LaneState::Running, c.stateStr);
        }
        pushPl(c);
        scheduleConn(c, m_now + s.durationUs, EvKind::WorkDone);
        return;
    }
    case StepOp::Sleep:
        c.activity = Activity::Sleep;
        c.stateStr = stageId(&s, StageKey::UserSleep);
        openSeg(c, LaneState::UserSleep, c.stateStr, 0);
        pushPl(c);
        if (killNoticeable(c)) {
            // Item_func_sleep loops `while (!thd->killed)`: a pending kill ends it before it starts.
            scheduleConn(c, m_now, EvKind::NoticeNow);
            return;
        }
        scheduleConn(c, m_now + s.durationUs, EvKind::WorkDone);
        return;
    case StepOp::Mdl: {
        const StringId table = internCached(m_mdlTableCache, s.table);
        if (tryMdl(c, table, s.mdlMode, true)) {
            finishWork(c);
            return;
        }
        c.activity = Activity::MdlWait;
        c.stateStr = stageId(&s, StageKey::MdlWait);
        openSeg(c, LaneState::MdlWait, intern("MDL " + s.table), 0);
        pushPl(c);
        event(EventType::MdlWait, c.lane, 0, int64_t(table));
        if (killNoticeable(c))
            scheduleConn(c, m_now, EvKind::NoticeNow);
        return;
    }
    case StepOp::TempFile:
    case StepOp::Io: {
        c.activity = Activity::Io;
        c.stateStr = stageId(&s, s.op == StepOp::TempFile ? StageKey::SortTempFile : StageKey::SelectRows);
        const TimeUs end = ioRequest(s.bytes);
        openSeg(c, LaneState::IoWait, lit(s.op == StepOp::TempFile ? "write temporary file" : "I/O"), -1, 0, -1, FlagIoBound);
        pushPl(c);
        if (s.op == StepOp::TempFile) {
            c.tempFiles.push_back({s.bytes, s.deleteUs});
            event(EventType::TempFileCreate, c.lane, s.bytes);
        }
        scheduleConn(c, end, EvKind::WorkDone);
        return;
    }
    case StepOp::Rows:
        c.rowsPhase = 0;
        c.lockIdx = 0;
        c.needReseat = false;
        c.loopDone = 0;
        rowsContinue(c, s);
        return;
    }
}

StageKey rowsStage(const Statement *st)
{
    if (!st)
        return StageKey::SelectRows;
    switch (st->kind) {
    case StatementKind::Update: return StageKey::UpdateRows;
    case StatementKind::Delete: return StageKey::DeleteRows;
    case StatementKind::Insert: return StageKey::InsertRows;
    case StatementKind::Ddl: return StageKey::CopyToTmp;
    default: return StageKey::SelectRows;
    }
}

void Sim::rowsContinue(Conn &c, const Step &s)
{
    c.stateStr = stageId(&s, rowsStage(c.stmt));
    if (c.trxState == TrxState::None)
        c.trxState = TrxState::Running;
    // Phase 0: the InnoDB admission queue (srv_conc_enter_innodb), MySQL only.
    if (c.rowsPhase == 0) {
        if (s.innodb && m_concurrency > 0 && !c.hasSeat) {
            if (m_active < m_concurrency) {
                ++m_active;
                c.hasSeat = true;
                event(EventType::SeatGranted, c.lane, m_active);
                if (m_cfg.innodbAdaptiveMaxSleepDelayUs > 0 && m_waiting == 0)
                    m_sleepDelay >>= 1;
            } else {
                c.activity = Activity::Queue;
                c.inQueue = true;
                c.queueSleeps = 0;
                ++m_waiting;
                c.trxOpStr = lit("sleeping before entering InnoDB");
                TimeUs sleep = m_sleepDelay;
                if (m_cfg.innodbAdaptiveMaxSleepDelayUs > 0 && sleep > m_cfg.innodbAdaptiveMaxSleepDelayUs)
                    sleep = m_sleepDelay = m_cfg.innodbAdaptiveMaxSleepDelayUs;
                sleep = std::max(sleep, kMinQueueSleepUs);
                const int32_t check = m_rules.queueChecksKill() ? int32_t(std::min<int64_t>(sleep * 1000, INT32_MAX)) : -1;
                openSeg(c, LaneState::InnodbQueue, lit("waiting for an InnoDB seat"), check, check > 0 ? check : 0);
                pushPl(c);
                event(EventType::QueueWait, c.lane, sleep);
                if (m_flavor == Flavor::MySql57)
                    note("queue-57",
                         "this 5.7 queue loop has no kill check (seen in a 2015 copy of srv0conc.cc); a later 5.7 patch release might "
                         "have added one.",
                         "这个 5.7 排队循环里没有检查 kill 标志（依据 2015 年的 srv0conc.cc 副本）；之后的 5.7 补丁版本可能加上了检查。");
                scheduleConn(c, m_now + sleep, EvKind::QueueWake);
                return;
            }
        }
        c.rowsPhase = 1;
    }
    // Phase 1: row locks, in order.
    if (c.rowsPhase == 1) {
        while (c.lockIdx < s.lockKeys.size()) {
            const std::string &keyText = s.lockKeys[c.lockIdx];
            const StringId key = intern(keyText);
            const int li = rowLockEntry(key, keyText);
            const int me = connIndex(c);
            const int conflict = rowLockConflict(li, me);
            if (conflict < 0) {
                RowLock &rl = m_rowLocks[size_t(li)];
                if (rl.holder != me) {
                    rl.holder = me;
                    c.rowLocks.push_back(li);
                    int iv = c.waitingLockInterval;
                    if (iv < 0) {
                        LockInterval l;
                        l.row = true;
                        l.key = key;
                        l.lane = c.lane;
                        l.requested = m_now;
                        m_res.locks.push_back(l);
                        iv = int(m_res.locks.size() - 1);
                    }
                    m_res.locks[size_t(iv)].granted = m_now;
                    c.rowLockIntervals.push_back(iv);
                    c.waitingLockInterval = -1;
                    event(EventType::LockGranted, c.lane, 0, int64_t(key));
                }
                c.waitingLockKey = -1;
                ++c.lockIdx;
                continue;
            }
            // Wait on the entry that conflicts. InnoDB leaves the concurrency seat before
            // suspending (srv_conc_force_exit_innodb).
            if (c.hasSeat) {
                releaseSeat(c);
                c.needReseat = true;
            }
            m_rowLocks[size_t(conflict)].waiters.push_back(me);
            c.waitingLockKey = conflict;
            if (c.activity == Activity::LockWait && c.waitingLockInterval >= 0) {
                // Woken by a release but somebody else got the row first: wait on.
                return;
            }
            LockInterval iv;
            iv.row = true;
            iv.key = key;
            iv.lane = c.lane;
            iv.requested = m_now;
            m_res.locks.push_back(iv);
            c.waitingLockInterval = int(m_res.locks.size() - 1);
            c.lockWaitStart = m_now;
            c.activity = Activity::LockWait;
            c.trxState = TrxState::LockWait;
            c.trxOpStr = lit("starting index read");
            openSeg(c, LaneState::RowLockWait, key, 0);
            pushPl(c);
            const int holder = m_rowLocks[size_t(conflict)].holder;
            event(EventType::LockWait, c.lane, holder >= 0 ? m_conns[size_t(holder)].id : 0, int64_t(key));
            scheduleConn(c, m_now + m_cfg.innodbLockWaitTimeoutUs, EvKind::LockTimeout);
            if (killNoticeable(c))
                scheduleConn(c, m_now, EvKind::NoticeNow);
            return;
        }
        if (c.needReseat) {
            c.needReseat = false;
            c.rowsPhase = 0;
            rowsContinue(c, s);
            return;
        }
        c.rowsPhase = 2;
        c.loopDone = 0;
    }
    startLoop(c, s);
}

void Sim::startLoop(Conn &c, const Step &s)
{
    c.activity = Activity::Loop;
    c.trxState = c.trxState == TrxState::LockWait ? TrxState::Running : c.trxState;
    c.trxOpStr = lit(s.modify ? "updating or deleting" : "fetching rows");
    c.loopBase = c.loopDone;
    c.loopCount = s.count;
    c.loopModify = s.modify;
    c.loopTrxBase = c.undoRows;
    const DurationNs io = ioNsPerRow(s.ioBytesPerRow);
    c.loopCostNs = std::clamp<DurationNs>(s.perRowNs + io, 1, kMaxRowCostNs);
    c.loopStartNs = m_now * 1000;
    const int64_t remaining = c.loopCount - c.loopBase;
    const int32_t check = int32_t(std::min<int64_t>(c.loopCostNs, INT32_MAX));
    openSeg(c, LaneState::Running, c.stateStr, check, check, c.loopBase, io > s.perRowNs ? FlagIoBound : 0);
    pushPl(c);
    ++c.gen; // invalidates events of an earlier run of this loop
    const TimeUs end = ceilDivNsToUs(endNs(c.loopStartNs, remaining, c.loopCostNs));
    scheduleConn(c, end, EvKind::LoopEnd);
    if (remaining > 0) {
        if (killNoticeable(c))
            scheduleConn(c, ceilDivNsToUs(c.loopStartNs + c.loopCostNs), EvKind::LoopNotice, c.loopBase + 1);
        if (s.send && c.client >= 0) {
            const Client &cl = m_clients[size_t(c.client)];
            if (m_sc.sessions[size_t(cl.session)].quick && !cl.reading)
                scheduleConn(c, ceilDivNsToUs(c.loopStartNs + c.loopCostNs), EvKind::LoopBlock, c.loopBase + 1);
        }
    }
}

// Books the rows done so far into the undo log (when modifying) and ends the loop run.
void Sim::stopLoop(Conn &c, int64_t rowsDone)
{
    rowsDone = std::min(rowsDone, c.loopCount);
    const int64_t delta = rowsDone - c.loopBase;
    closeSeg(c, rowsDone);
    if (c.loopModify && delta > 0) {
        const Step *s = currentStep(c);
        UndoChunk ch;
        ch.rows = delta;
        ch.cpuNs = s && s->rollbackPerRowNs > 0 ? s->rollbackPerRowNs : (s ? s->perRowNs : 1);
        ch.ioBytesPerRow = s ? (s->rollbackIoBytesPerRow >= 0 ? s->rollbackIoBytesPerRow : s->ioBytesPerRow) : 0;
        if (!c.undo.empty() && c.undo.back().cpuNs == ch.cpuNs && c.undo.back().ioBytesPerRow == ch.ioBytesPerRow
            && c.undoRows - c.undo.back().rows >= c.stmtUndoMark)
            c.undo.back().rows += delta;
        else
            c.undo.push_back(ch);
        c.undoRows += delta;
    }
    if (const Step *s = currentStep(c); s && s->send)
        c.stmtRowsSent += delta;
    c.loopDone = rowsDone;
    c.activity = Activity::Cpu;
    ++c.gen;
}

void Sim::releaseSeat(Conn &c)
{
    if (!c.hasSeat)
        return;
    c.hasSeat = false;
    --m_active;
    event(EventType::SeatReleased, c.lane, m_active);
}

// Whether `c` may take `mode` on `table` now, ignoring its own locks. `exclusiveAhead` = waiting
// exclusive requests queued before this one (they have priority over shared DML requests, the
// MDL_lock waiting bitmap, which is what makes one ALTER block everybody).
bool Sim::mdlGrantable(const MdlLock &l, const Conn &c, StringId table, MdlMode mode, int exclusiveAhead) const
{
    std::array<int, 4> mine{};
    for (const MdlHold &h : c.mdl)
        if (h.table == table)
            ++mine[size_t(h.mode)];
    for (size_t m = 0; m < 4; ++m)
        if (l.granted[m] - mine[m] > 0 && !mdlCompatible(mode, MdlMode(m)))
            return false;
    return mode == MdlMode::Exclusive || exclusiveAhead == 0;
}

bool Sim::tryMdl(Conn &c, StringId table, MdlMode mode, bool enqueue)
{
    MdlLock &l = mdlLock(table);
    const bool ok = mdlGrantable(l, c, table, mode, l.waitingExclusive);
    LockInterval iv;
    iv.row = false;
    iv.key = table;
    iv.mode = uint8_t(mode);
    iv.lane = c.lane;
    iv.requested = m_now;
    if (ok) {
        iv.granted = m_now;
        ++l.granted[size_t(mode)];
        m_res.locks.push_back(iv);
        c.mdl.push_back({table, mode, int(m_res.locks.size() - 1)});
        return true;
    }
    if (enqueue) {
        l.waiters.emplace_back(connIndex(c), mode);
        if (mode == MdlMode::Exclusive)
            ++l.waitingExclusive;
        m_res.locks.push_back(iv);
        c.mdlWaitTable = int(table);
        c.mdlWaitInterval = int(m_res.locks.size() - 1);
        c.mdlWaitMode = mode;
    }
    return false;
}

void Sim::grantMdl(StringId table)
{
    MdlLock &l = mdlLock(table);
    bool progress = !l.waiters.empty();
    while (progress) {
        progress = false;
        int exclusiveAhead = 0;
        for (size_t i = 0; i < l.waiters.size(); ++i) {
            const auto [ci, mode] = l.waiters[i];
            Conn &c = m_conns[size_t(ci)];
            if (!mdlGrantable(l, c, table, mode, exclusiveAhead)) {
                if (mode == MdlMode::Exclusive)
                    ++exclusiveAhead;
                continue;
            }
            l.waiters.erase(l.waiters.begin() + long(i));
            if (mode == MdlMode::Exclusive)
                --l.waitingExclusive;
            ++l.granted[size_t(mode)];
            m_res.locks[size_t(c.mdlWaitInterval)].granted = m_now;
            c.mdl.push_back({table, mode, c.mdlWaitInterval});
            c.mdlWaitTable = -1;
            c.mdlWaitInterval = -1;
            event(EventType::MdlGranted, c.lane, 0, int64_t(table));
            ++c.gen;
            // Continue the grantee after the releaser's bookkeeping, in causal order.
            scheduleConn(c, m_now, EvKind::WorkDone);
            progress = true;
            break;
        }
    }
}

int Sim::rowLockEntry(StringId key, const std::string &text)
{
    if (key < m_rowLockOfString.size() && m_rowLockOfString[key] >= 0)
        return m_rowLockOfString[key];
    const int li = int(m_rowLocks.size());
    m_rowLocks.emplace_back();
    if (key >= m_rowLockOfString.size())
        m_rowLockOfString.resize(std::max<size_t>(key + 1, m_rowLockOfString.size() * 2), -1);
    m_rowLockOfString[key] = li;
    // "t:*" (every row of t) conflicts with every "t:..." key; index entries by table.
    const auto colon = text.find(':');
    const std::string table = colon == std::string::npos ? text : text.substr(0, colon);
    const bool all = colon != std::string::npos && text.substr(colon + 1) == "*";
    m_rowLocks.back().all = all;
    auto &entries = m_rowLockTables[table];
    if (all)
        entries.first = li;
    else
        entries.second.push_back(li);
    m_rowLocks.back().table = &entries;
    return li;
}

// The entry that blocks `me` from taking entry li, or -1.
int Sim::rowLockConflict(int li, int me) const
{
    const RowLock &rl = m_rowLocks[size_t(li)];
    if (rl.holder >= 0 && rl.holder != me)
        return li;
    const auto *entries = rl.table;
    if (rl.all) {
        for (int other : entries->second) {
            const int h = m_rowLocks[size_t(other)].holder;
            if (h >= 0 && h != me)
                return other;
        }
    } else if (entries->first >= 0) {
        const int h = m_rowLocks[size_t(entries->first)].holder;
        if (h >= 0 && h != me)
            return entries->first;
    }
    return -1;
}

// The row lock entry li was released: its waiters retry in FIFO order (the first one that
// finds the row free takes it, the others queue again in the same order).
void Sim::grantRowLocks(int li)
{
    RowLock &rl = m_rowLocks[size_t(li)];
    rl.holder = -1;
    if (rl.waiters.empty())
        return; // the usual case; a std::deque allocates even when empty
    std::deque<int> waiters;
    waiters.swap(rl.waiters);
    for (int ci : waiters) {
        Conn &c = m_conns[size_t(ci)];
        if (!c.alive || c.waitingLockKey != li || c.activity != Activity::LockWait)
            continue;
        c.waitingLockKey = -1;
        ++c.gen;
        scheduleConn(c, m_now, EvKind::LockRetry);
        if (c.lockWaitStart + m_cfg.innodbLockWaitTimeoutUs > m_now)
            scheduleConn(c, c.lockWaitStart + m_cfg.innodbLockWaitTimeoutUs, EvKind::LockTimeout);
    }
}

void Sim::releaseTrx(Conn &c)
{
    for (size_t i = 0; i < c.rowLocks.size(); ++i) {
        m_res.locks[size_t(c.rowLockIntervals[i])].released = m_now;
        grantRowLocks(c.rowLocks[i]);
    }
    c.rowLocks.clear();
    c.rowLockIntervals.clear();
    if (!c.mdl.empty()) {
        // The distinct tables in first-hold order, without a heap allocation for the usual one
        // or two tables per transaction.
        std::array<StringId, 8> few{};
        size_t nFew = 0;
        std::vector<StringId> many;
        for (const MdlHold &h : c.mdl) {
            m_res.locks[size_t(h.lockInterval)].released = m_now;
            --mdlLock(h.table).granted[size_t(h.mode)];
            if (std::find(few.begin(), few.begin() + long(nFew), h.table) != few.begin() + long(nFew)
                || std::find(many.begin(), many.end(), h.table) != many.end())
                continue;
            if (nFew < few.size())
                few[nFew++] = h.table;
            else
                many.push_back(h.table);
        }
        c.mdl.clear();
        for (size_t i = 0; i < nFew; ++i)
            grantMdl(few[i]);
        for (StringId t : many)
            grantMdl(t);
    }
    c.undo.clear();
    c.undoRows = 0;
    c.stmtUndoMark = 0;
    c.inTrx = false;
    c.trxState = TrxState::None;
    c.trxOpStr = 0;
}

void Sim::startStatement(Conn &c, int stmtIndex)
{
    const SessionSpec &ss = m_sc.sessions[size_t(c.session)];
    const Statement &st = ss.statements[size_t(stmtIndex)];
    c.stmt = &st;
    c.stmtIndex = stmtIndex;
    ++c.stmtSerial;
    c.stmtStart = m_now;
    c.serverIdle = false;
    c.resultDecided = false;
    c.replyCode = 0;
    c.replyArg.clear();
    c.killReplyRows = -1;
    c.stmtRowsSent = 0;
    c.command = Command::Query;
    c.infoStr = sqlId(c.session, stmtIndex);
    c.timeBase = m_now;
    c.queryId = ++m_nextQueryId;
    // dispatch_command clears a leftover KILL QUERY at its start (MySQL L1730, MariaDB
    // reset_kill_query L1654); a late kill that lost the race ends here.
    if (c.killed == Killed::Query || c.killed == Killed::Timeout) {
        c.killed = Killed::None;
        c.killPending = false;
        for (int k : c.pendingKills) {
            KillRecord &kr = m_res.kills[size_t(k)];
            kr.finished = m_now;
            if (kr.outcome == KillOutcome::Pending)
                kr.outcome = isMariaDb(m_flavor) && kr.noticed < 0 ? KillOutcome::ResetAtNextCommand : KillOutcome::LostRace;
        }
        c.pendingKills.clear();
    }
    event(EventType::StatementStart, c.lane, stmtIndex, int64_t(c.infoStr));
    if (!c.inTrx && c.autocommit)
        c.stmtUndoMark = 0;
    c.stmtUndoMark = c.undoRows;
    if (!c.autocommit && st.kind != StatementKind::Commit && st.kind != StatementKind::Rollback)
        c.inTrx = true;

    std::vector<Work> &w = beginWork(c);
    switch (st.kind) {
    case StatementKind::Begin:
        w = {{WK::BeginTrx}, {WK::Reply}};
        break;
    case StatementKind::Commit:
        w = {{WK::CommitTrx}, {WK::Reply}};
        break;
    case StatementKind::Rollback:
        w = {{WK::RollbackTrx}, {WK::Reply}};
        break;
    case StatementKind::Kill:
        w = {{WK::KillExec}, {WK::Reply}};
        break;
    case StatementKind::Quit:
        c.command = Command::Quit;
        w = {{WK::Quit}};
        break;
    default:
        if (st.kind == StatementKind::Ddl && (c.inTrx || c.undoRows > 0)) {
            // DDL commits the open transaction first (implicit commit).
            releaseTrx(c);
            c.stmtUndoMark = 0;
        }
        w.resize(st.steps.size());
        for (size_t i = 0; i < st.steps.size(); ++i)
            w[i] = {WK::Step, int32_t(i)};
        if (st.steps.empty())
            w.push_back({WK::Cpu, int32_t(kSmallStatementUs)});
        w.push_back({WK::StmtSuccess});
        break;
    }

    // Statement timeouts (§7): MariaDB max_statement_time, MySQL MAX_EXECUTION_TIME.
    TimeUs timeout = 0;
    if (st.timeoutUs)
        timeout = *st.timeoutUs;
    else if (ss.maxStatementTimeUs)
        timeout = *ss.maxStatementTimeUs;
    else
        timeout = isMariaDb(m_flavor) ? m_cfg.maxStatementTimeUs : m_cfg.maxExecutionTimeUs;
    if (timeout > 0 && m_rules.timeoutAppliesTo(st.kind))
        schedule(m_now + timeout, EvKind::StmtTimeout, uint32_t(connIndex(c)), 0, int64_t(c.stmtSerial));

    advance(c);
}

void Sim::succeedStatement(Conn &c)
{
    // The statement passed its last check point: OK/EOF is decided. A kill that comes later
    // cannot fail it any more (kill.test "blocking of sending ERROR after OK or EOF").
    c.resultDecided = true;
    releaseSeat(c);
    const StatementKind kind = c.stmt ? c.stmt->kind : StatementKind::Other;
    c.affected = c.undoRows - c.stmtUndoMark;
    std::vector<Work> &w = beginWork(c);
    const bool autoTrx = !c.inTrx && c.autocommit;
    if (kind == StatementKind::Ddl) {
        w.push_back({WK::TempCleanup});
        w.push_back({WK::EndTrxIfAutocommit});
        c.inTrx = false;
    } else if (autoTrx && (c.undoRows > 0 || !c.rowLocks.empty())) {
        w.push_back({WK::Commit});
        w.push_back({WK::TempCleanup});
    } else {
        w.push_back({WK::TempCleanup});
        w.push_back({WK::EndTrxIfAutocommit});
    }
    w.push_back({WK::Reply});
    advance(c);
}

void Sim::abortStatement(Conn &c, int code, bool connectionEnds)
{
    releaseSeat(c);
    c.resultDecided = true;
    c.replyCode = code;
    c.affected = 0;
    if (!connectionEnds && m_rules.resetKillQueryBeforeRollback() && (c.killed == Killed::Query || c.killed == Killed::Timeout)) {
        // MariaDB: reset_kill_query() runs before trans_rollback_stmt(), so Command is Query again.
        c.killed = Killed::None;
        c.killPending = false;
    }
    std::vector<Work> &w = beginWork(c);
    w.push_back({WK::TempCleanup});
    w.push_back({WK::StmtRollback});
    if (connectionEnds) {
        // A self-kill still answers (1317/1927) before the connection closes.
        w.push_back({WK::Reply});
    } else {
        w.push_back({WK::EndTrxIfAutocommit});
        w.push_back({WK::Reply});
    }
    advance(c);
}

void Sim::startRollback(Conn &c, bool wholeTrx, StageKey stage)
{
    c.activity = Activity::Rollback;
    c.rbWholeTrx = wholeTrx;
    c.rbStopAt = wholeTrx ? 0 : c.stmtUndoMark;
    c.trxState = TrxState::RollingBack;
    // INNODB_TRX.trx_operation_state (§4.2).
    c.trxOpStr = lit(wholeTrx || isMariaDb(m_flavor) ? "rollback" : "rollback of SQL statement");
    c.stateStr = stageId(stage);
    RollbackRecord rr;
    rr.lane = c.lane;
    rr.wholeTransaction = wholeTrx;
    rr.rows = c.undoRows - c.rbStopAt;
    rr.start = m_now;
    rr.points.push_back({m_now, c.undoRows});
    m_res.rollbacks.push_back(std::move(rr));
    c.rollbackRecord = int(m_res.rollbacks.size() - 1);
    event(EventType::RollbackStart, c.lane, c.undoRows - c.rbStopAt);
    rollbackNextChunk(c);
}

void Sim::rollbackNextChunk(Conn &c)
{
    if (c.undoRows <= c.rbStopAt || c.undo.empty()) {
        closeSeg(c, c.undoRows);
        RollbackRecord &rr = m_res.rollbacks[size_t(c.rollbackRecord)];
        rr.end = m_now;
        if (rr.points.back().t != m_now || rr.points.back().rowsRemaining != c.undoRows)
            rr.points.push_back({m_now, c.undoRows});
        event(EventType::RollbackEnd, c.lane);
        c.trxState = c.undoRows > 0 || !c.rowLocks.empty() ? TrxState::Running : TrxState::None;
        c.trxOpStr = 0;
        if (c.rbWholeTrx)
            releaseTrx(c);
        c.activity = Activity::Cpu;
        finishWork(c);
        return;
    }
    UndoChunk &ch = c.undo.back();
    const int64_t rows = std::min(ch.rows, c.undoRows - c.rbStopAt);
    const DurationNs io = ioNsPerRow(ch.ioBytesPerRow);
    c.loopCostNs = std::clamp<DurationNs>(ch.cpuNs + io, 1, kMaxRowCostNs);
    c.loopStartNs = m_now * 1000;
    c.rbRemaining = rows;
    c.activity = Activity::Rollback;
    openSeg(c, LaneState::RollingBack, lit(c.rbWholeTrx ? "transaction rollback" : "statement rollback"), -1, 0, c.undoRows,
            io > ch.cpuNs ? FlagIoBound : 0);
    pushPl(c);
    ++c.gen;
    scheduleConn(c, ceilDivNsToUs(endNs(c.loopStartNs, rows, c.loopCostNs)), EvKind::WorkDone, 2);
}

void Sim::reply(Conn &c)
{
    c.activity = Activity::Cpu;
    if (c.helperFor >= 0) {
        // A Ctrl+C helper connection: kill_query() prints into its owner's terminal, then closes.
        Client &owner = m_clients[size_t(c.helperFor)];
        const int64_t victimId = owner.conn >= 0 ? m_conns[size_t(owner.conn)].id : 0;
        const ClientKind k = owner.rules.kind();
        const bool verbose = m_sc.sessions[size_t(owner.session)].verbose;
        const std::string stmt = c.helperKillType == KillType::Query ? "KILL QUERY " + std::to_string(victimId)
                                                                      : "KILL " + std::to_string(victimId);
        std::vector<std::string> lines;
        if (k == ClientKind::MySql56) {
            lines.push_back("Ctrl-C -- sending \"" + stmt + "\" to server ...");
            lines.push_back("Ctrl-C -- query aborted.");
        } else if (k == ClientKind::MariaDb1011) {
            if (verbose)
                lines.push_back("Ctrl-C -- sending \"" + stmt + "\" to server ...");
            lines.push_back(c.helperKillType == KillType::Query ? "Ctrl-C -- query killed." : "Ctrl-C -- connection killed.");
        } else {
            // The terminal echoes ^C, and the client's message itself starts with "^C".
            if (verbose)
                lines.push_back("^C^C -- sending \"" + stmt + "\" to server ...");
            lines.push_back(verbose ? "^C -- query aborted" : "^C^C -- query aborted");
        }
        if (owner.hold > 0)
            --owner.hold;
        for (const std::string &l : lines)
            clientLine(owner, l, ClientState::Waiting, true);
        if (owner.hold == 0)
            flushHeld(owner);
        c.work = {{WK::Disconnect}, {WK::Gone}};
        c.workPos = 0;
        advance(c);
        return;
    }
    const bool ok = c.replyCode == 0;
    event(EventType::StatementEnd, c.lane, c.replyCode);
    // What the client gets. After KILL CONNECTION the socket is gone: nothing arrives.
    if (c.client >= 0 && !c.socketClosed && !c.clientGone) {
        Client &cl = m_clients[size_t(c.client)];
        if (cl.conn == connIndex(c))
            clientResult(cl, c);
    }
    // The KILL's own record: Query kills end with the statement.
    std::vector<int> keep;
    const bool closingNow = c.killed == Killed::Connection || c.clientGone;
    for (int k : c.activeKills) {
        KillRecord &kr = m_res.kills[size_t(k)];
        if (kr.type == KillType::Connection || closingNow) {
            keep.push_back(k);
            continue;
        }
        kr.finished = m_now;
        if (kr.outcome == KillOutcome::Pending)
            kr.outcome = KillOutcome::Interrupted;
    }
    c.activeKills = keep;
    const bool closing = c.killed == Killed::Connection || c.clientGone;
    keep.clear();
    for (int k : c.pendingKills) {
        KillRecord &kr = m_res.kills[size_t(k)];
        if (kr.type != KillType::Connection && closing) {
            c.activeKills.push_back(k); // superseded by the end of the connection
            continue;
        }
        if (kr.type != KillType::Connection) {
            // The statement got past its last check point: the kill lost the race.
            if (ok && c.stmt && c.stmt->kind != StatementKind::Kill) {
                kr.finished = m_now;
                kr.outcome = KillOutcome::LostRace;
                continue;
            }
            // The statement failed anyway (an earlier kill, a timeout): this one changed nothing.
            kr.finished = m_now;
            kr.outcome = KillOutcome::NoEffect;
            continue;
        }
        if (closing) {
            // The connection loop (thd_connection_alive) is the check point that sees it now.
            if (kr.noticed < 0)
                kr.noticed = m_now;
            if (ok && c.stmt && c.stmt->steps.size() > 0)
                kr.outcome = KillOutcome::LostRace;
            c.activeKills.push_back(k);
            continue;
        }
        keep.push_back(k);
    }
    c.pendingKills = keep;
    // Nothing left to notice: the flag may stay set (MySQL clears KILL_QUERY only at the next
    // command) but it no longer waits for a check point.
    if (closing || c.pendingKills.empty())
        c.killPending = false;
    if (closing) {
        c.work = {{WK::Disconnect}, {WK::TrxRollback}, {WK::Gone}};
        c.workPos = 0;
        advance(c);
        return;
    }
    goIdle(c);
}


void Sim::goIdle(Conn &c)
{
    c.activity = Activity::Idle;
    c.serverIdle = true;
    c.stmt = nullptr;
    c.work.clear();
    c.workPos = 0;
    c.command = Command::Sleep;
    c.stateStr = isMariaDb(m_flavor) ? internEmpty() : internEmpty();
    c.infoStr = 0;
    if (m_rules.timeFromEndOfCommand())
        c.timeBase = m_now;
    // MySQL keeps timeBase = start of the last command (§4.1).
    if (c.trxOpStr != 0 && c.trxState == TrxState::Running)
        c.trxOpStr = 0;
    // Idle = blocked reading the next command: KILL CONNECTION ends that read at once.
    openSeg(c, LaneState::Idle, c.inTrx ? lit("idle in transaction") : 0, 0);
    pushPl(c);
    if (c.killed == Killed::Connection && c.killPending)
        scheduleConn(c, m_now, EvKind::NoticeNow);
}

void Sim::goGone(Conn &c)
{
    releaseSeat(c);
    releaseTrx(c);
    // Every kill still open on this thread ends now.
    auto end = [&](std::vector<int> &list) {
        for (int k : list) {
            KillRecord &kr = m_res.kills[size_t(k)];
            kr.finished = m_now;
            // A KILL QUERY superseded by the end of the connection ends with it.
            if (kr.outcome == KillOutcome::Pending)
                kr.outcome = KillOutcome::Disconnected;
        }
        list.clear();
    };
    end(c.activeKills);
    end(c.pendingKills);
    end(c.savedKills);
    c.activity = Activity::Gone;
    c.alive = false;
    c.killPending = false;
    c.hidden = false;
    c.socketClosed = false;
    c.savedKill = Killed::None;
    openSeg(c, LaneState::Gone, 0);
    c.seg.flags = 0;
    Lane &lane = m_res.lanes[size_t(c.lane)];
    lane.goneAt = m_now;
    event(EventType::ThreadGone, c.lane, c.id);
    m_idToConn.erase(c.id);
    ++c.gen;
}

void Sim::closeSocket(Conn &c)
{
    if (c.socketClosed)
        return;
    c.socketClosed = true;
    event(EventType::SocketClosed, c.lane);
    refreshFlags(c);
    if (c.client < 0)
        return;
    Client &cl = m_clients[size_t(c.client)];
    if (cl.conn != connIndex(c) || cl.exited)
        return;
    if (cl.busy) {
        // vio_shutdown makes the client's blocked read return at once: 2013.
        clientLost(cl);
    }
}

// ============================================================================================
// KILL
// ============================================================================================

std::string Sim::killLabel(const KillSpec &spec, int64_t resolvedId) const
{
    std::string s = "KILL ";
    if (spec.mode == KillMode::Hard)
        s += "HARD ";
    else if (spec.mode == KillMode::Soft)
        s += "SOFT ";
    switch (spec.target) {
    case KillSpec::Target::User:
        if (spec.type == KillType::Query)
            s += "QUERY ";
        return s + "USER '" + spec.name + "'";
    case KillSpec::Target::QueryOf:
    case KillSpec::Target::QueryId: return s + "QUERY ID " + std::to_string(resolvedId);
    default: break;
    }
    if (spec.type == KillType::Query)
        s += "QUERY ";
    return s + std::to_string(resolvedId);
}

int Sim::executeKill(Conn &killer, const KillSpec &spec, KillSource source, const std::string &label, int &rowsAffected)
{
    // Resolve the id first, so even refused kills get a readable label.
    int64_t id = 0;
    int victimIdx = -1;
    switch (spec.target) {
    case KillSpec::Target::Self: id = killer.id; victimIdx = connIndex(killer); break;
    case KillSpec::Target::Session: {
        const int si = m_sc.sessionIndex(spec.name);
        if (si >= 0 && size_t(si) < m_clients.size() && m_clients[size_t(si)].conn >= 0)
            id = m_conns[size_t(m_clients[size_t(si)].conn)].id;
        else if (si >= 0) {
            // A session without a client (daemon): look it up by lane.
            for (size_t i = 0; i < m_conns.size(); ++i)
                if (m_conns[i].session == si)
                    id = m_conns[i].id;
        }
        break;
    }
    case KillSpec::Target::Id: id = spec.id; break;
    case KillSpec::Target::QueryOf: {
        const int si = m_sc.sessionIndex(spec.name);
        if (si >= 0 && m_clients[size_t(si)].conn >= 0)
            id = int64_t(m_conns[size_t(m_clients[size_t(si)].conn)].queryId);
        break;
    }
    case KillSpec::Target::QueryId: id = spec.id; break;
    case KillSpec::Target::User: break;
    }
    KillRecord kr;
    kr.index = int(m_res.kills.size());
    kr.issued = m_now;
    kr.killerLane = killer.lane;
    kr.type = spec.type;
    kr.mode = spec.mode;
    kr.source = source;
    kr.statement = source == KillSource::Statement && !label.empty() ? label : killLabel(spec, id);
    const std::string arrowLabel = source == KillSource::CtrlC ? "Ctrl+C → " + killLabel(spec, id) : kr.statement;
    auto refuse = [&](int code, int vLane) {
        kr.result = code;
        kr.outcome = KillOutcome::Refused;
        kr.victimLane = vLane;
        kr.victimId = code == 1064 ? 0 : id;
        kr.finished = m_now;
        m_res.kills.push_back(kr);
        Signal s;
        s.t = m_now;
        s.kind = SignalKind::KillArrow;
        s.fromLane = killer.lane;
        s.toLane = vLane;
        s.kill = kr.index;
        s.label = arrowLabel + " → ERROR " + std::to_string(code);
        s.result = code;
        m_res.signals.push_back(s);
        event(EventType::KillResult, killer.lane, code, kr.index);
        if (code == 1095 && spec.target == KillSpec::Target::User)
            killer.replyArg = "'" + spec.name + "'@'%'";
        else if (code == 1064) {
            std::string rest = killLabel(spec, id).substr(5);
            killer.replyArg = rest;
        } else {
            killer.replyArg = std::to_string(id);
        }
        return code;
    };

    // MySQL has no HARD/SOFT, USER or QUERY ID forms: a syntax error (§7).
    if (!m_rules.hasMariaDbKillSyntax()
        && (spec.mode != KillMode::Default || spec.target == KillSpec::Target::User || spec.target == KillSpec::Target::QueryOf
            || spec.target == KillSpec::Target::QueryId))
        return refuse(1064, -1);

    const bool killerPriv = (killer.privileges & (PrivSuper | PrivConnectionAdmin)) != 0;
    const bool hard = spec.mode != KillMode::Soft;
    const Killed level = spec.type == KillType::Query ? Killed::Query : Killed::Connection;

    if (spec.target == KillSpec::Target::User) {
        // MariaDB kill_threads_for_user(): every thread of that user; privilege per thread.
        if (!killerPriv && killer.user != spec.name) {
            if (killer.privileges & PrivProcess)
                return refuse(1095, -1);
            rowsAffected = 0;
            kr.result = 0;
            kr.outcome = KillOutcome::NoEffect;
            kr.finished = m_now;
            m_res.kills.push_back(kr);
            event(EventType::KillResult, killer.lane, 0, kr.index);
            return 0;
        }
        std::vector<int> victims;
        for (size_t i = 0; i < m_conns.size(); ++i) {
            const Conn &v = m_conns[i];
            if (v.alive && !v.daemon && v.user == spec.name && int(i) != connIndex(killer) && !v.isOperator && v.helperFor < 0)
                victims.push_back(int(i));
        }
        rowsAffected = int(victims.size());
        event(EventType::KillResult, killer.lane, 0, -1);
        for (int vi : victims) {
            KillRecord one = kr;
            one.index = int(m_res.kills.size());
            one.victimLane = m_conns[size_t(vi)].lane;
            one.victimId = m_conns[size_t(vi)].id;
            m_res.kills.push_back(one);
            Signal s;
            s.t = m_now;
            s.kind = SignalKind::KillArrow;
            s.fromLane = killer.lane;
            s.toLane = one.victimLane;
            s.kill = one.index;
            s.label = kr.statement;
            m_res.signals.push_back(s);
            awake(m_conns[size_t(vi)], level, hard, one.index, false);
        }
        return 0;
    }

    if (spec.target == KillSpec::Target::QueryOf || spec.target == KillSpec::Target::QueryId) {
        for (size_t i = 0; i < m_conns.size(); ++i) {
            if (m_conns[i].alive && !m_conns[i].daemon && int64_t(m_conns[i].queryId) == id && id != 0)
                victimIdx = int(i);
        }
        if (victimIdx < 0)
            return refuse(1957, -1);
    } else if (spec.target != KillSpec::Target::Self) {
        auto it = m_idToConn.find(id);
        // Find_thd_with_id skips COM_DAEMON threads: the event scheduler gives 1094 (§1.1).
        if (it == m_idToConn.end() || !m_conns[size_t(it->second)].alive || m_conns[size_t(it->second)].daemon) {
            const int vLane = it != m_idToConn.end() ? m_conns[size_t(it->second)].lane : -1;
            return refuse(1094, vLane);
        }
        victimIdx = it->second;
    }
    Conn &victim = m_conns[size_t(victimIdx)];
    const bool self = victimIdx == connIndex(killer);
    const bool sameUser = !victim.user.empty() && victim.user == killer.user;
    if (!killerPriv && !sameUser)
        // QUERY ID uses ER_KILL_QUERY_DENIED_ERROR (§1.2); its number, 1979, is MariaDB's
        // errmsg numbering, not stated in the reference.
        return refuse(spec.target == KillSpec::Target::QueryOf || spec.target == KillSpec::Target::QueryId ? 1979 : 1095, victim.lane);
    if (m_flavor == Flavor::MySql80 && (victim.privileges & PrivSystemUser) && !(killer.privileges & PrivSystemUser))
        return refuse(1095, victim.lane);

    kr.victimLane = victim.lane;
    kr.victimId = victim.id;
    kr.result = 0;
    m_res.kills.push_back(kr);
    Signal s;
    s.t = m_now;
    s.kind = SignalKind::KillArrow;
    s.fromLane = killer.lane;
    s.toLane = victim.lane;
    s.kill = kr.index;
    s.label = arrowLabel;
    m_res.signals.push_back(s);
    event(EventType::KillResult, killer.lane, 0, kr.index);

    // MySQL kill_one_thread step 4: a thread already being killed is left alone (still OK).
    if (isMySql(m_flavor) && victim.killed == Killed::Connection) {
        KillRecord &k = m_res.kills.back();
        k.outcome = KillOutcome::NoEffect;
        k.finished = m_now;
        return 0;
    }
    awake(victim, level, hard, kr.index, self);
    if (self) {
        // Noticed by the KILL statement's own end (send_kill_message): its error is the outcome.
        auto &pk = victim.pendingKills;
        pk.erase(std::remove(pk.begin(), pk.end(), kr.index), pk.end());
        victim.activeKills.push_back(kr.index);
        m_res.kills[size_t(kr.index)].noticed = m_now;
        victim.killPending = false;
        // The killer itself is killed: no OK; send_kill_message() turns it into an error.
        return level == Killed::Query ? 1317 : m_rules.selfKillConnectionError();
    }
    return 0;
}

bool Sim::awake(Conn &v, Killed k, bool hard, int killIdx, bool self)
{
    KillRecord *kr = killIdx >= 0 ? &m_res.kills[size_t(killIdx)] : nullptr;
    event(EventType::KillIssued, v.lane, kr ? kr->killerLane : -1, killIdx);
    // MySQL 8.0 DD_kill_immunizer: only save the state; the victim replays it later (§2.1 step 2).
    if (v.ddImmune) {
        if (v.savedKill == Killed::None) {
            v.savedKill = k;
            v.savedHard = hard;
        }
        if (killIdx >= 0)
            v.savedKills.push_back(killIdx);
        Signal s;
        s.t = m_now;
        s.kind = SignalKind::KillDeferred;
        s.fromLane = kr ? kr->killerLane : -1;
        s.toLane = v.lane;
        s.kill = killIdx;
        s.label = "deferred (data-dictionary work)";
        m_res.signals.push_back(s);
        event(EventType::KillDeferred, v.lane, 0, killIdx);
        refreshFlags(v);
        note("dd-deferral",
             "a kill that arrives during MySQL 8.0's final data-dictionary update is deferred and replayed after it; if the DDL has "
             "committed by then it stays committed (derived from the code, not tested).",
             "在 MySQL 8.0 最后更新数据字典期间到达的 KILL 会被推迟，之后再重放；如果那时 DDL 已经提交，就保持提交（由代码推导，未经实验）。");
        return true;
    }
    // MySQL: KILL QUERY of a thread blocked reading its next command is a no-op (m_server_idle).
    if (k == Killed::Query && v.serverIdle && !m_rules.idleKillQuerySetsFlag()) {
        if (kr) {
            kr->outcome = KillOutcome::NoEffect;
            kr->finished = m_now;
        }
        if (m_flavor == Flavor::MySql57)
            note("idle-kill-57",
                 "MySQL 5.7 is modelled like 8.0 here: KILL QUERY of an idle connection has no visible effect.",
                 "这里把 MySQL 5.7 按 8.0 处理：对空闲连接执行 KILL QUERY 没有可见效果。");
        return false;
    }
    // Never downgrade (MariaDB set_killed_no_mutex; MySQL refuses at kill_one_thread).
    auto rank = [](Killed x) { return x == Killed::None ? 0 : x == Killed::Query ? 1 : x == Killed::Timeout ? 2 : 3; };
    if (rank(k) >= rank(v.killed)) {
        if (rank(k) > rank(v.killed) || v.killed == Killed::None)
            v.hard = hard;
        v.killed = k;
    }
    v.killPending = true;
    if (killIdx >= 0)
        v.pendingKills.push_back(killIdx);
    if (k == Killed::Connection && !self)
        closeSocket(v);
    refreshFlags(v);
    pushPl(v);
    wake(v);
    return true;
}

// The condition broadcast / lock-wait cancel of awake(), and row-loop check points.
void Sim::wake(Conn &v)
{
    switch (v.activity) {
    case Activity::Idle:
        if (v.killed == Killed::Connection)
            scheduleConn(v, m_now, EvKind::NoticeNow);
        break;
    case Activity::MdlWait:
    case Activity::LockWait:
    case Activity::Sleep:
        scheduleConn(v, m_now, EvKind::NoticeNow);
        break;
    case Activity::Blocked:
        if (v.killed == Killed::Connection)
            scheduleConn(v, m_now, EvKind::NoticeNow);
        break;
    case Activity::Loop: {
        const int64_t elapsed = m_now * 1000 - v.loopStartNs;
        const int64_t k = (elapsed < 0 ? 0 : elapsed / v.loopCostNs) + 1;
        if (v.loopBase + k < v.loopCount)
            scheduleConn(v, ceilDivNsToUs(v.loopStartNs + k * v.loopCostNs), EvKind::LoopNotice, v.loopBase + k);
        // Otherwise the loop's end is the next check (the killed_status snapshot after the loop).
        break;
    }
    default:
        // No check point inside CPU/IO/DD/rollback/cleanup; the queue is polled (MySQL 8.0) or
        // not checked at all (5.7).
        break;
    }
}

void Sim::notice(Conn &c)
{
    if (c.killed == Killed::None || !c.killPending)
        return;
    c.killPending = false;
    for (int k : c.pendingKills) {
        KillRecord &kr = m_res.kills[size_t(k)];
        if (kr.noticed < 0)
            kr.noticed = m_now;
        c.activeKills.push_back(k);
    }
    c.pendingKills.clear();
    Signal s;
    s.t = m_now;
    s.kind = SignalKind::FlagNoticed;
    s.toLane = c.lane;
    s.kill = c.activeKills.empty() ? -1 : c.activeKills.back();
    s.label = "kill flag noticed";
    m_res.signals.push_back(s);
    event(EventType::KillNoticed, c.lane, s.kill);

    const Activity was = c.activity;
    // Leave any wait queue.
    if (c.inQueue) {
        c.inQueue = false;
        --m_waiting;
    }
    if (c.waitingLockKey >= 0) {
        auto &w = m_rowLocks[size_t(c.waitingLockKey)].waiters;
        w.erase(std::remove(w.begin(), w.end(), connIndex(c)), w.end());
        c.waitingLockKey = -1;
    }
    if (c.waitingLockInterval >= 0) {
        m_res.locks[size_t(c.waitingLockInterval)].released = m_now;
        c.waitingLockInterval = -1;
        c.trxState = TrxState::Running;
    }
    if (c.mdlWaitTable >= 0) {
        MdlLock &l = mdlLock(StringId(c.mdlWaitTable));
        const int me = connIndex(c);
        for (auto it = l.waiters.begin(); it != l.waiters.end();) {
            if (it->first == me) {
                if (it->second == MdlMode::Exclusive)
                    --l.waitingExclusive;
                it = l.waiters.erase(it);
            } else {
                ++it;
            }
        }
        m_res.locks[size_t(c.mdlWaitInterval)].released = m_now;
        const StringId t = StringId(c.mdlWaitTable);
        c.mdlWaitTable = -1;
        c.mdlWaitInterval = -1;
        grantMdl(t); // others may have queued behind this request
    }
    ++c.gen;

    if (was == Activity::Idle) {
        // Blocked reading the next command: the read fails, the connection loop ends.
        closeSeg(c);
        c.work = {{WK::Disconnect}, {WK::TrxRollback}, {WK::Gone}};
        c.workPos = 0;
        advance(c);
        return;
    }
    if (c.workPos < c.work.size() && c.work[c.workPos].kind == WK::Rehash) {
        // Killed during the client's start-up table scan: the connection just ends or goes on.
        if (c.killed == Killed::Connection) {
            c.work = {{WK::Disconnect}, {WK::Gone}};
        } else {
            c.killed = Killed::None;
            for (int k : c.activeKills) {
                m_res.kills[size_t(k)].finished = m_now;
                m_res.kills[size_t(k)].outcome = KillOutcome::Interrupted;
            }
            c.activeKills.clear();
            ++c.workPos;
            advance(c);
            return;
        }
        c.workPos = 0;
        advance(c);
        return;
    }
    const Step *step = currentStep(c);
    if (was == Activity::Sleep && step && step->alone && m_rules.sleepAloneReturnsOnKill()
        && (c.killed == Killed::Query || c.killed == Killed::Timeout)) {
        // MySQL manual: SLEEP() interrupted alone returns 1 and the statement succeeds.
        for (int k : c.activeKills) {
            m_res.kills[size_t(k)].outcome = KillOutcome::SleepReturned;
            m_res.kills[size_t(k)].finished = m_now;
        }
        c.activeKills.clear();
        closeSeg(c);
        finishWork(c);
        return;
    }
    const bool connectionEnds = c.killed == Killed::Connection;
    int code = 1317;
    if (c.killed == Killed::Timeout)
        code = m_rules.timeoutError();
    else if (c.killed == Killed::Connection)
        code = isMariaDb(m_flavor) ? 1927 : 1317; // only a self-kill (socket still open) sees it
    abortStatement(c, code, connectionEnds);
}

// ============================================================================================
// Clients
// ============================================================================================

void Sim::clientState(Client &cl, ClientState st, const std::string &text)
{
    clientStateId(cl, st, text.empty() ? 0 : intern(text));
}

void Sim::clientStateId(Client &cl, ClientState st, StringId tid)
{
    if (cl.conn < 0)
        return;
    const int lane = m_conns[size_t(cl.conn)].lane;
    if (cl.segLane == lane && cl.seg.state == st && cl.seg.text == tid)
        return;
    if (cl.segLane >= 0) {
        cl.seg.end = m_now;
        auto &segs = m_res.lanes[size_t(cl.segLane)].clientSegments;
        if (cl.seg.end > cl.seg.start)
            segs.push_back(cl.seg);
        if (cl.segLane != lane) {
            // The client moved to a new connection; the old lane's client row keeps showing the
            // broken connection until the end of the run (end fixed in finalize()).
            ClientSegment tail;
            tail.start = m_now;
            tail.end = -1;
            tail.state = cl.seg.state == ClientState::Lost ? ClientState::Lost : ClientState::Disconnected;
            tail.text = cl.seg.state == ClientState::Lost ? cl.seg.text : 0;
            segs.push_back(tail);
        }
    }
    cl.seg = ClientSegment();
    cl.seg.start = m_now;
    cl.seg.state = st;
    cl.seg.text = tid;
    cl.segLane = lane;
}

void Sim::flushHeld(Client &cl)
{
    auto held = std::move(cl.held);
    cl.held.clear();
    for (auto &[line, st] : held)
        clientLine(cl, line, st);
}

void Sim::clientLine(Client &cl, const std::string &text, ClientState after, bool bypassHold)
{
    if (cl.hold > 0 && !bypassHold) {
        cl.held.emplace_back(text, after);
        return;
    }
    if (!cl.reading && (after == ClientState::Error || after == ClientState::Prompt || after == ClientState::Lost)) {
        // A paused client (pager, | less) sees nothing until it reads again.
        cl.pending.emplace_back(text, after);
        return;
    }
    TranscriptLine l;
    l.t = m_now;
    l.lane = cl.conn >= 0 ? m_conns[size_t(cl.conn)].lane : -1;
    l.text = text;
    m_res.transcript.push_back(std::move(l));
    if (after == ClientState::Waiting && cl.seg.state == ClientState::Waiting)
        return;
    clientState(cl, after, text);
}

void Sim::clientConnect(Client &cl, bool reconnect)
{
    const SessionSpec &ss = m_sc.sessions[size_t(cl.session)];
    const int64_t id = allocId(reconnect ? std::nullopt : ss.id);
    const std::string label = reconnect ? ss.label + " (reconnected)" : ss.label;
    const int ci = newConn(cl.session, id, label, ss.client == ClientKind::Cli ? cl.rules.kind() : ss.client, ss.user, ss.host,
                           ss.db.value_or(std::string()), ss.privileges);
    Conn &c = m_conns[size_t(ci)];
    c.client = int(&cl - m_clients.data());
    c.autocommit = ss.autocommit;
    cl.conn = ci;
    cl.connecting = true;
    cl.knowsDead = false;
    clientState(cl, ClientState::Connecting, std::string());
    std::vector<Work> &w = beginWork(c);
    w.push_back({WK::Connect});
    const bool rehash = cl.rules.isCli() && ss.db && ss.autoRehash.value_or(true);
    if (rehash && !m_sc.tables.empty()) {
        for (size_t i = 0; i < m_sc.tables.size(); ++i) {
            // Synthetic steps live in m_rehashSteps; index by table.
            w.push_back({WK::Rehash, int32_t(i)});
        }
        w.push_back({WK::RehashRelease});
    }
    w.push_back({WK::ConnReady});
    advance(c);
}

void Sim::clientReady(Client &cl)
{
    const SessionSpec &ss = m_sc.sessions[size_t(cl.session)];
    Conn &c = m_conns[size_t(cl.conn)];
    cl.connecting = false;
    const bool rehash = cl.rules.isCli() && ss.db && ss.autoRehash.value_or(true);
    if (cl.rules.isCli()) {
        if (cl.pendingStmt >= 0) {
            clientLine(cl, "No connection. Trying to reconnect...", ClientState::Waiting);
            clientLine(cl, "Connection id:    " + std::to_string(c.id), ClientState::Waiting);
            clientLine(cl, "Current database: " + (ss.db ? *ss.db : std::string("*** NONE ***")), ClientState::Waiting);
        } else {
            if (rehash) {
                clientLine(cl, "Reading table information for completion of table and column names", ClientState::Connecting);
                clientLine(cl, "You can turn off this feature to get a quicker startup with -A", ClientState::Connecting);
            }
            clientLine(cl,
                       std::string("Your ") + (cl.rules.isMariaDbClient() ? (isMariaDb(m_flavor) ? "MariaDB" : "MySQL") : "MySQL")
                           + " connection id is " + std::to_string(c.id),
                       ClientState::Prompt);
        }
    }
    clientState(cl, ClientState::Prompt, std::string());
    if (cl.pendingStmt >= 0) {
        const int s = cl.pendingStmt;
        cl.pendingStmt = -1;
        cl.busy = false;
        clientSend(cl, size_t(s));
        return;
    }
    cl.lastDone = m_now;
    clientScheduleNext(cl);
}

void Sim::clientScheduleNext(Client &cl)
{
    const SessionSpec &ss = m_sc.sessions[size_t(cl.session)];
    if (cl.exited || cl.scheduled || cl.nextStmt >= ss.statements.size())
        return;
    const Statement &st = ss.statements[cl.nextStmt];
    TimeUs t = cl.lastDone + st.afterUs;
    if (st.at)
        t = std::max(t, *st.at);
    schedule(t, EvKind::ClientSend, uint32_t(&cl - m_clients.data()), 0, int64_t(cl.nextStmt));
    cl.scheduled = true;
}

void Sim::clientSend(Client &cl, size_t stmtIndex)
{
    const SessionSpec &ss = m_sc.sessions[size_t(cl.session)];
    const Statement &st = ss.statements[stmtIndex];
    cl.scheduled = false;
    if (cl.exited)
        return;
    Conn *c = cl.conn >= 0 ? &m_conns[size_t(cl.conn)] : nullptr;
    static const std::string noDb;
    const std::string &db = ss.db ? *ss.db : noDb;
    if (cl.pendingStmt < 0 && cl.rules.isCli())
        clientLine(cl, cl.rules.prompt(db) + st.sql, ClientState::Waiting);
    else if (cl.pendingStmt < 0)
        clientStateId(cl, ClientState::Waiting, sqlId(cl.session, int(stmtIndex))); // an application has no terminal
    cl.busy = true;
    cl.ctrlC = 0;
    cl.stmtSentAt = m_now;
    cl.nextStmt = stmtIndex + 1;
    if (!c || !c->alive || c->socketClosed) {
        // The server end is gone (or was shut by KILL CONNECTION while idle): the write or the
        // read fails; the CLI reports it and reconnects (§1.1, §6.2 [LIVE]).
        int code = 2006;
        const std::string line = cl.rules.idleKilledNextError(code);
        if (!cl.rules.isMariaDbClient())
            note("gone-2006-2013",
                 "the next statement after the server closed an idle connection fails with 2006 or 2013 depending on whether the write or "
                 "the read fails first (kill.test accepts both); 2006 is shown here.",
                 "服务器关闭空闲连接后，下一条语句报 2006 还是 2013 取决于先失败的是写还是读（kill.test 两者都接受）；这里显示 2006。");
        clientLine(cl, line, ClientState::Lost);
        event(EventType::ClientError, c ? c->lane : -1, code);
        for (KillRecord &kr : m_res.kills) {
            if (c && kr.victimLane == c->lane && kr.clientError < 0 && kr.type == KillType::Connection && kr.result == 0) {
                kr.clientError = m_now;
                kr.clientErrorCode = code;
            }
        }
        if (cl.rules.isCli() && st.kind != StatementKind::Quit) {
            cl.pendingStmt = int(stmtIndex);
            clientConnect(cl, true);
        } else {
            cl.busy = false;
            cl.exited = !cl.rules.isCli();
            if (cl.exited)
                clientState(cl, ClientState::Disconnected, line);
        }
        return;
    }
    if (st.kind == StatementKind::Quit && cl.rules.isCli())
        clientLine(cl, "Bye", ClientState::Disconnected);
    startStatement(*c, int(stmtIndex));
}

void Sim::clientResult(Client &cl, Conn &c)
{
    const StatementKind kind = c.stmt ? c.stmt->kind : StatementKind::Other;
    const TimeUs elapsedUs = m_now - cl.stmtSentAt;
    cl.busy = false;
    if (kind == StatementKind::Quit) {
        cl.exited = true;
        clientState(cl, ClientState::Disconnected, std::string());
        return;
    }
    if (c.replyCode != 0) {
        const std::string line = serverErrorLine(c.replyCode, c.replyArg, m_flavor);
        clientLine(cl, line, ClientState::Error);
        event(EventType::ClientError, c.lane, c.replyCode);
        for (int k : c.activeKills) {
            KillRecord &kr = m_res.kills[size_t(k)];
            if (kr.clientError < 0) {
                kr.clientError = m_now;
                kr.clientErrorCode = c.replyCode;
            }
        }
    } else if (!cl.rules.isCli()) {
        clientStateId(cl, ClientState::Prompt, 0);
    } else {
        const std::string elapsed = clientElapsed(elapsedUs);
        std::string line;
        if (kind == StatementKind::Select) {
            const int64_t rows = c.stmt->resultRows ? *c.stmt->resultRows : c.stmtRowsSent;
            line = rows == 0 ? "Empty set " + elapsed : std::to_string(rows) + (rows == 1 ? " row in set " : " rows in set ") + elapsed;
        } else if (kind == StatementKind::Kill && c.killReplyRows >= 0) {
            line = "Query OK, " + std::to_string(c.killReplyRows) + (c.killReplyRows == 1 ? " row affected " : " rows affected ") + elapsed;
        } else {
            const int64_t n = kind == StatementKind::Update || kind == StatementKind::Delete || kind == StatementKind::Insert ? c.affected : 0;
            line = "Query OK, " + std::to_string(n) + (n == 1 ? " row affected " : " rows affected ") + elapsed;
        }
        clientLine(cl, line, ClientState::Prompt);
        if (kind == StatementKind::Update)
            clientLine(cl, "Rows matched: " + std::to_string(c.affected) + "  Changed: " + std::to_string(c.affected) + "  Warnings: 0",
                       ClientState::Prompt);
    }
    cl.lastDone = m_now;
    // A KILL CONNECTION of oneself: the error arrives, then the connection is closed.
    if (c.killed == Killed::Connection)
        cl.knowsDead = true;
    clientScheduleNext(cl);
}

void Sim::clientLost(Client &cl)
{
    Conn &c = m_conns[size_t(cl.conn)];
    const std::string line = cl.rules.lostConnection();
    cl.busy = false;
    cl.knowsDead = true;
    event(EventType::ClientError, c.lane, 2013);
    // A paused client shows the error only when it reads again (see ClientResume).
    if (cl.reading)
        markClientError(c.lane, 2013);
    clientLine(cl, line, ClientState::Lost);
    cl.lastDone = m_now;
    clientScheduleNext(cl);
}

void Sim::clientCtrlC(Client &cl)
{
    if (cl.exited || cl.conn < 0)
        return;
    const ClientKind k = cl.rules.kind();
    Conn &c = m_conns[size_t(cl.conn)];
    event(EventType::CtrlC, c.lane, cl.busy ? 1 : 0);
    if (!cl.busy) {
        if (cl.rules.ctrlCAtIdleExits()) {
            clientLine(cl, "Ctrl-C -- exit!", ClientState::Disconnected);
            cl.exited = true;
            if (c.alive && !c.socketClosed) {
                // mysql_close() sends COM_QUIT: the server ends the connection normally.
                c.command = Command::Quit;
                closeSeg(c);
                c.work = {{WK::Disconnect}, {WK::TrxRollback}, {WK::Gone}};
                c.workPos = 0;
                c.serverIdle = false;
                ++c.gen;
                advance(c);
            }
            return;
        }
        clientLine(cl, "^C", ClientState::Prompt);
        return;
    }
    ++cl.ctrlC;
    KillType type = KillType::Query;
    if (cl.rules.escalatesSecondCtrlC() && cl.ctrlC >= 2)
        type = KillType::Connection;
    if (k == ClientKind::MySql56 && cl.ctrlC >= 3) {
        clientLine(cl, "Ctrl-C -- exit!", ClientState::Disconnected);
        cl.exited = true;
        c.clientGone = true;
        return;
    }
    if (k == ClientKind::MySql57)
        note("client-57",
             "the mysql 5.7 client is modelled like 8.0 (every Ctrl+C sends KILL QUERY); the exact 5.7 minor version that dropped the "
             "5.6 escalation is not known.",
             "这里把 mysql 5.7 客户端按 8.0 处理（每次 Ctrl+C 都发送 KILL QUERY）；具体从哪个 5.7 小版本起去掉了 5.6 的升级行为并不清楚。");
    // kill_query(): a second connection with the same credentials sends the KILL.
    const SessionSpec &ss = m_sc.sessions[size_t(cl.session)];
    const int64_t id = allocId(std::nullopt);
    const int ownerLane = c.lane; // newConn() may move m_conns: no Conn& survives it
    const int hi = newConn(-1, id, "Ctrl+C helper of " + ss.label, ClientKind::Helper, ss.user, ss.host, ss.db.value_or(std::string()),
                           ss.privileges);
    Conn &h = m_conns[size_t(hi)];
    h.helperFor = int(&cl - m_clients.data());
    h.helperKillType = type;
    h.helperPress = cl.ctrlC;
    ++cl.hold;
    m_res.lanes[size_t(h.lane)].order = m_res.lanes[size_t(ownerLane)].order;
    setWork(h, {{WK::Connect}, {WK::ConnReady}});
    advance(h);
}

// ============================================================================================
// Events
// ============================================================================================

void Sim::handle(const QEvent &e)
{
    switch (e.kind()) {
    case EvKind::ClientConnect:
        clientConnect(m_clients[e.target], false);
        return;
    case EvKind::ClientSend: {
        Client &cl = m_clients[e.target];
        cl.scheduled = false;
        if (size_t(e.arg) != cl.nextStmt)
            return;
        if (cl.busy || cl.connecting)
            return; // re-armed when the prompt is back (clientResult / clientLost / clientReady)
        clientSend(cl, size_t(e.arg));
        return;
    }
    case EvKind::ClientCtrlC:
        clientCtrlC(m_clients[e.target]);
        return;
    case EvKind::ClientStop: {
        Client &cl = m_clients[e.target];
        cl.reading = false;
        if (cl.conn >= 0) {
            event(EventType::ClientStopReading, m_conns[size_t(cl.conn)].lane);
            if (!cl.exited)
                clientState(cl, ClientState::Paused, std::string("not reading"));
            Conn &c = m_conns[size_t(cl.conn)];
            const Step *s = currentStep(c);
            if (c.activity == Activity::Loop && s && s->send && m_sc.sessions[size_t(cl.session)].quick) {
                const int64_t elapsed = m_now * 1000 - c.loopStartNs;
                const int64_t k = (elapsed < 0 ? 0 : elapsed / c.loopCostNs) + 1;
                if (c.loopBase + k < c.loopCount)
                    scheduleConn(c, ceilDivNsToUs(c.loopStartNs + k * c.loopCostNs), EvKind::LoopBlock, c.loopBase + k);
            }
        }
        return;
    }
    case EvKind::ClientResume: {
        Client &cl = m_clients[e.target];
        cl.reading = true;
        if (cl.conn < 0)
            return;
        Conn &c = m_conns[size_t(cl.conn)];
        event(EventType::ClientResumeReading, c.lane);
        if (!cl.exited)
            clientState(cl, cl.busy ? ClientState::Waiting : ClientState::Prompt, std::string());
        auto pending = std::move(cl.pending);
        cl.pending.clear();
        for (auto &[line, st] : pending) {
            clientLine(cl, line, st);
            if (st == ClientState::Lost)
                markClientError(c.lane, 2013);
        }
        if (c.activity == Activity::Blocked && c.alive) {
            ++c.gen;
            const Step *s = currentStep(c);
            if (s) {
                if (killNoticeable(c)) {
                    // Writing again: the row loop's next check sees the flag (§3.1).
                }
                startLoop(c, *s);
            }
        }
        return;
    }
    case EvKind::SetGlobal: {
        const Action &a = m_sc.actions[size_t(e.arg)];
        applySet(a);
        return;
    }
    case EvKind::OperatorKill: {
        Conn &op = m_conns[size_t(m_operator)];
        if (op.activity != Activity::Idle) {
            // The operator's previous KILL is still being answered: type it right after.
            schedule(m_now + kKillStatementUs, EvKind::OperatorKill, e.target, 0, e.arg);
            return;
        }
        setWork(op, {{WK::OperatorKill, int32_t(e.arg)}, {WK::Reply}});
        advance(op);
        return;
    }
    case EvKind::StmtTimeout: {
        Conn &c = m_conns[e.target];
        if (!c.alive || c.stmtSerial != uint32_t(e.arg) || c.resultDecided || c.serverIdle)
            return;
        // MySQL's timer does not override a pending KILL CONNECTION (sql_timer.cc L101-117).
        if (c.killed == Killed::Connection)
            return;
        KillRecord kr;
        kr.index = int(m_res.kills.size());
        kr.issued = m_now;
        kr.victimLane = c.lane;
        kr.victimId = c.id;
        kr.type = KillType::Query;
        kr.mode = isMariaDb(m_flavor) ? KillMode::Soft : KillMode::Default;
        kr.source = KillSource::Timeout;
        kr.statement = isMariaDb(m_flavor) ? "max_statement_time" : "MAX_EXECUTION_TIME";
        m_res.kills.push_back(kr);
        Signal s;
        s.t = m_now;
        s.kind = SignalKind::TimeoutFired;
        s.toLane = c.lane;
        s.kill = kr.index;
        s.label = kr.statement + " exceeded";
        m_res.signals.push_back(s);
        event(EventType::Timeout, c.lane, kr.index);
        // MariaDB's timeout is a soft kill (no HARD bit); engines still react (§7).
        awake(c, Killed::Timeout, !isMariaDb(m_flavor), kr.index, false);
        return;
    }
    default:
        break;
    }

    Conn &c = m_conns[e.target];
    if (e.gen != c.gen || !c.alive)
        return;
    switch (e.kind()) {
    case EvKind::WorkDone: {
        if (c.activity == Activity::Rollback) {
            // One undo chunk is done.
            const int64_t rows = c.rbRemaining;
            UndoChunk &ch = c.undo.back();
            ch.rows -= rows;
            c.undoRows -= rows;
            if (ch.rows <= 0)
                c.undo.pop_back();
            closeSeg(c, c.undoRows);
            RollbackRecord &rr = m_res.rollbacks[size_t(c.rollbackRecord)];
            rr.points.push_back({m_now, c.undoRows});
            c.rbRemaining = 0;
            rollbackNextChunk(c);
            return;
        }
        if (c.activity == Activity::LockWait) {
            // Granted: continue with the next lock key / the loop.
            const Step *s = currentStep(c);
            if (s)
                rowsContinue(c, *s);
            return;
        }
        if (c.activity == Activity::MdlWait) {
            c.activity = Activity::Cpu;
            if (c.work[c.workPos].kind == WK::Rehash) {
                // Rehash: MDL granted; now the field list itself.
                c.stateStr = lit("Opening tables");
                openSeg(c, LaneState::Connecting, lit("auto-rehash"));
                pushPl(c);
                scheduleConn(c, m_now + kRehashPerTableUs, EvKind::WorkDone);
                return;
            }
            finishWork(c);
            return;
        }
        if (c.activity == Activity::Dd) {
            c.ddImmune = false;
            const Step *s = currentStep(c);
            if (s && s->commits)
                c.resultDecided = true;
            if (c.savedKill != Killed::None) {
                // The victim replays the saved kill on itself (DD_kill_immunizer destructor).
                const Killed k = c.savedKill;
                const bool hard = c.savedHard;
                std::vector<int> saved = std::move(c.savedKills);
                c.savedKills.clear();
                c.savedKill = Killed::None;
                Signal sg;
                sg.t = m_now;
                sg.kind = SignalKind::KillReplayed;
                sg.toLane = c.lane;
                sg.fromLane = c.lane;
                sg.kill = saved.empty() ? -1 : saved.front();
                sg.label = "deferred kill replayed";
                m_res.signals.push_back(sg);
                event(EventType::KillReplayed, c.lane, sg.kill);
                c.killed = k;
                c.hard = hard;
                c.killPending = true;
                c.pendingKills.insert(c.pendingKills.end(), saved.begin(), saved.end());
                if (k == Killed::Connection)
                    closeSocket(c);
                refreshFlags(c);
                pushPl(c);
            }
            // Once committed (resultDecided), the remaining steps are housekeeping: the row-loop
            // and wait check points test !resultDecided, so a replayed kill cannot fail it.
            finishWork(c);
            return;
        }
        // Rows steps: an intermediate WorkDone (from a grant) continues the step.
        if (e.arg == 1) {
            const Step *s = currentStep(c);
            if (s)
                rowsContinue(c, *s);
            return;
        }
        if (c.activity == Activity::Sleep || c.activity == Activity::Cpu || c.activity == Activity::Io || c.activity == Activity::Connecting
            || c.activity == Activity::Commit || c.activity == Activity::Cleanup) {
            // Commit ends the transaction; a rehash field list ends its statement MDL.
            if (c.activity == Activity::Commit || (c.workPos < c.work.size() && c.work[c.workPos].kind == WK::Rehash))
                releaseTrx(c);
            c.activity = Activity::Cpu;
            finishWork(c);
            return;
        }
        finishWork(c);
        return;
    }
    case EvKind::LoopEnd: {
        stopLoop(c, c.loopCount);
        if (killNoticeable(c) && !c.resultDecided) {
            // The killed_status snapshot right after the loop (sql_update.cc L1082).
            notice(c);
            return;
        }
        finishWork(c);
        return;
    }
    case EvKind::LoopNotice:
        stopLoop(c, e.arg);
        notice(c);
        return;
    case EvKind::LoopBlock: {
        stopLoop(c, e.arg);
        c.activity = Activity::Blocked;
        c.stateStr = intern(m_rules.sendingState());
        openSeg(c, LaneState::SendBlocked, c.stateStr, -1, 0, c.loopDone);
        pushPl(c);
        scheduleConn(c, m_now + m_cfg.netWriteTimeoutUs, EvKind::NetWriteTimeout);
        if (c.killed == Killed::Connection && c.killPending)
            scheduleConn(c, m_now, EvKind::NoticeNow);
        return;
    }
    case EvKind::NoticeNow:
        if (c.activity == Activity::Loop)
            stopLoop(c, loopRowsAt(c, m_now));
        notice(c);
        return;
    case EvKind::QueueWake: {
        ++c.queueSleeps;
        if (m_cfg.innodbAdaptiveMaxSleepDelayUs > 0 && c.queueSleeps > 1)
            ++m_sleepDelay;
        if (m_rules.queueChecksKill() && killNoticeable(c)) {
            // 8.0: trx_is_interrupted() after every sleep → DB_INTERRUPTED.
            closeSeg(c);
            notice(c);
            return;
        }
        if (m_active < m_concurrency) {
            ++m_active;
            --m_waiting;
            c.inQueue = false;
            c.hasSeat = true;
            c.trxOpStr = 0;
            event(EventType::SeatGranted, c.lane, m_active);
            if (m_cfg.innodbAdaptiveMaxSleepDelayUs > 0) {
                if (m_sleepDelay > 20 && c.queueSleeps == 1)
                    --m_sleepDelay;
                if (m_waiting == 0)
                    m_sleepDelay >>= 1;
            }
            c.rowsPhase = 1;
            const Step *s = currentStep(c);
            if (s)
                rowsContinue(c, *s);
            return;
        }
        TimeUs sleep = m_sleepDelay;
        if (m_cfg.innodbAdaptiveMaxSleepDelayUs > 0 && sleep > m_cfg.innodbAdaptiveMaxSleepDelayUs)
            sleep = m_sleepDelay = m_cfg.innodbAdaptiveMaxSleepDelayUs;
        sleep = std::max(sleep, kMinQueueSleepUs);
        event(EventType::QueueSleep, c.lane, sleep);
        scheduleConn(c, m_now + sleep, EvKind::QueueWake);
        return;
    }
    case EvKind::LockRetry: {
        const Step *s = currentStep(c);
        if (s && c.activity == Activity::LockWait)
            rowsContinue(c, *s);
        return;
    }
    case EvKind::LockTimeout: {
        if (c.activity != Activity::LockWait)
            return;
        if (c.waitingLockKey >= 0) {
            auto &w = m_rowLocks[size_t(c.waitingLockKey)].waiters;
            w.erase(std::remove(w.begin(), w.end(), connIndex(c)), w.end());
        }
        if (c.waitingLockInterval >= 0)
            m_res.locks[size_t(c.waitingLockInterval)].released = m_now;
        c.waitingLockKey = -1;
        c.waitingLockInterval = -1;
        c.trxState = TrxState::Running;
        closeSeg(c);
        ++c.gen;
        abortStatement(c, 1205, false);
        return;
    }
    case EvKind::NetWriteTimeout: {
        if (c.activity != Activity::Blocked)
            return;
        // net_write_timeout: the write fails, the statement and the connection are aborted.
        closeSeg(c);
        ++c.gen;
        c.socketClosed = true;
        abortStatement(c, 1161, true);
        return;
    }
    default:
        return;
    }
}

void Sim::applySet(const Action &actionIn)
{
    // The validator's range, re-checked for actions built in code (the UI's knobs).
    Action a = actionIn;
    a.value = std::isfinite(a.value) ? std::clamp(a.value, 0.0, 1000.0) : 0.0;
    event(EventType::SetGlobal, -1, int64_t(a.value * 1000), int64_t(intern(a.name)));
    if (a.name == "innodb_thread_concurrency") {
        if (!m_rules.hasAdmissionQueue()) {
            note("mariadb-no-queue",
                 "innodb_thread_concurrency does not exist in MariaDB 10.6+ (removed in 10.6.0; it was a no-op since 10.5): setting it "
                 "changes nothing.",
                 "MariaDB 10.6 起已没有 innodb_thread_concurrency（10.6.0 删除，10.5 起已无作用）：设置它不会改变任何东西。");
            return;
        }
        m_cfg.innodbThreadConcurrency = int(a.value);
        // Waiters only see a freed seat when they wake up and poll (no notification).
        m_concurrency = m_cfg.innodbThreadConcurrency;
        if (m_concurrency == 0) {
            // 0 = no throttling: the next poll enters at once.
            m_concurrency = 1 << 30;
        }
        return;
    }
    if (a.name == "io_pressure") {
        m_cfg.ioPressure = a.value;
        rerateLoops();
    }
}

// I/O pressure changed: loops and rollbacks that read pages continue at the new rate.
void Sim::rerateLoops()
{
    for (Conn &c : m_conns) {
        if (!c.alive)
            continue;
        if (c.activity == Activity::Loop) {
            const Step *s = currentStep(c);
            if (!s || s->ioBytesPerRow == 0)
                continue;
            const int64_t done = loopRowsAt(c, m_now);
            stopLoop(c, done);
            startLoop(c, *s);
        } else if (c.activity == Activity::Rollback && !c.undo.empty() && c.undo.back().ioBytesPerRow > 0) {
            const int64_t undone = std::min(c.rbRemaining, std::max<int64_t>(0, (m_now * 1000 - c.loopStartNs) / c.loopCostNs));
            UndoChunk &ch = c.undo.back();
            ch.rows -= undone;
            c.undoRows -= undone;
            closeSeg(c, c.undoRows);
            m_res.rollbacks[size_t(c.rollbackRecord)].points.push_back({m_now, c.undoRows});
            if (ch.rows <= 0)
                c.undo.pop_back();
            rollbackNextChunk(c);
        }
    }
}

RunResult Sim::run()
{
    // Synthetic steps for the auto-rehash, one per table.
    for (const std::string &t : m_sc.tables) {
        Step s;
        s.op = StepOp::Mdl;
        s.table = t;
        s.mdlMode = MdlMode::SharedRead;
        m_rehashSteps.push_back(s);
    }
    m_clients.resize(m_sc.sessions.size());
    for (const SessionSpec &ss : m_sc.sessions)
        if (ss.id)
            m_reservedIds.insert(*ss.id);
    size_t statements = 0;
    m_lastSqlId.assign(m_sc.sessions.size(), {-1, 0});
    for (size_t i = 0; i < m_sc.sessions.size(); ++i)
        statements += m_sc.sessions[i].statements.size();
    m_res.events.reserve(64 + statements * 9 + m_sc.actions.size() * 8);
    m_conns.reserve(m_sc.sessions.size() + 16);
    m_res.lanes.reserve(m_sc.sessions.size() + 16);
    m_res.locks.reserve(statements * 2);
    bool anyOperatorKill = false;
    for (const Action &a : m_sc.actions)
        anyOperatorKill = anyOperatorKill || a.kind == ActionKind::Kill;
    for (size_t i = 0; i < m_sc.sessions.size(); ++i) {
        const SessionSpec &ss = m_sc.sessions[i];
        Client &cl = m_clients[i];
        cl.session = int(i);
        cl.rules = ClientRules(ss.client, m_flavor);
        if (ss.daemon) {
            const int64_t id = allocId(ss.id);
            m_now = ss.connectAt;
            const int ci = newConn(int(i), id, ss.label, ClientKind::Daemon, "event_scheduler", "localhost", std::string(), 0);
            Conn &c = m_conns[size_t(ci)];
            c.daemon = true;
            c.activity = Activity::Idle;
            c.command = Command::Daemon;
            c.stateStr = intern(m_rules.daemonState());
            c.timeBase = 0;
            openSeg(c, LaneState::Idle, lit("event scheduler"));
            pushPl(c);
            cl.exited = true;
            m_now = 0;
            continue;
        }
        schedule(ss.connectAt, EvKind::ClientConnect, uint32_t(i), 0);
    }
    if (anyOperatorKill) {
        // The operator's connection must not shift the ids the sessions get (a kill injected by
        // the UI must not renumber the scenario): take an id well above theirs.
        int64_t top = m_cfg.firstConnectionId + int64_t(m_sc.sessions.size()) + 100;
        for (const SessionSpec &ss : m_sc.sessions)
            if (ss.id)
                top = std::max(top, *ss.id + 100);
        const int64_t id = top - top % 100; // not via allocId(): m_nextId stays where it is
        m_operator = newConn(-1, id, "KillScope", ClientKind::Operator, "root", "localhost", std::string(), PrivSuper);
        Conn &op = m_conns[size_t(m_operator)];
        op.isOperator = true;
        op.activity = Activity::Idle;
        op.serverIdle = true;
        op.command = Command::Sleep;
        op.stateStr = internEmpty();
        openSeg(op, LaneState::Idle, 0, 0);
        pushPl(op);
    }
    for (size_t i = 0; i < m_sc.actions.size(); ++i) {
        const Action &a = m_sc.actions[i];
        const int si = a.session.empty() ? -1 : m_sc.sessionIndex(a.session);
        switch (a.kind) {
        case ActionKind::CtrlC:
            if (si >= 0)
                schedule(a.at, EvKind::ClientCtrlC, uint32_t(si), 0);
            break;
        case ActionKind::StopReading:
            if (si >= 0)
                schedule(a.at, EvKind::ClientStop, uint32_t(si), 0);
            break;
        case ActionKind::ResumeReading:
            if (si >= 0)
                schedule(a.at, EvKind::ClientResume, uint32_t(si), 0);
            break;
        case ActionKind::Set: schedule(a.at, EvKind::SetGlobal, 0, 0, int64_t(i)); break;
        case ActionKind::Kill: schedule(a.at, EvKind::OperatorKill, uint32_t(m_operator), 0, int64_t(i)); break;
        }
    }
    const TimeUs hardStop = m_until.value_or(Engine::kMaxUntil);
    while (!m_queue.empty()) {
        const QEvent e = m_queue.top(); // a copy: handle() may push
        if (e.t > hardStop)
            break;
        m_queue.pop();
        m_now = e.t;
        if (++m_res.processedEvents > m_maxEvents) {
            // A pathological scenario (thousands of queue pollers for an hour) must not hang the
            // UI: stop here and say so.
            m_res.truncated = true;
            NarrationStep n;
            n.t = m_now;
            n.en = "The run was stopped here: it exceeded " + std::to_string(m_maxEvents) + " engine events.";
            n.zh_CN = "运行在这里停止：引擎事件数超过了 " + std::to_string(m_maxEvents) + "。";
            n.fromEngine = true;
            m_res.narration.push_back(std::move(n));
            m_until = m_now;
            break;
        }
        handle(e);
    }
    if (!m_until) {
        // Default end: one second after the last thing happened.
        TimeUs last = m_lastActivity;
        if (!m_res.events.empty())
            last = std::max(last, m_res.events.back().t);
        for (const Lane &l : m_res.lanes)
            for (const auto &s : l.clientSegments)
                last = std::max(last, s.start);
        m_until = std::min(last + kSecond, Engine::kMaxUntil);
    }
    m_now = *m_until;
    finalize();
    resolveNarration();
    return std::move(m_res);
}

void Sim::finalize()
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
                                              [this](const ClientSegment &s) { return s.start >= m_now && s.end <= s.start; }),
                               l.clientSegments.end());
        std::stable_sort(l.clientSegments.begin(), l.clientSegments.end(),
                         [](const ClientSegment &a, const ClientSegment &b) { return a.start < b.start; });
        // Cut overlapping client segments (the reconnect tail may overlap nothing, but be safe).
        for (size_t i = 0; i + 1 < l.clientSegments.size(); ++i)
            l.clientSegments[i].end = std::min(l.clientSegments[i].end, l.clientSegments[i + 1].start);
    }
    // Lanes in display order: every session's lanes together, helpers next to their owner.
    std::vector<int> order(m_res.lanes.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    auto key = [this](int li) {
        const Lane &l = m_res.lanes[size_t(li)];
        const int s = l.session >= 0 ? l.session : (l.client == ClientKind::Operator ? 1 << 20 : -1);
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

void Sim::resolveNarration()
{
    const uint8_t bit = uint8_t(1u << unsigned(m_flavor));
    for (const NarrationSpec &n : m_sc.narration) {
        if (!(n.flavorMask & bit))
            continue;
        TimeUs t = -1;
        if (n.at) {
            t = *n.at;
        } else {
            const int session = n.session.empty() ? -1 : m_sc.sessionIndex(n.session);
            int seen = 0;
            for (const Event &e : m_res.events) {
                if (e.type != n.event)
                    continue;
                if (session >= 0 && (e.lane < 0 || m_res.lanes[size_t(e.lane)].session != session))
                    continue;
                if (++seen == n.nth) {
                    t = e.t;
                    break;
                }
            }
            if (t < 0)
                continue;
        }
        if (t + n.offsetUs > m_res.until)
            continue; // after the end of this run
        NarrationStep s;
        s.t = t + n.offsetUs;
        s.en = n.text.en;
        s.zh_CN = n.text.zh_CN;
        m_res.narration.push_back(std::move(s));
    }
    std::stable_sort(m_res.narration.begin(), m_res.narration.end(), [](const NarrationStep &a, const NarrationStep &b) {
        if (a.t != b.t)
            return a.t < b.t;
        return a.fromEngine < b.fromEngine;
    });
}

} // namespace

RunResult Engine::run(const Scenario &scenario, const RunOptions &options)
{
    Sim sim(scenario, options);
    return sim.run();
}

} // namespace ks::sim
