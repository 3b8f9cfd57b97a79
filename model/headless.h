#pragma once

#include "commandline.h"

namespace ks {

// `killscope --headless ...`: runs a scenario without a GUI and prints processlists,
// transcripts, a summary, JSON or a Chrome trace (the request comes from CommandLine, which has
// checked every value). Returns the process exit code (0 ok, 1 I/O error, 2 bad input
// or a run that hit the engine's event cap: its output is written and says where it stops).
// Needs a QCoreApplication and initResources().
int runHeadless(const HeadlessRequest &request);

} // namespace ks
