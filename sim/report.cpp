#include "report.h"

#include "timeparse.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

namespace ks::sim {

using nlohmann::ordered_json;

namespace {

size_t displayWidth(const std::string &s)
{
    // Code points, with East Asian wide characters counted twice, so CJK labels line up.
    size_t w = 0;
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        uint32_t cp = c;
        size_t len = 1;
        if (c >= 0xF0 && i + 3 < s.size() + 0) {
            len = 4;
            cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
        } else if (c >= 0xE0 && i + 2 < s.size()) {
            len = 3;
            cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
        } else if (c >= 0xC0 && i + 1 < s.size()) {
            len = 2;
            cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
        }
        i += len;
        w += (cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                               || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60)))
                 ? 2
                 : 1;
    }
    return w;
}

std::string fixed3(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

std::string timeMs(TimeUs us)
{
    // MariaDB TIME_MS: milliseconds with three decimals.
    char buf[64];
    std::snprintf(buf, sizeof buf, "%lld.%03lld", (long long)(us / 1000), (long long)(us % 1000));
    return buf;
}

bool isC1Lead(const std::string_view s, size_t i)
{
    // U+0080..U+009F in UTF-8: C2 80..C2 9F.
    return static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() &&
           (static_cast<unsigned char>(s[i + 1]) & 0xE0) == 0x80;
}

bool needsEscape(std::string_view s)
{
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F || isC1Lead(s, i))
            return true;
    }
    return false;
}

const char kHex[] = "0123456789abcdef";

// JSON text with ensure_ascii off keeps U+0080..U+009F raw; escape them too (only strings can
// hold them, so a byte scan is exact).
std::string escapeC1InJson(std::string j)
{
    if (j.find('\xC2') == std::string::npos)
        return j;
    std::string out;
    out.reserve(j.size() + 16);
    for (size_t i = 0; i < j.size(); ++i) {
        if (isC1Lead(j, i)) {
            const auto c = static_cast<unsigned char>(j[i + 1]);
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
            ++i;
        } else {
            out += j[i];
        }
    }
    return out;
}

} // namespace

std::string escapeControl(std::string_view s)
{
    if (!needsEscape(s))
        return std::string(s);
    std::string out;
    out.reserve(s.size() + 8);
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        } else if (isC1Lead(s, i)) {
            const auto d = static_cast<unsigned char>(s[i + 1]);
            out += "\\u00";
            out += kHex[d >> 4];
            out += kHex[d & 15];
            ++i;
        } else {
            out += char(c);
        }
    }
    return out;
}

std::string jsonQuote(std::string_view s)
{
    return escapeC1InJson(nlohmann::json(std::string(s))
                              .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::string boxTable(const std::vector<std::string> &headers, const std::vector<std::vector<std::optional<std::string>>> &rows,
                     const std::vector<bool> &rightAligned)
{
    // Cells are scenario text: escaped once, measured and printed escaped.
    std::vector<std::vector<std::optional<std::string>>> shown;
    shown.reserve(rows.size());
    for (const auto &row : rows) {
        std::vector<std::optional<std::string>> r;
        r.reserve(row.size());
        for (const auto &cell : row)
            r.push_back(cell ? std::optional<std::string>(escapeControl(*cell)) : std::nullopt);
        shown.push_back(std::move(r));
    }
    std::vector<size_t> w(headers.size());
    for (size_t i = 0; i < headers.size(); ++i)
        w[i] = displayWidth(headers[i]);
    for (const auto &row : shown)
        for (size_t i = 0; i < row.size() && i < w.size(); ++i)
            w[i] = std::max(w[i], displayWidth(row[i] ? *row[i] : std::string("NULL")));
    std::string sep = "+";
    for (size_t x : w)
        sep += std::string(x + 2, '-') + "+";
    sep += "\n";
    auto line = [&](const std::vector<std::optional<std::string>> &cells, bool header) {
        std::string out = "|";
        for (size_t i = 0; i < w.size(); ++i) {
            const std::string v = i < cells.size() ? (cells[i] ? *cells[i] : std::string("NULL")) : std::string();
            const size_t pad = w[i] - displayWidth(v);
            if (!header && i < rightAligned.size() && rightAligned[i])
                out += " " + std::string(pad, ' ') + v + " |";
            else
                out += " " + v + std::string(pad, ' ') + " |";
        }
        return out + "\n";
    };
    std::string out = sep;
    std::vector<std::optional<std::string>> h(headers.begin(), headers.end());
    out += line(h, true);
    out += sep;
    for (const auto &row : shown)
        out += line(row, false);
    out += sep;
    return out;
}

std::string processlistText(const RunResult &r, TimeUs t)
{
    const bool mdb = isMariaDb(r.flavor);
    const auto rows = r.processlistAt(t, false);
    std::string out = "-- SHOW FULL PROCESSLIST at " + formatTimeUs(t) + " (" + std::string(flavorId(r.flavor)) + ")\n";
    std::vector<std::string> headers = {"Id", "User", "Host", "db", "Command", "Time", "State", "Info"};
    std::vector<bool> right = {true, false, false, false, false, true, false, false};
    if (mdb) {
        headers.push_back("Progress");
        right.push_back(true);
    }
    std::vector<std::vector<std::optional<std::string>>> cells;
    for (const ProcessRow &p : rows) {
        std::vector<std::optional<std::string>> c = {std::to_string(p.id), p.user, p.host, p.db, p.command, std::to_string(p.timeSec),
                                                     p.state, p.info};
        if (mdb)
            c.push_back(fixed3(p.progress.value_or(0)));
        cells.push_back(std::move(c));
    }
    if (cells.empty())
        out += "Empty set (0.00 sec)\n";
    else {
        out += boxTable(headers, cells, right);
        out += std::to_string(cells.size()) + (cells.size() == 1 ? " row in set (0.00 sec)\n" : " rows in set (0.00 sec)\n");
    }
    // The I_S / INNODB_TRX view of all threads (the watcher query of the reference, §8).
    const auto all = r.processlistAt(t, true);
    std::vector<std::string> h2 = {"ID", "COMMAND"};
    std::vector<bool> r2 = {true, false};
    if (mdb) {
        h2.push_back("TIME_MS");
        r2.push_back(true);
    }
    for (const char *x : {"STATE", "trx_state", "trx_rows_modified", "trx_operation_state", "killed", "in_processlist"}) {
        h2.push_back(x);
        r2.push_back(std::string(x) == "trx_rows_modified");
    }
    std::vector<std::vector<std::optional<std::string>>> cells2;
    for (const ProcessRow &p : all) {
        std::vector<std::optional<std::string>> c = {std::to_string(p.id), p.command};
        if (mdb)
            c.push_back(timeMs(p.timeUs));
        c.push_back(p.state);
        c.push_back(p.trxState.empty() ? std::nullopt : std::optional<std::string>(p.trxState));
        c.push_back(p.trxRowsModified ? std::optional<std::string>(std::to_string(*p.trxRowsModified)) : std::nullopt);
        c.push_back(p.trxState.empty() ? std::nullopt : std::optional<std::string>(p.trxOperationState));
        c.push_back(p.killedName + " (" + std::to_string(p.killedValue) + ")");
        c.push_back(p.hidden ? "no" : "yes");
        cells2.push_back(std::move(c));
    }
    if (!cells2.empty()) {
        out += "-- threads with INNODB_TRX\n";
        out += boxTable(h2, cells2, r2);
    }
    return out;
}

namespace {

ordered_json rowJson(const ProcessRow &p, Flavor f)
{
    ordered_json j;
    j["Id"] = p.id;
    j["User"] = p.user;
    j["Host"] = p.host;
    j["db"] = p.db ? ordered_json(*p.db) : ordered_json(nullptr);
    j["Command"] = p.command;
    j["Time"] = p.timeSec;
    j["State"] = p.state ? ordered_json(*p.state) : ordered_json(nullptr);
    j["Info"] = p.info ? ordered_json(*p.info) : ordered_json(nullptr);
    if (isMariaDb(f)) {
        j["Progress"] = fixed3(p.progress.value_or(0));
        j["TIME_MS"] = timeMs(p.timeUs);
    }
    j["trx_state"] = p.trxState.empty() ? ordered_json(nullptr) : ordered_json(p.trxState);
    j["trx_rows_modified"] = p.trxRowsModified ? ordered_json(*p.trxRowsModified) : ordered_json(nullptr);
    j["trx_operation_state"] = p.trxState.empty() ? ordered_json(nullptr) : ordered_json(p.trxOperationState);
    j["killed"] = p.killedName;
    j["killed_value"] = p.killedValue;
    j["in_processlist"] = !p.hidden;
    j["lane"] = p.lane;
    return j;
}

std::string dump(const ordered_json &j, int indent = -1)
{
    return escapeC1InJson(j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace

std::string processlistJson(const RunResult &r, TimeUs t)
{
    ordered_json j;
    j["t_us"] = t;
    j["flavor"] = std::string(flavorId(r.flavor));
    ordered_json rows = ordered_json::array();
    for (const ProcessRow &p : r.processlistAt(t, true))
        rows.push_back(rowJson(p, r.flavor));
    j["rows"] = std::move(rows);
    return dump(j);
}

std::string transcriptText(const RunResult &r, int session)
{
    std::string out;
    const std::vector<TranscriptLine> lines = r.transcriptOf(session);
    // A scenario with branches: one terminal per branch ("-- Wait", "-- Restart"), each in time
    // order, not the branches' lines interleaved.
    const size_t branches = std::max<size_t>(1, r.branchLabels.size());
    for (size_t b = 0; b < branches; ++b) {
        if (r.branchLabels.size() > 1)
            out += "-- " + escapeControl(r.branchLabels[b]) + "\n";
        for (const TranscriptLine &l : lines) {
            const int lb = l.lane >= 0 ? r.lanes[size_t(l.lane)].branch : 0;
            if (size_t(lb) != b && r.branchLabels.size() > 1)
                continue;
            std::string ts = formatSeconds(l.t);
            if (ts.size() < 11)
                ts.insert(0, 11 - ts.size(), ' ');
            out += "[" + ts + "] " + escapeControl(l.text) + "\n";
        }
    }
    return out;
}

std::string transcriptJson(const RunResult &r, int session)
{
    ordered_json arr = ordered_json::array();
    for (const TranscriptLine &l : r.transcriptOf(session)) {
        ordered_json j;
        j["t_us"] = l.t;
        j["lane"] = l.lane;
        j["text"] = l.text;
        arr.push_back(std::move(j));
    }
    return dump(arr);
}

std::string summaryText(const RunResult &r)
{
    std::string out;
    out += "-- kills\n";
    std::vector<std::vector<std::optional<std::string>>> cells;
    auto t = [](TimeUs v) { return v < 0 ? std::optional<std::string>() : std::optional<std::string>(formatSeconds(v)); };
    for (const KillRecord &k : r.kills) {
        const std::string killer = k.killerLane >= 0 ? std::to_string(r.lanes[size_t(k.killerLane)].processlistId) : "timer";
        cells.push_back({std::to_string(k.index), k.statement, killer, std::to_string(k.victimId), t(k.issued),
                         k.result == 0 ? std::string("OK") : "ERROR " + std::to_string(k.result), t(k.noticed),
                         k.clientError < 0 ? std::nullopt : std::optional<std::string>(formatSeconds(k.clientError) + " (" + std::to_string(k.clientErrorCode) + ")"),
                         t(k.finished), std::string(killOutcomeId(k.outcome))});
    }
    if (cells.empty())
        out += "(none)\n";
    else
        out += boxTable({"#", "statement", "by", "victim", "issued", "result", "noticed", "client error", "finished", "outcome"}, cells,
                        {true, false, true, true, true, false, true, false, true, false});
    if (!r.rollbacks.empty()) {
        out += "-- rollbacks\n";
        std::vector<std::vector<std::optional<std::string>>> rb;
        for (const RollbackRecord &b : r.rollbacks)
            rb.push_back({std::to_string(r.lanes[size_t(b.lane)].processlistId), b.wholeTransaction ? "transaction" : "statement",
                          std::to_string(b.rows), formatSeconds(b.start), t(b.end)});
        out += boxTable({"id", "scope", "rows", "start", "end"}, rb, {true, false, true, true, true});
    }
    if (!r.narration.empty()) {
        out += "-- narration\n";
        for (const NarrationStep &n : r.narration)
            out += "[" + formatSeconds(n.t) + "] " + escapeControl(n.en) + "\n";
    }
    return out;
}

std::string runJson(const RunResult &r)
{
    ordered_json j;
    j["scenario"] = r.scenario.id;
    j["flavor"] = std::string(flavorId(r.flavor));
    j["until_us"] = r.until;
    ordered_json lanes = ordered_json::array();
    for (const Lane &l : r.lanes) {
        ordered_json lj;
        lj["index"] = l.index;
        lj["id"] = l.processlistId;
        lj["session"] = l.sessionName;
        lj["label"] = l.label;
        lj["user"] = l.user;
        lj["host"] = l.host;
        lj["client"] = std::string(clientKindId(l.client));
        lj["order"] = l.order;
        lj["created_us"] = l.createdAt;
        lj["gone_us"] = l.goneAt;
        ordered_json segs = ordered_json::array();
        for (const LaneSegment &s : l.segments) {
            ordered_json sj;
            sj["start"] = s.start;
            sj["end"] = s.end;
            sj["state"] = std::string(laneStateId(s.state));
            sj["flags"] = s.flags;
            sj["check_ns"] = s.checkNs;
            if (s.checkNs > 0)
                sj["check_first_ns"] = s.checkFirstNs;
            sj["detail"] = r.str(s.detail);
            if (s.rowsStart >= 0) {
                sj["rows_start"] = s.rowsStart;
                sj["rows_end"] = s.rowsEnd;
            }
            segs.push_back(std::move(sj));
        }
        lj["segments"] = std::move(segs);
        ordered_json cs = ordered_json::array();
        for (const ClientSegment &s : l.clientSegments) {
            ordered_json sj;
            sj["start"] = s.start;
            sj["end"] = s.end;
            sj["state"] = std::string(clientStateId(s.state));
            sj["text"] = r.str(s.text);
            cs.push_back(std::move(sj));
        }
        lj["client_segments"] = std::move(cs);
        lanes.push_back(std::move(lj));
    }
    j["lanes"] = std::move(lanes);
    ordered_json sig = ordered_json::array();
    static const char *const kinds[] = {"kill", "noticed", "deferred", "replayed", "socket-closed", "timeout"};
    for (const Signal &s : r.killSignals) {
        ordered_json sj;
        sj["t"] = s.t;
        sj["kind"] = kinds[size_t(s.kind)];
        sj["from_lane"] = s.fromLane;
        sj["to_lane"] = s.toLane;
        sj["kill"] = s.kill;
        sj["label"] = s.label;
        sig.push_back(std::move(sj));
    }
    j["signals"] = std::move(sig);
    ordered_json kills = ordered_json::array();
    for (const KillRecord &k : r.kills) {
        ordered_json kj;
        kj["statement"] = k.statement;
        kj["killer_lane"] = k.killerLane;
        kj["victim_lane"] = k.victimLane;
        kj["victim_id"] = k.victimId;
        kj["result"] = k.result;
        kj["issued"] = k.issued;
        kj["noticed"] = k.noticed;
        kj["client_error"] = k.clientError;
        kj["client_error_code"] = k.clientErrorCode;
        kj["finished"] = k.finished;
        kj["outcome"] = std::string(killOutcomeId(k.outcome));
        kills.push_back(std::move(kj));
    }
    j["kills"] = std::move(kills);
    ordered_json rbs = ordered_json::array();
    for (const RollbackRecord &b : r.rollbacks) {
        ordered_json bj;
        bj["lane"] = b.lane;
        bj["whole_transaction"] = b.wholeTransaction;
        bj["rows"] = b.rows;
        bj["start"] = b.start;
        bj["end"] = b.end;
        ordered_json pts = ordered_json::array();
        for (const RollbackPoint &p : b.points)
            pts.push_back({p.t, p.rowsRemaining});
        bj["points"] = std::move(pts);
        rbs.push_back(std::move(bj));
    }
    j["rollbacks"] = std::move(rbs);
    ordered_json nar = ordered_json::array();
    for (const NarrationStep &n : r.narration) {
        ordered_json nj;
        nj["t"] = n.t;
        nj["en"] = n.en;
        nj["zh_CN"] = n.zh_CN;
        nj["engine"] = n.fromEngine;
        nar.push_back(std::move(nj));
    }
    j["narration"] = std::move(nar);
    ordered_json ev = ordered_json::array();
    for (const Event &e : r.events)
        ev.push_back({e.t, e.lane, std::string(eventTypeId(e.type)), e.a, e.b});
    j["events"] = std::move(ev);
    return dump(j);
}

std::string chromeTrace(const RunResult &r)
{
    // Hand-written for speed and a stable key order; strings escaped by the JSON library.
    std::string out;
    out.reserve(256 + r.events.size() * 64);
    auto esc = [](const std::string &s) { return jsonQuote(s); };
    bool first = true;
    auto add = [&](const std::string &ev) {
        out += first ? "\n" : ",\n";
        first = false;
        out += ev;
    };
    out += "{\"displayTimeUnit\":\"ms\",\"otherData\":{\"scenario\":" + esc(r.scenario.id) + ",\"flavor\":\"" + std::string(flavorId(r.flavor))
           + "\"},\"traceEvents\":[";
    add(R"({"ph":"M","name":"process_name","pid":1,"tid":0,"args":{"name":"server threads"}})");
    add(R"({"ph":"M","name":"process_name","pid":2,"tid":0,"args":{"name":"clients"}})");
    add(R"({"ph":"M","name":"process_name","pid":3,"tid":0,"args":{"name":"narration"}})");
    // A lane's tid is its index (creation order: a what-if never renumbers the lanes of the
    // past); where it is shown is its sort index (a restart's recovered transaction sits next to
    // its session, which moves the lanes below it). With branches, each branch's lanes count from
    // their own block of ids, so a what-if that adds lanes to one branch leaves the other's alone.
    std::vector<int> firstOfBranch;
    for (const Lane &l : r.lanes) {
        if (size_t(l.branch) >= firstOfBranch.size())
            firstOfBranch.resize(size_t(l.branch) + 1, l.index);
        firstOfBranch[size_t(l.branch)] = std::min(firstOfBranch[size_t(l.branch)], l.index);
    }
    auto tidOf = [&](int lane) {
        const Lane &l = r.lanes[size_t(lane)];
        return std::to_string(l.branch * 100000 + (l.index - firstOfBranch[size_t(l.branch)]) + 1);
    };
    for (const Lane &l : r.lanes) {
        const std::string tid = tidOf(l.index);
        const std::string sortIndex = std::to_string(l.order + 1);
        const std::string name = esc(std::to_string(l.processlistId) + " " + l.user + "@" + l.host + " " + l.label);
        add("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":" + tid + ",\"args\":{\"name\":" + name + "}}");
        add("{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":1,\"tid\":" + tid + ",\"args\":{\"sort_index\":" + sortIndex + "}}");
        if (!l.clientSegments.empty()) {
            add("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":2,\"tid\":" + tid + ",\"args\":{\"name\":" + name + "}}");
            add("{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":2,\"tid\":" + tid + ",\"args\":{\"sort_index\":" + sortIndex + "}}");
        }
    }
    for (const Lane &l : r.lanes) {
        const std::string tid = tidOf(l.index);
        for (const LaneSegment &s : l.segments) {
            std::string ev = "{\"ph\":\"X\",\"pid\":1,\"tid\":" + tid + ",\"ts\":" + std::to_string(s.start)
                             + ",\"dur\":" + std::to_string(s.end - s.start) + ",\"name\":\"" + std::string(laneStateId(s.state))
                             + "\",\"cat\":\"thread\",\"args\":{\"detail\":" + esc(r.str(s.detail));
            if (s.flags & FlagKillPending)
                ev += ",\"kill_flag_set\":true";
            if (s.flags & FlagHidden)
                ev += ",\"hidden_from_processlist\":true";
            if (s.flags & FlagSocketClosed)
                ev += ",\"socket_closed\":true";
            if (s.flags & FlagKillDeferred)
                ev += ",\"kill_deferred\":true";
            if (s.checkNs >= 0)
                ev += ",\"check_ns\":" + std::to_string(s.checkNs);
            if (s.rowsStart >= 0)
                ev += ",\"rows_start\":" + std::to_string(s.rowsStart) + ",\"rows_end\":" + std::to_string(s.rowsEnd);
            ev += "}}";
            add(ev);
        }
        for (const ClientSegment &s : l.clientSegments) {
            add("{\"ph\":\"X\",\"pid\":2,\"tid\":" + tid + ",\"ts\":" + std::to_string(s.start) + ",\"dur\":" + std::to_string(s.end - s.start)
                + ",\"name\":" + esc(s.text ? r.str(s.text) : std::string(clientStateId(s.state))) + ",\"cat\":\"client\",\"args\":{\"state\":\""
                + std::string(clientStateId(s.state)) + "\"}}");
        }
    }
    int flow = 0;
    for (const Signal &s : r.killSignals) {
        const std::string to = s.toLane >= 0 ? tidOf(s.toLane) : "0";
        if (s.kind == SignalKind::KillArrow && s.fromLane >= 0 && s.toLane >= 0) {
            const std::string from = tidOf(s.fromLane);
            const std::string id = std::to_string(++flow);
            add("{\"ph\":\"s\",\"id\":" + id + ",\"pid\":1,\"tid\":" + from + ",\"ts\":" + std::to_string(s.t) + ",\"name\":" + esc(s.label)
                + ",\"cat\":\"kill\"}");
            add("{\"ph\":\"f\",\"bp\":\"e\",\"id\":" + id + ",\"pid\":1,\"tid\":" + to + ",\"ts\":" + std::to_string(s.t) + ",\"name\":"
                + esc(s.label) + ",\"cat\":\"kill\"}");
        }
        add("{\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":" + to + ",\"ts\":" + std::to_string(s.t) + ",\"name\":" + esc(s.label)
            + ",\"cat\":\"signal\"}");
    }
    for (const NarrationStep &n : r.narration) {
        add("{\"ph\":\"i\",\"s\":\"p\",\"pid\":3,\"tid\":1,\"ts\":" + std::to_string(n.t) + ",\"name\":" + esc(n.en)
            + ",\"cat\":\"narration\",\"args\":{\"zh_CN\":" + esc(n.zh_CN) + "}}");
    }
    out += "\n]}\n";
    return out;
}

} // namespace ks::sim
