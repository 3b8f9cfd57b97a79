#pragma once

namespace ks {

// `killscope --headless ...`: runs a scenario without a GUI and prints processlists,
// transcripts, a summary, JSON or a Chrome trace. Returns the process exit code
// (0 ok, 1 I/O error, 2 bad input, or a run that hit the engine's event cap: its output is
// written, it says where it stops, and stderr says why). Creates a QCoreApplication if none exists
// yet.
//
//   --scenario ID|FILE  built-in id (":/scenarios/<id>.json") or a scenario file
//   --flavor F          mysql-5.7, mysql-8.0 or mariadb-10.11 (default: the scenario's)
//   --until T           end of the run (1.5s, 200ms, 3000us)
//   --processlist-at T  SHOW FULL PROCESSLIST at T (repeatable)
//   --transcript        every client's terminal
//   --summary           kills, rollbacks, narration (the default when nothing else is asked)
//   --format text|json
//   --trace FILE        Chrome Trace Event JSON (Perfetto, chrome://tracing)
//   --list-scenarios
int runHeadless(int argc, char **argv);

} // namespace ks
