#include "demotimeline.h"
#include "legendwidget.h"
#include "swimlaneview.h"
#include "timelineviewport.h"

#include <QPainter>
#include <QScrollBar>
#include <QSvgGenerator>
#include <QtTest>

using namespace ks;

namespace {

// One session: [0, 500 ms) Running, [500 ms, 1 s) row-lock wait; a second session idle.
void buildSimple(Timeline &t)
{
    const int a = t.addSession(7, QStringLiteral("app"));
    t.appendSegment(a, 0, 500000, SegmentState::Running);
    t.appendSegment(a, 500000, 1000000, SegmentState::RowLockWait);
    t.appendSegment(a + 1, 0, 1000000, SegmentState::ClientWaiting);
    const int b = t.addSession(8, QStringLiteral("root"));
    t.appendSegment(b, 0, 1000000, SegmentState::MdlWait);
}

// In logical pixels, whatever the device pixel ratio (the tests also run with QT_SCALE_FACTOR=2).
QImage grabViewport(SwimlaneView &view)
{
    QImage img = view.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    if (img.size() != view.viewport()->size())
        img = img.scaled(view.viewport()->size(), Qt::IgnoreAspectRatio, Qt::FastTransformation);
    return img;
}

bool sameColor(QRgb a, QColor b)
{
    return qAbs(qRed(a) - b.red()) <= 2 && qAbs(qGreen(a) - b.green()) <= 2
           && qAbs(qBlue(a) - b.blue()) <= 2;
}

} // namespace

class TestSwimlaneView : public QObject
{
    Q_OBJECT
private:
    Timeline m_simple;
    Timeline m_demo;

    void setUpView(SwimlaneView &view, const Timeline &t, QSize size = {800, 300})
    {
        view.resize(size);
        view.setTimeline(&t);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.viewportController()->setVisibleRange(0, 1000000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        buildSimple(m_simple);
        demo::buildDemo(m_demo);
    }

    void emptyAndMissingTimelines()
    {
        SwimlaneView view;
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!grabViewport(view).isNull());
        QCOMPARE(view.hitTest(QPoint(300, 100)).lane, -1);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(300, 100));
        QWheelEvent wheel(QPointF(300, 100), view.viewport()->mapToGlobal(QPointF(300, 100)), QPoint(),
                          QPoint(0, 120), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.viewport(), &wheel);
        Timeline lanesOnly;
        lanesOnly.addSession(1, QStringLiteral("u"));
        view.setTimeline(&lanesOnly);
        QVERIFY(!grabViewport(view).isNull());
        QVERIFY(view.laneCenterY(0) > 0);
        view.setTimeline(nullptr);
        QVERIFY(!grabViewport(view).isNull());
        QVERIFY(!view.renderToImage(QSize(300, 200)).isNull());
    }

    void pixelsShowStates()
    {
        SwimlaneView view;
        setUpView(view, m_simple);
        const QImage img = grabViewport(view);
        const Theme &theme = view.renderer().theme();
        const int y = view.laneCenterY(0);
        QVERIFY(y > 0);
        const int xRun = int(view.timeToViewportX(250000));
        const int xLock = int(view.timeToViewportX(750000));
        QVERIFY(sameColor(img.pixel(xRun, y), theme.stateColor(SegmentState::Running)));
        QVERIFY(sameColor(img.pixel(xLock, y), theme.stateColor(SegmentState::RowLockWait)));
        const int yClient = view.laneCenterY(1);
        QVERIFY(yClient > y);
        QVERIFY(sameColor(img.pixel(xRun, yClient), theme.stateColor(SegmentState::ClientWaiting)));
        const int yOther = view.laneCenterY(2);
        QVERIFY(sameColor(img.pixel(xRun, yOther), theme.stateColor(SegmentState::MdlWait)));
        // Beyond the data: lane background, not a state colour.
        const int xAfter = int(view.timeToViewportX(1000000)) + 5;
        if (xAfter < img.width())
            QVERIFY(!sameColor(img.pixel(xAfter, y), theme.stateColor(SegmentState::RowLockWait)));
    }

    void exportMatchesWidget()
    {
        SwimlaneView view;
        setUpView(view, m_simple);
        const QImage img = view.renderToImage(view.viewport()->size());
        const int y = view.laneCenterY(0);
        QVERIFY(sameColor(img.pixel(int(view.timeToViewportX(250000)), y),
                          view.renderer().theme().stateColor(SegmentState::Running)));
        QVERIFY(sameColor(img.pixel(int(view.timeToViewportX(750000)), y),
                          view.renderer().theme().stateColor(SegmentState::RowLockWait)));

        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(QSize(800, 300));
        svg.setViewBox(QRect(0, 0, 800, 300));
        {
            QPainter p(&svg);
            view.render(p, QSize(800, 300));
        }
        QVERIFY(buffer.data().contains("<svg"));
        QVERIFY(buffer.data().size() > 1000);
    }

    void growToPlayheadHidesTheFuture()
    {
        SwimlaneView view;
        setUpView(view, m_simple);
        view.viewportController()->setGrowToPlayhead(true);
        view.viewportController()->setPlayhead(400000);
        const QImage img = grabViewport(view);
        const Theme &theme = view.renderer().theme();
        const int y = view.laneCenterY(0);
        QVERIFY(sameColor(img.pixel(int(view.timeToViewportX(200000)), y),
                          theme.stateColor(SegmentState::Running)));
        const QRgb future = img.pixel(int(view.timeToViewportX(750000)), y);
        QVERIFY(!sameColor(future, theme.stateColor(SegmentState::RowLockWait)));
        QVERIFY(!sameColor(future, theme.stateColor(SegmentState::Running)));
        // The playhead itself is drawn.
        const int xp = int(std::floor(view.timeToViewportX(400000)));
        QVERIFY(sameColor(img.pixel(xp, y), theme.playhead()) || sameColor(img.pixel(xp - 1, y), theme.playhead()));
    }

    void rollbackCounterFollowsThePlayhead()
    {
        SwimlaneView view;
        setUpView(view, m_demo, QSize(1000, 400));
        view.viewportController()->zoomToFit();
        const int lane = m_demo.findLane(11);
        const int y = view.laneCenterY(lane);
        const QColor chip = view.renderer().theme().rollbackRemaining();
        auto chipShown = [&](qint64 playhead) {
            const QImage img = grabViewport(view);
            const int x = int(view.timeToViewportX(playhead));
            int hits = 0;
            for (int dx = 6; dx < 60; ++dx)
                for (int dy = -4; dy <= 4; ++dy)
                    hits += sameColor(img.pixel(x + dx, y + dy), chip);
            return hits > 40;
        };
        view.viewportController()->setPlayhead(2730000);
        QVERIFY(chipShown(2730000));
        view.viewportController()->setPlayhead(1000000); // before the rollback: no counter
        QVERIFY(!chipShown(1000000));
    }

    void hitTestFindsSegments_data()
    {
        QTest::addColumn<qlonglong>("time");
        QTest::addColumn<int>("lane");
        QTest::addColumn<int>("segment");
        QTest::newRow("running") << 100000LL << 0 << 0;
        QTest::newRow("row_lock") << 900000LL << 0 << 1;
        QTest::newRow("client") << 300000LL << 1 << 0;
        QTest::newRow("second_session") << 300000LL << 2 << 0;
    }
    void hitTestFindsSegments()
    {
        QFETCH(qlonglong, time);
        QFETCH(int, lane);
        QFETCH(int, segment);
        SwimlaneView view;
        setUpView(view, m_simple);
        const QPoint pos(int(view.timeToViewportX(time)) + 1, view.laneCenterY(lane));
        const SwimlaneView::Hit hit = view.hitTest(pos);
        QCOMPARE(hit.lane, lane);
        QCOMPARE(hit.segment, segment);
        QCOMPARE(hit.sessionId, m_simple.lane(lane).sessionId);
        QVERIFY(qAbs(hit.time - time) <= 2 * 1000000 / 600);
    }

    void tooltipExplainsTheState()
    {
        const QString text = SwimlaneView::defaultSegmentToolTip(m_demo, 4, 1, 500000);
        QVERIFY(text.contains(Theme::stateName(SegmentState::QueueSleep)));
        QVERIFY(text.contains(QStringLiteral("never checks the kill flag")));
        const int rbLane = m_demo.findLane(11);
        const int rb = m_demo.segmentAt(rbLane, 2730000);
        QCOMPARE(m_demo.segment(rbLane, rb).state, SegmentState::RollingBack);
        const QString rows = SwimlaneView::defaultSegmentToolTip(m_demo, rbLane, rb, 2730000);
        QVERIFY2(rows.contains(QStringLiteral("120,000")) || rows.contains(QStringLiteral("120000")),
                 qPrintable(rows));

        SwimlaneView view;
        setUpView(view, m_demo);
        int calls = 0;
        view.setSegmentToolTip([&](const Timeline &, int, int, qint64) {
            ++calls;
            return QStringLiteral("custom");
        });
        const QPoint pos(int(view.timeToViewportX(500000)), view.laneCenterY(m_demo.findLane(12)));
        QHelpEvent he(QEvent::ToolTip, pos, view.viewport()->mapToGlobal(pos));
        QApplication::sendEvent(view.viewport(), &he);
        QCOMPARE(calls, 1);
    }

    void hoverOutlinesTheSegment()
    {
        SwimlaneView view;
        setUpView(view, m_simple);
        const QImage before = grabViewport(view);
        const QPoint pos(int(view.timeToViewportX(250000)), view.laneCenterY(0));
        QTest::mouseMove(view.viewport(), pos);
        const QImage after = grabViewport(view);
        QVERIFY(before != after);
    }

    void ctrlWheelZoomsAroundTheCursor()
    {
        SwimlaneView view;
        setUpView(view, m_simple);
        TimelineViewport *vp = view.viewportController();
        const QPoint pos(view.renderer().labelWidth() + 150, view.laneCenterY(0));
        const qint64 before = view.viewportXToTime(pos.x());
        const qint64 span = vp->visibleSpan();
        QWheelEvent wheel(pos, view.viewport()->mapToGlobal(pos), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.viewport(), &wheel);
        QVERIFY(vp->visibleSpan() < span);
        const qint64 after = view.viewportXToTime(pos.x());
        const double usPerPx = double(vp->visibleSpan()) / view.lanesRect().width();
        QVERIFY2(qAbs(after - before) <= qint64(usPerPx) + 1,
                 qPrintable(QStringLiteral("%1 vs %2").arg(before).arg(after)));
        // And back out.
        QWheelEvent out(pos, view.viewport()->mapToGlobal(pos), QPoint(), QPoint(0, -120),
                        Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.viewport(), &out);
        QVERIFY(qAbs(vp->visibleSpan() - span) <= 2);
    }

    void plainWheelScrollsLanesShiftWheelPansTime()
    {
        Timeline many;
        for (int i = 0; i < 40; ++i) {
            const int l = many.addSession(100 + i, QStringLiteral("u"));
            many.appendSegment(l, 0, 1000000, SegmentState::Running);
        }
        SwimlaneView view;
        setUpView(view, many);
        QVERIFY(view.verticalScrollBar()->maximum() > 0);
        const QPoint pos(400, 150);
        QWheelEvent down(pos, view.viewport()->mapToGlobal(pos), QPoint(), QPoint(0, -120),
                         Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.viewport(), &down);
        QVERIFY(view.verticalScrollBar()->value() > 0);
        const qint64 start = view.viewportController()->visibleStart();
        QWheelEvent shift(pos, view.viewport()->mapToGlobal(pos), QPoint(), QPoint(0, -120),
                          Qt::NoButton, Qt::ShiftModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.viewport(), &shift);
        QVERIFY(view.viewportController()->visibleStart() > start);
    }

    void dragPans()
    {
        SwimlaneView view;
        setUpView(view, m_simple);
        TimelineViewport *vp = view.viewportController();
        const qint64 start = vp->visibleStart();
        const double usPerPx = double(vp->visibleSpan()) / view.lanesRect().width();
        const QPoint from(400, view.laneCenterY(0));
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, from);
        QTest::mouseMove(view.viewport(), from + QPoint(-50, 0));
        QTest::mouseMove(view.viewport(), from + QPoint(-100, 0));
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, from + QPoint(-100, 0));
        const qint64 moved = vp->visibleStart() - start;
        QVERIFY2(qAbs(moved - qint64(100 * usPerPx)) <= qint64(usPerPx) + 1,
                 qPrintable(QString::number(moved)));
        // Panning reused the cache; what shows must equal a fresh render of the same range.
        const QImage panned = grabViewport(view);
        const int y = view.laneCenterY(0);
        const int xBoundary = int(std::lround(view.timeToViewportX(500000)));
        const Theme &theme = view.renderer().theme();
        QVERIFY(sameColor(panned.pixel(xBoundary - 3, y), theme.stateColor(SegmentState::Running)));
        QVERIFY(sameColor(panned.pixel(xBoundary + 3, y), theme.stateColor(SegmentState::RowLockWait)));
    }

    void panCacheMatchesAFreshRender()
    {
        SwimlaneView view;
        setUpView(view, m_demo, QSize(900, 400));
        TimelineViewport *vp = view.viewportController();
        vp->setVisibleRange(0, 4000000);
        grabViewport(view);
        // Several small pans reuse the cache; then the settle timer re-renders exactly.
        for (int i = 0; i < 5; ++i) {
            vp->pan(37000);
            grabViewport(view);
        }
        const QImage panned = grabViewport(view);
        QTest::qWait(400);
        const QImage exact = grabViewport(view);
        QCOMPARE(panned.size(), exact.size());
        qint64 differing = 0;
        for (int y = 0; y < exact.height(); ++y)
            for (int x = 0; x < exact.width(); ++x)
                differing += panned.pixel(x, y) != exact.pixel(x, y);
        // Sub-pixel rounding may move an edge by one column; nothing more.
        QVERIFY2(differing < exact.width() * exact.height() / 50,
                 qPrintable(QString::number(differing)));
    }

    void denseLanesAreDrawnPerColumn()
    {
        Timeline t;
        const int lane = t.addSession(1, QStringLiteral("u"), {}, false);
        for (int i = 0; i < 200000; ++i)
            t.appendSegment(lane, i * 10, i * 10 + 10,
                            i % 2 ? SegmentState::Running : SegmentState::IoWait);
        SwimlaneView view;
        setUpView(view, t);
        view.viewportController()->zoomToFit();
        const QImage img = grabViewport(view);
        const Theme &theme = view.renderer().theme();
        const int y = view.laneCenterY(lane);
        const QRect lanes = view.lanesRect();
        int coloured = 0;
        for (int x = lanes.left() + 20; x < lanes.right() - 20; ++x) {
            const QRgb c = img.pixel(x, y);
            coloured += sameColor(c, theme.stateColor(SegmentState::Running))
                        || sameColor(c, theme.stateColor(SegmentState::IoWait));
        }
        QVERIFY(coloured > (lanes.width() - 40) * 9 / 10);
        QVERIFY(view.renderer().lastStats().runs <= lanes.width() + 1);
    }

    void growingTimelineAndFilter()
    {
        Timeline t;
        buildSimple(t);
        SwimlaneView view;
        setUpView(view, t);
        const int added = t.addSession(9, QStringLiteral("late"));
        t.appendSegment(added, 200000, 800000, SegmentState::IoWait);
        QCOMPARE(view.laneCenterY(added), -1); // not laid out until told
        view.timelineChanged();
        QVERIFY(view.laneCenterY(added) > view.laneCenterY(2));
        const QImage img = grabViewport(view);
        QVERIFY(sameColor(img.pixel(int(view.timeToViewportX(500000)), view.laneCenterY(added)),
                          view.renderer().theme().stateColor(SegmentState::IoWait)));
        view.setLaneFilter([](const LaneInfo &info) { return info.user != QStringLiteral("root"); });
        QCOMPARE(view.laneCenterY(2), -1);
        QVERIFY(view.laneCenterY(added) > 0);
        // Live trimming drops closed lanes; the view follows the new lane list.
        t.setLaneClosed(0, true);
        t.setLaneClosed(1, true);
        t.trimBefore(2000000);
        view.timelineChanged();
        QCOMPARE(t.laneCount(), 4);
        QVERIFY(view.hitTest(QPoint(400, view.laneCenterY(t.findLane(9)))).sessionId == 9);
    }

    void clickSelectsASession()
    {
        SwimlaneView view;
        setUpView(view, m_simple);
        QSignalSpy spy(&view, &SwimlaneView::sessionSelected);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(400, view.laneCenterY(2)));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toLongLong(), 8);
        QVERIFY(view.viewportController()->hasSelectedSession());
        QCOMPARE(view.viewportController()->selectedSession(), 8);
        // Clicking the client row selects its session too.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(400, view.laneCenterY(1)));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toLongLong(), 7);
    }

    void rightClickAsksForAMenu()
    {
        SwimlaneView view;
        setUpView(view, m_simple);
        QSignalSpy spy(&view, &SwimlaneView::contextMenuRequestedForSession);
        const QPoint pos(300, view.laneCenterY(2));
        QTest::mouseClick(view.viewport(), Qt::RightButton, {}, pos);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toLongLong(), 8);
        QCOMPARE(spy.at(0).at(1).toPoint(), view.viewport()->mapToGlobal(pos));
        // Nothing under the pointer: no menu.
        QTest::mouseClick(view.viewport(), Qt::RightButton, {}, QPoint(300, view.viewport()->height() - 3));
        QCOMPARE(spy.count(), 1);
    }

    void menuKeyAsksForTheSelectedSession()
    {
        SwimlaneView view;
        setUpView(view, m_simple);
        QSignalSpy spy(&view, &SwimlaneView::contextMenuRequestedForSession);
        QContextMenuEvent none(QContextMenuEvent::Keyboard, QPoint(10, 10), view.mapToGlobal(QPoint(10, 10)));
        QApplication::sendEvent(&view, &none);
        QCOMPARE(spy.count(), 0); // nothing selected yet
        view.viewportController()->setSelectedSession(8);
        QContextMenuEvent key(QContextMenuEvent::Keyboard, QPoint(10, 10), view.mapToGlobal(QPoint(10, 10)));
        QApplication::sendEvent(&view, &key);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toLongLong(), 8);
        // Right-clicking a lane label works like right-clicking the lane.
        QTest::mouseClick(view.viewport(), Qt::RightButton, {}, QPoint(20, view.laneCenterY(0)));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toLongLong(), 7);
    }

    void shiftDragZoomsToSelection()
    {
        SwimlaneView view;
        setUpView(view, m_simple);
        const int x0 = int(view.timeToViewportX(200000));
        const int x1 = int(view.timeToViewportX(600000));
        const int y = view.laneCenterY(0);
        QTest::mousePress(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(x0, y));
        QTest::mouseMove(view.viewport(), QPoint(x1, y));
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(x1, y));
        TimelineViewport *vp = view.viewportController();
        // The zoom glides there.
        QTRY_VERIFY(qAbs(vp->visibleStart() - 200000) < 3000 && qAbs(vp->visibleEnd() - 600000) < 3000);
        QSignalSpy frames(vp, &TimelineViewport::visibleRangeChanged);
        view.zoomToFit();
        QTRY_VERIFY(vp->visibleStart() <= 0 && vp->visibleEnd() >= 1000000);
        QVERIFY(frames.count() > 2); // several animation frames, not one jump
    }

    void axisClickScrubsThePlayhead()
    {
        SwimlaneView view;
        setUpView(view, m_simple);
        QSignalSpy spy(&view, &SwimlaneView::playheadScrubbed);
        const int x = int(view.timeToViewportX(300000));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(x, 5));
        QCOMPARE(spy.count(), 1);
        QVERIFY(qAbs(view.viewportController()->playhead() - 300000) < 3000);
        // Grab the playhead's bubble and drag it: it follows, the view does not zoom.
        const qint64 span = view.viewportController()->visibleSpan();
        const int xTo = int(view.timeToViewportX(700000));
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, QPoint(x, 8));
        QTest::mouseMove(view.viewport(), QPoint((x + xTo) / 2, 8));
        QTest::mouseMove(view.viewport(), QPoint(xTo, 8));
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, QPoint(xTo, 8));
        QVERIFY(spy.count() >= 3);
        QVERIFY(qAbs(view.viewportController()->playhead() - 700000) < 3000);
        QCOMPARE(view.viewportController()->visibleSpan(), span);
    }

    void followPlayheadScrolls()
    {
        TimelineViewport vp;
        vp.setTraceRange(0, 10000000);
        vp.setVisibleRange(0, 1000000);
        vp.setFollowPlayhead(true);
        vp.setPlayhead(500000);
        QCOMPARE(vp.visibleStart(), 0);
        vp.setPlayhead(2000000);
        QVERIFY(vp.visibleStart() <= 2000000 && vp.visibleEnd() > 2000000);
        QCOMPARE(vp.visibleSpan(), 1000000);
    }

    void legendHasEveryState()
    {
        LegendWidget legend;
        legend.resize(600, legend.heightForWidth(600));
        legend.show();
        QVERIFY(QTest::qWaitForWindowExposed(&legend));
        QVERIFY(legend.heightForWidth(300) > legend.heightForWidth(1600));
        const QImage img = legend.grab().toImage();
        QVERIFY(!img.isNull());
    }

    // Screenshots for humans: KS_SHOT_DIR=/tmp/shots ./tst_swimlaneview screenshots
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("KS_SHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set KS_SHOT_DIR to write screenshots");
        for (const bool dark : {false, true}) {
            QPalette pal = QApplication::palette();
            if (dark) {
                pal.setColor(QPalette::Base, QColor(0x1e, 0x21, 0x26));
                pal.setColor(QPalette::Window, QColor(0x26, 0x29, 0x2f));
                pal.setColor(QPalette::Text, QColor(0xe6, 0xe8, 0xeb));
                pal.setColor(QPalette::WindowText, QColor(0xe6, 0xe8, 0xeb));
            }
            SwimlaneView view;
            view.setPalette(pal);
            view.resize(1400, 520);
            view.setTimeline(&m_demo);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            view.viewportController()->setPlayhead(2300000);
            view.viewportController()->setSelectedSession(11);
            const QString suffix = dark ? QStringLiteral("-dark") : QString();
            view.renderToImage(QSize(1400, 480)).save(dir + QStringLiteral("/swimlanes%1.png").arg(suffix));
            view.viewportController()->setVisibleRange(1950000, 2150000);
            grabViewport(view).save(dir + QStringLiteral("/swimlanes-zoom%1.png").arg(suffix));
            view.viewportController()->setVisibleRange(1999940, 2000030);
            grabViewport(view).save(dir + QStringLiteral("/swimlanes-checkpoints%1.png").arg(suffix));
            view.viewportController()->setGrowToPlayhead(true);
            view.viewportController()->setPlayhead(1600000);
            view.viewportController()->zoomToFit();
            grabViewport(view).save(dir + QStringLiteral("/swimlanes-grow%1.png").arg(suffix));
            view.viewportController()->setPlayhead(2730000);
            grabViewport(view).save(dir + QStringLiteral("/swimlanes-rollback%1.png").arg(suffix));
            // Two hours of a busy live server, as the live source would fill it.
            Timeline live;
            quint32 seed = 7;
            auto rnd = [&seed](quint32 n) {
                seed = seed * 1664525u + 1013904223u;
                return (seed >> 8) % n;
            };
            const SegmentState states[] = {SegmentState::Idle, SegmentState::Running,
                                           SegmentState::RowLockWait, SegmentState::IoWait,
                                           SegmentState::Idle, SegmentState::SendingToClient};
            for (int i = 0; i < 40; ++i) {
                const int lane = live.addSession(1000 + i, i % 3 ? QStringLiteral("app") : QStringLiteral("batch"),
                                                 {}, false);
                live.setLaneLabel(lane, QStringLiteral("%1 %2").arg(1000 + i).arg(live.lane(lane).user));
                qint64 t = qint64(rnd(600)) * 1000000;
                while (t < qint64(7200) * 1000000) {
                    const qint64 d = (1 + qint64(rnd(300))) * 1000000;
                    live.appendSegment(lane, t, t + d, states[rnd(6)]);
                    t += d;
                }
            }
            SwimlaneView liveView;
            liveView.setPalette(pal);
            liveView.resize(1400, 520);
            liveView.setTimeline(&live);
            liveView.show();
            QVERIFY(QTest::qWaitForWindowExposed(&liveView));
            liveView.viewportController()->setPlayhead(qint64(7100) * 1000000);
            grabViewport(liveView).save(dir + QStringLiteral("/swimlanes-live%1.png").arg(suffix));

            LegendWidget legend;
            legend.setPalette(pal);
            legend.resize(1400, legend.heightForWidth(1400));
            legend.grab().save(dir + QStringLiteral("/legend%1.png").arg(suffix));
        }
    }
};

QTEST_MAIN(TestSwimlaneView)
#include "tst_swimlaneview.moc"
