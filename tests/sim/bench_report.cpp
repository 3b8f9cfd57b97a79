// Benchmark of the text and JSON outputs (label bench, not run by default): a scenario of 100,000
// command-line sessions, one SELECT each, and what `--transcript`, `--summary`,
// `--processlist-at` and `--trace` write for it. Every output must be linear in its size: the
// transcript of all sessions used to be quadratic (no output after 300 s for 100k sessions).
//
//   build/tests/bench_report [sessions]    (default 100000)

#include "engine.h"
#include "report.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>

using namespace ks::sim;

int main(int argc, char **argv)
{
    const int sessions = argc > 1 ? std::max(1, std::atoi(argv[1])) : 100'000;
    Scenario sc;
    sc.id = "many-clients";
    sc.flavors = {Flavor::MySql80};
    sc.defaultFlavor = Flavor::MySql80;
    for (int i = 0; i < sessions; ++i) {
        SessionSpec s;
        s.name = "s" + std::to_string(i);
        Statement st;
        st.sql = "SELECT " + std::to_string(i);
        st.kind = StatementKind::Select;
        st.at = TimeUs(i) * 10;
        Step rows;
        rows.op = StepOp::Rows;
        rows.count = 3;
        rows.perRowNs = 1000;
        rows.send = true;
        st.steps = {rows};
        s.statements = {st};
        sc.sessions.push_back(std::move(s));
    }
    auto seconds = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    const auto t0 = std::chrono::steady_clock::now();
    const RunResult r = Engine::run(sc);
    const auto t1 = std::chrono::steady_clock::now();
    std::printf("%d sessions: run %.3f s, %zu transcript lines, %zu events\n", sessions,
                seconds(t0, t1), r.transcript.size(), r.events.size());
    auto time = [&](const char *what, const std::function<size_t()> &f) {
        const auto a = std::chrono::steady_clock::now();
        const size_t bytes = f();
        const auto b = std::chrono::steady_clock::now();
        std::printf("%-28s %8.3f s  %10zu bytes  %7.1f MB/s\n", what, seconds(a, b), bytes,
                    double(bytes) / 1e6 / seconds(a, b));
    };
    time("transcripts (text)", [&] {
        size_t n = 0;
        for (int s = 0; s < sessions; ++s)
            n += transcriptText(r, s).size();
        return n;
    });
    time("transcripts (json)", [&] {
        size_t n = 0;
        for (int s = 0; s < sessions; ++s)
            n += transcriptJson(r, s).size();
        return n;
    });
    time("summary", [&] { return summaryText(r).size(); });
    time("processlist (text)", [&] { return processlistText(r, r.until / 2).size(); });
    time("processlist (json)", [&] { return processlistJson(r, r.until / 2).size(); });
    time("run json", [&] { return runJson(r).size(); });
    time("chrome trace", [&] { return chromeTrace(r).size(); });
    return 0;
}
