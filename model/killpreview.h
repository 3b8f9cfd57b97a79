#pragma once

#include "blockinggraph.h"
#include "serverinfo.h"
#include "sessionsource.h"

#include <QCoreApplication>
#include <QStringList>

namespace ks {

// What a kill will do, said before it is sent, from what was observed of the victim: the
// statement and how long it has run, the rows its transaction modified and the rollback that
// follows (with a time estimate), and warnings about kills that do nothing or less than expected.
//
// Invariants: pure (no SQL); every sentence is translated; `blocked` is set when the kill must
// not be offered at all (KillScope's own connection).
struct KillPreview
{
    Q_DECLARE_TR_FUNCTIONS(KillPreview)
public:
    QString statement;     // "KILL CONNECTION 12"
    QString target;        // "12 app@10.0.0.5:5544 (db shop)"
    QString activity;      // "Query for 4.2 s: UPDATE t SET ..."
    QString consequence;   // what will happen
    QStringList warnings;
    bool noEffect = false; // the kill is expected to change nothing
    bool blocked = false;  // must not be sent
    // The server is known to refuse it (another user's thread without the privilege: 1095; a
    // session no longer there: 1094): a multi-kill does not offer it, `why` says so.
    bool cannotSucceed = false;
    QString cannotSucceedWhy;
    qint64 targetId = 0;
    // Non-empty when the source can no longer bring this estimate up to date (live: the
    // connection to the server is lost, or the server restarted since the target was chosen):
    // why, in one sentence. A confirmation then stops refreshing and says so.
    QString notCurrent;

    // Typical in-memory rollback rate when nothing was observed yet (reference figures).
    static constexpr double TypicalRollbackRowsPerSecond = 400000.0;

    // `row` may be null (the session is no longer in the last sample). observedRate > 0 is the
    // rollback rate seen on this server so far.
    static KillPreview build(const KillRequest &request, const ProcesslistRow *row,
                             const ServerInfo &server, const BlockingGraph &blocking,
                             double observedRate = 0.0, const QString &ownUser = {});

    // "1.2 million", "35,000", "12".
    static QString roughCount(qint64 n);
    // The same with its noun, in the right number: "1 row", "35,000 rows", "1.2 million rows".
    static QString rowsText(qint64 n);
    static QString roughDuration(double seconds);
};

} // namespace ks
