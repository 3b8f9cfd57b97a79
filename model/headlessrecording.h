#pragma once

#include "commandline.h"
#include "connectionsettings.h"

namespace ks {

// `killscope --headless [connection options] --record FILE [--duration 10m] [--interval 1s]
// [--record-max-size 512M]`: records a live session without a window, through the same
// LiveSource and Recorder the window uses, read-only (no kill is possible from this command).
// Ends at --duration (counted from the first connect) or at SIGINT / SIGTERM, after the file is
// complete. Exit 0 recorded; 2 no connection, or the file cannot be written.
int runHeadlessRecord(const LiveRequest &request, const ConnectionSettings &settings);

// `killscope --headless --recording FILE [--processlist-at T ...] [--summary] [--format json]`:
// the processlist at times counted from the recording's first sample, and / or a summary (the
// server, the span, samples and size, every kill with its phases and audit verdict). Exit 0; 2
// when the file is not a readable recording or a time lies outside it (the message says which).
int runHeadlessReplay(const ReplayRequest &request);

} // namespace ks
