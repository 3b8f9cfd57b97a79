#pragma once

// Basic vocabulary of the simulation: time units, flavors, states and event kinds. Shared by the
// engine, the scenario parser and every consumer of a RunResult.

#include <cstdint>
#include <string_view>

namespace ks::sim {

// Simulated time in microseconds since the start of the run. Costs of single rows are finer
// than a microsecond, so they are kept in nanoseconds (DurationNs) and only their sums are
// rounded, always up, to microseconds.
using TimeUs = int64_t;
using DurationNs = int64_t;

inline constexpr TimeUs kSecond = 1'000'000;
inline constexpr TimeUs kMillisecond = 1'000;

enum class Flavor : uint8_t
{
    MySql57 = 0,
    MySql80 = 1,
    MariaDb1011 = 2
};
inline constexpr int kFlavorCount = 3;

std::string_view flavorId(Flavor f); // "mysql-5.7", "mysql-8.0", "mariadb-10.11"
bool parseFlavor(std::string_view id, Flavor &out);
inline bool isMariaDb(Flavor f)
{
    return f == Flavor::MariaDb1011;
}
inline bool isMySql(Flavor f)
{
    return f != Flavor::MariaDb1011;
}

// The program at the other end of a connection. Cli is resolved per run to the flavor's own
// command-line client; the other values pin a client version regardless of the server.
enum class ClientKind : uint8_t
{
    Cli,
    MySql56,
    MySql57,
    MySql80,
    MariaDb1011,
    App,
    Helper,
    Operator,
    Daemon
};
std::string_view clientKindId(ClientKind k);

// What a server thread is doing, as drawn on its lane. One value per colour of the UI legend.
enum class LaneState : uint8_t
{
    Connecting,    // handshake, authentication, the client's auto-rehash
    Running,       // CPU work: parse, row loop, commit
    RowLockWait,   // InnoDB row lock, wakeable
    MdlWait,       // metadata lock, wakeable
    TableLockWait, // table-level lock, wakeable (reserved; no scenario uses it yet)
    InnodbQueue,   // sleeping before entering InnoDB; not woken by KILL
    IoWait,        // a read/write on the I/O device, no check point
    SendBlocked,   // network write blocked because the client stopped reading
    UserSleep,     // SLEEP(), wakeable
    Idle,          // waiting for the next command (Sleep)
    RollingBack,   // undo, never interruptible
    Cleanup,       // temp-file deletion, DDL leftovers
    DdImmune,      // MySQL 8.0 data-dictionary work, kills are deferred
    Gone           // the thread no longer exists
};
inline constexpr int kLaneStateCount = 14;
std::string_view laneStateId(LaneState s); // stable lower-case ids ("row-lock-wait", ...)

// Bits in LaneSegment::flags.
enum LaneFlag : uint8_t
{
    FlagKillPending = 1,   // the kill flag is set but the thread has not noticed it yet
    FlagHidden = 2,        // not shown by SHOW PROCESSLIST (MySQL disconnect-time cleanup)
    FlagIoBound = 4,       // the work in this segment is dominated by I/O
    FlagSocketClosed = 8,  // KILL CONNECTION already shut the socket
    FlagKillDeferred = 16, // a kill was saved by the MySQL 8.0 DD kill immunizer
};

// What the client (the user's terminal or the application) shows.
enum class ClientState : uint8_t
{
    None, // no client (daemon thread) or not yet started
    Connecting,
    Prompt,      // idle at the prompt; text = the last line printed
    Waiting,     // statement sent, waiting for the result; text = the statement
    Receiving,   // streaming rows (--quick)
    Paused,      // not reading (pager paused)
    Error,       // at the prompt after an error; text = the error line
    Lost,        // the connection broke; text = the 2013/2006 line
    Disconnected // the client has exited or has no connection
};
std::string_view clientStateId(ClientState s);

enum class KillType : uint8_t
{
    Connection,
    Query
};
enum class KillMode : uint8_t
{
    Default,
    Hard,
    Soft
};

// Where a kill came from, for arrows and the kill-latency chart.
enum class KillSource : uint8_t
{
    Statement,
    CtrlC,
    Operator,
    Timeout
};

// Events recorded in the run (RunResult::events). Values are stable; names via eventTypeId().
enum class EventType : uint8_t
{
    Connect,
    StatementStart,
    StatementEnd, // a = error code (0 = OK)
    KillIssued,   // on the victim lane; a = killer lane, b = kill index
    KillResult,   // on the killer lane; a = error code of the KILL statement (0 = OK)
    KillDeferred, // 8.0 DD immunity saved the kill
    KillReplayed, // the victim replays its saved kill
    KillNoticed,  // the victim reached a check point; a = kill index (-1 timeout w/o record)
    SocketClosed,
    ClientError, // a = error code
    LockWait,    // row lock; b = string id of the key
    LockGranted,
    MdlWait,
    MdlGranted,
    QueueWait,  // first sleep in the InnoDB queue
    QueueSleep, // every further sleep; a = sleep length
    SeatGranted,
    SeatReleased,
    RollbackStart, // a = rows to undo
    RollbackEnd,
    TempFileCreate,
    TempFileDelete,
    ThreadGone,
    CtrlC,
    ClientStopReading,
    ClientResumeReading,
    SetGlobal,
    Timeout,
    Note,       // an engine narration step (UNVERIFIED modelling); a = narration index
    ServerDown, // the server process died (a restart); every thread ends, lane -1
    ServerUp,   // it accepts connections again after crash recovery; lane -1
};
inline constexpr int kEventTypeCount = 31;
std::string_view eventTypeId(EventType t);
bool parseEventType(std::string_view id, EventType &out);

} // namespace ks::sim
