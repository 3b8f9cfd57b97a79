#include "heartbeat.h"
#include "livesource.h"
#include "sqlclient.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QtTest>

using namespace ks;
using ks::test::Heartbeat;
using ks::test::SqlClient;
using ks::test::TestServer;
using ks::test::waitFor;
using ks::test::adminTcpSettings;

// Real sessions on the throwaway MariaDB, killed through LiveSource, followed by its tracker.
// Every SQL statement of the test itself runs on SqlClient threads, so the heartbeat measures
// what LiveSource costs the GUI thread.
class TestLiveKills : public QObject
{
    Q_OBJECT
    TestServer m_server;
    std::unique_ptr<LiveSource> m_source;
    Heartbeat m_heartbeat;
    QTemporaryDir m_tmp;

    ConnectionSettings adminSettings() const { return adminTcpSettings(m_server); }

    // Waits (spinning the event loop) until done or timeout.
    const KillRecord *record(int serial) const
    {
        static KillRecord copy;
        for (const KillRecord &k : m_source->kills()) {
            if (k.serial == serial) {
                copy = k;
                return &copy;
            }
        }
        return nullptr;
    }
    int lastSerial() const { return m_source->kills().isEmpty() ? 0 : m_source->kills().last().serial; }

    ProcesslistRow rowOf(qint64 id) const
    {
        const ProcesslistRow *r = m_source->currentRow(id);
        return r ? *r : ProcesslistRow{};
    }

    void kill(qint64 id, KillKind kind)
    {
        KillRequest req;
        req.target = m_source->targetFor(id);
        req.kind = kind;
        m_source->kill(req);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = TestServer::fromEnvironment();
        KS_REQUIRE_SERVER(m_server);
        QVERIFY(m_tmp.isValid());
        {
            SqlClient setup(m_server, m_server.adminUser, m_server.adminPassword);
            QVERIFY2(setup.isOpen(), qPrintable(setup.openError() + m_server.errorLogTail()));
            for (const char *sql :
                 {"DROP TABLE IF EXISTS big", "DROP TABLE IF EXISTS small",
                  "CREATE TABLE big (id INT PRIMARY KEY, v INT, pad CHAR(60)) ENGINE=InnoDB",
                  "INSERT INTO big SELECT seq, 0, 'x' FROM seq_1_to_1000000",
                  "CREATE TABLE small (id INT PRIMARY KEY, v INT) ENGINE=InnoDB",
                  "INSERT INTO small SELECT seq, 0 FROM seq_1_to_10"}) {
                auto r = setup.run(QString::fromLatin1(sql));
                QVERIFY(waitFor(r, 60000));
                QVERIFY2(r->ok, qPrintable(QString::fromLatin1(sql) + u' ' + r->text));
            }
        }
        m_source = std::make_unique<LiveSource>(adminSettings());
        m_source->setAuditLogPath(m_tmp.filePath(QStringLiteral("kills.log")));
        m_source->setIntervalMs(250);
        m_heartbeat.start();
        m_source->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), LiveSource::Status::Connected, 10000);
        QVERIFY(m_source->serverInfo().isMariaDb());
        QVERIFY(m_source->serverInfo().seesAllThreads());
        QVERIFY(m_source->serverInfo().innodbTrxReadable);
        QVERIFY(m_source->serverInfo().lockWaitsReadable);
        QTRY_VERIFY_WITH_TIMEOUT(m_source->sampleCount() > 0, 5000);
    }

    void ownConnectionsAreMarkedAndProtected()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_source->sampleCount() > 2, 5000);
        int own = 0;
        qint64 ownId = 0;
        for (const ProcesslistRow &r : m_source->currentProcesslist()) {
            if (r.own) {
                ++own;
                ownId = r.id;
            }
        }
        QVERIFY2(own >= 2, "sampler and kill executor connections should be marked own");
        // Not in the timeline by default.
        QCOMPARE(m_source->timeline().findLane(ownId), -1);
        const int before = int(m_source->kills().size());
        kill(ownId, KillKind::Connection);
        QCOMPARE(int(m_source->kills().size()), before + 1);
        QCOMPARE(m_source->kills().last().phase, KillPhase::Refused);
        QCOMPARE(m_source->status(), LiveSource::Status::Connected);
    }

    void rowLockWaitKilledWithKillQueryEndsAtOnce()
    {
        SqlClient holder(m_server, m_server.adminUser, m_server.adminPassword);
        SqlClient waiter(m_server, m_server.adminUser, m_server.adminPassword);
        QVERIFY(holder.isOpen() && waiter.isOpen());
        QVERIFY(waitFor(holder.run(QStringLiteral("BEGIN")), 5000));
        auto h = holder.run(QStringLiteral("UPDATE small SET v = v + 1 WHERE id = 1"));
        QVERIFY(waitFor(h, 5000) && h->ok);
        auto w = waiter.run(QStringLiteral("UPDATE small SET v = v + 2 WHERE id = 1"));

        // The sampler sees the wait and who blocks it.
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(waiter.id()).trxState == QStringLiteral("LOCK WAIT") &&
                                     rowOf(waiter.id()).blockedBy == holder.id(),
                                 5000);
        QCOMPARE(m_source->blocking().rootOf(waiter.id()), holder.id());
        QCOMPARE(m_source->blocking().waitersBehind(holder.id()), 1);
        QCOMPARE(m_source->rootBlocker(), holder.id());
        const int lane = m_source->timeline().findLane(waiter.id());
        QVERIFY(lane >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_source->timeline().segmentCount(lane) > 0 &&
                                     SegmentState(m_source->timeline().states(lane).back()) ==
                                         SegmentState::RowLockWait,
                                 3000);

        const KillPreview preview = m_source->preview(
            KillRequest{m_source->targetFor(waiter.id()), KillKind::Query, {}, -1});
        QVERIFY(!preview.blocked);
        QVERIFY2(preview.consequence.contains(QStringLiteral("1317")), qPrintable(preview.consequence));

        const qint64 killAt = SqlClient::nowMs();
        kill(waiter.id(), KillKind::Query);
        const int serial = lastSerial();
        QVERIFY(waitFor(w, 3000));
        QCOMPARE(w->error, 1317);
        const qint64 ended = w->finishedMs - killAt;
        qInfo("row-lock wait ended %lld ms after the kill was requested", ended);
        QVERIFY2(ended < 500, qPrintable(QString::number(ended)));

        QTRY_COMPARE_WITH_TIMEOUT(record(serial)->phase, KillPhase::Done, 3000);
        QCOMPARE(record(serial)->serverError, 0);
        QVERIFY(record(serial)->answeredUs >= record(serial)->requestedUs);
        QVERIFY(record(serial)->flagSeenUs > 0);
        QVERIFY(waitFor(holder.run(QStringLiteral("ROLLBACK")), 5000));
    }

    void bigUpdateKilledWithKillConnectionIsTrackedToGone()
    {
        SqlClient victim(m_server, m_server.adminUser, m_server.adminPassword);
        QVERIFY(victim.isOpen());
        auto u = victim.run(QStringLiteral("UPDATE big SET v = v + 1, pad = REPEAT('y', 60)"));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(victim.id()).trxRowsModified > 250000, 20000);
        const qint64 killAt = SqlClient::nowMs();
        kill(victim.id(), KillKind::Connection);
        const int serial = lastSerial();

        // The client learns at once; the server keeps rolling back.
        QVERIFY(waitFor(u, 5000));
        QVERIFY2(u->error == 2013 || u->error == 1927, qPrintable(u->text));
        qInfo("victim client got %d after %lld ms", u->error, u->finishedMs - killAt);

        QList<qint64> remaining;
        bool sawKilledRollback = false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 30000) {
            const KillRecord *r = record(serial);
            const ProcesslistRow row = rowOf(victim.id());
            if (row.command == QStringLiteral("Killed") &&
                (row.state == QStringLiteral("Rollback") || row.trxState == QStringLiteral("ROLLING BACK")))
                sawKilledRollback = true;
            if (r->phase == KillPhase::RollingBack &&
                (remaining.isEmpty() || remaining.last() != r->rowsRemaining))
                remaining << r->rowsRemaining;
            if (r->phase == KillPhase::Gone || r->phase == KillPhase::Reconnected)
                break;
            QTest::qWait(20);
        }
        const KillRecord *r = record(serial);
        qInfo("rows remaining while rolling back: %s; estimated rate %.0f rows/s",
              qPrintable([&] {
                  QStringList s;
                  for (qint64 n : remaining)
                      s << QString::number(n);
                  return s.join(QStringLiteral(", "));
              }()),
              r->rowsPerSecond);
        QCOMPARE(r->phase, KillPhase::Gone);
        QVERIFY(sawKilledRollback);
        QVERIFY2(remaining.size() >= 2, "rollback progress should be observed at least twice");
        for (int i = 1; i < remaining.size(); ++i)
            QVERIFY(remaining[i] < remaining[i - 1]);
        QVERIFY(r->rowsPerSecond > 0);
        QVERIFY(r->flagSeenUs >= r->answeredUs - 1000000);
        QVERIFY(r->endedUs > r->flagSeenUs);

        // The lane shows the rollback, flagged Killed, with row counts.
        const Timeline &tl = m_source->timeline();
        const int lane = tl.findLane(victim.id());
        QVERIFY(lane >= 0);
        bool rollbackSegment = false;
        for (int i = 0; i < tl.segmentCount(lane); ++i) {
            const Segment s = tl.segment(lane, i);
            if (s.state == SegmentState::RollingBack && (s.flags & SegmentFlag::Killed)) {
                rollbackSegment = true;
                const SegmentExtra *e = tl.extra(lane, i);
                QVERIFY(e && e->rowsAtStart > e->rowsAtEnd);
            }
        }
        QVERIFY(rollbackSegment);
        QVERIFY(tl.lane(lane).closed);
    }

    void killQueryOnIdleSessionShowsKilledUntilNextStatement()
    {
        SqlClient victim(m_server, m_server.adminUser, m_server.adminPassword);
        QVERIFY(victim.isOpen());
        QVERIFY(waitFor(victim.run(QStringLiteral("SELECT 1")), 5000));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(victim.id()).command == QStringLiteral("Sleep"), 3000);
        const KillPreview preview = m_source->preview(
            KillRequest{m_source->targetFor(victim.id()), KillKind::Query, {}, -1});
        QVERIFY(preview.noEffect);
        QVERIFY(!preview.warnings.isEmpty());

        kill(victim.id(), KillKind::Query);
        const int serial = lastSerial();
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(victim.id()).command, QStringLiteral("Killed"), 3000);
        QTRY_COMPARE_WITH_TIMEOUT(record(serial)->phase, KillPhase::FlagSeen, 3000);
        QVERIFY2(!record(serial)->why.isEmpty(), "an idle Killed session should say why");
        // It stays Killed while idle.
        QTest::qWait(600);
        QCOMPARE(rowOf(victim.id()).command, QStringLiteral("Killed"));
        QCOMPARE(record(serial)->phase, KillPhase::FlagSeen);

        // The next statement runs normally and clears it.
        auto next = victim.run(QStringLiteral("SELECT 2"));
        QVERIFY(waitFor(next, 3000));
        QVERIFY2(next->ok, qPrintable(next->text));
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(victim.id()).command, QStringLiteral("Sleep"), 3000);
        QTRY_COMPARE_WITH_TIMEOUT(record(serial)->phase, KillPhase::Done, 3000);

        const Timeline &tl = m_source->timeline();
        const int lane = tl.findLane(victim.id());
        bool killedIdle = false;
        for (int i = 0; i < tl.segmentCount(lane); ++i) {
            const Segment s = tl.segment(lane, i);
            killedIdle |= s.state == SegmentState::Idle && (s.flags & SegmentFlag::Killed);
        }
        QVERIFY(killedIdle);
    }

    void lowPrivilegeKillIsRefusedWith1095()
    {
        SqlClient adminVictim(m_server, m_server.adminUser, m_server.adminPassword);
        QVERIFY(adminVictim.isOpen());
        ConnectionSettings low = adminSettings();
        low.user = m_server.lowUser;
        low.password = m_server.lowPassword;
        LiveSource lowSource(low);
        lowSource.setAuditLogPath(m_tmp.filePath(QStringLiteral("kills-low.log")));
        lowSource.setIntervalMs(250);
        lowSource.start();
        QTRY_COMPARE_WITH_TIMEOUT(lowSource.status(), LiveSource::Status::Connected, 10000);
        QVERIFY(!lowSource.serverInfo().seesAllThreads());
        QVERIFY(!lowSource.serverInfo().canKillOthers());
        QVERIFY(!lowSource.serverInfo().limitations().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(lowSource.sampleCount() > 0, 5000);
        // Only its own threads are visible.
        for (const ProcesslistRow &r : lowSource.currentProcesslist())
            QCOMPARE(r.user, m_server.lowUser);

        QSignalSpy problems(&lowSource, &SessionSource::problem);
        KillRequest req;
        req.target.id = adminVictim.id();
        req.kind = KillKind::Connection;
        lowSource.kill(req);
        const int serial = lowSource.kills().last().serial;
        QTRY_COMPARE_WITH_TIMEOUT(lowSource.kills().last().phase, KillPhase::Refused, 3000);
        const KillRecord r = lowSource.kills().last();
        QCOMPARE(r.serial, serial);
        QCOMPARE(r.serverError, 1095);
        QVERIFY2(r.serverMessage.contains(QStringLiteral("1095")), qPrintable(r.serverMessage));
        QVERIFY(!problems.isEmpty());
        QCOMPARE(KillTracker::phaseText(r), QStringLiteral("Refused (1095)"));
        // The victim is untouched.
        auto alive = adminVictim.run(QStringLiteral("SELECT 1"));
        QVERIFY(waitFor(alive, 3000));
        QVERIFY(alive->ok);

        QFile log(m_tmp.filePath(QStringLiteral("kills-low.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("\"error\":1095"));
    }

    void killOfThreadThatJustEndedGets1094()
    {
        auto victim = std::make_unique<SqlClient>(m_server, m_server.adminUser, m_server.adminPassword);
        const qint64 id = victim->id();
        QTRY_VERIFY_WITH_TIMEOUT(m_source->currentRow(id) != nullptr, 3000);
        const KillTarget target = m_source->targetFor(id);
        // Make sure the next sample has not yet noticed, then let the thread end.
        QVERIFY(waitFor(victim->close(), 3000));
        victim.reset();
        KillRequest req;
        req.target = target;
        req.kind = KillKind::Connection;
        // Wait until the server has really dropped it, but before LiveSource looks again is not
        // guaranteed: the kill must be right either way.
        QTest::qWait(30);
        m_source->kill(req);
        const int serial = lastSerial();
        QTRY_VERIFY_WITH_TIMEOUT(KillTracker::isFinalPhase(record(serial)->phase), 3000);
        const KillRecord *r = record(serial);
        QCOMPARE(r->phase, KillPhase::Refused);
        QCOMPARE(r->serverError, 1094);
        QCOMPARE(KillTracker::phaseText(*r), QStringLiteral("Already gone (1094)"));
        QVERIFY(!r->why.isEmpty());
    }

    void killSoftQueryOnMariaDb()
    {
        QVERIFY(m_source->supportsKillStrength());
        SqlClient victim(m_server, m_server.adminUser, m_server.adminPassword);
        auto sleeper = victim.run(QStringLiteral("SELECT SLEEP(30)"));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(victim.id()).state == QStringLiteral("User sleep"), 5000);
        KillRequest req;
        req.target = m_source->targetFor(victim.id());
        req.kind = KillKind::Query;
        req.strength = KillStrength::Soft;
        m_source->kill(req);
        QCOMPARE(m_source->kills().last().statement, QStringLiteral("KILL SOFT QUERY %1").arg(victim.id()));
        QVERIFY(waitFor(sleeper, 3000));
        QCOMPARE(sleeper->error, 1317);
        QTRY_COMPARE_WITH_TIMEOUT(m_source->kills().last().phase, KillPhase::Done, 3000);
    }

    void killedClientThatComesBackIsReconnected()
    {
        auto victim = std::make_unique<SqlClient>(m_server, m_server.adminUser, m_server.adminPassword);
        const qint64 oldId = victim->id();
        QTRY_VERIFY_WITH_TIMEOUT(m_source->currentRow(oldId) != nullptr, 3000);
        kill(oldId, KillKind::Connection);
        const int serial = lastSerial();
        QTRY_COMPARE_WITH_TIMEOUT(record(serial)->phase, KillPhase::Gone, 3000);
        // A pool would now open a fresh connection as the same user from the same machine.
        auto again = std::make_unique<SqlClient>(m_server, m_server.adminUser, m_server.adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(record(serial)->phase, KillPhase::Reconnected, 3000);
        QCOMPARE(record(serial)->reconnectedAsId, again->id());
        QVERIFY(again->id() != oldId);
    }

    void badConnectionsNameTheCause_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("code");
        // Connector/C reports a refused TCP connect as 2002 (libmysqlclient: 2003); a database the
        // account may not see is 1044 rather than 1049.
        QTest::newRow("wrong password") << "password" << "1045";
        QTest::newRow("nobody listening") << "port" << "127.0.0.1:1 .*(2002|2003)";
        QTest::newRow("no such socket") << "socket" << "2002.*no.sock";
        QTest::newRow("unknown database") << "database" << "(1044|1049)";
    }
    void badConnectionsNameTheCause()
    {
        QFETCH(QString, what);
        QFETCH(QString, code);
        ConnectionSettings s = adminTcpSettings(m_server);
        s.connectTimeoutS = 2;
        if (what == QStringLiteral("password"))
            s.password = QStringLiteral("nope");
        if (what == QStringLiteral("port"))
            s.port = 1; // nothing listens there
        if (what == QStringLiteral("socket"))
            s.socket = m_tmp.filePath(QStringLiteral("no.sock"));
        if (what == QStringLiteral("database"))
            s.database = QStringLiteral("no_such_db");
        LiveSource src(s);
        src.setAuditLogPath(m_tmp.filePath(QStringLiteral("kills-bad.log")));
        QSignalSpy problems(&src, &SessionSource::problem);
        src.start();
        QTRY_COMPARE_WITH_TIMEOUT(src.status(), LiveSource::Status::Failed, 10000);
        QVERIFY2(src.statusText().contains(QRegularExpression(code)), qPrintable(src.statusText()));
        QVERIFY(!problems.isEmpty());
        qInfo("%s: %s", qPrintable(what), qPrintable(src.statusText()));
    }

    void auditLogHasEveryKill()
    {
        QFile log(m_tmp.filePath(QStringLiteral("kills.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = log.readAll().split('\n');
        int entries = 0;
        for (const QByteArray &l : lines)
            entries += l.trimmed().isEmpty() ? 0 : 1;
        QCOMPARE(entries, int(m_source->kills().size()));
    }

    void cleanupTestCase()
    {
        m_heartbeat.stop();
        qInfo("longest GUI-thread block: %.1f ms in %s", m_heartbeat.maxBlockMs(),
              qPrintable(m_heartbeat.where()));
        QVERIFY2(m_heartbeat.maxBlockMs() < ks::test::Heartbeat::limitMs(), qPrintable(QString::number(m_heartbeat.maxBlockMs())));
        m_source.reset();
    }
};

QTEST_MAIN(TestLiveKills)
#include "tst_live_kills.moc"
