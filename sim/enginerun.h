#pragma once

// EngineRun: one simulation run (internal to sim/; Engine::run is the public face). One class whose
// member functions live in rooms, one file each, so a fix has an obvious place:
//
//   engine.cpp     the event loop and the thread state machine: set-up, event dispatch, a
//                  thread's work items, steps, statements, reply, idle, gone, connections
//   locks.cpp      row locks and metadata locks: grants, waits, wake-ups, release at trx end
//   admission.cpp  the InnoDB admission queue (innodb_thread_concurrency): seats and pollers
//   iorollback.cpp the row loop and its undo log, statement and transaction rollback; the one
//                  I/O device is a small class of its own (iodevice.h)
//   killpath.cpp   KILL: the statement, awake(), check points (wake, notice), deferral,
//                  timeouts, the closed socket
//   clients.cpp    the programs at the other end: mysql/mariadb CLIs, applications, Ctrl+C
//   restart.cpp    the server restarted (kill -9 and start): every thread ends, crash recovery,
//                  the background rollback of the recovered transactions
//   runoutput.cpp  what the run records: strings, lane segments, processlist records,
//                  narration notes, and the final RunResult
//
// Everything is single-threaded and driven by one priority queue ordered by (time, sequence
// number), which is what makes runs reproducible to the byte.
//
// Invariants:
// - m_now only grows; an event scheduled for "now" runs after the events already queued for now;
// - a Conn's scheduled events carry its generation (gen); bumping gen cancels them all, so at most
//   one continuation of a thread is live at any time (timeouts are separate and re-checked);
// - every lock grant is recorded as a LockInterval, every release closes it;
// - no Conn& is held across newConn() (m_conns may reallocate).

#include "enginetypes.h"
#include "iodevice.h"

#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace ks::sim::detail {

class EngineRun
{
public:
    EngineRun(const Scenario &sc, const RunOptions &opt);

    RunResult run();

private:
    const Scenario &m_sc;
    Flavor m_flavor;
    FlavorRules m_rules;
    ServerConfig m_cfg;
    std::optional<TimeUs> m_until;
    uint64_t m_maxEvents = 0;
    RunResult m_res;
    TimeUs m_now = 0;
    uint64_t m_seq = 0;
    EventQueue m_queue;
    std::vector<Conn> m_conns;
    std::vector<Client> m_clients;
    std::unordered_map<std::string, StringId, StringHash, std::equal_to<>> m_intern;
    std::vector<int> m_rowLockOfString; // StringId of a row-lock key -> m_rowLocks index, -1 none
    std::vector<RowLock> m_rowLocks;
    std::unordered_map<std::string, std::pair<int, std::vector<int>>> m_rowLockTables;
    std::unordered_map<StringId, MdlLock> m_mdl;
    std::vector<MdlLock *> m_mdlOfString; // StringId -> its m_mdl entry (nodes do not move)
    std::map<int64_t, int> m_idToConn;
    std::set<int64_t> m_reservedIds; // explicit session ids (see allocId)
    int64_t m_nextId = 10;
    uint64_t m_nextQueryId = 100;
    int m_operator = -1;
    IoDevice m_io;
    // admission queue
    int m_concurrency = 0;
    int m_active = 0;
    int m_waiting = 0;
    TimeUs m_sleepDelay = 10'000;
    TimeUs m_lastActivity = 0;
    std::vector<std::string> m_notesDone;
    std::vector<Step> m_rehashSteps;
    // restart (restart.cpp)
    struct Recovered
    {
        int session = -1;
        int ownerLane = -1;
        Text label;
        std::string user;
        std::string host;
        std::vector<UndoChunk> undo;
        int64_t undoRows = 0;
        std::vector<int> rowLocks;
        std::vector<int> rowLockIntervals;
        std::vector<int64_t> rowLockUndoPos;
        std::vector<uint8_t> rowLockAsked;
        std::vector<int> kills; // kill records that end when this rollback ends
    };
    bool m_serverDown = false;
    TimeUs m_serverUpAt = 0;
    bool m_restartInjected = false; // the restart in progress is a user's what-if
    std::vector<Recovered> m_recovering;
    int64_t m_operatorId = 0;
    std::array<StringId, 32> m_stageIds{};
    std::unordered_map<const char *, StringId> m_literals;
    StringId m_emptyId = 0;
    // Per session: the statement whose text was interned last, and its id (a statement's text is
    // asked for when the client sends it and again when the server starts it).
    std::vector<std::pair<int, StringId>> m_lastSqlId;
    InternCache m_mdlTableCache;
    std::array<InternCache, 4> m_sqlMemo;
    size_t m_sqlMemoNext = 0;

    // ---- the event loop (engine.cpp) --------------------------------------------------------
    void schedule(TimeUs t, EvKind kind, uint32_t target, uint32_t gen, int64_t arg = 0)
    {
        const size_t lane = t == m_now                  ? LaneNow
                            : kind == EvKind::QueueWake ? LaneQueueWake
                                                        : kQueueLanes;
        m_queue.push(QEvent{t, (m_seq++ << 8) | uint64_t(kind), arg, target, gen}, lane);
    }
    void scheduleConn(Conn &c, TimeUs t, EvKind kind, int64_t arg = 0)
    {
        schedule(t, kind, uint32_t(&c - m_conns.data()), c.gen, arg);
    }
    int connIndex(const Conn &c) const { return int(&c - m_conns.data()); }
    void handle(const QEvent &e);
    void applySet(const Action &a);

    // ---- the thread state machine (engine.cpp) ----------------------------------------------
    // Work lists are rebuilt for every statement: reuse the conn's buffer.
    void setWork(Conn &c, std::initializer_list<Work> w)
    {
        c.work.assign(w);
        c.workPos = 0;
    }
    std::vector<Work> &beginWork(Conn &c)
    {
        c.work.clear();
        c.workPos = 0;
        return c.work;
    }
    void finishWork(Conn &c)
    {
        ++c.workPos;
        advance(c);
    }
    void advance(Conn &c);
    void startStep(Conn &c, const Step &step);
    void rowsContinue(Conn &c, const Step &step);
    void startStatement(Conn &c, int stmtIndex);
    void succeedStatement(Conn &c);
    void abortStatement(Conn &c, int code, bool connectionEnds);
    void reply(Conn &c);
    void goIdle(Conn &c);
    void goGone(Conn &c);
    const Step *currentStep(const Conn &c) const
    {
        if (c.workPos < c.work.size() && c.work[c.workPos].kind == WK::Step && c.stmt)
            return &c.stmt->steps[size_t(c.work[c.workPos].idx)];
        if (c.workPos < c.work.size() && c.work[c.workPos].kind == WK::Rehash)
            return &m_rehashSteps[size_t(c.work[c.workPos].idx)];
        return nullptr;
    }
    // connections
    // `label` is {en, zh_CN}; an empty zh_CN means the English one.
    int newConn(int session, int64_t id, const Text &label, ClientKind kind,
                const std::string &user, const std::string &host, const std::string &db,
                uint8_t privileges);
    int64_t allocId(std::optional<int64_t> wanted);

    // ---- row locks and metadata locks (locks.cpp) -------------------------------------------
    // Phase 1 of a rows step: takes its row locks in order; false = it waits for one.
    bool takeRowLocks(Conn &c, const Step &s);
    int rowLockEntry(StringId key, const std::string &text);
    int rowLockConflict(int li, int me) const;
    void grantRowLocks(int lockIdx);
    void lockWaitTimeout(Conn &c);
    // m_mdl[table] (created on first use), without hashing on every statement.
    MdlLock &mdlLock(StringId table)
    {
        if (table < m_mdlOfString.size() && m_mdlOfString[table])
            return *m_mdlOfString[table];
        MdlLock &l = m_mdl[table];
        if (table >= m_mdlOfString.size())
            m_mdlOfString.resize(std::max<size_t>(table + 1, m_mdlOfString.size() * 2), nullptr);
        m_mdlOfString[table] = &l;
        return l;
    }
    bool tryMdl(Conn &c, StringId table, MdlMode mode, bool enqueue);
    bool mdlGrantable(const MdlLock &l, const Conn &c, StringId table, MdlMode mode,
                      int exclusiveAhead) const;
    void grantMdl(StringId table);
    // A noticed kill ends the thread's row-lock or MDL wait.
    void leaveLockWaits(Conn &c);
    void releaseTrx(Conn &c);
    // A recovered transaction's rollback has undone every row of some of its locks: those locks
    // (implicit in InnoDB after recovery) are free, unless somebody asked for them meanwhile.
    void releaseUndoneRowLocks(Conn &c);

    // ---- the InnoDB admission queue (admission.cpp) -----------------------------------------
    // Phase 0 of a rows step: true = the thread has a seat (or needs none), false = it queues.
    bool admit(Conn &c);
    void queueWake(Conn &c);
    void leaveQueue(Conn &c);
    void releaseSeat(Conn &c);
    void setConcurrency(const Action &a);

    // ---- the row loop, the I/O device and rollback (iorollback.cpp) ------------------------
    void startLoop(Conn &c, const Step &step);
    void stopLoop(Conn &c, int64_t rowsDone);
    int64_t loopRowsAt(const Conn &c, TimeUs t) const
    {
        const int64_t elapsed = t * 1000 - c.loopStartNs;
        int64_t n = elapsed <= 0 ? 0 : elapsed / c.loopCostNs;
        return std::min(c.loopCount, c.loopBase + n);
    }
    void startRollback(Conn &c, bool wholeTrx, StageKey stage);
    void rollbackNextChunk(Conn &c);
    void rollbackChunkDone(Conn &c);
    int64_t rollbackRemainingAt(const Conn &c, TimeUs t) const
    {
        const int64_t elapsed = t * 1000 - c.loopStartNs;
        int64_t n = elapsed <= 0 ? 0 : elapsed / c.loopCostNs;
        n = std::min(n, c.rbRemaining);
        return c.undoRows - n;
    }
    void setIoPressure(const Action &a);
    void rerateLoops();

    // ---- KILL, check points, deferral, timeouts (killpath.cpp) ------------------------------
    int executeKill(Conn &killer, const KillSpec &spec, KillSource source, const std::string &label,
                    int &rowsAffected);
    // The killer's own KILL statement: a short Query that sets the victim's flag and returns at
    // once (reference §9.1). `info` gives its Info text, read after the kill was carried out.
    void runKillStatement(Conn &c, const KillSpec &spec, KillSource source,
                          const std::function<std::string()> &info);
    bool awake(Conn &victim, Killed k, bool hard, int killIdx, bool self);
    void wake(Conn &c);
    void notice(Conn &c);
    bool killNoticeable(const Conn &c) const { return c.killed != Killed::None && c.killPending; }
    std::string killLabel(const KillSpec &spec, int64_t resolvedId) const;
    void closeSocket(Conn &c);
    void operatorKill(const QEvent &e);
    void statementTimeout(Conn &c, uint32_t serial);
    // The end of a `dd` step: MySQL 8.0 replays the kill its immunizer saved.
    void ddStepDone(Conn &c);

    // ---- clients (clients.cpp) --------------------------------------------------------------
    void clientLine(Client &cl, const std::string &text, ClientState after,
                    bool bypassHold = false);
    void flushHeld(Client &cl);
    // The victim's client shows a 2013 now: record it in the kills aimed at that lane.
    void markClientError(int lane, int code);
    void clientState(Client &cl, ClientState st, const std::string &text);
    void clientStateId(Client &cl, ClientState st, StringId text);
    void clientConnect(Client &cl, bool reconnect);
    void clientReady(Client &cl);
    void clientScheduleNext(Client &cl);
    void clientSend(Client &cl, size_t stmt);
    void clientResult(Client &cl, Conn &c);
    void clientLost(Client &cl);
    void clientCtrlC(Client &cl);
    void clientStopReading(Client &cl);
    void clientResumeReading(Client &cl);
    // A Ctrl+C helper connection's answer: kill_query() prints into its owner's terminal.
    void helperReply(Conn &c);

    // ---- the server restarted (restart.cpp) --------------------------------------------------
    // `injected`: the user's what-if (Action::injected); its events are then not the author's.
    void restartServer(bool injected);
    void serverUp();
    // The thread ends with the server process: no cleanup, no reply, no rollback (crash recovery
    // does that later for what it left behind).
    void crashConn(Conn &c, Recovered *keep);
    // The client's connection died with the server.
    void clientServerGone(Client &cl);
    // A connection attempt while the server is down is refused (2002/2003).
    void clientRefused(Client &cl, bool reconnect);
    // The operator connection (KillScope's own), created at the start and again after a restart.
    void newOperatorConn();

    // ---- what the run records (runoutput.cpp) -----------------------------------------------
    StringId intern(std::string_view s)
    {
        if (s.empty())
            return internEmpty();
        auto it = m_intern.find(s);
        if (it != m_intern.end())
            return it->second;
        const auto id = StringId(m_res.strings.size());
        m_res.strings.emplace_back(s);
        m_intern.emplace(std::string(s), id);
        return id;
    }
    StringId internCached(InternCache &cache, const std::string &s)
    {
        if (cache.valid && cache.text == s)
            return cache.id;
        cache.id = intern(s);
        cache.text = s;
        cache.valid = true;
        return cache.id;
    }
    StringId internEmpty()
    {
        // Id 0 is NULL; an empty-but-not-NULL string gets its own id.
        if (m_emptyId == 0) {
            m_emptyId = StringId(m_res.strings.size());
            m_res.strings.emplace_back();
        }
        return m_emptyId;
    }
    // Interned string literal, cached by address.
    StringId lit(const char *s)
    {
        auto it = m_literals.find(s);
        if (it != m_literals.end())
            return it->second;
        const StringId id = intern(s);
        m_literals.emplace(s, id);
        return id;
    }
    // Interned processlist stage for `key` in this flavor (cached: asked for on every step).
    StringId stageId(StageKey key)
    {
        StringId &id = m_stageIds[size_t(key)];
        if (id == 0)
            id = intern(m_rules.stage(key));
        return id;
    }
    StringId stageId(const Step *step, StageKey key)
    {
        if (step)
            if (const std::string *text = step->stage.forFlavor(m_flavor))
                return intern(*text);
        return stageId(key);
    }
    // The statement text of session s, statement i, interned.
    StringId sqlId(int session, int stmt);
    void event(EventType type, int lane, int64_t a = 0, int64_t b = 0)
    {
        Event e;
        e.t = m_now;
        e.lane = lane;
        e.type = type;
        e.a = a;
        e.b = b;
        m_res.events.push_back(e);
    }
    // An engine narration step for UNVERIFIED modelling, once per key and run.
    void note(const std::string &key, const std::string &en, const std::string &zh);
    uint8_t laneFlags(const Conn &c) const;
    int32_t clampRows(int64_t v) const { return v > INT32_MAX ? INT32_MAX : int32_t(v); }
    void closeSeg(Conn &c, int64_t rowsEnd = -1);
    void openSeg(Conn &c, LaneState state, StringId detail, int32_t checkNs = -1,
                 int32_t checkFirstNs = 0, int64_t rowsStart = -1, uint8_t extraFlags = 0);
    // Rows shown at the current instant for the open segment (loop or rollback), -1 if none.
    int64_t currentSegRows(const Conn &c) const;
    // Re-open the current segment with fresh flags (kill flag set, socket closed, hidden).
    void refreshFlags(Conn &c);
    // A processlist record of the thread's state now (only when something visible changed).
    void pushPl(Conn &c);
    void finalize();
    void resolveNarration();
};

StageKey rowsStage(const Statement *st);

// A scenario with branches: one run per branch, merged side by side (branches.cpp).
RunResult runBranches(const Scenario &sc, const RunOptions &opt);

} // namespace ks::sim::detail
