#include "commandline.h"

#include "engine.h"
#include "killscope.h"
#include "timetext.h"
#include "types.h"
#include "whatifknob.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <array>
#include <cstdio>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace ks {

namespace {

using Option = CommandLine::Option;

enum class Section : quint8
{
    General,
    Scenario,
    Picture,
    Headless,
    Live,
    LiveHeadless,
    Recording,
    Tls,
    Window
};

// Which modes an option applies to.
enum ModeBits : quint8
{
    InWindow = 1,
    InHeadless = 2,
    InPng = 4,
    InLive = 8,    // --headless against a live server
    InReplay = 16, // --headless --recording FILE
    Everywhere = InWindow | InHeadless | InPng | InLive | InReplay,
};

struct Spec
{
    Option id;
    const char *names;       // "P|port": every name, short ones first
    const char *valueName;   // nullptr: a flag
    const char *description; // translated in helpText()
    Section section;
    quint8 modes;
    bool hidden = false;           // accepted, not listed (aliases of listed options)
    const char *display = nullptr; // how help shows it, when the names alone would mislead
};

// The one definition of every option of the program.
const Spec kSpecs[] = {
    {Option::Help, "h|?|help|help-all", nullptr,
     QT_TRANSLATE_NOOP("CommandLine", "Show this help and exit."), Section::General, Everywhere,
     false, "-h, --help"},
    {Option::Version, "v|version", nullptr,
     QT_TRANSLATE_NOOP("CommandLine", "Show the version and exit."), Section::General, Everywhere},
    {Option::Lang, "lang", "language",
     QT_TRANSLATE_NOOP("CommandLine",
                       "User interface language: en or zh_CN (default: the system's)."),
     Section::General, Everywhere},

    {Option::Scenario, "scenario", "id|file",
     QT_TRANSLATE_NOOP("CommandLine",
                       "Built-in scenario id or scenario file (default: concurrency-queue); "
                       "it may also be given as the only argument."),
     Section::Scenario, InWindow | InHeadless | InPng},
    {Option::Flavor, "flavor", "flavor",
     QT_TRANSLATE_NOOP("CommandLine",
                       "Server to simulate: mysql-5.7, mysql-8.0 or mariadb-10.11 (default: the "
                       "scenario's)."),
     Section::Scenario, InWindow | InHeadless | InPng},
    {Option::At, "at", "time",
     QT_TRANSLATE_NOOP("CommandLine",
                       "Playhead time for the window and for --png: 1.5s, 200ms, 3000us."),
     Section::Scenario, InWindow | InPng},
    {Option::Present, "present", nullptr,
     QT_TRANSLATE_NOOP("CommandLine", "Start the window in presentation mode."), Section::Scenario,
     InWindow},

    {Option::Png, "png", "file",
     QT_TRANSLATE_NOOP(
         "CommandLine",
         "Write the swimlanes at --at as a PNG file and exit, without opening a window."),
     Section::Picture, InPng},
    {Option::Size, "size", "WxH",
     QT_TRANSLATE_NOOP("CommandLine", "Picture size for --png (default 1600x900)."),
     Section::Picture, InPng},
    {Option::NoCaption, "no-caption", nullptr,
     QT_TRANSLATE_NOOP("CommandLine", "Leave the narration caption out of the --png picture."),
     Section::Picture, InPng},

    {Option::Headless, "headless", nullptr,
     QT_TRANSLATE_NOOP("CommandLine",
                       "Run without a window and print what happened (with --png: write only the "
                       "picture)."),
     Section::Headless, InHeadless | InPng | InLive | InReplay},
    {Option::ListScenarios, "list-scenarios", nullptr,
     QT_TRANSLATE_NOOP("CommandLine", "List the built-in scenarios and exit."), Section::Headless,
     InHeadless},
    {Option::Until, "until", "time",
     QT_TRANSLATE_NOOP("CommandLine", "End of the run: 1.5s, 200ms, 3000us (at most 3600s)."),
     Section::Headless, InHeadless},
    {Option::ProcesslistAt, "processlist-at", "time",
     QT_TRANSLATE_NOOP("CommandLine",
                       "Print SHOW FULL PROCESSLIST at this time (repeatable; of a recording: "
                       "from its first sample)."),
     Section::Headless, InHeadless | InReplay},
    {Option::Transcript, "transcript", nullptr,
     QT_TRANSLATE_NOOP("CommandLine", "Print every client's terminal."), Section::Headless,
     InHeadless},
    {Option::Summary, "summary", nullptr,
     QT_TRANSLATE_NOOP("CommandLine",
                       "Print kills, rollbacks and narration (of a recording: the server, span, "
                       "samples and kills); the default when nothing else is asked for."),
     Section::Headless, InHeadless | InReplay},
    {Option::Format, "format", "format",
     QT_TRANSLATE_NOOP("CommandLine", "text (default) or json."), Section::Headless,
     InHeadless | InLive | InReplay},
    {Option::Trace, "trace", "file",
     QT_TRANSLATE_NOOP("CommandLine",
                       "Write the run as Chrome Trace Event JSON (Perfetto, chrome://tracing)."),
     Section::Headless, InHeadless},

    {Option::KillAt, "kill-at", "time:kind:session",
     QT_TRANSLATE_NOOP("CommandLine",
                       "Inject a kill into the simulated run, as a right-click would: "
                       "TIME:query|connection[:hard|soft]:SESSION, SESSION being the scenario's "
                       "session name, e.g. 2s:connection:A (repeatable)."),
     Section::Headless, InHeadless | InPng},
    {Option::Set, "set", "time:knob=value",
     QT_TRANSLATE_NOOP("CommandLine",
                       "Change a What-if knob from TIME on, as the knobs panel would: %1, "
                       "e.g. 5s:io_pressure=4 or 5s:restart=1 (repeatable)."),
     Section::Headless, InHeadless | InPng},
    {Option::Narration, "narration", nullptr,
     QT_TRANSLATE_NOOP("CommandLine",
                       "Print this run's narration steps with their times, in --lang (with "
                       "--kill-at and --set: what the changes did)."),
     Section::Headless, InHeadless},

    {Option::Host, "host", "host",
     QT_TRANSLATE_NOOP("CommandLine",
                       "Connect to the server on this host (localhost: the unix socket)."),
     Section::Live, InWindow | InLive},
    {Option::Port, "P|port", "port", QT_TRANSLATE_NOOP("CommandLine", "TCP port (default 3306)."),
     Section::Live, InWindow | InLive},
    {Option::Socket, "S|socket", "path", QT_TRANSLATE_NOOP("CommandLine", "Unix socket file."),
     Section::Live, InWindow | InLive},
    {Option::User, "u|user", "user",
     QT_TRANSLATE_NOOP("CommandLine", "User name (default: your login name)."), Section::Live,
     InWindow | InLive},
    {Option::AskPassword, "p", nullptr, nullptr, Section::Live, InWindow | InLive, true},
    {Option::Password, "password", "password",
     QT_TRANSLATE_NOOP(
         "CommandLine",
         "-p alone asks for the password (on the terminal, else in a dialog). A "
         "password given here is wiped from the process list at once, but prefer -p."),
     Section::Live, InWindow | InLive, false, "-p[password], --password[=password]"},
    {Option::Database, "D|database", "database",
     QT_TRANSLATE_NOOP("CommandLine", "Default database."), Section::Live, InWindow | InLive},
    {Option::Protocol, "protocol", "protocol",
     QT_TRANSLATE_NOOP("CommandLine", "TCP or SOCKET (TCP reaches localhost over 127.0.0.1)."),
     Section::Live, InWindow | InLive},
    {Option::ConnectTimeout, "connect-timeout", "seconds",
     QT_TRANSLATE_NOOP("CommandLine", "How long a connect may take (default 5 seconds)."),
     Section::Live, InWindow | InLive},
    {Option::DefaultsFile, "defaults-file", "file",
     QT_TRANSLATE_NOOP("CommandLine", "Read client options only from this file (it must exist)."),
     Section::Live, InWindow | InLive},
    {Option::DefaultsExtraFile, "defaults-extra-file", "file",
     QT_TRANSLATE_NOOP("CommandLine",
                       "Read this file after the global option files and before ~/.my.cnf (it must "
                       "exist)."),
     Section::Live, InWindow | InLive},
    {Option::NoDefaults, "no-defaults", nullptr,
     QT_TRANSLATE_NOOP("CommandLine", "Do not read any option file."), Section::Live,
     InWindow | InLive},
    {Option::Connect, "connect", nullptr,
     QT_TRANSLATE_NOOP("CommandLine",
                       "Connect with the [client] settings of the option files (~/.my.cnf) alone."),
     Section::Live, InWindow | InLive},
    {Option::ReadOnly, "read-only", nullptr,
     QT_TRANSLATE_NOOP("CommandLine", "Live mode without any kill action."), Section::Live,
     InWindow | InLive},
    {Option::LiveProcesslist, "processlist", nullptr,
     QT_TRANSLATE_NOOP("CommandLine",
                       "With --headless: print one live sample of the processlist and exit."),
     Section::LiveHeadless, InLive},
    {Option::KillQuery, "kill-query", "id",
     QT_TRANSLATE_NOOP("CommandLine",
                       "With --headless: KILL QUERY the session that has this id now, after "
                       "proving it is still that session."),
     Section::LiveHeadless, InLive},
    {Option::KillConnection, "kill-connection", "id",
     QT_TRANSLATE_NOOP("CommandLine",
                       "With --headless: KILL CONNECTION the session that has this id now, after "
                       "proving it is still that session."),
     Section::LiveHeadless, InLive},
    {Option::Wait, "wait", nullptr,
     QT_TRANSLATE_NOOP("CommandLine",
                       "Follow the kill to its end, printing each phase: accepted, flag seen, "
                       "rolling back, done or gone."),
     Section::LiveHeadless, InLive},
    {Option::Timeout, "timeout", "time",
     QT_TRANSLATE_NOOP("CommandLine",
                       "Follow the kill for at most this long once connected (default 60s; "
                       "connecting has --connect-timeout): exit 5 if the victim is still there."),
     Section::LiveHeadless, InLive},

    {Option::Record, "record", "file",
     QT_TRANSLATE_NOOP("CommandLine",
                       "Record the live session to this file (SQLite; replaced if it is a "
                       "recording, never if it is anything else). With --headless: without a "
                       "window, until --duration or Ctrl+C."),
     Section::Recording, InWindow | InLive},
    {Option::Duration, "duration", "time",
     QT_TRANSLATE_NOOP("CommandLine", "How long --headless --record records: 30s, 10m, 8h."),
     Section::Recording, InLive},
    {Option::Interval, "interval", "time",
     QT_TRANSLATE_NOOP("CommandLine", "Sampling interval from 250ms to 30s (default 1s)."),
     Section::Recording, InWindow | InLive},
    {Option::RecordMaxSize, "record-max-size", "size",
     QT_TRANSLATE_NOOP("CommandLine",
                       "Size cap of the recording, e.g. 200M or 2G (default 512M); the oldest "
                       "samples are dropped to stay under it."),
     Section::Recording, InWindow | InLive},
    {Option::Recording, "recording", "file",
     QT_TRANSLATE_NOOP("CommandLine",
                       "Open a recording: in the window, for --png (with --at from its first "
                       "sample), or with --headless to print --processlist-at or --summary."),
     Section::Recording, InWindow | InPng | InReplay},

    {Option::SslMode, "ssl-mode", "mode",
     QT_TRANSLATE_NOOP("CommandLine",
                       "DISABLED, PREFERRED (the default), REQUIRED (no CA needed), VERIFY_CA or "
                       "VERIFY_IDENTITY (the certificate must name the host). --ssl-ca alone means "
                       "VERIFY_CA, as for the mysql client."),
     Section::Tls, InWindow | InLive},
    {Option::SslCa, "ssl-ca", "file",
     QT_TRANSLATE_NOOP("CommandLine", "CA certificate(s) the server's certificate must lead to."),
     Section::Tls, InWindow | InLive},
    {Option::SslCaPath, "ssl-capath", "dir",
     QT_TRANSLATE_NOOP("CommandLine", "Directory of CA certificates (hashed names, c_rehash)."),
     Section::Tls, InWindow | InLive},
    {Option::SslCert, "ssl-cert", "file",
     QT_TRANSLATE_NOOP("CommandLine", "Client certificate, for accounts that REQUIRE X509."),
     Section::Tls, InWindow | InLive},
    {Option::SslKey, "ssl-key", "file",
     QT_TRANSLATE_NOOP("CommandLine", "The client certificate's private key."), Section::Tls,
     InWindow | InLive},
    {Option::SslCipher, "ssl-cipher", "list",
     QT_TRANSLATE_NOOP("CommandLine", "TLS ciphers to allow (OpenSSL's cipher list syntax)."),
     Section::Tls, InWindow | InLive},
    {Option::Ssl, "ssl", nullptr,
     QT_TRANSLATE_NOOP("CommandLine", "MariaDB's spelling of --ssl-mode=REQUIRED."), Section::Tls,
     InWindow | InLive},
    {Option::SkipSsl, "skip-ssl", nullptr,
     QT_TRANSLATE_NOOP("CommandLine", "MariaDB's spelling of --ssl-mode=DISABLED."), Section::Tls,
     InWindow | InLive},
    {Option::SslVerifyServerCert, "ssl-verify-server-cert", nullptr,
     QT_TRANSLATE_NOOP("CommandLine", "MariaDB's spelling of --ssl-mode=VERIFY_IDENTITY."),
     Section::Tls, InWindow | InLive},

    {Option::QtGeometry, "geometry", "WxH+X+Y",
     QT_TRANSLATE_NOOP("CommandLine", "Window size and position, e.g. 1600x900+0+0."),
     Section::Window, InWindow},
    {Option::QtWindowGeometry, "qwindowgeometry", "WxH+X+Y", nullptr, Section::Window, InWindow,
     true},
    {Option::QtPlatform, "platform", "name",
     QT_TRANSLATE_NOOP("CommandLine", "Qt platform plugin: xcb, wayland, offscreen, ..."),
     Section::Window, InWindow},
    {Option::QtPlatformPluginPath, "platformpluginpath", "path", nullptr, Section::Window, InWindow,
     true},
    {Option::QtPlatformTheme, "platformtheme", "name", nullptr, Section::Window, InWindow, true},
    {Option::QtPlugin, "plugin", "name", nullptr, Section::Window, InWindow, true},
    {Option::QtWindowTitle, "qwindowtitle", "title", nullptr, Section::Window, InWindow, true},
    {Option::QtWindowIcon, "qwindowicon", "file", nullptr, Section::Window, InWindow, true},
    {Option::QtStyle, "style", "style",
     QT_TRANSLATE_NOOP("CommandLine", "Qt widget style (e.g. Fusion)."), Section::Window, InWindow},
    {Option::QtStyleSheet, "stylesheet", "file", nullptr, Section::Window, InWindow, true},
    {Option::QtDisplay, "display", "display",
     QT_TRANSLATE_NOOP("CommandLine", "X display to use (instead of $DISPLAY)."), Section::Window,
     InWindow},
    {Option::QtSession, "session", "id", nullptr, Section::Window, InWindow, true},
    {Option::QtReverse, "reverse", nullptr,
     QT_TRANSLATE_NOOP("CommandLine", "Right-to-left layout."), Section::Window, InWindow},
    {Option::QtWidgetCount, "widgetcount", nullptr, nullptr, Section::Window, InWindow, true},
    {Option::QtNoGrab, "nograb", nullptr, nullptr, Section::Window, InWindow, true},
    {Option::QtDoGrab, "dograb", nullptr, nullptr, Section::Window, InWindow, true},
    {Option::QtSync, "sync", nullptr, nullptr, Section::Window, InWindow, true},
};

constexpr int kOptionCount = int(Option::Count);
static_assert(sizeof(kSpecs) / sizeof(kSpecs[0]) == size_t(kOptionCount),
              "every Option has exactly one row in kSpecs");

const Spec &spec(Option o)
{
    return kSpecs[int(o)];
}

QStringList namesOf(const Spec &s)
{
    return QString::fromLatin1(s.names).split(u'|');
}

// The name used in messages: the first long name, else the short one.
QString shownName(const Spec &s)
{
    const QStringList names = namesOf(s);
    for (const QString &n : names)
        if (n.size() > 1)
            return (s.section == Section::Window ? QStringLiteral("-") : QStringLiteral("--")) + n;
    return u'-' + names.constFirst();
}

bool isQtWordOption(const QString &name)
{
    for (const Spec &s : kSpecs)
        if (s.section == Section::Window && namesOf(s).contains(name))
            return true;
    return false;
}

// The spec of an option name (without dashes), or nullptr.
const Spec *specByName(const QString &name)
{
    for (const Spec &s : kSpecs)
        if (namesOf(s).contains(name))
            return &s;
    return nullptr;
}

std::optional<qint64> parseTime(const QString &text, QString *reason, bool longUnits = false)
{
    // model/timetext.h: sim's one time parser; recordings also take minutes and hours.
    return longUnits ? parseLongTimeUs(text, reason) : parseTimeUs(text, reason);
}

// The mysql client's spellings, rewritten into the forms QCommandLineParser understands:
// -pSECRET and --password=SECRET carry the password, -p and --password alone ask for it, and Qt's
// single-dash words (-geometry) become --geometry. Values of options are left alone, so
// `--scenario -pfoo` stays a scenario named "-pfoo" as getopt would read it.
//
// passwords, when given, collects (argument index, offset of the password in it) for every
// password carried on the command line.
QStringList normalize(const QStringList &raw, QList<std::pair<qsizetype, int>> *passwords = nullptr)
{
    QStringList out;
    if (raw.isEmpty())
        return out;
    out << raw.constFirst();
    bool positionalOnly = false;
    bool valueNext = false;
    for (qsizetype i = 1; i < raw.size(); ++i) {
        const QString &a = raw.at(i);
        if (positionalOnly || valueNext) {
            out << a;
            valueNext = false;
            continue;
        }
        if (a == QLatin1String("--")) {
            positionalOnly = true;
            out << a;
            continue;
        }
        if (a == QLatin1String("-p") || a == QLatin1String("--password")) {
            out << QStringLiteral("-p");
            continue;
        }
        if (a.startsWith(QLatin1String("-p")) && !a.startsWith(QLatin1String("--"))) {
            out << QStringLiteral("--password=") + a.mid(2);
            if (passwords)
                passwords->append({i, 2});
            continue;
        }
        if (a.startsWith(QLatin1String("--password="))) {
            out << a;
            if (passwords)
                passwords->append({i, 11});
            continue;
        }
        if (a.startsWith(u'-') && !a.startsWith(QLatin1String("--")) && a.size() > 2 &&
            isQtWordOption(a.mid(1))) {
            out << u'-' + a;
            valueNext = spec(specByName(a.mid(1))->id).valueName != nullptr;
            continue;
        }
        out << a;
        // A value option without an attached value takes the next argument as it is.
        if (a.startsWith(QLatin1String("--")) && !a.contains(u'=')) {
            const Spec *s = specByName(a.mid(2));
            valueNext = s && s->valueName;
        } else if (a.size() == 2 && a.front() == u'-') {
            const Spec *s = specByName(a.mid(1));
            valueNext = s && s->valueName;
        }
    }
    return out;
}

QString sectionTitle(Section s)
{
    switch (s) {
    case Section::General:
        return CommandLine::tr("General:");
    case Section::Scenario:
        return CommandLine::tr("Scenario (window, --headless and --png):");
    case Section::Picture:
        return CommandLine::tr("Pictures:");
    case Section::Headless:
        return CommandLine::tr("Headless (text and JSON):");
    case Section::Live:
        return CommandLine::tr(
            "Live mode (the mysql client's options; option files fill the rest):");
    case Section::LiveHeadless:
        return CommandLine::tr("Live commands for scripts (with --headless; exit 0 accepted, or "
                               "with --wait took effect; 3 refused by the server; 4 not sent; 5 "
                               "still there at --timeout; 2 bad usage or no connection):");
    case Section::Recording:
        return CommandLine::tr("Recordings (exit 0 recorded or read; 2 bad usage, no connection "
                               "or a file that is not a readable recording):");
    case Section::Tls:
        return CommandLine::tr("TLS (as the mysql client; also in the option files):");
    case Section::Window:
        return CommandLine::tr("Window (Qt's own options):");
    }
    return {};
}

// East Asian wide characters take two terminal columns, and a line may break between any two.
bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6);
}

// Wraps `text` to `width` terminal columns, every line after the first indented by `indent`
// (the first line starts at column `indent` too). Breaks at spaces and between wide characters.
QString wrap(const QString &text, int indent, int width)
{
    struct Token
    {
        QString text;
        int columns = 0;
        bool spaceBefore = false;
    };
    std::vector<Token> tokens;
    bool space = false, inWord = false;
    for (char32_t c : text.toUcs4()) {
        if (c == U' ') {
            space = true;
            inWord = false;
            continue;
        }
        const bool wide = isWide(c);
        // Closing punctuation never starts a line: it stays with what it closes.
        static const std::u32string closing = U"\u3001\u3002\uFF0C\uFF1B\uFF1A\uFF09\uFF01\uFF1F"
                                              U"\u300D\u300F\u201D";
        const bool closes = closing.find(c) != std::u32string::npos && !space && !tokens.empty();
        if ((wide && !closes) || (!wide && !inWord))
            tokens.push_back({QString(), 0, space});
        tokens.back().text += QString::fromUcs4(&c, 1);
        tokens.back().columns += wide ? 2 : 1;
        inWord = !wide;
        space = false;
    }
    QString out;
    int column = indent;
    bool lineEmpty = true;
    for (const Token &t : tokens) {
        const int gap = (!lineEmpty && t.spaceBefore) ? 1 : 0;
        if (!lineEmpty && column + gap + t.columns > width) {
            out += u'\n' + QString(indent, u' ');
            column = indent;
            lineEmpty = true;
        } else if (gap) {
            out += u' ';
            ++column;
        }
        out += t.text;
        column += t.columns;
        lineEmpty = false;
    }
    return out;
}

} // namespace

CommandLine::CommandLine()
    : m_parser(std::make_unique<QCommandLineParser>())
{
    m_parser->setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    for (const Spec &s : kSpecs) {
        QCommandLineOption o(namesOf(s));
        if (s.valueName)
            o.setValueName(QString::fromLatin1(s.valueName));
        m_parser->addOption(o);
    }
}

CommandLine::~CommandLine() = default;

QStringList CommandLine::takeArguments(int argc, char **argv)
{
    QStringList out;
    out.reserve(argc);
    for (int i = 0; i < argc; ++i)
        out << QString::fromLocal8Bit(argv[i]);
    // As the mysql client does: overwrite the password in the process's own argument memory,
    // which is what ps and /proc/PID/cmdline show to every local user. What remains is "x".
    QList<std::pair<qsizetype, int>> passwords;
    normalize(out, &passwords);
    for (const auto &[index, offset] : passwords) {
        char *start = argv[index] + offset;
        for (char *p = start; *p; ++p)
            *p = 'x';
        if (*start)
            start[1] = '\0';
    }
    return out;
}

bool CommandLine::fail(std::function<QString()> message)
{
    m_error = std::move(message);
    return false;
}

bool CommandLine::parse(const QStringList &arguments)
{
    m_error = nullptr;
    m_passwordOnCommandLine = false;
    if (!arguments.isEmpty()) {
        const QString program = arguments.constFirst().section(u'/', -1);
        if (!program.isEmpty())
            m_program = program;
    }
    QList<std::pair<qsizetype, int>> passwords;
    const QStringList args = normalize(arguments, &passwords);
    m_passwordOnCommandLine = !passwords.isEmpty();
    if (!m_parser->parse(args)) {
        const QString text = m_parser->errorText();
        return fail([text] { return text; });
    }
    m_mode = decideMode();
    if (m_mode == Mode::Help || m_mode == Mode::Version)
        return true;
    return checkValues();
}

CommandLine::Mode CommandLine::decideMode() const
{
    if (isSet(Option::Help))
        return Mode::Help;
    if (isSet(Option::Version))
        return Mode::Version;
    if (isSet(Option::Png))
        return Mode::Png;
    if (isSet(Option::Headless) && isSet(Option::Recording))
        return Mode::Replay;
    if (isSet(Option::Headless) && (isSet(Option::LiveProcesslist) || isSet(Option::KillQuery) ||
                                    isSet(Option::KillConnection) || isSet(Option::Record)))
        return Mode::Live;
    if (isSet(Option::Headless) || isSet(Option::ListScenarios))
        return Mode::Headless;
    return Mode::Window;
}

bool CommandLine::checkValues()
{
    const quint8 bit = m_mode == Mode::Window     ? InWindow
                       : m_mode == Mode::Headless ? InHeadless
                       : m_mode == Mode::Live     ? InLive
                       : m_mode == Mode::Replay   ? InReplay
                                                  : InPng;
    // Every option given must belong to this mode.
    for (const Spec &s : kSpecs) {
        if (!isSet(s.id) || (s.modes & bit))
            continue;
        const QString name = shownName(s);
        if (m_mode == Mode::Headless)
            return fail([name] { return tr("%1 does not apply to --headless.").arg(name); });
        if (m_mode == Mode::Png)
            return fail([name] { return tr("%1 does not apply to --png.").arg(name); });
        if (m_mode == Mode::Live)
            return fail([name] {
                return tr("%1 does not apply to the live commands (--processlist, --kill-query, "
                          "--kill-connection, --record).")
                    .arg(name);
            });
        if (m_mode == Mode::Replay)
            return fail([name] {
                return tr("%1 does not apply to reading a recording (--headless --recording).")
                    .arg(name);
            });
        if (s.modes & (InHeadless | InLive))
            return fail([name] { return tr("%1 needs --headless.").arg(name); });
        return fail([name] { return tr("%1 needs --png.").arg(name); });
    }

    const QStringList positional = m_parser->positionalArguments();
    if (positional.size() > 1) {
        const QString extra = positional.at(1);
        return fail(
            [extra] { return tr("unexpected argument \"%1\" (only one scenario).").arg(extra); });
    }
    if (positional.size() == 1 && isSet(Option::Scenario)) {
        const QString a = value(Option::Scenario), b = positional.constFirst();
        return fail(
            [a, b] { return tr("the scenario is given twice: --scenario %1 and %2.").arg(a, b); });
    }

    if (isSet(Option::Flavor)) {
        const QString f = value(Option::Flavor);
        sim::Flavor parsed;
        if (!sim::parseFlavor(f.toStdString(), parsed))
            return fail([f] {
                return tr("--flavor %1: use mysql-5.7, mysql-8.0 or mariadb-10.11").arg(f);
            });
    }
    for (Option o : {Option::At, Option::Until}) {
        if (!isSet(o))
            continue;
        const QString v = value(o);
        QString reason;
        // A time within a recording may be hours in.
        const auto t = parseTime(v, &reason, o == Option::At && isSet(Option::Recording));
        const QString name = shownName(spec(o));
        if (!t)
            return fail(
                [name, v, reason] { return QStringLiteral("%1 %2: %3").arg(name, v, reason); });
        if (o == Option::Until && (*t <= 0 || *t > sim::Engine::kMaxUntil))
            return fail([v] { return tr("--until %1: must be between 1us and 3600s").arg(v); });
    }
    for (const QString &v : values(Option::ProcesslistAt)) {
        QString reason;
        const auto t = parseTime(v, &reason, m_mode == Mode::Replay);
        if (!t)
            return fail(
                [v, reason] { return QStringLiteral("--processlist-at %1: %2").arg(v, reason); });
        if (m_mode != Mode::Replay && *t > sim::Engine::kMaxUntil)
            return fail([v] {
                return tr("--processlist-at %1: must be between 0s and 3600s (no run lasts longer)")
                    .arg(v);
            });
    }
    for (const QString &v : values(Option::KillAt)) {
        QString reason;
        if (!WhatIfScript::parseKillAt(v, &reason))
            return fail([v, reason] { return QStringLiteral("--kill-at %1: %2").arg(v, reason); });
    }
    for (const QString &v : values(Option::Set)) {
        QString reason;
        if (!WhatIfScript::parseSet(v, &reason))
            return fail([v, reason] { return QStringLiteral("--set %1: %2").arg(v, reason); });
    }
    if (isSet(Option::Size) && !parseSize(value(Option::Size)).isValid()) {
        const QString v = value(Option::Size);
        return fail([v] {
            return tr("--size %1: expected WxH from 200x150 to 16384x16384, e.g. 1600x900").arg(v);
        });
    }
    if (isSet(Option::Format)) {
        const QString f = value(Option::Format);
        if (f != QLatin1String("text") && f != QLatin1String("json"))
            return fail([f] { return tr("--format %1: use text or json").arg(f); });
    }
    if (isSet(Option::SslMode) && !ConnectionSettings::parseTlsMode(value(Option::SslMode))) {
        const QString v = value(Option::SslMode);
        return fail([v] {
            return tr("--ssl-mode %1: use DISABLED, PREFERRED, REQUIRED, VERIFY_CA or "
                      "VERIFY_IDENTITY")
                .arg(v);
        });
    }
    if (isSet(Option::Ssl) && isSet(Option::SkipSsl))
        return fail([] { return tr("--ssl and --skip-ssl contradict each other."); });
    for (Option o : {Option::Duration, Option::Interval}) {
        if (!isSet(o))
            continue;
        const QString v = value(o);
        QString reason;
        const auto t = parseTime(v, &reason, true);
        const QString name = shownName(spec(o));
        if (!t)
            return fail(
                [name, v, reason] { return QStringLiteral("%1 %2: %3").arg(name, v, reason); });
        if (o == Option::Duration && (*t < 1000 || *t > 31LL * 86'400'000'000LL))
            return fail(
                [v] { return tr("--duration %1: must be between 1ms and 31 days").arg(v); });
        if (o == Option::Interval && (*t < 250'000 || *t > 30'000'000))
            return fail([v] { return tr("--interval %1: must be between 250ms and 30s").arg(v); });
    }
    if (isSet(Option::RecordMaxSize) && !parseByteSize(value(Option::RecordMaxSize))) {
        const QString v = value(Option::RecordMaxSize);
        return fail([v] {
            return tr("--record-max-size %1: a size from 64K to 1T, e.g. 200M or 2G").arg(v);
        });
    }
    if (isSet(Option::Duration) && !isSet(Option::Record))
        return fail([] { return tr("--duration says how long to record: use it with --record."); });
    if (isSet(Option::RecordMaxSize) && !isSet(Option::Record))
        return fail([] { return tr("--record-max-size needs --record."); });
    if (isSet(Option::Recording) && isSet(Option::Record))
        return fail([] { return tr("give one of --record (write) and --recording (read)."); });
    if (isSet(Option::Recording) &&
        (isSet(Option::Scenario) || !m_parser->positionalArguments().isEmpty()))
        return fail([] { return tr("give one of a scenario and --recording."); });
    if (isSet(Option::Recording) && connectionRequest().given)
        return fail([] {
            return tr("a recording is replayed without a server: leave out the connection "
                      "options.");
        });
    if (isSet(Option::Record) && m_mode == Mode::Window && !connectionRequest().given)
        return fail([] {
            return tr("--record records a live session: give the connection options (or "
                      "--connect).");
        });
    for (Option o :
         {Option::Record, Option::Recording, Option::Scenario, Option::Png, Option::Trace,
          Option::DefaultsFile, Option::DefaultsExtraFile, Option::Socket, Option::SslCa,
          Option::SslCaPath, Option::SslCert, Option::SslKey, Option::SslCipher}) {
        if (isSet(o) && value(o).isEmpty()) {
            const QString name = shownName(spec(o));
            return fail([name] { return tr("%1 needs a value.").arg(name); });
        }
    }
    if (m_mode == Mode::Live) {
        const int actions = int(isSet(Option::LiveProcesslist)) + int(isSet(Option::KillQuery)) +
                            int(isSet(Option::KillConnection)) + int(isSet(Option::Record));
        if (actions > 1)
            return fail([] {
                return tr("give one of --processlist, --kill-query, --kill-connection and "
                          "--record.");
            });
        for (Option o : {Option::KillQuery, Option::KillConnection}) {
            if (!isSet(o))
                continue;
            const QString v = value(o);
            bool ok = false;
            const qint64 id = v.toLongLong(&ok);
            const QString name = shownName(spec(o));
            if (!ok || id <= 0 || values(o).size() > 1)
                return fail([name, v] {
                    return tr("%1 %2: a processlist id is a whole number above 0 (one per run).")
                        .arg(name, v);
                });
        }
        if (isSet(Option::Wait) && isSet(Option::LiveProcesslist))
            return fail([] {
                return tr("--wait follows a kill: use it with --kill-query or --kill-connection.");
            });
        if (isSet(Option::Timeout)) {
            const QString v = value(Option::Timeout);
            QString reason;
            const auto t = parseTime(v, &reason);
            if (!t)
                return fail(
                    [v, reason] { return QStringLiteral("--timeout %1: %2").arg(v, reason); });
            if (*t < 1000 || *t > 86'400'000'000LL)
                return fail([v] { return tr("--timeout %1: must be between 1ms and 24h").arg(v); });
        }
    }
    if (m_mode == Mode::Headless && !isSet(Option::ListScenarios) && scenario().isEmpty())
        return fail([] { return tr("--headless needs --scenario ID|FILE (or --list-scenarios)"); });

    if (isSet(Option::Port) && !ConnectionSettings::parsePort(value(Option::Port))) {
        const QString v = value(Option::Port);
        return fail([v] { return tr("--port %1: not a port number (0 to 65535)").arg(v); });
    }
    if (isSet(Option::Protocol)) {
        const QString p = value(Option::Protocol).toUpper();
        if (p != QLatin1String("TCP") && p != QLatin1String("SOCKET")) {
            const QString v = value(Option::Protocol);
            return fail([v] { return tr("--protocol %1: use TCP or SOCKET").arg(v); });
        }
    }
    if (isSet(Option::ConnectTimeout) &&
        !ConnectionSettings::parseConnectTimeout(value(Option::ConnectTimeout))) {
        const QString v = value(Option::ConnectTimeout);
        return fail([v] {
            return tr("--connect-timeout %1: whole seconds from 1 to 3600, or a time such as 10s")
                .arg(v);
        });
    }
    return true;
}

QString CommandLine::errorText() const
{
    return m_error ? m_error() : QString();
}

QString CommandLine::tryHelpText() const
{
    return tr("Try '%1 --help' for the list of options.").arg(m_program);
}

QString CommandLine::helpText() const
{
    constexpr int column = 30, width = 80;
    QString out = tr("Usage: %1 [options] [scenario]").arg(m_program) + u'\n';
    out += wrap(tr("KillScope shows what KILL QUERY and KILL CONNECTION really do on MySQL and "
                   "MariaDB."),
                0, width) +
           u'\n';
    for (Section section :
         {Section::General, Section::Scenario, Section::Picture, Section::Headless, Section::Live,
          Section::Tls, Section::LiveHeadless, Section::Recording, Section::Window}) {
        out += u'\n' + wrap(sectionTitle(section), 0, width) + u'\n';
        for (const Spec &s : kSpecs) {
            if (s.section != section || s.hidden)
                continue;
            QString left;
            if (s.display) {
                left = QString::fromLatin1(s.display);
            } else {
                QStringList shown;
                for (const QString &n : namesOf(s))
                    shown << (n.size() == 1                  ? u'-' + n
                              : s.section == Section::Window ? u'-' + n
                                                             : QStringLiteral("--") + n);
                left = shown.join(QStringLiteral(", "));
                if (s.valueName)
                    left += QStringLiteral(" <%1>").arg(QLatin1String(s.valueName));
            }
            QString line = QStringLiteral("  ") + left;
            if (line.size() >= column - 1)
                line += u'\n' + QString(column, u' ');
            else
                line += QString(column - line.size(), u' ');
            QString description = QCoreApplication::translate("CommandLine", s.description);
            if (s.id == Option::Set) // the knobs are the table's (sim/knobs.h), not a copy here
                description = description.arg(WhatIfKnobs::idList());
            line += wrap(description, column, width);
            out += line + u'\n';
        }
    }
    return out;
}

QString CommandLine::listedName(Option option)
{
    const Spec &s = spec(option);
    return s.hidden ? QString() : shownName(s);
}

QString CommandLine::versionText() const
{
    return QStringLiteral("%1 %2\n").arg(m_program, version());
}

bool CommandLine::isSet(Option option) const
{
    for (const QString &n : namesOf(spec(option)))
        if (m_parser->isSet(n))
            return true;
    return false;
}

QString CommandLine::value(Option option) const
{
    return m_parser->value(namesOf(spec(option)).constLast());
}

QStringList CommandLine::values(Option option) const
{
    return m_parser->values(namesOf(spec(option)).constLast());
}

QString CommandLine::language() const
{
    return value(Option::Lang);
}

QString CommandLine::scenario() const
{
    if (isSet(Option::Scenario))
        return value(Option::Scenario);
    const QStringList positional = m_parser->positionalArguments();
    return positional.isEmpty() ? QString() : positional.constFirst();
}

QString CommandLine::flavor() const
{
    return value(Option::Flavor);
}

std::optional<qint64> CommandLine::atUs() const
{
    if (!isSet(Option::At))
        return std::nullopt;
    QString reason;
    return parseTime(value(Option::At), &reason, isSet(Option::Recording));
}

bool CommandLine::present() const
{
    return isSet(Option::Present);
}

bool CommandLine::explicitGeometry() const
{
    return isSet(Option::QtGeometry) || isSet(Option::QtWindowGeometry);
}

QList<WhatIfChange> CommandLine::whatIfChanges() const
{
    QList<WhatIfChange> out;
    for (const QString &v : values(Option::KillAt))
        if (const auto c = WhatIfScript::parseKillAt(v, nullptr))
            out << *c;
    for (const QString &v : values(Option::Set))
        if (const auto c = WhatIfScript::parseSet(v, nullptr))
            out << *c;
    return out;
}

HeadlessRequest CommandLine::headlessRequest() const
{
    HeadlessRequest r;
    r.listScenarios = isSet(Option::ListScenarios);
    r.scenario = scenario();
    r.flavor = flavor();
    QString reason;
    if (isSet(Option::Until))
        r.untilUs = parseTime(value(Option::Until), &reason);
    for (const QString &v : values(Option::ProcesslistAt))
        r.processlistAtUs.push_back(*parseTime(v, &reason));
    r.transcript = isSet(Option::Transcript);
    r.summary = isSet(Option::Summary);
    r.json = value(Option::Format) == QLatin1String("json");
    r.traceFile = value(Option::Trace);
    r.changes = whatIfChanges();
    r.narration = isSet(Option::Narration);
    return r;
}

PngRequest CommandLine::pngRequest() const
{
    PngRequest r;
    r.output = value(Option::Png);
    r.scenario = scenario();
    r.flavor = flavor();
    if (const auto at = atUs())
        r.atUs = *at;
    if (isSet(Option::Size))
        r.size = parseSize(value(Option::Size));
    r.caption = !isSet(Option::NoCaption);
    r.recording = recording();
    r.changes = whatIfChanges();
    return r;
}

LiveRequest CommandLine::liveRequest() const
{
    LiveRequest r;
    if (isSet(Option::KillQuery)) {
        r.action = LiveRequest::Action::KillQuery;
        r.id = value(Option::KillQuery).toLongLong();
    } else if (isSet(Option::KillConnection)) {
        r.action = LiveRequest::Action::KillConnection;
        r.id = value(Option::KillConnection).toLongLong();
    }
    r.wait = isSet(Option::Wait);
    QString reason;
    if (isSet(Option::Timeout))
        r.timeoutUs = *parseTime(value(Option::Timeout), &reason);
    r.json = value(Option::Format) == QLatin1String("json");
    r.connection = connectionRequest();
    if (isSet(Option::Record)) {
        r.action = LiveRequest::Action::Record;
        r.recordPath = value(Option::Record);
        if (isSet(Option::Duration))
            r.durationUs = *parseTime(value(Option::Duration), &reason, true);
        r.maxBytes = recordMaxBytes();
    }
    r.intervalMs = intervalMs();
    return r;
}

ReplayRequest CommandLine::replayRequest() const
{
    ReplayRequest r;
    r.path = value(Option::Recording);
    QString reason;
    for (const QString &v : values(Option::ProcesslistAt))
        r.processlistAtUs.push_back(*parseTime(v, &reason, true));
    r.summary = isSet(Option::Summary);
    r.json = value(Option::Format) == QLatin1String("json");
    return r;
}

QString CommandLine::recording() const
{
    return value(Option::Recording);
}

QString CommandLine::recordPath() const
{
    return value(Option::Record);
}

int CommandLine::intervalMs() const
{
    if (!isSet(Option::Interval))
        return -1;
    QString reason;
    return int(*parseTime(value(Option::Interval), &reason, true) / 1000);
}

qint64 CommandLine::recordMaxBytes() const
{
    return isSet(Option::RecordMaxSize) ? parseByteSize(value(Option::RecordMaxSize)).value_or(-1)
                                        : -1;
}

std::optional<qint64> CommandLine::parseByteSize(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*(\\d{1,13})\\s*([kKmMgGtT]?)[iI]?[bB]?\\s*$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    qint64 v = m.captured(1).toLongLong();
    const QString unit = m.captured(2).toLower();
    const int shift = unit == u"k"   ? 10
                      : unit == u"m" ? 20
                      : unit == u"g" ? 30
                      : unit == u"t" ? 40
                                     : 0;
    if (v > (qint64(1) << (40 - shift)))
        return std::nullopt;
    v <<= shift;
    if (v < 64 * 1024 || v > (qint64(1) << 40))
        return std::nullopt;
    return v;
}

ConnectionRequest CommandLine::connectionRequest() const
{
    ConnectionRequest r;
    auto text = [this](Option o) -> std::optional<QString> {
        if (!isSet(o))
            return std::nullopt;
        return value(o);
    };
    r.host = text(Option::Host);
    if (isSet(Option::Port))
        r.port = ConnectionSettings::parsePort(value(Option::Port));
    r.socket = text(Option::Socket);
    r.user = text(Option::User);
    r.database = text(Option::Database);
    if (isSet(Option::Protocol))
        r.protocolTcp = value(Option::Protocol).toUpper() == QLatin1String("TCP");
    if (isSet(Option::ConnectTimeout))
        r.connectTimeoutS = ConnectionSettings::parseConnectTimeout(value(Option::ConnectTimeout));
    // A password given wins over -p: asking again for one already typed would only annoy.
    if (isSet(Option::Password))
        r.password = value(Option::Password);
    else
        r.askPassword = isSet(Option::AskPassword);
    // --ssl-mode is explicit and wins; MariaDB's spellings come next.
    if (isSet(Option::SslMode))
        r.tlsMode = ConnectionSettings::parseTlsMode(value(Option::SslMode));
    else if (isSet(Option::SslVerifyServerCert))
        r.tlsMode = ConnectionSettings::TlsMode::VerifyIdentity;
    else if (isSet(Option::SkipSsl))
        r.tlsMode = ConnectionSettings::TlsMode::Disabled;
    else if (isSet(Option::Ssl))
        r.tlsMode = ConnectionSettings::TlsMode::Required;
    r.tlsCaFile = text(Option::SslCa);
    r.tlsCaPath = text(Option::SslCaPath);
    r.tlsCertFile = text(Option::SslCert);
    r.tlsKeyFile = text(Option::SslKey);
    r.tlsCipher = text(Option::SslCipher);
    r.defaultsFile = value(Option::DefaultsFile);
    r.extraFile = value(Option::DefaultsExtraFile);
    r.noDefaults = isSet(Option::NoDefaults);
    r.readOnly = isSet(Option::ReadOnly);
    r.connect = isSet(Option::Connect);
    r.given = r.connect || r.host || r.port || r.socket || r.user || r.database || r.protocolTcp ||
              r.connectTimeoutS || r.password || r.askPassword || !r.defaultsFile.isEmpty() ||
              !r.extraFile.isEmpty() || r.tlsMode || r.tlsCaFile || r.tlsCaPath || r.tlsCertFile ||
              r.tlsKeyFile || r.tlsCipher;
    return r;
}

QStringList CommandLine::warnings() const
{
    QStringList out;
    if (m_passwordOnCommandLine)
        out << tr("Warning: a password on the command line can be insecure; it has been wiped from "
                  "the process list, but prefer -p, which asks for it.");
    return out;
}

QSize CommandLine::parseSize(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*(\\d{1,5})\\s*[xX]\\s*(\\d{1,5})\\s*$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return {};
    const int w = m.captured(1).toInt();
    const int h = m.captured(2).toInt();
    if (w < 200 || h < 150 || w > 16384 || h > 16384)
        return {};
    return {w, h};
}

QString passwordPrompt()
{
    return CommandLine::tr("Enter password: ");
}

QString passwordNeedsTerminalText()
{
    return CommandLine::tr("-p asks for the password on a terminal, and there is none; give it in "
                           "an option file (or with --password).");
}

bool askPasswordOnTerminal(const QString &prompt, QString *password)
{
    if (!isatty(STDIN_FILENO) || qEnvironmentVariableIsSet("KILLSCOPE_NO_TERMINAL_PROMPT"))
        return false;
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    char buf[1024];
    const bool ok = std::fgets(buf, sizeof buf, stdin) != nullptr;
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fputs("\n", stderr);
    if (!ok)
        return false;
    QString pw = QString::fromLocal8Bit(buf);
    // The buffer held the password: clear it before it goes out of scope.
    volatile char *p = buf;
    for (size_t i = 0; i < sizeof buf; ++i)
        p[i] = 0;
    while (pw.endsWith(u'\n') || pw.endsWith(u'\r'))
        pw.chop(1);
    *password = pw;
    return true;
}

} // namespace ks
