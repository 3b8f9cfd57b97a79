#pragma once

// Text and JSON renderings of a RunResult: the processlist as the mysql client prints SHOW FULL
// PROCESSLIST, client transcripts, kill summaries, the whole run as JSON, and Chrome Trace Event
// JSON (opens in Perfetto / chrome://tracing). All output is deterministic: same run, same bytes.

#include "runresult.h"

#include <string>
#include <string_view>

namespace ks::sim {

// SHOW FULL PROCESSLIST box (the flavor's columns), followed by the INFORMATION_SCHEMA /
// INNODB_TRX columns KillScope adds (TIME_MS on MariaDB, trx_state, trx_rows_modified,
// trx_operation_state) for every thread, including ones SHOW PROCESSLIST hides.
std::string processlistText(const RunResult &r, TimeUs t);
// The same as one JSON object {"t":..., "rows":[...]} (one line).
std::string processlistJson(const RunResult &r, TimeUs t);
// A session's terminal, each line prefixed with its time ("[  4.320000] mysql> ...").
std::string transcriptText(const RunResult &r, int session);
std::string transcriptJson(const RunResult &r, int session);
// Kills, rollbacks and narration, human readable.
std::string summaryText(const RunResult &r);
// Everything (lanes, segments, signals, kills, rollbacks, narration, events) as JSON.
std::string runJson(const RunResult &r);
// Chrome Trace Event format.
std::string chromeTrace(const RunResult &r);

// Text for a terminal: control characters (C0 including ESC, DEL, and the C1 range U+0080-U+009F)
// become visible escapes ("\n", "\t", "\x1b", "\u009b"), so scenario text can never send a
// terminal escape sequence. Every text rendering here goes through it.
std::string escapeControl(std::string_view s);
// A JSON string literal of s (quotes included), with the C1 range escaped too ("\u009b").
std::string jsonQuote(std::string_view s);

// A mysql-client style box table; numeric columns right-aligned. Exposed for tests.
std::string boxTable(const std::vector<std::string> &headers, const std::vector<std::vector<std::optional<std::string>>> &rows,
                     const std::vector<bool> &rightAligned);

} // namespace ks::sim
