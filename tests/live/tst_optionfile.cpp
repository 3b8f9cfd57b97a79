#include "commandline.h"
#include "optionfile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

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
        QVERIFY(f.readFile(dir.filePath(QStringLiteral("a.cnf")), true));
        QCOMPARE(f.value(QStringLiteral("user")).value, QStringLiteral("a"));
        QCOMPARE(f.warnings().size(), 1);
        QVERIFY2(f.warnings().constFirst().contains(QStringLiteral("would include itself")),
                 qPrintable(f.warnings().constFirst()));
        QCOMPARE(f.filesOpened(), 2);
    }

    // a → b → c → a: the cycle is named, each file is read once.
    void longerCycleIsNamed()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("a.cnf")), "[client]\nuser=a\n!include b.cnf\n");
        write(dir.filePath(QStringLiteral("b.cnf")), "[client]\nport=3307\n!include c.cnf\n");
        write(dir.filePath(QStringLiteral("c.cnf")), "[client]\nhost=c\n!include a.cnf\n");
        OptionFile f;
        QVERIFY(f.readFile(dir.filePath(QStringLiteral("a.cnf")), true));
        QCOMPARE(f.readFiles().size(), 3);
        QCOMPARE(f.value(QStringLiteral("host")).value, QStringLiteral("c"));
        QCOMPARE(f.warnings().size(), 1);
        QVERIFY2(f.warnings().constFirst().contains(QStringLiteral("a.cnf → ") + dir.filePath(QStringLiteral("b.cnf"))),
                 qPrintable(f.warnings().constFirst()));
    }

    // Each file includes the next one twice: a reader that re-reads repeats does 2^20 reads;
    // the work here is one read per distinct file (and one refused repeat per include).
    void repeatedIncludesAreLinear()
    {
        QTemporaryDir dir;
        const int levels = 20;
        for (int i = 0; i < levels; ++i) {
            const QByteArray next = QByteArray::number(i + 1) + ".cnf";
            write(dir.filePath(QStringLiteral("%1.cnf").arg(i)),
                  "[client]\nuser=u" + QByteArray::number(i) + "\n!include " + next + "\n!include " + next + "\n");
        }
        write(dir.filePath(QStringLiteral("%1.cnf").arg(levels)), "[client]\nhost=deepest\n");
        // A file that includes itself many times, too.
        write(dir.filePath(QStringLiteral("self.cnf")), QByteArray("[client]\n") + QByteArray("!include self.cnf\n").repeated(50));
        OptionFile f;
        QVERIFY(f.readFile(dir.filePath(QStringLiteral("0.cnf")), true));
        QVERIFY(f.readFile(dir.filePath(QStringLiteral("self.cnf")), true));
        // The include depth is capped at 10 like the client's, so only 0..10 are read.
        QCOMPARE(f.readFiles().size(), OptionFile::MaxDepth + 1 + 1);
        QVERIFY2(f.filesOpened() <= 2 * (OptionFile::MaxDepth + 1) + 51, qPrintable(QString::number(f.filesOpened())));
        QCOMPARE(f.value(QStringLiteral("user")).value, QStringLiteral("u10"));
        QVERIFY(!f.warnings().filter(QStringLiteral("maximum include depth")).isEmpty());
    }

    void missingRequiredFileIsAnError()
    {
        OptionFile f;
        QVERIFY(!f.readFile(QStringLiteral("/nonexistent/killscope.cnf"), true));
        QCOMPARE(f.errors().constFirst(),
                 QStringLiteral("Could not open required defaults file: /nonexistent/killscope.cnf (No such file or directory)"));
        OptionFile g;
        QVERIFY(g.readFile(QStringLiteral("/nonexistent/killscope.cnf"), false));
        QVERIFY(g.warnings().isEmpty());
    }

    // --defaults-file and --defaults-extra-file must exist and be readable: nothing falls back to
    // 127.0.0.1:3306 silently.
    void requiredFilesMustBeReadable_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing") << "missing" << "No such file or directory";
        QTest::newRow("symlink loop") << "loop" << "Too many levels of symbolic links";
        QTest::newRow("directory") << "dir" << "a directory, not a regular file";
        QTest::newRow("device /dev/zero") << "device" << "a device, not a regular file";
        QTest::newRow("fifo") << "fifo" << "a fifo, not a regular file";
        QTest::newRow("too large") << "large" << "more than the 1048576 allowed";
        // Root reads a mode-000 file anyway; a symlink loop is unreadable for everyone.
        if (geteuid() != 0)
            QTest::newRow("mode 000") << "mode000" << "Permission denied";
    }
    void requiredFilesMustBeReadable()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("my.cnf"));
        if (kind == QLatin1String("loop")) {
            QVERIFY(QFile::link(path, path));
        } else if (kind == QLatin1String("dir")) {
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("my.cnf")));
        } else if (kind == QLatin1String("device")) {
            path = QStringLiteral("/dev/zero");
        } else if (kind == QLatin1String("fifo")) {
            QCOMPARE(mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        } else if (kind == QLatin1String("large")) {
            write(path, "[client]\n" + QByteArray(2 << 20, '#'));
        } else if (kind == QLatin1String("mode000")) {
            write(path, "[client]\nuser=x\n");
            QVERIFY(QFile::setPermissions(path, {}));
        }
        for (bool extra : {false, true}) {
            ConnectionRequest request;
            (extra ? request.extraFile : request.defaultsFile) = path;
            const ResolvedConnection r = resolveConnection(request);
            QVERIFY(!r.ok());
            QVERIFY2(r.errors.constFirst().startsWith(QStringLiteral("Could not open required defaults file: ") + path),
                     qPrintable(r.errors.constFirst()));
            QVERIFY2(r.errors.constFirst().contains(reason), qPrintable(r.errors.constFirst()));
        }
    }

    // The mysql client ignores a world-writable option file with this warning.
    void worldWritableFileIsIgnored()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("my.cnf"));
        write(path, "[client]\nhost=attacker.example\nuser=attacker\n");
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther | QFile::WriteOther));
        ConnectionRequest request;
        request.defaultsFile = path;
        const ResolvedConnection r = resolveConnection(request);
        QVERIFY(r.ok());
        QCOMPARE(r.warnings, QStringList{QStringLiteral("Warning: World-writable config file '%1' is ignored").arg(path)});
        QVERIFY(r.settings.host != QStringLiteral("attacker.example"));
        QVERIFY(r.settings.user != QStringLiteral("attacker"));
        QVERIFY(r.files.isEmpty());
    }

    // Included files are refused the same way, without stopping the rest.
    void includedDevicesAndFifosAreRefused()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkdir(QStringLiteral("conf.d"));
        QCOMPARE(mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("conf.d/a-fifo.cnf"))).constData(), 0600), 0);
        write(dir.filePath(QStringLiteral("conf.d/b.cnf")), "[client]\nport=3399\n");
        write(dir.filePath(QStringLiteral("my.cnf")),
              "[client]\nuser=main\n!include /dev/zero\n!includedir " + dir.filePath(QStringLiteral("conf.d")).toUtf8() + "\n");
        OptionFile f;
        QVERIFY(f.readFile(dir.filePath(QStringLiteral("my.cnf")), true));
        QCOMPARE(f.value(QStringLiteral("port")).value, QStringLiteral("3399"));
        QCOMPARE(f.warnings().size(), 2);
        QVERIFY2(f.warnings().at(0).contains(QStringLiteral("/dev/zero")) && f.warnings().at(0).contains(QStringLiteral("a device")),
                 qPrintable(f.warnings().at(0)));
        QVERIFY2(f.warnings().at(1).contains(QStringLiteral("a-fifo.cnf")) && f.warnings().at(1).contains(QStringLiteral("a fifo")),
                 qPrintable(f.warnings().at(1)));
    }

    void badValuesAreErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("port letters") << QByteArray("[client]\nport=abc\n") << ":2: port = abc: not a port number (0 to 65535)";
        QTest::newRow("port range") << QByteArray("[client]\nuser=x\nport = 70000\n") << ":3: port = 70000: not a port number";
        QTest::newRow("timeout") << QByteArray("[client]\nconnect_timeout=soon\n") << ":2: connect-timeout = soon: whole seconds";
        QTest::newRow("protocol") << QByteArray("[client]\nprotocol=pipe\n") << ":2: protocol = pipe: use TCP or SOCKET";
        QTest::newRow("group without ]") << QByteArray("[client\nuser=x\n") << ":1: a group header without ]";
        QTest::newRow("option before group") << QByteArray("user=x\n[client]\n") << ":1: an option before any [group]";
        QTest::newRow("include without file") << QByteArray("[client]\n!include\n") << ":2: !include without a file or directory";
        QTest::newRow("includedir missing") << QByteArray("[client]\n!includedir /nonexistent/dir\n")
                                            << ":2: !includedir /nonexistent/dir: no such directory";
    }
    void badValuesAreErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("my.cnf"));
        write(path, text);
        ConnectionRequest request;
        request.defaultsFile = path;
        const ResolvedConnection r = resolveConnection(request);
        QVERIFY(!r.ok());
        QVERIFY2(r.errors.join(u'\n').contains(path + message), qPrintable(r.errors.join(u'\n')));
    }

    // TLS as the mysql client reads it from option files and the command line.
    void tlsSettings_data()
    {
        using Mode = ConnectionSettings::TlsMode;
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QStringList>("commandLine");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("problem"); // an error or warning that must be there
        QTest::newRow("default PREFERRED") << QByteArray() << QStringList{} << int(Mode::Preferred) << QString();
        QTest::newRow("ssl-ca means VERIFY_CA") << QByteArray("ssl-ca=@CA@\n") << QStringList{} << int(Mode::VerifyCa) << QString();
        QTest::newRow("explicit REQUIRED with a CA warns")
            << QByteArray("ssl-ca=@CA@\nssl-mode=required\n") << QStringList{} << int(Mode::Required)
            << QStringLiteral("WARNING: no verification of server certificate will be done. Use --ssl-mode=VERIFY_CA or VERIFY_IDENTITY.");
        QTest::newRow("MariaDB ssl") << QByteArray("ssl\n") << QStringList{} << int(Mode::Required) << QString();
        QTest::newRow("MariaDB skip-ssl") << QByteArray("skip-ssl\n") << QStringList{} << int(Mode::Disabled) << QString();
        QTest::newRow("MariaDB ssl-verify-server-cert")
            << QByteArray("ssl-ca=@CA@\nssl-verify-server-cert\n") << QStringList{} << int(Mode::VerifyIdentity) << QString();
        QTest::newRow("bad ssl-mode") << QByteArray("ssl-mode=sometimes\n") << QStringList{} << int(Mode::Preferred)
                                      << QStringLiteral(":3: ssl-mode = sometimes: use DISABLED, PREFERRED, REQUIRED");
        QTest::newRow("VERIFY_CA needs a CA") << QByteArray("ssl-mode=VERIFY_CA\n") << QStringList{} << int(Mode::VerifyCa)
                                              << QStringLiteral("CA certificate is required if ssl-mode is VERIFY_CA or VERIFY_IDENTITY");
        QTest::newRow("missing CA file") << QByteArray("ssl-ca=/nonexistent/ca.pem\n") << QStringList{} << int(Mode::VerifyCa)
                                         << QStringLiteral("--ssl-ca /nonexistent/ca.pem: no such file");
        QTest::newRow("key without certificate") << QByteArray("ssl-key=@CA@\n") << QStringList{} << int(Mode::Preferred)
                                                 << QStringLiteral("--ssl-key needs --ssl-cert");
        QTest::newRow("command line wins") << QByteArray("ssl-mode=REQUIRED\n") << QStringList{QStringLiteral("--ssl-mode=disabled")}
                                           << int(Mode::Disabled) << QString();
        QTest::newRow("--ssl-ca keeps a mode from a file")
            << QByteArray("ssl-mode=REQUIRED\n") << QStringList{QStringLiteral("--ssl-ca=@CA@")} << int(Mode::Required)
            << QStringLiteral("WARNING: no verification");
        QTest::newRow("--ssl-ca alone") << QByteArray() << QStringList{QStringLiteral("--ssl-ca=@CA@")} << int(Mode::VerifyCa) << QString();
        QTest::newRow("--ssl-verify-server-cert") << QByteArray("ssl-ca=@CA@\n") << QStringList{QStringLiteral("--ssl-verify-server-cert")}
                                                  << int(Mode::VerifyIdentity) << QString();
        QTest::newRow("--skip-ssl") << QByteArray("ssl-mode=VERIFY_CA\nssl-ca=@CA@\n") << QStringList{QStringLiteral("--skip-ssl")}
                                    << int(Mode::Disabled) << QString();
    }
    void tlsSettings()
    {
        QFETCH(QByteArray, file);
        QFETCH(QStringList, commandLine);
        QFETCH(int, mode);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        const QString ca = dir.filePath(QStringLiteral("ca.pem"));
        write(ca, "-----BEGIN CERTIFICATE-----\n");
        const QString cnf = dir.filePath(QStringLiteral("my.cnf"));
        write(cnf, "[client]\nuser=u\n" + file.replace("@CA@", ca.toUtf8()));
        CommandLine c;
        QStringList args{QStringLiteral("killscope"), QStringLiteral("--defaults-file=") + cnf};
        for (const QString &a : commandLine)
            args << QString(a).replace(QStringLiteral("@CA@"), ca);
        QVERIFY2(c.parse(args), qPrintable(c.errorText()));
        const ResolvedConnection r = resolveConnection(c.connectionRequest());
        QCOMPARE(int(r.settings.tls), mode);
        const QStringList notes = r.errors + r.warnings;
        if (problem.isEmpty())
            QVERIFY2(notes.isEmpty(), qPrintable(notes.join(u'\n')));
        else
            QVERIFY2(notes.join(u'\n').contains(problem), qPrintable(notes.join(u'\n')));
        if (mode >= int(ConnectionSettings::TlsMode::VerifyCa) && problem.isEmpty())
            QCOMPARE(r.settings.tlsCaFile, ca);
    }

    void badPortInTheEnvironment()
    {
        qputenv("MYSQL_TCP_PORT", "33o6");
        ConnectionRequest request;
        request.noDefaults = true;
        const ResolvedConnection r = resolveConnection(request);
        qunsetenv("MYSQL_TCP_PORT");
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.constFirst(), QStringLiteral("MYSQL_TCP_PORT=33o6: not a port number (0 to 65535)"));
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
