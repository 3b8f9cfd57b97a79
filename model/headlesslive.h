#pragma once

#include "commandline.h"
#include "connectionsettings.h"
#include "sessionsource.h"

#include <QJsonObject>

namespace ks {

// `killscope --headless [connection options] --processlist [--format json]` prints one live
// sample; `--kill-query ID | --kill-connection ID [--wait] [--timeout 60s]` kills the session that
// has that id now — through LiveSource, so the kill takes the same path as in the window: the
// source builds the target from its record, the kill executor proves on the server that the id
// still names that session, and the audit log gets its line — and, with --wait, follows it to its
// end, printing each phase with its time (accepted, flag seen, rolling back N rows at R rows/s,
// done / gone).
//
// Exit codes: 0 accepted (without --wait) or took effect (done or gone); 3 refused by the server
// (the message names its code); 4 not sent (an identity check, read-only, KillScope's own
// connection, no kill connection; the reason is printed); 5 still there at --timeout; 2 no
// connection (or no sample) within the timeout. Usage errors (also 2) are CommandLine's.
//
// Needs a QCoreApplication; runs its event loop until the answer. SIGINT and SIGTERM end the run
// (exit 130 / 143) after the audit log has what was done.
int runHeadlessLive(const LiveRequest &request, const ConnectionSettings &settings);

// The processlist as the live commands print it (shared with the recording commands): a table
// as the mysql client's -t draws it (control characters blanked), or one JSON object per row.
QString processlistTableText(const QList<ProcesslistRow> &rows, bool milliseconds);
QJsonObject processlistRowJson(const ProcesslistRow &row);

} // namespace ks
