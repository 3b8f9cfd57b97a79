// How long the simulation source takes, on top of the engine, for a big generated workload:
// converting a run into the Timeline, the processlist at a time, the kills at a time, and the
// chart data. Run in a Release build (see CMakeLists.txt); prints medians.

#include "chartdata.h"
#include "killsmodel.h"
#include "processlistmodel.h"
#include "simulationsource.h"
#include "timeline.h"
#include "workload.h"

#include <QElapsedTimer>
#include <QtTest>

#include <algorithm>

using namespace ks;

namespace {

double medianMs(QList<qint64> ns)
{
    std::sort(ns.begin(), ns.end());
    return double(ns[ns.size() / 2]) / 1e6;
}

} // namespace

class BenchSimulationSource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void generatedWorkload_data()
    {
        QTest::addColumn<int>("sessions");
        QTest::addColumn<int>("kills");
        QTest::newRow("1k sessions") << 1'000 << 100;
        QTest::newRow("10k sessions") << 10'000 << 1'000;
    }
    void generatedWorkload()
    {
        QFETCH(int, sessions);
        QFETCH(int, kills);
        sim::WorkloadParams params;
        params.sessions = sessions;
        params.kills = kills;
        params.duration = 60 * sim::kSecond;
        const sim::Scenario scenario = sim::makeWorkload(params);

        SimulationSource source;
        qint64 engineUs = 0;
        connect(&source, &SimulationSource::runFinished, this, [&engineUs](qint64 us) { engineUs = us; });
        QElapsedTimer clock;
        clock.start();
        QVERIFY(source.loadScenario(scenario));
        source.waitForRun();
        const qint64 firstRunNs = clock.nsecsElapsed();
        QVERIFY(source.hasRun());
        const Timeline &t = source.timeline();

        QList<qint64> processlist, killsAt, model;
        ProcesslistModel pm;
        KillsModel km;
        for (int i = 1; i <= 20; ++i) {
            const qint64 at = source.endTime() * i / 21;
            clock.restart();
            const QList<ProcesslistRow> rows = source.processlistAt(at);
            processlist << clock.nsecsElapsed();
            clock.restart();
            pm.setRows(rows);
            model << clock.nsecsElapsed();
            clock.restart();
            km.setKills(source.killsAt(at));
            killsAt << clock.nsecsElapsed();
        }
        clock.restart();
        const ChartData charts = computeChartData(t, source.kills());
        const qint64 chartsNs = clock.nsecsElapsed();

        // A kill injected at the playhead: the full re-run a user waits for.
        KillRequest r;
        r.target.id = pm.rows().value(0).id;
        r.atUs = source.endTime() / 2;
        clock.restart();
        source.kill(r);
        source.waitForRun();
        const qint64 rerunNs = clock.nsecsElapsed();

        qInfo("%d sessions, %d lanes, %lld segments, %d signals", sessions, t.laneCount(),
              t.totalSegmentCount(), int(t.signalList().size()));
        qInfo("load + run + timeline: %.1f ms; re-run after a kill: %.1f ms, of which the "
              "engine %.1f ms",
              double(firstRunNs) / 1e6, double(rerunNs) / 1e6, double(engineUs) / 1e3);
        qInfo("processlistAt: %.2f ms median (%d rows); model update %.2f ms; killsAt + model "
              "%.2f ms; chart data %.1f ms",
              medianMs(processlist), int(pm.rowCount()), medianMs(model), medianMs(killsAt),
              double(chartsNs) / 1e6);
        QVERIFY(!charts.timesUs.isEmpty());
    }
};

QTEST_GUILESS_MAIN(BenchSimulationSource)
#include "bench_simulationsource.moc"
