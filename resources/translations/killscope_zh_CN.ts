<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommandLine</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示本帮助并退出。</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>显示版本并退出。</translation>
    </message>
    <message>
        <source>User interface language: en or zh_CN (default: the system&apos;s).</source>
        <translation>界面语言：en 或 zh_CN（默认跟随系统）。</translation>
    </message>
    <message>
        <source>Built-in scenario id or scenario file (default: concurrency-queue); it may also be given as the only argument.</source>
        <translation>内置场景 id 或场景文件（默认 concurrency-queue）；也可以作为唯一的参数给出。</translation>
    </message>
    <message>
        <source>Server to simulate: mysql-5.7, mysql-8.0 or mariadb-10.11 (default: the scenario&apos;s).</source>
        <translation>要模拟的服务器：mysql-5.7、mysql-8.0 或 mariadb-10.11（默认取场景自己的）。</translation>
    </message>
    <message>
        <source>Playhead time for the window and for --png: 1.5s, 200ms, 3000us.</source>
        <translation>窗口和 --png 的播放头时间：1.5s、200ms、3000us。</translation>
    </message>
    <message>
        <source>Start the window in presentation mode.</source>
        <translation>以演示模式打开窗口。</translation>
    </message>
    <message>
        <source>Write the swimlanes at --at as a PNG file and exit, without opening a window.</source>
        <translation>把 --at 时刻的泳道写成 PNG 文件后退出，不打开窗口。</translation>
    </message>
    <message>
        <source>Picture size for --png (default 1600x900).</source>
        <translation>--png 的图片尺寸（默认 1600x900）。</translation>
    </message>
    <message>
        <source>Leave the narration caption out of the --png picture.</source>
        <translation>--png 图片中不带解说字幕。</translation>
    </message>
    <message>
        <source>Run without a window and print what happened (with --png: write only the picture).</source>
        <translation>不打开窗口，打印发生的事情（与 --png 同用时只写图片）。</translation>
    </message>
    <message>
        <source>List the built-in scenarios and exit.</source>
        <translation>列出内置场景并退出。</translation>
    </message>
    <message>
        <source>End of the run: 1.5s, 200ms, 3000us (at most 3600s).</source>
        <translation>运行结束时间：1.5s、200ms、3000us（最多 3600s）。</translation>
    </message>
    <message>
        <source>Print every client&apos;s terminal.</source>
        <translation>打印每个客户端的终端输出。</translation>
    </message>
    <message>
        <source>text (default) or json.</source>
        <translation>text（默认）或 json。</translation>
    </message>
    <message>
        <source>Write the run as Chrome Trace Event JSON (Perfetto, chrome://tracing).</source>
        <translation>把这次运行写成 Chrome Trace Event JSON（Perfetto、chrome://tracing）。</translation>
    </message>
    <message>
        <source>Connect to the server on this host (localhost: the unix socket).</source>
        <translation>连接这台主机上的服务器（localhost 表示 unix 套接字）。</translation>
    </message>
    <message>
        <source>TCP port (default 3306).</source>
        <translation>TCP 端口（默认 3306）。</translation>
    </message>
    <message>
        <source>Unix socket file.</source>
        <translation>Unix 套接字文件。</translation>
    </message>
    <message>
        <source>User name (default: your login name).</source>
        <translation>用户名（默认是你的登录名）。</translation>
    </message>
    <message>
        <source>-p alone asks for the password (on the terminal, else in a dialog). A password given here is wiped from the process list at once, but prefer -p.</source>
        <translation>只写 -p 会询问密码（有终端时在终端里问，否则弹出对话框）。这里直接给出的密码会立刻从进程列表中抹掉，但仍建议用 -p。</translation>
    </message>
    <message>
        <source>Default database.</source>
        <translation>默认数据库。</translation>
    </message>
    <message>
        <source>TCP or SOCKET (TCP reaches localhost over 127.0.0.1).</source>
        <translation>TCP 或 SOCKET（TCP 通过 127.0.0.1 连接 localhost）。</translation>
    </message>
    <message>
        <source>How long a connect may take (default 5 seconds).</source>
        <translation>连接最多等待多久（默认 5 秒）。</translation>
    </message>
    <message>
        <source>Read client options only from this file (it must exist).</source>
        <translation>只从这个文件读取客户端选项（文件必须存在）。</translation>
    </message>
    <message>
        <source>Read this file after the global option files and before ~/.my.cnf (it must exist).</source>
        <translation>在全局选项文件之后、~/.my.cnf 之前读取这个文件（文件必须存在）。</translation>
    </message>
    <message>
        <source>Do not read any option file.</source>
        <translation>不读取任何选项文件。</translation>
    </message>
    <message>
        <source>Connect with the [client] settings of the option files (~/.my.cnf) alone.</source>
        <translation>只用选项文件（~/.my.cnf）中 [client] 的设置连接。</translation>
    </message>
    <message>
        <source>Live mode without any kill action.</source>
        <translation>实时模式，不提供任何终止操作。</translation>
    </message>
    <message>
        <source>Window size and position, e.g. 1600x900+0+0.</source>
        <translation>窗口大小和位置，例如 1600x900+0+0。</translation>
    </message>
    <message>
        <source>Qt platform plugin: xcb, wayland, offscreen, ...</source>
        <translation>Qt 平台插件：xcb、wayland、offscreen 等。</translation>
    </message>
    <message>
        <source>Qt widget style (e.g. Fusion).</source>
        <translation>Qt 控件样式（例如 Fusion）。</translation>
    </message>
    <message>
        <source>X display to use (instead of $DISPLAY).</source>
        <translation>使用的 X 显示（代替 $DISPLAY）。</translation>
    </message>
    <message>
        <source>Right-to-left layout.</source>
        <translation>从右到左布局。</translation>
    </message>
    <message>
        <source>General:</source>
        <translation>通用：</translation>
    </message>
    <message>
        <source>Scenario (window, --headless and --png):</source>
        <translation>场景（窗口、--headless 和 --png）：</translation>
    </message>
    <message>
        <source>Pictures:</source>
        <translation>图片：</translation>
    </message>
    <message>
        <source>Headless (text and JSON):</source>
        <translation>无窗口（文本和 JSON）：</translation>
    </message>
    <message>
        <source>Live mode (the mysql client&apos;s options; option files fill the rest):</source>
        <translation>实时模式（mysql 客户端的选项；其余由选项文件补充）：</translation>
    </message>
    <message>
        <source>Window (Qt&apos;s own options):</source>
        <translation>窗口（Qt 自带的选项）：</translation>
    </message>
    <message>
        <source>%1 does not apply to --headless.</source>
        <translation>%1 不能与 --headless 一起使用。</translation>
    </message>
    <message>
        <source>%1 does not apply to --png.</source>
        <translation>%1 不能与 --png 一起使用。</translation>
    </message>
    <message>
        <source>%1 needs --headless.</source>
        <translation>%1 需要 --headless。</translation>
    </message>
    <message>
        <source>%1 needs --png.</source>
        <translation>%1 需要 --png。</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; (only one scenario).</source>
        <translation>多余的参数“%1”（只能给一个场景）。</translation>
    </message>
    <message>
        <source>the scenario is given twice: --scenario %1 and %2.</source>
        <translation>场景给了两次：--scenario %1 和 %2。</translation>
    </message>
    <message>
        <source>--flavor %1: use mysql-5.7, mysql-8.0 or mariadb-10.11</source>
        <translation>--flavor %1：请用 mysql-5.7、mysql-8.0 或 mariadb-10.11</translation>
    </message>
    <message>
        <source>--until %1: must be between 1us and 3600s</source>
        <translation>--until %1：必须在 1us 到 3600s 之间</translation>
    </message>
    <message>
        <source>--size %1: expected WxH from 200x150 to 16384x16384, e.g. 1600x900</source>
        <translation>--size %1：应为 宽x高，从 200x150 到 16384x16384，例如 1600x900</translation>
    </message>
    <message>
        <source>--format %1: use text or json</source>
        <translation>--format %1：请用 text 或 json</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 需要一个值。</translation>
    </message>
    <message>
        <source>--headless needs --scenario ID|FILE (or --list-scenarios)</source>
        <translation>--headless 需要 --scenario ID|文件（或 --list-scenarios）</translation>
    </message>
    <message>
        <source>--port %1: not a port number (0 to 65535)</source>
        <translation>--port %1：不是端口号（0 到 65535）</translation>
    </message>
    <message>
        <source>--protocol %1: use TCP or SOCKET</source>
        <translation>--protocol %1：请用 TCP 或 SOCKET</translation>
    </message>
    <message>
        <source>--connect-timeout %1: whole seconds from 1 to 3600, or a time such as 10s</source>
        <translation>--connect-timeout %1：应为 1 到 3600 的整秒数，或 10s 这样的时间</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos; for the list of options.</source>
        <translation>运行“%1 --help”查看所有选项。</translation>
    </message>
    <message>
        <source>Usage: %1 [options] [scenario]</source>
        <translation>用法：%1 [选项] [场景]</translation>
    </message>
    <message>
        <source>KillScope shows what KILL QUERY and KILL CONNECTION really do on MySQL and MariaDB.</source>
        <translation>KillScope 展示 KILL QUERY 和 KILL CONNECTION 在 MySQL 和 MariaDB 上实际做了什么。</translation>
    </message>
    <message>
        <source>Warning: a password on the command line can be insecure; it has been wiped from the process list, but prefer -p, which asks for it.</source>
        <translation>警告：在命令行上给出密码可能不安全；它已从进程列表中抹掉，但仍建议用 -p 来询问密码。</translation>
    </message>
    <message>
        <source>Enter password: </source>
        <translation>输入密码：</translation>
    </message>
    <message>
        <source>DISABLED, PREFERRED (the default), REQUIRED (no CA needed), VERIFY_CA or VERIFY_IDENTITY (the certificate must name the host). --ssl-ca alone means VERIFY_CA, as for the mysql client.</source>
        <translation>DISABLED、PREFERRED（默认）、REQUIRED（不需要 CA）、VERIFY_CA 或 VERIFY_IDENTITY（证书必须写明所连接的主机）。只给 --ssl-ca 时等于 VERIFY_CA，与 mysql 客户端相同。</translation>
    </message>
    <message>
        <source>CA certificate(s) the server&apos;s certificate must lead to.</source>
        <translation>服务器证书必须能追溯到的 CA 证书。</translation>
    </message>
    <message>
        <source>Directory of CA certificates (hashed names, c_rehash).</source>
        <translation>CA 证书目录（哈希文件名，见 c_rehash）。</translation>
    </message>
    <message>
        <source>Client certificate, for accounts that REQUIRE X509.</source>
        <translation>客户端证书，用于要求 REQUIRE X509 的账号。</translation>
    </message>
    <message>
        <source>The client certificate&apos;s private key.</source>
        <translation>客户端证书的私钥。</translation>
    </message>
    <message>
        <source>TLS ciphers to allow (OpenSSL&apos;s cipher list syntax).</source>
        <translation>允许的 TLS 加密套件（OpenSSL 的套件列表语法）。</translation>
    </message>
    <message>
        <source>MariaDB&apos;s spelling of --ssl-mode=REQUIRED.</source>
        <translation>MariaDB 对 --ssl-mode=REQUIRED 的写法。</translation>
    </message>
    <message>
        <source>MariaDB&apos;s spelling of --ssl-mode=DISABLED.</source>
        <translation>MariaDB 对 --ssl-mode=DISABLED 的写法。</translation>
    </message>
    <message>
        <source>MariaDB&apos;s spelling of --ssl-mode=VERIFY_IDENTITY.</source>
        <translation>MariaDB 对 --ssl-mode=VERIFY_IDENTITY 的写法。</translation>
    </message>
    <message>
        <source>TLS (as the mysql client; also in the option files):</source>
        <translation>TLS（与 mysql 客户端相同；也可写在选项文件中）：</translation>
    </message>
    <message>
        <source>--ssl-mode %1: use DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY</source>
        <translation>--ssl-mode %1：请用 DISABLED、PREFERRED、REQUIRED、VERIFY_CA 或 VERIFY_IDENTITY</translation>
    </message>
    <message>
        <source>--ssl and --skip-ssl contradict each other.</source>
        <translation>--ssl 与 --skip-ssl 互相矛盾。</translation>
    </message>
    <message>
        <source>--processlist-at %1: must be between 0s and 3600s (no run lasts longer)</source>
        <translation>--processlist-at %1：必须在 0s 到 3600s 之间（没有哪次运行更长）</translation>
    </message>
    <message>
        <source>Run --scenario on the server given by the connection options next to its simulation, list the differences and exit: 0 none undeclared, 1 some, 3 refused, 4 failed.</source>
        <translation>在连接选项指定的服务器上运行 --scenario，同时运行它的模拟，列出差异后退出：0 没有未声明的差异，1 有，3 被拒绝，4 失败。</translation>
    </message>
    <message>
        <source>Write the comparison to FILE.json or FILE.md.</source>
        <translation>把对比结果写入 FILE.json 或 FILE.md。</translation>
    </message>
    <message>
        <source>Run although the server has other databases or client sessions.</source>
        <translation>即使服务器上有其他数据库或客户端会话也照样运行。</translation>
    </message>
    <message>
        <source>Write the scenario with this server&apos;s measured costs to this file.</source>
        <translation>把带有这台服务器实测开销的场景写入这个文件。</translation>
    </message>
    <message>
        <source>Table sizes and times × this, above 0 and at most 1 (default: the scenario&apos;s lab scale).</source>
        <translation>表的大小和时间都乘以这个系数，大于 0 且不超过 1（默认：场景声明的实验比例）。</translation>
    </message>
    <message>
        <source>The command-line client to run (default: mariadb for MariaDB, mysql for MySQL).</source>
        <translation>要运行的命令行客户端（默认：MariaDB 用 mariadb，MySQL 用 mysql）。</translation>
    </message>
    <message>
        <source>The database lab mode creates and drops (default killscope_lab).</source>
        <translation>实验模式创建并删除的数据库（默认 killscope_lab）。</translation>
    </message>
    <message>
        <source>Calibration runs per statement, 2 to 20 (default 3).</source>
        <translation>每条语句的校准次数，2 到 20（默认 3）。</translation>
    </message>
    <message>
        <source>Lab mode (with the live mode&apos;s connection options):</source>
        <translation>实验模式（使用实时模式的连接选项）：</translation>
    </message>
    <message>
        <source>%1 does not apply to --lab.</source>
        <translation>%1 不适用于 --lab。</translation>
    </message>
    <message>
        <source>%1 needs --lab.</source>
        <translation>%1 需要 --lab。</translation>
    </message>
    <message>
        <source>--lab needs --scenario ID|FILE</source>
        <translation>--lab 需要 --scenario ID|文件</translation>
    </message>
    <message>
        <source>--lab-report %1: the file must end in .json or .md</source>
        <translation>--lab-report %1：文件名必须以 .json 或 .md 结尾</translation>
    </message>
    <message>
        <source>--lab-scale %1: use a number above 0 and at most 1</source>
        <translation>--lab-scale %1：请用大于 0 且不超过 1 的数</translation>
    </message>
    <message>
        <source>--lab-repeats %1: use 2 to 20 (the tolerance needs two runs)</source>
        <translation>--lab-repeats %1：请用 2 到 20（容差至少需要两次运行）</translation>
    </message>
    <message>
        <source>--lab-database %1: use letters, digits and _ only</source>
        <translation>--lab-database %1：只能用字母、数字和 _</translation>
    </message>
    <message>
        <source>With --headless: print one live sample of the processlist and exit.</source>
        <translation>与 --headless 同用：打印一次实时采样的进程列表后退出。</translation>
    </message>
    <message>
        <source>With --headless: KILL QUERY the session that has this id now, after proving it is still that session.</source>
        <translation>与 --headless 同用：对当前使用这个 id 的会话执行 KILL QUERY，发送前先核实它仍是那个会话。</translation>
    </message>
    <message>
        <source>With --headless: KILL CONNECTION the session that has this id now, after proving it is still that session.</source>
        <translation>与 --headless 同用：对当前使用这个 id 的会话执行 KILL CONNECTION，发送前先核实它仍是那个会话。</translation>
    </message>
    <message>
        <source>Follow the kill to its end, printing each phase: accepted, flag seen, rolling back, done or gone.</source>
        <translation>一直跟踪这次终止直到结束，并打印每个阶段：已接受、已发现标志、回滚中、已完成或已消失。</translation>
    </message>
    <message>
        <source>Live commands for scripts (with --headless; exit 0 accepted, or with --wait took effect; 3 refused by the server; 4 not sent; 5 still there at --timeout; 2 bad usage or no connection):</source>
        <translation>供脚本使用的实时命令（与 --headless 同用；退出码 0 表示已接受，带 --wait 时表示已生效；3 表示被服务器拒绝；4 表示未发送；5 表示到 --timeout 时仍在；2 表示用法错误或无法连接）：</translation>
    </message>
    <message>
        <source>%1 %2: a processlist id is a whole number above 0 (one per run).</source>
        <translation>%1 %2：进程列表 id 必须是大于 0 的整数（每次运行只能给一个）。</translation>
    </message>
    <message>
        <source>--wait follows a kill: use it with --kill-query or --kill-connection.</source>
        <translation>--wait 用于跟踪终止：请与 --kill-query 或 --kill-connection 一起使用。</translation>
    </message>
    <message>
        <source>--timeout %1: must be between 1ms and 24h</source>
        <translation>--timeout %1：必须在 1ms 到 24h 之间</translation>
    </message>
    <message>
        <source>-p asks for the password on a terminal, and there is none; give it in an option file (or with --password).</source>
        <translation>-p 需要在终端里询问密码，而这里没有终端；请在选项文件中给出密码（或用 --password）。</translation>
    </message>
    <message>
        <source>Inject a kill into the simulated run, as a right-click would: TIME:query|connection[:hard|soft]:SESSION, SESSION being the scenario&apos;s session name, e.g. 2s:connection:A (repeatable).</source>
        <translation>像右键菜单那样向模拟运行注入一次 KILL：TIME:query|connection[:hard|soft]:SESSION，SESSION 是场景中的会话名，例如 2s:connection:A（可重复给出）。</translation>
    </message>
    <message>
        <source>Print this run&apos;s narration steps with their times, in --lang (with --kill-at and --set: what the changes did).</source>
        <translation>按 --lang 的语言打印这次运行的解说步骤及其时间（与 --kill-at、--set 同用时还说明这些改动带来了什么）。</translation>
    </message>
    <message>
        <source>Follow the kill for at most this long once connected (default 60s; connecting has --connect-timeout): exit 5 if the victim is still there.</source>
        <translation>连接上之后最多跟踪这次终止这么久（默认 60s；连接本身由 --connect-timeout 限定）：如果对象仍在则以 5 退出。</translation>
    </message>
    <message>
        <source>Change a What-if knob from TIME on, as the knobs panel would: %1, e.g. 5s:io_pressure=4 or 5s:restart=1 (repeatable).</source>
        <translation>像“假如”面板那样从 TIME 起修改一个参数：%1，例如 5s:io_pressure=4 或 5s:restart=1（可重复给出）。</translation>
    </message>
    <message>
        <source>Print SHOW FULL PROCESSLIST at this time (repeatable; of a recording: from its first sample).</source>
        <translation>打印此时刻的 SHOW FULL PROCESSLIST（可重复；对录制文件：从其第一个样本算起）。</translation>
    </message>
    <message>
        <source>Print kills, rollbacks and narration (of a recording: the server, span, samples and kills); the default when nothing else is asked for.</source>
        <translation>打印 KILL、回滚和解说（对录制文件：服务器、时长、样本和 KILL）；未要求其他输出时的默认行为。</translation>
    </message>
    <message>
        <source>Record the live session to this file (SQLite; replaced if it is a recording, never if it is anything else). With --headless: without a window, until --duration or Ctrl+C.</source>
        <translation>把实时会话录制到此文件（SQLite；若已是录制文件则替换，其他文件一律不覆盖）。配合 --headless：不开窗口，直到 --duration 结束或按 Ctrl+C。</translation>
    </message>
    <message>
        <source>How long --headless --record records: 30s, 10m, 8h.</source>
        <translation>--headless --record 录制多长时间：30s、10m、8h。</translation>
    </message>
    <message>
        <source>Sampling interval from 250ms to 30s (default 1s).</source>
        <translation>采样间隔，250ms 到 30s（默认 1s）。</translation>
    </message>
    <message>
        <source>Size cap of the recording, e.g. 200M or 2G (default 512M); the oldest samples are dropped to stay under it.</source>
        <translation>录制文件的大小上限，例如 200M 或 2G（默认 512M）；超过时删除最早的样本。</translation>
    </message>
    <message>
        <source>Open a recording: in the window, for --png (with --at from its first sample), or with --headless to print --processlist-at or --summary.</source>
        <translation>打开录制文件：在窗口中回放，用于 --png（--at 从第一个样本算起），或配合 --headless 打印 --processlist-at 或 --summary。</translation>
    </message>
    <message>
        <source>Recordings (exit 0 recorded or read; 2 bad usage, no connection or a file that is not a readable recording):</source>
        <translation>录制（退出码 0：已录制或已读取；2：用法错误、无法连接或文件不是可读的录制文件）：</translation>
    </message>
    <message>
        <source>%1 does not apply to the live commands (--processlist, --kill-query, --kill-connection, --record).</source>
        <translation>%1 不适用于实时命令（--processlist、--kill-query、--kill-connection、--record）。</translation>
    </message>
    <message>
        <source>%1 does not apply to reading a recording (--headless --recording).</source>
        <translation>%1 不适用于读取录制文件（--headless --recording）。</translation>
    </message>
    <message>
        <source>--duration %1: must be between 1ms and 31 days</source>
        <translation>--duration %1：必须在 1ms 到 31 天之间</translation>
    </message>
    <message>
        <source>--interval %1: must be between 250ms and 30s</source>
        <translation>--interval %1：必须在 250ms 到 30s 之间</translation>
    </message>
    <message>
        <source>--record-max-size %1: a size from 64K to 1T, e.g. 200M or 2G</source>
        <translation>--record-max-size %1：大小须在 64K 到 1T 之间，例如 200M 或 2G</translation>
    </message>
    <message>
        <source>--duration says how long to record: use it with --record.</source>
        <translation>--duration 指定录制时长：请与 --record 一起使用。</translation>
    </message>
    <message>
        <source>--record-max-size needs --record.</source>
        <translation>--record-max-size 需要 --record。</translation>
    </message>
    <message>
        <source>give one of --record (write) and --recording (read).</source>
        <translation>--record（写入）和 --recording（读取）只能给一个。</translation>
    </message>
    <message>
        <source>give one of a scenario and --recording.</source>
        <translation>场景和 --recording 只能给一个。</translation>
    </message>
    <message>
        <source>a recording is replayed without a server: leave out the connection options.</source>
        <translation>回放录制文件不需要服务器：请去掉连接选项。</translation>
    </message>
    <message>
        <source>--record records a live session: give the connection options (or --connect).</source>
        <translation>--record 录制实时会话：请给出连接选项（或 --connect）。</translation>
    </message>
    <message>
        <source>give one of --processlist, --kill-query, --kill-connection and --record.</source>
        <translation>--processlist、--kill-query、--kill-connection 和 --record 只能给一个。</translation>
    </message>
</context>
<context>
    <name>ConnectionOpener</name>
    <message>
        <source>CA certificate is required if ssl-mode is VERIFY_CA or VERIFY_IDENTITY (give --ssl-ca or --ssl-capath).</source>
        <translation>ssl-mode 为 VERIFY_CA 或 VERIFY_IDENTITY 时需要 CA 证书（请给出 --ssl-ca 或 --ssl-capath）。</translation>
    </message>
    <message>
        <source>--ssl-key needs --ssl-cert, the certificate that goes with the key.</source>
        <translation>--ssl-key 需要 --ssl-cert，即与该私钥配对的证书。</translation>
    </message>
    <message>
        <source>%1 %2: no such file</source>
        <translation>%1 %2：没有这个文件</translation>
    </message>
    <message>
        <source>%1 %2: not a readable file</source>
        <translation>%1 %2：不是可读的文件</translation>
    </message>
    <message>
        <source>--ssl-capath %1: not a directory</source>
        <translation>--ssl-capath %1：不是目录</translation>
    </message>
    <message>
        <source>%1: a &apos;;&apos; cannot be passed to the database driver</source>
        <translation>%1：含有“;”的值无法传给数据库驱动</translation>
    </message>
    <message>
        <source>No TLS: everything, the login included, travels in plain text.</source>
        <translation>不使用 TLS：所有内容（包括登录）都以明文传输。</translation>
    </message>
    <message>
        <source>TLS when the server offers it, plain text otherwise. The server&apos;s certificate is not checked, so this only keeps passive listeners out.</source>
        <translation>服务器支持时使用 TLS，否则用明文。不检查服务器证书，因此只能防住被动窃听。</translation>
    </message>
    <message>
        <source>TLS or no connection; the server&apos;s certificate is not checked (no CA needed). A server that offers no TLS is noticed right after the login, which has then already been sent, and the connection is closed.</source>
        <translation>必须使用 TLS，否则不连接；不检查服务器证书（不需要 CA）。如果服务器不提供 TLS，要到登录之后才能发现——此时登录信息已经发出——随后连接会被关闭。</translation>
    </message>
    <message>
        <source>TLS with a server certificate signed by the given CA, checked before the login. The host name in it is not checked. A server that offers no TLS is noticed right after the login and the connection is closed.</source>
        <translation>使用 TLS，服务器证书必须由给定的 CA 签发，并在登录之前检查。不检查证书中的主机名。如果服务器不提供 TLS，要到登录之后才能发现，随后连接会被关闭。</translation>
    </message>
    <message>
        <source>TLS with a server certificate signed by the given CA that names the host connected to; both are checked before the login, and a server without TLS is refused before it too.</source>
        <translation>使用 TLS，服务器证书必须由给定的 CA 签发并写明所连接的主机；这两点都在登录之前检查，不支持 TLS 的服务器也会在登录之前被拒绝。</translation>
    </message>
    <message>
        <source>The QMYSQL driver is not available (Debian package libqt6sql6-mysql).</source>
        <translation>QMYSQL 驱动不可用（Debian 软件包 libqt6sql6-mysql）。</translation>
    </message>
    <message>
        <source>--ssl-mode=%1: the encryption of this connection cannot be checked (the database driver does not hand out its connection), so it is not used.</source>
        <translation>--ssl-mode=%1：无法检查此连接是否加密（数据库驱动不提供它的连接句柄），因此不使用该连接。</translation>
    </message>
    <message>
        <source>--ssl-mode=%1: KillScope could not set the client library&apos;s TLS options for this connection, so it is not used.</source>
        <translation>--ssl-mode=%1：KillScope 无法为此连接设置客户端库的 TLS 选项，因此不使用该连接。</translation>
    </message>
    <message>
        <source>--ssl-mode=%1: the connection is not encrypted, because the server (or something between it and KillScope) offered no TLS. The login had already been sent; the connection was closed at once.</source>
        <translation>--ssl-mode=%1：连接没有加密，因为服务器（或它与 KillScope 之间的某个环节）没有提供 TLS。登录信息已经发出；连接已立即关闭。</translation>
    </message>
    <message>
        <source>--ssl-mode=VERIFY_IDENTITY: the server&apos;s host name was not checked on this connection, so it is not used.</source>
        <translation>--ssl-mode=VERIFY_IDENTITY：此连接没有检查服务器的主机名，因此不使用该连接。</translation>
    </message>
</context>
<context>
    <name>ConnectionSettings</name>
    <message>
        <source>%1localhost (socket %2)</source>
        <translation>%1localhost（套接字 %2）</translation>
    </message>
    <message>
        <source>Access to the database was refused (1044).</source>
        <translation>访问该数据库被拒绝（1044）。</translation>
    </message>
    <message>
        <source>Wrong user name or password (1045).</source>
        <translation>用户名或密码错误（1045）。</translation>
    </message>
    <message>
        <source>The default database does not exist (1049).</source>
        <translation>默认数据库不存在（1049）。</translation>
    </message>
    <message>
        <source>The server is shutting down (1053).</source>
        <translation>服务器正在关闭（1053）。</translation>
    </message>
    <message>
        <source>No such thread: it had already ended (1094).</source>
        <translation>没有这个线程：它已经结束了（1094）。</translation>
    </message>
    <message>
        <source>Not allowed: you are not the owner of that thread and lack CONNECTION ADMIN or SUPER (1095).</source>
        <translation>不允许：你不是该线程的所有者，也没有 CONNECTION ADMIN 或 SUPER 权限（1095）。</translation>
    </message>
    <message>
        <source>The account lacks a privilege this needs (%1).</source>
        <translation>该账号缺少所需的权限（%1）。</translation>
    </message>
    <message>
        <source>The server has too many connections (1040).</source>
        <translation>服务器连接数过多（1040）。</translation>
    </message>
    <message>
        <source>The account has too many connections (1203).</source>
        <translation>该账号的连接数过多（1203）。</translation>
    </message>
    <message>
        <source>No server listens on the socket %1 (2002).</source>
        <translation>套接字 %1 上没有服务器在监听（2002）。</translation>
    </message>
    <message>
        <source>Unknown host %1 (2005).</source>
        <translation>未知主机 %1（2005）。</translation>
    </message>
    <message>
        <source>The server has gone away (2006).</source>
        <translation>服务器已断开（2006）。</translation>
    </message>
    <message>
        <source>The connection to the server was lost (2013).</source>
        <translation>与服务器的连接已丢失（2013）。</translation>
    </message>
    <message>
        <source>TLS could not be established (2026).</source>
        <translation>无法建立 TLS 连接（2026）。</translation>
    </message>
    <message>
        <source>This connection was killed (1927).</source>
        <translation>此连接已被终止（1927）。</translation>
    </message>
    <message>
        <source>The server answered with error %1.</source>
        <translation>服务器返回错误 %1。</translation>
    </message>
    <message>
        <source>The database driver failed.</source>
        <translation>数据库驱动出错。</translation>
    </message>
    <message>
        <source>%1 Server says: %2</source>
        <translation>%1 服务器返回：%2</translation>
    </message>
    <message>
        <source>No server answers at %1:%2 — is it running, is the port right, does a firewall block it? (%3)</source>
        <translation>%1:%2 上没有服务器应答——服务器是否在运行？端口是否正确？是否被防火墙拦截？（%3）</translation>
    </message>
    <message>
        <source>The connection to the server was lost: its TLS stream ended (2026).</source>
        <translation>与服务器的连接已丢失：其 TLS 数据流中断了（2026）。</translation>
    </message>
</context>
<context>
    <name>HeadlessLive</name>
    <message>
        <source>interrupted; the audit log records how far the kill had got.</source>
        <translation>已中断；审计日志记录了这次终止进行到了哪一步。</translation>
    </message>
    <message>
        <source>audit log: %1</source>
        <translation>审计日志：%1</translation>
    </message>
    <message>
        <source>%1 for %2 s</source>
        <translation>%1 已 %2 秒</translation>
    </message>
    <message>
        <source>%1 for %2 s: %3</source>
        <translation>%1 已 %2 秒：%3</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>已请求</translation>
    </message>
    <message>
        <source>-- %1, %2, as of %3
</source>
        <translation>-- %1，%2，截至 %3
</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s); KillScope&apos;s own connections (%1) are left out.
</source>
        <translation>
            <numerusform>%n 行；未列出 KillScope 自己的连接（%1）。
</numerusform>
        </translation>
    </message>
    <message>
        <source>sent (identity proven on the server)</source>
        <translation>已发送（已在服务器上核实身份）</translation>
    </message>
    <message>
        <source>refused by the server (error %1): %2</source>
        <translation>被服务器拒绝（错误 %1）：%2</translation>
    </message>
    <message>
        <source>accepted: Query OK in %1 ms (proof: %2)</source>
        <translation>已接受：%1 毫秒后返回 Query OK（依据：%2）</translation>
    </message>
    <message>
        <source>not followed further (add --wait to follow it to its end)
</source>
        <translation>不再继续跟踪（加上 --wait 可跟踪到结束）
</translation>
    </message>
    <message>
        <source>flag seen: %1</source>
        <translation>已发现标志：%1</translation>
    </message>
    <message>
        <source>flag seen</source>
        <translation>已发现标志</translation>
    </message>
    <message>
        <source>rolling back %1 rows</source>
        <translation>正在回滚 %1 行</translation>
    </message>
    <message>
        <source>rolling back</source>
        <translation>正在回滚</translation>
    </message>
    <message>
        <source>at %1 rows/s</source>
        <translation>速度 %1 行/秒</translation>
    </message>
    <message>
        <source>(about %1 s left)</source>
        <translation>（约剩 %1 秒）</translation>
    </message>
    <message>
        <source>done: the statement ended; the session lives on</source>
        <translation>已完成：语句已结束，会话仍然存在</translation>
    </message>
    <message>
        <source>done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <source>gone: the thread left the processlist</source>
        <translation>已消失：线程已离开进程列表</translation>
    </message>
    <message>
        <source>gone: the thread left the processlist. %1</source>
        <translation>已消失：线程已离开进程列表。%1</translation>
    </message>
    <message>
        <source>no connection to the server within %1 s: %2</source>
        <translation>%1 秒内未能连接到服务器：%2</translation>
    </message>
    <message>
        <source>still %1 after %2 s</source>
        <translation>%2 秒后仍处于“%1”</translation>
    </message>
</context>
<context>
    <name>HeadlessRecording</name>
    <message>
        <source>the recording could not be closed within 30 s: %1</source>
        <translation>录制文件未能在 30 秒内关闭：%1</translation>
    </message>
    <message numerus="yes">
        <source>Recorded %n sample(s) of %1 to %2 (%3).
</source>
        <translation>
            <numerusform>已将 %1 的 %n 个样本录制到 %2（%3）。
</numerusform>
        </translation>
    </message>
    <message>
        <source>--processlist-at %1: the recording lasts only %2.</source>
        <translation>--processlist-at %1：该录制只有 %2 长。</translation>
    </message>
    <message>
        <source>%1: the sample at %2 cannot be read: %3</source>
        <translation>%1：%2 处的样本无法读取：%3</translation>
    </message>
    <message>
        <source>-- %1 at %2 (sample %3, %4 into the recording)
</source>
        <translation>-- %1，%2（第 %3 个样本，录制开始后 %4）
</translation>
    </message>
    <message>
        <source>Recording %1 (%2, format %3)
</source>
        <translation>录制文件 %1（%2，格式 %3）
</translation>
    </message>
    <message>
        <source>Server: %1, %2 (%3)
</source>
        <translation>服务器：%1，%2（%3）
</translation>
    </message>
    <message numerus="yes">
        <source>Connected %n time(s) (reconnects after losing the server).
</source>
        <translation>
            <numerusform>共连接 %n 次（与服务器断开后重新连接）。
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From %1 to %2: %3, %n sample(s)</source>
        <translation>
            <numerusform>从 %1 到 %2：%3，%n 个样本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n keyframe(s)), %1 per hour
</source>
        <translation>
            <numerusform>（%n 个关键帧），每小时 %1
</numerusform>
        </translation>
    </message>
    <message>
        <source>The oldest samples were dropped to stay under the size cap of %1.
</source>
        <translation>为不超过 %1 的大小上限，最早的样本已被删除。
</translation>
    </message>
    <message>
        <source>No kills.
</source>
        <translation>没有 KILL。
</translation>
    </message>
    <message numerus="yes">
        <source>%n kill(s):
</source>
        <translation>
            <numerusform>%n 次 KILL：
</numerusform>
        </translation>
    </message>
    <message>
        <source> after %1</source>
        <translation>，用时 %1</translation>
    </message>
    <message>
        <source> (audit: %1)</source>
        <translation>（审计：%1）</translation>
    </message>
</context>
<context>
    <name>IdentityProof</name>
    <message>
        <source>Not sent: %1 — id %2 may now name another session.</source>
        <translation>未发送：%1——编号 %2 现在可能属于另一个会话。</translation>
    </message>
    <message>
        <source>KillScope has no record of the server life this session was seen in</source>
        <translation>KillScope 没有记录到看到该会话时服务器的那一次运行</translation>
    </message>
    <message>
        <source>same server life (running since %1, id counter %2 ≥ %3)</source>
        <translation>服务器的同一次运行（自 %1 起运行，编号计数器 %2 ≥ %3）</translation>
    </message>
    <message>
        <source>id %1 has left the processlist</source>
        <translation>编号 %1 已不在进程列表中</translation>
    </message>
    <message>
        <source>id %1 now belongs to user %2, the session you chose was %3&apos;s</source>
        <translation>编号 %1 现在属于用户 %2，而你选中的会话属于 %3</translation>
    </message>
    <message>
        <source>id %1 now connects from %2, the session you chose from %3</source>
        <translation>编号 %1 现在来自 %2，而你选中的会话来自 %3</translation>
    </message>
    <message>
        <source>same account %1@%2</source>
        <translation>同一账号 %1@%2</translation>
    </message>
    <message>
        <source>id %1 now runs on server thread %2, the session you chose on %3</source>
        <translation>编号 %1 现在运行在服务器线程 %2 上，而你选中的会话运行在 %3 上</translation>
    </message>
    <message>
        <source>same server thread %1</source>
        <translation>同一服务器线程 %1</translation>
    </message>
    <message>
        <source>id %1 is now performance_schema thread %2, the session you chose was %3</source>
        <translation>编号 %1 现在是 performance_schema 线程 %2，而你选中的会话是 %3</translation>
    </message>
    <message>
        <source>same performance_schema thread %1</source>
        <translation>同一 performance_schema 线程 %1</translation>
    </message>
    <message>
        <source>id %1 is at query id %2, before the %3 the session you chose had reached</source>
        <translation>编号 %1 的查询编号为 %2，小于你选中的会话已达到的 %3</translation>
    </message>
    <message>
        <source>query id %1 ≥ %2</source>
        <translation>查询编号 %1 ≥ %2</translation>
    </message>
    <message>
        <source>in its current command since before it was last seen</source>
        <translation>当前命令开始于上次看到它之前</translation>
    </message>
</context>
<context>
    <name>KillPreview</name>
    <message>
        <source>%1 million</source>
        <translation>%1 百万</translation>
    </message>
    <message>
        <source>under a second</source>
        <translation>不到一秒</translation>
    </message>
    <message>
        <source>about %1 s</source>
        <translation>约 %1 秒</translation>
    </message>
    <message>
        <source>about %1 min</source>
        <translation>约 %1 分钟</translation>
    </message>
    <message>
        <source>This session is no longer in the processlist.</source>
        <translation>该会话已不在进程列表中。</translation>
    </message>
    <message>
        <source>The server will most likely answer 1094 (unknown thread).</source>
        <translation>服务器很可能返回 1094（未知线程）。</translation>
    </message>
    <message>
        <source>(database %1)</source>
        <translation>（数据库 %1）</translation>
    </message>
    <message>
        <source>This is one of KillScope&apos;s own connections.</source>
        <translation>这是 KillScope 自己的连接。</translation>
    </message>
    <message>
        <source>KillScope does not kill its own connections.</source>
        <translation>KillScope 不会终止自己的连接。</translation>
    </message>
    <message>
        <source>Idle (Sleep) for %1 s.</source>
        <translation>已空闲（Sleep）%1 秒。</translation>
    </message>
    <message>
        <source>%1 for %2 s: %3</source>
        <translation>%1 已持续 %2 秒：%3</translation>
    </message>
    <message>
        <source>at the rate observed on this server</source>
        <translation>按此服务器上观测到的速度</translation>
    </message>
    <message>
        <source>at a typical in-memory rate</source>
        <translation>按典型的内存内速度</translation>
    </message>
    <message>
        <source>Killed (state query end)</source>
        <translation>Killed（状态 query end）</translation>
    </message>
    <message>
        <source>Killed (state Rollback)</source>
        <translation>Killed（状态 Rollback）</translation>
    </message>
    <message>
        <source>This is a system or daemon thread: the server refuses to kill it by id (error 1094), or only SUPER/CONNECTION ADMIN may.</source>
        <translation>这是系统线程或守护线程：服务器拒绝按 id 终止它（错误 1094），或者只有 SUPER/CONNECTION ADMIN 才可以。</translation>
    </message>
    <message>
        <source>Your account lacks CONNECTION ADMIN and SUPER: the server will refuse to kill another user&apos;s thread (error 1095).</source>
        <translation>你的账号没有 CONNECTION ADMIN 和 SUPER 权限：服务器会拒绝终止其他用户的线程（错误 1095）。</translation>
    </message>
    <message>
        <source>KILL QUERY on an idle session does nothing on MySQL: there is no statement to stop.</source>
        <translation>在 MySQL 上，对空闲会话执行 KILL QUERY 不起任何作用：没有可以终止的语句。</translation>
    </message>
    <message>
        <source>KILL QUERY on an idle session only marks it: it shows Killed until its next statement, which then runs normally.</source>
        <translation>对空闲会话执行 KILL QUERY 只会给它打上标记：在下一条语句之前它显示为 Killed，之后下一条语句照常执行。</translation>
    </message>
    <message>
        <source>The session and its transaction stay as they are.</source>
        <translation>会话及其事务保持原样。</translation>
    </message>
    <message>
        <source>The running statement stops at its next check point and is rolled back; the client gets error 1317 after that rollback and stays connected.</source>
        <translation>正在执行的语句会在下一个检查点停止并回滚；回滚完成后客户端收到错误 1317，连接保持不变。</translation>
    </message>
    <message>
        <source>KILL QUERY leaves this open transaction and its locks in place if it began before this statement (BEGIN …).</source>
        <translation>如果事务在这条语句之前就已开始（BEGIN …），KILL QUERY 不会动这个未提交的事务及其持有的锁。</translation>
    </message>
    <message>
        <source>The connection closes at once: its client gets error 2013 (or 2006 on its next statement), while the server thread still has to finish.</source>
        <translation>连接立即关闭：客户端马上收到错误 2013（空闲时则在下一条语句收到 2006），而服务器端线程仍需把剩下的工作做完。</translation>
    </message>
    <message>
        <source>Its open transaction is rolled back.</source>
        <translation>它未提交的事务会被回滚。</translation>
    </message>
    <message>
        <source>It is blocked writing to a client that does not read: KILL QUERY cannot wake it (it will show Killed and stay); KILL CONNECTION can.</source>
        <translation>它在向一个不读取数据的客户端写结果时被阻塞：KILL QUERY 无法唤醒它（它会显示 Killed 并一直停在那里）；KILL CONNECTION 可以。</translation>
    </message>
    <message>
        <source>It waits for an InnoDB seat; MySQL 5.7 only notices the kill once it gets one.</source>
        <translation>它在等待 InnoDB 并发席位；MySQL 5.7 只有在拿到席位后才会发现自己被终止。</translation>
    </message>
    <message>
        <source>It is already rolling back; a rollback cannot be interrupted, a kill will not make it faster.</source>
        <translation>它已经在回滚；回滚不能被中断，再次终止也不会让它更快。</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) wait for locks it holds; KILL QUERY will not release them.</source>
        <translation>
            <numerusform>有 %n 个会话在等待它持有的锁；KILL QUERY 不会释放这些锁。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) wait for locks it holds; they continue once its rollback ends.</source>
        <translation>
            <numerusform>有 %n 个会话在等待它持有的锁；它回滚结束后这些会话才能继续。</numerusform>
        </translation>
    </message>
    <message>
        <source>KILL SOFT does not interrupt REPAIR or index builds of MyISAM/Aria tables.</source>
        <translation>KILL SOFT 不会中断 MyISAM/Aria 表的 REPAIR 或索引构建。</translation>
    </message>
    <message>
        <source>%1 million rows</source>
        <translation>%1 百万行</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln 行</numerusform>
        </translation>
    </message>
    <message>
        <source>no longer in the processlist (1094)</source>
        <translation>已不在 processlist 中（1094）</translation>
    </message>
    <message>
        <source>another user&apos;s thread, and your account may not kill it (1095)</source>
        <translation>是其他用户的线程，你的账号无权杀死它（1095）</translation>
    </message>
    <message>
        <source>KILL QUERY leaves this open transaction (%1 modified) and its locks in place; only KILL CONNECTION rolls it back.</source>
        <translation>KILL QUERY 会留下这个未结束的事务（已修改 %1）和它持有的锁；只有 KILL CONNECTION 才会回滚它。</translation>
    </message>
    <message>
        <source>Up to %1 modified are undone, %2 %3.</source>
        <translation>最多撤销已修改的 %1，%3（%2）。</translation>
    </message>
    <message>
        <source>KILL CONNECTION will roll back about %1; %2 %3, during which it will show %4.</source>
        <translation>KILL CONNECTION 将回滚约 %1；%2%3，期间它会显示为 %4。</translation>
    </message>
</context>
<context>
    <name>KillTracker</name>
    <message>
        <source>The thread had already ended before the kill arrived.</source>
        <translation>终止请求到达之前，该线程已经结束。</translation>
    </message>
    <message>
        <source>The session was idle: this server ignores KILL QUERY then, so nothing happened.</source>
        <translation>该会话处于空闲状态：此时服务器会忽略 KILL QUERY，所以什么都没有发生。</translation>
    </message>
    <message>
        <source>About %1 s left at %2 rows/s.</source>
        <translation>按每秒 %2 行计算，约剩 %1 秒。</translation>
    </message>
    <message numerus="yes">
        <source>Rolling back %n row(s); a rollback cannot be interrupted.</source>
        <translation>
            <numerusform>正在回滚 %n 行；回滚不能被中断。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rolling back; a rollback cannot be interrupted.</source>
        <translation>正在回滚；回滚不能被中断。</translation>
    </message>
    <message>
        <source>Blocked writing to a client that does not read: KILL QUERY cannot wake it; KILL CONNECTION or net_write_timeout can.</source>
        <translation>向不读取数据的客户端写结果时被阻塞：KILL QUERY 无法唤醒它；KILL CONNECTION 或 net_write_timeout 可以。</translation>
    </message>
    <message>
        <source>Blocked writing to a client that does not read.</source>
        <translation>向不读取数据的客户端写结果时被阻塞。</translation>
    </message>
    <message>
        <source>Waiting for an InnoDB seat (innodb_thread_concurrency); MySQL 5.7 does not look at the kill flag while it waits.</source>
        <translation>正在等待 InnoDB 并发席位（innodb_thread_concurrency）；MySQL 5.7 在等待期间不检查 kill 标志。</translation>
    </message>
    <message>
        <source>Waiting for a row lock; the kill should wake it at once.</source>
        <translation>正在等待行锁；终止应该会立即唤醒它。</translation>
    </message>
    <message>
        <source>Waiting for a lock (%1); the kill should wake it at once.</source>
        <translation>正在等待锁（%1）；终止应该会立即唤醒它。</translation>
    </message>
    <message>
        <source>Idle with the kill flag set: it shows Killed until its next statement, which then runs normally.</source>
        <translation>空闲且已设置 kill 标志：在下一条语句之前显示为 Killed，之后下一条语句照常执行。</translation>
    </message>
    <message>
        <source>Closing the connection.</source>
        <translation>正在关闭连接。</translation>
    </message>
    <message>
        <source>Finishing the statement (%1).</source>
        <translation>正在结束语句（%1）。</translation>
    </message>
    <message>
        <source>DDL in progress (%1): it stops at its next check point and cleans up.</source>
        <translation>DDL 正在执行（%1）：它会在下一个检查点停止并做清理。</translation>
    </message>
    <message>
        <source>Still %1: it notices the kill at its next check point.</source>
        <translation>仍在%1：它会在下一个检查点发现自己被终止。</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>已请求</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Already gone (1094)</source>
        <translation>已不存在（1094）</translation>
    </message>
    <message>
        <source>Refused (%1)</source>
        <translation>被拒绝（%1）</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Flag seen</source>
        <translation>已发现标志</translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation>回滚中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation>已消失</translation>
    </message>
    <message>
        <source>Reconnected as %1</source>
        <translation>已重连为 %1</translation>
    </message>
    <message>
        <source>The same client (process %1%2) connected again as %3.</source>
        <translation>同一个客户端（进程 %1%2）以 %3 重新连接。</translation>
    </message>
    <message>
        <source>A new session of the same account appeared (%1), from another client process (%2, not %3).</source>
        <translation>同一账号出现了一个新会话（%1），来自另一个客户端进程（%2，而不是 %3）。</translation>
    </message>
    <message>
        <source>A new session of the same account appeared (%1); nothing shows it is the same client.</source>
        <translation>同一账号出现了一个新会话（%1）；没有证据表明它是同一个客户端。</translation>
    </message>
</context>
<context>
    <name>LabComparison</name>
    <message>
        <source>Session %1 runs another client than the scenario names: %2</source>
        <translation>会话 %1 运行的客户端与场景写的不同：%2</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>开始时刻</translation>
    </message>
    <message>
        <source>the action at %1</source>
        <translation>%1 的动作</translation>
    </message>
    <message>
        <source>Δ %1%2 after %3, allowed ±%4</source>
        <translation>在 %3 之后 Δ %1%2，允许 ±%4</translation>
    </message>
    <message>
        <source>(gone)</source>
        <translation>（已消失）</translation>
    </message>
    <message>
        <source>nobody leaves</source>
        <translation>没有线程离开</translation>
    </message>
    <message>
        <source>%1 sent at %2</source>
        <translation>%1 于 %2 发出</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>没有发出</translation>
    </message>
    <message>
        <source>%1 → effect after %2</source>
        <translation>%1 → %2 后生效</translation>
    </message>
    <message>
        <source>Δ %1%2, allowed ±%3</source>
        <translation>Δ %1%2，允许 ±%3</translation>
    </message>
    <message>
        <source>%1: the client shows ERROR %2 at %3</source>
        <translation>%1：客户端在 %3 显示 ERROR %2</translation>
    </message>
    <message>
        <source>%1: the thread is gone at %2</source>
        <translation>%1：线程在 %2 消失</translation>
    </message>
    <message>
        <source>no such effect</source>
        <translation>没有这个效果</translation>
    </message>
    <message>
        <source>%1 rows/s</source>
        <translation>每秒 %1 行</translation>
    </message>
    <message>
        <source>%1%2 %, allowed ±%3 %</source>
        <translation>%1%2 %，允许 ±%3 %</translation>
    </message>
    <message>
        <source>rolls back %1 rows from %2 to %3</source>
        <translation>从 %2 到 %3 回滚 %1 行</translation>
    </message>
    <message>
        <source>no rollback seen in INNODB_TRX</source>
        <translation>INNODB_TRX 里没有看到回滚</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已改变</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未改变</translation>
    </message>
    <message>
        <source>table %1: definition %2</source>
        <translation>表 %1：定义%2</translation>
    </message>
    <message>
        <source>table %1: rows %2 (committed changes)</source>
        <translation>表 %1：行%2（已提交的修改）</translation>
    </message>
    <message>
        <source>table %1: rows %2 (CHECKSUM TABLE)</source>
        <translation>表 %1：行%2（CHECKSUM TABLE）</translation>
    </message>
    <message>
        <source>no temporary tables left</source>
        <translation>没有留下临时表</translation>
    </message>
    <message>
        <source>left behind: %1</source>
        <translation>留下了：%1</translation>
    </message>
    <message>
        <source>Session %1&apos;s temporary files have the lab table&apos;s size: %2</source>
        <translation>会话 %1 的临时文件采用实验表的大小：%2</translation>
    </message>
</context>
<context>
    <name>LabCosts</name>
    <message>
        <source>%1 statement %2: %3 ms measured (%4 ms simulated), costs × %5</source>
        <translation>%1 第 %2 条语句：实测 %3 毫秒（模拟 %4 毫秒），开销 × %5</translation>
    </message>
    <message>
        <source>%1 statement %2: %3 ms measured is less than its modelled fixed work (%4 ms); costs kept</source>
        <translation>%1 第 %2 条语句：实测 %3 毫秒，比模型里的固定工作（%4 毫秒）还少；保留原开销</translation>
    </message>
    <message>
        <source>%1 statement %2: rollback %3 ms for %4 rows (%5 per row)</source>
        <translation>%1 第 %2 条语句：回滚 %4 行用了 %3 毫秒（每行 %5）</translation>
    </message>
    <message>
        <source>The scenario is not valid JSON: %1</source>
        <translation>场景不是合法的 JSON：%1</translation>
    </message>
    <message>
        <source>The scenario does not have the structure it was parsed with: %1</source>
        <translation>场景的结构与解析时的不一致：%1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>its duration in the run</source>
        <translation>它在这次运行中的耗时</translation>
    </message>
    <message>
        <source>its rows-modified rate in the run</source>
        <translation>它在这次运行中修改行数的速度</translation>
    </message>
    <message>
        <source>%1 statement %2: forward costs × %3 from %4</source>
        <translation>%1 第 %2 条语句：按%4，正向开销 × %3</translation>
    </message>
    <message>
        <source>device: %1 MB/s written and synced (median of %2)</source>
        <translation>设备：写入并同步 %1 MB/s（%2 次的中位数）</translation>
    </message>
    <message>
        <source>the device could not be measured (%1): io_bandwidth kept</source>
        <translation>无法测量设备（%1）：保留 io_bandwidth</translation>
    </message>
    <message>
        <source>removing a file: %1 ms for %2 MB (median of %3)</source>
        <translation>删除文件：%2 MB 用时 %1 ms（%3 次的中位数）</translation>
    </message>
    <message>
        <source>%1 statement %2: %3 bytes read from disk per row, %4 per row in the rollback</source>
        <translation>%1 第 %2 条语句：每行从磁盘读取 %3 字节，回滚时每行 %4</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未测量</translation>
    </message>
    <message>
        <source>client connect time %1 ms (median of %2), of which the handshake %3 ms</source>
        <translation>客户端连接时间 %1 毫秒（%2 次的中位数），其中握手 %3 毫秒</translation>
    </message>
    <message>
        <source>%1 statement %2: its temporary table is dropped in %3 ms (median of %4)</source>
        <translation>%1 的语句 %2：其临时表在 %3 毫秒内删除（%4 次的中位数）</translation>
    </message>
</context>
<context>
    <name>LabMode</name>
    <message>
        <source>Calibration: %1</source>
        <translation>校准：%1</translation>
    </message>
</context>
<context>
    <name>LabPlan</name>
    <message>
        <source>Scenario %1 is not written for %2 (it lists %3).</source>
        <translation>场景 %1 不是为 %2 写的（它列出的是 %3）。</translation>
    </message>
    <message>
        <source>The lab scale must be greater than 0 and at most 1, got %1.</source>
        <translation>实验比例必须大于 0 且不超过 1，得到的是 %1。</translation>
    </message>
    <message>
        <source>Scenario %1 uses table %2 but its lab section does not say how to create it (/lab/tables).</source>
        <translation>场景 %1 用到了表 %2，但它的 lab 部分没有说明如何创建（/lab/tables）。</translation>
    </message>
    <message>
        <source>Session %1 of scenario %2 uses the %3 command-line client, but lab mode runs the %4 client here; declare a substitution with a reason in /lab/clients.</source>
        <translation>场景 %2 的会话 %1 使用 %3 命令行客户端，但实验模式在这里运行的是 %4 客户端；请在 /lab/clients 中声明替换并写明理由。</translation>
    </message>
    <message>
        <source>Session %1 logs in as “%2”; lab accounts need a user name of at most 26 letters, digits or _.</source>
        <translation>会话 %1 以“%2”登录；实验账户的用户名最多 26 个字母、数字或 _。</translation>
    </message>
    <message>
        <source>Scenario %1 has users that differ only in letter case; lab accounts cannot tell them apart.</source>
        <translation>场景 %1 里有只是大小写不同的用户；实验账户无法区分它们。</translation>
    </message>
    <message>
        <source>Scenario %1 shows %2 alternative endings side by side; a real server can live through only one of them, so lab mode cannot run it.</source>
        <translation>场景 %1 把 %2 种不同结局并排展示；一台真实服务器只能经历其中一种，所以实验模式无法运行它。</translation>
    </message>
    <message>
        <source>Scenario %1 restarts the server (kill -9 of the server process); lab mode does not do that to a server it did not start.</source>
        <translation>场景 %1 会重启服务器（对服务器进程 kill -9）；实验模式不会对一台不是它启动的服务器这样做。</translation>
    </message>
</context>
<context>
    <name>LabReport</name>
    <message>
        <source># Lab report: %1

</source>
        <translation># 实验报告：%1

</translation>
    </message>
    <message>
        <source>Server: %1 (%2), lab scale %3, %4 s.

</source>
        <translation>服务器：%1（%2），实验比例 %3，%4 秒。

</translation>
    </message>
    <message>
        <source>**Result: no undeclared differences.**

</source>
        <translation>**结果：没有未声明的差异。**

</translation>
    </message>
    <message numerus="yes">
        <source>**Result: %n undeclared difference(s).**

</source>
        <translation>
            <numerusform>**结果：%n 处未声明的差异。**

</numerusform>
        </translation>
    </message>
    <message>
        <source>Timing tolerance: ±%1 % of the simulated duration + %2 ms (client side), + %3 ms for processlist states (longest sample gap); INNODB_TRX read every ≥ %4 ms.

</source>
        <translation>时间容差：模拟时长的 ±%1 % + %2 毫秒（客户端一侧），进程列表状态再加 %3 毫秒（最长采样间隔）；INNODB_TRX 每 ≥ %4 毫秒读一次。

</translation>
    </message>
    <message>
        <source>## Differences

</source>
        <translation>## 差异

</translation>
    </message>
    <message>
        <source>| t (s) | class | session | aspect | simulation | server | detail |
|---|---|---|---|---|---|---|
</source>
        <translation>| t（秒） | 类别 | 会话 | 方面 | 模拟 | 服务器 | 细节 |
|---|---|---|---|---|---|---|
</translation>
    </message>
    <message>
        <source> (declared: %1)</source>
        <translation>（已声明：%1）</translation>
    </message>
    <message>
        <source>## Session %1 (%2)

</source>
        <translation>## 会话 %1（%2）

</translation>
    </message>
    <message>
        <source>### Client lines

| t (s) | simulation | t (s) | server |
|---|---|---|---|
</source>
        <translation>### 客户端输出

| t（秒） | 模拟 | t（秒） | 服务器 |
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
### （Command, State）

| 起始（秒） | 模拟 | 起始（秒） | 服务器 |
|---|---|---|---|
</translation>
    </message>
    <message>
        <source> (brief)</source>
        <translation>（短暂）</translation>
    </message>
    <message>
        <source> ×%1</source>
        <translation> ×%1</translation>
    </message>
    <message>
        <source>- %1 by %2: simulated effect after %3 ms, real after %4 ms (simulated outcome %5)
</source>
        <translation>- %2 发出的 %1：模拟在 %3 毫秒后生效，实际在 %4 毫秒后（模拟结果 %5）
</translation>
    </message>
    <message>
        <source>the operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>- rollback of %1 rows: simulated %2 rows/s, real %3 rows/s
</source>
        <translation>- 回滚 %1 行：模拟每秒 %2 行，实际每秒 %3 行
</translation>
    </message>
    <message>
        <source>not seen</source>
        <translation>没看到</translation>
    </message>
    <message>
        <source>## Order of leaving

</source>
        <translation>## 离开的顺序

</translation>
    </message>
    <message>
        <source>- simulation: %1
- server: %2

</source>
        <translation>- 模拟：%1
- 服务器：%2

</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>## End state

| table | rows (sim / server) | definition (sim / server) |
|---|---|---|
</source>
        <translation>## 最终状态

| 表 | 行（模拟 / 服务器） | 定义（模拟 / 服务器） |
|---|---|---|
</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已改变</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未改变</translation>
    </message>
    <message>
        <source>
Left behind: %1

</source>
        <translation>
留下的东西：%1

</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>## Notes

</source>
        <translation>## 说明

</translation>
    </message>
    <message>
        <source>## Calibration

</source>
        <translation>## 校准

</translation>
    </message>
    <message>
        <source>- %1 statement %2 `%3`: %4 ms</source>
        <translation>- %1 第 %2 条语句 `%3`：%4 毫秒</translation>
    </message>
    <message>
        <source>; rollback %1 ms</source>
        <translation>；回滚 %1 毫秒</translation>
    </message>
    <message>
        <source>- kill round trip: %1 ms
</source>
        <translation>- KILL 往返：%1 毫秒
</translation>
    </message>
    <message>
        <source>The report file must end in .json or .md: %1</source>
        <translation>报告文件名必须以 .json 或 .md 结尾：%1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>lab: %1 on %2 (scale %3): %n undeclared difference(s)</source>
        <translation>
            <numerusform>lab：%1 在 %2 上（比例 %3）：%n 处未声明的差异</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 timing check(s) within tolerance, %2 declared
</source>
        <translation>，%1 项时间检查在容差内，%2 处已声明
</translation>
    </message>
    <message>
        <source>; read from disk %1 bytes</source>
        <translation>；从磁盘读取 %1 字节</translation>
    </message>
    <message>
        <source>%1 MB in %2 ms</source>
        <translation>%2 ms 内 %1 MB</translation>
    </message>
    <message>
        <source>- device, written and synced: %1
</source>
        <translation>- 设备，写入并同步：%1
</translation>
    </message>
    <message>
        <source>- removing a %1 MB file: %2 ms
</source>
        <translation>- 删除一个 %1 MB 的文件：%2 ms
</translation>
    </message>
    <message>
        <source>- I/O not measured: %1
</source>
        <translation>- I/O 未测量：%1
</translation>
    </message>
    <message>
        <source>Scheduling lateness during the run: %1 ms (the latest of lab mode&apos;s own threads&apos; wake-ups, every %2 ms; included in the client-side %3 ms).

</source>
        <translation>运行期间的调度延迟：%1 毫秒（实验模式自身各线程唤醒中最晚的一次，每 %2 毫秒唤醒一次；已计入客户端一侧的 %3 毫秒）。

</translation>
    </message>
    <message>
        <source>| thread | wake-ups | median (ms) | 99th percentile (ms) | latest (ms) |
|---|---|---|---|---|
</source>
        <translation>| 线程 | 唤醒次数 | 中位数（毫秒） | 第 99 百分位（毫秒） | 最晚（毫秒） |
|---|---|---|---|---|
</translation>
    </message>
    <message>
        <source>  scheduling lateness during the run: %1 ms (part of the client-side tolerance, %2 ms)
</source>
        <translation>  运行期间的调度延迟：%1 毫秒（计入客户端一侧的容差 %2 毫秒）
</translation>
    </message>
    <message>
        <source>; its temporary table dropped in %1 ms</source>
        <translation>；其临时表删除用时 %1 毫秒</translation>
    </message>
</context>
<context>
    <name>LabTimeline</name>
    <message>
        <source>%1 · simulation (%2)</source>
        <translation>%1 · 模拟（%2）</translation>
    </message>
    <message>
        <source>%1 · server (%2)</source>
        <translation>%1 · 服务器（%2）</translation>
    </message>
</context>
<context>
    <name>OptionFile</name>
    <message>
        <source>%1:%2: a group header without ]</source>
        <translation>%1:%2：分组标题缺少 ]</translation>
    </message>
    <message>
        <source>%1:%2: unknown directive %3 ignored</source>
        <translation>%1:%2：未知指令 %3，已忽略</translation>
    </message>
    <message>
        <source>%1:%2: %3 without a file or directory</source>
        <translation>%1:%2：%3 缺少文件或目录</translation>
    </message>
    <message>
        <source>%1:%2: skipping &apos;%3&apos; directive: the maximum include depth (%4) was reached</source>
        <translation>%1:%2：跳过“%3”指令：已达到最大包含深度（%4）</translation>
    </message>
    <message>
        <source>%1: !includedir %2: no such directory</source>
        <translation>%1：!includedir %2：没有这个目录</translation>
    </message>
    <message>
        <source>%1:%2: an option before any [group]</source>
        <translation>%1:%2：选项出现在任何 [分组] 之前</translation>
    </message>
    <message>
        <source>%1: option files are not read on the GUI thread</source>
        <translation>%1：不在界面线程上读取选项文件</translation>
    </message>
    <message>
        <source>%1 (included from %2)</source>
        <translation>%1（由 %2 包含）</translation>
    </message>
    <message>
        <source>%1: more than %2 option files; not read</source>
        <translation>%1：选项文件超过 %2 个；未读取</translation>
    </message>
    <message>
        <source>Could not open required defaults file: %1 (%2)</source>
        <translation>无法打开必需的选项文件：%1（%2）</translation>
    </message>
    <message>
        <source>%1: not read: %2</source>
        <translation>%1：未读取：%2</translation>
    </message>
    <message>
        <source>Warning: World-writable config file &apos;%1&apos; is ignored</source>
        <translation>警告：所有人可写的配置文件“%1”已被忽略</translation>
    </message>
    <message>
        <source>%1: skipped, it would include itself (%2)</source>
        <translation>%1：已跳过，它会包含自己（%2）</translation>
    </message>
    <message>
        <source>%1:%2: %3 = %4: %5</source>
        <translation>%1:%2：%3 = %4：%5</translation>
    </message>
    <message>
        <source>not a port number (0 to 65535)</source>
        <translation>不是端口号（0 到 65535）</translation>
    </message>
    <message>
        <source>whole seconds from 1 to 3600</source>
        <translation>应为 1 到 3600 的整秒数</translation>
    </message>
    <message>
        <source>use TCP or SOCKET</source>
        <translation>请用 TCP 或 SOCKET</translation>
    </message>
    <message>
        <source>MYSQL_TCP_PORT=%1: not a port number (0 to 65535)</source>
        <translation>MYSQL_TCP_PORT=%1：不是端口号（0 到 65535）</translation>
    </message>
    <message numerus="yes">
        <source>Reading the option files did not finish within %n second(s).</source>
        <translation>
            <numerusform>读取选项文件未能在 %n 秒内完成。</numerusform>
        </translation>
    </message>
    <message>
        <source>use DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY</source>
        <translation>请用 DISABLED、PREFERRED、REQUIRED、VERIFY_CA 或 VERIFY_IDENTITY</translation>
    </message>
    <message>
        <source>WARNING: no verification of server certificate will be done. Use --ssl-mode=VERIFY_CA or VERIFY_IDENTITY.</source>
        <translation>警告：不会验证服务器证书。请使用 --ssl-mode=VERIFY_CA 或 VERIFY_IDENTITY。</translation>
    </message>
</context>
<context>
    <name>RecordingFile</name>
    <message>
        <source>noticed %1</source>
        <translation>已察觉 %1</translation>
    </message>
    <message>
        <source>reconnected as %1</source>
        <translation>以 %1 重新连接</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>no such file.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>not a regular file (a directory, device or pipe is never read).</source>
        <translation>不是普通文件（从不读取目录、设备或管道）。</translation>
    </message>
    <message>
        <source>the file is empty; it is not a KillScope recording.</source>
        <translation>文件是空的；它不是 KillScope 录制文件。</translation>
    </message>
    <message>
        <source>not a KillScope recording (it is not an SQLite database).</source>
        <translation>不是 KillScope 录制文件（它不是 SQLite 数据库）。</translation>
    </message>
    <message>
        <source>SQLite cannot open it: %1</source>
        <translation>SQLite 无法打开它：%1</translation>
    </message>
    <message>
        <source>the file is damaged: %1</source>
        <translation>文件已损坏：%1</translation>
    </message>
    <message>
        <source>an SQLite database, but not a KillScope recording (application id %1).</source>
        <translation>是 SQLite 数据库，但不是 KillScope 录制文件（application id 为 %1）。</translation>
    </message>
    <message>
        <source>recorded in format %1 by a newer KillScope; this one reads format %2.</source>
        <translation>由较新的 KillScope 以格式 %1 录制；本版本只能读取格式 %2。</translation>
    </message>
    <message>
        <source>not a KillScope recording (its meta table names no recording format).</source>
        <translation>不是 KillScope 录制文件（其 meta 表没有写明录制格式）。</translation>
    </message>
    <message>
        <source>the recording holds no samples (it was stopped before the first one).</source>
        <translation>录制文件中没有样本（在第一个样本之前就已停止）。</translation>
    </message>
    <message>
        <source>the recording&apos;s first sample is not a whole one; the file is damaged.</source>
        <translation>录制文件的第一个样本不是完整样本；文件已损坏。</translation>
    </message>
    <message>
        <source>samples %1 to %2 are missing</source>
        <translation>缺少第 %1 到第 %2 个样本</translation>
    </message>
    <message>
        <source>its first sample is damaged (%1).</source>
        <translation>它的第一个样本已损坏（%1）。</translation>
    </message>
    <message>
        <source>Sample %1 is damaged (%2); the recording is shown up to sample %3.</source>
        <translation>第 %1 个样本已损坏（%2）；录制只显示到第 %3 个样本。</translation>
    </message>
</context>
<context>
    <name>SampleCodec</name>
    <message>
        <source>a sample of changes without the sample before it</source>
        <translation>只含变化的样本缺少它之前的样本</translation>
    </message>
    <message>
        <source>the row count does not fit the payload</source>
        <translation>行数与数据不符</translation>
    </message>
    <message>
        <source>a row has unknown fields</source>
        <translation>某一行含有未知字段</translation>
    </message>
    <message>
        <source>a keyframe refers to an earlier sample</source>
        <translation>关键帧引用了更早的样本</translation>
    </message>
    <message>
        <source>a change refers to a row the sample before lacks</source>
        <translation>某个变化引用了前一样本中没有的行</translation>
    </message>
    <message>
        <source>the lock waits do not fit the payload</source>
        <translation>锁等待与数据不符</translation>
    </message>
    <message>
        <source>a lock wait of an unknown kind</source>
        <translation>未知类型的锁等待</translation>
    </message>
    <message>
        <source>the payload ends too early</source>
        <translation>数据提前结束</translation>
    </message>
    <message>
        <source>the payload has bytes after its end</source>
        <translation>数据结尾之后还有多余字节</translation>
    </message>
    <message>
        <source>the payload is too short</source>
        <translation>数据太短</translation>
    </message>
    <message>
        <source>the payload claims %1 bytes</source>
        <translation>数据声称有 %1 字节</translation>
    </message>
    <message>
        <source>the payload is not valid zlib data</source>
        <translation>数据不是有效的 zlib 数据</translation>
    </message>
</context>
<context>
    <name>ServerIncarnation</name>
    <message>
        <source>the server&apos;s start time could not be read, so a restart cannot be ruled out</source>
        <translation>读不到服务器的启动时间，无法排除它已重启</translation>
    </message>
    <message>
        <source>the server restarted at %1 (the session was seen while it ran since %2)</source>
        <translation>服务器已于 %1 重启（看到该会话时，服务器自 %2 起运行）</translation>
    </message>
    <message>
        <source>the server restarted at %1: its connection counter is at %2, below id %3 seen before</source>
        <translation>服务器已于 %1 重启：它的连接计数器为 %2，小于之前看到的编号 %3</translation>
    </message>
</context>
<context>
    <name>ServerInfo</name>
    <message>
        <source>Unknown server</source>
        <translation>未知服务器</translation>
    </message>
    <message>
        <source>Without the PROCESS privilege only this account&apos;s own threads are visible.</source>
        <translation>没有 PROCESS 权限时，只能看到本账号自己的线程。</translation>
    </message>
    <message>
        <source>Without CONNECTION ADMIN or SUPER only this account&apos;s own threads can be killed; other kills are refused with error 1095.</source>
        <translation>没有 CONNECTION ADMIN 或 SUPER 权限时，只能终止本账号自己的线程；其他终止请求会被拒绝，返回错误 1095。</translation>
    </message>
    <message>
        <source>InnoDB transactions (rows modified, rollback progress) cannot be read; information_schema.INNODB_TRX needs the PROCESS privilege.</source>
        <translation>无法读取 InnoDB 事务信息（修改行数、回滚进度）；information_schema.INNODB_TRX 需要 PROCESS 权限。</translation>
    </message>
    <message>
        <source>Row-lock waits need performance_schema, which is off.</source>
        <translation>查看行锁等待需要 performance_schema，但它已关闭。</translation>
    </message>
    <message>
        <source>Row-lock waits (who blocks whom) cannot be read.</source>
        <translation>无法读取行锁等待信息（谁阻塞了谁）。</translation>
    </message>
    <message>
        <source>Metadata-lock holders are not shown (MySQL: performance_schema.metadata_locks; MariaDB: the METADATA_LOCK_INFO plugin).</source>
        <translation>不显示元数据锁的持有者（MySQL 需要 performance_schema.metadata_locks；MariaDB 需要 METADATA_LOCK_INFO 插件）。</translation>
    </message>
    <message>
        <source>MySQL reports Time in whole seconds.</source>
        <translation>MySQL 的 Time 只精确到整秒。</translation>
    </message>
</context>
<context>
    <name>SimulationSource</name>
    <message>
        <source>The scenario %1 is not valid:
%2</source>
        <translation>场景 %1 无效：
%2</translation>
    </message>
    <message>
        <source>Unknown server flavor “%1”; use mysql-5.7, mysql-8.0 or mariadb-10.11.</source>
        <translation>未知的服务器版本“%1”；请使用 mysql-5.7、mysql-8.0 或 mariadb-10.11。</translation>
    </message>
    <message>
        <source>Nothing has run yet.</source>
        <translation>还没有运行任何内容。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Sleeping in the InnoDB queue; MySQL 5.7 never checks the kill flag there, so it waits for a seat</source>
        <translation>在 InnoDB 队列中休眠；MySQL 5.7 在这里从不检查 kill 标志，所以它要等到拿到席位</translation>
    </message>
    <message>
        <source>Sleeping in the InnoDB queue; it checks the kill flag after each sleep</source>
        <translation>在 InnoDB 队列中休眠；每次休眠之后都会检查 kill 标志</translation>
    </message>
    <message>
        <source>Busy in an I/O call; it checks the flag when the call returns</source>
        <translation>正在执行 I/O 调用；调用返回时才检查标志</translation>
    </message>
    <message>
        <source>Blocked writing to a client that does not read</source>
        <translation>向不读取数据的客户端写结果时被阻塞</translation>
    </message>
    <message>
        <source>Rolling back about %1 rows; this cannot be interrupted</source>
        <translation>正在回滚约 %1 行；不能被中断</translation>
    </message>
    <message>
        <source>Rolling back; this cannot be interrupted</source>
        <translation>正在回滚；不能被中断</translation>
    </message>
    <message>
        <source>Cleaning up: deleting temporary files or DDL leftovers</source>
        <translation>正在清理：删除临时文件或 DDL 残留</translation>
    </message>
    <message>
        <source>Inside data-dictionary work; MySQL 8.0 defers the kill until it ends</source>
        <translation>正在进行数据字典操作；MySQL 8.0 会把终止推迟到它结束</translation>
    </message>
    <message>
        <source>Running; it notices the flag at its next check point</source>
        <translation>正在运行；会在下一个检查点发现 kill 标志</translation>
    </message>
    <message>
        <source>Cannot open the scenario: %1</source>
        <translation>无法打开场景：%1</translation>
    </message>
    <message>
        <source>The run of “%1” was stopped at %2 s: it exceeded %3 engine events, so nothing after that is shown.</source>
        <translation>场景“%1”的运行在 %2 秒处停止：引擎事件数超过了 %3，之后的内容不会显示。</translation>
    </message>
    <message>
        <source>No scenario is loaded.</source>
        <translation>还没有加载场景。</translation>
    </message>
    <message>
        <source>Unknown knob “%1”; the What-if knobs are %2.</source>
        <translation>未知参数“%1”；可用的“假如”参数是 %2。</translation>
    </message>
    <message>
        <source>No scenario has run.</source>
        <translation>还没有运行任何场景。</translation>
    </message>
    <message>
        <source>The scenario %1 has no session “%2”; its sessions are %3.</source>
        <translation>场景 %1 中没有会话“%2”；它的会话是 %3。</translation>
    </message>
    <message>
        <source>Session %1 has no connection at %2.</source>
        <translation>会话 %1 在 %2 时没有连接。</translation>
    </message>
    <message>
        <source>--kill-at %1: %2</source>
        <translation>--kill-at %1：%2</translation>
    </message>
    <message>
        <source>--set %1: %2</source>
        <translation>--set %1：%2</translation>
    </message>
</context>
<context>
    <name>SmallFile</name>
    <message>
        <source>a directory</source>
        <translation>一个目录</translation>
    </message>
    <message>
        <source>a fifo</source>
        <translation>一个 FIFO 管道</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>一个设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>一个套接字</translation>
    </message>
    <message>
        <source>not a plain file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>%1, not a regular file</source>
        <translation>%1，不是普通文件</translation>
    </message>
    <message>
        <source>%1 bytes, more than the %2 allowed</source>
        <translation>%1 字节，超过允许的 %2 字节</translation>
    </message>
    <message>
        <source>more than the %1 bytes allowed</source>
        <translation>超过允许的 %1 字节</translation>
    </message>
</context>
<context>
    <name>TlsStatus</name>
    <message>
        <source>Not encrypted: a local unix socket, which never leaves this machine.</source>
        <translation>未加密：这是本机的 unix 套接字，数据不会离开这台机器。</translation>
    </message>
    <message>
        <source>Not encrypted (TLS disabled).</source>
        <translation>未加密（已禁用 TLS）。</translation>
    </message>
    <message>
        <source>Not encrypted: the server did not offer TLS.</source>
        <translation>未加密：服务器没有提供 TLS。</translation>
    </message>
    <message>
        <source>Encrypted (%1); the server&apos;s certificate is signed by the given CA and names %2.</source>
        <translation>已加密（%1）；服务器证书由给定的 CA 签发，并写明了 %2。</translation>
    </message>
    <message>
        <source>Encrypted (%1); the server&apos;s certificate is signed by the given CA; its host name is not checked.</source>
        <translation>已加密（%1）；服务器证书由给定的 CA 签发；未检查其主机名。</translation>
    </message>
    <message>
        <source>Encrypted (%1); the server&apos;s certificate is not verified.</source>
        <translation>已加密（%1）；未验证服务器证书。</translation>
    </message>
</context>
<context>
    <name>ks::ChartsPanel</name>
    <message>
        <source>Sessions by state</source>
        <translation>各状态的会话数</translation>
    </message>
    <message>
        <source>Rows left to roll back</source>
        <translation>待回滚行数</translation>
    </message>
    <message>
        <source>KILL → gone</source>
        <translation>KILL → 消失</translation>
    </message>
    <message>
        <source>time (%1)</source>
        <translation>时间（%1）</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>会话数</translation>
    </message>
    <message>
        <source>%1 ends at %2</source>
        <translation>%1 结束于 %2</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Kill latency</source>
        <translation>KILL 耗时</translation>
    </message>
    <message>
        <source>%1: refused (ERROR %2)</source>
        <translation>%1：被拒绝（ERROR %2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2, still going</source>
        <translation>%1：%2，仍在进行</translation>
    </message>
    <message>
        <source>%1 — refused with ERROR %2</source>
        <translation>%1 — 被拒绝，ERROR %2</translation>
    </message>
    <message>
        <source>%1 — %2 from KILL to gone%3</source>
        <translation>%1 — 从 KILL 到线程消失用了 %2%3</translation>
    </message>
    <message>
        <source> (still going)</source>
        <translation>（仍在进行）</translation>
    </message>
    <message>
        <source>KILL → gone (%1)</source>
        <translation>KILL → 消失（%1）</translation>
    </message>
</context>
<context>
    <name>ks::ConnectionDialog</name>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Save connection</source>
        <translation>保存连接</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>配置名称：</translation>
    </message>
    <message>
        <source>Connect to server</source>
        <translation>连接到服务器</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>配置(&amp;P)：</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>连接方式：</translation>
    </message>
    <message>
        <source>&amp;Host and port:</source>
        <translation>主机和端口(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Socket:</source>
        <translation>套接字(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS：</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA 文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Connect &amp;timeout (s):</source>
        <translation>连接超时（秒）(&amp;T)：</translation>
    </message>
    <message>
        <source>Default &amp;database:</source>
        <translation>默认数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>From ~/.my.cnf</source>
        <translation>读取 ~/.my.cnf</translation>
    </message>
    <message>
        <source>Fill in the [client] settings the mysql client would use</source>
        <translation>填入 mysql 客户端会使用的 [client] 设置</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>Unix socket</source>
        <translation>Unix 套接字</translation>
    </message>
    <message>
        <source>Remember the password in the desktop keyring</source>
        <translation>在桌面密钥环中记住密码</translation>
    </message>
    <message>
        <source>Passwords are not saved (built without QtKeychain)</source>
        <translation>不保存密码（构建时未包含 QtKeychain）</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>Read-only: never offer to kill</source>
        <translation>只读：不提供终止操作</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>The saved password could not be read from the keyring: %1</source>
        <translation>无法从密钥环读取已保存的密码：%1</translation>
    </message>
    <message>
        <source>The password was not saved: the desktop keyring refused (%1). It is not written anywhere else.</source>
        <translation>密码未保存：桌面密钥环拒绝了请求（%1）。密码不会写到其他任何地方。</translation>
    </message>
    <message>
        <source>Reading the option files…</source>
        <translation>正在读取选项文件…</translation>
    </message>
    <message>
        <source>Certificates and keys (*.pem *.crt *.key);;All files (*)</source>
        <translation>证书和密钥 (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>客户端私钥</translation>
    </message>
    <message>
        <source>Client &amp;certificate:</source>
        <translation>客户端证书(&amp;C)：</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>客户端私钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Preferred (encrypt if offered)</source>
        <translation>优先（服务器支持时加密）</translation>
    </message>
    <message>
        <source>Required (no CA needed)</source>
        <translation>必需（不需要 CA）</translation>
    </message>
    <message>
        <source>Verify CA</source>
        <translation>验证 CA</translation>
    </message>
    <message>
        <source>Verify identity (CA and host name)</source>
        <translation>验证身份（CA 和主机名）</translation>
    </message>
    <message>
        <source>for Verify CA and Verify identity</source>
        <translation>用于“验证 CA”和“验证身份”</translation>
    </message>
    <message>
        <source>only for accounts that REQUIRE X509</source>
        <translation>仅用于要求 REQUIRE X509 的账号</translation>
    </message>
</context>
<context>
    <name>ks::EngineText</name>
    <message>
        <source>waiting for an InnoDB seat</source>
        <translation>等待进入 InnoDB 的名额</translation>
    </message>
    <message>
        <source>sleeping before entering InnoDB</source>
        <translation>进入 InnoDB 前休眠</translation>
    </message>
    <message>
        <source>statement rollback</source>
        <translation>语句回滚</translation>
    </message>
    <message>
        <source>transaction rollback</source>
        <translation>事务回滚</translation>
    </message>
    <message>
        <source>idle in transaction</source>
        <translation>事务中空闲</translation>
    </message>
    <message>
        <source>delete temporary files</source>
        <translation>删除临时文件</translation>
    </message>
    <message>
        <source>write temporary file</source>
        <translation>写临时文件</translation>
    </message>
    <message>
        <source>starting index read</source>
        <translation>开始读索引</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>login</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>event scheduler</source>
        <translation>事件调度器</translation>
    </message>
    <message>
        <source>not reading</source>
        <translation>未读取结果</translation>
    </message>
    <message>
        <source>kill flag noticed</source>
        <translation>发现了 KILL 标志</translation>
    </message>
    <message>
        <source>deferred kill replayed</source>
        <translation>重放被推迟的 KILL</translation>
    </message>
    <message>
        <source>deferred (data-dictionary work)</source>
        <translation>已推迟（数据字典操作中）</translation>
    </message>
    <message>
        <source>MDL %1</source>
        <translation>元数据锁 %1</translation>
    </message>
    <message>
        <source>auto-rehash: %1</source>
        <translation>auto-rehash：%1</translation>
    </message>
    <message>
        <source>%1 exceeded</source>
        <translation>%1 超时</translation>
    </message>
    <message>
        <source>I/O pressure → %1 (a what-if knob, not a server variable)</source>
        <translation>I/O 压力 → %1（假设参数，不是服务器变量）</translation>
    </message>
    <message>
        <source>I/O pressure → %1</source>
        <translation>I/O 压力 → %1</translation>
    </message>
    <message>
        <source>I/O %1</source>
        <translation>I/O %1</translation>
    </message>
    <message>
        <source>concurrency = %1</source>
        <translation>并发数 = %1</translation>
    </message>
    <message>
        <source>background rollback of a recovered transaction</source>
        <translation>恢复事务的后台回滚</translation>
    </message>
    <message>
        <source>Server restart (kill -9, then crash recovery)</source>
        <translation>服务器重启（kill -9，然后崩溃恢复）</translation>
    </message>
    <message>
        <source>Server restart</source>
        <translation>服务器重启</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Server accepts connections again</source>
        <translation>服务器重新接受连接</translation>
    </message>
    <message>
        <source>Server back</source>
        <translation>服务器恢复</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>ks::Exporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>A KillScope timeline</source>
        <translation>KillScope 时间线</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
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
        <translation>%1（%2）的录制 — %3</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) at %1.</source>
        <translation>
            <numerusform>%1 时有 %n 个会话。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) at %1; kills: %2.</source>
        <translation>
            <numerusform>%1 时有 %n 个会话；KILL：%2。</numerusform>
        </translation>
    </message>
    <message>
        <source>--at %1: the recording lasts only %2.</source>
        <translation>--at %1：该录制只有 %2 长。</translation>
    </message>
</context>
<context>
    <name>ks::KillConfirmDialog</name>
    <message>
        <source>Confirm %1</source>
        <translation>确认 %1</translation>
    </message>
    <message numerus="yes">
        <source>Confirm %n kill(s)</source>
        <translation>
            <numerusform>确认 %n 个终止操作</numerusform>
        </translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Kill all</source>
        <translation>全部终止</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2：%3</translation>
    </message>
    <message>
        <source>(sessions %1)</source>
        <translation>（会话 %1）</translation>
    </message>
    <message numerus="yes">
        <source>Not offered: %n of these kill(s) cannot succeed.</source>
        <translation>
            <numerusform>未提供：其中 %n 个 kill 不可能成功。</numerusform>
        </translation>
    </message>
    <message>
        <source>Estimates follow the newest sample while this dialog is open.</source>
        <translation>此对话框打开期间，估计值随最新采样更新。</translation>
    </message>
    <message numerus="yes">
        <source>Kill the %n that can succeed</source>
        <translation>
            <numerusform>杀死可以成功的 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ks::KillExecutor</name>
    <message>
        <source>Not sent: connection %1 is one of KillScope&apos;s own; it is never killed.</source>
        <translation>未发送：连接 %1 是 KillScope 自己的连接，永远不会被终止。</translation>
    </message>
    <message>
        <source>Not sent: no connection to kill with: %1</source>
        <translation>未发送：没有可用于执行终止的连接：%1</translation>
    </message>
    <message>
        <source>Not sent: the session&apos;s identity could not be checked: %1</source>
        <translation>未发送：无法核实该会话的身份：%1</translation>
    </message>
</context>
<context>
    <name>ks::KillMatchingDialog</name>
    <message>
        <source>Kill Matching Sessions</source>
        <translation>杀死匹配的会话</translation>
    </message>
    <message>
        <source>KILL QUERY: stop their statements</source>
        <translation>KILL QUERY：停止它们的语句</translation>
    </message>
    <message>
        <source>KILL CONNECTION: end their sessions</source>
        <translation>KILL CONNECTION：结束它们的会话</translation>
    </message>
    <message>
        <source>Rule (the processlist filter):</source>
        <translation>规则（processlist 过滤条件）：</translation>
    </message>
    <message>
        <source>Kill:</source>
        <translation>杀死方式：</translation>
    </message>
    <message>
        <source>(no criterion)</source>
        <translation>（无条件）</translation>
    </message>
    <message>
        <source>Set a filter first (user, host, db, command, state, time &gt; N or text): Kill matching… never kills every session.</source>
        <translation>请先设置过滤条件（user、host、db、command、state、time &gt; N 或文本）：“杀死匹配的会话…”绝不会杀死所有会话。</translation>
    </message>
    <message numerus="yes">
        <source>Dry run: %n session(s) match now; nothing has been sent. Kill asks once more, with what each kill will do.</source>
        <translation>
            <numerusform>试运行：当前有 %n 个会话匹配；尚未发送任何语句。点“杀死”后还会再确认一次，并说明每个 kill 会发生什么。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kill %n…</source>
        <translation>
            <numerusform>杀死 %n 个…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ks::KillMenu</name>
    <message>
        <source>Kill &amp;Query</source>
        <translation>终止查询(&amp;Q)</translation>
    </message>
    <message>
        <source>Kill &amp;Query (%1)</source>
        <translation>终止查询（%1）(&amp;Q)</translation>
    </message>
    <message>
        <source>KILL QUERY: ends the statement; the connection and its open transaction stay.</source>
        <translation>KILL QUERY：结束当前语句；连接和未提交的事务保留。</translation>
    </message>
    <message>
        <source>Kill &amp;Connection</source>
        <translation>终止连接(&amp;C)</translation>
    </message>
    <message>
        <source>Kill &amp;Connection (%1)</source>
        <translation>终止连接（%1）(&amp;C)</translation>
    </message>
    <message>
        <source>KILL CONNECTION: closes the connection; its transaction is rolled back.</source>
        <translation>KILL CONNECTION：关闭连接；其事务会被回滚。</translation>
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
        <translation>SOFT 会等待 REPAIR TABLE 等关键操作完成；HARD（默认）则不等。</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n 个会话</numerusform>
        </translation>
    </message>
    <message>
        <source>At %1 (playback holds)</source>
        <translation>在 %1（播放暂停）</translation>
    </message>
    <message>
        <source>The kill is injected at this moment of the run: where the playhead was when you right-clicked.</source>
        <translation>KILL 会注入到运行的这一刻：也就是你右键单击时播放头所在的位置。</translation>
    </message>
    <message>
        <source>Not possible in a recording: these sessions ended long ago</source>
        <translation>录制中无法执行：这些会话早已结束</translation>
    </message>
</context>
<context>
    <name>ks::KillsModel</name>
    <message>
        <source>Requested</source>
        <translation>已请求</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Accepted, not yet noticed</source>
        <translation>已接受，尚未被发现</translation>
    </message>
    <message>
        <source>Noticed</source>
        <translation>已发现</translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation>回滚中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation>已消失</translation>
    </message>
    <message>
        <source>Reconnected</source>
        <translation>已重连</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Reconnected as %1</source>
        <translation>已重连为 %1</translation>
    </message>
    <message>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>%1 rows left at %2 rows/s</source>
        <translation>剩余 %1 行，每秒 %2 行</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>语句</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Server answer</source>
        <translation>服务器应答</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束于</translation>
    </message>
    <message>
        <source>Kill latency</source>
        <translation>终止耗时</translation>
    </message>
    <message>
        <source>Rows to undo</source>
        <translation>待撤销行数</translation>
    </message>
    <message>
        <source>Why it lingers</source>
        <translation>为何迟迟不结束</translation>
    </message>
</context>
<context>
    <name>ks::KillsPanel</name>
    <message>
        <source>No kills yet. Right-click a session to kill its query or its connection; KillScope then follows it until it is really gone.</source>
        <translation>还没有终止操作。右键单击会话即可终止其查询或连接；KillScope 会一直跟踪，直到它真正消失。</translation>
    </message>
    <message>
        <source>%1 → %2@%3</source>
        <translation>%1 → %2@%3</translation>
    </message>
    <message>
        <source>Phase: %1</source>
        <translation>阶段：%1</translation>
    </message>
    <message>
        <source>Answer: %1 (%2)</source>
        <translation>应答：%1（%2）</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Flag seen: %1</source>
        <translation>发现标志：%1</translation>
    </message>
    <message>
        <source>Rows left to roll back: %1</source>
        <translation>待回滚行数：%1</translation>
    </message>
    <message>
        <source>Ended: %1</source>
        <translation>结束：%1</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>已发送：%1</translation>
    </message>
    <message>
        <source>Rollback rate: %1 rows/s</source>
        <translation>回滚速度：每秒 %1 行</translation>
    </message>
</context>
<context>
    <name>ks::KnobsPanel</name>
    <message>
        <source>MariaDB 10.6 and later have no InnoDB admission queue: the variable is ignored.</source>
        <translation>MariaDB 10.6 及以后版本没有 InnoDB 准入队列：该变量会被忽略。</translation>
    </message>
    <message>
        <source>innodb_&amp;thread_concurrency</source>
        <translation>innodb_&amp;thread_concurrency</translation>
    </message>
    <message>
        <source>InnoDB admission seats (0 = no queue). Raising it lets a queued thread in, and with it the thread that was killed.</source>
        <translation>InnoDB 并发席位数（0 = 不排队）。调大它可以让排队的线程进入，被终止的线程也随之得以结束。</translation>
    </message>
    <message>
        <source>I/O &amp;pressure</source>
        <translation>I/O 压力(&amp;P)</translation>
    </message>
    <message>
        <source>Competing load on the disk: every I/O takes (1 + pressure) times longer. Slows scans, rollbacks and temp-file cleanup.</source>
        <translation>磁盘上的竞争负载：每次 I/O 耗时变为（1 + 压力）倍。会拖慢扫描、回滚和临时文件清理。</translation>
    </message>
    <message>
        <source>&amp;Apply at playhead</source>
        <translation>在播放头处应用(&amp;A)</translation>
    </message>
    <message>
        <source>Runs SET GLOBAL at the playhead time and lets the run continue from there.</source>
        <translation>在播放头所在时刻执行 SET GLOBAL，运行从那里继续。</translation>
    </message>
    <message>
        <source>Server &amp;flavor</source>
        <translation>服务器版本(&amp;F)</translation>
    </message>
    <message>
        <source>Re-runs the scenario on another server version, with the same kills.</source>
        <translation>用另一个服务器版本重新运行场景，终止操作保持不变。</translation>
    </message>
    <message>
        <source>Changes apply at the playhead; what happened before stays as it was.</source>
        <translation>修改从播放头处生效；之前发生的事情保持不变。</translation>
    </message>
    <message>
        <source>Your changes to this run</source>
        <translation>你对本次运行的改动</translation>
    </message>
    <message>
        <source>&amp;Undo all</source>
        <translation>全部撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Forget your kills and SET GLOBAL changes and re-run the scenario as written.</source>
        <translation>丢弃你的终止操作和 SET GLOBAL 修改，按场景原样重新运行。</translation>
    </message>
    <message>
        <source>&amp;Restart server at playhead</source>
        <translation>在播放头处重启服务器(&amp;R)</translation>
    </message>
    <message>
        <source>kill -9 of the server and a start on the same data: every client is dropped (ERROR 2013), crash recovery takes a few seconds, and an unfinished rollback goes on in the background.</source>
        <translation>对服务器执行 kill -9，再在同一份数据上启动：所有客户端都会断开（ERROR 2013），崩溃恢复要几秒钟，没做完的回滚在后台继续。</translation>
    </message>
</context>
<context>
    <name>ks::LabAppClient</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
</context>
<context>
    <name>ks::LabController</name>
    <message>
        <source>Run on a &amp;server…</source>
        <translation>在服务器上运行(&amp;S)…</translation>
    </message>
    <message>
        <source>Run this scenario on a real test server next to its simulation and list the differences</source>
        <translation>在真实的测试服务器上运行这个场景，同时运行它的模拟，并列出差异</translation>
    </message>
    <message>
        <source>Run on a server</source>
        <translation>在服务器上运行</translation>
    </message>
    <message>
        <source>Open a scenario first.</source>
        <translation>请先打开一个场景。</translation>
    </message>
</context>
<context>
    <name>ks::LabDiffModel</name>
    <message>
        <source>timing within tolerance</source>
        <translation>时间在容差内</translation>
    </message>
    <message>
        <source>timing</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Whole scenario</source>
        <translation>整个场景</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>会话 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n difference(s)</source>
        <translation>
            <numerusform>%1 — %n 处差异</numerusform>
        </translation>
    </message>
    <message>
        <source>Declared in the scenario: %1</source>
        <translation>场景中已声明：%1</translation>
    </message>
    <message>
        <source>%1 (declared)</source>
        <translation>%1（已声明）</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>方面</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>模拟</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Detail / reason</source>
        <translation>细节 / 理由</translation>
    </message>
    <message>
        <source>client lines</source>
        <translation>客户端输出</translation>
    </message>
    <message>
        <source>(Command, State)</source>
        <translation>（Command, State）</translation>
    </message>
    <message>
        <source>order of leaving</source>
        <translation>离开的顺序</translation>
    </message>
    <message>
        <source>kill to effect</source>
        <translation>KILL 到生效</translation>
    </message>
    <message>
        <source>rollback rate</source>
        <translation>回滚速度</translation>
    </message>
    <message>
        <source>end state</source>
        <translation>最终状态</translation>
    </message>
</context>
<context>
    <name>ks::LabRunDialog</name>
    <message>
        <source>Use an account that may create databases and users (e.g. root on a test server).</source>
        <translation>请使用可以创建数据库和用户的账户（例如测试服务器上的 root）。</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>No server chosen yet.</source>
        <translation>还没有选择服务器。</translation>
    </message>
    <message>
        <source>Run %1 on a server</source>
        <translation>在服务器上运行 %1</translation>
    </message>
    <message>
        <source>Lab mode runs this scenario on a real test server next to its simulation and lists every difference. It creates its own database (killscope_lab) and accounts, fills the scenario&apos;s tables, runs real mariadb/mysql clients, sends the scenario&apos;s kills to the sessions it started, and removes everything afterwards. Use a test server, never one with real work.</source>
        <translation>实验模式在真实的测试服务器上运行这个场景，同时运行它的模拟，并列出每一处差异。它会创建自己的数据库（killscope_lab）和账户，填充场景的表，运行真正的 mariadb/mysql 客户端，把场景里的 KILL 发给它自己启动的会话，结束后删除所有这些东西。请使用测试服务器，绝不要用承载真实业务的服务器。</translation>
    </message>
    <message>
        <source>Server…</source>
        <translation>服务器…</translation>
    </message>
    <message>
        <source>Lab scale (table sizes and times):</source>
        <translation>实验比例（表的大小和时间）：</translation>
    </message>
    <message>
        <source>Run even though the server has other databases or client sessions</source>
        <translation>即使服务器上有其他数据库或客户端会话也照样运行</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
</context>
<context>
    <name>ks::LabRunner</name>
    <message>
        <source>“%1” failed: %2 (%3)</source>
        <translation>“%1”失败：%2（%3）</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>已中断。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Lab mode does not know this server: %1</source>
        <translation>实验模式不认识这个服务器：%1</translation>
    </message>
    <message>
        <source>Server: %1 (%2).</source>
        <translation>服务器：%1（%2）。</translation>
    </message>
    <message>
        <source>A database called %1 exists that lab mode did not create; lab mode will not touch it. Choose another name or remove it yourself.</source>
        <translation>已经存在一个不是由实验模式创建的数据库 %1；实验模式不会碰它。请换一个名字，或者自己删除它。</translation>
    </message>
    <message>
        <source>Removing what an interrupted lab run left behind (%1).</source>
        <translation>正在删除上次中断的实验运行留下的东西（%1）。</translation>
    </message>
    <message>
        <source>other databases: %1</source>
        <translation>其他数据库：%1</translation>
    </message>
    <message>
        <source>other client sessions: %1</source>
        <translation>其他客户端会话：%1</translation>
    </message>
    <message>
        <source>This server may hold real work (%1). Lab mode creates and drops a database and accounts, changes server variables and kills the sessions it starts; run it on a test server, or pass --lab-force if this one is.</source>
        <translation>这台服务器上可能有真实的业务（%1）。实验模式会创建和删除数据库与账户、修改服务器变量，并 KILL 它自己启动的会话；请在测试服务器上运行，如果这台就是测试服务器，请加上 --lab-force。</translation>
    </message>
    <message>
        <source>Run with --lab-force on a server with %1.</source>
        <translation>在带有%1的服务器上用 --lab-force 运行。</translation>
    </message>
    <message>
        <source>Creating database %1 and %2 lab accounts…</source>
        <translation>正在创建数据库 %1 和 %2 个实验账户…</translation>
    </message>
    <message>
        <source>The login cannot set up a lab (it needs to create databases and users and grant privileges, e.g. root on a test server): %1</source>
        <translation>这个登录账户无法搭建实验环境（需要能创建数据库和用户并授予权限，例如测试服务器上的 root）：%1</translation>
    </message>
    <message>
        <source>Creating table %1 with %2 rows…</source>
        <translation>正在创建有 %2 行的表 %1…</translation>
    </message>
    <message>
        <source>Calibrating %1 statement %2 (%3 runs): %4</source>
        <translation>正在校准 %1 第 %2 条语句（%3 次）：%4</translation>
    </message>
    <message>
        <source>Calibration of %1 failed: %2</source>
        <translation>校准 %1 失败：%2</translation>
    </message>
    <message>
        <source>Measuring the kill round trip…</source>
        <translation>正在测量 KILL 的往返时间…</translation>
    </message>
    <message>
        <source>Measuring the client&apos;s start-up…</source>
        <translation>正在测量客户端的启动时间…</translation>
    </message>
    <message>
        <source>The command-line client did not show its prompt.</source>
        <translation>命令行客户端没有显示提示符。</translation>
    </message>
    <message>
        <source>This server took %1 times as long as the scenario&apos;s costs for the calibrated statements: the scenario&apos;s times are stretched by as much.</source>
        <translation>对校准过的语句，这台服务器用的时间是场景开销的 %1 倍：场景的时间也相应拉长同样的倍数。</translation>
    </message>
    <message>
        <source>Session %1 could not connect: %2</source>
        <translation>会话 %1 无法连接：%2</translation>
    </message>
    <message>
        <source>Session %1 did not connect.</source>
        <translation>会话 %1 没有连上。</translation>
    </message>
    <message>
        <source>Cannot write the client option file in %1.</source>
        <translation>无法在 %1 中写入客户端选项文件。</translation>
    </message>
    <message>
        <source>The client of session %1 did not show its prompt: %2</source>
        <translation>会话 %1 的客户端没有显示提示符：%2</translation>
    </message>
    <message>
        <source>session %1 has no connection yet</source>
        <translation>会话 %1 还没有连接</translation>
    </message>
    <message>
        <source>thread %1 exists on this server and is not a lab session</source>
        <translation>线程 %1 在这台服务器上存在，而且不是实验会话</translation>
    </message>
    <message>
        <source>user %1 is not a lab account</source>
        <translation>用户 %1 不是实验账户</translation>
    </message>
    <message>
        <source>the current query id of session %1 is unknown</source>
        <translation>会话 %1 当前的查询 id 未知</translation>
    </message>
    <message>
        <source>query id %1 is running on this server and is not a lab query</source>
        <translation>查询 id %1 正在这台服务器上运行，而且不是实验查询</translation>
    </message>
    <message>
        <source>%1 statement %2 (%3) not sent: %4</source>
        <translation>%1 第 %2 条语句（%3）没有发出：%4</translation>
    </message>
    <message>
        <source>SET GLOBAL innodb_thread_concurrency = %1 at %2 s not sent: the variable does not exist on MariaDB 10.6 and later (the simulation ignores it there too).</source>
        <translation>%2 秒的 SET GLOBAL innodb_thread_concurrency = %1 没有发出：MariaDB 10.6 及以后没有这个变量（模拟在那里也忽略它）。</translation>
    </message>
    <message>
        <source>%1 = %2 at %3 s not reproduced: lab mode cannot make competing I/O load on the server&apos;s disk.</source>
        <translation>%3 秒的 %1 = %2 没有重现：实验模式无法在服务器的磁盘上制造竞争性的 I/O 负载。</translation>
    </message>
    <message>
        <source>Operator kill at %1 s not sent: %2</source>
        <translation>%1 秒的操作员 KILL 没有发出：%2</translation>
    </message>
    <message>
        <source>Cannot create a private temporary directory.</source>
        <translation>无法创建私有的临时目录。</translation>
    </message>
    <message>
        <source>Starting session %1…</source>
        <translation>正在启动会话 %1…</translation>
    </message>
    <message>
        <source>The sampler could not connect: %1</source>
        <translation>采样器无法连接：%1</translation>
    </message>
    <message>
        <source>The sampler took no sample: %1</source>
        <translation>采样器没有取到样本：%1</translation>
    </message>
    <message>
        <source>Running scenario %1 for %2 s…</source>
        <translation>正在运行场景 %1，时长 %2 秒…</translation>
    </message>
    <message>
        <source>The run went on for %1 s past the scenario&apos;s end (%2 s) until its statements had finished.</source>
        <translation>运行在场景结束（%2 秒）之后又继续了 %1 秒，直到其中的语句都执行完。</translation>
    </message>
    <message>
        <source>Waiting for the lab sessions to end…</source>
        <translation>正在等待实验会话结束…</translation>
    </message>
    <message>
        <source>Some lab threads were still there after 5 minutes; the end state may be incomplete.</source>
        <translation>5 分钟后仍有实验线程存在；最终状态可能不完整。</translation>
    </message>
    <message>
        <source>Session %1&apos;s connection did not close in time.</source>
        <translation>会话 %1 的连接没有及时关闭。</translation>
    </message>
    <message>
        <source>Removing the lab database and accounts…</source>
        <translation>正在删除实验数据库和账户…</translation>
    </message>
    <message>
        <source>Measuring the server&apos;s I/O…</source>
        <translation>正在测量服务器的 I/O…</translation>
    </message>
    <message>
        <source>the server reported no bytes written</source>
        <translation>服务器没有报告写入的字节数</translation>
    </message>
    <message>
        <source>session %1&apos;s connection</source>
        <translation>会话 %1 的连接</translation>
    </message>
    <message>
        <source>lab mode&apos;s own thread (client output, statements, actions)</source>
        <translation>实验模式自身的线程（客户端输出、语句、动作）</translation>
    </message>
</context>
<context>
    <name>ks::LabTerminal</name>
    <message>
        <source>The command-line client “%1” was not found (Debian package mariadb-client).</source>
        <translation>找不到命令行客户端“%1”（Debian 软件包 mariadb-client）。</translation>
    </message>
    <message>
        <source>Could not open a pseudo-terminal: %1</source>
        <translation>无法打开伪终端：%1</translation>
    </message>
</context>
<context>
    <name>ks::LabWindow</name>
    <message>
        <source>Save lab report</source>
        <translation>保存实验报告</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json)</source>
        <translation>Markdown (*.md);;JSON (*.json)</translation>
    </message>
    <message>
        <source>There is no finished lab run to save.</source>
        <translation>没有已完成的实验运行可以保存。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Running %1 on the server…&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;正在服务器上运行 %1…&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#2a7a2a&apos;&gt;no undeclared differences&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#2a7a2a&apos;&gt;没有未声明的差异&lt;/span&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style=&apos;color:#b02020&apos;&gt;%n undeclared difference(s)&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;span style=&apos;color:#b02020&apos;&gt;%n 处未声明的差异&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; on %2 (lab scale %3): %4 — %5 timing check(s) within tolerance (±%6 % + %7 ms)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 在 %2 上（实验比例 %3）：%4 — %5 项时间检查在容差内（±%6 % + %7 毫秒）</translation>
    </message>
    <message>
        <source>Each session: simulation above, server below.</source>
        <translation>每个会话：上面是模拟，下面是服务器。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The lab run did not finish:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;实验运行没有完成：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>No lab run yet.</source>
        <translation>还没有实验运行。</translation>
    </message>
    <message>
        <source>KillScope lab</source>
        <translation>KillScope 实验</translation>
    </message>
    <message>
        <source>KillScope lab — %1</source>
        <translation>KillScope 实验 — %1</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Also show the timing checks within tolerance</source>
        <translation>同时显示在容差内的时间检查</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Client lines</source>
        <translation>客户端输出</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>t (s)</source>
        <translation>t（秒）</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>模拟</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Scheduling lateness during the run: %1 ms (included in the %2 ms).</source>
        <translation>运行期间的调度延迟：%1 毫秒（已计入 %2 毫秒）。</translation>
    </message>
</context>
<context>
    <name>ks::LegendWidget</name>
    <message>
        <source>Kill signal</source>
        <translation>终止信号</translation>
    </message>
    <message>
        <source>An arrow from the session that sends KILL (or Ctrl+C) to its victim.</source>
        <translation>从发出 KILL（或 Ctrl+C）的会话指向被终止会话的箭头。</translation>
    </message>
    <message>
        <source>The victim reached a check point and saw its kill flag.</source>
        <translation>被终止的线程到达检查点，发现了自己的 kill 标志。</translation>
    </message>
    <message>
        <source>SET GLOBAL or a what-if knob, for the whole server from that moment.</source>
        <translation>SET GLOBAL 或某个假设参数：从那一刻起作用于整个服务器。</translation>
    </message>
</context>
<context>
    <name>ks::LiveBanner</name>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ks::LiveController</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>实时(&amp;L)</translation>
    </message>
    <message>
        <source>Connect to &amp;server…</source>
        <translation>连接到服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Read-only (no kills)</source>
        <translation>只读（禁止终止）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause sampling</source>
        <translation>暂停采样(&amp;P)</translation>
    </message>
    <message>
        <source>Show KillScope&apos;s &amp;own connections</source>
        <translation>显示 KillScope 自己的连接(&amp;O)</translation>
    </message>
    <message>
        <source>Kill root &amp;blocker…</source>
        <translation>终止根阻塞者(&amp;B)…</translation>
    </message>
    <message>
        <source>Sampling &amp;interval</source>
        <translation>采样间隔(&amp;I)</translation>
    </message>
    <message>
        <source>Live sessions</source>
        <translation>实时会话</translation>
    </message>
    <message>
        <source>Live kills</source>
        <translation>实时终止记录</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;History kept</source>
        <translation>保留的历史(&amp;H)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) blocks %n session(s)</source>
        <translation>
            <numerusform>%1（%2）阻塞了 %n 个会话</numerusform>
        </translation>
    </message>
    <message>
        <source>Root blockers: %1</source>
        <translation>根阻塞者：%1</translation>
    </message>
    <message>
        <source>Open &amp;audit log (%1)</source>
        <translation>打开审计日志(&amp;A)（%1）</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2 Still attached to %3; nothing shown was changed.</source>
        <translation>无法连接到 %1：%2 仍连接在 %3 上；已显示的内容没有任何改变。</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>As of %1: the connection is lost, so these rows are not current.</source>
        <translation>截至 %1：连接已断开，这些行不是当前状态。</translation>
    </message>
    <message>
        <source>What is shown is as of %1.</source>
        <translation>所显示的内容截至 %1。</translation>
    </message>
    <message>
        <source>No kill has been logged yet. The audit log will be %1 (readable only by you).</source>
        <translation>尚未记录任何终止操作。审计日志将位于 %1（只有你能读取）。</translation>
    </message>
    <message>
        <source>No program to open it here; the audit log is %1 (one JSON line per kill attempt).</source>
        <translation>这里没有可以打开它的程序；审计日志位于 %1（每次终止尝试一行 JSON）。</translation>
    </message>
    <message>
        <source>Sample &amp;now</source>
        <translation>立即采样(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Follow now</source>
        <translation>跟随当前(&amp;F)</translation>
    </message>
    <message>
        <source>Keep the view at the newest sample; off, the view stays where it is while sampling goes on (Space)</source>
        <translation>视图保持在最新采样；关闭时视图停在原处，采样照常进行（空格键）</translation>
    </message>
    <message>
        <source>Show &amp;gone sessions</source>
        <translation>显示已结束的会话(&amp;G)</translation>
    </message>
    <message>
        <source>F&amp;old gone sessions after</source>
        <translation>已结束会话折叠时间(&amp;O)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Kill &amp;matching…</source>
        <translation>杀死匹配的会话(&amp;M)…</translation>
    </message>
    <message>
        <source>Kill the sessions the processlist filter matches, after a dry run</source>
        <translation>先试运行，再杀死 processlist 过滤条件匹配的会话</translation>
    </message>
    <message>
        <source>Session details</source>
        <translation>会话详情</translation>
    </message>
    <message>
        <source>detected %1</source>
        <translation>识别为 %1</translation>
    </message>
    <message>
        <source>up %1</source>
        <translation>已运行 %1</translation>
    </message>
    <message>
        <source>sampling paused (F6)</source>
        <translation>采样已暂停（F6）</translation>
    </message>
    <message>
        <source>view frozen at %1 (Space: follow)</source>
        <translation>视图冻结于 %1（空格键：跟随）</translation>
    </message>
    <message>
        <source>%1, account %2</source>
        <translation>%1，账号 %2</translation>
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
            <numerusform>ⓘ %1（还有 %n 条：悬停查看）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ks::LiveSource</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Reconnected to %1 (%2).</source>
        <translation>已重新连接到 %1（%2）。</translation>
    </message>
    <message>
        <source>Connected to %1 (%2).</source>
        <translation>已连接到 %1（%2）。</translation>
    </message>
    <message>
        <source>%1 — waits for %2</source>
        <translation>%1 — 等待 %2</translation>
    </message>
    <message>
        <source>noticed %1</source>
        <translation>于 %1 发现</translation>
    </message>
    <message>
        <source>reconnected as %1</source>
        <translation>已重连为 %1</translation>
    </message>
    <message>
        <source>Not sent: KillScope has no record of session %1; it kills only sessions it has observed.</source>
        <translation>未发送：KillScope 没有会话 %1 的记录；它只终止自己观察到的会话。</translation>
    </message>
    <message>
        <source>Not sent: the server has restarted since session %1 was seen; that session is gone, and id %1 may now name another one.</source>
        <translation>未发送：自看到会话 %1 以来服务器已重启；该会话已消失，编号 %1 现在可能属于另一个会话。</translation>
    </message>
    <message>
        <source>Not sent: connection %1 is one of KillScope&apos;s own; it is never killed.</source>
        <translation>未发送：连接 %1 是 KillScope 自己的连接，永远不会被终止。</translation>
    </message>
    <message>
        <source>Not sent: no session has id %1 in the newest sample.</source>
        <translation>未发送：最新的采样中没有编号为 %1 的会话。</translation>
    </message>
    <message>
        <source>KillScope will not send this kill; the attempt is written to the audit log.</source>
        <translation>KillScope 不会发送这次终止；这次尝试会写入审计日志。</translation>
    </message>
    <message>
        <source>Not sent: read-only mode; kills are disabled.</source>
        <translation>未发送：只读模式，终止操作已禁用。</translation>
    </message>
    <message>
        <source>Not sent: not connected to a server.</source>
        <translation>未发送：没有连接到服务器。</translation>
    </message>
    <message>
        <source>%1 was refused: %2</source>
        <translation>%1 被拒绝：%2</translation>
    </message>
    <message>
        <source>KillScope stopped following this kill while it was %1.</source>
        <translation>KillScope 在这次终止处于“%1”时停止了跟踪。</translation>
    </message>
    <message>
        <source>Not sent: session %1 (first seen %2) ended at %3; id %1 now names a session first seen %4.</source>
        <translation>未发送：会话 %1（首次看到于 %2）已于 %3 结束；编号 %1 现在属于首次看到于 %4 的会话。</translation>
    </message>
    <message>
        <source>Not sent: session %1 (first seen %2) has ended; id %1 now names a session first seen %3.</source>
        <translation>未发送：会话 %1（首次看到于 %2）已结束；编号 %1 现在属于首次看到于 %3 的会话。</translation>
    </message>
    <message>
        <source>Not sent: session %1 ended at %2.</source>
        <translation>未发送：会话 %1 已于 %2 结束。</translation>
    </message>
    <message>
        <source>Not sent: session %1 has ended.</source>
        <translation>未发送：会话 %1 已结束。</translation>
    </message>
    <message>
        <source>The server restarted at %1 (it had been running since %2). Every session seen before is gone; kills aimed at them are not sent.</source>
        <translation>服务器已于 %1 重启（此前自 %2 起运行）。之前看到的所有会话都已消失；针对它们的终止不会被发送。</translation>
    </message>
    <message>
        <source>KillScope cannot rule out that the server restarted (%1). Every session seen before is taken as gone; kills aimed at them are not sent.</source>
        <translation>KillScope 无法排除服务器已重启的可能（%1）。之前看到的所有会话都视为已消失；针对它们的终止不会被发送。</translation>
    </message>
    <message>
        <source>%1, since %2: %3</source>
        <translation>%1，自 %2 起：%3</translation>
    </message>
    <message>
        <source>%1, since %2: %3 Reconnecting (attempt %4, next in %5 s)…</source>
        <translation>%1，自 %2 起：%3 正在重新连接（第 %4 次尝试，%5 秒后再试）…</translation>
    </message>
    <message>
        <source>%1 KillScope keeps what it has recorded and reconnects.</source>
        <translation>%1 KillScope 会保留已记录的内容并重新连接。</translation>
    </message>
    <message>
        <source>The server restarted after this session was chosen: the estimate is no longer updated.</source>
        <translation>选定此会话之后服务器已重启：估计不再更新。</translation>
    </message>
    <message>
        <source>The connection to the server was lost at %1: the estimate is as of the last sample and no longer updated.</source>
        <translation>与服务器的连接已于 %1 断开：估计为最后一次采样时的情况，不再更新。</translation>
    </message>
    <message>
        <source>Not connected to the server: the estimate is no longer updated.</source>
        <translation>未连接到服务器：估计不再更新。</translation>
    </message>
</context>
<context>
    <name>ks::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Built-in Scenarios</source>
        <translation>内置场景(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Open Scenario…</source>
        <translation>打开场景(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Run as Chrome &amp;Trace JSON…</source>
        <translation>运行过程导出为 Chrome &amp;Trace JSON…</translation>
    </message>
    <message>
        <source>Processlist as &amp;CSV…</source>
        <translation>进程列表导出为 &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>播放 / 暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next Event</source>
        <translation>下一个事件(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;revious Event</source>
        <translation>上一个事件(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;start</source>
        <translation>从头开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Faster</source>
        <translation>加速(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Slower</source>
        <translation>减速(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Zoom to Fit</source>
        <translation>缩放到全部(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Undo My Kills and Knob Changes</source>
        <translation>撤销我的终止操作和参数修改(&amp;U)</translation>
    </message>
    <message>
        <source>Presentation &amp;Mode</source>
        <translation>演示模式(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About KillScope</source>
        <translation>关于 KillScope(&amp;A)</translation>
    </message>
    <message>
        <source>Processlist</source>
        <translation>进程列表</translation>
    </message>
    <message>
        <source>Kills</source>
        <translation>终止记录</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Client transcripts</source>
        <translation>客户端输出</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>解说</translation>
    </message>
    <message>
        <source>What if…</source>
        <translation>假如…</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Scenario:</source>
        <translation>场景：</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>SHOW FULL PROCESSLIST at the playhead. Right-click a row to kill its query or its connection.</source>
        <translation>播放头时刻的 SHOW FULL PROCESSLIST。右键单击某一行可终止其查询或连接。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;KillScope %1&lt;/h3&gt;&lt;p&gt;Shows what really happens when someone runs KILL QUERY or KILL CONNECTION on MySQL or MariaDB: when the victim notices, what it still has to finish, and what each client sees.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;KillScope %1&lt;/h3&gt;&lt;p&gt;展示在 MySQL 或 MariaDB 上执行 KILL QUERY 或 KILL CONNECTION 时真正发生了什么：被终止的线程何时发现、它还必须完成哪些工作，以及每个客户端看到了什么。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About KillScope</source>
        <translation>关于 KillScope</translation>
    </message>
    <message numerus="yes">
        <source>t = %1 s · %n session(s)</source>
        <translation>
            <numerusform>t = %1 秒 · %n 个会话</numerusform>
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
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <source>Open Scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>KillScope scenarios (*.json);;All files (*)</source>
        <translation>KillScope 场景 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The trace export is available for simulated runs.</source>
        <translation>只有模拟运行才能导出 trace。</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <source>Chrome Trace JSON (*.json)</source>
        <translation>Chrome Trace JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>%1 s: %2</source>
        <translation>%1 秒：%2</translation>
    </message>
    <message>
        <source>Requested: %1</source>
        <translation>已请求：%1</translation>
    </message>
    <message>
        <source>Go to the &amp;End</source>
        <translation>跳到结尾(&amp;E)</translation>
    </message>
    <message>
        <source>Slide as &amp;PNG…</source>
        <translation>幻灯片导出为 &amp;PNG…</translation>
    </message>
    <message>
        <source>Slide as &amp;SVG…</source>
        <translation>幻灯片导出为 &amp;SVG…</translation>
    </message>
    <message>
        <source>Processlist &amp;Overlay (Presentation)</source>
        <translation>进程列表浮层（演示模式）(&amp;O)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Nothing to apply: the knobs already have these values at %1 s.</source>
        <translation>没有可应用的改动：在 %1 秒时参数已经是这些值。</translation>
    </message>
    <message>
        <source>%1 from %2 on; everything before stays as it was.</source>
        <translation>从 %2 起：%1；之前的一切保持原样。</translation>
    </message>
    <message>
        <source>%1 injected at %2; the run continues from there.</source>
        <translation>%1 已在 %2 注入；运行从那里继续。</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>场景(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Start Here</source>
        <translation>从这里开始(&amp;S)</translation>
    </message>
    <message>
        <source>Readers’ &amp;Questions</source>
        <translation>读者的问题(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Restart Server at Playhead</source>
        <translation>在播放头处重启服务器(&amp;R)</translation>
    </message>
    <message>
        <source>kill -9 of the simulated server and a start on the same data, at the playhead</source>
        <translation>在播放头处对模拟的服务器执行 kill -9，并在同一份数据上重新启动</translation>
    </message>
    <message>
        <source>The simulated server restarts at %1 s: every client is dropped; what happened before stays as it was.</source>
        <translation>模拟的服务器在 %1 秒处重启：所有客户端都会断开；之前发生的一切保持不变。</translation>
    </message>
    <message>
        <source>Recording %1 — %2 (%3) — KillScope</source>
        <translation>录制 %1 — %2（%3）— KillScope</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n session(s)</source>
        <translation>
            <numerusform>%1 · %n 个会话</numerusform>
        </translation>
    </message>
    <message>
        <source>Freeze the view (sampling goes on) / follow now again</source>
        <translation>冻结视图（采样照常进行）/ 重新跟随当前</translation>
    </message>
    <message>
        <source>Follow now</source>
        <translation>跟随当前</translation>
    </message>
    <message>
        <source>Kill the selected sessions&apos; connections (after confirmation)</source>
        <translation>杀死所选会话的连接（需确认）</translation>
    </message>
    <message>
        <source>Copy the selected statements</source>
        <translation>复制所选语句</translation>
    </message>
    <message>
        <source>Right-click</source>
        <translation>右键单击</translation>
    </message>
    <message>
        <source>Kill menu for a lane or a row</source>
        <translation>泳道或行的 kill 菜单</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>detected %1</source>
        <translation>识别为 %1</translation>
    </message>
    <message>
        <source>recorded %1 – %2 (%3)</source>
        <translation>录制于 %1 – %2（%3）</translation>
    </message>
    <message>
        <source>%1, account %2, file %3</source>
        <translation>%1，账户 %2，文件 %3</translation>
    </message>
    <message>
        <source>Recording: %1</source>
        <translation>录制：%1</translation>
    </message>
</context>
<context>
    <name>ks::NarrationPanel</name>
    <message>
        <source>This run has no narration.</source>
        <translation>本次运行没有解说。</translation>
    </message>
    <message>
        <source>Press Space to play, → for the next step.</source>
        <translation>按空格键播放，按 → 跳到下一步。</translation>
    </message>
    <message>
        <source>What is happening</source>
        <translation>正在发生什么</translation>
    </message>
</context>
<context>
    <name>ks::PasswordStore</name>
    <message>
        <source>KillScope was built without QtKeychain: passwords are not saved.</source>
        <translation>KillScope 构建时未包含 QtKeychain：不会保存密码。</translation>
    </message>
</context>
<context>
    <name>ks::PlaybackBar</name>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停（空格）</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>播放（空格）</translation>
    </message>
    <message>
        <source>Restart (Home)</source>
        <translation>从头开始（Home）</translation>
    </message>
    <message>
        <source>Previous event (←)</source>
        <translation>上一个事件（←）</translation>
    </message>
    <message>
        <source>Next event (→)</source>
        <translation>下一个事件（→）</translation>
    </message>
    <message>
        <source>Playback speed ([ slower, ] faster)</source>
        <translation>播放速度（[ 减速，] 加速）</translation>
    </message>
    <message>
        <source>Drag to scrub through the run</source>
        <translation>拖动以浏览整个运行过程</translation>
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
        <translation>隐藏 Sleep</translation>
    </message>
    <message>
        <source>Hide system threads</source>
        <translation>隐藏系统线程</translation>
    </message>
    <message>
        <source>Show KillScope&apos;s own</source>
        <translation>显示 KillScope 自己的连接</translation>
    </message>
    <message>
        <source>KillScope&apos;s sampler and kill connections (hidden by default)</source>
        <translation>KillScope 的采样连接和终止连接（默认隐藏）</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>db</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Show only rows whose %1 contains this text</source>
        <translation>只显示%1包含此文本的行</translation>
    </message>
    <message>
        <source>Search statements or an id…</source>
        <translation>搜索语句或 id…</translation>
    </message>
    <message>
        <source>time &gt; </source>
        <translation>time &gt; </translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>任意时长</translation>
    </message>
    <message>
        <source>Show only sessions longer than this in their current state</source>
        <translation>只显示在当前状态停留超过此时长的会话</translation>
    </message>
</context>
<context>
    <name>ks::ProcesslistFilterModel</name>
    <message>
        <source>not Sleep</source>
        <translation>非 Sleep</translation>
    </message>
    <message>
        <source>time &gt; %1 s</source>
        <translation>time &gt; %1 秒</translation>
    </message>
    <message>
        <source>text ~ %1</source>
        <translation>文本 ~ %1</translation>
    </message>
</context>
<context>
    <name>ks::ProcesslistModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Waits for a lock held by session %1</source>
        <translation>在等待会话 %1 持有的锁</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>被谁阻塞</translation>
    </message>
    <message>
        <source>Seconds in the current state (MariaDB: since the end of the last statement for Sleep)</source>
        <translation>处于当前状态的秒数（MariaDB 中 Sleep 从上一条语句结束时算起）</translation>
    </message>
    <message>
        <source>MariaDB&apos;s progress of the statement in percent over all stages</source>
        <translation>MariaDB 中语句在所有阶段上的总进度（百分比）</translation>
    </message>
    <message>
        <source>INNODB_TRX.trx_state: RUNNING, LOCK WAIT, ROLLING BACK</source>
        <translation>INNODB_TRX.trx_state：RUNNING、LOCK WAIT、ROLLING BACK</translation>
    </message>
    <message>
        <source>INNODB_TRX.trx_rows_modified: counts down while the transaction rolls back</source>
        <translation>INNODB_TRX.trx_rows_modified：事务回滚时会递减</translation>
    </message>
    <message>
        <source>INNODB_TRX.trx_operation_state</source>
        <translation>INNODB_TRX.trx_operation_state</translation>
    </message>
    <message>
        <source>The session holding the lock this one waits for</source>
        <translation>持有本会话所等待的锁的会话</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>Transaction started %1</source>
        <translation>事务开始于 %1</translation>
    </message>
    <message>
        <source>Idle in transaction: no statement runs, but its transaction (open %1) keeps its locks and undo until it commits or rolls back.</source>
        <translation>事务中空闲：没有语句在执行，但它的事务（已打开 %1）会一直持有锁和 undo，直到提交或回滚。</translation>
    </message>
    <message>
        <source>for an unknown time</source>
        <translation>时长未知</translation>
    </message>
    <message>
        <source>trx age</source>
        <translation>事务时长</translation>
    </message>
    <message>
        <source>How long the transaction has been open (since INNODB_TRX.trx_started)</source>
        <translation>事务已打开多久（自 INNODB_TRX.trx_started 起）</translation>
    </message>
    <message>
        <source>INNODB_TRX.trx_rows_locked: rows this transaction holds locks on (approximate)</source>
        <translation>INNODB_TRX.trx_rows_locked：此事务持有锁的行数（近似值）</translation>
    </message>
</context>
<context>
    <name>ks::RecordingController</name>
    <message>
        <source>Open &amp;recording…</source>
        <translation>打开录制(&amp;R)…</translation>
    </message>
    <message>
        <source>Replay a recorded live session in this window.</source>
        <translation>在此窗口中回放录制的实时会话。</translation>
    </message>
    <message>
        <source>&amp;Record live sessions</source>
        <translation>录制实时会话(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Record live sessions (%1)</source>
        <translation>录制实时会话(&amp;R)（%1）</translation>
    </message>
    <message>
        <source>Writes every sample, the server&apos;s identity and KillScope&apos;s kills to a file that File ▸ Open recording replays. Files are in %1.</source>
        <translation>把每个样本、服务器身份和 KillScope 的 KILL 写入文件，可用“文件 ▸ 打开录制”回放。文件位于 %1。</translation>
    </message>
    <message>
        <source>Show recordings &amp;folder</source>
        <translation>显示录制文件夹(&amp;F)</translation>
    </message>
    <message numerus="yes">
        <source>● Recording: %n sample(s), %1</source>
        <translation>
            <numerusform>● 正在录制：%n 个样本，%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Not recording</source>
        <translation>未在录制</translation>
    </message>
    <message>
        <source>Open recording</source>
        <translation>打开录制</translation>
    </message>
    <message>
        <source>KillScope recordings (*.ksrec);;All files (*)</source>
        <translation>KillScope 录制文件 (*.ksrec);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Replaying a recording ends the live session with %1 (its own recording is kept). Continue?</source>
        <translation>回放录制会结束与 %1 的实时会话（它自己的录制会保留）。是否继续？</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>KillScope cannot replay this file.

%1</source>
        <translation>KillScope 无法回放此文件。

%1</translation>
    </message>
    <message numerus="yes">
        <source>Replaying %1: %2, %n sample(s).</source>
        <translation>
            <numerusform>正在回放 %1：%2，%n 个样本。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ks::RecordingSource</name>
    <message>
        <source>This is a recording: its sessions ended long ago, so there is nothing to kill. Connect to the server (File ▸ Connect) to kill a session that exists now.</source>
        <translation>这是一个录制：其中的会话早已结束，没有可以 KILL 的对象。要 KILL 现有的会话，请连接服务器（文件 ▸ 连接）。</translation>
    </message>
</context>
<context>
    <name>ks::RecordingWriter</name>
    <message>
        <source>it is not a regular file</source>
        <translation>它不是普通文件</translation>
    </message>
    <message>
        <source>it is not a KillScope recording</source>
        <translation>它不是 KillScope 录制文件</translation>
    </message>
    <message>
        <source>it is an SQLite database of another program</source>
        <translation>它是其他程序的 SQLite 数据库</translation>
    </message>
    <message>
        <source>Cannot record to %1: %2</source>
        <translation>无法录制到 %1：%2</translation>
    </message>
    <message>
        <source>the file exists and %1; KillScope does not overwrite it.</source>
        <translation>文件已存在且%1；KillScope 不会覆盖它。</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>the schema is missing from the program&apos;s resources</source>
        <translation>程序资源中缺少数据库结构定义</translation>
    </message>
    <message>
        <source>Recording stopped: %1</source>
        <translation>录制已停止：%1</translation>
    </message>
    <message>
        <source>Recording stopped: trimming failed: %1</source>
        <translation>录制已停止：裁剪失败：%1</translation>
    </message>
</context>
<context>
    <name>ks::RunNarrator</name>
    <message>
        <source>the server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>thread %1</source>
        <translation>线程 %1</translation>
    </message>
    <message>
        <source>at its next check point</source>
        <translation>在它的下一个检查点</translation>
    </message>
    <message>
        <source>at the next row of its loop (each row is a check point)</source>
        <translation>在循环的下一行（每一行都是一个检查点）</translation>
    </message>
    <message>
        <source>at once: KILL wakes a row-lock wait</source>
        <translation>立即发现：KILL 会唤醒行锁等待</translation>
    </message>
    <message>
        <source>at once: KILL wakes a metadata-lock wait</source>
        <translation>立即发现：KILL 会唤醒元数据锁等待</translation>
    </message>
    <message>
        <source>at once: KILL wakes a table-lock wait</source>
        <translation>立即发现：KILL 会唤醒表锁等待</translation>
    </message>
    <message>
        <source>at once: KILL wakes SLEEP()</source>
        <translation>立即发现：KILL 会唤醒 SLEEP()</translation>
    </message>
    <message>
        <source>when it wakes from a sleep in the InnoDB queue and looks at the flag</source>
        <translation>在 InnoDB 队列中睡醒并查看标志时</translation>
    </message>
    <message>
        <source>only when its I/O call returns (there is no check point inside it)</source>
        <translation>要等 I/O 调用返回才发现（调用内部没有检查点）</translation>
    </message>
    <message>
        <source>when its blocked network write fails</source>
        <translation>在被阻塞的网络写失败时</translation>
    </message>
    <message>
        <source>while it waits for its next command</source>
        <translation>在等待下一条命令时</translation>
    </message>
    <message>
        <source>while it logs in</source>
        <translation>在登录过程中</translation>
    </message>
    <message>
        <source>only after its data-dictionary work</source>
        <translation>要等数据字典操作结束后</translation>
    </message>
    <message>
        <source>You send %1 at %2</source>
        <translation>你在 %2 发送了 %1</translation>
    </message>
    <message>
        <source>%1 comes at %2</source>
        <translation>%1 在 %2 到来</translation>
    </message>
    <message>
        <source>%1: the server answers ERROR %2, and nothing happens to %3.</source>
        <translation>%1：服务器回答 ERROR %2，%3 什么也没发生。</translation>
    </message>
    <message>
        <source>%1. The KILL returns Query OK, but %2 is between statements, and MySQL ignores a KILL QUERY there: nothing changes.</source>
        <translation>%1。KILL 返回 Query OK，但 %2 正处于两条语句之间，MySQL 在这里会忽略 KILL QUERY：什么都没变。</translation>
    </message>
    <message>
        <source>%1. The KILL returns Query OK, but %2 is already being killed: this one changes nothing.</source>
        <translation>%1。KILL 返回 Query OK，但 %2 已经在被终止：这一次什么也没改变。</translation>
    </message>
    <message>
        <source>%1. %2 is idle: MariaDB keeps the flag, so the processlist shows Killed until its next command clears it; that command runs normally.</source>
        <translation>%1。%2 处于空闲：MariaDB 保留这个标志，所以进程列表显示 Killed，直到下一条命令把它清掉；那条命令照常执行。</translation>
    </message>
    <message>
        <source>%1. It only sets the kill flag of %2; the KILL returns Query OK at once, and %2 goes on until it looks at the flag.</source>
        <translation>%1。它只是设置了 %2 的终止标志；KILL 立即返回 Query OK，而 %2 会一直运行到它查看标志为止。</translation>
    </message>
    <message>
        <source>%1. It sets the kill flag of %2 and shuts its socket; the KILL returns Query OK at once.</source>
        <translation>%1。它设置了 %2 的终止标志并关闭其套接字；KILL 立即返回 Query OK。</translation>
    </message>
    <message>
        <source>%1 had already passed its last check point: the statement completes anyway, and the kill comes too late to matter.</source>
        <translation>%1 已经越过了最后一个检查点：语句照样完成，这次 KILL 来得太晚，不起作用。</translation>
    </message>
    <message>
        <source>At %1 SLEEP() is woken and simply returns 1: on MySQL an interrupted SLEEP() alone is no error.</source>
        <translation>在 %1，SLEEP() 被唤醒并直接返回 1：在 MySQL 上，单独的 SLEEP() 被中断不算错误。</translation>
    </message>
    <message>
        <source>%1 notices the flag in the same instant, %2.</source>
        <translation>%1 在同一时刻就发现了标志，%2。</translation>
    </message>
    <message>
        <source>%1 notices the flag at %2, %3 after the KILL, %4.</source>
        <translation>%1 在 %2 发现了标志，距 KILL %3，%4。</translation>
    </message>
    <message>
        <source> MySQL 5.7 never looks at the flag while a thread waits in the InnoDB queue.</source>
        <translation>MySQL 5.7 在线程于 InnoDB 队列中等待时从不查看这个标志。</translation>
    </message>
    <message>
        <source>By the end of the run (%1) %2 has still not noticed the flag.%3</source>
        <translation>到运行结束（%1）时，%2 仍未发现标志。%3</translation>
    </message>
    <message>
        <source>its whole transaction</source>
        <translation>整个事务</translation>
    </message>
    <message>
        <source>its statement</source>
        <translation>这条语句</translation>
    </message>
    <message>
        <source>Now %1 must undo %2 rows of %3: the rollback runs from %4 to %5 (%6) and cannot be interrupted.</source>
        <translation>现在 %1 必须撤销%3的 %2 行：回滚从 %4 持续到 %5（%6），而且不能被打断。</translation>
    </message>
    <message>
        <source>Now %1 must undo %2 rows of %3, from %4 on; it is still rolling back when the run ends (%5). A rollback cannot be interrupted.</source>
        <translation>现在 %1 必须从 %4 起撤销%3的 %2 行；运行结束（%5）时它仍在回滚。回滚不能被打断。</translation>
    </message>
    <message>
        <source>The client of %1 shows ERROR 2013 (lost connection) at %2, while the server thread goes on until %3.</source>
        <translation>%1 的客户端在 %2 显示 ERROR 2013（连接丢失），而服务器线程一直工作到 %3。</translation>
    </message>
    <message>
        <source>The client of %1 shows ERROR 2013 (lost connection) at %2, while the server thread is still at work when the run ends.</source>
        <translation>%1 的客户端在 %2 显示 ERROR 2013（连接丢失），而运行结束时服务器线程仍在工作。</translation>
    </message>
    <message>
        <source>The client of %1 shows ERROR %2 at %3, %4 after the KILL.</source>
        <translation>%1 的客户端在 %3 显示 ERROR %2，距 KILL %4。</translation>
    </message>
    <message>
        <source>The client of %1 is not told anything in this run: it would find out only with its next statement.</source>
        <translation>在这次运行中 %1 的客户端什么也没得到通知：要到它发送下一条语句时才会发现。</translation>
    </message>
    <message>
        <source>The thread of %1 ends at %2.</source>
        <translation>%1 的线程在 %2 结束。</translation>
    </message>
    <message>
        <source>%1 gets the row lock it was waiting for at %2.</source>
        <translation>%1 在 %2 拿到了它一直在等的行锁。</translation>
    </message>
    <message>
        <source>%1 gets the metadata lock it was waiting for at %2.</source>
        <translation>%1 在 %2 拿到了它一直在等的元数据锁。</translation>
    </message>
    <message>
        <source>after the end of the run</source>
        <translation>运行结束之后</translation>
    </message>
    <message>
        <source>the rollback of %1 now ends at %2 (without the change: %3)</source>
        <translation>%1 的回滚现在在 %2 结束（没有这个改动时：%3）</translation>
    </message>
    <message>
        <source>the kill of %1 is over at %2 (without the change: %3)</source>
        <translation>对 %1 的终止在 %2 完成（没有这个改动时：%3）</translation>
    </message>
    <message>
        <source>the thread of %1 ends at %2 (without the change: %3)</source>
        <translation>%1 的线程在 %2 结束（没有这个改动时：%3）</translation>
    </message>
    <message>
        <source>the run now ends at %1 (without the change: %2)</source>
        <translation>运行现在在 %1 结束（没有这个改动时：%2）</translation>
    </message>
    <message>
        <source>From here on the run goes differently.</source>
        <translation>从这里开始，运行的走向变了。</translation>
    </message>
    <message>
        <source>From here on the run goes differently: %1.</source>
        <translation>从这里开始，运行的走向变了：%1。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>It changes nothing in the rest of this run: the rollback then reads no pages from disk (they are in the buffer pool), so it is CPU-bound here and disk load does not slow it.</source>
        <translation>它没有改变这次运行的后续：那时的回滚不从磁盘读页（页都在缓冲池里），所以这里是 CPU 密集的，磁盘负载拖慢不了它。</translation>
    </message>
    <message>
        <source>It changes nothing in the rest of this run: the work then reads no pages from disk, so it is CPU-bound here and disk load does not slow it.</source>
        <translation>它没有改变这次运行的后续：那时的工作不从磁盘读页，所以这里是 CPU 密集的，磁盘负载拖慢不了它。</translation>
    </message>
    <message>
        <source>It changes nothing in the rest of this run: nothing reads from or writes to the disk after that moment.</source>
        <translation>它没有改变这次运行的后续：那一刻之后没有任何读写磁盘的操作。</translation>
    </message>
    <message>
        <source>It changes nothing in the rest of this run: no thread waits for an InnoDB seat after that moment, so the number of seats does not matter.</source>
        <translation>它没有改变这次运行的后续：那一刻之后没有线程在等 InnoDB 席位，所以席位多少无关紧要。</translation>
    </message>
    <message>
        <source>It changes nothing in the rest of this run: nothing after that moment depends on it.</source>
        <translation>它没有改变这次运行的后续：那一刻之后没有任何东西依赖它。</translation>
    </message>
    <message>
        <source>You change %1 at %2. %3</source>
        <translation>你在 %2 执行了改动：%1。%3</translation>
    </message>
    <message>
        <source>You %1 at %2. %3</source>
        <translation>你在 %2 %1。%3</translation>
    </message>
</context>
<context>
    <name>ks::SamplerCostWidget</name>
    <message>
        <source>sampling paused</source>
        <translation>采样已暂停</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>每 %1 秒</translation>
    </message>
    <message>
        <source>Sampler: %1</source>
        <translation>采样器：%1</translation>
    </message>
    <message>
        <source>Sample %1 ms · %2 rows · CPU %3 ms · %4</source>
        <translation>采样 %1 毫秒 · %2 行 · CPU %3 毫秒 · %4</translation>
    </message>
    <message>
        <source>Last sample: %1 queries, round trip %2 ms, %3 rows read.
Client CPU: %4 ms on the sampler thread (query and parse), %5 ms on the GUI thread (diff into the timeline).</source>
        <translation>上次采样：%1 个查询，往返 %2 毫秒，读取 %3 行。
客户端 CPU：采样线程 %4 毫秒（查询与解析），界面线程 %5 毫秒（合并到时间线）。</translation>
    </message>
</context>
<context>
    <name>ks::ScenarioFile</name>
    <message>
        <source>unknown scenario id &quot;%1&quot; (built-in: %2)</source>
        <translation>未知的场景 id “%1”（内置场景：%2）</translation>
    </message>
    <message>
        <source>no scenario file given</source>
        <translation>没有给出场景文件</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1：无法打开：%2</translation>
    </message>
    <message>
        <source>%1: is %2, not a scenario file (only regular files are read)</source>
        <translation>%1：是%2，不是场景文件（只读取普通文件）</translation>
    </message>
    <message>
        <source>%1: %2 bytes is more than the %3 bytes (16 MiB) a scenario may have</source>
        <translation>%1：%2 字节超过了场景文件允许的 %3 字节（16 MiB）</translation>
    </message>
</context>
<context>
    <name>ks::ScenarioPath</name>
    <message>
        <source>Why does KILL end a row-lock wait at once?</source>
        <translation>为什么 KILL 能立刻结束行锁等待？</translation>
    </message>
    <message>
        <source>Why does KILL not free a thread that waits for an InnoDB seat?</source>
        <translation>为什么 KILL 救不了在等 InnoDB 名额的线程？</translation>
    </message>
    <message>
        <source>Why is a killed UPDATE still in the processlist for seconds?</source>
        <translation>为什么被杀的 UPDATE 还会在 processlist 里待上好几秒？</translation>
    </message>
    <message>
        <source>What does Ctrl+C in the mysql client really send?</source>
        <translation>mysql 客户端里的 Ctrl+C 到底发了什么？</translation>
    </message>
    <message>
        <source>KILL QUERY instead: why does the error only come after the rollback?</source>
        <translation>换成 KILL QUERY：为什么错误要等回滚完才出现？</translation>
    </message>
    <message>
        <source>Does KILL QUERY inside a transaction release its locks?</source>
        <translation>事务里的 KILL QUERY 会释放锁吗？</translation>
    </message>
    <message>
        <source>What happens when an idle open transaction is killed?</source>
        <translation>杀掉一个空闲的未提交事务会怎样？</translation>
    </message>
    <message>
        <source>A killed transaction is rolling back: restart the server or wait?</source>
        <translation>被杀的事务正在回滚：重启服务器还是等待？</translation>
    </message>
    <message>
        <source>Why can a rollback take longer than the change?</source>
        <translation>为什么回滚可能比修改本身还慢？</translation>
    </message>
    <message>
        <source>How can a client that stops reading make a kill wait?</source>
        <translation>客户端不读结果，为什么会让 KILL 也等着？</translation>
    </message>
    <message>
        <source>What does a killed big sort still have to clean up?</source>
        <translation>被杀的大排序还要清理什么？</translation>
    </message>
    <message>
        <source>What does KILL do to a running ALTER TABLE?</source>
        <translation>KILL 对正在执行的 ALTER TABLE 有什么作用？</translation>
    </message>
    <message>
        <source>Can a killed statement still commit?</source>
        <translation>被杀的语句还会提交吗？</translation>
    </message>
    <message>
        <source>How does a statement timeout kill a query?</source>
        <translation>语句超时是怎样杀掉查询的？</translation>
    </message>
    <message>
        <source>Who may kill whom, and which errors does KILL give?</source>
        <translation>谁能杀谁？KILL 会报哪些错？</translation>
    </message>
    <message>
        <source>Is KILL CONNECTION just a disconnect that then runs the KILL QUERY path?</source>
        <translation>KILL CONNECTION 是不是先断开连接，然后再走一遍 KILL QUERY 的流程？</translation>
    </message>
    <message>
        <source>No. The socket is closed at once, so the client sees ERROR 2013 while the server thread is still working: it notices the flag at its next row, rolls the statement back and then the rest of the transaction, shown as Killed all the while.</source>
        <translation>不是。socket 立刻被关闭，所以客户端马上看到 ERROR 2013，而服务器线程还在干活：它在下一行才发现标志，先回滚语句，再回滚事务的其余部分，整个过程中都显示为 Killed。</translation>
    </message>
    <message>
        <source>With innodb_thread_concurrency=2 and both seats taken, how can a third session still run KILL and SHOW PROCESSLIST?</source>
        <translation>innodb_thread_concurrency=2 且两个名额都被占了，第三个会话为什么还能执行 KILL 和 SHOW PROCESSLIST？</translation>
    </message>
    <message>
        <source>Because they never enter InnoDB. The seats only count threads that read or write InnoDB rows; KILL and SHOW PROCESSLIST are server-layer work, so D&apos;s KILL returns &quot;Query OK&quot; at once while A and B hold both seats.</source>
        <translation>因为它们根本不进入 InnoDB。名额只限制读写 InnoDB 行的线程；KILL 和 SHOW PROCESSLIST 是服务器层的工作，所以在 A 和 B 占着两个名额时，D 的 KILL 照样立刻返回 &quot;Query OK&quot;。</translation>
    </message>
    <message>
        <source>I tried it and KILL QUERY did work on the queued thread.</source>
        <translation>我试过了，KILL QUERY 对排队的线程确实有效。</translation>
    </message>
    <message>
        <source>You tried a newer server. MySQL 8.0 checks the kill flag after every sleep in the queue, so the waiter gives up within one sleep; MySQL 5.7 only looks once it has a seat. Switch the flavor to 5.7 to see it hang.</source>
        <translation>你试的是较新的服务器。MySQL 8.0 在队列里每睡一次都检查 kill 标志，所以等待者最多再睡一次就放弃；MySQL 5.7 要拿到名额后才看。把版本切换到 5.7 就能看到它卡住。</translation>
    </message>
    <message>
        <source>Should I restart the server or wait for a rollback?</source>
        <translation>回滚的时候，应该重启服务器还是等待？</translation>
    </message>
    <message>
        <source>Wait. A restart drops every connection and adds the crash recovery, and the rollback goes on in the background from where it was: no processlist row, nothing to KILL, and its rows stay locked until it has undone them.</source>
        <translation>等待。重启会断开所有连接，还要加上崩溃恢复的时间，而回滚会在后台从原来的位置继续：processlist 里没有它，也没有什么可以 KILL，它的行一直锁着，直到被撤销为止。</translation>
    </message>
    <message>
        <source>What does KILL do to a running ALTER / CREATE INDEX?</source>
        <translation>KILL 对正在执行的 ALTER / CREATE INDEX 有什么作用？</translation>
    </message>
    <message>
        <source>The copy (or the index build) checks the flag at every row, so it stops quickly, drops what it built and leaves the table as it was. Only a kill that arrives in the final data-dictionary commit comes too late: the DDL stays done.</source>
        <translation>复制（或建索引）每处理一行都检查标志，所以很快停下，丢弃已建的部分，表保持原样。只有在最后的数据字典提交阶段到达的 KILL 才来不及：DDL 照样完成。</translation>
    </message>
    <message>
        <source>Does a killed long transaction roll back what it changed?</source>
        <translation>被杀的长事务会回滚它改过的数据吗？</translation>
    </message>
    <message>
        <source>Yes, all of it. KILL CONNECTION rolls the whole open transaction back when the connection ends, row by row and about as long as the changes took, and its locks stay until the last row is undone. KILL QUERY undoes only the running statement.</source>
        <translation>会，全部回滚。KILL CONNECTION 在连接结束时逐行回滚整个未提交事务，耗时和当初修改差不多，锁一直保留到最后一行撤销完。KILL QUERY 只撤销正在执行的那条语句。</translation>
    </message>
    <message>
        <source>Why did my Ctrl+C not show a KILL QUERY in the general log?</source>
        <translation>为什么我按 Ctrl+C 后，通用查询日志里没有看到 KILL QUERY？</translation>
    </message>
    <message>
        <source>Because the client does not send it on your connection: it opens a second connection and sends KILL QUERY there. Look for it under that second connection&apos;s thread id.</source>
        <translation>因为客户端不是在你的连接上发送的：它另开一个连接，在那里发送 KILL QUERY。请按第二个连接的线程 id 去找。</translation>
    </message>
</context>
<context>
    <name>ks::SessionDetailsPanel</name>
    <message>
        <source>Select a session (a lane or a row) to read its full statement, its transaction, its locks and its kills.</source>
        <translation>选择一个会话（泳道或行），查看它的完整语句、事务、锁和 kill 记录。</translation>
    </message>
    <message>
        <source>Session %1 — %2@%3</source>
        <translation>会话 %1 — %2@%3</translation>
    </message>
    <message>
        <source>(database %1)</source>
        <translation>（数据库 %1）</translation>
    </message>
    <message>
        <source>This session has ended; shown as last seen.</source>
        <translation>此会话已结束；显示的是最后一次看到的状态。</translation>
    </message>
    <message>
        <source>No statement is running.</source>
        <translation>没有正在执行的语句。</translation>
    </message>
    <message>
        <source>%1 for %2 · state %3</source>
        <translation>%1 已 %2 · 状态 %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Progress: %1 %</source>
        <translation>进度：%1 %</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>事务</translation>
    </message>
    <message>
        <source>No InnoDB transaction.</source>
        <translation>没有 InnoDB 事务。</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Started %1 (%2 ago)</source>
        <translation>开始于 %1（%2 前）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Rows locked: %1</source>
        <translation>锁定行数：%1</translation>
    </message>
    <message>
        <source>Rows modified: %1</source>
        <translation>修改行数：%1</translation>
    </message>
    <message>
        <source>Operation: %1</source>
        <translation>操作：%1</translation>
    </message>
    <message>
        <source>Idle in transaction: nothing runs, yet its locks and undo stay until it commits or rolls back. KILL QUERY does not end it; KILL CONNECTION rolls it back.</source>
        <translation>事务中空闲：没有语句在执行，但它的锁和 undo 会一直保留，直到提交或回滚。KILL QUERY 结束不了它；KILL CONNECTION 会回滚它。</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>锁</translation>
    </message>
    <message>
        <source>%1 (%2@%3): %4</source>
        <translation>%1（%2@%3）：%4</translation>
    </message>
    <message>
        <source>Waits for a lock held by %1</source>
        <translation>等待 %1 持有的锁</translation>
    </message>
    <message>
        <source>Waits for no lock.</source>
        <translation>没有在等锁。</translation>
    </message>
    <message>
        <source>Nobody waits for it.</source>
        <translation>没有会话在等它。</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) wait for its locks:</source>
        <translation>
            <numerusform>%n 个会话在等它的锁：</numerusform>
        </translation>
    </message>
    <message>
        <source>Kills</source>
        <translation>Kill 记录</translation>
    </message>
    <message>
        <source>%1 at %2 — %3</source>
        <translation>%1，于 %2 — %3</translation>
    </message>
    <message>
        <source>KillScope has sent it no kill.</source>
        <translation>KillScope 没有向它发送过 kill。</translation>
    </message>
</context>
<context>
    <name>ks::SwimlaneRenderer</name>
    <message>
        <source>↺ undo %1 rows</source>
        <translation>↺ 撤销 %1 行</translation>
    </message>
    <message>
        <source>↳ client</source>
        <translation>↳ 客户端</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
</context>
<context>
    <name>ks::SwimlaneView</name>
    <message>
        <source>session %1 (%2)</source>
        <translation>会话 %1（%2）</translation>
    </message>
    <message>
        <source>%1 → %2, lasted %3</source>
        <translation>%1 → %2，持续 %3</translation>
    </message>
    <message>
        <source>Rows still to undo here: %1 of %2</source>
        <translation>此处仍需撤销的行数：%1 / %2</translation>
    </message>
    <message>
        <source>Checks the kill flag every %1</source>
        <translation>每 %1 检查一次 kill 标志</translation>
    </message>
    <message>
        <source>The processlist shows this thread as Killed.</source>
        <translation>进程列表中该线程显示为 Killed。</translation>
    </message>
</context>
<context>
    <name>ks::Theme</name>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Row-lock wait</source>
        <translation>行锁等待</translation>
    </message>
    <message>
        <source>Metadata-lock wait</source>
        <translation>元数据锁等待</translation>
    </message>
    <message>
        <source>Table-lock wait</source>
        <translation>表锁等待</translation>
    </message>
    <message>
        <source>InnoDB queue sleep</source>
        <translation>InnoDB 队列休眠</translation>
    </message>
    <message>
        <source>I/O wait</source>
        <translation>I/O 等待</translation>
    </message>
    <message>
        <source>Sending to client</source>
        <translation>向客户端发送</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation>回滚中</translation>
    </message>
    <message>
        <source>Cleanup</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation>已消失</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Client waiting</source>
        <translation>客户端等待中</translation>
    </message>
    <message>
        <source>Client prompt</source>
        <translation>客户端提示符</translation>
    </message>
    <message>
        <source>Client shows error</source>
        <translation>客户端报错</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>Executing the statement. Row loops pass a kill check point at every row.</source>
        <translation>正在执行语句。逐行循环时每处理一行都会经过一个 kill 检查点。</translation>
    </message>
    <message>
        <source>Waiting for an InnoDB row lock held by another transaction. The wait is wakeable: a kill is noticed at once.</source>
        <translation>正在等待另一个事务持有的 InnoDB 行锁。这种等待可以被唤醒：终止会被立即发现。</translation>
    </message>
    <message>
        <source>Waiting for a metadata lock (DDL or LOCK TABLES). The wait is wakeable: a kill is noticed at once.</source>
        <translation>正在等待元数据锁（DDL 或 LOCK TABLES）。这种等待可以被唤醒：终止会被立即发现。</translation>
    </message>
    <message>
        <source>Waiting for a table lock. The wait is wakeable: a kill is noticed at once.</source>
        <translation>正在等待表锁。这种等待可以被唤醒：终止会被立即发现。</translation>
    </message>
    <message>
        <source>Waiting for an InnoDB seat (innodb_thread_concurrency). In MySQL 5.7 this sleep never checks the kill flag.</source>
        <translation>正在等待 InnoDB 并发席位（innodb_thread_concurrency）。在 MySQL 5.7 中，这种休眠从不检查 kill 标志。</translation>
    </message>
    <message>
        <source>Inside an I/O call. The kill flag is only looked at when the call returns.</source>
        <translation>正在执行 I/O 调用。只有调用返回时才会检查 kill 标志。</translation>
    </message>
    <message>
        <source>Blocked writing a result to a client that does not read. The kill is noticed only when the write returns or net_write_timeout expires.</source>
        <translation>向不读取数据的客户端写结果时被阻塞。只有写操作返回或 net_write_timeout 到期时才会发现终止。</translation>
    </message>
    <message>
        <source>Connected, no statement running (Sleep). KILL QUERY here changes nothing.</source>
        <translation>已连接，没有正在执行的语句（Sleep）。此时 KILL QUERY 不会改变任何东西。</translation>
    </message>
    <message>
        <source>Undoing the rows the statement or transaction changed. Rollback cannot be interrupted; the processlist shows Killed meanwhile.</source>
        <translation>正在撤销语句或事务修改过的行。回滚不能被中断；期间进程列表显示为 Killed。</translation>
    </message>
    <message>
        <source>Finishing after the kill: deleting temporary files, cleaning DDL leftovers.</source>
        <translation>终止后的收尾：删除临时文件，清理 DDL 残留。</translation>
    </message>
    <message>
        <source>The thread has left the processlist.</source>
        <translation>该线程已离开进程列表。</translation>
    </message>
    <message>
        <source>Connecting: handshake and authentication.</source>
        <translation>连接中：握手与认证。</translation>
    </message>
    <message>
        <source>The client sent a statement and waits for the result.</source>
        <translation>客户端已发送语句，正在等待结果。</translation>
    </message>
    <message>
        <source>The client is at its prompt.</source>
        <translation>客户端停在提示符处。</translation>
    </message>
    <message>
        <source>The client shows an error.</source>
        <translation>客户端显示了一个错误。</translation>
    </message>
    <message>
        <source>The client&apos;s connection is closed.</source>
        <translation>客户端的连接已关闭。</translation>
    </message>
    <message>
        <source>Kill flag set, not yet noticed</source>
        <translation>已设置 kill 标志，尚未发现</translation>
    </message>
    <message>
        <source>KILL has set the victim&apos;s kill flag, but the thread has not reached a check point yet, so it keeps doing what it was doing.</source>
        <translation>KILL 已经设置了目标线程的 kill 标志，但该线程还没有到达检查点，所以它还在继续做原来的事情。</translation>
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
        <translation>超时</translation>
    </message>
    <message>
        <source>Client disconnect</source>
        <translation>客户端断开</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>waiting for the answer</source>
        <translation>等待应答</translation>
    </message>
    <message>
        <source>Query OK: the flag is set</source>
        <translation>Query OK：标志已设置</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>no such thread</source>
        <translation>没有这个线程</translation>
    </message>
    <message>
        <source>Kill flag noticed</source>
        <translation>已发现 kill 标志</translation>
    </message>
    <message>
        <source>Error shown</source>
        <translation>显示错误</translation>
    </message>
    <message>
        <source>Check point</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>Thread gone</source>
        <translation>线程已消失</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Server-wide change</source>
        <translation>全局变更</translation>
    </message>
</context>
<context>
    <name>ks::TimeFormat</name>
    <message>
        <source>%1 µs</source>
        <translation>%1 微秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>µs</source>
        <translation>微秒</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
</context>
<context>
    <name>ks::WhatIfKnobs</name>
    <message>
        <source>InnoDB seats</source>
        <translation>InnoDB 席位</translation>
    </message>
    <message>
        <source>I/O pressure</source>
        <translation>I/O 压力</translation>
    </message>
    <message>
        <source>SET GLOBAL %1 = %2</source>
        <translation>SET GLOBAL %1 = %2</translation>
    </message>
    <message>
        <source>I/O pressure %1 (competing disk load, not a server variable)</source>
        <translation>I/O 压力 %1（竞争的磁盘负载，不是服务器变量）</translation>
    </message>
    <message>
        <source>%1 = %2 (not a server variable)</source>
        <translation>%1 = %2（不是服务器变量）</translation>
    </message>
    <message>
        <source>%1 takes a value from %2 to %3</source>
        <translation>%1 的取值范围是 %2 到 %3</translation>
    </message>
    <message>
        <source>%1 takes a whole number</source>
        <translation>%1 只接受整数</translation>
    </message>
    <message>
        <source>%1 does not exist on %2 (MariaDB 10.6 removed it)</source>
        <translation>%2 上没有 %1（MariaDB 10.6 已删除它）</translation>
    </message>
    <message>
        <source>Server restart</source>
        <translation>服务器重启</translation>
    </message>
    <message>
        <source>restart the server (kill -9, crash recovery, start)</source>
        <translation>重启服务器（kill -9、崩溃恢复、启动）</translation>
    </message>
    <message>
        <source>%1 takes only the value %2</source>
        <translation>%1 只接受值 %2</translation>
    </message>
</context>
<context>
    <name>ks::WhatIfScript</name>
    <message>
        <source>expected TIME:query|connection[:hard|soft]:SESSION, e.g. 2s:query:A</source>
        <translation>应为 TIME:query|connection[:hard|soft]:SESSION，例如 2s:query:A</translation>
    </message>
    <message>
        <source>bad time “%1”: %2</source>
        <translation>时间“%1”不对：%2</translation>
    </message>
    <message>
        <source>unknown kill “%1”: use query or connection</source>
        <translation>未知的终止类型“%1”：请用 query 或 connection</translation>
    </message>
    <message>
        <source>unknown strength “%1”: use hard or soft</source>
        <translation>未知的强度“%1”：请用 hard 或 soft</translation>
    </message>
    <message>
        <source>bad session name “%1”: a scenario&apos;s session name, e.g. A</source>
        <translation>会话名“%1”不对：应是场景中的会话名，例如 A</translation>
    </message>
    <message>
        <source>expected TIME:KNOB=VALUE, e.g. 5s:io_pressure=4</source>
        <translation>应为 TIME:KNOB=VALUE，例如 5s:io_pressure=4</translation>
    </message>
    <message>
        <source>unknown knob “%1”: use %2</source>
        <translation>未知参数“%1”：请用 %2</translation>
    </message>
    <message>
        <source>bad value “%1” for %2: expected a number</source>
        <translation>%2 的值“%1”不对：应为数字</translation>
    </message>
</context>
</TS>
