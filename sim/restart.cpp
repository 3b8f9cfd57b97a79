// The server restarted (sim/enginerun.h lists the rooms): the article's homework, "a killed big
// transaction is rolling back: restart the server or wait?", as observed on MariaDB 10.11
// (shared/reference/kill-semantics.md §10.4):
// - the server process dies (kill -9): every thread ends where it is, without cleanup; every
//   client waiting for an answer gets 2013 at once, an idle one on its next statement;
// - crash recovery: no connection is accepted for a while (2.5 s observed); a client that tries
//   is refused (2002 through the socket, 2003 over TCP);
// - every transaction that had changed rows is resurrected and rolled back by InnoDB's
//   background thread from where it was: the rows already undone stay undone, the rest is undone
//   newest first at the same per-row cost, so a restart saves no rollback time;
// - the recovered transaction has no client and no processlist row; INNODB_TRX shows it as
//   ROLLING BACK with trx_mysql_thread_id 0; its rows stay locked until the rollback has undone
//   them (locks.cpp: releaseUndoneRowLocks);
// - SET GLOBAL values are lost (the server starts from its configuration); io_pressure, the
//   load on the disk from outside, stays.
//
// Invariants:
// - while m_serverDown no thread is alive and no connection is made;
// - every undo row of a crashed transaction is either rolled back by a recovered lane or was
//   undone before the crash: rows are never lost or counted twice;
// - a kill whose victim's transaction is recovered ends when that rollback ends.

#include "enginerun.h"

#include <algorithm>

namespace ks::sim::detail {

void EngineRun::crashConn(Conn &c, Recovered *keep)
{
    if (c.activity == Activity::Loop) {
        // The rows changed so far are in the undo log (and the redo log): recovery undoes them.
        stopLoop(c, loopRowsAt(c, m_now));
    } else if (c.activity == Activity::Rollback && c.rollbackRecord >= 0) {
        // What the rollback undid before the crash stays undone (its own changes are logged).
        const int64_t undone = std::min(
            c.rbRemaining, std::max<int64_t>(0, (m_now * 1000 - c.loopStartNs) / c.loopCostNs));
        if (!c.undo.empty()) {
            UndoChunk &ch = c.undo.back();
            ch.rows -= undone;
            c.undoRows -= undone;
            if (ch.rows <= 0)
                c.undo.pop_back();
        }
        closeSeg(c, c.undoRows);
        RollbackRecord &rr = m_res.rollbacks[size_t(c.rollbackRecord)];
        rr.points.push_back({m_now, c.undoRows});
        rr.end = m_now;
        c.rbRemaining = 0;
    }
    leaveQueue(c);
    leaveLockWaits(c);
    if (keep && c.undoRows > 0 && !c.daemon) {
        Recovered &r = *keep;
        r.session = c.session;
        r.ownerLane = c.lane;
        const Lane &owner = m_res.lanes[size_t(c.lane)];
        r.label = {owner.label, owner.labelZh.empty() ? owner.label : owner.labelZh};
        r.user = c.user;
        r.host = m_res.lanes[size_t(c.lane)].host;
        r.undo = std::move(c.undo);
        r.undoRows = c.undoRows;
        r.rowLocks = std::move(c.rowLocks);
        // The old thread's locks end with it; the recovered transaction takes them again at
        // start (trx_resurrect), see serverUp().
        for (int iv : c.rowLockIntervals)
            m_res.locks[size_t(iv)].released = m_now;
        r.rowLockUndoPos = std::move(c.rowLockUndoPos);
        r.rowLockAsked = std::move(c.rowLockAsked);
        // The kills that started this rollback end when the recovered rollback ends.
        for (auto *list : {&c.activeKills, &c.pendingKills, &c.savedKills})
            r.kills.insert(r.kills.end(), list->begin(), list->end());
        c.activeKills.clear();
        c.pendingKills.clear();
        c.savedKills.clear();
        c.undo.clear();
        c.undoRows = 0;
        c.rowLocks.clear();
        c.rowLockIntervals.clear();
        c.rowLockUndoPos.clear();
        c.rowLockAsked.clear();
    }
    // Temporary files of a dead server are removed at its start; they cost nothing here.
    c.tempFiles.clear();
    c.command = Command::Quit;
    goGone(c);
}

void EngineRun::restartServer(bool injected)
{
    if (m_serverDown)
        return; // already down: the restart in progress is the one that counts
    event(EventType::ServerDown, -1);
    m_res.events.back().injected = injected ? 1 : 0;
    m_restartInjected = injected;
    m_serverDown = true;
    m_serverUpAt = m_now + m_rules.restartRecoveryUs();
    for (size_t i = 0; i < m_conns.size(); ++i) {
        if (!m_conns[i].alive)
            continue;
        Recovered r;
        crashConn(m_conns[i], &r);
        if (r.undoRows > 0)
            m_recovering.push_back(std::move(r));
    }
    for (Client &cl : m_clients)
        if (!cl.exited && cl.conn >= 0)
            clientServerGone(cl);
    // The admission queue is empty and the global variables are back at their configured values.
    m_active = 0;
    m_waiting = 0;
    m_sleepDelay = m_cfg.innodbThreadSleepDelayUs;
    m_cfg.innodbThreadConcurrency = m_sc.server.innodbThreadConcurrency;
    m_concurrency = m_rules.hasAdmissionQueue() ? m_cfg.innodbThreadConcurrency : 0;
    schedule(m_serverUpAt, EvKind::ServerUp, 0, 0);
    if (isMySql(m_flavor))
        note("mysql-restart",
             "MySQL is modelled like the MariaDB server observed live: connections are accepted "
             "again about 2.5 s after the kill, and the recovered transaction is rolled back by "
             "a background thread (trx_recovery_rollback_thread in the source), shown in "
             "INNODB_TRX as ROLLING BACK with thread id 0.",
             "MySQL 按实测的 MariaDB 建模：kill 之后约 2.5 秒重新接受连接，恢复出的事务由后台线程"
             "回滚（源码中的 trx_recovery_rollback_thread），在 INNODB_TRX 中显示为 ROLLING BACK、"
             "线程 id 为 0。");
}

void EngineRun::serverUp()
{
    m_serverDown = false;
    event(EventType::ServerUp, -1);
    m_res.events.back().injected = m_restartInjected ? 1 : 0;
    // The event scheduler starts again with the server.
    for (size_t i = 0; i < m_sc.sessions.size(); ++i) {
        const SessionSpec &ss = m_sc.sessions[i];
        if (!ss.daemon)
            continue;
        const int ci = newConn(int(i), allocId(ss.id), {ss.label, ss.labelZh}, ClientKind::Daemon,
                               "event_scheduler", "localhost", std::string(), 0);
        Conn &c = m_conns[size_t(ci)];
        c.daemon = true;
        c.activity = Activity::Idle;
        c.command = Command::Daemon;
        c.stateStr = intern(m_rules.daemonState());
        c.timeBase = m_now;
        openSeg(c, LaneState::Idle, lit("event scheduler"));
        pushPl(c);
    }
    // "Starting in background the rollback of recovered transactions" (§10.4).
    std::vector<Recovered> recovering = std::move(m_recovering);
    m_recovering.clear();
    for (Recovered &r : recovering) {
        const int ci = newConn(
            r.session, 0, {"recovered transaction of " + r.label.en, r.label.zh_CN + " 的恢复事务"},
            ClientKind::Daemon, std::string(), r.host, std::string(), 0);
        // Thread id 0 is nobody's: KILL 0 finds no thread.
        m_idToConn.erase(0);
        Conn &c = m_conns[size_t(ci)];
        c.recovered = true;
        c.daemon = true;
        c.hidden = true;
        c.command = Command::Daemon;
        c.stateStr = 0;
        c.infoStr = 0;
        c.timeBase = m_now;
        c.trxState = TrxState::RollingBack;
        c.inTrx = true;
        c.undo = std::move(r.undo);
        c.undoRows = r.undoRows;
        c.rowLocks = std::move(r.rowLocks);
        for (int li : c.rowLocks) {
            LockInterval iv;
            iv.row = true;
            iv.key = StringId(std::find(m_rowLockOfString.begin(), m_rowLockOfString.end(), li) -
                              m_rowLockOfString.begin());
            iv.lane = c.lane;
            iv.requested = m_now;
            iv.granted = m_now;
            m_res.locks.push_back(iv);
            c.rowLockIntervals.push_back(int(m_res.locks.size() - 1));
        }
        c.rowLockUndoPos = std::move(r.rowLockUndoPos);
        c.rowLockAsked = std::move(r.rowLockAsked);
        for (int li : c.rowLocks)
            m_rowLocks[size_t(li)].holder = ci;
        c.activeKills = std::move(r.kills);
        // Shown right below the lane of the session it belonged to.
        m_res.lanes[size_t(c.lane)].order = r.ownerLane;
        // Rows some statement of the old server had already undone are free at once.
        releaseUndoneRowLocks(c);
        setWork(c, {{WK::TrxRollback}, {WK::Gone}});
        advance(c);
    }
}

void EngineRun::clientServerGone(Client &cl)
{
    if (cl.hold > 0) {
        // A Ctrl+C helper died with the server: its owner prints what it held back.
        cl.hold = 0;
        flushHeld(cl);
    }
    if (cl.connecting) {
        // The handshake broke off: the CLI reports it; a statement waiting for it fails.
        cl.connecting = false;
        cl.pendingStmt = -1;
        cl.busy = true;
        clientLost(cl);
        if (!cl.rules.isCli())
            cl.exited = true;
        return;
    }
    if (cl.busy) {
        // The blocked read returns: "Lost connection … during query".
        clientLost(cl);
        return;
    }
    // Idle at the prompt: nothing shows until the next statement (2006, then a reconnect).
}

void EngineRun::clientRefused(Client &cl, bool reconnect)
{
    const SessionSpec &ss = m_sc.sessions[size_t(cl.session)];
    int code = 0;
    const std::string line = cl.rules.connectRefused(ss.host, code);
    const int lane = cl.conn >= 0 ? m_conns[size_t(cl.conn)].lane : -1;
    cl.connecting = false;
    cl.pendingStmt = -1;
    cl.busy = false;
    event(EventType::ClientError, lane, code);
    if (!reconnect || !cl.rules.isCli()) {
        // A client started while nothing listens prints the error and exits.
        if (cl.rules.isCli())
            clientLine(cl, line, ClientState::Disconnected);
        cl.exited = true;
        if (cl.conn >= 0)
            clientState(cl, ClientState::Disconnected, line);
        return;
    }
    // mysql.cc reconnect(): "No connection. Trying to reconnect...", the connect error, then
    // "ERROR: Can't connect to the server"; the statement is not sent. The next one tries again.
    clientLine(cl, "No connection. Trying to reconnect...", ClientState::Waiting);
    clientLine(cl, line, ClientState::Error);
    clientLine(cl, "ERROR: Can't connect to the server", ClientState::Error);
    cl.noConnection = true;
    cl.lastDone = m_now;
    clientScheduleNext(cl);
}

} // namespace ks::sim::detail
