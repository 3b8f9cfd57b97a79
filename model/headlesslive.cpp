#include "headlesslive.h"

#include "killtracker.h"
#include "livesource.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSocketNotifier>
#include <QTimer>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace ks {

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int signal)
{
    const char c = char(signal);
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &c, 1);
}

void printOut(const QString &text)
{
    const QByteArray b = text.toLocal8Bit();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    std::fflush(stdout); // a script reads each phase as it happens
}

void printErr(const QString &text)
{
    const QByteArray b = (QStringLiteral("killscope: ") + text + u'\n').toLocal8Bit();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
}

// Control characters in statement texts must not reach the terminal raw.
QString printable(QString s)
{
    for (QChar &c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u' ';
    }
    return s;
}

QJsonObject rowJson(const ProcesslistRow &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), r.id);
    o.insert(QStringLiteral("user"), r.user);
    o.insert(QStringLiteral("host"), r.host);
    o.insert(QStringLiteral("db"), r.db.isEmpty() ? QJsonValue() : QJsonValue(r.db));
    o.insert(QStringLiteral("command"), r.command);
    o.insert(QStringLiteral("time"), double(r.timeMs) / 1000.0);
    o.insert(QStringLiteral("state"), r.state);
    o.insert(QStringLiteral("info"), r.info.isEmpty() ? QJsonValue() : QJsonValue(r.info));
    if (!r.trxState.isEmpty()) {
        o.insert(QStringLiteral("trxState"), r.trxState);
        o.insert(QStringLiteral("trxRowsModified"), r.trxRowsModified);
    }
    if (r.blockedBy)
        o.insert(QStringLiteral("blockedBy"), r.blockedBy);
    return o;
}

// The processlist as the mysql client's table (-t) would print it.
QString processlistTable(const QList<ProcesslistRow> &rows, bool ms)
{
    const QStringList header = {QStringLiteral("Id"),        QStringLiteral("User"),
                                QStringLiteral("Host"),      QStringLiteral("db"),
                                QStringLiteral("Command"),   QStringLiteral("Time"),
                                QStringLiteral("State"),     QStringLiteral("Info"),
                                QStringLiteral("trx_state"), QStringLiteral("trx_rows_modified")};
    QList<QStringList> cells;
    for (const ProcesslistRow &r : rows) {
        cells << QStringList{
            QString::number(r.id),
            printable(r.user),
            printable(r.host),
            r.db.isEmpty() ? QStringLiteral("NULL") : printable(r.db),
            r.command,
            ms ? QString::number(double(r.timeMs) / 1000.0, 'f', 3)
               : QString::number(r.timeMs / 1000),
            printable(r.state),
            r.info.isEmpty() ? QStringLiteral("NULL") : printable(r.info).left(100),
            r.trxState,
            r.trxRowsModified < 0 ? QString() : QString::number(r.trxRowsModified)};
    }
    QList<int> width;
    for (const QString &h : header)
        width << int(h.size());
    for (const QStringList &row : cells)
        for (int c = 0; c < row.size(); ++c)
            width[c] = qMax(width[c], int(row[c].size()));
    QString rule = QStringLiteral("+");
    for (int w : width)
        rule += QString(w + 2, u'-') + u'+';
    rule += u'\n';
    auto line = [&width](const QStringList &row) {
        QString out = QStringLiteral("|");
        for (int c = 0; c < row.size(); ++c)
            out += u' ' + row[c].leftJustified(width[c]) + QStringLiteral(" |");
        return out + u'\n';
    };
    QString out = rule + line(header) + rule;
    for (const QStringList &row : cells)
        out += line(row);
    return out + rule;
}

// One run of a live command: connect, take a sample, print it or kill and follow.
class Run
{
    Q_DECLARE_TR_FUNCTIONS(HeadlessLive)
public:
    Run(const LiveRequest &request, const ConnectionSettings &settings)
        : m_request(request)
        , m_source(settings)
        , m_connectTimeoutMs(qint64(settings.connectTimeoutS) * 1000)
    {}

    int exec()
    {
        m_source.setReadOnly(m_request.connection.readOnly);
        m_source.setIntervalMs(250);
        QObject::connect(&m_source, &LiveSource::statusChanged, &m_loop,
                         [this](LiveSource::Status s, const QString &text) { onStatus(s, text); });
        QObject::connect(&m_source, &LiveSource::sampled, &m_loop, [this] { onSample(); });
        QObject::connect(&m_source, &SessionSource::killUpdated, &m_loop,
                         [this](int serial) { onKill(serial); });
        // --timeout bounds following the kill, from the first sample on; connecting has its own
        // bound (--connect-timeout), so a slow connect does not eat the kill's budget.
        m_deadline.setSingleShot(true);
        QObject::connect(&m_deadline, &QTimer::timeout, &m_loop, [this] { onTimeout(); });
        m_deadline.start(
            int(qMin<qint64>(m_connectTimeoutMs + m_request.timeoutUs / 1000, INT_MAX)));

        // SIGINT / SIGTERM: stop following, keep the audit log complete.
        std::unique_ptr<QSocketNotifier> signalNotifier;
        if (::pipe(g_signalPipe) == 0) {
            signalNotifier =
                std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
            QObject::connect(signalNotifier.get(), &QSocketNotifier::activated, &m_loop, [this] {
                char c = 0;
                [[maybe_unused]] const ssize_t n = ::read(g_signalPipe[0], &c, 1);
                printErr(tr("interrupted; the audit log records how far the kill had got."));
                finish(128 + int(c));
            });
            std::signal(SIGINT, onSignal);
            std::signal(SIGTERM, onSignal);
        }
        m_clock.start();
        m_source.start();
        m_loop.exec();
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        m_source.flushAudit();
        if (m_killed && !m_request.json)
            printOut(tr("audit log: %1").arg(m_source.auditLogPath()) + u'\n');
        for (int &fd : g_signalPipe) {
            if (fd >= 0)
                ::close(fd);
            fd = -1;
        }
        return m_exit;
    }

private:
    void finish(int code)
    {
        if (m_exit >= 0)
            return;
        m_exit = code;
        m_loop.quit();
    }

    QString seconds(qint64 us) const
    {
        return QStringLiteral("%1 s").arg(double(us) / 1e6, 7, 'f', 3);
    }

    // One phase line: text, or one JSON object per line.
    void phase(qint64 atUs, const QString &key, const QString &text, QJsonObject extra = {})
    {
        const qint64 since = atUs - m_requestedUs;
        if (m_request.json) {
            extra.insert(QStringLiteral("t"), double(since) / 1e6);
            extra.insert(QStringLiteral("phase"), key);
            extra.insert(QStringLiteral("text"), text);
            printOut(QString::fromUtf8(QJsonDocument(extra).toJson(QJsonDocument::Compact)) +
                     u'\n');
        } else {
            printOut(QStringLiteral("%1  %2\n").arg(seconds(since), text));
        }
    }

    void onStatus(LiveSource::Status s, const QString &)
    {
        if (s == LiveSource::Status::Failed) {
            printErr(m_source.statusText());
            finish(2);
        } else if (s == LiveSource::Status::Reconnecting && m_killed) {
            // The server went away while the kill was followed: it keeps trying until --timeout.
            printErr(m_source.statusText());
        }
    }

    void onSample()
    {
        if (m_sampled)
            return;
        m_sampled = true;
        m_deadline.start(int(qMin<qint64>(m_request.timeoutUs / 1000, INT_MAX)));
        if (m_request.action == LiveRequest::Action::Processlist) {
            printProcesslist();
            finish(0);
            return;
        }
        const KillKind kind = m_request.action == LiveRequest::Action::KillQuery
                                  ? KillKind::Query
                                  : KillKind::Connection;
        // The source builds the target from its record of the session that has the id now.
        KillRequest r;
        r.target = m_source.targetForCurrentId(m_request.id);
        r.kind = kind;
        const ProcesslistRow &seen = r.target.seen;
        m_killed = true;
        m_requestedUs = m_source.nowUs();
        if (!m_request.json) {
            QString who =
                seen.user.isEmpty()
                    ? QString::number(r.target.id)
                    : QStringLiteral("%1 %2@%3").arg(r.target.id).arg(seen.user, seen.host);
            if (!seen.db.isEmpty())
                who += QStringLiteral(" (%1)").arg(seen.db);
            QString doing;
            const QString what =
                seen.info.isEmpty() ? printable(seen.state) : printable(seen.info).left(120);
            if (r.target.voidReason.isEmpty())
                doing = what.isEmpty() ? tr("%1 for %2 s")
                                             .arg(seen.command)
                                             .arg(double(seen.timeMs) / 1000.0, 0, 'f', 1)
                                       : tr("%1 for %2 s: %3")
                                             .arg(seen.command)
                                             .arg(double(seen.timeMs) / 1000.0, 0, 'f', 1)
                                             .arg(what);
            printOut(QStringLiteral("%1 → %2%3\n")
                         .arg(killStatement(r), who,
                              doing.isEmpty() ? QString() : QStringLiteral(": ") + doing));
        }
        phase(m_requestedUs, QStringLiteral("requested"), tr("requested"));
        m_source.kill(r);
    }

    void printProcesslist()
    {
        QList<ProcesslistRow> rows;
        QList<qint64> own;
        for (const ProcesslistRow &r : m_source.currentProcesslist()) {
            if (r.own)
                own << r.id;
            else
                rows << r;
        }
        const ServerInfo info = m_source.serverInfo();
        if (m_request.json) {
            QJsonObject o;
            QJsonObject server;
            server.insert(QStringLiteral("address"), m_source.settings().describe());
            server.insert(QStringLiteral("version"), info.versionString);
            if (info.incarnation.known())
                server.insert(QStringLiteral("runningSince"),
                              QDateTime::fromSecsSinceEpoch(info.incarnation.startedEpochS, Qt::UTC)
                                  .toString(Qt::ISODate));
            o.insert(QStringLiteral("server"), server);
            o.insert(QStringLiteral("account"), info.currentUser);
            o.insert(QStringLiteral("takenAt"),
                     QDateTime::fromMSecsSinceEpoch(m_source.lastSampleEpochMs(), Qt::UTC)
                         .toString(Qt::ISODateWithMs));
            QJsonArray list;
            for (const ProcesslistRow &r : std::as_const(rows))
                list.append(rowJson(r));
            o.insert(QStringLiteral("rows"), list);
            QJsonArray ownIds;
            for (qint64 id : std::as_const(own))
                ownIds.append(id);
            o.insert(QStringLiteral("killscopeConnections"), ownIds);
            printOut(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
            return;
        }
        printOut(tr("-- %1, %2, as of %3\n")
                     .arg(m_source.settings().describe(), info.displayName(),
                          QDateTime::fromMSecsSinceEpoch(m_source.lastSampleEpochMs())
                              .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))));
        printOut(processlistTable(rows, info.hasTimeMs()));
        QStringList ownText;
        for (qint64 id : std::as_const(own))
            ownText << QString::number(id);
        printOut(tr("%n row(s); KillScope's own connections (%1) are left out.\n", nullptr,
                    int(rows.size()))
                     .arg(ownText.join(QStringLiteral(", "))));
    }

    void onKill(int serial)
    {
        // kills() returns a copy: keep it alive while r points into it.
        const QList<KillRecord> kills = m_source.kills();
        const KillRecord *r = nullptr;
        for (const KillRecord &k : kills) {
            if (k.serial == serial)
                r = &k;
        }
        if (!r)
            return;
        const KillRecord k = *r; // kills() returns a copy each call; keep one
        if (k.phase == m_lastPhase && k.phase != KillPhase::RollingBack)
            return;
        const KillPhase before = m_lastPhase;
        m_lastPhase = k.phase;
        const QLocale locale;
        switch (k.phase) {
        case KillPhase::Requested:
            break; // printed when it was asked for
        case KillPhase::Sent:
            phase(k.sentUs, QStringLiteral("sent"), tr("sent (identity proven on the server)"));
            break;
        case KillPhase::Refused: {
            const QString verdict = m_source.attemptVerdict(k.serial);
            QJsonObject extra{{QStringLiteral("error"), k.serverError},
                              {QStringLiteral("message"), k.serverMessage}};
            if (verdict == QStringLiteral("refused")) {
                phase(k.answeredUs, QStringLiteral("refused"),
                      tr("refused by the server (error %1): %2")
                          .arg(k.serverError)
                          .arg(k.serverMessage),
                      extra);
                finish(3);
            } else {
                // Every reason the source or the executor gives starts "Not sent: …".
                phase(k.answeredUs, QStringLiteral("not-sent"), k.serverMessage, extra);
                finish(4);
            }
            return;
        }
        case KillPhase::Accepted: {
            if (before < KillPhase::Sent && k.sentUs >= 0)
                phase(k.sentUs, QStringLiteral("sent"), tr("sent (identity proven on the server)"));
            phase(k.answeredUs, QStringLiteral("accepted"),
                  tr("accepted: Query OK in %1 ms (proof: %2)")
                      .arg(double(k.answeredUs - k.sentUs) / 1000.0, 0, 'f', 1)
                      .arg(k.identityEvidence),
                  {{QStringLiteral("proof"), k.identityEvidence}});
            if (!m_request.wait) {
                if (!m_request.json)
                    printOut(tr("not followed further (add --wait to follow it to its end)\n"));
                finish(0);
            }
            return;
        }
        case KillPhase::FlagSeen:
            phase(k.flagSeenUs, QStringLiteral("flag-seen"), tr("flag seen: %1").arg(k.why));
            break;
        case KillPhase::RollingBack: {
            if (before != KillPhase::RollingBack && k.flagSeenUs >= 0 &&
                before < KillPhase::FlagSeen)
                phase(k.flagSeenUs, QStringLiteral("flag-seen"), tr("flag seen"));
            // One line when the rollback starts, then at most one a second.
            const qint64 now = m_source.nowUs();
            if (before == KillPhase::RollingBack && now - m_lastRollbackLineUs < 1'000'000)
                break;
            m_lastRollbackLineUs = now;
            QString text = tr("rolling back %1 rows").arg(locale.toString(k.rowsRemaining));
            if (k.rowsRemaining < 0)
                text = tr("rolling back");
            if (k.rowsPerSecond > 0)
                text +=
                    u' ' +
                    tr("at %1 rows/s").arg(locale.toString(qint64(std::llround(k.rowsPerSecond))));
            if (k.estimatedEndUs > now)
                text +=
                    u' ' +
                    tr("(about %1 s left)").arg(double(k.estimatedEndUs - now) / 1e6, 0, 'f', 1);
            phase(now, QStringLiteral("rolling-back"), text,
                  {{QStringLiteral("rowsRemaining"), k.rowsRemaining},
                   {QStringLiteral("rowsPerSecond"), k.rowsPerSecond}});
            break;
        }
        case KillPhase::Done:
            phase(k.endedUs, QStringLiteral("done"),
                  k.why.isEmpty() ? tr("done: the statement ended; the session lives on")
                                  : tr("done: %1").arg(k.why));
            finish(0);
            return;
        case KillPhase::Gone:
        case KillPhase::Reconnected:
            phase(k.endedUs, QString::fromLatin1(killPhaseKey(k.phase)),
                  k.why.isEmpty() ? tr("gone: the thread left the processlist")
                                  : tr("gone: the thread left the processlist. %1").arg(k.why));
            finish(0);
            return;
        }
    }

    void onTimeout()
    {
        const double s = double(m_request.timeoutUs) / 1e6;
        if (!m_sampled) {
            printErr(tr("no connection to the server within %1 s: %2")
                         .arg(double(m_connectTimeoutMs) / 1000 + s)
                         .arg(m_source.statusText()));
            finish(2);
            return;
        }
        const KillRecord k = m_source.kills().isEmpty() ? KillRecord{} : m_source.kills().last();
        phase(m_source.nowUs(), QStringLiteral("timeout"),
              tr("still %1 after %2 s").arg(KillTracker::phaseText(k).toLower()).arg(s),
              {{QStringLiteral("lastPhase"), QString::fromLatin1(killPhaseKey(k.phase))}});
        finish(5);
    }

    LiveRequest m_request;
    LiveSource m_source;
    QEventLoop m_loop;
    QElapsedTimer m_clock;
    int m_exit = -1;
    bool m_sampled = false;
    qint64 m_connectTimeoutMs = 5000;
    QTimer m_deadline;
    bool m_killed = false;
    KillPhase m_lastPhase = KillPhase::Requested;
    qint64 m_requestedUs = 0;
    qint64 m_lastRollbackLineUs = 0;
};

} // namespace

QString processlistTableText(const QList<ProcesslistRow> &rows, bool milliseconds)
{
    return processlistTable(rows, milliseconds);
}

QJsonObject processlistRowJson(const ProcesslistRow &row)
{
    return rowJson(row);
}

int runHeadlessLive(const LiveRequest &request, const ConnectionSettings &settings)
{
    Run run(request, settings);
    return run.exec();
}

} // namespace ks
