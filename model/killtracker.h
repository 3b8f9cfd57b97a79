#pragma once

#include "sessionsource.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>

namespace ks {

struct KillOutcome;

// Follows every kill from the request to its end, from what the samples show:
// requested → sent → the server's answer (OK, 1094, 1095, ...) → flag seen (Command Killed, the
// statement ended, the lock wait broke) → rolling back (rows remaining from trx_rows_modified,
// the observed rate, an estimated end) → done (KILL QUERY: the session lives on) / gone
// (the thread left) → reconnected (the same client came back under a new id).
//
// "Reconnected" is claimed only with evidence: a session that appeared after the victim left,
// of the same account from the same machine, whose connect attributes (client process id and
// program, from performance_schema.session_connect_attrs) equal the victim's. Without that
// evidence the record stays Gone and says "a new session of the same account appeared".
//
// Invariants: pure logic on plain values — no SQL, no threads, no clock of its own (callers pass
// times), so it is tested with synthetic samples. Phases only move forward, except Gone →
// Reconnected. `why` is filled from evidence only while the victim lingers; at the end it is
// cleared, or names the newcomer of the same account.
class KillTracker
{
    Q_DECLARE_TR_FUNCTIONS(KillTracker)
public:
    // MariaDB gives TIME_MS (statement starts to the millisecond); MySQL whole seconds.
    void setMillisecondTimes(bool on) { m_msTimes = on; }
    // MySQL ignores KILL QUERY on an idle session (the kill is "done" without any effect).
    void setKillQueryIgnoredWhenIdle(bool on) { m_idleQueryIgnored = on; }
    // How long after a kill a returning user@host still counts as "reconnected".
    void setReconnectWindowUs(qint64 us) { m_reconnectWindowUs = us; }

    // `seen` is the victim's row as last observed (nullptr: unknown); `maxIdNow` the highest id
    // in that sample (later, larger ids are new connections). Returns the new kill's serial.
    int request(const KillRequest &request, const ProcesslistRow *seen, qint64 maxIdNow,
                qint64 nowUs);
    void sent(int serial, qint64 atUs, const QString &statement);
    void answered(const KillOutcome &outcome);
    // Feeds one sample; returns the serials whose record changed.
    QList<int> observe(const QList<ProcesslistRow> &rows, qint64 nowUs);
    // The server restarted: every victim still being followed went with it. Returns the serials
    // that ended; `why` becomes their explanation.
    QList<int> serverRestarted(qint64 nowUs, const QString &why);

    const QList<KillRecord> &records() const { return m_records; }
    const KillRecord *record(int serial) const;
    bool isFinal(int serial) const;
    static bool isFinalPhase(KillPhase phase);

    // The evidence-based reason a victim that has been told to die is still there.
    QString lingerReason(const ProcesslistRow &row, KillKind kind) const;
    // A short label for a phase ("Rolling back", "Gone", "Already gone (1094)", ...).
    static QString phaseText(const KillRecord &record);

private:
    struct Context
    {
        QString command; // at request time
        QString trxState;
        qint64 statementStartUs = 0;
        qint64 maxIdAtRequest = 0;
        bool known = false;
        qint64 rollbackStartUs = -1;
        qint64 rollbackStartRows = -1;
        QString clientPid, clientProgram; // the victim's connect attributes, where known
        QSet<qint64> presentAtEnd;        // ids listed when the victim was found gone
    };
    int indexOf(int serial) const;
    bool update(KillRecord &r, Context &c, const QList<ProcesslistRow> &rows,
                const QHash<qint64, const ProcesslistRow *> &byId, qint64 nowUs);

    QList<KillRecord> m_records;
    QList<Context> m_contexts;
    int m_nextSerial = 1;
    bool m_msTimes = true;
    bool m_idleQueryIgnored = false;
    qint64 m_reconnectWindowUs = 120'000'000;
};

} // namespace ks
