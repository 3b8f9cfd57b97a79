#include "scenarioparser.h"

#include "engine.h"
#include "knobs.h"
#include "report.h"
#include "timeparse.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

namespace ks::sim {

using nlohmann::json;

std::string ScenarioParseResult::errorText() const
{
    std::string out;
    // Messages quote the scenario's own text (unknown keys, names): escaped, because they end
    // up on a terminal.
    for (const auto &e : errors) {
        out += escapeControl(fileName);
        out += ": ";
        if (!e.pointer.empty()) {
            out += escapeControl(e.pointer);
            out += ": ";
        }
        out += escapeControl(e.message);
        out += '\n';
    }
    return out;
}

namespace {

std::string escapeToken(const std::string &key)
{
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string describe(const json &v)
{
    switch (v.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::boolean:
        return v.get<bool>() ? "true" : "false";
    case json::value_t::object:
        return "an object";
    case json::value_t::array:
        return "an array";
    case json::value_t::string: {
        std::string s = v.get<std::string>();
        if (s.size() > 40)
            s = s.substr(0, 40) + "...";
        return json(s).dump(-1, ' ', true, json::error_handler_t::replace);
    }
    default:
        return v.dump(-1, ' ', true, json::error_handler_t::replace);
    }
}

bool validName(const std::string &s, bool lowerDash)
{
    if (s.empty() || s.size() > 64)
        return false;
    for (char c : s) {
        const bool ok = lowerDash ? ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
                                  : ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                     (c >= '0' && c <= '9') || c == '_');
        if (!ok)
            return false;
    }
    return true;
}

class Reader
{
public:
    std::vector<ScenarioError> errors;

    void error(const std::string &ptr, std::string msg)
    {
        if (errors.size() < ScenarioParser::kMaxErrors)
            errors.push_back({ptr, std::move(msg)});
    }

    // Reports keys not in `allowed`; returns false if v is not an object.
    bool object(const json &v, const std::string &ptr, std::initializer_list<const char *> allowed)
    {
        if (!v.is_object()) {
            error(ptr, "expected an object, got " + describe(v));
            return false;
        }
        for (auto it = v.begin(); it != v.end(); ++it) {
            bool known = false;
            for (const char *a : allowed) {
                if (it.key() == a) {
                    known = true;
                    break;
                }
            }
            if (!known)
                error(ptr + "/" + escapeToken(it.key()), "unknown key \"" + it.key() + "\"");
        }
        return true;
    }

    const json *member(const json &obj, const char *key) const
    {
        auto it = obj.find(key);
        return it == obj.end() ? nullptr : &*it;
    }

    const json *required(const json &obj, const std::string &ptr, const char *key)
    {
        const json *m = member(obj, key);
        if (!m)
            error(ptr, std::string("missing required key \"") + key + "\"");
        return m;
    }

    std::optional<std::string> string(const json &v, const std::string &ptr, bool allowEmpty = true)
    {
        if (!v.is_string()) {
            error(ptr, "expected a string, got " + describe(v));
            return std::nullopt;
        }
        std::string s = v.get<std::string>();
        if (!allowEmpty && s.empty()) {
            error(ptr, "must not be empty");
            return std::nullopt;
        }
        return s;
    }

    std::optional<bool> boolean(const json &v, const std::string &ptr)
    {
        if (!v.is_boolean()) {
            error(ptr, "expected true or false, got " + describe(v));
            return std::nullopt;
        }
        return v.get<bool>();
    }

    std::optional<int64_t> integer(const json &v, const std::string &ptr, int64_t min, int64_t max)
    {
        if (v.is_number_unsigned()) {
            const uint64_t u = v.get<uint64_t>();
            if (u > uint64_t(max)) {
                error(ptr, "must be at most " + std::to_string(max) + ", got " + describe(v));
                return std::nullopt;
            }
            if (int64_t(u) < min) {
                error(ptr, "must be at least " + std::to_string(min) + ", got " + describe(v));
                return std::nullopt;
            }
            return int64_t(u);
        }
        if (v.is_number_integer()) {
            const int64_t i = v.get<int64_t>();
            if (i < min) {
                error(ptr, "must be at least " + std::to_string(min) + ", got " + describe(v));
                return std::nullopt;
            }
            if (i > max) {
                error(ptr, "must be at most " + std::to_string(max) + ", got " + describe(v));
                return std::nullopt;
            }
            return i;
        }
        error(ptr, (min >= 0 ? std::string("expected a non-negative integer, got ")
                             : std::string("expected an integer, got ")) +
                       describe(v));
        return std::nullopt;
    }

    std::optional<double> number(const json &v, const std::string &ptr, double min, double max)
    {
        if (!v.is_number()) {
            error(ptr, "expected a number, got " + describe(v));
            return std::nullopt;
        }
        const double d = v.get<double>();
        if (!std::isfinite(d) || d < min || d > max) {
            error(ptr, "must be between " + json(min).dump() + " and " + json(max).dump() +
                           ", got " + describe(v));
            return std::nullopt;
        }
        return d;
    }

    // A time: a string with a unit, or an integer number of microseconds, at most kMaxTimeUs.
    std::optional<TimeUs> time(const json &v, const std::string &ptr,
                               TimeUs max = ScenarioParser::kMaxTimeUs)
    {
        std::optional<TimeUs> t;
        if (v.is_number_integer() || v.is_number_unsigned()) {
            // nlohmann keeps a non-negative literal unsigned, a negative one signed.
            if (!v.is_number_unsigned() && v.get<int64_t>() < 0) {
                error(ptr, "negative time " + describe(v));
                return std::nullopt;
            }
            const uint64_t u =
                v.is_number_unsigned() ? v.get<uint64_t>() : uint64_t(v.get<int64_t>());
            if (u > uint64_t(max)) {
                error(ptr, "time " + describe(v) + "us is too large (at most " + formatTimeUs(max) +
                               ")");
                return std::nullopt;
            }
            t = TimeUs(u);
        } else if (!v.is_string()) {
            error(ptr,
                  "expected a time such as \"1.5s\", \"200ms\" or \"3000us\", got " + describe(v));
            return std::nullopt;
        } else {
            DurationParse p = parseTimeUs(v.get<std::string>());
            if (!p.value) {
                error(ptr, p.error);
                return std::nullopt;
            }
            if (*p.value > max) {
                error(ptr,
                      "time " + describe(v) + " is too large (at most " + formatTimeUs(max) + ")");
                return std::nullopt;
            }
            t = p.value;
        }
        return t;
    }

    std::optional<DurationNs> cost(const json &v, const std::string &ptr)
    {
        if (!v.is_string()) {
            error(ptr, "expected a duration such as \"2.7us\" or \"350ns\", got " + describe(v));
            return std::nullopt;
        }
        DurationParse p = parseDurationNs(v.get<std::string>());
        if (!p.value) {
            error(ptr, p.error);
            return std::nullopt;
        }
        if (*p.value < 1) {
            error(ptr, "must be at least 1ns");
            return std::nullopt;
        }
        if (*p.value > 1'000'000'000) {
            error(ptr, "a cost per row must be at most 1s");
            return std::nullopt;
        }
        return p.value;
    }

    std::optional<Text> text(const json &v, const std::string &ptr)
    {
        if (!object(v, ptr, {"en", "zh_CN"}))
            return std::nullopt;
        Text t;
        bool ok = true;
        if (const json *en = required(v, ptr, "en")) {
            auto s = string(*en, ptr + "/en");
            ok = ok && s;
            if (s)
                t.en = *s;
        } else {
            ok = false;
        }
        if (const json *zh = required(v, ptr, "zh_CN")) {
            auto s = string(*zh, ptr + "/zh_CN");
            ok = ok && s;
            if (s)
                t.zh_CN = *s;
        } else {
            ok = false;
        }
        if (!ok)
            return std::nullopt;
        return t;
    }

    std::optional<Flavor> flavor(const json &v, const std::string &ptr)
    {
        auto s = string(v, ptr);
        if (!s)
            return std::nullopt;
        Flavor f;
        if (!parseFlavor(*s, f)) {
            error(ptr, "unknown flavor \"" + *s + "\" (use mysql-5.7, mysql-8.0 or mariadb-10.11)");
            return std::nullopt;
        }
        return f;
    }
};

struct Parser
{
    Reader r;
    Scenario sc;
    // References checked after all sessions are known.
    struct NameRef
    {
        std::string name;
        std::string pointer;
    };
    std::vector<NameRef> sessionRefs;
    std::vector<NameRef> branchRefs;
    std::vector<std::string> branchNames;
    // Costs that depend on the server's I/O settings and on every `set io_pressure` action,
    // checked once the whole document is read.
    struct IoCost
    {
        std::string pointer; // of the step
        bool perRow = true;  // rows step (per row) or a discrete io/tempfile request
        DurationNs perRowNs = 0;
        int64_t ioBytesPerRow = 0;
        DurationNs rollbackPerRowNs = 0;
        int64_t rollbackIoBytesPerRow = -1;
        int64_t bytes = 0;
    };
    std::vector<IoCost> ioCosts;

    // A duration in nanoseconds that may be far beyond int64_t, in a readable unit ("5.36871s",
    // "200ms", "1us").
    static std::string seconds(double ns)
    {
        char buf[64];
        if (ns >= 1e9)
            std::snprintf(buf, sizeof buf, "%.6gs", ns / 1e9);
        else if (ns >= 1e6)
            std::snprintf(buf, sizeof buf, "%.6gms", ns / 1e6);
        else if (ns >= 1e3)
            std::snprintf(buf, sizeof buf, "%.6gus", ns / 1e3);
        else
            std::snprintf(buf, sizeof buf, "%.6gns", ns);
        return buf;
    }

    // The engine's device time for `bytes` (Engine: bytes / io_bandwidth * (1 + io_pressure)),
    // as a double: it may not fit int64_t, which is what the checks below are for.
    double ioNs(int64_t bytes, double pressure) const
    {
        return bytes <= 0 ? 0.0
                          : double(bytes) * 1e9 / double(sc.server.ioBandwidth) * (1.0 + pressure);
    }

    // Out-of-range costs are errors here, with their pointer, rather than numbers the engine
    // would have to cap: a row costs at most Engine::kMaxRowCostNs (CPU plus its I/O), one I/O
    // request lasts at most as long as a run can. Checked at the highest io_pressure the run
    // reaches through `set` actions (the UI's knob may go higher; the engine caps the row cost).
    void checkIoCosts()
    {
        double pressure = sc.server.ioPressure;
        for (const Action &a : sc.actions)
            if (a.kind == ActionKind::Set && a.name == "io_pressure")
                pressure = std::max(pressure, a.value);
        for (const Branch &b : sc.branches)
            for (const Action &a : b.actions)
                if (a.kind == ActionKind::Set && a.name == "io_pressure")
                    pressure = std::max(pressure, a.value);
        char p[32];
        std::snprintf(p, sizeof p, "%g", pressure);
        const std::string device = " at io_bandwidth " + std::to_string(sc.server.ioBandwidth) +
                                   " bytes/s and io_pressure " + p;
        auto rowCost = [&](const std::string &ptr, const char *cpuKey, DurationNs cpuNs,
                           int64_t bytes) {
            const double io = std::floor(ioNs(bytes, pressure) + 0.5);
            if (double(cpuNs) + io <= double(Engine::kMaxRowCostNs))
                return;
            r.error(ptr, std::string("a row would cost ") + cpuKey + " " + seconds(double(cpuNs)) +
                             " plus " + seconds(io) + " of I/O for " + std::to_string(bytes) +
                             " bytes" + device + "; a row may cost at most 1s");
        };
        for (const IoCost &c : ioCosts) {
            if (!c.perRow) {
                const double io = ioNs(c.bytes, pressure);
                if (io > double(Engine::kMaxUntil) * 1000.0)
                    r.error(c.pointer + "/bytes", std::to_string(c.bytes) + " bytes would take " +
                                                      seconds(io) + device +
                                                      ", longer than a run can last (" +
                                                      formatTimeUs(Engine::kMaxUntil) + ")");
                continue;
            }
            rowCost(c.pointer + "/ioBytesPerRow", "perRow", c.perRowNs, c.ioBytesPerRow);
            const DurationNs rbCpu = c.rollbackPerRowNs > 0 ? c.rollbackPerRowNs : c.perRowNs;
            if (c.rollbackIoBytesPerRow >= 0)
                rowCost(c.pointer + "/rollbackIoBytesPerRow", "rollbackPerRow", rbCpu,
                        c.rollbackIoBytesPerRow);
            else if (c.rollbackPerRowNs > 0)
                rowCost(c.pointer + "/rollbackPerRow", "rollbackPerRow", rbCpu, c.ioBytesPerRow);
        }
    }

    // Sessions without an `id` get first_connection_id, first_connection_id + 1, ... when they
    // connect. An explicit id in that range would clash with one of them: the run could not give
    // both their ids, and `KILL <id>` would hit a session the author did not mean.
    void checkIds(const std::string &ptr)
    {
        int64_t automatic = 0;
        for (const SessionSpec &s : sc.sessions)
            automatic += s.id ? 0 : 1;
        if (automatic == 0)
            return;
        const int64_t lo = sc.server.firstConnectionId;
        const int64_t hi = lo + automatic - 1;
        for (size_t i = 0; i < sc.sessions.size(); ++i) {
            const auto &id = sc.sessions[i].id;
            if (id && *id >= lo && *id <= hi)
                r.error(
                    ptr + "/" + std::to_string(i) + "/id",
                    "processlist id " + std::to_string(*id) + " clashes with the automatic ids " +
                        std::to_string(lo) + "-" + std::to_string(hi) + " of the " +
                        std::to_string(automatic) + (automatic == 1 ? " session" : " sessions") +
                        " without an \"id\" (they count up from first_connection_id " +
                        std::to_string(lo) + "): give every session an id, or use an id outside " +
                        std::to_string(lo) + "-" + std::to_string(hi));
        }
    }

    void parseServer(const json &v, const std::string &ptr)
    {
        if (!r.object(v, ptr,
                      {"innodb_thread_concurrency", "innodb_concurrency_tickets",
                       "innodb_thread_sleep_delay", "innodb_adaptive_max_sleep_delay",
                       "innodb_lock_wait_timeout", "net_write_timeout", "io_bandwidth",
                       "io_pressure", "max_statement_time", "max_execution_time",
                       "first_connection_id", "connect_time", "client_connect_time"}))
            return;
        ServerConfig &s = sc.server;
        if (const json *m = r.member(v, "innodb_thread_concurrency"))
            if (auto i = r.integer(*m, ptr + "/innodb_thread_concurrency", 0, 1000))
                s.innodbThreadConcurrency = int(*i);
        if (const json *m = r.member(v, "innodb_concurrency_tickets"))
            if (auto i = r.integer(*m, ptr + "/innodb_concurrency_tickets", 1, 4294967295LL))
                s.innodbConcurrencyTickets = *i;
        if (const json *m = r.member(v, "innodb_thread_sleep_delay"))
            if (auto t = r.time(*m, ptr + "/innodb_thread_sleep_delay")) {
                if (*t > 1'000'000)
                    r.error(ptr + "/innodb_thread_sleep_delay",
                            "must be at most 1s (the server's limit)");
                else
                    s.innodbThreadSleepDelayUs = *t;
            }
        if (const json *m = r.member(v, "innodb_adaptive_max_sleep_delay"))
            if (auto t = r.time(*m, ptr + "/innodb_adaptive_max_sleep_delay")) {
                if (*t > 1'000'000)
                    r.error(ptr + "/innodb_adaptive_max_sleep_delay",
                            "must be at most 1s (the server's limit)");
                else
                    s.innodbAdaptiveMaxSleepDelayUs = *t;
            }
        if (const json *m = r.member(v, "innodb_lock_wait_timeout"))
            if (auto t = r.time(*m, ptr + "/innodb_lock_wait_timeout")) {
                if (*t < kSecond)
                    r.error(ptr + "/innodb_lock_wait_timeout", "must be at least 1s");
                else
                    s.innodbLockWaitTimeoutUs = *t;
            }
        if (const json *m = r.member(v, "net_write_timeout"))
            if (auto t = r.time(*m, ptr + "/net_write_timeout")) {
                if (*t < kSecond)
                    r.error(ptr + "/net_write_timeout", "must be at least 1s");
                else
                    s.netWriteTimeoutUs = *t;
            }
        if (const json *m = r.member(v, "io_bandwidth"))
            if (auto i = r.integer(*m, ptr + "/io_bandwidth", 1, int64_t(1) << 45))
                s.ioBandwidth = *i;
        if (const json *m = r.member(v, "io_pressure"))
            if (auto d = r.number(*m, ptr + "/io_pressure", 0, 1000))
                s.ioPressure = *d;
        if (const json *m = r.member(v, "max_statement_time"))
            if (auto t = r.time(*m, ptr + "/max_statement_time"))
                s.maxStatementTimeUs = *t;
        if (const json *m = r.member(v, "max_execution_time"))
            if (auto t = r.time(*m, ptr + "/max_execution_time"))
                s.maxExecutionTimeUs = *t;
        if (const json *m = r.member(v, "first_connection_id"))
            if (auto i = r.integer(*m, ptr + "/first_connection_id", 1, int64_t(1) << 40))
                s.firstConnectionId = *i;
        if (const json *m = r.member(v, "connect_time"))
            if (auto t = r.time(*m, ptr + "/connect_time"))
                s.connectTimeUs = *t;
        if (const json *m = r.member(v, "client_connect_time"))
            if (auto t = r.time(*m, ptr + "/client_connect_time"))
                s.clientConnectTimeUs = *t;
    }

    void parseStage(const json &v, const std::string &ptr, StageText &out)
    {
        std::array<std::string, kFlavorCount> texts;
        if (v.is_string()) {
            texts.fill(v.get<std::string>());
        } else {
            if (!r.object(v, ptr, {"mysql-5.7", "mysql-8.0", "mariadb-10.11"}))
                return;
            for (auto it = v.begin(); it != v.end(); ++it) {
                Flavor f;
                if (parseFlavor(it.key(), f))
                    if (auto s = r.string(*it, ptr + "/" + it.key()))
                        texts[size_t(f)] = *s;
            }
        }
        out.texts = std::make_shared<const std::array<std::string, kFlavorCount>>(std::move(texts));
    }

    void parseStep(const json &v, const std::string &ptr, Step &st)
    {
        if (!v.is_object()) {
            r.error(ptr, "expected an object, got " + describe(v));
            return;
        }
        const json *op = r.required(v, ptr, "op");
        if (!op)
            return;
        auto ops = r.string(*op, ptr + "/op");
        if (!ops)
            return;
        if (*ops == "cpu") {
            st.op = StepOp::Cpu;
            r.object(v, ptr, {"op", "stage", "flavors", "duration"});
        } else if (*ops == "mdl") {
            st.op = StepOp::Mdl;
            r.object(v, ptr, {"op", "stage", "flavors", "table", "mode"});
        } else if (*ops == "rows") {
            st.op = StepOp::Rows;
            r.object(v, ptr,
                     {"op", "stage", "flavors", "count", "perRow", "modify", "lock", "innodb",
                      "send", "ioBytesPerRow", "rollbackPerRow", "rollbackIoBytesPerRow"});
        } else if (*ops == "sleep") {
            st.op = StepOp::Sleep;
            r.object(v, ptr, {"op", "stage", "flavors", "duration", "alone"});
        } else if (*ops == "tempfile") {
            st.op = StepOp::TempFile;
            r.object(v, ptr, {"op", "stage", "flavors", "bytes", "deleteDuration"});
        } else if (*ops == "io") {
            st.op = StepOp::Io;
            r.object(v, ptr, {"op", "stage", "flavors", "bytes"});
        } else if (*ops == "dd") {
            st.op = StepOp::Dd;
            r.object(v, ptr, {"op", "stage", "flavors", "duration", "commits"});
        } else {
            r.error(ptr + "/op",
                    "unknown op \"" + *ops + "\" (use cpu, mdl, rows, sleep, tempfile, io, dd)");
            return;
        }
        if (const json *m = r.member(v, "stage"))
            parseStage(*m, ptr + "/stage", st.stage);
        if (const json *m = r.member(v, "flavors")) {
            if (!m->is_array() || m->empty()) {
                r.error(ptr + "/flavors",
                        "expected a non-empty array of flavors, got " + describe(*m));
            } else {
                for (size_t i = 0; i < m->size(); ++i)
                    if (auto f = r.flavor((*m)[i], ptr + "/flavors/" + std::to_string(i)))
                        st.flavors.push_back(*f);
            }
        }
        switch (st.op) {
        case StepOp::Cpu:
        case StepOp::Sleep:
        case StepOp::Dd:
            if (const json *m = r.required(v, ptr, "duration"))
                if (auto t = r.time(*m, ptr + "/duration"))
                    st.durationUs = *t;
            if (st.op == StepOp::Sleep)
                if (const json *m = r.member(v, "alone"))
                    if (auto b = r.boolean(*m, ptr + "/alone"))
                        st.alone = *b;
            if (st.op == StepOp::Dd)
                if (const json *m = r.member(v, "commits"))
                    if (auto b = r.boolean(*m, ptr + "/commits"))
                        st.commits = *b;
            break;
        case StepOp::Mdl:
            if (const json *m = r.required(v, ptr, "table"))
                if (auto s = r.string(*m, ptr + "/table", false))
                    st.table = *s;
            if (const json *m = r.member(v, "mode")) {
                if (auto s = r.string(*m, ptr + "/mode")) {
                    if (*s == "SR")
                        st.mdlMode = MdlMode::SharedRead;
                    else if (*s == "SW")
                        st.mdlMode = MdlMode::SharedWrite;
                    else if (*s == "SU")
                        st.mdlMode = MdlMode::SharedUpgradable;
                    else if (*s == "X")
                        st.mdlMode = MdlMode::Exclusive;
                    else
                        r.error(ptr + "/mode",
                                "unknown MDL mode \"" + *s + "\" (use SR, SW, SU or X)");
                }
            }
            break;
        case StepOp::Rows:
            if (const json *m = r.required(v, ptr, "count"))
                if (auto i = r.integer(*m, ptr + "/count", 0, int64_t(1) << 40))
                    st.count = *i;
            if (const json *m = r.required(v, ptr, "perRow"))
                if (auto c = r.cost(*m, ptr + "/perRow"))
                    st.perRowNs = *c;
            if (const json *m = r.member(v, "rollbackPerRow"))
                if (auto c = r.cost(*m, ptr + "/rollbackPerRow"))
                    st.rollbackPerRowNs = *c;
            if (const json *m = r.member(v, "modify"))
                if (auto b = r.boolean(*m, ptr + "/modify"))
                    st.modify = *b;
            if (const json *m = r.member(v, "innodb"))
                if (auto b = r.boolean(*m, ptr + "/innodb"))
                    st.innodb = *b;
            if (const json *m = r.member(v, "send"))
                if (auto b = r.boolean(*m, ptr + "/send"))
                    st.send = *b;
            if (const json *m = r.member(v, "ioBytesPerRow"))
                if (auto i = r.integer(*m, ptr + "/ioBytesPerRow", 0, int64_t(1) << 30))
                    st.ioBytesPerRow = *i;
            if (const json *m = r.member(v, "rollbackIoBytesPerRow"))
                if (auto i = r.integer(*m, ptr + "/rollbackIoBytesPerRow", 0, int64_t(1) << 30))
                    st.rollbackIoBytesPerRow = *i;
            if (const json *m = r.member(v, "lock")) {
                if (!m->is_array()) {
                    r.error(ptr + "/lock",
                            "expected an array of row-lock keys, got " + describe(*m));
                } else {
                    for (size_t i = 0; i < m->size(); ++i)
                        if (auto s = r.string((*m)[i], ptr + "/lock/" + std::to_string(i), false))
                            st.lockKeys.push_back(*s);
                }
            }
            ioCosts.push_back({ptr, true, st.perRowNs, st.ioBytesPerRow, st.rollbackPerRowNs,
                               st.rollbackIoBytesPerRow, 0});
            break;
        case StepOp::TempFile:
        case StepOp::Io:
            if (const json *m = r.required(v, ptr, "bytes"))
                if (auto i = r.integer(*m, ptr + "/bytes", 0, int64_t(1) << 50))
                    st.bytes = *i;
            if (st.op == StepOp::TempFile)
                if (const json *m = r.member(v, "deleteDuration"))
                    if (auto t = r.time(*m, ptr + "/deleteDuration"))
                        st.deleteUs = *t;
            ioCosts.push_back({ptr, false, 0, 0, 0, -1, st.bytes});
            break;
        }
    }

    void parseKill(const json &v, const std::string &ptr, KillSpec &k, bool allowAt)
    {
        // The object was already checked for unknown keys by the caller when it is an action.
        (void)allowAt;
        if (const json *m = r.member(v, "type")) {
            if (auto s = r.string(*m, ptr + "/type")) {
                if (*s == "connection")
                    k.type = KillType::Connection;
                else if (*s == "query")
                    k.type = KillType::Query;
                else
                    r.error(ptr + "/type",
                            "unknown kill type \"" + *s + "\" (use connection or query)");
            }
        }
        if (const json *m = r.member(v, "mode")) {
            if (auto s = r.string(*m, ptr + "/mode")) {
                if (*s == "hard")
                    k.mode = KillMode::Hard;
                else if (*s == "soft")
                    k.mode = KillMode::Soft;
                else
                    r.error(ptr + "/mode", "unknown kill mode \"" + *s + "\" (use hard or soft)");
            }
        }
        int targets = 0;
        if (const json *m = r.member(v, "target")) {
            ++targets;
            if (m->is_string()) {
                const std::string s = m->get<std::string>();
                if (s == "self") {
                    k.target = KillSpec::Target::Self;
                } else {
                    k.target = KillSpec::Target::Session;
                    k.name = s;
                    sessionRefs.push_back({s, ptr + "/target"});
                }
            } else if (auto i = r.integer(*m, ptr + "/target", 0, int64_t(1) << 50)) {
                k.target = KillSpec::Target::Id;
                k.id = *i;
            }
        }
        if (const json *m = r.member(v, "user")) {
            ++targets;
            if (auto s = r.string(*m, ptr + "/user", false)) {
                k.target = KillSpec::Target::User;
                k.name = *s;
            }
        }
        if (const json *m = r.member(v, "queryOf")) {
            ++targets;
            if (auto s = r.string(*m, ptr + "/queryOf", false)) {
                k.target = KillSpec::Target::QueryOf;
                k.name = *s;
                sessionRefs.push_back({*s, ptr + "/queryOf"});
            }
            if (k.type != KillType::Query && r.member(v, "type"))
                r.error(ptr + "/type", "KILL ... QUERY ID needs type \"query\"");
            k.type = KillType::Query;
        }
        if (const json *m = r.member(v, "queryId")) {
            ++targets;
            if (auto i = r.integer(*m, ptr + "/queryId", 0, int64_t(1) << 50)) {
                k.target = KillSpec::Target::QueryId;
                k.id = *i;
            }
            if (k.type != KillType::Query && r.member(v, "type"))
                r.error(ptr + "/type", "KILL ... QUERY ID needs type \"query\"");
            k.type = KillType::Query;
        }
        if (targets == 0)
            r.error(ptr, "a kill needs one of \"target\", \"user\", \"queryOf\", \"queryId\"");
        else if (targets > 1)
            r.error(ptr, "a kill takes only one of \"target\", \"user\", \"queryOf\", \"queryId\"");
    }

    void parseStatement(const json &v, const std::string &ptr, Statement &st)
    {
        if (!r.object(v, ptr,
                      {"sql", "at", "after", "kind", "steps", "kill", "timeout", "resultRows"}))
            return;
        if (const json *m = r.required(v, ptr, "sql"))
            if (auto s = r.string(*m, ptr + "/sql", false))
                st.sql = *s;
        if (const json *m = r.member(v, "at"))
            st.at = r.time(*m, ptr + "/at");
        if (const json *m = r.member(v, "after"))
            if (auto t = r.time(*m, ptr + "/after"))
                st.afterUs = *t;
        if (const json *m = r.member(v, "kind")) {
            if (auto s = r.string(*m, ptr + "/kind")) {
                static const std::pair<const char *, StatementKind> kinds[] = {
                    {"select", StatementKind::Select},     {"update", StatementKind::Update},
                    {"delete", StatementKind::Delete},     {"insert", StatementKind::Insert},
                    {"ddl", StatementKind::Ddl},           {"other", StatementKind::Other},
                    {"begin", StatementKind::Begin},       {"commit", StatementKind::Commit},
                    {"rollback", StatementKind::Rollback}, {"kill", StatementKind::Kill},
                    {"quit", StatementKind::Quit}};
                bool found = false;
                for (const auto &[name, kind] : kinds) {
                    if (*s == name) {
                        st.kind = kind;
                        found = true;
                    }
                }
                if (!found)
                    r.error(ptr + "/kind", "unknown statement kind \"" + *s +
                                               "\" (use select, update, delete, insert, ddl, "
                                               "other, begin, commit, rollback, kill, quit)");
            }
        }
        if (const json *m = r.member(v, "steps")) {
            if (!m->is_array()) {
                r.error(ptr + "/steps", "expected an array of steps, got " + describe(*m));
            } else {
                st.steps.resize(m->size());
                for (size_t i = 0; i < m->size(); ++i)
                    parseStep((*m)[i], ptr + "/steps/" + std::to_string(i), st.steps[i]);
            }
        }
        const json *kill = r.member(v, "kill");
        if (st.kind == StatementKind::Kill) {
            if (!kill) {
                r.error(ptr, "a statement of kind \"kill\" needs a \"kill\" object");
            } else if (r.object(*kill, ptr + "/kill",
                                {"type", "mode", "target", "user", "queryOf", "queryId"})) {
                parseKill(*kill, ptr + "/kill", st.kill, false);
            }
            if (r.member(v, "steps"))
                r.error(ptr + "/steps", "a kill statement has no steps");
        } else if (kill) {
            r.error(ptr + "/kill", "only a statement of kind \"kill\" takes a \"kill\" object");
        }
        if (const json *m = r.member(v, "timeout"))
            st.timeoutUs = r.time(*m, ptr + "/timeout");
        if (const json *m = r.member(v, "resultRows"))
            st.resultRows = r.integer(*m, ptr + "/resultRows", 0, int64_t(1) << 50);
    }

    void parseSession(const json &v, const std::string &ptr, SessionSpec &s)
    {
        if (!r.object(v, ptr,
                      {"name", "id", "user", "host", "db", "privileges", "label", "client", "quick",
                       "autoRehash", "verbose", "autocommit", "maxStatementTime", "connectAt",
                       "system", "statements"}))
            return;
        if (const json *m = r.required(v, ptr, "name")) {
            if (auto n = r.string(*m, ptr + "/name")) {
                if (!validName(*n, false))
                    r.error(ptr + "/name",
                            "session names use only letters, digits and _ (1-64 characters), got " +
                                describe(*m));
                s.name = *n;
            }
        }
        if (const json *m = r.member(v, "id"))
            s.id = r.integer(*m, ptr + "/id", 1, int64_t(1) << 40);
        if (const json *m = r.member(v, "user"))
            if (auto n = r.string(*m, ptr + "/user"))
                s.user = *n;
        if (const json *m = r.member(v, "host"))
            if (auto n = r.string(*m, ptr + "/host", false))
                s.host = *n;
        if (const json *m = r.member(v, "db")) {
            if (!m->is_null()) {
                if (auto n = r.string(*m, ptr + "/db", false))
                    s.db = *n;
            }
        }
        if (const json *m = r.member(v, "privileges")) {
            if (!m->is_array()) {
                r.error(ptr + "/privileges", "expected an array, got " + describe(*m));
            } else {
                for (size_t i = 0; i < m->size(); ++i) {
                    if (auto p = r.string((*m)[i], ptr + "/privileges/" + std::to_string(i))) {
                        if (*p == "SUPER")
                            s.privileges |= PrivSuper;
                        else if (*p == "CONNECTION_ADMIN")
                            s.privileges |= PrivConnectionAdmin;
                        else if (*p == "PROCESS")
                            s.privileges |= PrivProcess;
                        else if (*p == "SYSTEM_USER")
                            s.privileges |= PrivSystemUser;
                        else
                            r.error(ptr + "/privileges/" + std::to_string(i),
                                    "unknown privilege \"" + *p +
                                        "\" (use SUPER, CONNECTION_ADMIN, PROCESS, SYSTEM_USER)");
                    }
                }
            }
        }
        if (const json *m = r.member(v, "label")) {
            // A plain string (one language) or { "en": …, "zh_CN": … }.
            if (m->is_object()) {
                if (auto t = r.text(*m, ptr + "/label")) {
                    s.label = t->en;
                    s.labelZh = t->zh_CN;
                }
            } else if (auto n = r.string(*m, ptr + "/label")) {
                s.label = *n;
            }
        }
        if (const json *m = r.member(v, "client")) {
            if (auto n = r.string(*m, ptr + "/client")) {
                if (*n == "cli")
                    s.client = ClientKind::Cli;
                else if (*n == "mysql-5.6")
                    s.client = ClientKind::MySql56;
                else if (*n == "mysql-5.7")
                    s.client = ClientKind::MySql57;
                else if (*n == "mysql-8.0")
                    s.client = ClientKind::MySql80;
                else if (*n == "mariadb-10.11")
                    s.client = ClientKind::MariaDb1011;
                else if (*n == "app")
                    s.client = ClientKind::App;
                else
                    r.error(
                        ptr + "/client",
                        "unknown client \"" + *n +
                            "\" (use cli, mysql-5.6, mysql-5.7, mysql-8.0, mariadb-10.11, app)");
            }
        }
        if (const json *m = r.member(v, "quick"))
            if (auto b = r.boolean(*m, ptr + "/quick"))
                s.quick = *b;
        if (const json *m = r.member(v, "autoRehash"))
            s.autoRehash = r.boolean(*m, ptr + "/autoRehash");
        if (const json *m = r.member(v, "verbose"))
            if (auto b = r.boolean(*m, ptr + "/verbose"))
                s.verbose = *b;
        if (const json *m = r.member(v, "autocommit"))
            if (auto b = r.boolean(*m, ptr + "/autocommit"))
                s.autocommit = *b;
        if (const json *m = r.member(v, "maxStatementTime"))
            s.maxStatementTimeUs = r.time(*m, ptr + "/maxStatementTime");
        if (const json *m = r.member(v, "connectAt"))
            if (auto t = r.time(*m, ptr + "/connectAt"))
                s.connectAt = *t;
        if (const json *m = r.member(v, "system")) {
            if (auto n = r.string(*m, ptr + "/system")) {
                if (*n == "event_scheduler") {
                    s.daemon = true;
                    s.client = ClientKind::Daemon;
                    s.user = "event_scheduler";
                } else {
                    r.error(ptr + "/system",
                            "unknown system thread \"" + *n + "\" (use event_scheduler)");
                }
            }
        }
        if (const json *m = r.member(v, "statements")) {
            if (!m->is_array()) {
                r.error(ptr + "/statements", "expected an array, got " + describe(*m));
            } else {
                if (s.daemon && !m->empty())
                    r.error(ptr + "/statements", "a system thread has no statements");
                s.statements.resize(m->size());
                for (size_t i = 0; i < m->size(); ++i)
                    parseStatement((*m)[i], ptr + "/statements/" + std::to_string(i),
                                   s.statements[i]);
            }
        }
        if (s.label.empty())
            s.label = s.name;
    }

    void parseAction(const json &v, const std::string &ptr, Action &a)
    {
        if (!v.is_object()) {
            r.error(ptr, "expected an object, got " + describe(v));
            return;
        }
        const json *d = r.required(v, ptr, "do");
        std::optional<std::string> what;
        if (d)
            what = r.string(*d, ptr + "/do");
        if (!what)
            return;
        if (*what == "ctrl_c" || *what == "stop_reading" || *what == "resume_reading") {
            a.kind = *what == "ctrl_c"         ? ActionKind::CtrlC
                     : *what == "stop_reading" ? ActionKind::StopReading
                                               : ActionKind::ResumeReading;
            r.object(v, ptr, {"do", "at", "session"});
            if (const json *m = r.required(v, ptr, "session"))
                if (auto s = r.string(*m, ptr + "/session")) {
                    a.session = *s;
                    sessionRefs.push_back({*s, ptr + "/session"});
                }
        } else if (*what == "set") {
            // Any what-if knob (sim/knobs.h): the same names and ranges as the UI and --set.
            a.kind = ActionKind::Set;
            r.object(v, ptr, {"do", "at", "name", "value"});
            const Knob *knob = nullptr;
            if (const json *m = r.required(v, ptr, "name"))
                if (auto s = r.string(*m, ptr + "/name")) {
                    a.name = *s;
                    knob = findKnob(*s);
                    if (!knob)
                        r.error(ptr + "/name",
                                "cannot set \"" + *s + "\" (use " + knobNames() + ")");
                }
            if (const json *m = r.required(v, ptr, "value"); m && knob) {
                std::optional<double> value;
                if (knob->integer) {
                    if (auto i =
                            r.integer(*m, ptr + "/value", int64_t(knob->min), int64_t(knob->max)))
                        value = double(*i);
                } else {
                    value = r.number(*m, ptr + "/value", knob->min, knob->max);
                }
                if (value) {
                    Action made;
                    std::string error;
                    if (makeKnobAction(0, knob->name, *value, made, error)) {
                        a.kind = made.kind;
                        a.name = made.name;
                        a.value = made.value;
                    } else {
                        r.error(ptr + "/value", error);
                    }
                }
            }
        } else if (*what == "restart") {
            // kill -9 of the server and a start on the same datadir (§10.4).
            a.kind = ActionKind::Restart;
            r.object(v, ptr, {"do", "at"});
        } else if (*what == "kill") {
            a.kind = ActionKind::Kill;
            if (r.object(v, ptr,
                         {"do", "at", "type", "mode", "target", "user", "queryOf", "queryId"}))
                parseKill(v, ptr, a.kill, true);
        } else {
            r.error(ptr + "/do",
                    "unknown action \"" + *what +
                        "\" (use ctrl_c, stop_reading, resume_reading, set, kill, restart)");
            return;
        }
        if (const json *m = r.required(v, ptr, "at"))
            if (auto t = r.time(*m, ptr + "/at"))
                a.at = *t;
    }

    void parseBranch(const json &v, const std::string &ptr, Branch &b)
    {
        if (!r.object(v, ptr, {"name", "label", "actions"}))
            return;
        if (const json *m = r.required(v, ptr, "name"))
            if (auto s = r.string(*m, ptr + "/name")) {
                b.name = *s;
                const bool ok = !s->empty() && std::all_of(s->begin(), s->end(), [](char c) {
                    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                });
                if (!ok)
                    r.error(ptr + "/name", "a branch name is [a-z0-9-]+, got \"" + *s + "\"");
                for (const auto &other : branchNames)
                    if (other == *s)
                        r.error(ptr + "/name", "branch \"" + *s + "\" is named twice");
                branchNames.push_back(*s);
            }
        if (const json *m = r.required(v, ptr, "label"))
            if (auto t = r.text(*m, ptr + "/label"))
                b.label = *t;
        if (const json *m = r.member(v, "actions")) {
            if (!m->is_array()) {
                r.error(ptr + "/actions", "expected an array, got " + describe(*m));
            } else {
                b.actions.resize(m->size());
                for (size_t i = 0; i < m->size(); ++i)
                    parseAction((*m)[i], ptr + "/actions/" + std::to_string(i), b.actions[i]);
            }
        }
    }

    // {"event": E, "session": name, "nth": k, "kill": "query"|"connection", "code": n}
    bool parseMatch(const json &v, const std::string &ptr, EventMatch &m, bool withNth)
    {
        if (!r.object(
                v, ptr,
                withNth
                    ? std::initializer_list<const char *>{"event", "session", "nth", "kill", "code"}
                    : std::initializer_list<const char *>{"event", "session", "kill", "code"}))
            return false;
        bool ok = true;
        if (const json *e = r.required(v, ptr, "event")) {
            if (auto s = r.string(*e, ptr + "/event")) {
                if (!parseEventType(*s, m.event) || m.event == EventType::Note) {
                    r.error(ptr + "/event", "unknown event \"" + *s + "\"");
                    ok = false;
                }
            }
        } else {
            ok = false;
        }
        if (const json *s = r.member(v, "session"))
            if (auto name = r.string(*s, ptr + "/session")) {
                m.session = *name;
                sessionRefs.push_back({*name, ptr + "/session"});
            }
        if (withNth)
            if (const json *k = r.member(v, "nth"))
                if (auto i = r.integer(*k, ptr + "/nth", 1, 1'000'000))
                    m.nth = int(*i);
        if (const json *k = r.member(v, "kill"))
            if (auto s = r.string(*k, ptr + "/kill")) {
                if (*s == "query")
                    m.kill = KillType::Query;
                else if (*s == "connection")
                    m.kill = KillType::Connection;
                else {
                    r.error(ptr + "/kill",
                            "unknown kill type \"" + *s + "\" (use query or connection)");
                    ok = false;
                }
            }
        if (const json *c = r.member(v, "code"))
            if (auto i = r.integer(*c, ptr + "/code", 0, 99999))
                m.code = int(*i);
        return ok;
    }

    void parseNarration(const json &v, const std::string &ptr, NarrationSpec &n)
    {
        if (!r.object(
                v, ptr,
                {"at", "on", "requires", "unless", "offset", "flavors", "branch", "en", "zh_CN"}))
            return;
        if (const json *m = r.member(v, "branch"))
            if (auto s = r.string(*m, ptr + "/branch")) {
                n.branch = *s;
                branchRefs.push_back({*s, ptr + "/branch"});
            }
        const json *at = r.member(v, "at");
        const json *on = r.member(v, "on");
        if (at && on)
            r.error(ptr, "a narration step takes \"at\" or \"on\", not both");
        else if (!at && !on)
            r.error(ptr, "a narration step needs \"at\" or \"on\"");
        if (at)
            n.at = r.time(*at, ptr + "/at");
        if (on) {
            EventMatch m;
            if (parseMatch(*on, ptr + "/on", m, true)) {
                n.event = m.event;
                n.session = m.session;
                n.nth = m.nth;
                n.kill = m.kill;
                n.code = m.code;
            }
        }
        for (const char *key : {"requires", "unless"}) {
            const json *list = r.member(v, key);
            if (!list)
                continue;
            const std::string lp = ptr + "/" + key;
            if (!list->is_array()) {
                r.error(lp, "expected an array of events, got " + describe(*list));
                continue;
            }
            auto &into = std::string_view(key) == "requires" ? n.needs : n.unlessAny;
            for (size_t i = 0; i < list->size(); ++i) {
                EventMatch m;
                if (parseMatch((*list)[i], lp + "/" + std::to_string(i), m, false))
                    into.push_back(std::move(m));
            }
        }
        if (const json *m = r.member(v, "offset"))
            if (auto t = r.time(*m, ptr + "/offset"))
                n.offsetUs = *t;
        if (const json *m = r.member(v, "flavors")) {
            if (!m->is_array() || m->empty()) {
                r.error(ptr + "/flavors",
                        "expected a non-empty array of flavors, got " + describe(*m));
            } else {
                n.flavorMask = 0;
                for (size_t i = 0; i < m->size(); ++i)
                    if (auto f = r.flavor((*m)[i], ptr + "/flavors/" + std::to_string(i)))
                        n.flavorMask |= uint8_t(1u << unsigned(*f));
            }
        }
        if (const json *m = r.required(v, ptr, "en"))
            if (auto s = r.string(*m, ptr + "/en"))
                n.text.en = *s;
        if (const json *m = r.required(v, ptr, "zh_CN"))
            if (auto s = r.string(*m, ptr + "/zh_CN"))
                n.text.zh_CN = *s;
    }

    // The `lab` section (lab mode only; the simulation ignores it). Checked after the sessions,
    // because it refers to them by name and to their statements by index.
    void parseLab(const json &v, const std::string &ptr)
    {
        if (!r.object(v, ptr,
                      {"scale", "tables", "statements", "clients", "tempfiles", "differences"}))
            return;
        LabSpec &lab = sc.lab;
        lab.present = true;
        if (const json *m = r.member(v, "scale"))
            if (auto d = r.number(*m, ptr + "/scale", 0.001, 1.0))
                lab.scale = *d;
        auto array = [this](const json &a, const std::string &p) {
            if (!a.is_array())
                r.error(p, "expected an array, got " + describe(a));
            return a.is_array();
        };
        auto sessionOf = [this](const json &o, const std::string &p) -> const SessionSpec * {
            const json *m = r.required(o, p, "session");
            if (!m)
                return nullptr;
            auto n = r.string(*m, p + "/session", false);
            if (!n)
                return nullptr;
            const int idx = sc.sessionIndex(*n);
            if (idx < 0) {
                r.error(p + "/session", "no session named \"" + *n + "\"");
                return nullptr;
            }
            return &sc.sessions[size_t(idx)];
        };
        auto reason = [this](const json &o, const std::string &p, Text &out) {
            if (const json *m = r.required(o, p, "reason"))
                if (auto t = r.text(*m, p + "/reason"))
                    out = *t;
        };
        if (const json *m = r.member(v, "tables"); m && array(*m, ptr + "/tables")) {
            std::set<std::string> names;
            for (size_t i = 0; i < m->size(); ++i) {
                const std::string p = ptr + "/tables/" + std::to_string(i);
                const json &t = (*m)[i];
                if (!r.object(t, p, {"name", "create", "rows", "fill"}))
                    continue;
                LabTable lt;
                if (const json *n = r.required(t, p, "name"))
                    if (auto s = r.string(*n, p + "/name", false)) {
                        if (!validName(*s, false))
                            r.error(p + "/name",
                                    "table names use only letters, digits and _, got " +
                                        describe(*n));
                        else if (!names.insert(*s).second)
                            r.error(p + "/name", "table \"" + *s + "\" defined twice");
                        lt.name = *s;
                    }
                if (const json *c = r.required(t, p, "create"))
                    if (auto s = r.string(*c, p + "/create", false)) {
                        std::string head = s->substr(0, 12);
                        for (char &ch : head)
                            ch = char(std::toupper(static_cast<unsigned char>(ch)));
                        if (head != "CREATE TABLE")
                            r.error(p + "/create",
                                    "expected a CREATE TABLE statement, got " + describe(*c));
                        lt.create = *s;
                    }
                if (const json *n = r.member(t, "rows"))
                    if (auto i2 = r.integer(*n, p + "/rows", 0, 1'000'000'000))
                        lt.rows = *i2;
                if (const json *f = r.member(t, "fill"))
                    if (auto s = r.string(*f, p + "/fill", false))
                        lt.fill = *s;
                if (lt.rows > 0 && lt.fill.empty())
                    r.error(p, "a table with \"rows\" needs \"fill\" (the select list of one row, "
                               "seq = 1..rows)");
                lab.tables.push_back(std::move(lt));
            }
            for (const std::string &t : sc.tables)
                if (!names.count(t))
                    r.error(ptr + "/tables",
                            "table \"" + t + "\" of /tables has no definition here");
        }
        if (const json *m = r.member(v, "statements"); m && array(*m, ptr + "/statements")) {
            for (size_t i = 0; i < m->size(); ++i) {
                const std::string p = ptr + "/statements/" + std::to_string(i);
                const json &o = (*m)[i];
                if (!r.object(o, p, {"session", "statement", "sql"}))
                    continue;
                LabStatement ls;
                const SessionSpec *s = sessionOf(o, p);
                if (s)
                    ls.session = s->name;
                if (const json *n = r.required(o, p, "statement"))
                    if (auto k = r.integer(*n, p + "/statement", 0, 1'000'000)) {
                        ls.statement = int(*k);
                        if (s && size_t(*k) >= s->statements.size())
                            r.error(p + "/statement", "session \"" + s->name + "\" has " +
                                                          std::to_string(s->statements.size()) +
                                                          " statements, there is no statement " +
                                                          std::to_string(*k));
                        else if (s && s->statements[size_t(*k)].kind == StatementKind::Kill)
                            r.error(p + "/statement", "a kill statement is sent from its \"kill\" "
                                                      "object (with the real thread id); "
                                                      "it needs no lab SQL");
                    }
                if (const json *q = r.required(o, p, "sql"))
                    if (auto sq = r.string(*q, p + "/sql", false))
                        ls.sql = *sq;
                for (const LabStatement &other : lab.statements)
                    if (other.session == ls.session && other.statement == ls.statement &&
                        !ls.session.empty())
                        r.error(p, "statement " + std::to_string(ls.statement) + " of \"" +
                                       ls.session + "\" has lab SQL twice");
                lab.statements.push_back(std::move(ls));
            }
        }
        if (const json *m = r.member(v, "clients"); m && array(*m, ptr + "/clients")) {
            for (size_t i = 0; i < m->size(); ++i) {
                const std::string p = ptr + "/clients/" + std::to_string(i);
                const json &o = (*m)[i];
                if (!r.object(o, p, {"session", "client", "reason"}))
                    continue;
                LabClient lc;
                const SessionSpec *s = sessionOf(o, p);
                if (s) {
                    lc.session = s->name;
                    if (s->client == ClientKind::App || s->daemon)
                        r.error(p + "/session", "session \"" + s->name +
                                                    "\" has no command-line client to replace");
                }
                if (const json *c = r.required(o, p, "client"))
                    if (auto n = r.string(*c, p + "/client")) {
                        if (*n == "mariadb-10.11")
                            lc.client = ClientKind::MariaDb1011;
                        else if (*n == "mysql-8.0")
                            lc.client = ClientKind::MySql80;
                        else if (*n == "mysql-5.7")
                            lc.client = ClientKind::MySql57;
                        else if (*n == "mysql-5.6")
                            lc.client = ClientKind::MySql56;
                        else
                            r.error(p + "/client",
                                    "unknown client \"" + *n +
                                        "\" (use mariadb-10.11, mysql-8.0, mysql-5.7, mysql-5.6)");
                    }
                reason(o, p, lc.reason);
                lab.clients.push_back(std::move(lc));
            }
        }
        if (const json *m = r.member(v, "tempfiles"); m && array(*m, ptr + "/tempfiles")) {
            for (size_t i = 0; i < m->size(); ++i) {
                const std::string p = ptr + "/tempfiles/" + std::to_string(i);
                const json &o = (*m)[i];
                if (!r.object(o, p, {"session", "statement", "step", "bytes", "reason"}))
                    continue;
                LabTempFile lt;
                const SessionSpec *s = sessionOf(o, p);
                if (s)
                    lt.session = s->name;
                const Statement *st = nullptr;
                if (const json *n = r.required(o, p, "statement"))
                    if (auto k = r.integer(*n, p + "/statement", 0, 1'000'000)) {
                        lt.statement = int(*k);
                        if (s && size_t(*k) >= s->statements.size())
                            r.error(p + "/statement", "session \"" + s->name + "\" has " +
                                                          std::to_string(s->statements.size()) +
                                                          " statements, there is no statement " +
                                                          std::to_string(*k));
                        else if (s)
                            st = &s->statements[size_t(*k)];
                    }
                if (const json *n = r.required(o, p, "step"))
                    if (auto k = r.integer(*n, p + "/step", 0, 1'000'000)) {
                        lt.step = int(*k);
                        if (st && (size_t(*k) >= st->steps.size() ||
                                   st->steps[size_t(*k)].op != StepOp::TempFile))
                            r.error(p + "/step", "step " + std::to_string(*k) +
                                                     " of that statement is not a tempfile step");
                    }
                if (const json *b = r.required(o, p, "bytes"))
                    if (auto k = r.integer(*b, p + "/bytes", 0, int64_t(1) << 50))
                        lt.bytes = *k;
                reason(o, p, lt.reason);
                for (const LabTempFile &other : lab.tempfiles)
                    if (other.session == lt.session && other.statement == lt.statement &&
                        other.step == lt.step && !lt.session.empty())
                        r.error(p, "that step has a lab size twice");
                lab.tempfiles.push_back(std::move(lt));
            }
        }
        if (const json *m = r.member(v, "differences"); m && array(*m, ptr + "/differences")) {
            for (size_t i = 0; i < m->size(); ++i) {
                const std::string p = ptr + "/differences/" + std::to_string(i);
                const json &o = (*m)[i];
                if (!r.object(o, p, {"session", "class", "aspect", "match", "reason"}))
                    continue;
                LabDifference d;
                if (r.member(o, "session"))
                    if (const SessionSpec *s = sessionOf(o, p))
                        d.session = s->name;
                if (const json *c = r.required(o, p, "class"))
                    if (auto n = r.string(*c, p + "/class")) {
                        if (*n != "text" && *n != "state" && *n != "outcome" && *n != "timing")
                            r.error(p + "/class", "unknown class \"" + *n +
                                                      "\" (use text, state, outcome, timing)");
                        d.cls = *n;
                    }
                if (const json *a = r.member(o, "aspect"))
                    if (auto n = r.string(*a, p + "/aspect")) {
                        static const char *const aspects[] = {"lines",         "states",
                                                              "leave-order",   "kill-latency",
                                                              "rollback-rate", "end-state"};
                        bool known = false;
                        for (const char *x : aspects)
                            known = known || *n == x;
                        if (!known)
                            r.error(p + "/aspect", "unknown aspect \"" + *n +
                                                       "\" (use lines, states, leave-order, "
                                                       "kill-latency, rollback-rate, end-state)");
                        d.aspect = *n;
                    }
                if (const json *mt = r.member(o, "match"))
                    if (auto n = r.string(*mt, p + "/match", false))
                        d.match = *n;
                reason(o, p, d.reason);
                lab.differences.push_back(std::move(d));
            }
        }
    }

    void parseRoot(const json &v)
    {
        if (!r.object(v, "",
                      {"format", "version", "id", "title", "summary", "flavors", "defaultFlavor",
                       "seed", "until", "server", "tables", "sessions", "actions", "narration",
                       "branches", "lab"}))
            return;
        if (const json *m = r.member(v, "format")) {
            if (!m->is_string() || m->get<std::string>() != "killscope-scenario")
                r.error("/format", "expected \"killscope-scenario\", got " + describe(*m));
        }
        if (const json *m = r.required(v, "", "version")) {
            if (auto i = r.integer(*m, "/version", 0, 1'000'000)) {
                if (*i != 1)
                    r.error("/version", "unsupported version " + std::to_string(*i) +
                                            " (this program reads version 1)");
            }
        }
        if (const json *m = r.required(v, "", "id")) {
            if (auto s = r.string(*m, "/id")) {
                if (!validName(*s, true))
                    r.error("/id",
                            "ids use only a-z, 0-9 and - (1-64 characters), got " + describe(*m));
                sc.id = *s;
            }
        }
        if (const json *m = r.required(v, "", "title"))
            if (auto t = r.text(*m, "/title"))
                sc.title = *t;
        if (const json *m = r.member(v, "summary"))
            if (auto t = r.text(*m, "/summary"))
                sc.summary = *t;
        if (const json *m = r.required(v, "", "flavors")) {
            if (!m->is_array() || m->empty()) {
                r.error("/flavors", "expected a non-empty array of flavors, got " + describe(*m));
            } else {
                for (size_t i = 0; i < m->size(); ++i) {
                    if (auto f = r.flavor((*m)[i], "/flavors/" + std::to_string(i))) {
                        if (sc.supports(*f))
                            r.error("/flavors/" + std::to_string(i), "flavor listed twice");
                        else
                            sc.flavors.push_back(*f);
                    }
                }
            }
        }
        if (!sc.flavors.empty())
            sc.defaultFlavor = sc.flavors.front();
        if (const json *m = r.member(v, "defaultFlavor")) {
            if (auto f = r.flavor(*m, "/defaultFlavor")) {
                if (!sc.flavors.empty() && !sc.supports(*f))
                    r.error("/defaultFlavor", "is not one of \"flavors\"");
                sc.defaultFlavor = *f;
            }
        }
        if (const json *m = r.member(v, "seed"))
            if (auto i = r.integer(*m, "/seed", 0, std::numeric_limits<int64_t>::max()))
                sc.seed = uint64_t(*i);
        if (const json *m = r.member(v, "until"))
            sc.until = r.time(*m, "/until", Engine::kMaxUntil);
        if (const json *m = r.member(v, "server"))
            parseServer(*m, "/server");
        if (const json *m = r.member(v, "tables")) {
            if (!m->is_array()) {
                r.error("/tables", "expected an array, got " + describe(*m));
            } else {
                for (size_t i = 0; i < m->size(); ++i) {
                    const std::string p = "/tables/" + std::to_string(i);
                    if (r.object((*m)[i], p, {"name"}))
                        if (const json *n = r.required((*m)[i], p, "name"))
                            if (auto s = r.string(*n, p + "/name", false))
                                sc.tables.push_back(*s);
                }
            }
        }
        if (const json *m = r.required(v, "", "sessions")) {
            if (!m->is_array() || m->empty()) {
                r.error("/sessions", "expected a non-empty array of sessions, got " + describe(*m));
            } else {
                sc.sessions.resize(m->size());
                std::set<std::string> names;
                std::set<int64_t> ids;
                for (size_t i = 0; i < m->size(); ++i) {
                    const std::string p = "/sessions/" + std::to_string(i);
                    parseSession((*m)[i], p, sc.sessions[i]);
                    const SessionSpec &s = sc.sessions[i];
                    if (!s.name.empty() && !names.insert(s.name).second)
                        r.error(p + "/name", "duplicate session name \"" + s.name + "\"");
                    if (s.id && !ids.insert(*s.id).second)
                        r.error(p + "/id", "duplicate processlist id " + std::to_string(*s.id));
                }
                checkIds("/sessions");
            }
        }
        if (const json *m = r.member(v, "actions")) {
            if (!m->is_array()) {
                r.error("/actions", "expected an array, got " + describe(*m));
            } else {
                sc.actions.resize(m->size());
                for (size_t i = 0; i < m->size(); ++i)
                    parseAction((*m)[i], "/actions/" + std::to_string(i), sc.actions[i]);
            }
        }
        if (const json *m = r.member(v, "narration")) {
            if (!m->is_array()) {
                r.error("/narration", "expected an array, got " + describe(*m));
            } else {
                sc.narration.resize(m->size());
                for (size_t i = 0; i < m->size(); ++i)
                    parseNarration((*m)[i], "/narration/" + std::to_string(i), sc.narration[i]);
            }
        }
        if (const json *m = r.member(v, "branches")) {
            if (!m->is_array() || m->size() < 2 || m->size() > 4) {
                r.error("/branches", "expected an array of 2 to 4 branches, got " + describe(*m));
            } else {
                sc.branches.resize(m->size());
                for (size_t i = 0; i < m->size(); ++i)
                    parseBranch((*m)[i], "/branches/" + std::to_string(i), sc.branches[i]);
            }
        }
        for (const auto &ref : branchRefs)
            if (std::none_of(sc.branches.begin(), sc.branches.end(),
                             [&](const Branch &b) { return b.name == ref.name; }))
                r.error(ref.pointer, "no branch named \"" + ref.name + "\"");
        checkIoCosts();
        if (const json *m = r.member(v, "lab"))
            parseLab(*m, "/lab");
        for (const auto &ref : sessionRefs) {
            const int idx = sc.sessionIndex(ref.name);
            if (idx < 0)
                r.error(ref.pointer, "no session named \"" + ref.name + "\"");
        }
        // Client-side actions need a client that has a terminal.
        for (size_t i = 0; i < sc.actions.size(); ++i) {
            const Action &a = sc.actions[i];
            if (a.kind != ActionKind::CtrlC)
                continue;
            const int idx = sc.sessionIndex(a.session);
            if (idx >= 0 && (sc.sessions[size_t(idx)].client == ClientKind::App ||
                             sc.sessions[size_t(idx)].daemon))
                r.error("/actions/" + std::to_string(i) + "/session",
                        "Ctrl+C needs a command-line client, \"" + a.session + "\" has none");
        }
    }
};

} // namespace

ScenarioParseResult ScenarioParser::parse(std::string_view text, const std::string &fileName)
{
    ScenarioParseResult result;
    result.fileName = fileName;
    if (text.size() > kMaxBytes) {
        result.errors.push_back({"", "the scenario is " + std::to_string(text.size()) +
                                         " bytes, more than the " + std::to_string(kMaxBytes) +
                                         " bytes (16 MiB) a scenario may have"});
        return result;
    }
    json doc;
    try {
        doc = json::parse(text.begin(), text.end(), nullptr, true, false);
    } catch (const json::parse_error &e) {
        // e.what() starts with "[json.exception.parse_error.101] parse error at line 3, column 7:
        // ..."
        std::string what = e.what();
        const auto pos = what.find("] ");
        if (pos != std::string::npos)
            what = what.substr(pos + 2);
        result.errors.push_back({"", "invalid JSON: " + what});
        return result;
    } catch (const std::exception &e) {
        result.errors.push_back({"", std::string("invalid JSON: ") + e.what()});
        return result;
    }
    Parser p;
    try {
        p.parseRoot(doc);
    } catch (const std::exception &e) {
        // Defensive: nlohmann accessors are type-checked above, but a library exception must
        // still end as a message, never as a crash.
        p.r.error("", std::string("internal parser error: ") + e.what());
    }
    result.errors = std::move(p.r.errors);
    if (result.errors.empty())
        result.scenario = std::move(p.sc);
    return result;
}

} // namespace ks::sim
