// One lane geometry for both painters: the pure rules (tables), the two back ends on random
// rectangle lists, and whole frames of the demo timelines through the raster path (the screen)
// and the QPainter path (exports, HiDPI) — every pixel, not a sample of them.

#include "demotimeline.h"
#include "lanebackends.h"
#include "lanegeometry.h"
#include "swimlanerenderer.h"
#include "swimlaneview.h"
#include "timelineviewport.h"

#include <QPainter>
#include <QRandomGenerator>
#include <QtTest>

using namespace ks;
using namespace ks::lanegeometry;

Q_DECLARE_METATYPE(ks::lanegeometry::BarSpan)
Q_DECLARE_METATYPE(ks::lanegeometry::Columns)

namespace {

constexpr QRgb Base = 0xff102030;

Style testStyle()
{
    Style s;
    for (int i = 0; i < SegmentStateCount; ++i) {
        s.state[size_t(i)] = qRgb(10 + i * 13, 200 - i * 9, 40 + i * 11);
        s.thin[size_t(i)] = SegmentState(i) == SegmentState::Idle ||
                            SegmentState(i) == SegmentState::Gone ||
                            SegmentState(i) == SegmentState::ClientPrompt;
    }
    s.laneEven = qRgb(250, 250, 250);
    s.laneOdd = qRgb(240, 240, 240);
    s.laneClient = qRgb(230, 230, 230);
    s.grid = qRgb(200, 200, 200);
    s.killed = qRgb(220, 0, 0);
    s.killFlag = qRgb(255, 200, 0);
    return s;
}

int countColor(std::span<const Rect> rects, QRgb c)
{
    int n = 0;
    for (const Rect &r : rects)
        n += (r.color == c && !r.hatched) ? (r.x1 - r.x0) * (r.y1 - r.y0) : 0;
    return n;
}

// Number of differing pixels, and the first one, for messages.
qint64 diff(const QImage &a, const QImage &b, QPoint *first = nullptr)
{
    if (a.size() != b.size())
        return -1;
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    qint64 n = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col) {
            if (p[col] != q[col]) {
                if (n == 0 && first)
                    *first = QPoint(col, row);
                ++n;
            }
        }
    }
    return n;
}

QString where(const QImage &a, const QImage &b, QPoint at)
{
    return QStringLiteral("first at (%1, %2): %3 vs %4")
        .arg(at.x())
        .arg(at.y())
        .arg(QString::number(a.pixel(at) & 0xffffff, 16),
             QString::number(b.pixel(at) & 0xffffff, 16));
}

} // namespace

class TestLaneGeometry : public QObject
{
    Q_OBJECT
private:
    Timeline m_demo;
    Timeline m_edges;

private Q_SLOTS:
    void initTestCase()
    {
        demo::buildDemo(m_demo);
        demo::buildEdgeCases(m_edges);
    }

    void bars_data()
    {
        QTest::addColumn<int>("top");
        QTest::addColumn<int>("height");
        QTest::addColumn<bool>("client");
        QTest::addColumn<BarSpan>("full");
        QTest::addColumn<BarSpan>("thin");
        QTest::newRow("thread 30") << 0 << 30 << false << BarSpan{5, 25} << BarSpan{14, 17};
        QTest::newRow("thread 48 at 100")
            << 100 << 48 << false << BarSpan{108, 140} << BarSpan{123, 126};
        QTest::newRow("thread tiny") << 0 << 8 << false << BarSpan{2, 6} << BarSpan{3, 6};
        QTest::newRow("client 20") << 30 << 20 << true << BarSpan{32, 48} << BarSpan{39, 41};
        QTest::newRow("client 8") << 0 << 8 << true << BarSpan{1, 7} << BarSpan{3, 5};
    }
    void bars()
    {
        QFETCH(int, top);
        QFETCH(int, height);
        QFETCH(bool, client);
        QFETCH(BarSpan, full);
        QFETCH(BarSpan, thin);
        const RowBox row{top, height, client, false};
        QCOMPARE(fullBar(row), full);
        QCOMPARE(thinBar(row), thin);
        // The thin line sits inside the full bar.
        QVERIFY(thin.y0 >= full.y0 && thin.y1 <= full.y1);
    }

    void columns_data()
    {
        QTest::addColumn<qlonglong>("start");
        QTest::addColumn<qlonglong>("end");
        QTest::addColumn<double>("t0");
        QTest::addColumn<double>("usPerPx");
        QTest::addColumn<Columns>("expected");
        QTest::newRow("whole pixels") << 1000LL << 3000LL << 0.0 << 100.0 << Columns{10, 30};
        QTest::newRow("rounded") << 1049LL << 3051LL << 0.0 << 100.0 << Columns{10, 31};
        QTest::newRow("zero length is one column")
            << 2000LL << 2000LL << 0.0 << 100.0 << Columns{20, 21};
        QTest::newRow("sub-pixel is one column")
            << 2000LL << 2010LL << 0.0 << 100.0 << Columns{20, 21};
        QTest::newRow("before the origin") << 0LL << 500LL << 1000.0 << 100.0 << Columns{-10, -5};
    }
    void columns()
    {
        QFETCH(qlonglong, start);
        QFETCH(qlonglong, end);
        QFETCH(double, t0);
        QFETCH(double, usPerPx);
        QFETCH(Columns, expected);
        QCOMPARE(segmentColumns(start, end, t0, usPerPx), expected);
    }

    void runsNeverOverlapAndStopAtTheCutoff()
    {
        const std::vector<qint64> starts{0, 100, 105, 110, 400};
        const std::vector<qint64> ends{100, 105, 110, 400, 1000};
        const std::vector<quint8> states{0, 1, 2, 3, 4};
        const std::vector<quint8> flags(5, 0);
        const Segments s{starts, ends, states, flags};
        std::vector<Run> runs;
        computeRuns(s, 0, 5, 0, 10, 0, 100, std::numeric_limits<qint64>::max(), runs);
        QCOMPARE(runs.size(), size_t(5));
        for (size_t i = 1; i < runs.size(); ++i)
            QVERIFY(runs[i].x0 >= runs[i - 1].x1);
        QCOMPARE(runs.front().x0, 0);
        QCOMPARE(runs.back().x1, 100);
        // The 5-µs segments are each still one column.
        QCOMPARE(runs[1].x1 - runs[1].x0, 1);
        QCOMPARE(runs[2].x1 - runs[2].x0, 1);
        QVERIFY(!runs[2].segmentStart || runs[2].x0 == 11);
        // Nothing at or after the cutoff.
        computeRuns(s, 0, 5, 0, 10, 0, 100, 250, runs);
        QCOMPARE(runs.back().x1, 25);
        QCOMPARE(runs.back().state, quint8(3));
        // Dense: more segments than columns, one run per column at most.
        computeRuns(s, 0, 5, 0, 100, 0, 3, std::numeric_limits<qint64>::max(), runs);
        QVERIFY(runs.size() <= 3);
    }

    void rowRectsFollowTheRules_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("flags");
        QTest::addColumn<int>("killedPixels");
        QTest::addColumn<bool>("hatched");
        QTest::addColumn<int>("barHeight");
        // Row: top 0, height 30 → full bar 5..25 (20 px), thin 14..17 (3 px); run 40 px wide.
        QTest::newRow("running") << int(SegmentState::Running) << 0 << 0 << false << 20;
        QTest::newRow("running killed")
            << int(SegmentState::Running) << int(SegmentFlag::Killed) << 80 << false << 20;
        // The case both painters used to disagree on: an idle session marked Killed.
        QTest::newRow("idle killed")
            << int(SegmentState::Idle) << int(SegmentFlag::Killed) << 80 << false << 3;
        QTest::newRow("idle pending gets the full height")
            << int(SegmentState::Idle) << int(SegmentFlag::KillPending) << 0 << true << 20;
        QTest::newRow("pending and killed (MariaDB)")
            << int(SegmentState::Running) << int(SegmentFlag::KillPending | SegmentFlag::Killed)
            << 80 << true << 20;
    }
    void rowRectsFollowTheRules()
    {
        QFETCH(int, state);
        QFETCH(int, flags);
        QFETCH(int, killedPixels);
        QFETCH(bool, hatched);
        QFETCH(int, barHeight);
        const Style style = testStyle();
        const RowBox row{0, 30, false, true};
        const std::vector<Run> runs{Run{10, 50, quint8(state), quint8(flags), true, 0, 40}};
        std::vector<Rect> rects;
        const std::vector<int> grid{30};
        rowRects(row, 0, runs, grid, 0, 100, style, rects);
        QCOMPARE(rects.front(), (Rect{0, 0, 100, 30, style.laneEven}));
        QCOMPARE(rects.back(), (Rect{0, 29, 100, 30, style.grid})); // the session's closing line
        QCOMPARE(countColor(rects, style.killed), killedPixels);
        QCOMPARE(std::any_of(rects.begin(), rects.end(), [](const Rect &r) { return r.hatched; }),
                 hatched);
        const auto bar = std::find_if(rects.begin(), rects.end(), [&](const Rect &r) {
            return r.color == style.state[size_t(state)] && !r.hatched;
        });
        QVERIFY(bar != rects.end());
        QCOMPARE(bar->y1 - bar->y0, barHeight);
        // A separator of background where the segment starts.
        QVERIFY(std::any_of(rects.begin(), rects.end(), [&](const Rect &r) {
            return r.x0 == 10 && r.x1 == 11 && r.color == style.laneEven && r.y0 > 0;
        }));
    }

    void backendsAgreeOnRandomRectangles()
    {
        QRandomGenerator rng(4711);
        for (int round = 0; round < 40; ++round) {
            const QSize size(160 + int(rng.bounded(200)), 60 + int(rng.bounded(120)));
            std::vector<Rect> rects;
            const int n = 1 + int(rng.bounded(60));
            for (int i = 0; i < n; ++i) {
                Rect r;
                r.x0 = int(rng.bounded(size.width() + 40)) - 20;
                r.x1 = r.x0 + 1 + int(rng.bounded(120));
                r.y0 = int(rng.bounded(size.height() + 80)) - 20;
                r.y1 = r.y0 + 1 + int(rng.bounded(50));
                r.color = 0xff000000u | rng.generate();
                r.hatched = rng.bounded(4) == 0;
                r.stripe = 0xff000000u | rng.generate();
                rects.push_back(r);
            }
            const Window w{int(rng.bounded(20)), size.width() - int(rng.bounded(20)), size.height(),
                           int(rng.bounded(40))};
            QImage raster(size, QImage::Format_RGB32);
            raster.fill(Base);
            rasterize(raster, rects, w);
            QImage painted(size, QImage::Format_ARGB32_Premultiplied);
            painted.fill(Base);
            {
                QPainter p(&painted);
                paint(p, rects, w);
            }
            QPoint at;
            const qint64 d = diff(raster, painted, &at);
            QVERIFY2(d == 0, qPrintable(QStringLiteral("round %1: %2 pixels differ, %3")
                                            .arg(round)
                                            .arg(d)
                                            .arg(where(raster, painted, at))));
        }
    }

    // The lanes area of a whole frame: renderContent (scanlines) against paintContent (QPainter).
    void contentFramesArePixelEqual_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<int>("rowHeight");
        QTest::addColumn<qlonglong>("t0");
        QTest::addColumn<qlonglong>("t1");
        QTest::addColumn<int>("scrollY");
        QTest::addColumn<qlonglong>("cutoff");
        const qlonglong none = std::numeric_limits<qint64>::max();
        QTest::newRow("demo, whole run") << 0 << 30 << 0LL << 4'000'000LL << 0 << none;
        QTest::newRow("demo, zoomed at the kill")
            << 0 << 30 << 1'950'000LL << 2'150'000LL << 0 << none;
        QTest::newRow("demo, presentation rows, grown to 2.3 s")
            << 0 << 64 << 0LL << 4'000'000LL << 0 << 2'300'000LL;
        QTest::newRow("demo, scrolled") << 0 << 30 << 0LL << 4'000'000LL << 77 << none;
        QTest::newRow("edges, whole run") << 1 << 30 << 0LL << 4'000'000LL << 0 << none;
        QTest::newRow("edges, zoomed into sub-pixel segments")
            << 1 << 30 << 3'095'000LL << 3'125'000LL << 0 << none;
        QTest::newRow("edges, large rows, cut")
            << 1 << 80 << 0LL << 4'000'000LL << 0 << 1'500'000LL;
        QTest::newRow("edges, dense lane zoomed")
            << 1 << 30 << 1'000'000LL << 1'100'000LL << 0 << none;
    }
    void contentFramesArePixelEqual()
    {
        QFETCH(int, which);
        QFETCH(int, rowHeight);
        QFETCH(qlonglong, t0);
        QFETCH(qlonglong, t1);
        QFETCH(int, scrollY);
        QFETCH(qlonglong, cutoff);
        SwimlaneRenderer r;
        r.setTimeline(which == 0 ? &m_demo : &m_edges);
        r.setRowHeights(rowHeight, rowHeight * 2 / 3);
        SwimlaneRenderer::Frame f;
        f.width = 1210;
        f.height = 520;
        f.t0 = double(t0);
        f.usPerPx = double(t1 - t0) / f.width;
        f.scrollY = scrollY;
        f.cutoff = cutoff;
        QImage raster(f.width, f.height, QImage::Format_RGB32);
        raster.fill(Base);
        r.renderContent(raster, f, 0, f.width);
        QImage painted(f.width, f.height, QImage::Format_ARGB32_Premultiplied);
        painted.fill(Base);
        {
            QPainter p(&painted);
            p.setClipRect(QRect(0, 0, f.width, f.height));
            r.paintContent(p, f);
        }
        QPoint at;
        const qint64 d = diff(raster, painted, &at);
        QVERIFY2(
            d == 0,
            qPrintable(
                QStringLiteral("%1 pixels differ, %2").arg(d).arg(where(raster, painted, at))));
        // And the frame shows something: the killed stripes of the idle session, for one.
        if (which == 1 && cutoff > 2'000'000) {
            const QRgb killed = r.theme().killedColor().rgb();
            int n = 0;
            for (int y = 0; y < raster.height(); ++y)
                for (int x = 0; x < raster.width(); ++x)
                    n += (raster.pixel(x, y) & 0xffffff) == (killed & 0xffffff);
            QVERIFY(n > 100);
        }
    }

    // What the screen shows (the view, with its cache, labels, axis and playhead) against
    // what exports get for the same frame (paintAll through a QPainter).
    void viewEqualsExport_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<bool>("grow");
        QTest::addColumn<qlonglong>("playhead");
        QTest::addColumn<double>("scale");
        QTest::newRow("demo") << 0 << false << -1LL << 1.0;
        QTest::newRow("demo, playhead in the rollback") << 0 << false << 2'730'000LL << 1.0;
        QTest::newRow("demo, growing") << 0 << true << 2'300'000LL << 1.0;
        QTest::newRow("demo, presentation scale") << 0 << true << 2'730'000LL << 1.8;
        QTest::newRow("edges") << 1 << false << 1'200'000LL << 1.0;
        QTest::newRow("edges, growing") << 1 << true << 3'110'000LL << 1.3;
    }
    void viewEqualsExport()
    {
        QFETCH(int, which);
        QFETCH(bool, grow);
        QFETCH(qlonglong, playhead);
        QFETCH(double, scale);
        SwimlaneView view;
        view.resize(1280, 560);
        view.setScale(scale);
        view.setTimeline(which == 0 ? &m_demo : &m_edges);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        TimelineViewport *vp = view.viewportController();
        vp->setGrowToPlayhead(grow);
        vp->setPlayhead(playhead);
        vp->zoomToFit();
        const QImage screen = view.viewport()->grab().toImage();
        // On a scaled screen (QT_SCALE_FACTOR=2) both sides paint at that device pixel ratio.
        QImage exported(screen.size(), QImage::Format_RGB32);
        exported.setDevicePixelRatio(screen.devicePixelRatio());
        {
            QPainter p(&exported);
            view.render(p, view.viewport()->size());
        }
        QPoint at;
        const qint64 d = diff(screen, exported, &at);
        if (d != 0 && qEnvironmentVariableIsSet("KS_DIFF_DIR")) {
            screen.save(qEnvironmentVariable("KS_DIFF_DIR") + QStringLiteral("/screen.png"));
            exported.save(qEnvironmentVariable("KS_DIFF_DIR") + QStringLiteral("/export.png"));
        }
        QVERIFY2(
            d == 0,
            qPrintable(
                QStringLiteral("%1 pixels differ, %2").arg(d).arg(where(screen, exported, at))));
    }
};

QTEST_MAIN(TestLaneGeometry)
#include "tst_lanegeometry.moc"
