#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>
#include <algorithm>

class QVariantAnimation;

namespace ks {

// The playhead of a recorded run: play/pause, speed, stepping between events, scrubbing. It is
// the single writer of the playhead position; TimelineViewport mirrors it and decides what is
// visible.
//
// Invariants: begin() <= position() <= end(); speed() is within [MinSpeed, MaxSpeed]; while
// playing, a frame clock of about 60 Hz advances the position by the real time elapsed since the
// previous frame times speed() (so a late frame catches up instead of slowing the run down), and
// playback pauses by itself at end(). Stepping, restarting and going to the end glide the
// playhead over a short animation instead of jumping, and announce the target (jumped()) so
// views can bring it into view; any direct setPosition() cancels a glide. A step always lands
// at least stepResolution() away from where it starts (events closer than that read as the
// same moment: the time display shows milliseconds), so → and ← never stay on the same time.
class PlaybackController : public QObject
{
    Q_OBJECT
public:
    static constexpr double MinSpeed = 0.1;
    static constexpr double MaxSpeed = 20.0;
    static constexpr int FrameIntervalMs = 16;

    explicit PlaybackController(QObject *parent = nullptr);

    void setRange(qint64 beginUs, qint64 endUs);
    qint64 begin() const { return m_beginUs; }
    qint64 end() const { return m_endUs; }
    // Times of the events → / ← step between (sorted, duplicates ignored).
    void setEventTimes(QList<qint64> times);
    const QList<qint64> &eventTimes() const { return m_events; }

    qint64 position() const { return m_positionUs; }
    bool isPlaying() const { return m_timer.isActive(); }
    bool isScrubbing() const { return m_scrubbing; }
    double speed() const { return m_speed; }
    // The preset speeds the UI offers, slowest first.
    static QList<double> speedSteps();

    // Where → and ← would go from the current position; -1 when there is nothing.
    qint64 nextEventTime() const;
    qint64 previousEventTime() const;
    // Events closer than this to the position are the same moment for stepping (µs).
    qint64 stepResolution() const { return m_stepResolutionUs; }
    void setStepResolution(qint64 us) { m_stepResolutionUs = std::max<qint64>(1, us); }

public Q_SLOTS:
    void play();
    void pause();
    void togglePlay();
    void restart();
    void goToEnd();
    void setPosition(qint64 us);
    void glideTo(qint64 us);
    void setSpeed(double speed);
    void faster();
    void slower();
    void stepForward();
    void stepBackward();
    // Dragging the playhead: playback holds while the user drags and resumes afterwards.
    void beginScrub();
    void scrubTo(qint64 us);
    void endScrub();

Q_SIGNALS:
    void positionChanged(qint64 us);
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void rangeChanged(qint64 beginUs, qint64 endUs);
    // A glide to `targetUs` began (restart, end, a step, a narration click).
    void jumped(qint64 targetUs);

private:
    void frame();
    void applyPosition(qint64 us);
    // Where the playhead is, or is gliding to.
    qint64 stepOrigin() const;
    qint64 nextFrom(qint64 from) const;
    qint64 previousFrom(qint64 from) const;

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastFrameNs = 0;
    double m_carryUs = 0.0; // sub-microsecond remainder so slow speeds still advance
    QVariantAnimation *m_glide = nullptr;
    QList<qint64> m_events;
    qint64 m_beginUs = 0;
    qint64 m_endUs = 0;
    qint64 m_positionUs = 0;
    double m_speed = 1.0;
    qint64 m_stepResolutionUs = 1000;
    bool m_scrubbing = false;
    bool m_resumeAfterScrub = false;
};

} // namespace ks
