#pragma once

#include "lanegeometry.h"
#include "stagelayout.h"
#include "theme.h"
#include "timeline.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QFontInfo>
#include <QHash>
#include <QImage>
#include <QRect>
#include <QStaticText>
#include <functional>
#include <limits>
#include <span>
#include <vector>

class QPainter;

namespace ks {

// Paints a Timeline as swimlanes: the lane-label column, the time axis and the lanes themselves.
// Widget-free, so the view, the PNG/SVG exports and the benchmarks share one painting path.
//
// Invariants:
// - Rows follow the timeline's lane order; a thread's client row comes right under it.
// - Per lane and frame at most one run per pixel column is produced (per-column level of detail),
//   whatever the number of segments, so the cost is O(visible rows × width × log n).
// - Fills come from one lane geometry (lanegeometry.h): the same integer rectangles are written
//   into scanlines (renderContent) or filled through a QPainter (paintContent), so screen and
//   exports show the same pixels. Only arrows, flags and text are antialiased.
// - Nothing here caches frame content; it keeps only the row layout (rebuilt on laneRevision
//   changes) and laid-out texts (keyed by text, font and width; bar texts by timeline revision).
class SwimlaneRenderer
{
    Q_DECLARE_TR_FUNCTIONS(ks::SwimlaneRenderer)
public:
    struct Row
    {
        int lane = -1;
        LaneKind kind = LaneKind::Thread;
        int top = 0; // in the scrollable rows space (0 = first row)
        int height = 0;
        int session = 0; // index of the session block, for alternating backgrounds
    };

    // What one frame shows. Content coordinates: (0, 0) is the top-left of the lanes area.
    struct Frame
    {
        int width = 0;  // of the lanes area
        int height = 0; // of the lanes area
        double t0 = 0;  // time at x = 0 (left edge of column 0)
        double usPerPx = 1;
        int scrollY = 0; // rows-space y at the top of the lanes area
        qint64 cutoff = std::numeric_limits<qint64>::max(); // draw nothing at or after this time
        qint64 visibleEnd() const { return qint64(t0 + width * usPerPx) + 1; }
    };

    // What the last renderContent()/paintContent() produced (tests and benchmarks read it).
    struct Stats
    {
        int rows = 0;
        int runs = 0;
    };

    SwimlaneRenderer();

    void setTimeline(const Timeline *timeline);
    const Timeline *timeline() const { return m_timeline; }
    void setTheme(const Theme &theme) { m_theme = theme; }
    const Theme &theme() const { return m_theme; }
    // Base font; presentation mode passes a larger one and larger rows.
    void setFont(const QFont &font);
    QFont font() const { return m_font; }
    void setRowHeights(int thread, int client);
    // A stage (presentation mode, slides): type, rows and the label column sized so that every
    // row fills `area` (axis included) on a screen `screenHeight` px high (stagelayout.h).
    // `family` gives the typeface; its size is chosen here. Returns the metrics used.
    stagelayout::Metrics fitToStage(QSize area, int screenHeight, const QFont &family);
    int threadRowHeight() const { return m_threadHeight; }
    int clientRowHeight() const { return m_clientHeight; }
    void setLabelWidth(int width) { m_labelWidth = width; }
    int labelWidth() const { return m_labelWidth; }
    int axisHeight() const { return m_axisHeight; }
    // The axis's rows: ticks on top, then (when the run has any) server-wide changes.
    int axisTicksHeight() const { return m_axisTicksHeight; }
    bool hasGlobalMarkers() const { return m_globalMarkers; }
    // A server-wide change as the axis shows it: which marker, where, the text it got and its
    // pill (x and width; the y is the axis's marker row).
    struct GlobalMarker
    {
        int marker = -1; // index into Timeline::markerList()
        int x = 0;       // lanes-area column of its time
        QString text;
        QRect box;
    };
    std::vector<GlobalMarker> globalMarkers(const Frame &f) const;
    // Which lanes get rows; null shows all.
    void setLaneFilter(std::function<bool(const LaneInfo &)> filter);
    // Live: the axis reads wall-clock time ("14:03:20"); `epochMs` is the wall clock at time 0
    // of the timeline. -1 (the default) keeps run time ("1.250 s").
    void setWallClockOrigin(qint64 epochMs) { m_wallOriginMs = epochMs; }
    qint64 wallClockOrigin() const { return m_wallOriginMs; }
    // The axis label of a time, as the axis writes it with a tick step of `step` µs.
    QString axisTimeText(qint64 t, qint64 step, int extraDecimals = 0) const;

    // Rebuilds the rows when the lane list changed; returns true when it did.
    bool updateLayout(bool force = false);
    const std::vector<Row> &rows() const { return m_rows; }
    int totalHeight() const { return m_totalHeight; }
    // Row index at rows-space y, or -1.
    int rowAt(int y) const;
    // Row index of a lane, or -1 when it has no row (filtered out).
    int rowOfLane(int lane) const;
    // The bar of a row, in rows-space y: [top, bottom).
    std::pair<int, int> barSpan(const Row &row, SegmentState state) const;

    // The lanes area into a raster image (Format_RGB32 or ARGB32_Premultiplied, device pixel
    // ratio 1), columns [x0, x1) only; the rest of the image is left alone. The fast path: fills
    // are written straight into the scanlines.
    void renderContent(QImage &image, const Frame &frame, int x0, int x1) const;
    // The whole lanes area of a frame at a device pixel ratio: the raster path at 1, the
    // QPainter path otherwise. The view's cache and PNG exports are both made by it.
    QImage renderContentImage(const Frame &frame, qreal dpr = 1.0) const;
    void renderContentInto(QImage &image, const Frame &frame, qreal dpr) const;
    // The same through any painter (SVG, printers, scaled images). The painter's origin is the
    // lanes area's top-left; the caller clips.
    void paintContent(QPainter &p, const Frame &frame) const;
    // Lane labels, full height of the rows area (origin: top-left of the label column below the
    // axis). The selected session gets a highlight.
    void paintLabels(QPainter &p, const Frame &frame, int selectedSessionRow = -1) const;
    // Time axis over the lanes area (origin: top-left of the axis above the lanes).
    // Tick labels under the playhead's bubble are left out.
    void paintAxis(QPainter &p, const Frame &frame, qint64 playhead = -1) const;
    // Labels, axis and the corner above the labels around a lanes area of `f` (painter origin:
    // the view's top-left). The view and paintAll() share it, so both frame the lanes alike.
    void paintChrome(QPainter &p, const Frame &f, int selectedSessionRow = -1,
                     qint64 playhead = -1) const;
    // Everything into a painter of the given size: labels, axis, lanes and an optional playhead.
    // Pixel for pixel what the view shows for the same frame (without hover and selection).
    void paintAll(QPainter &p, QSize size, const Frame &lanes, qint64 playhead = -1) const;
    void paintPlayhead(QPainter &p, const Frame &frame, qint64 playhead, int axisTop,
                       int lanesBottom) const;
    // Where the playhead's time bubble goes (view coordinates, axis at y = 0); empty when the
    // playhead is off screen.
    QRect playheadBubble(const Frame &frame, qint64 playhead, QString *text = nullptr) const;
    // Where the playhead crosses a rollback: the rows still to undo at that moment, in a chip.
    // Painter origin: the view's top-left (labels and axis included).
    void paintRollbackCounters(QPainter &p, const Frame &frame, qint64 playhead) const;

    Stats lastStats() const { return m_stats; }

    // Text of a segment's bar (statement, error, rows to undo, or the state's name), and its
    // shorter forms by meaning for narrow bars (the first that fits is drawn).
    QString segmentText(int lane, int index) const;
    QStringList segmentTexts(int lane, int index) const;
    // Forget laid-out and translated texts (after a language switch).
    void invalidateTexts();

private:
    lanegeometry::RowBox rowBox(size_t row) const;
    lanegeometry::Style geometryStyle() const;
    void computeRuns(int lane, const Frame &f, int x0, int x1,
                     std::vector<lanegeometry::Run> &out) const;
    // Every visible row of columns [x0, x1) as its rectangles (lanegeometry::rowRects), handed
    // to `draw` one row at a time; the two back ends only differ in what `draw` does.
    void laneRects(const Frame &f, int x0, int x1,
                   const std::function<void(std::span<const lanegeometry::Rect>)> &draw) const;
    void paintDecorations(QPainter &p, const Frame &f, int x0, int x1) const;
    void paintSignals(QPainter &p, const Frame &f, int x0, int x1) const;
    void paintMarkers(QPainter &p, const Frame &f, int x0, int x1) const;
    void paintGlobalMarkers(QPainter &p, const Frame &f, int top, int height) const;
    void updateAxisHeight();
    std::pair<int, int> visibleRowRange(const Frame &f) const;
    qint64 majorStep(const Frame &f) const;
    // Arrows and markers grow with the rows (presentation mode), never shrink below 1.
    // Tall stage rows do not make slabs of them: no more than the type grows.
    double glyphScale() const
    {
        const int px = QFontInfo(m_font).pixelSize();
        return std::clamp(m_threadHeight / 30.0, 1.0, std::max(1.0, px / 12.0));
    }
    QFont smallFont() const { return m_fonts[int(TextFont::Small)]; }
    QFont boldFont() const { return m_fonts[int(TextFont::Bold)]; }

    // Shaping text is the dearest thing a frame does. Texts are laid out once as QStaticText,
    // keyed by text, font and how many characters survive elision (`length`).
    enum class TextFont : quint8
    {
        Normal,
        Small,
        Bold,
        SmallBold,
        Count
    };
    struct TextKey
    {
        QString text;
        int length;
        TextFont font;
        bool operator==(const TextKey &) const = default;
        friend size_t qHash(const TextKey &k, size_t seed = 0)
        {
            return qHash(k.text, seed) ^ (size_t(k.length) << 3) ^ size_t(k.font);
        }
    };
    struct TextMetrics
    {
        std::vector<float> prefix; // width of the first i characters
        qreal full = 0;
        qreal ellipsis = 0;
    };
    const TextMetrics &textMetrics(TextFont font, const QString &text) const;
    struct TextImageKey
    {
        QString text;
        TextFont font;
        QRgb color;
        bool operator==(const TextImageKey &) const = default;
        friend size_t qHash(const TextImageKey &k, size_t seed = 0)
        {
            return qHash(k.text, seed) ^ size_t(k.color) ^ (size_t(k.font) << 29);
        }
    };
    void blitText(QPainter &p, TextFont font, const QStaticText &st, QPointF at) const;
    // The laid-out text elided to `width`; null when nothing fits.
    const QStaticText *staticText(TextFont font, const QString &text, int width) const;
    // The first of `forms` that fits `width` whole, else the last (to be elided).
    QString fittingText(TextFont font, const QStringList &forms, int width) const;
    // Draws text elided to rect's width, vertically centred; returns the width drawn.
    int drawText(QPainter &p, TextFont font, const QString &text, const QRect &rect,
                 bool centred = false) const;

    const Timeline *m_timeline = nullptr;
    Theme m_theme;
    QFont m_font;
    QFont m_fonts[int(TextFont::Count)];
    mutable QHash<TextKey, QStaticText> m_textCache;
    mutable QHash<TextKey, TextMetrics> m_metrics; // length 0: one entry per text and font
    mutable QHash<TextImageKey, QImage> m_textImages;
    mutable qsizetype m_textImageBytes = 0;
    mutable QHash<quint64, QStringList> m_texts; // (detail << 8 | state) → bar texts
    mutable quint64 m_textsRevision = ~quint64(0);
    mutable const Timeline *m_textsTimeline = nullptr;
    int m_threadHeight = 30;
    int m_clientHeight = 20;
    int m_labelWidth = 190;
    int m_axisHeight = 30;
    int m_axisTicksHeight = 30;
    int m_axisMarkerRowHeight = 22;
    bool m_globalMarkers = false;
    qint64 m_wallOriginMs = -1;
    // Microseconds to add to a timeline time for local wall-clock time (ticks land on whole
    // local seconds, minutes and hours).
    qint64 wallOffsetUs() const;
    std::function<bool(const LaneInfo &)> m_filter;
    std::vector<Row> m_rows;
    std::vector<int> m_rowTops;
    std::vector<int> m_rowOfLane;
    int m_totalHeight = 0;
    quint64 m_layoutLaneRevision = ~quint64(0);
    mutable Stats m_stats;
};

} // namespace ks
