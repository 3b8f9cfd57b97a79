#pragma once

// A hand-built timeline telling the concurrency-queue story (MySQL 5.7), for GUI tests and
// screenshots. Times in µs.

#include "timeline.h"

namespace ks::demo {

inline constexpr qint64 ms = 1000;

inline void buildDemo(Timeline &t)
{
    auto S = [&](const char *s) { return t.intern(QString::fromUtf8(s)); };

    // 10 root: the operator's console, sends KILL QUERY 12 at 1.2 s.
    const int root = t.addSession(10, QStringLiteral("root"));
    t.setLaneStatement(root, QStringLiteral("KILL QUERY 12"));
    t.appendSegment(root, 0, 1200 * ms, SegmentState::Idle);
    t.appendSegment(root, 1200 * ms, 1203 * ms, SegmentState::Running, 0, S("KILL QUERY 12"));
    t.appendSegment(root, 1203 * ms, 4000 * ms, SegmentState::Idle);
    t.appendSegment(root + 1, 0, 1200 * ms, SegmentState::ClientPrompt, 0, S("mysql>"));
    t.appendSegment(root + 1, 1200 * ms, 1203 * ms, SegmentState::ClientWaiting);
    t.appendSegment(root + 1, 1203 * ms, 4000 * ms, SegmentState::ClientPrompt, 0,
                    S("Query OK, 0 rows affected (0.00 sec)"));

    // 11 app: a big UPDATE killed with KILL CONNECTION at 2.0 s; noticed at the next row,
    // then rolls back 240,000 rows.
    const int upd = t.addSession(11, QStringLiteral("app"));
    t.setLaneStatement(upd, QStringLiteral("UPDATE orders SET status='archived'"));
    t.appendSegment(upd, 0, 100 * ms, SegmentState::Idle);
    const int run = t.appendSegment(upd, 100 * ms, 2000 * ms, SegmentState::Running, 0,
                                    S("UPDATE orders SET status='archived'"));
    t.setSegmentExtra(upd, run, SegmentExtra{3, -1, -1});
    t.appendSegment(upd, 2000 * ms, 2060 * ms, SegmentState::IoWait, SegmentFlag::KillPending,
                    S("reading pages"));
    const int rb =
        t.appendSegment(upd, 2060 * ms, 3400 * ms, SegmentState::RollingBack, SegmentFlag::Killed);
    t.setSegmentExtra(upd, rb, SegmentExtra{0, 240000, 0});
    t.appendSegment(upd, 3400 * ms, 3500 * ms, SegmentState::Cleanup, SegmentFlag::Killed,
                    S("deleting temporary files"));
    t.appendSegment(upd, 3500 * ms, 4000 * ms, SegmentState::Gone);
    t.appendSegment(upd + 1, 0, 100 * ms, SegmentState::ClientPrompt, 0, S("mysql>"));
    t.appendSegment(upd + 1, 100 * ms, 2000 * ms, SegmentState::ClientWaiting);
    t.appendSegment(upd + 1, 2000 * ms, 2600 * ms, SegmentState::ClientError, 0,
                    S("ERROR 2013 (HY000): Lost connection to MySQL server during query"));
    t.appendSegment(upd + 1, 2600 * ms, 4000 * ms, SegmentState::ClientDisconnected, 0,
                    S("disconnected"));

    // 12 app: waits for an InnoDB seat; KILL QUERY at 1.2 s is only noticed when it gets one.
    const int q = t.addSession(12, QStringLiteral("app"));
    t.setLaneStatement(q, QStringLiteral("SELECT COUNT(*) FROM orders"));
    t.appendSegment(q, 0, 300 * ms, SegmentState::Idle);
    t.appendSegment(q, 300 * ms, 1200 * ms, SegmentState::QueueSleep, 0,
                    S("SELECT COUNT(*) FROM orders"));
    t.appendSegment(q, 1200 * ms, 2060 * ms, SegmentState::QueueSleep, SegmentFlag::KillPending,
                    S("SELECT COUNT(*) FROM orders"));
    t.appendSegment(q, 2060 * ms, 2100 * ms, SegmentState::Cleanup, SegmentFlag::Killed);
    t.appendSegment(q, 2100 * ms, 4000 * ms, SegmentState::Idle);
    t.appendSegment(q + 1, 0, 300 * ms, SegmentState::ClientPrompt, 0, S("mysql>"));
    t.appendSegment(q + 1, 300 * ms, 2100 * ms, SegmentState::ClientWaiting);
    t.appendSegment(q + 1, 2100 * ms, 4000 * ms, SegmentState::ClientError, 0,
                    S("ERROR 1317 (70100): Query execution was interrupted"));

    // 13 app: waits for a row lock of 11; the user presses Ctrl+C at 1.5 s.
    const int lw = t.addSession(13, QStringLiteral("app"));
    t.setLaneStatement(lw, QStringLiteral("UPDATE orders SET qty=0 WHERE id=7"));
    t.appendSegment(lw, 0, 500 * ms, SegmentState::Idle);
    t.appendSegment(lw, 500 * ms, 1503 * ms, SegmentState::RowLockWait, 0,
                    S("UPDATE orders SET qty=0 WHERE id=7"));
    t.appendSegment(lw, 1503 * ms, 4000 * ms, SegmentState::Idle);
    t.appendSegment(lw + 1, 0, 500 * ms, SegmentState::ClientPrompt, 0, S("mysql>"));
    t.appendSegment(lw + 1, 500 * ms, 1503 * ms, SegmentState::ClientWaiting);
    t.appendSegment(lw + 1, 1503 * ms, 4000 * ms, SegmentState::ClientError, 0,
                    S("ERROR 1317 (70100): Query execution was interrupted"));

    // 14: the mysql client's second connection for Ctrl+C.
    const int cc = t.addSession(14, QStringLiteral("app"), {}, false);
    t.setLaneLabel(cc, QStringLiteral("14  app (Ctrl+C)"));
    t.appendSegment(cc, 1500 * ms, 1502 * ms, SegmentState::Connecting);
    t.appendSegment(cc, 1502 * ms, 1503 * ms, SegmentState::Running, 0, S("KILL QUERY 13"));
    t.appendSegment(cc, 1503 * ms, 4000 * ms, SegmentState::Gone);

    // 15 app: ALTER TABLE waits for the metadata lock 11 holds.
    const int ddl = t.addSession(15, QStringLiteral("dba"));
    t.setLaneStatement(ddl, QStringLiteral("ALTER TABLE orders ADD COLUMN note TEXT"));
    t.appendSegment(ddl, 0, 800 * ms, SegmentState::Idle);
    t.appendSegment(ddl, 800 * ms, 3400 * ms, SegmentState::MdlWait, 0,
                    S("ALTER TABLE orders ADD COLUMN note TEXT"));
    t.appendSegment(ddl, 3400 * ms, 3900 * ms, SegmentState::Running, 0, S("copying to tmp table"));
    t.appendSegment(ddl, 3900 * ms, 4000 * ms, SegmentState::Idle);
    t.appendSegment(ddl + 1, 0, 800 * ms, SegmentState::ClientPrompt, 0, S("mysql>"));
    t.appendSegment(ddl + 1, 800 * ms, 3900 * ms, SegmentState::ClientWaiting);
    t.appendSegment(ddl + 1, 3900 * ms, 4000 * ms, SegmentState::ClientPrompt, 0, S("Query OK"));

    // 16 app: mysql --quick whose user stopped reading: the server blocks writing.
    const int snd = t.addSession(16, QStringLiteral("report"));
    t.setLaneStatement(snd, QStringLiteral("SELECT * FROM orders"));
    t.appendSegment(snd, 0, 200 * ms, SegmentState::Connecting);
    t.appendSegment(snd, 200 * ms, 900 * ms, SegmentState::Running, 0, S("SELECT * FROM orders"));
    t.appendSegment(snd, 900 * ms, 4000 * ms, SegmentState::SendingToClient, 0,
                    S("SELECT * FROM orders"));
    t.appendSegment(snd + 1, 0, 200 * ms, SegmentState::ClientPrompt);
    t.appendSegment(snd + 1, 200 * ms, 4000 * ms, SegmentState::ClientWaiting, 0,
                    S("paused (--quick, not reading)"));

    t.addSignal(
        {1200 * ms, root, q, SignalKind::KillQuery, SignalResult::Ok, S("KILL QUERY 12"), 0});
    t.addSignal(
        {1500 * ms, cc, lw, SignalKind::CtrlC, SignalResult::Ok, S("Ctrl+C → KILL QUERY 13"), 0});
    t.addSignal({2000 * ms, -1, upd, SignalKind::KillConnection, SignalResult::Ok,
                 S("KILL CONNECTION 11"), 0});
    t.addMarker({1503 * ms, lw, MarkerKind::FlagNoticed, 0});
    t.addMarker({2060 * ms, q, MarkerKind::FlagNoticed, S("got an InnoDB seat, checked the flag")});
    t.addMarker({2060 * ms, upd, MarkerKind::FlagNoticed, 0});
    t.addMarker({2000 * ms, upd + 1, MarkerKind::ErrorShown, 0});
    t.addMarker({3500 * ms, upd, MarkerKind::Gone, 0});
    t.squeeze();
}

// The cases the two painters used to disagree on: an idle session marked Killed (KILL CONNECTION
// on a session in Sleep), a thin-state segment with a pending kill, zero-length and sub-pixel
// segments, a killed rollback with stripes and separators, and a dense lane with more segments
// than pixel columns.
inline void buildEdgeCases(Timeline &t)
{
    auto S = [&](const char *s) { return t.intern(QString::fromUtf8(s)); };
    const int idle = t.addSession(21, QStringLiteral("app"));
    t.setLaneLabel(idle, QStringLiteral("21 idle, killed"));
    t.appendSegment(idle, 0, 1000 * ms, SegmentState::Idle, 0, S("idle in transaction"));
    t.appendSegment(idle, 1000 * ms, 1400 * ms, SegmentState::Idle, SegmentFlag::KillPending);
    t.appendSegment(idle, 1400 * ms, 2600 * ms, SegmentState::Idle, SegmentFlag::Killed);
    t.appendSegment(idle, 2600 * ms, 2600 * ms + 1, SegmentState::Running, SegmentFlag::Killed);
    t.appendSegment(idle, 2600 * ms + 1, 4000 * ms, SegmentState::Gone);
    t.appendSegment(idle + 1, 0, 4000 * ms, SegmentState::ClientPrompt, 0, S("mysql>"));

    const int rb = t.addSession(22, QStringLiteral("app"));
    t.appendSegment(rb, 0, 500 * ms, SegmentState::Running, 0, S("UPDATE t SET v=v+1"));
    t.appendSegment(rb, 500 * ms, 700 * ms, SegmentState::Running,
                    SegmentFlag::KillPending | SegmentFlag::Killed, S("UPDATE t SET v=v+1"));
    // A rollback that speeds up at 2 s: two pieces with their own counts.
    t.appendSegment(rb, 700 * ms, 2000 * ms, SegmentState::RollingBack, SegmentFlag::Killed,
                    S("statement rollback"), SegmentExtra{0, 832901, 545023});
    t.appendSegment(rb, 2000 * ms, 3100 * ms, SegmentState::RollingBack, SegmentFlag::Killed,
                    S("statement rollback"), SegmentExtra{0, 545023, 0});
    // Sub-pixel segments back to back.
    for (int i = 0; i < 40; ++i)
        t.appendSegment(rb, 3100 * ms + i * 500, 3100 * ms + i * 500 + 499,
                        i % 2 ? SegmentState::Cleanup : SegmentState::IoWait);
    t.appendSegment(rb, 3200 * ms, 4000 * ms, SegmentState::Gone);
    t.appendSegment(rb + 1, 0, 700 * ms, SegmentState::ClientWaiting);
    t.appendSegment(rb + 1, 700 * ms, 4000 * ms, SegmentState::ClientError, 0,
                    S("ERROR 2013 (HY000): Lost connection to MySQL server during query"));

    const int dense = t.addSession(23, QStringLiteral("batch"), {}, false);
    for (int i = 0; i < 20000; ++i)
        t.appendSegment(dense, i * 200, i * 200 + 150 + (i % 3) * 25, SegmentState(i % 7),
                        (i % 11) == 0 ? SegmentFlag::KillPending : 0);

    t.addSignal({1000 * ms, -1, idle, SignalKind::KillConnection, SignalResult::Ok,
                 S("KILL CONNECTION 21"), 0});
    t.addSignal({500 * ms, -1, rb, SignalKind::KillConnection, SignalResult::Ok,
                 S("KILL CONNECTION 22"), 0});
    t.addMarker({1400 * ms, idle, MarkerKind::FlagNoticed, 0});
    t.addMarker({700 * ms, rb, MarkerKind::FlagNoticed, 0});
    t.squeeze();
}

} // namespace ks::demo
