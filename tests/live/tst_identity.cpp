#include "auditlog.h"
#include "identityproof.h"
#include "livesource.h"
#include "processlistmodel.h"
#include "serverincarnation.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>

using namespace ks;

namespace {

constexpr qint64 S = 1000000;

ServerIncarnation life(qint64 started, qint64 connections, bool exact = true)
{
    ServerIncarnation i;
    i.startedEpochS = started;
    i.connections = connections;
    i.exact = exact;
    return i;
}

ServerInfo mariadb(const ServerIncarnation &incarnation)
{
    ServerInfo info = ServerInfo::parseVersion(QStringLiteral("10.11.19-MariaDB-0+deb12u1"));
    info.threadHandling = QStringLiteral("one-thread-per-connection");
    info.incarnation = incarnation;
    info.currentUser = QStringLiteral("ksadmin@%");
    return info;
}

// A socket session of the pool account: host is only "localhost", so user and host say nothing.
ProcesslistRow pooled(qint64 id, qint64 tid, qint64 queryId, const char *command = "Sleep")
{
    ProcesslistRow r;
    r.id = id;
    r.user = QStringLiteral("app");
    r.host = QStringLiteral("localhost");
    r.command = QString::fromLatin1(command);
    r.osThreadId = tid;
    r.queryId = queryId;
    return r;
}

LiveSample sample(qint64 t, QList<ProcesslistRow> rows)
{
    LiveSample s;
    s.startedUs = t - 1000;
    s.takenUs = t;
    s.rows = std::move(rows);
    return s;
}

} // namespace

// Kill identity belongs to the source: the pure rules (server life, identity proof) and the
// LiveSource records that every target is built from, on synthetic samples.
class TestIdentity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void incarnationCompare_data()
    {
        QTest::addColumn<ServerIncarnation>("then");
        QTest::addColumn<qint64>("maxIdSeen");
        QTest::addColumn<ServerIncarnation>("now");
        QTest::addColumn<int>("verdict");
        using V = ServerIncarnation::Verdict;
        QTest::newRow("same life, counter grew")
            << life(1000, 50) << qint64(48) << life(1000, 70) << int(V::Same);
        QTest::newRow("counter exactly at the highest id")
            << life(1000, 50) << qint64(50) << life(1000, 50) << int(V::Same);
        QTest::newRow("started later")
            << life(1000, 50) << qint64(48) << life(1004, 70) << int(V::Restarted);
        QTest::newRow("same second, counter went back")
            << life(1000, 50) << qint64(48) << life(1000, 6) << int(V::Restarted);
        QTest::newRow("inexact reading, 1 s apart")
            << life(1000, 50, false) << qint64(48) << life(1001, 70) << int(V::Same);
        QTest::newRow("exact readings, 1 s apart")
            << life(1000, 50) << qint64(48) << life(1001, 70) << int(V::Restarted);
        QTest::newRow("nothing known then")
            << ServerIncarnation{} << qint64(1) << life(1000, 70) << int(V::Unknown);
        QTest::newRow("nothing known now")
            << life(1000, 50) << qint64(1) << ServerIncarnation{} << int(V::Unknown);
    }
    void incarnationCompare()
    {
        QFETCH(ServerIncarnation, then);
        QFETCH(qint64, maxIdSeen);
        QFETCH(ServerIncarnation, now);
        QFETCH(int, verdict);
        QString why;
        QCOMPARE(int(ServerIncarnation::compare(then, maxIdSeen, now, &why)), verdict);
        QCOMPARE(why.isEmpty(), verdict == int(ServerIncarnation::Verdict::Same));
    }

    void identityProof_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<int>("verdict");
        QTest::addColumn<QString>("reason");
        using V = IdentityProof::Verdict;
        QTest::newRow("all agrees") << "" << int(V::Proven) << "";
        QTest::newRow("restarted") << "restart" << int(V::Refused) << "restarted";
        QTest::newRow("restarted within the second") << "counter" << int(V::Refused) << "counter";
        QTest::newRow("gone in the same life") << "absent" << int(V::Absent) << "";
        QTest::newRow("other user") << "user" << int(V::Refused) << "user";
        QTest::newRow("other host port") << "host" << int(V::Refused) << "connects from";
        QTest::newRow("other OS thread") << "tid" << int(V::Refused) << "server thread";
        QTest::newRow("other OS thread, thread pool") << "tid-pool" << int(V::Proven) << "";
        QTest::newRow("other performance_schema thread")
            << "ps" << int(V::Refused) << "performance_schema";
        QTest::newRow("query id went back") << "queryid" << int(V::Refused) << "query id";
        QTest::newRow("no record of the life") << "noserver" << int(V::Refused) << "no record";
    }
    void identityProof()
    {
        QFETCH(QString, change);
        QFETCH(int, verdict);
        QFETCH(QString, reason);
        KillTarget t;
        t.id = 12;
        t.user = QStringLiteral("app");
        t.host = QStringLiteral("10.0.0.5:40012");
        t.incarnation = 1;
        t.server = life(1000, 40);
        t.maxIdSeen = 40;
        t.lastSeenUs = 5 * S;
        t.seen.user = t.user;
        t.seen.host = t.host;
        t.seen.osThreadId = 777;
        t.seen.psThreadId = 90;
        t.seen.queryId = 300;
        IdentityProof::Now now;
        now.server = life(1000, 45);
        now.present = true;
        now.user = t.user;
        now.host = t.host;
        now.osThreadId = 777;
        now.psThreadId = 90;
        now.queryId = 310;
        now.timeMs = 9000; // in its command since 9 s before the check: before the last sighting
        now.readEndUs = 6 * S;
        bool stable = true;
        if (change == QStringLiteral("restart"))
            now.server = life(1100, 45);
        if (change == QStringLiteral("counter"))
            now.server = life(1000, 13);
        if (change == QStringLiteral("absent"))
            now.present = false;
        if (change == QStringLiteral("user"))
            now.user = QStringLiteral("batch");
        if (change == QStringLiteral("host"))
            now.host = QStringLiteral("10.0.0.5:40999");
        if (change == QStringLiteral("tid") || change == QStringLiteral("tid-pool"))
            now.osThreadId = 778;
        if (change == QStringLiteral("tid-pool"))
            stable = false;
        if (change == QStringLiteral("ps"))
            now.psThreadId = 91;
        if (change == QStringLiteral("queryid"))
            now.queryId = 12;
        if (change == QStringLiteral("noserver"))
            t.server = ServerIncarnation{};
        const IdentityProof p = IdentityProof::check(t, now, stable);
        QCOMPARE(int(p.verdict), verdict);
        if (verdict == int(IdentityProof::Verdict::Refused)) {
            QVERIFY2(p.reason.startsWith(QStringLiteral("Not sent:")), qPrintable(p.reason));
            QVERIFY2(p.reason.contains(reason), qPrintable(p.reason));
        } else {
            QVERIFY(p.reason.isEmpty());
            QVERIFY(!p.evidence.isEmpty());
        }
        if (change.isEmpty()) {
            const QString all = p.evidence.join(u'\n');
            QVERIFY2(all.contains(QStringLiteral("777")) && all.contains(QStringLiteral("310")) &&
                         all.contains(QStringLiteral("since before")),
                     qPrintable(all));
        }
    }

    void reusedIdWithinOneLifeIsANewSession()
    {
        LiveSource src{ConnectionSettings{}};
        src.ingestConnected(mariadb(life(1000, 30)));
        src.ingest(sample(1 * S, {pooled(12, 500, 100)}));
        const ProcesslistRow oldRow = src.currentProcesslist().constFirst();
        QCOMPARE(oldRow.firstSeenUs, 1 * S);
        QCOMPARE(oldRow.incarnation, 1u);
        const int oldLane = src.timeline().findLane(12);
        const KillTarget before = src.targetForLane(oldLane);
        QVERIFY2(before.voidReason.isEmpty(), qPrintable(before.voidReason));
        QCOMPARE(before.seen.osThreadId, 500);

        // Same id, same account, same "localhost" — but another server thread: another session.
        src.ingest(sample(2 * S, {pooled(12, 501, 5)}));
        const int newLane = src.timeline().findLane(12);
        QVERIFY(newLane != oldLane);
        QVERIFY(src.timeline().lane(oldLane).closed);
        QVERIFY(!src.timeline().lane(newLane).closed);

        // Every way back to the old session is void; the new one is reachable only as itself.
        for (const KillTarget &t : {src.targetForLane(oldLane), src.targetForRow(oldRow)}) {
            QVERIFY(!t.voidReason.isEmpty());
            QVERIFY2(t.voidReason.contains(QStringLiteral("ended")), qPrintable(t.voidReason));
        }
        const KillTarget now = src.targetForCurrentId(12);
        QVERIFY(now.voidReason.isEmpty());
        QCOMPARE(now.seen.osThreadId, 501);
        QCOMPARE(now.firstSeenUs, 2 * S);

        // A target built before (a menu left open) is refused by kill(), and said so.
        QSignalSpy problems(&src, &SessionSource::problem);
        KillRequest req{before, KillKind::Connection, {}, -1};
        src.kill(req);
        QCOMPARE(src.kills().size(), 1);
        QCOMPARE(src.kills().last().phase, KillPhase::Refused);
        QVERIFY2(src.kills().last().serverMessage.startsWith(QStringLiteral("Not sent:")),
                 qPrintable(src.kills().last().serverMessage));
        QCOMPARE(problems.count(), 1);
        // Kill visuals go to the session's own lane.
        QVERIFY(src.timeline().signalList().empty());
    }

    void queryIdGoingBackIsANewSession()
    {
        LiveSource src{ConnectionSettings{}};
        ServerInfo pool = mariadb(life(1000, 30));
        pool.threadHandling = QStringLiteral("pool-of-threads"); // TIDs say nothing here
        src.ingestConnected(pool);
        src.ingest(sample(1 * S, {pooled(12, 500, 100)}));
        const int oldLane = src.timeline().findLane(12);
        src.ingest(sample(2 * S, {pooled(12, 640, 120)})); // another worker thread: same session
        QCOMPARE(src.timeline().findLane(12), oldLane);
        src.ingest(sample(3 * S, {pooled(12, 640, 7)})); // query id went back: a newcomer
        QVERIFY(src.timeline().findLane(12) != oldLane);
    }

    void restartVoidsEveryEarlierTarget()
    {
        QTemporaryDir dir;
        LiveSource src{ConnectionSettings{}};
        src.setAuditLogPath(dir.filePath(QStringLiteral("kills.log")));
        src.ingestConnected(mariadb(life(1000, 30)));
        src.ingest(sample(1 * S, {pooled(12, 500, 100), pooled(13, 501, 101)}));
        const QList<ProcesslistRow> rowsBefore = src.currentProcesslist();
        const int lane = src.timeline().findLane(12);
        const QList<KillTarget> before = {src.targetForLane(lane), src.targetForRow(rowsBefore[0]),
                                          src.targetForRow(rowsBefore[1]),
                                          src.targetForCurrentId(12)};
        for (const KillTarget &t : before)
            QVERIFY(t.voidReason.isEmpty());

        // A network blip (same life) keeps the sessions.
        src.ingestConnected(mariadb(life(1000, 34)));
        QCOMPARE(src.incarnationSerial(), 1u);
        QVERIFY(src.targetForLane(lane).voidReason.isEmpty());

        // A restart within the same second: the counter is below ids already seen.
        QSignalSpy restarted(&src, &LiveSource::serverRestarted);
        src.ingestConnected(mariadb(life(1000, 4)));
        QCOMPARE(restarted.count(), 1);
        QCOMPARE(src.incarnationSerial(), 2u);
        QVERIFY(src.timeline().lane(lane).closed);
        QVERIFY(src.currentProcesslist().isEmpty()); // old rows are not current rows
        // The innocent newcomer gets id 12 in the new life.
        src.ingest(sample(5 * S, {pooled(12, 900, 3)}));
        QVERIFY(src.timeline().findLane(12) != lane);
        for (const KillTarget &t : {src.targetForLane(lane), src.targetForRow(rowsBefore[0]),
                                    src.targetForRow(rowsBefore[1])})
            QVERIFY2(t.voidReason.contains(QStringLiteral("restarted")), qPrintable(t.voidReason));
        // A void target still says whom the user meant: the session's last row as seen.
        const KillTarget fromLane = src.targetForLane(lane);
        QCOMPARE(fromLane.seen.command, QStringLiteral("Sleep"));
        QCOMPARE(fromLane.seen.osThreadId, 500);
        QCOMPARE(fromLane.lastSeenUs, 1 * S - 1000);
        QVERIFY2(
            restarted.constFirst().constFirst().toString().contains(QStringLiteral("restarted")),
            qPrintable(restarted.constFirst().constFirst().toString()));
        // Multi-select of old rows and the command line's earlier target: none is sent.
        for (const KillTarget &t : before)
            src.kill(KillRequest{t, KillKind::Connection, {}, -1});
        QCOMPARE(src.kills().size(), before.size());
        for (const KillRecord &k : src.kills()) {
            QCOMPARE(k.phase, KillPhase::Refused);
            QVERIFY2(k.serverMessage.contains(QStringLiteral("restarted")),
                     qPrintable(k.serverMessage));
            QCOMPARE(k.sentUs, -1);
        }
        // The newcomer is reachable as itself.
        const KillTarget fresh = src.targetForCurrentId(12);
        QVERIFY(fresh.voidReason.isEmpty());
        QCOMPARE(fresh.incarnation, 2u);
        QCOMPARE(fresh.seen.osThreadId, 900);

        // One audit line per attempt, none sent.
        src.flushAudit();
        QFile log(dir.filePath(QStringLiteral("kills.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), before.size());
        for (const QByteArray &l : lines) {
            QVERIFY2(l.contains("\"sent\":false"), l.constData());
            QVERIFY2(l.contains("\"verdict\":\"not-sent\""), l.constData());
        }
    }

    void modelTreatsANewSessionUnderAnOldIdAsANewRow()
    {
        // The selection must not slide from a session to a newcomer with its id.
        ProcesslistModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ProcesslistRow a = pooled(12, 500, 100);
        a.incarnation = 1;
        a.firstSeenUs = 1 * S;
        ProcesslistRow b = pooled(13, 501, 100);
        b.incarnation = 1;
        b.firstSeenUs = 1 * S;
        m.setRows({a, b});
        QItemSelectionModel sel(&m);
        sel.select(m.index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(sel.isRowSelected(0, {}));
        ProcesslistRow a2 = a;
        a2.incarnation = 2;
        a2.firstSeenUs = 9 * S;
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
        m.setRows({a2, b});
        QCOMPARE(removed.count(), 1);
        QCOMPARE(m.rowAt(0).firstSeenUs, 9 * S);
        QVERIFY(!sel.isRowSelected(0, {}));
        QVERIFY(sel.selectedRows().isEmpty());
    }

    void auditLinesPostedAreWrittenInOrderAndNoneIsLost()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kills.log"));
        {
            AuditLog log(path);
            for (int i = 0; i < 300; ++i)
                log.post(QJsonObject{{QStringLiteral("serial"), i}});
            QVERIFY(log.flush());
            for (int i = 300; i < 400; ++i)
                log.post(QJsonObject{{QStringLiteral("serial"), i}});
            // The writer leaves after a second without work and comes back for the next line.
            QTest::qWait(1300);
            for (int i = 400; i < 410; ++i)
                log.post(QJsonObject{{QStringLiteral("serial"), i}});
        } // the destructor writes what is still queued
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 410);
        for (int i = 0; i < lines.size(); ++i)
            QCOMPARE(
                QJsonDocument::fromJson(lines[i]).object().value(QStringLiteral("serial")).toInt(),
                i);
    }

    void auditLogIsPrivateAndNotInADoubledFolder()
    {
        QTemporaryDir home;
        qputenv("XDG_DATA_HOME", home.path().toUtf8());
        qunsetenv("KILLSCOPE_AUDIT_LOG");
        QCoreApplication::setOrganizationName(QStringLiteral("KillScope"));
        QCoreApplication::setApplicationName(QStringLiteral("KillScope"));
        QCOMPARE(AuditLog::defaultPath(), home.path() + QStringLiteral("/KillScope/kills.log"));
        AuditLog log;
        QVERIFY(log.append(QJsonObject{{QStringLiteral("statement"), QStringLiteral("KILL 1")}}));
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(log.path()).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QCOMPARE(
            ::stat(QFile::encodeName(home.path() + QStringLiteral("/KillScope")).constData(), &st),
            0);
        QCOMPARE(int(st.st_mode & 0777), 0700);
        // A log made world-readable by an older version is narrowed on the next line.
        QCOMPARE(::chmod(QFile::encodeName(log.path()).constData(), 0644), 0);
        QVERIFY(log.append(QJsonObject{{QStringLiteral("statement"), QStringLiteral("KILL 2")}}));
        QCOMPARE(::stat(QFile::encodeName(log.path()).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        // A symbolic link is not followed (someone could point it at a file of theirs).
        const QString link = home.filePath(QStringLiteral("link.log"));
        QVERIFY(QFile::link(home.filePath(QStringLiteral("elsewhere")), link));
        AuditLog viaLink(link);
        QVERIFY(!viaLink.append(QJsonObject{}));
        QVERIFY(!viaLink.lastError().isEmpty());
        QVERIFY(!QFile::exists(home.filePath(QStringLiteral("elsewhere"))));
    }
};

QTEST_GUILESS_MAIN(TestIdentity)
#include "tst_identity.moc"
