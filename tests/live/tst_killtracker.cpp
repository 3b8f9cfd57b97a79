#include "killexecutor.h"
#include "killpreview.h"
#include "killtracker.h"
#include "livesource.h"

#include <QtTest>

// Declared before any use as a test-data column type.
Q_DECLARE_METATYPE(ks::ProcesslistRow)

using namespace ks;

namespace {

ProcesslistRow row(qint64 id, const char *command, qint64 timeMs, const char *state = "",
                   const char *info = "", const char *trxState = "", qint64 rows = -1)
{
    ProcesslistRow r;
    r.id = id;
    r.user = QStringLiteral("app");
    r.host = QStringLiteral("10.0.0.5:%1").arg(40000 + id);
    r.command = QString::fromLatin1(command);
    r.timeMs = timeMs;
    r.state = QString::fromLatin1(state);
    r.info = QString::fromLatin1(info);
    r.trxState = QString::fromLatin1(trxState);
    r.trxRowsModified = rows;
    return r;
}

KillRequest request(qint64 id, KillKind kind)
{
    KillRequest q;
    q.target.id = id;
    q.target.user = QStringLiteral("app");
    q.target.host = QStringLiteral("10.0.0.5:%1").arg(40000 + id);
    q.kind = kind;
    return q;
}

KillOutcome ok(int serial, qint64 at)
{
    KillOutcome o;
    o.serial = serial;
    o.sent = true;
    o.sentUs = at - 500;
    o.answeredUs = at;
    return o;
}

constexpr qint64 S = 1000000; // 1 s in µs

} // namespace

// Kill phases from synthetic samples: what the tracker concludes from what the server shows.
class TestKillTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killConnectionRollsBackThenGoneThenReconnected()
    {
        KillTracker t;
        const ProcesslistRow seen =
            row(7, "Query", 4000, "Updating", "UPDATE t SET v=v+1", "RUNNING", 1'500'000);
        const int serial = t.request(request(7, KillKind::Connection), &seen, 9, 10 * S);
        QCOMPARE(t.record(serial)->phase, KillPhase::Requested);
        t.sent(serial, 10 * S + 100, QStringLiteral("KILL CONNECTION 7"));
        QCOMPARE(t.record(serial)->phase, KillPhase::Sent);
        t.answered(ok(serial, 10 * S + 600));
        QCOMPARE(t.record(serial)->phase, KillPhase::Accepted);

        t.observe(
            {row(7, "Killed", 4300, "Rollback", "UPDATE t SET v=v+1", "ROLLING BACK", 1'400'000)},
            10 * S + 300'000);
        QCOMPARE(t.record(serial)->phase, KillPhase::RollingBack);
        QCOMPARE(t.record(serial)->flagSeenUs, 10 * S + 300'000);
        QCOMPARE(t.record(serial)->rowsRemaining, 1'400'000);

        const QList<int> changed = t.observe(
            {row(7, "Killed", 5300, "Rollback", "UPDATE t SET v=v+1", "ROLLING BACK", 1'000'000)},
            11 * S + 300'000);
        QCOMPARE(changed, QList<int>{serial});
        const KillRecord *r = t.record(serial);
        QCOMPARE(r->rowsRemaining, 1'000'000);
        QCOMPARE(qRound(r->rowsPerSecond), 400000);
        QCOMPARE(r->estimatedEndUs, 11 * S + 300'000 + 2'500'000);
        QVERIFY2(r->why.contains(QStringLiteral("1000000")) ||
                     r->why.contains(QStringLiteral("Rolling back")),
                 qPrintable(r->why));

        t.observe({}, 14 * S);
        QCOMPARE(t.record(serial)->phase, KillPhase::Gone);
        QCOMPARE(t.record(serial)->endedUs, 14 * S);
        QVERIFY(t.record(serial)->why.isEmpty());
        QVERIFY(t.isFinal(serial));

        // Another user, or an id that existed before the kill, is not a reconnection.
        ProcesslistRow other = row(12, "Sleep", 0);
        other.user = QStringLiteral("someone");
        t.observe({other, row(8, "Sleep", 0)}, 15 * S);
        QCOMPARE(t.record(serial)->phase, KillPhase::Gone);
        // The same user from the same machine under a new id is only a newcomer of the same
        // account: nothing shows it is the same client, so no reconnect is claimed.
        t.observe({row(13, "Sleep", 0)}, 16 * S);
        QCOMPARE(t.record(serial)->phase, KillPhase::Gone);
        QCOMPARE(t.record(serial)->reconnectedAsId, 0);
        QCOMPARE(t.record(serial)->successorId, 13);
        QVERIFY2(t.record(serial)->why.contains(QStringLiteral("new session of the same account")),
                 qPrintable(t.record(serial)->why));
        QCOMPARE(KillTracker::phaseText(*t.record(serial)), QStringLiteral("Gone"));
    }

    // "Reconnected" needs the server's evidence: the connect attributes of the newcomer name the
    // victim's client process and program.
    void reconnectNeedsTheSameClientProcess_data()
    {
        QTest::addColumn<QString>("victimPid");
        QTest::addColumn<QString>("newPid");
        QTest::addColumn<QString>("newProgram");
        QTest::addColumn<bool>("presentAtEnd");
        QTest::addColumn<int>("phase");
        QTest::addColumn<qint64>("successor");
        QTest::newRow("same process and program")
            << "4242"
            << "4242"
            << "app" << false << int(KillPhase::Reconnected) << qint64(0);
        QTest::newRow("another process") << "4242"
                                         << "5151"
                                         << "app" << false << int(KillPhase::Gone) << qint64(13);
        QTest::newRow("same pid, other program")
            << "4242"
            << "4242"
            << "mysql" << false << int(KillPhase::Gone) << qint64(13);
        QTest::newRow("no attributes known") << ""
                                             << ""
                                             << "" << false << int(KillPhase::Gone) << qint64(13);
        QTest::newRow("already there when the victim left")
            << "4242"
            << "4242"
            << "app" << true << int(KillPhase::Gone) << qint64(0);
    }
    void reconnectNeedsTheSameClientProcess()
    {
        QFETCH(QString, victimPid);
        QFETCH(QString, newPid);
        QFETCH(QString, newProgram);
        QFETCH(bool, presentAtEnd);
        QFETCH(int, phase);
        QFETCH(qint64, successor);
        KillTracker t;
        ProcesslistRow seen = row(7, "Sleep", 4000);
        seen.clientPid = victimPid;
        seen.clientProgram = victimPid.isEmpty() ? QString() : QStringLiteral("app");
        const int serial = t.request(request(7, KillKind::Connection), &seen, 9, 10 * S);
        t.answered(ok(serial, 10 * S + 600));
        ProcesslistRow newcomer = row(13, "Sleep", 0);
        newcomer.clientPid = newPid;
        newcomer.clientProgram = newProgram;
        t.observe(presentAtEnd ? QList<ProcesslistRow>{newcomer} : QList<ProcesslistRow>{}, 11 * S);
        QCOMPARE(t.record(serial)->phase, KillPhase::Gone);
        t.observe({newcomer}, 12 * S);
        QCOMPARE(int(t.record(serial)->phase), phase);
        QCOMPARE(t.record(serial)->successorId, successor);
        if (phase == int(KillPhase::Reconnected)) {
            QCOMPARE(t.record(serial)->reconnectedAsId, 13);
            QCOMPARE(KillTracker::phaseText(*t.record(serial)),
                     QStringLiteral("Reconnected as 13"));
        }
    }

    void serverRestartEndsKillsInFlight()
    {
        KillTracker t;
        const ProcesslistRow seen = row(7, "Query", 4000, "Updating", "UPDATE t", "RUNNING", 100);
        const int accepted = t.request(request(7, KillKind::Connection), &seen, 9, 10 * S);
        t.answered(ok(accepted, 10 * S + 600));
        const int queued = t.request(request(8, KillKind::Query), &seen, 9, 10 * S);
        const QList<int> ended = t.serverRestarted(11 * S, QStringLiteral("restarted"));
        QCOMPARE(ended, QList<int>{accepted});
        QCOMPARE(t.record(accepted)->phase, KillPhase::Gone);
        QCOMPARE(t.record(accepted)->why, QStringLiteral("restarted"));
        // Not answered yet: the executor's identity check decides it on the new server life.
        QCOMPARE(t.record(queued)->phase, KillPhase::Requested);
    }

    void killQueryOfRunningStatementIsDoneWhenItEnds()
    {
        KillTracker t;
        const ProcesslistRow seen = row(5, "Query", 2000, "User sleep", "SELECT SLEEP(100)");
        const int serial = t.request(request(5, KillKind::Query), &seen, 5, 10 * S);
        t.answered(ok(serial, 10 * S + 200));
        t.observe({row(5, "Query", 2100, "User sleep", "SELECT SLEEP(100)")}, 10 * S + 100'000);
        QCOMPARE(t.record(serial)->phase, KillPhase::Accepted);
        QVERIFY(!t.record(serial)->why.isEmpty());
        t.observe({row(5, "Sleep", 0)}, 10 * S + 350'000);
        QCOMPARE(t.record(serial)->phase, KillPhase::Done);
        QCOMPARE(t.record(serial)->flagSeenUs, 10 * S + 350'000);
    }

    void killQueryDuringStatementRollback()
    {
        // MariaDB: Query | Rollback while the statement is undone, then Sleep (client got 1317).
        KillTracker t;
        const ProcesslistRow seen = row(5, "Query", 3000, "Sending data",
                                        "INSERT INTO b SELECT * FROM a", "RUNNING", 900'000);
        const int serial = t.request(request(5, KillKind::Query), &seen, 5, 10 * S);
        t.answered(ok(serial, 10 * S + 200));
        t.observe({row(5, "Query", 3300, "Rollback", "INSERT INTO b SELECT * FROM a",
                       "ROLLING BACK", 800'000)},
                  10 * S + 300'000);
        QCOMPARE(t.record(serial)->phase, KillPhase::RollingBack);
        t.observe({row(5, "Sleep", 0, "", "", "", -1)}, 13 * S);
        QCOMPARE(t.record(serial)->phase, KillPhase::Done);
        QCOMPARE(t.record(serial)->rowsRemaining, 0);
    }

    void idleKillQueryMariaDb()
    {
        KillTracker t;
        const ProcesslistRow seen = row(9, "Sleep", 12000);
        const int serial = t.request(request(9, KillKind::Query), &seen, 9, 20 * S);
        t.answered(ok(serial, 20 * S + 100));
        QCOMPARE(t.record(serial)->phase, KillPhase::Accepted);
        t.observe({row(9, "Killed", 12300)}, 20 * S + 300'000);
        QCOMPARE(t.record(serial)->phase, KillPhase::FlagSeen);
        QVERIFY2(t.record(serial)->why.contains(QStringLiteral("next statement")),
                 qPrintable(t.record(serial)->why));
        t.observe({row(9, "Killed", 13300)}, 21 * S + 300'000);
        QCOMPARE(t.record(serial)->phase, KillPhase::FlagSeen);
        // The next statement ran (too fast to be sampled): idle again, flag cleared.
        t.observe({row(9, "Sleep", 100)}, 22 * S);
        QCOMPARE(t.record(serial)->phase, KillPhase::Done);
    }

    void idleKillQueryMySqlDoesNothing()
    {
        KillTracker t;
        t.setKillQueryIgnoredWhenIdle(true);
        t.setMillisecondTimes(false);
        const ProcesslistRow seen = row(9, "Sleep", 12000);
        const int serial = t.request(request(9, KillKind::Query), &seen, 9, 20 * S);
        t.answered(ok(serial, 20 * S + 100));
        QCOMPARE(t.record(serial)->phase, KillPhase::Done);
        QVERIFY(t.record(serial)->why.contains(QStringLiteral("ignores")));
    }

    void lockWaitKilledIsDone()
    {
        KillTracker t;
        const ProcesslistRow seen =
            row(4, "Query", 1500, "Updating", "UPDATE t SET v=2 WHERE id=1", "LOCK WAIT", 0);
        const int serial = t.request(request(4, KillKind::Query), &seen, 4, 5 * S);
        t.answered(ok(serial, 5 * S + 100));
        t.observe({row(4, "Sleep", 10, "", "", "RUNNING", 0)}, 5 * S + 250'000);
        QCOMPARE(t.record(serial)->phase, KillPhase::Done);
    }

    void refusals_data()
    {
        QTest::addColumn<int>("verdict");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("text");
        QTest::newRow("1094") << int(KillOutcome::Verdict::ServerError) << 1094
                              << "Already gone (1094)";
        QTest::newRow("1095") << int(KillOutcome::Verdict::ServerError) << 1095 << "Refused (1095)";
        QTest::newRow("reused id") << int(KillOutcome::Verdict::NotSameSession) << 0 << "Not sent";
        QTest::newRow("own") << int(KillOutcome::Verdict::Protected) << 0 << "Not sent";
    }
    void refusals()
    {
        QFETCH(int, verdict);
        QFETCH(int, error);
        QFETCH(QString, text);
        KillTracker t;
        const int serial = t.request(request(3, KillKind::Connection), nullptr, 3, S);
        KillOutcome o = ok(serial, 2 * S);
        o.verdict = KillOutcome::Verdict(verdict);
        o.serverError = error;
        o.message = QStringLiteral("because");
        t.answered(o);
        QCOMPARE(t.record(serial)->phase, KillPhase::Refused);
        QCOMPARE(t.record(serial)->serverError, error);
        QCOMPARE(t.record(serial)->endedUs, 2 * S);
        QCOMPARE(KillTracker::phaseText(*t.record(serial)), text);
        // Later samples do not revive it.
        t.observe({row(3, "Sleep", 0)}, 3 * S);
        QCOMPARE(t.record(serial)->phase, KillPhase::Refused);
    }

    void lingerReasons_data()
    {
        QTest::addColumn<ProcesslistRow>("r");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("expect");
        QTest::newRow("net write, query")
            << row(1, "Killed", 9000, "Writing to net", "SELECT * FROM t") << int(KillKind::Query)
            << "KILL CONNECTION";
        QTest::newRow("mysql sending")
            << row(1, "Query", 9000, "Sending to client", "SELECT * FROM t") << int(KillKind::Query)
            << "does not read";
        ProcesslistRow queue = row(1, "Query", 100, "", "UPDATE t SET v=1", "RUNNING", 0);
        queue.trxOperationState = QStringLiteral("sleeping before entering InnoDB");
        QTest::newRow("innodb seat") << queue << int(KillKind::Query) << "InnoDB seat";
        QTest::newRow("rollback rows")
            << row(1, "Killed", 100, "Rollback", "", "ROLLING BACK", 5000)
            << int(KillKind::Connection) << "5000";
        QTest::newRow("mysql query end") << row(1, "Killed", 100, "query end", "UPDATE t")
                                         << int(KillKind::Connection) << "Finishing";
        QTest::newRow("still running") << row(1, "Query", 100, "Sending data", "SELECT")
                                       << int(KillKind::Query) << "check point";
    }
    void lingerReasons()
    {
        QFETCH(ProcesslistRow, r);
        QFETCH(int, kind);
        QFETCH(QString, expect);
        KillTracker t;
        const QString why = t.lingerReason(r, KillKind(kind));
        QVERIFY2(why.contains(expect), qPrintable(why));
    }

    void previews()
    {
        const ServerInfo maria = ServerInfo::parseVersion(QStringLiteral("10.11.19-MariaDB"));
        ServerInfo mysql = ServerInfo::parseVersion(QStringLiteral("8.0.37"));
        const BlockingGraph none;

        const ProcesslistRow big =
            row(7, "Query", 4000, "Updating", "UPDATE t SET v=v+1", "RUNNING", 1'200'000);
        KillPreview p = KillPreview::build(request(7, KillKind::Connection), &big, maria, none);
        QVERIFY2(p.consequence.contains(QStringLiteral("1.2 million")), qPrintable(p.consequence));
        QVERIFY2(p.consequence.contains(QStringLiteral("about 3 s")), qPrintable(p.consequence));
        QVERIFY2(p.consequence.contains(QStringLiteral("Killed")), qPrintable(p.consequence));
        QCOMPARE(p.statement, QStringLiteral("KILL CONNECTION 7"));
        QVERIFY(p.activity.contains(QStringLiteral("UPDATE t SET v=v+1")));

        const ProcesslistRow idleTrx = row(8, "Sleep", 30000, "", "", "RUNNING", 500);
        p = KillPreview::build(request(8, KillKind::Query), &idleTrx, mysql, none);
        QVERIFY(p.noEffect);
        const QString w = p.warnings.join(u'\n');
        QVERIFY2(w.contains(QStringLiteral("does nothing on MySQL")), qPrintable(w));
        QVERIFY2(w.contains(QStringLiteral("leaves this open transaction")), qPrintable(w));

        const BlockingGraph chain(QList<LockWait>{{11, 8, {}}, {12, 8, {}}});
        p = KillPreview::build(request(8, KillKind::Connection), &idleTrx, maria, chain);
        QVERIFY2(p.warnings.join(u'\n').contains(QStringLiteral("2 session(s) wait")),
                 qPrintable(p.warnings.join(u'\n')));

        ProcesslistRow own = row(3, "Sleep", 0);
        own.own = true;
        QVERIFY(KillPreview::build(request(3, KillKind::Connection), &own, maria, none).blocked);

        p = KillPreview::build(request(3, KillKind::Connection), nullptr, maria, none);
        QVERIFY(p.consequence.contains(QStringLiteral("1094")));

        mysql.globalPrivileges.clear();
        ProcesslistRow others = row(4, "Query", 10, "Sending data", "SELECT 1");
        p = KillPreview::build(request(4, KillKind::Query), &others, mysql, none, 0.0,
                               QStringLiteral("me"));
        QVERIFY(p.warnings.join(u'\n').contains(QStringLiteral("1095")));
    }

    void liveSourceDiffsSamplesIntoLanes()
    {
        LiveSource src{ConnectionSettings{}};
        auto sample = [](qint64 t, QList<ProcesslistRow> rows, QList<LockWait> waits = {}) {
            LiveSample s;
            s.takenUs = t;
            s.rows = std::move(rows);
            s.waits = std::move(waits);
            return s;
        };
        ProcesslistRow own = row(1, "Query", 0, "", "/* killscope:sampler */ SELECT");
        own.own = true;
        src.ingest(sample(1 * S, {own, row(2, "Sleep", 0),
                                  row(3, "Query", 0, "Updating", "UPDATE", "RUNNING", 10)}));
        src.ingest(sample(2 * S, {own, row(2, "Sleep", 1000),
                                  row(3, "Query", 1000, "Updating", "UPDATE", "RUNNING", 20)}));
        ProcesslistRow waiter = row(4, "Query", 0, "Updating", "UPDATE x", "LOCK WAIT", 0);
        waiter.blockedBy = 3;
        src.ingest(
            sample(3 * S,
                   {own, row(2, "Sleep", 2000),
                    row(3, "Killed", 2000, "Rollback", "UPDATE", "ROLLING BACK", 15), waiter},
                   {{4, 3, {}}}));
        src.ingest(sample(4 * S, {own, row(2, "Sleep", 3000), waiter}, {}));

        const Timeline &tl = src.timeline();
        QCOMPARE(tl.findLane(1), -1); // own connection hidden
        const int idle = tl.findLane(2);
        QCOMPARE(tl.segmentCount(idle), 1);
        QCOMPARE(tl.segment(idle, 0).state, SegmentState::Idle);
        QCOMPARE(tl.segment(idle, 0).start, 1 * S);
        QCOMPARE(tl.segment(idle, 0).end, 4 * S);
        QVERIFY(tl.segment(idle, 0).flags & SegmentFlag::Open);

        const int busy = tl.findLane(3);
        QCOMPARE(tl.segmentCount(busy), 2);
        QCOMPARE(tl.segment(busy, 0).state, SegmentState::Running);
        QCOMPARE(tl.segment(busy, 1).state, SegmentState::RollingBack);
        QVERIFY(tl.segment(busy, 1).flags & SegmentFlag::Killed);
        QCOMPARE(tl.segment(busy, 0).end, tl.segment(busy, 1).start);
        QVERIFY(tl.lane(busy).closed);
        QVERIFY(!(tl.segment(busy, 1).flags & SegmentFlag::Open));

        const int w = tl.findLane(4);
        QCOMPARE(tl.segment(w, 0).state, SegmentState::RowLockWait);
        QVERIFY(tl.string(tl.segment(w, 0).detail).contains(QStringLiteral("3")));
        QCOMPARE(src.blocking().rootOf(4), 0); // last sample: nobody waits any more

        // Recent times come from full samples, older ones from the segments.
        // KillScope's own connection is left out unless asked for.
        QCOMPARE(src.processlistAt(2 * S + 10).size(), 2);
        QCOMPARE(src.processlistAt(4 * S).size(), 2);
        src.setShowOwnConnections(true);
        QCOMPARE(src.processlistAt(4 * S).size(), 3);
        src.setShowOwnConnections(false);
        src.setRecentSampleCount(1);
        src.ingest(sample(5 * S, {own, row(2, "Sleep", 4000), waiter}));
        const QList<ProcesslistRow> old = src.processlistAt(2 * S);
        QCOMPARE(old.size(), 2);
    }

    // A session idle with an open transaction is drawn as the simulation draws it ("idle in
    // transaction" on its Sleep stretch), and read back from the lane as Sleep with a RUNNING
    // transaction, no State.
    void idleInTransactionOnTheLane()
    {
        LiveSource src{ConnectionSettings{}};
        auto sample = [](qint64 t, QList<ProcesslistRow> rows) {
            LiveSample s;
            s.takenUs = t;
            s.rows = std::move(rows);
            return s;
        };
        src.ingest(
            sample(1 * S, {row(2, "Query", 0, "Updating", "UPDATE t SET v=1", "RUNNING", 1)}));
        src.ingest(sample(2 * S, {row(2, "Sleep", 0, "", "", "RUNNING", 1)}));
        src.ingest(sample(3 * S, {row(2, "Sleep", 1000, "", "", "RUNNING", 1)}));
        src.ingest(sample(4 * S, {row(2, "Sleep", 2000)})); // committed
        const Timeline &tl = src.timeline();
        const int lane = tl.findLane(2);
        QCOMPARE(tl.segmentCount(lane), 3);
        QCOMPARE(tl.segment(lane, 1).state, SegmentState::Idle);
        QCOMPARE(tl.string(tl.segment(lane, 1).detail), QStringLiteral("idle in transaction"));
        QCOMPARE(tl.segment(lane, 2).state, SegmentState::Idle);
        QCOMPARE(tl.string(tl.segment(lane, 2).detail), QString());
        src.setRecentSampleCount(1);
        src.ingest(sample(5 * S, {row(2, "Sleep", 3000)}));
        const QList<ProcesslistRow> old = src.processlistAt(2 * S + 500000);
        QCOMPARE(old.size(), 1);
        QCOMPARE(old[0].command, QStringLiteral("Sleep"));
        QCOMPARE(old[0].state, QString());
        QCOMPARE(old[0].trxState, QStringLiteral("RUNNING"));
        QVERIFY(old[0].idleInTransaction());
    }
};

QTEST_GUILESS_MAIN(TestKillTracker)
#include "tst_killtracker.moc"
