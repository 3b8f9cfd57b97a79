// Lab mode without a server: the plan (scaling, SQL, accounts, refusals), the terminal's line
// cleaning, the normalisation of real client lines, the comparison (a recording that is exactly
// the simulation has no difference; each change shows as one difference of its class), the
// calibration arithmetic, the report and the side-by-side lanes.

#include "labcalibration.h"
#include "labcomparison.h"
#include "labdiffmodel.h"
#include "labfake.h"
#include "labheartbeat.h"
#include "labmode.h"
#include "labreport.h"
#include "labterminal.h"
#include "labtimeline.h"
#include "resources.h"
#include "scenariofile.h"
#include "scenarioparser.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <chrono>
#include <optional>
#include <thread>

using namespace ks;

namespace {

sim::Scenario builtin(const QString &id)
{
    sim::Scenario s;
    QString error;
    if (!LabMode::loadScenario(id, &s, nullptr, &error))
        qFatal("%s", qPrintable(error));
    return s;
}

LabPlan planFor(const sim::Scenario &s, double scale = -1)
{
    QString error;
    auto p =
        LabPlan::make(s, sim::Flavor::MariaDb1011, scale, QStringLiteral("killscope_lab"), &error);
    if (!p)
        qFatal("%s", qPrintable(error));
    return *p;
}

sim::RunResult simulate(const sim::Scenario &s, qint64 until = -1)
{
    sim::RunOptions o;
    o.flavor = sim::Flavor::MariaDb1011;
    if (until > 0)
        o.until = until;
    return sim::Engine::run(s, o);
}

// The recording of a run that went exactly like the simulation, with the tables changed as the
// simulation says.
LabRecording faithful(const LabPlan &plan, const sim::RunResult &r)
{
    LabRecording rec = test::recordingFromSimulation(plan, r);
    const auto changes = LabComparison::predictedTableChanges(plan.scenario(), r);
    for (LabTableState &t : rec.tablesAfter) {
        if (changes.value(t.name).data)
            t.checksum = QStringLiteral("2");
        if (changes.value(t.name).definition)
            t.definition = QStringLiteral("CREATE TABLE ... changed");
    }
    return rec;
}

// What --lab-calibrate writes for built-in scenario `id`, parsed again: nothing when it could
// not be written or is not a valid scenario (why in *error).
std::optional<sim::Scenario> calibratedFile(const QString &id, const LabPlan &plan,
                                            const LabCalibration &cal, QString *error)
{
    const auto original = ScenarioFile::read(id, error);
    if (!original)
        return std::nullopt;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("calibrated.json"));
    if (!LabCosts::writeCalibratedScenario(original->text, plan, cal, path, error))
        return std::nullopt;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return std::nullopt;
    }
    const QByteArray text = f.readAll();
    const auto parsed = sim::ScenarioParser::parse(
        std::string_view(text.constData(), size_t(text.size())), "calibrated.json");
    if (!parsed.ok()) {
        *error = QString::fromStdString(parsed.errorText());
        return std::nullopt;
    }
    return *parsed.scenario;
}

QStringList builtinMariaDbScenarios()
{
    QStringList out;
    for (const QString &id : ScenarioFile::builtinIds()) {
        const sim::Scenario s = builtin(id);
        if (s.supports(sim::Flavor::MariaDb1011) &&
            LabPlan::make(s, sim::Flavor::MariaDb1011, -1, QStringLiteral("killscope_lab"),
                          nullptr))
            out << id;
    }
    return out;
}

} // namespace

class TestLab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initResources(); }

    void planScalesRowsAndTimes()
    {
        const sim::Scenario s = builtin(QStringLiteral("big-update-kill-connection"));
        const LabPlan p = planFor(s);
        QCOMPARE(p.scale(), 0.25);
        QCOMPARE(p.tables().size(), 1);
        QCOMPARE(p.tables().constFirst().rows, 500000);
        const sim::Statement &update = p.scenario().sessions[0].statements[0];
        QCOMPARE(update.steps[2].count, 500000);
        QCOMPARE(update.steps[2].perRowNs, s.sessions[0].statements[0].steps[2].perRowNs);
        QCOMPARE(*p.scenario().sessions[1].statements[0].at, sim::TimeUs(1'080'000));
        // cpu steps are fixed costs and stay.
        QCOMPARE(update.steps[0].durationUs, s.sessions[0].statements[0].steps[0].durationUs);
        QCOMPARE(p.render(QStringLiteral("id <= {rows:1000000} in {db}")),
                 QStringLiteral("id <= 250000 in killscope_lab"));
        QCOMPARE(p.displayText(0, 0), QString::fromStdString(s.sessions[0].statements[0].sql));
        // Stretching moves times only.
        LabPlan q = p;
        q.stretchTimes(2.0);
        QCOMPARE(*q.scenario().sessions[1].statements[0].at, sim::TimeUs(2'160'000));
        QCOMPARE(q.scenario().sessions[0].statements[0].steps[2].count, 500000);
        QCOMPARE(q.timeFactor(), 2.0);
    }

    void planSqlAndAccounts()
    {
        const LabPlan p = planFor(builtin(QStringLiteral("privileges-and-errors")));
        QStringList names;
        for (const LabPlan::Account &a : p.accounts())
            names << a.name + u':' + a.grants.join(u',');
        QVERIFY2(names.contains(QStringLiteral("kslab_root:SUPER")), qPrintable(names.join(u' ')));
        QVERIFY(names.contains(QStringLiteral("kslab_bob:")));
        QVERIFY(names.contains(QStringLiteral("kslab_app:")));
        QCOMPARE(p.accountFor("app"), QStringLiteral("kslab_app"));
        QCOMPARE(p.render(QStringLiteral("KILL USER '{user:app}'")),
                 QStringLiteral("KILL USER 'kslab_app'"));
        QCOMPARE(p.sessionOfScenarioId(5), 0); // the event scheduler
        const LabPlan k = planFor(builtin(QStringLiteral("kill-query-keeps-locks")));
        QCOMPARE(k.sendText(0, 2), QStringLiteral("UPDATE t SET v=v+1 WHERE id > 250"));
        QCOMPARE(k.displayText(0, 2), QStringLiteral("UPDATE t SET v=v+1 WHERE id > 1000"));
    }

    void planRefuses_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        // (Plain literals: moc does not read raw strings.)
        const QString head =
            QStringLiteral("{\"version\":1,\"id\":\"x\",\"title\":{\"en\":\"a\",\"zh_CN\":\"b\"},"
                           "\"flavors\":[%1],\"sessions\":[%2]}");
        const QString maria = QStringLiteral("\"mariadb-10.11\"");
        const QString a =
            QStringLiteral("{\"name\":\"A\",\"statements\":[{\"sql\":\"SELECT 1\",\"steps\":"
                           "[{\"op\":\"mdl\",\"table\":\"t\"}]}]}");
        QTest::newRow("flavor") << head.arg(QStringLiteral("\"mysql-8.0\""),
                                            QStringLiteral("{\"name\":\"A\"}"))
                                << "is not written for mariadb-10.11";
        QTest::newRow("table") << head.arg(maria, a)
                               << "uses table t but its lab section does not say how to create it";
        QTest::newRow("client") << head.arg(maria, QStringLiteral(
                                                       "{\"name\":\"A\",\"client\":\"mysql-5.6\"}"))
                                << "uses the mysql-5.6 command-line client";
        QTest::newRow("user") << head.arg(maria,
                                          QStringLiteral("{\"name\":\"A\",\"user\":\"b'ad\"}"))
                              << "lab accounts need a user name";
    }
    void planRefuses()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        const auto parsed = sim::ScenarioParser::parse(json.toStdString(), "x.json");
        QVERIFY2(parsed.ok(), parsed.errorText().c_str());
        QString error;
        QVERIFY(!LabPlan::make(*parsed.scenario, sim::Flavor::MariaDb1011, -1,
                               QStringLiteral("killscope_lab"), &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void cleanLine_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("shown");
        QTest::newRow("plain") << QByteArray("Query OK, 0 rows affected (0.000 sec)\r")
                               << QStringLiteral("Query OK, 0 rows affected (0.000 sec)");
        QTest::newRow("bell")
            << QByteArray("ERROR 1317 (70100): Query execution was interrupted\r\x07")
            << QStringLiteral("ERROR 1317 (70100): Query execution was interrupted");
        QTest::newRow("ansi") << QByteArray("\x1b[?2004hMariaDB [k]> \x1b[1mx\x1b[0m")
                              << QStringLiteral("MariaDB [k]> x");
        QTest::newRow("progress overwritten")
            << QByteArray("Stage: 1 of 2 'copy to tmp table'   2.02% of stage done\r               "
                          "                         "
                          "                  \rERROR 1317 (70100): Query execution was interrupted")
            << QStringLiteral("ERROR 1317 (70100): Query execution was interrupted");
        QTest::newRow("backspace") << QByteArray("ab\bc") << QStringLiteral("ac");
        QTest::newRow("utf8") << QByteArray("MariaDB [k]> SELECT '终止'")
                              << QStringLiteral("MariaDB [k]> SELECT '终止'");
    }
    void cleanLine()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, shown);
        QCOMPARE(LabTerminal::cleanLine(raw), shown);
    }

    void prompt()
    {
        QVERIFY(LabTerminal::isPrompt(QStringLiteral("MariaDB [(none)]> ")));
        QVERIFY(LabTerminal::isPrompt(QStringLiteral("MariaDB [killscope_lab]>")));
        QVERIFY(LabTerminal::isPrompt(QStringLiteral("mysql> ")));
        QVERIFY(!LabTerminal::isPrompt(QStringLiteral("MariaDB [k]> SELECT 1")));
        QVERIFY(!LabTerminal::isPrompt(QStringLiteral("    -> ")));
        QVERIFY(LabTerminal::isTableLine(QStringLiteral("+---+")));
        QVERIFY(LabTerminal::isTableLine(QStringLiteral("| 1 |")));
    }

    // A client printing a big result (here 3,000,000 table rows from
    // cat, as fast as they are read) does not
    // starve the thread: a 20 ms timer on it, like the one that sends a KILL, still fires on time,
    // and the rows are counted.
    void bigOutputKeepsTimersOnTime()
    {
        QTemporaryDir dir;
        QFile table(dir.filePath(QStringLiteral("table.txt")));
        QVERIFY(table.open(QIODevice::WriteOnly));
        for (int i = 0; i < 3000000; ++i)
            table.write(QByteArray("| ") + QByteArray::number(i) + " | xxxxxxxxxxxxxxxx |\n");
        table.close();
        LabTerminal term{LiveClock()};
        QString error;
        QVERIFY2(term.start(QStringLiteral("/bin/sh"),
                            {QStringLiteral("-c"),
                             QStringLiteral("cat '%1'; echo done").arg(table.fileName())},
                            {}, &error),
                 qPrintable(error));
        QElapsedTimer clock;
        clock.start();
        qint64 worstLateMs = 0;
        qint64 due = 20;
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        QObject::connect(&tick, &QTimer::timeout, [&] {
            worstLateMs = std::max(worstLateMs, clock.elapsed() - due);
            due = clock.elapsed() + 20;
        });
        tick.start(20);
        QTRY_VERIFY_WITH_TIMEOUT(!term.isRunning(), 60000);
        QCOMPARE(term.droppedTableLines(), 3000000);
        QVERIFY(!term.lines().isEmpty());
        QCOMPARE(term.lines().last().text, QStringLiteral("done"));
        qInfo("worst timer lateness while reading: %lld ms", worstLateMs);
        // Reading it all takes about two seconds: unsliced, the timer waited 1.2 s.
        QVERIFY2(worstLateMs < 250, qPrintable(QString::number(worstLateMs)));
    }

    void lineKey()
    {
        QCOMPARE(LabComparison::lineKey(QStringLiteral("1 row in set (0.005 sec)")),
                 QStringLiteral("1 row in set (#.### sec)"));
        QCOMPARE(LabComparison::lineKey(QStringLiteral("Query OK, 0 rows affected (0.00 sec)")),
                 QStringLiteral("Query OK, 0 rows affected (#.## sec)"));
        QCOMPARE(LabComparison::lineKey(QStringLiteral("2 rows in set (1 min 2.51 sec)")),
                 QStringLiteral("2 rows in set (# min #.## sec)"));
        QCOMPARE(LabComparison::lineKey(QStringLiteral("ERROR 1317 (70100): x")),
                 QStringLiteral("ERROR 1317 (70100): x"));
    }

    void normalizeLines()
    {
        LabSessionRun s;
        s.name = QStringLiteral("C");
        s.terminal = true;
        LabStatementRun st;
        st.statement = 0;
        st.sent = QStringLiteral("KILL QUERY 1012");
        st.display = QStringLiteral("KILL QUERY 12");
        s.statements << st;
        s.lines = {
            {-5, QStringLiteral("Welcome to the MariaDB monitor.  Commands end with ; or \\g.")},
            {-5, QStringLiteral("Your MariaDB connection id is 1013")},
            {-5, QStringLiteral("Server version: 10.11.19-MariaDB-0+deb12u1 Debian 12")},
            {-5, QString()},
            {-5, QStringLiteral(
                     "Copyright (c) 2000, 2018, Oracle, MariaDB Corporation Ab and others.")},
            {-5, QStringLiteral("Type 'help;' or '\\h' for help. Type '\\c' to clear the current "
                                "input statement.")},
            {10, QStringLiteral("MariaDB [killscope_lab]> KILL QUERY 1012;")},
            {11, QStringLiteral("--------------")},
            {11, QStringLiteral("KILL QUERY 1012")},
            {11, QStringLiteral("--------------")},
            {12, QStringLiteral("ERROR 1095 (HY000): You are not owner of thread 1012")},
            {13, QStringLiteral("Ctrl-C -- sending \"KILL QUERY 1013\" to server ...")},
            {14, QStringLiteral("Current database: killscope_lab")},
            {15, QStringLiteral("MariaDB [killscope_lab]>")}};
        const QHash<qint64, qint64> ids{{1012, 12}, {1013, 13}};
        const QList<LabTimedLine> out = LabComparison::normalizeLines(
            s, ids, QStringLiteral("killscope_lab"), QStringLiteral("k"));
        QStringList texts;
        for (const LabTimedLine &l : out)
            texts << l.text;
        QCOMPARE(texts,
                 QStringList({QStringLiteral("Your MariaDB connection id is 13"),
                              QStringLiteral("MariaDB [k]> KILL QUERY 12"),
                              QStringLiteral("--------------"), QStringLiteral("KILL QUERY 12"),
                              QStringLiteral("--------------"),
                              QStringLiteral("ERROR 1095 (HY000): You are not owner of thread 12"),
                              QStringLiteral("Ctrl-C -- sending \"KILL QUERY 13\" to server ..."),
                              QStringLiteral("Current database: k")}));
    }

    // A server that behaves exactly like the simulation shows no difference, in every scenario.
    // Lab mode runs every built-in MariaDB scenario except the one whose endings need a server
    // restart: it says why, and no other built-in is left out.
    void refusesRestartAndEndingsSideBySide()
    {
        QStringList refused;
        for (const QString &id : ScenarioFile::builtinIds()) {
            const sim::Scenario s = builtin(id);
            QString error;
            if (s.supports(sim::Flavor::MariaDb1011) &&
                !LabPlan::make(s, sim::Flavor::MariaDb1011, -1, QStringLiteral("killscope_lab"),
                               &error)) {
                refused << id;
                QVERIFY2(error.contains(QLatin1String("alternative endings")), qPrintable(error));
            }
        }
        QCOMPARE(refused, QStringList{QStringLiteral("restart-or-wait")});
        // A restart action alone is refused too.
        sim::Scenario s = builtin(QStringLiteral("lock-wait-kill"));
        sim::Action restart;
        restart.kind = sim::ActionKind::Restart;
        restart.at = 1'000'000;
        s.actions.push_back(restart);
        QString error;
        QVERIFY(!LabPlan::make(s, sim::Flavor::MariaDb1011, -1, QStringLiteral("killscope_lab"),
                               &error));
        QVERIFY2(error.contains(QLatin1String("restarts the server")), qPrintable(error));
    }

    // The plan holds only the steps that exist on its flavor: calibration counts what runs.
    void planDropsOtherFlavorsSteps()
    {
        const sim::Scenario s = builtin(QStringLiteral("ddl-kill"));
        const LabPlan p = planFor(s);
        const auto &b = p.scenario().sessions[size_t(p.scenario().sessionIndex("B"))];
        int dd = 0;
        bool keys = false;
        for (const sim::Step &step : b.statements[0].steps) {
            dd += step.op == sim::StepOp::Dd ? 1 : 0;
            const std::string *stage = step.stage.forFlavor(sim::Flavor::MariaDb1011);
            keys = keys || (stage && *stage == "Enabling keys");
            QVERIFY(step.flavors.empty() || step.flavors.front() == sim::Flavor::MariaDb1011);
        }
        QCOMPARE(dd, 1);
        QVERIFY(keys);
    }

    void faithfulRecordingHasNoDifferences_data()
    {
        QTest::addColumn<QString>("id");
        for (const QString &id : builtinMariaDbScenarios())
            QTest::newRow(qPrintable(id)) << id;
    }
    void faithfulRecordingHasNoDifferences()
    {
        QFETCH(QString, id);
        const LabPlan plan = planFor(builtin(id));
        const sim::RunResult r = simulate(plan.scenario());
        const LabRecording rec = faithful(plan, r);
        const LabComparison c = LabComparison::compare(plan, r, rec);
        QString list;
        for (const LabDiff &d : c.diffs)
            if (d.counts())
                list +=
                    QStringLiteral("\n  [%1] %2 %3: %4 / %5 %6")
                        .arg(LabDiff::classId(d.cls), d.session, d.aspect, d.sim, d.real, d.detail);
        QVERIFY2(c.undeclaredCount() == 0, qPrintable(list));
        QCOMPARE(c.sessions.size(), int(plan.scenario().sessions.size()));
        QVERIFY(c.count(LabDiff::Class::TimingOk) > 0);
        // Connection after connection, each state ends after it starts (an old thread still
        // rolling back while the new connection runs keeps its own end).
        for (const LabSessionComparison &sc : c.sessions)
            for (const QList<LabStateRun> *states : {&sc.simStates, &sc.realStates})
                for (qsizetype i = 0; i < states->size(); ++i) {
                    const LabStateRun &st = states->at(i);
                    QVERIFY2(st.endUs >= st.startUs,
                             qPrintable(QStringLiteral("%1 %2: %3 from %4 to %5")
                                            .arg(sc.name)
                                            .arg(states == &sc.simStates ? QStringLiteral("sim")
                                                                         : QStringLiteral("real"))
                                            .arg(st.key())
                                            .arg(st.startUs)
                                            .arg(st.endUs)));
                    if (i > 0)
                        QVERIFY(states->at(i - 1).connection <= st.connection);
                }
    }

    void eachChangeIsOneDifference()
    {
        const LabPlan plan = planFor(builtin(QStringLiteral("lock-wait-kill")));
        const sim::RunResult r = simulate(plan.scenario());
        const LabRecording good = faithful(plan, r);
        QCOMPARE(LabComparison::compare(plan, r, good).undeclaredCount(), 0);

        // A line the server printed differently: text.
        {
            LabRecording rec = good;
            for (LabLine &l : rec.sessions[1].lines)
                if (l.text.startsWith(QLatin1String("ERROR 1317")))
                    l.text = QStringLiteral("ERROR 1205 (HY000): Lock wait timeout exceeded; try "
                                            "restarting transaction");
            const LabComparison c = LabComparison::compare(plan, r, rec);
            QCOMPARE(c.undeclaredCount(), 1 + 1); // the line, and the kill's missing effect
            QCOMPARE(c.count(LabDiff::Class::Text, false), 1);
            QCOMPARE(c.count(LabDiff::Class::Outcome, false), 1);
            for (const LabDiff &d : c.diffs)
                if (d.cls == LabDiff::Class::Text) {
                    QCOMPARE(d.session, QStringLiteral("B"));
                    QCOMPARE(d.tUs, qint64(3'000'000) + (d.tUs - 3'000'000)); // at the kill
                    QVERIFY(d.sim.startsWith(QLatin1String("ERROR 1317")));
                    QVERIFY(d.real.startsWith(QLatin1String("ERROR 1205")));
                }
        }
        // A state the server never showed: B never waits in Updating.
        {
            LabRecording rec = good;
            const qint64 bId = rec.sessions[1].connections.constFirst().id;
            for (LabSample &s : rec.samples)
                for (ProcesslistRow &row : s.rows)
                    if (row.id == bId && row.command == QLatin1String("Query"))
                        row.state = QStringLiteral("Searching rows for update");
            const LabComparison c = LabComparison::compare(plan, r, rec);
            QCOMPARE(c.count(LabDiff::Class::State, false), 1);
        }
        // The end state: A's commit did not change the table.
        {
            LabRecording rec = good;
            rec.tablesAfter = rec.tablesBefore;
            const LabComparison c = LabComparison::compare(plan, r, rec);
            QCOMPARE(c.undeclaredCount(), 1);
            QCOMPARE(c.diffs.constLast().aspect, QStringLiteral("end-state"));
        }
        // A timing far off: B's error 2 s late.
        {
            LabRecording rec = good;
            for (LabLine &l : rec.sessions[1].lines)
                if (l.text.startsWith(QLatin1String("ERROR 1317")))
                    l.tUs += 2'000'000;
            const LabComparison c = LabComparison::compare(plan, r, rec);
            QVERIFY(c.count(LabDiff::Class::Timing, false) >= 1);
        }
        // Declared differences are listed, but do not count.
        {
            sim::Scenario s = builtin(QStringLiteral("lock-wait-kill"));
            s.lab.differences.push_back({"", "outcome", "end-state", "", {"because", "因为"}});
            const LabPlan p2 = planFor(s);
            LabRecording rec = good;
            rec.tablesAfter = rec.tablesBefore;
            const LabComparison c = LabComparison::compare(p2, r, rec);
            QCOMPARE(c.undeclaredCount(), 0);
            QCOMPARE(c.count(LabDiff::Class::Outcome), 1);
            QCOMPARE(c.diffs.constLast().reasonEn, QStringLiteral("because"));
        }
        // A declaration with `match` covers only the difference that contains its text.
        {
            LabRecording rec = good;
            const qint64 bId = rec.sessions[1].connections.constFirst().id;
            for (LabSample &smp : rec.samples)
                for (ProcesslistRow &row : smp.rows)
                    if (row.id == bId && row.command == QLatin1String("Query"))
                        row.state = QStringLiteral("Searching rows for update");
            for (const char *text : {"Searching rows", "removing tmp table"}) {
                sim::Scenario s = builtin(QStringLiteral("lock-wait-kill"));
                s.lab.differences.push_back({"B", "state", "states", text, {"because", "因为"}});
                const LabComparison c = LabComparison::compare(planFor(s), r, rec);
                QCOMPARE(c.count(LabDiff::Class::State, false),
                         std::string_view(text) == "Searching rows" ? 0 : 1);
            }
        }
    }

    void calibration()
    {
        const LabPlan plan = planFor(builtin(QStringLiteral("big-update-kill-connection")));
        LabCalibration cal;
        LabCalibrationRun run;
        run.session = QStringLiteral("A");
        run.statement = 0;
        run.modifies = true;
        // 500k rows at 2.75 us + 0.3 ms of CPU = 1375.3 ms simulated; measured twice as long.
        run.forwardUs = {2'750'600, 2'700'600, 2'800'600};
        run.rollbackUs = {1'500'000, 1'500'000, 1'500'000};
        cal.runs << run;
        cal.connectUs = {400, 500, 600};
        cal.handshakeUs = {150, 200, 900};
        const sim::Scenario c = LabCosts::calibrated(plan, cal);
        QCOMPARE(c.sessions[0].statements[0].steps[2].perRowNs, sim::DurationNs(5500));
        QCOMPARE(c.sessions[0].statements[0].steps[0].durationUs, sim::TimeUs(600));
        QCOMPARE(c.sessions[0].statements[0].steps[2].rollbackPerRowNs, sim::DurationNs(3000));
        // Only the handshake is the server's Connect | login; the rest is the client's own.
        QCOMPARE(c.server.connectTimeUs, sim::TimeUs(200));
        QCOMPARE(c.server.clientConnectTimeUs, sim::TimeUs(300));
        QCOMPARE(LabCosts::speedFactor(plan, cal), 2.0);
        QCOMPARE(LabCosts::median({3, 1, 2}), qint64(2));
        QVERIFY(qAbs(LabCosts::relativeSpread({2'700'600, 2'750'600, 2'800'600}) -
                     50000.0 / 2750600.0) < 1e-9);

        LabRecording rec;
        rec.maxSampleGapUs = 52000;
        rec.maxTrxGapUs = 160000;
        cal.killRoundTrips = {100, 100, 100};
        const LabTolerance t = LabCosts::tolerance(plan, cal, rec);
        // Pooled over the repetitions of every long statement, forward and rollback (here the
        // rollbacks did not vary): 2 + 2 degrees of freedom.
        const double forwardSpread = LabCosts::relativeSpread(run.forwardUs);
        QVERIFY(qAbs(t.relative - 3 * std::sqrt(forwardSpread * forwardSpread * 2 / 4)) < 1e-9);
        QCOMPARE(t.sampleUs, qint64(52000));
        QCOMPARE(t.absoluteUs, qint64(100 + 300)); // round trip + 3 sigma of the connect times
        QCOMPARE(t.allowedUs(1'000'000, true), qint64(t.relative * 1e6) + 400 + 52000);
        QCOMPARE(t.schedulingUs, qint64(0));
        // The run's own scheduling lateness: the latest wake-up of any thread adds to the client
        // side, and only there.
        rec.scheduling << LabSchedulingProbe{QStringLiteral("main"), 900, 80, 1200, 7300}
                       << LabSchedulingProbe{QStringLiteral("session B"), 900, 60, 900, 11400};
        const LabTolerance ts = LabCosts::tolerance(plan, cal, rec);
        QCOMPARE(ts.schedulingUs, qint64(11400));
        QCOMPARE(ts.absoluteUs, qint64(100 + 300 + 11400));
        QCOMPARE(ts.relative, t.relative);
        QCOMPARE(ts.sampleUs, t.sampleUs);

        // --lab-calibrate: the original file with the measured costs, still a valid scenario.
        QString error;
        const auto parsed =
            calibratedFile(QStringLiteral("big-update-kill-connection"), plan, cal, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->sessions[0].statements[0].steps[2].perRowNs, sim::DurationNs(5500));
        QCOMPARE(parsed->sessions[0].statements[0].steps[2].rollbackPerRowNs,
                 sim::DurationNs(3000));
        // The declared size is kept: costs per row do not depend on the lab scale.
        QCOMPARE(parsed->sessions[0].statements[0].steps[2].count, 2000000);
        QCOMPARE(parsed->server.connectTimeUs, sim::TimeUs(200));
        QCOMPARE(parsed->server.clientConnectTimeUs, sim::TimeUs(300));
    }

    // A copying ALTER's own temporary table is dropped in what dropping the altered copy took
    // here (ddl-kill's 40 ms was 8 ms on 10.11 at the lab scale), in the run and in the file.
    void ddlDropCalibration()
    {
        const LabPlan plan = planFor(builtin(QStringLiteral("ddl-kill")));
        const sim::Step &before = plan.scenario().sessions[0].statements[0].steps[2];
        QCOMPARE(before.op, sim::StepOp::TempFile);
        QCOMPARE(before.deleteUs, sim::TimeUs(40000));
        LabCalibration cal;
        LabCalibrationRun run;
        run.session = QStringLiteral("A");
        run.statement = 0;
        run.forwardUs = {1'500'000, 1'500'000, 1'500'000};
        run.dropUs = {9000, 6000, 7000};
        cal.runs << run;
        const sim::Scenario c = LabCosts::calibrated(plan, cal);
        QCOMPARE(c.sessions[0].statements[0].steps[2].deleteUs, sim::TimeUs(7000));
        // B's ALTER was not measured: its temporary table keeps the scenario's time.
        QCOMPARE(c.sessions[1].statements[0].steps[2].deleteUs, sim::TimeUs(40000));

        QString error;
        const auto parsed = calibratedFile(QStringLiteral("ddl-kill"), plan, cal, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->sessions[0].statements[0].steps[2].deleteUs, sim::TimeUs(7000));
    }

    void ioCalibration()
    {
        // The device and file measurements go into io_bandwidth and the temporary files' removal.
        {
            const LabPlan plan = planFor(builtin(QStringLiteral("big-query-tempfile")));
            // The lab table's sort files have their declared size (/lab/tempfiles: 18 MB at the
            // declared 1.5 million rows, so 4.5 MB at the lab scale 0.25, not the story's 1 GB),
            // and take the story's removal time per byte.
            for (int i : {3, 5, 7}) {
                const sim::Step &step = plan.scenario().sessions[0].statements[0].steps[size_t(i)];
                QCOMPARE(step.op, sim::StepOp::TempFile);
                QCOMPARE(step.bytes, int64_t(4'500'000));
                QCOMPARE(step.deleteUs, sim::TimeUs(1'200'000 * 18 / 1000));
            }
            QCOMPARE(plan.resized().size(), 3);
            LabCalibration cal;
            cal.io.syncBytes = {40'000'000, 80'000'000, 80'000'000};
            cal.io.syncUs = {50'000, 100'000, 200'000}; // 800, 800 and 400 MB/s
            cal.io.fileBytes = 10'000'000;
            cal.io.removeUs = {5'000, 6'000, 7'000}; // 0.6 us per kB
            const sim::Scenario c = LabCosts::calibrated(plan, cal);
            QCOMPARE(c.server.ioBandwidth, int64_t(800'000'000));
            const sim::Step &tmp = c.sessions[0].statements[0].steps[3];
            QCOMPARE(tmp.op, sim::StepOp::TempFile);
            QCOMPARE(tmp.deleteUs, sim::TimeUs(std::llround(double(tmp.bytes) * 6000.0 / 1e7)));

            QString error;
            const auto parsed =
                calibratedFile(QStringLiteral("big-query-tempfile"), plan, cal, &error);
            QVERIFY2(parsed, qPrintable(error));
            QCOMPARE(parsed->server.ioBandwidth, int64_t(800'000'000));
            // The file's declared 1 GB at 0.6 ms per MB.
            QCOMPARE(parsed->sessions[0].statements[0].steps[3].deleteUs, sim::TimeUs(600'000));
        }
        // Pages read from disk: what the statement really read, forward and in its rollback.
        {
            const LabPlan plan = planFor(builtin(QStringLiteral("io-pressure-rollback")));
            const sim::Step &before = plan.scenario().sessions[0].statements[0].steps[2];
            QVERIFY(before.rollbackIoBytesPerRow > 0);
            LabCalibration cal;
            LabCalibrationRun run;
            run.session = QStringLiteral("A");
            run.statement = 0;
            run.modifies = true;
            run.forwardUs = {800'000, 800'000};
            run.rollbackUs = {800'000, 800'000};
            run.forwardReadBytes = {0, 0};
            run.rollbackReadBytes = {16384LL * before.count,
                                     16384LL * before.count}; // a page a row
            cal.runs << run;
            const sim::Scenario c = LabCosts::calibrated(plan, cal);
            const sim::Step &after = c.sessions[0].statements[0].steps[2];
            QCOMPARE(after.ioBytesPerRow, int64_t(0));
            QCOMPARE(after.rollbackIoBytesPerRow, int64_t(16384));
            run.rollbackReadBytes = {0, 0};
            cal.runs = {run};
            QCOMPARE(LabCosts::calibrated(plan, cal)
                         .sessions[0]
                         .statements[0]
                         .steps[2]
                         .rollbackIoBytesPerRow,
                     int64_t(0));
        }
    }

    void report()
    {
        const LabPlan plan = planFor(builtin(QStringLiteral("lock-wait-kill")));
        const sim::RunResult r = simulate(plan.scenario());
        LabRecording rec = faithful(plan, r);
        for (LabLine &l : rec.sessions[1].lines)
            if (l.text.startsWith(QLatin1String("ERROR 1317")))
                l.text = QStringLiteral(
                    "ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction");
        rec.scheduling << LabSchedulingProbe{QStringLiteral("lab mode's own thread"), 2000, 90,
                                             1500, 6200};
        const LabComparison c = LabComparison::compare(plan, r, rec);
        QCOMPARE(c.tolerance.schedulingUs, qint64(6200));
        const QByteArray json = LabReport::json(c, rec);
        QCOMPARE(LabReport::json(c, rec), json);
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        QCOMPARE(o.value(QStringLiteral("format")).toString(),
                 QStringLiteral("killscope-lab-report"));
        QCOMPARE(
            o.value(QStringLiteral("result")).toObject().value(QStringLiteral("passed")).toBool(),
            false);
        const QJsonObject b = o.value(QStringLiteral("sessions")).toArray().at(1).toObject();
        QCOMPARE(b.value(QStringLiteral("name")).toString(), QStringLiteral("B"));
        for (const char *key : {"sim", "real"}) {
            QVERIFY(!b.value(QStringLiteral("lines"))
                         .toObject()
                         .value(QLatin1String(key))
                         .toArray()
                         .isEmpty());
            QVERIFY(!b.value(QStringLiteral("states"))
                         .toObject()
                         .value(QLatin1String(key))
                         .toArray()
                         .isEmpty());
        }
        QVERIFY(!o.value(QStringLiteral("differences")).toArray().isEmpty());
        QCOMPARE(o.value(QStringLiteral("tolerance"))
                     .toObject()
                     .value(QStringLiteral("scheduling_lateness_us"))
                     .toInteger(),
                 6200);
        const QJsonObject probe = o.value(QStringLiteral("scheduling")).toArray().at(0).toObject();
        QCOMPARE(probe.value(QStringLiteral("wakeups")).toInteger(), 2000);
        QCOMPARE(probe.value(QStringLiteral("p99_us")).toInteger(), 1500);
        QCOMPARE(probe.value(QStringLiteral("max_us")).toInteger(), 6200);
        const QString md = LabReport::markdown(c, rec);
        QVERIFY2(md.contains(QLatin1String("Scheduling lateness during the run: 6.2 ms")),
                 qPrintable(md));
        for (const char *part :
             {"# Lab report: lock-wait-kill", "## Differences", "## Session B", "### Client lines",
              "### (Command, State)", "## Order of leaving", "## End state", "ERROR 1205"})
            QVERIFY2(md.contains(QLatin1String(part)), part);
        QTemporaryDir dir;
        QString error;
        QVERIFY(!LabReport::write(dir.filePath(QStringLiteral("r.txt")), c, rec, &error));
        QVERIFY(error.contains(QLatin1String(".json or .md")));
        QVERIFY(LabReport::write(dir.filePath(QStringLiteral("r.md")), c, rec, &error));
    }

    // The heartbeat sees a stall of its thread as the lateness of the wake-up that was due in it;
    // a stall that was the thread's own blocking call (rearm() after it) is not logged.
    void heartbeat()
    {
        // A real event loop (QTest::qWait sleeps between its rounds, which would be lateness).
        auto spin = [](int ms) {
            QEventLoop loop;
            QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
            loop.exec();
        };
        LiveClock clock;
        auto log = std::make_shared<LabHeartbeat::Log>();
        LabHeartbeat beat(clock, log);
        beat.start();
        spin(20);
        const qint64 stallFrom = clock.nowUs();
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        spin(10);
        const LabSchedulingProbe p = LabHeartbeat::summarize(*log, 0, clock.nowUs());
        QVERIFY2(p.wakeups >= 3, qPrintable(QString::number(p.wakeups)));
        QVERIFY2(p.maxUs >= 27000, qPrintable(QString::number(p.maxUs)));
        QVERIFY(p.p99Us <= p.maxUs && p.medianUs <= p.p99Us);
        QCOMPARE(LabHeartbeat::summarize(*log, 0, stallFrom - 1).maxUs < p.maxUs, true);

        const qint64 blockFrom = clock.nowUs();
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        const qint64 rearmedAt = clock.nowUs();
        beat.rearm();
        spin(10);
        beat.stop();
        QMutexLocker lock(&log->mutex);
        for (qsizetype i = 0; i < log->atUs.size(); ++i)
            if (log->atUs[i] > blockFrom)
                QVERIFY2(log->atUs[i] >= rearmedAt + LabHeartbeat::IntervalMs * 1000 - 500,
                         qPrintable(QString::number(log->atUs[i] - rearmedAt)));
        QVERIFY(!log->atUs.isEmpty() && log->atUs.constLast() > rearmedAt);
    }

    void differencesModel()
    {
        const LabPlan plan = planFor(builtin(QStringLiteral("lock-wait-kill")));
        const sim::RunResult r = simulate(plan.scenario());
        LabRecording rec = faithful(plan, r);
        rec.tablesAfter = rec.tablesBefore;
        const LabComparison c = LabComparison::compare(plan, r, rec);
        LabDiffModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setComparison(c);
        // Only the end-state difference counts: one group, the whole scenario.
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowCount(model.index(0, 0)), 1);
        QVERIFY(model.data(model.index(0, 0)).toString().contains(QLatin1String("1")));
        model.setShowTimingOk(true);
        QVERIFY(model.rowCount() > 1);
        const QModelIndex first = model.index(0, 0, model.index(1, 0));
        QVERIFY(model.diffAt(first));
        QCOMPARE(first.data(LabDiffModel::ClassRole).toInt(), int(LabDiff::Class::TimingOk));
        model.setLanguage(QStringLiteral("zh_CN"));
        model.setComparison(LabComparison());
        QCOMPARE(model.rowCount(), 0);
    }

    // A client that reconnects while its old thread still rolls back (idle-transaction-kill with
    // A's next statement at 9 s, inside the rollback): both connections' states keep their own
    // times, on both sides, and the old thread's leave is timed from the KILL, not from the
    // statement on the new connection.
    void overlappingConnections()
    {
        sim::Scenario s = builtin(QStringLiteral("idle-transaction-kill"));
        s.sessions[0].statements[2].at = sim::TimeUs(9'000'000);
        const LabPlan plan = planFor(s);
        const sim::RunResult r = simulate(plan.scenario());
        const LabRecording rec = faithful(plan, r);
        const LabComparison c = LabComparison::compare(plan, r, rec);
        const LabSessionComparison &a = c.sessions[0];
        for (const QList<LabStateRun> *states : {&a.simStates, &a.realStates}) {
            qint64 oldGone = -1, newFirst = -1;
            for (const LabStateRun &st : *states) {
                QVERIFY2(st.endUs >= st.startUs, qPrintable(st.key()));
                if (st.connection == 0 && st.command == QLatin1String("(gone)"))
                    oldGone = st.startUs;
                if (st.connection == 1 && newFirst < 0)
                    newFirst = st.startUs;
            }
            // The new connection is there before the old thread has gone.
            QVERIFY(oldGone > 0 && newFirst > 0);
            QVERIFY2(newFirst < oldGone,
                     qPrintable(QStringLiteral("%1 %2").arg(newFirst).arg(oldGone)));
        }
        bool timedFromKill = false;
        for (const LabDiff &d : c.diffs)
            if (d.session == QLatin1String("A") && d.aspect == QLatin1String("states") &&
                d.sim.startsWith(QLatin1String("(gone)")))
                timedFromKill = d.detail.contains(QLatin1String("KILL 11"));
        QVERIFY(timedFromKill);
        QCOMPARE(c.undeclaredCount(), 0);
    }

    // Who leaves is an outcome; the order only where both sides decide it. ctrl-c: the three
    // threads leave one after the other.
    void leaveOrder()
    {
        const LabPlan plan = planFor(builtin(QStringLiteral("ctrl-c")));
        const sim::RunResult r = simulate(plan.scenario());
        const LabRecording faithfulRec = faithful(plan, r);
        auto leaveDiffs = [&](const LabRecording &rec) {
            int n = 0;
            for (const LabDiff &d : LabComparison::compare(plan, r, rec).diffs)
                n += d.aspect == QLatin1String("leave-order") && d.counts() ? 1 : 0;
            return n;
        };
        QCOMPARE(leaveDiffs(faithfulRec), 0);
        const LabComparison c = LabComparison::compare(plan, r, faithfulRec);
        QCOMPARE(c.simLeaveOrder.size(), 3);
        QCOMPARE(c.realLeaveOrder.size(), 3);
        // The real thread that leaves first stays until the sample where the second one goes:
        // gone in the same sample, their order is unknown.
        const QString first = c.realLeaveOrder[0].first, second = c.realLeaveOrder[1].first;
        const qint64 secondGone = c.realLeaveOrder[1].second;
        auto idOf = [&](const QString &name) {
            for (const LabSessionRun &s : faithfulRec.sessions)
                if (s.name == name)
                    return s.connections.constFirst().id;
            return qint64(-1);
        };
        auto keep = [&](const QString &name, qint64 until) {
            LabRecording rec = faithfulRec;
            const qint64 id = idOf(name);
            ProcesslistRow last;
            for (LabSample &smp : rec.samples) {
                bool present = false;
                for (const ProcesslistRow &row : smp.rows)
                    if (row.id == id) {
                        last = row;
                        present = true;
                    }
                if (!present && smp.tUs < until && last.id == id)
                    smp.rows << last;
            }
            return rec;
        };
        const LabRecording tie = keep(first, secondGone);
        const LabComparison tc = LabComparison::compare(plan, r, tie);
        QCOMPARE(tc.realLeaveOrder[0].second, tc.realLeaveOrder[1].second);
        QCOMPARE(leaveDiffs(tie), 0);
        // Staying clearly longer than the second one is another order: an outcome difference.
        const LabRecording swapped = keep(first, secondGone + 300'000);
        const LabComparison sc = LabComparison::compare(plan, r, swapped);
        QCOMPARE(sc.realLeaveOrder[0].first, second);
        QCOMPARE(leaveDiffs(swapped), 1);
    }

    void pairedLanes()
    {
        const LabPlan plan = planFor(builtin(QStringLiteral("lock-wait-kill")));
        const sim::RunResult r = simulate(plan.scenario());
        LabRecording rec = faithful(plan, r);
        rec.tablesAfter = rec.tablesBefore;
        const LabComparison c = LabComparison::compare(plan, r, rec);
        Timeline t;
        const QList<LabTimeline::Pair> pairs = LabTimeline::build(r, rec, c, t);
        QCOMPARE(pairs.size(), 3);
        int last = -1;
        for (const LabTimeline::Pair &p : pairs) {
            QCOMPARE(p.simLanes.size(), 1);
            QCOMPARE(p.realLanes.size(), 1);
            // Simulation above, server below, sessions in order.
            QVERIFY(p.simLanes.constFirst() > last);
            QVERIFY(p.realLanes.constFirst() > p.simLanes.constFirst());
            last = p.realLanes.constFirst();
            QVERIFY(t.lane(p.simLanes.constFirst()).label.contains(QLatin1String("simulation")));
            QVERIFY(t.lane(p.realLanes.constFirst()).label.contains(QLatin1String("server")));
            QVERIFY(t.segmentCount(p.simLanes.constFirst()) > 0);
            QVERIFY(t.segmentCount(p.realLanes.constFirst()) > 0);
            QVERIFY(t.lane(p.realLanes.constFirst()).partner >= 0);
            QVERIFY(t.segmentCount(t.lane(p.realLanes.constFirst()).partner) > 0);
        }
        // A's statements are too short for any sample: its real lane is captioned with the last one
        // lab mode sent there, as the simulated lane is with its last.
        QCOMPARE(t.lane(pairs[0].realLanes.constFirst()).statement, QStringLiteral("COMMIT"));
        QCOMPARE(t.lane(pairs[0].simLanes.constFirst()).statement, QStringLiteral("COMMIT"));
        // Kill arrows on both sides, and a pin for the difference that counts.
        int kills = 0;
        for (const TimelineSignal &s : t.signalList())
            kills += s.kind == SignalKind::KillQuery ? 1 : 0;
        QCOMPARE(kills, 2);
        bool pin = false;
        for (const TimelineMarker &m : t.markerList())
            pin = pin || t.string(m.label).startsWith(QLatin1String("outcome:"));
        QVERIFY(pin);
    }
};

QTEST_GUILESS_MAIN(TestLab)
#include "tst_lab.moc"
