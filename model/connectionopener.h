#pragma once

#include "connectionsettings.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

struct st_mysql;

namespace ks {

// Opens one QMYSQL connection the way the mysql client would, TLS included; the one place that
// turns ConnectionSettings into an open QSqlDatabase. The sampler and the kill executor both open
// through it, so both check exactly the same.
//
// How each --ssl-mode is enforced with Qt 6.4's QMYSQL (whose connect options are SSL_KEY,
// SSL_CERT, SSL_CA, SSL_CAPATH, SSL_CIPHER and no more) on MariaDB Connector/C 3.3:
// - DISABLED: no TLS option at all.
// - PREFERRED, REQUIRED: the client library's own MYSQL_OPT_SSL_ENFORCE (TLS without
//   verification; Qt has no option for it). REQUIRED then insists the connection is encrypted.
//   Over a unix socket PREFERRED stays plain (local, nothing to protect).
// - VERIFY_CA: SSL_CA / SSL_CAPATH: the library verifies the chain during the handshake, before
//   the login; a wrong CA fails there.
// - VERIFY_IDENTITY: as VERIFY_CA plus the library's MYSQL_OPT_SSL_VERIFY_SERVER_CERT (the host
//   name check, and a server without TLS is refused), again before the login.
// The two library options Qt cannot pass are set on the driver's MYSQL handle between its
// mysql_init() and mysql_real_connect(): KillScope's mysql_real_connect (exported from the
// executable, so the QMYSQL plugin calls it) adds them for the open() running on that thread and
// hands over to the library's. After the connect the handle is read back: the encryption the
// mode asks for, and the host check for VERIFY_IDENTITY, or the connection is closed again.
//
// Invariants:
// - open() runs on the thread that owns the connection (a worker, never the GUI thread).
// - A mode stricter than PREFERRED never leaves open() with an unencrypted connection, and
//   VERIFY_IDENTITY never with one whose host name was not checked: fail closed.
// - What Connector/C 3.3 cannot do before the login is said, not hidden: a server (or something
//   in between) that offers no TLS at all is refused by REQUIRED and VERIFY_CA only right after
//   the login, then the connection is closed (VERIFY_IDENTITY refuses it before the login).
class ConnectionOpener
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionOpener)
public:
    explicit ConnectionOpener(const ConnectionSettings &settings);

    // Opens (or reopens) the QMYSQL connection `connectionName` into *db. readTimeoutS > 0 bounds
    // each query's read and write, so a dead server is noticed instead of hanging a thread.
    bool open(const QString &connectionName, int readTimeoutS, QSqlDatabase *db);

    int errorCode() const { return m_code; }
    QString errorMessage() const { return m_message; }
    TlsStatus tls() const { return m_tls; }

    // The QMYSQL connect options for these settings (what Qt itself is given).
    static QString connectOptions(const ConnectionSettings &settings, int readTimeoutS);
    // Checks that the TLS settings can work (a CA for VERIFY_*, a certificate for a key, and with
    // checkFiles the files readable, which touches the file system); empty when they can.
    static QStringList checkTlsSettings(const ConnectionSettings &settings, bool checkFiles = true);
    // Sentences for the UI: what each mode checks and what it cannot.
    static QString describeMode(ConnectionSettings::TlsMode mode);
    // The client library's handle under an open QMYSQL connection (nullptr for any other
    // driver), for the few reads that must not pay Qt's per-value conversions.
    static st_mysql *nativeHandle(const QSqlDatabase &db);

private:
    bool fail(int code, const QString &message, QSqlDatabase *db);

    ConnectionSettings m_settings;
    int m_code = 0;
    QString m_message;
    TlsStatus m_tls;
};

} // namespace ks
