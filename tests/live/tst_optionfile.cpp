#include "optionfile.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ks;

// The [client] option files are read the way the mysql client reads them.
class TestOptionFile : public QObject
{
    Q_OBJECT

    static void write(const QString &path, const QByteArray &text)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }

private Q_SLOTS:
    void values_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("hasValue");
        QTest::newRow("plain") << "[client]\nuser=app\n" << "user" << "app" << true;
        QTest::newRow("spaces") << "[client]\n  user  =  app  \n" << "user" << "app" << true;
        QTest::newRow("double quotes") << "[client]\npassword=\"a b#c\"\n" << "password" << "a b#c" << true;
        QTest::newRow("single quotes") << "[client]\npassword='x;y'\n" << "password" << "x;y" << true;
        QTest::newRow("comment after") << "[client]\nhost=db1 # primary\n" << "host" << "db1" << true;
        QTest::newRow("escapes") << "[client]\npassword=a\\sb\\\\c\n" << "password" << "a b\\c" << true;
        QTest::newRow("underscore") << "[client]\nconnect_timeout=7\n" << "connect-timeout" << "7" << true;
        QTest::newRow("loose prefix") << "[client]\nloose-ssl-ca=/ca.pem\n" << "ssl-ca" << "/ca.pem" << true;
        QTest::newRow("no value") << "[client]\npassword\n" << "password" << "" << false;
        QTest::newRow("skip prefix") << "[client]\nskip-ssl\n" << "ssl" << "0" << true;
        QTest::newRow("group case") << "[CLIENT]\nuser=u\n" << "user" << "u" << true;
        QTest::newRow("mysql group") << "[mysql]\nuser=m\n" << "user" << "m" << true;
        QTest::newRow("later wins") << "[client]\nuser=a\n[mysql]\nuser=b\n" << "user" << "b" << true;
        QTest::newRow("semicolon comment") << "[client]\n; user=x\nuser=y\n" << "user" << "y" << true;
        QTest::newRow("crlf") << "[client]\r\nuser=w\r\n" << "user" << "w" << true;
    }
    void values()
    {
        QFETCH(QString, text);
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(bool, hasValue);
        OptionFile f;
        f.parse(text, QStringLiteral("test.cnf"));
        QVERIFY2(f.contains(name), qPrintable(name));
        QCOMPARE(f.value(name).value, value);
        QCOMPARE(f.value(name).hasValue, hasValue);
        QCOMPARE(f.value(name).file, QStringLiteral("test.cnf"));
    }

    void otherGroupsAreIgnored()
    {
        OptionFile f;
        f.parse(QStringLiteral("[mysqld]\nport=1\nuser=mysql\n[client]\nport=2\n[mysqldump]\nuser=d\n"),
                QStringLiteral("t"));
        QCOMPARE(f.value(QStringLiteral("port")).value, QStringLiteral("2"));
        QVERIFY(!f.contains(QStringLiteral("user")));
    }

    void includeAndIncludeDir()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir(dir.path()).mkdir(QStringLiteral("conf.d"));
        write(dir.filePath(QStringLiteral("my.cnf")),
              "[client]\nuser=main\n!include extra.cnf\n!includedir " +
                  dir.filePath(QStringLiteral("conf.d")).toUtf8() + "\n");
        write(dir.filePath(QStringLiteral("extra.cnf")), "[client]\nport=3307\n");
        write(dir.filePath(QStringLiteral("conf.d/a.cnf")), "[client]\nhost=from-a\n");
        write(dir.filePath(QStringLiteral("conf.d/b.cnf")), "[client]\nhost=from-b\n");
        write(dir.filePath(QStringLiteral("conf.d/ignored.txt")), "[client]\nhost=nope\n");
        OptionFile f;
        QVERIFY(f.readFile(dir.filePath(QStringLiteral("my.cnf")), true));
        QCOMPARE(f.value(QStringLiteral("user")).value, QStringLiteral("main"));
        QCOMPARE(f.value(QStringLiteral("port")).value, QStringLiteral("3307"));
        QCOMPARE(f.value(QStringLiteral("host")).value, QStringLiteral("from-b"));
        QCOMPARE(f.readFiles().size(), 4);
    }

    void includeCycleStops()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("a.cnf")), "[client]\nuser=a\n!include a.cnf\n");
        OptionFile f;
        f.readFile(dir.filePath(QStringLiteral("a.cnf")), true);
        QCOMPARE(f.value(QStringLiteral("user")).value, QStringLiteral("a"));
        QVERIFY(!f.problems().isEmpty());
    }

    void missingRequiredFileIsAProblem()
    {
        OptionFile f;
        QVERIFY(!f.readFile(QStringLiteral("/nonexistent/killscope.cnf"), true));
        QVERIFY(f.problems().constFirst().contains(QStringLiteral("/nonexistent/killscope.cnf")));
        OptionFile g;
        QVERIFY(g.readFile(QStringLiteral("/nonexistent/killscope.cnf"), false));
    }

    void settingsFromDefaultsFile()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("my.cnf")),
              "[client]\nhost=db.example\nport=3310\nuser=ops\npassword=s3cret\ndatabase=shop\n"
              "ssl-ca=/etc/ca.pem\nssl-mode=REQUIRED\nconnect-timeout=9\n");
        ConnectionRequest request;
        request.defaultsFile = dir.filePath(QStringLiteral("my.cnf"));
        const ResolvedConnection r = resolveConnection(request);
        QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
        const ConnectionSettings s = r.settings;
        QCOMPARE(s.host, QStringLiteral("db.example"));
        QCOMPARE(s.port, 3310);
        QCOMPARE(s.user, QStringLiteral("ops"));
        QCOMPARE(s.password, QStringLiteral("s3cret"));
        QVERIFY(!s.askPassword);
        QCOMPARE(s.database, QStringLiteral("shop"));
        QCOMPARE(s.tls, ConnectionSettings::TlsMode::Required);
        QCOMPARE(s.tlsCaFile, QStringLiteral("/etc/ca.pem"));
        QCOMPARE(s.connectTimeoutS, 9);
        QVERIFY(!s.usesSocket());
    }

    void passwordWithoutValueAsks()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("my.cnf")), "[client]\nuser=ops\npassword\n");
        ConnectionRequest request;
        request.defaultsFile = dir.filePath(QStringLiteral("my.cnf"));
        const ConnectionSettings s = resolveConnection(request).settings;
        QVERIFY(s.askPassword);
    }

    void transport_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("socket");
        QTest::addColumn<bool>("tcp");
        QTest::addColumn<bool>("expectSocket");
        QTest::addColumn<QString>("expectHost");
        QTest::newRow("localhost uses socket") << "localhost" << "/tmp/x.sock" << false << true << "localhost";
        QTest::newRow("empty host uses socket") << "" << "/tmp/x.sock" << false << true << "localhost";
        QTest::newRow("ip uses tcp") << "127.0.0.1" << "/tmp/x.sock" << false << false << "127.0.0.1";
        QTest::newRow("protocol tcp") << "localhost" << "/tmp/x.sock" << true << false << "127.0.0.1";
        QTest::newRow("remote") << "db.example" << "" << false << false << "db.example";
    }
    void transport()
    {
        QFETCH(QString, host);
        QFETCH(QString, socket);
        QFETCH(bool, tcp);
        QFETCH(bool, expectSocket);
        QFETCH(QString, expectHost);
        ConnectionSettings s;
        s.host = host;
        s.socket = socket;
        s.protocolTcp = tcp;
        resolveTransport(s);
        QCOMPARE(s.usesSocket(), expectSocket);
        QCOMPARE(s.host, expectHost);
    }

    void errorsNameTheirCause_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("expect");
        QTest::newRow("1045") << "1045" << "password";
        QTest::newRow("2003") << "2003" << "No server answers";
        QTest::newRow("2002 tcp") << "2002" << "No server answers";
        QTest::newRow("2006") << "2006" << "gone away";
        QTest::newRow("2013") << "2013" << "lost";
        QTest::newRow("1094") << "1094" << "already ended";
        QTest::newRow("1095") << "1095" << "not the owner";
    }
    void errorsNameTheirCause()
    {
        QFETCH(QString, code);
        QFETCH(QString, expect);
        ConnectionSettings s;
        s.host = QStringLiteral("db.example");
        s.port = 3307;
        const QString text = explainSqlError(code, QStringLiteral("server text"), s);
        QVERIFY2(text.contains(expect), qPrintable(text));
        QVERIFY2(text.contains(code), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("server text")), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestOptionFile)
#include "tst_optionfile.moc"
