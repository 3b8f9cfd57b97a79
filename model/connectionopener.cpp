#include "connectionopener.h"

#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QStringList>
#include <dlfcn.h>
#include <mysql.h>

namespace ks {

namespace {

using TlsMode = ConnectionSettings::TlsMode;

// The client-library options Qt 6.4's QMYSQL cannot pass, for the open() on this thread.
struct LibraryOptions
{
    bool enforceTls = false;       // MYSQL_OPT_SSL_ENFORCE
    bool verifyServerCert = false; // MYSQL_OPT_SSL_VERIFY_SERVER_CERT
    int applied = 0;               // how many connects picked them up
};

thread_local LibraryOptions *t_libraryOptions = nullptr;

// Sets the options for the lifetime of one open() on this thread.
class LibraryOptionsScope
{
public:
    explicit LibraryOptionsScope(LibraryOptions *options) { t_libraryOptions = options; }
    ~LibraryOptionsScope() { t_libraryOptions = nullptr; }
    LibraryOptionsScope(const LibraryOptionsScope &) = delete;
    LibraryOptionsScope &operator=(const LibraryOptionsScope &) = delete;
};

bool needsLibraryOptions(const ConnectionSettings &s)
{
    return (s.tls != TlsMode::Disabled && !(s.tls == TlsMode::Preferred && s.usesSocket()));
}

} // namespace

MYSQL *ConnectionOpener::nativeHandle(const QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    // Qt 6.4 names the type after the struct (st_mysql*), later versions after the typedef.
    if (!v.isValid() ||
        (qstrcmp(v.typeName(), "st_mysql*") != 0 && qstrcmp(v.typeName(), "MYSQL*") != 0))
        return nullptr;
    return *static_cast<MYSQL *const *>(v.constData());
}

} // namespace ks

// The QMYSQL plugin's call into the client library lands here first (the executable exports
// this symbol, see model/CMakeLists.txt): it adds the options of the ConnectionOpener::open()
// running on this thread, if any, and connects through the library's own function.
extern "C" MYSQL *mysql_real_connect(MYSQL *mysql, const char *host, const char *user,
                                     const char *passwd, const char *db, unsigned int port,
                                     const char *unixSocket, unsigned long flags)
{
    using Connect = MYSQL *(*)(MYSQL *, const char *, const char *, const char *, const char *,
                               unsigned int, const char *, unsigned long);
    static const auto library = reinterpret_cast<Connect>(dlsym(RTLD_NEXT, "mysql_real_connect"));
    if (ks::LibraryOptions *o = ks::t_libraryOptions) {
        my_bool on = 1;
        bool ok = true;
        if (o->enforceTls)
            ok = mysql_optionsv(mysql, MYSQL_OPT_SSL_ENFORCE, &on) == 0 && ok;
        if (o->verifyServerCert)
            ok = mysql_optionsv(mysql, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &on) == 0 && ok;
        if (ok)
            ++o->applied;
    }
    if (!library)
        return nullptr;
    return library(mysql, host, user, passwd, db, port, unixSocket, flags);
}

namespace ks {

ConnectionOpener::ConnectionOpener(const ConnectionSettings &settings)
    : m_settings(settings)
{}

QString ConnectionOpener::connectOptions(const ConnectionSettings &s, int readTimeoutS)
{
    QStringList options;
    if (s.usesSocket())
        options << QStringLiteral("UNIX_SOCKET=%1").arg(s.socket);
    if (s.connectTimeoutS > 0)
        options << QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=%1").arg(s.connectTimeoutS);
    if (readTimeoutS > 0) {
        options << QStringLiteral("MYSQL_OPT_READ_TIMEOUT=%1").arg(readTimeoutS);
        options << QStringLiteral("MYSQL_OPT_WRITE_TIMEOUT=%1").arg(readTimeoutS);
    }
    if (s.tls == TlsMode::Disabled)
        return options.join(u';');
    // A CA given to the library is verified by it, so only the VERIFY modes pass it on: the
    // mysql client does not verify in PREFERRED and REQUIRED either.
    if (s.verifiesCa()) {
        if (!s.tlsCaFile.isEmpty())
            options << QStringLiteral("SSL_CA=%1").arg(s.tlsCaFile);
        if (!s.tlsCaPath.isEmpty())
            options << QStringLiteral("SSL_CAPATH=%1").arg(s.tlsCaPath);
    }
    if (!s.tlsCertFile.isEmpty())
        options << QStringLiteral("SSL_CERT=%1").arg(s.tlsCertFile);
    if (!s.tlsKeyFile.isEmpty())
        options << QStringLiteral("SSL_KEY=%1").arg(s.tlsKeyFile);
    if (!s.tlsCipher.isEmpty())
        options << QStringLiteral("SSL_CIPHER=%1").arg(s.tlsCipher);
    return options.join(u';');
}

QStringList ConnectionOpener::checkTlsSettings(const ConnectionSettings &s, bool checkFiles)
{
    QStringList problems;
    if (s.tls == TlsMode::Disabled)
        return problems;
    if (s.verifiesCa() && s.tlsCaFile.isEmpty() && s.tlsCaPath.isEmpty())
        // The mysql client's words.
        problems << tr("CA certificate is required if ssl-mode is VERIFY_CA or VERIFY_IDENTITY "
                       "(give --ssl-ca or --ssl-capath).");
    if (!s.tlsKeyFile.isEmpty() && s.tlsCertFile.isEmpty())
        problems << tr("--ssl-key needs --ssl-cert, the certificate that goes with the key.");
    const std::pair<const char *, QString> files[] = {
        {"--ssl-ca", s.verifiesCa() ? s.tlsCaFile : QString()},
        {"--ssl-cert", s.tlsCertFile},
        {"--ssl-key", s.tlsKeyFile},
    };
    for (const auto &[option, path] : files) {
        if (path.isEmpty() || !checkFiles)
            continue;
        const QFileInfo info(path);
        if (!info.exists())
            problems << tr("%1 %2: no such file").arg(QLatin1String(option), path);
        else if (!info.isFile() || !info.isReadable())
            problems << tr("%1 %2: not a readable file").arg(QLatin1String(option), path);
    }
    if (checkFiles && s.verifiesCa() && !s.tlsCaPath.isEmpty() && !QFileInfo(s.tlsCaPath).isDir())
        problems << tr("--ssl-capath %1: not a directory").arg(s.tlsCaPath);
    // Qt splits its connect options at ';': a value holding one cannot be passed on intact.
    for (const QString &v :
         {s.tlsCaFile, s.tlsCaPath, s.tlsCertFile, s.tlsKeyFile, s.tlsCipher, s.socket})
        if (v.contains(u';'))
            problems << tr("%1: a ';' cannot be passed to the database driver").arg(v);
    return problems;
}

QString ConnectionOpener::describeMode(TlsMode mode)
{
    switch (mode) {
    case TlsMode::Disabled:
        return tr("No TLS: everything, the login included, travels in plain text.");
    case TlsMode::Preferred:
        return tr("TLS when the server offers it, plain text otherwise. The server's certificate "
                  "is not checked, so this only keeps passive listeners out.");
    case TlsMode::Required:
        return tr("TLS or no connection; the server's certificate is not checked (no CA needed). "
                  "A server that offers no TLS is noticed right after the login, which has then "
                  "already been sent, and the connection is closed.");
    case TlsMode::VerifyCa:
        return tr("TLS with a server certificate signed by the given CA, checked before the "
                  "login. The host name in it is not checked. A server that offers no TLS is "
                  "noticed right after the login and the connection is closed.");
    case TlsMode::VerifyIdentity:
        return tr("TLS with a server certificate signed by the given CA that names the host "
                  "connected to; both are checked before the login, and a server without TLS is "
                  "refused before it too.");
    }
    return {};
}

bool ConnectionOpener::fail(int code, const QString &message, QSqlDatabase *db)
{
    m_code = code;
    m_message = message;
    if (db->isOpen())
        db->close();
    return false;
}

bool ConnectionOpener::open(const QString &connectionName, int readTimeoutS, QSqlDatabase *db)
{
    m_code = 0;
    m_message.clear();
    m_tls = {};
    m_tls.mode = m_settings.tls;
    if (db->isOpen())
        db->close();
    if (!QSqlDatabase::contains(connectionName))
        *db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), connectionName);
    else
        *db = QSqlDatabase::database(connectionName, false);
    if (!db->isValid())
        return fail(0, tr("The QMYSQL driver is not available (Debian package libqt6sql6-mysql)."),
                    db);
    const QStringList problems = checkTlsSettings(m_settings);
    if (!problems.isEmpty())
        return fail(2026, problems.join(u' '), db);

    // QMYSQL only uses the socket for host "localhost"; any other host means TCP.
    if (m_settings.usesSocket()) {
        db->setHostName(QStringLiteral("localhost"));
    } else {
        db->setHostName(m_settings.host.isEmpty() ? QStringLiteral("127.0.0.1") : m_settings.host);
        db->setPort(m_settings.effectivePort());
    }
    db->setUserName(m_settings.user);
    db->setPassword(m_settings.password);
    db->setDatabaseName(m_settings.database);
    db->setConnectOptions(connectOptions(m_settings, readTimeoutS));
    m_tls.host = db->hostName();
    m_tls.local = m_settings.usesSocket();

    LibraryOptions library;
    library.enforceTls = needsLibraryOptions(m_settings);
    library.verifyServerCert = m_settings.tls == TlsMode::VerifyIdentity;
    bool opened = false;
    {
        const LibraryOptionsScope scope(&library);
        opened = db->open();
    }
    if (!opened) {
        const QSqlError e = db->lastError();
        return fail(e.nativeErrorCode().toInt(),
                    explainSqlError(e.nativeErrorCode(), e.databaseText(), m_settings), db);
    }

    MYSQL *handle = ConnectionOpener::nativeHandle(*db);
    if (handle) {
        const char *cipher = mysql_get_ssl_cipher(handle);
        m_tls.encrypted = cipher != nullptr;
        if (cipher)
            m_tls.cipher = QString::fromLatin1(cipher);
        const char *version = nullptr;
        if (m_tls.encrypted &&
            mariadb_get_infov(handle, MARIADB_CONNECTION_TLS_VERSION, &version) == 0 && version)
            m_tls.version = QString::fromLatin1(version);
    }
    if (m_settings.tls <= TlsMode::Preferred)
        return true;

    const QString mode = ConnectionSettings::tlsModeName(m_settings.tls);
    if (!handle)
        return fail(2026,
                    tr("--ssl-mode=%1: the encryption of this connection cannot be checked (the "
                       "database driver does not hand out its connection), so it is not used.")
                        .arg(mode),
                    db);
    if (library.enforceTls && library.applied == 0)
        return fail(2026,
                    tr("--ssl-mode=%1: KillScope could not set the client library's TLS options "
                       "for this connection, so it is not used.")
                        .arg(mode),
                    db);
    if (!m_tls.encrypted)
        return fail(2026,
                    tr("--ssl-mode=%1: the connection is not encrypted, because the server (or "
                       "something between it and KillScope) offered no TLS. The login had already "
                       "been sent; the connection was closed at once.")
                        .arg(mode),
                    db);
    m_tls.chainVerified = m_settings.verifiesCa();
    if (m_settings.tls == TlsMode::VerifyIdentity) {
        my_bool verified = 0;
        if (mysql_get_optionv(handle, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &verified) != 0 ||
            !verified)
            return fail(2026,
                        tr("--ssl-mode=VERIFY_IDENTITY: the server's host name was not checked "
                           "on this connection, so it is not used."),
                        db);
        m_tls.hostVerified = true;
    }
    return true;
}

} // namespace ks
