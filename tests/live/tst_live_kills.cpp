#include "heartbeat.h"
#include "livesource.h"
#include "sqlclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
        req.target = m_source->targetForCurrentId(id);
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
            KillRequest{m_source->targetForCurrentId(waiter.id()), KillKind::Query, {}, -1});
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
            KillRequest{m_source->targetForCurrentId(victim.id()), KillKind::Query, {}, -1});
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

    void killWithoutPrivilegeIsRefusedWith1095()
    {
        // PROCESS without CONNECTION ADMIN: the admin's session is visible, the server refuses.
        SqlClient adminVictim(m_server, m_server.adminUser, m_server.adminPassword);
        QVERIFY(adminVictim.isOpen());
        ConnectionSettings proc = adminSettings();
        proc.user = m_server.procUser;
        proc.password = m_server.procPassword;
        LiveSource procSource(proc);
        procSource.setAuditLogPath(m_tmp.filePath(QStringLiteral("kills-proc.log")));
        procSource.setIntervalMs(250);
        procSource.start();
        QTRY_COMPARE_WITH_TIMEOUT(procSource.status(), LiveSource::Status::Connected, 10000);
        QVERIFY(procSource.serverInfo().seesAllThreads());
        QVERIFY(!procSource.serverInfo().canKillOthers());
        QVERIFY(!procSource.serverInfo().limitations().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(procSource.currentRow(adminVictim.id()) != nullptr, 5000);

        QSignalSpy problems(&procSource, &SessionSource::problem);
        KillRequest req;
        req.target = procSource.targetForCurrentId(adminVictim.id());
        QVERIFY2(req.target.voidReason.isEmpty(), qPrintable(req.target.voidReason));
        req.kind = KillKind::Connection;
        procSource.kill(req);
        const int serial = procSource.kills().last().serial;
        QTRY_COMPARE_WITH_TIMEOUT(procSource.kills().last().phase, KillPhase::Refused, 3000);
        const KillRecord r = procSource.kills().last();
        QCOMPARE(r.serial, serial);
        QCOMPARE(r.serverError, 1095);
        QVERIFY2(r.serverMessage.contains(QStringLiteral("1095")), qPrintable(r.serverMessage));
        QVERIFY(!problems.isEmpty());
        QCOMPARE(KillTracker::phaseText(r), QStringLiteral("Refused (1095)"));
        // The victim is untouched.
        auto alive = adminVictim.run(QStringLiteral("SELECT 1"));
        QVERIFY(waitFor(alive, 3000));
        QVERIFY(alive->ok);
        procSource.flushAudit();

        QFile log(m_tmp.filePath(QStringLiteral("kills-proc.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray all = log.readAll();
        QVERIFY2(all.contains("\"error\":1095"), all.constData());
        QVERIFY2(all.contains("\"verdict\":\"refused\""), all.constData());
    }

    void sessionNeverObservedIsNotSent()
    {
        // A low-privilege account sees only its own threads: an id it never saw is not a session
        // KillScope knows, so nothing is sent (before, a bare id went straight to the server).
        SqlClient adminVictim(m_server, m_server.adminUser, m_server.adminPassword);
        ConnectionSettings low = adminSettings();
        low.user = m_server.lowUser;
        low.password = m_server.lowPassword;
        LiveSource lowSource(low);
        lowSource.setAuditLogPath(m_tmp.filePath(QStringLiteral("kills-low.log")));
        lowSource.setIntervalMs(250);
        lowSource.start();
        QTRY_COMPARE_WITH_TIMEOUT(lowSource.status(), LiveSource::Status::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(lowSource.sampleCount() > 0, 5000);
        for (const ProcesslistRow &r : lowSource.currentProcesslist())
            QCOMPARE(r.user, m_server.lowUser);
        KillRequest req;
        req.target = lowSource.targetForCurrentId(adminVictim.id());
        req.kind = KillKind::Connection;
        lowSource.kill(req);
        const KillRecord r = lowSource.kills().last();
        QCOMPARE(r.phase, KillPhase::Refused);
        QVERIFY2(r.serverMessage.startsWith(QStringLiteral("Not sent:")), qPrintable(r.serverMessage));
        QCOMPARE(KillTracker::phaseText(r), QStringLiteral("Not sent"));
        auto alive = adminVictim.run(QStringLiteral("SELECT 1"));
        QVERIFY(waitFor(alive, 3000) && alive->ok);
    }

    void killOfThreadThatJustEndedGets1094()
    {
        auto victim = std::make_unique<SqlClient>(m_server, m_server.adminUser, m_server.adminPassword);
        const qint64 id = victim->id();
        QTRY_VERIFY_WITH_TIMEOUT(m_source->currentRow(id) != nullptr, 3000);
        const KillTarget target = m_source->targetForCurrentId(id);
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
        req.target = m_source->targetForCurrentId(victim.id());
        req.kind = KillKind::Query;
        req.strength = KillStrength::Soft;
        m_source->kill(req);
        QCOMPARE(m_source->kills().last().statement, QStringLiteral("KILL SOFT QUERY %1").arg(victim.id()));
        QVERIFY(waitFor(sleeper, 3000));
        QCOMPARE(sleeper->error, 1317);
        QTRY_COMPARE_WITH_TIMEOUT(m_source->kills().last().phase, KillPhase::Done, 3000);
    }

    void newSessionOfTheSameAccountIsNotClaimedAsReconnected()
    {
        auto victim = std::make_unique<SqlClient>(m_server, m_server.adminUser, m_server.adminPassword);
        const qint64 oldId = victim->id();
        QTRY_VERIFY_WITH_TIMEOUT(m_source->currentRow(oldId) != nullptr, 3000);
        const int lane = m_source->timeline().findLane(oldId);
        kill(oldId, KillKind::Connection);
        const int serial = lastSerial();
        QTRY_COMPARE_WITH_TIMEOUT(record(serial)->phase, KillPhase::Gone, 3000);
        // A pool (or anybody with the same account) opens a fresh connection from this machine.
        // Without connect attributes (performance_schema is off) nothing shows it is the same
        // client: it is named as a newcomer, not as the victim come back.
        auto again = std::make_unique<SqlClient>(m_server, m_server.adminUser, m_server.adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(record(serial)->successorId, again->id(), 3000);
        QCOMPARE(record(serial)->phase, KillPhase::Gone);
        QCOMPARE(record(serial)->reconnectedAsId, 0);
        QVERIFY2(record(serial)->why.contains(QStringLiteral("new session of the same account")),
                 qPrintable(record(serial)->why));
        // Nothing about the newcomer is drawn on the killed session's lane (or any other).
        const Timeline &tl = m_source->timeline();
        for (const TimelineMarker &m : tl.markerList())
            QVERIFY2(!tl.string(m.label).contains(QStringLiteral("reconnected")),
                     qPrintable(tl.string(m.label)));
        QVERIFY(lane >= 0 && tl.lane(lane).closed);
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

    void spoofedCommentChangesNothing()
    {
        // Anyone can start a statement with KillScope's comment; it is recognised by connection
        // id only, so the session stays visible, gets a lane, and can be killed.
        SqlClient foreign(m_server, m_server.lowUser, m_server.lowPassword);
        QVERIFY(foreign.isOpen());
        auto q = foreign.run(QStringLiteral("/* killscope:sampler */ SELECT SLEEP(30)"));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(foreign.id()).state == QStringLiteral("User sleep"), 5000);
        QVERIFY(!rowOf(foreign.id()).own);
        QVERIFY(rowOf(foreign.id()).info.startsWith(QStringLiteral("/* killscope:sampler */")));
        const int lane = m_source->timeline().findLane(foreign.id());
        QVERIFY(lane >= 0);
        bool listed = false;
        for (const ProcesslistRow &r : m_source->processlistAt(m_source->nowUs()))
            listed |= r.id == foreign.id();
        QVERIFY(listed);
        const KillPreview preview =
            m_source->preview(KillRequest{m_source->targetForLane(lane), KillKind::Query, {}, -1});
        QVERIFY(!preview.blocked);
        KillRequest req;
        req.target = m_source->targetForLane(lane);
        QVERIFY2(req.target.voidReason.isEmpty(), qPrintable(req.target.voidReason));
        req.kind = KillKind::Query;
        m_source->kill(req);
        const int serial = lastSerial();
        QVERIFY(waitFor(q, 5000));
        QCOMPARE(q->error, 1317);
        QTRY_COMPARE_WITH_TIMEOUT(record(serial)->phase, KillPhase::Done, 3000);
    }

    void endedSessionIsNotSentThroughItsLane()
    {
        auto victim = std::make_unique<SqlClient>(m_server, m_server.adminUser, m_server.adminPassword);
        const qint64 id = victim->id();
        QTRY_VERIFY_WITH_TIMEOUT(m_source->timeline().findLane(id) >= 0, 3000);
        const int lane = m_source->timeline().findLane(id);
        QVERIFY(waitFor(victim->close(), 3000));
        victim.reset();
        QTRY_VERIFY_WITH_TIMEOUT(m_source->timeline().lane(lane).closed, 3000);
        KillRequest req;
        req.target = m_source->targetForLane(lane);
        QVERIFY2(req.target.voidReason.contains(QStringLiteral("ended")), qPrintable(req.target.voidReason));
        req.kind = KillKind::Connection;
        QSignalSpy problems(m_source.get(), &SessionSource::problem);
        m_source->kill(req);
        const KillRecord r = m_source->kills().last();
        QCOMPARE(r.phase, KillPhase::Refused);
        QCOMPARE(r.serverError, 0);
        QCOMPARE(r.sentUs, -1);
        QVERIFY2(r.serverMessage.startsWith(QStringLiteral("Not sent:")), qPrintable(r.serverMessage));
        QCOMPARE(problems.count(), 1);
    }

    void readOnlyAttemptIsRefusedAndLogged()
    {
        SqlClient victim(m_server, m_server.adminUser, m_server.adminPassword);
        QTRY_VERIFY_WITH_TIMEOUT(m_source->currentRow(victim.id()) != nullptr, 3000);
        m_source->setReadOnly(true);
        kill(victim.id(), KillKind::Connection);
        m_source->setReadOnly(false);
        const KillRecord r = m_source->kills().last();
        QCOMPARE(r.phase, KillPhase::Refused);
        QVERIFY2(r.serverMessage.contains(QStringLiteral("read-only")), qPrintable(r.serverMessage));
        auto alive = victim.run(QStringLiteral("SELECT 1"));
        QVERIFY(waitFor(alive, 3000) && alive->ok);
    }

    void auditLogHasEveryAttemptReadableOnlyByItsOwner()
    {
        // Kills still followed get their line now; lines already queued reach the file on the
        // executor's thread.
        m_source->flushAudit();
        const QString path = m_tmp.filePath(QStringLiteral("kills.log"));
        QList<QJsonObject> entries;
        QElapsedTimer t;
        t.start();
        do {
            QTest::qWait(20);
            QFile log(path);
            QVERIFY(log.open(QIODevice::ReadOnly));
            entries.clear();
            for (const QByteArray &l : log.readAll().split('\n')) {
                if (l.trimmed().isEmpty())
                    continue;
                QJsonParseError e;
                const QJsonDocument doc = QJsonDocument::fromJson(l, &e);
                QVERIFY2(e.error == QJsonParseError::NoError && doc.isObject(), l.constData());
                entries << doc.object();
            }
        } while (entries.size() < m_source->kills().size() && t.elapsed() < 3000);
        QCOMPARE(entries.size(), int(m_source->kills().size()));

        const QFile::Permissions perms = QFileInfo(path).permissions();
        QCOMPARE(perms & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther |
                          QFile::ExeGroup | QFile::ExeOther),
                 QFile::Permissions());
        QVERIFY(perms & QFile::ReadOwner);
        QVERIFY(perms & QFile::WriteOwner);

        QSet<QString> verdicts;
        bool sawGoneWithRollback = false;
        for (const QJsonObject &o : std::as_const(entries)) {
            const QJsonObject server = o.value(QStringLiteral("server")).toObject();
            QCOMPARE(server.value(QStringLiteral("address")).toString(),
                     QStringLiteral("%1:%2").arg(m_server.host).arg(m_server.port));
            QVERIFY2(server.value(QStringLiteral("version")).toString().contains(QStringLiteral("MariaDB")),
                     QJsonDocument(o).toJson().constData());
            QVERIFY(o.value(QStringLiteral("account")).toString().startsWith(m_server.adminUser + u'@'));
            const QJsonObject victim = o.value(QStringLiteral("victim")).toObject();
            for (const char *key : {"id", "user", "host", "db", "command", "time", "state", "info"})
                QVERIFY2(victim.contains(QLatin1String(key)),
                         qPrintable(QStringLiteral("%1 missing in %2").arg(QLatin1String(key), QString::fromUtf8(QJsonDocument(o).toJson()))));
            QVERIFY(o.value(QStringLiteral("statement")).toString().startsWith(QStringLiteral("KILL ")));
            QVERIFY(o.contains(QStringLiteral("sent")));
            QVERIFY(o.value(QStringLiteral("outcome")).toObject().contains(QStringLiteral("phase")));
            const QString verdict = o.value(QStringLiteral("verdict")).toString();
            verdicts << verdict;
            if (verdict == QStringLiteral("ok"))
                QVERIFY(o.value(QStringLiteral("sent")).toBool());
            else if (verdict != QStringLiteral("refused"))
                QVERIFY2(!o.value(QStringLiteral("sent")).toBool(), qPrintable(verdict));
            const QJsonObject outcome = o.value(QStringLiteral("outcome")).toObject();
            if (outcome.value(QStringLiteral("phase")).toString() == QStringLiteral("gone") &&
                outcome.value(QStringLiteral("rollbackRowsPerSecond")).toDouble() > 0) {
                sawGoneWithRollback = true;
                QVERIFY(victim.value(QStringLiteral("info")).toString().startsWith(QStringLiteral("UPDATE big")));
                QVERIFY(!o.value(QStringLiteral("identity")).toObject().value(QStringLiteral("proof")).toArray().isEmpty());
            }
        }
        qInfo("audit verdicts: %s", qPrintable(QStringList(verdicts.begin(), verdicts.end()).join(u' ')));
        QVERIFY(sawGoneWithRollback);
        for (const char *v : {"ok", "refused", "own-connection", "read-only", "not-sent"})
            QVERIFY2(verdicts.contains(QLatin1String(v)), v);
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
