// Behaviour of every built-in scenario in every flavor it supports, checked against
// shared/reference/kill-semantics.md: who gets which error and when, what SHOW PROCESSLIST shows
// at key moments, when the thread disappears, which locks are held.

#include "simtestutil.h"
#include "workload.h"

#include <QTest>
#include <cmath>
#include <limits>
#include <map>

using namespace simtest;
using ks::sim::Flavor;

Q_DECLARE_METATYPE(ks::sim::Flavor)

namespace {

void addFlavors(const std::string &id)
{
    QTest::addColumn<Flavor>("flavor");
    const Scenario sc = loadScenario(id);
    for (Flavor f : sc.flavors)
        QTest::newRow(std::string(flavorId(f)).c_str()) << f;
}

QString q(const std::optional<std::string> &s)
{
    return s ? QString::fromStdString(*s) : QStringLiteral("NULL");
}

} // namespace

class TestSimScenarios : public QObject
{
    Q_OBJECT

private slots:
    void everyScenarioRunsInEveryFlavor_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<Flavor>("flavor");
        for (const char *id : {"lock-wait-kill", "concurrency-queue", "big-update-kill-connection", "big-update-kill-query",
                               "idle-transaction-kill", "kill-query-keeps-locks", "ctrl-c", "quick-client-blocks",
                               "io-pressure-rollback", "big-query-tempfile", "ddl-kill", "late-kill-commits",
                               "privileges-and-errors", "statement-timeout"}) {
            const Scenario sc = loadScenario(id);
            for (Flavor f : sc.flavors)
                QTest::newRow((std::string(id) + "/" + std::string(flavorId(f))).c_str()) << QString::fromLatin1(id) << f;
        }
    }
    void everyScenarioRunsInEveryFlavor()
    {
        QFETCH(QString, id);
        QFETCH(Flavor, flavor);
        const Run r = run(id.toStdString(), flavor);
        QVERIFY(!r.result.lanes.empty());
        QVERIFY(!r.result.narration.empty());
        for (const Lane &lane : r.result.lanes) {
            // Segments are contiguous, sorted and non-empty; the lane ends at `until`.
            QVERIFY2(!lane.segments.empty(), lane.label.c_str());
            for (size_t i = 0; i < lane.segments.size(); ++i) {
                const LaneSegment &s = lane.segments[i];
                QVERIFY2(s.end >= s.start, lane.label.c_str());
                if (i + 1 < lane.segments.size())
                    QCOMPARE(s.end, lane.segments[i + 1].start);
            }
            QCOMPARE(lane.segments.back().end, r.result.until);
            QCOMPARE(lane.segments.front().start, lane.createdAt);
            if (lane.goneAt >= 0)
                QCOMPARE(lane.segments.back().state, LaneState::Gone);
            for (size_t i = 0; i + 1 < lane.clientSegments.size(); ++i)
                QVERIFY(lane.clientSegments[i].end <= lane.clientSegments[i + 1].start);
        }
        for (size_t i = 0; i + 1 < r.result.events.size(); ++i)
            QVERIFY(r.result.events[i].t <= r.result.events[i + 1].t);
        for (size_t i = 0; i + 1 < r.result.narration.size(); ++i)
            QVERIFY(r.result.narration[i].t <= r.result.narration[i + 1].t);
        // Every kill that was accepted is settled by the end of these scenarios.
        for (const KillRecord &k : r.result.kills)
            QVERIFY2(k.outcome != KillOutcome::Pending || k.issued > r.result.until - kSecond, k.statement.c_str());
    }

    // Figure 1: a row-lock wait dies at once.
    void lockWaitKill_data() { addFlavors("lock-wait-kill"); }
    void lockWaitKill()
    {
        QFETCH(Flavor, flavor);
        const Run r = run("lock-wait-kill", flavor);
        QVERIFY(r.waitsLock(12, "t:id=1", T("2s")));
        QVERIFY(r.holdsLock(11, "t:id=1", T("2s")));
        const auto b = r.row(12, T("2s"));
        QVERIFY(b);
        QCOMPARE(b->trxState, std::string("LOCK WAIT"));
        QCOMPARE(q(b->state), isMariaDb(flavor) ? QStringLiteral("Updating") : QStringLiteral("updating"));
        QCOMPARE(r.lineAt("B", "ERROR 1317 (70100): Query execution was interrupted"), T("3s"));
        QCOMPARE(r.lineAt("C", "Query OK, 0 rows affected"), T("3s") + 20);
        const KillRecord *k = r.kill("KILL QUERY 12");
        QVERIFY(k);
        QCOMPARE(k->noticed, T("3s"));
        QCOMPARE(k->outcome, KillOutcome::Interrupted);
        QVERIFY(!r.waitsLock(12, "t:id=1", T("3001ms")));
        QVERIFY(r.holdsLock(11, "t:id=1", T("5s")));
        QVERIFY(!r.holdsLock(11, "t:id=1", T("7s")));
        QCOMPARE(q(r.row(12, T("4s"))->command.empty() ? std::nullopt : std::optional<std::string>(r.row(12, T("4s"))->command)),
                 QStringLiteral("Sleep"));
    }

    // Figure 2: the InnoDB admission queue.
    void concurrencyQueue_data() { addFlavors("concurrency-queue"); }
    void concurrencyQueue()
    {
        QFETCH(Flavor, flavor);
        const Run r = run("concurrency-queue", flavor);
        const int laneC = r.laneOf(13);
        if (flavor == Flavor::MariaDb1011) {
            // No queue: C runs at once and is done before any kill.
            QVERIFY(r.hasLine("C", "1 row in set"));
            QCOMPARE(r.result.segmentAt(laneC, T("1000500us"))->state == LaneState::InnodbQueue, false);
            // KILL QUERY of the idle C: MariaDB shows Killed until the next command.
            QCOMPARE(r.row(13, T("4s"))->command, std::string("Killed"));
            QCOMPARE(r.goneAt(13), T("6s"));
            return;
        }
        QCOMPARE(r.result.segmentAt(laneC, T("2s"))->state, LaneState::InnodbQueue);
        QCOMPARE(r.row(13, T("2s"))->trxOperationState, std::string("sleeping before entering InnoDB"));
        if (flavor == Flavor::MySql57) {
            // 5.7 never checks the flag in the queue: still sleeping after KILL QUERY.
            QCOMPARE(r.result.segmentAt(laneC, T("5s"))->state, LaneState::InnodbQueue);
            QVERIFY(r.result.segmentAt(laneC, T("5s"))->flags & FlagKillPending);
            QCOMPARE(r.result.segmentAt(laneC, T("5s"))->checkNs, -1);
            QCOMPARE(r.row(13, T("5s"))->command, std::string("Query"));
            // KILL CONNECTION: 2013 at once, but Killed in the processlist until a seat frees.
            QCOMPARE(r.lineAt("C", "ERROR 2013 (HY000): Lost connection to MySQL server during query"), T("6s"));
            QCOMPARE(r.row(13, T("8s"))->command, std::string("Killed"));
            QCOMPARE(r.result.segmentAt(laneC, T("8s"))->state, LaneState::InnodbQueue);
            // SET GLOBAL innodb_thread_concurrency=3 at 10 s: a seat at the next poll, then gone.
            const TimeUs gone = r.goneAt(13);
            QVERIFY(gone > T("10s") && gone < T("10200ms"));
            QVERIFY(!r.row(13, gone + 1));
        } else {
            // 8.0 leaves the queue after the current sleep with 1317.
            const TimeUs err = r.lineAt("C", "ERROR 1317");
            QVERIFY(err > T("3s") && err <= T("3s") + 150'000);
            const KillRecord *k = r.kill("KILL QUERY 13");
            QVERIFY(k && k->noticed == err);
            // The later KILL CONNECTION finds C idle: the thread ends at once, the client hears nothing.
            QCOMPARE(r.goneAt(13), T("6s"));
            QVERIFY(!r.hasLine("C", "2013"));
        }
        // A and B keep their seats and finish.
        QVERIFY(r.hasLine("A", "1 row in set"));
        QVERIFY(r.hasLine("B", "1 row in set"));
    }

    void bigUpdateKillConnection_data() { addFlavors("big-update-kill-connection"); }
    void bigUpdateKillConnection()
    {
        QFETCH(Flavor, flavor);
        const Run r = run("big-update-kill-connection", flavor);
        // The client sees 2013 at the moment of the KILL.
        const std::string lost = isMariaDb(flavor) ? "Lost connection to server during query" : "Lost connection to MySQL server during query";
        QCOMPARE(r.lineAt("A", "ERROR 2013 (HY000): " + lost), T("4.32s"));
        const auto during = r.row(11, T("6s"));
        QVERIFY(during);
        QCOMPARE(during->command, std::string("Killed"));
        QCOMPARE(q(during->state), isMariaDb(flavor) ? QStringLiteral("Rollback") : QStringLiteral("query end"));
        QCOMPARE(q(during->info), QStringLiteral("UPDATE t SET v=v+1, pad=REPEAT('y',100)"));
        QCOMPARE(during->trxState, std::string("ROLLING BACK"));
        // trx_rows_modified counts down.
        const int64_t a = *r.row(11, T("5s"))->trxRowsModified;
        const int64_t b = *r.row(11, T("7s"))->trxRowsModified;
        QVERIFY2(a > b && b > 0, (std::to_string(a) + " " + std::to_string(b)).c_str());
        // ~1.57M rows at 3 us: the thread lingers for about 4.7 s (Demo A: ~4.7 s).
        const TimeUs gone = r.goneAt(11);
        QVERIFY(gone > T("8.8s") && gone < T("9.3s"));
        QVERIFY(!r.row(11, gone));
        QVERIFY(r.holdsLock(11, "t:*", gone - 1));
        QVERIFY(!r.holdsLock(11, "t:*", gone));
        const KillRecord *k = r.kill("KILL CONNECTION 11");
        QCOMPARE(k->clientError, T("4.32s"));
        QCOMPARE(k->clientErrorCode, 2013);
        QCOMPARE(k->finished, gone);
        QCOMPARE(k->outcome, KillOutcome::Disconnected);
        QCOMPARE(r.result.rollbacks.size(), size_t(1));
        QVERIFY(r.result.rollbacks[0].rows > 1'500'000 && r.result.rollbacks[0].rows < 1'600'000);
        // The killer's statement returns at once.
        QCOMPARE(r.lineAt("B", "Query OK"), T("4.32s") + 20);
    }

    void bigUpdateKillQuery_data() { addFlavors("big-update-kill-query"); }
    void bigUpdateKillQuery()
    {
        QFETCH(Flavor, flavor);
        const Run r = run("big-update-kill-query", flavor);
        const auto during = r.row(11, T("6s"));
        // Demo B: Query | Rollback on MariaDB (reset_kill_query first); never "Killed" for KILL QUERY on MySQL.
        QCOMPARE(during->command, std::string("Query"));
        QCOMPARE(q(during->state), isMariaDb(flavor) ? QStringLiteral("Rollback") : QStringLiteral("query end"));
        QCOMPARE(during->trxState, std::string("ROLLING BACK"));
        const TimeUs err = r.lineAt("A", "ERROR 1317 (70100): Query execution was interrupted");
        QVERIFY(err > T("8.8s") && err < T("9.3s")); // only after the rollback
        QCOMPARE(err, r.result.rollbacks.at(0).end);
        QVERIFY(!r.hasLine("A", "2013"));
        QCOMPARE(r.goneAt(11), TimeUs(-1)); // still connected
        QVERIFY(r.lineAt("A", "1 row in set", err) > err); // the next statement runs normally
    }

    void idleTransactionKill_data() { addFlavors("idle-transaction-kill"); }
    void idleTransactionKill()
    {
        QFETCH(Flavor, flavor);
        const Run r = run("idle-transaction-kill", flavor);
        const auto idle = r.row(11, T("7s"));
        QCOMPARE(idle->command, std::string("Sleep"));
        QCOMPARE(idle->trxState, std::string("RUNNING"));
        QCOMPARE(*idle->trxRowsModified, int64_t(2'000'000));
        QVERIFY(r.waitsLock(12, "t:id=7", T("7.5s")));
        // Rolled back at disconnect: visible as Killed | Rollback | NULL on MariaDB, hidden on MySQL.
        const auto rb = r.row(11, T("9s"), true);
        QVERIFY(rb);
        QCOMPARE(rb->trxState, std::string("ROLLING BACK"));
        QCOMPARE(rb->command, std::string("Killed"));
        QVERIFY(!rb->info);
        if (isMariaDb(flavor)) {
            QCOMPARE(q(rb->state), QStringLiteral("Rollback"));
            QVERIFY(!rb->hidden);
        } else {
            QVERIFY(rb->hidden);
            QVERIFY(!r.row(11, T("9s"), false));
        }
        const TimeUs gone = r.goneAt(11);
        QVERIFY(gone > T("12s") && gone < T("13s"));
        // B gets its row only when the rollback is over.
        QVERIFY(r.waitsLock(12, "t:id=7", gone - 1));
        QVERIFY(r.lineAt("B", "Query OK") >= gone);
        // The client hears nothing until its next statement: 2006, then reconnect.
        QCOMPARE(r.lineAt("A", "ERROR 2006"), T("15s"));
        QVERIFY(r.lineAt("A", "No connection. Trying to reconnect...") >= T("15s"));
        QVERIFY(r.hasLine("A", "1 row in set"));
        QCOMPARE(r.result.lanesOfSession(r.session("A")).size(), size_t(2));
        // The client retries inside the same command: the statement is echoed once, before the
        // 2006 (lab mode, mariadb 10.11: "Current database: k", then "1 row in set").
        int echoes = 0;
        for (const TranscriptLine &l : r.result.transcriptOf(r.session("A")))
            echoes += l.text.find("SELECT COUNT(*) FROM t") != std::string::npos ? 1 : 0;
        QCOMPARE(echoes, 1);
        QVERIFY(r.lineAt("A", "SELECT COUNT(*) FROM t") <= r.lineAt("A", "ERROR 2006"));
    }

    void killQueryKeepsLocks_data() { addFlavors("kill-query-keeps-locks"); }
    void killQueryKeepsLocks()
    {
        QFETCH(Flavor, flavor);
        const Run r = run("kill-query-keeps-locks", flavor);
        const TimeUs err = r.lineAt("A", "ERROR 1317");
        QVERIFY(err > T("2s"));
        // The transaction and the first statement's lock survive the KILL QUERY.
        QVERIFY(r.holdsLock(11, "t:id=1", err + 1000));
        QCOMPARE(r.row(11, err + 1000)->trxState, std::string("RUNNING"));
        QCOMPARE(*r.row(11, err + 1000)->trxRowsModified, int64_t(1));
        QVERIFY(r.waitsLock(12, "t:id=1", T("8s")));
        // Only the ROLLBACK at 9 s frees B.
        const TimeUs ok = r.lineAt("B", "Query OK");
        QVERIFY(ok > T("9s") && ok < T("9.01s"));
        QCOMPARE(r.goneAt(11), TimeUs(-1));
    }

    void ctrlC_data() { addFlavors("ctrl-c"); }
    void ctrlC()
    {
        QFETCH(Flavor, flavor);
        const Run r = run("ctrl-c", flavor);
        // The mariadb client (lab mode, 10.11 on a pty): -v prints the statement between two
        // separators; a press while busy shows the terminal's "^C" on its own line at once, the
        // handler's lines when the helper's KILL has returned.
        {
            const std::vector<TranscriptLine> maria = r.result.transcriptOf(r.session("maria"));
            std::vector<std::string> first;
            for (size_t i = 1; i < maria.size() && i < 5; ++i) // after the banner
                first.push_back(maria[i].text);
            QCOMPARE(first, (std::vector<std::string>{"MariaDB [k]> UPDATE t3 SET pad=REPEAT('q',100)",
                                                      "--------------", "UPDATE t3 SET pad=REPEAT('q',100)",
                                                      "--------------"}));
            QCOMPARE(r.lineAt("maria", "^C"), T("3s"));
            QVERIFY(r.lineAt("maria", "Ctrl-C -- query killed.") > T("3s"));
            // A client idle at its prompt: the echo follows the prompt.
            const auto idle = ScenarioParser::parse(
                R"js({"version":1,"id":"idle","title":{"en":"a","zh_CN":"b"},"flavors":["mariadb-10.11"],
                "sessions":[{"name":"A","id":11,"db":"k","autoRehash":false}],
                "actions":[{"do":"ctrl_c","at":"1s","session":"A"}],"until":"2s"})js",
                "idle.json");
            QVERIFY2(idle.ok(), idle.errorText().c_str());
            const Run ri{*idle.scenario, Engine::run(*idle.scenario)};
            QCOMPARE(ri.lineAt("A", "MariaDB [k]> ^C"), T("1s"));
        }
        // 5.6-style client: 1st press KILL QUERY, 2nd press KILL (connection), exact lines.
        QVERIFY(r.lineAt("old", "Ctrl-C -- sending \"KILL QUERY 11\" to server ...") > T("1.5s"));
        QVERIFY(r.lineAt("old", "Ctrl-C -- sending \"KILL 11\" to server ...") > T("2s"));
        const TimeUs lost = r.lineAt("old", "ERROR 2013 (HY000): Lost connection to MySQL server during query");
        QVERIFY(lost > T("2s") && lost < T("2.01s"));
        QVERIFY(r.lineAt("old", "Ctrl-C -- query aborted.", lost) < 0 || r.lineAt("old", "Ctrl-C -- query aborted.") < lost);
        QVERIFY(r.lineAt("old", "ERROR 2006 (HY000): MySQL server has gone away") == T("8s"));
        QVERIFY(r.lineAt("old", "Ctrl-C -- exit!") == T("12s"));
        // While the 5.6 client's thread rolls back after the 2nd press it shows Killed.
        QCOMPARE(r.row(11, T("2.5s"))->command, std::string("Killed"));
        // 8.0 client: "^C^C -- query aborted", never escalates.
        QVERIFY(r.lineAt("new", "^C^C -- query aborted") > T("2s"));
        for (const KillRecord &k : r.result.kills)
            if (k.victimId == 12)
                QCOMPARE(k.type, KillType::Query);
        if (isMariaDb(flavor)) {
            QVERIFY(r.lineAt("new", "ERROR 1317") > T("2s"));
        } else {
            // SLEEP() alone returns 1 on MySQL.
            QVERIFY(r.lineAt("new", "1 row in set") > T("2s"));
            QVERIFY(r.lineAt("new", "ERROR 1317") > T("5s"));
        }
        QCOMPARE(r.row(12, T("5.5s"))->trxState, std::string("ROLLING BACK"));
        // MariaDB client with -v (Demo D): query killed, then connection killed, then 2013.
        const TimeUs k1 = r.lineAt("maria", "Ctrl-C -- sending \"KILL QUERY 13\" to server ...");
        const TimeUs k2 = r.lineAt("maria", "Ctrl-C -- connection killed.");
        const TimeUs l2 = r.lineAt("maria", "ERROR 2013 (HY000): Lost connection to server during query");
        QVERIFY(k1 > T("3s") && r.lineAt("maria", "Ctrl-C -- query killed.") == k1);
        QVERIFY(k2 > T("3.6s") && l2 >= k2);
        QCOMPARE(r.row(13, T("3.3s"))->command, isMariaDb(flavor) ? std::string("Query") : std::string("Query"));
        QCOMPARE(r.row(13, T("4s"))->command, std::string("Killed"));
        QVERIFY(r.lineAt("maria", "ERROR 2006 (HY000): Server has gone away") == T("9s"));
        // Each Ctrl+C used its own short-lived helper connection.
        int helpers = 0;
        for (const Lane &l : r.result.lanes)
            if (l.client == ClientKind::Helper) {
                ++helpers;
                QVERIFY(l.goneAt >= 0 && l.goneAt - l.createdAt < 5000);
            }
        QCOMPARE(helpers, 7);
    }

    void quickClientBlocks_data() { addFlavors("quick-client-blocks"); }
    void quickClientBlocks()
    {
        QFETCH(Flavor, flavor);
        const Run r = run("quick-client-blocks", flavor);
        const std::string writing = isMariaDb(flavor) ? "Writing to net" : "Sending to client";
        QCOMPARE(q(r.row(11, T("1s"))->state), QString::fromStdString(writing));
        QCOMPARE(r.result.segmentAt(r.laneOf(11), T("1s"))->state, LaneState::SendBlocked);
        // KILL QUERY does not free it (Demo F): still there, still blocked.
        const auto after = r.row(11, T("5s"));
        QVERIFY(after);
        QCOMPARE(q(after->state), QString::fromStdString(writing));
        QCOMPARE(after->command, isMariaDb(flavor) ? std::string("Killed") : std::string("Query"));
        QVERIFY(r.result.segmentAt(r.laneOf(11), T("5s"))->flags & FlagKillPending);
        // The stuck SELECT keeps its MDL: the ALTER waits.
        QVERIFY(r.waitsLock(13, "t", T("5s")));
        QCOMPARE(q(r.row(13, T("5s"))->state), QStringLiteral("Waiting for table metadata lock"));
        // KILL CONNECTION ends it at once and the ALTER proceeds.
        QCOMPARE(r.goneAt(11), T("6s"));
        QVERIFY(r.lineAt("C", "Query OK") > T("6s"));
        // The paused client sees the 2013 only when it reads again.
        QCOMPARE(r.lineAt("A", "ERROR 2013"), T("8s"));
        // Then the rows it got before the connection went, as mysql_use_result() counted them.
        const auto &lines = r.result.transcriptOf(r.session("A"));
        const auto lost = std::find_if(lines.begin(), lines.end(), [](const TranscriptLine &l) {
            return l.text.find("ERROR 2013") != std::string::npos;
        });
        QVERIFY(lost != lines.end() && lost + 1 != lines.end());
        QVERIFY2((lost + 1)->text.find(" rows in set (") != std::string::npos,
                 (lost + 1)->text.c_str());
        QCOMPARE((lost + 1)->t, T("8s"));
        // The ALTER's OK packet has its info line (lab mode, MariaDB 10.11).
        const TimeUs altered = r.lineAt("C", "Query OK, 0 rows affected");
        QCOMPARE(r.lineAt("C", "Records: 0  Duplicates: 0  Warnings: 0"), altered);
        const TimeUs ready = r.lineAt("D", "connection id is 14");
        QVERIFY(r.lineAt("D", "You can turn off this feature to get a quicker startup with -A") <= ready);
        if (isMariaDb(flavor)) {
            // A new `mariadb k` without -A: COM_FIELD_LIST takes a high-priority shared MDL,
            // which the pending exclusive request does not block (lab mode: the prompt came at
            // once, reference §10.1).
            QVERIFY(ready < T("4.1s"));
            QVERIFY(!r.waitsLock(14, "t", T("4.05s")));
        } else {
            // MySQL: auto-rehash waits behind the pending exclusive MDL (UNVERIFIED).
            QCOMPARE(r.row(14, T("5s"))->command, std::string("Field List"));
            QCOMPARE(q(r.row(14, T("5s"))->state), QStringLiteral("Waiting for table metadata lock"));
            QVERIFY(r.waitsLock(14, "t", T("5s")));
            QVERIFY(ready > T("6s"));
        }
    }

    void ioPressureRollback_data() { addFlavors("io-pressure-rollback"); }
    void ioPressureRollback()
    {
        QFETCH(Flavor, flavor);
        const Run r = run("io-pressure-rollback", flavor);
        QCOMPARE(r.lineAt("A", "ERROR 2013"), T("1.5s"));
        const RollbackRecord &rb = r.result.rollbacks.at(0);
        // ~500k rows: 33 us per row while the pressure lasts, 13 us after 12 s.
        QVERIFY(rb.points.size() >= 3);
        const int64_t at10 = *r.row(11, T("10s"))->trxRowsModified;
        const int64_t at11 = *r.row(11, T("11s"))->trxRowsModified;
        const int64_t at13 = *r.row(11, T("13s"))->trxRowsModified;
        const int64_t at14 = *r.row(11, T("14s"))->trxRowsModified;
        const double slow = double(at10 - at11), fast = double(at13 - at14);
        QVERIFY2(slow > 29000 && slow < 31000, std::to_string(slow).c_str());
        QVERIFY2(fast > 75000 && fast < 78000, std::to_string(fast).c_str());
        // Much slower than the UPDATE itself (1.5 s of work): several times as long.
        QVERIFY(rb.end - rb.start > 5 * T("1.5s"));
        QVERIFY(r.result.segmentAt(r.laneOf(11), T("5s"))->flags & FlagIoBound);
        QCOMPARE(r.goneAt(11), rb.end);
    }

    void bigQueryTempfile_data() { addFlavors("big-query-tempfile"); }
    void bigQueryTempfile()
    {
        QFETCH(Flavor, flavor);
        const Run r = run("big-query-tempfile", flavor);
        const int lane = r.laneOf(11);
        // Collecting the rows for the sort is filesort's own stage from the first row on (lab
        // mode, MariaDB 10.11: `Query | Creating sort index` in every sample up to the kill).
        QCOMPARE(q(r.row(11, T("0.2s"))->state),
                 flavor == Flavor::MySql80 ? QStringLiteral("executing")
                                           : QStringLiteral("Creating sort index"));
        // The KILL (2.5 s) lands inside the first 1 GB write (0.5 s – 5.5 s at 200 MB/s): no check
        // point there.
        QCOMPARE(r.result.segmentAt(lane, T("3s"))->state, LaneState::IoWait);
        QVERIFY(r.result.segmentAt(lane, T("3s"))->flags & FlagKillPending);
        const KillRecord *k = r.kill("KILL QUERY 11");
        QVERIFY(k->noticed > T("5.4s"));
        // Then the temporary file written so far is deleted before the error is sent.
        QCOMPARE(r.result.segmentAt(lane, k->noticed + 1000)->state, LaneState::Cleanup);
        QCOMPARE(q(r.row(11, k->noticed + 1000)->state), QStringLiteral("removing tmp table"));
        const TimeUs err = r.lineAt("A", "ERROR 1317");
        QVERIFY(err >= k->noticed + T("1200ms"));
        QCOMPARE(k->clientError, err);
    }

    // Without the KILL the sorted rows go out: on MariaDB still under filesort's stage (lab mode,
    // 10.11: `Query | Creating sort index` in every sample until the statement ended), on MySQL
    // under the select's own.
    void sortedSendStage_data() { addFlavors("big-query-tempfile"); }
    void sortedSendStage()
    {
        QFETCH(Flavor, flavor);
        Scenario sc = loadScenario("big-query-tempfile");
        sc.sessions[1].statements.clear(); // no DBA
        RunOptions o;
        o.flavor = flavor;
        const Run r{sc, Engine::run(sc, o)};
        const TimeUs done = r.lineAt("A", "1500000 rows in set");
        QVERIFY(done > 0);
        // The last step sends 1.5 million rows at 2 us (3 s); then the three files go (3 × 1.2 s).
        const QString sending = q(r.row(11, done - T("4.5s"))->state);
        QCOMPARE(q(r.row(11, done - T("1s"))->state), QStringLiteral("removing tmp table"));
        QCOMPARE(sending, flavor == Flavor::MariaDb1011 ? QStringLiteral("Creating sort index")
                          : flavor == Flavor::MySql80   ? QStringLiteral("executing")
                                                        : QStringLiteral("Sending data"));
    }

    void ddlKill_data() { addFlavors("ddl-kill"); }
    void ddlKill()
    {
        QFETCH(Flavor, flavor);
        const Run r = run("ddl-kill", flavor);
        QCOMPARE(q(r.row(11, T("1s"))->state), QStringLiteral("copy to tmp table")); // the scenario's stage override
        if (isMariaDb(flavor)) {
            // Progress over both stages: at 1 s a quarter of the copy (stage 1 of 2) is done.
            const double p = *r.row(11, T("1s"))->progress;
            QVERIFY2(p > 12.0 && p < 13.0, std::to_string(p).c_str());
        }
        // Killed during the copy: dies within tens of milliseconds, tmp table dropped.
        const TimeUs errA = r.lineAt("A", "ERROR 1317");
        QVERIFY(errA > T("2s") && errA < T("2.1s"));
        QCOMPARE(r.result.segmentAt(r.laneOf(11), T("2.01s"))->state, LaneState::Cleanup);
        const KillRecord *k = r.kill("KILL 12");
        QVERIFY(k);
        const int laneB = r.laneOf(12);
        if (isMariaDb(flavor)) {
            // MariaDB builds the indexes in a second stage after the copy, Enabling keys (stage 2
            // of 2), which still checks the flag: the KILL at 7.2 s aborts the ALTER (lab mode,
            // 10.11: `Killed | Enabling keys`, then t2 without the new column; §10.2).
            QCOMPARE(q(r.row(12, T("7.1s"))->state), QStringLiteral("Enabling keys"));
            QCOMPARE(*r.row(12, T("7.1s"))->progress, 0.0); // PROGRESS 0.000 all along there
            QCOMPARE(r.row(12, T("7.2s") + 1)->command, std::string("Killed"));
            QVERIFY(k->outcome != KillOutcome::LostRace);
            QCOMPARE(r.lineAt("B", "ERROR 2013"), T("7.2s"));
            // The temporary table is dropped before the thread goes.
            QVERIFY(r.goneAt(12) >= T("7.24s") && r.goneAt(12) < T("7.3s"));
            // Only the final stage cannot be stopped; MariaDB spells it with a capital R.
            Run late{loadScenario("ddl-kill"), {}};
            late.scenario.sessions[size_t(late.session("C"))].statements[1].at = T("9.55s");
            RunOptions o;
            o.flavor = flavor;
            late.result = Engine::run(late.scenario, o);
            QCOMPARE(q(late.row(12, T("9.53s"))->state), QStringLiteral("Rename result table"));
            QCOMPARE(late.kill("KILL 12")->outcome, KillOutcome::LostRace);
            QCOMPARE(late.lineAt("B", "ERROR 2013"), T("9.55s"));
            return;
        }
        // Killed in the final DD phase: the ALTER commits.
        QCOMPARE(k->outcome, KillOutcome::LostRace);
        if (flavor == Flavor::MySql80) {
            // Deferred by the DD kill immunizer: no flag, no socket close until the scope ends.
            QCOMPARE(r.result.segmentAt(laneB, T("7.3s"))->state, LaneState::DdImmune);
            QVERIFY(r.result.segmentAt(laneB, T("7.3s"))->flags & FlagKillDeferred);
            QCOMPARE(r.row(12, T("7.3s"))->command, std::string("Query"));
            QCOMPARE(r.lineAt("B", "ERROR 2013"), T("7.501s"));
        } else {
            QCOMPARE(r.row(12, T("7.3s"))->command, std::string("Killed"));
            QCOMPARE(r.lineAt("B", "ERROR 2013"), T("7.2s"));
        }
        QCOMPARE(r.goneAt(12), T("7.501s"));
    }

    void lateKillCommits_data() { addFlavors("late-kill-commits"); }
    void lateKillCommits()
    {
        QFETCH(Flavor, flavor);
        const Run r = run("late-kill-commits", flavor);
        // KILL CONNECTION during the commit: committed, yet the client sees 2013.
        QCOMPARE(r.lineAt("A", "ERROR 2013"), T("2000150us"));
        QCOMPARE(r.kill("KILL 11")->outcome, KillOutcome::LostRace);
        QVERIFY(r.result.rollbacks.empty());
        QCOMPARE(r.goneAt(11), T("2000200us"));
        // KILL QUERY during the commit: the client simply gets Query OK.
        QCOMPARE(r.lineAt("B", "Query OK, 100000 rows affected"), T("5000200us"));
        QVERIFY(!r.hasLine("B", "ERROR"));
        QCOMPARE(r.kill("KILL QUERY 12")->outcome, KillOutcome::LostRace);
    }

    void privilegesAndErrors_data() { addFlavors("privileges-and-errors"); }
    void privilegesAndErrors()
    {
        QFETCH(Flavor, flavor);
        const Run r = run("privileges-and-errors", flavor);
        QCOMPARE(r.lineAt("bob", "ERROR 1094 (HY000): Unknown thread id: 999999"), T("1s") + 20);
        // After its own KILL QUERY the idle thread is not Killed any more on MariaDB (the command
        // ends with reset_kill_query(); lab mode saw `Sleep`); MySQL shows Killed only for
        // KILL CONNECTION anyway.
        QCOMPARE(r.row(21, T("3.2s"))->command, std::string("Sleep"));
        QCOMPARE(r.lineAt("bob", "ERROR 1095 (HY000): You are not owner of thread 20"), T("1.5s") + 20);
        QCOMPARE(r.lineAt("bob", "ERROR 1095 (HY000): You are not owner of thread 20", T("2s")), T("2s") + 20);
        QCOMPARE(r.lineAt("bob", "ERROR 1094 (HY000): Unknown thread id: 5"), T("2.5s") + 20); // event scheduler
        QCOMPARE(r.lineAt("bob", "ERROR 1317 (70100): Query execution was interrupted"), T("3s") + 20);
        const std::string self = isMariaDb(flavor) ? "ERROR 1927 (70100): Connection was killed" : "ERROR 1317 (70100): Query execution was interrupted";
        QCOMPARE(r.lineAt("bob", self, T("3.5s")), T("3.5s") + 20);
        QCOMPARE(r.goneAt(21), T("3.5s") + 20);
        QCOMPARE(r.lineAt("bob", "ERROR 2006"), T("4s"));
        QVERIFY(r.row(5, T("3s")));
        QCOMPARE(r.row(5, T("3s"))->command, std::string("Daemon"));
        // KILL QUERY of the idle app1 at 5 s.
        if (isMariaDb(flavor)) {
            QCOMPARE(r.row(22, T("5.5s"))->command, std::string("Killed"));
            QCOMPARE(r.kill("KILL QUERY 22")->outcome, KillOutcome::ResetAtNextCommand);
            QVERIFY(r.lineAt("root", "ERROR 1317") == T("7s"));
            QCOMPARE(r.lineAt("dba", "Query OK, 2 rows affected"), T("8s") + 20);
            QCOMPARE(r.goneAt(22), T("8s"));
            QCOMPARE(r.lineAt("app2", "ERROR 2013 (HY000): Lost connection to server during query"), T("8s"));
        } else {
            QCOMPARE(r.row(22, T("5.5s"))->command, std::string("Sleep"));
            QCOMPARE(r.kill("KILL QUERY 22")->outcome, KillOutcome::NoEffect);
            QVERIFY(r.lineAt("dba", "ERROR 1064 (42000)") == T("7s") + 20);
            QVERIFY(r.lineAt("dba", "ERROR 1064 (42000)", T("8s")) == T("8s") + 20);
            QVERIFY(r.hasLine("root", "1 row in set"));
        }
        QVERIFY(r.lineAt("app1", "1 row in set", T("6s")) > T("6s")); // the next command runs normally
    }

    void statementTimeout_data() { addFlavors("statement-timeout"); }
    void statementTimeout()
    {
        QFETCH(Flavor, flavor);
        const Run r = run("statement-timeout", flavor);
        if (isMariaDb(flavor)) {
            QCOMPARE(r.lineAt("A", "ERROR 1969 (70100): Query execution was interrupted (max_statement_time exceeded)"), T("1.5s"));
            QVERIFY(r.lineAt("A", "ERROR 1969", T("3s")) > T("3.5s"));
            // Any statement: the UPDATE is stopped and rolled back.
            const TimeUs u = r.lineAt("A", "ERROR 1969", T("5s"));
            QVERIFY(u > T("5.5s"));
            QCOMPARE(r.result.rollbacks.size(), size_t(1));
            QCOMPARE(r.kill("max_statement_time")->mode, KillMode::Soft);
        } else {
            QCOMPARE(r.lineAt("A", "1 row in set"), T("1.5s")); // SLEEP returns 1
            QCOMPARE(r.lineAt("A", "ERROR 3024 (HY000): Query execution was interrupted, maximum statement execution time exceeded"),
                     T("3500001us"));
            QVERIFY(r.hasLine("A", "Query OK, 500000 rows affected")); // not a SELECT: no timeout
            QVERIFY(r.result.rollbacks.empty());
        }
    }

    // What-if: the UI injects a kill at the playhead and re-runs.
    void injectedKill()
    {
        Scenario sc = loadScenario("lock-wait-kill");
        sc.actions.push_back(makeKillAction(T("2s"), 12, KillType::Connection));
        RunOptions o;
        o.flavor = Flavor::MariaDb1011;
        const RunResult res = Engine::run(sc, o);
        const Run r{sc, res};
        QCOMPARE(r.lineAt("B", "ERROR 2013 (HY000): Lost connection to server during query"), T("2s"));
        QCOMPARE(r.goneAt(12), T("2s"));
        bool arrow = false;
        for (const Signal &s : res.killSignals)
            arrow = arrow || (s.kind == SignalKind::KillArrow && s.t == T("2s") && s.label == "KILL 12"
                              && res.lanes[size_t(s.fromLane)].client == ClientKind::Operator);
        QVERIFY(arrow);
        // HARD/SOFT on MariaDB.
        Scenario soft = loadScenario("lock-wait-kill");
        soft.actions.push_back(makeKillAction(T("2s"), 12, KillType::Query, KillMode::Soft));
        const RunResult rs = Engine::run(soft, o);
        const Run softRun{soft, rs};
        QCOMPARE(softRun.lineAt("B", "ERROR 1317"), T("2s"));
        QCOMPARE(softRun.row(12, T("1.5s"))->killedValue, 0);
    }

    // What-if: raising innodb_thread_concurrency releases the 5.7 waiter.
    void knobReleasesWaiter()
    {
        Scenario sc = loadScenario("concurrency-queue");
        sc.actions.clear();
        sc.actions.push_back(makeSetAction(T("4s"), "innodb_thread_concurrency", 3));
        RunOptions o;
        o.flavor = Flavor::MySql57;
        const Run r{sc, Engine::run(sc, o)};
        // The KILL QUERY from 3 s is noticed at the first row after C gets its seat.
        const KillRecord *k = r.kill("KILL QUERY 13");
        QVERIFY(k->noticed > T("4s") && k->noticed < T("4.2s"));
        QVERIFY(r.lineAt("C", "ERROR 1317") > T("4s"));
    }

    // innodb_lock_wait_timeout without any KILL: 1205, statement rolled back, session lives on.
    void lockWaitTimeout()
    {
        Scenario sc = loadScenario("lock-wait-kill");
        sc.server.innodbLockWaitTimeoutUs = T("1s");
        sc.sessions[2].statements.clear(); // no DBA
        RunOptions o;
        o.flavor = Flavor::MySql80;
        const Run r{sc, Engine::run(sc, o)};
        QCOMPARE(r.lineAt("B", "ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction"), T("1s") + 100 + T("1s"));
        QVERIFY(!r.waitsLock(12, "t:id=1", T("2.5s")));
        QCOMPARE(r.goneAt(12), TimeUs(-1));
    }

    // A generated workload (many sessions, shared rows, an admission queue, random kills) keeps
    // the engine's invariants in every flavor and is deterministic.
    void generatedWorkload_data()
    {
        QTest::addColumn<Flavor>("flavor");
        QTest::newRow("mysql-5.7") << Flavor::MySql57;
        QTest::newRow("mysql-8.0") << Flavor::MySql80;
        QTest::newRow("mariadb-10.11") << Flavor::MariaDb1011;
    }
    void generatedWorkload()
    {
        QFETCH(Flavor, flavor);
        WorkloadParams p;
        p.sessions = 300;
        p.kills = 150;
        p.duration = T("20s");
        p.innodbThreadConcurrency = 4;
        p.hotRows = 200;
        p.flavor = flavor;
        const Scenario sc = makeWorkload(p);
        const RunResult a = Engine::run(sc);
        const RunResult b = Engine::run(sc);
        QCOMPARE(runJson(a), runJson(b));
        QCOMPARE(a.until, T("20s"));
        int noticed = 0, disconnected = 0, refused = 0;
        for (const KillRecord &k : a.kills) {
            QVERIFY(k.noticed < 0 || k.noticed >= k.issued);
            QVERIFY(k.finished < 0 || k.finished >= k.issued);
            noticed += k.noticed >= 0;
            disconnected += k.outcome == KillOutcome::Disconnected;
            refused += k.outcome == KillOutcome::Refused;
            // A refused kill is a 1094 for a thread that is already gone.
            QVERIFY(k.outcome != KillOutcome::Refused || k.result == 1094);
            if (k.type == KillType::Query && k.outcome == KillOutcome::NoEffect)
                QVERIFY(isMySql(flavor)); // MariaDB flags idle threads instead
        }
        QVERIFY(noticed > 0 && disconnected > 0 && refused < int(a.kills.size()));
        for (const Lane &lane : a.lanes) {
            for (size_t i = 0; i + 1 < lane.segments.size(); ++i)
                QCOMPARE(lane.segments[i].end, lane.segments[i + 1].start);
            QCOMPARE(lane.segments.back().end, a.until);
            for (const LaneSegment &s : lane.segments) {
                QVERIFY(s.end >= s.start);
                if (s.state == LaneState::RollingBack) {
                    QVERIFY(s.rowsStart >= s.rowsEnd); // counts down
                    QCOMPARE(s.checkNs, -1);           // never interruptible
                }
                if (s.state == LaneState::Running && s.rowsStart >= 0)
                    QVERIFY(s.rowsEnd >= s.rowsStart);
            }
        }
        // No thread appears in the processlist after it is gone; trx rows are never negative.
        for (TimeUs t = 0; t < a.until; t += T("700ms")) {
            for (const ProcessRow &r : a.processlistAt(t, true)) {
                const Lane &l = a.lanes[size_t(r.lane)];
                QVERIFY(l.goneAt < 0 || t < l.goneAt);
                QVERIFY(!r.trxRowsModified || *r.trxRowsModified >= 0);
            }
        }
        // Row locks: at no time do two threads hold the same row.
        for (TimeUs t = 0; t < a.until; t += T("300ms")) {
            std::map<std::string, int64_t> holder;
            for (const LockRow &l : a.locksAt(t)) {
                if (l.kind != "row" || !l.granted)
                    continue;
                const auto [it, fresh] = holder.emplace(l.key, l.id);
                QVERIFY2(fresh || it->second == l.id, l.key.c_str());
            }
        }
    }

    // A run that would take too many events stops early and says so.
    void truncatedRun()
    {
        const Scenario sc = loadScenario("concurrency-queue");
        RunOptions o;
        o.flavor = Flavor::MySql80;
        o.maxEvents = 200;
        const RunResult r = Engine::run(sc, o);
        QVERIFY(r.truncated);
        QVERIFY(r.until < T("22s"));
        QCOMPARE(r.processedEvents, uint64_t(201));
        QVERIFY(r.narration.back().en.find("stopped") != std::string::npos);
        for (const NarrationStep &n : r.narration)
            QVERIFY(n.t <= r.until);
        for (const Lane &l : r.lanes)
            QCOMPARE(l.segments.back().end, r.until);
        QVERIFY(!Engine::run(sc).truncated);
    }

    // An explicit id belongs to its session: a reconnect (or a Ctrl+C helper) that happens before
    // that session connects must not take it. It used to: A's reconnect got 13, B was moved to
    // 14, and "KILL 13" hit A.
    void explicitIdsAreReserved()
    {
        const char *json =
            "{\"version\":1,\"id\":\"ids\",\"title\":{\"en\":\"a\",\"zh_CN\":\"b\"},\"flavors\":["
            "\"mysql-8.0\"],"
            "\"sessions\":["
            "{\"name\":\"A\",\"id\":11,\"statements\":[{\"sql\":\"SELECT "
            "1\",\"at\":\"0s\"},{\"sql\":\"SELECT 2\",\"at\":\"3s\"},"
            "{\"sql\":\"SELECT "
            "SLEEP(100)\",\"steps\":[{\"op\":\"sleep\",\"duration\":\"100s\",\"alone\":true}]}]},"
            "{\"name\":\"K\",\"id\":12,\"user\":\"root\",\"privileges\":[\"SUPER\"],\"statements\":"
            "["
            "{\"sql\":\"KILL 11\",\"kind\":\"kill\",\"at\":\"1s\",\"kill\":{\"target\":\"A\"}},"
            "{\"sql\":\"KILL 13\",\"kind\":\"kill\",\"at\":\"8s\",\"kill\":{\"target\":13}}]},"
            "{\"name\":\"B\",\"id\":13,\"connectAt\":\"5s\",\"statements\":[{\"sql\":\"SELECT "
            "SLEEP(100)\",\"at\":\"6s\","
            "\"steps\":[{\"op\":\"sleep\",\"duration\":\"100s\",\"alone\":true}]}]}],"
            "\"until\":\"10s\"}";
        const auto parsed = ScenarioParser::parse(json, "ids.json");
        QVERIFY2(parsed.ok(), parsed.errorText().c_str());
        const RunResult r = Engine::run(*parsed.scenario);
        const int b = parsed.scenario->sessionIndex("B");
        const int a = parsed.scenario->sessionIndex("A");
        const std::vector<int> bLanes = r.lanesOfSession(b);
        QCOMPARE(bLanes.size(), size_t(1));
        QCOMPARE(r.lanes[size_t(bLanes[0])].processlistId, int64_t(13));
        const std::vector<int> aLanes = r.lanesOfSession(a);
        QCOMPARE(aLanes.size(), size_t(2)); // killed at 1 s, reconnected at 3 s
        QCOMPARE(r.lanes[size_t(aLanes[1])].processlistId, int64_t(14));
        const KillRecord &k = r.kills.back();
        QCOMPARE(k.statement, std::string("KILL 13"));
        QCOMPARE(k.victimLane, bLanes[0]);
    }

    // A connection is the client's own work (client_connect_time: nothing on the server yet)
    // and then the handshake, the only part the server shows as Connect | login (connect_time).
    // Lab mode on MariaDB 10.11: a reconnect of the mariadb client printed "No connection.
    // Trying to reconnect..." 33 ms before its connect() and had the server's greeting 4 ms later.
    void connectTimeIsTheHandshakeOnly()
    {
        const char *json = R"js({"version":1,"id":"conn","title":{"en":"a","zh_CN":"b"},
            "flavors":["mariadb-10.11"],
            "server":{"client_connect_time":"50ms","connect_time":"2ms"},
            "sessions":[
              {"name":"A","id":11,"statements":[
                {"sql":"SELECT 1","kind":"select"},
                {"sql":"SELECT 2","kind":"select","at":"3s"},
                {"sql":"SELECT SLEEP(10)","kind":"select","steps":[{"op":"sleep","duration":"10s","alone":true}]}]},
              {"name":"K","id":12,"user":"root","privileges":["SUPER"],"statements":[
                {"sql":"KILL 11","kind":"kill","at":"1s","kill":{"target":"A"}}]}],
            "actions":[{"do":"ctrl_c","at":"5s","session":"A"}],
            "until":"8s"})js";
        const auto parsed = ScenarioParser::parse(json, "conn.json");
        QVERIFY2(parsed.ok(), parsed.errorText().c_str());
        QCOMPARE(parsed.scenario->server.clientConnectTimeUs, TimeUs(50'000));
        Run r{*parsed.scenario, Engine::run(*parsed.scenario)};
        const std::vector<int> lanes = r.result.lanesOfSession(r.session("A"));
        QCOMPARE(lanes.size(), size_t(2));
        // The server thread appears after the client's own part and is in login for 2 ms only.
        QCOMPARE(r.result.lanes[size_t(lanes[0])].createdAt, T("50ms"));
        QVERIFY(!r.row(11, T("49ms")));
        QCOMPARE(r.row(11, T("51ms"))->command, std::string("Connect"));
        QCOMPARE(q(r.row(11, T("51ms"))->state), QStringLiteral("login"));
        QCOMPARE(r.row(11, T("53ms"))->command, std::string("Sleep"));
        QCOMPARE(r.lineAt("A", "SELECT 1"), T("52ms"));
        // The reconnect at 3 s: 2006 at once, the new thread 50 ms later, in login for 2 ms.
        QCOMPARE(r.lineAt("A", "ERROR 2006"), T("3s"));
        const Lane &again = r.result.lanes[size_t(lanes[1])];
        QCOMPARE(again.createdAt, T("3.05s"));
        QCOMPARE(r.row(again.processlistId, T("3.051s"))->command, std::string("Connect"));
        QCOMPARE(r.lineAt("A", "Connection id:"), T("3.052s"));
        // Ctrl+C at 5 s: the helper connection reaches the server 50 ms later, then the KILL QUERY.
        const KillRecord *k = r.kill("KILL QUERY");
        QVERIFY(k);
        QCOMPARE(k->issued, T("5.052s"));
    }

    // Scenarios built in code skip the validator: absurd numbers must still end in a run, with no
    // signed overflow and no out-of-range float conversion (UBSan checks this in the asan preset).
    void absurdNumbersSaturate()
    {
        Scenario sc;
        sc.id = "absurd";
        sc.flavors = {Flavor::MySql80};
        sc.defaultFlavor = Flavor::MySql80;
        sc.server.ioBandwidth = 1;
        SessionSpec s;
        s.name = "A";
        s.client = ClientKind::App;
        Statement st;
        st.sql = "UPDATE t SET v = 1";
        st.kind = StatementKind::Update;
        Step rows;
        rows.op = StepOp::Rows;
        rows.count = int64_t(1) << 40;
        rows.perRowNs = 1'000'000'000;
        rows.modify = true;
        rows.ioBytesPerRow = int64_t(1) << 30; // 2^30 bytes per row at 1 byte/s: 34 years a row
        Step io;
        io.op = StepOp::Io;
        io.bytes = int64_t(1) << 50;
        Step temp;
        temp.op = StepOp::TempFile;
        temp.bytes = int64_t(1) << 50;
        temp.deleteUs = ScenarioParser::kMaxTimeUs;
        st.steps = {temp, temp, io, rows};
        s.statements = {st};
        SessionSpec b = s;
        b.name = "B";
        b.statements[0].steps = {rows};
        sc.sessions = {s, b};
        sc.actions = {makeSetAction(T("1s"), "io_pressure", 1e300),
                      makeKillAction(T("2s"), 11, KillType::Connection),
                      makeSetAction(T("3s"), "io_pressure", std::nan(""))};
        RunOptions o;
        o.until = std::numeric_limits<TimeUs>::max(); // capped at Engine::kMaxUntil
        const RunResult r = Engine::run(sc, o);
        QCOMPARE(r.until, Engine::kMaxUntil);
        QVERIFY(!r.truncated);
        for (const Lane &l : r.lanes) {
            QVERIFY(!l.segments.empty());
            for (const LaneSegment &seg : l.segments) {
                QVERIFY(seg.start <= seg.end);
                QVERIFY(seg.end <= Engine::kMaxUntil);
            }
        }
        // B's row loop is capped at a second per row: the loop of 2^40 rows never ends, but its
        // first row boundary is a second in.
        const int bLane = r.lanesOfSession(sc.sessionIndex("B")).front();
        bool capped = false;
        for (const LaneSegment &seg : r.lanes[size_t(bLane)].segments)
            capped = capped || seg.checkNs == int32_t(Engine::kMaxRowCostNs);
        QVERIFY(capped);
        (void)processlistText(r, r.until);
        (void)summaryText(r);
        (void)chromeTrace(r);
        // Queries at any time are safe (the API takes any TimeUs; the GUI never asks beyond the run).
        for (TimeUs t : {std::numeric_limits<TimeUs>::max(), std::numeric_limits<TimeUs>::min(), TimeUs(-1)}) {
            (void)r.processlistAt(t, true);
            (void)r.locksAt(t);
            (void)r.narrationAt(t);
        }
        const RunResult alter = Engine::run(loadScenario("ddl-kill"), RunOptions{Flavor::MariaDb1011, {}, 50'000'000});
        for (TimeUs t : {std::numeric_limits<TimeUs>::max(), std::numeric_limits<TimeUs>::min()})
            for (const ProcessRow &p : alter.processlistAt(t, true))
                QVERIFY(!p.progress || (*p.progress >= 0 && *p.progress <= 100));
    }

    // transcriptOf() is an index, not a scan: the same lines, in the same order, for every session.
    void transcriptIndexMatchesAScan()
    {
        for (const char *id : {"ctrl-c", "idle-transaction-kill", "quick-client-blocks"}) {
            const Scenario sc = loadScenario(id);
            for (Flavor f : sc.flavors) {
                RunOptions o;
                o.flavor = f;
                const RunResult r = Engine::run(sc, o);
                for (int s = 0; s < int(sc.sessions.size()); ++s) {
                    std::vector<std::string> scan;
                    for (const TranscriptLine &l : r.transcript)
                        if (r.lanes[size_t(l.lane)].session == s)
                            scan.push_back(std::to_string(l.t) + " " + l.text);
                    std::vector<std::string> indexed;
                    for (const TranscriptLine &l : r.transcriptOf(s))
                        indexed.push_back(std::to_string(l.t) + " " + l.text);
                    QVERIFY(indexed == scan);
                }
                QVERIFY(r.transcriptOf(-1).empty());
                QVERIFY(r.transcriptOf(int(sc.sessions.size())).empty());
            }
        }
    }

    void killedStateValues()
    {
        // MariaDB's killed_state keeps the HARD bit (sql_class.h L616); MySQL's values are error numbers.
        const FlavorRules m(Flavor::MariaDb1011), my(Flavor::MySql80);
        QCOMPARE(m.killedValue(Killed::Query, true), 5);
        QCOMPARE(m.killedValue(Killed::Query, false), 4);
        QCOMPARE(m.killedValue(Killed::Connection, true), 13);
        QCOMPARE(m.killedValue(Killed::Timeout, false), 8);
        QCOMPARE(my.killedValue(Killed::Connection, true), 1053);
        QCOMPARE(my.killedValue(Killed::Query, true), 1317);
        QCOMPARE(my.killedValue(Killed::Timeout, true), 3024);
        QVERIFY(m.showsKilled(Killed::Query));
        QVERIFY(!my.showsKilled(Killed::Query));
    }
};

QTEST_GUILESS_MAIN(TestSimScenarios)
#include "tst_simscenarios.moc"
