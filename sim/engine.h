#pragma once

// The discrete-event simulation of server threads, clients, locks, the InnoDB admission queue,
// the I/O device and KILL, per shared/reference/kill-semantics.md.
//
// Usage: RunResult r = Engine::run(scenario, {.flavor = Flavor::MySql57});
// Interactive what-ifs (kill at the playhead, knob changes) are done by appending an Action to a
// copy of the scenario (makeKillAction / makeSetAction) and running again: a run is a pure
// function of (scenario, options), so re-running from t = 0 reproduces everything before the
// playhead exactly and is fast (a built-in scenario runs in well under a millisecond).
//
// The implementation is one EngineRun per run, in rooms: sim/enginerun.h says which file holds what.
//
// Invariants of the engine (checked by tests/sim):
// - time never goes backwards; events at the same time run in the order they were scheduled;
// - a thread notices a kill only at a check point (row boundary, wakeable wait, queue wake-up in
//   MySQL 8.0, step start of a checked step, blocked write for KILL CONNECTION);
// - rollbacks are never interrupted;
// - the same scenario and options give byte-identical results.

#include "runresult.h"
#include "scenario.h"

#include <optional>

namespace ks::sim {

struct RunOptions
{
    std::optional<Flavor> flavor; // default: the scenario's defaultFlavor
    std::optional<TimeUs> until;  // default: the scenario's until, else 1 s after the last activity
    uint64_t maxEvents = 50'000'000; // safety stop (RunResult::truncated)
};

class Engine
{
public:
    static RunResult run(const Scenario &scenario, const RunOptions &options = {});
    // Upper bound on simulated time: no run goes beyond it, whatever the scenario or the options
    // ask (a scenario's `until` is validated against it).
    static constexpr TimeUs kMaxUntil = 3600 * kSecond;
    // A row never costs more than a second, CPU and I/O together (the validator rejects rows that
    // would; a higher io_pressure set from the UI is capped here), so costs fit 32 bits.
    static constexpr DurationNs kMaxRowCostNs = 1'000'000'000;
};

// An operator kill ("KILL [HARD|SOFT] [QUERY] id") at time `at`, as the UI's right-click sends it.
Action makeKillAction(TimeUs at, int64_t processlistId, KillType type, KillMode mode = KillMode::Default);
// SET GLOBAL innodb_thread_concurrency / io_pressure at time `at`.
Action makeSetAction(TimeUs at, const std::string &name, double value);

} // namespace ks::sim
