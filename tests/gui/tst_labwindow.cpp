// The side-by-side view of a lab run, offscreen: simulated lanes above the real ones per session,
// the differences grouped per session, a click on one moves the playhead to its moment and
// selects its session, both sides are painted, and the language can change under it. The
// outcome is made without a server (labfake.h); tst_lab_gui runs the real thing.

#include "labfake.h"

#include "labcomparison.h"
#include "labcontroller.h"
#include "labdiffmodel.h"
#include "labmode.h"
#include "labwindow.h"
#include "language.h"
#include "mainwindow.h"
#include "resources.h"
#include "swimlaneview.h"
#include "timelineviewport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QMenuBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace ks;

namespace {

std::shared_ptr<const LabOutcome> outcomeFor(const QString &id, bool spoilBsError)
{
    sim::Scenario s;
    QString error;
    if (!LabMode::loadScenario(id, &s, nullptr, &error))
        qFatal("%s", qPrintable(error));
    auto plan = std::make_shared<const LabPlan>(
        *LabPlan::make(s, sim::Flavor::MariaDb1011, -1, QStringLiteral("killscope_lab"), &error));
    sim::RunOptions o;
    o.flavor = sim::Flavor::MariaDb1011;
    auto run = std::make_shared<const sim::RunResult>(sim::Engine::run(plan->scenario(), o));
    LabRecording rec = test::recordingFromSimulation(*plan, *run);
    const auto changes = LabComparison::predictedTableChanges(plan->scenario(), *run);
    for (LabTableState &t : rec.tablesAfter)
        if (changes.value(t.name).data)
            t.checksum = QStringLiteral("2");
    if (spoilBsError)
        for (LabLine &l : rec.sessions[1].lines)
            if (l.text.startsWith(QLatin1String("ERROR 1317")))
                l.text = QStringLiteral("ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction");
    auto out = std::make_shared<LabOutcome>();
    out->status = LabStatus::Ok;
    out->plan = plan;
    out->simulation = run;
    out->recording = rec;
    out->comparison = LabComparison::compare(*plan, *run, rec);
    out->compared = true;
    return out;
}

// Pixels in a horizontal band of an image that are not the background colour.
int inkIn(const QImage &img, int y0, int y1)
{
    const QRgb bg = img.pixel(img.width() - 2, img.height() - 2);
    int n = 0;
    for (int y = std::max(0, y0); y < std::min(img.height(), y1); ++y)
        for (int x = img.width() / 4; x < img.width() - 4; x += 3)
            n += img.pixel(x, y) != bg ? 1 : 0;
    return n;
}

} // namespace

class TestLabWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initResources(); }

    void showsPairsAndDifferences()
    {
        LabWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setRunning(QStringLiteral("lock-wait-kill"));
        w.appendProgress(QStringLiteral("Connecting…"));
        w.setOutcome(outcomeFor(QStringLiteral("lock-wait-kill"), true));

        // Every session: its simulated lane, then its real lane.
        QCOMPARE(w.pairs().size(), 3);
        for (const LabTimeline::Pair &p : w.pairs()) {
            QCOMPARE(p.simLanes.size(), 1);
            QCOMPARE(p.realLanes.size(), 1);
            QVERIFY(p.realLanes.constFirst() > p.simLanes.constFirst());
            QCOMPARE(w.timeline().lane(p.simLanes.constFirst()).metadata.value(QStringLiteral("labSide")).toString(),
                     QStringLiteral("sim"));
            QCOMPARE(w.timeline().lane(p.realLanes.constFirst()).metadata.value(QStringLiteral("labSide")).toString(),
                     QStringLiteral("real"));
        }

        // The differences: B's changed line (text) and the kill without its effect (outcome).
        QAbstractItemModelTester tester(w.differences(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(w.differences()->rowCount(), 1);
        const QModelIndex group = w.differences()->index(0, 0);
        QCOMPARE(group.data(LabDiffModel::SessionRole).toString(), QStringLiteral("B"));
        QCOMPARE(w.differences()->rowCount(group), 2);

        // A click on a difference: the playhead goes to its moment, its session is selected.
        QTreeView *tree = w.differencesView();
        const QModelIndex first = w.differences()->index(0, LabDiffModel::TimeColumn, group);
        tree->scrollTo(first);
        const QRect r = tree->visualRect(first);
        QVERIFY(r.isValid());
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, r.center());
        const qint64 t = first.data(LabDiffModel::TimeRole).toLongLong();
        QCOMPARE(w.viewport()->playhead(), t);
        QVERIFY(w.viewport()->hasSelectedSession());
        const LabTimeline::Pair &b = w.pairs().at(1);
        QCOMPARE(w.viewport()->selectedSession(), w.timeline().lane(b.realLanes.constFirst()).sessionId);
        QVERIFY(t >= w.viewport()->visibleStart() && t <= w.viewport()->visibleEnd());

        // Both sides are painted: ink in the simulated and in the real row of every session.
        SwimlaneView *view = w.swimlaneView();
        const QImage img = view->renderToImage(QSize(1200, view->fullHeight()));
        for (const LabTimeline::Pair &p : w.pairs()) {
            for (int lane : {p.simLanes.constFirst(), p.realLanes.constFirst()}) {
                const int y = view->laneCenterY(lane);
                QVERIFY2(y >= 0, qPrintable(w.timeline().lane(lane).label));
                QVERIFY2(inkIn(img, y - 3, y + 3) > 20, qPrintable(w.timeline().lane(lane).label));
            }
        }
    }

    void timingChecksCanBeShown()
    {
        LabWindow w;
        w.setOutcome(outcomeFor(QStringLiteral("lock-wait-kill"), false));
        QCOMPARE(w.differences()->rowCount(), 0); // nothing counts
        auto *box = w.findChild<QCheckBox *>(QStringLiteral("labShowTimingOk"));
        QVERIFY(box);
        box->setChecked(true);
        QVERIFY(w.differences()->rowCount() >= 3);
    }

    void followsTheLanguage()
    {
        LabWindow w;
        w.setOutcome(outcomeFor(QStringLiteral("lock-wait-kill"), true));
        auto *tabs = w.findChild<QTabWidget *>();
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Differences"));
        QVERIFY(switchLanguage(QStringLiteral("zh_CN")));
        QCoreApplication::processEvents();
        QVERIFY(tabs->tabText(0) != QStringLiteral("Differences"));
        // The lanes say which side they are in the new language too.
        bool chinese = false;
        for (int i = 0; i < w.timeline().laneCount(); ++i)
            chinese = chinese || w.timeline().lane(i).label.contains(QStringLiteral("模拟"));
        QVERIFY(chinese);
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QCoreApplication::processEvents();
        QCOMPARE(tabs->tabText(0), QStringLiteral("Differences"));
    }

    void scenarioMenuOfTheMainWindow()
    {
        MainWindow window;
        LabController lab(&window);
        QMenu *menu = window.findChild<QMenu *>(QStringLiteral("scenarioMenu"));
        QVERIFY(menu);
        QVERIFY(menu->actions().contains(lab.runAction()));
        QVERIFY(!lab.isRunning());
        // Between File and View.
        const QList<QAction *> top = window.menuBar()->actions();
        const auto at = top.indexOf(menu->menuAction());
        QVERIFY(at > 0);
        QCOMPARE(top.at(at - 1), window.fileMenu()->menuAction());
        QCOMPARE(top.at(at + 1), window.viewMenu()->menuAction());
    }
};

QTEST_MAIN(TestLabWindow)
#include "tst_labwindow.moc"
