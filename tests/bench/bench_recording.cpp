// Recording size per hour: KillScope's format (changes against the previous sample, a keyframe
// every 60, zlib, SQLite, plus its own kills) against Dolphie's replay scheme rebuilt on the same
// samples (one zstd-compressed JSON snapshot of the whole processlist per poll in SQLite, no user
// actions). The samples are synthetic but shaped like a busy server at 1 Hz: mostly idle
// connections whose Time grows, short statements that change every few seconds, long
// transactions whose row counts grow, a little connection churn.
//
//   bench_recording [connections=1000] [polls=600]
// prints one line per scheme with bytes, bytes per hour and the ratio.
#include "livesample.h"
#include "recordingformat.h"
#include "recordingwriter.h"
#include "resources.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <cstdio>
#include <zstd.h>

using namespace ks;

namespace {

struct Conn
{
    ProcesslistRow row;
    int kind = 0; // 0 idle, 1 short statements, 2 long transaction
    qint64 startMs = 0;
    int nextChangeS = 0;
};

class Workload
{
public:
    Workload(int n)
        : m_rng(20261201)
    {
        for (int i = 0; i < n; ++i)
            m_conns.push_back(make(0));
    }

    LiveSample next(int poll)
    {
        const qint64 nowMs = qint64(poll) * 1000 + 37;
        // Churn: two connections leave and two arrive every second.
        for (int c = 0; c < 2; ++c) {
            const int victim = int(m_rng.bounded(int(m_conns.size())));
            m_conns[size_t(victim)] = make(nowMs);
        }
        LiveSample s;
        s.serial = quint64(poll + 1);
        s.takenUs = nowMs * 1000;
        s.startedUs = s.takenUs - 800;
        s.cost = {1500 + int(m_rng.bounded(300)), 900, int(m_conns.size()), 3};
        for (Conn &c : m_conns) {
            ProcesslistRow &r = c.row;
            if (c.kind == 1 && poll >= c.nextChangeS) {
                c.nextChangeS = poll + 1 + int(m_rng.bounded(3));
                c.startMs = nowMs - int(m_rng.bounded(200));
                r.info = QStringLiteral("SELECT o.id, o.total FROM orders o JOIN customers c ON "
                                        "c.id = o.customer_id WHERE o.customer_id = %1 AND "
                                        "o.created > NOW() - INTERVAL 30 DAY")
                             .arg(m_rng.bounded(1000000));
                r.state = m_rng.bounded(2) ? QStringLiteral("Sending data")
                                           : QStringLiteral("Statistics");
                r.queryId += 1;
            }
            if (c.kind == 2)
                r.trxRowsModified += qint64(m_rng.bounded(2000));
            r.timeMs = nowMs - c.startMs;
            s.rows.append(r);
        }
        return s;
    }

private:
    Conn make(qint64 nowMs)
    {
        Conn c;
        const int roll = int(m_rng.bounded(100));
        c.kind = roll < 90 ? 0 : roll < 98 ? 1 : 2;
        ProcesslistRow &r = c.row;
        r.id = ++m_nextId;
        r.user = QStringLiteral("app_%1").arg(m_rng.bounded(8));
        r.host = QStringLiteral("10.0.%1.%2:%3")
                     .arg(m_rng.bounded(4))
                     .arg(m_rng.bounded(250))
                     .arg(30000 + m_rng.bounded(30000));
        r.db = QStringLiteral("shop");
        r.command = c.kind == 0 ? QStringLiteral("Sleep") : QStringLiteral("Query");
        r.osThreadId = 4000 + r.id;
        r.queryId = r.id * 10;
        c.startMs = nowMs;
        if (c.kind == 2) {
            r.trxState = QStringLiteral("RUNNING");
            r.trxRowsModified = 0;
            r.info = QStringLiteral("UPDATE stock SET reserved = reserved + 1 WHERE warehouse = %1")
                         .arg(m_rng.bounded(50));
            r.state = QStringLiteral("Updating");
        }
        return c;
    }

    QRandomGenerator m_rng;
    std::vector<Conn> m_conns;
    qint64 m_nextId = 100;
};

// What Dolphie keeps of a processlist row (its processlist columns and the InnoDB join).
QJsonObject dolphieRow(const ProcesslistRow &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), QString::number(r.id));
    o.insert(QStringLiteral("user"), r.user);
    o.insert(QStringLiteral("host"), r.host);
    o.insert(QStringLiteral("db"), r.db);
    o.insert(QStringLiteral("command"), r.command);
    o.insert(QStringLiteral("time"), r.timeMs / 1000);
    o.insert(QStringLiteral("state"), r.state);
    o.insert(QStringLiteral("query"), r.info);
    o.insert(QStringLiteral("trx_state"), r.trxState);
    o.insert(QStringLiteral("trx_operation_state"), r.trxOperationState);
    o.insert(QStringLiteral("trx_rows_modified"), r.trxRowsModified < 0 ? 0 : r.trxRowsModified);
    o.insert(QStringLiteral("trx_rows_locked"), 0);
    o.insert(QStringLiteral("trx_time"), QString());
    o.insert(QStringLiteral("thread_id"), r.osThreadId);
    return o;
}

qint64 fileBytes(const QString &path)
{
    qint64 n = QFileInfo(path).size();
    for (const char *suffix : {"-wal", "-shm"})
        n += QFileInfo(path + QLatin1String(suffix)).size();
    return n;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    initResources();
    const int connections = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int polls = argc > 2 ? std::atoi(argv[2]) : 600;
    QTemporaryDir dir;
    const QString ours = dir.filePath(QStringLiteral("killscope.ksrec"));
    const QString theirs = dir.filePath(QStringLiteral("dolphie.db"));

    RecordingWriter writer;
    QString error;
    if (!writer.openFile(ours, {}, RecordingFormat::DefaultMaxBytes,
                         RecordingFormat::DefaultKeyframeEvery, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    writer.writeServer(
        0, 0,
        RecordingFormat::serverToJson(ServerInfo::parseVersion(QStringLiteral("10.11.19-MariaDB")),
                                      ConnectionSettings(), false));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("d"));
        db.setDatabaseName(theirs);
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        q.exec(QStringLiteral("CREATE TABLE replay_data (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                              "timestamp DATETIME, data BLOB)"));
    }
    QSqlDatabase db = QSqlDatabase::database(QStringLiteral("d"));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO replay_data (timestamp, data) VALUES (?, ?)"));

    Workload work(connections);
    qint64 oursCpuNs = 0, theirsCpuNs = 0;
    QElapsedTimer t;
    for (int p = 0; p < polls; ++p) {
        const LiveSample s = work.next(p);
        t.start();
        writer.writeSample(s, s.takenUs / 1000);
        if (p % 120 == 60) {
            // KillScope's own actions ride along: a kill every two minutes, each phase a row.
            KillRecord k;
            k.serial = p;
            k.statement = QStringLiteral("KILL CONNECTION %1").arg(s.rows[p % s.rows.size()].id);
            for (KillPhase phase : {KillPhase::Requested, KillPhase::Accepted, KillPhase::FlagSeen,
                                    KillPhase::RollingBack, KillPhase::Gone}) {
                k.phase = phase;
                writer.writeAction(s.takenUs, 0, QStringLiteral("kill"), p,
                                   QLatin1String(killPhaseKey(phase)),
                                   RecordingFormat::killToJson(k));
            }
        }
        oursCpuNs += t.nsecsElapsed();

        t.start();
        QJsonArray rows;
        for (const ProcesslistRow &r : s.rows)
            rows.append(dolphieRow(r));
        QJsonObject snapshot;
        snapshot.insert(QStringLiteral("processlist"), rows);
        const QByteArray json = QJsonDocument(snapshot).toJson(QJsonDocument::Compact);
        QByteArray packed(qsizetype(ZSTD_compressBound(size_t(json.size()))), Qt::Uninitialized);
        const size_t n = ZSTD_compress(packed.data(), size_t(packed.size()), json.constData(),
                                       size_t(json.size()), 3);
        packed.resize(qsizetype(n));
        insert.addBindValue(QStringLiteral("2026-12-01 00:00:%1").arg(p));
        insert.addBindValue(packed);
        insert.exec();
        theirsCpuNs += t.nsecsElapsed();
    }
    writer.close();
    db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    db.close();

    const double scale = 3600.0 / polls;
    const qint64 a = fileBytes(ours), b = fileBytes(theirs);
    std::printf("bench_recording: %d connections, %d polls at 1 Hz (per hour = x%.1f)\n",
                connections, polls, scale);
    std::printf("  killscope (changes+keyframes, zlib, with kills): %10lld bytes  %8.1f MB/h  "
                "%.2f ms/poll\n",
                qlonglong(a), a * scale / 1e6, oursCpuNs / 1e6 / polls);
    std::printf("  dolphie scheme (zstd-3 JSON per poll, no actions): %10lld bytes  %8.1f MB/h  "
                "%.2f ms/poll\n",
                qlonglong(b), b * scale / 1e6, theirsCpuNs / 1e6 / polls);
    std::printf("  ratio dolphie/killscope: %.1fx\n", double(b) / double(qMax<qint64>(a, 1)));
    return 0;
}
