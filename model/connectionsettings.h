#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace ks {

// How to reach one server, as the mysql client understands it (host/port or a unix socket,
// user, password, TLS, connect timeout, default database).
//
// Invariants: a non-empty socket means "unix socket" and wins over host/port, like the mysql
// client does for host "localhost"; port 0 means the default 3306. The password lives only in
// memory: profiles store it in the desktop keyring or not at all. TLS follows the mysql client's
// --ssl-mode, PREFERRED by default; VERIFY_CA and VERIFY_IDENTITY need a CA (file or path).
struct ConnectionSettings
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionSettings)
public:
    // The mysql client's --ssl-mode, in order of strictness.
    enum class TlsMode : quint8
    {
        Disabled,       // never TLS
        Preferred,      // TLS when the server offers it, not verified; plain otherwise
        Required,       // TLS or no connection; the certificate is not verified
        VerifyCa,       // and the certificate chain must lead to the given CA
        VerifyIdentity, // and the certificate must name the host connected to
    };

    QString host = QStringLiteral("127.0.0.1");
    int port = 0;
    QString socket;
    QString user;
    QString password;
    bool askPassword = false; // `-p` without a value / `password` without a value: ask first
    TlsMode tls = TlsMode::Preferred;
    QString tlsCaFile;   // --ssl-ca
    QString tlsCaPath;   // --ssl-capath
    QString tlsCertFile; // --ssl-cert: a client certificate (for REQUIRE X509 accounts)
    QString tlsKeyFile;  // --ssl-key
    QString tlsCipher;   // --ssl-cipher
    int connectTimeoutS = 5;
    QString database;
    bool protocolTcp = false; // --protocol=TCP: never the socket, even for localhost

    bool usesSocket() const { return !socket.isEmpty(); }
    int effectivePort() const { return port > 0 ? port : 3306; }

    // "ksadmin@127.0.0.1:3306" / "ksadmin@localhost (socket /run/mysqld/mysqld.sock)".
    QString describe() const;

    bool verifiesCa() const { return tls >= TlsMode::VerifyCa; }

    bool operator==(const ConnectionSettings &) const = default;

    // "3306" → 3306; nullopt unless a whole number 0..65535 (0: the default port).
    static std::optional<int> parsePort(const QString &text);
    // "10" (seconds, as the mysql client takes it) or a time such as "10s" / "1500ms" (rounded
    // up to whole seconds); nullopt unless 1..3600 seconds.
    static std::optional<int> parseConnectTimeout(const QString &text);
    // "REQUIRED", "verify_identity" (any case) → the mode; nullopt for anything else.
    static std::optional<TlsMode> parseTlsMode(const QString &text);
    // "DISABLED" … "VERIFY_IDENTITY", as --ssl-mode spells them.
    static QString tlsModeName(TlsMode mode);
};

// What TLS a connection ended up with (ConnectionOpener fills it after the connect).
struct TlsStatus
{
    Q_DECLARE_TR_FUNCTIONS(TlsStatus)
public:
    ConnectionSettings::TlsMode mode = ConnectionSettings::TlsMode::Disabled; // asked for
    bool encrypted = false;
    QString version;            // "TLSv1.3"
    QString cipher;             // "TLS_AES_256_GCM_SHA384"
    bool chainVerified = false; // the certificate leads to the given CA
    bool hostVerified = false;  // and names the host connected to
    QString host;               // that host
    bool local = false;         // over a unix socket: never left the machine

    // One sentence for the UI: what is encrypted and what was checked, plainly.
    QString describe() const;
    bool operator==(const TlsStatus &) const = default;
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
    std::optional<ConnectionSettings::TlsMode> tlsMode; // --ssl-mode, --ssl, --skip-ssl, ...
    std::optional<QString> tlsCaFile, tlsCaPath, tlsCertFile, tlsKeyFile, tlsCipher;
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
