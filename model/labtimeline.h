#pragma once

#include "labcomparison.h"
#include "labrecording.h"
#include "timeline.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

namespace ks {

namespace sim {
class RunResult;
}

// The side-by-side lanes of a lab run: for every session its simulated lanes (thread and client,
// as the simulation source draws them) and right below them its real lanes (as live mode draws a
// sampled processlist), all on the scenario's one time axis. Kill arrows on both sides; every
// difference that counts is a pin on the real lane of its session.
//
// Invariants: pure (no SQL); lane labels say which side a lane is ("A · simulation",
// "A · server"); LaneInfo::metadata carries "labSide" ("sim" / "real") and "labSession".
class LabTimeline
{
    Q_DECLARE_TR_FUNCTIONS(LabTimeline)
public:
    struct Pair
    {
        QString session;
        QList<int> simLanes;  // thread lanes (their client rows follow them)
        QList<int> realLanes;
    };

    static QList<Pair> build(const sim::RunResult &simulation, const LabRecording &recording,
                             const LabComparison &comparison, Timeline &out);
};

} // namespace ks
