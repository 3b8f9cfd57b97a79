#include "killexecutor.h"

#include "connectionopener.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace ks {

KillExecutor::KillExecutor(const ConnectionSettings &settings, std::shared_ptr<OwnConnections> own,
                           std::shared_ptr<AuditLog> audit, LiveClock clock, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_own(std::move(own))
    , m_audit(std::move(audit))
    , m_clock(clock)
    , m_connectionName(QStringLiteral("ks-killer-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

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
    if (!q.exec(QStringLiteral("SELECT /* killscope:killer */ CONNECTION_ID(), CURRENT_USER(), "
                               "VERSION(), @ks_role := 'killer'")) ||
        !q.next()) {
        const QSqlError e = q.lastError();
        *code = e.nativeErrorCode().toInt();
        *message = explainSqlError(e.nativeErrorCode(), e.databaseText(), m_settings);
        m_db.close();
        return false;
    }
    m_ownId = q.value(0).toLongLong();
    m_server = q.value(1).toString() + QStringLiteral(" on ") + m_settings.describe() +
               QStringLiteral(" (") + q.value(2).toString() + u')';
    m_own->add(m_ownId);
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

void KillExecutor::execute(int serial, const KillRequest &request)
{
    KillOutcome out;
    out.serial = serial;
    out.statement = killStatement(request);
    const qint64 id = request.target.id;

    if (m_own->contains(id) || (m_ownId && id == m_ownId)) {
        out.verdict = KillOutcome::Verdict::Protected;
        out.message = tr("Connection %1 is one of KillScope's own; it is never killed.").arg(id);
        out.answeredUs = m_clock.nowUs();
        audit(request, out);
        Q_EMIT answered(out);
        return;
    }

    // Two tries: a kill connection the server dropped (wait_timeout, restart) is reopened once.
    for (int attempt = 0; attempt < 2; ++attempt) {
        QString message;
        int code = 0;
        if (!ensureOpen(&message, &code)) {
            out.verdict = KillOutcome::Verdict::NoConnection;
            out.serverError = code;
            out.message = message;
            out.answeredUs = m_clock.nowUs();
            audit(request, out);
            Q_EMIT answered(out);
            return;
        }
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT /* killscope:killer */ USER, HOST FROM "
                                   "information_schema.PROCESSLIST WHERE ID = %1")
                        .arg(id))) {
            const int c = q.lastError().nativeErrorCode().toInt();
            if (isConnectionLostError(c) && attempt == 0) {
                closeConnection();
                continue;
            }
            // Cannot check: do not risk hitting a stranger.
            out.verdict = KillOutcome::Verdict::NoConnection;
            out.serverError = c;
            out.message = explainSqlError(q.lastError().nativeErrorCode(),
                                          q.lastError().databaseText(), m_settings);
            out.answeredUs = m_clock.nowUs();
            audit(request, out);
            Q_EMIT answered(out);
            return;
        }
        if (q.next()) {
            const QString user = q.value(0).toString();
            const QString host = q.value(1).toString();
            const bool userDiffers = !request.target.user.isEmpty() && user != request.target.user;
            const bool hostDiffers = !request.target.host.isEmpty() && host != request.target.host;
            if (userDiffers || hostDiffers) {
                out.verdict = KillOutcome::Verdict::NotSameSession;
                out.message = tr("Not sent: id %1 now belongs to %2@%3, not to the session "
                                 "%4@%5 you chose.")
                                  .arg(id)
                                  .arg(user, host, request.target.user, request.target.host);
                out.answeredUs = m_clock.nowUs();
                audit(request, out);
                Q_EMIT answered(out);
                return;
            }
        }
        q.finish();
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
                closeConnection();
                continue;
            }
            out.verdict = KillOutcome::Verdict::ServerError;
            out.serverError = c;
            out.message = explainSqlError(e.nativeErrorCode(), e.databaseText(), m_settings);
        }
        audit(request, out);
        Q_EMIT answered(out);
        return;
    }
}

void KillExecutor::audit(const KillRequest &request, const KillOutcome &out)
{
    if (!m_audit)
        return;
    static const char *const verdicts[] = {"ok", "server-error", "not-same-session", "protected",
                                           "no-connection"};
    QJsonObject o;
    o.insert(QStringLiteral("server"), m_server.isEmpty() ? m_settings.describe() : m_server);
    o.insert(QStringLiteral("statement"), out.statement);
    o.insert(QStringLiteral("targetId"), request.target.id);
    o.insert(QStringLiteral("targetUser"), request.target.user);
    o.insert(QStringLiteral("targetHost"), request.target.host);
    o.insert(QStringLiteral("sent"), out.sent);
    o.insert(QStringLiteral("verdict"), QString::fromLatin1(verdicts[int(out.verdict)]));
    o.insert(QStringLiteral("error"), out.serverError);
    if (!out.message.isEmpty())
        o.insert(QStringLiteral("message"), out.message);
    if (out.sent)
        o.insert(QStringLiteral("roundTripUs"), out.answeredUs - out.sentUs);
    m_audit->append(o);
}

} // namespace ks
