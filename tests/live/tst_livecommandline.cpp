#include "commandline.h"
#include "connectiondialog.h"
#include "connectionopener.h"
#include "optionfile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
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
        // This test runs a QApplication: option files are read off its GUI thread.
        const ResolvedConnection resolved = resolveConnectionWaiting(request, 10000);
        *s = resolved.settings;
        return resolved.ok();
    }

    static void write(const QString &path, const QByteArray &text)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
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

    // Option files can sit on a hung file system: the GUI thread refuses to read them.
    void optionFilesAreNotReadOnTheGuiThread()
    {
        ConnectionRequest request;
        request.defaultsFile = QStringLiteral("/etc/hostname");
        const ResolvedConnection r = resolveConnection(request);
        QVERIFY(!r.ok());
        QVERIFY2(r.errors.constFirst().contains(QStringLiteral("not read on the GUI thread")),
                 qPrintable(r.errors.constFirst()));
        QVERIFY(resolveConnectionWaiting(request, 10000).errors.filter(QStringLiteral("GUI thread")).isEmpty());
    }

    // The dialog's pre-fill and its "From ~/.my.cnf" button read on a worker thread; the form
    // stays usable meanwhile, and what the user typed is kept from a late pre-fill.
    void dialogFillsFromOptionFilesInTheBackground()
    {
        QTemporaryDir home;
        write(home.filePath(QStringLiteral(".my.cnf")),
              "[client]\nhost=db.example\nport=3310\nuser=fromfile\n");
        const QByteArray oldHome = qgetenv("HOME");
        qputenv("HOME", QFile::encodeName(home.path()));
        {
            ConnectionDialog d;
            d.readOptionFiles();
            QVERIFY(d.isReadingOptionFiles());
            QTRY_VERIFY(!d.isReadingOptionFiles());
            QCOMPARE(d.settings().host, QStringLiteral("db.example"));
            QCOMPARE(d.settings().port, 3310);
            QCOMPARE(d.settings().user, QStringLiteral("fromfile"));

            // Typed before the pre-fill arrives: kept, and the rest of the form is left alone.
            ConnectionDialog typed;
            auto *user = typed.findChild<QLineEdit *>(QStringLiteral("user"));
            QVERIFY(user);
            QTest::keyClicks(user, QStringLiteral("typed"));
            typed.readOptionFiles(ConnectionDialog::KeepEdits);
            QTRY_VERIFY(!typed.isReadingOptionFiles());
            QCOMPARE(typed.settings().user, QStringLiteral("typed"));
            QCOMPARE(typed.settings().host, QStringLiteral("127.0.0.1"));
            // The button overwrites.
            typed.readOptionFiles(ConnectionDialog::Overwrite);
            QTRY_VERIFY(!typed.isReadingOptionFiles());
            QCOMPARE(typed.settings().user, QStringLiteral("fromfile"));
        }
        qputenv("HOME", oldHome);
    }

    // The dialog offers the mysql client's five TLS modes, says what each checks, asks for a CA
    // only where one counts, and refuses VERIFY_* without one before any connect.
    void dialogTlsFields_data()
    {
        using Mode = ConnectionSettings::TlsMode;
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("caKept");
        QTest::newRow("DISABLED") << int(Mode::Disabled) << false;
        QTest::newRow("PREFERRED") << int(Mode::Preferred) << false;
        QTest::newRow("REQUIRED") << int(Mode::Required) << false;
        QTest::newRow("VERIFY_CA") << int(Mode::VerifyCa) << true;
        QTest::newRow("VERIFY_IDENTITY") << int(Mode::VerifyIdentity) << true;
    }
    void dialogTlsFields()
    {
        QFETCH(int, mode);
        QFETCH(bool, caKept);
        ConnectionDialog d;
        ConnectionSettings s;
        s.tls = ConnectionSettings::TlsMode(mode);
        s.tlsCaFile = QStringLiteral("/etc/ssl/ca.pem");
        s.tlsCertFile = QStringLiteral("/home/ops/client-cert.pem");
        s.tlsKeyFile = QStringLiteral("/home/ops/client-key.pem");
        s.tlsCaPath = QStringLiteral("/etc/ssl/certs");
        d.setSettings(s);
        const ConnectionSettings back = d.settings();
        QCOMPARE(int(back.tls), mode);
        QCOMPARE(back.tlsCaFile, caKept ? s.tlsCaFile : QString());
        QCOMPARE(back.tlsCaPath, caKept ? s.tlsCaPath : QString());
        const bool disabled = mode == int(ConnectionSettings::TlsMode::Disabled);
        QCOMPARE(back.tlsCertFile, disabled ? QString() : s.tlsCertFile);
        QCOMPARE(d.findChild<QLineEdit *>(QStringLiteral("tlsCa"))->isEnabled(), caKept);
        QCOMPARE(d.findChild<QLineEdit *>(QStringLiteral("tlsCert"))->isEnabled(), !disabled);
        auto *note = d.findChild<QLabel *>(QStringLiteral("tlsNote"));
        QVERIFY(note);
        QCOMPARE(note->text(), ConnectionOpener::describeMode(ConnectionSettings::TlsMode(mode)));
        QCOMPARE(d.findChild<QComboBox *>(QStringLiteral("tlsMode"))->count(), 5);
    }

    void dialogRefusesVerifyWithoutCa()
    {
        ConnectionDialog d;
        ConnectionSettings s;
        s.host = QStringLiteral("db.example");
        s.tls = ConnectionSettings::TlsMode::VerifyIdentity;
        d.setSettings(s);
        QSignalSpy accepted(&d, &QDialog::accepted);
        d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(accepted.count(), 0);
        auto *message = d.findChild<QLabel *>(QStringLiteral("connectionMessage"));
        QVERIFY2(message->text().contains(QStringLiteral("CA certificate is required")), qPrintable(message->text()));
        d.findChild<QLineEdit *>(QStringLiteral("tlsCa"))->setText(QStringLiteral("/etc/ssl/ca.pem"));
        d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(accepted.count(), 1);
    }

    void profilesKeepTlsAndReadOldOnes()
    {
        QTemporaryDir dir;
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("KillScopeTlsTest"));
        QCoreApplication::setApplicationName(QStringLiteral("KillScopeTlsTest"));
        {
            ConnectionDialog d;
            ConnectionSettings s;
            s.host = QStringLiteral("db.example");
            s.tls = ConnectionSettings::TlsMode::VerifyIdentity;
            s.tlsCaFile = QStringLiteral("/etc/ssl/ca.pem");
            s.tlsCertFile = QStringLiteral("/c.pem");
            s.tlsKeyFile = QStringLiteral("/k.pem");
            d.setSettings(s);
            d.findChild<QCheckBox *>(QStringLiteral("savePassword"))->setChecked(false);
            d.saveProfile(QStringLiteral("tls"));
        }
        {
            QSettings st;
            // A profile written before the five modes.
            st.setValue(QStringLiteral("connections/old/host"), QStringLiteral("old.example"));
            st.setValue(QStringLiteral("connections/old/tls"), 1);
            QCOMPARE(st.value(QStringLiteral("connections/tls/tlsMode")).toString(), QStringLiteral("VERIFY_IDENTITY"));
        }
        ConnectionDialog d;
        d.loadProfile(QStringLiteral("tls"));
        QCOMPARE(d.settings().tls, ConnectionSettings::TlsMode::VerifyIdentity);
        QCOMPARE(d.settings().tlsCaFile, QStringLiteral("/etc/ssl/ca.pem"));
        QCOMPARE(d.settings().tlsCertFile, QStringLiteral("/c.pem"));
        QCOMPARE(d.settings().tlsKeyFile, QStringLiteral("/k.pem"));
        d.loadProfile(QStringLiteral("old"));
        QCOMPARE(d.settings().tls, ConnectionSettings::TlsMode::Required);
        d.deleteProfile(QStringLiteral("tls"));
        d.deleteProfile(QStringLiteral("old"));
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
