#pragma once

#include "connectionsettings.h"
#include "serverincarnation.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace ks {

// What KillScope found out about the server it is attached to, and what that means for the
// queries it may run and what it can show.
//
// Invariants: parse functions are pure (unit-tested on captured strings); detect() runs on the
// calling worker thread's own connection and never on the GUI thread. Privilege names are
// normalised to upper case with underscores ("CONNECTION_ADMIN"), so MySQL's and MariaDB's
// spellings compare equal.
struct ServerInfo
{
    Q_DECLARE_TR_FUNCTIONS(ServerInfo)
public:
    enum class Product : quint8
    {
        Unknown,
        MySQL,
        MariaDB
    };

    Product product = Product::Unknown;
    int major = 0, minor = 0, patch = 0;
    QString versionString; // VERSION() verbatim
    QString versionComment;
    QString currentUser; // CURRENT_USER(): user@host as the server matched it
    QSet<QString> globalPrivileges;
    bool performanceSchema = false;
    bool innodbTrxReadable = false; // information_schema.INNODB_TRX answered
    bool lockWaitsReadable = false; // the flavor's lock-wait table answered
    bool metadataLocksReadable = false;
    qint64 ownConnectionId = 0;
    qint64 uptimeS = -1;           // Uptime at detection
    ServerIncarnation incarnation; // which life of the server this is (tells a restart from a blip)
    QString threadHandling;        // @@thread_handling (MariaDB); empty elsewhere
    bool psThreadsReadable = false;    // performance_schema.threads answered (THREAD_ID, THREAD_OS_ID)
    bool connectAttrsReadable = false; // performance_schema.session_connect_attrs answered
    TlsStatus tls; // of the sampler's connection (the kill connection is held to the same)

    bool isMariaDb() const { return product == Product::MariaDB; }
    bool isMySql() const { return product == Product::MySQL; }
    // "mariadb-10.11", "mysql-8.0", "mysql-5.7" — the same ids the simulation's flavors use.
    QString flavorId() const;
    QString displayName() const; // "MariaDB 10.11.19"

    bool hasPrivilege(const QString &name) const;
    // PROCESS (or ALL): every thread is visible; otherwise only the account's own.
    bool seesAllThreads() const;
    // SUPER or CONNECTION_ADMIN (or ALL): may kill other users' threads.
    bool canKillOthers() const;
    // MariaDB's TIME_MS column.
    bool hasTimeMs() const { return isMariaDb(); }
    // KILL HARD / KILL SOFT.
    bool hasKillStrength() const { return isMariaDb(); }
    // MySQL ignores KILL QUERY on an idle session; MariaDB shows it as Killed until the next one.
    bool killQueryIgnoredWhenIdle() const { return isMySql(); }

    // A session keeps its OS thread for life (one thread per connection): MariaDB's TID then
    // identifies it. MySQL always runs one thread per connection unless the thread-pool plugin
    // is loaded; KillScope reads THREAD_OS_ID there only from performance_schema.
    bool osThreadIsPerSession() const
    {
        return isMariaDb() ? threadHandling == QStringLiteral("one-thread-per-connection") : isMySql();
    }

    // Plain sentences about what cannot be shown with this account and server, for the UI.
    QStringList limitations() const;

    // "10.11.19-MariaDB-0+deb12u1", "8.0.37", "5.7.44-log", "5.5.5-10.6.3-MariaDB".
    static ServerInfo parseVersion(const QString &version, const QString &comment = {});
    // Global (ON *.*) privileges from SHOW GRANTS lines.
    static QSet<QString> parseGrants(const QStringList &grantLines);
    static QString normalizePrivilege(const QString &name);

    // Runs VERSION(), CURRENT_USER(), SHOW GRANTS and probes of the optional tables on db.
    // Returns false (with *error filled) only when the basic queries fail.
    static bool detect(QSqlDatabase &db, ServerInfo *info, QString *error);
};

} // namespace ks

Q_DECLARE_METATYPE(ks::ServerInfo)
