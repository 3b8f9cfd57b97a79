#pragma once

#include "labrecording.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ks {

namespace sim {
class RunResult;
struct Scenario;
} // namespace sim

class LabPlan;

// How far a real time may be from the simulated one before it counts as a difference, from
// what lab mode measured on this server (never a guessed number; LabCosts::tolerance):
//   allowed(D) = relative * D + absoluteUs (+ the sampling resolution for processlist states)
// where D is the simulated duration the time depends on (since the latest moment the scenario
// fixes: a statement sent at its `at`, an action, a client connecting).
struct LabTolerance
{
    double relative = 0;   // 3 standard deviations of the calibration repetitions, relative
                           // (pooled over the long statements)
    qint64 absoluteUs = 0; // client side: kill round trip, scheduling and echo lateness, connects
    qint64 sampleUs = 0;   // the longest gap between two processlist samples
    qint64 trxUs = 0;      // the longest gap between two INNODB_TRX reads
    qint64 lateUs = 0;     // how late lab mode got anything out (reported; times are measured
                           // from their real causes, so it is not part of the tolerance)
    // How late lab mode's own threads got to run during this run (the largest lateness of any
    // heartbeat wake-up, LabHeartbeat): a time stamped by such a thread may be that late, so it
    // is part of absoluteUs (and shown on its own, so a reader sees why the tolerance is what it
    // is). Timing only: text, state and outcome never depend on it.
    qint64 schedulingUs = 0;

    qint64 allowedUs(qint64 durationUs, bool sampled) const
    {
        return qint64(relative * double(qMax<qint64>(0, durationUs))) + absoluteUs +
               (sampled ? sampleUs : 0);
    }
};

// One difference between the simulation and the real server, or one timing that matched within
// the tolerance (class TimingOk, listed so the report shows what was checked).
struct LabDiff
{
    enum class Class : quint8
    {
        TimingOk,
        Timing,
        Text,
        State,
        Outcome
    };
    Class cls = Class::Text;
    QString session; // empty: the whole scenario
    QString aspect;  // lines, states, leave-order, kill-latency, rollback-rate, end-state
    qint64 tUs = 0;  // the moment it happens (scenario time; the simulation's where both have one)
    QString sim;     // what the simulation shows ("" = nothing)
    QString real;    // what the server did ("" = nothing)
    QString detail;  // e.g. "Δ +12.3 ms, allowed ±8.1 ms"
    bool declared = false;
    QString reasonEn;
    QString reasonZh;

    bool counts() const { return cls != Class::TimingOk && !declared; }
    static QString classId(Class c); // "timing-ok", "timing", "text", "state", "outcome"
};

struct LabTimedLine
{
    qint64 tUs = 0;
    QString text;
};

// A stretch of time in which a session's processlist row showed the same (Command, State).
struct LabStateRun
{
    QString command; // "(gone)" after the thread left
    QString state;
    qint64 startUs = 0;
    qint64 endUs = 0;
    int connection = 0; // which of the session's connections: 0, 1 after its first reconnect, ...
    int samples = 0;    // real: how many samples saw it
    bool brief = false; // below the sampling resolution: may be missing on the other side

    QString key() const { return command + QStringLiteral(" | ") + state; }
};

struct LabSessionComparison
{
    QString name;
    QString label;
    QList<LabTimedLine> simLines;
    QList<LabTimedLine> realLines; // normalised (see LabComparison::normalizeLines)
    // Connection after connection (as the simulation's lanes), each until it is gone.
    QList<LabStateRun> simStates;
    QList<LabStateRun> realStates;
};

struct LabKillComparison
{
    QString statement; // as in the scenario ("KILL QUERY 12", "Ctrl+C")
    QString killer;
    QString victim;
    qint64 simIssuedUs = -1, realIssuedUs = -1;
    qint64 simEffectUs = -1,
           realEffectUs = -1; // the victim's client showed the error / thread gone
    QString simOutcome, realOutcome;
};

struct LabRollbackComparison
{
    QString session;
    qint64 simRows = 0;
    double simRowsPerSecond = 0;
    double realRowsPerSecond = 0; // 0 = not observed
    qint64 simStartUs = -1, realStartUs = -1;
};

struct LabTableComparison
{
    QString table;
    bool simDataChanged = false, realDataChanged = false;
    bool simDefinitionChanged = false, realDefinitionChanged = false;
};

// The side-by-side result of one lab run: per session the simulated and the real client lines
// and (Command, State) sequences, the order in which threads left, kill-to-effect latencies,
// rollback rates and the end state, and every difference classed.
//
// Invariants: built only by compare(); pure (no SQL); diffs are sorted by time; a difference is
// `declared` only when the scenario's /lab/differences names its class (and session/aspect if
// given) with a reason.
struct LabComparison
{
    Q_DECLARE_TR_FUNCTIONS(LabComparison)
public:
    QString scenarioId;
    QString flavor;
    QString server;
    double scale = 1;
    qint64 untilUs = 0;
    LabTolerance tolerance;
    QList<LabSessionComparison> sessions;
    QList<QPair<QString, qint64>> simLeaveOrder; // "A", "A#2" (after a reconnect) and when
    QList<QPair<QString, qint64>> realLeaveOrder;
    QList<LabKillComparison> kills;
    QList<LabRollbackComparison> rollbacks;
    QList<LabTableComparison> tables;
    QStringList leftovers;
    QList<LabDiff> diffs;
    QStringList notes; // what lab mode did differently, calibration, substitutions

    int undeclaredCount() const;
    int count(LabDiff::Class c, bool includeDeclared = true) const;

    // What the simulation says each table ends with: rows changed by committed statements, the
    // definition changed by committed DDL.
    struct TableChange
    {
        bool data = false;
        bool definition = false;
    };
    static QHash<QString, TableChange> predictedTableChanges(const sim::Scenario &scenario,
                                                             const sim::RunResult &run);

    // `run` must be the simulation of LabCosts::calibrated(plan, recording.calibration) until
    // recording.untilUs.
    static LabComparison compare(const LabPlan &plan, const sim::RunResult &run,
                                 const LabRecording &recording);

    // The real lines of a session as they compare with the simulated transcript: blank lines,
    // the client's start-up banner and history-file messages dropped; the echo of what was sent
    // shown as the scenario's text; real thread ids replaced by the simulated ones (idMap); the lab
    // database shown under the scenario's name. Exposed for tests.
    static QList<LabTimedLine> normalizeLines(const LabSessionRun &session,
                                              const QHash<qint64, qint64> &idMap,
                                              const QString &labDatabase,
                                              const QString &scenarioDb);
    // "(0.005 sec)" → "(#.### sec)": the figures are timing, their format is text.
    static QString lineKey(const QString &line);
};

} // namespace ks
