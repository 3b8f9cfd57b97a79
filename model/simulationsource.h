#pragma once

#include "narrationmodel.h"
#include "runnarrator.h"
#include "sessionsource.h"
#include "timeline.h"
#include "whatifknob.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <memory>
#include <optional>

namespace ks {

struct ScenarioText;

namespace sim {
class RunResult;
struct Scenario;
enum class Flavor : uint8_t;
} // namespace sim

// The embedded simulation as a SessionSource: a scenario (built-in or a file), a flavor, the
// kills and knob changes the user injected, and the run they produce.
//
// Invariants:
// - The scenario as loaded is never changed; injected kills and knob changes are kept apart and
//   appended as timed actions to a copy for every run, so a flavor change replays them.
// - A run that may take longer than a few ms happens on a worker thread. A newer request
//   supersedes an older one: only the latest run's result is swapped in, on the GUI thread, and
//   timeline(), processlistAt(), kills() always describe one and the same run.
// - Nothing is shown before the first run finished: timeline() is empty and hasRun() false.
class SimulationSource : public SessionSource
{
    Q_OBJECT
public:
    struct ScenarioEntry
    {
        QString id;
        QString titleEn;
        QString titleZh;
        QString summaryEn;
        QString summaryZh;
    };

    explicit SimulationSource(QObject *parent = nullptr);
    ~SimulationSource() override;

    // Built-in scenarios (":/scenarios/<id>.json"), sorted by id.
    static QList<ScenarioEntry> builtinScenarios();
    static QString defaultScenarioId() { return QStringLiteral("concurrency-queue"); }

    // Loads and starts the first run; on failure emits problem() and returns false (the previous
    // scenario stays). An empty flavor means the scenario's default flavor.
    bool loadBuiltin(const QString &id, const QString &flavor = {});
    bool loadFile(const QString &path, const QString &flavor = {});
    bool loadJson(const QByteArray &json, const QString &fileName, const QString &flavor = {});
    // A scenario built in code (generated workloads, benchmarks); assumed valid.
    bool loadScenario(const sim::Scenario &scenario, const QString &flavor = {});
    // Either a built-in id or a path.
    bool load(const QString &idOrPath, const QString &flavor = {});

    bool hasScenario() const { return m_scenario != nullptr; }
    QString scenarioId() const;
    QString scenarioTitle(const QString &language) const;
    QString scenarioSummary(const QString &language) const;
    QString scenarioPath() const { return m_path; } // empty for a built-in
    QStringList supportedFlavors() const;
    void setFlavor(const QString &flavorId);

    // What-if knobs (whatifknob.h) in effect at t: the scenario's value and every change up to t.
    double knobValueAt(const QString &knob, qint64 timeUs) const;
    int concurrencyAt(qint64 timeUs) const;
    double ioPressureAt(qint64 timeUs) const;
    // Changes a What-if knob from `atUs` on and re-runs; the run before atUs stays the same. A
    // value equal to the one in effect is no change (true, nothing added). False with a message
    // naming what was wrong (unknown knob, value out of range, no such variable on the flavor).
    bool applyKnob(qint64 atUs, const QString &knob, double value, QString *error = nullptr);
    // The knobs panel's Apply: both knobs at once, one re-run.
    void applyKnobs(qint64 atUs, int innodbThreadConcurrency, double ioPressure);
    // Restarts the simulated server at `atUs` (kill -9, crash recovery, start) and re-runs: the
    // knob restart=1 (sim/knobs.h) through applyKnob.
    void restartServer(qint64 atUs);
    // The kill target for a scenario session's connection at t (the command line's SESSION).
    // id 0 with a message when there is no such session or it has no connection then.
    KillTarget targetForSession(const QString &session, qint64 atUs,
                                QString *error = nullptr) const;
    // Command-line changes (--kill-at, --set), in time order, through the same kill() and
    // applyKnob() a right-click and the knobs panel use; each kill's SESSION is resolved against
    // the run as it is up to that moment. Waits for the runs. False with a message naming the
    // change and what was wrong (unknown session, no connection then, unknown knob, bad value).
    bool applyScripted(QList<WhatIfChange> changes, QString *error = nullptr);
    // End of every run (--until); nullopt = the scenario's.
    void setUntil(std::optional<qint64> untilUs) { m_untilUs = untilUs; }
    // Forgets every injected kill and knob change.
    void resetInjections();
    int injectionCount() const { return int(m_injected.size()); }

    // --- the current run
    bool hasRun() const { return m_result != nullptr; }
    bool isRunning() const { return m_pending > 0; }
    // After a run slower than this, later runs go to the worker thread; 0 = always (tests).
    void setInlineRunLimit(qint64 us) { m_inlineLimitUs = us; }
    // Blocks until no run is in flight and its result is swapped in (tests, headless export).
    void waitForRun();
    // The current run hit the engine's event cap and ends early (problem() said so).
    bool runWasStopped() const;
    qint64 endTime() const;
    // The scenario's steps that hold in this run, and steps generated from its events for every
    // injected kill and what-if change (RunNarrator, in the current language).
    QList<NarrationStep> narration() const;
    // Times worth stepping to: statement starts and ends, kills, wake-ups, rollbacks, narration.
    QList<qint64> eventTimes() const;
    // Kills issued up to t, each in the phase it has at t.
    QList<KillRecord> killsAt(qint64 timeUs) const;
    // What each client's terminal shows up to t: one entry per session lane, "label" → lines.
    QList<QPair<QString, QStringList>> transcriptsAt(qint64 timeUs) const;
    // The whole run as Chrome Trace Event JSON. False with a message on failure.
    bool writeChromeTrace(const QString &path, QString *error = nullptr) const;
    const sim::RunResult *result() const { return m_result.get(); }

    // --- SessionSource
    Kind kind() const override { return Kind::Simulation; }
    QString flavorId() const override { return m_flavor; }
    bool canKill() const override { return hasScenario(); }
    bool supportsKillStrength() const override;
    void kill(const KillRequest &request) override;
    const Timeline &timeline() const override { return m_timeline; }
    QList<ProcesslistRow> processlistAt(qint64 timeUs) const override;
    QList<KillRecord> kills() const override;

Q_SIGNALS:
    // A new scenario was loaded (its first run may still be in flight).
    void scenarioLoaded(const QString &id);
    void runStarted();
    // A run's result was swapped in (changed() follows); wallUs is the engine's time.
    void runFinished(qint64 wallUs);

public:
    // What the user added to the scenario, replayed on every run.
    struct Injection
    {
        qint64 atUs = 0;
        bool isKill = true;
        KillRequest kill;
        QString knob; // knob change (whatifknob.h id) when !isKill
        double value = 0;
    };
    const QList<Injection> &injections() const { return m_injected; }

private:
    bool loadText(const ScenarioText *text, const QString &error, const QString &flavor);
    void startRun();
    // One run and the timeline made from it, built off the GUI thread when big.
    struct Built
    {
        std::shared_ptr<const sim::RunResult> result;
        Timeline timeline;
        QList<int> laneOfSimLane;
        NarrationPlan plan;
        qint64 engineUs = 0;
        qint64 wallUs = 0;
    };
    // The scenario with injections appended as actions (all, or all but `skip`).
    static std::shared_ptr<sim::Scenario>
    withInjections(const sim::Scenario &base, const QList<Injection> &injections, int skip = -1);
    static Built build(const sim::Scenario &base, const QList<Injection> &injections,
                       sim::Flavor flavor, std::optional<qint64> untilUs, quint64 revisionFloor,
                       quint64 laneFloor);
    void adopt(std::shared_ptr<Built> built, quint64 generation);
    QString why(const KillRecord &k, int victimLane, qint64 t) const;

    std::unique_ptr<sim::Scenario> m_scenario;
    QList<Injection> m_injected;
    QString m_path;
    QString m_flavor;
    std::shared_ptr<const sim::RunResult> m_result;
    NarrationPlan m_plan;
    QList<int> m_laneOfSimLane; // sim lane → timeline thread lane
    Timeline m_timeline;
    QThreadPool m_pool;
    static constexpr size_t BigScenarioSessions = 200;
    qint64 m_inlineLimitUs = 4000;
    qint64 m_lastWallUs = 0;
    std::optional<qint64> m_untilUs;
    quint64 m_generation = 0;
    int m_pending = 0;
};

} // namespace ks
