#pragma once

#include "connectionsettings.h"
#include "labheartbeat.h"
#include "labplan.h"
#include "labrecording.h"
#include "livesample.h"
#include "ownconnections.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QSqlDatabase>
#include <QStringList>
#include <QTemporaryDir>
#include <atomic>
#include <memory>
#include <optional>

class QEventLoop;
class QThread;
class QTimer;

namespace ks {

class LabAppClient;
class LabTerminal;
class Sampler;

// Runs one scenario on a real server: checks that the server may be used, creates the lab
// database, accounts and tables, calibrates, drives every session at the scenario's times
// (real command-line clients in pseudo-terminals, application sessions on their own QMYSQL
// connections), samples the processlist with INNODB_TRX, and removes everything it created —
// also after an error or an interrupt.
//
// Invariants:
// - Runs on a worker thread (run() blocks it); every SQL statement of lab mode runs there or on
//   the sampler's and the application sessions' own threads, never on the GUI thread.
// - Safety: without LabOptions::force it refuses a server that has other user databases or other
//   client sessions. It logs in only as the accounts it created (plus the given login for setup,
//   sampling and operator kills), and every KILL it sends targets an id of a connection it made
//   itself (checked right before sending) or an id verified not to exist; KILL USER names only its
//   own accounts.
// - Cleanup always runs once setup began: clients stopped, lab connections ended, accounts and
//   database dropped, changed server variables restored.
class LabRunner : public QObject
{
    Q_OBJECT
public:
    using Status = LabStatus;

    LabRunner(const sim::Scenario &scenario, const ConnectionSettings &login,
              const LabOptions &options, QObject *parent = nullptr);
    ~LabRunner() override;

    // Everything, start to end. Blocks the calling thread (not the GUI's).
    Status run();

    // Thread-safe: ends the run as soon as possible (cleanup still runs).
    void cancel() { m_cancel = true; }
    // Another owner's flag (the GUI's Cancel button) that ends the run the same way.
    void setCancelFlag(std::shared_ptr<const std::atomic<bool>> flag)
    {
        m_cancelFlag = std::move(flag);
    }
    // Set from a signal handler (headless SIGINT/SIGTERM): every runner stops.
    static void requestInterruptAll();
    static bool interruptRequested();

    const LabRecording &recording() const { return m_rec; }
    // Available after the server was detected (run() got past the connection).
    const std::optional<LabPlan> &plan() const { return m_plan; }
    QString errorText() const { return m_error; }

Q_SIGNALS:
    void progress(const QString &message);

private:
    struct Session;

    bool connectAdmin();
    bool preflight();
    bool setup();
    bool calibrate();
    void probeIo();
    qint64 globalStatus(const char *name);
    bool adjustTimes();
    bool runScenario();
    void cleanup();

    bool exec(const QString &sql, QString *error = nullptr);
    bool exec(QSqlDatabase &db, const QString &sql, QString *error = nullptr);
    bool stopped() const;
    void say(const QString &message);
    bool fail(const QString &message);

    bool startSession(Session &s, bool waitForPrompt);
    // The connection settings of the lab's own sessions (their TLS: see the definition).
    ConnectionSettings sessionSettings() const;
    QString defaultsFileFor(const QString &account);
    QString clientProgram() const;
    QMap<QString, QString> clientEnvironment() const;
    QStringList clientArguments(const Session &s, const QString &defaultsFile) const;
    void maybeSend(Session &s);
    void send(Session &s);
    void onPrompt(Session &s, qint64 t);
    void onLine(Session &s, qint64 t, const QString &text);
    void doAction(int index);
    QString killText(const sim::KillSpec &k, Session *killer, QString *victimSession,
                     qint64 *victimId, QString *refusal);
    qint64 currentId(const QString &session) const;
    bool idExists(qint64 id);
    void takeSample(const struct LiveSample &sample);
    void endSessions();
    bool waitForLabThreadsGone(int timeoutMs);
    QList<LabTableState> tableStates();

    sim::Scenario m_scenario;
    ConnectionSettings m_login;
    LabOptions m_options;
    std::optional<LabPlan> m_plan;
    LabRecording m_rec;
    QString m_error;
    std::atomic<bool> m_cancel{false};
    std::shared_ptr<const std::atomic<bool>> m_cancelFlag;
    Status m_status = Status::Ok;

    LiveClock m_clock;
    qint64 m_t0 = 0; // clock time of the scenario's t = 0
    std::shared_ptr<OwnConnections> m_own;
    QString m_adminName;
    QSqlDatabase m_admin;
    QTemporaryDir m_home;
    QHash<QString, QString>
        m_passwords; // account → generated password (memory and 0600 files only)
    bool m_setupBegun = false;
    bool m_cleaned = false;
    QStringList m_createdAccounts;
    QString m_restoreEventScheduler;
    QString m_restoreConcurrency;

    std::vector<std::unique_ptr<Session>> m_sessions;
    QEventLoop *m_loop = nullptr;
    QThread *m_samplerThread = nullptr;
    Sampler *m_sampler = nullptr;
    qint64 m_lastSampleUs = -1;
    quint64 m_samplesSeen = 0;
    qint64 m_lastTrxUs = -1;
    qint64 m_untilUs = 0;
    // How late each of lab mode's stamping threads got to run (LabHeartbeat), one per thread.
    std::vector<std::shared_ptr<LabHeartbeat::Log>> m_heartbeats;
};

} // namespace ks
