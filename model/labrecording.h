#pragma once

#include "serverinfo.h"
#include "sessionsource.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace ks {

// What lab mode observed on the real server, in microseconds since the scenario's t = 0 (the
// moment the first statement may be sent; connections made before it have negative times).
// Plain data, filled by LabRunner, read by LabComparison and the report.

// One line the client printed (terminal) or the connection saw (application), control
// characters removed, not yet normalised for comparison.
struct LabLine
{
    qint64 tUs = 0;
    QString text;
};

// A statement as it was sent.
struct LabStatementRun
{
    int statement = -1; // index into the session's statements
    qint64 dueUs = -1;  // when the scenario wanted it sent (sentUs - dueUs: scheduling lateness)
    qint64 sentUs = -1;
    qint64 returnedUs = -1; // prompt back (terminal) or exec returned (application); -1 = never
    QString sent;           // the text on the wire
    QString display;        // the scenario's text, which the echo is compared as
    int error = 0;          // application: the error it got (0 = OK)
};

// One connection (incarnation) of a session: its first connection, or the one the client made
// after reconnecting.
struct LabConnection
{
    qint64 id = 0;
    qint64 firstSeenUs =
        -1; // when lab mode learned the id (banner, Connection id:, CONNECTION_ID())
};

struct LabSessionRun
{
    QString name;
    bool terminal = false; // a command-line client in a pseudo-terminal
    QList<LabConnection> connections;
    QList<LabLine> lines;
    QList<LabStatementRun> statements;
    qint64 droppedTableLines = 0; // result-table lines not kept (the simulation prints none)
    qint64 exitedUs = -1;         // the client program ended on its own
    int exitCode = -1;
};

// A kill lab mode (or a client on its behalf) sent.
struct LabKillRun
{
    enum class Source : quint8
    {
        Statement,
        CtrlC,
        Operator
    };
    Source source = Source::Statement;
    QString killerSession; // empty for the operator
    QString victimSession; // empty when the target is not a lab session (unknown id)
    qint64 victimId = 0;   // real id targeted (0 = by user / query id)
    qint64 dueUs = -1;     // when the scenario wanted it
    qint64 sentUs = -1;    // KILL typed / Ctrl+C pressed / operator KILL sent
    QString statement;     // as sent
};

// A processlist sample restricted to lab mode's sessions.
struct LabSample
{
    qint64 tUs = 0;
    bool trxFresh = false; // INNODB_TRX was read for this sample (else carried over)
    qint64 trxUs = -1;     // when the transaction columns were read
    qint64 queryUs = 0;    // how long the sample's queries took (its time's uncertainty)
    QList<ProcesslistRow> rows;
};

struct LabTableState
{
    QString name;
    QString definition; // SHOW CREATE TABLE
    QString checksum;   // CHECKSUM TABLE
};

// Forward and rollback timings of one statement, run to completion R times before the scenario.
struct LabCalibrationRun
{
    QString session;
    int statement = -1;
    QString sql;
    bool modifies = false;
    bool small = false;       // below the processlist's resolution: its variation is absolute
    QList<qint64> forwardUs;  // one per repetition
    QList<qint64> rollbackUs; // modifying statements: ROLLBACK of the repetition
    // DDL: DROP TABLE of the altered copy, what removing the ALTER's own temporary table takes
    // (a killed copying ALTER drops it before the client gets its error).
    QList<qint64> dropUs;
    qint64 rowsChanged = 0; // rows the statement changed (from the server's count)
    // I/O the server did for it (global status deltas; lab mode refuses servers with other
    // sessions unless forced): bytes InnoDB read from its data files, forward and in the
    // rollback, and temporary files created. Empty where the server does not count them.
    QList<qint64> forwardReadBytes;
    QList<qint64> rollbackReadBytes;
    QList<qint64> tmpFiles;
};

// The server's own files, measured where the scenario models I/O: how fast it writes and syncs
// pages to its device, and how long removing a file of a known size takes.
struct LabIoProbe
{
    QList<qint64> syncBytes; // bytes written by one FLUSH TABLES … FOR EXPORT
    QList<qint64> syncUs;    // and how long it took
    qint64 fileBytes = 0;    // size of the file removed
    QList<qint64> removeUs;  // DROP TABLE of that file
    QString failure;         // why it could not be measured ("" = measured or not needed)
    bool measured() const { return !syncUs.isEmpty() || !removeUs.isEmpty(); }
};

struct LabCalibration
{
    QList<LabCalibrationRun> runs;
    QList<qint64> killRoundTrips; // KILL QUERY sent → the victim's SLEEP returned its error
    QList<qint64> startupUs;      // command-line client started → first prompt
    QList<qint64> connectUs;   // the client's reconnect ("No connection…" → "Connection id:")
    QList<qint64> handshakeUs; // a connection alone, opened by lab mode: handshake and login
    LabIoProbe io;
};

// How late one of lab mode's own threads got to run during the scenario (LabHeartbeat): the
// uncertainty of every time that thread stamped.
struct LabSchedulingProbe
{
    QString thread;
    qint64 wakeups = 0;
    qint64 medianUs = 0;
    qint64 p99Us = 0;
    qint64 maxUs = 0;
};

struct LabRecording
{
    ServerInfo server;
    QString scenarioId;
    double scale = 1.0;
    qint64 untilUs = 0;
    QList<LabSessionRun> sessions; // in scenario order
    QList<LabKillRun> kills;       // in the order sent
    QList<qint64> actionUs;        // when each of the scenario's actions was done (-1: not done)
    QList<LabSample> samples;
    qint64 maxSampleGapUs = 0;            // the longest time between two samples during the run
    qint64 maxTrxGapUs = 0;               // the same for INNODB_TRX reads
    QList<LabSchedulingProbe> scheduling; // per thread that stamps client output or sends
    QList<LabTableState> tablesBefore;
    QList<LabTableState> tablesAfter;
    QStringList leftovers; // #sql tables left in the lab database
    LabCalibration calibration;
    QStringList notes;   // what lab mode could not do as the scenario says, and why
    bool forced = false; // --lab-force was needed
};

} // namespace ks

Q_DECLARE_METATYPE(ks::LabRecording)
