#include "commandline.h"

#include <QtTest>
#include <cstring>
#include <vector>

using namespace ks;
using Mode = CommandLine::Mode;

// The program's one command line: modes, every value checked at parse time, mysql-client
// spellings, Qt's window options, and the password wiped from argv.
class TestCommandLine : public QObject
{
    Q_OBJECT

    static QStringList args(const QStringList &rest)
    {
        return QStringList{QStringLiteral("killscope")} + rest;
    }

private Q_SLOTS:
    void modes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("mode");
        QTest::newRow("nothing: the window") << QStringList{} << int(Mode::Window);
        QTest::newRow("positional scenario")
            << QStringList{QStringLiteral("ctrl-c")} << int(Mode::Window);
        QTest::newRow("headless") << QStringList{QStringLiteral("--headless"),
                                                 QStringLiteral("--scenario"),
                                                 QStringLiteral("ctrl-c")}
                                  << int(Mode::Headless);
        QTest::newRow("list alone")
            << QStringList{QStringLiteral("--list-scenarios")} << int(Mode::Headless);
        QTest::newRow("png") << QStringList{QStringLiteral("--png"), QStringLiteral("a.png")}
                             << int(Mode::Png);
        QTest::newRow("headless png")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--png"),
                           QStringLiteral("a.png"), QStringLiteral("--at"), QStringLiteral("2s")}
            << int(Mode::Png);
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << int(Mode::Help);
        QTest::newRow("-h") << QStringList{QStringLiteral("-h")} << int(Mode::Help);
        QTest::newRow("-?") << QStringList{QStringLiteral("-?")} << int(Mode::Help);
        QTest::newRow("--help-all") << QStringList{QStringLiteral("--help-all")} << int(Mode::Help);
        QTest::newRow("help wins")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--help")}
            << int(Mode::Help);
        QTest::newRow("-v") << QStringList{QStringLiteral("-v")} << int(Mode::Version);
        QTest::newRow("qt geometry")
            << QStringList{QStringLiteral("-geometry"), QStringLiteral("800x600+0+0")}
            << int(Mode::Window);
        QTest::newRow("qt platform")
            << QStringList{QStringLiteral("-platform"), QStringLiteral("offscreen"),
                           QStringLiteral("-reverse")}
            << int(Mode::Window);
        QTest::newRow("live") << QStringList{QStringLiteral("-uroot"), QStringLiteral("-P3307"),
                                             QStringLiteral("--host=db")}
                              << int(Mode::Window);
    }
    void modes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, mode);
        CommandLine c;
        QVERIFY2(c.parse(args(arguments)), qPrintable(c.errorText()));
        QCOMPARE(int(c.mode()), mode);
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString h = QStringLiteral("--headless"), sc = QStringLiteral("--scenario"),
                      x = QStringLiteral("ctrl-c");
        QTest::newRow("headless option in the window")
            << QStringList{QStringLiteral("--until"), QStringLiteral("3s")}
            << QStringLiteral("--until needs --headless.");
        QTest::newRow("png option in the window")
            << QStringList{QStringLiteral("--size"), QStringLiteral("800x600")}
            << QStringLiteral("--size needs --png.");
        QTest::newRow("window option headless")
            << QStringList{h, sc, x, QStringLiteral("--at"), QStringLiteral("1s")}
            << QStringLiteral("--at does not apply to --headless.");
        QTest::newRow("live option headless")
            << QStringList{h, sc, x, QStringLiteral("--host"), QStringLiteral("db")}
            << QStringLiteral("--host does not apply to --headless.");
        QTest::newRow("headless option png")
            << QStringList{QStringLiteral("--png"), QStringLiteral("a.png"),
                           QStringLiteral("--transcript")}
            << QStringLiteral("--transcript does not apply to --png.");
        QTest::newRow("qt option png")
            << QStringList{h, QStringLiteral("--png"), QStringLiteral("a.png"),
                           QStringLiteral("-geometry"), QStringLiteral("10x10")}
            << QStringLiteral("-geometry does not apply to --png.");
        QTest::newRow("kill-at bad kind")
            << QStringList{h, sc, x, QStringLiteral("--kill-at"), QStringLiteral("2s:rollback:old")}
            << QStringLiteral(
                   "--kill-at 2s:rollback:old: unknown kill “rollback”: use query or connection");
        QTest::newRow("kill-at bad time")
            << QStringList{h, sc, x, QStringLiteral("--kill-at"), QStringLiteral("2:query:old")}
            << QStringLiteral("--kill-at 2:query:old: bad time “2”");
        QTest::newRow("kill-at bad strength")
            << QStringList{h, sc, x, QStringLiteral("--kill-at"),
                           QStringLiteral("2s:query:medium:old")}
            << QStringLiteral("unknown strength “medium”: use hard or soft");
        QTest::newRow("kill-at no session")
            << QStringList{h, sc, x, QStringLiteral("--kill-at"), QStringLiteral("2s:query")}
            << QStringLiteral("expected TIME:query|connection[:hard|soft]:SESSION");
        QTest::newRow("set unknown knob")
            << QStringList{h, sc, x, QStringLiteral("--set"),
                           QStringLiteral("5s:max_connections=3")}
            << QStringLiteral("--set 5s:max_connections=3: unknown knob “max_connections”: use "
                              "innodb_thread_concurrency, io_pressure");
        QTest::newRow("set bad value")
            << QStringList{h, sc, x, QStringLiteral("--set"), QStringLiteral("5s:io_pressure=lots")}
            << QStringLiteral("bad value “lots” for io_pressure: expected a number");
        QTest::newRow("set out of range")
            << QStringList{h, sc, x, QStringLiteral("--set"),
                           QStringLiteral("5s:innodb_thread_concurrency=2000")}
            << QStringLiteral("innodb_thread_concurrency takes a value from 0 to 1000");
        QTest::newRow("set no time")
            << QStringList{h, sc, x, QStringLiteral("--set"), QStringLiteral("io_pressure=4")}
            << QStringLiteral("expected TIME:KNOB=VALUE");
        QTest::newRow("narration in the window") << QStringList{QStringLiteral("--narration")}
                                                 << QStringLiteral("--narration needs --headless.");
        QTest::newRow("headless without scenario")
            << QStringList{h} << QStringLiteral("--headless needs --scenario ID|FILE");
        QTest::newRow("bare time") << QStringList{QStringLiteral("--at"), QStringLiteral("5")}
                                   << QStringLiteral("--at 5: \"5\" has no unit");
        QTest::newRow("until too long")
            << QStringList{h, sc, x, QStringLiteral("--until"), QStringLiteral("3601s")}
            << QStringLiteral("--until 3601s: must be between 1us and 3600s");
        QTest::newRow("processlist time")
            << QStringList{h, sc, x, QStringLiteral("--processlist-at"), QStringLiteral("soon")}
            << QStringLiteral("--processlist-at soon: \"soon\" is not a time");
        QTest::newRow("size") << QStringList{QStringLiteral("--png"), QStringLiteral("a.png"),
                                             QStringLiteral("--size"), QStringLiteral("10x10")}
                              << QStringLiteral("--size 10x10: expected WxH");
        QTest::newRow("format") << QStringList{h, sc, x, QStringLiteral("--format"),
                                               QStringLiteral("xml")}
                                << QStringLiteral("--format xml: use text or json");
        QTest::newRow("flavor")
            << QStringList{QStringLiteral("--flavor"), QStringLiteral("postgres")}
            << QStringLiteral("--flavor postgres: use mysql-5.7, mysql-8.0 or mariadb-10.11");
        QTest::newRow("port letters")
            << QStringList{QStringLiteral("--port"), QStringLiteral("abc")}
            << QStringLiteral("--port abc: not a port number (0 to 65535)");
        QTest::newRow("port too big") << QStringList{QStringLiteral("-P70000")}
                                      << QStringLiteral("--port 70000: not a port number");
        QTest::newRow("port negative") << QStringList{QStringLiteral("--port=-1")}
                                       << QStringLiteral("--port -1: not a port number");
        QTest::newRow("port empty") << QStringList{QStringLiteral("--port=")}
                                    << QStringLiteral("--port : not a port number");
        QTest::newRow("protocol") << QStringList{QStringLiteral("--protocol"),
                                                 QStringLiteral("pipe")}
                                  << QStringLiteral("--protocol pipe: use TCP or SOCKET");
        QTest::newRow("connect timeout")
            << QStringList{QStringLiteral("--connect-timeout"), QStringLiteral("soon")}
            << QStringLiteral("--connect-timeout soon: whole seconds");
        QTest::newRow("two scenarios") << QStringList{x, QStringLiteral("ddl-kill")}
                                       << QStringLiteral("unexpected argument \"ddl-kill\"");
        QTest::newRow("scenario twice")
            << QStringList{sc, x, QStringLiteral("ddl-kill")}
            << QStringLiteral("the scenario is given twice: --scenario ctrl-c and ddl-kill.");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--nope")} << QStringLiteral("nope");
        QTest::newRow("empty defaults file") << QStringList{QStringLiteral("--defaults-file=")}
                                             << QStringLiteral("--defaults-file needs a value.");
        QTest::newRow("live command without --headless")
            << QStringList{QStringLiteral("--kill-query"), QStringLiteral("12")}
            << QStringLiteral("--kill-query needs --headless.");
        QTest::newRow("scenario option in a live command")
            << QStringList{h, QStringLiteral("--processlist"), sc, x}
            << QStringLiteral("--scenario does not apply to the live commands");
        QTest::newRow("two live commands")
            << QStringList{h, QStringLiteral("--processlist"), QStringLiteral("--kill-query"),
                           QStringLiteral("3")}
            << QStringLiteral("give one of --processlist");
        QTest::newRow("id not a number")
            << QStringList{h, QStringLiteral("--kill-connection"), QStringLiteral("12a")}
            << QStringLiteral("--kill-connection 12a: a processlist id is a whole number above 0");
        QTest::newRow("id zero") << QStringList{h, QStringLiteral("--kill-query"), QStringLiteral("0")}
                                 << QStringLiteral("whole number above 0");
        QTest::newRow("--wait with --processlist")
            << QStringList{h, QStringLiteral("--processlist"), QStringLiteral("--wait")}
            << QStringLiteral("--wait follows a kill");
        QTest::newRow("--timeout not a time")
            << QStringList{h, QStringLiteral("--kill-query"), QStringLiteral("3"),
                           QStringLiteral("--timeout"), QStringLiteral("soon")}
            << QStringLiteral("--timeout soon");
        QTest::newRow("--wait in the scenario mode")
            << QStringList{h, sc, x, QStringLiteral("--wait")}
            << QStringLiteral("--wait does not apply to --headless.");
        QTest::newRow("ssl mode") << QStringList{QStringLiteral("--ssl-mode=sometimes")}
                                  << QStringLiteral(
                                         "--ssl-mode sometimes: use DISABLED, PREFERRED, REQUIRED, "
                                         "VERIFY_CA or VERIFY_IDENTITY");
        QTest::newRow("ssl and skip-ssl")
            << QStringList{QStringLiteral("--ssl"), QStringLiteral("--skip-ssl")}
            << QStringLiteral("--ssl and --skip-ssl contradict each other.");
        QTest::newRow("tls option headless")
            << QStringList{h, sc, x, QStringLiteral("--ssl-ca"), QStringLiteral("ca.pem")}
            << QStringLiteral("--ssl-ca does not apply to --headless.");
    }

    void liveCommands()
    {
        CommandLine c;
        QVERIFY2(c.parse(args({QStringLiteral("--headless"), QStringLiteral("-uroot"),
                               QStringLiteral("-S/run/mysqld/mysqld.sock"),
                               QStringLiteral("--kill-connection"), QStringLiteral("42"),
                               QStringLiteral("--wait"), QStringLiteral("--timeout"),
                               QStringLiteral("2.5s"), QStringLiteral("--format"),
                               QStringLiteral("json"), QStringLiteral("--read-only")})),
                 qPrintable(c.errorText()));
        QCOMPARE(c.mode(), Mode::Live);
        const LiveRequest r = c.liveRequest();
        QCOMPARE(r.action, LiveRequest::Action::KillConnection);
        QCOMPARE(r.id, 42);
        QVERIFY(r.wait);
        QCOMPARE(r.timeoutUs, 2'500'000);
        QVERIFY(r.json);
        QCOMPARE(r.connection.user.value_or(QString()), QStringLiteral("root"));
        QCOMPARE(r.connection.socket.value_or(QString()), QStringLiteral("/run/mysqld/mysqld.sock"));
        QVERIFY(r.connection.readOnly);

        CommandLine p;
        QVERIFY(p.parse(args({QStringLiteral("--headless"), QStringLiteral("--processlist")})));
        QCOMPARE(p.mode(), Mode::Live);
        QCOMPARE(p.liveRequest().action, LiveRequest::Action::Processlist);
        QCOMPARE(p.liveRequest().timeoutUs, 60'000'000); // the default
        QVERIFY(p.helpText().contains(QStringLiteral("--kill-connection <id>")));
    }
    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        CommandLine c;
        QVERIFY(!c.parse(args(arguments)));
        QVERIFY2(c.errorText().contains(message), qPrintable(c.errorText()));
    }

    void requests()
    {
        CommandLine c;
        QVERIFY(c.parse(args(
            {QStringLiteral("--headless"), QStringLiteral("--scenario"), QStringLiteral("ctrl-c"),
             QStringLiteral("--flavor"), QStringLiteral("mysql-8.0"), QStringLiteral("--until"),
             QStringLiteral("12s"), QStringLiteral("--processlist-at"), QStringLiteral("1.5s"),
             QStringLiteral("--processlist-at"), QStringLiteral("200ms"),
             QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--transcript"),
             QStringLiteral("--trace"), QStringLiteral("t.json")})));
        const HeadlessRequest h = c.headlessRequest();
        QCOMPARE(h.scenario, QStringLiteral("ctrl-c"));
        QCOMPARE(h.flavor, QStringLiteral("mysql-8.0"));
        QCOMPARE(h.untilUs.value_or(-1), 12'000'000);
        QCOMPARE(h.processlistAtUs, (std::vector<qint64>{1'500'000, 200'000}));
        QVERIFY(h.json && h.transcript && !h.summary && !h.listScenarios);
        QCOMPARE(h.traceFile, QStringLiteral("t.json"));

        CommandLine k;
        QVERIFY2(
            k.parse(args({QStringLiteral("--headless"),
                          QStringLiteral("big-update-kill-connection"), QStringLiteral("--kill-at"),
                          QStringLiteral("1.25s:query:A"), QStringLiteral("--kill-at"),
                          QStringLiteral("2s:connection:hard:B"), QStringLiteral("--set"),
                          QStringLiteral("5s:io_pressure=4"), QStringLiteral("--narration")})),
            qPrintable(k.errorText()));
        const HeadlessRequest kr = k.headlessRequest();
        QVERIFY(kr.narration);
        QCOMPARE(kr.changes.size(), 3);
        QCOMPARE(kr.changes[0].atUs, 1'250'000);
        QVERIFY(kr.changes[0].isKill);
        QCOMPARE(kr.changes[0].kind, KillKind::Query);
        QCOMPARE(kr.changes[0].session, QStringLiteral("A"));
        QCOMPARE(kr.changes[1].kind, KillKind::Connection);
        QCOMPARE(kr.changes[1].strength, KillStrength::Hard);
        QCOMPARE(kr.changes[1].session, QStringLiteral("B"));
        QVERIFY(!kr.changes[2].isKill);
        QCOMPARE(kr.changes[2].knob, QStringLiteral("io_pressure"));
        QCOMPARE(kr.changes[2].value, 4.0);
        QCOMPARE(kr.changes[2].atUs, 5'000'000);

        CommandLine kp;
        QVERIFY(kp.parse(
            args({QStringLiteral("--png"), QStringLiteral("a.png"), QStringLiteral("ctrl-c"),
                  QStringLiteral("--set"), QStringLiteral("1s:innodb_thread_concurrency=3")})));
        QCOMPARE(kp.pngRequest().changes.size(), 1);

        CommandLine p;
        QVERIFY(
            p.parse(args({QStringLiteral("--headless"), QStringLiteral("--png"),
                          QStringLiteral("s.png"), QStringLiteral("ddl-kill"),
                          QStringLiteral("--at"), QStringLiteral("3s"), QStringLiteral("--size"),
                          QStringLiteral("1024x600"), QStringLiteral("--no-caption")})));
        const PngRequest r = p.pngRequest();
        QCOMPARE(r.output, QStringLiteral("s.png"));
        QCOMPARE(r.scenario, QStringLiteral("ddl-kill"));
        QCOMPARE(r.atUs, 3'000'000);
        QCOMPARE(r.size, QSize(1024, 600));
        QVERIFY(!r.caption);
    }

    void mysqlSpellings_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("password"); // "<none>": not given
        QTest::addColumn<bool>("ask");
        const QString none = QStringLiteral("<none>");
        QTest::newRow("attached values")
            << QStringList{QStringLiteral("-uroot"), QStringLiteral("-P3307"),
                           QStringLiteral("-psecret")}
            << "root" << 3307 << "secret" << false;
        QTest::newRow("separate values")
            << QStringList{QStringLiteral("-u"), QStringLiteral("ops"), QStringLiteral("-P"),
                           QStringLiteral("3310"), QStringLiteral("-p")}
            << "ops" << 3310 << none << true;
        QTest::newRow("long forms")
            << QStringList{QStringLiteral("--user=a"), QStringLiteral("--port=1"),
                           QStringLiteral("--password=x y")}
            << "a" << 1 << "x y" << false;
        QTest::newRow("--password asks")
            << QStringList{QStringLiteral("--user"), QStringLiteral("a"),
                           QStringLiteral("--password")}
            << "a" << -1 << none << true;
        QTest::newRow("empty password")
            << QStringList{QStringLiteral("--password=")} << "" << -1 << "" << false;
        QTest::newRow("-p in a value is a value")
            << QStringList{QStringLiteral("--user"), QStringLiteral("-pnot")} << "-pnot" << -1
            << none << false;
    }
    void mysqlSpellings()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, user);
        QFETCH(int, port);
        QFETCH(QString, password);
        QFETCH(bool, ask);
        CommandLine c;
        QVERIFY2(c.parse(args(arguments)), qPrintable(c.errorText()));
        const ConnectionRequest r = c.connectionRequest();
        QVERIFY(r.given);
        QCOMPARE(r.user.value_or(QString()), user);
        QCOMPARE(r.port.value_or(-1), port);
        QCOMPARE(r.password.value_or(QStringLiteral("<none>")), password);
        QCOMPARE(r.askPassword, ask);
        QCOMPARE(!c.warnings().isEmpty(), bool(r.password));
    }

    void tlsOptions_data()
    {
        using TlsMode = ConnectionSettings::TlsMode;
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("mode"); // -1: not given
        QTest::newRow("--ssl-mode") << QStringList{QStringLiteral("--ssl-mode=verify_identity")}
                                    << int(TlsMode::VerifyIdentity);
        QTest::newRow("--ssl-mode wins")
            << QStringList{QStringLiteral("--ssl-mode"), QStringLiteral("REQUIRED"),
                           QStringLiteral("--skip-ssl")}
            << int(TlsMode::Required);
        QTest::newRow("--ssl") << QStringList{QStringLiteral("--ssl")} << int(TlsMode::Required);
        QTest::newRow("--skip-ssl")
            << QStringList{QStringLiteral("--skip-ssl")} << int(TlsMode::Disabled);
        QTest::newRow("--ssl-verify-server-cert")
            << QStringList{QStringLiteral("--ssl-verify-server-cert")}
            << int(TlsMode::VerifyIdentity);
        QTest::newRow("files only")
            << QStringList{QStringLiteral("--ssl-ca=ca.pem"), QStringLiteral("--ssl-cert=c.pem"),
                           QStringLiteral("--ssl-key=k.pem")}
            << -1;
    }
    void tlsOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, mode);
        CommandLine c;
        QVERIFY2(c.parse(args(arguments)), qPrintable(c.errorText()));
        const ConnectionRequest r = c.connectionRequest();
        QVERIFY(r.given); // TLS options ask for live mode
        QCOMPARE(r.tlsMode ? int(*r.tlsMode) : -1, mode);
        if (mode == -1) {
            QCOMPARE(r.tlsCaFile.value_or(QString()), QStringLiteral("ca.pem"));
            QCOMPARE(r.tlsCertFile.value_or(QString()), QStringLiteral("c.pem"));
            QCOMPARE(r.tlsKeyFile.value_or(QString()), QStringLiteral("k.pem"));
        }
    }

    void notLiveWithoutConnectionOptions()
    {
        CommandLine c;
        QVERIFY(c.parse(args({QStringLiteral("--read-only"), QStringLiteral("--no-defaults")})));
        QVERIFY(!c.connectionRequest().given);
    }

    // The password leaves the process's argument memory (what ps shows); the copy keeps it.
    void takeArgumentsWipesPasswords()
    {
        std::vector<QByteArray> storage = {"killscope",          "-u",     "root",   "-psecret",
                                           "--password=hunter2", "--user", "-pkeep", "-p"};
        std::vector<char *> argv;
        for (QByteArray &b : storage)
            argv.push_back(b.data());
        const QStringList copy = CommandLine::takeArguments(int(argv.size()), argv.data());
        QCOMPARE(copy.at(3), QStringLiteral("-psecret"));
        QCOMPARE(copy.at(4), QStringLiteral("--password=hunter2"));
        QCOMPARE(QByteArray(argv[3]), QByteArray("-px"));
        QCOMPARE(QByteArray(argv[4]), QByteArray("--password=x"));
        QVERIFY(!storage[3].contains("secret") && !storage[4].contains("hunter2"));
        QCOMPARE(QByteArray(argv[6]), QByteArray("-pkeep")); // the value of --user, not a password
        QCOMPARE(QByteArray(argv[7]), QByteArray("-p"));
    }

    void helpListsEveryOptionOnce()
    {
        CommandLine c;
        QVERIFY(c.parse(args({QStringLiteral("--help")})));
        const QString help = c.helpText();
        // Every option the table lists, so a new one is covered without touching this test.
        QStringList listed;
        for (int o = 0; o < int(CommandLine::Option::Count); ++o)
            if (const QString name = CommandLine::listedName(CommandLine::Option(o));
                !name.isEmpty())
                listed << name;
        for (const char *expected : {"--ssl-mode", "--ssl-ca", "--ssl-cert", "--ssl-key", "--port",
                                     "--headless", "--png", "-geometry"})
            QVERIFY2(listed.contains(QLatin1String(expected)), expected);
        for (const QString &option : listed) {
            // An option's own line starts with it (after its short name, if any).
            const QRegularExpression line(
                QStringLiteral("^  (-\\S, |-p\\[password\\], )?%1[ \\[=\\n]")
                    .arg(QRegularExpression::escape(option)),
                QRegularExpression::MultilineOption);
            int count = 0;
            for (auto it = line.globalMatch(help); it.hasNext(); it.next())
                ++count;
            QVERIFY2(count == 1,
                     qPrintable(QStringLiteral("%1 listed %2 times").arg(option).arg(count)));
        }
        for (const QString &line : help.split(u'\n'))
            QVERIFY2(line.size() <= 80, qPrintable(line));
    }

    void sizesPortsTimeouts()
    {
        QCOMPARE(CommandLine::parseSize(QStringLiteral("1600x900")), QSize(1600, 900));
        QCOMPARE(CommandLine::parseSize(QStringLiteral(" 800 X 600 ")), QSize(800, 600));
        QVERIFY(!CommandLine::parseSize(QStringLiteral("big")).isValid());
        QVERIFY(!CommandLine::parseSize(QStringLiteral("100x100")).isValid());
        QVERIFY(!CommandLine::parseSize(QStringLiteral("99999x900")).isValid());
        QCOMPARE(ConnectionSettings::parsePort(QStringLiteral("3306")).value_or(-1), 3306);
        QCOMPARE(ConnectionSettings::parsePort(QStringLiteral("0")).value_or(-1), 0);
        QCOMPARE(ConnectionSettings::parsePort(QStringLiteral("65535")).value_or(-1), 65535);
        for (const char *bad : {"65536", "abc", "", " 3306", "+3306", "3306x", "-1", "1e3"})
            QVERIFY2(!ConnectionSettings::parsePort(QString::fromLatin1(bad)), bad);
        QCOMPARE(ConnectionSettings::parseConnectTimeout(QStringLiteral("10")).value_or(-1), 10);
        QCOMPARE(ConnectionSettings::parseConnectTimeout(QStringLiteral("10s")).value_or(-1), 10);
        QCOMPARE(ConnectionSettings::parseConnectTimeout(QStringLiteral("1500ms")).value_or(-1), 2);
        for (const char *bad : {"0", "3601", "soon", "-5", "5m"})
            QVERIFY2(!ConnectionSettings::parseConnectTimeout(QString::fromLatin1(bad)), bad);
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
