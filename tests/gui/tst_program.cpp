// The real killscope executable and its one command line: --help, --version, --headless,
// --png with and without --headless (no display at all), and usage errors with exit code 2.

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out, err;
};

// Runs the program as a script would: no display, no platform chosen (or `platform`).
Run run(const QStringList &args, const QString &platform = {}, int timeoutMs = 60000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *v : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(v));
    if (!platform.isEmpty())
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(KILLSCOPE_BIN), args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestProgram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void help()
    {
        const Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *option :
             {"--headless", "--png", "--scenario", "--port", "--defaults-file", "-geometry"})
            QVERIFY2(r.out.contains(option), option);
        QCOMPARE(r.out.count("\n  --png <file>"), 1);
    }

    void helpInChinese()
    {
        const Run r =
            run({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QString::fromUtf8(r.out).contains(QStringLiteral("用法")), r.out.constData());
    }

    void version()
    {
        const Run r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("killscope "));
    }

    // --headless --png writes the picture and nothing else, without a window or a display.
    void headlessPng_data()
    {
        QTest::addColumn<bool>("headless");
        QTest::newRow("--headless --png") << true;
        QTest::newRow("--png") << false;
    }
    void headlessPng()
    {
        QFETCH(bool, headless);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("slide.png"));
        QStringList args{QStringLiteral("--png"),      png,
                         QStringLiteral("--scenario"), QStringLiteral("ctrl-c"),
                         QStringLiteral("--at"),       QStringLiteral("2s"),
                         QStringLiteral("--size"),     QStringLiteral("800x450")};
        if (headless)
            args.prepend(QStringLiteral("--headless"));
        const Run r = run(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.isEmpty());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(800, 450));
    }

    void headlessText()
    {
        const Run r = run({QStringLiteral("--headless"), QStringLiteral("--scenario"),
                           QStringLiteral("ctrl-c"), QStringLiteral("--processlist-at"),
                           QStringLiteral("1s")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("rows in set") || r.out.contains("row in set"));
    }

    // --kill-at, --set and --narration: the window's what-ifs from a script, with every
    // headless output and with --png.
    void scriptedWhatIfs()
    {
        const QString h = QStringLiteral("--headless"),
                      sc = QStringLiteral("big-update-kill-connection");
        const Run told = run({h, sc, QStringLiteral("--flavor"), QStringLiteral("mariadb-10.11"),
                              QStringLiteral("--kill-at"), QStringLiteral("1.25s:query:A"),
                              QStringLiteral("--narration")});
        QCOMPARE(told.exitCode, 0);
        QVERIFY2(told.out.contains("1.250 s  You send KILL QUERY 11 at 1.250 s."),
                 told.out.constData());
        QVERIFY2(told.out.contains("ERROR 1317"), told.out.constData());
        QVERIFY2(!told.out.contains("2013"), told.out.constData());

        const Run seen = run({h, sc, QStringLiteral("--kill-at"), QStringLiteral("1.25s:query:A"),
                              QStringLiteral("--transcript"), QStringLiteral("--processlist-at"),
                              QStringLiteral("2s"), QStringLiteral("--summary")});
        QCOMPARE(seen.exitCode, 0);
        QVERIFY2(seen.out.contains("ERROR 1317"), seen.out.constData());
        QVERIFY2(seen.out.contains("KILL QUERY 11"), seen.out.constData());

        QTemporaryDir dir;
        const QString trace = dir.filePath(QStringLiteral("t.json"));
        const Run cpu = run({h, sc, QStringLiteral("--set"), QStringLiteral("6s:io_pressure=0.8"),
                             QStringLiteral("--narration")});
        QCOMPARE(cpu.exitCode, 0);
        QVERIFY2(cpu.out.contains("CPU-bound"), cpu.out.constData());
        const Run traced = run({h, sc, QStringLiteral("--kill-at"), QStringLiteral("1.25s:query:A"),
                                QStringLiteral("--trace"), trace});
        QCOMPARE(traced.exitCode, 0);
        QFile t(trace);
        QVERIFY(t.open(QIODevice::ReadOnly));
        QVERIFY(t.readAll().contains("KILL QUERY 11"));

        const Run zh =
            run({h, sc, QStringLiteral("--kill-at"), QStringLiteral("1.25s:query:A"),
                 QStringLiteral("--narration"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
        QCOMPARE(zh.exitCode, 0);
        QVERIFY2(zh.out.contains("1.250 秒") && !zh.out.contains("You send"), zh.out.constData());

        const QString png = dir.filePath(QStringLiteral("k.png"));
        const Run pic =
            run({QStringLiteral("--png"), png, sc, QStringLiteral("--at"), QStringLiteral("3s"),
                 QStringLiteral("--kill-at"), QStringLiteral("1.25s:connection:A")});
        QCOMPARE(pic.exitCode, 0);
        QVERIFY(!QImage(png).isNull());
    }

    void scriptedWhatIfErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString h = QStringLiteral("--headless"),
                      sc = QStringLiteral("big-update-kill-connection");
        QTest::newRow("unknown session")
            << QStringList{h, sc, QStringLiteral("--kill-at"), QStringLiteral("1s:query:Z")}
            << QStringLiteral("--kill-at 1s:query:Z: The scenario big-update-kill-connection has "
                              "no session “Z”; its sessions are A, B.");
        QTest::newRow("not connected then")
            << QStringList{h, QStringLiteral("io-pressure-rollback"), QStringLiteral("--kill-at"),
                           QStringLiteral("20.5s:query:A")}
            << QStringLiteral("Session A has no connection at 20.500 s.");
        QTest::newRow("no such variable on MariaDB")
            << QStringList{h,
                           QStringLiteral("concurrency-queue"),
                           QStringLiteral("--flavor"),
                           QStringLiteral("mariadb-10.11"),
                           QStringLiteral("--set"),
                           QStringLiteral("1s:innodb_thread_concurrency=3")}
            << QStringLiteral("innodb_thread_concurrency does not exist on mariadb-10.11");
        QTest::newRow("png, unknown session")
            << QStringList{QStringLiteral("--png"), QStringLiteral("/tmp/never.png"), sc,
                           QStringLiteral("--kill-at"), QStringLiteral("1s:query:Z")}
            << QStringLiteral("has no session “Z”");
        QTest::newRow("unknown knob")
            << QStringList{h, sc, QStringLiteral("--set"), QStringLiteral("1s:max_connections=3")}
            << QStringLiteral("unknown knob “max_connections”");
    }

    void scriptedWhatIfErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run r = run(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("port") << QStringList{QStringLiteral("--port"), QStringLiteral("abc")}
                              << QStringLiteral("--port abc: not a port number");
        QTest::newRow("headless option with png")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--png"),
                           QStringLiteral("x.png"), QStringLiteral("--transcript")}
            << QStringLiteral("--transcript does not apply to --png.");
        QTest::newRow("unknown") << QStringList{QStringLiteral("--frobnicate")}
                                 << QStringLiteral("frobnicate");
        QTest::newRow("time without unit")
            << QStringList{QStringLiteral("--png"), QStringLiteral("x.png"), QStringLiteral("--at"),
                           QStringLiteral("7")}
            << QStringLiteral("--at 7: \"7\" has no unit");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    // Live mode's inputs are checked before any window opens, as strictly as the mysql client.
    void liveInputErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing defaults file")
            << QStringList{QStringLiteral("--defaults-file"), QStringLiteral("/nonexistent/my.cnf"), QStringLiteral("--connect")}
            << QStringLiteral("Could not open required defaults file: /nonexistent/my.cnf");
        QTest::newRow("device as defaults file")
            << QStringList{QStringLiteral("--defaults-file=/dev/zero"), QStringLiteral("--connect")}
            << QStringLiteral("/dev/zero (a device, not a regular file)");
        QTest::newRow("missing extra file")
            << QStringList{QStringLiteral("--defaults-extra-file=/nonexistent/extra.cnf"), QStringLiteral("--connect")}
            << QStringLiteral("Could not open required defaults file: /nonexistent/extra.cnf");
        QTest::newRow("bad port") << QStringList{QStringLiteral("--no-defaults"), QStringLiteral("--port"), QStringLiteral("abc")}
                                  << QStringLiteral("--port abc: not a port number (0 to 65535)");
        QTest::newRow("VERIFY_CA without a CA")
            << QStringList{QStringLiteral("--no-defaults"), QStringLiteral("--host=db.example"), QStringLiteral("--ssl-mode=VERIFY_CA")}
            << QStringLiteral("CA certificate is required if ssl-mode is VERIFY_CA or VERIFY_IDENTITY");
        QTest::newRow("port out of range") << QStringList{QStringLiteral("--no-defaults"), QStringLiteral("-P"), QStringLiteral("65536")}
                                           << QStringLiteral("--port 65536: not a port number");
    }
    void liveInputErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args, QStringLiteral("offscreen"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void windowWithoutDisplaySaysSo()
    {
        const Run r = run({QStringLiteral("--scenario"), QStringLiteral("ctrl-c")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("no display"));
    }
};

QTEST_GUILESS_MAIN(TestProgram)
#include "tst_program.moc"
