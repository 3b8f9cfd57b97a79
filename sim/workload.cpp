#include "workload.h"

namespace ks::sim {

namespace {

class SplitMix64
{
public:
    explicit SplitMix64(uint64_t seed) : m_state(seed) {}
    uint64_t next()
    {
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [lo, hi] (the tiny modulo bias is irrelevant here and platform-independent).
    int64_t range(int64_t lo, int64_t hi) { return lo + int64_t(next() % uint64_t(hi - lo + 1)); }

private:
    uint64_t m_state;
};

Step cpu(TimeUs us)
{
    Step s;
    s.op = StepOp::Cpu;
    s.durationUs = us;
    return s;
}

Step mdl(MdlMode mode)
{
    Step s;
    s.op = StepOp::Mdl;
    s.table = "t";
    s.mdlMode = mode;
    return s;
}

Step rows(int64_t count, DurationNs perRowNs, bool modify, std::string lock = std::string())
{
    Step s;
    s.op = StepOp::Rows;
    s.count = count;
    s.perRowNs = perRowNs;
    s.modify = modify;
    if (!lock.empty())
        s.lockKeys.push_back(std::move(lock));
    return s;
}

} // namespace

Scenario makeWorkload(const WorkloadParams &p)
{
    SplitMix64 rng(p.seed);
    Scenario sc;
    sc.id = "generated-workload";
    sc.title = {"Generated workload", "生成的负载"};
    sc.flavors = {Flavor::MySql57, Flavor::MySql80, Flavor::MariaDb1011};
    sc.defaultFlavor = p.flavor;
    sc.seed = p.seed;
    sc.until = p.duration;
    sc.server.innodbThreadConcurrency = p.innodbThreadConcurrency;
    sc.server.firstConnectionId = 100;
    sc.sessions.reserve(size_t(p.sessions));
    // A handful of statement shapes shared by text, so the run interns few strings.
    static const char *const texts[] = {"SELECT * FROM t WHERE id = ?", "SELECT SUM(v) FROM t WHERE id BETWEEN ? AND ?",
                                        "UPDATE t SET v = v + 1 WHERE id = ?", "UPDATE t SET v = 0 WHERE id BETWEEN ? AND ?"};
    for (int i = 0; i < p.sessions; ++i) {
        SessionSpec s;
        s.name = "s" + std::to_string(i);
        s.user = "u" + std::to_string(i % 50);
        s.client = ClientKind::App;
        s.connectAt = rng.range(0, kSecond);
        TimeUs t = s.connectAt + 2000;
        while (true) {
            t += rng.range(200 * kMillisecond, 4 * kSecond); // think time
            if (t >= p.duration)
                break;
            Statement st;
            st.at = t;
            const int64_t kind = rng.range(0, 99);
            if (kind < 50) {
                st.kind = StatementKind::Select;
                st.sql = texts[0];
                st.steps = {cpu(30), mdl(MdlMode::SharedRead), rows(rng.range(1, 20), 4000, false)};
            } else if (kind < 65) {
                st.kind = StatementKind::Select;
                st.sql = texts[1];
                st.steps = {cpu(50), mdl(MdlMode::SharedRead), rows(rng.range(2'000, 60'000), 1000, false)};
            } else if (kind < 92) {
                st.kind = StatementKind::Update;
                st.sql = texts[2];
                st.steps = {cpu(40), mdl(MdlMode::SharedWrite),
                            rows(1, 15'000, true, "t:" + std::to_string(rng.range(0, p.hotRows - 1)))};
            } else {
                st.kind = StatementKind::Update;
                st.sql = texts[3];
                st.steps = {cpu(50), mdl(MdlMode::SharedWrite),
                            rows(rng.range(1'000, 20'000), 3000, true, "t:" + std::to_string(rng.range(0, p.hotRows - 1)))};
            }
            s.statements.push_back(std::move(st));
        }
        sc.sessions.push_back(std::move(s));
    }
    for (int k = 0; k < p.kills; ++k) {
        Action a;
        a.at = rng.range(kSecond, p.duration - 1);
        a.kind = ActionKind::Kill;
        a.kill.type = rng.range(0, 1) ? KillType::Query : KillType::Connection;
        a.kill.target = KillSpec::Target::Id;
        a.kill.id = 100 + rng.range(0, p.sessions - 1);
        sc.actions.push_back(a);
    }
    return sc;
}

} // namespace ks::sim
