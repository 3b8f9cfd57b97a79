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
        QHash<QString, QString> labels;
        QList<QPair<qint64, qint64>> rows; // (time µs, rows still to undo)
        qint64 startUs = 0;
        qint64 endUs = 0;
    };
    QList<Rollback> rollbacks; // label: the lane's; labels: per language (LaneInfo::labels)

    struct Latency
    {
        QString label;        // the statement, e.g. "KILL QUERY 12"
        qint64 latencyUs = 0; // requested → ended, or → upTo while still going on; 0 if refused
        bool finished = false;
        bool refused = false; // the server said no (serverError): it never reached a thread
        int serverError = 0;
    };
    QList<Latency> latencies;

    bool isEmpty() const { return timesUs.isEmpty() && rollbacks.isEmpty() && latencies.isEmpty(); }
};

// A round axis over [lo, hi]: min and max on multiples of a 1-2-5 interval, at most maxTicks
// intervals, and the decimals its labels need (5.3, 10.6, 15.8 become 0, 5, 10, 15, 20).
struct NiceAxis
{
    double min = 0;
    double max = 1;
    double interval = 1;
    int decimals = 0;
};
NiceAxis niceAxis(double lo, double hi, int maxTicks = 6, double minInterval = 0);

// Samples [t0, t1] at `samples` points; t1 < t0 means the whole timeline. Client rows and Gone
// segments are not counted as sessions. Latency of unfinished kills runs up to `upToUs`.
ChartData computeChartData(const Timeline &timeline, const QList<KillRecord> &kills,
                           int samples = 240, qint64 t0 = 0, qint64 t1 = -1, qint64 upToUs = -1);

} // namespace ks
