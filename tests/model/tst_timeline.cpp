#include "timeline.h"

#include <QtTest>

using namespace ks;

namespace {

// Lane 0: [0,10) Running, [10,20) RowLockWait, gap, [30,40) RollingBack, [40,50) Gone.
Timeline fixture()
{
    Timeline t;
    const int lane = t.addSession(12, QStringLiteral("app"));
    t.appendSegment(lane, 0, 10, SegmentState::Running);
    t.appendSegment(lane, 10, 20, SegmentState::RowLockWait, SegmentFlag::KillPending);
    t.appendSegment(lane, 30, 40, SegmentState::RollingBack, 0,
                    t.intern(QStringLiteral("UPDATE t SET a=1")));
    t.appendSegment(lane, 40, 50, SegmentState::Gone);
    return t;
}

} // namespace

class TestTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sessionLanes()
    {
        Timeline t;
        QCOMPARE(t.addSession(12, QStringLiteral("app")), 0);
        QCOMPARE(t.addSession(13, QStringLiteral("root"), QString(), false), 2);
        QCOMPARE(t.laneCount(), 3);
        QCOMPARE(t.lane(0).kind, LaneKind::Thread);
        QCOMPARE(t.lane(1).kind, LaneKind::Client);
        QCOMPARE(t.lane(0).partner, 1);
        QCOMPARE(t.lane(1).partner, 0);
        QCOMPARE(t.lane(2).partner, -1);
        QCOMPARE(t.findLane(12), 0);
        QCOMPARE(t.findLane(12, LaneKind::Client), 1);
        QCOMPARE(t.findLane(13, LaneKind::Client), -1);
        QCOMPARE(t.findLane(99), -1);
        QVERIFY(t.isEmpty());
    }

    void segmentsIn_data()
    {
        QTest::addColumn<qlonglong>("t0");
        QTest::addColumn<qlonglong>("t1");
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("last");
        QTest::newRow("everything") << -100LL << 100LL << 0 << 4;
        QTest::newRow("before") << -100LL << 0LL << 0 << 0;
        QTest::newRow("after") << 50LL << 60LL << 4 << 4;
        QTest::newRow("inside_first") << 2LL << 3LL << 0 << 1;
        QTest::newRow("across_boundary") << 5LL << 15LL << 0 << 2;
        QTest::newRow("exactly_second") << 10LL << 20LL << 1 << 2;
        QTest::newRow("in_gap") << 21LL << 29LL << 2 << 2;
        QTest::newRow("gap_into_third") << 21LL << 31LL << 2 << 3;
        QTest::newRow("empty_range") << 15LL << 15LL << 0 << 0;
        QTest::newRow("reversed") << 20LL << 10LL << 0 << 0;
        QTest::newRow("last_edge") << 49LL << 50LL << 3 << 4;
    }
    void segmentsIn()
    {
        QFETCH(qlonglong, t0);
        QFETCH(qlonglong, t1);
        QFETCH(int, first);
        QFETCH(int, last);
        const Timeline t = fixture();
        const auto [f, l] = t.segmentsIn(0, t0, t1);
        if (first == last) {
            QCOMPARE(f, l);
            return;
        }
        QCOMPARE(f, first);
        QCOMPARE(l, last);
    }

    void segmentAt_data()
    {
        QTest::addColumn<qlonglong>("time");
        QTest::addColumn<int>("index");
        QTest::newRow("start") << 0LL << 0;
        QTest::newRow("inside") << 9LL << 0;
        QTest::newRow("boundary_goes_right") << 10LL << 1;
        QTest::newRow("gap") << 25LL << -1;
        QTest::newRow("before") << -1LL << -1;
        QTest::newRow("end_exclusive") << 50LL << -1;
        QTest::newRow("last") << 49LL << 3;
    }
    void segmentAt()
    {
        QFETCH(qlonglong, time);
        QFETCH(int, index);
        QCOMPARE(fixture().segmentAt(0, time), index);
    }

    void segmentFields()
    {
        const Timeline t = fixture();
        const Segment s = t.segment(0, 1);
        QCOMPARE(s.start, 10);
        QCOMPARE(s.end, 20);
        QCOMPARE(s.state, SegmentState::RowLockWait);
        QCOMPARE(s.flags, quint8(SegmentFlag::KillPending));
        QCOMPARE(t.string(t.segment(0, 2).detail), QStringLiteral("UPDATE t SET a=1"));
        QCOMPARE(t.string(0), QString());
        QCOMPARE(t.beginTime(), 0);
        QCOMPARE(t.endTime(), 50);
        QCOMPARE(t.totalSegmentCount(), 4);
    }

    void appendMergesAndClamps()
    {
        Timeline t;
        const int lane = t.addSession(1, QStringLiteral("u"));
        t.appendSegment(lane, 100, 200, SegmentState::Running);
        // Seamless continuation with equal attributes extends the segment.
        QCOMPARE(t.appendSegment(lane, 200, 300, SegmentState::Running), 0);
        QCOMPARE(t.segmentCount(lane), 1);
        QCOMPARE(t.segment(lane, 0).end, 300);
        // A late start is clamped to the last end.
        QCOMPARE(t.appendSegment(lane, 250, 400, SegmentState::IoWait), 1);
        QCOMPARE(t.segment(lane, 1).start, 300);
        // Entirely in the past: dropped.
        QCOMPARE(t.appendSegment(lane, 100, 350, SegmentState::Idle), 1);
        QCOMPARE(t.segmentCount(lane), 2);
        // Live: extend the open segment, never backwards.
        QVERIFY(t.extendLastSegment(lane, 500));
        QVERIFY(t.extendLastSegment(lane, 450));
        QCOMPARE(t.segment(lane, 1).end, 500);
        QCOMPARE(t.endTime(), 500);
        QVERIFY(!t.extendLastSegment(lane + 1, 10));
        const quint64 rev = t.revision();
        t.extendLastSegment(lane, 600);
        QVERIFY(t.revision() > rev);
    }

    void extras()
    {
        Timeline t = fixture();
        QVERIFY(!t.extra(0, 2));
        t.setSegmentExtra(0, 2, SegmentExtra{0, 1000, 0});
        t.setSegmentExtra(0, 0, SegmentExtra{2, -1, -1});
        QVERIFY(t.extra(0, 2));
        QCOMPARE(t.extra(0, 2)->rowsAtStart, 1000);
        QCOMPARE(t.extra(0, 2)->rowsRemainingAt(30, 40, 35), 500);
        QCOMPARE(t.extra(0, 2)->rowsRemainingAt(30, 40, 99), 0);
        QCOMPARE(t.extra(0, 0)->checkPeriodUs, 2);
        QVERIFY(!t.extra(0, 1));
        QVERIFY(!t.extra(0, 99));
    }

    void rollbackPiecesKeepTheirCounts()
    {
        Timeline t;
        const int lane = t.addSession(11, QStringLiteral("app"));
        t.appendSegment(lane, 0, 2'500'000, SegmentState::Running);
        // Slow under I/O pressure until 12 s, then fast: two pieces, not one straight line.
        t.appendSegment(lane, 2'500'000, 12'000'000, SegmentState::RollingBack, 0, 0,
                        SegmentExtra{0, 832'901, 545'023});
        t.appendSegment(lane, 12'000'000, 19'085'299, SegmentState::RollingBack, 0, 0,
                        SegmentExtra{0, 545'023, 0});
        t.appendSegment(lane, 19'085'299, 20'000'000, SegmentState::Gone);
        QCOMPARE(t.segmentCount(lane), 4);
        QCOMPARE(t.extra(lane, 1)->rowsAtStart, 832'901);
        QCOMPARE(t.extra(lane, 2)->rowsAtStart, 545'023);
        // The counter at 14 s follows the second piece, not a line from the kill to the end.
        const int at14 = t.segmentAt(lane, 14'000'000);
        QCOMPARE(at14, 2);
        const Segment s = t.segment(lane, at14);
        QCOMPARE(t.extra(lane, at14)->rowsRemainingAt(s.start, s.end, 14'000'000), 391'177);

        const Timeline::RollbackRun run = t.rollbackRunAt(lane, 2);
        QCOMPARE(run.first, 1);
        QCOMPARE(run.last, 2);
        QCOMPARE(run.peakRows, 832'901);
        QCOMPARE(t.rollbackRunAt(lane, 0).first, -1);
        const auto points = t.rollbackPoints(lane, run);
        const std::vector<std::pair<qint64, qint64>> expected{
            {2'500'000, 832'901}, {12'000'000, 545'023}, {19'085'299, 0}};
        QCOMPARE(points, expected);

        // Equal extras without counts (check points) still merge; a plain append never
        // swallows a rollback piece.
        const int b = t.addSession(12, QStringLiteral("app"));
        t.appendSegment(b, 0, 10, SegmentState::Running, 0, 0, SegmentExtra{5, -1, -1});
        t.appendSegment(b, 10, 20, SegmentState::Running, 0, 0, SegmentExtra{5, -1, -1});
        QCOMPARE(t.segmentCount(b), 1);
        t.appendSegment(b, 20, 30, SegmentState::Running, 0, 0, SegmentExtra{7, -1, -1});
        QCOMPARE(t.segmentCount(b), 2);
        QCOMPARE(t.extra(b, 1)->checkPeriodUs, 7);
    }

    void signalsSortedAndQueried()
    {
        Timeline t = fixture();
        const quint32 label = t.intern(QStringLiteral("KILL QUERY 12"));
        t.addSignal({15, -1, 0, SignalKind::KillQuery, SignalResult::Ok, label, 0});
        t.addSignal({5, -1, 0, SignalKind::CtrlC, SignalResult::Ok, 0, 0});
        t.addSignal({15, -1, 0, SignalKind::KillConnection, SignalResult::Ok, 0, 0});
        t.addSignal({25, -1, 0, SignalKind::Timeout, SignalResult::Ok, 0, 0});
        QCOMPARE(t.signalList().size(), size_t(4));
        QCOMPARE(t.signalList()[0].kind, SignalKind::CtrlC);
        QCOMPARE(t.signalList()[1].kind, SignalKind::KillQuery); // equal times keep insertion order
        QCOMPARE(t.signalList()[2].kind, SignalKind::KillConnection);
        QCOMPARE(t.signalsIn(10, 20), std::make_pair(1, 3));
        QCOMPARE(t.signalsIn(15, 16), std::make_pair(1, 3));
        QCOMPARE(t.signalsIn(16, 25), std::make_pair(3, 3));
        QCOMPARE(t.signalsIn(0, 100), std::make_pair(0, 4));
        t.addMarker({20, 0, MarkerKind::FlagNoticed, 0});
        t.addMarker({12, 1, MarkerKind::ErrorShown, 0});
        QCOMPARE(t.markerList()[0].time, 12);
        QCOMPARE(t.markersIn(13, 21), std::make_pair(1, 2));
    }

    void bytesPerSegment()
    {
        Timeline t;
        for (int l = 0; l < 10; ++l) {
            const int lane = t.addSession(l, QStringLiteral("u"), {}, false);
            for (int i = 0; i < 10000; ++i)
                t.appendSegment(lane, i * 10, i * 10 + 7, SegmentState((i % 7)), quint8(i & 1));
        }
        QCOMPARE(t.totalSegmentCount(), 100000);
        t.squeeze();
        QCOMPARE(Timeline::HotBytesPerSegment, 22);
        QVERIFY2(t.bytesPerSegment() <= 32.0, qPrintable(QString::number(t.bytesPerSegment())));
        QCOMPARE(t.bytesPerSegment(), 22.0);
    }

    void trimming()
    {
        Timeline t = fixture();
        t.setSegmentExtra(0, 2, SegmentExtra{0, 1000, 0});
        t.addSignal({15, -1, 0, SignalKind::KillQuery, SignalResult::Ok, 0, 0});
        t.addMarker({35, 0, MarkerKind::FlagNoticed, 0});
        t.trimBefore(35);
        QCOMPARE(t.segmentCount(0), 2);
        QCOMPARE(t.segment(0, 0).start, 35); // cut at the cutoff
        QCOMPARE(t.segment(0, 0).state, SegmentState::RollingBack);
        QVERIFY(t.extra(0, 0));
        QCOMPARE(t.extra(0, 0)->rowsAtStart, 500);
        QCOMPARE(t.signalList().size(), size_t(0));
        QCOMPARE(t.markerList().size(), size_t(1));
        QCOMPARE(t.beginTime(), 35);
        QCOMPARE(t.totalSegmentCount(), 2);
    }

    void trimmingDropsClosedEmptyLanes()
    {
        Timeline t;
        const int a = t.addSession(1, QStringLiteral("a")); // lanes 0, 1
        const int b = t.addSession(2, QStringLiteral("b")); // lanes 2, 3
        t.appendSegment(a, 0, 10, SegmentState::Running);
        t.appendSegment(a + 1, 0, 10, SegmentState::ClientWaiting);
        t.appendSegment(b, 0, 100, SegmentState::Running);
        t.setLaneClosed(a, true);
        t.setLaneClosed(a + 1, true);
        t.addSignal({50, b, b, SignalKind::KillQuery, SignalResult::Ok, 0, 0});
        const quint64 lanes = t.laneRevision();
        t.trimBefore(20);
        QVERIFY(t.laneRevision() > lanes);
        QCOMPARE(t.laneCount(), 2);
        QCOMPARE(t.lane(0).sessionId, 2);
        QCOMPARE(t.lane(0).partner, 1);
        QCOMPARE(t.lane(1).partner, 0);
        QCOMPARE(t.findLane(2), 0);
        QCOMPARE(t.findLane(1), -1);
        QCOMPARE(t.signalList()[0].toLane, 0);
        QCOMPARE(t.segment(0, 0).start, 20);
    }

    void stringTableCompacts()
    {
        Timeline t;
        const int lane = t.addSession(1, QStringLiteral("a"), {}, false);
        for (int i = 0; i < 5000; ++i)
            t.appendSegment(lane, i, i + 1, SegmentState::Running, 0,
                            t.intern(QStringLiteral("SELECT %1").arg(i)));
        QCOMPARE(t.stringCount(), 5001);
        t.trimBefore(4990);
        QCOMPARE(t.stringCount(), 11);
        QCOMPARE(t.string(t.segment(lane, 0).detail), QStringLiteral("SELECT 4990"));
        QCOMPARE(t.intern(QStringLiteral("SELECT 4999")), t.segment(lane, 9).detail);
    }

    void clearKeepsCounting()
    {
        Timeline t = fixture();
        const quint64 rev = t.revision();
        t.clear();
        QVERIFY(t.revision() > rev);
        QCOMPARE(t.laneCount(), 0);
        QVERIFY(t.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTimeline)
#include "tst_timeline.moc"
