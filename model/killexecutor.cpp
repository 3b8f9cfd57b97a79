#include "killexecutor.h"

#include "connectionopener.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace ks {

KillExecutor::KillExecutor(const ConnectionSettings &settings, std::shared_ptr<OwnConnections> own,
                           LiveClock clock, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_own(std::move(own))
    , m_clock(clock)
    , m_connectionName(QStringLiteral("ks-killer-") + QUuid::createUuid().toString(QUuid::Id128))
{}

KillExecutor::~KillExecutor()
{
    closeConnection();
    m_db = QSqlDatabase();
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

void KillExecutor::start()
{
    QString message;
    int code = 0;
    const bool ok = ensureOpen(&message, &code); // a failure is also reported with the first kill
    Q_EMIT ready(ok, message);
}

void KillExecutor::reconnect()
{
    closeConnection();
    QString message;
    int code = 0;
    ensureOpen(&message, &code);
}

bool KillExecutor::ensureOpen(QString *message, int *code)
{
    if (m_db.isOpen() && m_ownId)
        return true;
    closeConnection();
    // The same opener as the sampler's: the kill connection checks its own encryption too.
    ConnectionOpener opener(m_settings);
    if (!opener.open(m_connectionName, 10, &m_db)) {
        *code = opener.errorCode();
        *message = opener.errorMessage();
        return false;
    }
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT /* killscope:killer */ CONNECTION_ID(), VERSION(), "
                               "@@version_comment, @@performance_schema")) ||
        !q.next()) {
        const QSqlError e = q.lastError();
        *code = e.nativeErrorCode().toInt();
        *message = explainSqlError(e.nativeErrorCode(), e.databaseText(), m_settings);
        m_db.close();
        return false;
    }
    // Registered at once, before anything else runs on it: the sampler must never take this
    // connection for somebody else's.
    m_ownId = q.value(0).toLongLong();
    m_own->add(m_ownId);
    m_flavor = ServerInfo::parseVersion(q.value(1).toString(), q.value(2).toString());
    const bool ps = q.value(3).toInt() != 0;
    m_osThreadStable = m_flavor.isMySql();
    if (m_flavor.isMariaDb() && q.exec(QStringLiteral("SELECT @@thread_handling")) && q.next())
        m_osThreadStable = q.value(0).toString() == QStringLiteral("one-thread-per-connection");
    m_psThreads =
        ps && q.exec(QStringLiteral("SELECT THREAD_ID FROM performance_schema.threads LIMIT 0"));
    return true;
}

void KillExecutor::closeConnection()
{
    if (m_ownId)
        m_own->remove(m_ownId);
    m_ownId = 0;
    if (m_db.isOpen())
        m_db.close();
}

bool KillExecutor::readIdentity(qint64 id, IdentityProof::Now *now, int *code, QString *message)
{
    auto failed = [&](const QSqlQuery &q) {
        *code = q.lastError().nativeErrorCode().toInt();
        *message = explainSqlError(q.lastError().nativeErrorCode(), q.lastError().databaseText(),
                                   m_settings);
        return false;
    };
    // Statements on one connection all run in one life of the server: a restart between them
    // breaks the connection, and the caller starts over on a new one.
    QString error;
    if (!ServerIncarnation::read(m_db, m_flavor.isMariaDb(), &now->server, &error)) {
        *code = error.section(u' ', 0, 0).toInt();
        *message = explainSqlError(error.section(u' ', 0, 0), error.section(u' ', 1), m_settings);
        return false;
    }
    QSqlQuery q(m_db);
    const QString sql =
        m_flavor.isMariaDb()
            ? QStringLiteral("SELECT /* killscope:killer */ USER, HOST, COMMAND, TIME_MS, TID, "
                             "QUERY_ID FROM information_schema.PROCESSLIST WHERE ID = %1")
            : QStringLiteral("SELECT /* killscope:killer */ USER, HOST, COMMAND, TIME * 1000, "
                             "NULL, NULL FROM information_schema.PROCESSLIST WHERE ID = %1");
    if (!q.exec(sql.arg(id)))
        return failed(q);
    if (q.next()) {
        now->present = true;
        now->user = q.value(0).toString();
        now->host = q.value(1).toString();
        now->command = q.value(2).toString();
        now->timeMs = qint64(q.value(3).toDouble());
        now->osThreadId = q.value(4).isNull() ? -1 : q.value(4).toLongLong();
        now->queryId = q.value(5).isNull() ? -1 : q.value(5).toLongLong();
    }
    q.finish();
    if (now->present && m_psThreads) {
        if (!q.exec(QStringLiteral("SELECT /* killscope:killer */ THREAD_ID, THREAD_OS_ID FROM "
                                   "performance_schema.threads WHERE PROCESSLIST_ID = %1")
                        .arg(id)))
            return failed(q);
        if (q.next()) {
            now->psThreadId = q.value(0).toLongLong();
            if (now->osThreadId < 0 && !q.value(1).isNull())
                now->osThreadId = q.value(1).toLongLong();
        }
        q.finish();
    }
    now->readEndUs = m_clock.nowUs();
    return true;
}

void KillExecutor::execute(int serial, const KillRequest &request)
{
    KillOutcome out;
    out.serial = serial;
    out.statement = killStatement(request);
    const qint64 id = request.target.id;

    if (m_own->contains(id) || (m_ownId && id == m_ownId)) {
        out.verdict = KillOutcome::Verdict::Protected;
        out.message =
            tr("Not sent: connection %1 is one of KillScope's own; it is never killed.").arg(id);
        out.answeredUs = m_clock.nowUs();
        Q_EMIT answered(out);
        return;
    }

    // Two tries: a kill connection the server dropped (wait_timeout, restart) is reopened once,
    // and the identity is proven again on the new connection.
    for (int attempt = 0; attempt < 2; ++attempt) {
        QString message;
        int code = 0;
        if (!ensureOpen(&message, &code)) {
            out.verdict = KillOutcome::Verdict::NoConnection;
            out.serverError = code;
            out.message = tr("Not sent: no connection to kill with: %1").arg(message);
            out.answeredUs = m_clock.nowUs();
            Q_EMIT answered(out);
            return;
        }
        IdentityProof::Now now;
        if (!readIdentity(id, &now, &code, &message)) {
            if (isConnectionLostError(code) && attempt == 0) {
                closeConnection();
                continue;
            }
            // Cannot check: do not risk hitting a stranger.
            out.verdict = KillOutcome::Verdict::NoConnection;
            out.serverError = code;
            out.message =
                tr("Not sent: the session's identity could not be checked: %1").arg(message);
            out.answeredUs = m_clock.nowUs();
            Q_EMIT answered(out);
            return;
        }
        const IdentityProof proof = IdentityProof::check(request.target, now, m_osThreadStable);
        out.evidence = proof.evidence;
        if (proof.verdict == IdentityProof::Verdict::Refused) {
            out.verdict = KillOutcome::Verdict::NotSameSession;
            out.message = proof.reason;
            out.answeredUs = m_clock.nowUs();
            Q_EMIT answered(out);
            return;
        }
        QSqlQuery q(m_db);
        out.sentUs = m_clock.nowUs();
        out.sent = true;
        Q_EMIT sent(serial, out.sentUs, out.statement);
        const bool ok = q.exec(out.statement);
        out.answeredUs = m_clock.nowUs();
        if (ok) {
            out.verdict = KillOutcome::Verdict::Ok;
        } else {
            const QSqlError e = q.lastError();
            const int c = e.nativeErrorCode().toInt();
            if (isConnectionLostError(c) && attempt == 0) {
                // The connection broke around the KILL: whether it arrived is unknown, and the
                // server may have restarted. Check again from scratch before anything is resent.
                closeConnection();
                out.sent = false;
                continue;
            }
            out.verdict = KillOutcome::Verdict::ServerError;
            out.serverError = c;
            out.message = explainSqlError(e.nativeErrorCode(), e.databaseText(), m_settings);
        }
        Q_EMIT answered(out);
        return;
    }
}

} // namespace ks
