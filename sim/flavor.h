#pragma once

// Everything that differs between MySQL 5.7, MySQL 8.0 and MariaDB 10.11 (and between client
// versions), in one place, so the engine has no scattered "if MariaDB" string literals.
// Each rule cites its section of shared/reference/kill-semantics.md.

#include "scenario.h"
#include "types.h"

#include <string>
#include <string_view>

namespace ks::sim {

// Internal kill state; FlavorRules::killedValue() maps it to the server's enum value.
enum class Killed : uint8_t
{
    None,
    Query,
    Timeout,
    Connection
};

// Default processlist State for a step, before flavor overrides in the scenario.
enum class StageKey : uint8_t
{
    Starting,
    OpeningTables,
    SelectRows,
    UpdateRows,
    DeleteRows,
    InsertRows,
    UserSleep,
    MdlWait,
    Commit,
    StatementRollback,
    TrxRollback,
    SortTempFile,
    SortedSend, // sending a sorted result read back from filesort's files
    RemoveTmp,
    CopyToTmp,
    DdCommit,
    Cleanup,
    KillStatement
};

class FlavorRules
{
public:
    explicit FlavorRules(Flavor f)
        : m_flavor(f)
    {}

    Flavor flavor() const { return m_flavor; }
    std::string_view stage(StageKey key) const;
    std::string_view
    sendingState() const; // §4: "Sending to client" (MySQL) / "Writing to net" (MariaDB)
    std::string_view daemonState() const { return "Waiting on empty queue"; }

    // §3.2: the admission queue exists only in MySQL; 8.0 checks the kill flag after each sleep.
    bool hasAdmissionQueue() const { return isMySql(m_flavor); }
    bool queueChecksKill() const { return m_flavor == Flavor::MySql80; }
    // §2.1 step 2: only MySQL 8.0 has the DD kill immunizer.
    bool ddDefersKill() const { return m_flavor == Flavor::MySql80; }
    // §1.1 / §1.2: KILL QUERY of an idle thread is a no-op in MySQL, shows Killed in MariaDB.
    bool idleKillQuerySetsFlag() const { return isMariaDb(m_flavor); }
    // §4.2: MariaDB resets KILL QUERY before the statement rollback.
    bool resetKillQueryBeforeRollback() const { return isMariaDb(m_flavor); }
    // §4.1: MySQL hides a disconnecting thread (net.vio = nullptr before cleanup). UNVERIFIED.
    bool hidesDisconnectRollback() const { return isMySql(m_flavor); }
    // §4.1/4.2: Command = "Killed" for KILL_CONNECTION (MySQL) or any kill >= KILL_QUERY (MariaDB).
    bool showsKilled(Killed k) const;
    // §4: Time counts from the start of the last command (MySQL) or from its end when idle
    // (MariaDB).
    bool timeFromEndOfCommand() const { return isMariaDb(m_flavor); }
    // §7: KILL HARD/SOFT, KILL USER, KILL QUERY ID exist only in MariaDB.
    bool hasMariaDbKillSyntax() const { return isMariaDb(m_flavor); }
    // §7: SELECT SLEEP(n) alone returns 1 without an error on MySQL when KILL QUERY interrupts it.
    bool sleepAloneReturnsOnKill() const { return isMySql(m_flavor); }
    // §7: statement timeouts: MariaDB any statement (1969), MySQL read-only SELECT only (3024).
    bool timeoutAppliesTo(StatementKind kind) const;
    int timeoutError() const { return isMariaDb(m_flavor) ? 1969 : 3024; }
    // §1: error for a self-kill of the connection: MySQL 1317, MariaDB 1927.
    int selfKillConnectionError() const { return isMariaDb(m_flavor) ? 1927 : 1317; }
    // The numeric killed_state the server would show (§2.1 / §2.2).
    int killedValue(Killed k, bool hard) const;
    std::string_view killedName(Killed k, bool hard) const;

    // §10.4: after kill -9 and a start on the same datadir, MariaDB 10.11 accepted connections
    // again 2.5 s later (crash recovery, 1 GB buffer pool). MySQL is modelled the same
    // (UNVERIFIED).
    TimeUs restartRecoveryUs() const { return 2'500'000; }

    std::string_view serverName() const { return isMariaDb(m_flavor) ? "MariaDB" : "MySQL"; }

private:
    Flavor m_flavor;
};

// "ERROR 1317 (70100): Query execution was interrupted" and friends; arg fills %lu/%lld.
std::string serverErrorLine(int code, const std::string &arg, Flavor f);
std::string_view sqlState(int code);

// The client's elapsed time: the mysql client's "(2.51 sec)" / "(1 min 2.51 sec)"; the mariadb
// client prints milliseconds, "(2.514 sec)" / "(1 min 2.514 sec)" (seen from the mariadb 10.11
// client in lab mode: "Query OK, 0 rows affected (0.002 sec)").
std::string clientElapsed(TimeUs us, bool mariadbClient);

} // namespace ks::sim
