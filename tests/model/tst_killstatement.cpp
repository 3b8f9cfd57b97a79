#include "sessionsource.h"

#include <QtTest>

using namespace ks;

class TestKillStatement : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statement_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("strength");
        QTest::addColumn<qlonglong>("id");
        QTest::addColumn<QString>("expected");
        QTest::newRow("query") << int(KillKind::Query) << int(KillStrength::Default) << 12LL
                               << QStringLiteral("KILL QUERY 12");
        QTest::newRow("connection") << int(KillKind::Connection) << int(KillStrength::Default)
                                    << 7LL << QStringLiteral("KILL CONNECTION 7");
        QTest::newRow("hard query") << int(KillKind::Query) << int(KillStrength::Hard) << 1LL
                                    << QStringLiteral("KILL HARD QUERY 1");
        QTest::newRow("soft connection") << int(KillKind::Connection) << int(KillStrength::Soft)
                                         << 4294967296LL
                                         << QStringLiteral("KILL SOFT CONNECTION 4294967296");
    }
    void statement()
    {
        QFETCH(int, kind);
        QFETCH(int, strength);
        QFETCH(qlonglong, id);
        QFETCH(QString, expected);
        KillRequest r;
        r.kind = KillKind(kind);
        r.strength = KillStrength(strength);
        r.target.id = id;
        QCOMPARE(killStatement(r), expected);
    }
};

QTEST_GUILESS_MAIN(TestKillStatement)
#include "tst_killstatement.moc"
