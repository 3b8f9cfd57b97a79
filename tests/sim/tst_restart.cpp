// "A killed big transaction is rolling back: restart the server or wait?" (the lesson's homework)
// for every flavor, against shared/reference/kill-semantics.md §10.4: a restart drops every
// client (2013), the server is back after crash recovery, the recovered transaction rolls back in
// the background (no processlist row, INNODB_TRX ROLLING BACK with thread id 0) from where it was,
// its rows stay locked until the rollback has undone them, and no time is saved.

#include "knobs.h"
#include "simtestutil.h"

#include <QTest>
#include <functional>

using namespace simtest;
using ks::sim::Flavor;

Q_DECLARE_METATYPE(ks::sim::Flavor)

namespace {

// One branch of restart-or-wait as a scenario of its own (what the merged run is made of).
Run branch(const std::string &name, Flavor f, const std::function<void(Scenario &)> &edit = {})
{
    Run r{loadScenario("restart-or-wait"), {}};
    for (const Branch &b : r.scenario.branches)
        if (b.name == name)
            r.scenario.actions.insert(r.scenario.actions.end(), b.actions.begin(), b.actions.end());
    r.scenario.branches.clear();
    if (edit)
        edit(r.scenario);
    RunOptions o;
    o.flavor = f;
    r.result = Engine::run(r.scenario, o);
    return r;
}

TimeUs eventAt(const RunResult &r, EventType type, int nth = 1)
{
    int seen = 0;
    for (const Event &e : r.events)
        if (e.type == type && ++seen == nth)
            return e.t;
    return -1;
}

// The rollback records of a lane's session, in start order.
std::vector<const RollbackRecord *> rollbacksOf(const Run &r, const std::string &session)
{
    std::vector<const RollbackRecord *> out;
    for (const RollbackRecord &rb : r.result.rollbacks)
        if (r.result.lanes[size_t(rb.lane)].session == r.session(session))
            out.push_back(&rb);
    return out;
}

const LockInterval *lockOf(const Run &r, int lane, const std::string &key, TimeUs requestedFrom)
{
    for (const LockInterval &l : r.result.locks)
        if (l.lane == lane && r.result.str(l.key) == key && l.requested >= requestedFrom)
            return &l;
    return nullptr;
}

int laneOfSessionFrom(const Run &r, const std::string &session, TimeUs createdFrom)
{
    for (int l : r.result.lanesOfSession(r.session(session)))
        if (r.result.lanes[size_t(l)].createdAt >= createdFrom &&
            r.result.lanes[size_t(l)].processlistId != 0)
            return l;
    return -1;
}

} // namespace

class TestRestart : public QObject
{
    Q_OBJECT

private slots:
    void flavors_data()
    {
        QTest::addColumn<Flavor>("flavor");
        for (Flavor f : loadScenario("restart-or-wait").flavors)
            QTest::newRow(std::string(flavorId(f)).c_str()) << f;
    }

    // Waiting: the killed transaction's rollback holds every row lock to its end.
    void waitBranch_data() { flavors_data(); }
    void waitBranch()
    {
        QFETCH(Flavor, flavor);
        const Run r = branch("wait", flavor);
        const auto rb = rollbacksOf(r, "A");
        QCOMPARE(rb.size(), size_t(1));
        QCOMPARE(rb[0]->rows, int64_t(2'000'000));
        // 2,000,000 rows at 3 us from the kill at 6 s.
        QVERIFY(rb[0]->end > T("11.99s") && rb[0]->end < T("12.01s"));
        // B's row id=1 and C's row id=2000000 both wait for the end of the rollback.
        const int b = r.result.lanesOfSession(r.session("B")).front();
        const int c = r.result.lanesOfSession(r.session("C")).front();
        const LockInterval *lb = lockOf(r, b, "t:id 1-1000000", 0);
        const LockInterval *lc = lockOf(r, c, "t:id 1000001-2000000", 0);
        QVERIFY(lb && lc);
        QCOMPARE(lb->requested, T("6.5s") + 100);
        QCOMPARE(lb->granted, rb[0]->end);
        QCOMPARE(lc->granted, rb[0]->end);
        QVERIFY(lc->granted > lc->requested);
        QVERIFY(!r.hasLine("B", "ERROR 2013"));
        QCOMPARE(eventAt(r.result, EventType::ServerDown), TimeUs(-1));
    }

    void restartBranch_data() { flavors_data(); }
    void restartBranch()
    {
        QFETCH(Flavor, flavor);
        const Run r = branch("restart", flavor);
        const bool mdb = flavor == Flavor::MariaDb1011;
        const TimeUs down = T("7s");
        const TimeUs up = down + T("2.5s");
        QCOMPARE(eventAt(r.result, EventType::ServerDown), down);
        QCOMPARE(eventAt(r.result, EventType::ServerUp), up);

        // Every client waiting for an answer gets 2013 at once: B (its UPDATE waited for A).
        const std::string lost =
            mdb ? "ERROR 2013 (HY000): Lost connection to server during query"
                : "ERROR 2013 (HY000): Lost connection to MySQL server during query";
        QCOMPARE(r.lineAt("B", lost), down);
        // Every thread ended at the crash; nothing is in the processlist, hidden or not.
        for (const Lane &l : r.result.lanes)
            if (l.createdAt < down)
                QCOMPARE(l.goneAt, down);
        QVERIFY(r.result.processlistAt(T("8s"), true).empty());

        // The rollback had undone 1 s of 6 s before the crash; recovery resumes from there.
        const auto rb = rollbacksOf(r, "A");
        QCOMPARE(rb.size(), size_t(2));
        QCOMPARE(rb[0]->end, down);
        const int64_t left = rb[0]->points.back().rowsRemaining;
        QVERIFY2(left > 1'666'000 && left < 1'667'000, std::to_string(left).c_str());
        QCOMPARE(rb[1]->start, up);
        QCOMPARE(rb[1]->rows, left);
        const Lane &rec = r.result.lanes[size_t(rb[1]->lane)];
        QCOMPARE(rec.processlistId, int64_t(0));
        QCOMPARE(rec.createdAt, up);
        QCOMPARE(rec.session, r.session("A"));

        // No processlist row; INNODB_TRX: ROLLING BACK, thread id 0, rows counting down.
        for (const ProcessRow &p : r.result.processlistAt(T("11s")))
            QVERIFY(p.id != 0);
        const auto hidden = r.row(0, T("11s"), true);
        QVERIFY(hidden);
        QVERIFY(hidden->hidden);
        QCOMPARE(hidden->trxState, std::string("ROLLING BACK"));
        const auto later = r.row(0, T("12s"), true);
        QVERIFY(later && hidden->trxRowsModified && later->trxRowsModified);
        const int64_t perSecond = *hidden->trxRowsModified - *later->trxRowsModified;
        QVERIFY2(perSecond > 333'000 && perSecond < 334'000, std::to_string(perSecond).c_str());

        // No time saved: it ends the recovery pause later than waiting.
        const Run w = branch("wait", flavor);
        const TimeUs waitEnd = rollbacksOf(w, "A")[0]->end;
        QVERIFY(rb[1]->end >= waitEnd + T("2.5s") - 10);
        QVERIFY(rb[1]->end <= waitEnd + T("2.5s") + 10);
        // The KILL's record ends with the recovered rollback, not with the crash.
        const KillRecord *k = r.kill("KILL 11");
        QVERIFY(k);
        QCOMPARE(k->finished, rb[1]->end);
        QCOMPARE(k->outcome, KillOutcome::Disconnected);

        // B retries after the server is back: 2006, a reconnect, and a lock wait for the
        // recovered transaction until its rollback reaches row id=1 (the last one).
        QVERIFY(r.lineAt("B", "No connection. Trying to reconnect...", up) >= T("10s"));
        const int b2 = laneOfSessionFrom(r, "B", up);
        QVERIFY(b2 >= 0);
        const LockInterval *lb = lockOf(r, b2, "t:id 1-1000000", up);
        QVERIFY(lb);
        QVERIFY(lb->requested >= T("10s"));
        QCOMPARE(lb->granted, rb[1]->end);
        QVERIFY(r.holdsLock(0, "t:id 1-1000000", T("13s")));
        // Row id=2000000 was undone before C asks (at 11.7 s): C does not wait.
        const int c = laneOfSessionFrom(r, "C", up);
        QVERIFY(c >= 0);
        const LockInterval *lc = lockOf(r, c, "t:id 1000001-2000000", 0);
        QVERIFY(lc);
        QCOMPARE(lc->granted, lc->requested);
        QVERIFY(!r.holdsLock(0, "t:id 1000001-2000000", T("11.6s")));
        QVERIFY(r.holdsLock(0, "t:id 1000001-2000000", T("10s")));
        // D was idle at the crash: its next statement gets 2006 and reconnects.
        QCOMPARE(r.lineAt("D", "ERROR 2006", down), T("10.5s"));
        QVERIFY(r.lineAt("D", "1 row in set", down) > T("10.5s"));
    }

    // A client that tries while the server recovers is refused and tries again next time.
    void connectWhileDown_data() { flavors_data(); }
    void connectWhileDown()
    {
        QFETCH(Flavor, flavor);
        const Run r = branch("restart", flavor, [](Scenario &sc) {
            sc.sessions[size_t(sc.sessionIndex("D"))].statements[1].at = T("8s");
            Statement again = sc.sessions[size_t(sc.sessionIndex("D"))].statements[1];
            again.at = T("10.5s");
            sc.sessions[size_t(sc.sessionIndex("D"))].statements.push_back(again);
        });
        const bool mdb = flavor == Flavor::MariaDb1011;
        QCOMPARE(r.lineAt("D", "No connection. Trying to reconnect...", T("7s")), T("8s"));
        QCOMPARE(
            r.lineAt(
                "D",
                mdb ? "ERROR 2002 (HY000): Can't connect to local server through socket"
                    : "ERROR 2002 (HY000): Can't connect to local MySQL server through socket"),
            T("8s"));
        QCOMPARE(r.lineAt("D", "ERROR: Can't connect to the server"), T("8s"));
        // The refused statement is not run; the next one reconnects and runs.
        QCOMPARE(r.lineAt("D", "Trying to reconnect...", T("10s")), T("10.5s") + 1000); // connected
        QVERIFY(r.lineAt("D", "1 row in set", T("10s")) > T("10.5s"));
        QVERIFY(r.lineAt("D", "1 row in set", T("7s")) > T("10.5s"));
    }

    // A row asked for before the background rollback reaches it stays locked to the end (the
    // implicit lock made explicit; UNVERIFIED, so the engine adds a note); the row undone last
    // (B's) gives no note: there "reaches it" and "ends" are the same moment.
    void explicitLockHeldToTheEnd_data() { flavors_data(); }
    void explicitLockHeldToTheEnd()
    {
        QFETCH(Flavor, flavor);
        auto noted = [](const Run &r) {
            for (const NarrationStep &n : r.result.narration)
                if (n.fromEngine &&
                    n.en.find("stays locked until the whole recovered") != std::string::npos)
                    return true;
            return false;
        };
        const Run plain = branch("restart", flavor);
        QVERIFY(!noted(plain));
        const Run early = branch("restart", flavor, [](Scenario &sc) {
            sc.sessions[size_t(sc.sessionIndex("C"))].statements[0].at = T("10.2s");
        });
        QVERIFY(noted(early));
        const int c = laneOfSessionFrom(early, "C", T("9.5s"));
        const LockInterval *lc = lockOf(early, c, "t:id 1000001-2000000", 0);
        QVERIFY(lc);
        QCOMPARE(lc->granted, rollbacksOf(early, "A")[1]->end);
    }

    // The knob restart=1 is the restart action: the same run, byte for byte.
    void knobIsTheAction_data() { flavors_data(); }
    void knobIsTheAction()
    {
        QFETCH(Flavor, flavor);
        const Run viaAction = branch("restart", flavor);
        const Run viaKnob = branch("wait", flavor, [](Scenario &sc) {
            Action a;
            std::string error;
            QVERIFY(makeKnobAction(T("7s"), "restart", 1, a, error));
            sc.actions.push_back(a);
        });
        const Run viaSet = branch("wait", flavor, [](Scenario &sc) {
            // As the scenario's own `set` (a user's what-if marks its restart as injected, so
            // that the author's steps do not anchor to it).
            Action a = makeSetAction(T("7s"), "restart", 1);
            a.injected = false;
            sc.actions.push_back(a);
        });
        QCOMPARE(runJson(viaKnob.result), runJson(viaAction.result));
        QCOMPARE(runJson(viaSet.result), runJson(viaAction.result));
        // Before the restart, the trace is the one of waiting.
        const Run w = branch("wait", flavor);
        for (size_t i = 0; i < w.result.events.size() && w.result.events[i].t < T("7s"); ++i) {
            QCOMPARE(viaKnob.result.events[i].t, w.result.events[i].t);
            QCOMPARE(int(viaKnob.result.events[i].type), int(w.result.events[i].type));
        }
    }

    void knobTable()
    {
        Action a;
        std::string error;
        QVERIFY(!makeKnobAction(0, "restart", 2, a, error));
        QCOMPARE(QString::fromStdString(error),
                 QStringLiteral("restart takes an integer equal to 1"));
        QVERIFY(!makeKnobAction(0, "max_connections", 5, a, error));
        QVERIFY(QString::fromStdString(error).contains(
            QStringLiteral("innodb_thread_concurrency, io_pressure or restart")));
        QVERIFY(makeKnobAction(0, "io_pressure", 2.5, a, error));
        QCOMPARE(int(a.kind), int(ActionKind::Set));
        QVERIFY(findKnob("restart") && findKnob("restart")->momentary &&
                !findKnob("restart")->serverVariable);
        QVERIFY(findKnob("innodb_thread_concurrency")->serverVariable);
        // A scenario may say it either way.
        const char *doc =
            R"({"version":1,"id":"x","title":{"en":"x","zh_CN":"x"},"flavors":["mysql-8.0"],
            "sessions":[{"name":"A"}],"actions":[{"do":"set","at":"1s","name":"restart","value":1},
            {"do":"restart","at":"2s"}]})";
        const auto p = ScenarioParser::parse(doc, "x.json");
        QVERIFY2(p.ok(), p.errorText().c_str());
        QCOMPARE(int(p.scenario->actions[0].kind), int(ActionKind::Restart));
        QCOMPARE(int(p.scenario->actions[1].kind), int(ActionKind::Restart));
        const char *bad =
            R"({"version":1,"id":"x","title":{"en":"x","zh_CN":"x"},"flavors":["mysql-8.0"],
            "sessions":[{"name":"A"}],"actions":[{"do":"set","at":"1s","name":"restart","value":3}]})";
        const auto q = ScenarioParser::parse(bad, "x.json");
        QVERIFY(!q.ok());
        QVERIFY2(q.errorText().find("/actions/0/value") != std::string::npos,
                 q.errorText().c_str());
    }

    // SET GLOBAL does not survive a restart: the server starts from its configuration.
    void globalsReset_data()
    {
        QTest::addColumn<bool>("restart");
        QTest::newRow("restart") << true;
        QTest::newRow("no restart") << false;
    }
    void globalsReset()
    {
        QFETCH(bool, restart);
        std::string doc =
            R"({"version":1,"id":"x","title":{"en":"x","zh_CN":"x"},"flavors":["mysql-8.0"],
            "server":{"innodb_thread_concurrency":1},
            "sessions":[
              {"name":"X","client":"app","connectAt":"5s","statements":[{"sql":"SELECT 1","kind":"select","at":"5s",
                "steps":[{"op":"rows","count":100000,"perRow":"10us"}]}]},
              {"name":"Y","client":"app","connectAt":"5s","statements":[{"sql":"SELECT 2","kind":"select","at":"5s",
                "steps":[{"op":"rows","count":100000,"perRow":"10us"}]}]}],
            "actions":[{"do":"set","at":"1s","name":"innodb_thread_concurrency","value":8})";
        doc += restart ? R"(,{"do":"restart","at":"2s"}]})" : "]}";
        const auto p = ScenarioParser::parse(doc, "x.json");
        QVERIFY2(p.ok(), p.errorText().c_str());
        const RunResult r = Engine::run(*p.scenario);
        int queued = 0;
        for (const Event &e : r.events)
            queued += e.type == EventType::QueueWait;
        QCOMPARE(queued, restart ? 1 : 0);
    }

    // The recovered transaction has thread id 0: KILL 0 finds no thread (1094).
    void recoveredCannotBeKilled_data() { flavors_data(); }
    void recoveredCannotBeKilled()
    {
        QFETCH(Flavor, flavor);
        const Run r = branch("restart", flavor, [](Scenario &sc) {
            sc.actions.push_back(makeKillAction(T("11s"), 0, KillType::Connection));
        });
        const KillRecord *k = r.kill("KILL 0");
        QVERIFY(k);
        QCOMPARE(k->result, 1094);
        QVERIFY(r.row(0, T("11.5s"), true)); // still rolling back
    }

    // Both branches side by side in one run: the first branch's lanes, then the second's.
    void sideBySide_data() { flavors_data(); }
    void sideBySide()
    {
        QFETCH(Flavor, flavor);
        const Run both = run("restart-or-wait", flavor);
        const Run w = branch("wait", flavor);
        const Run rs = branch("restart", flavor);
        QCOMPARE(both.result.lanes.size(), w.result.lanes.size() + rs.result.lanes.size());
        QCOMPARE(both.result.until, std::max(w.result.until, rs.result.until));
        for (size_t i = 0; i < both.result.lanes.size(); ++i) {
            const Lane &l = both.result.lanes[i];
            const bool first = i < w.result.lanes.size();
            QVERIFY2(l.label.rfind(first ? "Wait: " : "Restart: ", 0) == 0, l.label.c_str());
            QVERIFY2(l.labelZh.rfind(first ? "等待：" : "重启：", 0) == 0, l.labelZh.c_str());
            QCOMPARE(l.index, int(i));
            QCOMPARE(l.segments.back().end, both.result.until);
        }
        // The lower group is the restart branch's run, shifted.
        const size_t off = w.result.lanes.size();
        for (size_t i = 0; i < rs.result.lanes.size(); ++i) {
            const Lane &a = rs.result.lanes[i];
            const Lane &b = both.result.lanes[off + i];
            QCOMPARE(b.processlistId, a.processlistId);
            QCOMPARE(b.goneAt, a.goneAt);
            QCOMPARE(b.segments.size(), a.segments.size());
            for (size_t s = 0; s < a.segments.size(); ++s)
                QCOMPARE(both.result.str(b.segments[s].detail),
                         rs.result.str(a.segments[s].detail));
        }
        for (size_t i = 0; i + 1 < both.result.events.size(); ++i)
            QVERIFY(both.result.events[i].t <= both.result.events[i + 1].t);
        QCOMPARE(both.result.kills.size(), w.result.kills.size() + rs.result.kills.size());
        for (const KillRecord &k : both.result.kills)
            QCOMPARE(both.result.kills[size_t(k.index)].issued, k.issued);
        // The branch narration shows; the restart-only steps only in the restart branch's times.
        bool down = false;
        for (const NarrationStep &n : both.result.narration)
            down = down || (n.t == T("7s") && n.en.rfind("Restart branch", 0) == 0);
        QVERIFY(down);
        // B's terminal holds both branches' lines; printed one branch after the other.
        QVERIFY(both.hasLine("B", "ERROR 2013"));
        const std::string text = transcriptText(both.result, both.session("B"));
        const auto wait = text.find("-- Wait\n"), restart = text.find("-- Restart\n");
        QVERIFY(wait == 0 && restart != std::string::npos);
        QVERIFY(text.find("ERROR 2013") > restart);
        QCOMPARE(text.substr(wait, restart).find("ERROR 2013"), std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestRestart)
#include "tst_restart.moc"
