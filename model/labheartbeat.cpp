#include "labheartbeat.h"

#include <QMutexLocker>
#include <QTimer>
#include <algorithm>

namespace ks {

LabHeartbeat::LabHeartbeat(LiveClock clock, std::shared_ptr<Log> log, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_log(std::move(log))
    , m_timer(new QTimer(this))
{
    // Single shot, armed from the moment of the previous wake-up: each wake-up is due exactly one
    // interval after it was armed, so its lateness does not carry over into the next one.
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &LabHeartbeat::beat);
}

void LabHeartbeat::start()
{
    rearm();
}

void LabHeartbeat::stop()
{
    m_timer->stop();
    m_dueUs = -1;
}

void LabHeartbeat::rearm()
{
    m_dueUs = m_clock.nowUs() + IntervalMs * 1000;
    m_timer->start(IntervalMs);
}

void LabHeartbeat::beat()
{
    const qint64 now = m_clock.nowUs();
    if (m_dueUs >= 0) {
        QMutexLocker lock(&m_log->mutex);
        if (m_log->atUs.size() < MaxWakeups) {
            m_log->atUs << now;
            m_log->lateUs << std::max<qint64>(0, now - m_dueUs);
        }
    }
    rearm();
}

LabSchedulingProbe LabHeartbeat::summarize(Log &log, qint64 fromUs, qint64 toUs)
{
    QMutexLocker lock(&log.mutex);
    LabSchedulingProbe p;
    p.thread = log.thread;
    QList<qint64> late;
    for (qsizetype i = 0; i < log.atUs.size(); ++i)
        if (log.atUs[i] >= fromUs && log.atUs[i] <= toUs)
            late << log.lateUs[i];
    p.wakeups = late.size();
    if (late.isEmpty())
        return p;
    std::sort(late.begin(), late.end());
    p.maxUs = late.constLast();
    p.p99Us = late[std::min<qsizetype>(late.size() - 1, (late.size() * 99) / 100)];
    p.medianUs = late[late.size() / 2];
    return p;
}

} // namespace ks
