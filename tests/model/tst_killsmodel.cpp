#include "killsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace ks;

namespace {

KillRecord kill(int serial, qint64 id, KillKind kind, KillPhase phase, qint64 requestedUs)
{
    KillRecord k;
    k.serial = serial;
    k.request.target.id = id;
    k.request.target.user = QStringLiteral("app");
    k.request.target.host = QStringLiteral("localhost");
    k.request.kind = kind;
    k.statement = killStatement(k.request);
    k.phase = phase;
    k.requestedUs = requestedUs;
    return k;
}

} // namespace

class TestKillsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsAKillThroughItsPhases()
    {
        KillsModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);

        KillRecord k = kill(1, 12, KillKind::Connection, KillPhase::Requested, 3'000'000);
        m.updateKill(k);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(m.index(0, KillsModel::StatementColumn).data().toString(),
                 QStringLiteral("KILL CONNECTION 12"));
        QCOMPARE(m.index(0, KillsModel::RequestedColumn).data().toString(),
                 QStringLiteral("3.000 s"));
        QCOMPARE(m.index(0, KillsModel::LatencyColumn).data().toString(), QString());
        QVERIFY(!m.index(0, 0).data(KillsModel::FinishedRole).toBool());

        k.phase = KillPhase::RollingBack;
        k.answeredUs = 3'000'050;
        k.flagSeenUs = 3'200'000;
        k.rowsRemaining = 5000;
        m.updateKill(k);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m.index(0, KillsModel::AnswerColumn).data().toString(), QStringLiteral("Query OK"));
        // Grouped as the user's locale writes numbers ("5,000" in English).
        QCOMPARE(m.index(0, KillsModel::RowsRemainingColumn).data().toString(),
                 QLocale().toString(qint64(5000)));

        k.phase = KillPhase::Gone;
        k.endedUs = 5'150'000;
        k.rowsRemaining = 0;
        m.updateKill(k);
        QCOMPARE(m.index(0, KillsModel::LatencyColumn).data().toString(), QStringLiteral("2.150 s"));
        QCOMPARE(m.index(0, 0).data(KillsModel::LatencyUsRole).toLongLong(), 2'150'000);
        QVERIFY(m.index(0, 0).data(KillsModel::FinishedRole).toBool());

        m.setTimeOrigin(1'000'000);
        QCOMPARE(m.index(0, KillsModel::RequestedColumn).data().toString(),
                 QStringLiteral("2.000 s"));
    }

    void refusedKillShowsTheServerError()
    {
        KillsModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        KillRecord k = kill(1, 99, KillKind::Query, KillPhase::Refused, 0);
        k.serverError = 1094;
        k.serverMessage = QStringLiteral("Unknown thread id: 99");
        m.setKills({k});
        QCOMPARE(m.index(0, KillsModel::AnswerColumn).data().toString(),
                 QStringLiteral("ERROR 1094: Unknown thread id: 99"));
        QVERIFY(m.index(0, 0).data(KillsModel::FinishedRole).toBool());
    }

    void setKillsExtendsOrResets()
    {
        KillsModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&m, &QAbstractItemModel::modelReset);
        const KillRecord a = kill(1, 10, KillKind::Query, KillPhase::Accepted, 100);
        const KillRecord b = kill(2, 11, KillKind::Query, KillPhase::Accepted, 200);
        m.setKills({a});
        m.setKills({a, b});
        QCOMPARE(resets.count(), 0);
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.rowOfSerial(2), 1);
        // A re-run with a different history replaces it.
        m.setKills({b});
        QCOMPARE(resets.count(), 1);
        QCOMPARE(m.rowCount(), 1);
        m.clear();
        QCOMPARE(m.rowCount(), 0);
    }

    void everyPhaseHasAName()
    {
        for (int p = int(KillPhase::Requested); p <= int(KillPhase::Reconnected); ++p)
            QVERIFY(!KillsModel::phaseName(KillPhase(p)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKillsModel)
#include "tst_killsmodel.moc"
