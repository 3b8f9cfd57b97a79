#include "livesource.h"
#include "sqlclient.h"
#include "testserver.h"

#include <QFile>
#include <QtTest>

#include <algorithm>

using namespace ks;
using ks::test::SqlClient;
using ks::test::TestServer;

namespace {

qint64 rssKb(const char *field = "VmRSS:")
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

template<typename T>
T percentile(QList<T> v, double p)
{
    if (v.isEmpty())
        return T{};
    std::sort(v.begin(), v.end());
    return v[qMin<qsizetype>(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5))];
}

} // namespace

// The live-mode budgets from the design: with 1,000 idle and 50 busy connections, one sample
// (query, parse, diff into the timeline) costs ≤ 10 ms of client CPU; a kill reaches the server
// ≤ 20 ms after confirmation even while a sample is in flight; 8 hours of 1 Hz samples of 1,000
// connections stay within 300 MB.
class BenchLive : public QObject
{
    Q_OBJECT
    TestServer m_server;
    QList<QSqlDatabase> m_idle;
    std::vector<std::unique_ptr<SqlClient>> m_busy;
    std::unique_ptr<LiveSource> m_source;

    ConnectionSettings adminSettings() const
    {
        ConnectionSettings s;
        s.host = QStringLiteral("localhost");
        s.socket = m_server.socket;
        s.user = m_server.adminUser;
        s.password = m_server.adminPassword;
        s.database = m_server.database;
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = TestServer::fromEnvironment();
        KS_REQUIRE_SERVER(m_server);
#ifndef NDEBUG
        qWarning("bench_live: this is a Debug build; the figures are pessimistic");
#endif
    }

    void memoryOf8HoursAt1Hz()
    {
        // Synthetic, fed as fast as possible: 950 idle connections and 50 busy ones whose state
        // changes every few seconds, some rolling back; 28,800 samples.
        const qint64 before = rssKb();
        LiveSource src{ConnectionSettings{}};
        src.setHistorySpanUs(8LL * 3600 * 1000000);
        const QString states[] = {QStringLiteral("Updating"), QStringLiteral("Sending data"),
                                  QStringLiteral("Rollback"), QStringLiteral("User sleep"),
                                  QStringLiteral("Waiting for table metadata lock")};
        // Idle rows are parsed anew in reality too, but their strings repeat; sharing them here
        // keeps the generator from dominating the run. Busy rows get fresh strings each time.
        QList<ProcesslistRow> idle;
        for (int i = 0; i < 950; ++i) {
            ProcesslistRow r;
            r.id = 100 + i;
            r.user = QStringLiteral("app%1").arg(i % 20);
            r.host = QStringLiteral("10.0.%1.%2:%3").arg(i / 250).arg(i % 250).arg(30000 + i);
            r.db = QStringLiteral("shop");
            r.command = QStringLiteral("Sleep");
            idle << r;
        }
        QElapsedTimer t;
        t.start();
        const int samples = 8 * 3600;
        for (int s = 0; s < samples; ++s) {
            LiveSample sample;
            sample.takenUs = qint64(s) * 1000000;
            sample.rows = idle;
            for (ProcesslistRow &r : sample.rows)
                r.timeMs = qint64(s) * 1000;
            for (int i = 950; i < 1000; ++i) {
                ProcesslistRow r;
                r.id = 100 + i;
                r.user = QStringLiteral("app%1").arg(i % 20);
                r.host = QStringLiteral("10.0.%1.%2:%3").arg(i / 250).arg(i % 250).arg(30000 + i);
                r.db = QStringLiteral("shop");
                const int phase = (s / (2 + i % 5) + i) % 5;
                r.command = QStringLiteral("Query");
                r.state = states[phase];
                r.info = QStringLiteral("UPDATE t%1 SET v = v + 1 WHERE k BETWEEN %2 AND %3")
                             .arg(i % 7)
                             .arg(i * 10)
                             .arg(i * 10 + 500);
                r.timeMs = (s % 5) * 1000;
                r.trxState = phase == 2 ? QStringLiteral("ROLLING BACK") : QStringLiteral("RUNNING");
                r.trxRowsModified = phase == 2 ? 100000 - (s % 5) * 20000 : (s % 5) * 20000;
                sample.rows.append(std::move(r));
            }
            src.ingest(sample);
        }
        const double secs = t.elapsed() / 1000.0;
        const qint64 after = rssKb();
        const qint64 peak = rssKb("VmHWM:");
        const Timeline &tl = src.timeline();
        qInfo("8 h of 1 Hz samples x 1000 connections: %d samples in %.1f s (%.0f samples/s); "
              "%lld segments, %.1f MB segment arrays; RSS %.1f MB -> %.1f MB (peak %.1f MB); "
              "increase %.1f MB",
              samples, secs, samples / secs, tl.totalSegmentCount(),
              tl.segmentMemoryBytes() / 1048576.0, before / 1024.0, after / 1024.0, peak / 1024.0,
              (after - before) / 1024.0);
        QVERIFY2(after - before < 300 * 1024, "8 hours of history must stay within 300 MB");
        QCOMPARE(tl.laneCount(), 1000);
    }

    void openConnections()
    {
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < 1000; ++i) {
            QSqlDatabase db = m_server.admin(TestServer::Via::Socket, QStringLiteral("idle%1").arg(i));
            if (!db.open())
                QFAIL(qPrintable(QStringLiteral("idle connection %1: %2").arg(i).arg(db.lastError().text())));
            m_idle << db;
        }
        for (int i = 0; i < 50; ++i) {
            auto c = std::make_unique<SqlClient>(m_server, m_server.adminUser, m_server.adminPassword,
                                                 TestServer::Via::Socket);
            QVERIFY2(c->isOpen(), qPrintable(c->openError()));
            // Busy: short statements back to back, so their states keep changing.
            for (int k = 0; k < 2000; ++k)
                c->run(QStringLiteral("SELECT SLEEP(0.05 + %1 / 1000)").arg(i));
            m_busy.push_back(std::move(c));
        }
        qInfo("opened 1000 idle + 50 busy connections in %.2f s", t.elapsed() / 1000.0);

        m_source = std::make_unique<LiveSource>(adminSettings());
        QTemporaryDir tmp;
        m_source->setAuditLogPath(tmp.filePath(QStringLiteral("kills.log")));
        m_source->setIntervalMs(250);
        m_source->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), LiveSource::Status::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_source->sampleCount() > 3, 10000);
        QVERIFY(m_source->currentProcesslist().size() >= 1050);
    }

    void sampleCost()
    {
        QList<qint64> samplerCpu, ingestCpu, total, roundTrip;
        QList<int> rows;
        connect(m_source.get(), &LiveSource::costUpdated, this,
                [&](const SamplerCost &c, qint64 ingestUs) {
                    samplerCpu << c.clientCpuUs;
                    ingestCpu << ingestUs;
                    total << c.clientCpuUs + ingestUs;
                    roundTrip << c.roundTripUs;
                    rows << c.rows;
                });
        QTRY_VERIFY_WITH_TIMEOUT(total.size() >= 40, 30000);
        m_source->disconnect(this);
        qInfo("one sample of %d rows: client CPU median %.2f ms (sampler thread %.2f + diff %.2f), "
              "p90 %.2f ms, max %.2f ms; round trip median %.2f ms",
              percentile(rows, 0.5), percentile(total, 0.5) / 1000.0,
              percentile(samplerCpu, 0.5) / 1000.0, percentile(ingestCpu, 0.5) / 1000.0,
              percentile(total, 0.9) / 1000.0, percentile(total, 1.0) / 1000.0,
              percentile(roundTrip, 0.5) / 1000.0);
        QVERIFY2(percentile(total, 0.5) <= 10000, "a sample must cost at most 10 ms of client CPU");
    }

    void killLatencyWhileSampling()
    {
        QList<qint64> answered, victimSaw, killRoundTrip;
        const int kills = 20;
        QList<qint64> sentAt;
        for (int k = 0; k < kills; ++k) {
            SqlClient victim(m_server, m_server.adminUser, m_server.adminPassword,
                             TestServer::Via::Socket);
            auto sleeper = victim.run(QStringLiteral("SELECT SLEEP(60)"));
            QTRY_VERIFY_WITH_TIMEOUT(m_source->currentRow(victim.id()) != nullptr, 5000);
            KillRequest req;
            req.target = m_source->targetForCurrentId(victim.id());
            req.kind = KillKind::Query;
            // A sample is on its way (queued on the sampler thread) when the kill is confirmed.
            m_source->sampleNow();
            QThread::usleep(500);
            const qint64 t0 = m_source->nowUs();
            const qint64 t0ms = SqlClient::nowMs();
            m_source->kill(req);
            const int serial = m_source->kills().last().serial;
            QTRY_VERIFY_WITH_TIMEOUT(sleeper->done.load(), 5000);
            QCOMPARE(sleeper->error, 1317);
            victimSaw << (sleeper->finishedMs - t0ms) * 1000;
            QTRY_VERIFY_WITH_TIMEOUT(m_source->kills().last().answeredUs > 0, 5000);
            QCOMPARE(m_source->kills().last().serial, serial);
            answered << m_source->kills().last().answeredUs - t0;
            sentAt << m_source->kills().last().sentUs - t0;
            killRoundTrip << m_source->kills().last().answeredUs - m_source->kills().last().sentUs;
        }
        qInfo("kill after confirmation, with samples of 1050 rows in flight: server answered OK "
              "median %.2f ms, max %.2f ms; victim saw 1317 median %.1f ms, max %.1f ms (%d kills)",
              percentile(answered, 0.5) / 1000.0, percentile(answered, 1.0) / 1000.0,
              percentile(victimSaw, 0.5) / 1000.0, percentile(victimSaw, 1.0) / 1000.0, kills);
        qInfo("  of which: queue + identity check until the KILL went out "
              "median %.2f ms; KILL round trip median %.2f ms",
              percentile(sentAt, 0.5) / 1000.0, percentile(killRoundTrip, 0.5) / 1000.0);
        QVERIFY2(percentile(answered, 0.5) <= 20000, "a kill must reach the server within 20 ms");
    }

    void cleanupTestCase()
    {
        m_source.reset();
        m_busy.clear(); // joins after their current SLEEP; queued work is dropped below
        const QStringList names = [this] {
            QStringList n;
            for (const QSqlDatabase &db : std::as_const(m_idle))
                n << db.connectionName();
            return n;
        }();
        m_idle.clear();
        for (const QString &n : names)
            QSqlDatabase::removeDatabase(n);
    }
};

QTEST_GUILESS_MAIN(BenchLive)
#include "bench_live.moc"
