// KILL (sim/enginerun.h lists the rooms), per shared/reference/kill-semantics.md: the KILL
// statement (lookup, COM_DAEMON skip, privileges, already-killed, the flag), awake() with its
// socket close and wake-up, the check points where a victim notices (wake, notice), MySQL 8.0's
// data-dictionary deferral, statement timeouts and operator kills.
//
// Invariants:
// - KILL only marks the victim (killed, killPending) and wakes it; the killer's statement returns
//   at once; everything else happens when the victim reaches a check point (notice);
// - a kill is never downgraded (KILL QUERY after KILL CONNECTION changes nothing);
// - killPending implies killed != None; a noticed kill moves from pendingKills to activeKills;
// - rollbacks and DD work are never interrupted here: wake() schedules nothing for them.

#include "enginerun.h"

#include <algorithm>

namespace ks::sim::detail {

std::string EngineRun::killLabel(const KillSpec &spec, int64_t resolvedId) const
{
    std::string s = "KILL ";
    if (spec.mode == KillMode::Hard)
        s += "HARD ";
    else if (spec.mode == KillMode::Soft)
        s += "SOFT ";
    switch (spec.target) {
    case KillSpec::Target::User:
        if (spec.type == KillType::Query)
            s += "QUERY ";
        return s + "USER '" + spec.name + "'";
    case KillSpec::Target::QueryOf:
    case KillSpec::Target::QueryId:
        return s + "QUERY ID " + std::to_string(resolvedId);
    default:
        break;
    }
    if (spec.type == KillType::Query)
        s += "QUERY ";
    return s + std::to_string(resolvedId);
}

int EngineRun::executeKill(Conn &killer, const KillSpec &spec, KillSource source,
                           const std::string &label, int &rowsAffected)
{
    // Resolve the id first, so even refused kills get a readable label.
    int64_t id = 0;
    int victimIdx = -1;
    switch (spec.target) {
    case KillSpec::Target::Self:
        id = killer.id;
        victimIdx = connIndex(killer);
        break;
    case KillSpec::Target::Session: {
        const int si = m_sc.sessionIndex(spec.name);
        if (si >= 0 && size_t(si) < m_clients.size() && m_clients[size_t(si)].conn >= 0)
            id = m_conns[size_t(m_clients[size_t(si)].conn)].id;
        else if (si >= 0) {
            // A session without a client (daemon): look it up by lane.
            for (size_t i = 0; i < m_conns.size(); ++i)
                if (m_conns[i].session == si)
                    id = m_conns[i].id;
        }
        break;
    }
    case KillSpec::Target::Id:
        id = spec.id;
        break;
    case KillSpec::Target::QueryOf: {
        const int si = m_sc.sessionIndex(spec.name);
        if (si >= 0 && m_clients[size_t(si)].conn >= 0)
            id = int64_t(m_conns[size_t(m_clients[size_t(si)].conn)].queryId);
        break;
    }
    case KillSpec::Target::QueryId:
        id = spec.id;
        break;
    case KillSpec::Target::User:
        break;
    }
    KillRecord kr;
    kr.index = int(m_res.kills.size());
    kr.issued = m_now;
    kr.killerLane = killer.lane;
    kr.type = spec.type;
    kr.mode = spec.mode;
    kr.source = source;
    kr.statement = source == KillSource::Statement && !label.empty() ? label : killLabel(spec, id);
    const std::string arrowLabel =
        source == KillSource::CtrlC ? "Ctrl+C → " + killLabel(spec, id) : kr.statement;
    auto refuse = [&](int code, int vLane) {
        kr.result = code;
        kr.outcome = KillOutcome::Refused;
        kr.victimLane = vLane;
        kr.victimId = code == 1064 ? 0 : id;
        kr.finished = m_now;
        m_res.kills.push_back(kr);
        Signal s;
        s.t = m_now;
        s.kind = SignalKind::KillArrow;
        s.fromLane = killer.lane;
        s.toLane = vLane;
        s.kill = kr.index;
        s.label = arrowLabel + " → ERROR " + std::to_string(code);
        s.result = code;
        m_res.killSignals.push_back(s);
        event(EventType::KillResult, killer.lane, code, kr.index);
        if (code == 1095 && spec.target == KillSpec::Target::User)
            killer.replyArg = "'" + spec.name + "'@'%'";
        else if (code == 1064) {
            std::string rest = killLabel(spec, id).substr(5);
            killer.replyArg = rest;
        } else {
            killer.replyArg = std::to_string(id);
        }
        return code;
    };

    // MySQL has no HARD/SOFT, USER or QUERY ID forms: a syntax error (§7).
    if (!m_rules.hasMariaDbKillSyntax() &&
        (spec.mode != KillMode::Default || spec.target == KillSpec::Target::User ||
         spec.target == KillSpec::Target::QueryOf || spec.target == KillSpec::Target::QueryId))
        return refuse(1064, -1);

    const bool killerPriv = (killer.privileges & (PrivSuper | PrivConnectionAdmin)) != 0;
    const bool hard = spec.mode != KillMode::Soft;
    const Killed level = spec.type == KillType::Query ? Killed::Query : Killed::Connection;

    if (spec.target == KillSpec::Target::User) {
        // MariaDB kill_threads_for_user(): every thread of that user; privilege per thread.
        if (!killerPriv && killer.user != spec.name) {
            if (killer.privileges & PrivProcess)
                return refuse(1095, -1);
            rowsAffected = 0;
            kr.result = 0;
            kr.outcome = KillOutcome::NoEffect;
            kr.finished = m_now;
            m_res.kills.push_back(kr);
            event(EventType::KillResult, killer.lane, 0, kr.index);
            return 0;
        }
        std::vector<int> victims;
        for (size_t i = 0; i < m_conns.size(); ++i) {
            const Conn &v = m_conns[i];
            if (v.alive && !v.daemon && v.user == spec.name && int(i) != connIndex(killer) &&
                !v.isOperator && v.helperFor < 0)
                victims.push_back(int(i));
        }
        rowsAffected = int(victims.size());
        event(EventType::KillResult, killer.lane, 0, -1);
        for (int vi : victims) {
            KillRecord one = kr;
            one.index = int(m_res.kills.size());
            one.victimLane = m_conns[size_t(vi)].lane;
            one.victimId = m_conns[size_t(vi)].id;
            m_res.kills.push_back(one);
            Signal s;
            s.t = m_now;
            s.kind = SignalKind::KillArrow;
            s.fromLane = killer.lane;
            s.toLane = one.victimLane;
            s.kill = one.index;
            s.label = kr.statement;
            m_res.killSignals.push_back(s);
            awake(m_conns[size_t(vi)], level, hard, one.index, false);
        }
        return 0;
    }

    if (spec.target == KillSpec::Target::QueryOf || spec.target == KillSpec::Target::QueryId) {
        for (size_t i = 0; i < m_conns.size(); ++i) {
            if (m_conns[i].alive && !m_conns[i].daemon && int64_t(m_conns[i].queryId) == id &&
                id != 0)
                victimIdx = int(i);
        }
        if (victimIdx < 0)
            return refuse(1957, -1);
    } else if (spec.target != KillSpec::Target::Self) {
        auto it = m_idToConn.find(id);
        // Find_thd_with_id skips COM_DAEMON threads: the event scheduler gives 1094 (§1.1).
        if (it == m_idToConn.end() || !m_conns[size_t(it->second)].alive ||
            m_conns[size_t(it->second)].daemon) {
            const int vLane = it != m_idToConn.end() ? m_conns[size_t(it->second)].lane : -1;
            return refuse(1094, vLane);
        }
        victimIdx = it->second;
    }
    Conn &victim = m_conns[size_t(victimIdx)];
    const bool self = victimIdx == connIndex(killer);
    const bool sameUser = !victim.user.empty() && victim.user == killer.user;
    if (!killerPriv && !sameUser)
        // QUERY ID uses ER_KILL_QUERY_DENIED_ERROR (§1.2); its number, 1979, is MariaDB's
        // errmsg numbering, not stated in the reference.
        return refuse(spec.target == KillSpec::Target::QueryOf ||
                              spec.target == KillSpec::Target::QueryId
                          ? 1979
                          : 1095,
                      victim.lane);
    if (m_flavor == Flavor::MySql80 && (victim.privileges & PrivSystemUser) &&
        !(killer.privileges & PrivSystemUser))
        return refuse(1095, victim.lane);

    kr.victimLane = victim.lane;
    kr.victimId = victim.id;
    kr.result = 0;
    m_res.kills.push_back(kr);
    Signal s;
    s.t = m_now;
    s.kind = SignalKind::KillArrow;
    s.fromLane = killer.lane;
    s.toLane = victim.lane;
    s.kill = kr.index;
    s.label = arrowLabel;
    m_res.killSignals.push_back(s);
    event(EventType::KillResult, killer.lane, 0, kr.index);

    // MySQL kill_one_thread step 4: a thread already being killed is left alone (still OK).
    if (isMySql(m_flavor) && victim.killed == Killed::Connection) {
        KillRecord &k = m_res.kills.back();
        k.outcome = KillOutcome::NoEffect;
        k.finished = m_now;
        return 0;
    }
    awake(victim, level, hard, kr.index, self);
    if (self) {
        // Noticed by the KILL statement's own end (send_kill_message): its error is the outcome.
        auto &pk = victim.pendingKills;
        pk.erase(std::remove(pk.begin(), pk.end(), kr.index), pk.end());
        victim.activeKills.push_back(kr.index);
        m_res.kills[size_t(kr.index)].noticed = m_now;
        victim.killPending = false;
        // The killer itself is killed: no OK; send_kill_message() turns it into an error.
        return level == Killed::Query ? 1317 : m_rules.selfKillConnectionError();
    }
    return 0;
}

void EngineRun::runKillStatement(Conn &c, const KillSpec &spec, KillSource source,
                                 const std::function<std::string()> &info)
{
    c.serverIdle = false;
    c.command = Command::Query;
    c.timeBase = m_now;
    c.activity = Activity::Cpu;
    c.stateStr = stageId(StageKey::KillStatement);
    int rows = -1;
    c.replyCode = executeKill(c, spec, source, std::string(), rows);
    c.infoStr = intern(info());
    openSeg(c, LaneState::Running, c.infoStr);
    pushPl(c);
    scheduleConn(c, m_now + kKillStatementUs, EvKind::WorkDone);
}

bool EngineRun::awake(Conn &v, Killed k, bool hard, int killIdx, bool self)
{
    KillRecord *kr = killIdx >= 0 ? &m_res.kills[size_t(killIdx)] : nullptr;
    event(EventType::KillIssued, v.lane, kr ? kr->killerLane : -1, killIdx);
    // MySQL 8.0 DD_kill_immunizer: only save the state; the victim replays it later (§2.1 step 2).
    if (v.ddImmune) {
        if (v.savedKill == Killed::None) {
            v.savedKill = k;
            v.savedHard = hard;
        }
        if (killIdx >= 0)
            v.savedKills.push_back(killIdx);
        Signal s;
        s.t = m_now;
        s.kind = SignalKind::KillDeferred;
        s.fromLane = kr ? kr->killerLane : -1;
        s.toLane = v.lane;
        s.kill = killIdx;
        s.label = "deferred (data-dictionary work)";
        m_res.killSignals.push_back(s);
        event(EventType::KillDeferred, v.lane, 0, killIdx);
        refreshFlags(v);
        note("dd-deferral",
             "a kill that arrives during MySQL 8.0's final data-dictionary update is deferred and "
             "replayed after it; if the DDL has committed by then it stays committed (derived from "
             "the code, not tested).",
             "在 MySQL 8.0 最后更新数据字典期间到达的 KILL 会被推迟，之后再重放；如果那时 DDL "
             "已经提交，就保持提交（由代码推导，未经实验）。");
        return true;
    }
    // MySQL: KILL QUERY of a thread blocked reading its next command is a no-op (m_server_idle).
    if (k == Killed::Query && v.serverIdle && !m_rules.idleKillQuerySetsFlag()) {
        if (kr) {
            kr->outcome = KillOutcome::NoEffect;
            kr->finished = m_now;
        }
        if (m_flavor == Flavor::MySql57)
            note("idle-kill-57",
                 "MySQL 5.7 is modelled like 8.0 here: KILL QUERY of an idle connection has no "
                 "visible effect.",
                 "这里把 MySQL 5.7 按 8.0 处理：对空闲连接执行 KILL QUERY 没有可见效果。");
        return false;
    }
    // Never downgrade (MariaDB set_killed_no_mutex; MySQL refuses at kill_one_thread).
    auto rank = [](Killed x) {
        return x == Killed::None ? 0 : x == Killed::Query ? 1 : x == Killed::Timeout ? 2 : 3;
    };
    if (rank(k) >= rank(v.killed)) {
        if (rank(k) > rank(v.killed) || v.killed == Killed::None)
            v.hard = hard;
        v.killed = k;
    }
    v.killPending = true;
    if (killIdx >= 0)
        v.pendingKills.push_back(killIdx);
    if (k == Killed::Connection && !self)
        closeSocket(v);
    refreshFlags(v);
    pushPl(v);
    wake(v);
    return true;
}

// The condition broadcast / lock-wait cancel of awake(), and row-loop check points.
void EngineRun::wake(Conn &v)
{
    switch (v.activity) {
    case Activity::Idle:
        if (v.killed == Killed::Connection)
            scheduleConn(v, m_now, EvKind::NoticeNow);
        break;
    case Activity::MdlWait:
    case Activity::LockWait:
    case Activity::Sleep:
        scheduleConn(v, m_now, EvKind::NoticeNow);
        break;
    case Activity::Blocked:
        if (v.killed == Killed::Connection)
            scheduleConn(v, m_now, EvKind::NoticeNow);
        break;
    case Activity::Loop: {
        const int64_t elapsed = m_now * 1000 - v.loopStartNs;
        const int64_t k = (elapsed < 0 ? 0 : elapsed / v.loopCostNs) + 1;
        if (v.loopBase + k < v.loopCount)
            scheduleConn(v, ceilDivNsToUs(v.loopStartNs + k * v.loopCostNs), EvKind::LoopNotice,
                         v.loopBase + k);
        // Otherwise the loop's end is the next check (the killed_status snapshot after the loop).
        break;
    }
    default:
        // No check point inside CPU/IO/DD/rollback/cleanup; the queue is polled (MySQL 8.0) or
        // not checked at all (5.7).
        break;
    }
}

void EngineRun::notice(Conn &c)
{
    if (c.killed == Killed::None || !c.killPending)
        return;
    c.killPending = false;
    for (int k : c.pendingKills) {
        KillRecord &kr = m_res.kills[size_t(k)];
        if (kr.noticed < 0)
            kr.noticed = m_now;
        c.activeKills.push_back(k);
    }
    c.pendingKills.clear();
    Signal s;
    s.t = m_now;
    s.kind = SignalKind::FlagNoticed;
    s.toLane = c.lane;
    s.kill = c.activeKills.empty() ? -1 : c.activeKills.back();
    s.label = "kill flag noticed";
    m_res.killSignals.push_back(s);
    event(EventType::KillNoticed, c.lane, s.kill);

    const Activity was = c.activity;
    // Leave any wait queue.
    leaveQueue(c);
    leaveLockWaits(c);
    ++c.gen;

    if (was == Activity::Idle) {
        // Blocked reading the next command: the read fails, the connection loop ends.
        closeSeg(c);
        c.work = {{WK::Disconnect}, {WK::TrxRollback}, {WK::Gone}};
        c.workPos = 0;
        advance(c);
        return;
    }
    if (c.workPos < c.work.size() && c.work[c.workPos].kind == WK::Rehash) {
        // Killed during the client's start-up table scan: the connection just ends or goes on.
        if (c.killed == Killed::Connection) {
            c.work = {{WK::Disconnect}, {WK::Gone}};
        } else {
            c.killed = Killed::None;
            for (int k : c.activeKills) {
                m_res.kills[size_t(k)].finished = m_now;
                m_res.kills[size_t(k)].outcome = KillOutcome::Interrupted;
            }
            c.activeKills.clear();
            ++c.workPos;
            advance(c);
            return;
        }
        c.workPos = 0;
        advance(c);
        return;
    }
    const Step *step = currentStep(c);
    if (was == Activity::Sleep && step && step->alone && m_rules.sleepAloneReturnsOnKill() &&
        (c.killed == Killed::Query || c.killed == Killed::Timeout)) {
        // MySQL manual: SLEEP() interrupted alone returns 1 and the statement succeeds.
        for (int k : c.activeKills) {
            m_res.kills[size_t(k)].outcome = KillOutcome::SleepReturned;
            m_res.kills[size_t(k)].finished = m_now;
        }
        c.activeKills.clear();
        closeSeg(c);
        finishWork(c);
        return;
    }
    const bool connectionEnds = c.killed == Killed::Connection;
    int code = 1317;
    if (c.killed == Killed::Timeout)
        code = m_rules.timeoutError();
    else if (c.killed == Killed::Connection)
        code = isMariaDb(m_flavor) ? 1927 : 1317; // only a self-kill (socket still open) sees it
    abortStatement(c, code, connectionEnds);
}

void EngineRun::closeSocket(Conn &c)
{
    if (c.socketClosed)
        return;
    c.socketClosed = true;
    event(EventType::SocketClosed, c.lane);
    refreshFlags(c);
    if (c.client < 0)
        return;
    Client &cl = m_clients[size_t(c.client)];
    if (cl.conn != connIndex(c) || cl.exited)
        return;
    if (cl.busy) {
        // vio_shutdown makes the client's blocked read return at once: 2013.
        clientLost(cl);
    }
}

void EngineRun::operatorKill(const QEvent &e)
{
    if (m_serverDown) {
        // Nothing to connect to: KillScope sends the KILL once the server is back.
        schedule(m_serverUpAt, EvKind::OperatorKill, e.target, 0, e.arg);
        return;
    }
    if (!m_conns[size_t(m_operator)].alive)
        newOperatorConn(); // the server restarted: a new connection
    Conn &op = m_conns[size_t(m_operator)];
    if (op.activity != Activity::Idle) {
        // The operator's previous KILL is still being answered: type it right after.
        schedule(m_now + kKillStatementUs, EvKind::OperatorKill, e.target, 0, e.arg);
        return;
    }
    setWork(op, {{WK::OperatorKill, int32_t(e.arg)}, {WK::Reply}});
    advance(op);
}

void EngineRun::statementTimeout(Conn &c, uint32_t serial)
{
    if (!c.alive || c.stmtSerial != serial || c.resultDecided || c.serverIdle)
        return;
    // MySQL's timer does not override a pending KILL CONNECTION (sql_timer.cc L101-117).
    if (c.killed == Killed::Connection)
        return;
    KillRecord kr;
    kr.index = int(m_res.kills.size());
    kr.issued = m_now;
    kr.victimLane = c.lane;
    kr.victimId = c.id;
    kr.type = KillType::Query;
    kr.mode = isMariaDb(m_flavor) ? KillMode::Soft : KillMode::Default;
    kr.source = KillSource::Timeout;
    kr.statement = isMariaDb(m_flavor) ? "max_statement_time" : "MAX_EXECUTION_TIME";
    m_res.kills.push_back(kr);
    Signal s;
    s.t = m_now;
    s.kind = SignalKind::TimeoutFired;
    s.toLane = c.lane;
    s.kill = kr.index;
    s.label = kr.statement + " exceeded";
    m_res.killSignals.push_back(s);
    event(EventType::Timeout, c.lane, kr.index);
    // MariaDB's timeout is a soft kill (no HARD bit); engines still react (§7).
    awake(c, Killed::Timeout, !isMariaDb(m_flavor), kr.index, false);
}

void EngineRun::ddStepDone(Conn &c)
{
    c.ddImmune = false;
    const Step *s = currentStep(c);
    if (s && s->commits)
        c.resultDecided = true;
    if (c.savedKill != Killed::None) {
        // The victim replays the saved kill on itself (DD_kill_immunizer destructor).
        const Killed k = c.savedKill;
        const bool hard = c.savedHard;
        std::vector<int> saved = std::move(c.savedKills);
        c.savedKills.clear();
        c.savedKill = Killed::None;
        Signal sg;
        sg.t = m_now;
        sg.kind = SignalKind::KillReplayed;
        sg.toLane = c.lane;
        sg.fromLane = c.lane;
        sg.kill = saved.empty() ? -1 : saved.front();
        sg.label = "deferred kill replayed";
        m_res.killSignals.push_back(sg);
        event(EventType::KillReplayed, c.lane, sg.kill);
        c.killed = k;
        c.hard = hard;
        c.killPending = true;
        c.pendingKills.insert(c.pendingKills.end(), saved.begin(), saved.end());
        if (k == Killed::Connection)
            closeSocket(c);
        refreshFlags(c);
        pushPl(c);
    }
    // Once committed (resultDecided), the remaining steps are housekeeping: the row-loop
    // and wait check points test !resultDecided, so a replayed kill cannot fail it.
    finishWork(c);
}

} // namespace ks::sim::detail
