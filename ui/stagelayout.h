#pragma once

// How big things are on a stage: presentation mode on a screen, and the slides `--png` and
// File ▸ Export write. Rows and type grow with the screen and shrink with the number of lanes so
// that the lanes fill the height they are given; nothing scrolls unless even the smallest
// readable rows do not fit. Pure arithmetic, tested by tables (tests/gui/tst_presentation.cpp).

#include <QtGlobal>
#include <algorithm>
#include <cmath>

namespace ks::stagelayout {

// Type on a screen `screenHeight` px high: 30 px at 1080p, 20 px at 720p (a lecture hall reads
// a 1080p projector from the back at about that size).
inline int baseFontPx(int screenHeight)
{
    return std::max(12, int(std::lround(screenHeight / 36.0)));
}

// A client row is this much of a thread row.
inline constexpr double ClientShare = 0.6;

struct Metrics
{
    int fontPx = 0;    // lane labels and bar texts
    int threadRow = 0; // px
    int clientRow = 0; // px
    bool fits = true;  // false: even the smallest rows need more than the height (scrolling)
};

// Rows and type for `threads` thread rows and `clients` client rows in a lanes area `height` px
// high on a screen `screenHeight` px high.
inline Metrics metrics(int height, int screenHeight, int threads, int clients)
{
    Metrics m;
    const int base = baseFontPx(screenHeight);
    const double units = std::max(1.0, threads + clients * ClientShare);
    const double row = height / units;
    // The rows take the whole height, however few they are; only when they would get too thin
    // to read do they stop shrinking (and the lanes scroll). Type grows with tall rows up to one
    // and a half times the base, and shrinks with thin ones.
    const double minRow = std::max(14.0, base * 0.6);
    const double thread = std::max(row, minRow);
    m.fits = row >= minRow;
    m.threadRow = int(std::floor(thread));
    m.clientRow = std::max(8, int(std::floor(thread * ClientShare)));
    // A label and the statement under it need about 2.4 lines in a thread row.
    const double fitting = thread / 2.4;
    m.fontPx = int(std::lround(std::clamp(fitting, std::max(10.0, base * 0.5), base * 1.5)));
    if (fitting >= base)
        m.fontPx = std::max(m.fontPx, base);
    return m;
}

// The label column: wide enough for the longest label (`longestLabelPx` at the metrics' type,
// plus padding), but never more than a third of the width nor less than an eighth.
inline int labelWidth(int width, int longestLabelPx, int fontPx)
{
    const int wanted = longestLabelPx + fontPx; // padding on both sides
    return std::clamp(wanted, width / 8, width / 3);
}

} // namespace ks::stagelayout
