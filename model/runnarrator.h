#pragma once

#include "narrationmodel.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ks {

namespace sim {
class RunResult;
struct Scenario;
} // namespace sim

// What the narration of a touched run is generated from: the kills it tells about and the
// what-if changes with their effect. Computed with the run (possibly on the worker thread).
struct NarrationPlan
{
    // Kill indices (sim::RunResult::kills): every kill the user injected, and the scenario's own
    // kills from the first change on whose authored steps no longer hold.
    QList<int> kills;
    struct Change
    {
        enum class Reason : quint8
        {
            Changed,       // the rest of the run differs
            CpuBound,      // I/O pressure: the work then reads no pages from disk
            RollbackCpu,   // I/O pressure: the rollback then reads no pages from disk
            NoDiskWork,    // I/O pressure: nothing reads from disk afterwards
            NoQueueWaiter, // InnoDB seats: nobody waits for a seat afterwards
            NothingDepends,
        };
        struct Difference
        {
            enum class Kind : quint8
            {
                RollbackEnd,
                KillEnd,
                ThreadGone,
                RunEnd
            };
            Kind kind = Kind::RunEnd;
            int lane = -1;        // sim lane
            qint64 beforeUs = -1; // without the change; -1 = not within the run
            qint64 afterUs = -1;
        };
        qint64 atUs = 0;
        QString knob;
        double value = 0;
        Reason reason = Reason::Changed;
        QList<Difference> differences; // a few, earliest first
    };
    QList<Change> changes;
};

// Narration generated from the events of one run: for each kill in the plan, what was sent and
// what the killer got, when and where the victim noticed, what it still had to undo and for how
// long, what its client saw and when, and who else could go on; for each what-if change, what
// was set and what it did to the rest of the run, or why it did nothing. Per flavor, because it
// is made of what that flavor's run did; in the current language (tr()).
//
// Invariant: every error code, processlist state and event a step names is one this run has.
class RunNarrator
{
    Q_DECLARE_TR_FUNCTIONS(ks::RunNarrator)
public:
    // The steps, sorted by time; session names come from the scenario.
    static QList<NarrationStep> steps(const sim::RunResult &run, const sim::Scenario &scenario,
                                      const NarrationPlan &plan);

    // How a change affected the run: `with` and `without` differ only by the change at atUs.
    static NarrationPlan::Change compare(const sim::RunResult &with, const sim::RunResult &without,
                                         qint64 atUs, const QString &knob, double value);
    // The kills to tell about: injected ones, and the scenario's own ones issued from
    // `firstChangeUs` on that no authored step of `run` is anchored to.
    static QList<int> killsToTell(const sim::RunResult &run, qint64 firstChangeUs);
};

} // namespace ks
