#pragma once

// Helpers shared by the simulation tests: load a built-in scenario, run it, and ask the
// questions the reference answers (who got which error when, what the processlist showed).

#include "engine.h"
#include "report.h"
#include "scenarioparser.h"
#include "timeparse.h"

#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

namespace simtest {

using namespace ks::sim;

inline std::string scenarioPath(const std::string &id)
{
    return std::string(KILLSCOPE_SCENARIO_DIR) + "/" + id + ".json";
}

inline std::string readFile(const std::string &path)
{
    std::ifstream f(path, std::ios::binary);
    if (!f)
        throw std::runtime_error("cannot open " + path);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

inline Scenario loadScenario(const std::string &id)
{
    const auto r = ScenarioParser::parse(readFile(scenarioPath(id)), id + ".json");
    if (!r.ok())
        throw std::runtime_error(r.errorText());
    return *r.scenario;
}

inline TimeUs T(const char *text)
{
    return *parseTimeUs(text).value;
}

struct Run
{
    Scenario scenario;
    RunResult result;

    int session(const std::string &name) const { return scenario.sessionIndex(name); }

    // First transcript line of the session containing `needle` at or after `from`; -1 if none.
    TimeUs lineAt(const std::string &name, const std::string &needle, TimeUs from = 0) const
    {
        for (const TranscriptLine &l : result.transcriptOf(session(name)))
            if (l.t >= from && l.text.find(needle) != std::string::npos)
                return l.t;
        return -1;
    }
    bool hasLine(const std::string &name, const std::string &needle) const { return lineAt(name, needle) >= 0; }

    std::optional<ProcessRow> row(int64_t id, TimeUs t, bool includeHidden = false) const
    {
        for (const ProcessRow &r : result.processlistAt(t, includeHidden))
            if (r.id == id)
                return r;
        return std::nullopt;
    }
    int laneOf(int64_t id) const { return result.laneOfId(id); }
    TimeUs goneAt(int64_t id) const
    {
        const int l = laneOf(id);
        return l < 0 ? -2 : result.lanes[size_t(l)].goneAt;
    }
    const KillRecord *kill(const std::string &statementPrefix, int nth = 1) const
    {
        int seen = 0;
        for (const KillRecord &k : result.kills)
            if (k.statement.rfind(statementPrefix, 0) == 0 && ++seen == nth)
                return &k;
        return nullptr;
    }
    bool holdsLock(int64_t id, const std::string &key, TimeUs t) const
    {
        for (const LockRow &l : result.locksAt(t))
            if (l.id == id && l.key == key && l.granted)
                return true;
        return false;
    }
    bool waitsLock(int64_t id, const std::string &key, TimeUs t) const
    {
        for (const LockRow &l : result.locksAt(t))
            if (l.id == id && l.key == key && !l.granted)
                return true;
        return false;
    }
};

inline Run run(const std::string &id, Flavor f)
{
    Run r{loadScenario(id), {}};
    RunOptions o;
    o.flavor = f;
    r.result = Engine::run(r.scenario, o);
    return r;
}

} // namespace simtest
