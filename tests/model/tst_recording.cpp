// The recording's codec (changes against the previous sample, keyframes), the writer's size cap
// (oldest-first trimming keeps the newest) and the reader's refusal of bad files.
#include "recordingfile.h"
#include "recordingformat.h"
#include "recordingsource.h"
#include "recordingwriter.h"
#include "samplecodec.h"

#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace ks;

namespace {

QString rowText(const ProcesslistRow &r)
{
    return QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9|%10|%11|%12|%13|%14|%15|%16|%17|%18|%19")
        .arg(r.id)
        .arg(r.user, r.host, r.db, r.command)
        .arg(r.timeMs)
        .arg(r.state, r.info)
        .arg(r.progress, 0, 'g', 17)
        .arg(r.trxState)
        .arg(r.trxRowsModified)
        .arg(r.trxOperationState)
        .arg(r.blockedBy)
        .arg(int(r.system))
        .arg(int(r.own))
        .arg(r.osThreadId)
        .arg(r.psThreadId)
        .arg(r.queryId)
        .arg(r.clientPid + u'/' + r.clientProgram) +
           QStringLiteral("|%1|%2|%3|%4")
               .arg(int(r.progressReported))
               .arg(r.trxRowsLocked)
               .arg(r.trxStarted)
               .arg(r.trxAgeS);
}

QStringList sampleText(const LiveSample &s)
{
    QStringList out;
    for (const ProcesslistRow &r : s.rows)
        out << rowText(r);
    for (const LockWait &w : s.waits)
        out << QStringLiteral("wait %1→%2 %3").arg(w.waiter).arg(w.blocker).arg(int(w.kind));
    out << QStringLiteral("cost %1 %2 %3 %4")
               .arg(s.cost.roundTripUs)
               .arg(s.cost.clientCpuUs)
               .arg(s.cost.rows)
               .arg(s.cost.queries);
    return out;
}

ProcesslistRow row(qint64 id, const QString &command, qint64 timeMs, const QString &info = {})
{
    ProcesslistRow r;
    r.id = id;
    r.user = QStringLiteral("app");
    r.host = QStringLiteral("10.0.0.%1:4%2").arg(id % 250).arg(id);
    r.db = QStringLiteral("shop");
    r.command = command;
    r.timeMs = timeMs;
    r.info = info;
    r.osThreadId = 1000 + id;
    r.queryId = 10 * id;
    return r;
}

// A sequence of samples in which rows come, change, wait, roll back and go.
QList<LiveSample> story()
{
    QList<LiveSample> out;
    for (int i = 0; i < 12; ++i) {
        LiveSample s;
        s.takenUs = 5'000'000 + i * 1'000'123;
        s.startedUs = s.takenUs - 400;
        s.cost = {1200 + i, 300 + i, 5 + i, 4};
        for (qint64 id = 1; id <= 6; ++id) {
            if (id == 3 && i >= 5)
                continue; // left
            if (id == 6 && i < 4)
                continue; // arrives later
            ProcesslistRow r =
                row(id, id % 2 ? QStringLiteral("Query") : QStringLiteral("Sleep"),
                    // The server's TIME_MS jitters by a millisecond against our clock.
                    (s.takenUs - 4'000'000) / 1000 + (i % 3 == 0 ? 1 : 0),
                    id % 2 ? QStringLiteral("UPDATE t SET v = v + 1 /* 测试 %1 */").arg(i / 4)
                           : QString());
            if (id == 5 && i >= 7) {
                r.trxState = QStringLiteral("ROLLING BACK");
                r.trxRowsModified = 5'800'000 - i * 400'000;
                r.command = QStringLiteral("Killed");
                r.progress = 12.5 * i;
                r.progressReported = i >= 9;
                r.trxRowsLocked = 5'800'000 - i * 300'000;
                r.trxStarted = QStringLiteral("2026-12-01 17:0%1:00").arg(i / 4);
                r.trxAgeS = 30 + i;
            }
            if (id == 1 && i >= 2) {
                r.trxState = QStringLiteral("LOCK WAIT");
                r.blockedBy = 5;
                r.state = QStringLiteral("Updating");
                s.waits.append({1, 5, LockWait::Kind::RowLock});
            }
            r.own = id == 4;
            r.system = id == 2 && i > 8;
            r.clientPid = QString::number(4000 + id);
            r.clientProgram = QStringLiteral("mysql");
            r.psThreadId = id == 6 ? 77 : -1;
            r.queryId += i;
            s.rows.append(r);
        }
        out.append(s);
    }
    return out;
}

QString writeRecording(const QString &dir, const QList<LiveSample> &samples, int keyframeEvery,
                       qint64 maxBytes = RecordingFormat::DefaultMaxBytes,
                       const QString &name = QStringLiteral("r.ksrec"))
{
    const QString path = dir + u'/' + name;
    RecordingWriter w;
    QString error;
    if (!w.openFile(path, {}, maxBytes, keyframeEvery, &error))
        qWarning() << error;
    ServerInfo info = ServerInfo::parseVersion(QStringLiteral("10.11.19-MariaDB-0+deb12u1"));
    ConnectionSettings settings;
    settings.user = QStringLiteral("ksadmin");
    settings.password = QStringLiteral("hunter2-secret");
    settings.port = 3307;
    w.writeServer(0, 0, RecordingFormat::serverToJson(info, settings, false));
    for (const LiveSample &s : samples)
        w.writeSample(s, s.takenUs / 1000);
    w.close();
    return path;
}

} // namespace

class TestRecording : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void codecRoundTrip_data();
    void codecRoundTrip();
    void changesAreSmallerThanKeyframes();
    void damagedPayloadsFail();
    void writeAndReplay();
    void noPasswordInTheFile();
    void trimmingKeepsTheNewest();
    void badFiles_data();
    void badFiles();
    void refusesToOverwriteForeignFile();
};

void TestRecording::codecRoundTrip_data()
{
    QTest::addColumn<int>("keyframeEvery");
    QTest::newRow("every sample a keyframe") << 1;
    QTest::newRow("keyframe every 4") << 4;
    QTest::newRow("keyframe every 5") << 5;
    QTest::newRow("only the first") << 1000;
}

void TestRecording::codecRoundTrip()
{
    QFETCH(int, keyframeEvery);
    const QList<LiveSample> samples = story();
    SampleCodec enc, dec;
    int since = 0;
    for (int i = 0; i < samples.size(); ++i) {
        const bool key = i == 0 || ++since >= keyframeEvery;
        if (key)
            since = 0;
        const QByteArray packed = SampleCodec::compress(enc.encode(samples[i], key));
        QByteArray raw;
        QString error;
        QVERIFY2(SampleCodec::uncompress(packed, &raw, &error), qPrintable(error));
        LiveSample back;
        QVERIFY2(dec.decode(raw, key, samples[i].takenUs, &back, &error), qPrintable(error));
        QCOMPARE(sampleText(back), sampleText(samples[i]));
    }
}

void TestRecording::changesAreSmallerThanKeyframes()
{
    // 500 idle sessions that do not change: a change payload is a small fraction of a keyframe.
    LiveSample a, b;
    a.takenUs = 1'000'000;
    b.takenUs = 2'000'000;
    for (qint64 id = 1; id <= 500; ++id) {
        a.rows.append(row(id, QStringLiteral("Sleep"), 100 * id));
        b.rows.append(row(id, QStringLiteral("Sleep"), 100 * id + 1000));
    }
    SampleCodec enc;
    const qsizetype key = enc.encode(a, true).size();
    const qsizetype delta = enc.encode(b, false).size();
    QVERIFY2(delta * 10 < key, qPrintable(QStringLiteral("%1 vs %2").arg(delta).arg(key)));
    // The row count, then an id step and a zero mask per row, no waits, the cost.
    QCOMPARE(delta, qsizetype(2 + 500 * 2 + 1 + 4));
}

void TestRecording::damagedPayloadsFail()
{
    const QList<LiveSample> samples = story();
    SampleCodec enc;
    const QByteArray key = enc.encode(samples[0], true);
    const QByteArray delta = enc.encode(samples[1], false);
    QString error;
    LiveSample out;
    // A change without its previous sample.
    {
        SampleCodec dec;
        QVERIFY(!dec.decode(delta, false, samples[1].takenUs, &out, &error));
        QVERIFY(!error.isEmpty());
    }
    // Every truncation of a keyframe fails cleanly.
    for (qsizetype n = 0; n < key.size(); ++n) {
        SampleCodec dec;
        QVERIFY(!dec.decode(key.left(n), true, samples[0].takenUs, &out, &error));
    }
    // Random bytes never crash and never read past the end (ASan preset checks the latter).
    QRandomGenerator rng(42);
    for (int i = 0; i < 2000; ++i) {
        QByteArray junk(int(rng.bounded(1, 64)), Qt::Uninitialized);
        for (char &c : junk)
            c = char(rng.bounded(256));
        SampleCodec dec;
        dec.decode(junk, true, 0, &out, &error);
    }
    // A zlib header that claims a gigabyte is refused before anything is allocated.
    QByteArray huge = QByteArray::fromHex("40000000") + QByteArray(20, 'x');
    QByteArray raw;
    QVERIFY(!SampleCodec::uncompress(huge, &raw, &error));
    QVERIFY(error.contains(QStringLiteral("1073741824")));
}

void TestRecording::writeAndReplay()
{
    QTemporaryDir dir;
    const QList<LiveSample> samples = story();
    const QString path = writeRecording(dir.path(), samples, 4);
    Recording rec;
    QString error;
    QVERIFY2(RecordingFile::load(path, &rec, &error), qPrintable(error));
    QVERIFY(rec.warning.isEmpty());
    QCOMPARE(int(rec.samples.size()), samples.size());
    QCOMPARE(rec.keyframes, qint64(3)); // samples 1, 5, 9
    QCOMPARE(rec.server().flavorId(), QStringLiteral("mariadb-10.11"));
    QVERIFY(rec.endpoint().contains(QStringLiteral("ksadmin@127.0.0.1:3307")));
    RecordingSource source(std::move(rec));
    QCOMPARE(source.flavorId(), QStringLiteral("mariadb-10.11"));
    QVERIFY(!source.canKill());
    // Every sample back, forwards, backwards and at random (the cache must never lie).
    QList<int> order;
    for (int i = 0; i < samples.size(); ++i)
        order << i;
    for (int i = samples.size() - 1; i >= 0; --i)
        order << i;
    order << 7 << 2 << 11 << 0 << 6 << 6 << 9;
    for (int i : order) {
        LiveSample back;
        QVERIFY(source.sampleAt(samples[i].takenUs + 10, &back));
        QCOMPARE(sampleText(back), sampleText(samples[i]));
    }
    QVERIFY(source.processlistAt(samples[0].takenUs - 1).isEmpty());
    // Own connections are not shown, as in the live window.
    const QList<ProcesslistRow> rows = source.processlistAt(samples[6].takenUs);
    QCOMPARE(rows.size(), samples[6].rows.size() - 1);
    for (const ProcesslistRow &r : rows)
        QVERIFY(!r.own);
    // The timeline has a lane per session (own connection left out), and the one that left ends.
    int lanes = 0;
    for (int l = 0; l < source.timeline().laneCount(); ++l)
        lanes += source.timeline().lane(l).kind == LaneKind::Thread;
    QCOMPARE(lanes, 5);
    QSignalSpy problems(&source, &SessionSource::problem);
    source.kill({});
    QCOMPARE(problems.size(), 1);
}

void TestRecording::noPasswordInTheFile()
{
    QTemporaryDir dir;
    const QString path = writeRecording(dir.path(), story(), 4);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(!f.readAll().contains("hunter2-secret"));
    QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther),
             QFile::Permissions());
}

void TestRecording::trimmingKeepsTheNewest()
{
    // Incompressible statements of 3 KB per row: 200 samples are far beyond a 128 KB cap.
    QRandomGenerator rng(7);
    QList<LiveSample> samples;
    for (int i = 0; i < 200; ++i) {
        LiveSample s;
        s.takenUs = 1'000'000 + i * 250'000;
        QString text;
        for (int c = 0; c < 3000; ++c)
            text += QChar(u'a' + char16_t(rng.bounded(26)));
        s.rows.append(row(1, QStringLiteral("Query"), i, text));
        s.rows.append(row(2, QStringLiteral("Sleep"), 5));
        samples.append(s);
    }
    QTemporaryDir dir;
    const qint64 cap = 128 * 1024;
    const QString path = dir.path() + QStringLiteral("/trim.ksrec");
    RecordingWriter w;
    QString error;
    QVERIFY2(w.openFile(path, {}, cap, 10, &error), qPrintable(error));
    for (const LiveSample &s : samples) {
        w.writeSample(s, 0);
        QVERIFY2(w.usedBytes() <= cap, qPrintable(QString::number(w.usedBytes())));
    }
    QVERIFY(w.samplesTrimmed() > 100);
    w.close();
    // The main file itself stays near the cap once the WAL is folded in.
    QVERIFY2(QFileInfo(path).size() <= cap + 16 * 1024,
             qPrintable(QString::number(QFileInfo(path).size())));

    Recording rec;
    QVERIFY2(RecordingFile::load(path, &rec, &error), qPrintable(error));
    QVERIFY(rec.warning.isEmpty());
    QVERIFY(rec.samples.front().keyframe);
    QCOMPARE(rec.samples.back().serial, qint64(200)); // the newest is kept
    QVERIFY(rec.samples.size() < 100);
    QVERIFY(rec.meta.contains(QStringLiteral("trimmed_before_us")));
    RecordingSource source(std::move(rec));
    for (int i = 200 - int(source.recording().samples.size()); i < 200; ++i) {
        LiveSample back;
        QVERIFY(source.sampleAt(samples[i].takenUs, &back));
        QCOMPARE(sampleText(back), sampleText(samples[i]));
    }
}

void TestRecording::badFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << "missing"
                             << "no such file";
    QTest::newRow("directory") << "directory"
                               << "not a regular file";
    QTest::newRow("empty") << "empty"
                           << "empty";
    QTest::newRow("text") << "text"
                          << "not an SQLite database";
    QTest::newRow("foreign sqlite") << "foreign"
                                    << "not a KillScope recording (application id 0)";
    QTest::newRow("newer format") << "newer"
                                  << "format 9 by a newer KillScope";
    QTest::newRow("no samples") << "nosamples"
                                << "holds no samples";
    QTest::newRow("damaged first sample") << "damagedfirst"
                                          << "first sample is damaged";
    QTest::newRow("truncated file") << "truncated"
                                    << "";
}

void TestRecording::badFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QString path = dir.path() + QStringLiteral("/x.ksrec");
    const auto sql = [&](const QStringList &statements) {
        const QString name = QStringLiteral("tst-%1").arg(kind);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const QString &s : statements)
                QVERIFY2(q.exec(s), qPrintable(s));
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    };
    if (kind == QLatin1String("missing")) {
        path = dir.path() + QStringLiteral("/nope.ksrec");
    } else if (kind == QLatin1String("directory")) {
        path = dir.path();
    } else if (kind == QLatin1String("empty")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
    } else if (kind == QLatin1String("text")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"sessions\": []}\n");
    } else if (kind == QLatin1String("foreign")) {
        sql({QStringLiteral("CREATE TABLE notes (t TEXT)")});
    } else if (kind == QLatin1String("newer")) {
        writeRecording(dir.path(), story(), 4, RecordingFormat::DefaultMaxBytes,
                       QStringLiteral("x.ksrec"));
        sql({QStringLiteral("PRAGMA user_version = 9")});
    } else if (kind == QLatin1String("nosamples")) {
        writeRecording(dir.path(), {}, 4, RecordingFormat::DefaultMaxBytes,
                       QStringLiteral("x.ksrec"));
    } else if (kind == QLatin1String("damagedfirst")) {
        writeRecording(dir.path(), story(), 4, RecordingFormat::DefaultMaxBytes,
                       QStringLiteral("x.ksrec"));
        sql({QStringLiteral("UPDATE samples SET payload = x'0000001078' WHERE serial = 1")});
    } else if (kind == QLatin1String("truncated")) {
        // Cut in the middle: SQLite reports the damage, or a later sample is left out.
        writeRecording(dir.path(), story(), 4, RecordingFormat::DefaultMaxBytes,
                       QStringLiteral("x.ksrec"));
        QFile f(path);
        QVERIFY(f.resize(f.size() / 2));
    }
    Recording rec;
    QString error;
    const bool ok = RecordingFile::load(path, &rec, &error);
    if (kind == QLatin1String("truncated")) {
        // Either way the user reads what is wrong; nothing crashes or hangs.
        QVERIFY(!ok || !rec.warning.isEmpty() || rec.samples.size() <= 12);
        if (!ok)
            QVERIFY(error.contains(path));
        return;
    }
    QVERIFY(!ok);
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.startsWith(path), qPrintable(error));
}

void TestRecording::refusesToOverwriteForeignFile()
{
    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/notes.txt");
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("my precious notes\n");
    }
    RecordingWriter w;
    QString error;
    QVERIFY(!w.openFile(path, {}, RecordingFormat::DefaultMaxBytes, 10, &error));
    QVERIFY2(error.contains(QStringLiteral("does not overwrite")), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("my precious notes\n"));
    // A recording is replaced.
    const QString rec = writeRecording(dir.path(), story(), 4);
    QVERIFY(w.openFile(rec, {}, RecordingFormat::DefaultMaxBytes, 10, &error));
    w.close();
}

QTEST_GUILESS_MAIN(TestRecording)
#include "tst_recording.moc"
