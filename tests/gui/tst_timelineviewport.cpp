// The view state of a timeline: the single writer of the visible range and its rules.

#include "timelineviewport.h"

#include <QSignalSpy>
#include <QtTest>

using namespace ks;

class TestTimelineViewport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstTraceFitsWithAMargin()
    {
        TimelineViewport vp;
        QSignalSpy range(&vp, &TimelineViewport::visibleRangeChanged);
        vp.setTraceRange(0, 20'000'000);
        QCOMPARE(range.count(), 1);
        QCOMPARE(vp.visibleStart(), -400'000);
        QCOMPARE(vp.visibleEnd(), 20'400'000);
        // Fitting is never clamped by the "nothing before the data" rule.
        QVERIFY(vp.visibleStart() >= vp.minimumStart(vp.visibleSpan()));
    }

    void neverShowsTimeBeforeTheData_data()
    {
        QTest::addColumn<qlonglong>("start");
        QTest::addColumn<qlonglong>("end");
        QTest::addColumn<qlonglong>("expectedStart");
        // Trace [0, 20 s]; a 10 s span may start at most 200 ms before 0.
        QTest::newRow("inside") << 1'000'000LL << 11'000'000LL << 1'000'000LL;
        QTest::newRow("just inside the margin") << -200'000LL << 9'800'000LL << -200'000LL;
        QTest::newRow("before the data") << -15'000'000LL << -5'000'000LL << -200'000LL;
        QTest::newRow("far before") << -1'000'000'000LL << -990'000'000LL << -200'000LL;
    }
    void neverShowsTimeBeforeTheData()
    {
        QFETCH(qlonglong, start);
        QFETCH(qlonglong, end);
        QFETCH(qlonglong, expectedStart);
        TimelineViewport vp;
        vp.setTraceRange(0, 20'000'000);
        vp.setVisibleRange(start, end);
        QCOMPARE(vp.visibleStart(), expectedStart);
        QCOMPARE(vp.visibleSpan(), end - start); // the span is kept
        vp.pan(-100'000'000);
        QCOMPARE(vp.visibleStart(), vp.minimumStart(vp.visibleSpan()));
    }

    // Replaying from the end while following: the range follows the playhead back to 0, and
    // the axis does not run into negative times (the "−15 s, −10 s").
    void replayFromTheEndStaysAtZero()
    {
        TimelineViewport vp;
        vp.setTraceRange(0, 20'000'000);
        vp.setVisibleRange(15'000'000, 20'000'000); // zoomed in at the end
        vp.setFollowPlayhead(true);
        vp.setPlayhead(20'000'000);
        vp.setPlayhead(0);
        QVERIFY(vp.isInView(0));
        QVERIFY(vp.visibleStart() >= -100'000);
        QCOMPARE(vp.visibleSpan(), 5'000'000);
    }

    void revealBringsJumpsIntoView_data()
    {
        QTest::addColumn<qlonglong>("target");
        QTest::addColumn<bool>("moves");
        // Visible [8 s, 12 s] of a 20 s trace.
        QTest::newRow("home") << 0LL << true;
        QTest::newRow("end") << 20'000'000LL << true;
        QTest::newRow("already visible") << 10'000'000LL << false;
        QTest::newRow("just right of the view") << 12'500'000LL << true;
    }
    void revealBringsJumpsIntoView()
    {
        QFETCH(qlonglong, target);
        QFETCH(bool, moves);
        TimelineViewport vp;
        vp.setTraceRange(0, 20'000'000);
        vp.setVisibleRange(8'000'000, 12'000'000);
        QSignalSpy range(&vp, &TimelineViewport::visibleRangeChanged);
        vp.revealTime(target, 0); // no animation: the result at once
        QCOMPARE(range.count() > 0, moves);
        QVERIFY(vp.isInView(target));
        QCOMPARE(vp.visibleSpan(), 4'000'000);
        QVERIFY(vp.visibleStart() >= vp.minimumStart(vp.visibleSpan()));
        // Animated, it arrives there too.
        vp.setVisibleRange(8'000'000, 12'000'000);
        vp.revealTime(target);
        QTRY_VERIFY(vp.isInView(target));
        QTRY_VERIFY(vp.visibleStart() >= vp.minimumStart(vp.visibleSpan()));
    }

    void settersEmitOnceAndOnlyOnChange()
    {
        TimelineViewport vp;
        vp.setTraceRange(0, 1'000'000);
        QSignalSpy range(&vp, &TimelineViewport::visibleRangeChanged);
        QSignalSpy playhead(&vp, &TimelineViewport::playheadChanged);
        QSignalSpy modes(&vp, &TimelineViewport::modesChanged);
        vp.setVisibleRange(100, 200'000);
        vp.setVisibleRange(100, 200'000);
        QCOMPARE(range.count(), 1);
        vp.setPlayhead(5);
        vp.setPlayhead(5);
        vp.setPlayhead(-7); // any negative: no playhead
        vp.clearPlayhead();
        QCOMPARE(playhead.count(), 2);
        QCOMPARE(vp.playhead(), -1);
        vp.setGrowToPlayhead(true);
        vp.setGrowToPlayhead(true);
        vp.setFollowPlayhead(true);
        QCOMPARE(modes.count(), 2);
    }

    void spanStaysWithinItsLimits()
    {
        TimelineViewport vp;
        vp.setTraceRange(0, 1'000'000);
        vp.setVisibleRange(500, 501);
        QCOMPARE(vp.visibleSpan(), vp.minimumSpan());
        vp.setVisibleRange(0, 100'000'000'000LL);
        QCOMPARE(vp.visibleSpan(), vp.maximumSpan());
        vp.zoomAround(500'000, 0.0); // nonsense factor: ignored
        QCOMPARE(vp.visibleSpan(), vp.maximumSpan());
    }

    // The user's hand wins: a direct change stops a running animation.
    void directChangesStopAnimations()
    {
        TimelineViewport vp;
        vp.setTraceRange(0, 10'000'000);
        vp.animateToRange(4'000'000, 5'000'000, 2000);
        vp.setVisibleRange(1'000'000, 2'000'000);
        QTest::qWait(100);
        QCOMPARE(vp.visibleStart(), 1'000'000);
        QCOMPARE(vp.visibleEnd(), 2'000'000);
    }
};

QTEST_MAIN(TestTimelineViewport)
#include "tst_timelineviewport.moc"
