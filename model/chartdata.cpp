#include "chartdata.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace ks {

NiceAxis niceAxis(double lo, double hi, int maxTicks, double minInterval)
{
    NiceAxis a;
    if (!(hi > lo))
        hi = lo + std::max(minInterval, 1e-9);
    maxTicks = std::max(maxTicks, 1);
    const double raw = std::max((hi - lo) / maxTicks, minInterval);
    const double decade = std::pow(10.0, std::floor(std::log10(raw)));
    double interval = decade * 10;
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        if (decade * m >= raw * (1 - 1e-9)) {
            interval = decade * m;
            break;
        }
    }
    a.interval = std::max(interval, minInterval);
    a.min = std::floor(lo / a.interval + 1e-9) * a.interval;
    a.max = std::ceil(hi / a.interval - 1e-9) * a.interval;
    if (a.max <= a.min)
        a.max = a.min + a.interval;
    a.decimals = std::max(0, int(std::ceil(-std::log10(a.interval) - 1e-9)));
    return a;
}

ChartData computeChartData(const Timeline &timeline, const QList<KillRecord> &kills, int samples,
                           qint64 t0, qint64 t1, qint64 upToUs)
{
    ChartData out;
    if (t1 < t0) {
        t0 = timeline.beginTime();
        t1 = timeline.endTime();
    }
    samples = std::max(samples, 2);

    if (!timeline.isEmpty() && t1 > t0) {
        std::array<QList<int>, SegmentStateCount> counts;
        for (auto &c : counts)
            c.fill(0, samples);
        for (int i = 0; i < samples; ++i)
            out.timesUs << t0 + (t1 - t0) * i / (samples - 1);
        for (int lane = 0; lane < timeline.laneCount(); ++lane) {
            if (timeline.lane(lane).kind != LaneKind::Thread)
                continue;
            const auto starts = timeline.starts(lane);
            const auto ends = timeline.ends(lane);
            const auto states = timeline.states(lane);
            // Samples and segments are both sorted: one merge walk per lane.
            size_t seg = 0;
            for (int i = 0; i < samples; ++i) {
                const qint64 t = out.timesUs[i];
                while (seg < ends.size() && ends[seg] <= t)
                    ++seg;
                if (seg == starts.size())
                    break;
                if (starts[seg] > t)
                    continue;
                const auto state = SegmentState(states[seg]);
                if (state == SegmentState::Gone || isClientState(state))
                    continue;
                ++counts[size_t(state)][i];
            }
        }
        for (int s = 0; s < SegmentStateCount; ++s) {
            if (std::any_of(counts[s].cbegin(), counts[s].cend(), [](int c) { return c > 0; })) {
                out.states << SegmentState(s);
                out.counts << counts[s];
            }
        }

        // One rollback per run of RollingBack segments on a lane, plotted from the same points
        // the lane draws its wedge from (Timeline::rollbackPoints), so both bend together.
        for (int lane = 0; lane < timeline.laneCount(); ++lane) {
            const LaneInfo &info = timeline.lane(lane);
            if (info.kind != LaneKind::Thread)
                continue;
            const int n = timeline.segmentCount(lane);
            for (int i = 0; i < n; ++i) {
                const Timeline::RollbackRun run = timeline.rollbackRunAt(lane, i);
                if (run.first < 0)
                    continue;
                ChartData::Rollback rb;
                rb.sessionId = info.sessionId;
                rb.label = info.label.isEmpty() ? QString::number(info.sessionId) : info.label;
                rb.labels = info.labels;
                rb.startUs = timeline.starts(lane)[size_t(run.first)];
                rb.endUs = timeline.ends(lane)[size_t(run.last)];
                for (const auto &[t, rows] : timeline.rollbackPoints(lane, run))
                    rb.rows << qMakePair(t, rows);
                out.rollbacks << rb;
                i = run.last;
            }
        }
    }

    // Every kill gets its entry, refused ones too: a kill that did nothing is worth seeing.
    for (const KillRecord &k : kills) {
        if (k.requestedUs < 0)
            continue;
        ChartData::Latency l;
        l.label = k.statement.isEmpty() ? killStatement(k.request) : k.statement;
        if (k.phase == KillPhase::Refused) {
            l.refused = true;
            l.finished = true;
            l.serverError = k.serverError;
        } else if (k.endedUs >= 0) {
            l.latencyUs = k.endedUs - k.requestedUs;
            l.finished = true;
        } else {
            const qint64 upTo = upToUs >= 0 ? upToUs : timeline.endTime();
            l.latencyUs = std::max<qint64>(0, upTo - k.requestedUs);
        }
        out.latencies << l;
    }
    return out;
}

} // namespace ks
