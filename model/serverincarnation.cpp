#include "serverincarnation.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace ks {

ServerIncarnation::Verdict ServerIncarnation::compare(const ServerIncarnation &then,
                                                      qint64 maxIdSeen,
                                                      const ServerIncarnation &now, QString *why)
{
    if (!then.known() || !now.known()) {
        if (why)
            *why =
                tr("the server's start time could not be read, so a restart cannot be ruled out");
        return Verdict::Unknown;
    }
    const qint64 slack = then.exact && now.exact ? 0 : 1;
    if (qAbs(now.startedEpochS - then.startedEpochS) > slack) {
        if (why)
            *why = tr("the server restarted at %1 (the session was seen while it ran since %2)")
                       .arg(now.startedText(), then.startedText());
        return Verdict::Restarted;
    }
    // Ids only grow within one life: a counter below an id already seen means it started again.
    if (now.connections >= 0 && now.connections < maxIdSeen) {
        if (why)
            *why = tr("the server restarted at %1: its connection counter is at %2, below id %3 "
                      "seen before")
                       .arg(now.startedText())
                       .arg(now.connections)
                       .arg(maxIdSeen);
        return Verdict::Restarted;
    }
    return Verdict::Same;
}

QString ServerIncarnation::startedText() const
{
    if (!known())
        return {};
    return QDateTime::fromSecsSinceEpoch(startedEpochS)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString ServerIncarnation::selectSql(bool mariaDb, bool performanceSchema)
{
    // One statement: UNIX_TIMESTAMP() and Uptime both derive from this statement's start time.
    const QString table = mariaDb             ? QStringLiteral("information_schema.GLOBAL_STATUS")
                          : performanceSchema ? QStringLiteral("performance_schema.global_status")
                                              : QString();
    if (table.isEmpty())
        return {};
    return QStringLiteral(
               "SELECT UNIX_TIMESTAMP() - MAX(IF(UPPER(VARIABLE_NAME) = 'UPTIME', VARIABLE_VALUE, "
               "NULL)), "
               "MAX(IF(UPPER(VARIABLE_NAME) = 'CONNECTIONS', VARIABLE_VALUE, NULL)) FROM %1 "
               "WHERE UPPER(VARIABLE_NAME) IN ('UPTIME', 'CONNECTIONS')")
        .arg(table);
}

bool ServerIncarnation::read(QSqlDatabase &db, bool mariaDb, ServerIncarnation *out, QString *error)
{
    QSqlQuery q(db);
    for (bool ps : {true, false}) {
        const QString sql = selectSql(mariaDb, ps);
        if (sql.isEmpty() || !q.exec(sql) || !q.next() || q.value(0).isNull())
            continue;
        out->startedEpochS = q.value(0).toLongLong();
        out->connections = q.value(1).isNull() ? -1 : q.value(1).toLongLong();
        out->exact = true;
        return true;
    }
    // Two statements: the second may fall into the next second.
    if (q.exec(QStringLiteral(
            "SHOW GLOBAL STATUS WHERE Variable_name IN ('Uptime', 'Connections')"))) {
        qint64 uptime = -1, connections = -1;
        while (q.next()) {
            const QString name = q.value(0).toString().toLower();
            if (name == QStringLiteral("uptime"))
                uptime = q.value(1).toLongLong();
            else if (name == QStringLiteral("connections"))
                connections = q.value(1).toLongLong();
        }
        if (uptime >= 0 && q.exec(QStringLiteral("SELECT UNIX_TIMESTAMP()")) && q.next()) {
            out->startedEpochS = q.value(0).toLongLong() - uptime;
            out->connections = connections;
            out->exact = false;
            return true;
        }
    }
    if (error)
        *error = q.lastError().nativeErrorCode() + u' ' + q.lastError().databaseText();
    return false;
}

} // namespace ks
