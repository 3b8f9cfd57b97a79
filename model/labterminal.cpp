#include "labterminal.h"

#include <QRegularExpression>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <pty.h>
#include <string>
#include <sys/wait.h>
#include <termios.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace ks {

LabTerminal::LabTerminal(LiveClock clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{}

LabTerminal::~LabTerminal()
{
    stop();
}

bool LabTerminal::start(const QString &program, const QStringList &args,
                        const QMap<QString, QString> &env, QString *error)
{
    if (m_pid > 0)
        return true;
    const QString path = program.contains(u'/') ? program : QStandardPaths::findExecutable(program);
    if (path.isEmpty() || ::access(path.toLocal8Bit().constData(), X_OK) != 0) {
        if (error)
            *error =
                tr("The command-line client “%1” was not found (Debian package mariadb-client).")
                    .arg(program);
        return false;
    }
    // Everything the child needs is built before fork(): after it only async-signal-safe calls.
    std::vector<std::string> argStore;
    argStore.push_back(path.toStdString());
    for (const QString &a : args)
        argStore.push_back(a.toStdString());
    std::vector<char *> argv;
    for (std::string &s : argStore)
        argv.push_back(s.data());
    argv.push_back(nullptr);

    std::vector<std::string> envStore;
    for (char **e = environ; e && *e; ++e) {
        const std::string kv = *e;
        const auto eq = kv.find('=');
        const QString key = QString::fromStdString(kv.substr(0, eq));
        // A custom prompt would hide the client's state from us; the caller's terminal is not ours.
        if (env.contains(key) || key == QLatin1String("MYSQL_PS1") ||
            key == QLatin1String("MYSQL_PWD") || key == QLatin1String("COLUMNS") ||
            key == QLatin1String("LINES"))
            continue;
        envStore.push_back(kv);
    }
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        envStore.push_back((it.key() + u'=' + it.value()).toStdString());
    std::vector<char *> envp;
    for (std::string &s : envStore)
        envp.push_back(s.data());
    envp.push_back(nullptr);

    winsize ws{};
    ws.ws_row = 50;
    ws.ws_col = 4000; // wide enough that no statement or message is wrapped
    int fd = -1;
    const pid_t pid = forkpty(&fd, nullptr, nullptr, &ws);
    if (pid < 0) {
        if (error)
            *error = tr("Could not open a pseudo-terminal: %1")
                         .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (pid == 0) {
        // Child: only the pty (0, 1, 2) stays open.
        for (int i = 3; i < 1024; ++i)
            ::close(i);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    m_pid = pid;
    m_fd = fd;
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    ::fcntl(m_fd, F_SETFD, FD_CLOEXEC);
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &LabTerminal::onReadable);
    return true;
}

void LabTerminal::type(const QString &line)
{
    if (m_fd < 0)
        return;
    m_atPrompt = false;
    QByteArray b = line.toUtf8();
    b.replace('\n', ' ');
    b.append('\n');
    qsizetype off = 0;
    // A line is far below the terminal's input buffer; retry only on EINTR/EAGAIN.
    for (int tries = 0; off < b.size() && tries < 1000; ++tries) {
        const ssize_t n = ::write(m_fd, b.constData() + off, size_t(b.size() - off));
        if (n > 0)
            off += n;
        else if (n < 0 && errno != EINTR && errno != EAGAIN)
            break;
        else if (n < 0 && errno == EAGAIN)
            std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
}

void LabTerminal::interrupt()
{
    if (m_fd < 0)
        return;
    // The terminal's line discipline turns ^C into SIGINT for the client, exactly as a key press.
    const char c = 0x03;
    while (::write(m_fd, &c, 1) < 0 && errno == EINTR) {
    }
}

void LabTerminal::setReading(bool on)
{
    m_reading = on;
    if (m_notifier)
        m_notifier->setEnabled(on);
    if (on)
        onReadable();
}

void LabTerminal::onReadable()
{
    if (m_fd < 0 || !m_reading)
        return;
    // A client printing a big result writes as fast as it is read: read it in bounded slices and
    // go back to the event loop between them (the notifier fires again while data is waiting), so
    // the timers that send statements and KILLs on this thread stay on time.
    char buf[65536];
    for (int slice = 0;; ++slice) {
        if (slice == MaxReadsPerWakeup)
            return;
        const ssize_t n = ::read(m_fd, buf, sizeof buf);
        if (n > 0) {
            const qint64 t = nowUs();
            m_partial.append(buf, n);
            qsizetype start = 0;
            for (;;) {
                const qsizetype nl = m_partial.indexOf('\n', start);
                if (nl < 0)
                    break;
                takeLine(m_partial.mid(start, nl - start), t);
                start = nl + 1;
            }
            m_partial.remove(0, start);
            if (!m_partial.isEmpty() && !m_atPrompt && isPrompt(cleanLine(m_partial))) {
                m_atPrompt = true;
                Q_EMIT promptShown(t);
            }
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return;
        // EOF or EIO: the client closed the terminal (it exited).
        reap(true);
        return;
    }
}

void LabTerminal::takeLine(const QByteArray &raw, qint64 t)
{
    // Most lines of a big result are plain table rows: counted without decoding them.
    if (!raw.isEmpty() && (raw.front() == '+' || raw.front() == '|') && !raw.contains('\r') &&
        !raw.contains('\x1b')) {
        ++m_tableLines;
        return;
    }
    const QString text = cleanLine(raw);
    if (isTableLine(text)) {
        ++m_tableLines;
        return;
    }
    if (m_lines.size() < MaxLines)
        m_lines.append({t, text});
    Q_EMIT lineReceived(t, text);
}

void LabTerminal::reap(bool wait)
{
    if (m_notifier) {
        m_notifier->setEnabled(false);
        m_notifier->deleteLater();
        m_notifier = nullptr;
    }
    if (!m_partial.isEmpty()) {
        const QString text = cleanLine(m_partial);
        m_partial.clear();
        if (!text.isEmpty() && !isPrompt(text) && m_lines.size() < MaxLines)
            m_lines.append({nowUs(), text});
    }
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (m_pid > 0) {
        int status = 0;
        pid_t r = ::waitpid(m_pid, &status, wait ? 0 : WNOHANG);
        if (r == m_pid) {
            m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            m_exitedUs = nowUs();
            const pid_t was = m_pid;
            m_pid = -1;
            Q_UNUSED(was);
            Q_EMIT exited(m_exitedUs, m_exitCode);
        }
    }
}

void LabTerminal::stop()
{
    if (m_pid <= 0) {
        if (m_fd >= 0)
            reap(false);
        return;
    }
    const pid_t pid = m_pid;
    ::kill(pid, SIGTERM);
    for (int i = 0; i < 100; ++i) {
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            m_pid = -1;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (m_pid > 0) {
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        m_exitCode = 128 + SIGKILL;
        m_pid = -1;
    }
    if (m_exitedUs < 0)
        m_exitedUs = nowUs();
    if (m_notifier) {
        m_notifier->setEnabled(false);
        m_notifier->deleteLater();
        m_notifier = nullptr;
    }
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

QString LabTerminal::cleanLine(const QByteArray &raw)
{
    // What the terminal shows: a carriage return moves back to the start of the line and what
    // follows overwrites it (the MariaDB client's progress reports, "Stage: 1 of 2 ... 8%", are
    // redrawn that way and blanked with spaces before the result line).
    const QString text = QString::fromUtf8(raw);
    QString line;
    qsizetype col = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\x1b') {
            // CSI "ESC [ ... final", OSC "ESC ] ... BEL", or a two-character escape.
            if (i + 1 < text.size() && text[i + 1] == u'[') {
                i += 2;
                while (i < text.size() && !(text[i] >= u'@' && text[i] <= u'~'))
                    ++i;
            } else if (i + 1 < text.size() && text[i + 1] == u']') {
                i += 2;
                while (i < text.size() && text[i] != u'\x07')
                    ++i;
            } else {
                ++i;
            }
            continue;
        }
        if (c == u'\r') {
            col = 0;
            continue;
        }
        if (c == u'\b') {
            col = std::max<qsizetype>(0, col - 1);
            continue;
        }
        if ((c.unicode() < 0x20 && c != u'\t') || c.unicode() == 0x7f)
            continue;
        if (col < line.size())
            line[col] = c;
        else
            line += c;
        ++col;
    }
    while (line.endsWith(u' '))
        line.chop(1);
    return line;
}

bool LabTerminal::isPrompt(const QString &text)
{
    static const QRegularExpression prompt(
        QStringLiteral("^(MariaDB \\[[^\\]]*\\]|MySQL \\[[^\\]]*\\]|mysql)> ?$"));
    return prompt.match(text).hasMatch();
}

bool LabTerminal::isTableLine(const QString &text)
{
    return text.startsWith(u'+') || text.startsWith(u'|');
}

} // namespace ks
