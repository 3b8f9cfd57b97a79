#include "killexecutor.h"
#include "livesource.h"
#include "sqlclient.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

using namespace ks;
using ks::test::SqlClient;
using ks::test::TestServer;
using ks::test::waitFor;

// The server restarts (politely, or with kill -9) and hands a victim's id to an innocent session
// of the same account: nothing KillScope shows or was asked before the restart may reach it.
// Also a server that is full (max_connections) while KillScope is attached.
class TestLiveIdentity : public QObject
{
    Q_OBJECT
    TestServer m_server;
    QTemporaryDir m_tmp;

    bool fixture(const QString &command)
    {
        QProcess p;
        p.start(QStringLiteral("bash"),
                {qEnvironmentVariable("KS_FIXTURE_SCRIPT"), command, m_server.dir});
        if (!p.waitForStarted(5000))
            return false;
        QElapsedTimer t;
        t.start();
        while (p.state() != QProcess::NotRunning && t.elapsed() < 60000)
            QTest::qWait(10);
        qInfo("%s: %s", qPrintable(command), p.readAllStandardOutput().trimmed().constData());
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    std::unique_ptr<LiveSource> attach(const QString &log)
    {
        ConnectionSettings s = ks::test::adminTcpSettings(m_server);
        s.connectTimeoutS = 2;
        auto source = std::make_unique<LiveSource>(s);
        source->setAuditLogPath(m_tmp.filePath(log));
        source->setIntervalMs(250);
        source->start();
        return source;
    }

    static int ownRows(const LiveSource &source)
    {
        int n = 0;
        for (const ProcesslistRow &r : source.currentProcesslist())
            n += r.own ? 1 : 0;
        return n;
    }

    // A session of the admin account over the unix socket whose id is at least `atLeast`, so
    // that after a restart the counter must climb back to it.
    std::unique_ptr<SqlClient> socketSession(qint64 atLeast = 0)
    {
        for (int i = 0; i < 5000; ++i) {
            auto c = std::make_unique<SqlClient>(m_server, m_server.adminUser,
                                                 m_server.adminPassword, TestServer::Via::Socket);
            if (!c->isOpen() || c->id() >= atLeast)
                return c;
        }
        return nullptr;
    }

    // New sessions of the same account until the server hands out `id` again; those below it
    // are closed at once (ids are never handed out twice within one life, so they are spent).
    std::unique_ptr<SqlClient> sessionWithId(qint64 id)
    {
        for (int i = 0; i < 5000; ++i) {
            auto c = std::make_unique<SqlClient>(m_server, m_server.adminUser,
                                                 m_server.adminPassword, TestServer::Via::Socket);
            if (!c->isOpen() || c->id() >= id)
                return c;
        }
        return nullptr;
    }

    qint64 statusValue(SqlClient &c, const char *name)
    {
        auto r = c.run(QStringLiteral("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS "
                                      "WHERE VARIABLE_NAME = '%1'")
                           .arg(QLatin1String(name)));
        if (!waitFor(r, 5000) || !r->ok || r->rows.isEmpty())
            return -1;
        return r->rows.constFirst().constFirst().toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = TestServer::fromEnvironment();
        KS_REQUIRE_SERVER(m_server);
        QVERIFY(m_tmp.isValid());
        QVERIFY2(!qEnvironmentVariable("KS_FIXTURE_SCRIPT").isEmpty(), "KS_FIXTURE_SCRIPT not set");
    }

    // A test that failed half-way must not leave the next one without its server.
    void init() { QVERIFY(fixture(QStringLiteral("resume"))); }

    void restartWithIdReuseKillsNoInnocent()
    {
        auto source = attach(QStringLiteral("restart.log"));
        QTRY_COMPARE_WITH_TIMEOUT(source->status(), LiveSource::Status::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(ownRows(*source) >= 2, 5000);

        // The victim: a socket session (host just "localhost") holding a row lock others wait
        // for, so it is also the root blocker.
        {
            SqlClient setup(m_server, m_server.adminUser, m_server.adminPassword);
            for (const char *sql :
                 {"CREATE TABLE IF NOT EXISTS ident_locks (id INT PRIMARY KEY, v INT)",
                  "REPLACE INTO ident_locks VALUES (1, 0)"}) {
                auto r = setup.run(QString::fromLatin1(sql));
                QVERIFY(waitFor(r, 5000) && r->ok);
            }
        }
        auto victim = socketSession(40);
        QVERIFY(victim && victim->isOpen());
        const qint64 id = victim->id();
        QVERIFY(waitFor(victim->run(QStringLiteral("BEGIN")), 3000));
        QVERIFY(waitFor(victim->run(QStringLiteral("UPDATE ident_locks SET v = 1 WHERE id = 1")),
                        3000));
        SqlClient waiter(m_server, m_server.lowUser, m_server.lowPassword);
        auto w = waiter.run(QStringLiteral("UPDATE ident_locks SET v = 2 WHERE id = 1"));
        QTRY_COMPARE_WITH_TIMEOUT(source->rootBlocker(), id, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(source->currentRow(id) != nullptr, 3000);
        QCOMPARE(source->currentRow(id)->host, QStringLiteral("localhost"));
        const int lane = source->timeline().findLane(id);
        QVERIFY(lane >= 0);

        // What every entry point hands over before the restart: the lane (right-click), the row
        // (main Processlist tab, Live sessions panel, Del, multi-select), the root blocker and
        // the command line's "the session with id N".
        const ProcesslistRow heldRow = *source->currentRow(id);
        const QList<std::pair<QString, KillTarget>> targets = {
            {QStringLiteral("lane"), source->targetForLane(lane)},
            {QStringLiteral("row"), source->targetForRow(heldRow)},
            {QStringLiteral("root blocker"), source->rootBlockerTarget()},
            {QStringLiteral("command line"), source->targetForCurrentId(id)},
        };
        for (const auto &[entry, t] : targets) {
            QVERIFY2(t.voidReason.isEmpty(), qPrintable(entry + u' ' + t.voidReason));
            QCOMPARE(t.id, id);
        }
        const KillTarget beforeRestart = targets.constFirst().second;

        QSignalSpy restarted(source.get(), &LiveSource::serverRestarted);
        QVERIFY(fixture(QStringLiteral("halt")));
        QVERIFY(waitFor(w, 10000)); // the waiter's connection went with the server
        victim.reset();
        QVERIFY(fixture(QStringLiteral("resume")));
        QTRY_COMPARE_WITH_TIMEOUT(source->status(), LiveSource::Status::Connected, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(restarted.count(), 1, 5000);
        QCOMPARE(source->incarnationSerial(), 2u);
        QVERIFY(source->timeline().lane(lane).closed);
        QTRY_VERIFY_WITH_TIMEOUT(ownRows(*source) >= 2, 5000); // sampler and killer are back

        // The innocent: the same account over the same socket, and the very same id.
        auto innocent = sessionWithId(id);
        QVERIFY(innocent && innocent->isOpen());
        QCOMPARE(innocent->id(), id);
        QTRY_VERIFY_WITH_TIMEOUT(source->currentRow(id) != nullptr, 3000);
        QCOMPARE(source->currentRow(id)->user, heldRow.user);
        QCOMPARE(source->currentRow(id)->host, heldRow.host); // user@host cannot tell them apart
        qInfo("victim and innocent both %s@%s with id %lld; threads %lld and %lld",
              qPrintable(heldRow.user), qPrintable(heldRow.host), id, heldRow.osThreadId,
              source->currentRow(id)->osThreadId);

        // Every entry point's target, and the row a view still held, is refused.
        QList<KillTarget> all;
        for (const auto &[entry, t] : targets)
            all << t;
        all << source->targetForRow(heldRow) << source->targetForLane(lane);
        const int before = int(source->kills().size());
        for (const KillTarget &t : std::as_const(all))
            source->kill(KillRequest{t, KillKind::Connection, {}, -1});
        QCOMPARE(int(source->kills().size()), before + int(all.size()));
        for (int i = before; i < source->kills().size(); ++i) {
            const KillRecord k = source->kills().at(i); // kills() returns a copy
            QCOMPARE(k.phase, KillPhase::Refused);
            QCOMPARE(k.sentUs, -1);
            QVERIFY2(k.serverMessage.startsWith(QStringLiteral("Not sent:")),
                     qPrintable(k.serverMessage));
            QVERIFY2(k.serverMessage.contains(QStringLiteral("restarted")),
                     qPrintable(k.serverMessage));
        }

        // The executor alone — as if a source had missed the restart — refuses on the server's
        // own word, read on its connection right before the KILL.
        {
            auto own = std::make_shared<OwnConnections>();
            QThread thread;
            auto *executor =
                new KillExecutor(ks::test::adminTcpSettings(m_server), own, LiveClock{});
            executor->moveToThread(&thread);
            connect(&thread, &QThread::finished, executor, &QObject::deleteLater);
            QSignalSpy answered(executor, &KillExecutor::answered);
            QSignalSpy sent(executor, &KillExecutor::sent);
            thread.start();
            QMetaObject::invokeMethod(executor, "start", Qt::QueuedConnection);
            QMetaObject::invokeMethod(
                executor, "execute", Qt::QueuedConnection, Q_ARG(int, 1),
                Q_ARG(ks::KillRequest, (KillRequest{beforeRestart, KillKind::Connection, {}, -1})));
            QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, 10000);
            const auto outcome = answered.constFirst().constFirst().value<KillOutcome>();
            QCOMPARE(outcome.verdict, KillOutcome::Verdict::NotSameSession);
            QVERIFY(!outcome.sent);
            QCOMPARE(sent.count(), 0);
            QVERIFY2(outcome.message.contains(QStringLiteral("restarted")),
                     qPrintable(outcome.message));
            qInfo("executor: %s", qPrintable(outcome.message));
            thread.quit();
            thread.wait();
        }

        // Not one KILL reached the server in its new life, and the innocent is untouched.
        {
            SqlClient check(m_server, m_server.adminUser, m_server.adminPassword);
            QCOMPARE(statusValue(check, "COM_KILL"), 0);
        }
        auto alive = innocent->run(QStringLiteral("SELECT 1"));
        QVERIFY(waitFor(alive, 3000));
        QVERIFY2(alive->ok, qPrintable(alive->text));

        // The innocent is killable as itself: what the user sees now.
        auto sleeper = innocent->run(QStringLiteral("SELECT SLEEP(30)"));
        QTRY_VERIFY_WITH_TIMEOUT(source->currentRow(id) &&
                                     source->currentRow(id)->state == QStringLiteral("User sleep"),
                                 5000);
        source->kill(KillRequest{source->targetForCurrentId(id), KillKind::Query, {}, -1});
        QVERIFY(waitFor(sleeper, 5000));
        QCOMPARE(sleeper->error, 1317);
        QTRY_COMPARE_WITH_TIMEOUT(source->kills().last().phase, KillPhase::Done, 5000);
        qInfo("proof: %s", qPrintable(source->kills().last().identityEvidence));
        QVERIFY(
            source->kills().last().identityEvidence.contains(QStringLiteral("same server thread")));

        source->flushAudit();
        source.reset();
        QFile log(m_tmp.filePath(QStringLiteral("restart.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        int notSent = 0;
        for (const QByteArray &line : log.readAll().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("verdict")).toString() == QStringLiteral("not-sent")) {
                ++notSent;
                QVERIFY(!o.value(QStringLiteral("sent")).toBool());
                QCOMPARE(o.value(QStringLiteral("victim"))
                             .toObject()
                             .value(QStringLiteral("host"))
                             .toString(),
                         QStringLiteral("localhost"));
            }
        }
        QCOMPARE(notSent, int(all.size()));
    }

    void killNineAndRestart()
    {
        auto source = attach(QStringLiteral("crash.log"));
        QTRY_COMPARE_WITH_TIMEOUT(source->status(), LiveSource::Status::Connected, 10000);
        auto victim =
            std::make_unique<SqlClient>(m_server, m_server.adminUser, m_server.adminPassword);
        auto sleeper = victim->run(QStringLiteral("SELECT SLEEP(60)"));
        QTRY_VERIFY_WITH_TIMEOUT(source->currentRow(victim->id()) != nullptr &&
                                     source->timeline().findLane(victim->id()) >= 0,
                                 5000);
        const qint64 id = victim->id();
        const int lane = source->timeline().findLane(id);
        const KillTarget target = source->targetForCurrentId(id);
        const int rowsBefore = int(source->currentProcesslist().size());

        QSignalSpy problems(source.get(), &SessionSource::problem);
        QVERIFY(fixture(QStringLiteral("crash")));
        QTRY_COMPARE_WITH_TIMEOUT(source->status(), LiveSource::Status::Reconnecting, 10000);
        QVERIFY(waitFor(sleeper, 5000));
        QVERIFY2(sleeper->error == 2013 || sleeper->error == 2006, qPrintable(sleeper->text));
        // What was shown stays, marked stale, while it retries.
        QVERIFY(source->isStale());
        QCOMPARE(int(source->currentProcesslist().size()), rowsBefore);
        QVERIFY(source->timeline().segmentCount(lane) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(source->reconnectAttempt() >= 2, 10000);
        const QString status = source->statusText();
        qInfo("while down: %s", qPrintable(status));
        // One message: the loss once, the retry state once (no "Connection lost: Connection
        // lost:").
        QVERIFY2(status.startsWith(source->settings().describe() + QStringLiteral(", since ")),
                 qPrintable(status));
        QVERIFY(!status.contains(QStringLiteral("Connection lost: Connection lost")));
        QCOMPARE(status.count(QStringLiteral("Reconnecting")), 1);
        for (const QList<QVariant> &p : std::as_const(problems))
            qInfo("problem: %s", qPrintable(p.constFirst().toString()));
        QCOMPARE(problems.count(), 1); // one message per loss, not one per attempt

        // "Retry now" does not wait for the next backoff step.
        const int attempts = source->reconnectAttempt();
        source->retryNow();
        QTRY_VERIFY_WITH_TIMEOUT(source->reconnectAttempt() > attempts, 800);

        // A kill while the server is down is not sent (there is nobody to prove it to).
        source->kill(KillRequest{target, KillKind::Connection, {}, -1});
        QTRY_COMPARE_WITH_TIMEOUT(source->kills().last().phase, KillPhase::Refused, 15000);
        QVERIFY2(source->kills().last().serverMessage.startsWith(QStringLiteral("Not sent:")),
                 qPrintable(source->kills().last().serverMessage));

        victim.reset();
        QVERIFY(fixture(QStringLiteral("resume")));
        QTRY_COMPARE_WITH_TIMEOUT(source->status(), LiveSource::Status::Connected, 30000);
        QCOMPARE(source->incarnationSerial(), 2u);
        QVERIFY(!source->isStale());
        QVERIFY(source->timeline().lane(lane).closed);
        source->kill(KillRequest{target, KillKind::Connection, {}, -1});
        QCOMPARE(source->kills().last().phase, KillPhase::Refused);
        QVERIFY2(source->kills().last().serverMessage.contains(QStringLiteral("restarted")),
                 qPrintable(source->kills().last().serverMessage));
    }

    void fullServerKeepsSamplingAndKilling()
    {
        auto source = attach(QStringLiteral("full.log"));
        QTRY_COMPARE_WITH_TIMEOUT(source->status(), LiveSource::Status::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(ownRows(*source) >= 2, 5000);
        SqlClient control(m_server, m_server.adminUser, m_server.adminPassword);
        QVERIFY(control.isOpen());
        // The server's own setting comes back afterwards (the fixture's, which later tests
        // that open thousands of connections rely on), not a number written here.
        auto before = control.run(QStringLiteral("SELECT @@GLOBAL.max_connections"));
        QVERIFY(waitFor(before, 3000) && before->ok && !before->rows.isEmpty());
        const qint64 original = before->rows.constFirst().constFirst().toLongLong();
        QVERIFY(original > 10);
        // MariaDB's floor for max_connections is 10; one more is kept for CONNECTION ADMIN.
        QVERIFY(waitFor(control.run(QStringLiteral("SET GLOBAL max_connections = 10")), 3000));
        const auto restore = qScopeGuard([&] {
            waitFor(control.run(QStringLiteral("SET GLOBAL max_connections = %1").arg(original)),
                    3000);
        });
        std::vector<std::unique_ptr<SqlClient>> fillers;
        QString refused;
        for (int i = 0; i < 20 && refused.isEmpty(); ++i) {
            auto c = std::make_unique<SqlClient>(m_server, m_server.lowUser, m_server.lowPassword);
            if (c->isOpen())
                fillers.push_back(std::move(c));
            else
                refused = c->openError();
        }
        QVERIFY2(refused.contains(QStringLiteral("1040")) ||
                     refused.contains(QStringLiteral("Too many")),
                 qPrintable(refused));
        qInfo("full after %zu fillers: %s", fillers.size(), qPrintable(refused));

        // Attached before: it goes on sampling and killing on the connections it has.
        const quint64 n = source->sampleCount();
        QTRY_VERIFY_WITH_TIMEOUT(source->sampleCount() >= n + 3, 5000);
        QCOMPARE(source->status(), LiveSource::Status::Connected);
        const qint64 victim = fillers.front()->id();
        QTRY_VERIFY_WITH_TIMEOUT(source->currentRow(victim) != nullptr, 3000);
        source->kill(KillRequest{source->targetForCurrentId(victim), KillKind::Connection, {}, -1});
        QTRY_COMPARE_WITH_TIMEOUT(source->kills().last().phase, KillPhase::Gone, 5000);

        // Attaching to a full server: the kill connection takes the one extra connection kept
        // for CONNECTION ADMIN, the sampler cannot get in, and the attempt ends with the cause
        // in bounded time instead of hanging.
        auto refill = std::make_unique<SqlClient>(m_server, m_server.lowUser, m_server.lowPassword);
        QVERIFY(refill->isOpen());
        fillers.push_back(std::move(refill));
        QElapsedTimer attachTime;
        attachTime.start();
        auto second = attach(QStringLiteral("full-second.log"));
        QTRY_COMPARE_WITH_TIMEOUT(second->status(), LiveSource::Status::Failed, 15000);
        qInfo("second attach after %lld ms: %s", attachTime.elapsed(),
              qPrintable(second->statusText()));
        QVERIFY2(second->statusText().contains(QStringLiteral("1040")),
                 qPrintable(second->statusText()));
        second.reset();
        // And the first one still samples.
        const quint64 m = source->sampleCount();
        QTRY_VERIFY_WITH_TIMEOUT(source->sampleCount() > m, 3000);
    }

    void pausedSamplerStillFollowsAKill()
    {
        auto source = attach(QStringLiteral("paused.log"));
        QTRY_COMPARE_WITH_TIMEOUT(source->status(), LiveSource::Status::Connected, 10000);
        SqlClient victim(m_server, m_server.adminUser, m_server.adminPassword);
        auto sleeper = victim.run(QStringLiteral("SELECT SLEEP(30)"));
        QTRY_VERIFY_WITH_TIMEOUT(source->currentRow(victim.id()) &&
                                     source->currentRow(victim.id())->state ==
                                         QStringLiteral("User sleep"),
                                 5000);
        source->setSamplingPaused(true);
        QTest::qWait(600);
        const quint64 n = source->sampleCount();
        QTest::qWait(800);
        QCOMPARE(source->sampleCount(), n); // paused means paused
        source->kill(KillRequest{source->targetForCurrentId(victim.id()), KillKind::Query, {}, -1});
        QVERIFY(waitFor(sleeper, 5000));
        QCOMPARE(sleeper->error, 1317);
        // Followed to its end by single samples, then quiet again.
        QTRY_COMPARE_WITH_TIMEOUT(source->kills().last().phase, KillPhase::Done, 5000);
        QVERIFY(source->sampleCount() > n);
        const quint64 m = source->sampleCount();
        QTest::qWait(1500);
        QVERIFY(source->sampleCount() <= m + 1);
        QVERIFY(source->isSamplingPaused());
    }

    void cleanupTestCase()
    {
        // Leave the shared server running for the next live test, whatever happened above.
        fixture(QStringLiteral("resume"));
    }
};

QTEST_MAIN(TestLiveIdentity)
#include "tst_live_identity.moc"
