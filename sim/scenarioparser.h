#pragma once

// Reads a scenario from JSON text and validates it completely (format: sim/SCENARIO_FORMAT.md).
// Never throws and never crashes, whatever the input (fuzzed: tests/sim/fuzz_scenarioparser.cpp).
// Every problem is reported with the file name, the JSON Pointer of the offending value and what
// is wrong; parsing goes on after an error so that one run lists many problems.

#include "scenario.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ks::sim {

struct ScenarioError
{
    std::string pointer; // JSON Pointer, "" = the whole document
    std::string message;
};

struct ScenarioParseResult
{
    std::optional<Scenario> scenario; // set iff errors is empty
    std::vector<ScenarioError> errors;
    std::string fileName;

    bool ok() const { return scenario.has_value(); }
    // "file: /pointer: message" lines, one per error.
    std::string errorText() const;
};

class ScenarioParser
{
public:
    // fileName only labels the messages. At most kMaxErrors are reported.
    static ScenarioParseResult parse(std::string_view json, const std::string &fileName);
    static constexpr size_t kMaxErrors = 50;
    // The one size limit of a scenario, for every path that reads one (the file reader in
    // model/scenariofile.cpp stops reading there): bounded parse time and memory.
    static constexpr size_t kMaxBytes = 16 * 1024 * 1024;
    // Upper bound of every time in a scenario (about 31.7 years). Far beyond any run (a run ends
    // by Engine::kMaxUntil), small enough that sums of a few scenario times cannot overflow.
    static constexpr TimeUs kMaxTimeUs = 1'000'000'000 * kSecond;
};

} // namespace ks::sim
