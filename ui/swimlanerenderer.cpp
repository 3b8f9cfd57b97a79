#include "swimlanerenderer.h"

#include "enginetext.h"
#include "lanebackends.h"
#include "language.h"
#include "shorttext.h"
#include "timecoords.h"

#include <QDateTime>
#include <QFontMetrics>
#include <QImage>
#include <QLocale>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace ks {

using namespace timecoords;

namespace {

constexpr int MinTextRunPx = 64; // narrower bars get no text: under ~8 letters it is noise
constexpr int MinCheckSpacingPx = 6;
constexpr int ArrowLabelReachPx = 320; // arrows left of a strip may still paint labels into it
constexpr qsizetype MaxTextImageBytes = 24 * 1024 * 1024; // pre-rendered texts, then start over

QString formatRows(qint64 rows)
{
    return QLocale().toString(rows);
}

} // namespace

SwimlaneRenderer::SwimlaneRenderer()
{
    setFont(QFont());
}

void SwimlaneRenderer::setTimeline(const Timeline *timeline)
{
    m_timeline = timeline;
    updateLayout(true);
}

void SwimlaneRenderer::setFont(const QFont &font)
{
    m_font = font;
    QFont small = font;
    if (small.pixelSize() > 0)
        small.setPixelSize(std::max(8, small.pixelSize() * 85 / 100));
    else
        small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    QFont bold = font;
    bold.setBold(true);
    QFont smallBold = small;
    smallBold.setBold(true);
    m_fonts[int(TextFont::Normal)] = font;
    m_fonts[int(TextFont::Small)] = small;
    m_fonts[int(TextFont::Bold)] = bold;
    m_fonts[int(TextFont::SmallBold)] = smallBold;
    m_textCache.clear();
    m_metrics.clear();
    m_textImages.clear();
    m_textImageBytes = 0;
    const QFontMetrics fm(m_font);
    m_axisTicksHeight = std::max(26, fm.height() + 14);
    m_axisMarkerRowHeight = QFontMetrics(m_fonts[int(TextFont::SmallBold)]).height() + 8;
    updateAxisHeight();
}

const SwimlaneRenderer::TextMetrics &SwimlaneRenderer::textMetrics(TextFont font,
                                                                   const QString &text) const
{
    TextKey key{text, 0, font};
    auto it = m_metrics.constFind(key);
    if (it != m_metrics.constEnd())
        return *it;
    // Prefix widths from per-character advances: one pass per text, then any elision width is a
    // binary search. Kerning is ignored; the ellipsis margin covers it.
    const QFontMetricsF fm(m_fonts[int(font)]);
    TextMetrics m;
    m.prefix.resize(size_t(text.size()) + 1, 0.0f);
    qreal x = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool pair =
            text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
        if (pair) // the half-way prefix keeps the width before the pair (the array stays sorted)
            m.prefix[size_t(i) + 1] = float(x);
        x += fm.horizontalAdvance(text.mid(i, pair ? 2 : 1));
        if (pair)
            ++i;
        m.prefix[size_t(i) + 1] = float(x);
    }
    m.full = fm.horizontalAdvance(text);
    m.ellipsis = fm.horizontalAdvance(QStringLiteral("…")) + 1;
    if (m_metrics.size() > 8192)
        m_metrics.clear();
    return *m_metrics.insert(key, m);
}

const QStaticText *SwimlaneRenderer::staticText(TextFont font, const QString &text, int width) const
{
    if (text.isEmpty() || width <= 0)
        return nullptr;
    // Keyed by how many characters survive elision, not by the pixel width: while zooming the
    // widths change every frame, the surviving prefix rarely does.
    const TextMetrics &m = textMetrics(font, text);
    int keep = int(text.size());
    if (m.full > width) {
        const auto end = m.prefix.begin() + text.size() + 1;
        const auto it = std::upper_bound(m.prefix.begin(), end, float(width - m.ellipsis));
        keep = int(it - m.prefix.begin()) - 1;
        if (keep > 0 && text.at(keep - 1).isHighSurrogate())
            --keep; // never cut between the halves of a surrogate pair
        if (keep <= 0)
            return nullptr;
    }
    if (m_textCache.size() > 8192)
        m_textCache.clear();
    TextKey key{text, keep, font};
    auto it = m_textCache.constFind(key);
    if (it == m_textCache.constEnd()) {
        QStaticText st(keep == text.size() ? text : text.left(keep) + QStringLiteral("…"));
        st.setTextFormat(Qt::PlainText);
        st.prepare(QTransform(), m_fonts[int(font)]);
        it = m_textCache.insert(key, st);
    }
    return &*it;
}

int SwimlaneRenderer::drawText(QPainter &p, TextFont font, const QString &text, const QRect &rect,
                               bool centred) const
{
    const QStaticText *st = staticText(font, text, rect.width());
    if (!st)
        return 0;
    const QSizeF size = st->size();
    const double x = centred ? rect.left() + (rect.width() - size.width()) / 2 : rect.left();
    const double y = rect.top() + (rect.height() - size.height()) / 2;
    blitText(p, font, *st, QPointF(x, y));
    return int(std::ceil(size.width()));
}

void SwimlaneRenderer::blitText(QPainter &p, TextFont font, const QStaticText &st, QPointF at) const
{
    const QPoint pos(int(std::round(at.x())), int(std::round(at.y())));
    // On an unscaled raster device a pre-rendered image of the text is blitted: copying a few
    // hundred pixels costs a fraction of drawing the glyphs again. Vector devices (SVG) and
    // scaled painters get real text.
    const bool raster = p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster &&
                        p.device()->devicePixelRatioF() == 1.0 &&
                        p.transform().type() <= QTransform::TxTranslate;
    if (!raster) {
        p.setFont(m_fonts[int(font)]);
        p.drawStaticText(pos, st);
        return;
    }
    const QRgb color = p.pen().color().rgba();
    TextImageKey key{st.text(), font, color};
    auto it = m_textImages.constFind(key);
    if (it == m_textImages.constEnd()) {
        const QSize size = st.size().toSize() + QSize(2, 2);
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter ip(&image);
        ip.setPen(p.pen().color());
        ip.setFont(m_fonts[int(font)]);
        ip.drawStaticText(QPointF(0, 0), st);
        ip.end();
        const qsizetype bytes = image.sizeInBytes();
        if (m_textImageBytes + bytes > MaxTextImageBytes) {
            m_textImages.clear();
            m_textImageBytes = 0;
        }
        m_textImageBytes += bytes;
        it = m_textImages.insert(key, image);
    }
    p.drawImage(pos, *it);
}

void SwimlaneRenderer::setRowHeights(int thread, int client)
{
    m_threadHeight = std::max(8, thread);
    m_clientHeight = std::max(0, client);
    updateLayout(true);
}

stagelayout::Metrics SwimlaneRenderer::fitToStage(QSize area, int screenHeight,
                                                  const QFont &family)
{
    int threads = 0;
    int clients = 0;
    if (m_timeline) {
        for (int lane = 0; lane < m_timeline->laneCount(); ++lane) {
            const LaneInfo &info = m_timeline->lane(lane);
            if (info.kind != LaneKind::Thread || (m_filter && !m_filter(info)))
                continue;
            ++threads;
            clients += info.partner >= 0 ? 1 : 0;
        }
    }
    // The axis grows with the type, and the type with the rows: settle in two rounds.
    stagelayout::Metrics m;
    QFont f = family;
    int axis = std::max(26, stagelayout::baseFontPx(screenHeight) * 2);
    for (int round = 0; round < 2; ++round) {
        m = stagelayout::metrics(std::max(1, area.height() - axis), screenHeight, threads, clients);
        f.setPixelSize(m.fontPx);
        setFont(f);
        axis = m_axisHeight;
    }
    setRowHeights(m.threadRow, clients > 0 ? m.clientRow : 0);
    // The label column fits the longest caption (the statement line under it may be elided:
    // its tooltip has it whole).
    const QFontMetrics bold(boldFont());
    int longest = 0;
    if (m_timeline) {
        for (const Row &row : m_rows)
            if (row.kind == LaneKind::Thread)
                longest = std::max(longest, bold.horizontalAdvance(
                                                m_timeline->lane(row.lane).labelFor(currentLanguage())));
    }
    setLabelWidth(stagelayout::labelWidth(area.width(), longest, m.fontPx));
    updateAxisHeight();
    return m;
}

void SwimlaneRenderer::setLaneFilter(std::function<bool(const LaneInfo &)> filter)
{
    m_filter = std::move(filter);
    updateLayout(true);
}

void SwimlaneRenderer::updateAxisHeight()
{
    m_axisHeight = m_axisTicksHeight + (m_globalMarkers ? m_axisMarkerRowHeight : 0);
}

bool SwimlaneRenderer::updateLayout(bool force)
{
    if (!m_timeline) {
        const bool had = !m_rows.empty();
        m_rows.clear();
        m_rowTops.clear();
        m_rowOfLane.clear();
        m_totalHeight = 0;
        m_layoutLaneRevision = ~quint64(0);
        m_globalMarkers = false;
        updateAxisHeight();
        return had;
    }
    if (!force && m_layoutLaneRevision == m_timeline->laneRevision())
        return false;
    m_layoutLaneRevision = m_timeline->laneRevision();
    m_rows.clear();
    m_rowTops.clear();
    const int n = m_timeline->laneCount();
    m_rowOfLane.assign(size_t(n), -1);
    int y = 0;
    int session = 0;
    auto add = [&](int lane, LaneKind kind, int sessionIndex) {
        const int h = kind == LaneKind::Thread ? m_threadHeight : m_clientHeight;
        if (h <= 0)
            return;
        m_rowOfLane[size_t(lane)] = int(m_rows.size());
        m_rows.push_back(Row{lane, kind, y, h, sessionIndex});
        m_rowTops.push_back(y);
        y += h;
    };
    for (int lane = 0; lane < n; ++lane) {
        const LaneInfo &info = m_timeline->lane(lane);
        // A client row is placed under its thread, not where it sits in the lane list.
        if (info.kind == LaneKind::Client && info.partner >= 0)
            continue;
        if (m_filter && !m_filter(info))
            continue;
        add(lane, info.kind, session);
        if (info.kind == LaneKind::Thread && info.partner >= 0 && info.partner < n)
            add(info.partner, LaneKind::Client, session);
        ++session;
    }
    m_totalHeight = y;
    // A row for server-wide changes under the ticks, only when the run has any.
    const auto markers = m_timeline->markerList();
    m_globalMarkers = std::any_of(markers.begin(), markers.end(), [](const TimelineMarker &m) {
        return m.lane < 0 && m.kind == MarkerKind::GlobalAction;
    });
    updateAxisHeight();
    return true;
}

int SwimlaneRenderer::rowAt(int y) const
{
    return timecoords::rowAt(m_rowTops, m_totalHeight, y);
}

int SwimlaneRenderer::rowOfLane(int lane) const
{
    return lane >= 0 && size_t(lane) < m_rowOfLane.size() ? m_rowOfLane[size_t(lane)] : -1;
}

lanegeometry::RowBox SwimlaneRenderer::rowBox(size_t r) const
{
    const Row &row = m_rows[r];
    const bool last = r + 1 >= m_rows.size() || m_rows[r + 1].session != row.session;
    return {row.top, row.height, row.kind == LaneKind::Client, last};
}

std::pair<int, int> SwimlaneRenderer::barSpan(const Row &row, SegmentState state) const
{
    const lanegeometry::RowBox box{row.top, row.height, row.kind == LaneKind::Client, false};
    const auto span = lanegeometry::barFor(box, m_theme.barStyle(state) == Theme::BarStyle::Thin);
    return {span.y0, span.y1};
}

qint64 SwimlaneRenderer::majorStep(const Frame &f) const
{
    // Grid lines and axis ticks must agree, also in a strip rendered after a pan: the whole
    // frame decides the step.
    // Ticks far enough apart for their labels in this type and language ("20 秒" is wider than
    // "20 s", and presentation type is large), never closer than 110 px.
    const qreal label =
        textMetrics(TextFont::Small,
                    m_wallOriginMs >= 0 ? QStringLiteral("88:88:88")
                                        : TimeFormat::withUnit(QStringLiteral("88.8"), TimeUnit::S))
            .full;
    const int minPx = std::max(110, int(std::ceil(label)) + QFontMetrics(smallFont()).height());
    // A wall clock steps as clocks do (15 s, 1 min, 30 min, 1 h), also over a short span.
    const qint64 largest = m_wallOriginMs >= 0 ? std::numeric_limits<qint64>::max() / 2
                                               : largestAbsTime(f.t0, f.usPerPx, f.width);
    const qint64 step = axisStep(f.usPerPx, minPx, largest);
    // A clock shows milliseconds at most: finer ticks would all read the same.
    return m_wallOriginMs >= 0 ? std::max<qint64>(step, 1000) : step;
}

qint64 SwimlaneRenderer::wallOffsetUs() const
{
    if (m_wallOriginMs < 0)
        return 0;
    const QDateTime origin = QDateTime::fromMSecsSinceEpoch(m_wallOriginMs);
    return (m_wallOriginMs + qint64(origin.offsetFromUtc()) * 1000) * 1000;
}

QString SwimlaneRenderer::axisTimeText(qint64 t, qint64 step, int extraDecimals) const
{
    if (m_wallOriginMs < 0) {
        const TimeUnit unit = axisUnit(step, std::max<qint64>(std::abs(t), step));
        return TimeFormat::inUnit(t, unit, std::min(axisDecimals(step, unit) + extraDecimals, 6));
    }
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(m_wallOriginMs + t / 1000);
    const int decimals = std::min(axisDecimals(step, TimeUnit::S) + extraDecimals, 3);
    QString text = at.toString(QStringLiteral("HH:mm:ss"));
    if (decimals > 0)
        text += QLocale().decimalPoint() + at.toString(QStringLiteral("zzz")).left(decimals);
    return text;
}

std::pair<int, int> SwimlaneRenderer::visibleRowRange(const Frame &f) const
{
    auto first = std::upper_bound(m_rowTops.begin(), m_rowTops.end(), f.scrollY);
    int a = int(first - m_rowTops.begin()) - 1;
    a = std::max(a, 0);
    auto last = std::lower_bound(m_rowTops.begin(), m_rowTops.end(), f.scrollY + f.height);
    return {a, int(last - m_rowTops.begin())};
}

void SwimlaneRenderer::computeRuns(int lane, const Frame &f, int x0, int x1,
                                   std::vector<lanegeometry::Run> &out) const
{
    out.clear();
    const double tA = xToTime(x0, f.t0, f.usPerPx);
    const double tB = std::min(xToTime(x1, f.t0, f.usPerPx), double(f.cutoff));
    if (!(tB > tA))
        return;
    const auto [first, last] =
        m_timeline->segmentsIn(lane, qint64(std::floor(tA)), qint64(std::ceil(tB)));
    const lanegeometry::Segments segs{m_timeline->starts(lane), m_timeline->ends(lane),
                                      m_timeline->states(lane), m_timeline->flags(lane)};
    lanegeometry::computeRuns(segs, first, last, f.t0, f.usPerPx, x0, x1, f.cutoff, out);
}

lanegeometry::Style SwimlaneRenderer::geometryStyle() const
{
    lanegeometry::Style s;
    for (int i = 0; i < SegmentStateCount; ++i) {
        s.state[size_t(i)] = m_theme.stateRgb(SegmentState(i));
        s.thin[size_t(i)] = m_theme.barStyle(SegmentState(i)) == Theme::BarStyle::Thin;
    }
    s.laneEven = m_theme.laneBackground(false).rgba();
    s.laneOdd = m_theme.laneBackground(true).rgba();
    s.laneClient = m_theme.clientLaneBackground().rgba();
    s.grid = m_theme.gridColor().rgba();
    s.killed = m_theme.killedColor().rgba();
    s.killFlag = m_theme.killFlagColor().rgba();
    return s;
}

void SwimlaneRenderer::laneRects(
    const Frame &f, int x0, int x1,
    const std::function<void(std::span<const lanegeometry::Rect>)> &draw) const
{
    // One geometry for both painters: every row becomes its list of rectangles here, and only
    // the drawing of that list differs (scanlines or fillRect).
    m_stats = {};
    if (x1 <= x0 || f.height <= 0)
        return;
    const lanegeometry::Style style = geometryStyle();
    std::vector<int> gridColumns;
    const qint64 step = majorStep(f);
    const qint64 wall = wallOffsetUs(); // grid lines under the axis's ticks
    for (qint64 t =
             firstTickAtOrAfter(qint64(std::floor(xToTime(x0, f.t0, f.usPerPx))) + wall, step) -
             wall;
         double(t) < xToTime(x1, f.t0, f.usPerPx); t += step) {
        const int x = timeToColumn(double(t), f.t0, f.usPerPx);
        if (x >= x0 && x < x1)
            gridColumns.push_back(x);
    }
    std::vector<lanegeometry::Run> runs;
    std::vector<lanegeometry::Rect> rects;
    const auto [ra, rb] = visibleRowRange(f);
    for (int r = ra; r < rb; ++r) {
        const Row &row = m_rows[size_t(r)];
        if (m_timeline)
            computeRuns(row.lane, f, x0, x1, runs);
        else
            runs.clear();
        ++m_stats.rows;
        m_stats.runs += int(runs.size());
        rects.clear();
        lanegeometry::rowRects(rowBox(size_t(r)), row.session, runs, gridColumns, x0, x1, style,
                               rects);
        draw(rects);
    }
    // Below the last row: the plain background.
    if (m_totalHeight - f.scrollY < f.height) {
        const lanegeometry::Rect rest{x0, std::max(m_totalHeight, f.scrollY), x1,
                                      f.scrollY + f.height, m_theme.background().rgba()};
        draw(std::span<const lanegeometry::Rect>(&rest, 1));
    }
}

void SwimlaneRenderer::renderContent(QImage &image, const Frame &frame, int x0, int x1) const
{
    x0 = std::max(x0, 0);
    x1 = std::min({x1, frame.width, image.width()});
    if (x0 >= x1)
        return;
    Frame f = frame;
    f.height = std::min(f.height, image.height());
    const lanegeometry::Window window{x0, x1, f.height, f.scrollY};
    laneRects(f, x0, x1, [&](std::span<const lanegeometry::Rect> rects) {
        lanegeometry::rasterize(image, rects, window);
    });
    QPainter p(&image);
    p.setClipRect(QRect(x0, 0, x1 - x0, f.height));
    paintDecorations(p, f, x0, x1);
}

QImage SwimlaneRenderer::renderContentImage(const Frame &f, qreal dpr) const
{
    // Opaque: blitting it is then a copy, not a per-pixel blend.
    QImage image((QSizeF(f.width, f.height) * dpr).toSize(), QImage::Format_RGB32);
    renderContentInto(image, f, dpr);
    return image;
}

void SwimlaneRenderer::renderContentInto(QImage &image, const Frame &f, qreal dpr) const
{
    if (dpr == 1.0) {
        image.setDevicePixelRatio(1.0);
        renderContent(image, f, 0, f.width);
    } else {
        image.setDevicePixelRatio(dpr);
        QPainter p(&image);
        p.setClipRect(QRect(0, 0, f.width, f.height));
        paintContent(p, f);
    }
}

void SwimlaneRenderer::paintContent(QPainter &p, const Frame &frame) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    const lanegeometry::Window window{0, frame.width, frame.height, frame.scrollY};
    laneRects(frame, 0, frame.width, [&](std::span<const lanegeometry::Rect> rects) {
        lanegeometry::paint(p, rects, window);
    });
    paintDecorations(p, frame, 0, frame.width);
    p.restore();
}

QString SwimlaneRenderer::segmentText(int lane, int index) const
{
    return segmentTexts(lane, index).value(0);
}

QStringList SwimlaneRenderer::segmentTexts(int lane, int index) const
{
    const Segment s = m_timeline->segment(lane, index);
    if (s.state == SegmentState::RollingBack) {
        if (const SegmentExtra *x = m_timeline->extra(lane, index); x && x->rowsAtStart >= 0) {
            // Shorter by meaning when narrow: "↺ undo 545k rows", "↺ 545k", never "undo 54…".
            const QString brief = shorttext::abbreviateCount(
                x->rowsAtStart, QLocale(), currentLanguage().startsWith(QStringLiteral("zh")));
            return {tr("↺ undo %1 rows").arg(formatRows(x->rowsAtStart)),
                    tr("↺ undo %1 rows").arg(brief), QStringLiteral("↺ ") + brief,
                    QStringLiteral("↺")};
        }
    }
    // The same (state, detail) pairs come back on every frame; translating and joining them
    // each time cost more than drawing. The cache lives as long as the timeline's content.
    if (m_textsRevision != m_timeline->revision() || m_textsTimeline != m_timeline) {
        m_texts.clear();
        m_textsRevision = m_timeline->revision();
        m_textsTimeline = m_timeline;
    }
    const quint64 key = (quint64(s.detail) << 8) | quint64(s.state);
    auto it = m_texts.constFind(key);
    if (it != m_texts.constEnd())
        return *it;
    // Engine phrases ("statement rollback") in the current language; SQL and server texts as
    // they are.
    const QString detail = EngineText::display(m_timeline->string(s.detail));
    QStringList texts;
    if (isClientState(s.state) || s.state == SegmentState::Running) {
        if (detail.isEmpty() && s.state != SegmentState::ClientPrompt &&
            s.state != SegmentState::ClientWaiting)
            texts << Theme::stateName(s.state);
        else
            texts << detail;
    } else if (m_theme.barStyle(s.state) == Theme::BarStyle::Thin) {
        texts << detail;
    } else if (detail.isEmpty()) {
        texts << Theme::stateName(s.state);
    } else {
        // Narrow: what the thread is doing matters more than which statement.
        texts << Theme::stateName(s.state) + QStringLiteral(" · ") + detail
              << Theme::stateName(s.state);
    }
    m_texts.insert(key, texts);
    return texts;
}

QString SwimlaneRenderer::fittingText(TextFont font, const QStringList &forms, int width) const
{
    for (const QString &f : forms)
        if (!f.isEmpty() && textMetrics(font, f).full <= width)
            return f;
    return forms.isEmpty() ? QString() : forms.last();
}

void SwimlaneRenderer::invalidateTexts()
{
    m_texts.clear();
    m_textCache.clear();
    m_metrics.clear();
    m_textImages.clear();
    m_textImageBytes = 0;
}

void SwimlaneRenderer::paintDecorations(QPainter &p, const Frame &f, int x0, int x1) const
{
    if (!m_timeline)
        return;
    const auto [ra, rb] = visibleRowRange(f);
    const double tA = xToTime(x0, f.t0, f.usPerPx);
    const double tB = std::min(xToTime(x1, f.t0, f.usPerPx), double(f.cutoff));

    for (int r = ra; r < rb; ++r) {
        const Row &row = m_rows[size_t(r)];
        const int lane = row.lane;
        const auto [first, last] =
            m_timeline->segmentsIn(lane, qint64(std::floor(tA)), qint64(std::ceil(tB)));
        // Text and extras only where segments are wide: at most width / MinTextRunPx of them.
        if (last - first > (x1 - x0) / 4 + 2)
            continue;
        const bool client = row.kind == LaneKind::Client;
        const TextFont textFont = client ? TextFont::Small : TextFont::Normal;
        for (int i = first; i < last; ++i) {
            const Segment s = m_timeline->segment(lane, i);
            const qint64 e = std::min(s.end, f.cutoff);
            const double sx = timeToX(double(s.start), f.t0, f.usPerPx);
            const double ex = timeToX(double(e), f.t0, f.usPerPx);
            const int ix0 = int(std::lround(std::max(sx, -1.0)));
            const int ix1 = int(std::lround(std::min(ex, double(f.width) + 1)));
            if (ix1 - ix0 < 2)
                continue;
            auto [by0, by1] = barSpan(row, s.state);
            by0 -= f.scrollY;
            by1 -= f.scrollY;
            const auto [fy0, fy1] = barSpan(row, SegmentState::Running);
            const SegmentExtra *x = m_timeline->extra(lane, i);

            // Rollback: a wedge shrinking with the rows still to undo, against the most the
            // whole rollback had, so a rollback in several pieces (it sped up, slowed down)
            // stays one continuous wedge with a bend: the curve the charts plot.
            const qint64 peak = x && s.state == SegmentState::RollingBack && x->rowsAtStart > 0
                                    ? m_timeline->rollbackRunAt(lane, i).peakRows
                                    : 0;
            if (peak > 0) {
                const double h = by1 - by0;
                const double f0 = double(x->rowsAtStart) / double(peak);
                const double f1 =
                    double(x->rowsAtEnd >= 0 ? x->rowsAtEnd : x->rowsAtStart) / double(peak);
                const double fc =
                    f0 +
                    (f1 - f0) * std::clamp((ex - sx) > 0 ? (ix1 - sx) / (ex - sx) : 1.0, 0.0, 1.0);
                const QPointF poly[] = {QPointF(sx, by1), QPointF(sx, by1 - f0 * h * 0.85),
                                        QPointF(ix1, by1 - fc * h * 0.85), QPointF(ix1, by1)};
                QColor c = m_theme.rollbackRemaining();
                c.setAlpha(150);
                p.setPen(Qt::NoPen);
                p.setBrush(c);
                p.drawPolygon(poly, 4);
            }
            // Check points: ticks at the bar's foot when at least a few pixels apart.
            if (x && x->checkPeriodUs > 0 &&
                double(x->checkPeriodUs) / f.usPerPx >= MinCheckSpacingPx) {
                const qint64 from = std::max<qint64>(s.start, qint64(tA) - x->checkPeriodUs);
                qint64 k = (from - s.start + x->checkPeriodUs - 1) / x->checkPeriodUs;
                QColor c = m_theme.checkPointColor();
                c.setAlpha(170);
                for (qint64 t = s.start + k * x->checkPeriodUs; t < e && double(t) < tB;
                     t += x->checkPeriodUs) {
                    const int cx = timeToColumn(double(t), f.t0, f.usPerPx);
                    p.fillRect(QRect(cx, fy1 - f.scrollY - 5, 1, 5), c);
                }
            }
            // Text on bars wide enough to read.
            if (ix1 - std::max(ix0, 0) >= MinTextRunPx) {
                const int tx0 = std::max(ix0, 0) + 7;
                const int tw = std::min(ix1, f.width) - tx0 - 4;
                const QString text = fittingText(textFont, segmentTexts(lane, i), tw);
                if (!text.isEmpty()) {
                    if (const QStaticText *st = staticText(textFont, text, tw)) {
                        const bool thin = m_theme.barStyle(s.state) == Theme::BarStyle::Thin;
                        const int ty0 = fy0 - f.scrollY;
                        const int th = fy1 - fy0;
                        if (thin) {
                            // Lift the text off the thin line with a background patch.
                            const int w = int(st->size().width()) + 6;
                            const QRgb bg = client ? m_theme.clientLaneBackground().rgba()
                                                   : m_theme.laneBackground(row.session & 1).rgba();
                            p.fillRect(QRect(tx0 - 3, by0, w, by1 - by0), QColor::fromRgba(bg));
                            p.setPen(m_theme.mutedText());
                        } else {
                            if (s.flags & SegmentFlag::KillPending) {
                                // Text over stripes needs a halo in the bar's own colour; the
                                // stripes stay visible around the glyphs.
                                p.setPen(m_theme.stateColor(s.state));
                                for (const QPoint d : {QPoint(-1, 0), QPoint(1, 0), QPoint(0, -1),
                                                       QPoint(0, 1), QPoint(1, 1), QPoint(-1, -1)})
                                    drawText(p, textFont, text,
                                             QRect(tx0, ty0, tw, th).translated(d));
                            }
                            p.setPen(m_theme.textOn(s.state));
                        }
                        drawText(p, textFont, text, QRect(tx0, ty0, tw, th));
                    }
                }
            }
        }
    }
    paintMarkers(p, f, x0, x1);
    paintSignals(p, f, x0, x1);
}

void SwimlaneRenderer::paintMarkers(QPainter &p, const Frame &f, int x0, int x1) const
{
    const double tA = xToTime(x0 - 10, f.t0, f.usPerPx);
    const double tB = std::min(xToTime(x1 + 10, f.t0, f.usPerPx), double(f.cutoff));
    const auto [a, b] = m_timeline->markersIn(qint64(std::floor(tA)), qint64(std::ceil(tB)));
    if (b - a > 4000)
        return; // too many to tell apart; the segments already show the story
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    const auto markers = m_timeline->markerList();
    const double g = glyphScale();
    const int rowsBottom = std::min(f.height, m_totalHeight - f.scrollY);
    for (int i = a; i < b; ++i) {
        const TimelineMarker &m = markers[size_t(i)];
        if (m.time >= f.cutoff)
            continue;
        if (m.lane < 0 && m.kind == MarkerKind::GlobalAction) {
            // A server-wide change: its pole from the axis continues through every lane, dashed.
            const int xi = int(std::floor(timeToX(double(m.time), f.t0, f.usPerPx)));
            QColor c = m_theme.markerColor(m.kind);
            c.setAlpha(170);
            for (int y = 0; y < rowsBottom; y += 9)
                p.fillRect(QRect(xi, y, 2, std::min(5, rowsBottom - y)), c);
            continue;
        }
        const int r = rowOfLane(m.lane);
        if (r < 0)
            continue;
        const Row &row = m_rows[size_t(r)];
        const double x = std::floor(timeToX(double(m.time), f.t0, f.usPerPx)) + 0.5;
        const auto [by0, by1] = barSpan(row, SegmentState::Running);
        const double top = by0 - f.scrollY;
        const double bottom = by1 - f.scrollY;
        const QColor c = m_theme.markerColor(m.kind);
        switch (m.kind) {
        case MarkerKind::FlagNoticed: {
            // A pennant on a pole: "here the thread saw its kill flag".
            const double poleTop = row.top - f.scrollY + 1;
            p.setPen(QPen(m_theme.hover(), 1.5 * g));
            p.drawLine(QPointF(x, poleTop), QPointF(x, bottom + 1));
            QPainterPath flag;
            flag.moveTo(x, poleTop);
            flag.lineTo(x + 9 * g, poleTop + 3.5 * g);
            flag.lineTo(x, poleTop + 7 * g);
            flag.closeSubpath();
            p.setPen(QPen(m_theme.hover(), g));
            p.setBrush(c);
            p.drawPath(flag);
            break;
        }
        case MarkerKind::ErrorShown:
            p.setPen(QPen(m_theme.background(), 1));
            p.setBrush(c);
            p.drawEllipse(QPointF(x, (top + bottom) / 2), 3 * g, 3 * g);
            break;
        case MarkerKind::Gone: {
            const double cy = (top + bottom) / 2;
            const double d = 4 * g;
            p.setPen(QPen(c, 2 * g));
            p.drawLine(QPointF(x - d, cy - d), QPointF(x + d, cy + d));
            p.drawLine(QPointF(x - d, cy + d), QPointF(x + d, cy - d));
            break;
        }
        case MarkerKind::CheckPoint:
            p.fillRect(QRectF(x - 0.5, bottom - 5, 1, 5), c);
            break;
        case MarkerKind::GlobalAction: // on no lane: handled above
            break;
        case MarkerKind::Note:
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(QPointF(x, top - 1), 2.5, 2.5);
            break;
        }
    }
    p.restore();
}

void SwimlaneRenderer::paintSignals(QPainter &p, const Frame &f, int x0, int x1) const
{
    const double tA = xToTime(x0 - ArrowLabelReachPx, f.t0, f.usPerPx);
    const double tB = std::min(xToTime(x1 + 12, f.t0, f.usPerPx), double(f.cutoff));
    const auto [a, b] = m_timeline->signalsIn(qint64(std::floor(tA)), qint64(std::ceil(tB)));
    const auto list = m_timeline->signalList();
    const bool labels = b - a <= 300; // beyond that labels only pile up
    const bool dense = b - a > 500;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, !dense);
    const int labelHeight = QFontMetrics(m_fonts[int(TextFont::SmallBold)]).height() + 2;
    const double g = glyphScale();
    const int shaft = std::max(2, int(std::lround(2 * g)));
    const int stubPx = m_threadHeight * 2;
    std::vector<QRectF> placed;
    // Right of the data's end is where "now" is drawn live (the playhead, a rollback's
    // countdown chip): a badge there would be covered, so it takes another place if it can.
    const double endX = timeToX(double(m_timeline->endTime()), f.t0, f.usPerPx);
    for (int i = a; i < b; ++i) {
        const TimelineSignal &s = list[size_t(i)];
        const int toRow = rowOfLane(s.toLane);
        const int fromRow = rowOfLane(s.fromLane);
        if (toRow < 0 || s.time >= f.cutoff)
            continue;
        const Row &victim = m_rows[size_t(toRow)];
        const double x = std::floor(timeToX(double(s.time), f.t0, f.usPerPx)) + 0.5;
        const auto [vy0, vy1] = barSpan(victim, SegmentState::Running);
        double yFrom;
        double yTo;
        const bool external = fromRow < 0 || fromRow == toRow;
        if (external) {
            // From outside (KillScope, an operator): the arrow and its badge stay inside the
            // victim's own row, so no other lane looks as if it had sent the kill.
            yTo = vy0 - f.scrollY;
            yFrom = victim.top - f.scrollY + 1;
        } else {
            const Row &killer = m_rows[size_t(fromRow)];
            const auto [ky0, ky1] = barSpan(killer, SegmentState::Running);
            yFrom = (ky0 + ky1) / 2.0 - f.scrollY;
            yTo = (killer.top < victim.top ? vy0 : vy1) - f.scrollY;
        }
        // Arrows between lanes scrolled away cost as much as visible ones; skip them.
        if (std::max(yFrom, yTo) < -24 || std::min(yFrom, yTo) > f.height + 24)
            continue;
        const QColor c = m_theme.signalColor(s.kind);
        const bool failed =
            s.result == SignalResult::Refused || s.result == SignalResult::NoSuchThread;
        const double dir = yTo > yFrom ? 1.0 : -1.0;
        // A kill from outside is drawn within its victim's row only: its head must not poke
        // into the row above, or that session would look involved.
        p.save();
        if (external)
            p.setClipRect(QRectF(x - 16, victim.top - f.scrollY, 32, victim.height),
                          Qt::IntersectClip);
        // The shaft is vertical, so it is a rectangle: no antialiasing, no pen, the fast path.
        const int xi = int(std::floor(x));
        const int shaftA = int(std::lround(std::min(yFrom, yTo - dir * 6)));
        const int shaftB = int(std::lround(std::max(yFrom, yTo - dir * 6)));
        const int top = std::max(shaftA, -2);
        const int bottom = std::min(shaftB, f.height + 2);
        auto drawShaft = [&](int a, int b) {
            if (failed || s.result == SignalResult::Pending) {
                for (int y = a; y < b; y += 8)
                    p.fillRect(QRect(xi - shaft / 2, y, shaft, std::min(5, b - y)), c);
            } else if (b > a) {
                p.fillRect(QRect(xi - shaft / 2, a, shaft, b - a), c);
            }
        };
        if (dense && bottom - top > 2 * stubPx) {
            // Hundreds of long lines across the screen are noise, and each costs a column of
            // cache misses: draw stubs where the arrow leaves and where it arrives.
            drawShaft(top, std::min(bottom, shaftA + stubPx));
            drawShaft(std::max(top, shaftB - stubPx), bottom);
        } else {
            drawShaft(top, bottom);
        }
        if (yTo < -10 || yTo > f.height + 10) {
            // The tip is scrolled away: the shaft alone says "a kill passes here".
        } else if (dense) {
            // Head as three stacked rectangles: cheap, and at this density nobody sees the
            // difference from a triangle.
            const int tip = int(std::lround(yTo));
            const int d = int(dir);
            p.fillRect(QRect(xi - 1, d > 0 ? tip - 2 : tip, 2, 2), c);
            p.fillRect(QRect(xi - 2, d > 0 ? tip - 4 : tip + 2, 4, 2), c);
            p.fillRect(QRect(xi - 3, d > 0 ? tip - 7 : tip + 4, 6, 3), c);
        } else {
            QPainterPath head;
            head.moveTo(x, yTo);
            head.lineTo(x - 4.5 * g, yTo - dir * 8 * g);
            head.lineTo(x + 4.5 * g, yTo - dir * 8 * g);
            head.closeSubpath();
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawPath(head);
            if (!external)
                p.drawEllipse(QPointF(x, yFrom), 3.5 * g, 3.5 * g);
        }
        if (failed) {
            p.setPen(QPen(c, 2));
            const double my = (yFrom + yTo) / 2;
            p.drawLine(QPointF(x - 5, my - 5), QPointF(x + 5, my + 5));
            p.drawLine(QPointF(x - 5, my + 5), QPointF(x + 5, my - 5));
        }
        p.restore();
        if (!labels)
            continue;
        QString text = EngineText::display(m_timeline->string(s.label));
        if (text.isEmpty())
            text = Theme::signalKindName(s.kind);
        const QStringList forms = shorttext::killLabelForms(text);
        const int h = labelHeight;
        // The label sits by the sender (or the tip, for kills from outside), right of the line.
        // Kills close in time would cover each other's labels: try the left side, then step
        // away from the bar, then the shorter forms ("KILL 11" for "KILL CONNECTION 11"), and
        // keep the first place that is free; the tooltip has the whole label.
        const double ly = external ? (vy0 + vy1) / 2.0 - f.scrollY - h / 2.0
                                   : (dir > 0 ? yFrom - h - 2 : yFrom + 2);
        // An outside kill's badge moves along its victim's row, never into another row.
        const bool alongRow = external;
        const double away = dir > 0 ? -(h + 2) : (h + 2);
        const QStaticText *st = nullptr;
        QRectF box;
        bool found = false;
        for (const QString &form : forms) {
            const QStaticText *candidate =
                staticText(TextFont::SmallBold, failed ? form + QStringLiteral(" ✕") : form, 400);
            if (!candidate)
                continue;
            const int w = int(std::ceil(candidate->size().width())) + 10;
            const QRectF candidates[] = {QRectF(x + 5, ly, w, h), QRectF(x - 5 - w, ly, w, h),
                                         alongRow ? QRectF(x + 5 + w + 4, ly, w, h)
                                                  : QRectF(x + 5, ly + away, w, h),
                                         alongRow ? QRectF(x - 5 - 2 * w - 4, ly, w, h)
                                                  : QRectF(x - 5 - w, ly + away, w, h)};
            if (!st) {
                st = candidate;
                box = candidates[0];
            }
            for (const QRectF &c : candidates) {
                const bool free = !(alongRow && c.right() > endX + 3) &&
                                  std::none_of(placed.begin(), placed.end(), [&](const QRectF &r) {
                                      return r.intersects(c.adjusted(-2, 0, 2, 0));
                                  });
                if (free) {
                    st = candidate;
                    box = c;
                    found = true;
                    break;
                }
            }
            if (found)
                break;
        }
        if (!st)
            continue;
        placed.push_back(box);
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawRoundedRect(box, 3, 3);
        p.setPen(Qt::white);
        blitText(p, TextFont::SmallBold, *st,
                 QPointF(box.left() + 5, box.top() + (h - st->size().height()) / 2));
    }
    p.restore();
}

void SwimlaneRenderer::paintLabels(QPainter &p, const Frame &f, int selectedSessionRow) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    p.fillRect(QRect(0, 0, m_labelWidth, f.height), m_theme.background());
    if (!m_timeline) {
        p.restore();
        return;
    }
    const auto [ra, rb] = visibleRowRange(f);
    const QFontMetrics bfm(boldFont());
    const QFontMetrics sfm(smallFont());
    const int selectedSession =
        selectedSessionRow >= 0 && size_t(selectedSessionRow) < m_rows.size()
            ? m_rows[size_t(selectedSessionRow)].session
            : -1;
    QColor selection = m_theme.selection();
    selection.setAlpha(m_theme.isDark() ? 110 : 60);
    for (int r = ra; r < rb; ++r) {
        const Row &row = m_rows[size_t(r)];
        const LaneInfo &info = m_timeline->lane(row.lane);
        const int y = row.top - f.scrollY;
        const QRect rect(0, y, m_labelWidth - 1, row.height);
        p.fillRect(rect, row.kind == LaneKind::Client ? m_theme.clientLaneBackground()
                                                      : m_theme.laneBackground(row.session & 1));
        if (row.session == selectedSession)
            p.fillRect(rect, selection);
        const bool lastOfSession =
            size_t(r + 1) >= m_rows.size() || m_rows[size_t(r + 1)].session != row.session;
        if (lastOfSession)
            p.fillRect(QRect(0, y + row.height - 1, m_labelWidth, 1), m_theme.gridColor());
        const int pad = 8;
        if (row.kind == LaneKind::Thread) {
            const QString label = info.labelFor(currentLanguage());
            const QString caption = !label.isEmpty() ? label
                                                     : QString::number(info.sessionId) +
                                                           QStringLiteral("  ") + info.user;
            const bool twoLines =
                !info.statement.isEmpty() && row.height >= bfm.height() + sfm.height();
            const int textTop = twoLines ? y + (row.height - bfm.height() - sfm.height()) / 2 : y;
            p.setPen(m_theme.text());
            drawText(
                p, TextFont::Bold, caption,
                QRect(pad, textTop, m_labelWidth - 2 * pad, twoLines ? bfm.height() : row.height));
            if (twoLines) {
                p.setPen(m_theme.mutedText());
                // A KILL shortens by meaning ("KILL 11"); other statements are elided, and the
                // label's tooltip has them whole.
                const int w = m_labelWidth - 2 * pad;
                const QString statement =
                    info.statement.startsWith(QStringLiteral("KILL "))
                        ? fittingText(TextFont::Small, shorttext::killLabelForms(info.statement), w)
                        : info.statement;
                drawText(p, TextFont::Small, statement,
                         QRect(pad, textTop + bfm.height(), w, sfm.height()));
            }
        } else {
            p.setPen(m_theme.mutedText());
            const QString label = info.labelFor(currentLanguage());
            const QString caption = label.isEmpty() ? tr("↳ client") : label;
            drawText(p, TextFont::Small, caption,
                     QRect(pad + 6, y, m_labelWidth - 2 * pad - 6, row.height));
        }
    }
    p.fillRect(QRect(m_labelWidth - 1, 0, 1, f.height), m_theme.separator());
    p.restore();
}

void SwimlaneRenderer::paintAxis(QPainter &p, const Frame &f, qint64 playhead) const
{
    // A tick label the playhead's bubble would half cover is left out ("14.0 s" over "15 s"
    // leaves " s").
    const QRect bubble =
        playheadBubble(f, playhead).translated(-m_labelWidth, 0).adjusted(-4, 0, 4, 0);
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    const int h = m_axisHeight;
    const int th = m_axisTicksHeight; // the ticks' row; server-wide changes get the row below
    p.fillRect(QRect(0, 0, f.width, h), m_theme.axisBackground());
    p.fillRect(QRect(0, h - 1, f.width, 1), m_theme.separator());
    const qint64 step = majorStep(f);
    qint64 mantissa = step;
    while (mantissa >= 10 && mantissa % 10 == 0)
        mantissa /= 10;
    const qint64 minor = mantissa == 2 ? step / 4 : step / 5;
    const double tA = f.t0;
    const double tB = xToTime(f.width, f.t0, f.usPerPx);
    // Time before the data is not labelled: a run starts at 0, not at "−0.2 s".
    const qint64 first = m_timeline && !m_timeline->isEmpty() ? m_timeline->beginTime() : 0;
    const qint64 from = std::max(qint64(std::floor(tA)), std::min<qint64>(first, 0));
    QColor minorColor = m_theme.mutedText();
    minorColor.setAlpha(120);
    if (minor > 0 && double(minor) / f.usPerPx >= 6) {
        const qint64 wallMinor = wallOffsetUs();
        for (qint64 t = firstTickAtOrAfter(from + wallMinor, minor) - wallMinor; double(t) < tB;
             t += minor)
            p.fillRect(QRect(timeToColumn(double(t), f.t0, f.usPerPx), th - 4, 1, 3), minorColor);
    }
    const TimeUnit unit = axisUnit(step, largestAbsTime(f.t0, f.usPerPx, f.width));
    const int decimals = axisDecimals(step, unit);
    // On a wall clock the ticks fall on whole local seconds, minutes, hours.
    const qint64 wall = wallOffsetUs();
    p.setPen(m_theme.text());
    for (qint64 t = firstTickAtOrAfter(from + wall, step) - wall; double(t) < tB; t += step) {
        const int x = timeToColumn(double(t), f.t0, f.usPerPx);
        p.fillRect(QRect(x, th - 9, 1, 8), m_theme.mutedText());
        const QString label =
            m_wallOriginMs >= 0 ? axisTimeText(t, step) : TimeFormat::inUnit(t, unit, decimals);
        const QStaticText *st = staticText(TextFont::Small, label, 160);
        if (!st)
            continue;
        // At the edges the label slides inward instead of being cut.
        const int tw = int(std::ceil(st->size().width()));
        const int left = std::clamp(x - tw / 2, 1, std::max(1, f.width - tw - 1));
        const QRect rect(left, 2, tw + 4, th - 12);
        if (!bubble.isEmpty() && bubble.intersects(rect))
            continue;
        drawText(p, TextFont::Small, label, rect);
    }
    if (m_globalMarkers)
        paintGlobalMarkers(p, f, th, h - th - 1);
    p.restore();
}

std::vector<SwimlaneRenderer::GlobalMarker> SwimlaneRenderer::globalMarkers(const Frame &f) const
{
    // Each change gets the longest of its forms that fits before the next one (or the edge):
    // "SET GLOBAL innodb_thread_concurrency = 3" when there is room, "concurrency = 3" when not.
    std::vector<GlobalMarker> out;
    if (!m_timeline || !m_globalMarkers)
        return out;
    const double tA = xToTime(-400, f.t0, f.usPerPx);
    const double tB = std::min(xToTime(f.width, f.t0, f.usPerPx), double(f.cutoff));
    const auto [a, b] = m_timeline->markersIn(qint64(std::floor(tA)), qint64(std::ceil(tB)));
    const auto markers = m_timeline->markerList();
    for (int i = a; i < b; ++i) {
        const TimelineMarker &m = markers[size_t(i)];
        if (m.lane >= 0 || m.kind != MarkerKind::GlobalAction || m.time >= f.cutoff)
            continue;
        out.push_back({i, int(std::floor(timeToX(double(m.time), f.t0, f.usPerPx))), {}, {}});
    }
    for (size_t k = 0; k < out.size(); ++k) {
        const int room = (k + 1 < out.size() ? out[k + 1].x : f.width) - out[k].x - 14;
        const QStringList forms =
            EngineText::globalActionForms(m_timeline->string(markers[size_t(out[k].marker)].label));
        // The longest form is the tooltip's; the pill takes one of the shorter ones.
        const QStringList pill = forms.size() > 1 ? forms.mid(1) : forms;
        const QString text = fittingText(TextFont::SmallBold, pill, room);
        const TextMetrics &tm = textMetrics(TextFont::SmallBold, text);
        const int w = int(std::ceil(std::min<qreal>(tm.full, std::max(room, 24)))) + 10;
        out[k].text = text;
        out[k].box = QRect(out[k].x + 1, 0, w, 0);
    }
    return out;
}

void SwimlaneRenderer::paintGlobalMarkers(QPainter &p, const Frame &f, int top, int height) const
{
    const QColor c = m_theme.markerColor(MarkerKind::GlobalAction);
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    for (const GlobalMarker &g : globalMarkers(f)) {
        if (g.x < -4 || g.x > f.width + 4)
            continue;
        // A flag on a pole standing on the lanes: the pole continues through them as a dashed
        // line (paintDecorations), the flag carries what changed.
        p.fillRect(QRect(g.x, top, 2, height + 1), c);
        const QRect box(g.box.left(), top + 2, g.box.width(), height - 4);
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawRoundedRect(box, 3, 3);
        p.setPen(Qt::white);
        drawText(p, TextFont::SmallBold, g.text, box.adjusted(5, 0, -4, 0));
    }
    p.restore();
}

QRect SwimlaneRenderer::playheadBubble(const Frame &f, qint64 playhead, QString *text) const
{
    // The time in a bubble on the axis, so presenters can read it from the back of the room.
    if (playhead < 0)
        return {};
    const double xd = timeToX(double(playhead), f.t0, f.usPerPx);
    if (xd < -2 || xd > f.width + 2)
        return {};
    const int x = m_labelWidth + int(std::floor(xd));
    const qint64 span = qint64(f.width * f.usPerPx);
    const qint64 step = majorStep(f);
    const TimeUnit unit = axisUnit(step, std::max<qint64>(playhead, span));
    const QString label =
        m_wallOriginMs >= 0
            ? axisTimeText(playhead, step)
            : TimeFormat::inUnit(playhead, unit, std::min(axisDecimals(step, unit) + 1, 6));
    const QFontMetrics fm(m_fonts[int(TextFont::SmallBold)]);
    const int w = fm.horizontalAdvance(label) + 10;
    const int bh = fm.height() + 4;
    const int left = std::clamp(x - w / 2, m_labelWidth, m_labelWidth + f.width - w);
    if (text)
        *text = label;
    return QRect(left, 2, w, bh);
}

void SwimlaneRenderer::paintPlayhead(QPainter &p, const Frame &f, qint64 playhead, int axisTop,
                                     int lanesBottom) const
{
    if (playhead < 0)
        return;
    const double xd = timeToX(double(playhead), f.t0, f.usPerPx);
    if (xd < -2 || xd > f.width + 2)
        return;
    const int x = m_labelWidth + int(std::floor(xd));
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    p.fillRect(QRect(x - 1, axisTop, 2, lanesBottom - axisTop), m_theme.playhead());
    QString label;
    const QRect bubble = playheadBubble(f, playhead, &label).translated(0, axisTop);
    p.setFont(m_fonts[int(TextFont::SmallBold)]);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(Qt::NoPen);
    p.setBrush(m_theme.playhead());
    p.drawRoundedRect(bubble, 4, 4);
    p.setPen(Qt::white);
    p.drawText(bubble, Qt::AlignCenter, label);
    p.restore();
}

void SwimlaneRenderer::paintRollbackCounters(QPainter &p, const Frame &f, qint64 playhead) const
{
    // Where the playhead crosses a rollback, show how many rows are still to undo at that moment:
    // the number learners watch count down. Live, because it moves with the playhead. Digits
    // only, so it needs no translation.
    if (!m_timeline || playhead < 0)
        return;
    const double xd = timeToX(double(playhead), f.t0, f.usPerPx);
    if (xd < 0 || xd > f.width)
        return;
    const auto &rows = m_rows;
    const int first = std::max(0, rowAt(f.scrollY));
    const int labelW = m_labelWidth;
    const int axisH = m_axisHeight;
    QFont font = m_font;
    font.setBold(true);
    const QFontMetrics fm(font);
    p.save();
    p.setClipRect(QRect(labelW, axisH, f.width, f.height));
    p.setFont(font);
    p.setRenderHint(QPainter::Antialiasing, true);
    for (size_t r = size_t(first); r < rows.size() && rows[r].top - f.scrollY < f.height; ++r) {
        if (rows[r].kind != LaneKind::Thread)
            continue;
        int seg = m_timeline->segmentAt(rows[r].lane, playhead);
        // Live, the playhead is "now": the end of a segment still going on, which [start, end)
        // leaves out.
        if (seg < 0) {
            seg = m_timeline->segmentAt(rows[r].lane, playhead - 1);
            if (seg >= 0 && !(m_timeline->flags(rows[r].lane)[size_t(seg)] & SegmentFlag::Open))
                seg = -1;
        }
        if (seg < 0)
            continue;
        const Segment s = m_timeline->segment(rows[r].lane, seg);
        const SegmentExtra *x = m_timeline->extra(rows[r].lane, seg);
        if (s.state != SegmentState::RollingBack || !x || x->rowsAtStart < 0)
            continue;
        const qint64 at = std::min(playhead, s.end - 1);
        const QString text =
            QStringLiteral("↺ ") + QLocale().toString(x->rowsRemainingAt(s.start, s.end, at));
        const auto [by0, by1] = barSpan(rows[r], s.state);
        const int w = fm.horizontalAdvance(text) + 12;
        const int h = std::min(by1 - by0 + 4, fm.height() + 4);
        const QRect chip(labelW + int(xd) + 5, axisH + (by0 + by1) / 2 - f.scrollY - h / 2, w, h);
        p.setPen(QPen(m_theme.background(), 1));
        p.setBrush(m_theme.rollbackRemaining());
        p.drawRoundedRect(chip, 4, 4);
        p.setPen(Qt::white);
        p.drawText(chip, Qt::AlignCenter, text);
    }
    p.restore();
}

void SwimlaneRenderer::paintChrome(QPainter &p, const Frame &f, int selectedSessionRow,
                                   qint64 playhead) const
{
    p.save();
    p.translate(0, m_axisHeight);
    p.setClipRect(QRect(0, 0, m_labelWidth, f.height));
    paintLabels(p, f, selectedSessionRow);
    p.restore();

    p.save();
    p.translate(m_labelWidth, 0);
    p.setClipRect(QRect(0, 0, f.width, m_axisHeight));
    paintAxis(p, f, playhead);
    p.restore();

    // Corner above the labels.
    p.save();
    p.fillRect(QRect(0, 0, m_labelWidth, m_axisHeight), m_theme.axisBackground());
    p.fillRect(QRect(0, m_axisHeight - 1, m_labelWidth, 1), m_theme.separator());
    p.fillRect(QRect(m_labelWidth - 1, 0, 1, m_axisHeight), m_theme.separator());
    p.setPen(m_theme.mutedText());
    drawText(p, TextFont::Small, tr("Sessions"), QRect(8, 0, m_labelWidth - 16, m_axisHeight));
    p.restore();
}

void SwimlaneRenderer::paintAll(QPainter &p, QSize size, const Frame &lanes, qint64 playhead) const
{
    Frame f = lanes;
    f.width = std::max(1, size.width() - m_labelWidth);
    f.height = std::max(0, size.height() - m_axisHeight);
    p.save();
    p.fillRect(QRect(QPoint(0, 0), size), m_theme.background());

    const bool rasterDevice = p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster &&
                              p.transform().type() <= QTransform::TxTranslate;
    if (rasterDevice) {
        // Into an image first, exactly as the view caches its lanes, then one blit: PNG exports
        // are the screen's pixels (antialiased strokes depend on where they are rasterised).
        const QImage content = renderContentImage(f, p.device()->devicePixelRatioF());
        p.drawImage(QRectF(m_labelWidth, m_axisHeight, f.width, f.height), content,
                    QRectF(QPointF(0, 0), QSizeF(content.size())));
    } else {
        p.save();
        p.translate(m_labelWidth, m_axisHeight);
        p.setClipRect(QRect(0, 0, f.width, f.height));
        paintContent(p, f);
        p.restore();
    }

    paintChrome(p, f, -1, playhead);
    paintPlayhead(p, f, playhead, 0, size.height());
    paintRollbackCounters(p, f, playhead);
    p.restore();
}

} // namespace ks
