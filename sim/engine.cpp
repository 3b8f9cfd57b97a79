// The event loop and the thread state machine of the engine (sim/enginerun.h lists the rooms):
// setting a run up, dispatching its events, and what a server thread does from one work item to
// the next: connect, steps, statements, the reply, idle, gone.
//
// Invariants kept here:
// - events run in (time, sequence) order; an event for a Conn whose generation moved on is stale
//   and dropped (timeouts and client events carry no generation and re-check their own state);
// - a thread's work list changes only at its own work items, when it notices a kill, or when its
//   client ends the connection (COM_QUIT after Ctrl+C at an idle 5.6 prompt);
// - advance() runs work items until one waits for time to pass (it schedules exactly one
//   continuation) or the thread is gone.

#include "engine.h"

#include "enginerun.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace ks::sim {

Action makeKillAction(TimeUs at, int64_t processlistId, KillType type, KillMode mode)
{
    Action a;
    a.at = at;
    a.kind = ActionKind::Kill;
    a.kill.type = type;
    a.kill.mode = mode;
    a.kill.target = KillSpec::Target::Id;
    a.kill.id = processlistId;
    a.injected = true;
    return a;
}

Action makeSetAction(TimeUs at, const std::string &name, double value)
{
    Action a;
    a.at = at;
    a.kind = ActionKind::Set;
    a.name = name;
    a.value = value;
    a.injected = true;
    return a;
}

namespace detail {

EngineRun::EngineRun(const Scenario &sc, const RunOptions &opt)
    : m_sc(sc)
    , m_flavor(opt.flavor.value_or(sc.defaultFlavor))
    , m_rules(m_flavor)
    , m_cfg(sc.server)
    , m_io(sc.server.ioBandwidth, sc.server.ioPressure)
{
    m_until = opt.until ? opt.until : sc.until;
    if (m_until)
        m_until = std::clamp<TimeUs>(*m_until, 0, Engine::kMaxUntil);
    m_maxEvents = opt.maxEvents;
    m_res.flavor = m_flavor;
    m_res.scenario.id = sc.id;
    m_res.scenario.titleEn = sc.title.en;
    m_res.scenario.titleZh = sc.title.zh_CN;
    m_res.strings.push_back(std::string());
    m_nextId = m_cfg.firstConnectionId;
    m_sleepDelay = m_cfg.innodbThreadSleepDelayUs;
    m_concurrency = m_rules.hasAdmissionQueue() ? m_cfg.innodbThreadConcurrency : 0;
}

// ---- connections ------------------------------------------------------------------------
int EngineRun::newConn(int session, int64_t id, const Text &label, ClientKind kind,
                       const std::string &user, const std::string &host, const std::string &db,
                       uint8_t privileges)
{
    Conn c;
    c.lane = int(m_res.lanes.size());
    c.id = id;
    c.session = session;
    c.user = user;
    c.privileges = privileges;
    c.clientKind = kind;
    Lane lane;
    lane.index = c.lane;
    lane.processlistId = id;
    lane.session = session;
    lane.sessionName = session >= 0 ? m_sc.sessions[size_t(session)].name : std::string();
    lane.label = label.en;
    lane.labelZh = label.zh_CN;
    lane.user = user;
    lane.host = host;
    lane.db = db;
    lane.client = kind;
    lane.order = c.lane;
    lane.createdAt = m_now;
    if (session >= 0) {
        // About three segments and records per statement: avoid regrowing thousands of vectors.
        const size_t n = m_sc.sessions[size_t(session)].statements.size();
        lane.segments.reserve(4 + n * 3);
        lane.processlist.reserve(4 + n * 4);
        lane.clientSegments.reserve(4 + n * 2);
    }
    m_res.lanes.push_back(std::move(lane));
    m_conns.push_back(std::move(c));
    m_idToConn[id] = int(m_conns.size() - 1);
    return int(m_conns.size() - 1);
}

// A session's explicit id is reserved for it from the start of the run: no automatic id
// (a session without an id, a reconnect, a Ctrl+C helper) ever takes it, so `KILL <id>` hits
// the session the scenario gave that id (the validator rejects static clashes).
int64_t EngineRun::allocId(std::optional<int64_t> wanted)
{
    if (wanted && !m_idToConn.count(*wanted)) {
        m_nextId = std::max(m_nextId, *wanted + 1);
        return *wanted;
    }
    while (m_idToConn.count(m_nextId) || m_reservedIds.count(m_nextId))
        ++m_nextId;
    return m_nextId++;
}

// ============================================================================================
// Work items
// ============================================================================================

void EngineRun::advance(Conn &c)
{
    while (c.alive && c.workPos < c.work.size()) {
        const Work w = c.work[c.workPos];
        switch (w.kind) {
        case WK::Connect:
            c.activity = Activity::Connecting;
            c.command = Command::Connect;
            c.stateStr = lit("login");
            c.infoStr = 0;
            c.timeBase = m_now;
            openSeg(c, LaneState::Connecting, lit("connect"));
            pushPl(c);
            scheduleConn(c, m_now + m_cfg.connectTimeUs, EvKind::WorkDone);
            return;
        case WK::ConnReady:
            event(EventType::Connect, c.lane, c.id);
            if (c.helperFor >= 0) {
                setWork(c, {{WK::HelperKill}, {WK::Reply}});
                continue;
            }
            goIdle(c);
            if (c.client >= 0)
                clientReady(m_clients[size_t(c.client)]);
            return;
        case WK::Cpu:
            c.activity = Activity::Cpu;
            c.stateStr = stageId(StageKey::Starting);
            openSeg(c, LaneState::Running, c.stateStr);
            pushPl(c);
            scheduleConn(c, m_now + w.idx, EvKind::WorkDone);
            return;
        case WK::HelperKill: {
            Client &owner = m_clients[size_t(c.helperFor)];
            KillSpec spec;
            spec.type = c.helperKillType;
            spec.target = KillSpec::Target::Id;
            spec.id = owner.conn >= 0 ? m_conns[size_t(owner.conn)].id : 0;
            runKillStatement(c, spec, KillSource::CtrlC, [&] { return killLabel(spec, spec.id); });
            return;
        }
        case WK::OperatorKill: {
            const size_t first = m_res.kills.size();
            runKillStatement(c, m_sc.actions[size_t(w.idx)].kill, KillSource::Operator, [&] {
                return m_res.kills.empty() ? std::string("KILL") : m_res.kills.back().statement;
            });
            for (size_t k = first; k < m_res.kills.size(); ++k)
                m_res.kills[k].injected = m_sc.actions[size_t(w.idx)].injected;
            return;
        }
        case WK::Rehash: {
            const Step &s = m_rehashSteps[size_t(w.idx)];
            c.command = Command::FieldList;
            c.infoStr = intern(s.table);
            c.serverIdle = false;
            c.timeBase = m_now;
            // MariaDB opens the tables of COM_FIELD_LIST with a high-priority shared lock: a
            // pending ALTER's exclusive request does not hold the client's start-up up (seen in
            // lab mode on 10.11, reference §10.1). MySQL: the plain shared read (UNVERIFIED).
            if (!tryMdl(c, intern(s.table), MdlMode::SharedRead, true, isMariaDb(m_flavor))) {
                c.activity = Activity::MdlWait;
                c.stateStr = stageId(StageKey::MdlWait);
                openSeg(c, LaneState::MdlWait, intern("auto-rehash: " + s.table), 0);
                pushPl(c);
                event(EventType::MdlWait, c.lane, 0, int64_t(intern(s.table)));
                note("rehash-mdl",
                     "the mysql client's auto-rehash opens every table at start, so it waits here "
                     "for the metadata lock (inferred from the client code, not seen live). Start "
                     "the client with -A to skip it.",
                     "mysql 客户端启动时的 auto-rehash "
                     "会打开每张表，因此在这里等待元数据锁（由客户端代码推断，未实测）。用 -A "
                     "启动可跳过。");
                return;
            }
            c.activity = Activity::Cpu;
            c.stateStr = lit("Opening tables");
            openSeg(c, LaneState::Connecting, intern("auto-rehash: " + s.table));
            pushPl(c);
            scheduleConn(c, m_now + kRehashPerTableUs, EvKind::WorkDone);
            return;
        }
        case WK::RehashRelease:
            releaseTrx(c);
            ++c.workPos;
            continue;
        case WK::Step: {
            const Step &s = c.stmt->steps[size_t(w.idx)];
            startStep(c, s);
            return;
        }
        case WK::BeginTrx:
            // BEGIN commits an open transaction first (implicit commit).
            releaseTrx(c);
            c.inTrx = true;
            ++c.workPos;
            continue;
        case WK::CommitTrx:
        case WK::Commit:
            c.activity = Activity::Commit;
            c.stateStr = stageId(StageKey::Commit);
            if (c.trxState != TrxState::None)
                c.trxState = TrxState::Committing;
            openSeg(c, LaneState::Running, lit("commit"));
            pushPl(c);
            scheduleConn(c, m_now + kCommitUs, EvKind::WorkDone);
            return;
        case WK::RollbackTrx:
            if (c.undoRows > 0) {
                startRollback(c, true, StageKey::StatementRollback);
                return;
            }
            releaseTrx(c);
            ++c.workPos;
            continue;
        case WK::KillExec: {
            c.activity = Activity::Cpu;
            c.stateStr = stageId(StageKey::KillStatement);
            openSeg(c, LaneState::Running, c.stmt ? intern(c.stmt->sql) : lit("KILL"));
            pushPl(c);
            int rows = -1;
            KillSpec spec = c.stmt->kill;
            c.replyCode = executeKill(c, spec, KillSource::Statement, c.stmt->sql, rows);
            c.killReplyRows = rows;
            if (!c.alive)
                return;
            scheduleConn(c, m_now + kKillStatementUs, EvKind::WorkDone);
            return;
        }
        case WK::StmtSuccess:
            succeedStatement(c);
            return;
        case WK::TempCleanup:
            if (c.tempFiles.empty()) {
                ++c.workPos;
                continue;
            }
            {
                // Deletion of big files is I/O (ext4 frees extents); it queues on the device.
                const TimeUs end = m_io.deleteFiles(m_now, c.tempFiles);
                c.tempFiles.clear();
                c.activity = Activity::Cleanup;
                c.stateStr = stageId(StageKey::RemoveTmp);
                openSeg(c, LaneState::Cleanup, lit("delete temporary files"));
                pushPl(c);
                event(EventType::TempFileDelete, c.lane);
                scheduleConn(c, end, EvKind::WorkDone);
                return;
            }
        case WK::StmtRollback:
            if (c.undoRows > c.stmtUndoMark) {
                if (isMySql(m_flavor) && c.killed == Killed::Connection)
                    note("mysql-query-end",
                         "MySQL has no rollback stage, so a killed statement is expected to show "
                         "Killed | query end while it rolls back (derived from sql_parse.cc, not "
                         "observed on a live MySQL server).",
                         "MySQL 没有回滚阶段，所以被杀的语句回滚时预计显示 Killed | query end（由 "
                         "sql_parse.cc 推导，未在真实 MySQL 上观察）。");
                startRollback(c, false, StageKey::StatementRollback);
                return;
            }
            ++c.workPos;
            continue;
        case WK::EndTrxIfAutocommit:
            if (!c.inTrx && c.autocommit)
                releaseTrx(c);
            else if (c.undoRows == 0 && c.rowLocks.empty() && c.trxState != TrxState::None)
                c.trxState = TrxState::Running;
            ++c.workPos;
            continue;
        case WK::Reply:
            ++c.workPos;
            reply(c);
            return;
        case WK::Disconnect:
            c.serverIdle = false;
            c.activity = Activity::Cleanup;
            c.infoStr = 0;
            if (m_rules.hidesDisconnectRollback() && !c.hidden) {
                c.hidden = true;
                if (c.undoRows > 0)
                    note("mysql-hidden-rollback",
                         "MySQL clears net.vio before the disconnect-time rollback, so this thread "
                         "most likely vanishes from SHOW PROCESSLIST while it still rolls back and "
                         "holds its locks (INNODB_TRX still shows it).",
                         "MySQL 在断开连接时的回滚之前就清空了 "
                         "net.vio，所以这个线程很可能在回滚、仍持有锁的时候就从 SHOW PROCESSLIST "
                         "中消失了（INNODB_TRX 里仍能看到）。");
            }
            if (c.command == Command::Sleep && c.killed == Killed::None)
                c.command = Command::Quit;
            c.stateStr = stageId(StageKey::Cleanup);
            pushPl(c);
            ++c.workPos;
            continue;
        case WK::TrxRollback:
            if (c.undoRows > 0) {
                startRollback(c, true, StageKey::TrxRollback);
                return;
            }
            ++c.workPos;
            continue;
        case WK::Gone:
            goGone(c);
            return;
        case WK::Quit:
            ++c.workPos;
            c.work = {{WK::Disconnect}, {WK::TrxRollback}, {WK::Gone}};
            c.workPos = 0;
            continue;
        }
    }
}

void EngineRun::startStep(Conn &c, const Step &s)
{
    switch (s.op) {
    case StepOp::Cpu: {
        c.activity = Activity::Cpu;
        const bool first = c.workPos == 0;
        c.stateStr = stageId(&s, first ? StageKey::Starting : StageKey::OpeningTables);
        openSeg(c, LaneState::Running, c.stateStr);
        pushPl(c);
        scheduleConn(c, m_now + s.durationUs, EvKind::WorkDone);
        return;
    }
    case StepOp::Dd: {
        c.activity = Activity::Dd;
        c.stateStr = stageId(&s, StageKey::DdCommit);
        if (m_rules.ddDefersKill()) {
            c.ddImmune = true;
            // A kill already pending is saved by the immunizer on entry (it resets killed).
            if (c.killed != Killed::None && c.killPending) {
                c.savedKill = c.killed;
                c.savedHard = c.hard;
                c.savedKills = c.pendingKills;
                c.pendingKills.clear();
                c.killed = Killed::None;
                c.killPending = false;
            }
            openSeg(c, LaneState::DdImmune, c.stateStr);
        } else {
            openSeg(c, LaneState::Running, c.stateStr);
        }
        pushPl(c);
        scheduleConn(c, m_now + s.durationUs, EvKind::WorkDone);
        return;
    }
    case StepOp::Sleep:
        c.activity = Activity::Sleep;
        c.stateStr = stageId(&s, StageKey::UserSleep);
        openSeg(c, LaneState::UserSleep, c.stateStr, 0);
        pushPl(c);
        if (killNoticeable(c)) {
            // Item_func_sleep loops `while (!thd->killed)`: a pending kill ends it before it
            // starts.
            scheduleConn(c, m_now, EvKind::NoticeNow);
            return;
        }
        scheduleConn(c, m_now + s.durationUs, EvKind::WorkDone);
        return;
    case StepOp::Mdl: {
        const StringId table = internCached(m_mdlTableCache, s.table);
        if (tryMdl(c, table, s.mdlMode, true)) {
            finishWork(c);
            return;
        }
        c.activity = Activity::MdlWait;
        c.stateStr = stageId(&s, StageKey::MdlWait);
        openSeg(c, LaneState::MdlWait, intern("MDL " + s.table), 0);
        pushPl(c);
        event(EventType::MdlWait, c.lane, 0, int64_t(table));
        if (killNoticeable(c))
            scheduleConn(c, m_now, EvKind::NoticeNow);
        return;
    }
    case StepOp::TempFile:
    case StepOp::Io: {
        c.activity = Activity::Io;
        c.stateStr =
            stageId(&s, s.op == StepOp::TempFile ? StageKey::SortTempFile : StageKey::SelectRows);
        const TimeUs end = m_io.request(m_now, s.bytes);
        openSeg(c, LaneState::IoWait,
                lit(s.op == StepOp::TempFile ? "write temporary file" : "I/O"), -1, 0, -1,
                FlagIoBound);
        pushPl(c);
        if (s.op == StepOp::TempFile) {
            c.tempFiles.push_back({s.bytes, s.deleteUs});
            event(EventType::TempFileCreate, c.lane, s.bytes);
        }
        scheduleConn(c, end, EvKind::WorkDone);
        return;
    }
    case StepOp::Rows:
        c.rowsPhase = 0;
        c.lockIdx = 0;
        c.needReseat = false;
        c.loopDone = 0;
        rowsContinue(c, s);
        return;
    }
}

StageKey rowsStage(const Statement *st, const Step *step)
{
    if (!st)
        return StageKey::SelectRows;
    // Rows a SELECT collects for a sort that spills to a temporary file later are filesort's
    // reading: MariaDB 10.11 shows "Creating sort index" from the first row on (lab mode saw
    // `Query | Creating sort index` in every sample up to the kill, never "Sending data").
    // The rows sent after it, read back from the sort's files, keep that stage on MariaDB.
    if (st->kind == StatementKind::Select && step) {
        const Step *begin = st->steps.data();
        const Step *end = begin + st->steps.size();
        auto tempFile = [](const Step &p) { return p.op == StepOp::TempFile; };
        if (step >= begin && step < end) {
            if (!step->send && std::any_of(step + 1, end, tempFile))
                return StageKey::SortTempFile;
            if (step->send && std::any_of(begin, step, tempFile))
                return StageKey::SortedSend;
        }
    }
    switch (st->kind) {
    case StatementKind::Update:
        return StageKey::UpdateRows;
    case StatementKind::Delete:
        return StageKey::DeleteRows;
    case StatementKind::Insert:
        return StageKey::InsertRows;
    case StatementKind::Ddl:
        return StageKey::CopyToTmp;
    default:
        return StageKey::SelectRows;
    }
}

void EngineRun::rowsContinue(Conn &c, const Step &s)
{
    c.stateStr = stageId(&s, rowsStage(c.stmt, &s));
    if (c.trxState == TrxState::None)
        c.trxState = TrxState::Running;
    // Phase 0: the InnoDB admission queue (srv_conc_enter_innodb), MySQL only (admission.cpp).
    if (c.rowsPhase == 0) {
        if (s.innodb && !admit(c))
            return;
        c.rowsPhase = 1;
    }
    // Phase 1: row locks, in order (locks.cpp).
    if (c.rowsPhase == 1) {
        if (!takeRowLocks(c, s))
            return;
        if (c.needReseat) {
            c.needReseat = false;
            c.rowsPhase = 0;
            rowsContinue(c, s);
            return;
        }
        c.rowsPhase = 2;
        c.loopDone = 0;
    }
    startLoop(c, s);
}

void EngineRun::startStatement(Conn &c, int stmtIndex)
{
    const SessionSpec &ss = m_sc.sessions[size_t(c.session)];
    const Statement &st = ss.statements[size_t(stmtIndex)];
    c.stmt = &st;
    c.stmtIndex = stmtIndex;
    ++c.stmtSerial;
    c.stmtStart = m_now;
    c.serverIdle = false;
    c.resultDecided = false;
    c.replyCode = 0;
    c.replyArg.clear();
    c.killReplyRows = -1;
    c.stmtRowsSent = 0;
    c.command = Command::Query;
    c.infoStr = sqlId(c.session, stmtIndex);
    c.timeBase = m_now;
    c.queryId = ++m_nextQueryId;
    // dispatch_command clears a leftover KILL QUERY at its start (MySQL L1730, MariaDB
    // reset_kill_query L1654); a late kill that lost the race ends here.
    if (c.killed == Killed::Query || c.killed == Killed::Timeout) {
        c.killed = Killed::None;
        c.killPending = false;
        for (int k : c.pendingKills) {
            KillRecord &kr = m_res.kills[size_t(k)];
            kr.finished = m_now;
            if (kr.outcome == KillOutcome::Pending)
                kr.outcome = isMariaDb(m_flavor) && kr.noticed < 0 ? KillOutcome::ResetAtNextCommand
                                                                   : KillOutcome::LostRace;
        }
        c.pendingKills.clear();
    }
    event(EventType::StatementStart, c.lane, stmtIndex, int64_t(c.infoStr));
    if (!c.inTrx && c.autocommit)
        c.stmtUndoMark = 0;
    c.stmtUndoMark = c.undoRows;
    if (!c.autocommit && st.kind != StatementKind::Commit && st.kind != StatementKind::Rollback)
        c.inTrx = true;

    std::vector<Work> &w = beginWork(c);
    switch (st.kind) {
    case StatementKind::Begin:
        w = {{WK::BeginTrx}, {WK::Reply}};
        break;
    case StatementKind::Commit:
        w = {{WK::CommitTrx}, {WK::Reply}};
        break;
    case StatementKind::Rollback:
        w = {{WK::RollbackTrx}, {WK::Reply}};
        break;
    case StatementKind::Kill:
        w = {{WK::KillExec}, {WK::Reply}};
        break;
    case StatementKind::Quit:
        c.command = Command::Quit;
        w = {{WK::Quit}};
        break;
    default:
        if (st.kind == StatementKind::Ddl && (c.inTrx || c.undoRows > 0)) {
            // DDL commits the open transaction first (implicit commit).
            releaseTrx(c);
            c.stmtUndoMark = 0;
        }
        w.resize(st.steps.size());
        for (size_t i = 0; i < st.steps.size(); ++i)
            w[i] = {WK::Step, int32_t(i)};
        if (st.steps.empty())
            w.push_back({WK::Cpu, int32_t(kSmallStatementUs)});
        w.push_back({WK::StmtSuccess});
        break;
    }

    // Statement timeouts (§7): MariaDB max_statement_time, MySQL MAX_EXECUTION_TIME.
    TimeUs timeout = 0;
    if (st.timeoutUs)
        timeout = *st.timeoutUs;
    else if (ss.maxStatementTimeUs)
        timeout = *ss.maxStatementTimeUs;
    else
        timeout = isMariaDb(m_flavor) ? m_cfg.maxStatementTimeUs : m_cfg.maxExecutionTimeUs;
    if (timeout > 0 && m_rules.timeoutAppliesTo(st.kind))
        schedule(m_now + timeout, EvKind::StmtTimeout, uint32_t(connIndex(c)), 0,
                 int64_t(c.stmtSerial));

    advance(c);
}

void EngineRun::succeedStatement(Conn &c)
{
    // The statement passed its last check point: OK/EOF is decided. A kill that comes later
    // cannot fail it any more (kill.test "blocking of sending ERROR after OK or EOF").
    c.resultDecided = true;
    releaseSeat(c);
    const StatementKind kind = c.stmt ? c.stmt->kind : StatementKind::Other;
    c.affected = c.undoRows - c.stmtUndoMark;
    std::vector<Work> &w = beginWork(c);
    const bool autoTrx = !c.inTrx && c.autocommit;
    if (kind == StatementKind::Ddl) {
        w.push_back({WK::TempCleanup});
        w.push_back({WK::EndTrxIfAutocommit});
        c.inTrx = false;
    } else if (autoTrx && (c.undoRows > 0 || !c.rowLocks.empty())) {
        w.push_back({WK::Commit});
        w.push_back({WK::TempCleanup});
    } else {
        w.push_back({WK::TempCleanup});
        w.push_back({WK::EndTrxIfAutocommit});
    }
    w.push_back({WK::Reply});
    advance(c);
}

void EngineRun::abortStatement(Conn &c, int code, bool connectionEnds)
{
    releaseSeat(c);
    c.resultDecided = true;
    c.replyCode = code;
    c.affected = 0;
    if (!connectionEnds && m_rules.resetKillQueryBeforeRollback() &&
        (c.killed == Killed::Query || c.killed == Killed::Timeout)) {
        // MariaDB: reset_kill_query() runs before trans_rollback_stmt(), so Command is Query again.
        c.killed = Killed::None;
        c.killPending = false;
    }
    std::vector<Work> &w = beginWork(c);
    w.push_back({WK::TempCleanup});
    w.push_back({WK::StmtRollback});
    if (connectionEnds) {
        // A self-kill still answers (1317/1927) before the connection closes.
        w.push_back({WK::Reply});
    } else {
        w.push_back({WK::EndTrxIfAutocommit});
        w.push_back({WK::Reply});
    }
    advance(c);
}

void EngineRun::reply(Conn &c)
{
    c.activity = Activity::Cpu;
    if (c.helperFor >= 0) {
        helperReply(c);
        return;
    }
    const bool ok = c.replyCode == 0;
    event(EventType::StatementEnd, c.lane, c.replyCode);
    // What the client gets. After KILL CONNECTION the socket is gone: nothing arrives.
    if (c.client >= 0 && !c.socketClosed && !c.clientGone) {
        Client &cl = m_clients[size_t(c.client)];
        if (cl.conn == connIndex(c))
            clientResult(cl, c);
    }
    // The KILL's own record: Query kills end with the statement.
    std::vector<int> keep;
    const bool closingNow = c.killed == Killed::Connection || c.clientGone;
    for (int k : c.activeKills) {
        KillRecord &kr = m_res.kills[size_t(k)];
        if (kr.type == KillType::Connection || closingNow) {
            keep.push_back(k);
            continue;
        }
        kr.finished = m_now;
        if (kr.outcome == KillOutcome::Pending)
            kr.outcome = KillOutcome::Interrupted;
    }
    c.activeKills = keep;
    const bool closing = c.killed == Killed::Connection || c.clientGone;
    keep.clear();
    for (int k : c.pendingKills) {
        KillRecord &kr = m_res.kills[size_t(k)];
        if (kr.type != KillType::Connection && closing) {
            c.activeKills.push_back(k); // superseded by the end of the connection
            continue;
        }
        if (kr.type != KillType::Connection) {
            // The statement got past its last check point: the kill lost the race.
            if (ok && c.stmt && c.stmt->kind != StatementKind::Kill) {
                kr.finished = m_now;
                kr.outcome = KillOutcome::LostRace;
                continue;
            }
            // The statement failed anyway (an earlier kill, a timeout): this one changed nothing.
            kr.finished = m_now;
            kr.outcome = KillOutcome::NoEffect;
            continue;
        }
        if (closing) {
            // The connection loop (thd_connection_alive) is the check point that sees it now.
            if (kr.noticed < 0)
                kr.noticed = m_now;
            if (ok && c.stmt && c.stmt->steps.size() > 0)
                kr.outcome = KillOutcome::LostRace;
            c.activeKills.push_back(k);
            continue;
        }
        keep.push_back(k);
    }
    c.pendingKills = keep;
    // Nothing left to notice: the flag may stay set (MySQL clears KILL_QUERY only at the next
    // command) but it no longer waits for a check point.
    if (closing || c.pendingKills.empty())
        c.killPending = false;
    // MariaDB: dispatch_command() ends with reset_kill_query(): a KILL QUERY (or timeout) flag
    // that is still set, after a self-kill or a kill that lost the race, is cleared with the
    // command, so the idle thread shows Sleep, not Killed (lab mode, MariaDB 10.11: bob's row was
    // `Sleep` right after its own KILL QUERY CONNECTION_ID()).
    if (!closing && isMariaDb(m_flavor) &&
        (c.killed == Killed::Query || c.killed == Killed::Timeout) && c.pendingKills.empty())
        c.killed = Killed::None;
    if (closing) {
        c.work = {{WK::Disconnect}, {WK::TrxRollback}, {WK::Gone}};
        c.workPos = 0;
        advance(c);
        return;
    }
    goIdle(c);
}

void EngineRun::goIdle(Conn &c)
{
    c.activity = Activity::Idle;
    c.serverIdle = true;
    c.stmt = nullptr;
    c.work.clear();
    c.workPos = 0;
    c.command = Command::Sleep;
    c.stateStr = isMariaDb(m_flavor) ? internEmpty() : internEmpty();
    c.infoStr = 0;
    if (m_rules.timeFromEndOfCommand())
        c.timeBase = m_now;
    // MySQL keeps timeBase = start of the last command (§4.1).
    if (c.trxOpStr != 0 && c.trxState == TrxState::Running)
        c.trxOpStr = 0;
    // Idle = blocked reading the next command: KILL CONNECTION ends that read at once.
    openSeg(c, LaneState::Idle, c.inTrx ? lit("idle in transaction") : 0, 0);
    pushPl(c);
    if (c.killed == Killed::Connection && c.killPending)
        scheduleConn(c, m_now, EvKind::NoticeNow);
}

void EngineRun::goGone(Conn &c)
{
    releaseSeat(c);
    releaseTrx(c);
    // Every kill still open on this thread ends now.
    auto end = [&](std::vector<int> &list) {
        for (int k : list) {
            KillRecord &kr = m_res.kills[size_t(k)];
            kr.finished = m_now;
            // A KILL QUERY superseded by the end of the connection ends with it.
            if (kr.outcome == KillOutcome::Pending)
                kr.outcome = KillOutcome::Disconnected;
        }
        list.clear();
    };
    end(c.activeKills);
    end(c.pendingKills);
    end(c.savedKills);
    c.activity = Activity::Gone;
    c.alive = false;
    c.killPending = false;
    c.hidden = false;
    c.socketClosed = false;
    c.savedKill = Killed::None;
    openSeg(c, LaneState::Gone, 0);
    c.seg.flags = 0;
    Lane &lane = m_res.lanes[size_t(c.lane)];
    lane.goneAt = m_now;
    event(EventType::ThreadGone, c.lane, c.id);
    m_idToConn.erase(c.id);
    ++c.gen;
}

// ============================================================================================
// Events
// ============================================================================================

void EngineRun::handle(const QEvent &e)
{
    switch (e.kind()) {
    case EvKind::ClientConnect:
        clientConnect(m_clients[e.target], false);
        return;
    case EvKind::ClientReconnect:
        clientConnect(m_clients[e.target], true);
        return;
    case EvKind::HelperConnect:
        helperConnect(m_clients[e.target], KillType(e.arg & 0xff), int(e.arg >> 8));
        return;
    case EvKind::ClientSend: {
        Client &cl = m_clients[e.target];
        cl.scheduled = false;
        if (size_t(e.arg) != cl.nextStmt)
            return;
        if (cl.busy || cl.connecting)
            return; // re-armed when the prompt is back (clientResult / clientLost / clientReady)
        clientSend(cl, size_t(e.arg));
        return;
    }
    case EvKind::ClientCtrlC:
        clientCtrlC(m_clients[e.target]);
        return;
    case EvKind::ClientStop:
        clientStopReading(m_clients[e.target]);
        return;
    case EvKind::ClientResume:
        clientResumeReading(m_clients[e.target]);
        return;
    case EvKind::SetGlobal: {
        const Action &a = m_sc.actions[size_t(e.arg)];
        applySet(a);
        return;
    }
    case EvKind::OperatorKill:
        operatorKill(e);
        return;
    case EvKind::StmtTimeout:
        statementTimeout(m_conns[e.target], uint32_t(e.arg));
        return;
    case EvKind::ServerRestart:
        restartServer(m_sc.actions[size_t(e.arg)].injected);
        return;
    case EvKind::ServerUp:
        serverUp();
        return;
    default:
        break;
    }

    Conn &c = m_conns[e.target];
    if (e.gen != c.gen || !c.alive)
        return;
    switch (e.kind()) {
    case EvKind::WorkDone: {
        if (c.activity == Activity::Rollback) {
            // One undo chunk is done.
            rollbackChunkDone(c);
            return;
        }
        if (c.activity == Activity::LockWait) {
            // Granted: continue with the next lock key / the loop.
            const Step *s = currentStep(c);
            if (s)
                rowsContinue(c, *s);
            return;
        }
        if (c.activity == Activity::MdlWait) {
            c.activity = Activity::Cpu;
            if (c.work[c.workPos].kind == WK::Rehash) {
                // Rehash: MDL granted; now the field list itself.
                c.stateStr = lit("Opening tables");
                openSeg(c, LaneState::Connecting, lit("auto-rehash"));
                pushPl(c);
                scheduleConn(c, m_now + kRehashPerTableUs, EvKind::WorkDone);
                return;
            }
            finishWork(c);
            return;
        }
        if (c.activity == Activity::Dd) {
            ddStepDone(c);
            return;
        }
        // Rows steps: an intermediate WorkDone (from a grant) continues the step.
        if (e.arg == 1) {
            const Step *s = currentStep(c);
            if (s)
                rowsContinue(c, *s);
            return;
        }
        if (c.activity == Activity::Sleep || c.activity == Activity::Cpu ||
            c.activity == Activity::Io || c.activity == Activity::Connecting ||
            c.activity == Activity::Commit || c.activity == Activity::Cleanup) {
            // Commit ends the transaction; a rehash field list ends its statement MDL.
            if (c.activity == Activity::Commit ||
                (c.workPos < c.work.size() && c.work[c.workPos].kind == WK::Rehash))
                releaseTrx(c);
            c.activity = Activity::Cpu;
            finishWork(c);
            return;
        }
        finishWork(c);
        return;
    }
    case EvKind::LoopEnd: {
        stopLoop(c, c.loopCount);
        if (killNoticeable(c) && !c.resultDecided) {
            // The killed_status snapshot right after the loop (sql_update.cc L1082).
            notice(c);
            return;
        }
        finishWork(c);
        return;
    }
    case EvKind::LoopNotice:
        stopLoop(c, e.arg);
        notice(c);
        return;
    case EvKind::LoopBlock: {
        stopLoop(c, e.arg);
        c.activity = Activity::Blocked;
        c.stateStr = intern(m_rules.sendingState());
        openSeg(c, LaneState::SendBlocked, c.stateStr, -1, 0, c.loopDone);
        pushPl(c);
        scheduleConn(c, m_now + m_cfg.netWriteTimeoutUs, EvKind::NetWriteTimeout);
        if (c.killed == Killed::Connection && c.killPending)
            scheduleConn(c, m_now, EvKind::NoticeNow);
        return;
    }
    case EvKind::NoticeNow:
        if (c.activity == Activity::Loop)
            stopLoop(c, loopRowsAt(c, m_now));
        notice(c);
        return;
    case EvKind::QueueWake:
        queueWake(c);
        return;
    case EvKind::LockRetry: {
        const Step *s = currentStep(c);
        if (s && c.activity == Activity::LockWait)
            rowsContinue(c, *s);
        return;
    }
    case EvKind::LockTimeout:
        lockWaitTimeout(c);
        return;
    case EvKind::NetWriteTimeout: {
        if (c.activity != Activity::Blocked)
            return;
        // net_write_timeout: the write fails, the statement and the connection are aborted.
        closeSeg(c);
        ++c.gen;
        c.socketClosed = true;
        abortStatement(c, 1161, true);
        return;
    }
    default:
        return;
    }
}

void EngineRun::applySet(const Action &actionIn)
{
    // The validator's range, re-checked for actions built in code (the UI's knobs).
    Action a = actionIn;
    a.value = std::isfinite(a.value) ? std::clamp(a.value, 0.0, 1000.0) : 0.0;
    if (a.name == "restart") {
        // The knob restart=1 (sim/knobs.h) is the restart action.
        restartServer(a.injected);
        return;
    }
    event(EventType::SetGlobal, -1, int64_t(a.value * 1000), int64_t(intern(a.name)));
    m_res.events.back().injected = a.injected ? 1 : 0;
    if (a.name == "innodb_thread_concurrency") {
        setConcurrency(a);
        return;
    }
    if (a.name == "io_pressure")
        setIoPressure(a);
}

void EngineRun::newOperatorConn()
{
    m_operator = newConn(-1, m_operatorId, {"KillScope", "KillScope"}, ClientKind::Operator, "root",
                         "localhost", std::string(), PrivSuper);
    Conn &op = m_conns[size_t(m_operator)];
    op.isOperator = true;
    op.activity = Activity::Idle;
    op.serverIdle = true;
    op.command = Command::Sleep;
    op.stateStr = internEmpty();
    openSeg(op, LaneState::Idle, 0, 0);
    pushPl(op);
}

RunResult EngineRun::run()
{
    // Synthetic steps for the auto-rehash, one per table.
    for (const std::string &t : m_sc.tables) {
        Step s;
        s.op = StepOp::Mdl;
        s.table = t;
        s.mdlMode = MdlMode::SharedRead;
        m_rehashSteps.push_back(s);
    }
    m_clients.resize(m_sc.sessions.size());
    for (const SessionSpec &ss : m_sc.sessions)
        if (ss.id)
            m_reservedIds.insert(*ss.id);
    size_t statements = 0;
    m_lastSqlId.assign(m_sc.sessions.size(), {-1, 0});
    for (size_t i = 0; i < m_sc.sessions.size(); ++i)
        statements += m_sc.sessions[i].statements.size();
    m_res.events.reserve(64 + statements * 9 + m_sc.actions.size() * 8);
    m_conns.reserve(m_sc.sessions.size() + 16);
    m_res.lanes.reserve(m_sc.sessions.size() + 16);
    m_res.locks.reserve(statements * 2);
    bool anyOperatorKill = false;
    for (const Action &a : m_sc.actions)
        anyOperatorKill = anyOperatorKill || a.kind == ActionKind::Kill;
    for (size_t i = 0; i < m_sc.sessions.size(); ++i) {
        const SessionSpec &ss = m_sc.sessions[i];
        Client &cl = m_clients[i];
        cl.session = int(i);
        cl.rules = ClientRules(ss.client, m_flavor);
        if (ss.daemon) {
            const int64_t id = allocId(ss.id);
            m_now = ss.connectAt;
            const int ci = newConn(int(i), id, {ss.label, ss.labelZh}, ClientKind::Daemon,
                                   "event_scheduler", "localhost", std::string(), 0);
            Conn &c = m_conns[size_t(ci)];
            c.daemon = true;
            c.activity = Activity::Idle;
            c.command = Command::Daemon;
            c.stateStr = intern(m_rules.daemonState());
            c.timeBase = 0;
            openSeg(c, LaneState::Idle, lit("event scheduler"));
            pushPl(c);
            cl.exited = true;
            m_now = 0;
            continue;
        }
        schedule(ss.connectAt + m_cfg.clientConnectTimeUs, EvKind::ClientConnect, uint32_t(i), 0);
    }
    if (anyOperatorKill) {
        // The operator's connection must not shift the ids the sessions get (a kill injected by
        // the UI must not renumber the scenario): take an id well above theirs.
        int64_t top = m_cfg.firstConnectionId + int64_t(m_sc.sessions.size()) + 100;
        for (const SessionSpec &ss : m_sc.sessions)
            if (ss.id)
                top = std::max(top, *ss.id + 100);
        m_operatorId = top - top % 100; // not via allocId(): m_nextId stays where it is
        newOperatorConn();
    }
    for (size_t i = 0; i < m_sc.actions.size(); ++i) {
        const Action &a = m_sc.actions[i];
        const int si = a.session.empty() ? -1 : m_sc.sessionIndex(a.session);
        switch (a.kind) {
        case ActionKind::CtrlC:
            if (si >= 0)
                schedule(a.at, EvKind::ClientCtrlC, uint32_t(si), 0);
            break;
        case ActionKind::StopReading:
            if (si >= 0)
                schedule(a.at, EvKind::ClientStop, uint32_t(si), 0);
            break;
        case ActionKind::ResumeReading:
            if (si >= 0)
                schedule(a.at, EvKind::ClientResume, uint32_t(si), 0);
            break;
        case ActionKind::Set:
            schedule(a.at, EvKind::SetGlobal, 0, 0, int64_t(i));
            break;
        case ActionKind::Kill:
            schedule(a.at, EvKind::OperatorKill, uint32_t(m_operator), 0, int64_t(i));
            break;
        case ActionKind::Restart:
            schedule(a.at, EvKind::ServerRestart, 0, 0, int64_t(i));
            break;
        }
    }
    const TimeUs hardStop = m_until.value_or(Engine::kMaxUntil);
    while (!m_queue.empty()) {
        const QEvent e = m_queue.top(); // a copy: handle() may push
        if (e.t > hardStop)
            break;
        m_queue.pop();
        m_now = e.t;
        if (++m_res.processedEvents > m_maxEvents) {
            // A pathological scenario (thousands of queue pollers for an hour) must not hang the
            // UI: stop here and say so.
            m_res.truncated = true;
            NarrationStep n;
            n.t = m_now;
            n.en = "The run was stopped here: it exceeded " + std::to_string(m_maxEvents) +
                   " engine events.";
            n.zh_CN = "运行在这里停止：引擎事件数超过了 " + std::to_string(m_maxEvents) + "。";
            n.fromEngine = true;
            m_res.narration.push_back(std::move(n));
            m_until = m_now;
            break;
        }
        handle(e);
    }
    if (!m_until) {
        // Default end: one second after the last thing happened.
        TimeUs last = m_lastActivity;
        if (!m_res.events.empty())
            last = std::max(last, m_res.events.back().t);
        for (const Lane &l : m_res.lanes)
            for (const auto &s : l.clientSegments)
                last = std::max(last, s.start);
        m_until = std::min(last + kSecond, Engine::kMaxUntil);
    }
    m_now = *m_until;
    finalize();
    resolveNarration();
    return std::move(m_res);
}

} // namespace detail

RunResult Engine::run(const Scenario &scenario, const RunOptions &options)
{
    if (!scenario.branches.empty())
        return detail::runBranches(scenario, options);
    // Steps that exist on some flavors only (MariaDB's Enabling keys stage of a copying ALTER):
    // a copy of the scenario without the others, only when there are any.
    const Flavor flavor = options.flavor.value_or(scenario.defaultFlavor);
    auto foreign = [flavor](const Step &s) {
        return !s.flavors.empty() &&
               std::find(s.flavors.begin(), s.flavors.end(), flavor) == s.flavors.end();
    };
    bool any = false;
    for (const SessionSpec &ss : scenario.sessions)
        for (const Statement &st : ss.statements)
            any = any || std::any_of(st.steps.begin(), st.steps.end(), foreign);
    if (any) {
        Scenario own = scenario;
        for (SessionSpec &ss : own.sessions)
            for (Statement &st : ss.statements)
                st.steps.erase(std::remove_if(st.steps.begin(), st.steps.end(), foreign),
                               st.steps.end());
        detail::EngineRun run(own, options);
        return run.run();
    }
    detail::EngineRun run(scenario, options);
    return run.run();
}

} // namespace ks::sim
