#pragma once

#include "connectionsettings.h"
#include "whatifknob.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QCommandLineParser;

namespace ks {

// `killscope --headless ...` without --png: a scenario run printed as text or JSON.
struct HeadlessRequest
{
    bool listScenarios = false;
    QString scenario; // built-in id or file
    QString flavor;   // empty: the scenario's default
    std::optional<qint64> untilUs;
    std::vector<qint64> processlistAtUs;
    bool transcript = false;
    bool summary = false; // also the default when nothing else is asked for
    bool json = false;
    QString traceFile;
    QList<WhatIfChange> changes; // --kill-at, --set
    bool narration = false;      // --narration
};

// `killscope --headless [connection options] --processlist | --kill-query ID | --kill-connection
// ID`: one live sample, or one kill sent through LiveSource (its identity proof included) and, with
// --wait, followed to its end.
struct LiveRequest
{
    enum class Action : quint8
    {
        Processlist,
        KillQuery,
        KillConnection,
        Record
    };
    Action action = Action::Processlist;
    qint64 id = 0;
    // --record FILE [--duration T] [--interval T] [--record-max-size N]: a recording without a
    // window (durationUs -1: until SIGINT / SIGTERM).
    QString recordPath;
    qint64 durationUs = -1;
    int intervalMs = -1;  // -1: the default (1 s)
    qint64 maxBytes = -1; // -1: the default cap
    bool wait = false;
    qint64 timeoutUs = 60'000'000; // the whole run: connect, proof, answer and the wait
    bool json = false;
    ConnectionRequest connection;
};

// `killscope --headless --recording FILE [--processlist-at T ...] [--summary] [--format json]`:
// what a recording holds, printed. Times are from the recording's first sample.
struct ReplayRequest
{
    QString path;
    std::vector<qint64> processlistAtUs;
    bool summary = false; // also the default when nothing else is asked for
    bool json = false;
};

// `killscope --png FILE ...` (with or without --headless): the swimlanes at one moment as a PNG.
// The size of a slide (`--png` and File ▸ Export) unless told otherwise.
inline constexpr QSize DefaultSlideSize{1600, 900};

struct PngRequest
{
    QString output;
    QString scenario;
    QString flavor;
    qint64 atUs = -1;  // -1: the end of the run (with a recording: from its first sample)
    QString recording; // --recording FILE instead of a scenario
    QSize size = DefaultSlideSize;
    bool caption = true;
    QList<WhatIfChange> changes; // --kill-at, --set
};

// The whole program's command line: one definition of every option and one parse, shared by the
// window, --headless and --png.
//
// Invariants:
// - Every option is defined once, in the table in commandline.cpp, with the modes it applies to.
//   An option given in a mode it does not apply to is an error, never silently ignored.
// - parse() checks every value (times with sim's parseTimeUs, sizes, ports, formats, flavors), so
//   the typed accessors never fail afterwards. Any error is a usage error: exit code 2.
// - The mysql client's spellings work as there: -P3307, -uroot, -p (ask), -pSECRET,
//   --password[=SECRET], -S/path, -Dtestdb. Qt's own window options (-geometry, -platform, ...)
//   are known too, so they are accepted for the window and refused elsewhere.
// - Messages are translated when they are read (errorText(), helpText()), not when parsing, so
//   the caller can install the language first.
//
// Adding an option: add an Option value, a row in the table (names, value name, description,
// section, modes) and, if it takes a value that must be checked, a check in parse(); then a typed
// accessor. Adding a mode: add a Mode value, decide it in decideMode() and give the options that
// apply to it its bit.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    enum class Mode : quint8
    {
        Window,   // the GUI (simulation, or live with connection options)
        Headless, // text/JSON output of a scenario run
        Live,     // --headless against a server: --processlist, --kill-query, --kill-connection,
                  // --record
        Replay,   // --headless --recording FILE: what a recording holds
        Png,      // a picture without a window (--png, with or without --headless)
        Help,
        Version,
    };

    enum class Option : quint8
    {
        Help,
        Version,
        Lang,
        Scenario,
        Flavor,
        At,
        Present,
        Png,
        Size,
        NoCaption,
        Headless,
        ListScenarios,
        Until,
        ProcesslistAt,
        Transcript,
        Summary,
        Format,
        Trace,
        KillAt,
        Set,
        Narration,
        Host,
        Port,
        Socket,
        User,
        AskPassword,
        Password,
        Database,
        Protocol,
        ConnectTimeout,
        DefaultsFile,
        DefaultsExtraFile,
        NoDefaults,
        Connect,
        ReadOnly,
        LiveProcesslist,
        KillQuery,
        KillConnection,
        Wait,
        Timeout,
        Record,
        Duration,
        Interval,
        RecordMaxSize,
        Recording,
        SslMode,
        SslCa,
        SslCaPath,
        SslCert,
        SslKey,
        SslCipher,
        Ssl,
        SkipSsl,
        SslVerifyServerCert,
        QtGeometry,
        QtWindowGeometry,
        QtPlatform,
        QtPlatformPluginPath,
        QtPlatformTheme,
        QtPlugin,
        QtWindowTitle,
        QtWindowIcon,
        QtStyle,
        QtStyleSheet,
        QtDisplay,
        QtSession,
        QtReverse,
        QtWidgetCount,
        QtNoGrab,
        QtDoGrab,
        QtSync,
        Count
    };

    CommandLine();
    ~CommandLine();
    CommandLine(const CommandLine &) = delete;
    CommandLine &operator=(const CommandLine &) = delete;

    // Copies argv (argv[0] included) for parse().
    static QStringList takeArguments(int argc, char **argv);

    // arguments[0] is the program. False on a usage error; errorText() says which.
    bool parse(const QStringList &arguments);
    QString errorText() const;
    // The line printed after an error: where to find the options.
    QString tryHelpText() const;
    // Every option, grouped, each listed once.
    QString helpText() const;
    QString versionText() const;

    Mode mode() const { return m_mode; }
    bool isSet(Option option) const;
    QString value(Option option) const;
    QStringList values(Option option) const;

    QString language() const; // as given (empty: the system's)
    QString scenario() const; // --scenario or the positional argument; empty: the default
    QString flavor() const;   // empty: the scenario's default
    std::optional<qint64> atUs() const;
    bool present() const;
    // -geometry / -qwindowgeometry given: they win over the remembered window layout.
    bool explicitGeometry() const;

    // --kill-at and --set, as given (checked by parse()).
    QList<WhatIfChange> whatIfChanges() const;
    HeadlessRequest headlessRequest() const;
    PngRequest pngRequest() const;
    LiveRequest liveRequest() const;
    ReplayRequest replayRequest() const;
    // --recording FILE (window, --png, --headless); empty when not given.
    QString recording() const;
    // --record FILE in the window: record the live session there.
    QString recordPath() const;
    // --interval T as milliseconds; -1 when not given.
    int intervalMs() const;
    // --record-max-size: bytes; -1 when not given.
    qint64 recordMaxBytes() const;
    // "200M", "1G", "65536", "512k" → bytes; nullopt unless 64 KiB .. 1 TiB.
    static std::optional<qint64> parseByteSize(const QString &text);
    // Live mode: what the command line says about the connection (option files fill the rest).
    ConnectionRequest connectionRequest() const;

    // Non-fatal remarks to print at start (e.g. a password given on the command line).
    QStringList warnings() const;

    // "1600x900" → QSize; invalid unless 200..16384 x 150..16384.
    static QSize parseSize(const QString &text);
    // How --help lists an option ("--port", "-geometry"); empty for an alias it does not list.
    static QString listedName(Option option);

private:
    bool fail(std::function<QString()> message);
    bool checkValues();
    Mode decideMode() const;

    std::unique_ptr<QCommandLineParser> m_parser;
    Mode m_mode = Mode::Window;
    std::function<QString()> m_error;
    QString m_program = QStringLiteral("killscope");
    bool m_passwordOnCommandLine = false;
};

// Reads a password from the terminal without echo; false when stdin is not a terminal (or
// KILLSCOPE_NO_TERMINAL_PROMPT is set, so scripted runs never wait on one).
bool askPasswordOnTerminal(const QString &prompt, QString *password);
// "Enter password: ", the mysql client's prompt.
QString passwordPrompt();
// Why a run without a terminal cannot ask for the password (-p in the live commands).
QString passwordNeedsTerminalText();

} // namespace ks
