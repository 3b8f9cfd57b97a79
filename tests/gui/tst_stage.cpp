// The stage: charts that agree with the lanes, playback that always moves, server-wide changes
// on the axis and labels shortened by meaning. Real scenarios through the real window.

#include "chartdata.h"
#include "chartspanel.h"
#include "language.h"
#include "mainwindow.h"
#include "playbackcontroller.h"
#include "resources.h"
#include "shorttext.h"
#include "simulationsource.h"
#include "swimlaneview.h"
#include "timeline.h"
#include "timelineviewport.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QValueAxis>
#include <QtTest>

using namespace ks;

namespace {

QValueAxis *valueAxis(QChart *chart, Qt::Orientation o)
{
    const auto axes = chart->axes(o);
    for (QAbstractAxis *a : axes)
        if (auto *v = qobject_cast<QValueAxis *>(a))
            return v;
    return nullptr;
}

void loadBuiltin(MainWindow &w, const QString &id, const QString &flavor)
{
    QVERIFY(w.openScenario(id, flavor));
    w.simulation()->waitForRun();
    QCoreApplication::processEvents();
}

} // namespace

class TestStage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        initResources();
        QCoreApplication::setOrganizationName(QStringLiteral("KillScopeTests"));
        QVERIFY(switchLanguage(QStringLiteral("en")));
    }

    // io-pressure-rollback on MySQL 8.0: the backup ends at 12 s and the rollback speeds up. The
    // chart plots the lane's own points, so it bends at 12 s too; axes are round and named.
    void rollbackChartBendsWithTheLane()
    {
        SimulationSource s;
        QVERIFY(s.loadBuiltin(QStringLiteral("io-pressure-rollback"), QStringLiteral("mysql-8.0")));
        s.waitForRun();
        const Timeline &t = s.timeline();
        ChartsPanel panel;
        panel.resize(1200, 300);
        panel.setData(computeChartData(t, s.kills(), 240, 0, s.endTime(), s.endTime()));
        QChart *chart = panel.rollbackView()->chart();
        QLineSeries *curve = nullptr;
        for (QAbstractSeries *series : chart->series()) {
            auto *line = qobject_cast<QLineSeries *>(series);
            if (line && line->count() > 2)
                curve = line;
        }
        QVERIFY(curve);
        const int lane = t.findLane(11);
        const auto points =
            t.rollbackPoints(lane, t.rollbackRunAt(lane, t.segmentAt(lane, 5'000'000)));
        QCOMPARE(curve->count(), int(points.size()));
        for (int i = 0; i < curve->count(); ++i) {
            QCOMPARE(curve->at(i).x(), double(points[size_t(i)].first) / 1e6);
            QCOMPARE(curve->at(i).y(), double(points[size_t(i)].second));
        }
        QCOMPARE(curve->at(1).x(), 12.0); // the bend
        QCOMPARE(curve->at(0).y(), 499'567.0);

        QValueAxis *x = valueAxis(chart, Qt::Horizontal);
        QValueAxis *y = valueAxis(chart, Qt::Vertical);
        QVERIFY(x && y);
        QCOMPARE(x->tickType(), QValueAxis::TicksDynamic);
        QCOMPARE(x->tickAnchor(), 0.0);
        QCOMPARE(x->tickInterval(), 5.0);
        QCOMPARE(x->min(), 0.0);
        QVERIFY(x->titleText().contains(QStringLiteral("s")));
        QCOMPARE(y->tickInterval(), 100'000.0);
        QCOMPARE(y->max(), 500'000.0);
        QCOMPARE(y->labelFormat(), QStringLiteral("%.0f"));
        QVERIFY(!y->titleText().isEmpty());
        // Thousands separators come from the chart's locale.
        QVERIFY(chart->localizeNumbers());
        QCOMPARE(chart->locale().toString(624576), QStringLiteral("624,576"));
    }

    void everyKillHasAVisibleBar()
    {
        ChartData d;
        d.latencies << ChartData::Latency{QStringLiteral("KILL CONNECTION 11"), 16'600'000, true}
                    << ChartData::Latency{QStringLiteral("KILL QUERY 12"), 0, true}
                    << ChartData::Latency{QStringLiteral("KILL 20"), 0, true, true, 1095}
                    << ChartData::Latency{QStringLiteral("KILL QUERY 13"), 400'000, false};
        ChartsPanel panel;
        panel.setData(d);
        QChart *chart = panel.latencyView()->chart();
        auto *series = qobject_cast<QHorizontalBarSeries *>(chart->series().value(0));
        QVERIFY(series);
        QBarSet *set = series->barSets().value(0);
        QCOMPARE(set->count(), 4);
        QValueAxis *x = valueAxis(chart, Qt::Horizontal);
        QVERIFY(x);
        for (int i = 0; i < set->count(); ++i)
            QVERIFY2(set->at(i) >= x->max() / 200, qPrintable(QString::number(set->at(i))));
        QCOMPARE(set->at(0), 16.6);
        auto *categories = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Vertical).value(0));
        QVERIFY(categories);
        const QStringList labels = categories->categories();
        QCOMPARE(labels.size(), 4);
        QVERIFY2(labels[0].startsWith(QStringLiteral("KILL 11")), qPrintable(labels[0]));
        QVERIFY(labels[0].contains(QStringLiteral("16.6 s")));
        QVERIFY(labels[1].contains(QStringLiteral("0 µs")));
        QVERIFY(labels[2].contains(QStringLiteral("1095")));
        QVERIFY(labels[3].contains(QStringLiteral("still going")));
        QCOMPARE(x->tickType(), QValueAxis::TicksDynamic);
        QCOMPARE(x->tickInterval(), 10.0);
    }

    void shortForms_data()
    {
        QTest::addColumn<qlonglong>("n");
        QTest::addColumn<bool>("chinese");
        QTest::addColumn<QString>("text");
        QTest::newRow("small") << 999LL << false << QStringLiteral("999");
        QTest::newRow("thousands") << 1234LL << false << QStringLiteral("1.2k");
        QTest::newRow("round k") << 2000LL << false << QStringLiteral("2k");
        QTest::newRow("rollback") << 390'123LL << false << QStringLiteral("390k");
        QTest::newRow("rounds up") << 832'901LL << false << QStringLiteral("833k");
        QTest::newRow("millions") << 1'234'567LL << false << QStringLiteral("1.2M");
        QTest::newRow("zh small") << 9999LL << true << QStringLiteral("9,999");
        QTest::newRow("zh wan") << 832'901LL << true << QStringLiteral("83.3万");
        QTest::newRow("zh yi") << 250'000'000LL << true << QStringLiteral("2.5亿");
    }
    void shortForms()
    {
        QFETCH(qlonglong, n);
        QFETCH(bool, chinese);
        QFETCH(QString, text);
        QCOMPARE(shorttext::abbreviateCount(n, QLocale(QLocale::English), chinese), text);
    }

    void killLabelsShortenByMeaning()
    {
        QCOMPARE(shorttext::killLabelForms(QStringLiteral("KILL CONNECTION 11")),
                 (QStringList{QStringLiteral("KILL CONNECTION 11"), QStringLiteral("KILL 11")}));
        QCOMPARE(shorttext::killLabelForms(QStringLiteral("KILL QUERY 12")),
                 QStringList{QStringLiteral("KILL QUERY 12")});
        QCOMPARE(shorttext::killLabelForms(QStringLiteral("KILL 20 → ERROR 1095")).last(),
                 QStringLiteral("KILL 20"));
        QCOMPARE(shorttext::killLabelForms(QStringLiteral("Ctrl+C → KILL QUERY 13")).last(),
                 QStringLiteral("Ctrl+C"));
    }

    // A narrow rollback bar says "↺ 181k", not "↺ und…"; the full count is in the first form.
    void barTextsShortenByMeaning()
    {
        SimulationSource s;
        QVERIFY(s.loadBuiltin(QStringLiteral("io-pressure-rollback"), QStringLiteral("mysql-8.0")));
        s.waitForRun();
        SwimlaneView view;
        view.setTimeline(&s.timeline());
        const int lane = s.timeline().findLane(11);
        const QStringList forms =
            view.renderer().segmentTexts(lane, s.timeline().segmentAt(lane, 14'000'000));
        QCOMPARE(forms.first(), QStringLiteral("↺ undo 181,386 rows"));
        QVERIFY(forms.contains(QStringLiteral("↺ 181k")));
        QCOMPARE(forms.last(), QStringLiteral("↺"));
    }

    // SET GLOBAL and what-if knobs appear as labelled markers on the axis, with the whole text
    // in the tooltip.
    void serverWideChangesOnTheAxis()
    {
        MainWindow w;
        w.resize(1600, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        loadBuiltin(w, QStringLiteral("io-pressure-rollback"), QStringLiteral("mysql-8.0"));
        SwimlaneView *view = w.swimlaneView();
        QVERIFY(view->renderer().hasGlobalMarkers());
        QVERIFY(view->renderer().axisHeight() > view->renderer().axisTicksHeight());
        w.viewport()->zoomToFit();
        // Grow mode draws only what happened up to the playhead: before 12 s, no marker yet.
        w.playback()->setPosition(11'000'000);
        const int x = int(view->timeToViewportX(12'000'000));
        QCOMPARE(view->hitTest(QPoint(x + 10, view->renderer().axisTicksHeight() + 4)).marker, -1);
        w.playback()->setPosition(14'000'000);
        const int y = view->renderer().axisTicksHeight() + 4;
        const SwimlaneView::Hit hit = view->hitTest(QPoint(x + 10, y));
        QVERIFY(hit.marker >= 0);
        const TimelineMarker &m = w.simulation()->timeline().markerList()[size_t(hit.marker)];
        QCOMPARE(m.kind, MarkerKind::GlobalAction);
        QCOMPARE(m.time, 12'000'000);
        // A knob changed from the What-if panel is a marker too, after the re-run.
        w.simulation()->applyKnobs(5'000'000, -1, 4.0);
        w.simulation()->waitForRun();
        int global = 0;
        for (const TimelineMarker &g : w.simulation()->timeline().markerList())
            global += g.kind == MarkerKind::GlobalAction;
        QVERIFY(global >= 2);
    }

    // Home and End bring the playhead into view, End works, → never lands on the same time
    // twice: synthetic key presses on the real window.
    void playbackKeysAlwaysMove()
    {
        MainWindow w;
        w.resize(1400, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        loadBuiltin(w, QStringLiteral("io-pressure-rollback"), QStringLiteral("mysql-8.0"));
        PlaybackController *p = w.playback();
        TimelineViewport *vp = w.viewport();
        const qint64 end = p->end();
        vp->setVisibleRange(8'000'000, 10'000'000); // zoomed in, away from both ends
        QTest::keyClick(&w, Qt::Key_End);
        QTRY_COMPARE(p->position(), end);
        QTRY_VERIFY(vp->isInView(end));
        QTest::keyClick(&w, Qt::Key_Home);
        QTRY_COMPARE(p->position(), 0);
        QTRY_VERIFY(vp->isInView(0));
        QVERIFY(vp->visibleStart() >= vp->minimumStart(vp->visibleSpan()));
        QCOMPARE(vp->visibleSpan(), 2'000'000);
        // → through the run: strictly increasing, distinct at the display's milliseconds.
        QSet<QString> shown;
        qint64 last = -1;
        for (int i = 0; i < 8 && p->position() < end; ++i) {
            QSignalSpy jumped(p, &PlaybackController::jumped);
            QTest::keyClick(&w, Qt::Key_Right);
            QCOMPARE(jumped.count(), 1);
            const qint64 target = jumped.at(0).at(0).toLongLong();
            QTRY_COMPARE(p->position(), target);
            QVERIFY(target > last);
            const QString text = QString::number(double(target) / 1e6, 'f', 3);
            QVERIFY2(!shown.contains(text), qPrintable(text));
            shown.insert(text);
            QTRY_VERIFY(vp->isInView(target));
            last = target;
        }
        // Replay from the end: the axis never shows time before 0.
        QTest::keyClick(&w, Qt::Key_End);
        QTRY_COMPARE(p->position(), end);
        p->setSpeed(PlaybackController::MaxSpeed);
        QTest::keyClick(&w, Qt::Key_Space);
        QTRY_VERIFY(p->position() < end);
        QTRY_VERIFY(p->position() > 500'000);
        QVERIFY(vp->visibleStart() >= vp->minimumStart(vp->visibleSpan()));
        QVERIFY(vp->visibleStart() > -vp->visibleSpan() / 20);
        QTest::keyClick(&w, Qt::Key_Space);
    }

    // Screenshots for humans: KS_SHOT_DIR=/tmp/shots ./tst_stage screenshots
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("KS_SHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set KS_SHOT_DIR to write screenshots");
        for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            QVERIFY(switchLanguage(lang));
            SimulationSource s;
            QVERIFY(
                s.loadBuiltin(QStringLiteral("io-pressure-rollback"), QStringLiteral("mysql-8.0")));
            s.waitForRun();
            ChartsPanel panel;
            panel.resize(1500, 320);
            panel.setData(
                computeChartData(s.timeline(), s.kills(), 240, 0, s.endTime(), s.endTime()));
            panel.setPlayhead(14'000'000);
            panel.show();
            QVERIFY(QTest::qWaitForWindowExposed(&panel));
            panel.grab().save(dir + QStringLiteral("/charts-%1.png").arg(lang));
        }
        QVERIFY(switchLanguage(QStringLiteral("en")));
    }
};

QTEST_MAIN(TestStage)
#include "tst_stage.moc"
