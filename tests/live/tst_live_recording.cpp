// Recordings against the throwaway MariaDB: a live session recorded through the real main window
// (Live ▸ Record) and replayed in it with the same kill and the same processlist at a time; a
// headless recorder cut off by kill -9 and reopened; the recording commands' exit codes; files
// that are not recordings.
#include "killcontroller.h"
#include "killmenu.h"
#include "killsmodel.h"
#include "livecontroller.h"
#include "livesource.h"
#include "mainwindow.h"
#include "playbackcontroller.h"
#include "processlistmodel.h"
#include "programrun.h"
#include "recorder.h"
#include "recordingcontroller.h"
#include "recordingfile.h"
#include "recordingsource.h"
#include "sqlclient.h"
#include "testserver.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ks;
using ks::test::SqlClient;
using ks::test::TestServer;
using ks::test::waitFor;

class TestLiveRecording : public QObject
{
    Q_OBJECT
    TestServer m_server;
    QTemporaryDir m_tmp;

    using Result = ks::test::ProgramResult;

    QStringList connection() const
    {
        return {QStringLiteral("--headless"),
                QStringLiteral("--no-defaults"),
                QStringLiteral("--host"),
                m_server.host,
                QStringLiteral("-P"),
                QString::number(m_server.port),
                QStringLiteral("-u"),
                m_server.adminUser,
                QStringLiteral("--password=") + m_server.adminPassword};
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KILLSCOPE_AUDIT_LOG"), m_tmp.filePath(QStringLiteral("a.log")));
        env.insert(QStringLiteral("KILLSCOPE_NO_TERMINAL_PROMPT"), QStringLiteral("1"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_tmp.filePath(QStringLiteral("xdg")));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        return env;
    }

    Result run(const QStringList &args, int timeoutMs = 60000)
    {
        const Result r =
            ks::test::runProgram(QStringLiteral(KILLSCOPE_BIN), args, environment(), timeoutMs);
        QStringList shown = args;
        for (QString &a : shown)
            if (a.startsWith(QStringLiteral("--password=")))
                a = QStringLiteral("--password=…");
        qInfo("killscope %s → %d\n%s%s", qPrintable(shown.join(u' ')), r.exit, qPrintable(r.out),
              qPrintable(r.err));
        return r;
    }

    static QString rowKey(const ProcesslistRow &r)
    {
        return QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
            .arg(r.id)
            .arg(r.user, r.command, r.state, r.info, r.trxState)
            .arg(r.timeMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = TestServer::fromEnvironment();
        KS_REQUIRE_SERVER(m_server);
        QVERIFY(m_tmp.isValid());
        qputenv("XDG_DATA_HOME", m_tmp.filePath(QStringLiteral("xdg")).toLocal8Bit());
        qputenv("KILLSCOPE_AUDIT_LOG", m_tmp.filePath(QStringLiteral("gui.log")).toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("KillScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_live_recording"));
        QSettings().clear();
        qRegisterMetaType<ks::RecordingSource *>();
    }

    // Live ▸ Record in the real window, then File ▸ Open recording in the same window: the kill
    // made while recording is there with its outcome, and the processlist at a time is exactly
    // what the live window had at that time.
    void windowRecordsAndReplays()
    {
        const QString path = m_tmp.filePath(QStringLiteral("window.ksrec"));
        MainWindow window;
        LiveController live(&window);
        RecordingController recordings(&window, &live);
        QVERIFY(recordings.recordAction()->isChecked()); // on by default
        QCOMPARE(recordings.openAction()->objectName(), QStringLiteral("openRecordingAction"));
        window.killController()->setConfirmer(
            [](QWidget *, const QList<KillPreview> &, const KillController::Refresher &) {
                return true;
            });
        window.show();
        recordings.setNextRecordPath(path);

        // Everything the live window showed, sample by sample.
        QHash<qint64, QStringList> shown;
        QSignalSpy started(&live, &LiveController::liveStarted);
        live.connectTo(ks::test::adminTcpSettings(m_server));
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 15000);
        LiveSource *source = live.source();
        QVERIFY(source);
        source->setIntervalMs(250);
        connect(source, &LiveSource::sampleIngested, this, [&shown, source] {
            QStringList rows;
            for (const ProcesslistRow &r : source->lastIngested().rows)
                if (!r.own)
                    rows << rowKey(r);
            shown.insert(source->lastIngested().takenUs, rows);
        });
        QTRY_VERIFY_WITH_TIMEOUT(recordings.recorder()->isRecording() &&
                                     recordings.recorder()->samplesWritten() > 0,
                                 10000);
        QCOMPARE(recordings.recorder()->path(), path);
        QVERIFY(recordings.recordAction()->text().contains(QStringLiteral("window.ksrec")));

        SqlClient victim(m_server, m_server.adminUser, m_server.adminPassword);
        SqlClient bystander(m_server, m_server.adminUser, m_server.adminPassword);
        QVERIFY(victim.isOpen() && bystander.isOpen());
        auto v = victim.run(QStringLiteral("SELECT SLEEP(60) /* recorded victim */"));
        auto b = bystander.run(QStringLiteral("SELECT SLEEP(25) /* recorded bystander */"));
        QTRY_VERIFY_WITH_TIMEOUT(
            source->currentRow(victim.id()) &&
                source->currentRow(victim.id())->info.contains(QStringLiteral("recorded victim")),
            5000);
        QTest::qWait(3000);
        const qint64 probeUs = source->lastIngested().takenUs;
        const QStringList probeRows = shown.value(probeUs);
        QVERIFY(probeRows.join(u'\n').contains(QStringLiteral("recorded victim")));

        // The kill goes the window's way: controller → confirm → source.
        const ProcesslistRow victimRow = *source->currentRow(victim.id());
        QCOMPARE(window.killController()->killRows({victimRow}, KillKind::Connection), 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            !source->kills().isEmpty() && source->kills().last().phase == KillPhase::Gone, 10000);
        const KillRecord liveKill = source->kills().last();
        QVERIFY(waitFor(v, 5000));
        // Recorded for 30 s in all at 4 samples a second: two keyframe groups and more.
        QTest::qWait(24000);
        const quint64 written = recordings.recorder()->samplesWritten();
        QVERIFY2(written >= 100, qPrintable(QString::number(written)));
        live.disconnectFromServer();
        QTRY_VERIFY_WITH_TIMEOUT(!recordings.recorder()->isRecording(), 10000);

        QSignalSpy opened(&recordings, &RecordingController::opened);
        recordings.openRecording(path);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);
        QCOMPARE(window.source()->kind(), SessionSource::Kind::Recording);
        auto *rec = qobject_cast<RecordingSource *>(window.source());
        QVERIFY(rec);
        QVERIFY(rec->recording().warning.isEmpty());
        QVERIFY(rec->recording().keyframes >= 2);
        QVERIFY(rec->recording().server().isMariaDb());
        QCOMPARE(rec->recording().servers.size(), 1); // one connect, one row
        QVERIFY(window.windowTitle().contains(QStringLiteral("window.ksrec")));

        // The same kill, with its outcome and its audit verdict.
        QCOMPARE(rec->kills().size(), 1);
        const KillRecord k = rec->kills().first();
        QCOMPARE(k.statement, liveKill.statement);
        QCOMPARE(k.phase, KillPhase::Gone);
        QCOMPARE(k.request.target.id, victim.id());
        QCOMPARE(k.endedUs, liveKill.endedUs);
        QCOMPARE(rec->recording().verdicts.value(k.serial), QStringLiteral("ok"));
        QCOMPARE(window.killsModel()->rowCount(), 1);
        // Drawn on the victim's lane.
        bool arrow = false;
        for (const TimelineSignal &s : rec->timeline().signalList())
            arrow |= rec->timeline().lane(s.toLane).sessionId == victim.id() &&
                     s.kind == SignalKind::KillConnection;
        QVERIFY(arrow);

        // The processlist at the probe time, in the window, is what the live window had.
        window.playback()->setPosition(probeUs);
        QTRY_COMPARE_WITH_TIMEOUT(window.processlistModel()->rowCount(), int(probeRows.size()),
                                  2000);
        QStringList replayed;
        for (const ProcesslistRow &r : rec->processlistAt(probeUs))
            replayed << rowKey(r);
        QCOMPARE(replayed, probeRows);
        // The victim's lane ends where it left, and the playback keys step to the kill.
        window.playback()->setPosition(rec->beginUs());

        // Nothing can be killed, and the menu says why.
        QVERIFY(!rec->canKill());
        const QList<ProcesslistRow> rows = rec->processlistAt(probeUs);
        QVERIFY(!rows.isEmpty());
        window.killController()->popupForRows({rows.first()}, QPoint(10, 10));
        KillMenu *menu = window.killMenu();
        QAction *why = menu->findChild<QAction *>(QStringLiteral("killNotPossibleAction"));
        QVERIFY(why);
        QVERIFY(!why->text().isEmpty());
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("killQueryAction"))->isEnabled());
        menu->hide();
        QCOMPARE(window.killController()->killRows({rows.first()}, KillKind::Connection), 0);

        // The same file from a script.
        const Result summary = run({QStringLiteral("--headless"), QStringLiteral("--recording"),
                                    path, QStringLiteral("--summary")});
        QCOMPARE(summary.exit, 0);
        QVERIFY2(summary.out.contains(liveKill.statement), qPrintable(summary.out));
        QVERIFY(summary.out.contains(QStringLiteral("(audit: ok)")));
        QVERIFY(summary.out.contains(QStringLiteral("MariaDB")));
        const qint64 at = probeUs - rec->beginUs();
        const Result pl = run({QStringLiteral("--headless"), QStringLiteral("--recording"), path,
                               QStringLiteral("--processlist-at"), QStringLiteral("%1us").arg(at),
                               QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(pl.exit, 0);
        const QJsonObject o = QJsonDocument::fromJson(pl.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("processlist")).toArray().size(), probeRows.size());
        QVERIFY(pl.out.contains(QStringLiteral("recorded victim")));
        const QString png = m_tmp.filePath(QStringLiteral("replay.png"));
        const Result pic = run({QStringLiteral("--png"), png, QStringLiteral("--recording"), path,
                                QStringLiteral("--at"), QStringLiteral("%1us").arg(at)});
        QCOMPARE(pic.exit, 0);
        QImage image(png);
        QCOMPARE(image.size(), QSize(1600, 900));
        QVERIFY(waitFor(b, 30000));
    }

    // A headless recorder killed with SIGKILL mid-recording: the file opens up to its last
    // sample.
    void recordingCutOffByKill9Reopens()
    {
        const QString path = m_tmp.filePath(QStringLiteral("crash.ksrec"));
        SqlClient busy(m_server, m_server.adminUser, m_server.adminPassword);
        auto q = busy.run(QStringLiteral("SELECT SLEEP(20) /* before the crash */"));
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(KILLSCOPE_BIN), connection() << QStringLiteral("--record") << path
                                                            << QStringLiteral("--interval")
                                                            << QStringLiteral("250ms"));
        QVERIFY(p.waitForStarted(5000));
        Recording rec;
        QString error;
        QElapsedTimer t;
        t.start();
        bool enough = false;
        while (!enough && t.elapsed() < 20000) {
            QTest::qWait(500);
            enough = RecordingFile::load(path, &rec, &error) && rec.samples.size() >= 12;
        }
        QVERIFY2(enough, qPrintable(error));
        p.kill(); // SIGKILL: no chance to close the file
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        QVERIFY2(QFile::exists(path + QStringLiteral("-wal")), "the crash left the WAL unfolded");

        Recording after;
        QVERIFY2(RecordingFile::load(path, &after, &error), qPrintable(error));
        QVERIFY(after.samples.size() >= rec.samples.size());
        QVERIFY(after.warning.isEmpty());
        RecordingSource source(std::move(after));
        bool seen = false;
        for (const ProcesslistRow &r : source.processlistAt(source.endUs()))
            seen |= r.info.contains(QStringLiteral("before the crash"));
        QVERIFY(seen);
        const Result summary =
            run({QStringLiteral("--headless"), QStringLiteral("--recording"), path,
                 QStringLiteral("--summary"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(summary.exit, 0);
        const QJsonObject o = QJsonDocument::fromJson(summary.out.toUtf8()).object();
        QVERIFY(o.value(QStringLiteral("samples")).toInt() >= 12);
        QVERIFY(waitFor(q, 25000));
    }

    void headlessCommands_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("exit");
        QTest::addColumn<QString>("says");
        QTest::newRow("record 3s") << "record" << 0 << "Recorded";
        QTest::newRow("processlist at a time outside") << "outside" << 2 << "lasts only";
        QTest::newRow("no server there") << "noserver" << 2 << "";
        QTest::newRow("foreign file not overwritten") << "foreign" << 2 << "does not overwrite";
        QTest::newRow("reading a text file") << "text" << 2 << "not an SQLite database";
        QTest::newRow("reading a missing file") << "missing" << 2 << "no such file";
        QTest::newRow("duration without record") << "usage" << 2 << "--duration";
        QTest::newRow("recording with a scenario") << "usage2" << 2 << "--recording";
    }

    void headlessCommands()
    {
        QFETCH(QString, kind);
        QFETCH(int, exit);
        QFETCH(QString, says);
        const QString path = m_tmp.filePath(QStringLiteral("cli.ksrec"));
        const QString notes = m_tmp.filePath(QStringLiteral("notes.txt"));
        {
            QFile f(notes);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a recording\n");
        }
        QStringList args;
        if (kind == QLatin1String("record")) {
            args = connection() << QStringLiteral("--record") << path
                                << QStringLiteral("--duration") << QStringLiteral("3s")
                                << QStringLiteral("--interval") << QStringLiteral("250ms");
        } else if (kind == QLatin1String("outside")) {
            QVERIFY(QFile::exists(path)); // from the first row
            args = {QStringLiteral("--headless"), QStringLiteral("--recording"), path,
                    QStringLiteral("--processlist-at"), QStringLiteral("99s")};
        } else if (kind == QLatin1String("noserver")) {
            args = {QStringLiteral("--headless"), QStringLiteral("--no-defaults"),
                    QStringLiteral("--host"),     QStringLiteral("127.0.0.1"),
                    QStringLiteral("-P"),         QStringLiteral("1"),
                    QStringLiteral("--record"),   m_tmp.filePath(QStringLiteral("none.ksrec")),
                    QStringLiteral("--duration"), QStringLiteral("2s")};
        } else if (kind == QLatin1String("foreign")) {
            args = connection() << QStringLiteral("--record") << notes
                                << QStringLiteral("--duration") << QStringLiteral("2s");
        } else if (kind == QLatin1String("text")) {
            args = {QStringLiteral("--headless"), QStringLiteral("--recording"), notes,
                    QStringLiteral("--summary")};
        } else if (kind == QLatin1String("missing")) {
            args = {QStringLiteral("--headless"), QStringLiteral("--recording"),
                    m_tmp.filePath(QStringLiteral("nope.ksrec"))};
        } else if (kind == QLatin1String("usage")) {
            args = connection() << QStringLiteral("--processlist") << QStringLiteral("--duration")
                                << QStringLiteral("5s");
        } else {
            args = {QStringLiteral("--headless"), QStringLiteral("--scenario"),
                    QStringLiteral("ctrl-c"), QStringLiteral("--recording"), path};
        }
        const Result r = run(args);
        QCOMPARE(r.exit, exit);
        QVERIFY2((r.out + r.err).contains(says), qPrintable(r.out + r.err));
        if (kind == QLatin1String("record")) {
            Recording rec;
            QString error;
            QVERIFY2(RecordingFile::load(path, &rec, &error), qPrintable(error));
            QVERIFY2(rec.samples.size() >= 8, qPrintable(QString::number(rec.samples.size())));
            QVERIFY(rec.endUs() - rec.beginUs() >= 2'000'000);
            QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) ||
                    QFileInfo(path + QStringLiteral("-wal")).size() == 0);
            QCOMPARE(rec.servers.size(), 1);
            QVERIFY(!rec.servers.first()
                         .info.value(QStringLiteral("settings"))
                         .toObject()
                         .contains(QStringLiteral("password")));
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(!f.readAll().contains(m_server.adminPassword.toUtf8()));
        }
        if (kind == QLatin1String("foreign")) {
            QFile f(notes);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), QByteArray("not a recording\n"));
        }
    }
};

QTEST_MAIN(TestLiveRecording)
#include "tst_live_recording.moc"
