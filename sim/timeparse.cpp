#include "timeparse.h"

#include <cstdint>
#include <limits>

namespace ks::sim {

namespace {

// Parses "<digits>[.<digits>]<unit>" into an integer count of `resolutionNs` units.
// allowLong: also minutes ("m", "min") and hours ("h"), for spans of recordings, which the
// scenario format (a run lasts at most an hour) does not take.
DurationParse parseScaled(std::string_view text, int64_t resolutionNs, bool allowNs,
                          bool allowLong = false)
{
    DurationParse r;
    if (text.empty()) {
        r.error = "empty time";
        return r;
    }
    size_t i = 0;
    if (text[0] == '-') {
        r.error = "negative time \"" + std::string(text) + "\"";
        return r;
    }
    if (text[0] == '+')
        ++i;
    const size_t intStart = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
        ++i;
    const std::string_view intDigits = text.substr(intStart, i - intStart);
    std::string_view fracDigits;
    if (i < text.size() && text[i] == '.') {
        ++i;
        const size_t fracStart = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9')
            ++i;
        fracDigits = text.substr(fracStart, i - fracStart);
    }
    if (intDigits.empty() && fracDigits.empty()) {
        r.error = "\"" + std::string(text) + "\" is not a time (expected e.g. 1.5s, 200ms, 3000us)";
        return r;
    }
    const std::string_view unit = text.substr(i);
    int64_t unitNs = 0;
    if (unit == "s")
        unitNs = 1'000'000'000;
    else if (unit == "ms")
        unitNs = 1'000'000;
    else if (unit == "us")
        unitNs = 1'000;
    else if (unit == "ns" && allowNs)
        unitNs = 1;
    else if ((unit == "m" || unit == "min") && allowLong)
        unitNs = 60'000'000'000;
    else if (unit == "h" && allowLong)
        unitNs = 3'600'000'000'000;
    else if (unit.empty()) {
        r.error = "\"" + std::string(text) + "\" has no unit (use " + (allowLong ? "h, m, " : "")
                  + "s, ms, us" + (allowNs ? ", ns)" : ")");
        return r;
    } else {
        r.error = "unknown unit \"" + std::string(unit) + "\" in \"" + std::string(text) + "\" (use "
                  + (allowLong ? "h, m, " : "") + "s, ms, us" + (allowNs ? ", ns)" : ")");
        return r;
    }
    // Keep everything in nanoseconds; 2^63 ns is about 292 years, far beyond any scenario.
    // Every step is checked before it is taken: signed overflow must never happen, whatever the
    // digits ("9223372036854775808ns" is one more than int64_t holds).
    constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
    int64_t ns = 0;
    for (char c : intDigits) {
        const int d = c - '0';
        if (ns > (kMax - d) / 10) {
            r.error = "time \"" + std::string(text) + "\" is too large";
            return r;
        }
        ns = ns * 10 + d;
    }
    if (ns > kMax / unitNs) {
        r.error = "time \"" + std::string(text) + "\" is too large";
        return r;
    }
    ns *= unitNs;
    int64_t scale = unitNs;
    for (char c : fracDigits) {
        const int d = c - '0';
        if (scale % 10 != 0) {
            if (d != 0) {
                r.error = "time \"" + std::string(text) + "\" is finer than 1 " + (allowNs ? "ns" : "us");
                return r;
            }
            continue;
        }
        scale /= 10;
        // "9223372036.900000616s": the integer part fits, the fraction would carry it over.
        if (ns > kMax - d * scale) {
            r.error = "time \"" + std::string(text) + "\" is too large";
            return r;
        }
        ns += d * scale;
    }
    if (ns % resolutionNs != 0) {
        r.error = "time \"" + std::string(text) + "\" is not a whole number of "
                  + (resolutionNs == 1000 ? std::string("microseconds") : std::string("nanoseconds"));
        return r;
    }
    r.value = ns / resolutionNs;
    return r;
}

} // namespace

DurationParse parseTimeUs(std::string_view text)
{
    return parseScaled(text, 1000, true);
}

DurationParse parseLongTimeUs(std::string_view text)
{
    return parseScaled(text, 1000, true, true);
}

DurationParse parseDurationNs(std::string_view text)
{
    return parseScaled(text, 1, true);
}

std::string formatTimeUs(TimeUs t)
{
    if (t == 0)
        return "0s";
    const std::string sign = t < 0 ? "-" : "";
    const uint64_t v = t < 0 ? uint64_t(0) - uint64_t(t) : uint64_t(t);
    // The largest unit that keeps the number >= 1, with only the fraction digits needed.
    auto decimal = [](uint64_t value, uint64_t scale, const char *unit) {
        std::string out = std::to_string(value / scale);
        std::string frac = std::to_string(value % scale + scale).substr(1);
        while (!frac.empty() && frac.back() == '0')
            frac.pop_back();
        if (!frac.empty())
            out += "." + frac;
        return out + unit;
    };
    if (v >= 1'000'000)
        return sign + decimal(v, 1'000'000, "s");
    if (v >= 1'000)
        return sign + decimal(v, 1'000, "ms");
    return sign + std::to_string(v) + "us";
}

std::string formatSeconds(TimeUs t)
{
    std::string sign = t < 0 ? "-" : "";
    uint64_t v = t < 0 ? uint64_t(0) - uint64_t(t) : uint64_t(t);
    std::string frac = std::to_string(v % 1'000'000);
    frac.insert(0, 6 - frac.size(), '0');
    return sign + std::to_string(v / 1'000'000) + "." + frac;
}

} // namespace ks::sim
