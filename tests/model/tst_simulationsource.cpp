#include "killsmodel.h"
#include "processlistmodel.h"
#include "resources.h"
#include "simulationsource.h"
#include "testscenarios.h"
#include "timeline.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ks;

namespace {

ProcesslistRow rowOf(const QList<ProcesslistRow> &rows, qint64 id)
{
    for (const ProcesslistRow &r : rows)
        if (r.id == id)
            return r;
    return {};
}

} // namespace

class TestSimulationSource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initResources(); }

    void loadsAndRuns()
    {
        SimulationSource s;
        QSignalSpy changed(&s, &SessionSource::changed);
        QVERIFY(s.loadJson(testscenarios::LockWait, QStringLiteral("test-lock-wait.json")));
        s.waitForRun();
        QVERIFY(s.hasRun());
        QVERIFY(changed.count() >= 1);
        QCOMPARE(s.scenarioId(), QStringLiteral("test-lock-wait"));
        QCOMPARE(s.flavorId(), QStringLiteral("mysql-8.0"));
        QCOMPARE(s.scenarioTitle(QStringLiteral("zh_CN")), QStringLiteral("行锁等待"));
        QVERIFY(s.endTime() >= 10'000'000);
        QVERIFY(s.timeline().laneCount() >= 4); // two sessions, each with its client row
        QVERIFY(s.timeline().findLane(12) >= 0);
        QVERIFY(!s.eventTimes().isEmpty());
        QCOMPARE(s.narration().size(), 1);
        QCOMPARE(s.narration().first().zhCN, QStringLiteral("B 在等待 A 持有的行锁。"));

        const QList<ProcesslistRow> at2 = s.processlistAt(2'000'000);
        const ProcesslistRow b = rowOf(at2, 12);
        QCOMPARE(b.id, 12);
        QCOMPARE(b.command, QStringLiteral("Query"));
        QCOMPARE(b.info, QStringLiteral("UPDATE t SET v=200 WHERE id=1"));
        QCOMPARE(b.blockedBy, 11);
        QVERIFY(s.kills().isEmpty());
    }

    void killInjectedAtThePlayheadEndsTheWait()
    {
        SimulationSource s;
        QVERIFY(s.loadJson(testscenarios::LockWait, QStringLiteral("test-lock-wait.json")));
        s.waitForRun();
        QSignalSpy changed(&s, &SessionSource::changed);
        const int signalsBefore = int(s.timeline().signalList().size());

        KillRequest r;
        r.target.id = 12;
        r.kind = KillKind::Query;
        r.atUs = 3'000'000;
        s.kill(r);
        s.waitForRun();
        QVERIFY(changed.count() >= 1);
        QCOMPARE(s.injectionCount(), 1);

        // Before the kill the run is unchanged; after it B's statement has ended.
        QCOMPARE(rowOf(s.processlistAt(2'900'000), 12).command, QStringLiteral("Query"));
        const ProcesslistRow after = rowOf(s.processlistAt(3'100'000), 12);
        QCOMPARE(after.command, QStringLiteral("Sleep"));
        QCOMPARE(after.blockedBy, 0);
        QVERIFY(int(s.timeline().signalList().size()) > signalsBefore);

        const QList<KillRecord> kills = s.kills();
        QCOMPARE(kills.size(), 1);
        QCOMPARE(kills.first().statement, QStringLiteral("KILL QUERY 12"));
        QCOMPARE(kills.first().requestedUs, 3'000'000);
        QCOMPARE(kills.first().serverError, 0);
        QVERIFY(kills.first().flagSeenUs >= 3'000'000);
        QCOMPARE(kills.first().phase, KillPhase::Done);
        // Phases follow the playhead.
        QVERIFY(s.killsAt(2'000'000).isEmpty());

        KillsModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setKills(kills);
        QCOMPARE(m.rowCount(), 1);

        s.resetInjections();
        s.waitForRun();
        QCOMPARE(rowOf(s.processlistAt(3'100'000), 12).command, QStringLiteral("Query"));
    }

    void refusedKillOfAnUnknownId()
    {
        SimulationSource s;
        QVERIFY(s.loadJson(testscenarios::LockWait, QStringLiteral("test-lock-wait.json")));
        s.waitForRun();
        KillRequest r;
        r.target.id = 999;
        r.atUs = 2'000'000;
        s.kill(r);
        s.waitForRun();
        const QList<KillRecord> kills = s.kills();
        QCOMPARE(kills.size(), 1);
        QCOMPARE(kills.first().phase, KillPhase::Refused);
        QCOMPARE(kills.first().serverError, 1094);
    }

    void flavorChangeKeepsInjectedKills()
    {
        SimulationSource s;
        QVERIFY(s.loadJson(testscenarios::LockWait, QStringLiteral("test-lock-wait.json")));
        s.waitForRun();
        KillRequest r;
        r.target.id = 12;
        r.kind = KillKind::Connection;
        r.atUs = 3'000'000;
        s.kill(r);
        s.setFlavor(QStringLiteral("mariadb-10.11"));
        s.waitForRun();
        QCOMPARE(s.flavorId(), QStringLiteral("mariadb-10.11"));
        QVERIFY(s.supportsKillStrength());
        QCOMPARE(s.kills().size(), 1);
        QCOMPARE(s.kills().first().phase, KillPhase::Gone);
        QCOMPARE(rowOf(s.processlistAt(5'000'000), 12).id, 0); // gone

        ProcesslistModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setFlavor(s.flavorId());
        m.setRows(s.processlistAt(2'000'000));
        QVERIFY(m.column(ProcesslistModel::Field::Progress) >= 0);
        QVERIFY(m.rowOfId(12) >= 0);
    }

    void knobsApplyAtTheirTime()
    {
        SimulationSource s;
        QVERIFY(s.loadJson(testscenarios::LockWait, QStringLiteral("test-lock-wait.json")));
        s.waitForRun();
        QCOMPARE(s.concurrencyAt(5'000'000), 0);
        s.applyKnobs(4'000'000, 4, 2.5);
        s.waitForRun();
        QCOMPARE(s.concurrencyAt(3'000'000), 0);
        QCOMPARE(s.concurrencyAt(5'000'000), 4);
        QCOMPARE(s.ioPressureAt(5'000'000), 2.5);
        // One injection per knob changed (the knob table's rows); unchanged values add nothing.
        QCOMPARE(s.injectionCount(), 2);
        s.applyKnobs(6'000'000, 4, 2.5);
        QCOMPARE(s.injectionCount(), 2);
        s.applyKnobs(7'000'000, 4, 1.0);
        QCOMPARE(s.injectionCount(), 3);
        QCOMPARE(s.injections().last().knob, QStringLiteral("io_pressure"));
    }

    void malformedScenarioIsReportedWithItsLocation()
    {
        SimulationSource s;
        QSignalSpy problems(&s, &SessionSource::problem);
        QVERIFY(!s.loadJson(R"({"version": 1, "id": "x", "sessions": [ { "name": 5 } ]})",
                            QStringLiteral("broken.json")));
        QCOMPARE(problems.count(), 1);
        const QString message = problems.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("broken.json")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("/sessions/0/name")), qPrintable(message));
        QVERIFY(!s.hasScenario());

        QVERIFY(!s.loadJson("{ not json", QStringLiteral("garbage.json")));
        QCOMPARE(problems.count(), 2);
        QVERIFY(!s.loadFile(QStringLiteral("/nonexistent/scenario.json")));
        QCOMPARE(problems.count(), 3);
        QVERIFY(!s.loadBuiltin(QStringLiteral("no-such-scenario")));
        QCOMPARE(problems.count(), 4);
    }

    void chromeTraceIsValidJson()
    {
        SimulationSource s;
        QVERIFY(s.loadJson(testscenarios::LockWait, QStringLiteral("test-lock-wait.json")));
        s.waitForRun();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.json"));
        QString error;
        QVERIFY2(s.writeChromeTrace(path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QVERIFY(doc.object().value(QStringLiteral("traceEvents")).toArray().size() > 4);
    }

    void slowRunsGoToTheWorker()
    {
        SimulationSource s;
        s.setInlineRunLimit(0);
        QSignalSpy finished(&s, &SimulationSource::runFinished);
        QVERIFY(s.loadJson(testscenarios::LockWait, QStringLiteral("test-lock-wait.json")));
        QVERIFY(s.isRunning());
        QVERIFY(!s.hasRun());
        QTRY_VERIFY(s.hasRun());
        QCOMPARE(finished.count(), 1);
        const quint64 revision = s.timeline().revision();
        const quint64 laneRevision = s.timeline().laneRevision();
        // Two quick requests: only the newest result is adopted.
        KillRequest r;
        r.target.id = 12;
        r.atUs = 3'000'000;
        s.kill(r);
        r.target.id = 11;
        s.kill(r);
        s.waitForRun();
        QVERIFY(!s.isRunning());
        QCOMPARE(s.kills().size(), 2);
        QCOMPARE(finished.count(), 2);
        // Built on the worker from scratch, yet views see the counters move on.
        QVERIFY(s.timeline().revision() > revision);
        QVERIFY(s.timeline().laneRevision() > laneRevision);
        QVERIFY(s.timeline().findLane(12) >= 0);
    }

    // io-pressure-rollback: the backup ends at 12 s and the rollback speeds up. The timeline
    // keeps both pieces, so the counter at 14 s is on the fast slope (the run's own numbers).
    void rollbackKeepsItsBend()
    {
        SimulationSource s;
        QVERIFY(s.loadBuiltin(QStringLiteral("io-pressure-rollback"), QStringLiteral("mysql-8.0")));
        s.waitForRun();
        const Timeline &t = s.timeline();
        const int a = t.findLane(11);
        QVERIFY(a >= 0);
        const int at5 = t.segmentAt(a, 5'000'000);
        const int at14 = t.segmentAt(a, 14'000'000);
        QCOMPARE(t.segment(a, at5).state, SegmentState::RollingBack);
        QCOMPARE(t.segment(a, at14).state, SegmentState::RollingBack);
        QVERIFY(at5 != at14);
        QCOMPARE(t.segment(a, at14).start, 12'000'000);
        const Timeline::RollbackRun run = t.rollbackRunAt(a, at14);
        QCOMPARE(run.first, at5);
        const auto points = t.rollbackPoints(a, run);
        QCOMPARE(points.size(), size_t(3));
        // Slower before the bend than after it.
        const double slow =
            double(points[0].second - points[1].second) / double(points[1].first - points[0].first);
        const double fast =
            double(points[1].second - points[2].second) / double(points[2].first - points[1].first);
        QVERIFY2(fast > 2 * slow, qPrintable(QStringLiteral("%1 vs %2").arg(slow).arg(fast)));
        QCOMPARE(run.peakRows, points[0].second);
    }

    void builtinDefaultScenarioLoads()
    {
        if (SimulationSource::builtinScenarios().isEmpty())
            QSKIP("no built-in scenarios compiled in yet");
        SimulationSource s;
        QVERIFY(s.loadBuiltin(SimulationSource::defaultScenarioId()));
        s.waitForRun();
        QVERIFY(s.timeline().laneCount() > 0);
        QVERIFY(!s.narration().isEmpty());
        // MySQL 5.7: after KILL CONNECTION at 6 s the queued thread shows Killed, but before
        // it (KILL QUERY at 3 s) it did not.
        QCOMPARE(s.flavorId(), QStringLiteral("mysql-5.7"));
        const Timeline &t = s.timeline();
        const int c = t.findLane(13);
        QVERIFY(c >= 0);
        const int at7 = t.segmentAt(c, 7'000'000);
        const int at4 = t.segmentAt(c, 4'000'000);
        QVERIFY(at7 >= 0 && at4 >= 0);
        QVERIFY(t.segment(c, at7).flags & SegmentFlag::Killed);
        QVERIFY(!(t.segment(c, at4).flags & SegmentFlag::Killed));
        QVERIFY(t.segment(c, at4).flags & SegmentFlag::KillPending);
        QCOMPARE(t.segment(c, at7).state, SegmentState::QueueSleep);
    }
};

QTEST_GUILESS_MAIN(TestSimulationSource)
#include "tst_simulationsource.moc"
