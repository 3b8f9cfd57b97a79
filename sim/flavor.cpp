#include "flavor.h"

#include <cstdio>

namespace ks::sim {

std::string_view flavorId(Flavor f)
{
    switch (f) {
    case Flavor::MySql57:
        return "mysql-5.7";
    case Flavor::MySql80:
        return "mysql-8.0";
    case Flavor::MariaDb1011:
        return "mariadb-10.11";
    }
    return "?";
}

bool parseFlavor(std::string_view id, Flavor &out)
{
    for (int i = 0; i < kFlavorCount; ++i) {
        if (flavorId(Flavor(i)) == id) {
            out = Flavor(i);
            return true;
        }
    }
    return false;
}

std::string_view clientKindId(ClientKind k)
{
    switch (k) {
    case ClientKind::Cli:
        return "cli";
    case ClientKind::MySql56:
        return "mysql-5.6";
    case ClientKind::MySql57:
        return "mysql-5.7";
    case ClientKind::MySql80:
        return "mysql-8.0";
    case ClientKind::MariaDb1011:
        return "mariadb-10.11";
    case ClientKind::App:
        return "app";
    case ClientKind::Helper:
        return "ctrl-c-helper";
    case ClientKind::Operator:
        return "operator";
    case ClientKind::Daemon:
        return "daemon";
    }
    return "?";
}

std::string_view laneStateId(LaneState s)
{
    switch (s) {
    case LaneState::Connecting:
        return "connecting";
    case LaneState::Running:
        return "running";
    case LaneState::RowLockWait:
        return "row-lock-wait";
    case LaneState::MdlWait:
        return "mdl-wait";
    case LaneState::TableLockWait:
        return "table-lock-wait";
    case LaneState::InnodbQueue:
        return "innodb-queue";
    case LaneState::IoWait:
        return "io-wait";
    case LaneState::SendBlocked:
        return "send-blocked";
    case LaneState::UserSleep:
        return "user-sleep";
    case LaneState::Idle:
        return "idle";
    case LaneState::RollingBack:
        return "rolling-back";
    case LaneState::Cleanup:
        return "cleanup";
    case LaneState::DdImmune:
        return "dd-immune";
    case LaneState::Gone:
        return "gone";
    }
    return "?";
}

std::string_view clientStateId(ClientState s)
{
    switch (s) {
    case ClientState::None:
        return "none";
    case ClientState::Connecting:
        return "connecting";
    case ClientState::Prompt:
        return "prompt";
    case ClientState::Waiting:
        return "waiting";
    case ClientState::Receiving:
        return "receiving";
    case ClientState::Paused:
        return "paused";
    case ClientState::Error:
        return "error";
    case ClientState::Lost:
        return "lost";
    case ClientState::Disconnected:
        return "disconnected";
    }
    return "?";
}

namespace {
constexpr std::string_view kEventIds[kEventTypeCount] = {"connect",
                                                         "statement_start",
                                                         "statement_end",
                                                         "kill_issued",
                                                         "kill_result",
                                                         "kill_deferred",
                                                         "kill_replayed",
                                                         "kill_noticed",
                                                         "socket_closed",
                                                         "client_error",
                                                         "lock_wait",
                                                         "lock_granted",
                                                         "mdl_wait",
                                                         "mdl_granted",
                                                         "queue_wait",
                                                         "queue_sleep",
                                                         "seat_granted",
                                                         "seat_released",
                                                         "rollback_start",
                                                         "rollback_end",
                                                         "tempfile_create",
                                                         "tempfile_delete",
                                                         "thread_gone",
                                                         "ctrl_c",
                                                         "client_stop_reading",
                                                         "client_resume_reading",
                                                         "set_global",
                                                         "timeout",
                                                         "note",
                                                         "server_down",
                                                         "server_up"};
}

std::string_view eventTypeId(EventType t)
{
    const auto i = size_t(t);
    return i < size_t(kEventTypeCount) ? kEventIds[i] : "?";
}

bool parseEventType(std::string_view id, EventType &out)
{
    for (int i = 0; i < kEventTypeCount; ++i) {
        if (kEventIds[i] == id) {
            out = EventType(i);
            return true;
        }
    }
    return false;
}

std::string_view FlavorRules::stage(StageKey key) const
{
    const bool m57 = m_flavor == Flavor::MySql57;
    const bool m80 = m_flavor == Flavor::MySql80;
    const bool mdb = isMariaDb(m_flavor);
    switch (key) {
    case StageKey::Starting:
        return m57 ? "init" : "starting";
    case StageKey::OpeningTables:
        return "Opening tables";
    case StageKey::SelectRows:
        return m80 ? "executing" : "Sending data";
    case StageKey::UpdateRows:
    case StageKey::DeleteRows:
        return mdb ? "Updating" : "updating";
    case StageKey::InsertRows:
        return mdb ? "Update" : "update";
    case StageKey::UserSleep:
        return "User sleep";
    case StageKey::MdlWait:
        return "Waiting for table metadata lock";
    case StageKey::Commit:
        return mdb ? "Commit" : (m80 ? "waiting for handler commit" : "query end");
    // §4.1: MySQL has no rollback stage; the statement rollback runs under "query end".
    case StageKey::StatementRollback:
        return mdb ? "Rollback" : "query end";
    // §4.1/§8 Demo C: MariaDB "Rollback"; MySQL's disconnect-time rollback has no stage of its own.
    case StageKey::TrxRollback:
        return mdb ? "Rollback" : "";
    case StageKey::SortTempFile:
        return m80 ? "executing" : "Creating sort index";
    // MariaDB sets no stage after filesort: the rows go out under its stage (lab mode, 10.11:
    // `Query | Creating sort index` in every sample until the statement ended). MySQL keeps the
    // select's stage here.
    case StageKey::SortedSend:
        return mdb ? "Creating sort index" : m80 ? "executing" : "Sending data";
    case StageKey::RemoveTmp:
        return "removing tmp table";
    case StageKey::CopyToTmp:
        return "copy to tmp table";
    // MariaDB spells it with a capital R (lab mode, 10.11; kill-semantics.md §10.2).
    case StageKey::DdCommit:
        return m80   ? "committing alter table to storage engine"
               : mdb ? "Rename result table"
                     : "rename result table";
    case StageKey::Cleanup:
        return mdb ? "Reset for next command" : "cleaning up";
    case StageKey::KillStatement:
        return m57 ? "init" : "starting";
    }
    return "";
}

std::string_view FlavorRules::sendingState() const
{
    return isMariaDb(m_flavor) ? "Writing to net" : "Sending to client";
}

bool FlavorRules::showsKilled(Killed k) const
{
    if (isMariaDb(m_flavor))
        return k != Killed::None;
    return k == Killed::Connection;
}

bool FlavorRules::timeoutAppliesTo(StatementKind kind) const
{
    if (isMariaDb(m_flavor))
        return kind != StatementKind::Kill && kind != StatementKind::Quit;
    return kind == StatementKind::Select;
}

int FlavorRules::killedValue(Killed k, bool hard) const
{
    if (isMariaDb(m_flavor)) {
        // sql_class.h L616: bit 0 is the HARD bit.
        const int h = hard ? 1 : 0;
        switch (k) {
        case Killed::None:
            return 0;
        case Killed::Query:
            return 4 | h;
        case Killed::Timeout:
            return 8 | h;
        case Killed::Connection:
            return 12 | h;
        }
        return 0;
    }
    // MySQL: the enum values are error numbers (sql_class.h L2642).
    switch (k) {
    case Killed::None:
        return 0;
    case Killed::Query:
        return 1317;
    case Killed::Timeout:
        return 3024;
    case Killed::Connection:
        return 1053;
    }
    return 0;
}

std::string_view FlavorRules::killedName(Killed k, bool hard) const
{
    if (isMariaDb(m_flavor)) {
        switch (k) {
        case Killed::None:
            return "NOT_KILLED";
        case Killed::Query:
            return hard ? "KILL_QUERY_HARD" : "KILL_QUERY";
        case Killed::Timeout:
            return hard ? "KILL_TIMEOUT_HARD" : "KILL_TIMEOUT";
        case Killed::Connection:
            return hard ? "KILL_CONNECTION_HARD" : "KILL_CONNECTION";
        }
    }
    switch (k) {
    case Killed::None:
        return "NOT_KILLED";
    case Killed::Query:
        return "KILL_QUERY";
    case Killed::Timeout:
        return "KILL_TIMEOUT";
    case Killed::Connection:
        return "KILL_CONNECTION";
    }
    return "";
}

std::string_view sqlState(int code)
{
    switch (code) {
    case 1317:
    case 1969:
    case 1927:
        return "70100";
    case 1053:
        return "08S01";
    case 1064:
        return "42000";
    default:
        return "HY000";
    }
}

std::string serverErrorLine(int code, const std::string &arg, Flavor f)
{
    std::string text;
    switch (code) {
    case 1053:
        text = "Server shutdown in progress";
        break;
    case 1094:
        text = "Unknown thread id: " + arg;
        break;
    case 1095:
        text = arg.find('@') != std::string::npos ? "Operation KILL USER failed for " + arg
                                                  : "You are not owner of thread " + arg;
        break;
    case 1317:
        text = "Query execution was interrupted";
        break;
    case 3024:
        text = "Query execution was interrupted, maximum statement execution time exceeded";
        break;
    case 1969:
        text = "Query execution was interrupted (max_statement_time exceeded)";
        break;
    case 1927:
        text = "Connection was killed";
        break;
    case 1957:
        text = "Unknown query id: " + arg;
        break;
    case 1979:
        text = "You are not owner of query " + arg;
        break;
    case 1205:
        text = "Lock wait timeout exceeded; try restarting transaction";
        break;
    case 1161:
        text = "Got timeout writing communication packets";
        break;
    case 1064:
        text = isMariaDb(f)
                   ? "You have an error in your SQL syntax; check the manual that corresponds to "
                     "your MariaDB server version for the right syntax to use near '" +
                         arg + "' at line 1"
                   : "You have an error in your SQL syntax; check the manual that corresponds to "
                     "your MySQL server version for the right syntax to use near '" +
                         arg + "' at line 1";
        break;
    default:
        text = "error " + std::to_string(code);
        break;
    }
    return "ERROR " + std::to_string(code) + " (" + std::string(sqlState(code)) + "): " + text;
}

std::string clientElapsed(TimeUs us, bool mariadbClient)
{
    // client/mysql.cc nice_time(): whole minutes, then seconds with two decimals in MySQL's
    // client, three in MariaDB's.
    const int64_t unit = mariadbClient ? 1000 : 10000; // µs per last digit
    const int64_t perSecond = 1'000'000 / unit;
    const int64_t ticks = (us + unit / 2) / unit;
    const int64_t minutes = ticks / (60 * perSecond);
    const int64_t rest = ticks % (60 * perSecond);
    const int digits = mariadbClient ? 3 : 2;
    char buf[64];
    if (minutes > 0)
        std::snprintf(buf, sizeof buf, "(%lld min %lld.%0*lld sec)", (long long)minutes,
                      (long long)(rest / perSecond), digits, (long long)(rest % perSecond));
    else
        std::snprintf(buf, sizeof buf, "(%lld.%0*lld sec)", (long long)(rest / perSecond), digits,
                      (long long)(rest % perSecond));
    return buf;
}

} // namespace ks::sim
