#include "clientrules.h"

namespace ks::sim {

ClientRules::ClientRules(ClientKind kind, Flavor serverFlavor)
    : m_kind(kind)
{
    if (kind == ClientKind::Cli) {
        switch (serverFlavor) {
        case Flavor::MySql57:
            m_kind = ClientKind::MySql57;
            break;
        case Flavor::MySql80:
            m_kind = ClientKind::MySql80;
            break;
        case Flavor::MariaDb1011:
            m_kind = ClientKind::MariaDb1011;
            break;
        }
    }
    // Helpers and the operator speak through the server flavor's own library.
    if (kind == ClientKind::App || kind == ClientKind::Helper || kind == ClientKind::Operator) {
        // The library texts follow the connector; an app on MariaDB uses Connector/C.
        m_kind = kind;
    }
}

bool ClientRules::isCli() const
{
    return m_kind == ClientKind::MySql56 || m_kind == ClientKind::MySql57 ||
           m_kind == ClientKind::MySql80 || m_kind == ClientKind::MariaDb1011;
}

std::string ClientRules::lostConnection() const
{
    // libmysql/errmsg.cc vs libmariadb/ma_errmsg.c (§1.2): Connector/C drops the word "MySQL".
    return m_kind == ClientKind::MariaDb1011
               ? "ERROR 2013 (HY000): Lost connection to server during query"
               : "ERROR 2013 (HY000): Lost connection to MySQL server during query";
}

std::string ClientRules::goneAway() const
{
    return m_kind == ClientKind::MariaDb1011 ? "ERROR 2006 (HY000): Server has gone away"
                                             : "ERROR 2006 (HY000): MySQL server has gone away";
}

std::string ClientRules::connectRefused(const std::string &host, int &code) const
{
    // libmysql/errmsg.cc CR_CONNECTION_ERROR / CR_CONN_HOST_ERROR, libmariadb's without "MySQL";
    // 111 = ECONNREFUSED; the Debian default socket paths.
    const bool mdb = m_kind == ClientKind::MariaDb1011;
    if (host.empty() || host == "localhost") {
        code = 2002;
        return mdb ? "ERROR 2002 (HY000): Can't connect to local server through socket "
                     "'/run/mysqld/mysqld.sock' (111)"
                   : "ERROR 2002 (HY000): Can't connect to local MySQL server through socket "
                     "'/var/run/mysqld/mysqld.sock' (111)";
    }
    code = 2003;
    return mdb ? "ERROR 2003 (HY000): Can't connect to server on '" + host + "' (111)"
               : "ERROR 2003 (HY000): Can't connect to MySQL server on '" + host + ":3306' (111)";
}

std::string ClientRules::idleKilledNextError(int &code) const
{
    // kill.test accepts 2006 or 2013 "depending on the timing of close of the connection socket";
    // MariaDB's client was seen printing 2006 [LIVE]. For MySQL clients 2006 is modelled too.
    code = 2006;
    return goneAway();
}

std::string ClientRules::prompt(const std::string &db) const
{
    if (m_kind == ClientKind::MariaDb1011)
        return "MariaDB [" + (db.empty() ? std::string("(none)") : db) + "]> ";
    return "mysql> ";
}

} // namespace ks::sim
