#include "labappclient.h"

#include "connectionopener.h"
#include "flavor.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace ks {

bool openLabConnection(QSqlDatabase &db, const ConnectionSettings &settings, const QString &name,
                       int readTimeoutS, QString *error)
{
    // The one connection opener (TLS as the mysql client does it).
    ConnectionOpener opener(settings);
    if (!opener.open(name, readTimeoutS, &db)) {
        if (error)
            *error = opener.errorMessage();
        return false;
    }
    return true;
}

void closeLabConnection(QSqlDatabase &db)
{
    const QString name = db.connectionName();
    if (db.isOpen())
        db.close();
    db = QSqlDatabase();
    if (!name.isEmpty() && QSqlDatabase::contains(name))
        QSqlDatabase::removeDatabase(name);
}

LabAppClient::LabAppClient(const ConnectionSettings &settings, const QStringList &initSql,
                           LiveClock clock, qint64 originUs,
                           std::shared_ptr<LabHeartbeat::Log> heartbeat, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_initSql(initSql)
    , m_clock(clock)
    , m_originUs(originUs)
    , m_name(QStringLiteral("ks-lab-app-") + QUuid::createUuid().toString(QUuid::Id128))
    , m_heartbeatLog(std::move(heartbeat))
{}

LabAppClient::~LabAppClient()
{
    close();
}

QString LabAppClient::errorLine(int code, const QString &message)
{
    return QStringLiteral("ERROR %1 (%2): %3")
        .arg(code)
        .arg(QString::fromLatin1(sim::sqlState(code).data(), qsizetype(sim::sqlState(code).size())),
             message);
}

void LabAppClient::open()
{
    QString error;
    if (!openLabConnection(m_db, m_settings, m_name, 0, &error)) {
        Q_EMIT openFailed(error);
        return;
    }
    QSqlQuery q(m_db);
    for (const QString &sql : std::as_const(m_initSql)) {
        if (!q.exec(sql)) {
            Q_EMIT openFailed(tr("%1 failed: %2").arg(sql, q.lastError().databaseText()));
            return;
        }
    }
    if (!q.exec(QStringLiteral("SELECT CONNECTION_ID()")) || !q.next()) {
        Q_EMIT openFailed(q.lastError().databaseText());
        return;
    }
    Q_EMIT opened(q.value(0).toLongLong(), now());
    if (m_heartbeatLog) {
        m_heartbeat = new LabHeartbeat(m_clock, m_heartbeatLog, this);
        m_heartbeat->start();
    }
}

void LabAppClient::execute(int statement, const QString &sql)
{
    if (m_lost || !m_db.isOpen()) {
        Q_EMIT finished(statement, now(), 2006, QString());
        return;
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const qint64 t0 = now();
    Q_EMIT started(statement, t0);
    const bool ok = q.exec(sql);
    if (ok) {
        while (q.next()) {
        }
        // The wait for the statement is not this thread's lateness.
        if (m_heartbeat)
            m_heartbeat->rearm();
        Q_EMIT finished(statement, now(), 0, QString());
        return;
    }
    if (m_heartbeat)
        m_heartbeat->rearm();
    const QSqlError e = q.lastError();
    const int code = e.nativeErrorCode().toInt();
    const qint64 t = now();
    Q_EMIT finished(statement, t, code, errorLine(code, e.databaseText()));
    if (isConnectionLostError(code) && code != 1927) {
        m_lost = true;
        Q_EMIT lost(t);
    }
}

void LabAppClient::close()
{
    if (m_heartbeat)
        m_heartbeat->stop();
    closeLabConnection(m_db);
}

} // namespace ks
