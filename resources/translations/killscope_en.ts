<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CommandLine</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>Show this help and exit.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Show the version and exit.</translation>
    </message>
    <message>
        <source>User interface language: en or zh_CN (default: the system&apos;s).</source>
        <translation>User interface language: en or zh_CN (default: the system&apos;s).</translation>
    </message>
    <message>
        <source>Built-in scenario id or scenario file (default: concurrency-queue); it may also be given as the only argument.</source>
        <translation>Built-in scenario id or scenario file (default: concurrency-queue); it may also be given as the only argument.</translation>
    </message>
    <message>
        <source>Server to simulate: mysql-5.7, mysql-8.0 or mariadb-10.11 (default: the scenario&apos;s).</source>
        <translation>Server to simulate: mysql-5.7, mysql-8.0 or mariadb-10.11 (default: the scenario&apos;s).</translation>
    </message>
    <message>
        <source>Playhead time for the window and for --png: 1.5s, 200ms, 3000us.</source>
        <translation>Playhead time for the window and for --png: 1.5s, 200ms, 3000us.</translation>
    </message>
    <message>
        <source>Start the window in presentation mode.</source>
        <translation>Start the window in presentation mode.</translation>
    </message>
    <message>
        <source>Write the swimlanes at --at as a PNG file and exit, without opening a window.</source>
        <translation>Write the swimlanes at --at as a PNG file and exit, without opening a window.</translation>
    </message>
    <message>
        <source>Picture size for --png (default 1600x900).</source>
        <translation>Picture size for --png (default 1600x900).</translation>
    </message>
    <message>
        <source>Leave the narration caption out of the --png picture.</source>
        <translation>Leave the narration caption out of the --png picture.</translation>
    </message>
    <message>
        <source>Run without a window and print what happened (with --png: write only the picture).</source>
        <translation>Run without a window and print what happened (with --png: write only the picture).</translation>
    </message>
    <message>
        <source>List the built-in scenarios and exit.</source>
        <translation>List the built-in scenarios and exit.</translation>
    </message>
    <message>
        <source>End of the run: 1.5s, 200ms, 3000us (at most 3600s).</source>
        <translation>End of the run: 1.5s, 200ms, 3000us (at most 3600s).</translation>
    </message>
    <message>
        <source>Print every client&apos;s terminal.</source>
        <translation>Print every client&apos;s terminal.</translation>
    </message>
    <message>
        <source>text (default) or json.</source>
        <translation>text (default) or json.</translation>
    </message>
    <message>
        <source>Write the run as Chrome Trace Event JSON (Perfetto, chrome://tracing).</source>
        <translation>Write the run as Chrome Trace Event JSON (Perfetto, chrome://tracing).</translation>
    </message>
    <message>
        <source>Connect to the server on this host (localhost: the unix socket).</source>
        <translation>Connect to the server on this host (localhost: the unix socket).</translation>
    </message>
    <message>
        <source>TCP port (default 3306).</source>
        <translation>TCP port (default 3306).</translation>
    </message>
    <message>
        <source>Unix socket file.</source>
        <translation>Unix socket file.</translation>
    </message>
    <message>
        <source>User name (default: your login name).</source>
        <translation>User name (default: your login name).</translation>
    </message>
    <message>
        <source>-p alone asks for the password (on the terminal, else in a dialog). A password given here is wiped from the process list at once, but prefer -p.</source>
        <translation>-p alone asks for the password (on the terminal, else in a dialog). A password given here is wiped from the process list at once, but prefer -p.</translation>
    </message>
    <message>
        <source>Default database.</source>
        <translation>Default database.</translation>
    </message>
    <message>
        <source>TCP or SOCKET (TCP reaches localhost over 127.0.0.1).</source>
        <translation>TCP or SOCKET (TCP reaches localhost over 127.0.0.1).</translation>
    </message>
    <message>
        <source>How long a connect may take (default 5 seconds).</source>
        <translation>How long a connect may take (default 5 seconds).</translation>
    </message>
    <message>
        <source>Read client options only from this file (it must exist).</source>
        <translation>Read client options only from this file (it must exist).</translation>
    </message>
    <message>
        <source>Read this file after the global option files and before ~/.my.cnf (it must exist).</source>
        <translation>Read this file after the global option files and before ~/.my.cnf (it must exist).</translation>
    </message>
    <message>
        <source>Do not read any option file.</source>
        <translation>Do not read any option file.</translation>
    </message>
    <message>
        <source>Connect with the [client] settings of the option files (~/.my.cnf) alone.</source>
        <translation>Connect with the [client] settings of the option files (~/.my.cnf) alone.</translation>
    </message>
    <message>
        <source>Live mode without any kill action.</source>
        <translation>Live mode without any kill action.</translation>
    </message>
    <message>
        <source>Window size and position, e.g. 1600x900+0+0.</source>
        <translation>Window size and position, e.g. 1600x900+0+0.</translation>
    </message>
    <message>
        <source>Qt platform plugin: xcb, wayland, offscreen, ...</source>
        <translation>Qt platform plugin: xcb, wayland, offscreen, ...</translation>
    </message>
    <message>
        <source>Qt widget style (e.g. Fusion).</source>
        <translation>Qt widget style (e.g. Fusion).</translation>
    </message>
    <message>
        <source>X display to use (instead of $DISPLAY).</source>
        <translation>X display to use (instead of $DISPLAY).</translation>
    </message>
    <message>
        <source>Right-to-left layout.</source>
        <translation>Right-to-left layout.</translation>
    </message>
    <message>
        <source>General:</source>
        <translation>General:</translation>
    </message>
    <message>
        <source>Scenario (window, --headless and --png):</source>
        <translation>Scenario (window, --headless and --png):</translation>
    </message>
    <message>
        <source>Pictures:</source>
        <translation>Pictures:</translation>
    </message>
    <message>
        <source>Headless (text and JSON):</source>
        <translation>Headless (text and JSON):</translation>
    </message>
    <message>
        <source>Live mode (the mysql client&apos;s options; option files fill the rest):</source>
        <translation>Live mode (the mysql client&apos;s options; option files fill the rest):</translation>
    </message>
    <message>
        <source>Window (Qt&apos;s own options):</source>
        <translation>Window (Qt&apos;s own options):</translation>
    </message>
    <message>
        <source>%1 does not apply to --headless.</source>
        <translation>%1 does not apply to --headless.</translation>
    </message>
    <message>
        <source>%1 does not apply to --png.</source>
        <translation>%1 does not apply to --png.</translation>
    </message>
    <message>
        <source>%1 needs --headless.</source>
        <translation>%1 needs --headless.</translation>
    </message>
    <message>
        <source>%1 needs --png.</source>
        <translation>%1 needs --png.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; (only one scenario).</source>
        <translation>unexpected argument &quot;%1&quot; (only one scenario).</translation>
    </message>
    <message>
        <source>the scenario is given twice: --scenario %1 and %2.</source>
        <translation>the scenario is given twice: --scenario %1 and %2.</translation>
    </message>
    <message>
        <source>--flavor %1: use mysql-5.7, mysql-8.0 or mariadb-10.11</source>
        <translation>--flavor %1: use mysql-5.7, mysql-8.0 or mariadb-10.11</translation>
    </message>
    <message>
        <source>--until %1: must be between 1us and 3600s</source>
        <translation>--until %1: must be between 1us and 3600s</translation>
    </message>
    <message>
        <source>--size %1: expected WxH from 200x150 to 16384x16384, e.g. 1600x900</source>
        <translation>--size %1: expected WxH from 200x150 to 16384x16384, e.g. 1600x900</translation>
    </message>
    <message>
        <source>--format %1: use text or json</source>
        <translation>--format %1: use text or json</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 needs a value.</translation>
    </message>
    <message>
        <source>--headless needs --scenario ID|FILE (or --list-scenarios)</source>
        <translation>--headless needs --scenario ID|FILE (or --list-scenarios)</translation>
    </message>
    <message>
        <source>--port %1: not a port number (0 to 65535)</source>
        <translation>--port %1: not a port number (0 to 65535)</translation>
    </message>
    <message>
        <source>--protocol %1: use TCP or SOCKET</source>
        <translation>--protocol %1: use TCP or SOCKET</translation>
    </message>
    <message>
        <source>--connect-timeout %1: whole seconds from 1 to 3600, or a time such as 10s</source>
        <translation>--connect-timeout %1: whole seconds from 1 to 3600, or a time such as 10s</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos; for the list of options.</source>
        <translation>Try &apos;%1 --help&apos; for the list of options.</translation>
    </message>
    <message>
        <source>Usage: %1 [options] [scenario]</source>
        <translation>Usage: %1 [options] [scenario]</translation>
    </message>
    <message>
        <source>KillScope shows what KILL QUERY and KILL CONNECTION really do on MySQL and MariaDB.</source>
        <translation>KillScope shows what KILL QUERY and KILL CONNECTION really do on MySQL and MariaDB.</translation>
    </message>
    <message>
        <source>Warning: a password on the command line can be insecure; it has been wiped from the process list, but prefer -p, which asks for it.</source>
        <translation>Warning: a password on the command line can be insecure; it has been wiped from the process list, but prefer -p, which asks for it.</translation>
    </message>
    <message>
        <source>Enter password: </source>
        <translation>Enter password: </translation>
    </message>
    <message>
        <source>DISABLED, PREFERRED (the default), REQUIRED (no CA needed), VERIFY_CA or VERIFY_IDENTITY (the certificate must name the host). --ssl-ca alone means VERIFY_CA, as for the mysql client.</source>
        <translation>DISABLED, PREFERRED (the default), REQUIRED (no CA needed), VERIFY_CA or VERIFY_IDENTITY (the certificate must name the host). --ssl-ca alone means VERIFY_CA, as for the mysql client.</translation>
    </message>
    <message>
        <source>CA certificate(s) the server&apos;s certificate must lead to.</source>
        <translation>CA certificate(s) the server&apos;s certificate must lead to.</translation>
    </message>
    <message>
        <source>Directory of CA certificates (hashed names, c_rehash).</source>
        <translation>Directory of CA certificates (hashed names, c_rehash).</translation>
    </message>
    <message>
        <source>Client certificate, for accounts that REQUIRE X509.</source>
        <translation>Client certificate, for accounts that REQUIRE X509.</translation>
    </message>
    <message>
        <source>The client certificate&apos;s private key.</source>
        <translation>The client certificate&apos;s private key.</translation>
    </message>
    <message>
        <source>TLS ciphers to allow (OpenSSL&apos;s cipher list syntax).</source>
        <translation>TLS ciphers to allow (OpenSSL&apos;s cipher list syntax).</translation>
    </message>
    <message>
        <source>MariaDB&apos;s spelling of --ssl-mode=REQUIRED.</source>
        <translation>MariaDB&apos;s spelling of --ssl-mode=REQUIRED.</translation>
    </message>
    <message>
        <source>MariaDB&apos;s spelling of --ssl-mode=DISABLED.</source>
        <translation>MariaDB&apos;s spelling of --ssl-mode=DISABLED.</translation>
    </message>
    <message>
        <source>MariaDB&apos;s spelling of --ssl-mode=VERIFY_IDENTITY.</source>
        <translation>MariaDB&apos;s spelling of --ssl-mode=VERIFY_IDENTITY.</translation>
    </message>
    <message>
        <source>TLS (as the mysql client; also in the option files):</source>
        <translation>TLS (as the mysql client; also in the option files):</translation>
    </message>
    <message>
        <source>--ssl-mode %1: use DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY</source>
        <translation>--ssl-mode %1: use DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY</translation>
    </message>
    <message>
        <source>--ssl and --skip-ssl contradict each other.</source>
        <translation>--ssl and --skip-ssl contradict each other.</translation>
    </message>
    <message>
        <source>--processlist-at %1: must be between 0s and 3600s (no run lasts longer)</source>
        <translation>--processlist-at %1: must be between 0s and 3600s (no run lasts longer)</translation>
    </message>
    <message>
        <source>Run --scenario on the server given by the connection options next to its simulation, list the differences and exit: 0 none undeclared, 1 some, 3 refused, 4 failed.</source>
        <translation>Run --scenario on the server given by the connection options next to its simulation, list the differences and exit: 0 none undeclared, 1 some, 3 refused, 4 failed.</translation>
    </message>
    <message>
        <source>Write the comparison to FILE.json or FILE.md.</source>
        <translation>Write the comparison to FILE.json or FILE.md.</translation>
    </message>
    <message>
        <source>Run although the server has other databases or client sessions.</source>
        <translation>Run although the server has other databases or client sessions.</translation>
    </message>
    <message>
        <source>Write the scenario with this server&apos;s measured costs to this file.</source>
        <translation>Write the scenario with this server&apos;s measured costs to this file.</translation>
    </message>
    <message>
        <source>Table sizes and times × this, above 0 and at most 1 (default: the scenario&apos;s lab scale).</source>
        <translation>Table sizes and times × this, above 0 and at most 1 (default: the scenario&apos;s lab scale).</translation>
    </message>
    <message>
        <source>The command-line client to run (default: mariadb for MariaDB, mysql for MySQL).</source>
        <translation>The command-line client to run (default: mariadb for MariaDB, mysql for MySQL).</translation>
    </message>
    <message>
        <source>The database lab mode creates and drops (default killscope_lab).</source>
        <translation>The database lab mode creates and drops (default killscope_lab).</translation>
    </message>
    <message>
        <source>Calibration runs per statement, 2 to 20 (default 3).</source>
        <translation>Calibration runs per statement, 2 to 20 (default 3).</translation>
    </message>
    <message>
        <source>Lab mode (with the live mode&apos;s connection options):</source>
        <translation>Lab mode (with the live mode&apos;s connection options):</translation>
    </message>
    <message>
        <source>%1 does not apply to --lab.</source>
        <translation>%1 does not apply to --lab.</translation>
    </message>
    <message>
        <source>%1 needs --lab.</source>
        <translation>%1 needs --lab.</translation>
    </message>
    <message>
        <source>--lab needs --scenario ID|FILE</source>
        <translation>--lab needs --scenario ID|FILE</translation>
    </message>
    <message>
        <source>--lab-report %1: the file must end in .json or .md</source>
        <translation>--lab-report %1: the file must end in .json or .md</translation>
    </message>
    <message>
        <source>--lab-scale %1: use a number above 0 and at most 1</source>
        <translation>--lab-scale %1: use a number above 0 and at most 1</translation>
    </message>
    <message>
        <source>--lab-repeats %1: use 2 to 20 (the tolerance needs two runs)</source>
        <translation>--lab-repeats %1: use 2 to 20 (the tolerance needs two runs)</translation>
    </message>
    <message>
        <source>--lab-database %1: use letters, digits and _ only</source>
        <translation>--lab-database %1: use letters, digits and _ only</translation>
    </message>
    <message>
        <source>With --headless: print one live sample of the processlist and exit.</source>
        <translation>With --headless: print one live sample of the processlist and exit.</translation>
    </message>
    <message>
        <source>With --headless: KILL QUERY the session that has this id now, after proving it is still that session.</source>
        <translation>With --headless: KILL QUERY the session that has this id now, after proving it is still that session.</translation>
    </message>
    <message>
        <source>With --headless: KILL CONNECTION the session that has this id now, after proving it is still that session.</source>
        <translation>With --headless: KILL CONNECTION the session that has this id now, after proving it is still that session.</translation>
    </message>
    <message>
        <source>Follow the kill to its end, printing each phase: accepted, flag seen, rolling back, done or gone.</source>
        <translation>Follow the kill to its end, printing each phase: accepted, flag seen, rolling back, done or gone.</translation>
    </message>
    <message>
        <source>Live commands for scripts (with --headless; exit 0 accepted, or with --wait took effect; 3 refused by the server; 4 not sent; 5 still there at --timeout; 2 bad usage or no connection):</source>
        <translation>Live commands for scripts (with --headless; exit 0 accepted, or with --wait took effect; 3 refused by the server; 4 not sent; 5 still there at --timeout; 2 bad usage or no connection):</translation>
    </message>
    <message>
        <source>%1 %2: a processlist id is a whole number above 0 (one per run).</source>
        <translation>%1 %2: a processlist id is a whole number above 0 (one per run).</translation>
    </message>
    <message>
        <source>--wait follows a kill: use it with --kill-query or --kill-connection.</source>
        <translation>--wait follows a kill: use it with --kill-query or --kill-connection.</translation>
    </message>
    <message>
        <source>--timeout %1: must be between 1ms and 24h</source>
        <translation>--timeout %1: must be between 1ms and 24h</translation>
    </message>
    <message>
        <source>-p asks for the password on a terminal, and there is none; give it in an option file (or with --password).</source>
        <translation>-p asks for the password on a terminal, and there is none; give it in an option file (or with --password).</translation>
    </message>
    <message>
        <source>Inject a kill into the simulated run, as a right-click would: TIME:query|connection[:hard|soft]:SESSION, SESSION being the scenario&apos;s session name, e.g. 2s:connection:A (repeatable).</source>
        <translation>Inject a kill into the simulated run, as a right-click would: TIME:query|connection[:hard|soft]:SESSION, SESSION being the scenario&apos;s session name, e.g. 2s:connection:A (repeatable).</translation>
    </message>
    <message>
        <source>Print this run&apos;s narration steps with their times, in --lang (with --kill-at and --set: what the changes did).</source>
        <translation>Print this run&apos;s narration steps with their times, in --lang (with --kill-at and --set: what the changes did).</translation>
    </message>
    <message>
        <source>Follow the kill for at most this long once connected (default 60s; connecting has --connect-timeout): exit 5 if the victim is still there.</source>
        <translation>Follow the kill for at most this long once connected (default 60s; connecting has --connect-timeout): exit 5 if the victim is still there.</translation>
    </message>
    <message>
        <source>Change a What-if knob from TIME on, as the knobs panel would: %1, e.g. 5s:io_pressure=4 or 5s:restart=1 (repeatable).</source>
        <translation>Change a What-if knob from TIME on, as the knobs panel would: %1, e.g. 5s:io_pressure=4 or 5s:restart=1 (repeatable).</translation>
    </message>
    <message>
        <source>Print SHOW FULL PROCESSLIST at this time (repeatable; of a recording: from its first sample).</source>
        <translation>Print SHOW FULL PROCESSLIST at this time (repeatable; of a recording: from its first sample).</translation>
    </message>
    <message>
        <source>Print kills, rollbacks and narration (of a recording: the server, span, samples and kills); the default when nothing else is asked for.</source>
        <translation>Print kills, rollbacks and narration (of a recording: the server, span, samples and kills); the default when nothing else is asked for.</translation>
    </message>
    <message>
        <source>Record the live session to this file (SQLite; replaced if it is a recording, never if it is anything else). With --headless: without a window, until --duration or Ctrl+C.</source>
        <translation>Record the live session to this file (SQLite; replaced if it is a recording, never if it is anything else). With --headless: without a window, until --duration or Ctrl+C.</translation>
    </message>
    <message>
        <source>How long --headless --record records: 30s, 10m, 8h.</source>
        <translation>How long --headless --record records: 30s, 10m, 8h.</translation>
    </message>
    <message>
        <source>Sampling interval from 250ms to 30s (default 1s).</source>
        <translation>Sampling interval from 250ms to 30s (default 1s).</translation>
    </message>
    <message>
        <source>Size cap of the recording, e.g. 200M or 2G (default 512M); the oldest samples are dropped to stay under it.</source>
        <translation>Size cap of the recording, e.g. 200M or 2G (default 512M); the oldest samples are dropped to stay under it.</translation>
    </message>
    <message>
        <source>Open a recording: in the window, for --png (with --at from its first sample), or with --headless to print --processlist-at or --summary.</source>
        <translation>Open a recording: in the window, for --png (with --at from its first sample), or with --headless to print --processlist-at or --summary.</translation>
    </message>
    <message>
        <source>Recordings (exit 0 recorded or read; 2 bad usage, no connection or a file that is not a readable recording):</source>
        <translation>Recordings (exit 0 recorded or read; 2 bad usage, no connection or a file that is not a readable recording):</translation>
    </message>
    <message>
        <source>%1 does not apply to the live commands (--processlist, --kill-query, --kill-connection, --record).</source>
        <translation>%1 does not apply to the live commands (--processlist, --kill-query, --kill-connection, --record).</translation>
    </message>
    <message>
        <source>%1 does not apply to reading a recording (--headless --recording).</source>
        <translation>%1 does not apply to reading a recording (--headless --recording).</translation>
    </message>
    <message>
        <source>--duration %1: must be between 1ms and 31 days</source>
        <translation>--duration %1: must be between 1ms and 31 days</translation>
    </message>
    <message>
        <source>--interval %1: must be between 250ms and 30s</source>
        <translation>--interval %1: must be between 250ms and 30s</translation>
    </message>
    <message>
        <source>--record-max-size %1: a size from 64K to 1T, e.g. 200M or 2G</source>
        <translation>--record-max-size %1: a size from 64K to 1T, e.g. 200M or 2G</translation>
    </message>
    <message>
        <source>--duration says how long to record: use it with --record.</source>
        <translation>--duration says how long to record: use it with --record.</translation>
    </message>
    <message>
        <source>--record-max-size needs --record.</source>
        <translation>--record-max-size needs --record.</translation>
    </message>
    <message>
        <source>give one of --record (write) and --recording (read).</source>
        <translation>give one of --record (write) and --recording (read).</translation>
    </message>
    <message>
        <source>give one of a scenario and --recording.</source>
        <translation>give one of a scenario and --recording.</translation>
    </message>
    <message>
        <source>a recording is replayed without a server: leave out the connection options.</source>
        <translation>a recording is replayed without a server: leave out the connection options.</translation>
    </message>
    <message>
        <source>--record records a live session: give the connection options (or --connect).</source>
        <translation>--record records a live session: give the connection options (or --connect).</translation>
    </message>
    <message>
        <source>give one of --processlist, --kill-query, --kill-connection and --record.</source>
        <translation>give one of --processlist, --kill-query, --kill-connection and --record.</translation>
    </message>
</context>
<context>
    <name>ConnectionOpener</name>
    <message>
        <source>CA certificate is required if ssl-mode is VERIFY_CA or VERIFY_IDENTITY (give --ssl-ca or --ssl-capath).</source>
        <translation>CA certificate is required if ssl-mode is VERIFY_CA or VERIFY_IDENTITY (give --ssl-ca or --ssl-capath).</translation>
    </message>
    <message>
        <source>--ssl-key needs --ssl-cert, the certificate that goes with the key.</source>
        <translation>--ssl-key needs --ssl-cert, the certificate that goes with the key.</translation>
    </message>
    <message>
        <source>%1 %2: no such file</source>
        <translation>%1 %2: no such file</translation>
    </message>
    <message>
        <source>%1 %2: not a readable file</source>
        <translation>%1 %2: not a readable file</translation>
    </message>
    <message>
        <source>--ssl-capath %1: not a directory</source>
        <translation>--ssl-capath %1: not a directory</translation>
    </message>
    <message>
        <source>%1: a &apos;;&apos; cannot be passed to the database driver</source>
        <translation>%1: a &apos;;&apos; cannot be passed to the database driver</translation>
    </message>
    <message>
        <source>No TLS: everything, the login included, travels in plain text.</source>
        <translation>No TLS: everything, the login included, travels in plain text.</translation>
    </message>
    <message>
        <source>TLS when the server offers it, plain text otherwise. The server&apos;s certificate is not checked, so this only keeps passive listeners out.</source>
        <translation>TLS when the server offers it, plain text otherwise. The server&apos;s certificate is not checked, so this only keeps passive listeners out.</translation>
    </message>
    <message>
        <source>TLS or no connection; the server&apos;s certificate is not checked (no CA needed). A server that offers no TLS is noticed right after the login, which has then already been sent, and the connection is closed.</source>
        <translation>TLS or no connection; the server&apos;s certificate is not checked (no CA needed). A server that offers no TLS is noticed right after the login, which has then already been sent, and the connection is closed.</translation>
    </message>
    <message>
        <source>TLS with a server certificate signed by the given CA, checked before the login. The host name in it is not checked. A server that offers no TLS is noticed right after the login and the connection is closed.</source>
        <translation>TLS with a server certificate signed by the given CA, checked before the login. The host name in it is not checked. A server that offers no TLS is noticed right after the login and the connection is closed.</translation>
    </message>
    <message>
        <source>TLS with a server certificate signed by the given CA that names the host connected to; both are checked before the login, and a server without TLS is refused before it too.</source>
        <translation>TLS with a server certificate signed by the given CA that names the host connected to; both are checked before the login, and a server without TLS is refused before it too.</translation>
    </message>
    <message>
        <source>The QMYSQL driver is not available (Debian package libqt6sql6-mysql).</source>
        <translation>The QMYSQL driver is not available (Debian package libqt6sql6-mysql).</translation>
    </message>
    <message>
        <source>--ssl-mode=%1: the encryption of this connection cannot be checked (the database driver does not hand out its connection), so it is not used.</source>
        <translation>--ssl-mode=%1: the encryption of this connection cannot be checked (the database driver does not hand out its connection), so it is not used.</translation>
    </message>
    <message>
        <source>--ssl-mode=%1: KillScope could not set the client library&apos;s TLS options for this connection, so it is not used.</source>
        <translation>--ssl-mode=%1: KillScope could not set the client library&apos;s TLS options for this connection, so it is not used.</translation>
    </message>
    <message>
        <source>--ssl-mode=%1: the connection is not encrypted, because the server (or something between it and KillScope) offered no TLS. The login had already been sent; the connection was closed at once.</source>
        <translation>--ssl-mode=%1: the connection is not encrypted, because the server (or something between it and KillScope) offered no TLS. The login had already been sent; the connection was closed at once.</translation>
    </message>
    <message>
        <source>--ssl-mode=VERIFY_IDENTITY: the server&apos;s host name was not checked on this connection, so it is not used.</source>
        <translation>--ssl-mode=VERIFY_IDENTITY: the server&apos;s host name was not checked on this connection, so it is not used.</translation>
    </message>
</context>
<context>
    <name>ConnectionSettings</name>
    <message>
        <source>%1localhost (socket %2)</source>
        <translation>%1localhost (socket %2)</translation>
    </message>
    <message>
        <source>Access to the database was refused (1044).</source>
        <translation>Access to the database was refused (1044).</translation>
    </message>
    <message>
        <source>Wrong user name or password (1045).</source>
        <translation>Wrong user name or password (1045).</translation>
    </message>
    <message>
        <source>The default database does not exist (1049).</source>
        <translation>The default database does not exist (1049).</translation>
    </message>
    <message>
        <source>The server is shutting down (1053).</source>
        <translation>The server is shutting down (1053).</translation>
    </message>
    <message>
        <source>No such thread: it had already ended (1094).</source>
        <translation>No such thread: it had already ended (1094).</translation>
    </message>
    <message>
        <source>Not allowed: you are not the owner of that thread and lack CONNECTION ADMIN or SUPER (1095).</source>
        <translation>Not allowed: you are not the owner of that thread and lack CONNECTION ADMIN or SUPER (1095).</translation>
    </message>
    <message>
        <source>The account lacks a privilege this needs (%1).</source>
        <translation>The account lacks a privilege this needs (%1).</translation>
    </message>
    <message>
        <source>The server has too many connections (1040).</source>
        <translation>The server has too many connections (1040).</translation>
    </message>
    <message>
        <source>The account has too many connections (1203).</source>
        <translation>The account has too many connections (1203).</translation>
    </message>
    <message>
        <source>No server listens on the socket %1 (2002).</source>
        <translation>No server listens on the socket %1 (2002).</translation>
    </message>
    <message>
        <source>Unknown host %1 (2005).</source>
        <translation>Unknown host %1 (2005).</translation>
    </message>
    <message>
        <source>The server has gone away (2006).</source>
        <translation>The server has gone away (2006).</translation>
    </message>
    <message>
        <source>The connection to the server was lost (2013).</source>
        <translation>The connection to the server was lost (2013).</translation>
    </message>
    <message>
        <source>TLS could not be established (2026).</source>
        <translation>TLS could not be established (2026).</translation>
    </message>
    <message>
        <source>This connection was killed (1927).</source>
        <translation>This connection was killed (1927).</translation>
    </message>
    <message>
        <source>The server answered with error %1.</source>
        <translation>The server answered with error %1.</translation>
    </message>
    <message>
        <source>The database driver failed.</source>
        <translation>The database driver failed.</translation>
    </message>
    <message>
        <source>%1 Server says: %2</source>
        <translation>%1 Server says: %2</translation>
    </message>
    <message>
        <source>No server answers at %1:%2 — is it running, is the port right, does a firewall block it? (%3)</source>
        <translation>No server answers at %1:%2 — is it running, is the port right, does a firewall block it? (%3)</translation>
    </message>
    <message>
        <source>The connection to the server was lost: its TLS stream ended (2026).</source>
        <translation>The connection to the server was lost: its TLS stream ended (2026).</translation>
    </message>
</context>
<context>
    <name>HeadlessLive</name>
    <message>
        <source>interrupted; the audit log records how far the kill had got.</source>
        <translation>interrupted; the audit log records how far the kill had got.</translation>
    </message>
    <message>
        <source>audit log: %1</source>
        <translation>audit log: %1</translation>
    </message>
    <message>
        <source>%1 for %2 s</source>
        <translation>%1 for %2 s</translation>
    </message>
    <message>
        <source>%1 for %2 s: %3</source>
        <translation>%1 for %2 s: %3</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>requested</translation>
    </message>
    <message>
        <source>-- %1, %2, as of %3
</source>
        <translation>-- %1, %2, as of %3
</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s); KillScope&apos;s own connections (%1) are left out.
</source>
        <translation>
            <numerusform>%n row; KillScope&apos;s own connections (%1) are left out.
</numerusform>
            <numerusform>%n rows; KillScope&apos;s own connections (%1) are left out.
</numerusform>
        </translation>
    </message>
    <message>
        <source>sent (identity proven on the server)</source>
        <translation>sent (identity proven on the server)</translation>
    </message>
    <message>
        <source>refused by the server (error %1): %2</source>
        <translation>refused by the server (error %1): %2</translation>
    </message>
    <message>
        <source>accepted: Query OK in %1 ms (proof: %2)</source>
        <translation>accepted: Query OK in %1 ms (proof: %2)</translation>
    </message>
    <message>
        <source>not followed further (add --wait to follow it to its end)
</source>
        <translation>not followed further (add --wait to follow it to its end)
</translation>
    </message>
    <message>
        <source>flag seen: %1</source>
        <translation>flag seen: %1</translation>
    </message>
    <message>
        <source>flag seen</source>
        <translation>flag seen</translation>
    </message>
    <message>
        <source>rolling back %1 rows</source>
        <translation>rolling back %1 rows</translation>
    </message>
    <message>
        <source>rolling back</source>
        <translation>rolling back</translation>
    </message>
    <message>
        <source>at %1 rows/s</source>
        <translation>at %1 rows/s</translation>
    </message>
    <message>
        <source>(about %1 s left)</source>
        <translation>(about %1 s left)</translation>
    </message>
    <message>
        <source>done: the statement ended; the session lives on</source>
        <translation>done: the statement ended; the session lives on</translation>
    </message>
    <message>
        <source>done: %1</source>
        <translation>done: %1</translation>
    </message>
    <message>
        <source>gone: the thread left the processlist</source>
        <translation>gone: the thread left the processlist</translation>
    </message>
    <message>
        <source>gone: the thread left the processlist. %1</source>
        <translation>gone: the thread left the processlist. %1</translation>
    </message>
    <message>
        <source>no connection to the server within %1 s: %2</source>
        <translation>no connection to the server within %1 s: %2</translation>
    </message>
    <message>
        <source>still %1 after %2 s</source>
        <translation>still %1 after %2 s</translation>
    </message>
</context>
<context>
    <name>HeadlessRecording</name>
    <message>
        <source>the recording could not be closed within 30 s: %1</source>
        <translation>the recording could not be closed within 30 s: %1</translation>
    </message>
    <message numerus="yes">
        <source>Recorded %n sample(s) of %1 to %2 (%3).
</source>
        <translation>
            <numerusform>Recorded %n sample of %1 to %2 (%3).
</numerusform>
            <numerusform>Recorded %n samples of %1 to %2 (%3).
</numerusform>
        </translation>
    </message>
    <message>
        <source>--processlist-at %1: the recording lasts only %2.</source>
        <translation>--processlist-at %1: the recording lasts only %2.</translation>
    </message>
    <message>
        <source>%1: the sample at %2 cannot be read: %3</source>
        <translation>%1: the sample at %2 cannot be read: %3</translation>
    </message>
    <message>
        <source>-- %1 at %2 (sample %3, %4 into the recording)
</source>
        <translation>-- %1 at %2 (sample %3, %4 into the recording)
</translation>
    </message>
    <message>
        <source>Recording %1 (%2, format %3)
</source>
        <translation>Recording %1 (%2, format %3)
</translation>
    </message>
    <message>
        <source>Server: %1, %2 (%3)
</source>
        <translation>Server: %1, %2 (%3)
</translation>
    </message>
    <message numerus="yes">
        <source>Connected %n time(s) (reconnects after losing the server).
</source>
        <translation>
            <numerusform>Connected %n time (reconnects after losing the server).
</numerusform>
            <numerusform>Connected %n times (reconnects after losing the server).
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From %1 to %2: %3, %n sample(s)</source>
        <translation>
            <numerusform>From %1 to %2: %3, %n sample</numerusform>
            <numerusform>From %1 to %2: %3, %n samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n keyframe(s)), %1 per hour
</source>
        <translation>
            <numerusform> (%n keyframe), %1 per hour
</numerusform>
            <numerusform> (%n keyframes), %1 per hour
</numerusform>
        </translation>
    </message>
    <message>
        <source>The oldest samples were dropped to stay under the size cap of %1.
</source>
        <translation>The oldest samples were dropped to stay under the size cap of %1.
</translation>
    </message>
    <message>
        <source>No kills.
</source>
        <translation>No kills.
</translation>
    </message>
    <message numerus="yes">
        <source>%n kill(s):
</source>
        <translation>
            <numerusform>%n kill:
</numerusform>
            <numerusform>%n kills:
</numerusform>
        </translation>
    </message>
    <message>
        <source> after %1</source>
        <translation> after %1</translation>
    </message>
    <message>
        <source> (audit: %1)</source>
        <translation> (audit: %1)</translation>
    </message>
</context>
<context>
    <name>IdentityProof</name>
    <message>
        <source>Not sent: %1 — id %2 may now name another session.</source>
        <translation>Not sent: %1 — id %2 may now name another session.</translation>
    </message>
    <message>
        <source>KillScope has no record of the server life this session was seen in</source>
        <translation>KillScope has no record of the server life this session was seen in</translation>
    </message>
    <message>
        <source>same server life (running since %1, id counter %2 ≥ %3)</source>
        <translation>same server life (running since %1, id counter %2 ≥ %3)</translation>
    </message>
    <message>
        <source>id %1 has left the processlist</source>
        <translation>id %1 has left the processlist</translation>
    </message>
    <message>
        <source>id %1 now belongs to user %2, the session you chose was %3&apos;s</source>
        <translation>id %1 now belongs to user %2, the session you chose was %3&apos;s</translation>
    </message>
    <message>
        <source>id %1 now connects from %2, the session you chose from %3</source>
        <translation>id %1 now connects from %2, the session you chose from %3</translation>
    </message>
    <message>
        <source>same account %1@%2</source>
        <translation>same account %1@%2</translation>
    </message>
    <message>
        <source>id %1 now runs on server thread %2, the session you chose on %3</source>
        <translation>id %1 now runs on server thread %2, the session you chose on %3</translation>
    </message>
    <message>
        <source>same server thread %1</source>
        <translation>same server thread %1</translation>
    </message>
    <message>
        <source>id %1 is now performance_schema thread %2, the session you chose was %3</source>
        <translation>id %1 is now performance_schema thread %2, the session you chose was %3</translation>
    </message>
    <message>
        <source>same performance_schema thread %1</source>
        <translation>same performance_schema thread %1</translation>
    </message>
    <message>
        <source>id %1 is at query id %2, before the %3 the session you chose had reached</source>
        <translation>id %1 is at query id %2, before the %3 the session you chose had reached</translation>
    </message>
    <message>
        <source>query id %1 ≥ %2</source>
        <translation>query id %1 ≥ %2</translation>
    </message>
    <message>
        <source>in its current command since before it was last seen</source>
        <translation>in its current command since before it was last seen</translation>
    </message>
</context>
<context>
    <name>KillPreview</name>
    <message>
        <source>%1 million</source>
        <translation>%1 million</translation>
    </message>
    <message>
        <source>under a second</source>
        <translation>under a second</translation>
    </message>
    <message>
        <source>about %1 s</source>
        <translation>about %1 s</translation>
    </message>
    <message>
        <source>about %1 min</source>
        <translation>about %1 min</translation>
    </message>
    <message>
        <source>This session is no longer in the processlist.</source>
        <translation>This session is no longer in the processlist.</translation>
    </message>
    <message>
        <source>The server will most likely answer 1094 (unknown thread).</source>
        <translation>The server will most likely answer 1094 (unknown thread).</translation>
    </message>
    <message>
        <source>(database %1)</source>
        <translation>(database %1)</translation>
    </message>
    <message>
        <source>This is one of KillScope&apos;s own connections.</source>
        <translation>This is one of KillScope&apos;s own connections.</translation>
    </message>
    <message>
        <source>KillScope does not kill its own connections.</source>
        <translation>KillScope does not kill its own connections.</translation>
    </message>
    <message>
        <source>Idle (Sleep) for %1 s.</source>
        <translation>Idle (Sleep) for %1 s.</translation>
    </message>
    <message>
        <source>%1 for %2 s: %3</source>
        <translation>%1 for %2 s: %3</translation>
    </message>
    <message>
        <source>at the rate observed on this server</source>
        <translation>at the rate observed on this server</translation>
    </message>
    <message>
        <source>at a typical in-memory rate</source>
        <translation>at a typical in-memory rate</translation>
    </message>
    <message>
        <source>Killed (state query end)</source>
        <translation>Killed (state query end)</translation>
    </message>
    <message>
        <source>Killed (state Rollback)</source>
        <translation>Killed (state Rollback)</translation>
    </message>
    <message>
        <source>This is a system or daemon thread: the server refuses to kill it by id (error 1094), or only SUPER/CONNECTION ADMIN may.</source>
        <translation>This is a system or daemon thread: the server refuses to kill it by id (error 1094), or only SUPER/CONNECTION ADMIN may.</translation>
    </message>
    <message>
        <source>Your account lacks CONNECTION ADMIN and SUPER: the server will refuse to kill another user&apos;s thread (error 1095).</source>
        <translation>Your account lacks CONNECTION ADMIN and SUPER: the server will refuse to kill another user&apos;s thread (error 1095).</translation>
    </message>
    <message>
        <source>KILL QUERY on an idle session does nothing on MySQL: there is no statement to stop.</source>
        <translation>KILL QUERY on an idle session does nothing on MySQL: there is no statement to stop.</translation>
    </message>
    <message>
        <source>KILL QUERY on an idle session only marks it: it shows Killed until its next statement, which then runs normally.</source>
        <translation>KILL QUERY on an idle session only marks it: it shows Killed until its next statement, which then runs normally.</translation>
    </message>
    <message>
        <source>The session and its transaction stay as they are.</source>
        <translation>The session and its transaction stay as they are.</translation>
    </message>
    <message>
        <source>The running statement stops at its next check point and is rolled back; the client gets error 1317 after that rollback and stays connected.</source>
        <translation>The running statement stops at its next check point and is rolled back; the client gets error 1317 after that rollback and stays connected.</translation>
    </message>
    <message>
        <source>KILL QUERY leaves this open transaction and its locks in place if it began before this statement (BEGIN …).</source>
        <translation>KILL QUERY leaves this open transaction and its locks in place if it began before this statement (BEGIN …).</translation>
    </message>
    <message>
        <source>The connection closes at once: its client gets error 2013 (or 2006 on its next statement), while the server thread still has to finish.</source>
        <translation>The connection closes at once: its client gets error 2013 (or 2006 on its next statement), while the server thread still has to finish.</translation>
    </message>
    <message>
        <source>Its open transaction is rolled back.</source>
        <translation>Its open transaction is rolled back.</translation>
    </message>
    <message>
        <source>It is blocked writing to a client that does not read: KILL QUERY cannot wake it (it will show Killed and stay); KILL CONNECTION can.</source>
        <translation>It is blocked writing to a client that does not read: KILL QUERY cannot wake it (it will show Killed and stay); KILL CONNECTION can.</translation>
    </message>
    <message>
        <source>It waits for an InnoDB seat; MySQL 5.7 only notices the kill once it gets one.</source>
        <translation>It waits for an InnoDB seat; MySQL 5.7 only notices the kill once it gets one.</translation>
    </message>
    <message>
        <source>It is already rolling back; a rollback cannot be interrupted, a kill will not make it faster.</source>
        <translation>It is already rolling back; a rollback cannot be interrupted, a kill will not make it faster.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) wait for locks it holds; KILL QUERY will not release them.</source>
        <translation>
            <numerusform>%n session wait for locks it holds; KILL QUERY will not release them.</numerusform>
            <numerusform>%n sessions wait for locks it holds; KILL QUERY will not release them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) wait for locks it holds; they continue once its rollback ends.</source>
        <translation>
            <numerusform>%n session wait for locks it holds; they continue once its rollback ends.</numerusform>
            <numerusform>%n sessions wait for locks it holds; they continue once its rollback ends.</numerusform>
        </translation>
    </message>
    <message>
        <source>KILL SOFT does not interrupt REPAIR or index builds of MyISAM/Aria tables.</source>
        <translation>KILL SOFT does not interrupt REPAIR or index builds of MyISAM/Aria tables.</translation>
    </message>
    <message>
        <source>%1 million rows</source>
        <translation>%1 million rows</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message>
        <source>no longer in the processlist (1094)</source>
        <translation>no longer in the processlist (1094)</translation>
    </message>
    <message>
        <source>another user&apos;s thread, and your account may not kill it (1095)</source>
        <translation>another user&apos;s thread, and your account may not kill it (1095)</translation>
    </message>
    <message>
        <source>KILL QUERY leaves this open transaction (%1 modified) and its locks in place; only KILL CONNECTION rolls it back.</source>
        <translation>KILL QUERY leaves this open transaction (%1 modified) and its locks in place; only KILL CONNECTION rolls it back.</translation>
    </message>
    <message>
        <source>Up to %1 modified are undone, %2 %3.</source>
        <translation>Up to %1 modified are undone, %2 %3.</translation>
    </message>
    <message>
        <source>KILL CONNECTION will roll back about %1; %2 %3, during which it will show %4.</source>
        <translation>KILL CONNECTION will roll back about %1; %2 %3, during which it will show %4.</translation>
    </message>
</context>
<context>
    <name>KillTracker</name>
    <message>
        <source>The thread had already ended before the kill arrived.</source>
        <translation>The thread had already ended before the kill arrived.</translation>
    </message>
    <message>
        <source>The session was idle: this server ignores KILL QUERY then, so nothing happened.</source>
        <translation>The session was idle: this server ignores KILL QUERY then, so nothing happened.</translation>
    </message>
    <message>
        <source>About %1 s left at %2 rows/s.</source>
        <translation>About %1 s left at %2 rows/s.</translation>
    </message>
    <message numerus="yes">
        <source>Rolling back %n row(s); a rollback cannot be interrupted.</source>
        <translation>
            <numerusform>Rolling back %n row; a rollback cannot be interrupted.</numerusform>
            <numerusform>Rolling back %n rows; a rollback cannot be interrupted.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rolling back; a rollback cannot be interrupted.</source>
        <translation>Rolling back; a rollback cannot be interrupted.</translation>
    </message>
    <message>
        <source>Blocked writing to a client that does not read: KILL QUERY cannot wake it; KILL CONNECTION or net_write_timeout can.</source>
        <translation>Blocked writing to a client that does not read: KILL QUERY cannot wake it; KILL CONNECTION or net_write_timeout can.</translation>
    </message>
    <message>
        <source>Blocked writing to a client that does not read.</source>
        <translation>Blocked writing to a client that does not read.</translation>
    </message>
    <message>
        <source>Waiting for an InnoDB seat (innodb_thread_concurrency); MySQL 5.7 does not look at the kill flag while it waits.</source>
        <translation>Waiting for an InnoDB seat (innodb_thread_concurrency); MySQL 5.7 does not look at the kill flag while it waits.</translation>
    </message>
    <message>
        <source>Waiting for a row lock; the kill should wake it at once.</source>
        <translation>Waiting for a row lock; the kill should wake it at once.</translation>
    </message>
    <message>
        <source>Waiting for a lock (%1); the kill should wake it at once.</source>
        <translation>Waiting for a lock (%1); the kill should wake it at once.</translation>
    </message>
    <message>
        <source>Idle with the kill flag set: it shows Killed until its next statement, which then runs normally.</source>
        <translation>Idle with the kill flag set: it shows Killed until its next statement, which then runs normally.</translation>
    </message>
    <message>
        <source>Closing the connection.</source>
        <translation>Closing the connection.</translation>
    </message>
    <message>
        <source>Finishing the statement (%1).</source>
        <translation>Finishing the statement (%1).</translation>
    </message>
    <message>
        <source>DDL in progress (%1): it stops at its next check point and cleans up.</source>
        <translation>DDL in progress (%1): it stops at its next check point and cleans up.</translation>
    </message>
    <message>
        <source>Still %1: it notices the kill at its next check point.</source>
        <translation>Still %1: it notices the kill at its next check point.</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Already gone (1094)</source>
        <translation>Already gone (1094)</translation>
    </message>
    <message>
        <source>Refused (%1)</source>
        <translation>Refused (%1)</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Flag seen</source>
        <translation>Flag seen</translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation>Rolling back</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation>Gone</translation>
    </message>
    <message>
        <source>Reconnected as %1</source>
        <translation>Reconnected as %1</translation>
    </message>
    <message>
        <source>The same client (process %1%2) connected again as %3.</source>
        <translation>The same client (process %1%2) connected again as %3.</translation>
    </message>
    <message>
        <source>A new session of the same account appeared (%1), from another client process (%2, not %3).</source>
        <translation>A new session of the same account appeared (%1), from another client process (%2, not %3).</translation>
    </message>
    <message>
        <source>A new session of the same account appeared (%1); nothing shows it is the same client.</source>
        <translation>A new session of the same account appeared (%1); nothing shows it is the same client.</translation>
    </message>
</context>
<context>
    <name>LabComparison</name>
    <message>
        <source>Session %1 runs another client than the scenario names: %2</source>
        <translation>Session %1 runs another client than the scenario names: %2</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>the start</translation>
    </message>
    <message>
        <source>the action at %1</source>
        <translation>the action at %1</translation>
    </message>
    <message>
        <source>Δ %1%2 after %3, allowed ±%4</source>
        <translation>Δ %1%2 after %3, allowed ±%4</translation>
    </message>
    <message>
        <source>(gone)</source>
        <translation>(gone)</translation>
    </message>
    <message>
        <source>nobody leaves</source>
        <translation>nobody leaves</translation>
    </message>
    <message>
        <source>%1 sent at %2</source>
        <translation>%1 sent at %2</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>not sent</translation>
    </message>
    <message>
        <source>%1 → effect after %2</source>
        <translation>%1 → effect after %2</translation>
    </message>
    <message>
        <source>Δ %1%2, allowed ±%3</source>
        <translation>Δ %1%2, allowed ±%3</translation>
    </message>
    <message>
        <source>%1: the client shows ERROR %2 at %3</source>
        <translation>%1: the client shows ERROR %2 at %3</translation>
    </message>
    <message>
        <source>%1: the thread is gone at %2</source>
        <translation>%1: the thread is gone at %2</translation>
    </message>
    <message>
        <source>no such effect</source>
        <translation>no such effect</translation>
    </message>
    <message>
        <source>%1 rows/s</source>
        <translation>%1 rows/s</translation>
    </message>
    <message>
        <source>%1%2 %, allowed ±%3 %</source>
        <translation>%1%2 %, allowed ±%3 %</translation>
    </message>
    <message>
        <source>rolls back %1 rows from %2 to %3</source>
        <translation>rolls back %1 rows from %2 to %3</translation>
    </message>
    <message>
        <source>no rollback seen in INNODB_TRX</source>
        <translation>no rollback seen in INNODB_TRX</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>table %1: definition %2</source>
        <translation>table %1: definition %2</translation>
    </message>
    <message>
        <source>table %1: rows %2 (committed changes)</source>
        <translation>table %1: rows %2 (committed changes)</translation>
    </message>
    <message>
        <source>table %1: rows %2 (CHECKSUM TABLE)</source>
        <translation>table %1: rows %2 (CHECKSUM TABLE)</translation>
    </message>
    <message>
        <source>no temporary tables left</source>
        <translation>no temporary tables left</translation>
    </message>
    <message>
        <source>left behind: %1</source>
        <translation>left behind: %1</translation>
    </message>
    <message>
        <source>Session %1&apos;s temporary files have the lab table&apos;s size: %2</source>
        <translation>Session %1&apos;s temporary files have the lab table&apos;s size: %2</translation>
    </message>
</context>
<context>
    <name>LabCosts</name>
    <message>
        <source>%1 statement %2: %3 ms measured (%4 ms simulated), costs × %5</source>
        <translation>%1 statement %2: %3 ms measured (%4 ms simulated), costs × %5</translation>
    </message>
    <message>
        <source>%1 statement %2: %3 ms measured is less than its modelled fixed work (%4 ms); costs kept</source>
        <translation>%1 statement %2: %3 ms measured is less than its modelled fixed work (%4 ms); costs kept</translation>
    </message>
    <message>
        <source>%1 statement %2: rollback %3 ms for %4 rows (%5 per row)</source>
        <translation>%1 statement %2: rollback %3 ms for %4 rows (%5 per row)</translation>
    </message>
    <message>
        <source>The scenario is not valid JSON: %1</source>
        <translation>The scenario is not valid JSON: %1</translation>
    </message>
    <message>
        <source>The scenario does not have the structure it was parsed with: %1</source>
        <translation>The scenario does not have the structure it was parsed with: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>its duration in the run</source>
        <translation>its duration in the run</translation>
    </message>
    <message>
        <source>its rows-modified rate in the run</source>
        <translation>its rows-modified rate in the run</translation>
    </message>
    <message>
        <source>%1 statement %2: forward costs × %3 from %4</source>
        <translation>%1 statement %2: forward costs × %3 from %4</translation>
    </message>
    <message>
        <source>device: %1 MB/s written and synced (median of %2)</source>
        <translation>device: %1 MB/s written and synced (median of %2)</translation>
    </message>
    <message>
        <source>the device could not be measured (%1): io_bandwidth kept</source>
        <translation>the device could not be measured (%1): io_bandwidth kept</translation>
    </message>
    <message>
        <source>removing a file: %1 ms for %2 MB (median of %3)</source>
        <translation>removing a file: %1 ms for %2 MB (median of %3)</translation>
    </message>
    <message>
        <source>%1 statement %2: %3 bytes read from disk per row, %4 per row in the rollback</source>
        <translation>%1 statement %2: %3 bytes read from disk per row, %4 per row in the rollback</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>not measured</translation>
    </message>
    <message>
        <source>client connect time %1 ms (median of %2), of which the handshake %3 ms</source>
        <translation>client connect time %1 ms (median of %2), of which the handshake %3 ms</translation>
    </message>
    <message>
        <source>%1 statement %2: its temporary table is dropped in %3 ms (median of %4)</source>
        <translation>%1 statement %2: its temporary table is dropped in %3 ms (median of %4)</translation>
    </message>
</context>
<context>
    <name>LabMode</name>
    <message>
        <source>Calibration: %1</source>
        <translation>Calibration: %1</translation>
    </message>
</context>
<context>
    <name>LabPlan</name>
    <message>
        <source>Scenario %1 is not written for %2 (it lists %3).</source>
        <translation>Scenario %1 is not written for %2 (it lists %3).</translation>
    </message>
    <message>
        <source>The lab scale must be greater than 0 and at most 1, got %1.</source>
        <translation>The lab scale must be greater than 0 and at most 1, got %1.</translation>
    </message>
    <message>
        <source>Scenario %1 uses table %2 but its lab section does not say how to create it (/lab/tables).</source>
        <translation>Scenario %1 uses table %2 but its lab section does not say how to create it (/lab/tables).</translation>
    </message>
    <message>
        <source>Session %1 of scenario %2 uses the %3 command-line client, but lab mode runs the %4 client here; declare a substitution with a reason in /lab/clients.</source>
        <translation>Session %1 of scenario %2 uses the %3 command-line client, but lab mode runs the %4 client here; declare a substitution with a reason in /lab/clients.</translation>
    </message>
    <message>
        <source>Session %1 logs in as “%2”; lab accounts need a user name of at most 26 letters, digits or _.</source>
        <translation>Session %1 logs in as “%2”; lab accounts need a user name of at most 26 letters, digits or _.</translation>
    </message>
    <message>
        <source>Scenario %1 has users that differ only in letter case; lab accounts cannot tell them apart.</source>
        <translation>Scenario %1 has users that differ only in letter case; lab accounts cannot tell them apart.</translation>
    </message>
    <message>
        <source>Scenario %1 shows %2 alternative endings side by side; a real server can live through only one of them, so lab mode cannot run it.</source>
        <translation>Scenario %1 shows %2 alternative endings side by side; a real server can live through only one of them, so lab mode cannot run it.</translation>
    </message>
    <message>
        <source>Scenario %1 restarts the server (kill -9 of the server process); lab mode does not do that to a server it did not start.</source>
        <translation>Scenario %1 restarts the server (kill -9 of the server process); lab mode does not do that to a server it did not start.</translation>
    </message>
</context>
<context>
    <name>LabReport</name>
    <message>
        <source># Lab report: %1

</source>
        <translation># Lab report: %1

</translation>
    </message>
    <message>
        <source>Server: %1 (%2), lab scale %3, %4 s.

</source>
        <translation>Server: %1 (%2), lab scale %3, %4 s.

</translation>
    </message>
    <message>
        <source>**Result: no undeclared differences.**

</source>
        <translation>**Result: no undeclared differences.**

</translation>
    </message>
    <message numerus="yes">
        <source>**Result: %n undeclared difference(s).**

</source>
        <translation>
            <numerusform>**Result: %n undeclared difference.**

</numerusform>
            <numerusform>**Result: %n undeclared differences.**

</numerusform>
        </translation>
    </message>
    <message>
        <source>Timing tolerance: ±%1 % of the simulated duration + %2 ms (client side), + %3 ms for processlist states (longest sample gap); INNODB_TRX read every ≥ %4 ms.

</source>
        <translation>Timing tolerance: ±%1 % of the simulated duration + %2 ms (client side), + %3 ms for processlist states (longest sample gap); INNODB_TRX read every ≥ %4 ms.

</translation>
    </message>
    <message>
        <source>## Differences

</source>
        <translation>## Differences

</translation>
    </message>
    <message>
        <source>| t (s) | class | session | aspect | simulation | server | detail |
|---|---|---|---|---|---|---|
</source>
        <translation>| t (s) | class | session | aspect | simulation | server | detail |
|---|---|---|---|---|---|---|
</translation>
    </message>
    <message>
        <source> (declared: %1)</source>
        <translation> (declared: %1)</translation>
    </message>
    <message>
        <source>## Session %1 (%2)

</source>
        <translation>## Session %1 (%2)

</translation>
    </message>
    <message>
        <source>### Client lines

| t (s) | simulation | t (s) | server |
|---|---|---|---|
</source>
        <translation>### Client lines

| t (s) | simulation | t (s) | server |
|---|---|---|---|
</translation>
    </message>
    <message>
        <source>
### (Command, State)

| from (s) | simulation | from (s) | server |
|---|---|---|---|
</source>
        <translation>
### (Command, State)

| from (s) | simulation | from (s) | server |
|---|---|---|---|
</translation>
    </message>
    <message>
        <source> (brief)</source>
        <translation> (brief)</translation>
    </message>
    <message>
        <source> ×%1</source>
        <translation> ×%1</translation>
    </message>
    <message>
        <source>- %1 by %2: simulated effect after %3 ms, real after %4 ms (simulated outcome %5)
</source>
        <translation>- %1 by %2: simulated effect after %3 ms, real after %4 ms (simulated outcome %5)
</translation>
    </message>
    <message>
        <source>the operator</source>
        <translation>the operator</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>- rollback of %1 rows: simulated %2 rows/s, real %3 rows/s
</source>
        <translation>- rollback of %1 rows: simulated %2 rows/s, real %3 rows/s
</translation>
    </message>
    <message>
        <source>not seen</source>
        <translation>not seen</translation>
    </message>
    <message>
        <source>## Order of leaving

</source>
        <translation>## Order of leaving

</translation>
    </message>
    <message>
        <source>- simulation: %1
- server: %2

</source>
        <translation>- simulation: %1
- server: %2

</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>nobody</translation>
    </message>
    <message>
        <source>## End state

| table | rows (sim / server) | definition (sim / server) |
|---|---|---|
</source>
        <translation>## End state

| table | rows (sim / server) | definition (sim / server) |
|---|---|---|
</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>
Left behind: %1

</source>
        <translation>
Left behind: %1

</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nothing</translation>
    </message>
    <message>
        <source>## Notes

</source>
        <translation>## Notes

</translation>
    </message>
    <message>
        <source>## Calibration

</source>
        <translation>## Calibration

</translation>
    </message>
    <message>
        <source>- %1 statement %2 `%3`: %4 ms</source>
        <translation>- %1 statement %2 `%3`: %4 ms</translation>
    </message>
    <message>
        <source>; rollback %1 ms</source>
        <translation>; rollback %1 ms</translation>
    </message>
    <message>
        <source>- kill round trip: %1 ms
</source>
        <translation>- kill round trip: %1 ms
</translation>
    </message>
    <message>
        <source>The report file must end in .json or .md: %1</source>
        <translation>The report file must end in .json or .md: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>lab: %1 on %2 (scale %3): %n undeclared difference(s)</source>
        <translation>
            <numerusform>lab: %1 on %2 (scale %3): %n undeclared difference</numerusform>
            <numerusform>lab: %1 on %2 (scale %3): %n undeclared differences</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 timing check(s) within tolerance, %2 declared
</source>
        <translation>, %1 timing check(s) within tolerance, %2 declared
</translation>
    </message>
    <message>
        <source>; read from disk %1 bytes</source>
        <translation>; read from disk %1 bytes</translation>
    </message>
    <message>
        <source>%1 MB in %2 ms</source>
        <translation>%1 MB in %2 ms</translation>
    </message>
    <message>
        <source>- device, written and synced: %1
</source>
        <translation>- device, written and synced: %1
</translation>
    </message>
    <message>
        <source>- removing a %1 MB file: %2 ms
</source>
        <translation>- removing a %1 MB file: %2 ms
</translation>
    </message>
    <message>
        <source>- I/O not measured: %1
</source>
        <translation>- I/O not measured: %1
</translation>
    </message>
    <message>
        <source>Scheduling lateness during the run: %1 ms (the latest of lab mode&apos;s own threads&apos; wake-ups, every %2 ms; included in the client-side %3 ms).

</source>
        <translation>Scheduling lateness during the run: %1 ms (the latest of lab mode&apos;s own threads&apos; wake-ups, every %2 ms; included in the client-side %3 ms).

</translation>
    </message>
    <message>
        <source>| thread | wake-ups | median (ms) | 99th percentile (ms) | latest (ms) |
|---|---|---|---|---|
</source>
        <translation>| thread | wake-ups | median (ms) | 99th percentile (ms) | latest (ms) |
|---|---|---|---|---|
</translation>
    </message>
    <message>
        <source>  scheduling lateness during the run: %1 ms (part of the client-side tolerance, %2 ms)
</source>
        <translation>  scheduling lateness during the run: %1 ms (part of the client-side tolerance, %2 ms)
</translation>
    </message>
    <message>
        <source>; its temporary table dropped in %1 ms</source>
        <translation>; its temporary table dropped in %1 ms</translation>
    </message>
</context>
<context>
    <name>LabTimeline</name>
    <message>
        <source>%1 · simulation (%2)</source>
        <translation>%1 · simulation (%2)</translation>
    </message>
    <message>
        <source>%1 · server (%2)</source>
        <translation>%1 · server (%2)</translation>
    </message>
</context>
<context>
    <name>OptionFile</name>
    <message>
        <source>%1:%2: a group header without ]</source>
        <translation>%1:%2: a group header without ]</translation>
    </message>
    <message>
        <source>%1:%2: unknown directive %3 ignored</source>
        <translation>%1:%2: unknown directive %3 ignored</translation>
    </message>
    <message>
        <source>%1:%2: %3 without a file or directory</source>
        <translation>%1:%2: %3 without a file or directory</translation>
    </message>
    <message>
        <source>%1:%2: skipping &apos;%3&apos; directive: the maximum include depth (%4) was reached</source>
        <translation>%1:%2: skipping &apos;%3&apos; directive: the maximum include depth (%4) was reached</translation>
    </message>
    <message>
        <source>%1: !includedir %2: no such directory</source>
        <translation>%1: !includedir %2: no such directory</translation>
    </message>
    <message>
        <source>%1:%2: an option before any [group]</source>
        <translation>%1:%2: an option before any [group]</translation>
    </message>
    <message>
        <source>%1: option files are not read on the GUI thread</source>
        <translation>%1: option files are not read on the GUI thread</translation>
    </message>
    <message>
        <source>%1 (included from %2)</source>
        <translation>%1 (included from %2)</translation>
    </message>
    <message>
        <source>%1: more than %2 option files; not read</source>
        <translation>%1: more than %2 option files; not read</translation>
    </message>
    <message>
        <source>Could not open required defaults file: %1 (%2)</source>
        <translation>Could not open required defaults file: %1 (%2)</translation>
    </message>
    <message>
        <source>%1: not read: %2</source>
        <translation>%1: not read: %2</translation>
    </message>
    <message>
        <source>Warning: World-writable config file &apos;%1&apos; is ignored</source>
        <translation>Warning: World-writable config file &apos;%1&apos; is ignored</translation>
    </message>
    <message>
        <source>%1: skipped, it would include itself (%2)</source>
        <translation>%1: skipped, it would include itself (%2)</translation>
    </message>
    <message>
        <source>%1:%2: %3 = %4: %5</source>
        <translation>%1:%2: %3 = %4: %5</translation>
    </message>
    <message>
        <source>not a port number (0 to 65535)</source>
        <translation>not a port number (0 to 65535)</translation>
    </message>
    <message>
        <source>whole seconds from 1 to 3600</source>
        <translation>whole seconds from 1 to 3600</translation>
    </message>
    <message>
        <source>use TCP or SOCKET</source>
        <translation>use TCP or SOCKET</translation>
    </message>
    <message>
        <source>MYSQL_TCP_PORT=%1: not a port number (0 to 65535)</source>
        <translation>MYSQL_TCP_PORT=%1: not a port number (0 to 65535)</translation>
    </message>
    <message numerus="yes">
        <source>Reading the option files did not finish within %n second(s).</source>
        <translation>
            <numerusform>Reading the option files did not finish within %n second.</numerusform>
            <numerusform>Reading the option files did not finish within %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>use DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY</source>
        <translation>use DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY</translation>
    </message>
    <message>
        <source>WARNING: no verification of server certificate will be done. Use --ssl-mode=VERIFY_CA or VERIFY_IDENTITY.</source>
        <translation>WARNING: no verification of server certificate will be done. Use --ssl-mode=VERIFY_CA or VERIFY_IDENTITY.</translation>
    </message>
</context>
<context>
    <name>RecordingFile</name>
    <message>
        <source>noticed %1</source>
        <translation>noticed %1</translation>
    </message>
    <message>
        <source>reconnected as %1</source>
        <translation>reconnected as %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no such file.</source>
        <translation>no such file.</translation>
    </message>
    <message>
        <source>not a regular file (a directory, device or pipe is never read).</source>
        <translation>not a regular file (a directory, device or pipe is never read).</translation>
    </message>
    <message>
        <source>the file is empty; it is not a KillScope recording.</source>
        <translation>the file is empty; it is not a KillScope recording.</translation>
    </message>
    <message>
        <source>not a KillScope recording (it is not an SQLite database).</source>
        <translation>not a KillScope recording (it is not an SQLite database).</translation>
    </message>
    <message>
        <source>SQLite cannot open it: %1</source>
        <translation>SQLite cannot open it: %1</translation>
    </message>
    <message>
        <source>the file is damaged: %1</source>
        <translation>the file is damaged: %1</translation>
    </message>
    <message>
        <source>an SQLite database, but not a KillScope recording (application id %1).</source>
        <translation>an SQLite database, but not a KillScope recording (application id %1).</translation>
    </message>
    <message>
        <source>recorded in format %1 by a newer KillScope; this one reads format %2.</source>
        <translation>recorded in format %1 by a newer KillScope; this one reads format %2.</translation>
    </message>
    <message>
        <source>not a KillScope recording (its meta table names no recording format).</source>
        <translation>not a KillScope recording (its meta table names no recording format).</translation>
    </message>
    <message>
        <source>the recording holds no samples (it was stopped before the first one).</source>
        <translation>the recording holds no samples (it was stopped before the first one).</translation>
    </message>
    <message>
        <source>the recording&apos;s first sample is not a whole one; the file is damaged.</source>
        <translation>the recording&apos;s first sample is not a whole one; the file is damaged.</translation>
    </message>
    <message>
        <source>samples %1 to %2 are missing</source>
        <translation>samples %1 to %2 are missing</translation>
    </message>
    <message>
        <source>its first sample is damaged (%1).</source>
        <translation>its first sample is damaged (%1).</translation>
    </message>
    <message>
        <source>Sample %1 is damaged (%2); the recording is shown up to sample %3.</source>
        <translation>Sample %1 is damaged (%2); the recording is shown up to sample %3.</translation>
    </message>
</context>
<context>
    <name>SampleCodec</name>
    <message>
        <source>a sample of changes without the sample before it</source>
        <translation>a sample of changes without the sample before it</translation>
    </message>
    <message>
        <source>the row count does not fit the payload</source>
        <translation>the row count does not fit the payload</translation>
    </message>
    <message>
        <source>a row has unknown fields</source>
        <translation>a row has unknown fields</translation>
    </message>
    <message>
        <source>a keyframe refers to an earlier sample</source>
        <translation>a keyframe refers to an earlier sample</translation>
    </message>
    <message>
        <source>a change refers to a row the sample before lacks</source>
        <translation>a change refers to a row the sample before lacks</translation>
    </message>
    <message>
        <source>the lock waits do not fit the payload</source>
        <translation>the lock waits do not fit the payload</translation>
    </message>
    <message>
        <source>a lock wait of an unknown kind</source>
        <translation>a lock wait of an unknown kind</translation>
    </message>
    <message>
        <source>the payload ends too early</source>
        <translation>the payload ends too early</translation>
    </message>
    <message>
        <source>the payload has bytes after its end</source>
        <translation>the payload has bytes after its end</translation>
    </message>
    <message>
        <source>the payload is too short</source>
        <translation>the payload is too short</translation>
    </message>
    <message>
        <source>the payload claims %1 bytes</source>
        <translation>the payload claims %1 bytes</translation>
    </message>
    <message>
        <source>the payload is not valid zlib data</source>
        <translation>the payload is not valid zlib data</translation>
    </message>
</context>
<context>
    <name>ServerIncarnation</name>
    <message>
        <source>the server&apos;s start time could not be read, so a restart cannot be ruled out</source>
        <translation>the server&apos;s start time could not be read, so a restart cannot be ruled out</translation>
    </message>
    <message>
        <source>the server restarted at %1 (the session was seen while it ran since %2)</source>
        <translation>the server restarted at %1 (the session was seen while it ran since %2)</translation>
    </message>
    <message>
        <source>the server restarted at %1: its connection counter is at %2, below id %3 seen before</source>
        <translation>the server restarted at %1: its connection counter is at %2, below id %3 seen before</translation>
    </message>
</context>
<context>
    <name>ServerInfo</name>
    <message>
        <source>Unknown server</source>
        <translation>Unknown server</translation>
    </message>
    <message>
        <source>Without the PROCESS privilege only this account&apos;s own threads are visible.</source>
        <translation>Without the PROCESS privilege only this account&apos;s own threads are visible.</translation>
    </message>
    <message>
        <source>Without CONNECTION ADMIN or SUPER only this account&apos;s own threads can be killed; other kills are refused with error 1095.</source>
        <translation>Without CONNECTION ADMIN or SUPER only this account&apos;s own threads can be killed; other kills are refused with error 1095.</translation>
    </message>
    <message>
        <source>InnoDB transactions (rows modified, rollback progress) cannot be read; information_schema.INNODB_TRX needs the PROCESS privilege.</source>
        <translation>InnoDB transactions (rows modified, rollback progress) cannot be read; information_schema.INNODB_TRX needs the PROCESS privilege.</translation>
    </message>
    <message>
        <source>Row-lock waits need performance_schema, which is off.</source>
        <translation>Row-lock waits need performance_schema, which is off.</translation>
    </message>
    <message>
        <source>Row-lock waits (who blocks whom) cannot be read.</source>
        <translation>Row-lock waits (who blocks whom) cannot be read.</translation>
    </message>
    <message>
        <source>Metadata-lock holders are not shown (MySQL: performance_schema.metadata_locks; MariaDB: the METADATA_LOCK_INFO plugin).</source>
        <translation>Metadata-lock holders are not shown (MySQL: performance_schema.metadata_locks; MariaDB: the METADATA_LOCK_INFO plugin).</translation>
    </message>
    <message>
        <source>MySQL reports Time in whole seconds.</source>
        <translation>MySQL reports Time in whole seconds.</translation>
    </message>
</context>
<context>
    <name>SimulationSource</name>
    <message>
        <source>The scenario %1 is not valid:
%2</source>
        <translation>The scenario %1 is not valid:
%2</translation>
    </message>
    <message>
        <source>Unknown server flavor “%1”; use mysql-5.7, mysql-8.0 or mariadb-10.11.</source>
        <translation>Unknown server flavor “%1”; use mysql-5.7, mysql-8.0 or mariadb-10.11.</translation>
    </message>
    <message>
        <source>Nothing has run yet.</source>
        <translation>Nothing has run yet.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Sleeping in the InnoDB queue; MySQL 5.7 never checks the kill flag there, so it waits for a seat</source>
        <translation>Sleeping in the InnoDB queue; MySQL 5.7 never checks the kill flag there, so it waits for a seat</translation>
    </message>
    <message>
        <source>Sleeping in the InnoDB queue; it checks the kill flag after each sleep</source>
        <translation>Sleeping in the InnoDB queue; it checks the kill flag after each sleep</translation>
    </message>
    <message>
        <source>Busy in an I/O call; it checks the flag when the call returns</source>
        <translation>Busy in an I/O call; it checks the flag when the call returns</translation>
    </message>
    <message>
        <source>Blocked writing to a client that does not read</source>
        <translation>Blocked writing to a client that does not read</translation>
    </message>
    <message>
        <source>Rolling back about %1 rows; this cannot be interrupted</source>
        <translation>Rolling back about %1 rows; this cannot be interrupted</translation>
    </message>
    <message>
        <source>Rolling back; this cannot be interrupted</source>
        <translation>Rolling back; this cannot be interrupted</translation>
    </message>
    <message>
        <source>Cleaning up: deleting temporary files or DDL leftovers</source>
        <translation>Cleaning up: deleting temporary files or DDL leftovers</translation>
    </message>
    <message>
        <source>Inside data-dictionary work; MySQL 8.0 defers the kill until it ends</source>
        <translation>Inside data-dictionary work; MySQL 8.0 defers the kill until it ends</translation>
    </message>
    <message>
        <source>Running; it notices the flag at its next check point</source>
        <translation>Running; it notices the flag at its next check point</translation>
    </message>
    <message>
        <source>Cannot open the scenario: %1</source>
        <translation>Cannot open the scenario: %1</translation>
    </message>
    <message>
        <source>The run of “%1” was stopped at %2 s: it exceeded %3 engine events, so nothing after that is shown.</source>
        <translation>The run of “%1” was stopped at %2 s: it exceeded %3 engine events, so nothing after that is shown.</translation>
    </message>
    <message>
        <source>No scenario is loaded.</source>
        <translation>No scenario is loaded.</translation>
    </message>
    <message>
        <source>Unknown knob “%1”; the What-if knobs are %2.</source>
        <translation>Unknown knob “%1”; the What-if knobs are %2.</translation>
    </message>
    <message>
        <source>No scenario has run.</source>
        <translation>No scenario has run.</translation>
    </message>
    <message>
        <source>The scenario %1 has no session “%2”; its sessions are %3.</source>
        <translation>The scenario %1 has no session “%2”; its sessions are %3.</translation>
    </message>
    <message>
        <source>Session %1 has no connection at %2.</source>
        <translation>Session %1 has no connection at %2.</translation>
    </message>
    <message>
        <source>--kill-at %1: %2</source>
        <translation>--kill-at %1: %2</translation>
    </message>
    <message>
        <source>--set %1: %2</source>
        <translation>--set %1: %2</translation>
    </message>
</context>
<context>
    <name>SmallFile</name>
    <message>
        <source>a directory</source>
        <translation>a directory</translation>
    </message>
    <message>
        <source>a fifo</source>
        <translation>a fifo</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>a device</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>a socket</translation>
    </message>
    <message>
        <source>not a plain file</source>
        <translation>not a plain file</translation>
    </message>
    <message>
        <source>%1, not a regular file</source>
        <translation>%1, not a regular file</translation>
    </message>
    <message>
        <source>%1 bytes, more than the %2 allowed</source>
        <translation>%1 bytes, more than the %2 allowed</translation>
    </message>
    <message>
        <source>more than the %1 bytes allowed</source>
        <translation>more than the %1 bytes allowed</translation>
    </message>
</context>
<context>
    <name>TlsStatus</name>
    <message>
        <source>Not encrypted: a local unix socket, which never leaves this machine.</source>
        <translation>Not encrypted: a local unix socket, which never leaves this machine.</translation>
    </message>
    <message>
        <source>Not encrypted (TLS disabled).</source>
        <translation>Not encrypted (TLS disabled).</translation>
    </message>
    <message>
        <source>Not encrypted: the server did not offer TLS.</source>
        <translation>Not encrypted: the server did not offer TLS.</translation>
    </message>
    <message>
        <source>Encrypted (%1); the server&apos;s certificate is signed by the given CA and names %2.</source>
        <translation>Encrypted (%1); the server&apos;s certificate is signed by the given CA and names %2.</translation>
    </message>
    <message>
        <source>Encrypted (%1); the server&apos;s certificate is signed by the given CA; its host name is not checked.</source>
        <translation>Encrypted (%1); the server&apos;s certificate is signed by the given CA; its host name is not checked.</translation>
    </message>
    <message>
        <source>Encrypted (%1); the server&apos;s certificate is not verified.</source>
        <translation>Encrypted (%1); the server&apos;s certificate is not verified.</translation>
    </message>
</context>
<context>
    <name>ks::ChartsPanel</name>
    <message>
        <source>Sessions by state</source>
        <translation>Sessions by state</translation>
    </message>
    <message>
        <source>Rows left to roll back</source>
        <translation>Rows left to roll back</translation>
    </message>
    <message>
        <source>KILL → gone</source>
        <translation>KILL → gone</translation>
    </message>
    <message>
        <source>time (%1)</source>
        <translation>time (%1)</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>sessions</translation>
    </message>
    <message>
        <source>%1 ends at %2</source>
        <translation>%1 ends at %2</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>rows</translation>
    </message>
    <message>
        <source>Kill latency</source>
        <translation>Kill latency</translation>
    </message>
    <message>
        <source>%1: refused (ERROR %2)</source>
        <translation>%1: refused (ERROR %2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2, still going</source>
        <translation>%1: %2, still going</translation>
    </message>
    <message>
        <source>%1 — refused with ERROR %2</source>
        <translation>%1 — refused with ERROR %2</translation>
    </message>
    <message>
        <source>%1 — %2 from KILL to gone%3</source>
        <translation>%1 — %2 from KILL to gone%3</translation>
    </message>
    <message>
        <source> (still going)</source>
        <translation> (still going)</translation>
    </message>
    <message>
        <source>KILL → gone (%1)</source>
        <translation>KILL → gone (%1)</translation>
    </message>
</context>
<context>
    <name>ks::ConnectionDialog</name>
    <message>
        <source>CA certificate</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>Save connection</source>
        <translation>Save connection</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Profile name:</translation>
    </message>
    <message>
        <source>Connect to server</source>
        <translation>Connect to server</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profile:</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>Transport:</translation>
    </message>
    <message>
        <source>&amp;Host and port:</source>
        <translation>&amp;Host and port:</translation>
    </message>
    <message>
        <source>&amp;Socket:</source>
        <translation>&amp;Socket:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA &amp;file:</translation>
    </message>
    <message>
        <source>Connect &amp;timeout (s):</source>
        <translation>Connect &amp;timeout (s):</translation>
    </message>
    <message>
        <source>Default &amp;database:</source>
        <translation>Default &amp;database:</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>From ~/.my.cnf</source>
        <translation>From ~/.my.cnf</translation>
    </message>
    <message>
        <source>Fill in the [client] settings the mysql client would use</source>
        <translation>Fill in the [client] settings the mysql client would use</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>Unix socket</source>
        <translation>Unix socket</translation>
    </message>
    <message>
        <source>Remember the password in the desktop keyring</source>
        <translation>Remember the password in the desktop keyring</translation>
    </message>
    <message>
        <source>Passwords are not saved (built without QtKeychain)</source>
        <translation>Passwords are not saved (built without QtKeychain)</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Read-only: never offer to kill</source>
        <translation>Read-only: never offer to kill</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>The saved password could not be read from the keyring: %1</source>
        <translation>The saved password could not be read from the keyring: %1</translation>
    </message>
    <message>
        <source>The password was not saved: the desktop keyring refused (%1). It is not written anywhere else.</source>
        <translation>The password was not saved: the desktop keyring refused (%1). It is not written anywhere else.</translation>
    </message>
    <message>
        <source>Reading the option files…</source>
        <translation>Reading the option files…</translation>
    </message>
    <message>
        <source>Certificates and keys (*.pem *.crt *.key);;All files (*)</source>
        <translation>Certificates and keys (*.pem *.crt *.key);;All files (*)</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client certificate</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client key</translation>
    </message>
    <message>
        <source>Client &amp;certificate:</source>
        <translation>Client &amp;certificate:</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>Client &amp;key:</translation>
    </message>
    <message>
        <source>Preferred (encrypt if offered)</source>
        <translation>Preferred (encrypt if offered)</translation>
    </message>
    <message>
        <source>Required (no CA needed)</source>
        <translation>Required (no CA needed)</translation>
    </message>
    <message>
        <source>Verify CA</source>
        <translation>Verify CA</translation>
    </message>
    <message>
        <source>Verify identity (CA and host name)</source>
        <translation>Verify identity (CA and host name)</translation>
    </message>
    <message>
        <source>for Verify CA and Verify identity</source>
        <translation>for Verify CA and Verify identity</translation>
    </message>
    <message>
        <source>only for accounts that REQUIRE X509</source>
        <translation>only for accounts that REQUIRE X509</translation>
    </message>
</context>
<context>
    <name>ks::EngineText</name>
    <message>
        <source>waiting for an InnoDB seat</source>
        <translation>waiting for an InnoDB seat</translation>
    </message>
    <message>
        <source>sleeping before entering InnoDB</source>
        <translation>sleeping before entering InnoDB</translation>
    </message>
    <message>
        <source>statement rollback</source>
        <translation>statement rollback</translation>
    </message>
    <message>
        <source>transaction rollback</source>
        <translation>transaction rollback</translation>
    </message>
    <message>
        <source>idle in transaction</source>
        <translation>idle in transaction</translation>
    </message>
    <message>
        <source>delete temporary files</source>
        <translation>delete temporary files</translation>
    </message>
    <message>
        <source>write temporary file</source>
        <translation>write temporary file</translation>
    </message>
    <message>
        <source>starting index read</source>
        <translation>starting index read</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>connect</translation>
    </message>
    <message>
        <source>login</source>
        <translation>login</translation>
    </message>
    <message>
        <source>commit</source>
        <translation>commit</translation>
    </message>
    <message>
        <source>event scheduler</source>
        <translation>event scheduler</translation>
    </message>
    <message>
        <source>not reading</source>
        <translation>not reading</translation>
    </message>
    <message>
        <source>kill flag noticed</source>
        <translation>kill flag noticed</translation>
    </message>
    <message>
        <source>deferred kill replayed</source>
        <translation>deferred kill replayed</translation>
    </message>
    <message>
        <source>deferred (data-dictionary work)</source>
        <translation>deferred (data-dictionary work)</translation>
    </message>
    <message>
        <source>MDL %1</source>
        <translation>MDL %1</translation>
    </message>
    <message>
        <source>auto-rehash: %1</source>
        <translation>auto-rehash: %1</translation>
    </message>
    <message>
        <source>%1 exceeded</source>
        <translation>%1 exceeded</translation>
    </message>
    <message>
        <source>I/O pressure → %1 (a what-if knob, not a server variable)</source>
        <translation>I/O pressure → %1 (a what-if knob, not a server variable)</translation>
    </message>
    <message>
        <source>I/O pressure → %1</source>
        <translation>I/O pressure → %1</translation>
    </message>
    <message>
        <source>I/O %1</source>
        <translation>I/O %1</translation>
    </message>
    <message>
        <source>concurrency = %1</source>
        <translation>concurrency = %1</translation>
    </message>
    <message>
        <source>background rollback of a recovered transaction</source>
        <translation>background rollback of a recovered transaction</translation>
    </message>
    <message>
        <source>Server restart (kill -9, then crash recovery)</source>
        <translation>Server restart (kill -9, then crash recovery)</translation>
    </message>
    <message>
        <source>Server restart</source>
        <translation>Server restart</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Restart</translation>
    </message>
    <message>
        <source>Server accepts connections again</source>
        <translation>Server accepts connections again</translation>
    </message>
    <message>
        <source>Server back</source>
        <translation>Server back</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>ks::Exporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>A KillScope timeline</source>
        <translation>A KillScope timeline</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Cannot write %1</translation>
    </message>
</context>
<context>
    <name>ks::HeadlessPng</name>
    <message>
        <source>%1 — %2 — t = %3</source>
        <translation>%1 — %2 — t = %3</translation>
    </message>
    <message>
        <source>Recording of %1 (%2) — %3</source>
        <translation>Recording of %1 (%2) — %3</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) at %1.</source>
        <translation>
            <numerusform>%n session at %1.</numerusform>
            <numerusform>%n sessions at %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) at %1; kills: %2.</source>
        <translation>
            <numerusform>%n session at %1; kills: %2.</numerusform>
            <numerusform>%n sessions at %1; kills: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>--at %1: the recording lasts only %2.</source>
        <translation>--at %1: the recording lasts only %2.</translation>
    </message>
</context>
<context>
    <name>ks::KillConfirmDialog</name>
    <message>
        <source>Confirm %1</source>
        <translation>Confirm %1</translation>
    </message>
    <message numerus="yes">
        <source>Confirm %n kill(s)</source>
        <translation>
            <numerusform>Confirm %n kill</numerusform>
            <numerusform>Confirm %n kills</numerusform>
        </translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Kill</translation>
    </message>
    <message>
        <source>Kill all</source>
        <translation>Kill all</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2: %3</translation>
    </message>
    <message>
        <source>(sessions %1)</source>
        <translation>(sessions %1)</translation>
    </message>
    <message numerus="yes">
        <source>Not offered: %n of these kill(s) cannot succeed.</source>
        <translation>
            <numerusform>Not offered: %n of these kills cannot succeed.</numerusform>
            <numerusform>Not offered: %n of these kills cannot succeed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Estimates follow the newest sample while this dialog is open.</source>
        <translation>Estimates follow the newest sample while this dialog is open.</translation>
    </message>
    <message numerus="yes">
        <source>Kill the %n that can succeed</source>
        <translation>
            <numerusform>Kill the one that can succeed</numerusform>
            <numerusform>Kill the %n that can succeed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ks::KillExecutor</name>
    <message>
        <source>Not sent: connection %1 is one of KillScope&apos;s own; it is never killed.</source>
        <translation>Not sent: connection %1 is one of KillScope&apos;s own; it is never killed.</translation>
    </message>
    <message>
        <source>Not sent: no connection to kill with: %1</source>
        <translation>Not sent: no connection to kill with: %1</translation>
    </message>
    <message>
        <source>Not sent: the session&apos;s identity could not be checked: %1</source>
        <translation>Not sent: the session&apos;s identity could not be checked: %1</translation>
    </message>
</context>
<context>
    <name>ks::KillMatchingDialog</name>
    <message>
        <source>Kill Matching Sessions</source>
        <translation>Kill Matching Sessions</translation>
    </message>
    <message>
        <source>KILL QUERY: stop their statements</source>
        <translation>KILL QUERY: stop their statements</translation>
    </message>
    <message>
        <source>KILL CONNECTION: end their sessions</source>
        <translation>KILL CONNECTION: end their sessions</translation>
    </message>
    <message>
        <source>Rule (the processlist filter):</source>
        <translation>Rule (the processlist filter):</translation>
    </message>
    <message>
        <source>Kill:</source>
        <translation>Kill:</translation>
    </message>
    <message>
        <source>(no criterion)</source>
        <translation>(no criterion)</translation>
    </message>
    <message>
        <source>Set a filter first (user, host, db, command, state, time &gt; N or text): Kill matching… never kills every session.</source>
        <translation>Set a filter first (user, host, db, command, state, time &gt; N or text): Kill matching… never kills every session.</translation>
    </message>
    <message numerus="yes">
        <source>Dry run: %n session(s) match now; nothing has been sent. Kill asks once more, with what each kill will do.</source>
        <translation>
            <numerusform>Dry run: %n session matches now; nothing has been sent. Kill asks once more, with what each kill will do.</numerusform>
            <numerusform>Dry run: %n sessions match now; nothing has been sent. Kill asks once more, with what each kill will do.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kill %n…</source>
        <translation>
            <numerusform>Kill %n…</numerusform>
            <numerusform>Kill %n…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ks::KillMenu</name>
    <message>
        <source>Kill &amp;Query</source>
        <translation>Kill &amp;Query</translation>
    </message>
    <message>
        <source>Kill &amp;Query (%1)</source>
        <translation>Kill &amp;Query (%1)</translation>
    </message>
    <message>
        <source>KILL QUERY: ends the statement; the connection and its open transaction stay.</source>
        <translation>KILL QUERY: ends the statement; the connection and its open transaction stay.</translation>
    </message>
    <message>
        <source>Kill &amp;Connection</source>
        <translation>Kill &amp;Connection</translation>
    </message>
    <message>
        <source>Kill &amp;Connection (%1)</source>
        <translation>Kill &amp;Connection (%1)</translation>
    </message>
    <message>
        <source>KILL CONNECTION: closes the connection; its transaction is rolled back.</source>
        <translation>KILL CONNECTION: closes the connection; its transaction is rolled back.</translation>
    </message>
    <message>
        <source>MariaDB HARD / SOFT</source>
        <translation>MariaDB HARD / SOFT</translation>
    </message>
    <message>
        <source>KILL HARD QUERY</source>
        <translation>KILL HARD QUERY</translation>
    </message>
    <message>
        <source>KILL SOFT QUERY</source>
        <translation>KILL SOFT QUERY</translation>
    </message>
    <message>
        <source>KILL HARD CONNECTION</source>
        <translation>KILL HARD CONNECTION</translation>
    </message>
    <message>
        <source>KILL SOFT CONNECTION</source>
        <translation>KILL SOFT CONNECTION</translation>
    </message>
    <message>
        <source>SOFT waits for critical operations such as REPAIR TABLE to finish; HARD (the default) does not.</source>
        <translation>SOFT waits for critical operations such as REPAIR TABLE to finish; HARD (the default) does not.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>At %1 (playback holds)</source>
        <translation>At %1 (playback holds)</translation>
    </message>
    <message>
        <source>The kill is injected at this moment of the run: where the playhead was when you right-clicked.</source>
        <translation>The kill is injected at this moment of the run: where the playhead was when you right-clicked.</translation>
    </message>
    <message>
        <source>Not possible in a recording: these sessions ended long ago</source>
        <translation>Not possible in a recording: these sessions ended long ago</translation>
    </message>
</context>
<context>
    <name>ks::KillsModel</name>
    <message>
        <source>Requested</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Accepted, not yet noticed</source>
        <translation>Accepted, not yet noticed</translation>
    </message>
    <message>
        <source>Noticed</source>
        <translation>Noticed</translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation>Rolling back</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation>Gone</translation>
    </message>
    <message>
        <source>Reconnected</source>
        <translation>Reconnected</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Reconnected as %1</source>
        <translation>Reconnected as %1</translation>
    </message>
    <message>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>%1 rows left at %2 rows/s</source>
        <translation>%1 rows left at %2 rows/s</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Server answer</source>
        <translation>Server answer</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Kill latency</source>
        <translation>Kill latency</translation>
    </message>
    <message>
        <source>Rows to undo</source>
        <translation>Rows to undo</translation>
    </message>
    <message>
        <source>Why it lingers</source>
        <translation>Why it lingers</translation>
    </message>
</context>
<context>
    <name>ks::KillsPanel</name>
    <message>
        <source>No kills yet. Right-click a session to kill its query or its connection; KillScope then follows it until it is really gone.</source>
        <translation>No kills yet. Right-click a session to kill its query or its connection; KillScope then follows it until it is really gone.</translation>
    </message>
    <message>
        <source>%1 → %2@%3</source>
        <translation>%1 → %2@%3</translation>
    </message>
    <message>
        <source>Phase: %1</source>
        <translation>Phase: %1</translation>
    </message>
    <message>
        <source>Answer: %1 (%2)</source>
        <translation>Answer: %1 (%2)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>Flag seen: %1</source>
        <translation>Flag seen: %1</translation>
    </message>
    <message>
        <source>Rows left to roll back: %1</source>
        <translation>Rows left to roll back: %1</translation>
    </message>
    <message>
        <source>Ended: %1</source>
        <translation>Ended: %1</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Why: %1</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>Sent: %1</translation>
    </message>
    <message>
        <source>Rollback rate: %1 rows/s</source>
        <translation>Rollback rate: %1 rows/s</translation>
    </message>
</context>
<context>
    <name>ks::KnobsPanel</name>
    <message>
        <source>MariaDB 10.6 and later have no InnoDB admission queue: the variable is ignored.</source>
        <translation>MariaDB 10.6 and later have no InnoDB admission queue: the variable is ignored.</translation>
    </message>
    <message>
        <source>innodb_&amp;thread_concurrency</source>
        <translation>innodb_&amp;thread_concurrency</translation>
    </message>
    <message>
        <source>InnoDB admission seats (0 = no queue). Raising it lets a queued thread in, and with it the thread that was killed.</source>
        <translation>InnoDB admission seats (0 = no queue). Raising it lets a queued thread in, and with it the thread that was killed.</translation>
    </message>
    <message>
        <source>I/O &amp;pressure</source>
        <translation>I/O &amp;pressure</translation>
    </message>
    <message>
        <source>Competing load on the disk: every I/O takes (1 + pressure) times longer. Slows scans, rollbacks and temp-file cleanup.</source>
        <translation>Competing load on the disk: every I/O takes (1 + pressure) times longer. Slows scans, rollbacks and temp-file cleanup.</translation>
    </message>
    <message>
        <source>&amp;Apply at playhead</source>
        <translation>&amp;Apply at playhead</translation>
    </message>
    <message>
        <source>Runs SET GLOBAL at the playhead time and lets the run continue from there.</source>
        <translation>Runs SET GLOBAL at the playhead time and lets the run continue from there.</translation>
    </message>
    <message>
        <source>Server &amp;flavor</source>
        <translation>Server &amp;flavor</translation>
    </message>
    <message>
        <source>Re-runs the scenario on another server version, with the same kills.</source>
        <translation>Re-runs the scenario on another server version, with the same kills.</translation>
    </message>
    <message>
        <source>Changes apply at the playhead; what happened before stays as it was.</source>
        <translation>Changes apply at the playhead; what happened before stays as it was.</translation>
    </message>
    <message>
        <source>Your changes to this run</source>
        <translation>Your changes to this run</translation>
    </message>
    <message>
        <source>&amp;Undo all</source>
        <translation>&amp;Undo all</translation>
    </message>
    <message>
        <source>Forget your kills and SET GLOBAL changes and re-run the scenario as written.</source>
        <translation>Forget your kills and SET GLOBAL changes and re-run the scenario as written.</translation>
    </message>
    <message>
        <source>&amp;Restart server at playhead</source>
        <translation>&amp;Restart server at playhead</translation>
    </message>
    <message>
        <source>kill -9 of the server and a start on the same data: every client is dropped (ERROR 2013), crash recovery takes a few seconds, and an unfinished rollback goes on in the background.</source>
        <translation>kill -9 of the server and a start on the same data: every client is dropped (ERROR 2013), crash recovery takes a few seconds, and an unfinished rollback goes on in the background.</translation>
    </message>
</context>
<context>
    <name>ks::LabAppClient</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
</context>
<context>
    <name>ks::LabController</name>
    <message>
        <source>Run on a &amp;server…</source>
        <translation>Run on a &amp;server…</translation>
    </message>
    <message>
        <source>Run this scenario on a real test server next to its simulation and list the differences</source>
        <translation>Run this scenario on a real test server next to its simulation and list the differences</translation>
    </message>
    <message>
        <source>Run on a server</source>
        <translation>Run on a server</translation>
    </message>
    <message>
        <source>Open a scenario first.</source>
        <translation>Open a scenario first.</translation>
    </message>
</context>
<context>
    <name>ks::LabDiffModel</name>
    <message>
        <source>timing within tolerance</source>
        <translation>timing within tolerance</translation>
    </message>
    <message>
        <source>timing</source>
        <translation>timing</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>state</source>
        <translation>state</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>outcome</translation>
    </message>
    <message>
        <source>Whole scenario</source>
        <translation>Whole scenario</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Session %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n difference(s)</source>
        <translation>
            <numerusform>%1 — %n difference</numerusform>
            <numerusform>%1 — %n differences</numerusform>
        </translation>
    </message>
    <message>
        <source>Declared in the scenario: %1</source>
        <translation>Declared in the scenario: %1</translation>
    </message>
    <message>
        <source>%1 (declared)</source>
        <translation>%1 (declared)</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nothing)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>Aspect</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Detail / reason</source>
        <translation>Detail / reason</translation>
    </message>
    <message>
        <source>client lines</source>
        <translation>client lines</translation>
    </message>
    <message>
        <source>(Command, State)</source>
        <translation>(Command, State)</translation>
    </message>
    <message>
        <source>order of leaving</source>
        <translation>order of leaving</translation>
    </message>
    <message>
        <source>kill to effect</source>
        <translation>kill to effect</translation>
    </message>
    <message>
        <source>rollback rate</source>
        <translation>rollback rate</translation>
    </message>
    <message>
        <source>end state</source>
        <translation>end state</translation>
    </message>
</context>
<context>
    <name>ks::LabRunDialog</name>
    <message>
        <source>Use an account that may create databases and users (e.g. root on a test server).</source>
        <translation>Use an account that may create databases and users (e.g. root on a test server).</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>No server chosen yet.</source>
        <translation>No server chosen yet.</translation>
    </message>
    <message>
        <source>Run %1 on a server</source>
        <translation>Run %1 on a server</translation>
    </message>
    <message>
        <source>Lab mode runs this scenario on a real test server next to its simulation and lists every difference. It creates its own database (killscope_lab) and accounts, fills the scenario&apos;s tables, runs real mariadb/mysql clients, sends the scenario&apos;s kills to the sessions it started, and removes everything afterwards. Use a test server, never one with real work.</source>
        <translation>Lab mode runs this scenario on a real test server next to its simulation and lists every difference. It creates its own database (killscope_lab) and accounts, fills the scenario&apos;s tables, runs real mariadb/mysql clients, sends the scenario&apos;s kills to the sessions it started, and removes everything afterwards. Use a test server, never one with real work.</translation>
    </message>
    <message>
        <source>Server…</source>
        <translation>Server…</translation>
    </message>
    <message>
        <source>Lab scale (table sizes and times):</source>
        <translation>Lab scale (table sizes and times):</translation>
    </message>
    <message>
        <source>Run even though the server has other databases or client sessions</source>
        <translation>Run even though the server has other databases or client sessions</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
</context>
<context>
    <name>ks::LabRunner</name>
    <message>
        <source>“%1” failed: %2 (%3)</source>
        <translation>“%1” failed: %2 (%3)</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>Interrupted.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Lab mode does not know this server: %1</source>
        <translation>Lab mode does not know this server: %1</translation>
    </message>
    <message>
        <source>Server: %1 (%2).</source>
        <translation>Server: %1 (%2).</translation>
    </message>
    <message>
        <source>A database called %1 exists that lab mode did not create; lab mode will not touch it. Choose another name or remove it yourself.</source>
        <translation>A database called %1 exists that lab mode did not create; lab mode will not touch it. Choose another name or remove it yourself.</translation>
    </message>
    <message>
        <source>Removing what an interrupted lab run left behind (%1).</source>
        <translation>Removing what an interrupted lab run left behind (%1).</translation>
    </message>
    <message>
        <source>other databases: %1</source>
        <translation>other databases: %1</translation>
    </message>
    <message>
        <source>other client sessions: %1</source>
        <translation>other client sessions: %1</translation>
    </message>
    <message>
        <source>This server may hold real work (%1). Lab mode creates and drops a database and accounts, changes server variables and kills the sessions it starts; run it on a test server, or pass --lab-force if this one is.</source>
        <translation>This server may hold real work (%1). Lab mode creates and drops a database and accounts, changes server variables and kills the sessions it starts; run it on a test server, or pass --lab-force if this one is.</translation>
    </message>
    <message>
        <source>Run with --lab-force on a server with %1.</source>
        <translation>Run with --lab-force on a server with %1.</translation>
    </message>
    <message>
        <source>Creating database %1 and %2 lab accounts…</source>
        <translation>Creating database %1 and %2 lab accounts…</translation>
    </message>
    <message>
        <source>The login cannot set up a lab (it needs to create databases and users and grant privileges, e.g. root on a test server): %1</source>
        <translation>The login cannot set up a lab (it needs to create databases and users and grant privileges, e.g. root on a test server): %1</translation>
    </message>
    <message>
        <source>Creating table %1 with %2 rows…</source>
        <translation>Creating table %1 with %2 rows…</translation>
    </message>
    <message>
        <source>Calibrating %1 statement %2 (%3 runs): %4</source>
        <translation>Calibrating %1 statement %2 (%3 runs): %4</translation>
    </message>
    <message>
        <source>Calibration of %1 failed: %2</source>
        <translation>Calibration of %1 failed: %2</translation>
    </message>
    <message>
        <source>Measuring the kill round trip…</source>
        <translation>Measuring the kill round trip…</translation>
    </message>
    <message>
        <source>Measuring the client&apos;s start-up…</source>
        <translation>Measuring the client&apos;s start-up…</translation>
    </message>
    <message>
        <source>The command-line client did not show its prompt.</source>
        <translation>The command-line client did not show its prompt.</translation>
    </message>
    <message>
        <source>This server took %1 times as long as the scenario&apos;s costs for the calibrated statements: the scenario&apos;s times are stretched by as much.</source>
        <translation>This server took %1 times as long as the scenario&apos;s costs for the calibrated statements: the scenario&apos;s times are stretched by as much.</translation>
    </message>
    <message>
        <source>Session %1 could not connect: %2</source>
        <translation>Session %1 could not connect: %2</translation>
    </message>
    <message>
        <source>Session %1 did not connect.</source>
        <translation>Session %1 did not connect.</translation>
    </message>
    <message>
        <source>Cannot write the client option file in %1.</source>
        <translation>Cannot write the client option file in %1.</translation>
    </message>
    <message>
        <source>The client of session %1 did not show its prompt: %2</source>
        <translation>The client of session %1 did not show its prompt: %2</translation>
    </message>
    <message>
        <source>session %1 has no connection yet</source>
        <translation>session %1 has no connection yet</translation>
    </message>
    <message>
        <source>thread %1 exists on this server and is not a lab session</source>
        <translation>thread %1 exists on this server and is not a lab session</translation>
    </message>
    <message>
        <source>user %1 is not a lab account</source>
        <translation>user %1 is not a lab account</translation>
    </message>
    <message>
        <source>the current query id of session %1 is unknown</source>
        <translation>the current query id of session %1 is unknown</translation>
    </message>
    <message>
        <source>query id %1 is running on this server and is not a lab query</source>
        <translation>query id %1 is running on this server and is not a lab query</translation>
    </message>
    <message>
        <source>%1 statement %2 (%3) not sent: %4</source>
        <translation>%1 statement %2 (%3) not sent: %4</translation>
    </message>
    <message>
        <source>SET GLOBAL innodb_thread_concurrency = %1 at %2 s not sent: the variable does not exist on MariaDB 10.6 and later (the simulation ignores it there too).</source>
        <translation>SET GLOBAL innodb_thread_concurrency = %1 at %2 s not sent: the variable does not exist on MariaDB 10.6 and later (the simulation ignores it there too).</translation>
    </message>
    <message>
        <source>%1 = %2 at %3 s not reproduced: lab mode cannot make competing I/O load on the server&apos;s disk.</source>
        <translation>%1 = %2 at %3 s not reproduced: lab mode cannot make competing I/O load on the server&apos;s disk.</translation>
    </message>
    <message>
        <source>Operator kill at %1 s not sent: %2</source>
        <translation>Operator kill at %1 s not sent: %2</translation>
    </message>
    <message>
        <source>Cannot create a private temporary directory.</source>
        <translation>Cannot create a private temporary directory.</translation>
    </message>
    <message>
        <source>Starting session %1…</source>
        <translation>Starting session %1…</translation>
    </message>
    <message>
        <source>The sampler could not connect: %1</source>
        <translation>The sampler could not connect: %1</translation>
    </message>
    <message>
        <source>The sampler took no sample: %1</source>
        <translation>The sampler took no sample: %1</translation>
    </message>
    <message>
        <source>Running scenario %1 for %2 s…</source>
        <translation>Running scenario %1 for %2 s…</translation>
    </message>
    <message>
        <source>The run went on for %1 s past the scenario&apos;s end (%2 s) until its statements had finished.</source>
        <translation>The run went on for %1 s past the scenario&apos;s end (%2 s) until its statements had finished.</translation>
    </message>
    <message>
        <source>Waiting for the lab sessions to end…</source>
        <translation>Waiting for the lab sessions to end…</translation>
    </message>
    <message>
        <source>Some lab threads were still there after 5 minutes; the end state may be incomplete.</source>
        <translation>Some lab threads were still there after 5 minutes; the end state may be incomplete.</translation>
    </message>
    <message>
        <source>Session %1&apos;s connection did not close in time.</source>
        <translation>Session %1&apos;s connection did not close in time.</translation>
    </message>
    <message>
        <source>Removing the lab database and accounts…</source>
        <translation>Removing the lab database and accounts…</translation>
    </message>
    <message>
        <source>Measuring the server&apos;s I/O…</source>
        <translation>Measuring the server&apos;s I/O…</translation>
    </message>
    <message>
        <source>the server reported no bytes written</source>
        <translation>the server reported no bytes written</translation>
    </message>
    <message>
        <source>session %1&apos;s connection</source>
        <translation>session %1&apos;s connection</translation>
    </message>
    <message>
        <source>lab mode&apos;s own thread (client output, statements, actions)</source>
        <translation>lab mode&apos;s own thread (client output, statements, actions)</translation>
    </message>
</context>
<context>
    <name>ks::LabTerminal</name>
    <message>
        <source>The command-line client “%1” was not found (Debian package mariadb-client).</source>
        <translation>The command-line client “%1” was not found (Debian package mariadb-client).</translation>
    </message>
    <message>
        <source>Could not open a pseudo-terminal: %1</source>
        <translation>Could not open a pseudo-terminal: %1</translation>
    </message>
</context>
<context>
    <name>ks::LabWindow</name>
    <message>
        <source>Save lab report</source>
        <translation>Save lab report</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json)</source>
        <translation>Markdown (*.md);;JSON (*.json)</translation>
    </message>
    <message>
        <source>There is no finished lab run to save.</source>
        <translation>There is no finished lab run to save.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Running %1 on the server…&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Running %1 on the server…&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#2a7a2a&apos;&gt;no undeclared differences&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#2a7a2a&apos;&gt;no undeclared differences&lt;/span&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style=&apos;color:#b02020&apos;&gt;%n undeclared difference(s)&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;span style=&apos;color:#b02020&apos;&gt;%n undeclared difference&lt;/span&gt;</numerusform>
            <numerusform>&lt;span style=&apos;color:#b02020&apos;&gt;%n undeclared differences&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; on %2 (lab scale %3): %4 — %5 timing check(s) within tolerance (±%6 % + %7 ms)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; on %2 (lab scale %3): %4 — %5 timing check(s) within tolerance (±%6 % + %7 ms)</translation>
    </message>
    <message>
        <source>Each session: simulation above, server below.</source>
        <translation>Each session: simulation above, server below.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The lab run did not finish:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;The lab run did not finish:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>No lab run yet.</source>
        <translation>No lab run yet.</translation>
    </message>
    <message>
        <source>KillScope lab</source>
        <translation>KillScope lab</translation>
    </message>
    <message>
        <source>KillScope lab — %1</source>
        <translation>KillScope lab — %1</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Save report…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Also show the timing checks within tolerance</source>
        <translation>Also show the timing checks within tolerance</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Differences</translation>
    </message>
    <message>
        <source>Client lines</source>
        <translation>Client lines</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>t (s)</source>
        <translation>t (s)</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Scheduling lateness during the run: %1 ms (included in the %2 ms).</source>
        <translation>Scheduling lateness during the run: %1 ms (included in the %2 ms).</translation>
    </message>
</context>
<context>
    <name>ks::LegendWidget</name>
    <message>
        <source>Kill signal</source>
        <translation>Kill signal</translation>
    </message>
    <message>
        <source>An arrow from the session that sends KILL (or Ctrl+C) to its victim.</source>
        <translation>An arrow from the session that sends KILL (or Ctrl+C) to its victim.</translation>
    </message>
    <message>
        <source>The victim reached a check point and saw its kill flag.</source>
        <translation>The victim reached a check point and saw its kill flag.</translation>
    </message>
    <message>
        <source>SET GLOBAL or a what-if knob, for the whole server from that moment.</source>
        <translation>SET GLOBAL or a what-if knob, for the whole server from that moment.</translation>
    </message>
</context>
<context>
    <name>ks::LiveBanner</name>
    <message>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>ks::LiveController</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>&amp;Live</translation>
    </message>
    <message>
        <source>Connect to &amp;server…</source>
        <translation>Connect to &amp;server…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Disconnect</translation>
    </message>
    <message>
        <source>&amp;Read-only (no kills)</source>
        <translation>&amp;Read-only (no kills)</translation>
    </message>
    <message>
        <source>&amp;Pause sampling</source>
        <translation>&amp;Pause sampling</translation>
    </message>
    <message>
        <source>Show KillScope&apos;s &amp;own connections</source>
        <translation>Show KillScope&apos;s &amp;own connections</translation>
    </message>
    <message>
        <source>Kill root &amp;blocker…</source>
        <translation>Kill root &amp;blocker…</translation>
    </message>
    <message>
        <source>Sampling &amp;interval</source>
        <translation>Sampling &amp;interval</translation>
    </message>
    <message>
        <source>Live sessions</source>
        <translation>Live sessions</translation>
    </message>
    <message>
        <source>Live kills</source>
        <translation>Live kills</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Password for %1:</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;History kept</source>
        <translation>&amp;History kept</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) blocks %n session(s)</source>
        <translation>
            <numerusform>%1 (%2) blocks %n session</numerusform>
            <numerusform>%1 (%2) blocks %n sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>Root blockers: %1</source>
        <translation>Root blockers: %1</translation>
    </message>
    <message>
        <source>Open &amp;audit log (%1)</source>
        <translation>Open &amp;audit log (%1)</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2 Still attached to %3; nothing shown was changed.</source>
        <translation>Could not connect to %1: %2 Still attached to %3; nothing shown was changed.</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Could not connect to %1: %2</translation>
    </message>
    <message>
        <source>As of %1: the connection is lost, so these rows are not current.</source>
        <translation>As of %1: the connection is lost, so these rows are not current.</translation>
    </message>
    <message>
        <source>What is shown is as of %1.</source>
        <translation>What is shown is as of %1.</translation>
    </message>
    <message>
        <source>No kill has been logged yet. The audit log will be %1 (readable only by you).</source>
        <translation>No kill has been logged yet. The audit log will be %1 (readable only by you).</translation>
    </message>
    <message>
        <source>No program to open it here; the audit log is %1 (one JSON line per kill attempt).</source>
        <translation>No program to open it here; the audit log is %1 (one JSON line per kill attempt).</translation>
    </message>
    <message>
        <source>Sample &amp;now</source>
        <translation>Sample &amp;now</translation>
    </message>
    <message>
        <source>&amp;Follow now</source>
        <translation>&amp;Follow now</translation>
    </message>
    <message>
        <source>Keep the view at the newest sample; off, the view stays where it is while sampling goes on (Space)</source>
        <translation>Keep the view at the newest sample; off, the view stays where it is while sampling goes on (Space)</translation>
    </message>
    <message>
        <source>Show &amp;gone sessions</source>
        <translation>Show &amp;gone sessions</translation>
    </message>
    <message>
        <source>F&amp;old gone sessions after</source>
        <translation>F&amp;old gone sessions after</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Kill &amp;matching…</source>
        <translation>Kill &amp;matching…</translation>
    </message>
    <message>
        <source>Kill the sessions the processlist filter matches, after a dry run</source>
        <translation>Kill the sessions the processlist filter matches, after a dry run</translation>
    </message>
    <message>
        <source>Session details</source>
        <translation>Session details</translation>
    </message>
    <message>
        <source>detected %1</source>
        <translation>detected %1</translation>
    </message>
    <message>
        <source>up %1</source>
        <translation>up %1</translation>
    </message>
    <message>
        <source>sampling paused (F6)</source>
        <translation>sampling paused (F6)</translation>
    </message>
    <message>
        <source>view frozen at %1 (Space: follow)</source>
        <translation>view frozen at %1 (Space: follow)</translation>
    </message>
    <message>
        <source>%1, account %2</source>
        <translation>%1, account %2</translation>
    </message>
</context>
<context>
    <name>ks::LiveProcesslistPanel</name>
    <message>
        <source>ⓘ %1</source>
        <translation>ⓘ %1</translation>
    </message>
    <message numerus="yes">
        <source>ⓘ %1 (and %n more: hover to read)</source>
        <translation>
            <numerusform>ⓘ %1 (and %n more: hover to read)</numerusform>
            <numerusform>ⓘ %1 (and %n more: hover to read)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ks::LiveSource</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Reconnected to %1 (%2).</source>
        <translation>Reconnected to %1 (%2).</translation>
    </message>
    <message>
        <source>Connected to %1 (%2).</source>
        <translation>Connected to %1 (%2).</translation>
    </message>
    <message>
        <source>%1 — waits for %2</source>
        <translation>%1 — waits for %2</translation>
    </message>
    <message>
        <source>noticed %1</source>
        <translation>noticed %1</translation>
    </message>
    <message>
        <source>reconnected as %1</source>
        <translation>reconnected as %1</translation>
    </message>
    <message>
        <source>Not sent: KillScope has no record of session %1; it kills only sessions it has observed.</source>
        <translation>Not sent: KillScope has no record of session %1; it kills only sessions it has observed.</translation>
    </message>
    <message>
        <source>Not sent: the server has restarted since session %1 was seen; that session is gone, and id %1 may now name another one.</source>
        <translation>Not sent: the server has restarted since session %1 was seen; that session is gone, and id %1 may now name another one.</translation>
    </message>
    <message>
        <source>Not sent: connection %1 is one of KillScope&apos;s own; it is never killed.</source>
        <translation>Not sent: connection %1 is one of KillScope&apos;s own; it is never killed.</translation>
    </message>
    <message>
        <source>Not sent: no session has id %1 in the newest sample.</source>
        <translation>Not sent: no session has id %1 in the newest sample.</translation>
    </message>
    <message>
        <source>KillScope will not send this kill; the attempt is written to the audit log.</source>
        <translation>KillScope will not send this kill; the attempt is written to the audit log.</translation>
    </message>
    <message>
        <source>Not sent: read-only mode; kills are disabled.</source>
        <translation>Not sent: read-only mode; kills are disabled.</translation>
    </message>
    <message>
        <source>Not sent: not connected to a server.</source>
        <translation>Not sent: not connected to a server.</translation>
    </message>
    <message>
        <source>%1 was refused: %2</source>
        <translation>%1 was refused: %2</translation>
    </message>
    <message>
        <source>KillScope stopped following this kill while it was %1.</source>
        <translation>KillScope stopped following this kill while it was %1.</translation>
    </message>
    <message>
        <source>Not sent: session %1 (first seen %2) ended at %3; id %1 now names a session first seen %4.</source>
        <translation>Not sent: session %1 (first seen %2) ended at %3; id %1 now names a session first seen %4.</translation>
    </message>
    <message>
        <source>Not sent: session %1 (first seen %2) has ended; id %1 now names a session first seen %3.</source>
        <translation>Not sent: session %1 (first seen %2) has ended; id %1 now names a session first seen %3.</translation>
    </message>
    <message>
        <source>Not sent: session %1 ended at %2.</source>
        <translation>Not sent: session %1 ended at %2.</translation>
    </message>
    <message>
        <source>Not sent: session %1 has ended.</source>
        <translation>Not sent: session %1 has ended.</translation>
    </message>
    <message>
        <source>The server restarted at %1 (it had been running since %2). Every session seen before is gone; kills aimed at them are not sent.</source>
        <translation>The server restarted at %1 (it had been running since %2). Every session seen before is gone; kills aimed at them are not sent.</translation>
    </message>
    <message>
        <source>KillScope cannot rule out that the server restarted (%1). Every session seen before is taken as gone; kills aimed at them are not sent.</source>
        <translation>KillScope cannot rule out that the server restarted (%1). Every session seen before is taken as gone; kills aimed at them are not sent.</translation>
    </message>
    <message>
        <source>%1, since %2: %3</source>
        <translation>%1, since %2: %3</translation>
    </message>
    <message>
        <source>%1, since %2: %3 Reconnecting (attempt %4, next in %5 s)…</source>
        <translation>%1, since %2: %3 Reconnecting (attempt %4, next in %5 s)…</translation>
    </message>
    <message>
        <source>%1 KillScope keeps what it has recorded and reconnects.</source>
        <translation>%1 KillScope keeps what it has recorded and reconnects.</translation>
    </message>
    <message>
        <source>The server restarted after this session was chosen: the estimate is no longer updated.</source>
        <translation>The server restarted after this session was chosen: the estimate is no longer updated.</translation>
    </message>
    <message>
        <source>The connection to the server was lost at %1: the estimate is as of the last sample and no longer updated.</source>
        <translation>The connection to the server was lost at %1: the estimate is as of the last sample and no longer updated.</translation>
    </message>
    <message>
        <source>Not connected to the server: the estimate is no longer updated.</source>
        <translation>Not connected to the server: the estimate is no longer updated.</translation>
    </message>
</context>
<context>
    <name>ks::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Built-in Scenarios</source>
        <translation>&amp;Built-in Scenarios</translation>
    </message>
    <message>
        <source>&amp;Open Scenario…</source>
        <translation>&amp;Open Scenario…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Run as Chrome &amp;Trace JSON…</source>
        <translation>Run as Chrome &amp;Trace JSON…</translation>
    </message>
    <message>
        <source>Processlist as &amp;CSV…</source>
        <translation>Processlist as &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Playback</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Play / Pause</translation>
    </message>
    <message>
        <source>&amp;Next Event</source>
        <translation>&amp;Next Event</translation>
    </message>
    <message>
        <source>P&amp;revious Event</source>
        <translation>P&amp;revious Event</translation>
    </message>
    <message>
        <source>Re&amp;start</source>
        <translation>Re&amp;start</translation>
    </message>
    <message>
        <source>&amp;Faster</source>
        <translation>&amp;Faster</translation>
    </message>
    <message>
        <source>&amp;Slower</source>
        <translation>&amp;Slower</translation>
    </message>
    <message>
        <source>&amp;Zoom to Fit</source>
        <translation>&amp;Zoom to Fit</translation>
    </message>
    <message>
        <source>&amp;Undo My Kills and Knob Changes</source>
        <translation>&amp;Undo My Kills and Knob Changes</translation>
    </message>
    <message>
        <source>Presentation &amp;Mode</source>
        <translation>Presentation &amp;Mode</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About KillScope</source>
        <translation>&amp;About KillScope</translation>
    </message>
    <message>
        <source>Processlist</source>
        <translation>Processlist</translation>
    </message>
    <message>
        <source>Kills</source>
        <translation>Kills</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Client transcripts</source>
        <translation>Client transcripts</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>Narration</translation>
    </message>
    <message>
        <source>What if…</source>
        <translation>What if…</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Playback</translation>
    </message>
    <message>
        <source>Scenario:</source>
        <translation>Scenario:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>SHOW FULL PROCESSLIST at the playhead. Right-click a row to kill its query or its connection.</source>
        <translation>SHOW FULL PROCESSLIST at the playhead. Right-click a row to kill its query or its connection.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;KillScope %1&lt;/h3&gt;&lt;p&gt;Shows what really happens when someone runs KILL QUERY or KILL CONNECTION on MySQL or MariaDB: when the victim notices, what it still has to finish, and what each client sees.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;KillScope %1&lt;/h3&gt;&lt;p&gt;Shows what really happens when someone runs KILL QUERY or KILL CONNECTION on MySQL or MariaDB: when the victim notices, what it still has to finish, and what each client sees.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About KillScope</source>
        <translation>About KillScope</translation>
    </message>
    <message numerus="yes">
        <source>t = %1 s · %n session(s)</source>
        <translation>
            <numerusform>t = %1 s · %n session</numerusform>
            <numerusform>t = %1 s · %n sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>KillScope</source>
        <translation>KillScope</translation>
    </message>
    <message>
        <source>%1 — %2 — KillScope</source>
        <translation>%1 — %2 — KillScope</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Clear List</translation>
    </message>
    <message>
        <source>Open Scenario</source>
        <translation>Open Scenario</translation>
    </message>
    <message>
        <source>KillScope scenarios (*.json);;All files (*)</source>
        <translation>KillScope scenarios (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>The trace export is available for simulated runs.</source>
        <translation>The trace export is available for simulated runs.</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG images (*.svg)</translation>
    </message>
    <message>
        <source>Chrome Trace JSON (*.json)</source>
        <translation>Chrome Trace JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <source>%1 s: %2</source>
        <translation>%1 s: %2</translation>
    </message>
    <message>
        <source>Requested: %1</source>
        <translation>Requested: %1</translation>
    </message>
    <message>
        <source>Go to the &amp;End</source>
        <translation>Go to the &amp;End</translation>
    </message>
    <message>
        <source>Slide as &amp;PNG…</source>
        <translation>Slide as &amp;PNG…</translation>
    </message>
    <message>
        <source>Slide as &amp;SVG…</source>
        <translation>Slide as &amp;SVG…</translation>
    </message>
    <message>
        <source>Processlist &amp;Overlay (Presentation)</source>
        <translation>Processlist &amp;Overlay (Presentation)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Nothing to apply: the knobs already have these values at %1 s.</source>
        <translation>Nothing to apply: the knobs already have these values at %1 s.</translation>
    </message>
    <message>
        <source>%1 from %2 on; everything before stays as it was.</source>
        <translation>%1 from %2 on; everything before stays as it was.</translation>
    </message>
    <message>
        <source>%1 injected at %2; the run continues from there.</source>
        <translation>%1 injected at %2; the run continues from there.</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>&amp;Scenario</translation>
    </message>
    <message>
        <source>&amp;Start Here</source>
        <translation>&amp;Start Here</translation>
    </message>
    <message>
        <source>Readers’ &amp;Questions</source>
        <translation>Readers’ &amp;Questions</translation>
    </message>
    <message>
        <source>&amp;Restart Server at Playhead</source>
        <translation>&amp;Restart Server at Playhead</translation>
    </message>
    <message>
        <source>kill -9 of the simulated server and a start on the same data, at the playhead</source>
        <translation>kill -9 of the simulated server and a start on the same data, at the playhead</translation>
    </message>
    <message>
        <source>The simulated server restarts at %1 s: every client is dropped; what happened before stays as it was.</source>
        <translation>The simulated server restarts at %1 s: every client is dropped; what happened before stays as it was.</translation>
    </message>
    <message>
        <source>Recording %1 — %2 (%3) — KillScope</source>
        <translation>Recording %1 — %2 (%3) — KillScope</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Keyboard Shortcuts</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n session(s)</source>
        <translation>
            <numerusform>%1 · %n session</numerusform>
            <numerusform>%1 · %n sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>Freeze the view (sampling goes on) / follow now again</source>
        <translation>Freeze the view (sampling goes on) / follow now again</translation>
    </message>
    <message>
        <source>Follow now</source>
        <translation>Follow now</translation>
    </message>
    <message>
        <source>Kill the selected sessions&apos; connections (after confirmation)</source>
        <translation>Kill the selected sessions&apos; connections (after confirmation)</translation>
    </message>
    <message>
        <source>Copy the selected statements</source>
        <translation>Copy the selected statements</translation>
    </message>
    <message>
        <source>Right-click</source>
        <translation>Right-click</translation>
    </message>
    <message>
        <source>Kill menu for a lane or a row</source>
        <translation>Kill menu for a lane or a row</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Does</translation>
    </message>
    <message>
        <source>detected %1</source>
        <translation>detected %1</translation>
    </message>
    <message>
        <source>recorded %1 – %2 (%3)</source>
        <translation>recorded %1 – %2 (%3)</translation>
    </message>
    <message>
        <source>%1, account %2, file %3</source>
        <translation>%1, account %2, file %3</translation>
    </message>
    <message>
        <source>Recording: %1</source>
        <translation>Recording: %1</translation>
    </message>
</context>
<context>
    <name>ks::NarrationPanel</name>
    <message>
        <source>This run has no narration.</source>
        <translation>This run has no narration.</translation>
    </message>
    <message>
        <source>Press Space to play, → for the next step.</source>
        <translation>Press Space to play, → for the next step.</translation>
    </message>
    <message>
        <source>What is happening</source>
        <translation>What is happening</translation>
    </message>
</context>
<context>
    <name>ks::PasswordStore</name>
    <message>
        <source>KillScope was built without QtKeychain: passwords are not saved.</source>
        <translation>KillScope was built without QtKeychain: passwords are not saved.</translation>
    </message>
</context>
<context>
    <name>ks::PlaybackBar</name>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Space)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Play (Space)</translation>
    </message>
    <message>
        <source>Restart (Home)</source>
        <translation>Restart (Home)</translation>
    </message>
    <message>
        <source>Previous event (←)</source>
        <translation>Previous event (←)</translation>
    </message>
    <message>
        <source>Next event (→)</source>
        <translation>Next event (→)</translation>
    </message>
    <message>
        <source>Playback speed ([ slower, ] faster)</source>
        <translation>Playback speed ([ slower, ] faster)</translation>
    </message>
    <message>
        <source>Drag to scrub through the run</source>
        <translation>Drag to scrub through the run</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>ks::ProcesslistFilterBar</name>
    <message>
        <source>Hide Sleep</source>
        <translation>Hide Sleep</translation>
    </message>
    <message>
        <source>Hide system threads</source>
        <translation>Hide system threads</translation>
    </message>
    <message>
        <source>Show KillScope&apos;s own</source>
        <translation>Show KillScope&apos;s own</translation>
    </message>
    <message>
        <source>KillScope&apos;s sampler and kill connections (hidden by default)</source>
        <translation>KillScope&apos;s sampler and kill connections (hidden by default)</translation>
    </message>
    <message>
        <source>user</source>
        <translation>user</translation>
    </message>
    <message>
        <source>db</source>
        <translation>db</translation>
    </message>
    <message>
        <source>host</source>
        <translation>host</translation>
    </message>
    <message>
        <source>command</source>
        <translation>command</translation>
    </message>
    <message>
        <source>state</source>
        <translation>state</translation>
    </message>
    <message>
        <source>Show only rows whose %1 contains this text</source>
        <translation>Show only rows whose %1 contains this text</translation>
    </message>
    <message>
        <source>Search statements or an id…</source>
        <translation>Search statements or an id…</translation>
    </message>
    <message>
        <source>time &gt; </source>
        <translation>time &gt; </translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>any time</translation>
    </message>
    <message>
        <source>Show only sessions longer than this in their current state</source>
        <translation>Show only sessions longer than this in their current state</translation>
    </message>
</context>
<context>
    <name>ks::ProcesslistFilterModel</name>
    <message>
        <source>not Sleep</source>
        <translation>not Sleep</translation>
    </message>
    <message>
        <source>time &gt; %1 s</source>
        <translation>time &gt; %1 s</translation>
    </message>
    <message>
        <source>text ~ %1</source>
        <translation>text ~ %1</translation>
    </message>
</context>
<context>
    <name>ks::ProcesslistModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Waits for a lock held by session %1</source>
        <translation>Waits for a lock held by session %1</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>Blocked by</translation>
    </message>
    <message>
        <source>Seconds in the current state (MariaDB: since the end of the last statement for Sleep)</source>
        <translation>Seconds in the current state (MariaDB: since the end of the last statement for Sleep)</translation>
    </message>
    <message>
        <source>MariaDB&apos;s progress of the statement in percent over all stages</source>
        <translation>MariaDB&apos;s progress of the statement in percent over all stages</translation>
    </message>
    <message>
        <source>INNODB_TRX.trx_state: RUNNING, LOCK WAIT, ROLLING BACK</source>
        <translation>INNODB_TRX.trx_state: RUNNING, LOCK WAIT, ROLLING BACK</translation>
    </message>
    <message>
        <source>INNODB_TRX.trx_rows_modified: counts down while the transaction rolls back</source>
        <translation>INNODB_TRX.trx_rows_modified: counts down while the transaction rolls back</translation>
    </message>
    <message>
        <source>INNODB_TRX.trx_operation_state</source>
        <translation>INNODB_TRX.trx_operation_state</translation>
    </message>
    <message>
        <source>The session holding the lock this one waits for</source>
        <translation>The session holding the lock this one waits for</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Transaction started %1</source>
        <translation>Transaction started %1</translation>
    </message>
    <message>
        <source>Idle in transaction: no statement runs, but its transaction (open %1) keeps its locks and undo until it commits or rolls back.</source>
        <translation>Idle in transaction: no statement runs, but its transaction (open %1) keeps its locks and undo until it commits or rolls back.</translation>
    </message>
    <message>
        <source>for an unknown time</source>
        <translation>for an unknown time</translation>
    </message>
    <message>
        <source>trx age</source>
        <translation>trx age</translation>
    </message>
    <message>
        <source>How long the transaction has been open (since INNODB_TRX.trx_started)</source>
        <translation>How long the transaction has been open (since INNODB_TRX.trx_started)</translation>
    </message>
    <message>
        <source>INNODB_TRX.trx_rows_locked: rows this transaction holds locks on (approximate)</source>
        <translation>INNODB_TRX.trx_rows_locked: rows this transaction holds locks on (approximate)</translation>
    </message>
</context>
<context>
    <name>ks::RecordingController</name>
    <message>
        <source>Open &amp;recording…</source>
        <translation>Open &amp;recording…</translation>
    </message>
    <message>
        <source>Replay a recorded live session in this window.</source>
        <translation>Replay a recorded live session in this window.</translation>
    </message>
    <message>
        <source>&amp;Record live sessions</source>
        <translation>&amp;Record live sessions</translation>
    </message>
    <message>
        <source>&amp;Record live sessions (%1)</source>
        <translation>&amp;Record live sessions (%1)</translation>
    </message>
    <message>
        <source>Writes every sample, the server&apos;s identity and KillScope&apos;s kills to a file that File ▸ Open recording replays. Files are in %1.</source>
        <translation>Writes every sample, the server&apos;s identity and KillScope&apos;s kills to a file that File ▸ Open recording replays. Files are in %1.</translation>
    </message>
    <message>
        <source>Show recordings &amp;folder</source>
        <translation>Show recordings &amp;folder</translation>
    </message>
    <message numerus="yes">
        <source>● Recording: %n sample(s), %1</source>
        <translation>
            <numerusform>● Recording: %n sample, %1</numerusform>
            <numerusform>● Recording: %n samples, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Not recording</source>
        <translation>Not recording</translation>
    </message>
    <message>
        <source>Open recording</source>
        <translation>Open recording</translation>
    </message>
    <message>
        <source>KillScope recordings (*.ksrec);;All files (*)</source>
        <translation>KillScope recordings (*.ksrec);;All files (*)</translation>
    </message>
    <message>
        <source>Replaying a recording ends the live session with %1 (its own recording is kept). Continue?</source>
        <translation>Replaying a recording ends the live session with %1 (its own recording is kept). Continue?</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>KillScope cannot replay this file.

%1</source>
        <translation>KillScope cannot replay this file.

%1</translation>
    </message>
    <message numerus="yes">
        <source>Replaying %1: %2, %n sample(s).</source>
        <translation>
            <numerusform>Replaying %1: %2, %n sample.</numerusform>
            <numerusform>Replaying %1: %2, %n samples.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ks::RecordingSource</name>
    <message>
        <source>This is a recording: its sessions ended long ago, so there is nothing to kill. Connect to the server (File ▸ Connect) to kill a session that exists now.</source>
        <translation>This is a recording: its sessions ended long ago, so there is nothing to kill. Connect to the server (File ▸ Connect) to kill a session that exists now.</translation>
    </message>
</context>
<context>
    <name>ks::RecordingWriter</name>
    <message>
        <source>it is not a regular file</source>
        <translation>it is not a regular file</translation>
    </message>
    <message>
        <source>it is not a KillScope recording</source>
        <translation>it is not a KillScope recording</translation>
    </message>
    <message>
        <source>it is an SQLite database of another program</source>
        <translation>it is an SQLite database of another program</translation>
    </message>
    <message>
        <source>Cannot record to %1: %2</source>
        <translation>Cannot record to %1: %2</translation>
    </message>
    <message>
        <source>the file exists and %1; KillScope does not overwrite it.</source>
        <translation>the file exists and %1; KillScope does not overwrite it.</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>cannot create the folder %1</translation>
    </message>
    <message>
        <source>the schema is missing from the program&apos;s resources</source>
        <translation>the schema is missing from the program&apos;s resources</translation>
    </message>
    <message>
        <source>Recording stopped: %1</source>
        <translation>Recording stopped: %1</translation>
    </message>
    <message>
        <source>Recording stopped: trimming failed: %1</source>
        <translation>Recording stopped: trimming failed: %1</translation>
    </message>
</context>
<context>
    <name>ks::RunNarrator</name>
    <message>
        <source>the server</source>
        <translation>the server</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>thread %1</source>
        <translation>thread %1</translation>
    </message>
    <message>
        <source>at its next check point</source>
        <translation>at its next check point</translation>
    </message>
    <message>
        <source>at the next row of its loop (each row is a check point)</source>
        <translation>at the next row of its loop (each row is a check point)</translation>
    </message>
    <message>
        <source>at once: KILL wakes a row-lock wait</source>
        <translation>at once: KILL wakes a row-lock wait</translation>
    </message>
    <message>
        <source>at once: KILL wakes a metadata-lock wait</source>
        <translation>at once: KILL wakes a metadata-lock wait</translation>
    </message>
    <message>
        <source>at once: KILL wakes a table-lock wait</source>
        <translation>at once: KILL wakes a table-lock wait</translation>
    </message>
    <message>
        <source>at once: KILL wakes SLEEP()</source>
        <translation>at once: KILL wakes SLEEP()</translation>
    </message>
    <message>
        <source>when it wakes from a sleep in the InnoDB queue and looks at the flag</source>
        <translation>when it wakes from a sleep in the InnoDB queue and looks at the flag</translation>
    </message>
    <message>
        <source>only when its I/O call returns (there is no check point inside it)</source>
        <translation>only when its I/O call returns (there is no check point inside it)</translation>
    </message>
    <message>
        <source>when its blocked network write fails</source>
        <translation>when its blocked network write fails</translation>
    </message>
    <message>
        <source>while it waits for its next command</source>
        <translation>while it waits for its next command</translation>
    </message>
    <message>
        <source>while it logs in</source>
        <translation>while it logs in</translation>
    </message>
    <message>
        <source>only after its data-dictionary work</source>
        <translation>only after its data-dictionary work</translation>
    </message>
    <message>
        <source>You send %1 at %2</source>
        <translation>You send %1 at %2</translation>
    </message>
    <message>
        <source>%1 comes at %2</source>
        <translation>%1 comes at %2</translation>
    </message>
    <message>
        <source>%1: the server answers ERROR %2, and nothing happens to %3.</source>
        <translation>%1: the server answers ERROR %2, and nothing happens to %3.</translation>
    </message>
    <message>
        <source>%1. The KILL returns Query OK, but %2 is between statements, and MySQL ignores a KILL QUERY there: nothing changes.</source>
        <translation>%1. The KILL returns Query OK, but %2 is between statements, and MySQL ignores a KILL QUERY there: nothing changes.</translation>
    </message>
    <message>
        <source>%1. The KILL returns Query OK, but %2 is already being killed: this one changes nothing.</source>
        <translation>%1. The KILL returns Query OK, but %2 is already being killed: this one changes nothing.</translation>
    </message>
    <message>
        <source>%1. %2 is idle: MariaDB keeps the flag, so the processlist shows Killed until its next command clears it; that command runs normally.</source>
        <translation>%1. %2 is idle: MariaDB keeps the flag, so the processlist shows Killed until its next command clears it; that command runs normally.</translation>
    </message>
    <message>
        <source>%1. It only sets the kill flag of %2; the KILL returns Query OK at once, and %2 goes on until it looks at the flag.</source>
        <translation>%1. It only sets the kill flag of %2; the KILL returns Query OK at once, and %2 goes on until it looks at the flag.</translation>
    </message>
    <message>
        <source>%1. It sets the kill flag of %2 and shuts its socket; the KILL returns Query OK at once.</source>
        <translation>%1. It sets the kill flag of %2 and shuts its socket; the KILL returns Query OK at once.</translation>
    </message>
    <message>
        <source>%1 had already passed its last check point: the statement completes anyway, and the kill comes too late to matter.</source>
        <translation>%1 had already passed its last check point: the statement completes anyway, and the kill comes too late to matter.</translation>
    </message>
    <message>
        <source>At %1 SLEEP() is woken and simply returns 1: on MySQL an interrupted SLEEP() alone is no error.</source>
        <translation>At %1 SLEEP() is woken and simply returns 1: on MySQL an interrupted SLEEP() alone is no error.</translation>
    </message>
    <message>
        <source>%1 notices the flag in the same instant, %2.</source>
        <translation>%1 notices the flag in the same instant, %2.</translation>
    </message>
    <message>
        <source>%1 notices the flag at %2, %3 after the KILL, %4.</source>
        <translation>%1 notices the flag at %2, %3 after the KILL, %4.</translation>
    </message>
    <message>
        <source> MySQL 5.7 never looks at the flag while a thread waits in the InnoDB queue.</source>
        <translation> MySQL 5.7 never looks at the flag while a thread waits in the InnoDB queue.</translation>
    </message>
    <message>
        <source>By the end of the run (%1) %2 has still not noticed the flag.%3</source>
        <translation>By the end of the run (%1) %2 has still not noticed the flag.%3</translation>
    </message>
    <message>
        <source>its whole transaction</source>
        <translation>its whole transaction</translation>
    </message>
    <message>
        <source>its statement</source>
        <translation>its statement</translation>
    </message>
    <message>
        <source>Now %1 must undo %2 rows of %3: the rollback runs from %4 to %5 (%6) and cannot be interrupted.</source>
        <translation>Now %1 must undo %2 rows of %3: the rollback runs from %4 to %5 (%6) and cannot be interrupted.</translation>
    </message>
    <message>
        <source>Now %1 must undo %2 rows of %3, from %4 on; it is still rolling back when the run ends (%5). A rollback cannot be interrupted.</source>
        <translation>Now %1 must undo %2 rows of %3, from %4 on; it is still rolling back when the run ends (%5). A rollback cannot be interrupted.</translation>
    </message>
    <message>
        <source>The client of %1 shows ERROR 2013 (lost connection) at %2, while the server thread goes on until %3.</source>
        <translation>The client of %1 shows ERROR 2013 (lost connection) at %2, while the server thread goes on until %3.</translation>
    </message>
    <message>
        <source>The client of %1 shows ERROR 2013 (lost connection) at %2, while the server thread is still at work when the run ends.</source>
        <translation>The client of %1 shows ERROR 2013 (lost connection) at %2, while the server thread is still at work when the run ends.</translation>
    </message>
    <message>
        <source>The client of %1 shows ERROR %2 at %3, %4 after the KILL.</source>
        <translation>The client of %1 shows ERROR %2 at %3, %4 after the KILL.</translation>
    </message>
    <message>
        <source>The client of %1 is not told anything in this run: it would find out only with its next statement.</source>
        <translation>The client of %1 is not told anything in this run: it would find out only with its next statement.</translation>
    </message>
    <message>
        <source>The thread of %1 ends at %2.</source>
        <translation>The thread of %1 ends at %2.</translation>
    </message>
    <message>
        <source>%1 gets the row lock it was waiting for at %2.</source>
        <translation>%1 gets the row lock it was waiting for at %2.</translation>
    </message>
    <message>
        <source>%1 gets the metadata lock it was waiting for at %2.</source>
        <translation>%1 gets the metadata lock it was waiting for at %2.</translation>
    </message>
    <message>
        <source>after the end of the run</source>
        <translation>after the end of the run</translation>
    </message>
    <message>
        <source>the rollback of %1 now ends at %2 (without the change: %3)</source>
        <translation>the rollback of %1 now ends at %2 (without the change: %3)</translation>
    </message>
    <message>
        <source>the kill of %1 is over at %2 (without the change: %3)</source>
        <translation>the kill of %1 is over at %2 (without the change: %3)</translation>
    </message>
    <message>
        <source>the thread of %1 ends at %2 (without the change: %3)</source>
        <translation>the thread of %1 ends at %2 (without the change: %3)</translation>
    </message>
    <message>
        <source>the run now ends at %1 (without the change: %2)</source>
        <translation>the run now ends at %1 (without the change: %2)</translation>
    </message>
    <message>
        <source>From here on the run goes differently.</source>
        <translation>From here on the run goes differently.</translation>
    </message>
    <message>
        <source>From here on the run goes differently: %1.</source>
        <translation>From here on the run goes differently: %1.</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>It changes nothing in the rest of this run: the rollback then reads no pages from disk (they are in the buffer pool), so it is CPU-bound here and disk load does not slow it.</source>
        <translation>It changes nothing in the rest of this run: the rollback then reads no pages from disk (they are in the buffer pool), so it is CPU-bound here and disk load does not slow it.</translation>
    </message>
    <message>
        <source>It changes nothing in the rest of this run: the work then reads no pages from disk, so it is CPU-bound here and disk load does not slow it.</source>
        <translation>It changes nothing in the rest of this run: the work then reads no pages from disk, so it is CPU-bound here and disk load does not slow it.</translation>
    </message>
    <message>
        <source>It changes nothing in the rest of this run: nothing reads from or writes to the disk after that moment.</source>
        <translation>It changes nothing in the rest of this run: nothing reads from or writes to the disk after that moment.</translation>
    </message>
    <message>
        <source>It changes nothing in the rest of this run: no thread waits for an InnoDB seat after that moment, so the number of seats does not matter.</source>
        <translation>It changes nothing in the rest of this run: no thread waits for an InnoDB seat after that moment, so the number of seats does not matter.</translation>
    </message>
    <message>
        <source>It changes nothing in the rest of this run: nothing after that moment depends on it.</source>
        <translation>It changes nothing in the rest of this run: nothing after that moment depends on it.</translation>
    </message>
    <message>
        <source>You change %1 at %2. %3</source>
        <translation>You change %1 at %2. %3</translation>
    </message>
    <message>
        <source>You %1 at %2. %3</source>
        <translation>You %1 at %2. %3</translation>
    </message>
</context>
<context>
    <name>ks::SamplerCostWidget</name>
    <message>
        <source>sampling paused</source>
        <translation>sampling paused</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>every %1 s</translation>
    </message>
    <message>
        <source>Sampler: %1</source>
        <translation>Sampler: %1</translation>
    </message>
    <message>
        <source>Sample %1 ms · %2 rows · CPU %3 ms · %4</source>
        <translation>Sample %1 ms · %2 rows · CPU %3 ms · %4</translation>
    </message>
    <message>
        <source>Last sample: %1 queries, round trip %2 ms, %3 rows read.
Client CPU: %4 ms on the sampler thread (query and parse), %5 ms on the GUI thread (diff into the timeline).</source>
        <translation>Last sample: %1 queries, round trip %2 ms, %3 rows read.
Client CPU: %4 ms on the sampler thread (query and parse), %5 ms on the GUI thread (diff into the timeline).</translation>
    </message>
</context>
<context>
    <name>ks::ScenarioFile</name>
    <message>
        <source>unknown scenario id &quot;%1&quot; (built-in: %2)</source>
        <translation>unknown scenario id &quot;%1&quot; (built-in: %2)</translation>
    </message>
    <message>
        <source>no scenario file given</source>
        <translation>no scenario file given</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: cannot open: %2</translation>
    </message>
    <message>
        <source>%1: is %2, not a scenario file (only regular files are read)</source>
        <translation>%1: is %2, not a scenario file (only regular files are read)</translation>
    </message>
    <message>
        <source>%1: %2 bytes is more than the %3 bytes (16 MiB) a scenario may have</source>
        <translation>%1: %2 bytes is more than the %3 bytes (16 MiB) a scenario may have</translation>
    </message>
</context>
<context>
    <name>ks::ScenarioPath</name>
    <message>
        <source>Why does KILL end a row-lock wait at once?</source>
        <translation>Why does KILL end a row-lock wait at once?</translation>
    </message>
    <message>
        <source>Why does KILL not free a thread that waits for an InnoDB seat?</source>
        <translation>Why does KILL not free a thread that waits for an InnoDB seat?</translation>
    </message>
    <message>
        <source>Why is a killed UPDATE still in the processlist for seconds?</source>
        <translation>Why is a killed UPDATE still in the processlist for seconds?</translation>
    </message>
    <message>
        <source>What does Ctrl+C in the mysql client really send?</source>
        <translation>What does Ctrl+C in the mysql client really send?</translation>
    </message>
    <message>
        <source>KILL QUERY instead: why does the error only come after the rollback?</source>
        <translation>KILL QUERY instead: why does the error only come after the rollback?</translation>
    </message>
    <message>
        <source>Does KILL QUERY inside a transaction release its locks?</source>
        <translation>Does KILL QUERY inside a transaction release its locks?</translation>
    </message>
    <message>
        <source>What happens when an idle open transaction is killed?</source>
        <translation>What happens when an idle open transaction is killed?</translation>
    </message>
    <message>
        <source>A killed transaction is rolling back: restart the server or wait?</source>
        <translation>A killed transaction is rolling back: restart the server or wait?</translation>
    </message>
    <message>
        <source>Why can a rollback take longer than the change?</source>
        <translation>Why can a rollback take longer than the change?</translation>
    </message>
    <message>
        <source>How can a client that stops reading make a kill wait?</source>
        <translation>How can a client that stops reading make a kill wait?</translation>
    </message>
    <message>
        <source>What does a killed big sort still have to clean up?</source>
        <translation>What does a killed big sort still have to clean up?</translation>
    </message>
    <message>
        <source>What does KILL do to a running ALTER TABLE?</source>
        <translation>What does KILL do to a running ALTER TABLE?</translation>
    </message>
    <message>
        <source>Can a killed statement still commit?</source>
        <translation>Can a killed statement still commit?</translation>
    </message>
    <message>
        <source>How does a statement timeout kill a query?</source>
        <translation>How does a statement timeout kill a query?</translation>
    </message>
    <message>
        <source>Who may kill whom, and which errors does KILL give?</source>
        <translation>Who may kill whom, and which errors does KILL give?</translation>
    </message>
    <message>
        <source>Is KILL CONNECTION just a disconnect that then runs the KILL QUERY path?</source>
        <translation>Is KILL CONNECTION just a disconnect that then runs the KILL QUERY path?</translation>
    </message>
    <message>
        <source>No. The socket is closed at once, so the client sees ERROR 2013 while the server thread is still working: it notices the flag at its next row, rolls the statement back and then the rest of the transaction, shown as Killed all the while.</source>
        <translation>No. The socket is closed at once, so the client sees ERROR 2013 while the server thread is still working: it notices the flag at its next row, rolls the statement back and then the rest of the transaction, shown as Killed all the while.</translation>
    </message>
    <message>
        <source>With innodb_thread_concurrency=2 and both seats taken, how can a third session still run KILL and SHOW PROCESSLIST?</source>
        <translation>With innodb_thread_concurrency=2 and both seats taken, how can a third session still run KILL and SHOW PROCESSLIST?</translation>
    </message>
    <message>
        <source>Because they never enter InnoDB. The seats only count threads that read or write InnoDB rows; KILL and SHOW PROCESSLIST are server-layer work, so D&apos;s KILL returns &quot;Query OK&quot; at once while A and B hold both seats.</source>
        <translation>Because they never enter InnoDB. The seats only count threads that read or write InnoDB rows; KILL and SHOW PROCESSLIST are server-layer work, so D&apos;s KILL returns &quot;Query OK&quot; at once while A and B hold both seats.</translation>
    </message>
    <message>
        <source>I tried it and KILL QUERY did work on the queued thread.</source>
        <translation>I tried it and KILL QUERY did work on the queued thread.</translation>
    </message>
    <message>
        <source>You tried a newer server. MySQL 8.0 checks the kill flag after every sleep in the queue, so the waiter gives up within one sleep; MySQL 5.7 only looks once it has a seat. Switch the flavor to 5.7 to see it hang.</source>
        <translation>You tried a newer server. MySQL 8.0 checks the kill flag after every sleep in the queue, so the waiter gives up within one sleep; MySQL 5.7 only looks once it has a seat. Switch the flavor to 5.7 to see it hang.</translation>
    </message>
    <message>
        <source>Should I restart the server or wait for a rollback?</source>
        <translation>Should I restart the server or wait for a rollback?</translation>
    </message>
    <message>
        <source>Wait. A restart drops every connection and adds the crash recovery, and the rollback goes on in the background from where it was: no processlist row, nothing to KILL, and its rows stay locked until it has undone them.</source>
        <translation>Wait. A restart drops every connection and adds the crash recovery, and the rollback goes on in the background from where it was: no processlist row, nothing to KILL, and its rows stay locked until it has undone them.</translation>
    </message>
    <message>
        <source>What does KILL do to a running ALTER / CREATE INDEX?</source>
        <translation>What does KILL do to a running ALTER / CREATE INDEX?</translation>
    </message>
    <message>
        <source>The copy (or the index build) checks the flag at every row, so it stops quickly, drops what it built and leaves the table as it was. Only a kill that arrives in the final data-dictionary commit comes too late: the DDL stays done.</source>
        <translation>The copy (or the index build) checks the flag at every row, so it stops quickly, drops what it built and leaves the table as it was. Only a kill that arrives in the final data-dictionary commit comes too late: the DDL stays done.</translation>
    </message>
    <message>
        <source>Does a killed long transaction roll back what it changed?</source>
        <translation>Does a killed long transaction roll back what it changed?</translation>
    </message>
    <message>
        <source>Yes, all of it. KILL CONNECTION rolls the whole open transaction back when the connection ends, row by row and about as long as the changes took, and its locks stay until the last row is undone. KILL QUERY undoes only the running statement.</source>
        <translation>Yes, all of it. KILL CONNECTION rolls the whole open transaction back when the connection ends, row by row and about as long as the changes took, and its locks stay until the last row is undone. KILL QUERY undoes only the running statement.</translation>
    </message>
    <message>
        <source>Why did my Ctrl+C not show a KILL QUERY in the general log?</source>
        <translation>Why did my Ctrl+C not show a KILL QUERY in the general log?</translation>
    </message>
    <message>
        <source>Because the client does not send it on your connection: it opens a second connection and sends KILL QUERY there. Look for it under that second connection&apos;s thread id.</source>
        <translation>Because the client does not send it on your connection: it opens a second connection and sends KILL QUERY there. Look for it under that second connection&apos;s thread id.</translation>
    </message>
</context>
<context>
    <name>ks::SessionDetailsPanel</name>
    <message>
        <source>Select a session (a lane or a row) to read its full statement, its transaction, its locks and its kills.</source>
        <translation>Select a session (a lane or a row) to read its full statement, its transaction, its locks and its kills.</translation>
    </message>
    <message>
        <source>Session %1 — %2@%3</source>
        <translation>Session %1 — %2@%3</translation>
    </message>
    <message>
        <source>(database %1)</source>
        <translation>(database %1)</translation>
    </message>
    <message>
        <source>This session has ended; shown as last seen.</source>
        <translation>This session has ended; shown as last seen.</translation>
    </message>
    <message>
        <source>No statement is running.</source>
        <translation>No statement is running.</translation>
    </message>
    <message>
        <source>%1 for %2 · state %3</source>
        <translation>%1 for %2 · state %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Progress: %1 %</source>
        <translation>Progress: %1 %</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>No InnoDB transaction.</source>
        <translation>No InnoDB transaction.</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>State: %1</translation>
    </message>
    <message>
        <source>Started %1 (%2 ago)</source>
        <translation>Started %1 (%2 ago)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Rows locked: %1</source>
        <translation>Rows locked: %1</translation>
    </message>
    <message>
        <source>Rows modified: %1</source>
        <translation>Rows modified: %1</translation>
    </message>
    <message>
        <source>Operation: %1</source>
        <translation>Operation: %1</translation>
    </message>
    <message>
        <source>Idle in transaction: nothing runs, yet its locks and undo stay until it commits or rolls back. KILL QUERY does not end it; KILL CONNECTION rolls it back.</source>
        <translation>Idle in transaction: nothing runs, yet its locks and undo stay until it commits or rolls back. KILL QUERY does not end it; KILL CONNECTION rolls it back.</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Locks</translation>
    </message>
    <message>
        <source>%1 (%2@%3): %4</source>
        <translation>%1 (%2@%3): %4</translation>
    </message>
    <message>
        <source>Waits for a lock held by %1</source>
        <translation>Waits for a lock held by %1</translation>
    </message>
    <message>
        <source>Waits for no lock.</source>
        <translation>Waits for no lock.</translation>
    </message>
    <message>
        <source>Nobody waits for it.</source>
        <translation>Nobody waits for it.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) wait for its locks:</source>
        <translation>
            <numerusform>%n session waits for its locks:</numerusform>
            <numerusform>%n sessions wait for its locks:</numerusform>
        </translation>
    </message>
    <message>
        <source>Kills</source>
        <translation>Kills</translation>
    </message>
    <message>
        <source>%1 at %2 — %3</source>
        <translation>%1 at %2 — %3</translation>
    </message>
    <message>
        <source>KillScope has sent it no kill.</source>
        <translation>KillScope has sent it no kill.</translation>
    </message>
</context>
<context>
    <name>ks::SwimlaneRenderer</name>
    <message>
        <source>↺ undo %1 rows</source>
        <translation>↺ undo %1 rows</translation>
    </message>
    <message>
        <source>↳ client</source>
        <translation>↳ client</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
</context>
<context>
    <name>ks::SwimlaneView</name>
    <message>
        <source>session %1 (%2)</source>
        <translation>session %1 (%2)</translation>
    </message>
    <message>
        <source>%1 → %2, lasted %3</source>
        <translation>%1 → %2, lasted %3</translation>
    </message>
    <message>
        <source>Rows still to undo here: %1 of %2</source>
        <translation>Rows still to undo here: %1 of %2</translation>
    </message>
    <message>
        <source>Checks the kill flag every %1</source>
        <translation>Checks the kill flag every %1</translation>
    </message>
    <message>
        <source>The processlist shows this thread as Killed.</source>
        <translation>The processlist shows this thread as Killed.</translation>
    </message>
</context>
<context>
    <name>ks::Theme</name>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Row-lock wait</source>
        <translation>Row-lock wait</translation>
    </message>
    <message>
        <source>Metadata-lock wait</source>
        <translation>Metadata-lock wait</translation>
    </message>
    <message>
        <source>Table-lock wait</source>
        <translation>Table-lock wait</translation>
    </message>
    <message>
        <source>InnoDB queue sleep</source>
        <translation>InnoDB queue sleep</translation>
    </message>
    <message>
        <source>I/O wait</source>
        <translation>I/O wait</translation>
    </message>
    <message>
        <source>Sending to client</source>
        <translation>Sending to client</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation>Rolling back</translation>
    </message>
    <message>
        <source>Cleanup</source>
        <translation>Cleanup</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation>Gone</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>Client waiting</source>
        <translation>Client waiting</translation>
    </message>
    <message>
        <source>Client prompt</source>
        <translation>Client prompt</translation>
    </message>
    <message>
        <source>Client shows error</source>
        <translation>Client shows error</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <source>Executing the statement. Row loops pass a kill check point at every row.</source>
        <translation>Executing the statement. Row loops pass a kill check point at every row.</translation>
    </message>
    <message>
        <source>Waiting for an InnoDB row lock held by another transaction. The wait is wakeable: a kill is noticed at once.</source>
        <translation>Waiting for an InnoDB row lock held by another transaction. The wait is wakeable: a kill is noticed at once.</translation>
    </message>
    <message>
        <source>Waiting for a metadata lock (DDL or LOCK TABLES). The wait is wakeable: a kill is noticed at once.</source>
        <translation>Waiting for a metadata lock (DDL or LOCK TABLES). The wait is wakeable: a kill is noticed at once.</translation>
    </message>
    <message>
        <source>Waiting for a table lock. The wait is wakeable: a kill is noticed at once.</source>
        <translation>Waiting for a table lock. The wait is wakeable: a kill is noticed at once.</translation>
    </message>
    <message>
        <source>Waiting for an InnoDB seat (innodb_thread_concurrency). In MySQL 5.7 this sleep never checks the kill flag.</source>
        <translation>Waiting for an InnoDB seat (innodb_thread_concurrency). In MySQL 5.7 this sleep never checks the kill flag.</translation>
    </message>
    <message>
        <source>Inside an I/O call. The kill flag is only looked at when the call returns.</source>
        <translation>Inside an I/O call. The kill flag is only looked at when the call returns.</translation>
    </message>
    <message>
        <source>Blocked writing a result to a client that does not read. The kill is noticed only when the write returns or net_write_timeout expires.</source>
        <translation>Blocked writing a result to a client that does not read. The kill is noticed only when the write returns or net_write_timeout expires.</translation>
    </message>
    <message>
        <source>Connected, no statement running (Sleep). KILL QUERY here changes nothing.</source>
        <translation>Connected, no statement running (Sleep). KILL QUERY here changes nothing.</translation>
    </message>
    <message>
        <source>Undoing the rows the statement or transaction changed. Rollback cannot be interrupted; the processlist shows Killed meanwhile.</source>
        <translation>Undoing the rows the statement or transaction changed. Rollback cannot be interrupted; the processlist shows Killed meanwhile.</translation>
    </message>
    <message>
        <source>Finishing after the kill: deleting temporary files, cleaning DDL leftovers.</source>
        <translation>Finishing after the kill: deleting temporary files, cleaning DDL leftovers.</translation>
    </message>
    <message>
        <source>The thread has left the processlist.</source>
        <translation>The thread has left the processlist.</translation>
    </message>
    <message>
        <source>Connecting: handshake and authentication.</source>
        <translation>Connecting: handshake and authentication.</translation>
    </message>
    <message>
        <source>The client sent a statement and waits for the result.</source>
        <translation>The client sent a statement and waits for the result.</translation>
    </message>
    <message>
        <source>The client is at its prompt.</source>
        <translation>The client is at its prompt.</translation>
    </message>
    <message>
        <source>The client shows an error.</source>
        <translation>The client shows an error.</translation>
    </message>
    <message>
        <source>The client&apos;s connection is closed.</source>
        <translation>The client&apos;s connection is closed.</translation>
    </message>
    <message>
        <source>Kill flag set, not yet noticed</source>
        <translation>Kill flag set, not yet noticed</translation>
    </message>
    <message>
        <source>KILL has set the victim&apos;s kill flag, but the thread has not reached a check point yet, so it keeps doing what it was doing.</source>
        <translation>KILL has set the victim&apos;s kill flag, but the thread has not reached a check point yet, so it keeps doing what it was doing.</translation>
    </message>
    <message>
        <source>KILL QUERY</source>
        <translation>KILL QUERY</translation>
    </message>
    <message>
        <source>KILL CONNECTION</source>
        <translation>KILL CONNECTION</translation>
    </message>
    <message>
        <source>Ctrl+C</source>
        <translation>Ctrl+C</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>Client disconnect</source>
        <translation>Client disconnect</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>waiting for the answer</source>
        <translation>waiting for the answer</translation>
    </message>
    <message>
        <source>Query OK: the flag is set</source>
        <translation>Query OK: the flag is set</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>no such thread</source>
        <translation>no such thread</translation>
    </message>
    <message>
        <source>Kill flag noticed</source>
        <translation>Kill flag noticed</translation>
    </message>
    <message>
        <source>Error shown</source>
        <translation>Error shown</translation>
    </message>
    <message>
        <source>Check point</source>
        <translation>Check point</translation>
    </message>
    <message>
        <source>Thread gone</source>
        <translation>Thread gone</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Server-wide change</source>
        <translation>Server-wide change</translation>
    </message>
</context>
<context>
    <name>ks::TimeFormat</name>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>µs</source>
        <translation>µs</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
</context>
<context>
    <name>ks::WhatIfKnobs</name>
    <message>
        <source>InnoDB seats</source>
        <translation>InnoDB seats</translation>
    </message>
    <message>
        <source>I/O pressure</source>
        <translation>I/O pressure</translation>
    </message>
    <message>
        <source>SET GLOBAL %1 = %2</source>
        <translation>SET GLOBAL %1 = %2</translation>
    </message>
    <message>
        <source>I/O pressure %1 (competing disk load, not a server variable)</source>
        <translation>I/O pressure %1 (competing disk load, not a server variable)</translation>
    </message>
    <message>
        <source>%1 = %2 (not a server variable)</source>
        <translation>%1 = %2 (not a server variable)</translation>
    </message>
    <message>
        <source>%1 takes a value from %2 to %3</source>
        <translation>%1 takes a value from %2 to %3</translation>
    </message>
    <message>
        <source>%1 takes a whole number</source>
        <translation>%1 takes a whole number</translation>
    </message>
    <message>
        <source>%1 does not exist on %2 (MariaDB 10.6 removed it)</source>
        <translation>%1 does not exist on %2 (MariaDB 10.6 removed it)</translation>
    </message>
    <message>
        <source>Server restart</source>
        <translation>Server restart</translation>
    </message>
    <message>
        <source>restart the server (kill -9, crash recovery, start)</source>
        <translation>restart the server (kill -9, crash recovery, start)</translation>
    </message>
    <message>
        <source>%1 takes only the value %2</source>
        <translation>%1 takes only the value %2</translation>
    </message>
</context>
<context>
    <name>ks::WhatIfScript</name>
    <message>
        <source>expected TIME:query|connection[:hard|soft]:SESSION, e.g. 2s:query:A</source>
        <translation>expected TIME:query|connection[:hard|soft]:SESSION, e.g. 2s:query:A</translation>
    </message>
    <message>
        <source>bad time “%1”: %2</source>
        <translation>bad time “%1”: %2</translation>
    </message>
    <message>
        <source>unknown kill “%1”: use query or connection</source>
        <translation>unknown kill “%1”: use query or connection</translation>
    </message>
    <message>
        <source>unknown strength “%1”: use hard or soft</source>
        <translation>unknown strength “%1”: use hard or soft</translation>
    </message>
    <message>
        <source>bad session name “%1”: a scenario&apos;s session name, e.g. A</source>
        <translation>bad session name “%1”: a scenario&apos;s session name, e.g. A</translation>
    </message>
    <message>
        <source>expected TIME:KNOB=VALUE, e.g. 5s:io_pressure=4</source>
        <translation>expected TIME:KNOB=VALUE, e.g. 5s:io_pressure=4</translation>
    </message>
    <message>
        <source>unknown knob “%1”: use %2</source>
        <translation>unknown knob “%1”: use %2</translation>
    </message>
    <message>
        <source>bad value “%1” for %2: expected a number</source>
        <translation>bad value “%1” for %2: expected a number</translation>
    </message>
</context>
</TS>
