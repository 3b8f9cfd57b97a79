// libFuzzer entry point for the scenario parser. Every input must end in a result (a scenario or
// error messages), never in a crash, a hang or a sanitizer report. A parsed scenario is also run
// for a short time, so the engine's own checks are fuzzed too.
//
// Built as a libFuzzer target with -DKILLSCOPE_FUZZ=ON and clang; always built as
// fuzz_regression (fuzz_regression_main.cpp), which feeds the corpus through the same function.

#include "engine.h"
#include "report.h"
#include "scenarioparser.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const ks::sim::ScenarioParseResult r = ks::sim::ScenarioParser::parse(text, "fuzz.json");
    if (!r.ok()) {
        if (r.errors.empty())
            __builtin_trap(); // a failed parse must say why
        (void)r.errorText();
        return 0;
    }
    // Keep runs short so that a fuzzing iteration stays fast.
    ks::sim::RunOptions o;
    o.until = 30 * ks::sim::kSecond;
    const ks::sim::RunResult run = ks::sim::Engine::run(*r.scenario, o);
    (void)ks::sim::processlistText(run, run.until / 2);
    (void)ks::sim::processlistJson(run, run.until);
    (void)ks::sim::summaryText(run);
    for (int s = 0; s < int(r.scenario->sessions.size()); ++s)
        (void)ks::sim::transcriptText(run, s);
    return 0;
}
