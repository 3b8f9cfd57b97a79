#include "timelineviewport.h"

#include <QEasingCurve>
#include <QVariantAnimation>
#include <algorithm>
#include <cmath>
#include <limits>

namespace ks {

TimelineViewport::TimelineViewport(QObject *parent)
    : QObject(parent)
{}

TimelineViewport::~TimelineViewport() = default;

qint64 TimelineViewport::maximumSpan() const
{
    // Some room around the data, but never so far out that everything shrinks to a sliver.
    const qint64 trace = m_traceEnd - m_traceStart;
    return std::max<qint64>(trace * 4, 1000000);
}

qint64 TimelineViewport::minimumStart(qint64 span) const
{
    if (!m_hasTrace)
        return std::numeric_limits<qint64>::min() / 2;
    return m_traceStart - std::max<qint64>(span, minimumSpan()) / 50;
}

bool TimelineViewport::isInView(qint64 t, double marginFraction) const
{
    const auto margin = qint64(double(visibleSpan()) * marginFraction);
    return t >= m_start + margin && t <= m_end - margin;
}

void TimelineViewport::revealTime(qint64 timeUs, int durationMs)
{
    if (timeUs < 0 || isInView(timeUs, 0.02))
        return;
    const qint64 span = visibleSpan();
    const qint64 lead = span / 10;
    const qint64 start = timeUs < m_start ? timeUs - lead : timeUs + lead - span;
    animateToRange(start, start + span, durationMs);
}

void TimelineViewport::setVisibleRange(qint64 start, qint64 end)
{
    if (m_animation)
        m_animation->stop();
    applyRange(start, end);
}

void TimelineViewport::animateToRange(qint64 start, qint64 end, int durationMs)
{
    if (end < start)
        std::swap(start, end);
    if (durationMs <= 0) {
        setVisibleRange(start, end);
        return;
    }
    if (!m_animation) {
        m_animation = new QVariantAnimation(this);
        m_animation->setEasingCurve(QEasingCurve::OutCubic);
        m_animation->setStartValue(0.0);
        m_animation->setEndValue(1.0);
    }
    m_animation->stop();
    const double c0 = double(m_start) + double(visibleSpan()) / 2;
    const double s0 = double(std::max<qint64>(visibleSpan(), 1));
    const double c1 = double(start) + double(end - start) / 2;
    const double s1 = double(std::max<qint64>(end - start, 1));
    m_animation->disconnect(this);
    connect(m_animation, &QVariantAnimation::valueChanged, this, [=, this](const QVariant &v) {
        const double k = v.toDouble();
        const double span = s0 * std::pow(s1 / s0, k);
        const double centre = c0 + (c1 - c0) * k;
        applyRange(qint64(std::llround(centre - span / 2)),
                   qint64(std::llround(centre + span / 2)));
    });
    connect(m_animation, &QVariantAnimation::finished, this, [=, this] { applyRange(start, end); });
    m_animation->setDuration(durationMs);
    m_animation->start();
}

void TimelineViewport::animateToFit(int durationMs)
{
    if (!m_hasTrace)
        return;
    const auto [start, end] = fitRange();
    animateToRange(start, end, durationMs);
}

void TimelineViewport::applyRange(qint64 start, qint64 end)
{
    if (end < start)
        std::swap(start, end);
    qint64 span = std::clamp(end - start, minimumSpan(), maximumSpan());
    if (span != end - start) {
        const qint64 mid = start + (end - start) / 2;
        start = mid - span / 2;
        end = start + span;
    }
    // Nothing before the data: slide right, keeping the span.
    if (const qint64 lo = minimumStart(span); start < lo) {
        start = lo;
        end = lo + span;
    }
    if (start == m_start && end == m_end)
        return;
    m_start = start;
    m_end = end;
    Q_EMIT visibleRangeChanged(m_start, m_end);
}

void TimelineViewport::setTraceRange(qint64 start, qint64 end)
{
    if (end < start)
        std::swap(start, end);
    if (m_hasTrace && start == m_traceStart && end == m_traceEnd)
        return;
    const bool first = !m_hasTrace;
    m_hasTrace = true;
    m_traceStart = start;
    m_traceEnd = end;
    Q_EMIT traceRangeChanged(start, end);
    if (first)
        zoomToFit();
    else
        applyRange(m_start, m_end); // the rules may move the range (a later start)
}

std::pair<qint64, qint64> TimelineViewport::fitRange() const
{
    const qint64 span = std::max<qint64>(m_traceEnd - m_traceStart, minimumSpan());
    // A small margin so the first and last segments do not touch the edges.
    const qint64 margin = span / 50;
    return {m_traceStart - margin, m_traceStart + span + margin};
}

void TimelineViewport::zoomToFit()
{
    if (!m_hasTrace)
        return; // nothing to fit yet; the first setTraceRange() fits
    const auto [start, end] = fitRange();
    setVisibleRange(start, end);
}

void TimelineViewport::zoomAround(qint64 anchor, double factor)
{
    if (!(factor > 0.0))
        return;
    const double span = double(visibleSpan());
    const double newSpan = std::clamp(span * factor, double(minimumSpan()), double(maximumSpan()));
    const double f = (double(anchor) - double(m_start)) / span;
    const auto start = qint64(std::llround(double(anchor) - f * newSpan));
    setVisibleRange(start, start + qint64(std::llround(newSpan)));
}

void TimelineViewport::zoomIn()
{
    const qint64 span = std::max(visibleSpan() / 2, minimumSpan());
    const qint64 centre = m_start + visibleSpan() / 2;
    animateToRange(centre - span / 2, centre - span / 2 + span);
}

void TimelineViewport::zoomOut()
{
    const qint64 span = std::min(visibleSpan() * 2, maximumSpan());
    const qint64 centre = m_start + visibleSpan() / 2;
    animateToRange(centre - span / 2, centre - span / 2 + span);
}

void TimelineViewport::pan(qint64 deltaUs)
{
    setVisibleRange(m_start + deltaUs, m_end + deltaUs);
}

void TimelineViewport::setPlayhead(qint64 timeUs)
{
    if (timeUs < 0)
        timeUs = -1;
    if (timeUs == m_playhead)
        return;
    m_playhead = timeUs;
    Q_EMIT playheadChanged(m_playhead);
    keepPlayheadInView();
}

void TimelineViewport::keepPlayheadInView()
{
    if (!m_follow || m_playhead < 0)
        return;
    const qint64 span = visibleSpan();
    // The playhead rides at 90 % of the width; the range glides with it instead of jumping a page.
    const qint64 lead = span / 10;
    if (m_playhead > m_end - lead || m_playhead < m_start)
        setVisibleRange(m_playhead + lead - span, m_playhead + lead);
}

void TimelineViewport::setSelectedSession(qint64 id)
{
    if (m_hasSelection && id == m_selectedSession)
        return;
    m_selectedSession = id;
    m_hasSelection = true;
    Q_EMIT selectedSessionChanged(id, true);
}

void TimelineViewport::clearSelectedSession()
{
    if (!m_hasSelection)
        return;
    m_hasSelection = false;
    Q_EMIT selectedSessionChanged(m_selectedSession, false);
}

void TimelineViewport::setFollowPlayhead(bool follow)
{
    if (follow == m_follow)
        return;
    m_follow = follow;
    Q_EMIT modesChanged();
    keepPlayheadInView();
}

void TimelineViewport::setGrowToPlayhead(bool grow)
{
    if (grow == m_grow)
        return;
    m_grow = grow;
    Q_EMIT modesChanged();
}

} // namespace ks
