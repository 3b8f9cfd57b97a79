#pragma once

#include "labrecording.h"
#include "livesample.h"

#include <QByteArray>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <sys/types.h>

class QSocketNotifier;

namespace ks {

// One real command-line client (mariadb / mysql) in a pseudo-terminal, driven like a person at
// a terminal: lines are typed at its prompt, Ctrl+C is the ^C byte that the terminal turns into
// SIGINT, "stops reading" is a terminal nobody reads (the client then blocks writing, and with
// --quick so does the server). What it prints is kept line by line with the time each line was
// complete, so it compares with the simulation's transcript.
//
// Invariants:
// - Lives on one thread (the lab runner's); all I/O is non-blocking, driven by a socket notifier,
//   and one wake-up reads at most MaxReadsPerWakeup buffers (a big result never starves the
//   thread).
// - Result-table lines ("+---", "| ...") are counted, not stored: a --quick SELECT of millions of
//   rows costs no memory. At most MaxLines other lines are kept.
// - The child is always reaped: stop() ends it (SIGTERM, then SIGKILL) and waits, and the
//   destructor calls stop().
class LabTerminal : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxLines = 100000;
    // Reads of up to 64 KiB done per wake-up before the event loop runs again.
    static constexpr int MaxReadsPerWakeup = 4;

    explicit LabTerminal(LiveClock clock, QObject *parent = nullptr);
    ~LabTerminal() override;

    // Starts `program args` with the given extra environment (TERM, HOME, ...). Lines are stamped
    // with the clock's time.
    bool start(const QString &program, const QStringList &args, const QMap<QString, QString> &env,
               QString *error);

    void type(const QString &line); // the text and a newline
    void interrupt();               // Ctrl+C
    void setReading(bool on);
    bool isReading() const { return m_reading; }
    void stop();

    bool isRunning() const { return m_pid > 0; }
    pid_t pid() const { return m_pid; }
    // The client shows its prompt and waits for input.
    bool atPrompt() const { return m_atPrompt; }
    const QList<LabLine> &lines() const { return m_lines; }
    qint64 droppedTableLines() const { return m_tableLines; }
    qint64 exitedUs() const { return m_exitedUs; }
    int exitCode() const { return m_exitCode; }
    qint64 nowUs() const { return m_clock.nowUs(); }

    // A line as it is kept: carriage returns, the bell, ANSI sequences and other control
    // characters removed (exposed for tests).
    static QString cleanLine(const QByteArray &raw);
    // "MariaDB [db]> " or "mysql> ": the client waits for a statement.
    static bool isPrompt(const QString &text);
    static bool isTableLine(const QString &text);

Q_SIGNALS:
    void lineReceived(qint64 tUs, const QString &text);
    void promptShown(qint64 tUs);
    void exited(qint64 tUs, int code);

private:
    void onReadable();
    void takeLine(const QByteArray &raw, qint64 t);
    void reap(bool wait);

    LiveClock m_clock;
    pid_t m_pid = -1;
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_partial;
    bool m_atPrompt = false;
    bool m_reading = true;
    QList<LabLine> m_lines;
    qint64 m_tableLines = 0;
    qint64 m_exitedUs = -1;
    int m_exitCode = -1;
};

} // namespace ks
