#include "killtracker.h"

#include "killexecutor.h"

#include <QHash>
#include <QLocale>
#include <cmath>

namespace ks {

static bool sameAddress(const QString &a, const QString &b)
{
    // "127.0.0.1:48840" and "127.0.0.1:48902" are the same client machine.
    return a.section(u':', 0, 0) == b.section(u':', 0, 0);
}

static bool isRollingBack(const ProcesslistRow &r)
{
    return r.trxState.compare(QStringLiteral("ROLLING BACK"), Qt::CaseInsensitive) == 0 ||
           r.state.compare(QStringLiteral("Rollback"), Qt::CaseInsensitive) == 0;
}

int KillTracker::indexOf(int serial) const
{
    for (int i = 0; i < m_records.size(); ++i) {
        if (m_records[i].serial == serial)
            return i;
    }
    return -1;
}

const KillRecord *KillTracker::record(int serial) const
{
    const int i = indexOf(serial);
    return i < 0 ? nullptr : &m_records[i];
}

bool KillTracker::isFinalPhase(KillPhase p)
{
    return p == KillPhase::Refused || p == KillPhase::Done || p == KillPhase::Gone ||
           p == KillPhase::Reconnected;
}

bool KillTracker::isFinal(int serial) const
{
    const KillRecord *r = record(serial);
    return !r || isFinalPhase(r->phase);
}

int KillTracker::request(const KillRequest &request, const ProcesslistRow *seen, qint64 maxIdNow,
                         qint64 nowUs)
{
    KillRecord r;
    r.serial = m_nextSerial++;
    r.request = request;
    r.statement = killStatement(request);
    r.phase = KillPhase::Requested;
    r.requestedUs = nowUs;
    Context c;
    c.maxIdAtRequest = maxIdNow;
    if (seen) {
        c.clientPid = seen->clientPid;
        c.clientProgram = seen->clientProgram;
    }
    if (seen && !seen->command.isEmpty()) {
        c.known = true;
        c.command = seen->command;
        c.trxState = seen->trxState;
        c.statementStartUs = nowUs - seen->timeMs * 1000;
        if (seen->trxRowsModified >= 0)
            r.rowsRemaining = -1;
    }
    m_records.append(r);
    m_contexts.append(c);
    return r.serial;
}

void KillTracker::sent(int serial, qint64 atUs, const QString &statement)
{
    const int i = indexOf(serial);
    if (i < 0)
        return;
    m_records[i].sentUs = atUs;
    if (m_records[i].phase != KillPhase::Requested)
        return; // the answer overtook the notice
    m_records[i].phase = KillPhase::Sent;
    if (!statement.isEmpty())
        m_records[i].statement = statement;
}

void KillTracker::answered(const KillOutcome &o)
{
    const int i = indexOf(o.serial);
    if (i < 0)
        return;
    KillRecord &r = m_records[i];
    const Context &c = m_contexts[i];
    r.answeredUs = o.answeredUs;
    if (o.sent && o.sentUs >= 0)
        r.sentUs = o.sentUs;
    r.serverError = o.serverError;
    r.serverMessage = o.message;
    r.identityEvidence = o.evidence.join(QStringLiteral("; "));
    if (o.verdict != KillOutcome::Verdict::Ok) {
        r.phase = KillPhase::Refused;
        r.endedUs = o.answeredUs;
        if (o.serverError == 1094)
            r.why = tr("The thread had already ended before the kill arrived.");
        else
            r.why = o.message;
        return;
    }
    if (isFinalPhase(r.phase))
        return; // a sample already saw the end
    if (r.phase < KillPhase::Accepted)
        r.phase = KillPhase::Accepted;
    if (r.request.kind == KillKind::Query && m_idleQueryIgnored && c.known &&
        c.command == QStringLiteral("Sleep")) {
        r.phase = KillPhase::Done;
        r.endedUs = o.answeredUs;
        r.why = tr("The session was idle: this server ignores KILL QUERY then, so nothing "
                   "happened.");
    }
}

QList<int> KillTracker::observe(const QList<ProcesslistRow> &rows, qint64 nowUs)
{
    if (m_records.isEmpty())
        return {}; // nothing to follow: no index of thousands of rows for nobody
    QHash<qint64, const ProcesslistRow *> byId;
    byId.reserve(rows.size());
    for (const ProcesslistRow &row : rows)
        byId.insert(row.id, &row);
    QList<int> changed;
    for (int i = 0; i < m_records.size(); ++i) {
        KillRecord &r = m_records[i];
        const KillRecord before = r;
        if (update(r, m_contexts[i], rows, byId, nowUs) || before.phase != r.phase ||
            before.rowsRemaining != r.rowsRemaining || before.why != r.why)
            changed << r.serial;
    }
    return changed;
}

bool KillTracker::update(KillRecord &r, Context &c, const QList<ProcesslistRow> &rows,
                         const QHash<qint64, const ProcesslistRow *> &byId, qint64 nowUs)
{
    // After the end, only "came back under a new id" is still news — and only what the server
    // shows of the newcomer decides whether it is the same client.
    auto checkReconnect = [&] {
        if (nowUs - r.endedUs > m_reconnectWindowUs || r.request.target.user.isEmpty())
            return false;
        bool changedNow = false;
        for (const ProcesslistRow &row : rows) {
            if (row.id <= c.maxIdAtRequest || row.id == r.request.target.id || row.own ||
                c.presentAtEnd.contains(row.id) || row.user != r.request.target.user ||
                !sameAddress(row.host, r.request.target.host))
                continue;
            const bool sameClient = !c.clientPid.isEmpty() && row.clientPid == c.clientPid &&
                                    row.clientProgram == c.clientProgram;
            if (sameClient) {
                r.phase = KillPhase::Reconnected;
                r.reconnectedAsId = row.id;
                r.why = tr("The same client (process %1%2) connected again as %3.")
                            .arg(c.clientPid, c.clientProgram.isEmpty()
                                                  ? QString()
                                                  : QStringLiteral(", %1").arg(c.clientProgram))
                            .arg(row.id);
                return true;
            }
            if (r.successorId == 0) {
                r.successorId = row.id;
                r.why = (!c.clientPid.isEmpty() && !row.clientPid.isEmpty())
                            ? tr("A new session of the same account appeared (%1), from another "
                                 "client process (%2, not %3).")
                                  .arg(row.id)
                                  .arg(row.clientPid, c.clientPid)
                            : tr("A new session of the same account appeared (%1); nothing shows "
                                 "it is the same client.")
                                  .arg(row.id);
                changedNow = true;
            }
        }
        return changedNow;
    };
    if (r.phase == KillPhase::Gone)
        return checkReconnect();
    if (r.phase != KillPhase::Accepted && r.phase != KillPhase::FlagSeen &&
        r.phase != KillPhase::RollingBack)
        return false;

    const ProcesslistRow *row = byId.value(r.request.target.id);
    if (!row) {
        if (r.flagSeenUs < 0)
            r.flagSeenUs = nowUs;
        r.phase = KillPhase::Gone;
        r.endedUs = nowUs;
        r.rowsRemaining = r.rowsRemaining >= 0 ? 0 : -1;
        r.estimatedEndUs = -1;
        r.why.clear();
        for (const ProcesslistRow &other : rows)
            c.presentAtEnd.insert(other.id);
        return true;
    }

    const bool killedCmd = row->command == QStringLiteral("Killed");
    const bool rollingBack = isRollingBack(*row);
    const bool wasIdle = c.known && c.command == QStringLiteral("Sleep");
    const qint64 tolerance = m_msTimes ? 50'000 : 1'500'000;
    const qint64 stmtStart = nowUs - row->timeMs * 1000;
    const bool statementEnded =
        c.known && !wasIdle &&
        (row->command == QStringLiteral("Sleep") || stmtStart > c.statementStartUs + tolerance);
    // An idle victim's flag is cleared by its next statement: it is no longer Killed, or its
    // idle time restarted, or it is running something.
    const bool nextStatement = wasIdle && !killedCmd &&
                               (r.flagSeenUs >= 0 || row->command != QStringLiteral("Sleep") ||
                                stmtStart > c.statementStartUs + tolerance);
    const bool lockWaitBroke =
        c.trxState == QStringLiteral("LOCK WAIT") && row->trxState != QStringLiteral("LOCK WAIT");

    if (r.flagSeenUs < 0 && (killedCmd || rollingBack || statementEnded || lockWaitBroke)) {
        r.flagSeenUs = nowUs;
        if (r.phase == KillPhase::Accepted)
            r.phase = KillPhase::FlagSeen;
    }

    if (rollingBack) {
        r.phase = KillPhase::RollingBack;
        const qint64 rows = row->trxRowsModified;
        r.rowsRemaining = rows;
        if (rows >= 0) {
            if (c.rollbackStartUs < 0 || rows > c.rollbackStartRows) {
                c.rollbackStartUs = nowUs;
                c.rollbackStartRows = rows;
            } else if (nowUs > c.rollbackStartUs && rows < c.rollbackStartRows) {
                r.rowsPerSecond =
                    double(c.rollbackStartRows - rows) * 1e6 / double(nowUs - c.rollbackStartUs);
                r.estimatedEndUs = nowUs + qint64(double(rows) / r.rowsPerSecond * 1e6);
            }
        }
        r.why = lingerReason(*row, r.request.kind);
        if (r.rowsPerSecond > 0 && r.estimatedEndUs > nowUs)
            r.why += u' ' + tr("About %1 s left at %2 rows/s.")
                                .arg(QLocale().toString((r.estimatedEndUs - nowUs) / 1e6, 'f', 1),
                                     QLocale().toString(qint64(std::llround(r.rowsPerSecond))));
        return true;
    }

    if (r.request.kind == KillKind::Query) {
        // The statement ended (error 1317 sent, or it won the race), or — on an idle MariaDB
        // session — the Killed flag was cleared by the next statement.
        if (!killedCmd && (statementEnded || nextStatement || lockWaitBroke ||
                           r.phase == KillPhase::RollingBack ||
                           (!c.known && row->command == QStringLiteral("Sleep")))) {
            if (r.flagSeenUs < 0)
                r.flagSeenUs = nowUs;
            r.phase = KillPhase::Done;
            r.endedUs = nowUs;
            r.rowsRemaining = r.rowsRemaining >= 0 ? 0 : -1;
            r.estimatedEndUs = -1;
            r.why.clear();
            return true;
        }
    }
    r.why = lingerReason(*row, r.request.kind);
    return false;
}

QList<int> KillTracker::serverRestarted(qint64 nowUs, const QString &why)
{
    QList<int> ended;
    for (KillRecord &r : m_records) {
        if (isFinalPhase(r.phase))
            continue;
        if (r.phase == KillPhase::Requested || r.phase == KillPhase::Sent) {
            // Not answered yet: the executor's identity check will refuse it on the new life.
            continue;
        }
        r.phase = KillPhase::Gone;
        r.endedUs = nowUs;
        r.rowsRemaining = -1;
        r.estimatedEndUs = -1;
        r.why = why;
        ended << r.serial;
    }
    return ended;
}

QString KillTracker::lingerReason(const ProcesslistRow &row, KillKind kind) const
{
    const QString state = row.state;
    auto has = [&state](const char *s) {
        return state.contains(QLatin1String(s), Qt::CaseInsensitive);
    };
    if (isRollingBack(row)) {
        if (row.trxRowsModified >= 0)
            return tr("Rolling back %n row(s); a rollback cannot be interrupted.", nullptr,
                      int(qMin<qint64>(row.trxRowsModified, INT_MAX)));
        return tr("Rolling back; a rollback cannot be interrupted.");
    }
    if (has("Writing to net") || has("Sending to client"))
        return kind == KillKind::Query
                   ? tr("Blocked writing to a client that does not read: KILL QUERY cannot wake "
                        "it; KILL CONNECTION or net_write_timeout can.")
                   : tr("Blocked writing to a client that does not read.");
    if (row.trxOperationState.contains(QStringLiteral("sleeping before entering InnoDB"),
                                       Qt::CaseInsensitive))
        return tr("Waiting for an InnoDB seat (innodb_thread_concurrency); MySQL 5.7 does not "
                  "look at the kill flag while it waits.");
    if (row.trxState == QStringLiteral("LOCK WAIT"))
        return tr("Waiting for a row lock; the kill should wake it at once.");
    if (has("metadata lock") || has("table level lock"))
        return tr("Waiting for a lock (%1); the kill should wake it at once.").arg(state);
    if (row.command == QStringLiteral("Killed") && row.info.isEmpty() && state.isEmpty())
        return kind == KillKind::Query
                   ? tr("Idle with the kill flag set: it shows Killed until its next statement, "
                        "which then runs normally.")
                   : tr("Closing the connection.");
    if (has("query end") || has("closing tables") || has("freeing items") || has("cleaning up"))
        return tr("Finishing the statement (%1).").arg(state);
    if (has("copy to tmp table") || has("altering table") || has("Enabling keys"))
        return tr("DDL in progress (%1): it stops at its next check point and cleans up.")
            .arg(state);
    if (!state.isEmpty())
        return tr("Still %1: it notices the kill at its next check point.").arg(state);
    return tr("Still %1: it notices the kill at its next check point.").arg(row.command);
}

QString KillTracker::phaseText(const KillRecord &r)
{
    switch (r.phase) {
    case KillPhase::Requested:
        return tr("Requested");
    case KillPhase::Sent:
        return tr("Sent");
    case KillPhase::Refused:
        if (r.serverError == 1094)
            return tr("Already gone (1094)");
        if (r.serverError > 0)
            return tr("Refused (%1)").arg(r.serverError);
        return tr("Not sent");
    case KillPhase::Accepted:
        return tr("Accepted");
    case KillPhase::FlagSeen:
        return tr("Flag seen");
    case KillPhase::RollingBack:
        return tr("Rolling back");
    case KillPhase::Done:
        return tr("Done");
    case KillPhase::Gone:
        return tr("Gone");
    case KillPhase::Reconnected:
        return tr("Reconnected as %1").arg(r.reconnectedAsId);
    }
    return {};
}

} // namespace ks
