#pragma once

#include "connectionsettings.h"
#include "identityproof.h"
#include "livesample.h"
#include "ownconnections.h"
#include "serverinfo.h"
#include "sessionsource.h"

#include <QJsonObject>
#include <QObject>
#include <QSqlDatabase>
#include <memory>

namespace ks {

// What became of one kill on the wire.
struct KillOutcome
{
    enum class Verdict : quint8
    {
        Ok,             // the server answered "Query OK"
        ServerError,    // the server refused (1094, 1095, ...): serverError/message
        NotSameSession, // the identity check failed (another session, a restart): not sent
        Protected,      // one of KillScope's own connections: not sent
        NoConnection,   // the executor could not reach the server: not sent
    };
    int serial = 0;
    Verdict verdict = Verdict::Ok;
    bool sent = false;
    qint64 sentUs = -1;
    qint64 answeredUs = -1;
    int serverError = 0;
    QString message;
    QString statement;
    QStringList evidence; // what proved the identity (IdentityProof), when it was checked
};

// Sends kills on a dedicated connection and thread, so a kill never waits behind a sample.
//
// Invariants:
// - Lives on its own worker thread; its QSqlDatabase is opened there in start() and closed and
//   removed in the destructor on that thread. The connection is kept open between kills, so a
//   kill costs two round trips (identity check, KILL), not a handshake.
// - Right before sending it reads, on the kill connection, the server's incarnation and the
//   target id's row, and sends only what IdentityProof accepts: the same server life and every
//   fact that agrees with the session the source recorded. A restart between the check and the
//   KILL breaks this very connection, so the KILL can never reach a later life; after a broken
//   connection the check is redone on the new one. An absent id (same life) is still sent and the
//   server's own 1094 answer is reported.
// - Never kills one of KillScope's own connections.
class KillExecutor : public QObject
{
    Q_OBJECT
public:
    KillExecutor(const ConnectionSettings &settings, std::shared_ptr<OwnConnections> own,
                 LiveClock clock, QObject *parent = nullptr);
    ~KillExecutor() override;

public Q_SLOTS:
    void start();
    void execute(int serial, const ks::KillRequest &request);
    // Drops the connection and opens a new one (after the server came back).
    void reconnect();

Q_SIGNALS:
    // After the first connect attempt (its id is registered as KillScope's own when it worked).
    void ready(bool connected, const QString &message);
    void sent(int serial, qint64 atUs, const QString &statement);
    void answered(const ks::KillOutcome &outcome);

private:
    bool ensureOpen(QString *message, int *code);
    void closeConnection();
    bool readIdentity(qint64 id, IdentityProof::Now *now, int *code, QString *message);

    ConnectionSettings m_settings;
    std::shared_ptr<OwnConnections> m_own;
    LiveClock m_clock;
    QString m_connectionName;
    QSqlDatabase m_db;
    qint64 m_ownId = 0;
    ServerInfo m_flavor; // product and version of the server the kill connection reached
    bool m_osThreadStable = false;
    bool m_psThreads = false;
};

} // namespace ks

Q_DECLARE_METATYPE(ks::KillOutcome)
Q_DECLARE_METATYPE(ks::KillRequest)
