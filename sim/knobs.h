#pragma once

// The what-if knobs: the changes a user can make at a point of a run (the UI's What-if panel, a
// scenario's `set` action, the command line's `--set TIME:KNOB=VALUE`). This is the one table:
// model/whatifknob.h presents these rows to the UI and the command line (labels, messages) and
// holds no facts of its own, so every path that accepts a knob accepts the same names with the
// same ranges. A new knob is a new row here (and its handling in the engine).
//
// Invariants: names are unique, lower case, and point at string literals (NUL-terminated);
// min <= max; an `integer` knob's bounds are whole numbers; a knob that is not a server variable
// (io_pressure, restart) is never written as SET GLOBAL.

#include "scenario.h"

#include <string>
#include <string_view>
#include <vector>

namespace ks::sim {

struct Knob
{
    std::string_view name;
    double min;
    double max;
    bool integer;
    bool serverVariable; // SET GLOBAL name = value on a real server
    // An event rather than a setting: restart=1 restarts the server at that moment; it has no
    // value "in effect" afterwards.
    bool momentary;
    // The variable is MySQL's only (MariaDB 10.6 removed it): a what-if on a MariaDB flavor is
    // refused.
    bool mysqlOnly;
    std::string_view en; // what it does, one line
    std::string_view zh_CN;
};

const std::vector<Knob> &knobs();
const Knob *findKnob(std::string_view name);
// "innodb_thread_concurrency, io_pressure or restart", for messages.
std::string knobNames();
// A knob change at `at` as the Action the engine runs (a `set` action; restart=1 becomes the
// restart action). False with `error` set when the name is unknown or the value out of range.
bool makeKnobAction(TimeUs at, std::string_view name, double value, Action &out,
                    std::string &error);

} // namespace ks::sim
