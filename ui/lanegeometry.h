#pragma once

// The one lane geometry of the swimlanes: where a row's bars are, which pixel columns a segment
// covers, and the ordered list of solid (or hatched) rectangles that make up a row. Both painters
// draw exactly this list — the raster path by writing scanlines, the QPainter path (exports,
// HiDPI screens) with fillRect — so they cannot disagree about a single pixel. Pure functions of
// plain data, tested by tables (tests/gui/tst_lanegeometry.cpp), no widgets.
//
// Coordinates: x is a pixel column of the lanes area (0 = its left edge); y is in rows space
// (0 = top of the first row). Painters subtract their vertical scroll.

#include "timeline.h"

#include <QColor>
#include <QtGlobal>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <span>
#include <vector>

namespace ks::lanegeometry {

// A 1-px gap of background between two bars only where both stay readable.
inline constexpr int MinSeparatorPx = 4;
// Kill-pending stripes: 2 of every 8 pixels on a diagonal.
inline constexpr int HatchPeriod = 8;
inline constexpr int HatchOn = 2;
// The top of a killed bar carries a stripe this many pixels high.
inline constexpr int KilledStripePx = 2;

// Whether pixel (x, y) of a hatched rectangle shows the stripe colour. y is in lanes-area
// coordinates (after scrolling), so a pattern continues seamlessly across rows.
inline bool hatchOn(int x, int y)
{
    return ((x - y) & (HatchPeriod - 1)) < HatchOn;
}

// A row as the layout placed it.
struct RowBox
{
    int top = 0;
    int height = 0;
    bool client = false;        // the client row under a thread
    bool lastOfSession = false; // a grid line closes the session block at its bottom
};

struct BarSpan
{
    int y0 = 0; // inclusive
    int y1 = 0; // exclusive
    bool operator==(const BarSpan &) const = default;
};

// The full-height bar: everything that happens.
inline BarSpan fullBar(const RowBox &r)
{
    const int pad = r.client ? std::max(1, r.height / 8) : std::max(2, r.height / 6);
    return {r.top + pad, r.top + r.height - pad};
}

// The thin line of "nothing is happening" states (idle, gone, at the prompt): 3 px on thread
// rows, 2 px on client rows, centred.
inline BarSpan thinBar(const RowBox &r)
{
    const int mid = r.top + r.height / 2;
    return r.client ? BarSpan{mid - 1, mid + 1} : BarSpan{mid - 1, mid + 2};
}

inline BarSpan barFor(const RowBox &r, bool thin)
{
    return thin ? thinBar(r) : fullBar(r);
}

// Pixel columns of a segment [start, end) on an axis whose column 0 starts at t0: rounded, and
// at least one column wide, so a zero-length or sub-pixel segment is still seen.
struct Columns
{
    int x0 = 0;
    int x1 = 0;
    bool operator==(const Columns &) const = default;
};
inline Columns segmentColumns(qint64 start, qint64 end, double t0, double usPerPx)
{
    auto col = [&](qint64 t) {
        return int(std::lround(std::clamp((double(t) - t0) / usPerPx, -1e9, 1e9)));
    };
    const int a = col(start);
    return {a, std::max(col(end), a + 1)};
}

// One run of pixel columns [x0, x1) showing one segment's state.
struct Run
{
    int x0 = 0;
    int x1 = 0;
    quint8 state = 0;
    quint8 flags = 0;
    bool segmentStart = false; // x0 is where the segment itself begins (a separator may go there)
    int segment = -1;
    int segmentWidth = 0; // the whole segment's width in columns, not just this run's
};

// A lane's segments as the timeline stores them (structure of arrays, sorted, not overlapping).
struct Segments
{
    std::span<const qint64> starts;
    std::span<const qint64> ends;
    std::span<const quint8> states;
    std::span<const quint8> flags;
};

// The runs of segments [first, last) over columns [x0, x1), nothing at or after `cutoff`. At most
// one run per column: when segments outnumber columns each column takes the segment at its
// centre (or the first one starting inside it), found by binary search, so the cost is
// O(columns × log n) whatever n is.
inline void computeRuns(const Segments &s, int first, int last, double t0, double usPerPx, int x0,
                        int x1, qint64 cutoff, std::vector<Run> &out)
{
    out.clear();
    if (first >= last || x1 <= x0)
        return;
    if (last - first <= x1 - x0) {
        // Sparse: one run per segment, each at least one column wide, never overlapping.
        int prevX1 = std::numeric_limits<int>::min();
        for (int i = first; i < last; ++i) {
            const qint64 start = s.starts[size_t(i)];
            if (start >= cutoff)
                break;
            const Columns c =
                segmentColumns(start, std::min(s.ends[size_t(i)], cutoff), t0, usPerPx);
            const int a = std::max({c.x0, x0, prevX1});
            const int b = std::min(c.x1, x1);
            if (a >= b)
                continue;
            out.push_back(
                Run{a, b, s.states[size_t(i)], s.flags[size_t(i)], a == c.x0, i, c.x1 - c.x0});
            prevX1 = b;
        }
        return;
    }
    const qint64 *ends = s.ends.data();
    size_t i = size_t(first);
    for (int c = x0; c < x1; ++c) {
        const double tc = t0 + (c + 0.5) * usPerPx;
        if (tc >= double(cutoff))
            break;
        i = size_t(std::upper_bound(ends + i, ends + last, qint64(tc)) - ends);
        if (i >= size_t(last))
            break;
        if (double(s.starts[i]) >= tc + usPerPx * 0.5)
            continue;
        if (!out.empty() && out.back().x1 == c && out.back().state == s.states[i] &&
            out.back().flags == s.flags[i]) {
            out.back().x1 = c + 1;
            continue;
        }
        out.push_back(Run{c, c + 1, s.states[i], s.flags[i], false, int(i), 1});
    }
}

// The colours a row is made of, resolved from the theme once per frame. All opaque.
struct Style
{
    std::array<QRgb, SegmentStateCount> state{};
    std::array<bool, SegmentStateCount> thin{};
    QRgb laneEven = 0xffffffff;
    QRgb laneOdd = 0xffffffff;
    QRgb laneClient = 0xffffffff;
    QRgb grid = 0xff000000;
    QRgb killed = 0xffff0000;
    QRgb killFlag = 0xff000000;
};

// One solid rectangle, or a hatched one: pixels where hatchOn(x, y - scrollY) take `stripe`,
// the others `color`.
struct Rect
{
    int x0 = 0;
    int y0 = 0;
    int x1 = 0;
    int y1 = 0;
    QRgb color = 0;
    bool hatched = false;
    QRgb stripe = 0;
    bool operator==(const Rect &) const = default;
};

// A row over columns [x0, x1) as rectangles in paint order (later ones cover earlier ones):
// background, major grid columns, bars, kill-pending stripes, killed stripes, separators and the
// session's closing grid line. `gridColumns` are the major ticks' columns inside [x0, x1).
inline void rowRects(const RowBox &row, int session, std::span<const Run> runs,
                     std::span<const int> gridColumns, int x0, int x1, const Style &style,
                     std::vector<Rect> &out)
{
    if (x1 <= x0 || row.height <= 0)
        return;
    const QRgb bg = row.client ? style.laneClient : (session & 1) ? style.laneOdd : style.laneEven;
    const int top = row.top;
    const int bottom = row.top + row.height;
    out.push_back(Rect{x0, top, x1, bottom, bg});
    for (const int x : gridColumns)
        if (x >= x0 && x < x1)
            out.push_back(Rect{x, top, x + 1, bottom, style.grid});
    const BarSpan full = fullBar(row);
    const BarSpan thinSpan = thinBar(row);
    for (const Run &run : runs) {
        const auto state = size_t(run.state) < style.state.size() ? size_t(run.state) : 0;
        const bool pending = run.flags & SegmentFlag::KillPending;
        // A thin bar cannot carry stripes: a pending kill gives it the full height.
        const bool thin = style.thin[state] && !pending;
        const BarSpan bar = thin ? thinSpan : full;
        const QRgb c = style.state[state];
        out.push_back(Rect{run.x0, bar.y0, run.x1, bar.y1, c});
        const bool separator = run.segmentStart && run.segmentWidth >= MinSeparatorPx && run.x0 > 0;
        if (pending)
            out.push_back(Rect{run.x0, full.y0, run.x1, full.y1, c, true, style.killFlag});
        if (run.flags & SegmentFlag::Killed) {
            // The processlist says Killed: a stripe on top of the bar, thin bars included (an
            // idle session killed by KILL CONNECTION is Killed too), over the kill-pending
            // stripes (MariaDB shows Killed before the victim notices).
            const int h = std::min(KilledStripePx, std::max(1, bar.y1 - bar.y0 - 1));
            out.push_back(Rect{run.x0, bar.y0, run.x1, bar.y0 + h, style.killed});
        }
        if (separator)
            out.push_back(Rect{run.x0, bar.y0, run.x0 + 1, bar.y1, bg});
    }
    if (row.lastOfSession)
        out.push_back(Rect{x0, bottom - 1, x1, bottom, style.grid});
}

} // namespace ks::lanegeometry
