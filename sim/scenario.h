#pragma once

// A scenario in memory: what the server is configured to, who connects, what they type, what
// happens from outside (Ctrl+C, a paused client, SET GLOBAL, kills) and the narration. Built by
// ScenarioParser from JSON (format: sim/SCENARIO_FORMAT.md) or directly in code (the UI appends
// actions to inject kills and knob changes, then re-runs the Engine).
//
// Invariants (guaranteed for a Scenario returned by ScenarioParser; code that builds one by hand
// must keep them, Engine::run re-checks the cheap ones):
// - sessions have unique names; explicit ids are unique;
// - every name referenced by an action, kill or narration step exists;
// - all times are >= 0, all costs are >= 1 ns, all counts are >= 0;
// - flavors is non-empty and contains defaultFlavor.

#include "types.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ks::sim {

struct Text
{
    std::string en;
    std::string zh_CN;
};

// A processlist State text, optionally different per flavor. Unset (or an empty text for a
// flavor) = the op's default. Shared and immutable, so that a Step stays small (the engine reads
// hundreds of thousands of steps per benchmark run and every cache line counts).
struct StageText
{
    std::shared_ptr<const std::array<std::string, kFlavorCount>> texts;

    bool isSet() const { return texts != nullptr; }
    const std::string *forFlavor(Flavor f) const
    {
        if (!texts || (*texts)[size_t(f)].empty())
            return nullptr;
        return &(*texts)[size_t(f)];
    }
};

enum class StepOp : uint8_t
{
    Cpu,
    Mdl,
    Rows,
    Sleep,
    TempFile,
    Io,
    Dd
};
enum class MdlMode : uint8_t
{
    SharedRead,
    SharedWrite,
    SharedUpgradable,
    Exclusive
};

struct Step
{
    StepOp op = StepOp::Cpu;
    StageText stage;
    TimeUs durationUs = 0; // cpu, sleep, dd
    std::string table;     // mdl
    MdlMode mdlMode = MdlMode::SharedWrite;
    int64_t count = 0;                  // rows
    DurationNs perRowNs = 0;            // rows
    DurationNs rollbackPerRowNs = 0;    // rows; 0 = same as perRowNs
    bool modify = false;                // rows
    std::vector<std::string> lockKeys;  // rows
    bool innodb = true;                 // rows: goes through the admission queue
    bool send = false;                  // rows: each row is written to the client
    int64_t ioBytesPerRow = 0;          // rows: pages not cached
    int64_t rollbackIoBytesPerRow = -1; // rows: -1 = same as ioBytesPerRow
    bool alone = false;                 // sleep: the statement is just SELECT SLEEP(n)
    int64_t bytes = 0;                  // tempfile, io
    TimeUs deleteUs = 1000;             // tempfile
    bool commits = true;                // dd
    std::vector<Flavor> flavors;        // empty = every flavor; else the step exists only there
};

enum class StatementKind : uint8_t
{
    Select,
    Update,
    Delete,
    Insert,
    Ddl,
    Other,
    Begin,
    Commit,
    Rollback,
    Kill,
    Quit
};

struct KillSpec
{
    enum class Target : uint8_t
    {
        Session,
        Id,
        Self,
        User,
        QueryOf,
        QueryId
    };
    KillType type = KillType::Connection;
    KillMode mode = KillMode::Default;
    Target target = Target::Self;
    std::string name; // session name (Session, QueryOf) or user name (User)
    int64_t id = 0;   // Id, QueryId
};

struct Statement
{
    std::string sql;
    std::optional<TimeUs> at;
    TimeUs afterUs = 0;
    StatementKind kind = StatementKind::Other;
    std::vector<Step> steps;
    KillSpec kill;
    std::optional<TimeUs> timeoutUs;
    std::optional<int64_t> resultRows;
};

enum Privilege : uint8_t
{
    PrivSuper = 1,
    PrivConnectionAdmin = 2,
    PrivProcess = 4,
    PrivSystemUser = 8
};

struct SessionSpec
{
    std::string name;
    std::optional<int64_t> id;
    std::string user = "app";
    std::string host = "localhost";
    std::optional<std::string> db;
    uint8_t privileges = 0;
    std::string label;   // lane label, English (default: the name)
    std::string labelZh; // lane label, Chinese (default: the English one)
    ClientKind client = ClientKind::Cli;
    bool quick = false;
    std::optional<bool> autoRehash;
    bool verbose = false;
    bool autocommit = true;
    std::optional<TimeUs> maxStatementTimeUs;
    TimeUs connectAt = 0;
    bool daemon = false; // the event scheduler
    std::vector<Statement> statements;
};

// Restart: the server process is killed (kill -9) and started again on the same datadir
// (kill-semantics.md §10.4); also reachable as the what-if knob `restart` (sim/knobs.h).
enum class ActionKind : uint8_t
{
    CtrlC,
    StopReading,
    ResumeReading,
    Set,
    Kill,
    Restart
};

struct Action
{
    TimeUs at = 0;
    ActionKind kind = ActionKind::Kill;
    std::string session; // CtrlC, StopReading, ResumeReading
    std::string name;    // Set: "innodb_thread_concurrency" or "io_pressure"
    double value = 0;    // Set
    KillSpec kill;       // Kill
    // Added by the user (a what-if kill or knob), not by the scenario's author: the author's
    // narration never describes what such an action causes.
    bool injected = false;
};

// Which events of a run a narration step describes (SCENARIO_FORMAT.md, narration[].on and
// narration[].requires). An event caused by a kill (its arrival, notice, rollback, client error,
// the end of the thread) "belongs" to that kill; see RunResult::killOfEvent.
struct EventMatch
{
    EventType event = EventType::Note;
    std::string session;          // empty = any
    int nth = 1;                  // on: the k-th such event; requires: ignored (any)
    std::optional<KillType> kill; // the event belongs to a kill of this type
    std::optional<int> code;      // statement_end, client_error, kill_result: this code (0 = OK)
};

// One of a scenario's alternative endings, shown side by side: the scenario runs once per
// branch, with the branch's actions added, and the runs' lanes are laid one group under the
// other on the same time axis (sim/branches.cpp).
struct Branch
{
    std::string name; // [a-z0-9-]+, unique
    Text label;       // lane-group caption ("Wait", "Restart")
    std::vector<Action> actions;
};

struct NarrationSpec
{
    std::optional<TimeUs> at;
    EventType event = EventType::Note;
    std::string session; // empty = any
    int nth = 1;
    std::optional<KillType> kill; // on: only events of a kill of this type
    std::optional<int> code;      // on: only events with this code
    // Each must happen at or after the step's anchor (and, where both belong to a kill, to the
    // same kill); otherwise the step is dropped from the run (JSON "requires"). unlessAny
    // (JSON "unless"): none may.
    std::vector<EventMatch> needs;
    std::vector<EventMatch> unlessAny;
    TimeUs offsetUs = 0;
    uint8_t flavorMask = 0x7; // bit per Flavor
    std::string branch;       // only in this branch's run; empty = once (the first branch's run)
    Text text;
};

struct ServerConfig
{
    int innodbThreadConcurrency = 0;
    int64_t innodbConcurrencyTickets = 5000;
    TimeUs innodbThreadSleepDelayUs = 10'000;
    TimeUs innodbAdaptiveMaxSleepDelayUs = 150'000;
    TimeUs innodbLockWaitTimeoutUs = 50 * kSecond;
    TimeUs netWriteTimeoutUs = 60 * kSecond;
    int64_t ioBandwidth = 200'000'000; // bytes per second
    double ioPressure = 0;
    TimeUs maxStatementTimeUs = 0; // MariaDB
    TimeUs maxExecutionTimeUs = 0; // MySQL
    int64_t firstConnectionId = 10;
    // A client connection in two parts: first the client's own work before anything reaches the
    // server (no server thread yet: option files, library set-up, mysql_init), then the handshake
    // the server shows as `Connect | login`. Lab mode measured a local reconnect of the mariadb
    // client as tens of milliseconds of the first and well under one of the second.
    TimeUs clientConnectTimeUs = 0;
    TimeUs connectTimeUs = 1000;
};

// The `lab` section: how lab mode runs the scenario on a real server next to its simulation
// (SCENARIO_FORMAT.md, "lab"). The simulation itself ignores it.
struct LabTable
{
    std::string name;
    std::string create; // CREATE TABLE statement, run as is
    int64_t rows = 0;   // declared size; lab mode creates rows * scale
    std::string fill;   // select list of one row, `seq` = 1..rows ("seq, 0, 'x'"); "" = stays empty
};

struct LabStatement
{
    std::string session;
    int statement = 0; // index into that session's statements
    std::string sql;   // what is sent instead of the scenario's display text
};

struct LabClient
{
    std::string session;
    ClientKind client = ClientKind::MariaDb1011; // the client actually run (and simulated) there
    Text reason;
};

// A temporary file's size for the lab table: the story's file is that of its own rows, the lab
// table's rows may sort into a file of another size (measured on a real server).
struct LabTempFile
{
    std::string session;
    int statement = 0; // index into that session's statements
    int step = 0;      // index into that statement's steps: a `tempfile` step
    int64_t bytes = 0; // with the lab table at its declared size (scaled with the lab scale)
    Text reason;
};

struct LabDifference
{
    std::string session; // "" = any session
    std::string cls;     // "text", "state", "outcome" or "timing"
    std::string
        aspect; // "" = any; else lines, states, leave-order, kill-latency, rollback-rate, end-state
    std::string match; // "" = any; else text the difference's simulated or real side contains
    Text reason;
};

struct LabSpec
{
    bool present = false;
    double scale = 1.0; // row counts and scenario times are multiplied by this in lab runs
    std::vector<LabTable> tables;
    std::vector<LabStatement> statements;
    std::vector<LabClient> clients;
    std::vector<LabTempFile> tempfiles;
    std::vector<LabDifference> differences;
};

struct Scenario
{
    int version = 1;
    std::string id;
    Text title;
    Text summary;
    std::vector<Flavor> flavors;
    Flavor defaultFlavor = Flavor::MySql80;
    uint64_t seed = 1;
    std::optional<TimeUs> until;
    ServerConfig server;
    std::vector<std::string> tables;
    std::vector<SessionSpec> sessions;
    std::vector<Action> actions;
    std::vector<NarrationSpec> narration;
    LabSpec lab;
    std::vector<Branch> branches; // empty = one run

    bool supports(Flavor f) const;
    int sessionIndex(const std::string &name) const; // -1 if none
};

} // namespace ks::sim
