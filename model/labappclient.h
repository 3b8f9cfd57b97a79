#pragma once

#include "connectionsettings.h"
#include "labheartbeat.h"
#include "livesample.h"

#include <QObject>
#include <QSqlDatabase>
#include <QStringList>

namespace ks {

// Opens one QMYSQL connection for lab mode on the calling thread, under a unique name, through
// the program's one ConnectionOpener; false with a readable sentence in *error.
bool openLabConnection(QSqlDatabase &db, const ConnectionSettings &settings, const QString &name,
                       int readTimeoutS, QString *error);
// Closes and removes a connection opened by openLabConnection (same thread).
void closeLabConnection(QSqlDatabase &db);

// An application session of a lab run (`client: "app"`): its own QMYSQL connection on its own
// thread, sending one statement at a time. Like the simulated application it has no terminal:
// what it "prints" is the error a statement got ("ERROR 1317 (70100): Query execution was
// interrupted"); after a lost connection it stops.
//
// Invariants: lives on its own QThread (moveToThread before open()); every statement blocks only
// that thread. The connection is opened and closed on it.
class LabAppClient : public QObject
{
    Q_OBJECT
public:
    // `heartbeat`, if given, logs how late this client's thread got to run between statements.
    LabAppClient(const ConnectionSettings &settings, const QStringList &initSql, LiveClock clock,
                 qint64 originUs, std::shared_ptr<LabHeartbeat::Log> heartbeat = {},
                 QObject *parent = nullptr);
    ~LabAppClient() override;

    // "ERROR 1317 (70100): Query execution was interrupted" from the driver's error (QMYSQL
    // gives no SQLSTATE; it follows from the code).
    static QString errorLine(int code, const QString &message);

public Q_SLOTS:
    void open();
    void execute(int statement, const QString &sql);
    void close();

Q_SIGNALS:
    void opened(qint64 connectionId, qint64 tUs);
    void openFailed(const QString &message);
    void started(int statement, qint64 tUs);
    void finished(int statement, qint64 tUs, int error, const QString &line);
    void lost(qint64 tUs);

private:
    qint64 now() const { return m_clock.nowUs() - m_originUs; }

    ConnectionSettings m_settings;
    QStringList m_initSql;
    LiveClock m_clock;
    qint64 m_originUs = 0;
    QString m_name;
    QSqlDatabase m_db;
    bool m_lost = false;
    std::shared_ptr<LabHeartbeat::Log> m_heartbeatLog;
    LabHeartbeat *m_heartbeat = nullptr; // made in open(), on this client's thread
};

} // namespace ks
