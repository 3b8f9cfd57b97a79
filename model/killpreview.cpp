#include "killpreview.h"

#include <QLocale>

namespace ks {

QString KillPreview::roughCount(qint64 n)
{
    const QLocale loc;
    if (n >= 1'000'000)
        return tr("%1 million").arg(loc.toString(double(n) / 1e6, 'f', 1));
    return loc.toString(n);
}

QString KillPreview::rowsText(qint64 n)
{
    if (n >= 1'000'000)
        return tr("%1 million rows").arg(QLocale().toString(double(n) / 1e6, 'f', 1));
    return tr("%Ln row(s)", nullptr, int(qMin<qint64>(n, 999'999)));
}

QString KillPreview::roughDuration(double s)
{
    if (s < 1.0)
        return tr("under a second");
    if (s < 90.0)
        return tr("about %1 s").arg(qRound(s));
    return tr("about %1 min").arg(qRound(s / 60.0));
}

KillPreview KillPreview::build(const KillRequest &request, const ProcesslistRow *row,
                               const ServerInfo &server, const BlockingGraph &blocking,
                               double observedRate, const QString &ownUser)
{
    KillPreview p;
    p.statement = killStatement(request);
    p.targetId = request.target.id;
    const KillTarget &t = request.target;
    p.target = QStringLiteral("%1 %2@%3").arg(t.id).arg(t.user, t.host);
    const bool query = request.kind == KillKind::Query;

    if (!row) {
        p.activity = tr("This session is no longer in the processlist.");
        p.consequence = tr("The server will most likely answer 1094 (unknown thread).");
        p.noEffect = true;
        p.cannotSucceed = true;
        p.cannotSucceedWhy = tr("no longer in the processlist (1094)");
        return p;
    }
    if (!row->db.isEmpty())
        p.target += u' ' + tr("(database %1)").arg(row->db);
    if (row->own) {
        p.blocked = true;
        p.activity = tr("This is one of KillScope's own connections.");
        p.consequence = tr("KillScope does not kill its own connections.");
        return p;
    }

    const double secs = double(row->timeMs) / 1000.0;
    const QString statementText = row->info.simplified().left(300);
    const bool idle = row->command == QStringLiteral("Sleep") ||
                      (row->command == QStringLiteral("Killed") && row->info.isEmpty());
    if (idle)
        p.activity = tr("Idle (Sleep) for %1 s.").arg(secs, 0, 'f', server.hasTimeMs() ? 1 : 0);
    else
        p.activity = tr("%1 for %2 s: %3")
                         .arg(row->command)
                         .arg(secs, 0, 'f', server.hasTimeMs() ? 1 : 0)
                         .arg(statementText.isEmpty() ? row->state : statementText);

    const qint64 rows = row->trxRowsModified;
    const bool inTrx = !row->trxState.isEmpty();
    const double rate = observedRate > 0 ? observedRate : TypicalRollbackRowsPerSecond;
    const QString rateWord = observedRate > 0 ? tr("at the rate observed on this server")
                                              : tr("at a typical in-memory rate");
    const QString killedWord = server.isMySql() ? tr("Killed (state query end)")
                                                : tr("Killed (state Rollback)");

    if (row->system) {
        p.warnings << tr("This is a system or daemon thread: the server refuses to kill it by id "
                         "(error 1094), or only SUPER/CONNECTION ADMIN may.");
    }
    const bool othersThread = !ownUser.isEmpty() && row->user != ownUser;
    if (othersThread && !server.canKillOthers()) {
        p.warnings << tr("Your account lacks CONNECTION ADMIN and SUPER: the server will refuse "
                         "to kill another user's thread (error 1095).");
        p.cannotSucceed = true;
        p.cannotSucceedWhy = tr("another user's thread, and your account may not kill it (1095)");
    }

    if (query) {
        if (idle) {
            p.noEffect = true;
            if (server.killQueryIgnoredWhenIdle())
                p.warnings << tr("KILL QUERY on an idle session does nothing on MySQL: there is no "
                                 "statement to stop.");
            else
                p.warnings << tr("KILL QUERY on an idle session only marks it: it shows Killed "
                                 "until its next statement, which then runs normally.");
            if (inTrx)
                p.warnings << tr("KILL QUERY leaves this open transaction (%1 modified) and "
                                 "its locks in place; only KILL CONNECTION rolls it back.")
                                  .arg(rowsText(qMax<qint64>(rows, 0)));
            p.consequence = tr("The session and its transaction stay as they are.");
        } else {
            p.consequence = tr("The running statement stops at its next check point and is rolled "
                               "back; the client gets error 1317 after that rollback and stays "
                               "connected.");
            if (inTrx && rows > 0)
                p.consequence +=
                    u' ' + tr("Up to %1 modified are undone, %2 %3.")
                               .arg(rowsText(rows), roughDuration(rows / rate), rateWord);
            if (inTrx)
                p.warnings << tr("KILL QUERY leaves this open transaction and its locks in place if "
                                 "it began before this statement (BEGIN …).");
        }
    } else {
        p.consequence = tr("The connection closes at once: its client gets error 2013 (or 2006 on "
                           "its next statement), while the server thread still has to finish.");
        if (inTrx && rows > 0)
            p.consequence += u' ' + tr("KILL CONNECTION will roll back about %1; %2 %3, during "
                                       "which it will show %4.")
                                        .arg(rowsText(rows), rateWord,
                                             roughDuration(double(rows) / rate), killedWord);
        else if (inTrx)
            p.consequence += u' ' + tr("Its open transaction is rolled back.");
    }

    if (row->state.contains(QStringLiteral("Writing to net"), Qt::CaseInsensitive) ||
        row->state.contains(QStringLiteral("Sending to client"), Qt::CaseInsensitive)) {
        if (query)
            p.warnings << tr("It is blocked writing to a client that does not read: KILL QUERY "
                             "cannot wake it (it will show Killed and stay); KILL CONNECTION can.");
    }
    if (row->trxOperationState.contains(QStringLiteral("sleeping before entering InnoDB")))
        p.warnings << tr("It waits for an InnoDB seat; MySQL 5.7 only notices the kill once it "
                         "gets one.");
    if (row->trxState == QStringLiteral("ROLLING BACK") ||
        row->state.compare(QStringLiteral("Rollback"), Qt::CaseInsensitive) == 0) {
        p.noEffect = query;
        p.warnings << tr("It is already rolling back; a rollback cannot be interrupted, a kill "
                         "will not make it faster.");
    }
    const int behind = blocking.waitersBehind(t.id);
    if (behind > 0) {
        if (query && idle)
            p.warnings << tr("%n session(s) wait for locks it holds; KILL QUERY will not release "
                             "them.", nullptr, behind);
        else
            p.warnings << tr("%n session(s) wait for locks it holds; they continue once its "
                             "rollback ends.", nullptr, behind);
    }
    if (request.strength == KillStrength::Soft)
        p.warnings << tr("KILL SOFT does not interrupt REPAIR or index builds of MyISAM/Aria "
                         "tables.");
    return p;
}

} // namespace ks
