#include "knobs.h"

#include <cmath>

namespace ks::sim {

const std::vector<Knob> &knobs()
{
    static const std::vector<Knob> table = {
        {"innodb_thread_concurrency", 0, 1000, true, true, false, true,
         "InnoDB admission seats (0 = no queue; MySQL only)",
         "InnoDB 准入名额（0 = 不排队；仅 MySQL）"},
        {"io_pressure", 0, 1000, false, false, false, false,
         "competing load on the disk: every I/O takes (1 + io_pressure) times longer",
         "磁盘上的竞争负载：每次 I/O 耗时变为 (1 + io_pressure) 倍"},
        {"restart", 1, 1, true, false, true, false,
         "restart the server now (kill -9, crash recovery, start): every client is dropped",
         "立即重启服务器（kill -9、崩溃恢复、启动）：所有客户端都会断开"},
    };
    return table;
}

const Knob *findKnob(std::string_view name)
{
    for (const Knob &k : knobs())
        if (k.name == name)
            return &k;
    return nullptr;
}

std::string knobNames()
{
    std::string out;
    const auto &t = knobs();
    for (size_t i = 0; i < t.size(); ++i) {
        if (i > 0)
            out += i + 1 == t.size() ? " or " : ", ";
        out += t[i].name;
    }
    return out;
}

bool makeKnobAction(TimeUs at, std::string_view name, double value, Action &out, std::string &error)
{
    const Knob *k = findKnob(name);
    if (!k) {
        error = "unknown knob \"" + std::string(name) + "\" (use " + knobNames() + ")";
        return false;
    }
    if (!std::isfinite(value) || value < k->min || value > k->max ||
        (k->integer && value != std::floor(value))) {
        auto num = [](double v) {
            std::string s = std::to_string(v);
            s.erase(s.find_last_not_of('0') + 1);
            if (!s.empty() && s.back() == '.')
                s.pop_back();
            return s;
        };
        error = std::string(name) + " takes " + (k->integer ? "an integer" : "a number") +
                (k->min == k->max ? " equal to " + num(k->min)
                                  : " from " + num(k->min) + " to " + num(k->max));
        return false;
    }
    out = Action();
    out.at = at;
    if (k->momentary && name == "restart") {
        out.kind = ActionKind::Restart;
        return true;
    }
    out.kind = ActionKind::Set;
    out.name = std::string(name);
    out.value = value;
    return true;
}

} // namespace ks::sim
