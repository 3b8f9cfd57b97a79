// The kill confirmation's refresh: it follows fresh previews while they are current, stops for
// good once one says it is not (the server was lost, or restarted since the target was chosen),
// says why, and keeps answering.
#include "killconfirmdialog.h"

#include <QPushButton>
#include <QtTest>

using namespace ks;

namespace {

KillPreview preview(qint64 rows, const QString &notCurrent = {})
{
    KillPreview p;
    p.statement = QStringLiteral("KILL CONNECTION 42");
    p.target = QStringLiteral("42 app@10.0.0.5:5544");
    p.activity = QStringLiteral("Sleep for 12 s");
    p.consequence = QStringLiteral("rolls back %1 rows").arg(rows);
    p.targetId = 42;
    p.notCurrent = notCurrent;
    return p;
}

} // namespace

class TestKillConfirmDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refreshStopsWhenNoLongerCurrent_data()
    {
        QTest::addColumn<int>("currentFor"); // refreshes that are still current
        QTest::newRow("stops after three") << 3;
        QTest::newRow("stale at once") << 0;
    }

    void refreshStopsWhenNoLongerCurrent()
    {
        QFETCH(int, currentFor);
        const QString why = QStringLiteral("The server restarted after this session was chosen.");
        int calls = 0;
        const QList<KillPreview> first = {currentFor > 0 ? preview(1000) : preview(1000, why)};
        KillConfirmDialog d(first);
        d.setRefresher(
            [&] {
                ++calls;
                return QList<KillPreview>{calls < currentFor ? preview(1000 + calls)
                                                             : preview(1000 + calls, why)};
            },
            20);
        if (currentFor == 0) {
            // Already as of a lost server: no refreshing at all, and said.
            QVERIFY(!d.isRefreshing());
            QCOMPARE(d.refreshStoppedWhy(), why);
            QTest::qWait(100);
            QCOMPARE(calls, 0);
        } else {
            QVERIFY(d.isRefreshing());
            QVERIFY2(d.text().contains(QStringLiteral("follow the newest sample")),
                     qPrintable(d.text()));
            QTRY_COMPARE(d.refreshStoppedWhy(), why);
            QCOMPARE(calls, currentFor);
            // The last previews are the ones shown; no refresh after the stop.
            QVERIFY2(d.text().contains(QStringLiteral("rolls back %1 rows").arg(1000 + calls)),
                     qPrintable(d.text()));
            QTest::qWait(150);
            QCOMPARE(calls, currentFor);
            QVERIFY(!d.isRefreshing());
        }
        QVERIFY2(d.text().contains(why), qPrintable(d.text()));
        QVERIFY(!d.text().contains(QStringLiteral("follow the newest sample")));
        // Still the user's call: Kill stays offered (the source proves the target before
        // sending and refuses a target of an ended server life).
        QVERIFY(d.killButton()->isEnabled());
    }
};

QTEST_MAIN(TestKillConfirmDialog)
#include "tst_killconfirmdialog.moc"
