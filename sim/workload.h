#pragma once

// Generated scenarios for benchmarks and stress tests: many sessions with a mix of point
// queries, scans, single-row and range updates on shared rows, an admission queue, and operator
// kills at random times. Deterministic for a given seed (SplitMix64, no std::random engines whose
// distributions differ between standard libraries).

#include "scenario.h"

namespace ks::sim {

struct WorkloadParams
{
    int sessions = 10'000;
    int kills = 1'000;
    TimeUs duration = 60 * kSecond;
    int innodbThreadConcurrency = 32;
    int hotRows = 20'000;        // row-lock key space
    Flavor flavor = Flavor::MySql80;
    uint64_t seed = 42;
};

Scenario makeWorkload(const WorkloadParams &params);

} // namespace ks::sim
