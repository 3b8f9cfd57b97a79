#include "blockinggraph.h"
#include "serverinfo.h"

#include <QtTest>

using namespace ks;

// Server detection from captured VERSION() and SHOW GRANTS output.
class TestServerInfo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versions_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("comment");
        QTest::addColumn<int>("product");
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<int>("patch");
        QTest::newRow("debian mariadb") << "10.11.19-MariaDB-0+deb12u1" << "Debian 12" << int(ServerInfo::Product::MariaDB) << "mariadb-10.11" << 19;
        QTest::newRow("mariadb 11") << "11.4.2-MariaDB" << "" << int(ServerInfo::Product::MariaDB) << "mariadb-11.4" << 2;
        QTest::newRow("mariadb 5.5.5 prefix") << "5.5.5-10.6.3-MariaDB-log" << "" << int(ServerInfo::Product::MariaDB) << "mariadb-10.6" << 3;
        QTest::newRow("mysql 8") << "8.0.37" << "MySQL Community Server - GPL" << int(ServerInfo::Product::MySQL) << "mysql-8.0" << 37;
        QTest::newRow("mysql 5.7 log") << "5.7.44-log" << "MySQL Community Server (GPL)" << int(ServerInfo::Product::MySQL) << "mysql-5.7" << 44;
        QTest::newRow("percona") << "8.0.36-28" << "Percona Server (GPL), Release 28" << int(ServerInfo::Product::MySQL) << "mysql-8.0" << 36;
        QTest::newRow("garbage") << "hello" << "" << int(ServerInfo::Product::Unknown) << "unknown" << 0;
    }
    void versions()
    {
        QFETCH(QString, version);
        QFETCH(QString, comment);
        QFETCH(int, product);
        QFETCH(QString, flavor);
        QFETCH(int, patch);
        const ServerInfo i = ServerInfo::parseVersion(version, comment);
        QCOMPARE(int(i.product), product);
        QCOMPARE(i.flavorId(), flavor);
        QCOMPARE(i.patch, patch);
        QCOMPARE(i.versionString, version);
    }

    void grants_data()
    {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<bool>("process");
        QTest::addColumn<bool>("killOthers");
        QTest::newRow("mariadb admin")
            << QStringList{QStringLiteral("GRANT PROCESS, SUPER, CONNECTION ADMIN ON *.* TO `ksadmin`@`%` IDENTIFIED BY PASSWORD '*ABC'"),
                           QStringLiteral("GRANT ALL PRIVILEGES ON `testdb`.* TO `ksadmin`@`%`")}
            << true << true;
        QTest::newRow("low") << QStringList{QStringLiteral("GRANT USAGE ON *.* TO `kslow`@`%` IDENTIFIED BY PASSWORD '*X'"),
                                            QStringLiteral("GRANT SELECT, INSERT ON `testdb`.* TO `kslow`@`%`")}
                             << false << false;
        QTest::newRow("all on db only is not global")
            << QStringList{QStringLiteral("GRANT ALL PRIVILEGES ON `shop`.* TO `a`@`%`")} << false << false;
        QTest::newRow("root") << QStringList{QStringLiteral("GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION")}
                              << true << true;
        QTest::newRow("mysql 8 dynamic")
            << QStringList{QStringLiteral("GRANT PROCESS ON *.* TO `ops`@`%`"),
                           QStringLiteral("GRANT CONNECTION_ADMIN ON *.* TO `ops`@`%`"),
                           QStringLiteral("GRANT `dba_role`@`%` TO `ops`@`%`")}
            << true << true;
        QTest::newRow("process only") << QStringList{QStringLiteral("GRANT PROCESS ON *.* TO `p`@`%`")} << true << false;
    }
    void grants()
    {
        QFETCH(QStringList, lines);
        QFETCH(bool, process);
        QFETCH(bool, killOthers);
        ServerInfo i = ServerInfo::parseVersion(QStringLiteral("10.11.19-MariaDB"));
        i.globalPrivileges = ServerInfo::parseGrants(lines);
        QCOMPARE(i.seesAllThreads(), process);
        QCOMPARE(i.canKillOthers(), killOthers);
        QCOMPARE(i.limitations().join(u' ').contains(QStringLiteral("Without the PROCESS privilege")), !process);
    }

    void flavorRules()
    {
        const ServerInfo maria = ServerInfo::parseVersion(QStringLiteral("10.11.19-MariaDB"));
        const ServerInfo mysql = ServerInfo::parseVersion(QStringLiteral("8.0.37"));
        QVERIFY(maria.hasTimeMs() && maria.hasKillStrength() && !maria.killQueryIgnoredWhenIdle());
        QVERIFY(!mysql.hasTimeMs() && !mysql.hasKillStrength() && mysql.killQueryIgnoredWhenIdle());
    }

    void blockingChains()
    {
        // 10 holds; 11 and 12 wait for 10; 13 waits for 12; 20 holds for 21.
        const QList<LockWait> waits{{11, 10, {}}, {12, 10, {}}, {13, 12, {}}, {21, 20, {}}};
        const BlockingGraph g(waits);
        QCOMPARE(g.chains().size(), 2);
        QCOMPARE(g.chains()[0].root, 10);
        QCOMPARE(g.chains()[0].directWaiters, 2);
        QCOMPARE(g.chains()[0].waiters.size(), 3);
        QCOMPARE(g.rootOf(13), 10);
        QCOMPARE(g.rootOf(10), 0);
        QCOMPARE(g.waitersBehind(10), 3);
        QCOMPARE(g.waitersBehind(12), 1);
        QCOMPARE(g.waitersBehind(13), 0);
        // A cycle has no root and does not hang.
        const BlockingGraph cycle(QList<LockWait>{{1, 2, {}}, {2, 1, {}}});
        QCOMPARE(cycle.rootOf(1), 0);
        QVERIFY(cycle.chains().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerInfo)
#include "tst_serverinfo.moc"
