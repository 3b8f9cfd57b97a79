#include "narrationmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace ks;

class TestNarrationModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void currentStepFollowsThePlayhead_data()
    {
        QTest::addColumn<qlonglong>("playhead");
        QTest::addColumn<int>("current");
        QTest::newRow("before the first") << -1LL << -1;
        QTest::newRow("at the first") << 0LL << 0;
        QTest::newRow("between") << 1'999'999LL << 0;
        QTest::newRow("at the second") << 2'000'000LL << 1;
        QTest::newRow("after the last") << 99'000'000LL << 2;
    }
    void currentStepFollowsThePlayhead()
    {
        QFETCH(qlonglong, playhead);
        QFETCH(int, current);
        NarrationModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Given out of order: the model sorts.
        m.setSteps({{5'000'000, QStringLiteral("third"), QStringLiteral("第三"), false, 0},
                    {0, QStringLiteral("first"), QStringLiteral("第一"), false, 0},
                    {2'000'000, QStringLiteral("second"), QStringLiteral("第二"), true, 12}});
        m.setPlayhead(playhead);
        QCOMPARE(m.currentRow(), current);
        for (int r = 0; r < m.rowCount(); ++r)
            QCOMPARE(m.index(r).data(NarrationModel::CurrentRole).toBool(), r == current);
    }

    void switchesLanguage()
    {
        NarrationModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setSteps({{0, QStringLiteral("KILL only sets a flag."), QStringLiteral("KILL 只是设置一个标志。"),
                     false, 0}});
        m.setPlayhead(10);
        QCOMPARE(m.currentText(), QStringLiteral("KILL only sets a flag."));
        QSignalSpy current(&m, &NarrationModel::currentChanged);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.setLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(m.currentText(), QStringLiteral("KILL 只是设置一个标志。"));
        QCOMPARE(m.index(0).data().toString(), QStringLiteral("KILL 只是设置一个标志。"));
        QCOMPARE(current.count(), 1);
        QCOMPARE(changed.count(), 1);
    }

    void steppingBetweenSteps()
    {
        NarrationModel m;
        m.setSteps({{100, QStringLiteral("a"), QStringLiteral("甲"), false, 0},
                    {300, QStringLiteral("b"), QStringLiteral("乙"), false, 0}});
        QCOMPARE(m.nextStepTime(0), 100);
        QCOMPARE(m.nextStepTime(100), 300);
        QCOMPARE(m.nextStepTime(300), -1);
        QCOMPARE(m.previousStepTime(300), 100);
        QCOMPARE(m.previousStepTime(100), -1);
    }

    // A caveat (an UNVERIFIED modelling note) is a footnote to the caption, never the caption.
    void captionsKeepCaveatsAsFootnotes_data()
    {
        QTest::addColumn<qlonglong>("playhead");
        QTest::addColumn<QString>("caption");
        QTest::addColumn<QString>("caveat");
        QTest::newRow("before anything") << -1LL << QString() << QString();
        QTest::newRow("a caveat first") << 100LL << QString() << QStringLiteral("UNVERIFIED: a");
        QTest::newRow("a step") << 2'000'000LL << QStringLiteral("killed") << QString();
        QTest::newRow("a caveat during the step") << 2'500'000LL << QStringLiteral("killed")
                                                  << QStringLiteral("UNVERIFIED: b");
        QTest::newRow("the next step") << 9'000'000LL << QStringLiteral("done") << QString();
    }
    void captionsKeepCaveatsAsFootnotes()
    {
        QFETCH(qlonglong, playhead);
        QFETCH(QString, caption);
        QFETCH(QString, caveat);
        NarrationModel m;
        m.setSteps({{100, QStringLiteral("UNVERIFIED: a"), QString(), true, 0},
                    {2'000'000, QStringLiteral("killed"), QString(), false, 0},
                    {2'500'000, QStringLiteral("UNVERIFIED: b"), QString(), true, 0},
                    {9'000'000, QStringLiteral("done"), QString(), false, 0}});
        m.setPlayhead(playhead);
        QCOMPARE(m.captionText(), caption);
        QCOMPARE(m.caveatText(), caveat);
    }

    void signalsOnlyOnChange()
    {
        NarrationModel m;
        m.setSteps({{100, QStringLiteral("a"), QStringLiteral("甲"), false, 0}});
        QSignalSpy current(&m, &NarrationModel::currentChanged);
        m.setPlayhead(150);
        m.setPlayhead(200);
        m.setPlayhead(300);
        QCOMPARE(current.count(), 1);
        m.setPlayhead(50);
        QCOMPARE(current.count(), 2);
        QCOMPARE(m.currentRow(), -1);
    }
};

QTEST_GUILESS_MAIN(TestNarrationModel)
#include "tst_narrationmodel.moc"
