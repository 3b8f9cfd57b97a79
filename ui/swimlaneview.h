#pragma once

#include "swimlanerenderer.h"

#include <QAbstractScrollArea>
#include <QImage>
#include <QPointer>
#include <QTimer>
#include <functional>

namespace ks {

class Timeline;
class TimelineViewport;

// The swimlane view: lane labels on the left, the time axis on top, one lane per session with its
// client row underneath, kill arrows and markers, a playhead. Reads a Timeline it does not own.
//
//     auto *view = new SwimlaneView(parent);
//     view->setViewportController(viewport);           // optional: share playhead and range
//     view->setTimeline(&source->timeline());
//     connect(source, &SessionSource::changed, view, &SwimlaneView::timelineChanged);
//     connect(view, &SwimlaneView::contextMenuRequestedForSession, ...); // build the Kill menu
//
// Invariants:
// - The lanes content is cached in a raster image keyed by (time origin, µs per pixel, scroll,
//   size, timeline revision, theme, grow cutoff); a pure pan shifts the cache and renders the
//   exposed strip.
// - What it paints is paintAll()'s frame plus live overlays: render() and renderToImage() give
//   the same pixels (tests/gui/tst_lanegeometry.cpp compares whole frames).
// - Hover, selection outline, rubber band and the playhead are painted live, never cached.
// - No menus here: a right-click only emits contextMenuRequestedForSession().
class SwimlaneView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    // What is under a point of the view.
    struct Hit
    {
        int row = -1;
        int lane = -1;
        int segment = -1;
        int signal = -1; // index into Timeline::signalList()
        int marker = -1; // index into Timeline::markerList()
        qint64 time = 0;
        qint64 sessionId = 0;
        bool inAxis = false;
        bool inLabels = false;
    };
    using SegmentToolTip =
        std::function<QString(const Timeline &, int lane, int segment, qint64 time)>;

    explicit SwimlaneView(QWidget *parent = nullptr);
    ~SwimlaneView() override;

    void setTimeline(const Timeline *timeline);
    const Timeline *timeline() const { return m_timeline; }
    // The view state. The view makes its own; pass a shared one to sync several views (or keep
    // it across source changes). Not owned when passed in.
    void setViewportController(TimelineViewport *controller);
    TimelineViewport *viewportController() const { return m_viewport; }

    // Tooltip text of a segment; the default explains the state (see defaultSegmentToolTip).
    void setSegmentToolTip(SegmentToolTip provider);
    static QString defaultSegmentToolTip(const Timeline &timeline, int lane, int segment,
                                         qint64 time);

    void setLaneFilter(std::function<bool(const LaneInfo &)> filter);
    // The filter's answers changed (a filter edit, time passing for "gone for N minutes"):
    // the rows are laid out again.
    void refilterLanes();
    // Live: the axis shows wall-clock time; -1 returns to run time (SwimlaneRenderer).
    void setWallClockOrigin(qint64 epochMs);
    qint64 wallClockOrigin() const;
    // Rows shown (lanes the filter lets through, with their client rows).
    int visibleRowCount() const;
    // Whether a lane has a row (the filter lets it through), scrolled into view or not.
    bool isLaneShown(int lane) const;
    // The lane's row across the lanes area, in viewport coordinates; empty when it has none or
    // is scrolled away.
    QRect laneRowRect(int lane) const;
    // Larger type and rows by a factor (1 = the desktop's).
    void setScale(double scale);
    double scale() const { return m_scale; }
    // Presentation mode: rows, type and label column sized so every row fills the viewport on a
    // screen `screenHeight` px high (stagelayout.h); setScale() returns to the desktop's sizes.
    stagelayout::Metrics fitToStage(int screenHeight);

    Hit hitTest(QPoint viewportPos) const;
    // The lane the selection was made on (a click, or setSelectedLane), while the selected
    // session is still that lane's; -1 otherwise. A processlist id can name several lanes
    // (a server restart reuses ids): whoever acts on "the selected lane" asks for it here.
    int selectedLane() const;
    void setSelectedLane(int lane);
    // Rectangle of the lanes area in viewport coordinates.
    QRect lanesRect() const;
    // x in viewport coordinates of a time, and back (the current frame's mapping).
    double timeToViewportX(qint64 t) const;
    qint64 viewportXToTime(double x) const;
    // y (viewport) of the centre of a lane's row; -1 when it has no row or is scrolled away.
    int laneCenterY(int lane) const;

    // Paints the current view (same range, rows and playhead) into any painter at any size: PNG
    // through QImage, SVG through QSvgGenerator, printing.
    void render(QPainter &painter, QSize size) const;
    QImage renderToImage(QSize size) const;
    // Height needed to show every row at once (for exports of whole scenarios).
    int fullHeight() const;

    const SwimlaneRenderer &renderer() const { return m_renderer; }

public Q_SLOTS:
    // Call after the timeline changed (connect SessionSource::changed here).
    void timelineChanged();
    // Animated (250 ms); TimelineViewport::zoomToFit() jumps.
    void zoomToFit();
    void zoomIn();
    void zoomOut();

Q_SIGNALS:
    void sessionSelected(qint64 id);
    void contextMenuRequestedForSession(qint64 id, QPoint globalPos);
    // The same right-click, naming the lane: kills are built from lanes (the source knows which
    // session a lane was), never from the id alone.
    void contextMenuRequestedForLane(int lane, QPoint globalPos);
    // The user clicked in the time axis, or drags the playhead by its bubble: move it there.
    // (A drag elsewhere in the axis selects a range to zoom to.)
    void playheadScrubbed(qint64 timeUs);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    enum class Drag
    {
        None,
        Pending,
        Pan,
        RubberBand,
        Scrub,
        MovePlayhead
    };

    SwimlaneRenderer::Frame currentFrame() const;
    void updateScrollBars();
    void syncHorizontalScrollBar();
    void onHorizontalScrollBar(int value);
    void invalidateContent();
    void ensureContent(const SwimlaneRenderer::Frame &f);
    void setHover(const Hit &hit);
    QString toolTipFor(const Hit &hit) const;
    int selectedRow() const;

    const Timeline *m_timeline = nullptr;
    QPointer<TimelineViewport> m_viewport;
    bool m_ownsViewport = false;
    int m_selectedLane = -1;
    SwimlaneRenderer m_renderer;
    SegmentToolTip m_toolTip;
    double m_scale = 1.0;

    // Content cache (lanes area only).
    QImage m_cache;
    QSize m_cacheSize;
    qreal m_cacheDpr = 1.0;
    double m_cacheT0 = 0;
    double m_cacheUsPerPx = 0;
    int m_cacheScrollY = -1;
    quint64 m_cacheRevision = ~quint64(0);
    qint64 m_cacheCutoff = 0;
    bool m_cacheValid = false;
    bool m_cacheExact = false; // false after pans: re-rendered at the exact origin when idle
    QTimer m_settleTimer;

    Hit m_hover;
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    QPoint m_pressGlobal;
    qint64 m_pressStart = 0;
    int m_pressScrollY = 0;
    int m_rubberFrom = 0;
    int m_rubberTo = 0;
    bool m_syncingScrollBar = false;
};

} // namespace ks
