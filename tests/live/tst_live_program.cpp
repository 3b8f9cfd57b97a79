// The real killscope program against the throwaway MariaDB: a password given on the command line
// is gone from what every local user can read (ps, /proc/PID/cmdline) while the program still
// logs in with it.

#include "testserver.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using ks::test::TestServer;

class TestLiveProgram : public QObject
{
    Q_OBJECT
    TestServer m_server;
    QTemporaryDir m_home;

    // KillScope's own sessions as the server sees them: the program logs in over TCP, the test
    // over the socket, so an earlier count connection still closing on the server is not counted.
    int killscopeSessions()
    {
        int n = -1;
        {
            QSqlDatabase db = m_server.admin(TestServer::Via::Socket, QStringLiteral("count"));
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                                          "WHERE USER = '%1' AND HOST LIKE '127.0.0.1:%'")
                               .arg(m_server.adminUser)) &&
                    q.next())
                    n = q.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("count"));
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = TestServer::fromEnvironment();
        KS_REQUIRE_SERVER(m_server);
        QVERIFY(m_home.isValid());
    }

    void passwordIsWipedFromTheProcessList_data()
    {
        QTest::addColumn<QString>("form");
        QTest::newRow("--password=") << QStringLiteral("--password=%1");
        QTest::newRow("-p") << QStringLiteral("-p%1");
    }
    void passwordIsWipedFromTheProcessList()
    {
        QFETCH(QString, form);
        // Sessions of tests that ran before may still be closing.
        QTRY_COMPARE_WITH_TIMEOUT(killscopeSessions(), 0, 10000);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::SeparateChannels);
        p.start(QStringLiteral(KILLSCOPE_BIN),
                {QStringLiteral("--no-defaults"), QStringLiteral("--host"), m_server.host,
                 QStringLiteral("--port"), QString::number(m_server.port), QStringLiteral("-u"),
                 m_server.adminUser, form.arg(m_server.adminPassword), QStringLiteral("-D"),
                 m_server.database});
        QVERIFY2(p.waitForStarted(10000), qPrintable(p.errorString()));
        const qint64 pid = p.processId();

        // The warning comes after the wipe: from then on nothing may show the password.
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError()).contains("prefer -p"), 20000);

        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        const QByteArray args = cmdline.readAll();
        QVERIFY2(!args.contains(m_server.adminPassword.toUtf8()), args.constData());
        QVERIFY2(args.contains(m_server.adminUser.toUtf8()), "the rest of the arguments stays");

        QProcess ps;
        ps.start(QStringLiteral("ps"), {QStringLiteral("-o"), QStringLiteral("args="),
                                        QStringLiteral("-p"), QString::number(pid)});
        QVERIFY(ps.waitForFinished(10000));
        const QByteArray shown = ps.readAllStandardOutput();
        QVERIFY2(shown.contains("killscope"), shown.constData());
        QVERIFY2(!shown.contains(m_server.adminPassword.toUtf8()), shown.constData());

        // ... and it logged in with it: its sampler and kill connections are there.
        QTRY_VERIFY_WITH_TIMEOUT(killscopeSessions() >= 2, 20000);

        p.kill();
        QVERIFY(p.waitForFinished(10000));
        QTRY_COMPARE_WITH_TIMEOUT(killscopeSessions(), 0, 20000);
    }
};

QTEST_GUILESS_MAIN(TestLiveProgram)
#include "tst_live_program.moc"
