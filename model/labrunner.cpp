#include "labrunner.h"

#include "engine.h"
#include "labappclient.h"
#include "labcalibration.h"
#include "labterminal.h"
#include "sampler.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <chrono>
#include <functional>
#include <thread>

namespace ks {

namespace {

std::atomic<bool> g_interrupt{false};

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// A quoted SQL string literal.
QString sqlString(const QString &s)
{
    QString out = s;
    out.replace(u'\\', QStringLiteral("\\\\"));
    out.replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + out + u'\'';
}

QString randomPassword()
{
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString pw;
    for (int i = 0; i < 24; ++i)
        pw += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet - 1))]);
    return pw;
}

bool isSystemRow(const ProcesslistRow &r)
{
    return r.system || r.command == QLatin1String("Daemon") ||
           r.user == QLatin1String("system user") || r.user == QLatin1String("event_scheduler") ||
           r.command == QLatin1String("Binlog Dump") || r.user.isEmpty();
}

const QRegularExpression &bannerId()
{
    static const QRegularExpression re(
        QStringLiteral("^Your (?:MariaDB|MySQL) connection id is (\\d+)"));
    return re;
}

const QRegularExpression &reconnectId()
{
    static const QRegularExpression re(QStringLiteral("^Connection id:\\s+(\\d+)"));
    return re;
}

} // namespace

struct LabRunner::Session
{
    int index = -1;
    const sim::SessionSpec *spec = nullptr;
    LabSessionRun run;
    QString account;
    LabTerminal *term = nullptr;
    QThread *appThread = nullptr;
    LabAppClient *app = nullptr;
    size_t next = 0;
    bool busy = false;
    bool started = false;
    bool exited = false;
    bool timerArmed = false;
    qint64 lastDoneUs = 0; // clock time
    int inFlight = -1;     // index into run.statements
    qint64 spawnedUs = -1;
};

void LabRunner::requestInterruptAll()
{
    g_interrupt = true;
}

bool LabRunner::interruptRequested()
{
    return g_interrupt;
}

LabRunner::LabRunner(const sim::Scenario &scenario, const ConnectionSettings &login,
                     const LabOptions &options, QObject *parent)
    : QObject(parent)
    , m_scenario(scenario)
    , m_login(login)
    , m_options(options)
    , m_own(std::make_shared<OwnConnections>())
    , m_adminName(QStringLiteral("ks-lab-admin-") + QUuid::createUuid().toString(QUuid::Id128))
{
    m_rec.scenarioId = qs(scenario.id);
}

LabRunner::~LabRunner()
{
    cleanup();
}

bool LabRunner::stopped() const
{
    return m_cancel || g_interrupt || (m_cancelFlag && *m_cancelFlag);
}

void LabRunner::say(const QString &message)
{
    Q_EMIT progress(message);
}

bool LabRunner::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
    if (m_status == Status::Ok)
        m_status = Status::Failed;
    return false;
}

bool LabRunner::exec(const QString &sql, QString *error)
{
    return exec(m_admin, sql, error);
}

bool LabRunner::exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    const QString text =
        tr("“%1” failed: %2 (%3)")
            .arg(sql, q.lastError().databaseText(), q.lastError().nativeErrorCode());
    if (error)
        *error = text;
    return false;
}

LabRunner::Status LabRunner::run()
{
    m_status = Status::Ok;
    const bool ok =
        connectAdmin() && preflight() && setup() && calibrate() && adjustTimes() && runScenario();
    if (!ok && stopped() && m_status != Status::Refused) {
        m_status = Status::Interrupted;
        if (m_error.isEmpty())
            m_error = tr("Interrupted.");
    }
    cleanup();
    return ok ? Status::Ok : m_status;
}

bool LabRunner::connectAdmin()
{
    say(tr("Connecting to %1…").arg(m_login.describe()));
    QString error;
    if (!openLabConnection(m_admin, m_login, m_adminName, 0, &error))
        return fail(error);
    if (!ServerInfo::detect(m_admin, &m_rec.server, &error))
        return fail(error.section(u' ', 1));
    m_own->add(m_rec.server.ownConnectionId);
    sim::Flavor flavor;
    if (!sim::parseFlavor(m_rec.server.flavorId().toStdString(), flavor))
        return fail(tr("Lab mode does not know this server: %1").arg(m_rec.server.versionString));
    m_plan = LabPlan::make(m_scenario, flavor, m_options.scale, m_options.database, &error);
    if (!m_plan) {
        m_status = Status::Refused;
        return fail(error);
    }
    m_rec.scale = m_plan->scale();
    say(tr("Server: %1 (%2).").arg(m_rec.server.displayName(), m_rec.server.flavorId()));
    return true;
}

bool LabRunner::preflight()
{
    QSqlQuery q(m_admin);
    static const QStringList systemDbs = {
        QStringLiteral("information_schema"), QStringLiteral("mysql"),
        QStringLiteral("performance_schema"), QStringLiteral("sys")};
    QStringList others;
    bool labDbExists = false;
    if (!q.exec(QStringLiteral("SHOW DATABASES")))
        return fail(q.lastError().databaseText());
    while (q.next()) {
        const QString db = q.value(0).toString();
        if (db == m_options.database)
            labDbExists = true;
        else if (!systemDbs.contains(db, Qt::CaseInsensitive))
            others << db;
    }
    // A lab database of an interrupted run carries our owner table; anything else is not ours.
    if (labDbExists) {
        QSqlQuery o(m_admin);
        if (!o.exec(QStringLiteral("SELECT account FROM `%1`.`_killscope_lab`")
                        .arg(m_options.database))) {
            m_status = Status::Refused;
            return fail(tr("A database called %1 exists that lab mode did not create; lab mode "
                           "will not touch it. "
                           "Choose another name or remove it yourself.")
                            .arg(m_options.database));
        }
        QStringList accounts;
        while (o.next())
            accounts << o.value(0).toString();
        say(tr("Removing what an interrupted lab run left behind (%1).").arg(m_options.database));
        for (const QString &a : std::as_const(accounts))
            exec(QStringLiteral("DROP USER IF EXISTS %1@'localhost', %1@'%'").arg(sqlString(a)));
        if (!exec(QStringLiteral("DROP DATABASE `%1`").arg(m_options.database), &m_error))
            return fail(m_error);
    }
    QStringList sessions;
    if (!q.exec(QStringLiteral(
            "SELECT ID, USER, HOST, DB, COMMAND FROM information_schema.PROCESSLIST")))
        return fail(q.lastError().databaseText());
    while (q.next()) {
        ProcesslistRow r;
        r.id = q.value(0).toLongLong();
        r.user = q.value(1).toString();
        r.command = q.value(4).toString();
        if (m_own->contains(r.id) || isSystemRow(r))
            continue;
        sessions << QStringLiteral("%1 %2@%3 %4")
                        .arg(r.id)
                        .arg(r.user, q.value(2).toString(), r.command);
    }
    if (!others.isEmpty() || !sessions.isEmpty()) {
        QStringList why;
        if (!others.isEmpty())
            why << tr("other databases: %1").arg(others.join(QStringLiteral(", ")));
        if (!sessions.isEmpty())
            why << tr("other client sessions: %1").arg(sessions.join(QStringLiteral("; ")));
        if (!m_options.force) {
            m_status = Status::Refused;
            return fail(tr("This server may hold real work (%1). Lab mode creates and drops a "
                           "database and accounts, "
                           "changes server variables and kills the sessions it starts; run it on a "
                           "test server, or "
                           "pass --lab-force if this one is.")
                            .arg(why.join(QStringLiteral("; "))));
        }
        m_rec.forced = true;
        m_rec.notes
            << tr("Run with --lab-force on a server with %1.").arg(why.join(QStringLiteral("; ")));
    }
    return true;
}

bool LabRunner::setup()
{
    if (stopped())
        return false;
    const LabPlan &plan = *m_plan;
    const QString db = m_options.database;
    m_setupBegun = true;
    say(tr("Creating database %1 and %2 lab accounts…").arg(db).arg(plan.accounts().size()));
    QString error;
    auto refused = [this](const QString &e) {
        m_status = Status::Refused;
        return fail(
            tr("The login cannot set up a lab (it needs to create databases and users and grant "
               "privileges, e.g. root on a test server): %1")
                .arg(e));
    };
    if (!exec(QStringLiteral("CREATE DATABASE `%1` CHARACTER SET utf8mb4").arg(db), &error))
        return refused(error);
    if (!exec(QStringLiteral("CREATE TABLE `%1`.`_killscope_lab` (account VARCHAR(80) PRIMARY KEY) "
                             "ENGINE=InnoDB")
                  .arg(db),
              &error))
        return refused(error);
    for (const LabPlan::Account &a : plan.accounts()) {
        const QString pw = randomPassword();
        m_passwords.insert(a.name, pw);
        if (!exec(QStringLiteral("INSERT INTO `%1`.`_killscope_lab` VALUES (%2)")
                      .arg(db, sqlString(a.name)),
                  &error))
            return refused(error);
        m_createdAccounts << a.name;
        for (const char *host : {"localhost", "%"}) {
            const QString who = QStringLiteral("%1@%2").arg(sqlString(a.name),
                                                            sqlString(QString::fromLatin1(host)));
            if (!exec(QStringLiteral("CREATE USER %1 IDENTIFIED BY %2").arg(who, sqlString(pw)),
                      &error))
                return refused(error);
            if (!a.grants.isEmpty() && !exec(QStringLiteral("GRANT %1 ON *.* TO %2")
                                                 .arg(a.grants.join(QStringLiteral(", ")), who),
                                             &error))
                return refused(error);
            if (!exec(QStringLiteral("GRANT ALL PRIVILEGES ON `%1`.* TO %2").arg(db, who), &error))
                return refused(error);
        }
    }
    if (!exec(QStringLiteral("USE `%1`").arg(db), &error))
        return fail(error);
    const bool maria = m_rec.server.isMariaDb();
    for (const LabPlan::Table &t : plan.tables()) {
        if (stopped())
            return false;
        say(tr("Creating table %1 with %2 rows…").arg(t.name).arg(t.rows));
        if (!exec(t.create, &error))
            return fail(error);
        if (t.rows <= 0 || t.fill.isEmpty())
            continue;
        // `seq` numbers the rows 1..N: MariaDB's Sequence engine, MySQL a recursive CTE.
        QString sql;
        if (maria) {
            sql = QStringLiteral("INSERT INTO `%1` SELECT %2 FROM seq_1_to_%3")
                      .arg(t.name, t.fill)
                      .arg(t.rows);
        } else {
            exec(QStringLiteral("SET SESSION cte_max_recursion_depth = %1").arg(t.rows + 1));
            sql = QStringLiteral("INSERT INTO `%1` WITH RECURSIVE s(seq) AS (SELECT 1 UNION ALL "
                                 "SELECT seq + 1 FROM s "
                                 "WHERE seq < %3) SELECT %2 FROM s")
                      .arg(t.name, t.fill)
                      .arg(t.rows);
        }
        if (!exec(sql, &error))
            return fail(error);
    }
    // The event scheduler is a session of some scenarios: it must be running.
    for (const sim::SessionSpec &ss : plan.scenario().sessions) {
        if (!ss.daemon)
            continue;
        QSqlQuery q(m_admin);
        if (q.exec(QStringLiteral("SELECT @@global.event_scheduler")) && q.next() &&
            q.value(0).toString().compare(QStringLiteral("ON"), Qt::CaseInsensitive) != 0) {
            m_restoreEventScheduler = q.value(0).toString();
            if (!exec(QStringLiteral("SET GLOBAL event_scheduler = ON"), &error))
                return fail(error);
        }
        break;
    }
    m_rec.tablesBefore = tableStates();
    return true;
}

QList<LabTableState> LabRunner::tableStates()
{
    QList<LabTableState> out;
    for (const LabPlan::Table &t : m_plan->tables()) {
        LabTableState s;
        s.name = t.name;
        QSqlQuery q(m_admin);
        if (q.exec(QStringLiteral("SHOW CREATE TABLE `%1`.`%2`").arg(m_options.database, t.name)) &&
            q.next())
            s.definition = q.value(1).toString();
        if (q.exec(QStringLiteral("CHECKSUM TABLE `%1`.`%2`").arg(m_options.database, t.name)) &&
            q.next())
            s.checksum = q.value(1).toString();
        out << s;
    }
    return out;
}

bool LabRunner::calibrate()
{
    if (stopped())
        return false;
    const LabPlan &plan = *m_plan;
    const sim::Scenario &sc = plan.scenario();
    const int repeats = std::max(2, m_options.repeats);
    QString error;
    static const QRegularExpression alterTable(
        QStringLiteral("^\\s*ALTER\\s+TABLE\\s+`?([A-Za-z0-9_]+)`?"),
        QRegularExpression::CaseInsensitiveOption);
    for (size_t si = 0; si < sc.sessions.size(); ++si) {
        const sim::SessionSpec &ss = sc.sessions[si];
        for (size_t k = 0; k < ss.statements.size(); ++k) {
            const sim::Statement &st = ss.statements[k];
            if (st.kind == sim::StatementKind::Kill || st.kind == sim::StatementKind::Quit ||
                st.kind == sim::StatementKind::Begin || st.kind == sim::StatementKind::Commit ||
                st.kind == sim::StatementKind::Rollback)
                continue;
            double rowsNs = 0, cpuUs = 0;
            bool modifies = false, sleeps = false;
            for (const sim::Step &step : st.steps) {
                if (step.op == sim::StepOp::Rows) {
                    rowsNs += double(step.count) * double(step.perRowNs);
                    modifies = modifies || step.modify;
                } else if (step.op == sim::StepOp::Cpu) {
                    cpuUs += double(step.durationUs);
                } else if (step.op == sim::StepOp::Sleep) {
                    sleeps = true;
                }
            }
            // A SLEEP() lasts what its SQL says; a statement without steps is the engine's tiny
            // default. Short statements are timed too (their overhead shows in every line after
            // them), five times, since their variation is relatively larger.
            if (sleeps || st.steps.empty() || (rowsNs <= 0 && cpuUs <= 0))
                continue;
            const bool small = rowsNs < 20e6;
            if (small && st.kind == sim::StatementKind::Ddl)
                continue;
            if (stopped())
                return false;
            LabCalibrationRun run;
            run.session = qs(ss.name);
            run.statement = int(k);
            run.sql = plan.sendText(int(si), int(k));
            run.modifies = modifies;
            run.small = small;
            const int runs = small ? std::max(5, repeats) : repeats;
            say(tr("Calibrating %1 statement %2 (%3 runs): %4")
                    .arg(run.session)
                    .arg(k)
                    .arg(runs)
                    .arg(run.sql));
            const QRegularExpressionMatch ddl = alterTable.match(run.sql);
            const bool isDdl = st.kind == sim::StatementKind::Ddl && ddl.hasMatch();
            for (int r = 0; r < runs; ++r) {
                QSqlQuery q(m_admin);
                QElapsedTimer clock;
                if (isDdl) {
                    // DDL commits: it is timed on a copy of its table.
                    const QString table = ddl.captured(1);
                    const QString copy = QStringLiteral("_kscal_") + table;
                    if (!exec(QStringLiteral("DROP TABLE IF EXISTS `%1`").arg(copy), &error) ||
                        !exec(QStringLiteral("CREATE TABLE `%1` LIKE `%2`").arg(copy, table),
                              &error) ||
                        !exec(
                            QStringLiteral("INSERT INTO `%1` SELECT * FROM `%2`").arg(copy, table),
                            &error))
                        return fail(error);
                    QString sql = run.sql;
                    sql.replace(ddl.capturedStart(1), ddl.capturedLength(1), copy);
                    clock.start();
                    if (!q.exec(sql))
                        return fail(tr("Calibration of %1 failed: %2")
                                        .arg(run.sql, q.lastError().databaseText()));
                    run.forwardUs << clock.nsecsElapsed() / 1000;
                    clock.restart();
                    if (exec(QStringLiteral("DROP TABLE `%1`").arg(copy), &error))
                        run.dropUs << clock.nsecsElapsed() / 1000;
                    else
                        return fail(error);
                    continue;
                }
                if (modifies && !exec(QStringLiteral("BEGIN"), &error))
                    return fail(error);
                q.setForwardOnly(true);
                const qint64 read0 = globalStatus("Innodb_data_read");
                const qint64 files0 = globalStatus("Created_tmp_files");
                clock.start();
                if (!q.exec(run.sql)) {
                    const QString e = q.lastError().databaseText();
                    if (modifies)
                        exec(QStringLiteral("ROLLBACK"));
                    return fail(tr("Calibration of %1 failed: %2").arg(run.sql, e));
                }
                // The driver stores the whole result before exec() returns, as the command-line
                // client does before it prints "(… sec)": that is the statement's time. Reading
                // the stored rows through the driver is this program's own work, not timed.
                run.forwardUs << clock.nsecsElapsed() / 1000;
                while (q.next()) {
                }
                const qint64 read1 = globalStatus("Innodb_data_read");
                const qint64 files1 = globalStatus("Created_tmp_files");
                if (read0 >= 0 && read1 >= read0)
                    run.forwardReadBytes << read1 - read0;
                if (files0 >= 0 && files1 >= files0)
                    run.tmpFiles << files1 - files0;
                if (modifies) {
                    run.rowsChanged = q.numRowsAffected();
                    clock.restart();
                    if (!exec(QStringLiteral("ROLLBACK"), &error))
                        return fail(error);
                    run.rollbackUs << clock.nsecsElapsed() / 1000;
                    const qint64 read2 = globalStatus("Innodb_data_read");
                    if (read1 >= 0 && read2 >= read1)
                        run.rollbackReadBytes << read2 - read1;
                }
            }
            m_rec.calibration.runs << run;
        }
    }

    probeIo();

    // The kill path itself: KILL QUERY of a SLEEP, from sending to the victim's error.
    if (stopped())
        return false;
    say(tr("Measuring the kill round trip…"));
    const ConnectionSettings victim = sessionSettings();
    for (int r = 0; r < 5 && !stopped(); ++r) {
        QThread thread;
        auto *client = new LabAppClient(victim, {}, m_clock, 0);
        client->moveToThread(&thread);
        connect(&thread, &QThread::finished, client, &QObject::deleteLater);
        qint64 id = 0;
        qint64 endedUs = -1;
        QEventLoop loop;
        connect(client, &LabAppClient::opened, &loop, [&](qint64 cid, qint64) {
            id = cid;
            loop.quit();
        });
        connect(client, &LabAppClient::openFailed, &loop, [&](const QString &) { loop.quit(); });
        connect(client, &LabAppClient::finished, &loop, [&](int, qint64 t, int, const QString &) {
            endedUs = t;
            loop.quit();
        });
        thread.start();
        QMetaObject::invokeMethod(client, "open", Qt::QueuedConnection);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        if (id > 0) {
            m_own->add(id);
            QMetaObject::invokeMethod(client, "execute", Qt::QueuedConnection, Q_ARG(int, 0),
                                      Q_ARG(QString, QStringLiteral("SELECT SLEEP(10)")));
            // Until the server shows it sleeping.
            for (int i = 0; i < 200; ++i) {
                QSqlQuery q(m_admin);
                if (q.exec(QStringLiteral(
                               "SELECT STATE FROM information_schema.PROCESSLIST WHERE ID = %1")
                               .arg(id)) &&
                    q.next() && q.value(0).toString() == QLatin1String("User sleep"))
                    break;
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
            const qint64 sent = m_clock.nowUs();
            exec(QStringLiteral("KILL QUERY %1").arg(id));
            QTimer::singleShot(10000, &loop, &QEventLoop::quit);
            if (endedUs < 0)
                loop.exec();
            if (endedUs >= sent)
                m_rec.calibration.killRoundTrips << endedUs - sent;
            m_own->remove(id);
        }
        QMetaObject::invokeMethod(client, "close", Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }

    // How long the command-line client takes from start to its first prompt (the simulation's
    // connect_time).
    if (!m_plan->accounts().isEmpty() && m_home.isValid()) {
        say(tr("Measuring the client's start-up…"));
        const QString account = m_plan->accounts().constFirst().name;
        const QString defaults = defaultsFileFor(account);
        for (int r = 0; r < 5 && !stopped(); ++r) {
            LabTerminal term(m_clock);
            QString err;
            const qint64 t0 = m_clock.nowUs();
            if (!term.start(clientProgram(),
                            {QStringLiteral("--defaults-file=%1").arg(defaults),
                             QStringLiteral("--no-auto-rehash")},
                            clientEnvironment(), &err))
                return fail(err);
            qint64 shown = -1;
            connect(&term, &LabTerminal::promptShown, &term, [&shown](qint64 t) { shown = t; });
            QElapsedTimer wait;
            wait.start();
            while (shown < 0 && term.isRunning() && wait.elapsed() < 15000 && !stopped())
                QCoreApplication::processEvents(
                    QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
            term.stop();
            if (shown < 0)
                return fail(tr("The command-line client did not show its prompt."));
            m_rec.calibration.startupUs << shown - t0;
        }
        // A reconnect as the client does it: its connection killed while it sits at the prompt,
        // the next statement fails with 2006, and it connects again ("No connection. Trying to
        // reconnect..." to "Connection id:"). That is the simulation's client_connect_time and
        // connect_time together.
        {
            LabTerminal term(m_clock);
            QString err;
            if (!term.start(clientProgram(),
                            {QStringLiteral("--defaults-file=%1").arg(defaults),
                             QStringLiteral("--no-auto-rehash")},
                            clientEnvironment(), &err))
                return fail(err);
            auto waitFor = [&](const std::function<bool()> &done) {
                QElapsedTimer wait;
                wait.start();
                while (!done() && term.isRunning() && wait.elapsed() < 15000 && !stopped())
                    QCoreApplication::processEvents(
                        QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
                return done();
            };
            static const QRegularExpression idLine(
                QStringLiteral("(?:connection id is|Connection id:)\\s+(\\d+)"));
            auto currentClientId = [&term]() -> qint64 {
                qint64 id = 0;
                for (const LabLine &l : term.lines()) {
                    const QRegularExpressionMatch m = idLine.match(l.text);
                    if (m.hasMatch())
                        id = m.captured(1).toLongLong();
                }
                return id;
            };
            if (!waitFor([&] { return term.atPrompt(); }))
                return fail(tr("The command-line client did not show its prompt."));
            for (int r = 0; r < 5 && !stopped(); ++r) {
                const qint64 id = currentClientId();
                if (id <= 0 || !exec(QStringLiteral("KILL CONNECTION %1").arg(id)))
                    break;
                // Until the server has let the thread go.
                for (int i = 0; i < 200 && idExists(id); ++i)
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                const qsizetype before = term.lines().size();
                term.type(QStringLiteral("SELECT 1;"));
                if (!waitFor([&] { return term.atPrompt(); }))
                    break;
                qint64 lost = -1, back = -1;
                for (qsizetype i = before; i < term.lines().size(); ++i) {
                    const LabLine &l = term.lines()[i];
                    if (lost < 0 && l.text.startsWith(QLatin1String("No connection.")))
                        lost = l.tUs;
                    if (back < 0 && l.text.startsWith(QLatin1String("Connection id:")))
                        back = l.tUs;
                }
                if (lost >= 0 && back >= lost)
                    m_rec.calibration.connectUs << back - lost;
            }
            term.stop();
        }
        // The connection alone (handshake and login): the part of connect_time the server shows
        // as Connect | login. Where the client would not reconnect, it is all there is.
        {
            ConnectionSettings cs = sessionSettings();
            cs.user = account;
            cs.password = m_passwords.value(account);
            cs.database.clear();
            for (int r = 0; r < 5 && !stopped(); ++r) {
                QSqlDatabase db;
                QElapsedTimer t;
                t.start();
                QString err;
                const bool ok =
                    openLabConnection(db, cs, QStringLiteral("ks-lab-connect-%1").arg(r), 0, &err);
                const qint64 us = t.nsecsElapsed() / 1000;
                closeLabConnection(db);
                if (!ok)
                    return fail(err);
                m_rec.calibration.handshakeUs << us;
            }
            if (m_rec.calibration.connectUs.size() < 2)
                m_rec.calibration.connectUs = m_rec.calibration.handshakeUs;
        }
    }
    return true;
}

qint64 LabRunner::globalStatus(const char *name)
{
    QSqlQuery q(m_admin);
    if (!q.exec(QStringLiteral("SHOW GLOBAL STATUS LIKE '%1'").arg(QLatin1String(name))) ||
        !q.next())
        return -1;
    bool ok = false;
    const qint64 v = q.value(1).toLongLong(&ok);
    return ok ? v : -1;
}

void LabRunner::probeIo()
{
    // Only where the scenario models the device: temporary files, I/O requests, or pages read
    // from disk (whose amount the statements' own runs measure).
    const sim::Scenario &sc = m_plan->scenario();
    bool device = false;
    for (const sim::SessionSpec &ss : sc.sessions)
        for (const sim::Statement &st : ss.statements)
            for (const sim::Step &step : st.steps)
                device = device || step.op == sim::StepOp::TempFile || step.op == sim::StepOp::Io;
    if (!device || stopped())
        return;
    say(tr("Measuring the server's I/O…"));
    LabIoProbe &io = m_rec.calibration.io;
    // About 32 MB of rows: a fraction of any buffer pool a lab server has, enough for the device.
    const int rows = 160000;
    const bool maria = m_rec.server.isMariaDb();
    const QString source =
        maria
            ? QStringLiteral("SELECT seq AS id, REPEAT('x', 200) AS pad FROM seq_1_to_%1").arg(rows)
            : QStringLiteral("WITH RECURSIVE s(seq) AS (SELECT 1 UNION ALL SELECT seq + 1 FROM s "
                             "WHERE seq < %1) "
                             "SELECT seq AS id, REPEAT('x', 200) AS pad FROM s")
                  .arg(rows);
    QString error;
    if (!maria)
        exec(QStringLiteral("SET SESSION cte_max_recursion_depth = %1").arg(rows + 1));
    // Writing and syncing pages: the pages a statement dirtied, written to the device by FLUSH
    // TABLES … FOR EXPORT (which returns when they are on disk), three times.
    if (exec(QStringLiteral("DROP TABLE IF EXISTS `_kscal_io`"), &error) &&
        exec(QStringLiteral(
                 "CREATE TABLE `_kscal_io` (id INT PRIMARY KEY, pad CHAR(200)) ENGINE=InnoDB"),
             &error) &&
        exec(QStringLiteral("INSERT INTO `_kscal_io` ") + source, &error)) {
        for (int r = 0; r < 3 && !stopped(); ++r) {
            if (r > 0 && !exec(QStringLiteral("UPDATE `_kscal_io` SET pad = REPEAT('%1', 200)")
                                   .arg(QChar(u'a' + r)),
                               &error))
                break;
            const qint64 w0 = globalStatus("Innodb_data_written");
            QElapsedTimer clock;
            clock.start();
            const bool ok = exec(QStringLiteral("FLUSH TABLES `_kscal_io` FOR EXPORT"), &error);
            const qint64 us = clock.nsecsElapsed() / 1000;
            exec(QStringLiteral("UNLOCK TABLES"));
            const qint64 w1 = globalStatus("Innodb_data_written");
            if (!ok)
                break;
            if (w0 >= 0 && w1 > w0 && us > 0) {
                io.syncBytes << w1 - w0;
                io.syncUs << us;
            }
        }
    }
    exec(QStringLiteral("DROP TABLE IF EXISTS `_kscal_io`"));
    if (io.syncUs.isEmpty())
        io.failure = error.isEmpty() ? tr("the server reported no bytes written") : error;
    // Removing a file: the server's temporary files are removed when a statement ends or is
    // killed. A MyISAM table is one plain data file of a known size.
    for (int r = 0; r < 3 && !stopped(); ++r) {
        QString e;
        if (!exec(QStringLiteral("CREATE TABLE `_kscal_file` ENGINE=MyISAM ") + source, &e)) {
            if (io.failure.isEmpty())
                io.failure = e;
            break;
        }
        QSqlQuery q(m_admin);
        if (q.exec(QStringLiteral(
                "SELECT DATA_LENGTH FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                "AND TABLE_NAME = '_kscal_file'")) &&
            q.next())
            io.fileBytes = q.value(0).toLongLong();
        QElapsedTimer clock;
        clock.start();
        if (!exec(QStringLiteral("DROP TABLE `_kscal_file`"), &e))
            break;
        io.removeUs << clock.nsecsElapsed() / 1000;
    }
    exec(QStringLiteral("DROP TABLE IF EXISTS `_kscal_file`"));
}

bool LabRunner::adjustTimes()
{
    // The scenario's kills are placed for its own costs; on a faster or slower server they would
    // land elsewhere in the statements. Its times stretch with the measured speed instead.
    const double f = LabCosts::speedFactor(*m_plan, m_rec.calibration);
    if (std::abs(f - 1.0) > 0.02) {
        m_plan->stretchTimes(f);
        m_rec.notes << tr("This server took %1 times as long as the scenario's costs for the "
                          "calibrated statements: "
                          "the scenario's times are stretched by as much.")
                           .arg(f, 0, 'f', 2);
    }
    return true;
}

QString LabRunner::clientProgram() const
{
    if (!m_options.clientProgram.isEmpty())
        return m_options.clientProgram;
    return m_rec.server.isMariaDb() ? QStringLiteral("mariadb") : QStringLiteral("mysql");
}

QMap<QString, QString> LabRunner::clientEnvironment() const
{
    QMap<QString, QString> env;
    env.insert(QStringLiteral("TERM"), QStringLiteral("dumb"));
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("MYSQL_HISTFILE"), QStringLiteral("/dev/null"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return env;
}

ConnectionSettings LabRunner::sessionSettings() const
{
    // A scenario's clients are plain clients: a KILL CONNECTION of a TLS session reaches its
    // client as "ERROR 2026 (HY000): TLS/SSL error: unexpected eof while reading", not as the
    // 2013 of a plain one (seen on MariaDB 10.11 with OpenSSL 3). So the lab's sessions speak TLS
    // only where the login demands it (REQUIRED or stricter); PREFERRED, the default, leaves them
    // plain. KillScope's own sampling and kills keep the login's TLS.
    ConnectionSettings cs = m_login;
    if (cs.tls == ConnectionSettings::TlsMode::Preferred)
        cs.tls = ConnectionSettings::TlsMode::Disabled;
    return cs;
}

QString LabRunner::defaultsFileFor(const QString &account)
{
    const QString path = m_home.filePath(QStringLiteral("%1.cnf").arg(account));
    if (QFile::exists(path))
        return path;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QString text =
        QStringLiteral("[client]\nuser=%1\npassword=%2\n").arg(account, m_passwords.value(account));
    if (m_login.usesSocket())
        text += QStringLiteral("socket=%1\n").arg(m_login.socket);
    else
        text += QStringLiteral("host=%1\nport=%2\nprotocol=TCP\n")
                    .arg(m_login.host)
                    .arg(m_login.effectivePort());
    // The sessions' TLS (sessionSettings()), in the mariadb client's words (it has no
    // --ssl-mode).
    using Tls = ConnectionSettings::TlsMode;
    if (sessionSettings().tls == Tls::Disabled)
        text += QStringLiteral("skip-ssl\n");
    if (m_login.tls >= Tls::Required)
        text += QStringLiteral("ssl\n");
    if (m_login.tls >= Tls::VerifyCa) {
        if (!m_login.tlsCaFile.isEmpty())
            text += QStringLiteral("ssl-ca=%1\n").arg(m_login.tlsCaFile);
        if (!m_login.tlsCaPath.isEmpty())
            text += QStringLiteral("ssl-capath=%1\n").arg(m_login.tlsCaPath);
    }
    if (m_login.tls == Tls::VerifyIdentity)
        text += QStringLiteral("ssl-verify-server-cert\n");
    if (!m_login.tlsCertFile.isEmpty())
        text += QStringLiteral("ssl-cert=%1\nssl-key=%2\n")
                    .arg(m_login.tlsCertFile, m_login.tlsKeyFile);
    if (!m_login.tlsCipher.isEmpty())
        text += QStringLiteral("ssl-cipher=%1\n").arg(m_login.tlsCipher);
    f.write(text.toUtf8());
    return path;
}

QStringList LabRunner::clientArguments(const Session &s, const QString &defaultsFile) const
{
    const sim::SessionSpec &ss = *s.spec;
    QStringList args;
    args << QStringLiteral("--defaults-file=%1").arg(defaultsFile);
    const bool rehash = ss.db && ss.autoRehash.value_or(true);
    args << (rehash ? QStringLiteral("--auto-rehash") : QStringLiteral("--no-auto-rehash"));
    if (ss.quick)
        args << QStringLiteral("--quick");
    if (ss.verbose)
        args << QStringLiteral("--verbose");
    QStringList set;
    if (!ss.autocommit)
        set << QStringLiteral("autocommit = 0");
    const sim::TimeUs timeout = ss.maxStatementTimeUs ? *ss.maxStatementTimeUs
                                : m_rec.server.isMariaDb()
                                    ? m_plan->scenario().server.maxStatementTimeUs
                                    : m_plan->scenario().server.maxExecutionTimeUs;
    if (timeout > 0) {
        if (m_rec.server.isMariaDb())
            set << QStringLiteral("max_statement_time = %1").arg(double(timeout) / 1e6, 0, 'f', 6);
        else
            set << QStringLiteral("max_execution_time = %1")
                       .arg(std::max<qint64>(1, timeout / 1000));
    }
    if (!set.isEmpty())
        args << QStringLiteral("--init-command=SET SESSION %1").arg(set.join(QStringLiteral(", ")));
    if (ss.db)
        args << m_options.database;
    return args;
}

bool LabRunner::startSession(Session &s, bool waitForPrompt)
{
    const sim::SessionSpec &ss = *s.spec;
    s.started = true;
    s.lastDoneUs = m_clock.nowUs();
    if (ss.daemon)
        return true;
    if (ss.client == sim::ClientKind::App) {
        ConnectionSettings cs = sessionSettings();
        cs.user = s.account;
        cs.password = m_passwords.value(s.account);
        cs.database = ss.db ? m_options.database : QString();
        QStringList init;
        if (!ss.autocommit)
            init << QStringLiteral("SET SESSION autocommit = 0");
        const sim::TimeUs timeout = ss.maxStatementTimeUs
                                        ? *ss.maxStatementTimeUs
                                        : m_plan->scenario().server.maxStatementTimeUs;
        if (timeout > 0 && m_rec.server.isMariaDb())
            init << QStringLiteral("SET SESSION max_statement_time = %1")
                        .arg(double(timeout) / 1e6, 0, 'f', 6);
        s.appThread = new QThread(this);
        auto beat = std::make_shared<LabHeartbeat::Log>();
        beat->thread = tr("session %1's connection").arg(s.run.name);
        m_heartbeats.push_back(beat);
        s.app = new LabAppClient(cs, init, m_clock, 0, beat);
        s.app->moveToThread(s.appThread);
        connect(s.appThread, &QThread::finished, s.app, &QObject::deleteLater);
        Session *sp = &s;
        connect(s.app, &LabAppClient::opened, this, [this, sp](qint64 id, qint64 t) {
            sp->run.connections << LabConnection{id, t};
            sp->lastDoneUs = t;
            maybeSend(*sp);
        });
        connect(s.app, &LabAppClient::openFailed, this, [this, sp](const QString &m) {
            m_rec.notes << tr("Session %1 could not connect: %2").arg(sp->run.name, m);
            sp->exited = true;
        });
        connect(s.app, &LabAppClient::finished, this,
                [this, sp](int, qint64 t, int error, const QString &line) {
                    if (sp->inFlight >= 0) {
                        sp->run.statements[sp->inFlight].returnedUs = t;
                        sp->run.statements[sp->inFlight].error = error;
                    }
                    if (!line.isEmpty())
                        sp->run.lines << LabLine{t, line};
                    sp->inFlight = -1;
                    sp->busy = false;
                    sp->lastDoneUs = t;
                    maybeSend(*sp);
                });
        connect(s.app, &LabAppClient::lost, this, [sp](qint64 t) {
            sp->exited = true;
            sp->run.exitedUs = t;
        });
        s.appThread->start();
        QMetaObject::invokeMethod(s.app, "open", Qt::QueuedConnection);
        if (waitForPrompt) {
            QElapsedTimer wait;
            wait.start();
            while (s.run.connections.isEmpty() && !s.exited && wait.elapsed() < 15000 && !stopped())
                QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            if (s.run.connections.isEmpty())
                return fail(tr("Session %1 did not connect.").arg(s.run.name));
        }
        return true;
    }
    s.run.terminal = true;
    s.term = new LabTerminal(m_clock, this);
    const QString defaults = defaultsFileFor(s.account);
    if (defaults.isEmpty())
        return fail(tr("Cannot write the client option file in %1.").arg(m_home.path()));
    Session *sp = &s;
    connect(s.term, &LabTerminal::lineReceived, this,
            [this, sp](qint64 t, const QString &text) { onLine(*sp, t, text); });
    connect(s.term, &LabTerminal::promptShown, this, [this, sp](qint64 t) { onPrompt(*sp, t); });
    connect(s.term, &LabTerminal::exited, this, [sp](qint64 t, int code) {
        sp->exited = true;
        sp->run.exitedUs = t;
        sp->run.exitCode = code;
    });
    QString error;
    s.spawnedUs = m_clock.nowUs();
    if (!s.term->start(clientProgram(), clientArguments(s, defaults), clientEnvironment(), &error))
        return fail(error);
    if (waitForPrompt) {
        QElapsedTimer wait;
        wait.start();
        while (!s.term->atPrompt() && s.term->isRunning() && wait.elapsed() < 15000 && !stopped())
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents,
                                            20);
        if (!s.term->atPrompt()) {
            QStringList said;
            for (const LabLine &l : s.term->lines())
                said << l.text;
            return fail(tr("The client of session %1 did not show its prompt: %2")
                            .arg(s.run.name, said.join(QStringLiteral(" / "))));
        }
    }
    return true;
}

void LabRunner::onLine(Session &s, qint64 t, const QString &text)
{
    QRegularExpressionMatch m = bannerId().match(text);
    if (!m.hasMatch())
        m = reconnectId().match(text);
    if (m.hasMatch()) {
        const qint64 id = m.captured(1).toLongLong();
        if (s.run.connections.isEmpty() || s.run.connections.last().id != id)
            s.run.connections << LabConnection{id, t};
    }
}

void LabRunner::onPrompt(Session &s, qint64 t)
{
    if (s.inFlight >= 0)
        s.run.statements[s.inFlight].returnedUs = t;
    s.inFlight = -1;
    s.busy = false;
    s.lastDoneUs = t;
    maybeSend(s);
}

void LabRunner::maybeSend(Session &s)
{
    if (!s.started || s.busy || s.exited || m_t0 == 0 || s.next >= s.spec->statements.size())
        return;
    if (s.term && !s.term->atPrompt())
        return;
    if (s.app && s.run.connections.isEmpty())
        return;
    const sim::Statement &st = s.spec->statements[s.next];
    qint64 due = s.lastDoneUs + st.afterUs;
    if (st.at)
        due = std::max<qint64>(due, m_t0 + *st.at);
    const qint64 now = m_clock.nowUs();
    if (now >= due) {
        send(s);
        return;
    }
    if (s.timerArmed)
        return;
    s.timerArmed = true;
    Session *sp = &s;
    QTimer::singleShot(int((due - now + 999) / 1000), Qt::PreciseTimer, this, [this, sp] {
        sp->timerArmed = false;
        maybeSend(*sp);
    });
}

qint64 LabRunner::currentId(const QString &session) const
{
    for (const auto &s : m_sessions)
        if (s->run.name == session && !s->run.connections.isEmpty())
            return s->run.connections.last().id;
    return 0;
}

bool LabRunner::idExists(qint64 id)
{
    QSqlQuery q(m_admin);
    return !q.exec(
               QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = %1")
                   .arg(id)) ||
           !q.next() || q.value(0).toLongLong() > 0;
}

QString LabRunner::killText(const sim::KillSpec &k, Session *killer, QString *victimSession,
                            qint64 *victimId, QString *refusal)
{
    QString head = QStringLiteral("KILL ");
    if (k.mode == sim::KillMode::Hard)
        head += QStringLiteral("HARD ");
    else if (k.mode == sim::KillMode::Soft)
        head += QStringLiteral("SOFT ");
    const bool query = k.type == sim::KillType::Query;
    switch (k.target) {
    case sim::KillSpec::Target::Self:
        if (killer) {
            *victimSession = killer->run.name;
            *victimId = currentId(killer->run.name);
        }
        return head + (query ? QStringLiteral("QUERY ") : QString()) +
               QStringLiteral("CONNECTION_ID()");
    case sim::KillSpec::Target::Session: {
        *victimSession = qs(k.name);
        *victimId = currentId(*victimSession);
        if (*victimId <= 0) {
            *refusal = tr("session %1 has no connection yet").arg(*victimSession);
            return {};
        }
        return head + (query ? QStringLiteral("QUERY ") : QString()) + QString::number(*victimId);
    }
    case sim::KillSpec::Target::Id: {
        // A scenario id that belongs to a session means that session; any other id must not
        // exist on the server (it stands for "no such thread").
        const int si = m_plan->sessionOfScenarioId(k.id);
        if (si >= 0) {
            *victimSession = qs(m_plan->scenario().sessions[size_t(si)].name);
            *victimId = currentId(*victimSession);
        } else {
            *victimId = k.id;
            if (idExists(k.id)) {
                *refusal = tr("thread %1 exists on this server and is not a lab session").arg(k.id);
                return {};
            }
        }
        return head + (query ? QStringLiteral("QUERY ") : QString()) + QString::number(*victimId);
    }
    case sim::KillSpec::Target::User: {
        const QString account = m_plan->accountFor(k.name);
        if (account.isEmpty()) {
            *refusal = tr("user %1 is not a lab account").arg(qs(k.name));
            return {};
        }
        return head + (query ? QStringLiteral("QUERY ") : QStringLiteral("CONNECTION ")) +
               QStringLiteral("USER ") + sqlString(account);
    }
    case sim::KillSpec::Target::QueryOf: {
        *victimSession = qs(k.name);
        const qint64 id = currentId(*victimSession);
        *victimId = id;
        QSqlQuery q(m_admin);
        if (id <= 0 ||
            !q.exec(
                QStringLiteral("SELECT QUERY_ID FROM information_schema.PROCESSLIST WHERE ID = %1")
                    .arg(id)) ||
            !q.next()) {
            *refusal = tr("the current query id of session %1 is unknown").arg(*victimSession);
            return {};
        }
        return head + QStringLiteral("QUERY ID ") + QString::number(q.value(0).toLongLong());
    }
    case sim::KillSpec::Target::QueryId: {
        QSqlQuery q(m_admin);
        if (!q.exec(QStringLiteral(
                        "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE QUERY_ID = %1")
                        .arg(k.id)) ||
            !q.next() || q.value(0).toLongLong() > 0) {
            *refusal = tr("query id %1 is running on this server and is not a lab query").arg(k.id);
            return {};
        }
        return head + QStringLiteral("QUERY ID ") + QString::number(k.id);
    }
    }
    return {};
}

void LabRunner::send(Session &s)
{
    const int k = int(s.next++);
    const sim::Statement &st = s.spec->statements[size_t(k)];
    LabStatementRun run;
    run.statement = k;
    run.display = m_plan->displayText(s.index, k);
    qint64 due = s.lastDoneUs + st.afterUs;
    if (st.at)
        due = std::max<qint64>(due, m_t0 + *st.at);
    run.dueUs = due;
    if (st.kind == sim::StatementKind::Kill) {
        LabKillRun kr;
        kr.source = LabKillRun::Source::Statement;
        kr.killerSession = s.run.name;
        QString refusal;
        run.sent = killText(st.kill, &s, &kr.victimSession, &kr.victimId, &refusal);
        if (run.sent.isEmpty()) {
            // Never send a kill that could hit someone else's session.
            m_rec.notes << tr("%1 statement %2 (%3) not sent: %4")
                               .arg(s.run.name)
                               .arg(k)
                               .arg(run.display, refusal);
            s.lastDoneUs = m_clock.nowUs();
            maybeSend(s);
            return;
        }
        kr.statement = run.sent;
        kr.sentUs = m_clock.nowUs();
        kr.dueUs = due;
        m_rec.kills << kr;
    } else {
        run.sent = m_plan->sendText(s.index, k);
    }
    run.sentUs = m_clock.nowUs();
    s.busy = true;
    s.inFlight = int(s.run.statements.size());
    s.run.statements << run;
    if (s.term) {
        if (st.kind == sim::StatementKind::Quit)
            s.term->type(run.sent);
        else
            s.term->type(run.sent.endsWith(u';') ? run.sent : run.sent + u';');
    } else if (s.app) {
        QMetaObject::invokeMethod(s.app, "execute", Qt::QueuedConnection, Q_ARG(int, k),
                                  Q_ARG(QString, run.sent));
    }
}

void LabRunner::doAction(int index)
{
    const sim::Action &a = m_plan->scenario().actions[size_t(index)];
    if (index < m_rec.actionUs.size())
        m_rec.actionUs[index] = m_clock.nowUs();
    Session *target = nullptr;
    for (auto &s : m_sessions)
        if (s->spec->name == a.session)
            target = s.get();
    switch (a.kind) {
    case sim::ActionKind::CtrlC:
        if (target && target->term && target->term->isRunning()) {
            LabKillRun kr;
            kr.source = LabKillRun::Source::CtrlC;
            kr.killerSession = target->run.name;
            kr.victimSession = target->run.name;
            kr.victimId = currentId(target->run.name);
            kr.sentUs = m_clock.nowUs();
            kr.dueUs = m_t0 + a.at;
            kr.statement = QStringLiteral("Ctrl+C");
            m_rec.kills << kr;
            target->term->interrupt();
        }
        break;
    case sim::ActionKind::StopReading:
    case sim::ActionKind::ResumeReading:
        if (target && target->term)
            target->term->setReading(a.kind == sim::ActionKind::ResumeReading);
        break;
    case sim::ActionKind::Set:
        if (a.name == "innodb_thread_concurrency") {
            if (m_rec.server.isMariaDb()) {
                m_rec.notes
                    << tr("SET GLOBAL innodb_thread_concurrency = %1 at %2 s not sent: the "
                          "variable does not "
                          "exist on MariaDB 10.6 and later (the simulation ignores it there too).")
                           .arg(a.value)
                           .arg(double(a.at) / 1e6);
                break;
            }
            QSqlQuery q(m_admin);
            if (m_restoreConcurrency.isEmpty() &&
                q.exec(QStringLiteral("SELECT @@global.innodb_thread_concurrency")) && q.next())
                m_restoreConcurrency = q.value(0).toString();
            QString error;
            if (!exec(QStringLiteral("SET GLOBAL innodb_thread_concurrency = %1")
                          .arg(qint64(a.value)),
                      &error))
                m_rec.notes << error;
        } else {
            m_rec.notes << tr("%1 = %2 at %3 s not reproduced: lab mode cannot make competing I/O "
                              "load on the "
                              "server's disk.")
                               .arg(qs(a.name))
                               .arg(a.value)
                               .arg(double(a.at) / 1e6);
        }
        break;
    case sim::ActionKind::Kill: {
        LabKillRun kr;
        kr.source = LabKillRun::Source::Operator;
        QString refusal;
        kr.statement = killText(a.kill, nullptr, &kr.victimSession, &kr.victimId, &refusal);
        if (kr.statement.isEmpty()) {
            m_rec.notes
                << tr("Operator kill at %1 s not sent: %2").arg(double(a.at) / 1e6).arg(refusal);
            break;
        }
        kr.sentUs = m_clock.nowUs();
        kr.dueUs = m_t0 + a.at;
        m_rec.kills << kr;
        QString error;
        if (!exec(kr.statement, &error))
            m_rec.notes << error;
        break;
    }
    case sim::ActionKind::Restart:
        break; // LabPlan::make refuses a scenario that restarts the server
    }
}

void LabRunner::takeSample(const LiveSample &sample)
{
    ++m_samplesSeen;
    if (m_t0 == 0 || sample.takenUs < m_t0 || sample.takenUs > m_untilUs)
        return;
    if (m_lastSampleUs >= 0)
        m_rec.maxSampleGapUs = std::max(m_rec.maxSampleGapUs, sample.takenUs - m_lastSampleUs);
    m_lastSampleUs = sample.takenUs;
    LabSample s;
    s.tUs = sample.takenUs;
    s.trxFresh = sample.trxTakenUs > m_lastTrxUs && sample.trxTakenUs >= 0;
    s.trxUs = sample.trxTakenUs;
    s.queryUs = sample.cost.roundTripUs;
    if (s.trxFresh) {
        if (m_lastTrxUs >= m_t0)
            m_rec.maxTrxGapUs = std::max(m_rec.maxTrxGapUs, sample.trxTakenUs - m_lastTrxUs);
        m_lastTrxUs = sample.trxTakenUs;
    }
    for (const ProcesslistRow &r : sample.rows) {
        if (r.own)
            continue;
        if (m_createdAccounts.contains(r.user) || r.user == QLatin1String("event_scheduler"))
            s.rows << r;
    }
    m_rec.samples << s;
}

bool LabRunner::runScenario()
{
    if (stopped())
        return false;
    const LabPlan &plan = *m_plan;
    const sim::Scenario &sc = plan.scenario();
    if (!m_home.isValid())
        return fail(tr("Cannot create a private temporary directory."));

    // The run's length: the scenario's, or the calibrated simulation's own end.
    {
        const sim::Scenario cs = LabCosts::calibrated(plan, m_rec.calibration);
        sim::RunOptions o;
        o.flavor = plan.flavor();
        const sim::RunResult r = sim::Engine::run(cs, o);
        m_rec.untilUs = sc.until ? *sc.until : r.until;
    }

    // Sampling: live mode's sampler, on its own thread and connection, fast.
    qRegisterMetaType<ks::LiveSample>();
    qRegisterMetaType<ks::ServerInfo>();
    m_samplerThread = new QThread(this);
    m_samplerThread->setObjectName(QStringLiteral("ks-lab-sampler"));
    m_sampler = new Sampler(m_login, m_own, m_clock);
    m_sampler->setIntervalFloorMs(40);
    m_sampler->moveToThread(m_samplerThread);
    connect(m_samplerThread, &QThread::finished, m_sampler, &QObject::deleteLater);
    connect(m_samplerThread, &QThread::started, m_sampler, &Sampler::start);
    connect(m_sampler, &Sampler::sampleReady, this, &LabRunner::takeSample);
    bool samplerFailed = false;
    QString samplerError;
    connect(m_sampler, &Sampler::connectFailed, this, [&](const QString &m, int) {
        samplerFailed = true;
        samplerError = m;
    });
    QMetaObject::invokeMethod(m_sampler, "setIntervalMs", Qt::QueuedConnection, Q_ARG(int, 40));
    m_samplerThread->start();

    // Sessions; those that start at t = 0 connect first, so t = 0 finds them at their prompt.
    for (size_t i = 0; i < sc.sessions.size(); ++i) {
        auto s = std::make_unique<Session>();
        s->index = int(i);
        s->spec = &sc.sessions[i];
        s->run.name = qs(sc.sessions[i].name);
        s->account = plan.accountFor(sc.sessions[i].user);
        m_sessions.push_back(std::move(s));
    }
    for (auto &s : m_sessions) {
        if (s->spec->daemon) {
            QSqlQuery q(m_admin);
            for (int i = 0; i < 100 && s->run.connections.isEmpty(); ++i) {
                if (q.exec(QStringLiteral("SELECT ID FROM information_schema.PROCESSLIST WHERE "
                                          "USER = 'event_scheduler'")) &&
                    q.next())
                    s->run.connections << LabConnection{q.value(0).toLongLong(), -1};
                else
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            s->started = true;
            continue;
        }
        // Clients that connect at t = 0 are started first, so that t = 0 finds them connected
        // (the simulation's client takes connect_time, the measured connection set-up, not the
        // program's start-up).
        if (s->spec->connectAt == 0) {
            say(tr("Starting session %1…").arg(s->run.name));
            if (!startSession(*s, true))
                return false;
        }
    }
    if (samplerFailed)
        return fail(tr("The sampler could not connect: %1").arg(samplerError));
    // Wait for the sampler's first sample so the run is watched from t = 0.
    {
        QElapsedTimer wait;
        wait.start();
        while (m_samplesSeen == 0 && wait.elapsed() < 5000 && !samplerFailed && !stopped())
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents,
                                            20);
        if (m_samplesSeen == 0)
            return fail(tr("The sampler took no sample: %1").arg(samplerError));
    }

    say(tr("Running scenario %1 for %2 s…")
            .arg(qs(sc.id))
            .arg(double(m_rec.untilUs) / 1e6, 0, 'f', 2));
    QEventLoop loop;
    m_loop = &loop;
    // This thread reads every client's output, types the statements and does the actions: how
    // late it gets to run is how late those times may be stamped.
    auto mainBeat = std::make_shared<LabHeartbeat::Log>();
    mainBeat->thread = tr("lab mode's own thread (client output, statements, actions)");
    m_heartbeats.push_back(mainBeat);
    LabHeartbeat heartbeat(m_clock, mainBeat);
    heartbeat.start();
    m_t0 = m_clock.nowUs();
    m_untilUs = m_t0 + m_rec.untilUs;
    m_lastTrxUs = m_t0;
    // A later client is started early by its start-up time, so that it connects at connectAt.
    const qint64 leadUs = std::max<qint64>(0, LabCosts::median(m_rec.calibration.startupUs) -
                                                  LabCosts::median(m_rec.calibration.connectUs));
    for (auto &s : m_sessions) {
        if (s->spec->daemon)
            continue;
        if (s->started) {
            s->lastDoneUs = m_t0;
            maybeSend(*s);
            continue;
        }
        Session *sp = s.get();
        QTimer::singleShot(int(std::max<qint64>(0, s->spec->connectAt - leadUs) / 1000),
                           Qt::PreciseTimer, this, [this, sp] {
                               if (!startSession(*sp, false))
                                   m_rec.notes << m_error;
                           });
    }
    m_rec.actionUs = QList<qint64>(qsizetype(sc.actions.size()), -1);
    for (size_t i = 0; i < sc.actions.size(); ++i)
        QTimer::singleShot(int(sc.actions[i].at / 1000), Qt::PreciseTimer, this,
                           [this, i] { doAction(int(i)); });
    // The scenario's end; a statement still running then (this server slower than the calibration
    // said, e.g. with sessions competing for the CPUs) may finish first, up to half as long again.
    const qint64 hardEndUs = m_t0 + m_rec.untilUs + m_rec.untilUs / 2 + 2'000'000;
    QTimer::singleShot(int(m_rec.untilUs / 1000), Qt::PreciseTimer, &loop,
                       [this, &loop, hardEndUs] {
                           auto busy = [this] {
                               for (const auto &s : m_sessions)
                                   if (s->busy && !s->exited)
                                       return true;
                               return false;
                           };
                           if (!busy()) {
                               loop.quit();
                               return;
                           }
                           m_untilUs = hardEndUs; // keep sampling meanwhile
                           auto *poll = new QTimer(&loop);
                           connect(poll, &QTimer::timeout, &loop, [this, &loop, busy, hardEndUs] {
                               if (!busy() || m_clock.nowUs() >= hardEndUs) {
                                   m_untilUs = m_clock.nowUs();
                                   loop.quit();
                               }
                           });
                           poll->start(20);
                       });
    QTimer watchdog;
    connect(&watchdog, &QTimer::timeout, &loop, [this, &loop] {
        if (stopped())
            loop.quit();
    });
    watchdog.start(50);
    loop.exec();
    heartbeat.stop();
    m_loop = nullptr;
    const bool interrupted = stopped();
    if (m_untilUs - m_t0 > m_rec.untilUs) {
        m_rec.notes << tr("The run went on for %1 s past the scenario's end (%2 s) until its "
                          "statements had "
                          "finished.")
                           .arg(double(m_untilUs - m_t0 - m_rec.untilUs) / 1e6, 0, 'f', 2)
                           .arg(double(m_rec.untilUs) / 1e6, 0, 'f', 2);
        m_rec.untilUs = m_untilUs - m_t0;
    }

    // Everything after `until` is not compared.
    QMetaObject::invokeMethod(m_sampler, "setPaused", Qt::BlockingQueuedConnection,
                              Q_ARG(bool, true));
    endSessions();
    if (interrupted)
        return false;
    // The application sessions' threads have ended: their logs are complete.
    for (const auto &log : m_heartbeats)
        m_rec.scheduling << LabHeartbeat::summarize(*log, m_t0, m_untilUs);

    // Times relative to t = 0.
    for (auto &s : m_sessions) {
        for (LabConnection &c : s->run.connections)
            if (c.firstSeenUs >= 0)
                c.firstSeenUs -= m_t0;
        for (LabLine &l : s->run.lines)
            l.tUs -= m_t0;
        for (LabStatementRun &st : s->run.statements) {
            for (qint64 *t : {&st.dueUs, &st.sentUs, &st.returnedUs})
                if (*t >= 0)
                    *t -= m_t0;
        }
        if (s->run.exitedUs >= 0)
            s->run.exitedUs -= m_t0;
        m_rec.sessions << s->run;
    }
    for (qint64 &t : m_rec.actionUs)
        if (t >= 0)
            t -= m_t0;
    for (LabKillRun &k : m_rec.kills) {
        k.sentUs -= m_t0;
        if (k.dueUs >= 0)
            k.dueUs -= m_t0;
    }
    for (LabSample &s : m_rec.samples) {
        s.tUs -= m_t0;
        if (s.trxUs >= 0)
            s.trxUs -= m_t0;
    }

    // End state, once every lab thread has finished (a rollback may still run).
    say(tr("Waiting for the lab sessions to end…"));
    if (!waitForLabThreadsGone(300000))
        m_rec.notes << tr(
            "Some lab threads were still there after 5 minutes; the end state may be incomplete.");
    m_rec.tablesAfter = tableStates();
    QSqlQuery q(m_admin);
    const QString like = sqlString(m_options.database + QStringLiteral("/#sql%"));
    if (q.exec(QStringLiteral(
                   "SELECT NAME FROM information_schema.INNODB_SYS_TABLES WHERE NAME LIKE %1")
                   .arg(like)) ||
        q.exec(
            QStringLiteral("SELECT NAME FROM information_schema.INNODB_TABLES WHERE NAME LIKE %1")
                .arg(like))) {
        while (q.next())
            m_rec.leftovers << q.value(0).toString();
    }
    return true;
}

void LabRunner::endSessions()
{
    for (auto &s : m_sessions) {
        if (s->term) {
            // What the terminal printed up to now is the session's record.
            s->run.lines = s->term->lines();
            s->run.droppedTableLines = s->term->droppedTableLines();
            s->term->stop();
            s->run.lines = s->term->lines();
        }
        if (s->app) {
            QMetaObject::invokeMethod(s->app, "close", Qt::QueuedConnection);
            s->appThread->quit();
        }
    }
    for (auto &s : m_sessions) {
        if (s->appThread) {
            if (!s->appThread->wait(120000))
                m_rec.notes
                    << tr("Session %1's connection did not close in time.").arg(s->run.name);
            s->app = nullptr;
        }
    }
    // Keep only lines up to `until`.
    for (auto &s : m_sessions) {
        QList<LabLine> kept;
        for (const LabLine &l : std::as_const(s->run.lines))
            if (l.tUs <= m_untilUs)
                kept << l;
        s->run.lines = kept;
    }
}

bool LabRunner::waitForLabThreadsGone(int timeoutMs)
{
    if (m_createdAccounts.isEmpty() || !m_admin.isOpen())
        return true;
    QStringList quoted;
    for (const QString &a : std::as_const(m_createdAccounts))
        quoted << sqlString(a);
    QElapsedTimer t;
    t.start();
    bool killed = false;
    while (t.elapsed() < timeoutMs) {
        QSqlQuery q(m_admin);
        if (!q.exec(QStringLiteral(
                        "SELECT ID, COMMAND FROM information_schema.PROCESSLIST WHERE USER IN (%1)")
                        .arg(quoted.join(u','))))
            return false;
        QList<qint64> ids;
        while (q.next())
            ids << q.value(0).toLongLong();
        if (ids.isEmpty())
            return true;
        // The clients are gone; what remains are server threads of lab accounts still ending
        // (rolling back). End them explicitly once; a rollback cannot be hurried.
        if (!killed && t.elapsed() > 2000) {
            for (qint64 id : std::as_const(ids))
                exec(QStringLiteral("KILL CONNECTION %1").arg(id));
            killed = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

void LabRunner::cleanup()
{
    if (m_cleaned)
        return;
    m_cleaned = true;
    for (auto &s : m_sessions) {
        if (s->term)
            s->term->stop();
        if (s->appThread) {
            if (s->app)
                QMetaObject::invokeMethod(s->app, "close", Qt::QueuedConnection);
            s->appThread->quit();
            s->appThread->wait(120000);
        }
    }
    if (m_samplerThread) {
        m_samplerThread->quit();
        m_samplerThread->wait(15000);
        m_sampler = nullptr;
    }
    if (m_setupBegun && m_admin.isOpen()) {
        say(tr("Removing the lab database and accounts…"));
        waitForLabThreadsGone(300000);
        for (const QString &a : std::as_const(m_createdAccounts))
            exec(QStringLiteral("DROP USER IF EXISTS %1@'localhost', %1@'%'").arg(sqlString(a)));
        exec(QStringLiteral("SET SESSION lock_wait_timeout = 120"));
        QString error;
        if (!exec(QStringLiteral("DROP DATABASE IF EXISTS `%1`").arg(m_options.database), &error))
            m_rec.notes << error;
        if (!m_restoreEventScheduler.isEmpty())
            exec(QStringLiteral("SET GLOBAL event_scheduler = %1").arg(m_restoreEventScheduler));
        if (!m_restoreConcurrency.isEmpty())
            exec(QStringLiteral("SET GLOBAL innodb_thread_concurrency = %1")
                     .arg(m_restoreConcurrency));
    }
    closeLabConnection(m_admin);
}

} // namespace ks
