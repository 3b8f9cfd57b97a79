#pragma once

#include <QObject>

class QVariantAnimation;

namespace ks {

// The view state of a timeline: which time range is visible, the data's extent, the selected
// session, the playhead, the hovered place and the follow / grow modes. Widgets observe it;
// playback, live mode and animations drive it.
//
// Invariants:
// - It is the single writer of the visible range: every change (the user's pans and zooms,
//   animations, following and revealing the playhead) goes through applyRange(), which keeps
//   the rules below, so no caller can break them.
// - visibleEnd() - visibleStart() is within [minimumSpan(), maximumSpan()].
// - Once the data's extent is known, visibleStart() >= minimumStart(): the axis never shows
//   time before the data (no "−15 s" after replaying from the end).
// - Setters return early when nothing changes and emit exactly one signal otherwise.
// - playhead() < 0 means "no playhead".
class TimelineViewport : public QObject
{
    Q_OBJECT
public:
    explicit TimelineViewport(QObject *parent = nullptr);
    ~TimelineViewport() override;

    qint64 visibleStart() const { return m_start; }
    qint64 visibleEnd() const { return m_end; }
    qint64 visibleSpan() const { return m_end - m_start; }
    qint64 traceStart() const { return m_traceStart; }
    qint64 traceEnd() const { return m_traceEnd; }
    bool hasTrace() const { return m_hasTrace; }
    qint64 minimumSpan() const { return 10; }
    qint64 maximumSpan() const;
    // The earliest visible start for a span: the data's start minus the small margin zoomToFit()
    // leaves, so "fit" is never clamped and nothing before the data is ever shown.
    qint64 minimumStart(qint64 span) const;
    // Whether t is on screen, at least `marginFraction` of the span away from both edges.
    bool isInView(qint64 t, double marginFraction = 0.0) const;

    qint64 playhead() const { return m_playhead; }
    qint64 selectedSession() const { return m_selectedSession; }
    bool hasSelectedSession() const { return m_hasSelection; }
    // Follow: the visible range scrolls so the playhead stays in view (live "now", playback).
    bool followPlayhead() const { return m_follow; }
    // Grow: only what happened up to the playhead is drawn; segments grow as it moves.
    bool growToPlayhead() const { return m_grow; }

public Q_SLOTS:
    // Jumps there (and stops a running animation: the user's hand wins).
    void setVisibleRange(qint64 start, qint64 end);
    // Glides there: the centre moves linearly and the span geometrically, so zooming feels even.
    void animateToRange(qint64 start, qint64 end, int durationMs = 250);
    void animateToFit(int durationMs = 250);
    // The data's extent; the first call on an empty viewport also shows all of it.
    void setTraceRange(qint64 start, qint64 end);
    void zoomToFit();
    // factor < 1 zooms in; `anchor` keeps its place on screen.
    void zoomAround(qint64 anchor, double factor);
    void zoomIn();
    void zoomOut();
    void pan(qint64 deltaUs);
    void setPlayhead(qint64 timeUs);
    // Brings t into view when it is not (a jump: Home, End, a step, a narration click): the span
    // stays, t lands a tenth of the width from the edge it came from. Animated; a no-op when t
    // is already in view.
    void revealTime(qint64 timeUs, int durationMs = 200);
    void clearPlayhead() { setPlayhead(-1); }
    void setSelectedSession(qint64 id);
    void clearSelectedSession();
    void setFollowPlayhead(bool follow);
    void setGrowToPlayhead(bool grow);

Q_SIGNALS:
    void visibleRangeChanged(qint64 start, qint64 end);
    void traceRangeChanged(qint64 start, qint64 end);
    void playheadChanged(qint64 timeUs);
    void selectedSessionChanged(qint64 id, bool selected);
    void modesChanged();

private:
    void keepPlayheadInView();
    void applyRange(qint64 start, qint64 end);
    std::pair<qint64, qint64> fitRange() const;

    qint64 m_start = 0;
    qint64 m_end = 1000000;
    qint64 m_traceStart = 0;
    qint64 m_traceEnd = 0;
    qint64 m_playhead = -1;
    qint64 m_selectedSession = 0;
    bool m_hasSelection = false;
    bool m_hasTrace = false;
    bool m_follow = false;
    bool m_grow = false;
    QVariantAnimation *m_animation = nullptr;
};

} // namespace ks
