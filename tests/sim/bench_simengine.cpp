// Benchmark of the simulation engine (label bench, not run by default):
// 10,000 sessions, mixed statements, row locks, an admission queue, 1,000 kills, 60 s simulated.
// Reports wall time, events per second and bytes per recorded event.
//
//   cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-rel --target bench_simengine && build-rel/tests/bench_simengine
// Arguments (optional): sessions (default 10000), timed runs (default 3; 1 keeps a callgrind
// profile short).

#include "engine.h"
#include "workload.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>

using namespace ks::sim;

int main(int argc, char **argv)
{
    WorkloadParams p;
    if (argc > 1)
        p.sessions = std::atoi(argv[1]);
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const auto g0 = std::chrono::steady_clock::now();
    const Scenario sc = makeWorkload(p);
    const auto g1 = std::chrono::steady_clock::now();
    size_t statements = 0;
    for (const auto &s : sc.sessions)
        statements += s.statements.size();

    // Best of `runs` runs (the machine is shared).
    // Wall time and this thread's CPU time: the build machine is shared, and the CPU time shows
    // what the engine costs when it has a core to itself.
    auto cpuNow = [] {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
    };
    double best = 1e30, bestCpu = 1e30;
    RunResult r;
    for (int i = 0; i < runs; ++i) {
        r = RunResult(); // free the previous result outside the timed region
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = cpuNow();
        RunResult fresh = Engine::run(sc);
        const double c1 = cpuNow();
        const auto t1 = std::chrono::steady_clock::now();
        best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
        bestCpu = std::min(bestCpu, c1 - c0);
        r = std::move(fresh);
    }
    size_t segments = 0, plRecords = 0, clientSegs = 0;
    for (const Lane &l : r.lanes) {
        segments += l.segments.size();
        plRecords += l.processlist.size();
        clientSegs += l.clientSegments.size();
    }
    const double events = double(r.events.size());
    const double processed = double(r.processedEvents);
    // Bytes held by the run result per recorded event (events, segments, processlist records,
    // client segments, transcript), i.e. what a trace of this run costs in memory.
    const double bytes = double(r.events.size() * sizeof(Event) + segments * sizeof(LaneSegment) + plRecords * sizeof(ProcessRecord)
                                + clientSegs * sizeof(ClientSegment));
    std::printf("workload: %d sessions, %zu statements, %zu kill actions, %.0f s simulated (generated in %.3f s)\n", p.sessions,
                statements, sc.actions.size(), double(p.duration) / 1e6,
                std::chrono::duration<double>(g1 - g0).count());
    std::printf("run (best of %d): %.3f s wall, %.3f s CPU\n", runs, best, bestCpu);
    std::printf("engine events processed: %.0f  (%.2f M/s wall, %.2f M/s CPU)\n", processed, processed / best / 1e6, processed / bestCpu / 1e6);
    std::printf("trace events recorded:   %.0f  (%.2f M/s wall, %.2f M/s CPU)\n", events, events / best / 1e6, events / bestCpu / 1e6);
    // Everything the run records for the timeline / trace: events, thread and client segments,
    // processlist records (the Chrome trace writes segments as events too).
    const double records = events + double(segments + clientSegs + plRecords);
    std::printf("sizeof(Event) = %zu B; run result = %.1f MB, %.1f B per recorded event (all per-lane data included)\n", sizeof(Event),
                bytes / 1e6, bytes / events);
    std::printf("all trace records (events %zu + segments %zu + client segments %zu + processlist records %zu) = %.0f: "
                "%.2f M/s CPU, %.1f B per record\n",
                r.events.size(), segments, clientSegs, plRecords, records, records / bestCpu / 1e6, bytes / records);
    std::printf("kills: %zu records, lanes: %zu, segments: %zu\n", r.kills.size(), r.lanes.size(), segments);
    return 0;
}
