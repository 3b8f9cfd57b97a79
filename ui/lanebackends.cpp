#include "lanebackends.h"

#include <QBrush>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cstring>
#include <vector>

namespace ks::lanegeometry {

namespace {

struct Clipped
{
    int x0, y0, x1, y1; // lanes-area coordinates
};

bool clip(const Rect &r, const Window &w, Clipped &out)
{
    out.x0 = std::max(r.x0, w.x0);
    out.x1 = std::min(r.x1, w.x1);
    out.y0 = std::max(r.y0 - w.scrollY, 0);
    out.y1 = std::min(r.y1 - w.scrollY, w.height);
    return out.x0 < out.x1 && out.y0 < out.y1;
}

// One 8×8 tile of the stripes with transparent gaps. Tiles repeat from the painter's origin, the
// lanes area's top-left, which is where the raster path counts its columns and rows from.
const QImage &stripeTile(QRgb stripe)
{
    static QImage tile;
    static QRgb tileColor = 0;
    if (tile.isNull() || tileColor != stripe) {
        tile = QImage(HatchPeriod, HatchPeriod, QImage::Format_ARGB32_Premultiplied);
        for (int y = 0; y < HatchPeriod; ++y)
            for (int x = 0; x < HatchPeriod; ++x)
                tile.setPixel(x, y, hatchOn(x, y) ? stripe : 0u);
        tileColor = stripe;
    }
    return tile;
}

} // namespace

void rasterize(QImage &image, std::span<const Rect> rects, const Window &w)
{
    // Rectangles are composed one horizontal band at a time: the band's line is built once from
    // every rectangle covering it, in order, and copied to each of its scanlines. Stripes move
    // with y, so a band with hatched rectangles re-applies only those per scanline, on the
    // columns where no later solid rectangle covers them.
    if (rects.empty() || w.x1 <= w.x0 || w.height <= 0)
        return;
    const int width = w.x1 - w.x0;
    std::vector<Clipped> clipped;
    std::vector<int> index;
    clipped.reserve(rects.size());
    index.reserve(rects.size());
    std::vector<int> ys;
    ys.reserve(rects.size() * 2);
    for (size_t i = 0; i < rects.size(); ++i) {
        Clipped c{};
        if (!clip(rects[i], w, c))
            continue;
        clipped.push_back(c);
        index.push_back(int(i));
        ys.push_back(c.y0);
        ys.push_back(c.y1);
    }
    if (clipped.empty())
        return;
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
    std::vector<quint32> base(static_cast<size_t>(width));
    std::vector<quint32> line(static_cast<size_t>(width));
    std::vector<int> owner(static_cast<size_t>(width)); // last solid rectangle written, -1 none
    std::vector<size_t> active;
    std::vector<size_t> hatches;
    uchar *bits = image.bits();
    const qsizetype bpl = image.bytesPerLine();
    // Each rectangle joins the bands it spans, in order: no band looks at rectangles that do
    // not reach it (a dense row has thousands, each in a few of its bands).
    const size_t bands = ys.size() - 1;
    std::vector<std::vector<size_t>> members(bands);
    for (size_t k = 0; k < clipped.size(); ++k) {
        const auto b0 = size_t(std::lower_bound(ys.begin(), ys.end(), clipped[k].y0) - ys.begin());
        const auto b1 = size_t(std::lower_bound(ys.begin(), ys.end(), clipped[k].y1) - ys.begin());
        for (size_t b = b0; b < b1; ++b)
            members[b].push_back(k);
    }
    for (size_t b = 0; b < bands; ++b) {
        const int ya = ys[b];
        const int yb = ys[b + 1];
        active.clear();
        hatches.clear();
        bool whole = false;
        for (const size_t k : members[b]) {
            const Clipped &c = clipped[k];
            if (rects[size_t(index[k])].hatched)
                hatches.push_back(k);
            else
                active.push_back(k);
            whole |= c.x0 == w.x0 && c.x1 == w.x1;
        }
        if (active.empty() && hatches.empty())
            continue;
        // Which rectangle wrote a column last matters only for stripes and for columns no
        // rectangle covers; a band with a full-width solid one and no stripes skips the book.
        const bool track = !hatches.empty() || !whole;
        if (track)
            std::fill(owner.begin(), owner.end(), -1);
        for (const size_t k : active) {
            const Clipped &c = clipped[k];
            const int a = c.x0 - w.x0;
            const int e = c.x1 - w.x0;
            std::fill(base.begin() + a, base.begin() + e, rects[size_t(index[k])].color);
            if (track)
                std::fill(owner.begin() + a, owner.begin() + e, int(k));
        }
        auto store = [&](int y, const std::vector<quint32> &src, bool covered) {
            auto *dst = reinterpret_cast<quint32 *>(bits + qsizetype(y) * bpl) + w.x0;
            if (covered) {
                std::memcpy(dst, src.data(), size_t(width) * 4);
                return;
            }
            // Columns no rectangle covers keep what the image had.
            int x = 0;
            while (x < width) {
                if (owner[size_t(x)] < 0) {
                    ++x;
                    continue;
                }
                int e = x;
                while (e < width && owner[size_t(e)] >= 0)
                    ++e;
                std::memcpy(dst + x, src.data() + x, size_t(e - x) * 4);
                x = e;
            }
        };
        if (hatches.empty()) {
            for (int y = ya; y < yb; ++y)
                store(y, base, whole);
            continue;
        }
        // Hatched columns count as covered from here on; a hatch wins a column unless a solid
        // rectangle after it (a killed stripe, a separator) covers that column too.
        std::vector<int> solidOwner = owner;
        for (const size_t k : hatches) {
            const Clipped &c = clipped[k];
            for (int x = c.x0 - w.x0; x < c.x1 - w.x0; ++x)
                if (owner[size_t(x)] < 0)
                    owner[size_t(x)] = int(k);
        }
        for (int y = ya; y < yb; ++y) {
            line = base;
            for (const size_t k : hatches) {
                const Clipped &c = clipped[k];
                const Rect &r = rects[size_t(index[k])];
                for (int x = c.x0 - w.x0; x < c.x1 - w.x0; ++x)
                    if (int(k) > solidOwner[size_t(x)])
                        line[size_t(x)] = hatchOn(x + w.x0, y) ? r.stripe : r.color;
            }
            store(y, line, whole);
        }
    }
}

void paint(QPainter &p, std::span<const Rect> rects, const Window &w)
{
    for (const Rect &r : rects) {
        Clipped c{};
        if (!clip(r, w, c))
            continue;
        const QRect rect(c.x0, c.y0, c.x1 - c.x0, c.y1 - c.y0);
        p.fillRect(rect, QColor::fromRgba(r.color));
        if (r.hatched)
            p.fillRect(rect, QBrush(stripeTile(r.stripe)));
    }
}

} // namespace ks::lanegeometry
