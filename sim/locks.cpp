// Row locks and metadata locks (sim/enginerun.h lists the rooms): InnoDB row locks (exclusive,
// "t:*" conflicts with every key of t), MySQL's MDL for the modes DML and ALTER use, waits and
// their wake-ups, and the release of everything a transaction holds.
//
// Invariants:
// - a row-lock entry has at most one holder; its waiters retry in FIFO order when it is released
//   (the first that finds the row free takes it, the others queue again in the same order);
// - MDL grants are counted per mode; a waiting exclusive request blocks later shared requests
//   (the MDL_lock waiting bitmap), so one ALTER blocks everybody behind it;
// - every grant is a LockInterval in the run result, closed by its release (or by a kill that
//   ends the wait, see leaveLockWaits);
// - locks are released only at the end of the transaction (releaseTrx), never by a killed
//   statement.

#include "enginerun.h"

#include <algorithm>

namespace ks::sim::detail {

namespace {

bool mdlCompatible(MdlMode req, MdlMode held)
{
    // The subset of MySQL's MDL matrix that DML and ALTER use.
    if (req == MdlMode::Exclusive || held == MdlMode::Exclusive)
        return false;
    if (req == MdlMode::SharedUpgradable && held == MdlMode::SharedUpgradable)
        return false;
    return true;
}

} // namespace

bool EngineRun::takeRowLocks(Conn &c, const Step &s)
{
    while (c.lockIdx < s.lockKeys.size()) {
        const std::string &keyText = s.lockKeys[c.lockIdx];
        const StringId key = intern(keyText);
        const int li = rowLockEntry(key, keyText);
        const int me = connIndex(c);
        const int conflict = rowLockConflict(li, me);
        if (conflict < 0) {
            RowLock &rl = m_rowLocks[size_t(li)];
            if (rl.holder != me) {
                rl.holder = me;
                c.rowLocks.push_back(li);
                c.rowLockUndoPos.push_back(c.undoRows);
                c.rowLockAsked.push_back(0);
                int iv = c.waitingLockInterval;
                if (iv < 0) {
                    LockInterval l;
                    l.row = true;
                    l.key = key;
                    l.lane = c.lane;
                    l.requested = m_now;
                    m_res.locks.push_back(l);
                    iv = int(m_res.locks.size() - 1);
                }
                m_res.locks[size_t(iv)].granted = m_now;
                c.rowLockIntervals.push_back(iv);
                c.waitingLockInterval = -1;
                event(EventType::LockGranted, c.lane, 0, int64_t(key));
            }
            c.waitingLockKey = -1;
            ++c.lockIdx;
            continue;
        }
        // Wait on the entry that conflicts. InnoDB leaves the concurrency seat before
        // suspending (srv_conc_force_exit_innodb).
        if (c.hasSeat) {
            releaseSeat(c);
            c.needReseat = true;
        }
        m_rowLocks[size_t(conflict)].waiters.push_back(me);
        c.waitingLockKey = conflict;
        if (const int h = m_rowLocks[size_t(conflict)].holder;
            h >= 0 && m_conns[size_t(h)].recovered) {
            // lock_rec_convert_impl_to_expl(): the request makes the recovered transaction's
            // implicit lock explicit, and an explicit lock is held to the end of the rollback.
            Conn &holder = m_conns[size_t(h)];
            bool earlier = false; // rows undone after this key's: "reaches it" is not "ends"
            for (size_t i = 0; i < holder.rowLocks.size(); ++i)
                if (holder.rowLocks[i] == conflict) {
                    holder.rowLockAsked[i] = 1;
                    earlier = holder.rowLockUndoPos[i] > 0;
                }
            if (earlier)
                note(
                    "recovered-lock-explicit",
                    "a row the background rollback has not undone yet stays locked until the whole "
                    "recovered transaction is rolled back, not only until the rollback reaches it "
                    "(InnoDB makes the implicit lock explicit when it is asked for; derived from "
                    "the "
                    "code, seen live only for the row undone last).",
                    "后台回滚尚未撤销的行，会一直锁到整个恢复事务回滚完毕，而不只是锁到回滚到达该行"
                    "（有人请求时 InnoDB "
                    "把隐式锁转成显式锁；由代码推导，实测只见过最后被撤销的那一行）。");
        }
        if (c.activity == Activity::LockWait && c.waitingLockInterval >= 0) {
            // Woken by a release but somebody else got the row first: wait on.
            return false;
        }
        LockInterval iv;
        iv.row = true;
        iv.key = key;
        iv.lane = c.lane;
        iv.requested = m_now;
        m_res.locks.push_back(iv);
        c.waitingLockInterval = int(m_res.locks.size() - 1);
        c.lockWaitStart = m_now;
        c.activity = Activity::LockWait;
        c.trxState = TrxState::LockWait;
        c.trxOpStr = lit("starting index read");
        openSeg(c, LaneState::RowLockWait, key, 0);
        pushPl(c);
        const int holder = m_rowLocks[size_t(conflict)].holder;
        event(EventType::LockWait, c.lane, holder >= 0 ? m_conns[size_t(holder)].id : 0,
              int64_t(key));
        scheduleConn(c, m_now + m_cfg.innodbLockWaitTimeoutUs, EvKind::LockTimeout);
        if (killNoticeable(c))
            scheduleConn(c, m_now, EvKind::NoticeNow);
        return false;
    }
    return true;
}

int EngineRun::rowLockEntry(StringId key, const std::string &text)
{
    if (key < m_rowLockOfString.size() && m_rowLockOfString[key] >= 0)
        return m_rowLockOfString[key];
    const int li = int(m_rowLocks.size());
    m_rowLocks.emplace_back();
    if (key >= m_rowLockOfString.size())
        m_rowLockOfString.resize(std::max<size_t>(key + 1, m_rowLockOfString.size() * 2), -1);
    m_rowLockOfString[key] = li;
    // "t:*" (every row of t) conflicts with every "t:..." key; index entries by table.
    const auto colon = text.find(':');
    const std::string table = colon == std::string::npos ? text : text.substr(0, colon);
    const bool all = colon != std::string::npos && text.substr(colon + 1) == "*";
    m_rowLocks.back().all = all;
    // A new table has no "table:*" entry yet (-1; a default pair would say entry 0).
    auto &entries = m_rowLockTables.try_emplace(table, -1, std::vector<int>()).first->second;
    if (all)
        entries.first = li;
    else
        entries.second.push_back(li);
    m_rowLocks.back().table = &entries;
    return li;
}

// The entry that blocks `me` from taking entry li, or -1.
int EngineRun::rowLockConflict(int li, int me) const
{
    const RowLock &rl = m_rowLocks[size_t(li)];
    if (rl.holder >= 0 && rl.holder != me)
        return li;
    const auto *entries = rl.table;
    if (rl.all) {
        for (int other : entries->second) {
            const int h = m_rowLocks[size_t(other)].holder;
            if (h >= 0 && h != me)
                return other;
        }
    } else if (entries->first >= 0) {
        const int h = m_rowLocks[size_t(entries->first)].holder;
        if (h >= 0 && h != me)
            return entries->first;
    }
    return -1;
}

// The row lock entry li was released: its waiters retry in FIFO order (the first one that
// finds the row free takes it, the others queue again in the same order).
void EngineRun::grantRowLocks(int li)
{
    RowLock &rl = m_rowLocks[size_t(li)];
    rl.holder = -1;
    if (rl.waiters.empty())
        return; // the usual case; a std::deque allocates even when empty
    std::deque<int> waiters;
    waiters.swap(rl.waiters);
    for (int ci : waiters) {
        Conn &c = m_conns[size_t(ci)];
        if (!c.alive || c.waitingLockKey != li || c.activity != Activity::LockWait)
            continue;
        c.waitingLockKey = -1;
        ++c.gen;
        scheduleConn(c, m_now, EvKind::LockRetry);
        if (c.lockWaitStart + m_cfg.innodbLockWaitTimeoutUs > m_now)
            scheduleConn(c, c.lockWaitStart + m_cfg.innodbLockWaitTimeoutUs, EvKind::LockTimeout);
    }
}

void EngineRun::lockWaitTimeout(Conn &c)
{
    if (c.activity != Activity::LockWait)
        return;
    if (c.waitingLockKey >= 0) {
        auto &w = m_rowLocks[size_t(c.waitingLockKey)].waiters;
        w.erase(std::remove(w.begin(), w.end(), connIndex(c)), w.end());
    }
    if (c.waitingLockInterval >= 0)
        m_res.locks[size_t(c.waitingLockInterval)].released = m_now;
    c.waitingLockKey = -1;
    c.waitingLockInterval = -1;
    c.trxState = TrxState::Running;
    closeSeg(c);
    ++c.gen;
    abortStatement(c, 1205, false);
}

// Whether `c` may take `mode` on `table` now, ignoring its own locks. `exclusiveAhead` = waiting
// exclusive requests queued before this one (they have priority over shared DML requests, the
// MDL_lock waiting bitmap, which is what makes one ALTER block everybody).
bool EngineRun::mdlGrantable(const MdlLock &l, const Conn &c, StringId table, MdlMode mode,
                             int exclusiveAhead) const
{
    std::array<int, 4> mine{};
    for (const MdlHold &h : c.mdl)
        if (h.table == table)
            ++mine[size_t(h.mode)];
    for (size_t m = 0; m < 4; ++m)
        if (l.granted[m] - mine[m] > 0 && !mdlCompatible(mode, MdlMode(m)))
            return false;
    return mode == MdlMode::Exclusive || exclusiveAhead == 0;
}

bool EngineRun::tryMdl(Conn &c, StringId table, MdlMode mode, bool enqueue)
{
    MdlLock &l = mdlLock(table);
    const bool ok = mdlGrantable(l, c, table, mode, l.waitingExclusive);
    LockInterval iv;
    iv.row = false;
    iv.key = table;
    iv.mode = uint8_t(mode);
    iv.lane = c.lane;
    iv.requested = m_now;
    if (ok) {
        iv.granted = m_now;
        ++l.granted[size_t(mode)];
        m_res.locks.push_back(iv);
        c.mdl.push_back({table, mode, int(m_res.locks.size() - 1)});
        return true;
    }
    if (enqueue) {
        l.waiters.emplace_back(connIndex(c), mode);
        if (mode == MdlMode::Exclusive)
            ++l.waitingExclusive;
        m_res.locks.push_back(iv);
        c.mdlWaitTable = int(table);
        c.mdlWaitInterval = int(m_res.locks.size() - 1);
        c.mdlWaitMode = mode;
    }
    return false;
}

void EngineRun::grantMdl(StringId table)
{
    MdlLock &l = mdlLock(table);
    bool progress = !l.waiters.empty();
    while (progress) {
        progress = false;
        int exclusiveAhead = 0;
        for (size_t i = 0; i < l.waiters.size(); ++i) {
            const auto [ci, mode] = l.waiters[i];
            Conn &c = m_conns[size_t(ci)];
            if (!mdlGrantable(l, c, table, mode, exclusiveAhead)) {
                if (mode == MdlMode::Exclusive)
                    ++exclusiveAhead;
                continue;
            }
            l.waiters.erase(l.waiters.begin() + long(i));
            if (mode == MdlMode::Exclusive)
                --l.waitingExclusive;
            ++l.granted[size_t(mode)];
            m_res.locks[size_t(c.mdlWaitInterval)].granted = m_now;
            c.mdl.push_back({table, mode, c.mdlWaitInterval});
            c.mdlWaitTable = -1;
            c.mdlWaitInterval = -1;
            event(EventType::MdlGranted, c.lane, 0, int64_t(table));
            ++c.gen;
            // Continue the grantee after the releaser's bookkeeping, in causal order.
            scheduleConn(c, m_now, EvKind::WorkDone);
            progress = true;
            break;
        }
    }
}

void EngineRun::leaveLockWaits(Conn &c)
{
    if (c.waitingLockKey >= 0) {
        auto &w = m_rowLocks[size_t(c.waitingLockKey)].waiters;
        w.erase(std::remove(w.begin(), w.end(), connIndex(c)), w.end());
        c.waitingLockKey = -1;
    }
    if (c.waitingLockInterval >= 0) {
        m_res.locks[size_t(c.waitingLockInterval)].released = m_now;
        c.waitingLockInterval = -1;
        c.trxState = TrxState::Running;
    }
    if (c.mdlWaitTable >= 0) {
        MdlLock &l = mdlLock(StringId(c.mdlWaitTable));
        const int me = connIndex(c);
        for (auto it = l.waiters.begin(); it != l.waiters.end();) {
            if (it->first == me) {
                if (it->second == MdlMode::Exclusive)
                    --l.waitingExclusive;
                it = l.waiters.erase(it);
            } else {
                ++it;
            }
        }
        m_res.locks[size_t(c.mdlWaitInterval)].released = m_now;
        const StringId t = StringId(c.mdlWaitTable);
        c.mdlWaitTable = -1;
        c.mdlWaitInterval = -1;
        grantMdl(t); // others may have queued behind this request
    }
}

void EngineRun::releaseTrx(Conn &c)
{
    for (size_t i = 0; i < c.rowLocks.size(); ++i) {
        m_res.locks[size_t(c.rowLockIntervals[i])].released = m_now;
        grantRowLocks(c.rowLocks[i]);
    }
    c.rowLocks.clear();
    c.rowLockIntervals.clear();
    c.rowLockUndoPos.clear();
    c.rowLockAsked.clear();
    if (!c.mdl.empty()) {
        // The distinct tables in first-hold order, without a heap allocation for the usual one
        // or two tables per transaction.
        std::array<StringId, 8> few{};
        size_t nFew = 0;
        std::vector<StringId> many;
        for (const MdlHold &h : c.mdl) {
            m_res.locks[size_t(h.lockInterval)].released = m_now;
            --mdlLock(h.table).granted[size_t(h.mode)];
            if (std::find(few.begin(), few.begin() + long(nFew), h.table) !=
                    few.begin() + long(nFew) ||
                std::find(many.begin(), many.end(), h.table) != many.end())
                continue;
            if (nFew < few.size())
                few[nFew++] = h.table;
            else
                many.push_back(h.table);
        }
        c.mdl.clear();
        for (size_t i = 0; i < nFew; ++i)
            grantMdl(few[i]);
        for (StringId t : many)
            grantMdl(t);
    }
    c.undo.clear();
    c.undoRows = 0;
    c.stmtUndoMark = 0;
    c.inTrx = false;
    c.trxState = TrxState::None;
    c.trxOpStr = 0;
}

void EngineRun::releaseUndoneRowLocks(Conn &c)
{
    // Once a row is undone its DB_TRX_ID is the older, committed one again: no implicit lock is
    // left on it, so a new request does not wait (§10.4: "a row the rollback had already undone
    // did not wait").
    size_t keep = 0;
    for (size_t i = 0; i < c.rowLocks.size(); ++i) {
        if (c.rowLockUndoPos[i] >= c.undoRows && !c.rowLockAsked[i]) {
            m_res.locks[size_t(c.rowLockIntervals[i])].released = m_now;
            grantRowLocks(c.rowLocks[i]);
            continue;
        }
        c.rowLocks[keep] = c.rowLocks[i];
        c.rowLockIntervals[keep] = c.rowLockIntervals[i];
        c.rowLockUndoPos[keep] = c.rowLockUndoPos[i];
        c.rowLockAsked[keep] = c.rowLockAsked[i];
        ++keep;
    }
    c.rowLocks.resize(keep);
    c.rowLockIntervals.resize(keep);
    c.rowLockUndoPos.resize(keep);
    c.rowLockAsked.resize(keep);
}

} // namespace ks::sim::detail
