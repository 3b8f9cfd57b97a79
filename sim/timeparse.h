#pragma once

// Parsing and printing of durations such as "1.5s", "200ms", "3000us", "2.7us", "350ns".
// Exact decimal arithmetic: no floating point, so "0.1s" is exactly 100000 us on every machine.

#include "types.h"

#include <optional>
#include <string>
#include <string_view>

namespace ks::sim {

struct DurationParse
{
    std::optional<int64_t> value; // set on success
    std::string error;            // why not, e.g. "missing unit (use s, ms, us)"
};

// A point in time or a duration in whole microseconds. Units: s, ms, us (and ns when the
// result is still whole microseconds). A bare number is rejected: times always carry a unit.
DurationParse parseTimeUs(std::string_view text);

// The same, also with minutes ("10m", "10min") and hours ("8h"): recording durations and
// times within a recording, which may span days.
DurationParse parseLongTimeUs(std::string_view text);

// A cost in nanoseconds (units s, ms, us, ns); must be whole nanoseconds.
DurationParse parseDurationNs(std::string_view text);

// "1.5s", "200ms", "1.234ms", "15us", "0s": exact, in the largest unit that keeps it >= 1;
// parseTimeUs(formatTimeUs(t)) == t.
std::string formatTimeUs(TimeUs t);

// "12.345678" seconds with six decimals, for tables and traces.
std::string formatSeconds(TimeUs t);

} // namespace ks::sim
