#include "swimlaneview.h"

#include "enginetext.h"
#include "timecoords.h"
#include "timeline.h"
#include "timelineviewport.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>
#include <cmath>
#include <cstring>

namespace ks {

using namespace timecoords;

namespace {

constexpr int DragThresholdPx = 4; // below this a press-release is a click, not a pan
constexpr int HorizontalScrollUnitsPerPage = 1000;
constexpr int SettleMs = 150;

} // namespace

SwimlaneView::SwimlaneView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("swimlaneView"));
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_renderer.setTheme(Theme(palette()));
    m_renderer.setFont(font());
    m_settleTimer.setSingleShot(true);
    m_settleTimer.setInterval(SettleMs);
    connect(&m_settleTimer, &QTimer::timeout, this, [this] {
        if (!m_cacheExact) {
            invalidateContent();
            viewport()->update();
        }
    });
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, this,
            &SwimlaneView::onHorizontalScrollBar);
    setViewportController(nullptr);
}

SwimlaneView::~SwimlaneView()
{
    if (m_ownsViewport)
        delete m_viewport.data();
}

void SwimlaneView::setTimeline(const Timeline *timeline)
{
    m_timeline = timeline;
    m_renderer.setTimeline(timeline);
    m_hover = {};
    invalidateContent();
    timelineChanged();
    if (m_viewport && m_timeline)
        m_viewport->zoomToFit();
}

void SwimlaneView::setViewportController(TimelineViewport *controller)
{
    if (m_viewport)
        disconnect(m_viewport, nullptr, this, nullptr);
    if (m_ownsViewport && m_viewport != controller)
        delete m_viewport.data();
    m_ownsViewport = controller == nullptr;
    m_viewport = controller ? controller : new TimelineViewport;
    connect(m_viewport, &TimelineViewport::visibleRangeChanged, this, [this] {
        syncHorizontalScrollBar();
        viewport()->update();
    });
    connect(m_viewport, &TimelineViewport::traceRangeChanged, this,
            &SwimlaneView::syncHorizontalScrollBar);
    connect(m_viewport, &TimelineViewport::playheadChanged, viewport(),
            qOverload<>(&QWidget::update));
    connect(m_viewport, &TimelineViewport::selectedSessionChanged, viewport(),
            qOverload<>(&QWidget::update));
    connect(m_viewport, &TimelineViewport::modesChanged, viewport(), qOverload<>(&QWidget::update));
    timelineChanged();
}

void SwimlaneView::setSegmentToolTip(SegmentToolTip provider)
{
    m_toolTip = std::move(provider);
}

void SwimlaneView::setLaneFilter(std::function<bool(const LaneInfo &)> filter)
{
    m_renderer.setLaneFilter(std::move(filter));
    invalidateContent();
    updateScrollBars();
    viewport()->update();
}

void SwimlaneView::refilterLanes()
{
    m_renderer.updateLayout(true);
    m_hover = {};
    invalidateContent();
    updateScrollBars();
    viewport()->update();
}

void SwimlaneView::setWallClockOrigin(qint64 epochMs)
{
    if (m_renderer.wallClockOrigin() == epochMs)
        return;
    m_renderer.setWallClockOrigin(epochMs);
    invalidateContent();
    viewport()->update();
}

qint64 SwimlaneView::wallClockOrigin() const
{
    return m_renderer.wallClockOrigin();
}

int SwimlaneView::visibleRowCount() const
{
    return int(m_renderer.rows().size());
}

void SwimlaneView::setScale(double scale)
{
    m_scale = std::clamp(scale, 0.5, 4.0);
    QFont f = font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * m_scale);
    else
        f.setPixelSize(int(f.pixelSize() * m_scale));
    m_renderer.setFont(f);
    m_renderer.setLabelWidth(int(190 * m_scale));
    m_renderer.setRowHeights(int(30 * m_scale), int(20 * m_scale));
    invalidateContent();
    updateScrollBars();
    viewport()->update();
}

stagelayout::Metrics SwimlaneView::fitToStage(int screenHeight)
{
    const stagelayout::Metrics m = m_renderer.fitToStage(viewport()->size(), screenHeight, font());
    invalidateContent();
    updateScrollBars();
    viewport()->update();
    return m;
}

void SwimlaneView::timelineChanged()
{
    if (m_renderer.updateLayout())
        m_hover = {};
    updateScrollBars();
    if (m_timeline && m_viewport && !m_timeline->isEmpty())
        m_viewport->setTraceRange(m_timeline->beginTime(), m_timeline->endTime());
    viewport()->update();
}

void SwimlaneView::zoomToFit()
{
    m_viewport->animateToFit();
}

void SwimlaneView::zoomIn()
{
    m_viewport->zoomIn();
}

void SwimlaneView::zoomOut()
{
    m_viewport->zoomOut();
}

QRect SwimlaneView::lanesRect() const
{
    const QRect r = viewport()->rect();
    return QRect(m_renderer.labelWidth(), m_renderer.axisHeight(),
                 std::max(1, r.width() - m_renderer.labelWidth()),
                 std::max(0, r.height() - m_renderer.axisHeight()));
}

SwimlaneRenderer::Frame SwimlaneView::currentFrame() const
{
    const QRect lanes = lanesRect();
    SwimlaneRenderer::Frame f;
    f.width = lanes.width();
    f.height = lanes.height();
    f.t0 = double(m_viewport->visibleStart());
    f.usPerPx = usPerPixel(m_viewport->visibleSpan(), f.width);
    f.scrollY = verticalScrollBar()->value();
    // Grow mode: nothing at or after the playhead exists yet, in the view as in exports.
    if (m_viewport->growToPlayhead() && m_viewport->playhead() >= 0)
        f.cutoff = m_viewport->playhead();
    return f;
}

double SwimlaneView::timeToViewportX(qint64 t) const
{
    const auto f = currentFrame();
    return m_renderer.labelWidth() + timeToX(double(t), f.t0, f.usPerPx);
}

qint64 SwimlaneView::viewportXToTime(double x) const
{
    const auto f = currentFrame();
    return qint64(std::floor(xToTime(x - m_renderer.labelWidth(), f.t0, f.usPerPx)));
}

int SwimlaneView::laneCenterY(int lane) const
{
    const int r = m_renderer.rowOfLane(lane);
    if (r < 0)
        return -1;
    const auto &row = m_renderer.rows()[size_t(r)];
    const int y = m_renderer.axisHeight() + row.top - verticalScrollBar()->value() + row.height / 2;
    return y >= m_renderer.axisHeight() && y < viewport()->height() ? y : -1;
}

bool SwimlaneView::isLaneShown(int lane) const
{
    return m_renderer.rowOfLane(lane) >= 0;
}

QRect SwimlaneView::laneRowRect(int lane) const
{
    const int r = m_renderer.rowOfLane(lane);
    if (r < 0)
        return {};
    const auto &row = m_renderer.rows()[size_t(r)];
    const int y = m_renderer.axisHeight() + row.top - verticalScrollBar()->value();
    const QRect rect(m_renderer.labelWidth(), y, lanesRect().width(), row.height);
    return rect.intersects(lanesRect()) ? rect.intersected(lanesRect()) : QRect();
}

int SwimlaneView::fullHeight() const
{
    return m_renderer.axisHeight() + m_renderer.totalHeight();
}

void SwimlaneView::updateScrollBars()
{
    const int lanesHeight = std::max(0, viewport()->height() - m_renderer.axisHeight());
    QScrollBar *v = verticalScrollBar();
    v->setRange(0, std::max(0, m_renderer.totalHeight() - lanesHeight));
    v->setPageStep(std::max(1, lanesHeight));
    v->setSingleStep(m_renderer.threadRowHeight());
    syncHorizontalScrollBar();
}

void SwimlaneView::syncHorizontalScrollBar()
{
    if (!m_viewport)
        return;
    // The bar counts in thousandths of the visible span from the earliest start the viewport
    // allows; past the data's end there is room for half a page.
    const double span = double(std::max<qint64>(m_viewport->visibleSpan(), 1));
    const double lo = m_viewport->hasTrace()
                          ? double(m_viewport->minimumStart(m_viewport->visibleSpan()))
                          : double(m_viewport->traceStart()) - span / 2;
    const double hi = double(m_viewport->traceEnd()) + span / 2 - span;
    const double unit = span / HorizontalScrollUnitsPerPage;
    const int max = int(std::clamp((hi - lo) / unit, 0.0, 1.0e9));
    const int value =
        int(std::clamp((double(m_viewport->visibleStart()) - lo) / unit, 0.0, double(max)));
    m_syncingScrollBar = true;
    QScrollBar *h = horizontalScrollBar();
    h->setRange(0, max);
    h->setPageStep(HorizontalScrollUnitsPerPage);
    h->setSingleStep(HorizontalScrollUnitsPerPage / 20);
    h->setValue(value);
    m_syncingScrollBar = false;
}

void SwimlaneView::onHorizontalScrollBar(int value)
{
    if (m_syncingScrollBar || !m_viewport)
        return;
    const double span = double(std::max<qint64>(m_viewport->visibleSpan(), 1));
    const double lo = m_viewport->hasTrace()
                          ? double(m_viewport->minimumStart(m_viewport->visibleSpan()))
                          : double(m_viewport->traceStart()) - span / 2;
    const auto start = qint64(std::llround(lo + value * span / HorizontalScrollUnitsPerPage));
    m_viewport->setVisibleRange(start, start + m_viewport->visibleSpan());
}

void SwimlaneView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void SwimlaneView::invalidateContent()
{
    m_cacheValid = false;
}

void SwimlaneView::ensureContent(const SwimlaneRenderer::Frame &f)
{
    const quint64 revision = m_timeline ? m_timeline->revision() : 0;
    const qreal dpr = devicePixelRatioF();
    const bool sameGeometry = m_cacheValid && m_cacheDpr == dpr &&
                              m_cacheSize == QSize(f.width, f.height) &&
                              m_cacheUsPerPx == f.usPerPx && m_cacheScrollY == f.scrollY &&
                              m_cacheRevision == revision && m_cacheCutoff == f.cutoff;
    if (sameGeometry) {
        const double dx = (m_cacheT0 - f.t0) / f.usPerPx;
        const int shift = int(std::lround(dx));
        if (shift == 0)
            return;
        // The pixel-shifting pan works on device pixels 1:1; scaled screens repaint fully.
        if (std::abs(shift) < f.width / 2 && dpr == 1.0) {
            // Pan: move the pixels we have and render only the strip that came into view. The
            // cache keeps its own (pixel-aligned) origin, so strips line up with what is there.
            const int w = f.width;
            const int keep = w - std::abs(shift);
            for (int y = 0; y < m_cache.height(); ++y) {
                auto *line = reinterpret_cast<quint32 *>(m_cache.scanLine(y));
                if (shift > 0)
                    std::memmove(line + shift, line, size_t(keep) * 4);
                else
                    std::memmove(line, line - shift, size_t(keep) * 4);
            }
            m_cacheT0 -= shift * f.usPerPx;
            SwimlaneRenderer::Frame cf = f;
            cf.t0 = m_cacheT0;
            if (shift > 0)
                m_renderer.renderContent(m_cache, cf, 0, shift);
            else
                m_renderer.renderContent(m_cache, cf, w + shift, w);
            m_cacheExact = false;
            m_settleTimer.start();
            return;
        }
    }
    // Opaque format: the blit in paintEvent is then a copy, not a per-pixel blend.
    const QSize device = (QSizeF(f.width, f.height) * dpr).toSize();
    if (m_cache.size() != device)
        m_cache = QImage(device, QImage::Format_RGB32);
    m_renderer.renderContentInto(m_cache, f, dpr);
    m_cacheSize = QSize(f.width, f.height);
    m_cacheDpr = dpr;
    m_cacheT0 = f.t0;
    m_cacheUsPerPx = f.usPerPx;
    m_cacheScrollY = f.scrollY;
    m_cacheRevision = revision;
    m_cacheCutoff = f.cutoff;
    m_cacheValid = true;
    m_cacheExact = true;
}

int SwimlaneView::selectedRow() const
{
    if (!m_timeline || !m_viewport || !m_viewport->hasSelectedSession())
        return -1;
    const int lane = m_timeline->findLane(m_viewport->selectedSession());
    return m_renderer.rowOfLane(lane);
}

void SwimlaneView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const SwimlaneRenderer::Frame f = currentFrame();
    const int labelW = m_renderer.labelWidth();
    const int axisH = m_renderer.axisHeight();
    const Theme &theme = m_renderer.theme();

    // Lanes: the cached image (cut at the playhead in grow mode, see currentFrame()), then the
    // labels and axis through the same code paintAll() uses for exports.
    ensureContent(f);
    const qint64 playhead = m_viewport->playhead();
    {
        const qreal dpr = m_cache.devicePixelRatio();
        p.drawImage(QRectF(labelW, axisH, f.width, f.height), m_cache,
                    QRectF(0, 0, f.width * dpr, f.height * dpr));
    }
    m_renderer.paintChrome(p, f, selectedRow(), playhead);

    // Live overlays.
    p.setClipRect(QRect(labelW, axisH, f.width, f.height));
    const int sel = selectedRow();
    if (sel >= 0) {
        // Outline the whole session block (thread and client rows).
        const auto &rows = m_renderer.rows();
        int top = rows[size_t(sel)].top;
        int bottom = top + rows[size_t(sel)].height;
        for (size_t r = size_t(sel) + 1;
             r < rows.size() && rows[r].session == rows[size_t(sel)].session; ++r)
            bottom = rows[r].top + rows[r].height;
        QColor c = theme.selection();
        p.fillRect(QRect(labelW, axisH + top - f.scrollY, f.width, 2), c);
        p.fillRect(QRect(labelW, axisH + bottom - f.scrollY - 2, f.width, 2), c);
    }
    if (m_hover.segment >= 0 && m_timeline && m_hover.lane >= 0 &&
        m_hover.segment < m_timeline->segmentCount(m_hover.lane)) {
        const Segment s = m_timeline->segment(m_hover.lane, m_hover.segment);
        const auto &row = m_renderer.rows()[size_t(m_hover.row)];
        const auto [by0, by1] = m_renderer.barSpan(row, s.state);
        const auto [fy0, fy1] = m_renderer.barSpan(row, SegmentState::Running);
        const int top = std::min(by0, fy0);
        const int bottom = std::max(by1, fy1);
        const bool grow = m_viewport->growToPlayhead() && playhead >= 0;
        const qint64 shownEnd = grow ? std::min(s.end, playhead) : s.end;
        const int x0 = labelW + int(std::lround(timeToX(double(s.start), f.t0, f.usPerPx)));
        int x1 = labelW + int(std::lround(timeToX(double(shownEnd), f.t0, f.usPerPx)));
        x1 = std::max(x1, x0 + 1);
        p.setPen(QPen(theme.hover(), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRect(x0 - 1, axisH + top - f.scrollY - 1, x1 - x0 + 1, bottom - top + 1));
    }
    if (m_drag == Drag::RubberBand) {
        const int a = std::min(m_rubberFrom, m_rubberTo);
        const int b = std::max(m_rubberFrom, m_rubberTo);
        QColor c = theme.selection();
        c.setAlpha(60);
        p.setClipping(false);
        p.fillRect(QRect(a, 0, b - a, viewport()->height()), c);
        p.fillRect(QRect(a, 0, 1, viewport()->height()), theme.selection());
        p.fillRect(QRect(b, 0, 1, viewport()->height()), theme.selection());
    }
    p.setClipping(false);
    p.setClipRect(QRect(labelW - 60, 0, f.width + 60, viewport()->height()));
    m_renderer.paintPlayhead(p, f, playhead, 0, viewport()->height());
    m_renderer.paintRollbackCounters(p, f, playhead);
}

void SwimlaneView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    invalidateContent();
    updateScrollBars();
}

void SwimlaneView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        m_renderer.setTheme(Theme(palette()));
        invalidateContent();
        viewport()->update();
    } else if (event->type() == QEvent::FontChange) {
        setScale(m_scale);
    } else if (event->type() == QEvent::LanguageChange) {
        m_renderer.invalidateTexts();
        invalidateContent();
        viewport()->update();
    }
    QAbstractScrollArea::changeEvent(event);
}

SwimlaneView::Hit SwimlaneView::hitTest(QPoint pos) const
{
    Hit hit;
    const int labelW = m_renderer.labelWidth();
    const int axisH = m_renderer.axisHeight();
    hit.inAxis = pos.y() < axisH;
    hit.inLabels = pos.x() < labelW;
    const auto f = currentFrame();
    hit.time = qint64(std::floor(xToTime(pos.x() - labelW, f.t0, f.usPerPx)));
    if (hit.inAxis && !hit.inLabels && m_timeline && pos.y() >= m_renderer.axisTicksHeight()) {
        // The axis's row of server-wide changes: a pill or its pole.
        const int x = pos.x() - labelW;
        for (const SwimlaneRenderer::GlobalMarker &g : m_renderer.globalMarkers(f))
            if ((x >= g.box.left() && x < g.box.right()) || std::abs(x - g.x) <= 3)
                hit.marker = g.marker;
    }
    if (hit.inAxis || !m_timeline)
        return hit;
    hit.row = m_renderer.rowAt(pos.y() - axisH + f.scrollY);
    if (hit.row < 0)
        return hit;
    const auto &row = m_renderer.rows()[size_t(hit.row)];
    hit.lane = row.lane;
    hit.sessionId = m_timeline->lane(row.lane).sessionId;
    if (hit.inLabels)
        return hit;
    // Signals and markers first: they are small and drawn on top. ±4 px around the pointer.
    const qint64 tol = qint64(std::ceil(4 * f.usPerPx));
    {
        const auto [a, b] = m_timeline->signalsIn(hit.time - tol, hit.time + tol + 1);
        const auto list = m_timeline->signalList();
        for (int i = a; i < b; ++i) {
            const int toRow = m_renderer.rowOfLane(list[size_t(i)].toLane);
            const int fromRow = m_renderer.rowOfLane(list[size_t(i)].fromLane);
            if (toRow < 0)
                continue;
            const int lo = std::min(toRow, fromRow < 0 ? toRow : fromRow);
            const int hi = std::max(toRow, fromRow < 0 ? toRow : fromRow);
            if (hit.row >= lo && hit.row <= hi) {
                hit.signal = i;
                break;
            }
        }
        const auto [ma, mb] = m_timeline->markersIn(hit.time - tol, hit.time + tol + 1);
        const auto markers = m_timeline->markerList();
        for (int i = ma; i < mb; ++i) {
            if (markers[size_t(i)].lane == row.lane) {
                hit.marker = i;
                break;
            }
        }
    }
    // Segment under the pointer; thin segments get one pixel of grace on each side.
    hit.segment = m_timeline->segmentAt(row.lane, hit.time);
    if (hit.segment < 0) {
        const qint64 px = qint64(std::ceil(f.usPerPx));
        hit.segment = m_timeline->segmentAt(row.lane, hit.time - px);
        if (hit.segment < 0)
            hit.segment = m_timeline->segmentAt(row.lane, hit.time + px);
    }
    if (m_viewport->growToPlayhead() && m_viewport->playhead() >= 0 && hit.segment >= 0 &&
        m_timeline->segment(row.lane, hit.segment).start >= m_viewport->playhead())
        hit.segment = -1; // not shown yet
    return hit;
}

void SwimlaneView::setHover(const Hit &hit)
{
    if (hit.row == m_hover.row && hit.segment == m_hover.segment && hit.lane == m_hover.lane) {
        m_hover = hit;
        return;
    }
    m_hover = hit;
    viewport()->update();
}

QString SwimlaneView::defaultSegmentToolTip(const Timeline &timeline, int lane, int segment,
                                            qint64 time)
{
    const Segment s = timeline.segment(lane, segment);
    const LaneInfo &info = timeline.lane(lane);
    QString html = QStringLiteral("<b>%1</b>").arg(Theme::stateName(s.state).toHtmlEscaped());
    html += QStringLiteral(" &nbsp;<span>%1</span>")
                .arg(tr("session %1 (%2)").arg(info.sessionId).arg(info.user.toHtmlEscaped()));
    html += QStringLiteral("<br/>") + tr("%1 → %2, lasted %3")
                                          .arg(TimeFormat::duration(s.start),
                                               TimeFormat::duration(s.end),
                                               TimeFormat::duration(s.end - s.start))
                                          .toHtmlEscaped();
    const QString detail = EngineText::display(timeline.string(s.detail));
    if (!detail.isEmpty())
        html += QStringLiteral("<br/><tt>%1</tt>").arg(detail.toHtmlEscaped());
    if (const SegmentExtra *x = timeline.extra(lane, segment)) {
        if (x->rowsAtStart >= 0) {
            const qint64 left = x->rowsRemainingAt(s.start, s.end, time);
            html += QStringLiteral("<br/>") +
                    tr("Rows still to undo here: %1 of %2")
                        .arg(QLocale().toString(left), QLocale().toString(x->rowsAtStart))
                        .toHtmlEscaped();
        }
        if (x->checkPeriodUs > 0)
            html += QStringLiteral("<br/>") + tr("Checks the kill flag every %1")
                                                  .arg(TimeFormat::duration(x->checkPeriodUs))
                                                  .toHtmlEscaped();
    }
    html += QStringLiteral("<br/><i>%1</i>").arg(Theme::stateDescription(s.state).toHtmlEscaped());
    if (s.flags & SegmentFlag::KillPending)
        html += QStringLiteral("<br/><b>%1</b>: %2")
                    .arg(Theme::killPendingName().toHtmlEscaped(),
                         Theme::killPendingDescription().toHtmlEscaped());
    if (s.flags & SegmentFlag::Killed)
        html += QStringLiteral("<br/>") +
                tr("The processlist shows this thread as Killed.").toHtmlEscaped();
    return QStringLiteral("<qt>%1</qt>").arg(html);
}

QString SwimlaneView::toolTipFor(const Hit &hit) const
{
    if (!m_timeline)
        return {};
    if (hit.signal >= 0) {
        const TimelineSignal &s = m_timeline->signalList()[size_t(hit.signal)];
        QString label = EngineText::display(m_timeline->string(s.label));
        if (label.isEmpty())
            label = Theme::signalKindName(s.kind);
        QString html = QStringLiteral("<b>%1</b> &nbsp;%2<br/>%3")
                           .arg(label.toHtmlEscaped(), TimeFormat::duration(s.time),
                                Theme::signalResultName(s.result).toHtmlEscaped());
        if (const QString d = EngineText::display(m_timeline->string(s.detail)); !d.isEmpty())
            html += QStringLiteral("<br/>") + d.toHtmlEscaped();
        return QStringLiteral("<qt>%1</qt>").arg(html);
    }
    if (hit.marker >= 0 && m_timeline->markerList()[size_t(hit.marker)].lane < 0) {
        // A server-wide change: its whole text, whatever the pill had room for.
        const TimelineMarker &m = m_timeline->markerList()[size_t(hit.marker)];
        const QStringList forms = EngineText::globalActionForms(m_timeline->string(m.label));
        return QStringLiteral("<qt><b>%1</b> &nbsp;%2<br/>%3</qt>")
            .arg(Theme::markerName(m.kind).toHtmlEscaped(), TimeFormat::seconds(m.time),
                 forms.value(0).toHtmlEscaped());
    }
    if (hit.marker >= 0) {
        const TimelineMarker &m = m_timeline->markerList()[size_t(hit.marker)];
        QString html =
            QStringLiteral("<b>%1</b> &nbsp;%2")
                .arg(Theme::markerName(m.kind).toHtmlEscaped(), TimeFormat::duration(m.time));
        if (const QString d = EngineText::display(m_timeline->string(m.label)); !d.isEmpty())
            html += QStringLiteral("<br/>") + d.toHtmlEscaped();
        return QStringLiteral("<qt>%1</qt>").arg(html);
    }
    if (hit.inLabels && hit.lane >= 0) {
        const LaneInfo &info = m_timeline->lane(hit.lane);
        QString html = QStringLiteral("<b>%1</b> %2@%3")
                           .arg(info.sessionId)
                           .arg(info.user.toHtmlEscaped(), info.host.toHtmlEscaped());
        if (!info.statement.isEmpty())
            html += QStringLiteral("<br/><tt>%1</tt>").arg(info.statement.toHtmlEscaped());
        return QStringLiteral("<qt>%1</qt>").arg(html);
    }
    if (hit.segment >= 0) {
        return m_toolTip ? m_toolTip(*m_timeline, hit.lane, hit.segment, hit.time)
                         : defaultSegmentToolTip(*m_timeline, hit.lane, hit.segment, hit.time);
    }
    return {};
}

bool SwimlaneView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *he = static_cast<QHelpEvent *>(event);
        const QString text = toolTipFor(hitTest(he->pos()));
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(he->globalPos(), text, viewport());
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

int SwimlaneView::selectedLane() const
{
    if (!m_timeline || !m_viewport->hasSelectedSession() || m_selectedLane < 0 ||
        m_selectedLane >= m_timeline->laneCount() ||
        m_timeline->lane(m_selectedLane).sessionId != m_viewport->selectedSession())
        return -1;
    return m_selectedLane;
}

void SwimlaneView::setSelectedLane(int lane)
{
    m_selectedLane = lane;
}

void SwimlaneView::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const Hit hit = hitTest(pos);
    if (event->button() == Qt::RightButton) {
        if (hit.row >= 0) {
            m_selectedLane = hit.lane;
            m_viewport->setSelectedSession(hit.sessionId);
            Q_EMIT sessionSelected(hit.sessionId);
            Q_EMIT contextMenuRequestedForSession(hit.sessionId, event->globalPosition().toPoint());
            Q_EMIT contextMenuRequestedForLane(hit.lane, event->globalPosition().toPoint());
        }
        event->accept();
        return;
    }
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_pressPos = pos;
    m_pressGlobal = event->globalPosition().toPoint();
    m_pressStart = m_viewport->visibleStart();
    m_pressScrollY = verticalScrollBar()->value();
    m_rubberFrom = m_rubberTo = pos.x();
    const qint64 playhead = m_viewport->playhead();
    if (hit.inAxis && !hit.inLabels && playhead >= 0 &&
        std::abs(timeToViewportX(playhead) - pos.x()) <= 8) {
        // Grabbing the playhead's bubble: drag it through time.
        m_drag = Drag::MovePlayhead;
        viewport()->setCursor(Qt::SizeHorCursor);
    } else if (hit.inAxis && !hit.inLabels) {
        m_drag = Drag::Scrub;
    } else if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::RubberBand;
    } else {
        m_drag = Drag::Pending;
    }
    event->accept();
}

void SwimlaneView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QPoint global = event->globalPosition().toPoint();
    switch (m_drag) {
    case Drag::None:
        setHover(hitTest(pos));
        break;
    case Drag::Pending:
        if ((global - m_pressGlobal).manhattanLength() < DragThresholdPx)
            break;
        m_drag = Drag::Pan;
        viewport()->setCursor(Qt::ClosedHandCursor);
        [[fallthrough]];
    case Drag::Pan: {
        // Global positions: the content moves under the pointer, local ones would feed back.
        const QPoint d = global - m_pressGlobal;
        const double upp = usPerPixel(m_viewport->visibleSpan(), lanesRect().width());
        const qint64 start = m_pressStart - qint64(std::llround(d.x() * upp));
        m_viewport->setVisibleRange(start, start + m_viewport->visibleSpan());
        verticalScrollBar()->setValue(m_pressScrollY - d.y());
        break;
    }
    case Drag::MovePlayhead: {
        const qint64 t = std::max<qint64>(0, viewportXToTime(pos.x()));
        m_viewport->setPlayhead(t);
        Q_EMIT playheadScrubbed(t);
        break;
    }
    case Drag::Scrub:
        if (std::abs(pos.x() - m_pressPos.x()) >= DragThresholdPx) {
            m_drag = Drag::RubberBand;
            m_rubberTo = pos.x();
            viewport()->update();
        }
        break;
    case Drag::RubberBand:
        m_rubberTo = std::clamp(pos.x(), m_renderer.labelWidth(), viewport()->width());
        viewport()->update();
        break;
    }
    event->accept();
}

void SwimlaneView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::RightButton) {
        event->accept();
        return;
    }
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    const Drag drag = m_drag;
    m_drag = Drag::None;
    viewport()->unsetCursor();
    switch (drag) {
    case Drag::Pending: {
        const Hit hit = hitTest(pos);
        if (hit.row >= 0) {
            m_selectedLane = hit.lane;
            m_viewport->setSelectedSession(hit.sessionId);
            Q_EMIT sessionSelected(hit.sessionId);
        } else if (!hit.inAxis) {
            m_viewport->clearSelectedSession();
        }
        break;
    }
    case Drag::MovePlayhead:
    case Drag::Scrub: {
        const qint64 t = std::max<qint64>(0, viewportXToTime(pos.x()));
        m_viewport->setPlayhead(t);
        Q_EMIT playheadScrubbed(t);
        break;
    }
    case Drag::RubberBand: {
        const int a = std::min(m_rubberFrom, m_rubberTo);
        const int b = std::max(m_rubberFrom, m_rubberTo);
        if (b - a >= 3)
            m_viewport->animateToRange(viewportXToTime(a), viewportXToTime(b));
        viewport()->update();
        break;
    }
    case Drag::Pan:
    case Drag::None:
        break;
    }
    event->accept();
}

void SwimlaneView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->position().y() < m_renderer.axisHeight()) {
        zoomToFit();
        event->accept();
        return;
    }
    QAbstractScrollArea::mouseDoubleClickEvent(event);
}

void SwimlaneView::wheelEvent(QWheelEvent *event)
{
    const QPoint angle = event->angleDelta();
    const double x = event->position().x() - m_renderer.labelWidth();
    if (event->modifiers() & Qt::ControlModifier) {
        // Zoom around the pointer: the time under it stays under it.
        const double steps = angle.y() / 120.0;
        const double factor = std::pow(0.8, steps);
        const auto f = currentFrame();
        const qint64 anchor =
            qint64(std::llround(xToTime(std::clamp(x, 0.0, double(f.width)), f.t0, f.usPerPx)));
        m_viewport->zoomAround(anchor, factor);
        event->accept();
        return;
    }
    const bool horizontal =
        (event->modifiers() & Qt::ShiftModifier) || std::abs(angle.x()) > std::abs(angle.y());
    if (horizontal) {
        const int delta = std::abs(angle.x()) > std::abs(angle.y()) ? angle.x() : angle.y();
        // One notch pans a tenth of the view, like a scroll bar's single step.
        const qint64 dt =
            qint64(std::llround(-delta / 120.0 * 0.1 * double(m_viewport->visibleSpan())));
        m_viewport->pan(dt);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void SwimlaneView::leaveEvent(QEvent *event)
{
    setHover({});
    QAbstractScrollArea::leaveEvent(event);
}

void SwimlaneView::contextMenuEvent(QContextMenuEvent *event)
{
    // Mouse right-clicks were handled on press; the keyboard's menu key acts on the selection.
    if (event->reason() == QContextMenuEvent::Keyboard && m_viewport->hasSelectedSession()) {
        const int lane = m_timeline ? m_timeline->findLane(m_viewport->selectedSession()) : -1;
        const int y = laneCenterY(lane);
        const QPoint local(m_renderer.labelWidth() + 20, y >= 0 ? y : m_renderer.axisHeight());
        Q_EMIT contextMenuRequestedForSession(m_viewport->selectedSession(),
                                              viewport()->mapToGlobal(local));
        if (lane >= 0)
            Q_EMIT contextMenuRequestedForLane(lane, viewport()->mapToGlobal(local));
    }
    event->accept();
}

void SwimlaneView::render(QPainter &painter, QSize size) const
{
    SwimlaneRenderer::Frame f = currentFrame();
    const int width = std::max(1, size.width() - m_renderer.labelWidth());
    // Same time range, fitted to the new width.
    f.usPerPx = usPerPixel(m_viewport->visibleSpan(), width);
    m_renderer.paintAll(painter, size, f, m_viewport->playhead());
}

QImage SwimlaneView::renderToImage(QSize size) const
{
    // Opaque, like the view's own cache: antialiased text blends onto it with the same rounding.
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    render(p, size);
    return image;
}

} // namespace ks
