#include "heartbeat.h"
#include "livesource.h"
#include "sqlclient.h"
#include "testserver.h"

#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace ks;
using ks::test::Heartbeat;
using ks::test::SqlClient;
using ks::test::TestServer;

// The server goes away while KillScope watches it: the cause is shown, what was recorded stays,
// the GUI thread never stalls, and sampling and killing resume once the server is back.
class TestLiveReconnect : public QObject
{
    Q_OBJECT
    TestServer m_server;
    Heartbeat m_heartbeat;

    // Runs the fixture script without blocking the event loop.
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

private Q_SLOTS:
    void initTestCase()
    {
        m_server = TestServer::fromEnvironment();
        KS_REQUIRE_SERVER(m_server);
        QVERIFY2(!qEnvironmentVariable("KS_FIXTURE_SCRIPT").isEmpty(), "KS_FIXTURE_SCRIPT not set");
    }

    void serverStopShowsCauseAndReconnects()
    {
        ConnectionSettings s = ks::test::adminTcpSettings(m_server);
        s.connectTimeoutS = 2;
        QTemporaryDir tmp;
        LiveSource source(s);
        source.setAuditLogPath(tmp.filePath(QStringLiteral("kills.log")));
        source.setIntervalMs(250);
        QSignalSpy problems(&source, &SessionSource::problem);
        m_heartbeat.start();
        source.start();
        QTRY_COMPARE_WITH_TIMEOUT(source.status(), LiveSource::Status::Connected, 10000);

        qint64 victimId = 0;
        {
            SqlClient victim(m_server, m_server.adminUser, m_server.adminPassword);
            victimId = victim.id();
            QTRY_VERIFY_WITH_TIMEOUT(source.currentRow(victimId) != nullptr, 3000);
            QTRY_VERIFY_WITH_TIMEOUT(source.timeline().findLane(victimId) >= 0, 3000);

            QVERIFY(fixture(QStringLiteral("halt")));
            QTRY_COMPARE_WITH_TIMEOUT(source.status(), LiveSource::Status::Reconnecting, 10000);
        }
        QVERIFY(!problems.isEmpty());
        const QString cause = problems.constLast().constFirst().toString();
        qInfo("shown: %s", qPrintable(cause));
        QVERIFY2(cause.contains(QStringLiteral("2006")) || cause.contains(QStringLiteral("2013")) ||
                     cause.contains(QStringLiteral("1053")) || cause.contains(QStringLiteral("2002")) ||
                     cause.contains(QStringLiteral("2003")) || cause.contains(QStringLiteral("2026")),
                 qPrintable(cause));

        // History stays while the server is away, and reconnect attempts do not stall the GUI.
        const int lane = source.timeline().findLane(victimId);
        QVERIFY(lane >= 0);
        QVERIFY(source.timeline().segmentCount(lane) > 0);
        const quint64 samplesBefore = source.sampleCount();
        QTest::qWait(1500);
        QCOMPARE(source.sampleCount(), samplesBefore);
        QCOMPARE(source.status(), LiveSource::Status::Reconnecting);
        QVERIFY2(source.statusText().contains(QStringLiteral("Reconnecting")), qPrintable(source.statusText()));

        QVERIFY(fixture(QStringLiteral("resume")));
        QTRY_COMPARE_WITH_TIMEOUT(source.status(), LiveSource::Status::Connected, 15000);
        QVERIFY2(source.statusText().contains(QStringLiteral("Reconnected")), qPrintable(source.statusText()));
        QTRY_VERIFY_WITH_TIMEOUT(source.sampleCount() > samplesBefore, 5000);
        // The old session went with the server; its lane is kept and closed.
        QVERIFY(source.timeline().lane(lane).closed);
        QVERIFY(source.timeline().segmentCount(lane) > 0);

        // Killing works again (the executor reopens its connection).
        SqlClient victim2(m_server, m_server.adminUser, m_server.adminPassword);
        QVERIFY(victim2.isOpen());
        auto sleeper = victim2.run(QStringLiteral("SELECT SLEEP(30)"));
        QTRY_VERIFY_WITH_TIMEOUT(source.currentRow(victim2.id()) != nullptr &&
                                     source.currentRow(victim2.id())->command == QStringLiteral("Query"),
                                 5000);
        KillRequest req;
        req.target = source.targetForCurrentId(victim2.id());
        req.kind = KillKind::Query;
        source.kill(req);
        QTRY_VERIFY_WITH_TIMEOUT(sleeper->done.load(), 5000);
        QCOMPARE(sleeper->error, 1317);
        QTRY_COMPARE_WITH_TIMEOUT(source.kills().last().phase, KillPhase::Done, 5000);

        m_heartbeat.stop();
        qInfo("longest GUI-thread block: %.1f ms in %s", m_heartbeat.maxBlockMs(),
              qPrintable(m_heartbeat.where()));
        QVERIFY2(m_heartbeat.maxBlockMs() < ks::test::Heartbeat::limitMs(), qPrintable(QString::number(m_heartbeat.maxBlockMs())));
    }

    void cleanupTestCase()
    {
        // Leave the shared server running for the next live test, whatever happened above.
        fixture(QStringLiteral("resume"));
    }
};

QTEST_MAIN(TestLiveReconnect)
#include "tst_live_reconnect.moc"
