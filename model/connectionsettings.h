#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

class QSqlDatabase;

namespace ks {

// How to reach one server, as the mysql client understands it (host/port or a unix socket,
// user, password, TLS, connect timeout, default database).
//
// Invariants: a non-empty socket means "unix socket" and wins over host/port, like the mysql
// client does for host "localhost"; port 0 means the default 3306. The password lives only in
// memory: profiles store it in the desktop keyring or not at all.
struct ConnectionSettings
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionSettings)
public:
    enum class TlsMode : quint8 { Disabled, Required };

    QString host = QStringLiteral("127.0.0.1");
    int port = 0;
    QString socket;
    QString user;
    QString password;
    bool askPassword = false; // `-p` without a value / `password` without a value: ask first
    TlsMode tls = TlsMode::Disabled;
    QString tlsCaFile;
    int connectTimeoutS = 5;
    QString database;
    bool protocolTcp = false; // --protocol=TCP: never the socket, even for localhost

    bool usesSocket() const { return !socket.isEmpty(); }
    int effectivePort() const { return port > 0 ? port : 3306; }

    // "ksadmin@127.0.0.1:3306" / "ksadmin@localhost (socket /run/mysqld/mysqld.sock)".
    QString describe() const;

    // Fills a QMYSQL QSqlDatabase (not opened). readTimeoutS > 0 bounds each query's read so a
    // dead server is noticed instead of hanging a worker thread forever.
    void applyTo(QSqlDatabase &db, int readTimeoutS = 0) const;

    bool operator==(const ConnectionSettings &) const = default;
};

// What the user asked for explicitly (the command line), before the option files fill the rest:
// only the fields given are set, so "not given" and "given as the default" stay apart.
struct ConnectionRequest
{
    std::optional<QString> host;
    std::optional<int> port;
    std::optional<QString> socket;
    std::optional<QString> user;
    std::optional<QString> password;
    bool askPassword = false; // -p without a value
    std::optional<QString> database;
    std::optional<bool> protocolTcp;
    std::optional<int> connectTimeoutS;
    QString defaultsFile; // --defaults-file: only this file, which must exist
    QString extraFile;    // --defaults-extra-file: read before ~/.my.cnf, must exist
    bool noDefaults = false;
    bool connect = false;  // --connect: the option files' settings alone
    bool readOnly = false; // --read-only
    bool given = false;    // any option that asks for live mode
};

// A readable sentence for a failed connect or query, naming the cause from the native error code
// (1045, 2002, 2003, 2005, 2006, 2013, 1094, 1095, ...), followed by the server's own text.
QString explainSqlError(const QString &nativeCode, const QString &serverText,
                        const ConnectionSettings &settings = {});

// True for the client error codes that mean "the connection is gone, reopen it".
bool isConnectionLostError(int nativeCode);

} // namespace ks
