#include "playbackcontroller.h"

#include <QEasingCurve>
#include <QVariantAnimation>
#include <algorithm>
#include <cmath>

namespace ks {

PlaybackController::PlaybackController(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(FrameIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &PlaybackController::frame);

    m_glide = new QVariantAnimation(this);
    m_glide->setDuration(220);
    m_glide->setEasingCurve(QEasingCurve::OutCubic);
    connect(m_glide, &QVariantAnimation::valueChanged, this,
            [this](const QVariant &v) { applyPosition(qint64(std::llround(v.toDouble()))); });
}

QList<double> PlaybackController::speedSteps()
{
    return {0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0};
}

void PlaybackController::setRange(qint64 beginUs, qint64 endUs)
{
    if (endUs < beginUs)
        endUs = beginUs;
    if (beginUs == m_beginUs && endUs == m_endUs)
        return;
    m_beginUs = beginUs;
    m_endUs = endUs;
    Q_EMIT rangeChanged(beginUs, endUs);
    applyPosition(std::clamp(m_positionUs, m_beginUs, m_endUs));
}

void PlaybackController::setEventTimes(QList<qint64> times)
{
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    m_events = std::move(times);
}

qint64 PlaybackController::nextFrom(qint64 from) const
{
    // The first event a whole resolution later: closer ones are the same moment on screen.
    auto it = std::lower_bound(m_events.cbegin(), m_events.cend(), from + m_stepResolutionUs);
    return it == m_events.cend() || *it > m_endUs ? -1 : *it;
}

qint64 PlaybackController::previousFrom(qint64 from) const
{
    auto it = std::upper_bound(m_events.cbegin(), m_events.cend(), from - m_stepResolutionUs);
    if (it == m_events.cbegin())
        return -1;
    --it;
    return *it < m_beginUs ? -1 : *it;
}

qint64 PlaybackController::nextEventTime() const
{
    return nextFrom(m_positionUs);
}

qint64 PlaybackController::previousEventTime() const
{
    return previousFrom(m_positionUs);
}

qint64 PlaybackController::stepOrigin() const
{
    // A running glide already moves towards a target: step from there so repeated presses add
    // up.
    return m_glide->state() == QAbstractAnimation::Running
               ? qint64(std::llround(m_glide->endValue().toDouble()))
               : m_positionUs;
}

void PlaybackController::play()
{
    if (isPlaying())
        return;
    m_glide->stop();
    // Playing from the end starts over, as media players do.
    if (m_positionUs >= m_endUs)
        applyPosition(m_beginUs);
    m_clock.start();
    m_lastFrameNs = 0;
    m_carryUs = 0.0;
    m_timer.start();
    Q_EMIT playingChanged(true);
}

void PlaybackController::pause()
{
    if (!isPlaying())
        return;
    m_timer.stop();
    Q_EMIT playingChanged(false);
}

void PlaybackController::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play();
}

void PlaybackController::restart()
{
    glideTo(m_beginUs);
}

void PlaybackController::goToEnd()
{
    glideTo(m_endUs);
}

void PlaybackController::setPosition(qint64 us)
{
    m_glide->stop();
    applyPosition(us);
}

void PlaybackController::glideTo(qint64 us)
{
    us = std::clamp(us, m_beginUs, m_endUs);
    m_glide->stop();
    Q_EMIT jumped(us);
    if (us == m_positionUs)
        return;
    m_glide->setStartValue(double(m_positionUs));
    m_glide->setEndValue(double(us));
    m_glide->start();
}

void PlaybackController::setSpeed(double speed)
{
    speed = std::clamp(speed, MinSpeed, MaxSpeed);
    if (qFuzzyCompare(speed, m_speed))
        return;
    m_speed = speed;
    Q_EMIT speedChanged(speed);
}

void PlaybackController::faster()
{
    for (double s : speedSteps()) {
        if (s > m_speed + 1e-9) {
            setSpeed(s);
            return;
        }
    }
}

void PlaybackController::slower()
{
    const QList<double> steps = speedSteps();
    for (auto it = steps.crbegin(); it != steps.crend(); ++it) {
        if (*it < m_speed - 1e-9) {
            setSpeed(*it);
            return;
        }
    }
}

void PlaybackController::stepForward()
{
    const qint64 next = nextFrom(stepOrigin());
    glideTo(next < 0 ? m_endUs : next);
}

void PlaybackController::stepBackward()
{
    const qint64 previous = previousFrom(stepOrigin());
    glideTo(previous < 0 ? m_beginUs : previous);
}

void PlaybackController::beginScrub()
{
    if (m_scrubbing)
        return;
    m_scrubbing = true;
    m_resumeAfterScrub = isPlaying();
    pause();
    m_glide->stop();
}

void PlaybackController::scrubTo(qint64 us)
{
    setPosition(us);
}

void PlaybackController::endScrub()
{
    if (!m_scrubbing)
        return;
    m_scrubbing = false;
    if (m_resumeAfterScrub && m_positionUs < m_endUs)
        play();
    m_resumeAfterScrub = false;
}

void PlaybackController::frame()
{
    const qint64 nowNs = m_clock.nsecsElapsed();
    const double elapsedUs = double(nowNs - m_lastFrameNs) / 1000.0;
    m_lastFrameNs = nowNs;
    m_carryUs += elapsedUs * m_speed;
    const qint64 step = qint64(m_carryUs);
    m_carryUs -= double(step);
    const qint64 next = m_positionUs + step;
    if (next >= m_endUs) {
        applyPosition(m_endUs);
        pause();
        return;
    }
    applyPosition(next);
}

void PlaybackController::applyPosition(qint64 us)
{
    us = std::clamp(us, m_beginUs, m_endUs);
    if (us == m_positionUs)
        return;
    m_positionUs = us;
    Q_EMIT positionChanged(us);
}

} // namespace ks
