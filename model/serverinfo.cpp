#include "serverinfo.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace ks {

QString ServerInfo::flavorId() const
{
    switch (product) {
    case Product::MariaDB:
        return QStringLiteral("mariadb-%1.%2").arg(major).arg(minor);
    case Product::MySQL:
        return QStringLiteral("mysql-%1.%2").arg(major).arg(minor);
    case Product::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString ServerInfo::displayName() const
{
    const QString name = isMariaDb() ? QStringLiteral("MariaDB")
                         : isMySql() ? QStringLiteral("MySQL")
                                     : tr("Unknown server");
    return QStringLiteral("%1 %2.%3.%4").arg(name).arg(major).arg(minor).arg(patch);
}

QString ServerInfo::normalizePrivilege(const QString &name)
{
    QString n = name.trimmed().toUpper();
    n.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral("_"));
    n.remove(u'`');
    if (n == QStringLiteral("ALL_PRIVILEGES"))
        n = QStringLiteral("ALL");
    return n;
}

bool ServerInfo::hasPrivilege(const QString &name) const
{
    return globalPrivileges.contains(QStringLiteral("ALL")) ||
           globalPrivileges.contains(normalizePrivilege(name));
}

bool ServerInfo::seesAllThreads() const
{
    return hasPrivilege(QStringLiteral("PROCESS"));
}

bool ServerInfo::canKillOthers() const
{
    return hasPrivilege(QStringLiteral("SUPER")) ||
           hasPrivilege(QStringLiteral("CONNECTION_ADMIN"));
}

QStringList ServerInfo::limitations() const
{
    QStringList out;
    if (!seesAllThreads())
        out << tr("Without the PROCESS privilege only this account's own threads are visible.");
    if (!canKillOthers())
        out << tr(
            "Without CONNECTION ADMIN or SUPER only this account's own threads can be killed; "
            "other kills are refused with error 1095.");
    if (!innodbTrxReadable)
        out << tr("InnoDB transactions (rows modified, rollback progress) cannot be read; "
                  "information_schema.INNODB_TRX needs the PROCESS privilege.");
    if (!lockWaitsReadable) {
        if (isMySql() && major >= 8 && !performanceSchema)
            out << tr("Row-lock waits need performance_schema, which is off.");
        else
            out << tr("Row-lock waits (who blocks whom) cannot be read.");
    }
    if (!metadataLocksReadable)
        out << tr("Metadata-lock holders are not shown (MySQL: performance_schema.metadata_locks; "
                  "MariaDB: the METADATA_LOCK_INFO plugin).");
    if (isMySql())
        out << tr("MySQL reports Time in whole seconds.");
    // What the connection's TLS does not protect against, plainly.
    if ((!tls.encrypted && !tls.local) || (tls.encrypted && !tls.hostVerified))
        out << tls.describe();
    return out;
}

ServerInfo ServerInfo::parseVersion(const QString &version, const QString &comment)
{
    ServerInfo info;
    info.versionString = version;
    info.versionComment = comment;
    QString v = version.trimmed();
    // Replication-era servers prefix "5.5.5-" to a MariaDB version.
    static const QRegularExpression rpl(QStringLiteral("^5\\.5\\.5-(\\d+\\.\\d+)"));
    if (v.contains(QStringLiteral("MariaDB"), Qt::CaseInsensitive) && rpl.match(v).hasMatch())
        v = v.mid(6);
    static const QRegularExpression num(QStringLiteral("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?"));
    const QRegularExpressionMatch m = num.match(v);
    if (m.hasMatch()) {
        info.major = m.captured(1).toInt();
        info.minor = m.captured(2).toInt();
        info.patch = m.captured(3).toInt();
    }
    const bool maria = v.contains(QStringLiteral("MariaDB"), Qt::CaseInsensitive) ||
                       comment.contains(QStringLiteral("MariaDB"), Qt::CaseInsensitive);
    if (!m.hasMatch())
        info.product = Product::Unknown;
    else if (maria || info.major >= 10)
        info.product = Product::MariaDB;
    else
        info.product = Product::MySQL;
    return info;
}

QSet<QString> ServerInfo::parseGrants(const QStringList &lines)
{
    // GRANT <privs> ON *.* TO ... — only the global line(s) matter for PROCESS, SUPER and
    // CONNECTION ADMIN. Role grants ("GRANT `r`@`%` TO ...") have no ON clause and are skipped.
    static const QRegularExpression re(
        QStringLiteral("^\\s*GRANT\\s+(.+?)\\s+ON\\s+\\*\\.\\*\\s+TO\\s"),
        QRegularExpression::CaseInsensitiveOption);
    QSet<QString> privs;
    for (const QString &line : lines) {
        const QRegularExpressionMatch m = re.match(line);
        if (!m.hasMatch())
            continue;
        for (const QString &p : m.captured(1).split(u',', Qt::SkipEmptyParts)) {
            QString name = p.trimmed();
            // Column lists ("SELECT (a, b)") cannot occur on *.*, but be safe.
            const qsizetype paren = name.indexOf(u'(');
            if (paren >= 0)
                name = name.left(paren);
            privs.insert(normalizePrivilege(name));
        }
    }
    return privs;
}

bool ServerInfo::detect(QSqlDatabase &db, ServerInfo *info, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT /* killscope:detect */ VERSION(), @@version_comment, "
                               "CURRENT_USER(), CONNECTION_ID()")) ||
        !q.next()) {
        if (error)
            *error = q.lastError().nativeErrorCode() + u' ' + q.lastError().databaseText();
        return false;
    }
    ServerInfo i = parseVersion(q.value(0).toString(), q.value(1).toString());
    i.currentUser = q.value(2).toString();
    i.ownConnectionId = q.value(3).toLongLong();

    QStringList grants;
    if (q.exec(QStringLiteral("SHOW GRANTS"))) {
        while (q.next())
            grants << q.value(0).toString();
    }
    i.globalPrivileges = parseGrants(grants);

    if (q.exec(QStringLiteral("SHOW GLOBAL STATUS LIKE 'Uptime'")) && q.next())
        i.uptimeS = q.value(1).toLongLong();
    if (q.exec(QStringLiteral("SELECT @@performance_schema")) && q.next())
        i.performanceSchema = q.value(0).toInt() != 0;
    ServerIncarnation::read(db, i.isMariaDb(), &i.incarnation);
    if (i.isMariaDb() && q.exec(QStringLiteral("SELECT @@thread_handling")) && q.next())
        i.threadHandling = q.value(0).toString();
    i.psThreadsReadable =
        i.performanceSchema &&
        q.exec(QStringLiteral("SELECT THREAD_ID, THREAD_OS_ID FROM performance_schema.threads LIMIT 0"));
    i.connectAttrsReadable =
        i.performanceSchema &&
        q.exec(QStringLiteral(
            "SELECT PROCESSLIST_ID FROM performance_schema.session_connect_attrs LIMIT 0"));
    i.innodbTrxReadable =
        q.exec(QStringLiteral("SELECT trx_id FROM information_schema.INNODB_TRX LIMIT 0"));
    if (i.isMySql() && i.major >= 8) {
        i.lockWaitsReadable = i.performanceSchema &&
                              q.exec(QStringLiteral("SELECT REQUESTING_ENGINE_TRANSACTION_ID FROM "
                                                    "performance_schema.data_lock_waits LIMIT 0"));
        i.metadataLocksReadable =
            i.performanceSchema &&
            q.exec(QStringLiteral(
                "SELECT OWNER_THREAD_ID FROM performance_schema.metadata_locks LIMIT 0"));
    } else {
        i.lockWaitsReadable = q.exec(QStringLiteral(
            "SELECT requesting_trx_id FROM information_schema.INNODB_LOCK_WAITS LIMIT 0"));
        i.metadataLocksReadable =
            i.isMariaDb() &&
            q.exec(QStringLiteral(
                "SELECT THREAD_ID FROM information_schema.METADATA_LOCK_INFO LIMIT 0"));
    }
    *info = i;
    return true;
}

} // namespace ks
