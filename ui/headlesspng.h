#pragma once

#include "commandline.h"

namespace ks {

// `killscope --png FILE --at T [--size WxH] [--scenario ID|FILE] [--flavor F] [--lang L]`
// (with or without --headless): runs a scenario and writes the swimlanes at time T as a PNG, for
// slides made by a script. Needs a QGuiApplication (offscreen is fine); returns the process exit
// code and prints the reason for a failure to stderr.
int runPngExport(const PngRequest &request);

} // namespace ks
