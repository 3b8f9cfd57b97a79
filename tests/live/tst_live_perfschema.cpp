#include "livesource.h"
#include "sqlclient.h"
#include "testserver.h"

#include <QCoreApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using namespace ks;
using ks::test::SqlClient;
using ks::test::TestServer;
using ks::test::waitFor;

// A MariaDB with performance_schema on: the path MySQL 8 takes by default. Every session gets its
// performance_schema thread and connect attributes, the kill check compares them, and a killed
// client that connects again is recognised as the same client by its process id — while another
// program of the same account is not.
class TestLivePerfSchema : public QObject
{
    Q_OBJECT
    TestServer m_server;
    QTemporaryDir m_tmp;
    std::unique_ptr<LiveSource> m_source;

    KillRecord last() const { return m_source->kills().last(); } // kills() returns a copy

private Q_SLOTS:
    void initTestCase()
    {
        m_server = TestServer::fromEnvironment();
        KS_REQUIRE_SERVER(m_server);
        ConnectionSettings s = ks::test::adminTcpSettings(m_server);
        m_source = std::make_unique<LiveSource>(s);
        m_source->setAuditLogPath(m_tmp.filePath(QStringLiteral("kills.log")));
        m_source->setIntervalMs(250);
        m_source->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), LiveSource::Status::Connected, 10000);
        const ServerInfo info = m_source->serverInfo();
        QVERIFY(info.performanceSchema);
        QVERIFY(info.psThreadsReadable);
        QVERIFY(info.connectAttrsReadable);
        QVERIFY(info.incarnation.known());
        QVERIFY(info.incarnation.exact);
    }

    void sessionsCarryTheirThreadAndClient()
    {
        SqlClient c(m_server, m_server.adminUser, m_server.adminPassword);
        QTRY_VERIFY_WITH_TIMEOUT(m_source->currentRow(c.id()) != nullptr, 3000);
        const ProcesslistRow r = *m_source->currentRow(c.id());
        qInfo("id %lld: performance_schema thread %lld, OS thread %lld, client %s (%s)", r.id,
              r.psThreadId, r.osThreadId, qPrintable(r.clientPid), qPrintable(r.clientProgram));
        QVERIFY(r.psThreadId > 0);
        QVERIFY(r.osThreadId > 0);
        QCOMPARE(r.clientPid, QString::number(QCoreApplication::applicationPid()));
        QVERIFY(!r.clientProgram.isEmpty());

        // The kill check compares the performance_schema thread too.
        auto sleeper = c.run(QStringLiteral("SELECT SLEEP(30)"));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_source->currentRow(c.id())->state == QStringLiteral("User sleep"), 3000);
        m_source->kill({m_source->targetForCurrentId(c.id()), KillKind::Query, {}, -1});
        QVERIFY(waitFor(sleeper, 5000));
        QCOMPARE(sleeper->error, 1317);
        QTRY_COMPARE_WITH_TIMEOUT(last().phase, KillPhase::Done, 3000);
        QVERIFY2(last().identityEvidence.contains(
                     QStringLiteral("same performance_schema thread %1").arg(r.psThreadId)),
                 qPrintable(last().identityEvidence));
    }

    void sameClientComingBackIsReconnected()
    {
        auto victim =
            std::make_unique<SqlClient>(m_server, m_server.adminUser, m_server.adminPassword);
        const qint64 oldId = victim->id();
        QTRY_VERIFY_WITH_TIMEOUT(m_source->currentRow(oldId) != nullptr &&
                                     !m_source->currentRow(oldId)->clientPid.isEmpty(),
                                 3000);
        const int lane = m_source->timeline().findLane(oldId);
        m_source->kill({m_source->targetForCurrentId(oldId), KillKind::Connection, {}, -1});
        const int serial = last().serial;
        QTRY_COMPARE_WITH_TIMEOUT(last().phase, KillPhase::Gone, 3000);
        // This very process connects again, as a pool would.
        auto again =
            std::make_unique<SqlClient>(m_server, m_server.adminUser, m_server.adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(m_source->kills().last().phase, KillPhase::Reconnected, 3000);
        QCOMPARE(last().serial, serial);
        QCOMPARE(last().reconnectedAsId, again->id());
        QVERIFY2(last().why.contains(QString::number(QCoreApplication::applicationPid())),
                 qPrintable(last().why));
        // The proven reconnect is pinned to the victim's own lane.
        bool pinned = false;
        const Timeline &tl = m_source->timeline();
        for (const TimelineMarker &m : tl.markerList())
            pinned |= m.lane == lane && tl.string(m.label).contains(QString::number(again->id()));
        QVERIFY(pinned);
    }

    void anotherProgramOfTheSameAccountIsNot()
    {
        auto victim =
            std::make_unique<SqlClient>(m_server, m_server.adminUser, m_server.adminPassword);
        const qint64 oldId = victim->id();
        QTRY_VERIFY_WITH_TIMEOUT(m_source->currentRow(oldId) != nullptr &&
                                     !m_source->currentRow(oldId)->clientPid.isEmpty(),
                                 3000);
        const int lane = m_source->timeline().findLane(oldId);
        m_source->kill({m_source->targetForCurrentId(oldId), KillKind::Connection, {}, -1});
        const int serial = last().serial;
        QTRY_COMPARE_WITH_TIMEOUT(last().phase, KillPhase::Gone, 3000);
        victim.reset();
        // The mariadb client of the same account from the same machine: another process.
        const QString client = QStandardPaths::findExecutable(QStringLiteral("mariadb"));
        QVERIFY2(!client.isEmpty(), "the mariadb client is not installed");
        QProcess cli;
        cli.start(client,
                  {QStringLiteral("--no-defaults"), QStringLiteral("-h"), m_server.host,
                   QStringLiteral("-P"), QString::number(m_server.port),
                   QStringLiteral("-u") + m_server.adminUser,
                   QStringLiteral("-p") + m_server.adminPassword, QStringLiteral("--skip-ssl"),
                   QStringLiteral("-e"), QStringLiteral("SELECT SLEEP(3)")});
        QVERIFY(cli.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(m_source->kills().last().successorId != 0, 5000);
        QCOMPARE(last().serial, serial);
        QCOMPARE(last().phase, KillPhase::Gone);
        QCOMPARE(last().reconnectedAsId, 0);
        QVERIFY2(last().why.contains(QStringLiteral("another client process")),
                 qPrintable(last().why));
        const Timeline &tl = m_source->timeline();
        for (const TimelineMarker &m : tl.markerList())
            QVERIFY(!(m.lane == lane && m.kind == MarkerKind::Note));
        QTRY_COMPARE_WITH_TIMEOUT(cli.state(), QProcess::NotRunning, 10000);
    }

    void cleanupTestCase() { m_source.reset(); }
};

QTEST_MAIN(TestLivePerfSchema)
#include "tst_live_perfschema.moc"
