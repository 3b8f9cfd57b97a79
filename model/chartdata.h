#pragma once

#include "sessionsource.h"
#include "timeline.h"

#include <QList>
#include <QString>

namespace ks {

// What the summary charts draw, computed from a Timeline and its kills. Plain data, so the
// charts panel does not know which source produced it.
struct ChartData
{
    // Sessions by state over time: counts[s][i] threads in states[s] at timesUs[i].
    QList<qint64> timesUs;
    QList<SegmentState> states; // only states that occur, in legend order
    QList<QList<int>> counts;

    struct Rollback
    {
        qint64 sessionId = 0;
        QString label;
        QList<QPair<qint64, qint64>> rows; // (time µs, rows still to undo)
        qint64 startUs = 0;
        qint64 endUs = 0;
    };
    QList<Rollback> rollbacks;

    struct Latency
    {
        QString label;        // the statement, e.g. "KILL QUERY 12"
        qint64 latencyUs = 0; // requested → ended, or → upTo while still going on
        bool finished = false;
    };
    QList<Latency> latencies;

    bool isEmpty() const { return timesUs.isEmpty() && rollbacks.isEmpty() && latencies.isEmpty(); }
};

// Samples [t0, t1] at `samples` points; t1 < t0 means the whole timeline. Client rows and Gone
// segments are not counted as sessions. Latency of unfinished kills runs up to `upToUs`.
ChartData computeChartData(const Timeline &timeline, const QList<KillRecord> &kills,
                           int samples = 240, qint64 t0 = 0, qint64 t1 = -1, qint64 upToUs = -1);

} // namespace ks
