// The row loop, I/O and rollback (sim/enginerun.h lists the rooms): a rows step's loop at CPU plus
// per-row I/O cost with a check point at every row boundary, the undo log it books, statement and
// transaction rollback, and SET GLOBAL io_pressure. The I/O device itself is IoDevice
// (iodevice.h), which discrete requests (io, tempfile, temp-file deletion) queue on.
//
// Invariants:
// - a loop's rows are analytic: rows done at t = (t - start) / cost, so no event per row; its end,
//   its next check point and its next blocked write are the only events it schedules;
// - a row costs between 1 ns and Engine::kMaxRowCostNs; ends that would pass 64 bits saturate
//   (endNs, addUs) beyond every run;
// - undoRows == the sum of the undo chunks; a rollback undoes chunks newest first and is never
//   interrupted: nothing here checks the kill flag.

#include "enginerun.h"

#include <algorithm>

namespace ks::sim::detail {

void EngineRun::startLoop(Conn &c, const Step &s)
{
    c.activity = Activity::Loop;
    c.trxState = c.trxState == TrxState::LockWait ? TrxState::Running : c.trxState;
    c.trxOpStr = lit(s.modify ? "updating or deleting" : "fetching rows");
    c.loopBase = c.loopDone;
    c.loopCount = s.count;
    c.loopModify = s.modify;
    c.loopTrxBase = c.undoRows;
    const DurationNs io = m_io.nsFor(s.ioBytesPerRow);
    c.loopCostNs = std::clamp<DurationNs>(s.perRowNs + io, 1, kMaxRowCostNs);
    c.loopStartNs = m_now * 1000;
    const int64_t remaining = c.loopCount - c.loopBase;
    const int32_t check = int32_t(std::min<int64_t>(c.loopCostNs, INT32_MAX));
    openSeg(c, LaneState::Running, c.stateStr, check, check, c.loopBase,
            io > s.perRowNs ? FlagIoBound : 0);
    pushPl(c);
    ++c.gen; // invalidates events of an earlier run of this loop
    const TimeUs end = ceilDivNsToUs(endNs(c.loopStartNs, remaining, c.loopCostNs));
    scheduleConn(c, end, EvKind::LoopEnd);
    if (remaining > 0) {
        if (killNoticeable(c))
            scheduleConn(c, ceilDivNsToUs(c.loopStartNs + c.loopCostNs), EvKind::LoopNotice,
                         c.loopBase + 1);
        if (s.send && c.client >= 0) {
            const Client &cl = m_clients[size_t(c.client)];
            if (m_sc.sessions[size_t(cl.session)].quick && !cl.reading)
                scheduleConn(c, ceilDivNsToUs(c.loopStartNs + c.loopCostNs), EvKind::LoopBlock,
                             c.loopBase + 1);
        }
    }
}

// Books the rows done so far into the undo log (when modifying) and ends the loop run.
void EngineRun::stopLoop(Conn &c, int64_t rowsDone)
{
    rowsDone = std::min(rowsDone, c.loopCount);
    const int64_t delta = rowsDone - c.loopBase;
    closeSeg(c, rowsDone);
    if (c.loopModify && delta > 0) {
        const Step *s = currentStep(c);
        UndoChunk ch;
        ch.rows = delta;
        ch.cpuNs = s && s->rollbackPerRowNs > 0 ? s->rollbackPerRowNs : (s ? s->perRowNs : 1);
        ch.ioBytesPerRow =
            s ? (s->rollbackIoBytesPerRow >= 0 ? s->rollbackIoBytesPerRow : s->ioBytesPerRow) : 0;
        if (!c.undo.empty() && c.undo.back().cpuNs == ch.cpuNs &&
            c.undo.back().ioBytesPerRow == ch.ioBytesPerRow &&
            c.undoRows - c.undo.back().rows >= c.stmtUndoMark)
            c.undo.back().rows += delta;
        else
            c.undo.push_back(ch);
        c.undoRows += delta;
    }
    if (const Step *s = currentStep(c); s && s->send)
        c.stmtRowsSent += delta;
    c.loopDone = rowsDone;
    c.activity = Activity::Cpu;
    ++c.gen;
}

void EngineRun::startRollback(Conn &c, bool wholeTrx, StageKey stage)
{
    c.activity = Activity::Rollback;
    c.rbWholeTrx = wholeTrx;
    c.rbStopAt = wholeTrx ? 0 : c.stmtUndoMark;
    c.trxState = TrxState::RollingBack;
    // INNODB_TRX.trx_operation_state (§4.2).
    c.trxOpStr = lit(wholeTrx || isMariaDb(m_flavor) ? "rollback" : "rollback of SQL statement");
    c.stateStr = stageId(stage);
    RollbackRecord rr;
    rr.lane = c.lane;
    rr.wholeTransaction = wholeTrx;
    rr.rows = c.undoRows - c.rbStopAt;
    rr.start = m_now;
    rr.points.push_back({m_now, c.undoRows});
    m_res.rollbacks.push_back(std::move(rr));
    c.rollbackRecord = int(m_res.rollbacks.size() - 1);
    event(EventType::RollbackStart, c.lane, c.undoRows - c.rbStopAt);
    rollbackNextChunk(c);
}

void EngineRun::rollbackNextChunk(Conn &c)
{
    if (c.undoRows <= c.rbStopAt || c.undo.empty()) {
        closeSeg(c, c.undoRows);
        RollbackRecord &rr = m_res.rollbacks[size_t(c.rollbackRecord)];
        rr.end = m_now;
        if (rr.points.back().t != m_now || rr.points.back().rowsRemaining != c.undoRows)
            rr.points.push_back({m_now, c.undoRows});
        event(EventType::RollbackEnd, c.lane);
        c.trxState = c.undoRows > 0 || !c.rowLocks.empty() ? TrxState::Running : TrxState::None;
        c.trxOpStr = 0;
        if (c.rbWholeTrx)
            releaseTrx(c);
        c.activity = Activity::Cpu;
        finishWork(c);
        return;
    }
    UndoChunk &ch = c.undo.back();
    const int64_t rows = std::min(ch.rows, c.undoRows - c.rbStopAt);
    const DurationNs io = m_io.nsFor(ch.ioBytesPerRow);
    c.loopCostNs = std::clamp<DurationNs>(ch.cpuNs + io, 1, kMaxRowCostNs);
    c.loopStartNs = m_now * 1000;
    c.rbRemaining = rows;
    c.activity = Activity::Rollback;
    openSeg(c, LaneState::RollingBack,
            lit(c.recovered    ? "background rollback of a recovered transaction"
                : c.rbWholeTrx ? "transaction rollback"
                               : "statement rollback"),
            -1, 0, c.undoRows, io > ch.cpuNs ? FlagIoBound : 0);
    pushPl(c);
    ++c.gen;
    scheduleConn(c, ceilDivNsToUs(endNs(c.loopStartNs, rows, c.loopCostNs)), EvKind::WorkDone, 2);
}

void EngineRun::rollbackChunkDone(Conn &c)
{
    const int64_t rows = c.rbRemaining;
    UndoChunk &ch = c.undo.back();
    ch.rows -= rows;
    c.undoRows -= rows;
    if (ch.rows <= 0)
        c.undo.pop_back();
    closeSeg(c, c.undoRows);
    RollbackRecord &rr = m_res.rollbacks[size_t(c.rollbackRecord)];
    rr.points.push_back({m_now, c.undoRows});
    c.rbRemaining = 0;
    if (c.recovered)
        releaseUndoneRowLocks(c);
    rollbackNextChunk(c);
}

void EngineRun::setIoPressure(const Action &a)
{
    m_io.setPressure(a.value);
    rerateLoops();
}

// I/O pressure changed: loops and rollbacks that read pages continue at the new rate.
void EngineRun::rerateLoops()
{
    for (Conn &c : m_conns) {
        if (!c.alive)
            continue;
        if (c.activity == Activity::Loop) {
            const Step *s = currentStep(c);
            if (!s || s->ioBytesPerRow == 0)
                continue;
            const int64_t done = loopRowsAt(c, m_now);
            stopLoop(c, done);
            startLoop(c, *s);
        } else if (c.activity == Activity::Rollback && !c.undo.empty() &&
                   c.undo.back().ioBytesPerRow > 0) {
            const int64_t undone = std::min(
                c.rbRemaining, std::max<int64_t>(0, (m_now * 1000 - c.loopStartNs) / c.loopCostNs));
            UndoChunk &ch = c.undo.back();
            ch.rows -= undone;
            c.undoRows -= undone;
            closeSeg(c, c.undoRows);
            m_res.rollbacks[size_t(c.rollbackRecord)].points.push_back({m_now, c.undoRows});
            if (ch.rows <= 0)
                c.undo.pop_back();
            rollbackNextChunk(c);
        }
    }
}

} // namespace ks::sim::detail
