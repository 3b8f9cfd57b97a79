// The headless command line: outputs, byte-identical reruns, the trace file, and error messages
// with exit codes.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Result runCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(KS_HEADLESS_CLI), QStringList{QStringLiteral("--headless")} + args);
    Result r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestHeadless : public QObject
{
    Q_OBJECT

private slots:
    void listScenarios()
    {
        const Result r = runCli({QStringLiteral("--list-scenarios")});
        QCOMPARE(r.exitCode, 0);
        for (const char *id : {"lock-wait-kill", "concurrency-queue", "big-update-kill-connection", "big-update-kill-query",
                               "idle-transaction-kill", "kill-query-keeps-locks", "ctrl-c", "quick-client-blocks",
                               "io-pressure-rollback", "big-query-tempfile", "ddl-kill", "late-kill-commits",
                               "privileges-and-errors", "statement-timeout"})
            QVERIFY2(r.out.contains(id), id);
        QVERIFY(r.out.contains("mysql-5.7*"));
    }

    void processlistText()
    {
        const Result r = runCli({QStringLiteral("--scenario"), QStringLiteral("concurrency-queue"), QStringLiteral("--flavor"),
                                 QStringLiteral("mysql-5.7"), QStringLiteral("--processlist-at"), QStringLiteral("7s")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("| 13 | app    | localhost | k    | Killed  |    6 | Sending data | SELECT * FROM t WHERE id = 42               |"),
                 r.out.constData());
        QVERIFY(r.out.contains("sleeping before entering InnoDB"));
        QVERIFY(r.out.contains("4 rows in set"));
    }

    void transcriptAndTimes()
    {
        const Result r = runCli({QStringLiteral("--scenario"), QStringLiteral("big-update-kill-connection"), QStringLiteral("--flavor"),
                                 QStringLiteral("mariadb-10.11"), QStringLiteral("--transcript"), QStringLiteral("--until"), QStringLiteral("12s")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("[   4.320000] ERROR 2013 (HY000): Lost connection to server during query"));
        QVERIFY(r.out.contains("until 12s"));
    }

    void jsonOutput()
    {
        const Result r = runCli({QStringLiteral("--scenario"), QStringLiteral("big-update-kill-query"), QStringLiteral("--flavor"),
                                 QStringLiteral("mariadb-10.11"), QStringLiteral("--format"), QStringLiteral("json"),
                                 QStringLiteral("--processlist-at"), QStringLiteral("6s"), QStringLiteral("--transcript")});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &e);
        QVERIFY2(e.error == QJsonParseError::NoError, qPrintable(e.errorString()));
        const QJsonObject row = doc[QStringLiteral("processlists")][0][QStringLiteral("rows")][0].toObject();
        QCOMPARE(row[QStringLiteral("Id")].toInt(), 11);
        QCOMPARE(row[QStringLiteral("Command")].toString(), QStringLiteral("Query"));
        QCOMPARE(row[QStringLiteral("State")].toString(), QStringLiteral("Rollback"));
        QCOMPARE(row[QStringLiteral("trx_state")].toString(), QStringLiteral("ROLLING BACK"));
        QVERIFY(row.contains(QStringLiteral("TIME_MS")));
        QVERIFY(doc[QStringLiteral("transcripts")].isArray());
    }

    void byteIdenticalReruns()
    {
        const QStringList args{QStringLiteral("--scenario"), QStringLiteral("ctrl-c"), QStringLiteral("--transcript"), QStringLiteral("--summary"),
                               QStringLiteral("--processlist-at"), QStringLiteral("2.5s"), QStringLiteral("--format"), QStringLiteral("json")};
        const Result a = runCli(args);
        const Result b = runCli(args);
        QCOMPARE(a.exitCode, 0);
        QCOMPARE(a.out, b.out);
        QVERIFY(a.out.size() > 1000);
    }

    void traceFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("trace.json"));
        const Result r = runCli({QStringLiteral("--scenario"), QStringLiteral("lock-wait-kill"), QStringLiteral("--trace"), path});
        QCOMPARE(r.exitCode, 0);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
        const QJsonArray events = doc[QStringLiteral("traceEvents")].toArray();
        QVERIFY(events.size() > 20);
        bool complete = false, flow = false, threadName = false;
        for (const QJsonValue &v : events) {
            const QString ph = v[QStringLiteral("ph")].toString();
            complete = complete || ph == QLatin1String("X");
            flow = flow || ph == QLatin1String("s");
            threadName = threadName || v[QStringLiteral("name")].toString() == QLatin1String("thread_name");
        }
        QVERIFY(complete && flow && threadName);
        // The same file twice.
        const QString path2 = dir.filePath(QStringLiteral("trace2.json"));
        QCOMPARE(runCli({QStringLiteral("--scenario"), QStringLiteral("lock-wait-kill"), QStringLiteral("--trace"), path2}).exitCode, 0);
        QFile f2(path2);
        QVERIFY(f2.open(QIODevice::ReadOnly));
        f.seek(0);
        QCOMPARE(f.readAll(), f2.readAll());
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown id") << QStringList{QStringLiteral("--scenario"), QStringLiteral("nope")}
                                    << QStringLiteral("unknown scenario id \"nope\" (built-in: big-query-tempfile,");
        QTest::newRow("bad time") << QStringList{QStringLiteral("--scenario"), QStringLiteral("ctrl-c"), QStringLiteral("--until"), QStringLiteral("5")}
                                  << QStringLiteral("--until 5: \"5\" has no unit");
        QTest::newRow("bad processlist time") << QStringList{QStringLiteral("--scenario"), QStringLiteral("ctrl-c"), QStringLiteral("--processlist-at"), QStringLiteral("1.5us")}
                                              << QStringLiteral("--processlist-at 1.5us: time \"1.5us\" is not a whole number of microseconds");
        QTest::newRow("bad flavor") << QStringList{QStringLiteral("--scenario"), QStringLiteral("ctrl-c"), QStringLiteral("--flavor"), QStringLiteral("postgres")}
                                    << QStringLiteral("--flavor postgres: use mysql-5.7, mysql-8.0 or mariadb-10.11");
        QTest::newRow("unsupported flavor") << QStringList{QStringLiteral("--scenario"), QStringLiteral("ctrl-c"), QStringLiteral("--flavor"), QStringLiteral("mysql-5.7")}
                                            << QStringLiteral("");
        QTest::newRow("no scenario") << QStringList{} << QStringLiteral("needs --scenario");
        QTest::newRow("missing file") << QStringList{QStringLiteral("--scenario"), QStringLiteral("/nonexistent/x.json")}
                                      << QStringLiteral("/nonexistent/x.json: cannot open");
        QTest::newRow("bad format") << QStringList{QStringLiteral("--scenario"), QStringLiteral("ctrl-c"), QStringLiteral("--format"), QStringLiteral("xml")}
                                    << QStringLiteral("--format xml: use text or json");
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Result r = runCli(args);
        if (message.isEmpty()) {
            // ctrl-c supports mysql-5.7: not an error.
            QCOMPARE(r.exitCode, 0);
            return;
        }
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void badScenarioFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"version":1,"id":"broken","title":{"en":"a","zh_CN":"b"},"flavors":["mysql-8.0"],
                   "sessions":[{"name":"A"},{"name":"B"},{"name":"C","statements":[{"sql":"U","steps":[{"op":"rows","count":"many","perRow":"1us"}]}]}]})");
        f.close();
        const Result r = runCli({QStringLiteral("--scenario"), path});
        QCOMPARE(r.exitCode, 2);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(path + QStringLiteral(": /sessions/2/statements/0/steps/0/count: expected a non-negative integer, got \"many\"")),
                 qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
