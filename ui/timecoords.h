#pragma once

// Pure coordinate math of the swimlane view: time ↔ pixel, rows ↔ y, axis ticks. No state and no
// widgets, so every rule here is tested by tables (tests/gui/tst_timecoords.cpp). Labels are
// written by TimeFormat (model/timeformat.h), the program's one time formatter.

#include "timeformat.h"

#include <QString>
#include <QtGlobal>
#include <algorithm>
#include <cmath>
#include <span>

namespace ks::timecoords {

// x of time t in a content area whose column 0 starts at time t0, usPerPx µs per pixel.
// No clamping: values outside [0, width] are valid.
inline double timeToX(double t, double t0, double usPerPx)
{
    return (t - t0) / usPerPx;
}

// The pixel column holding time t (floor of timeToX).
inline int timeToColumn(double t, double t0, double usPerPx)
{
    const double x = std::floor(timeToX(t, t0, usPerPx));
    return int(std::clamp(x, -1.0e9, 1.0e9));
}

// Time at x (the left edge of column x when x is whole).
inline double xToTime(double x, double t0, double usPerPx)
{
    return t0 + x * usPerPx;
}

// µs per pixel for a visible span over a content width; a degenerate width counts as 1 px.
inline double usPerPixel(qint64 spanUs, int width)
{
    return double(std::max<qint64>(spanUs, 1)) / double(std::max(width, 1));
}

// New visible start after zooming by `factor` (< 1 zooms in) so that the time under pixel x
// stays under pixel x.
inline double zoomStartAround(double t0, double usPerPx, double x, double factor)
{
    const double anchor = xToTime(x, t0, usPerPx);
    return anchor - x * usPerPx * factor;
}

// Index of the row whose [top, top + height) holds y, given each row's top in ascending order and
// the bottom of the last row; -1 outside every row.
inline int rowAt(std::span<const int> tops, int bottom, int y)
{
    if (tops.empty() || y < tops.front() || y >= bottom)
        return -1;
    return int(std::upper_bound(tops.begin(), tops.end(), y) - tops.begin()) - 1;
}

// A "nice" tick step (1, 2 or 5 × 10^k µs) at least minPx pixels wide.
inline qint64 niceTickStep(double usPerPx, int minPx)
{
    const double wanted = std::max(usPerPx * minPx, 1.0);
    qint64 decade = 1;
    while (decade <= Q_INT64_C(1000000000000000) && double(decade) * 10.0 <= wanted)
        decade *= 10;
    for (const qint64 m : {1, 2, 5, 10}) {
        if (double(decade * m) >= wanted)
            return decade * m;
    }
    return decade * 10;
}

// First multiple of step at or after t (works for negative t too).
inline qint64 firstTickAtOrAfter(qint64 t, qint64 step)
{
    qint64 q = t / step;
    if (q * step < t)
        ++q;
    return q * step;
}

using ks::TimeUnit; // model/timeformat.h writes the labels, in the current language

// One unit for a whole axis: by the tick step and the largest time shown, so labels along the axis
// never switch units. Past ten minutes (hours of live monitoring) a clock reads better than
// "28800.5 s".
inline TimeUnit axisUnit(qint64 step, qint64 largestAbsTime)
{
    if (largestAbsTime >= Q_INT64_C(600000000) && step >= 1000)
        return TimeUnit::Clock;
    if (step >= 100000 || largestAbsTime >= 10000000)
        return TimeUnit::S;
    if (step >= 100 || largestAbsTime >= 10000)
        return TimeUnit::Ms;
    return TimeUnit::Us;
}

// Decimals needed so that consecutive ticks `step` apart print differently in `unit`.
inline int axisDecimals(qint64 step, TimeUnit unit)
{
    const double perUnit = (unit == TimeUnit::S || unit == TimeUnit::Clock) ? 1e6
                           : unit == TimeUnit::Ms                           ? 1e3
                                                                            : 1.0;
    const double s = double(step) / perUnit;
    if (s >= 1.0)
        return 0;
    return std::clamp(int(std::ceil(-std::log10(s) - 1e-9)), 0, 6);
}

// The largest |time| a frame of `width` pixels shows. The axis unit depends on it, so it must come
// from the whole frame, never from a strip of it.
inline qint64 largestAbsTime(double t0, double usPerPx, int width)
{
    const double a = std::abs(t0);
    const double b = std::abs(t0 + usPerPx * width);
    return qint64(std::min(std::max(a, b), 9.0e18));
}

// The major tick step of an axis: 1-2-5 decades, or clock-friendly steps (15 s, 1 min, 30 min,
// 1 h, ...) once the axis reads as a clock.
inline qint64 axisStep(double usPerPx, int minPx, qint64 largest)
{
    const qint64 step = niceTickStep(usPerPx, minPx);
    if (step < 1000000 || axisUnit(step, largest) != TimeUnit::Clock)
        return step;
    static constexpr qint64 seconds[] = {1,   2,   5,    10,   15,   30,    60,    120,   300,
                                         600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
    const double wanted = usPerPx * minPx;
    for (const qint64 s : seconds) {
        if (double(s) * 1e6 >= wanted)
            return s * 1000000;
    }
    return step;
}

} // namespace ks::timecoords
