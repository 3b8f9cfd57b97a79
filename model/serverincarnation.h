#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

class QSqlDatabase;

namespace ks {

// One life of a server process, from its start to its stop. Processlist ids come from a counter
// that only grows within one life (the `Connections` status variable shows it), so an id names one
// session only within one incarnation; after a restart the counter starts again and every earlier
// target is void.
//
// How a life is told apart: `UNIX_TIMESTAMP() - Uptime` is the server's own start time. Both sides
// come from the statement's start time, so read in one statement it is exact to the second and
// immune to clock steps (the server subtracts its stored start time). A restart within the same
// second is caught by the counter: the new life's `Connections` is below the highest id the old
// one was seen handing out.
//
// Invariants: a value type; compare() is pure and errs on the side of "restarted" (an unknown
// incarnation is never taken for the same one).
struct ServerIncarnation
{
    Q_DECLARE_TR_FUNCTIONS(ServerIncarnation)
public:
    qint64 startedEpochS = -1; // server start, seconds since the epoch; -1 = unknown
    bool exact = false;        // read in one statement (else ±1 s)
    qint64 connections = -1;   // the Connections counter (highest id handed out) when read

    bool known() const { return startedEpochS >= 0; }

    enum class Verdict : quint8
    {
        Same,
        Restarted,
        Unknown
    };
    // Whether `now` (read later) is the incarnation `then` was, in which ids up to maxIdSeen were
    // seen. `why` (may be null) gets a sentence for Restarted / Unknown.
    static Verdict compare(const ServerIncarnation &then, qint64 maxIdSeen,
                           const ServerIncarnation &now, QString *why = nullptr);

    // "2026-12-01 10:02:03" in local time; empty when unknown.
    QString startedText() const;

    // Reads the incarnation on db's connection (any worker thread). MariaDB: one statement on
    // information_schema.GLOBAL_STATUS; MySQL: performance_schema.global_status, else SHOW GLOBAL
    // STATUS and UNIX_TIMESTAMP() apart (inexact). False with *error when nothing answered.
    static bool read(QSqlDatabase &db, bool mariaDb, ServerIncarnation *out,
                     QString *error = nullptr);
    // The SQL that yields (started, connections) in one row; empty when the flavor needs two
    // statements. Used inside the kill executor's identity check as well.
    static QString selectSql(bool mariaDb, bool performanceSchema);

    bool operator==(const ServerIncarnation &) const = default;
};

} // namespace ks

Q_DECLARE_METATYPE(ks::ServerIncarnation)
