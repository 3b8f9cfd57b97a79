// Writes everything the engine produces for a fixed matrix of runs, one file per run, so that two
// builds can be compared byte for byte (scripts/compare-engine-output does that): a refactoring of
// the engine must not change a single byte of any output.
//
// The matrix: every built-in scenario (resources/scenarios/*.json) in every flavor, generated
// workloads in every flavor, and runs cut short by the event cap or by `until`. For each run: the
// Chrome trace, the run JSON, the summary, every session's transcript (text and JSON), the
// processlist (text and JSON) and the locks at a grid of times, and a raw dump of the whole
// RunResult (every lane, segment, client segment, processlist record, signal, kill, rollback,
// narration step, event, transcript line, lock interval and string).
//
//   sim_output_matrix OUT_DIR [SCENARIO_DIR]

#include "engine.h"
#include "report.h"
#include "scenarioparser.h"
#include "workload.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

using namespace ks::sim;

namespace {

std::string readFile(const std::filesystem::path &p)
{
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeFile(const std::filesystem::path &p, const std::string &s)
{
    std::ofstream out(p, std::ios::binary);
    out.write(s.data(), std::streamsize(s.size()));
}

// Every field of the result, in order: what runJson leaves out is here too.
std::string rawDump(const RunResult &r)
{
    std::ostringstream o;
    o << "flavor " << flavorId(r.flavor) << " until " << r.until << " processed "
      << r.processedEvents << " truncated " << r.truncated << "\n";
    o << "strings " << r.strings.size() << "\n";
    for (size_t i = 0; i < r.strings.size(); ++i)
        o << i << " " << escapeControl(r.strings[i]) << "\n";
    for (const Lane &l : r.lanes) {
        o << "lane " << l.index << " id " << l.processlistId << " session " << l.session << " "
          << l.sessionName << " label " << escapeControl(l.label) << " user " << l.user << " host "
          << l.host << " db " << l.db << " client " << clientKindId(l.client) << " order "
          << l.order << " created " << l.createdAt << " gone " << l.goneAt << "\n";
        for (const LaneSegment &s : l.segments)
            o << " seg " << s.start << " " << s.end << " " << laneStateId(s.state) << " f"
              << int(s.flags) << " c" << s.checkNs << "/" << s.checkFirstNs << " d" << s.detail
              << " r" << s.rowsStart << ".." << s.rowsEnd << "\n";
        for (const ClientSegment &s : l.clientSegments)
            o << " cseg " << s.start << " " << s.end << " " << clientStateId(s.state) << " t"
              << s.text << "\n";
        for (const ProcessRecord &p : l.processlist)
            o << " pl " << p.t << " tb" << p.timeBase << " rb" << p.rowsBase << " rs"
              << p.rowsStartNs << " rl" << p.rowsLimit << " pb" << p.progressBase << " pt"
              << p.progressTotal << " rc" << p.rowsCostNs << " q" << p.queryId << " s" << p.state
              << " i" << p.info << " o" << p.trxOp << " c" << int(p.command) << " k"
              << int(p.killed) << " x" << int(p.trxState) << " d" << int(p.rowsDir) << " h"
              << p.hard << " v" << p.visible << "\n";
    }
    for (const Signal &s : r.killSignals)
        o << "signal " << s.t << " " << int(s.kind) << " " << s.fromLane << "->" << s.toLane << " k"
          << s.kill << " r" << s.result << " " << escapeControl(s.label) << "\n";
    for (const KillRecord &k : r.kills)
        o << "kill " << k.index << " " << k.issued << " " << k.killerLane << "->" << k.victimLane
          << " id" << k.victimId << " t" << int(k.type) << " m" << int(k.mode) << " s"
          << int(k.source) << " r" << k.result << " " << escapeControl(k.statement) << " n"
          << k.noticed << " e" << k.clientError << "/" << k.clientErrorCode << " f" << k.finished
          << " " << killOutcomeId(k.outcome) << "\n";
    for (const RollbackRecord &b : r.rollbacks) {
        o << "rollback " << b.lane << " " << b.wholeTransaction << " " << b.rows << " " << b.start
          << " " << b.end << ":";
        for (const RollbackPoint &p : b.points)
            o << " " << p.t << "/" << p.rowsRemaining;
        o << "\n";
    }
    for (const NarrationStep &n : r.narration)
        o << "narration " << n.t << " " << n.fromEngine << " " << escapeControl(n.en) << " | "
          << escapeControl(n.zh_CN) << "\n";
    for (const Event &e : r.events)
        o << "event " << e.t << " " << e.lane << " " << eventTypeId(e.type) << " " << e.a << " "
          << e.b << "\n";
    for (const TranscriptLine &l : r.transcript)
        o << "line " << l.t << " " << l.lane << " " << escapeControl(l.text) << "\n";
    for (size_t s = 0; s < r.sessionTranscript.size(); ++s) {
        o << "session-lines " << s << ":";
        for (uint32_t i : r.sessionTranscript[s])
            o << " " << i;
        o << "\n";
    }
    for (const LockInterval &l : r.locks)
        o << "lock " << l.row << " " << l.key << " " << int(l.mode) << " " << l.lane << " "
          << l.requested << " " << l.granted << " " << l.released << "\n";
    return o.str();
}

// Two independent 64-bit hashes (FNV-1a and a multiply-rotate one): 128 bits that stand for an
// output too big to keep on disk twice.
std::string digest(const std::string &s)
{
    uint64_t a = 0xcbf29ce484222325ull, b = 0x9e3779b97f4a7c15ull;
    for (unsigned char c : s) {
        a = (a ^ c) * 0x100000001b3ull;
        b = ((b ^ c) * 0xff51afd7ed558ccdull);
        b = (b << 29) | (b >> 35);
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", (unsigned long long)a, (unsigned long long)b);
    return buf;
}

struct Matrix
{
    std::filesystem::path out;
    int cases = 0;
    size_t bytes = 0;

    // Outputs up to 4 MB are kept whole (a difference shows where it is); bigger ones as their
    // size and digest.
    void put(const std::string &name, const std::string &what, const std::string &text)
    {
        bytes += text.size();
        if (text.size() <= 4'000'000)
            writeFile(out / (name + "." + what), text);
        else
            writeFile(out / (name + "." + what + ".digest"),
                      std::to_string(text.size()) + " bytes, digest " + digest(text) + "\n");
    }

    // `detail`: the processlist at every instant something happened (small runs); otherwise on a
    // grid of 24 times.
    void run(const std::string &name, const Scenario &sc, const RunOptions &o, bool detail)
    {
        const RunResult r = Engine::run(sc, o);
        ++cases;
        put(name, "raw", rawDump(r));
        put(name, "trace.json", chromeTrace(r));
        put(name, "run.json", runJson(r));
        put(name, "summary.txt", summaryText(r));
        std::string transcripts, transcriptsJson;
        for (int s = 0; s < int(sc.sessions.size()); ++s) {
            transcripts += "== " + sc.sessions[size_t(s)].name + "\n" + transcriptText(r, s);
            transcriptsJson += transcriptJson(r, s) + "\n";
        }
        put(name, "transcript.txt", transcripts);
        put(name, "transcript.json", transcriptsJson);
        const int steps = detail ? 40 : 24;
        std::string pl, plJson, locks;
        for (int i = 0; i <= steps; ++i) {
            const TimeUs t = r.until * i / steps;
            pl += processlistText(r, t);
            plJson += processlistJson(r, t) + "\n";
            for (const LockRow &l : r.locksAt(t))
                locks += std::to_string(t) + " " + l.kind + " " + l.key + " " + l.mode + " " +
                         std::to_string(l.lane) + " " + std::to_string(l.id) + " " +
                         (l.granted ? "granted " : "waiting ") + std::to_string(l.since) + "\n";
        }
        if (detail) {
            // Every instant something happened, and the microsecond after it.
            std::vector<TimeUs> times;
            for (const Event &e : r.events)
                if (times.empty() || times.back() != e.t)
                    times.push_back(e.t);
            for (TimeUs t : times)
                for (TimeUs at : {t, t + 1}) {
                    plJson += processlistJson(r, at) + "\n";
                    if (const int lane = r.laneOfId(int64_t(at % 7) + 10); lane >= 0) {
                        const LaneSegment *seg = r.segmentAt(lane, at);
                        const ClientSegment *cs = r.clientSegmentAt(lane, at);
                        locks += "at " + std::to_string(at) + " lane " + std::to_string(lane) +
                                 " seg " + (seg ? std::to_string(seg->start) : std::string("-")) +
                                 " cseg " + (cs ? std::to_string(cs->start) : std::string("-")) +
                                 " narration " + std::to_string(r.narrationAt(at)) + "\n";
                    }
                }
        }
        put(name, "processlist.txt", pl);
        put(name, "processlist.json", plJson);
        put(name, "locks.txt", locks);
    }
};

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: sim_output_matrix OUT_DIR [SCENARIO_DIR]\n");
        return 2;
    }
    Matrix m;
    m.out = argv[1];
    std::filesystem::create_directories(m.out);
    const std::filesystem::path scenarios = argc > 2 ? argv[2] : KILLSCOPE_SCENARIO_DIR;
    const Flavor flavors[] = {Flavor::MySql57, Flavor::MySql80, Flavor::MariaDb1011};

    std::vector<std::filesystem::path> files;
    for (const auto &e : std::filesystem::directory_iterator(scenarios))
        if (e.path().extension() == ".json")
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto &f : files) {
        const auto parsed = ScenarioParser::parse(readFile(f), f.filename().string());
        if (!parsed.ok()) {
            std::fprintf(stderr, "%s", parsed.errorText().c_str());
            return 1;
        }
        const std::string id = f.stem().string();
        for (Flavor fl : flavors) {
            RunOptions o;
            o.flavor = fl;
            m.run(id + "@" + std::string(flavorId(fl)), *parsed.scenario, o, true);
            // Cut short: by the event cap at a few depths, and by `until`.
            for (uint64_t cap : {50, 300, 2000}) {
                RunOptions c = o;
                c.maxEvents = cap;
                m.run(id + "@" + std::string(flavorId(fl)) + "@cap" + std::to_string(cap),
                      *parsed.scenario, c, true);
            }
            RunOptions u = o;
            u.until = 2 * kSecond + 345;
            m.run(id + "@" + std::string(flavorId(fl)) + "@until", *parsed.scenario, u, true);
        }
    }

    // Generated workloads: a small one with many kills (every detail), and the benchmark's own.
    for (Flavor fl : flavors) {
        WorkloadParams small;
        small.sessions = 300;
        small.kills = 200;
        small.duration = 20 * kSecond;
        small.innodbThreadConcurrency = 8;
        small.hotRows = 50;
        small.flavor = fl;
        small.seed = 7;
        RunOptions o;
        o.flavor = fl;
        m.run("workload-small@" + std::string(flavorId(fl)), makeWorkload(small), o, false);
        RunOptions cap = o;
        cap.maxEvents = 100'000;
        m.run("workload-small@" + std::string(flavorId(fl)) + "@cap100000", makeWorkload(small),
              cap, false);

        WorkloadParams bench; // bench_simengine's: 10,000 sessions, 1,000 kills, 60 s
        bench.flavor = fl;
        m.run("workload-bench@" + std::string(flavorId(fl)), makeWorkload(bench), o, false);
    }
    std::printf("%d runs, %zu bytes of output in %s\n", m.cases, m.bytes, m.out.string().c_str());
    return 0;
}
