// The InnoDB admission queue of MySQL (innodb_thread_concurrency, srv_conc_enter_innodb; sim/
// enginerun.h lists the rooms): seats, the threads that sleep and poll for one, the adaptive sleep
// delay, and SET GLOBAL innodb_thread_concurrency. MariaDB 10.6+ has no queue.
//
// Invariants:
// - m_active seats are held, never more than m_concurrency (a lowered limit only stops new
//   entries); m_waiting threads are queued (Conn::inQueue);
// - a queued thread is never woken: it sleeps, polls, and sleeps again (no notification when a
//   seat frees), so a kill is noticed only at a poll, and only where the flavor checks there
//   (MySQL 8.0; the 5.7 loop has no check);
// - a thread leaves its seat for a row-lock wait and queues again after it.

#include "enginerun.h"

#include <algorithm>

namespace ks::sim::detail {

bool EngineRun::admit(Conn &c)
{
    if (m_concurrency <= 0 || c.hasSeat)
        return true;
    if (m_active < m_concurrency) {
        ++m_active;
        c.hasSeat = true;
        event(EventType::SeatGranted, c.lane, m_active);
        if (m_cfg.innodbAdaptiveMaxSleepDelayUs > 0 && m_waiting == 0)
            m_sleepDelay >>= 1;
        return true;
    } else {
        c.activity = Activity::Queue;
        c.inQueue = true;
        c.queueSleeps = 0;
        ++m_waiting;
        c.trxOpStr = lit("sleeping before entering InnoDB");
        TimeUs sleep = m_sleepDelay;
        if (m_cfg.innodbAdaptiveMaxSleepDelayUs > 0 && sleep > m_cfg.innodbAdaptiveMaxSleepDelayUs)
            sleep = m_sleepDelay = m_cfg.innodbAdaptiveMaxSleepDelayUs;
        sleep = std::max(sleep, kMinQueueSleepUs);
        const int32_t check =
            m_rules.queueChecksKill() ? int32_t(std::min<int64_t>(sleep * 1000, INT32_MAX)) : -1;
        openSeg(c, LaneState::InnodbQueue, lit("waiting for an InnoDB seat"), check,
                check > 0 ? check : 0);
        pushPl(c);
        event(EventType::QueueWait, c.lane, sleep);
        if (m_flavor == Flavor::MySql57)
            note("queue-57",
                 "this 5.7 queue loop has no kill check (seen in a 2015 copy of srv0conc.cc); a "
                 "later 5.7 patch release might have added one.",
                 "这个 5.7 排队循环里没有检查 kill 标志（依据 2015 年的 srv0conc.cc 副本）；之后的 "
                 "5.7 补丁版本可能加上了检查。");
        scheduleConn(c, m_now + sleep, EvKind::QueueWake);
        return false;
    }
}

void EngineRun::queueWake(Conn &c)
{
    ++c.queueSleeps;
    if (m_cfg.innodbAdaptiveMaxSleepDelayUs > 0 && c.queueSleeps > 1)
        ++m_sleepDelay;
    if (m_rules.queueChecksKill() && killNoticeable(c)) {
        // 8.0: trx_is_interrupted() after every sleep → DB_INTERRUPTED.
        closeSeg(c);
        notice(c);
        return;
    }
    if (m_active < m_concurrency) {
        ++m_active;
        --m_waiting;
        c.inQueue = false;
        c.hasSeat = true;
        c.trxOpStr = 0;
        event(EventType::SeatGranted, c.lane, m_active);
        if (m_cfg.innodbAdaptiveMaxSleepDelayUs > 0) {
            if (m_sleepDelay > 20 && c.queueSleeps == 1)
                --m_sleepDelay;
            if (m_waiting == 0)
                m_sleepDelay >>= 1;
        }
        c.rowsPhase = 1;
        const Step *s = currentStep(c);
        if (s)
            rowsContinue(c, *s);
        return;
    }
    TimeUs sleep = m_sleepDelay;
    if (m_cfg.innodbAdaptiveMaxSleepDelayUs > 0 && sleep > m_cfg.innodbAdaptiveMaxSleepDelayUs)
        sleep = m_sleepDelay = m_cfg.innodbAdaptiveMaxSleepDelayUs;
    sleep = std::max(sleep, kMinQueueSleepUs);
    event(EventType::QueueSleep, c.lane, sleep);
    scheduleConn(c, m_now + sleep, EvKind::QueueWake);
}

void EngineRun::leaveQueue(Conn &c)
{
    if (c.inQueue) {
        c.inQueue = false;
        --m_waiting;
    }
}

void EngineRun::releaseSeat(Conn &c)
{
    if (!c.hasSeat)
        return;
    c.hasSeat = false;
    --m_active;
    event(EventType::SeatReleased, c.lane, m_active);
}

void EngineRun::setConcurrency(const Action &a)
{
    if (!m_rules.hasAdmissionQueue()) {
        note("mariadb-no-queue",
             "innodb_thread_concurrency does not exist in MariaDB 10.6+ (removed in 10.6.0; it was "
             "a no-op since 10.5): setting it changes nothing.",
             "MariaDB 10.6 起已没有 innodb_thread_concurrency（10.6.0 删除，10.5 "
             "起已无作用）：设置它不会改变任何东西。");
        return;
    }
    m_cfg.innodbThreadConcurrency = int(a.value);
    // Waiters only see a freed seat when they wake up and poll (no notification).
    m_concurrency = m_cfg.innodbThreadConcurrency;
    if (m_concurrency == 0) {
        // 0 = no throttling: the next poll enters at once.
        m_concurrency = 1 << 30;
    }
}

} // namespace ks::sim::detail
