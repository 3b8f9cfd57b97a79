// The programs at the other end of a connection (sim/enginerun.h lists the rooms): the mysql and
// mariadb command-line clients (prompt, result lines, errors, reconnect, Ctrl+C with its helper
// connection, --quick, a paused pager), and applications, which have no terminal. Texts per client
// version come from clientrules.h.
//
// Invariants:
// - a client has at most one statement in flight (busy); the next is scheduled only once the
//   previous one returned or failed;
// - while a Ctrl+C helper runs (hold > 0) the client's own lines wait, so the helper's lines come
//   first; a paused client (not reading) holds result and error lines until it reads again;
// - a lost connection is reported once (knowsDead); the CLI reconnects on its next statement,
//   an application stops.

#include "enginerun.h"

#include <algorithm>

namespace ks::sim::detail {

void EngineRun::clientState(Client &cl, ClientState st, const std::string &text)
{
    clientStateId(cl, st, text.empty() ? 0 : intern(text));
}

void EngineRun::clientStateId(Client &cl, ClientState st, StringId tid)
{
    if (cl.conn < 0)
        return;
    const int lane = m_conns[size_t(cl.conn)].lane;
    if (cl.segLane == lane && cl.seg.state == st && cl.seg.text == tid)
        return;
    if (cl.segLane >= 0) {
        cl.seg.end = m_now;
        auto &segs = m_res.lanes[size_t(cl.segLane)].clientSegments;
        if (cl.seg.end > cl.seg.start)
            segs.push_back(cl.seg);
        if (cl.segLane != lane) {
            // The client moved to a new connection; the old lane's client row keeps showing the
            // broken connection until the end of the run (end fixed in finalize()).
            ClientSegment tail;
            tail.start = m_now;
            tail.end = -1;
            tail.state =
                cl.seg.state == ClientState::Lost ? ClientState::Lost : ClientState::Disconnected;
            tail.text = cl.seg.state == ClientState::Lost ? cl.seg.text : 0;
            segs.push_back(tail);
        }
    }
    cl.seg = ClientSegment();
    cl.seg.start = m_now;
    cl.seg.state = st;
    cl.seg.text = tid;
    cl.segLane = lane;
}

void EngineRun::flushHeld(Client &cl)
{
    auto held = std::move(cl.held);
    cl.held.clear();
    for (auto &[line, st] : held)
        clientLine(cl, line, st);
}

void EngineRun::clientLine(Client &cl, const std::string &text, ClientState after, bool bypassHold)
{
    if (cl.hold > 0 && !bypassHold) {
        cl.held.emplace_back(text, after);
        return;
    }
    if (!cl.reading && (after == ClientState::Error || after == ClientState::Prompt ||
                        after == ClientState::Lost)) {
        // A paused client (pager, | less) sees nothing until it reads again.
        cl.pending.emplace_back(text, after);
        return;
    }
    TranscriptLine l;
    l.t = m_now;
    l.lane = cl.conn >= 0 ? m_conns[size_t(cl.conn)].lane : -1;
    l.text = text;
    m_res.transcript.push_back(std::move(l));
    if (after == ClientState::Waiting && cl.seg.state == ClientState::Waiting)
        return;
    clientState(cl, after, text);
}

// The victim's client shows a 2013 now: record it in the kills aimed at that lane.
void EngineRun::markClientError(int lane, int code)
{
    for (KillRecord &kr : m_res.kills) {
        if (kr.victimLane == lane && kr.clientError < 0 && kr.result == 0 && kr.issued <= m_now &&
            (kr.type == KillType::Connection || kr.outcome == KillOutcome::Pending ||
             kr.noticed < 0 || kr.finished >= m_now)) {
            kr.clientError = m_now;
            kr.clientErrorCode = code;
        }
    }
}

void EngineRun::clientConnect(Client &cl, bool reconnect)
{
    if (m_serverDown) {
        clientRefused(cl, reconnect);
        return;
    }
    cl.noConnection = false;
    const SessionSpec &ss = m_sc.sessions[size_t(cl.session)];
    const int64_t id = allocId(reconnect ? std::nullopt : ss.id);
    const std::string zh = ss.labelZh.empty() ? ss.label : ss.labelZh;
    const Text label =
        reconnect ? Text{ss.label + " (reconnected)", zh + "（重连后）"} : Text{ss.label, zh};
    const int ci =
        newConn(cl.session, id, label, ss.client == ClientKind::Cli ? cl.rules.kind() : ss.client,
                ss.user, ss.host, ss.db.value_or(std::string()), ss.privileges);
    Conn &c = m_conns[size_t(ci)];
    c.client = int(&cl - m_clients.data());
    c.autocommit = ss.autocommit;
    cl.conn = ci;
    cl.connecting = true;
    cl.knowsDead = false;
    clientState(cl, ClientState::Connecting, std::string());
    std::vector<Work> &w = beginWork(c);
    w.push_back({WK::Connect});
    const bool rehash = cl.rules.isCli() && ss.db && ss.autoRehash.value_or(true);
    if (rehash && !m_sc.tables.empty()) {
        for (size_t i = 0; i < m_sc.tables.size(); ++i) {
            // Synthetic steps live in m_rehashSteps; index by table.
            w.push_back({WK::Rehash, int32_t(i)});
        }
        w.push_back({WK::RehashRelease});
    }
    w.push_back({WK::ConnReady});
    advance(c);
}

void EngineRun::clientReady(Client &cl)
{
    const SessionSpec &ss = m_sc.sessions[size_t(cl.session)];
    Conn &c = m_conns[size_t(cl.conn)];
    cl.connecting = false;
    const bool rehash = cl.rules.isCli() && ss.db && ss.autoRehash.value_or(true);
    if (cl.rules.isCli()) {
        if (cl.pendingStmt >= 0) {
            clientLine(cl, "No connection. Trying to reconnect...", ClientState::Waiting);
            clientLine(cl, "Connection id:    " + std::to_string(c.id), ClientState::Waiting);
            clientLine(cl, "Current database: " + (ss.db ? *ss.db : std::string("*** NONE ***")),
                       ClientState::Waiting);
        } else {
            if (rehash) {
                clientLine(cl, "Reading table information for completion of table and column names",
                           ClientState::Connecting);
                clientLine(cl, "You can turn off this feature to get a quicker startup with -A",
                           ClientState::Connecting);
            }
            clientLine(cl,
                       std::string("Your ") +
                           (cl.rules.isMariaDbClient() ? (isMariaDb(m_flavor) ? "MariaDB" : "MySQL")
                                                       : "MySQL") +
                           " connection id is " + std::to_string(c.id),
                       ClientState::Prompt);
        }
    }
    clientState(cl, ClientState::Prompt, std::string());
    if (cl.pendingStmt >= 0) {
        const int s = cl.pendingStmt;
        cl.pendingStmt = -1;
        cl.busy = false;
        clientSend(cl, size_t(s));
        return;
    }
    cl.lastDone = m_now;
    clientScheduleNext(cl);
}

void EngineRun::clientScheduleNext(Client &cl)
{
    const SessionSpec &ss = m_sc.sessions[size_t(cl.session)];
    if (cl.exited || cl.scheduled || cl.nextStmt >= ss.statements.size())
        return;
    const Statement &st = ss.statements[cl.nextStmt];
    TimeUs t = cl.lastDone + st.afterUs;
    if (st.at)
        t = std::max(t, *st.at);
    schedule(t, EvKind::ClientSend, uint32_t(&cl - m_clients.data()), 0, int64_t(cl.nextStmt));
    cl.scheduled = true;
}

void EngineRun::clientSend(Client &cl, size_t stmtIndex)
{
    const SessionSpec &ss = m_sc.sessions[size_t(cl.session)];
    const Statement &st = ss.statements[stmtIndex];
    cl.scheduled = false;
    if (cl.exited)
        return;
    Conn *c = cl.conn >= 0 ? &m_conns[size_t(cl.conn)] : nullptr;
    static const std::string noDb;
    const std::string &db = ss.db ? *ss.db : noDb;
    if (cl.pendingStmt < 0 && cl.rules.isCli())
        clientLine(cl, cl.rules.prompt(db) + st.sql, ClientState::Waiting);
    else if (cl.pendingStmt < 0)
        clientStateId(cl, ClientState::Waiting,
                      sqlId(cl.session, int(stmtIndex))); // an application has no terminal
    cl.busy = true;
    cl.ctrlC = 0;
    cl.stmtSentAt = m_now;
    cl.nextStmt = stmtIndex + 1;
    if (!c || !c->alive || c->socketClosed) {
        // The server end is gone (or was shut by KILL CONNECTION while idle): the write or the
        // read fails; the CLI reports it and reconnects (§1.1, §6.2 [LIVE]).
        int code = 2006;
        const std::string line = cl.rules.idleKilledNextError(code);
        if (cl.noConnection && cl.rules.isCli()) {
            // A reconnect already failed: the client knows it has no connection and tries again.
            cl.pendingStmt = int(stmtIndex);
            clientConnect(cl, true);
            return;
        }
        if (!cl.rules.isMariaDbClient())
            note("gone-2006-2013",
                 "the next statement after the server closed an idle connection fails here with "
                 "ERROR 2006 (server gone); depending on whether the client's write or read fails "
                 "first it could also be the lost-connection error, and kill.test accepts both.",
                 "服务器关闭空闲连接后，下一条语句在这里报 ERROR 2006（服务器已断开）；"
                 "取决于客户端先失败的是写还是读，也可能是“连接丢失”错误，kill.test 两者都接受。");
        clientLine(cl, line, ClientState::Lost);
        event(EventType::ClientError, c ? c->lane : -1, code);
        for (KillRecord &kr : m_res.kills) {
            if (c && kr.victimLane == c->lane && kr.clientError < 0 &&
                kr.type == KillType::Connection && kr.result == 0) {
                kr.clientError = m_now;
                kr.clientErrorCode = code;
            }
        }
        if (cl.rules.isCli() && st.kind != StatementKind::Quit) {
            cl.pendingStmt = int(stmtIndex);
            clientConnect(cl, true);
        } else {
            cl.busy = false;
            cl.exited = !cl.rules.isCli();
            if (cl.exited)
                clientState(cl, ClientState::Disconnected, line);
        }
        return;
    }
    if (st.kind == StatementKind::Quit && cl.rules.isCli())
        clientLine(cl, "Bye", ClientState::Disconnected);
    startStatement(*c, int(stmtIndex));
}

void EngineRun::clientResult(Client &cl, Conn &c)
{
    const StatementKind kind = c.stmt ? c.stmt->kind : StatementKind::Other;
    const TimeUs elapsedUs = m_now - cl.stmtSentAt;
    cl.busy = false;
    if (kind == StatementKind::Quit) {
        cl.exited = true;
        clientState(cl, ClientState::Disconnected, std::string());
        return;
    }
    if (c.replyCode != 0) {
        const std::string line = serverErrorLine(c.replyCode, c.replyArg, m_flavor);
        clientLine(cl, line, ClientState::Error);
        event(EventType::ClientError, c.lane, c.replyCode);
        for (int k : c.activeKills) {
            KillRecord &kr = m_res.kills[size_t(k)];
            if (kr.clientError < 0) {
                kr.clientError = m_now;
                kr.clientErrorCode = c.replyCode;
            }
        }
    } else if (!cl.rules.isCli()) {
        clientStateId(cl, ClientState::Prompt, 0);
    } else {
        const std::string elapsed = clientElapsed(elapsedUs);
        std::string line;
        if (kind == StatementKind::Select) {
            const int64_t rows = c.stmt->resultRows ? *c.stmt->resultRows : c.stmtRowsSent;
            line = rows == 0 ? "Empty set " + elapsed
                             : std::to_string(rows) +
                                   (rows == 1 ? " row in set " : " rows in set ") + elapsed;
        } else if (kind == StatementKind::Kill && c.killReplyRows >= 0) {
            line = "Query OK, " + std::to_string(c.killReplyRows) +
                   (c.killReplyRows == 1 ? " row affected " : " rows affected ") + elapsed;
        } else {
            const int64_t n = kind == StatementKind::Update || kind == StatementKind::Delete ||
                                      kind == StatementKind::Insert
                                  ? c.affected
                                  : 0;
            line = "Query OK, " + std::to_string(n) +
                   (n == 1 ? " row affected " : " rows affected ") + elapsed;
        }
        clientLine(cl, line, ClientState::Prompt);
        if (kind == StatementKind::Update)
            clientLine(cl,
                       "Rows matched: " + std::to_string(c.affected) +
                           "  Changed: " + std::to_string(c.affected) + "  Warnings: 0",
                       ClientState::Prompt);
    }
    cl.lastDone = m_now;
    // A KILL CONNECTION of oneself: the error arrives, then the connection is closed.
    if (c.killed == Killed::Connection)
        cl.knowsDead = true;
    clientScheduleNext(cl);
}

void EngineRun::clientLost(Client &cl)
{
    Conn &c = m_conns[size_t(cl.conn)];
    const std::string line = cl.rules.lostConnection();
    cl.busy = false;
    cl.knowsDead = true;
    event(EventType::ClientError, c.lane, 2013);
    // A paused client shows the error only when it reads again (see ClientResume).
    if (cl.reading)
        markClientError(c.lane, 2013);
    clientLine(cl, line, ClientState::Lost);
    cl.lastDone = m_now;
    clientScheduleNext(cl);
}

void EngineRun::clientCtrlC(Client &cl)
{
    if (cl.exited || cl.conn < 0)
        return;
    const ClientKind k = cl.rules.kind();
    Conn &c = m_conns[size_t(cl.conn)];
    event(EventType::CtrlC, c.lane, cl.busy ? 1 : 0);
    if (!cl.busy) {
        if (cl.rules.ctrlCAtIdleExits()) {
            clientLine(cl, "Ctrl-C -- exit!", ClientState::Disconnected);
            cl.exited = true;
            if (c.alive && !c.socketClosed) {
                // mysql_close() sends COM_QUIT: the server ends the connection normally.
                c.command = Command::Quit;
                closeSeg(c);
                c.work = {{WK::Disconnect}, {WK::TrxRollback}, {WK::Gone}};
                c.workPos = 0;
                c.serverIdle = false;
                ++c.gen;
                advance(c);
            }
            return;
        }
        clientLine(cl, "^C", ClientState::Prompt);
        return;
    }
    ++cl.ctrlC;
    KillType type = KillType::Query;
    if (cl.rules.escalatesSecondCtrlC() && cl.ctrlC >= 2)
        type = KillType::Connection;
    if (k == ClientKind::MySql56 && cl.ctrlC >= 3) {
        clientLine(cl, "Ctrl-C -- exit!", ClientState::Disconnected);
        cl.exited = true;
        c.clientGone = true;
        return;
    }
    if (k == ClientKind::MySql57)
        note("client-57",
             "the mysql 5.7 client is modelled like 8.0 (every Ctrl+C sends KILL QUERY); the exact "
             "5.7 minor version that dropped the 5.6 escalation is not known.",
             "这里把 mysql 5.7 客户端按 8.0 处理（每次 Ctrl+C 都发送 KILL QUERY）；具体从哪个 5.7 "
             "小版本起去掉了 5.6 的升级行为并不清楚。");
    // kill_query(): a second connection with the same credentials sends the KILL.
    const SessionSpec &ss = m_sc.sessions[size_t(cl.session)];
    const int64_t id = allocId(std::nullopt);
    const int ownerLane = c.lane; // newConn() may move m_conns: no Conn& survives it
    const int hi =
        newConn(-1, id,
                {"Ctrl+C helper of " + ss.label,
                 (ss.labelZh.empty() ? ss.label : ss.labelZh) + " 的 Ctrl+C 辅助连接"},
                ClientKind::Helper, ss.user, ss.host, ss.db.value_or(std::string()), ss.privileges);
    Conn &h = m_conns[size_t(hi)];
    h.helperFor = int(&cl - m_clients.data());
    h.helperKillType = type;
    h.helperPress = cl.ctrlC;
    ++cl.hold;
    m_res.lanes[size_t(h.lane)].order = m_res.lanes[size_t(ownerLane)].order;
    setWork(h, {{WK::Connect}, {WK::ConnReady}});
    advance(h);
}

void EngineRun::clientStopReading(Client &cl)
{
    cl.reading = false;
    if (cl.conn >= 0) {
        event(EventType::ClientStopReading, m_conns[size_t(cl.conn)].lane);
        if (!cl.exited)
            clientState(cl, ClientState::Paused, std::string("not reading"));
        Conn &c = m_conns[size_t(cl.conn)];
        const Step *s = currentStep(c);
        if (c.activity == Activity::Loop && s && s->send &&
            m_sc.sessions[size_t(cl.session)].quick) {
            const int64_t elapsed = m_now * 1000 - c.loopStartNs;
            const int64_t k = (elapsed < 0 ? 0 : elapsed / c.loopCostNs) + 1;
            if (c.loopBase + k < c.loopCount)
                scheduleConn(c, ceilDivNsToUs(c.loopStartNs + k * c.loopCostNs), EvKind::LoopBlock,
                             c.loopBase + k);
        }
    }
}

void EngineRun::clientResumeReading(Client &cl)
{
    cl.reading = true;
    if (cl.conn < 0)
        return;
    Conn &c = m_conns[size_t(cl.conn)];
    event(EventType::ClientResumeReading, c.lane);
    if (!cl.exited)
        clientState(cl, cl.busy ? ClientState::Waiting : ClientState::Prompt, std::string());
    auto pending = std::move(cl.pending);
    cl.pending.clear();
    for (auto &[line, st] : pending) {
        clientLine(cl, line, st);
        if (st == ClientState::Lost)
            markClientError(c.lane, 2013);
    }
    if (c.activity == Activity::Blocked && c.alive) {
        ++c.gen;
        const Step *s = currentStep(c);
        if (s) {
            if (killNoticeable(c)) {
                // Writing again: the row loop's next check sees the flag (§3.1).
            }
            startLoop(c, *s);
        }
    }
}

void EngineRun::helperReply(Conn &c)
{
    // A Ctrl+C helper connection: kill_query() prints into its owner's terminal, then closes.
    Client &owner = m_clients[size_t(c.helperFor)];
    const int64_t victimId = owner.conn >= 0 ? m_conns[size_t(owner.conn)].id : 0;
    const ClientKind k = owner.rules.kind();
    const bool verbose = m_sc.sessions[size_t(owner.session)].verbose;
    const std::string stmt = c.helperKillType == KillType::Query
                                 ? "KILL QUERY " + std::to_string(victimId)
                                 : "KILL " + std::to_string(victimId);
    std::vector<std::string> lines;
    if (k == ClientKind::MySql56) {
        lines.push_back("Ctrl-C -- sending \"" + stmt + "\" to server ...");
        lines.push_back("Ctrl-C -- query aborted.");
    } else if (k == ClientKind::MariaDb1011) {
        if (verbose)
            lines.push_back("Ctrl-C -- sending \"" + stmt + "\" to server ...");
        lines.push_back(c.helperKillType == KillType::Query ? "Ctrl-C -- query killed."
                                                            : "Ctrl-C -- connection killed.");
    } else {
        // The terminal echoes ^C, and the client's message itself starts with "^C".
        if (verbose)
            lines.push_back("^C^C -- sending \"" + stmt + "\" to server ...");
        lines.push_back(verbose ? "^C -- query aborted" : "^C^C -- query aborted");
    }
    if (owner.hold > 0)
        --owner.hold;
    for (const std::string &l : lines)
        clientLine(owner, l, ClientState::Waiting, true);
    if (owner.hold == 0)
        flushHeld(owner);
    c.work = {{WK::Disconnect}, {WK::Gone}};
    c.workPos = 0;
    advance(c);
}

} // namespace ks::sim::detail
