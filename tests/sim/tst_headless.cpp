// The headless command line: outputs, byte-identical reruns, the trace file, and error messages
// with exit codes.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

namespace {

struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Result runCli(const QStringList &args, const QStringList &env = {})
{
    QProcess p;
    if (!env.isEmpty()) {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const QString &kv : env)
            e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
        p.setProcessEnvironment(e);
    }
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
        // Out-of-range times are errors, never wrapped-around negative times.
        QTest::newRow("until overflow")
            << QStringList{QStringLiteral("--scenario"), QStringLiteral("ctrl-c"),
                           QStringLiteral("--until"), QStringLiteral("9223372036.900000616s")}
            << QStringLiteral(
                   "--until 9223372036.900000616s: time \"9223372036.900000616s\" is too large");
        QTest::newRow("processlist overflow")
            << QStringList{QStringLiteral("--scenario"), QStringLiteral("ctrl-c"),
                           QStringLiteral("--processlist-at"),
                           QStringLiteral("9223372036854775808ns")}
            << QStringLiteral("is too large");
        QTest::newRow("processlist after any run")
            << QStringList{QStringLiteral("--scenario"), QStringLiteral("ctrl-c"),
                           QStringLiteral("--processlist-at"), QStringLiteral("3601s")}
            << QStringLiteral("--processlist-at 3601s: must be between 0s and 3600s");
        // Devices and directories are refused at once, named, with exit code 2.
        QTest::newRow("device") << QStringList{QStringLiteral("--scenario"),
                                               QStringLiteral("/dev/zero")}
                                << QStringLiteral("killscope: /dev/zero: is a device, not a "
                                                  "scenario file (only regular files are read)");
        QTest::newRow("directory")
            << QStringList{QStringLiteral("--scenario"), QStringLiteral("/tmp/")}
            << QStringLiteral("killscope: /tmp/: is a directory, not a scenario file");
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

    // A fifo must not block the read (nobody ever writes to this one), a file over the one size
    // limit is refused from its size, and a scenario file's own out-of-range values are
    // validator errors with their pointer.
    void badScenarioInputs()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe.json"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        Result r = runCli({QStringLiteral("--scenario"), fifo});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(
                     fifo + QStringLiteral(": is a fifo, not a scenario file")),
                 r.err.constData());

        const QString big = dir.filePath(QStringLiteral("big.json"));
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(16 * 1024 * 1024 + 1)); // sparse: no 16 MiB written
        }
        r = runCli({QStringLiteral("--scenario"), big});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(
                     big + QStringLiteral(": 16777217 bytes is more than the 16777216 bytes (16 "
                                          "MiB) a scenario may have")),
                 r.err.constData());

        const QString bad = dir.filePath(QStringLiteral("ranges.json"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(
                R"({"version":1,"id":"ranges","title":{"en":"a","zh_CN":"b"},"flavors":["mysql-8.0"],"until":"9223372036.900000616s",)"
                R"("sessions":[{"name":"A"},{"name":"B","id":10,"statements":[{"sql":"U","steps":[{"op":"rows","count":1,"perRow":"1us","ioBytesPerRow":1073741824}]}]}]})");
        }
        r = runCli({QStringLiteral("--scenario"), bad});
        QCOMPARE(r.exitCode, 2);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(
                     bad + QStringLiteral(": /until: time \"9223372036.900000616s\" is too large")),
                 qPrintable(err));
        QVERIFY2(
            err.contains(
                bad +
                QStringLiteral(
                    ": /sessions/1/id: processlist id 10 clashes with the automatic ids 10-10")),
            qPrintable(err));
        QVERIFY2(
            err.contains(bad +
                         QStringLiteral(
                             ": /sessions/1/statements/0/steps/0/ioBytesPerRow: a row would cost")),
            qPrintable(err));
        QVERIFY(r.out.isEmpty());
    }

    // The engine's event cap is an error in every output mode: the output up to the stop is
    // written, it says where it stops, stderr names the file, and the exit code is 2.
    void eventCapInEveryMode_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("marker");
        QTest::newRow("summary") << QStringList{QStringLiteral("--summary")}
                                 << QByteArray("-- the run was stopped at");
        QTest::newRow("transcript") << QStringList{QStringLiteral("--transcript")}
                                    << QByteArray("-- the run was stopped at");
        QTest::newRow("processlist")
            << QStringList{QStringLiteral("--processlist-at"), QStringLiteral("1s")}
            << QByteArray("-- the run was stopped at");
        QTest::newRow("json") << QStringList{QStringLiteral("--format"), QStringLiteral("json"),
                                             QStringLiteral("--transcript")}
                              << QByteArray("\"truncated\":true");
        QTest::newRow("trace") << QStringList{QStringLiteral("--trace"), QStringLiteral("TRACE")}
                               << QByteArray("-- the run was stopped at");
    }
    void eventCapInEveryMode()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, marker);
        QTemporaryDir dir;
        args.replaceInStrings(QStringLiteral("TRACE"), dir.filePath(QStringLiteral("t.json")));
        const Result r = runCli(
            QStringList{QStringLiteral("--scenario"), QStringLiteral("concurrency-queue")} + args,
            {QStringLiteral("KILLSCOPE_MAX_EVENTS=200")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.contains(marker), r.out.constData());
        QVERIFY2(r.err.contains("killscope: concurrency-queue.json: the run was stopped at "
                                "1.484805s: it exceeded 200 engine events"),
                 r.err.constData());
        // Without the cap the same run is complete.
        const Result full = runCli(
            QStringList{QStringLiteral("--scenario"), QStringLiteral("concurrency-queue")} + args);
        QCOMPARE(full.exitCode, 0);
        QVERIFY(!full.out.contains(marker));
        QVERIFY(full.err.isEmpty());
    }

    // Scenario text never reaches the terminal raw: ESC, BEL, other C0 and C1 controls are
    // printed as visible escapes in every text output; JSON escapes them too.
    void controlCharactersAreEscaped()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("esc.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            // JSON escapes for ESC, BEL and CSI (U+009B). Plain literals: moc misreads "[ in raw
            // strings.
            const QByteArray json =
                "{\"version\":1,\"id\":\"esc\",\"title\":{\"en\":\"t\\u001b[2J\",\"zh_CN\":\"b\"},"
                "\"flavors\":[\"mysql-8.0\"],"
                "\"sessions\":[{\"name\":\"A\",\"id\":11,\"user\":\"u\\u001b[31m\",\"host\":"
                "\"h\\u009b1m\",\"label\":\"L\\u001b]0;x\\u0007\","
                "\"statements\":[{\"sql\":\"SELECT '\\u001b[5m'\\n  FROM "
                "t\",\"kind\":\"select\",\"steps\":[{\"op\":\"sleep\",\"duration\":\"2s\"}]}]},"
                "{\"name\":\"K\",\"id\":12,\"user\":\"root\",\"privileges\":[\"SUPER\"],"
                "\"statements\":[{\"sql\":\"KILL\\u001b 11\",\"kind\":\"kill\","
                "\"at\":\"1s\",\"kill\":{\"target\":\"A\",\"type\":\"query\"}}]}],\"narration\":[{"
                "\"at\":\"0s\",\"en\":\"n\\u001b[0m\",\"zh_CN\":\"z\"}]}";
            f.write(json);
        }
        const QStringList modes[] = {{QStringLiteral("--transcript")},
                                     {QStringLiteral("--summary")},
                                     {QStringLiteral("--processlist-at"), QStringLiteral("0.5s")},
                                     {QStringLiteral("--format"), QStringLiteral("json"),
                                      QStringLiteral("--transcript"), QStringLiteral("--summary"),
                                      QStringLiteral("--processlist-at"), QStringLiteral("0.5s")}};
        for (const QStringList &mode : modes) {
            const Result r = runCli(QStringList{QStringLiteral("--scenario"), path} + mode);
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(!r.out.contains('\x1b') && !r.out.contains('\x07') &&
                         !r.out.contains("\xc2\x9b"),
                     r.out.constData());
            QVERIFY(!r.err.contains('\x1b'));
            const QString first = mode.first();
            if (first == QLatin1String("--transcript"))
                QVERIFY2(r.out.contains("mysql> SELECT '\\x1b[5m'\\n  FROM t") &&
                             r.out.contains("== A (L\\x1b]0;x\\x07)"),
                         r.out.constData());
            if (first == QLatin1String("--summary"))
                QVERIFY2(r.out.contains("KILL\\x1b 11") && r.out.contains("] n\\x1b[0m"),
                         r.out.constData());
            if (first == QLatin1String("--processlist-at"))
                QVERIFY2(r.out.contains("| u\\x1b[31m | h\\u009b1m |"), r.out.constData());
            if (first == QLatin1String("--format"))
                QVERIFY2(r.out.contains("u\\u001b[31m") && r.out.contains("h\\u009b1m"),
                         r.out.constData());
        }
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
