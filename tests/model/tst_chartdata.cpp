#include "chartdata.h"

#include <QtTest>

using namespace ks;

class TestChartData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsRollbacksAndLatencies()
    {
        Timeline t;
        const int a = t.addSession(11, QStringLiteral("app"));
        const int b = t.addSession(12, QStringLiteral("app"));
        t.setLaneLabel(a, QStringLiteral("11 A"));
        // A: runs 0-4 s, rolls back 4-8 s (1000 → 0 rows), then gone.
        t.appendSegment(a, 0, 4'000'000, SegmentState::Running);
        const int rb = t.appendSegment(a, 4'000'000, 8'000'000, SegmentState::RollingBack);
        SegmentExtra x;
        x.rowsAtStart = 1000;
        x.rowsAtEnd = 0;
        t.setSegmentExtra(a, rb, x);
        t.appendSegment(a, 8'000'000, 10'000'000, SegmentState::Gone);
        // B: waits for A's row lock 1-8 s, then runs; its client row must not count.
        t.appendSegment(b, 1'000'000, 8'000'000, SegmentState::RowLockWait);
        t.appendSegment(b, 8'000'000, 10'000'000, SegmentState::Running);
        t.appendSegment(t.lane(b).partner, 1'000'000, 10'000'000, SegmentState::ClientWaiting);

        KillRecord done;
        done.serial = 1;
        done.request.target.id = 11;
        done.request.kind = KillKind::Connection;
        done.statement = QStringLiteral("KILL CONNECTION 11");
        done.requestedUs = 4'000'000;
        done.endedUs = 8'000'000;
        done.phase = KillPhase::Gone;
        KillRecord going = done;
        going.serial = 2;
        going.statement = QStringLiteral("KILL QUERY 12");
        going.endedUs = -1;
        going.phase = KillPhase::Accepted;
        going.requestedUs = 9'000'000;
        KillRecord refused = done;
        refused.serial = 3;
        refused.phase = KillPhase::Refused;

        const ChartData d =
            computeChartData(t, {done, going, refused}, 11, 0, 10'000'000, 9'500'000);
        QCOMPARE(d.timesUs.size(), 11);
        QCOMPARE(d.timesUs.first(), 0);
        QCOMPARE(d.timesUs.last(), 10'000'000);
        auto countAt = [&d](SegmentState s, int sample) {
            const int i = int(d.states.indexOf(s));
            return i < 0 ? 0 : d.counts[i][sample];
        };
        QCOMPARE(countAt(SegmentState::Running, 2), 1);     // A at 2 s
        QCOMPARE(countAt(SegmentState::RowLockWait, 2), 1); // B at 2 s
        QCOMPARE(countAt(SegmentState::RollingBack, 5), 1); // A at 5 s
        QCOMPARE(countAt(SegmentState::Running, 9), 1);     // B at 9 s, A gone
        QVERIFY(!d.states.contains(SegmentState::Gone));
        QVERIFY(!d.states.contains(SegmentState::ClientWaiting));

        QCOMPARE(d.rollbacks.size(), 1);
        QCOMPARE(d.rollbacks.first().label, QStringLiteral("11 A"));
        QCOMPARE(d.rollbacks.first().startUs, 4'000'000);
        QCOMPARE(d.rollbacks.first().endUs, 8'000'000);
        QCOMPARE(d.rollbacks.first().rows.first().second, 1000);
        QCOMPARE(d.rollbacks.first().rows.last().second, 0);

        QCOMPARE(d.latencies.size(), 3); // every kill, the refused one too
        QCOMPARE(d.latencies[0].latencyUs, 4'000'000);
        QVERIFY(d.latencies[0].finished);
        QCOMPARE(d.latencies[1].latencyUs, 500'000); // still going at upTo
        QVERIFY(!d.latencies[1].finished);
        QVERIFY(d.latencies[2].refused);
        QCOMPARE(d.latencies[2].latencyUs, 0);
    }

    void niceAxes_data()
    {
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        QTest::addColumn<int>("maxTicks");
        QTest::addColumn<double>("minInterval");
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("interval");
        QTest::addColumn<int>("decimals");
        // The axis: 0 … 21 s showed ticks at 5.3, 10.6, 15.8.
        QTest::newRow("seconds") << 0.0 << 21.1 << 5 << 0.0 << 0.0 << 25.0 << 5.0 << 0;
        QTest::newRow("rollback window") << 2.5 << 19.09 << 6 << 0.0 << 0.0 << 20.0 << 5.0 << 0;
        QTest::newRow("rows") << 0.0 << 832901.0 << 5 << 1.0 << 0.0 << 1e6 << 2e5 << 0;
        QTest::newRow("short") << 0.0 << 0.43 << 5 << 0.0 << 0.0 << 0.5 << 0.1 << 1;
        QTest::newRow("tiny latency")
            << 0.0 << 0.00004 << 3 << 0.0 << 0.0 << 0.00004 << 0.00002 << 5;
        QTest::newRow("integers only") << 0.0 << 3.0 << 5 << 1.0 << 0.0 << 3.0 << 1.0 << 0;
        QTest::newRow("empty range") << 4.0 << 4.0 << 5 << 1.0 << 4.0 << 5.0 << 1.0 << 0;
    }
    void niceAxes()
    {
        QFETCH(double, lo);
        QFETCH(double, hi);
        QFETCH(int, maxTicks);
        QFETCH(double, minInterval);
        QFETCH(double, min);
        QFETCH(double, max);
        QFETCH(double, interval);
        QFETCH(int, decimals);
        const NiceAxis a = niceAxis(lo, hi, maxTicks, minInterval);
        QCOMPARE(a.min, min);
        QCOMPARE(a.max, max);
        QCOMPARE(a.interval, interval);
        QCOMPARE(a.decimals, decimals);
        QVERIFY(a.min <= lo && a.max >= hi);
    }

    // The curve bends where the lane's wedge bends: both come from the rollback's pieces.
    void rollbackCurveBendsWithTheLane()
    {
        Timeline t;
        const int a = t.addSession(11, QStringLiteral("app"));
        t.appendSegment(a, 0, 2'500'000, SegmentState::Running);
        t.appendSegment(a, 2'500'000, 12'000'000, SegmentState::RollingBack, SegmentFlag::Killed, 0,
                        SegmentExtra{0, 832'901, 545'023});
        t.appendSegment(a, 12'000'000, 19'000'000, SegmentState::RollingBack, SegmentFlag::Killed,
                        0, SegmentExtra{0, 545'023, 0});
        // A second, separate rollback later on the same lane.
        t.appendSegment(a, 19'000'000, 20'000'000, SegmentState::Running);
        t.appendSegment(a, 20'000'000, 21'000'000, SegmentState::RollingBack, 0, 0,
                        SegmentExtra{0, 10, 0});
        const ChartData d = computeChartData(t, {});
        QCOMPARE(d.rollbacks.size(), 2);
        const QList<QPair<qint64, qint64>> expected{
            {2'500'000, 832'901}, {12'000'000, 545'023}, {19'000'000, 0}};
        QCOMPARE(d.rollbacks[0].rows, expected);
        QCOMPARE(d.rollbacks[0].startUs, 2'500'000);
        QCOMPARE(d.rollbacks[0].endUs, 19'000'000);
        QCOMPARE(d.rollbacks[1].rows.size(), 2);
    }

    void emptyTimeline()
    {
        const ChartData d = computeChartData(Timeline(), {});
        QVERIFY(d.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestChartData)
#include "tst_chartdata.moc"
