#pragma once

// The vocabulary of one engine run (internal to sim/, included only by the engine's own files):
// the engine's fixed costs, the event queue's events, a thread's work items, the server thread
// (Conn) and its client (Client), the lock-table entries, and saturating time arithmetic.
// The run itself, EngineRun, is in enginerun.h.

#include "clientrules.h"
#include "engine.h"
#include "eventqueue.h"
#include "flavor.h"
#include "runresult.h"
#include "scenario.h"

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ks::sim::detail {

// Small fixed costs of the server and the client, in microseconds. They only shape the picture
// (a KILL returns "at once" = after these few microseconds).
inline constexpr TimeUs kKillStatementUs = 20;
inline constexpr TimeUs kSmallStatementUs = 50;
inline constexpr TimeUs kCommitUs = 100;
inline constexpr TimeUs kRehashPerTableUs = 200;
// os_thread_sleep() ends up in nanosleep(); with the default 50 us timer slack a shorter sleep
// does not happen, so the adaptive delay can shrink but a waiter never spins faster than this.
inline constexpr TimeUs kMinQueueSleepUs = 50;
inline constexpr DurationNs kMaxRowCostNs = Engine::kMaxRowCostNs;
// Where a product or a sum of scenario numbers would overflow (a billion rows at a second each,
// petabytes through the I/O device), the time saturates here: far beyond Engine::kMaxUntil, so
// such an event never happens in a run, and no arithmetic on it overflows.
inline constexpr int64_t kNeverNs = std::numeric_limits<int64_t>::max() / 4;
inline constexpr TimeUs kNeverUs = kNeverNs / 1000;

// Lets the intern table be searched with a string_view: the lookup of an already interned
// string (nearly every lookup) then allocates nothing.
struct StringHash
{
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

inline TimeUs ceilDivNsToUs(int64_t ns)
{
    return ns >= 0 ? (ns + 999) / 1000 : -((-ns) / 1000);
}

// startNs + n * costNs, saturating at kNeverNs (n, costNs >= 0; startNs <= kNeverNs).
inline int64_t endNs(int64_t startNs, int64_t n, int64_t costNs)
{
    int64_t span = 0;
    if (__builtin_mul_overflow(n, costNs, &span) || span > kNeverNs - startNs)
        return kNeverNs;
    return startNs + span;
}

// a + b for times >= 0, saturating at kNeverUs.
inline TimeUs addUs(TimeUs a, TimeUs b)
{
    return a > kNeverUs - b ? kNeverUs : a + b;
}

// A double number of nanoseconds (or microseconds) as an integer, rounded, saturating at `cap`:
// a float-to-integer conversion out of range is undefined behaviour.
inline int64_t roundSat(double v, int64_t cap)
{
    if (!(v < double(cap))) // also NaN
        return cap;
    return v <= 0 ? 0 : int64_t(v + 0.5);
}

enum class EvKind : uint8_t
{
    ClientConnect,
    ClientSend,
    ClientCtrlC,
    ClientStop,
    ClientResume,
    SetGlobal,
    OperatorKill,
    WorkDone, // the current timed work item of a conn ended
    LoopEnd,
    LoopNotice, // arg = row boundary index (rows done at the notice)
    LoopBlock,  // arg = rows done when the write blocks
    NoticeNow,
    QueueWake,
    LockTimeout,
    LockRetry,   // a row lock this conn waited for was released
    StmtTimeout, // arg = statement serial
    NetWriteTimeout,
    ServerRestart, // arg = action index
    ServerUp,
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
enum QueueLane : size_t
{
    LaneNow,
    LaneQueueWake,
    kQueueLanes
};
using EventQueue = LanedEventQueue<QEvent, kQueueLanes>;

enum class Activity : uint8_t
{
    None,
    Connecting,
    Cpu,
    MdlWait,
    LockWait,
    Queue,
    Loop,
    Blocked,
    Sleep,
    Io,
    Dd,
    Idle,
    Rollback,
    Cleanup,
    Commit,
    Gone
};

enum class WK : uint8_t
{
    Connect,       // handshake
    ConnReady,     // tell the client
    Rehash,        // idx = table index; MDL SR + a little CPU, as COM_FIELD_LIST
    RehashRelease, // release the statement MDL after the rehash
    Step,          // idx = step index in the current statement
    BeginTrx,
    CommitTrx,
    RollbackTrx,
    KillExec,
    StmtSuccess, // the statement passed its last check point
    Commit,      // autocommit commit
    TempCleanup,
    StmtRollback,
    EndTrxIfAutocommit,
    Reply,
    Disconnect,
    TrxRollback,
    Gone,
    Quit,
    Cpu,          // idx = duration in us (a statement without steps)
    HelperKill,   // Ctrl+C helper connection sends its KILL
    OperatorKill, // idx = action index
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
    bool killPending = false; // flag set, not yet noticed
    Killed killed = Killed::None;
    Activity activity = Activity::None;
    int queueSleeps = 0;

    int64_t id = 0;
    int session = -1;
    int client = -1; // client index (sessions), -1 for helper/operator/daemon
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
    int killReplyRows = -1; // KILL USER: rows affected
    std::vector<Work> work;
    size_t workPos = 0;
    // Rows step state
    int rowsPhase = 0; // 0 admission, 1 locks, 2 loop
    size_t lockIdx = 0;
    bool needReseat = false;
    int64_t loopDone = 0;
    int64_t loopStartNs = 0;
    DurationNs loopCostNs = 1;
    int64_t loopBase = 0; // rows done when the current loop run started
    int64_t loopCount = 0;
    bool loopModify = false;
    int64_t loopTrxBase = 0; // undo rows when the current loop run started
    int64_t stmtRowsSent = 0;
    int waitingLockKey = -1;
    int waitingLockInterval = -1;
    TimeUs lockWaitStart = 0;
    // rollback state
    int64_t rbRemaining = 0; // rows in the current chunk still to undo
    int rollbackRecord = -1;
    bool rbWholeTrx = false;
    int64_t rbStopAt = 0; // undo rows when the rollback ends
    // admission
    bool hasSeat = false;
    bool inQueue = false;
    // trx
    bool inTrx = false; // explicit transaction open
    std::vector<UndoChunk> undo;
    int64_t undoRows = 0;
    int64_t stmtUndoMark = 0;
    std::vector<int> rowLocks; // lock table indices held
    std::vector<int> rowLockIntervals;
    // Per held row lock: the undo rows booked before it was taken (its rows are the ones above),
    // and whether another transaction asked for it while it was held (after a restart that turns
    // the recovered transaction's implicit lock into an explicit one, held to the end).
    std::vector<int64_t> rowLockUndoPos;
    std::vector<uint8_t> rowLockAsked;
    // A transaction resurrected by crash recovery, rolled back by InnoDB's background thread:
    // no client, no processlist row, thread id 0 in INNODB_TRX (§10.4).
    bool recovered = false;
    std::vector<MdlHold> mdl;
    std::vector<TempFile> tempFiles;
    int mdlWaitTable = -1;
    int mdlWaitInterval = -1;
    MdlMode mdlWaitMode = MdlMode::SharedRead;
    // Ctrl+C helper: who it kills
    int helperFor = -1; // client index
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
    bool knowsDead = false; // it saw 2013 / it will reconnect on the next statement
    int ctrlC = 0;          // presses for the current statement
    TimeUs stmtSentAt = 0;
    TimeUs lastDone = 0;
    bool scheduled = false;
    std::vector<std::pair<std::string, ClientState>> pending; // lines held while paused
    // While a Ctrl+C handler runs (the helper connection sends its KILL), the main thread's
    // output waits: the handler's lines come first, then e.g. the 2013 of the interrupted read.
    int hold = 0;
    std::vector<std::pair<std::string, ClientState>> held;
    int pendingStmt = -1; // statement to send once reconnected
    bool noConnection =
        false; // a reconnect failed (server down): the next statement retries at once
    ClientSegment seg;
    int segLane = -1;
};

struct RowLock
{
    int holder = -1;  // conn
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

// A one-entry memo in front of Sim::intern() for a call site that nearly always sees the same
// text (every DML statement's MDL step names the same few tables).
struct InternCache
{
    std::string text;
    StringId id = 0;
    bool valid = false;
};

} // namespace ks::sim::detail
