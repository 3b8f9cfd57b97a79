#pragma once

#include "sessionsource.h"

#include <QCoreApplication>
#include <QStringList>

namespace ks {

// The last look before a KILL: does the processlist id still name the session the user chose?
//
// What proves it. A processlist id is unique within one life of the server (the id counter only
// grows; see ServerIncarnation), so "the server has not restarted since the session was seen" is
// the proof, read on the kill connection in the same statement as the id's row. Each further fact
// the server offers must agree, or nothing is sent:
//   - user, and host with its port (a TCP client's port is its own; a unix-socket client's host is
//     only "localhost", so for a pool of socket sessions this says little);
//   - the OS thread (MariaDB's PROCESSLIST.TID, performance_schema THREAD_OS_ID) — with
//     one-thread-per-connection a session keeps its thread for life, and a restarted server runs
//     new threads; with a thread pool it changes per statement and is not compared;
//   - performance_schema.threads.THREAD_ID (unique within a life; MySQL 8, MariaDB with
//     performance_schema on);
//   - MariaDB's QUERY_ID, which only grows within one session.
// Positive extra evidence is noted: a session whose current command began before KillScope last saw
// the chosen one cannot be a newcomer.
//
// Invariants: pure (no SQL, no clock), so every rule is table-tested.
struct IdentityProof
{
    Q_DECLARE_TR_FUNCTIONS(IdentityProof)
public:
    // What the kill connection read about the id, in one statement.
    struct Now
    {
        ServerIncarnation server;
        bool present = false; // the id is in the processlist
        QString user, host, command;
        qint64 timeMs = -1; // time in the current command
        qint64 osThreadId = -1, psThreadId = -1, queryId = -1;
        qint64 readEndUs = -1; // LiveClock when the answer arrived
    };

    enum class Verdict : quint8
    {
        Proven,  // send
        Absent,  // same life, the id is gone: sending is harmless and the server's 1094 says so
        Refused, // do not send: `reason` says why
    };

    Verdict verdict = Verdict::Refused;
    QString reason;       // "Not sent: …" for Refused
    QStringList evidence; // what agreed, for the audit log and the kill's details

    // `osThreadStable`: the server runs one thread per connection (TID is a session's for life).
    static IdentityProof check(const KillTarget &target, const Now &now, bool osThreadStable);
};

} // namespace ks
