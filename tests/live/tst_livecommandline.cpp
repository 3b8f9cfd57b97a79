#include "commandline.h"
#include "connectiondialog.h"
#include "optionfile.h"

#include <QCheckBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace ks;

// The mysql-style command line: option files first, the command line on top.
class TestLiveCommandLine : public QObject
{
    Q_OBJECT

    static bool parse(const QStringList &args, ConnectionSettings *s, bool *readOnly = nullptr)
    {
        CommandLine commandLine;
        if (!commandLine.parse(QStringList{QStringLiteral("killscope")} + args))
            return false;
        const ConnectionRequest request = commandLine.connectionRequest();
        if (readOnly)
            *readOnly = request.readOnly;
        if (!request.given)
            return false;
        const ResolvedConnection resolved = resolveConnection(request);
        *s = resolved.settings;
        return resolved.ok();
    }

private Q_SLOTS:
    void noLiveOptionsMeansSimulation()
    {
        ConnectionSettings s;
        QVERIFY(!parse({}, &s));
        QVERIFY(!parse({QStringLiteral("--read-only")}, &s));
    }

    void commandLineOverridesDefaultsFile()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("my.cnf")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[client]\nhost=db.example\nport=3310\nuser=ops\npassword=fromfile\n");
        f.close();
        ConnectionSettings s;
        bool ro = false;
        QVERIFY(parse({QStringLiteral("--defaults-file=") + f.fileName(), QStringLiteral("-u"),
                       QStringLiteral("admin"), QStringLiteral("--read-only")},
                      &s, &ro));
        QCOMPARE(s.host, QStringLiteral("db.example"));
        QCOMPARE(s.port, 3310);
        QCOMPARE(s.user, QStringLiteral("admin"));
        QCOMPARE(s.password, QStringLiteral("fromfile"));
        QVERIFY(ro);
    }

    void socketAndTcp()
    {
        ConnectionSettings s;
        QVERIFY(parse({QStringLiteral("--no-defaults"), QStringLiteral("--socket"),
                       QStringLiteral("/tmp/x.sock"), QStringLiteral("--user=u")},
                      &s));
        QVERIFY(s.usesSocket());
        QCOMPARE(s.socket, QStringLiteral("/tmp/x.sock"));
        QVERIFY(parse({QStringLiteral("--no-defaults"), QStringLiteral("--host=10.1.2.3"),
                       QStringLiteral("-P"), QStringLiteral("3307"), QStringLiteral("--socket=/tmp/x.sock")},
                      &s));
        QVERIFY(!s.usesSocket()); // a remote host means TCP, like mysql
        QCOMPARE(s.effectivePort(), 3307);
        QVERIFY(parse({QStringLiteral("--no-defaults"), QStringLiteral("--host=localhost"),
                       QStringLiteral("--protocol=TCP")},
                      &s));
        QVERIFY(!s.usesSocket());
        QCOMPARE(s.host, QStringLiteral("127.0.0.1"));
    }

    void passwordOptions()
    {
        ConnectionSettings s;
        QVERIFY(parse({QStringLiteral("--no-defaults"), QStringLiteral("--host=h"),
                       QStringLiteral("--password=secret")},
                      &s));
        QCOMPARE(s.password, QStringLiteral("secret"));
        QVERIFY(!s.askPassword);
        // -p without a terminal: the GUI asks when connecting.
        QVERIFY(parse({QStringLiteral("--no-defaults"), QStringLiteral("--host=h"), QStringLiteral("-p")}, &s));
        QVERIFY(s.askPassword);
    }

    void profilesNeverStorePasswords()
    {
        QTemporaryDir dir;
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("KillScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("KillScopeTest"));
        {
            ConnectionDialog d;
            ConnectionSettings s;
            s.host = QStringLiteral("db.example");
            s.port = 3310;
            s.user = QStringLiteral("ops");
            s.password = QStringLiteral("TopSecret42");
            s.database = QStringLiteral("shop");
            s.tls = ConnectionSettings::TlsMode::Required;
            d.setSettings(s);
            d.setReadOnly(true);
            d.findChild<QCheckBox *>(QStringLiteral("savePassword"))->setChecked(false);
            d.saveProfile(QStringLiteral("prod"));
            QVERIFY(d.profiles().contains(QStringLiteral("prod")));
        }
        QSettings settings;
        settings.sync();
        QFile ini(settings.fileName());
        QVERIFY2(ini.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
        const QByteArray text = ini.readAll();
        QVERIFY(text.contains("db.example"));
        QVERIFY2(!text.contains("TopSecret42"), "a password must never be written to the settings file");

        ConnectionDialog d2;
        d2.loadProfile(QStringLiteral("prod"));
        QCOMPARE(d2.settings().host, QStringLiteral("db.example"));
        QCOMPARE(d2.settings().port, 3310);
        QCOMPARE(d2.settings().user, QStringLiteral("ops"));
        QCOMPARE(d2.settings().database, QStringLiteral("shop"));
        QCOMPARE(d2.settings().tls, ConnectionSettings::TlsMode::Required);
        QVERIFY(d2.readOnly());
        QVERIFY(d2.settings().password.isEmpty());
        d2.deleteProfile(QStringLiteral("prod"));
        QVERIFY(!d2.profiles().contains(QStringLiteral("prod")));
    }
};

QTEST_MAIN(TestLiveCommandLine)
#include "tst_livecommandline.moc"
