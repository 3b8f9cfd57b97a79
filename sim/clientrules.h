#pragma once

// What the program at the other end of a connection prints and does: the MySQL 5.6/5.7/8.0 and
// MariaDB command-line clients (Ctrl+C escalation, prompts) and the client libraries' error texts
// (libmysqlclient vs Connector/C). shared/reference/kill-semantics.md §1.1, §1.2, §6.
//
// Invariant: kind() is never ClientKind::Cli (it is resolved against the server flavor).

#include "types.h"

#include <string>

namespace ks::sim {

class ClientRules
{
public:
    // Resolves ClientKind::Cli to the flavor's own client.
    ClientRules(ClientKind kind, Flavor serverFlavor);

    ClientKind kind() const { return m_kind; }
    bool isCli() const;
    bool isMariaDbClient() const { return m_kind == ClientKind::MariaDb1011; }
    // §6.1: 5.6-style (and MariaDB) escalate the 2nd Ctrl+C to KILL CONNECTION; 8.0 never does.
    bool escalatesSecondCtrlC() const
    {
        return m_kind == ClientKind::MySql56 || m_kind == ClientKind::MariaDb1011;
    }
    bool ctrlCAtIdleExits() const { return m_kind == ClientKind::MySql56; }
    // 2013 / 2006 texts differ: "MySQL server" vs "server".
    std::string lostConnection() const; // "ERROR 2013 (HY000): Lost connection to ..."
    std::string goneAway() const;       // "ERROR 2006 (HY000): ... has gone away"
    // Nothing listens (the server is down, recovering): the socket or the port refuses (111).
    // `code` is set to 2002 (local socket) or 2003 (TCP).
    std::string connectRefused(const std::string &host, int &code) const;
    // The error that the next statement of a killed idle connection gets (§1.1/1.2).
    std::string idleKilledNextError(int &code) const;
    std::string prompt(const std::string &db) const;

private:
    ClientKind m_kind;
};

} // namespace ks::sim
