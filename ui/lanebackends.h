#pragma once

// The two back ends that draw a lane geometry (lanegeometry.h): straight into a raster image's
// scanlines (the screen's fast path) or through any QPainter (PNG/SVG exports, HiDPI screens).
// They take the same rectangles and must produce the same pixels on an unscaled raster device;
// tests/gui/tst_lanegeometry.cpp holds them to that on random rectangle lists and whole frames.

#include "lanegeometry.h"

#include <span>

class QImage;
class QPainter;

namespace ks::lanegeometry {

// Where rectangles land: columns [x0, x1) and lanes-area rows [0, height) of the target, rows
// space y shifted up by scrollY.
struct Window
{
    int x0 = 0;
    int x1 = 0;
    int height = 0;
    int scrollY = 0;
};

// Into a Format_RGB32 / ARGB32_Premultiplied image whose (0, 0) is the lanes area's top-left.
void rasterize(QImage &image, std::span<const Rect> rects, const Window &w);
// Through a painter whose origin is the lanes area's top-left.
void paint(QPainter &p, std::span<const Rect> rects, const Window &w);

} // namespace ks::lanegeometry
