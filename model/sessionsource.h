#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include "serverincarnation.h"

namespace ks {

class Timeline;

enum class KillKind : quint8 { Query, Connection };

// MariaDB's KILL HARD / KILL SOFT. Default sends neither keyword (the server then uses HARD).
enum class KillStrength : quint8 { Default, Hard, Soft };

// One row of the processlist as the server (or the simulated flavor) shows it, plus the InnoDB
// transaction columns KillScope joins in. Times are in microseconds of the source's clock.
struct ProcesslistRow
{
    qint64 id = 0;
    QString user;
    QString host;
    QString db;
    QString command; // "Query", "Sleep", "Killed", "Daemon", ...
    qint64 timeMs = 0; // MariaDB's TIME_MS where the server has it, else Time * 1000
    QString state;
    QString info;
    double progress = 0.0; // MariaDB's Progress column; 0 elsewhere
    // The server reports progress for this statement (MariaDB: MAX_STAGE > 0, e.g. ALTER TABLE,
    // LOAD DATA); an UPDATE's 0.000 is no progress at all and is shown as nothing.
    bool progressReported = false;
    QString trxState;      // INNODB_TRX.trx_state: RUNNING, LOCK WAIT, ROLLING BACK, ...; empty = none
    qint64 trxRowsModified = -1; // -1 = no transaction
    qint64 trxRowsLocked = -1;   // INNODB_TRX.trx_rows_locked; -1 = no transaction
    QString trxStarted;          // INNODB_TRX.trx_started as the server prints it
    qint64 trxAgeS = -1;         // seconds since trx_started (the server's clock); -1 = none
    QString trxOperationState;
    qint64 blockedBy = 0; // id of the session holding the lock this one waits for; 0 = none
    bool system = false;  // daemon / system thread
    bool own = false;     // one of KillScope's own connections (by connection id, never by text)

    // Connected, no statement, but a transaction open: it holds its locks and undo while idle.
    bool idleInTransaction() const
    {
        return command == QLatin1String("Sleep") && !trxState.isEmpty();
    }

    // Live identity evidence, where the server offers it (-1 / empty = not known):
    qint64 osThreadId = -1; // the OS thread serving it (MariaDB TID, performance_schema THREAD_OS_ID)
    qint64 psThreadId = -1; // performance_schema.threads.THREAD_ID: unique within a server's life
    qint64 queryId = -1;    // MariaDB QUERY_ID of its current or last statement: only grows
    QString clientPid;      // connect attribute _pid (performance_schema.session_connect_attrs)
    QString clientProgram;  // connect attribute program_name, else _client_name
    // Which session of the source this row shows, so a view can hand the row back and the source
    // knows whom it meant (live: the server incarnation's serial and when the session was first
    // seen; 0 / -1 elsewhere).
    quint32 incarnation = 0;
    qint64 firstSeenUs = -1;
};

// Who is to be killed. Only a source builds a target, from its own record of the session (views
// hand the source a lane or a row, never a bare id). Live mode proves the identity again right
// before sending, so a processlist id that now names another session is never hit.
struct KillTarget
{
    qint64 id = 0;
    QString user;
    QString host;
    qint64 firstSeenUs = -1; // when this session was first observed; -1 = unknown

    // Live: the session as the source recorded it.
    quint32 incarnation = 0;          // the source's serial of the server's life; 0 = not built by a live source
    ServerIncarnation server;         // that life's start time and id counter
    qint64 maxIdSeen = 0;             // highest id seen in that life up to the last sighting
    qint64 lastSeenUs = -1;           // start of the last sample that listed the session
    ProcesslistRow seen;              // the session's row as last observed (identity evidence, audit)
    QString voidReason;               // non-empty: the source cannot vouch for it (ended, restarted)
};

struct KillRequest
{
    KillTarget target;
    KillKind kind = KillKind::Query;
    KillStrength strength = KillStrength::Default;
    qint64 atUs = -1; // simulation: inject at this time (the playhead); live: now
};

// A kill followed from the request to its end.
enum class KillPhase : quint8 {
    Requested,   // asked for, not yet sent
    Sent,        // on the wire
    Refused,     // the server answered with an error (1094, 1095, ...)
    Accepted,    // "Query OK": the flag is set, the victim has not noticed yet
    FlagSeen,    // the victim noticed (Command Killed, statement ended, wait broken)
    RollingBack, // undoing its work; cannot be interrupted
    Done,        // KILL QUERY: the statement ended and the session lives on
    Gone,        // KILL CONNECTION: the thread left the processlist
    Reconnected, // the same client came back under a new id (proven by its connect attributes)
};

struct KillRecord
{
    int serial = 0;
    KillRequest request;
    QString statement; // as sent, e.g. "KILL QUERY 12"
    KillPhase phase = KillPhase::Requested;
    qint64 requestedUs = -1;
    qint64 sentUs = -1; // live: when the KILL statement went out (after the identity check)
    qint64 answeredUs = -1;
    qint64 flagSeenUs = -1;
    qint64 endedUs = -1; // Done, Gone or Reconnected
    int serverError = 0; // 0 = OK
    QString serverMessage;
    qint64 rowsRemaining = -1;    // while rolling back
    double rowsPerSecond = 0.0;   // observed rollback rate
    qint64 estimatedEndUs = -1;   // from the rate
    QString why;                  // why it lingers, from evidence, in the UI language
    qint64 reconnectedAsId = 0;   // Reconnected: the proven successor
    qint64 successorId = 0;       // a new session of the same account appeared after the end
    QString identityEvidence;     // live: what proved the id still named the chosen session
};

// The statement the server receives for a request, e.g. "KILL QUERY 12", "KILL SOFT 12".
QString killStatement(const KillRequest &request);
// The phase as the audit log, the command line's JSON and recordings spell it: "requested",
// "sent", "refused", "accepted", "flag-seen", "rolling-back", "done", "gone", "reconnected".
const char *killPhaseKey(KillPhase phase);

// One place sessions come from: the embedded simulation or a live server. Views talk only to
// this interface, so the same processlist, right-click menu and timeline serve both.
//
// Invariants: kill() never blocks the calling (GUI) thread; its outcome is reported later
// through signals. A source that cannot kill (read-only live mode) returns false from canKill()
// and ignores kill().
class SessionSource : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Simulation, Live, Recording };

    using QObject::QObject;
    ~SessionSource() override;

    virtual Kind kind() const = 0;
    // "mysql-5.7", "mysql-8.0", "mariadb-10.11" (simulation) or the detected server flavor.
    virtual QString flavorId() const = 0;
    virtual bool canKill() const = 0;
    // True where the server understands KILL HARD / KILL SOFT (MariaDB).
    virtual bool supportsKillStrength() const = 0;
    virtual void kill(const KillRequest &request) = 0;

    // The kill target for a lane of timeline() or a row of processlistAt(), built from the
    // source's own record of that session (never from what the view shows). A live source marks
    // a session it can no longer vouch for (it ended, the server restarted) with voidReason, and
    // kill() refuses such a target. The defaults take id, user and host from the lane or row.
    virtual KillTarget targetForLane(int lane) const;
    virtual KillTarget targetForRow(const ProcesslistRow &row) const;

    // Lanes, segments and signals so far (model/timeline.h).
    virtual const Timeline &timeline() const = 0;
    // The processlist at a time of this source's clock (live: the last sample at or before it).
    virtual QList<ProcesslistRow> processlistAt(qint64 timeUs) const = 0;
    // Every kill so far, oldest first.
    virtual QList<KillRecord> kills() const = 0;
    // The wall clock (ms since the epoch) at time 0 of timeline(), for sources that observed
    // real time (live, recordings); -1 for run time (the simulation).
    virtual qint64 wallClockOriginMs() const { return -1; }

Q_SIGNALS:
    // New content: the timeline, processlist or kills changed.
    void changed();
    // A kill moved to a new phase (see kills()).
    void killUpdated(int serial);
    // Something went wrong that the user must read (bad scenario, lost server, refused kill).
    void problem(const QString &message);
};

} // namespace ks

// A processlist row is Qt strings and plain values, all of which may be moved in memory as bytes:
// lists of ten thousand rows then grow, insert and remove by memmove instead of one move
// constructor per row. (A member that may not be relocated, such as std::string, must not be
// added.)
Q_DECLARE_TYPEINFO(ks::ProcesslistRow, Q_RELOCATABLE_TYPE);
