#include "timeline.h"

#include <algorithm>
#include <limits>

namespace ks {

qint64 SegmentExtra::rowsRemainingAt(qint64 start, qint64 end, qint64 t) const
{
    if (rowsAtStart < 0)
        return -1;
    if (rowsAtEnd < 0 || end <= start)
        return rowsAtStart;
    t = std::clamp(t, start, end);
    // Rollback speed is roughly constant per row, so a straight line is the honest estimate.
    const long double f = (long double)(t - start) / (long double)(end - start);
    return qint64(rowsAtStart + (rowsAtEnd - rowsAtStart) * f + 0.5L);
}

Timeline::Timeline()
{
    m_strings.emplace_back();
}

int Timeline::addLane(const LaneInfo &info)
{
    const int index = laneCount();
    LaneData d;
    d.info = info;
    m_lanes.push_back(std::move(d));
    if (info.partner >= 0 && info.partner < index)
        m_lanes[size_t(info.partner)].info.partner = index;
    (info.kind == LaneKind::Thread ? m_threadLaneOf : m_clientLaneOf).insert(info.sessionId, index);
    ++m_revision;
    ++m_laneRevision;
    return index;
}

int Timeline::addSession(qint64 sessionId, const QString &user, const QString &host,
                         bool withClient)
{
    LaneInfo t;
    t.kind = LaneKind::Thread;
    t.sessionId = sessionId;
    t.user = user;
    t.host = host;
    const int thread = addLane(t);
    if (withClient) {
        LaneInfo c = t;
        c.kind = LaneKind::Client;
        c.partner = thread;
        addLane(c);
    }
    return thread;
}

int Timeline::findLane(qint64 sessionId, LaneKind kind) const
{
    return (kind == LaneKind::Thread ? m_threadLaneOf : m_clientLaneOf).value(sessionId, -1);
}

void Timeline::setLaneLabel(int lane, const QString &label)
{
    m_lanes[size_t(lane)].info.label = label;
    ++m_revision;
}

void Timeline::setLaneLabel(int lane, const QString &language, const QString &label)
{
    m_lanes[size_t(lane)].info.labels.insert(language, label);
    ++m_revision;
}

void Timeline::setLaneStatement(int lane, const QString &statement)
{
    m_lanes[size_t(lane)].info.statement = statement;
    ++m_revision;
}

void Timeline::setLaneMetadata(int lane, const QVariantMap &metadata)
{
    m_lanes[size_t(lane)].info.metadata = metadata;
    ++m_revision;
}

void Timeline::setLaneClosed(int lane, bool closed)
{
    m_lanes[size_t(lane)].info.closed = closed;
    ++m_revision;
}

Segment Timeline::segment(int lane, int index) const
{
    Q_ASSERT(lane >= 0 && lane < laneCount());
    const LaneData &d = m_lanes[size_t(lane)];
    Q_ASSERT(index >= 0 && size_t(index) < d.start.size());
    const auto i = size_t(index);
    return Segment{d.start[i], d.end[i], SegmentState(d.state[i]), d.flags[i], d.detail[i]};
}

std::pair<int, int> Timeline::segmentsIn(int lane, qint64 t0, qint64 t1) const
{
    const LaneData &d = m_lanes[size_t(lane)];
    if (t1 <= t0)
        return {0, 0};
    // First segment ending after t0; first segment starting at or after t1.
    const auto first = std::upper_bound(d.end.begin(), d.end.end(), t0) - d.end.begin();
    const auto last =
        std::lower_bound(d.start.begin() + first, d.start.end(), t1) - d.start.begin();
    return {int(first), int(std::max(first, last))};
}

int Timeline::segmentAt(int lane, qint64 t) const
{
    const LaneData &d = m_lanes[size_t(lane)];
    const auto i = size_t(std::upper_bound(d.end.begin(), d.end.end(), t) - d.end.begin());
    if (i < d.start.size() && d.start[i] <= t)
        return int(i);
    return -1;
}

const SegmentExtra *Timeline::extra(int lane, int index) const
{
    const LaneData &d = m_lanes[size_t(lane)];
    if (d.extras.empty() || index < 0 || size_t(index) >= d.start.size())
        return nullptr;
    const qint64 key = d.start[size_t(index)];
    auto it = std::lower_bound(d.extras.begin(), d.extras.end(), key,
                               [](const ExtraEntry &e, qint64 k) { return e.start < k; });
    return it != d.extras.end() && it->start == key ? &it->extra : nullptr;
}

int Timeline::appendSegment(int lane, qint64 start, qint64 end, SegmentState state, quint8 flags,
                            quint32 detail)
{
    return append(lane, start, end, state, flags, detail, true);
}

int Timeline::append(int lane, qint64 start, qint64 end, SegmentState state, quint8 flags,
                     quint32 detail, bool mayMerge)
{
    Q_ASSERT(lane >= 0 && lane < laneCount());
    Q_ASSERT(detail < m_strings.size());
    LaneData &d = m_lanes[size_t(lane)];
    if (!d.end.empty())
        start = std::max(start, d.end.back());
    if (end <= start)
        return d.start.empty() ? -1 : int(d.start.size()) - 1;
    ++m_revision;
    touch(start, end);
    if (mayMerge && !d.end.empty() && d.end.back() == start && d.state.back() == quint8(state) &&
        d.flags.back() == flags && d.detail.back() == detail) {
        d.end.back() = end;
        return int(d.start.size()) - 1;
    }
    d.start.push_back(start);
    d.end.push_back(end);
    d.state.push_back(quint8(state));
    d.flags.push_back(flags);
    d.detail.push_back(detail);
    ++m_totalSegments;
    return int(d.start.size()) - 1;
}

int Timeline::appendSegment(int lane, qint64 start, qint64 end, SegmentState state, quint8 flags,
                            quint32 detail, const SegmentExtra &extra)
{
    const int last = segmentCount(lane) - 1;
    bool mayMerge = true;
    if (last >= 0) {
        const SegmentExtra *before = this->extra(lane, last);
        mayMerge = (before ? *before : SegmentExtra{}) == extra && extra.rowsAtStart < 0;
    }
    const int index = append(lane, start, end, state, flags, detail, mayMerge);
    if (index > last && !(extra == SegmentExtra{}))
        setSegmentExtra(lane, index, extra);
    return index;
}

Timeline::RollbackRun Timeline::rollbackRunAt(int lane, int index) const
{
    RollbackRun run;
    const LaneData &d = m_lanes[size_t(lane)];
    const int n = int(d.start.size());
    const auto rolling = [&](int i) {
        return SegmentState(d.state[size_t(i)]) == SegmentState::RollingBack;
    };
    if (index < 0 || index >= n || !rolling(index))
        return run;
    run.first = run.last = index;
    while (run.first > 0 && rolling(run.first - 1) &&
           d.end[size_t(run.first - 1)] == d.start[size_t(run.first)])
        --run.first;
    while (run.last + 1 < n && rolling(run.last + 1) &&
           d.start[size_t(run.last + 1)] == d.end[size_t(run.last)])
        ++run.last;
    for (int i = run.first; i <= run.last; ++i)
        if (const SegmentExtra *x = extra(lane, i); x && x->rowsAtStart >= 0)
            run.peakRows = std::max({run.peakRows, x->rowsAtStart, x->rowsAtEnd});
    return run;
}

std::vector<std::pair<qint64, qint64>> Timeline::rollbackPoints(int lane,
                                                                const RollbackRun &run) const
{
    std::vector<std::pair<qint64, qint64>> out;
    if (run.first < 0)
        return out;
    const LaneData &d = m_lanes[size_t(lane)];
    for (int i = run.first; i <= run.last; ++i) {
        const SegmentExtra *x = extra(lane, i);
        if (!x || x->rowsAtStart < 0)
            continue;
        const qint64 s = d.start[size_t(i)];
        const qint64 e = d.end[size_t(i)];
        if (out.empty() || out.back() != std::pair(s, x->rowsAtStart))
            out.emplace_back(s, x->rowsAtStart);
        out.emplace_back(e, x->rowsAtEnd >= 0 ? x->rowsAtEnd : x->rowsAtStart);
    }
    // Where one piece ends the next begins: keep one point per time.
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool Timeline::extendLastSegment(int lane, qint64 end)
{
    LaneData &d = m_lanes[size_t(lane)];
    if (d.end.empty())
        return false;
    if (end > d.end.back()) {
        d.end.back() = end;
        touch(end, end);
        ++m_revision;
    }
    return true;
}

void Timeline::setSegmentFlags(int lane, int index, quint8 flags)
{
    m_lanes[size_t(lane)].flags[size_t(index)] = flags;
    ++m_revision;
}

void Timeline::setSegmentDetail(int lane, int index, quint32 detail)
{
    m_lanes[size_t(lane)].detail[size_t(index)] = detail;
    ++m_revision;
}

void Timeline::setSegmentExtra(int lane, int index, const SegmentExtra &extra)
{
    LaneData &d = m_lanes[size_t(lane)];
    const qint64 key = d.start[size_t(index)];
    auto it = std::lower_bound(d.extras.begin(), d.extras.end(), key,
                               [](const ExtraEntry &e, qint64 k) { return e.start < k; });
    if (it != d.extras.end() && it->start == key)
        it->extra = extra;
    else
        d.extras.insert(it, ExtraEntry{key, extra});
    ++m_revision;
}

void Timeline::reserveSegments(int lane, int count)
{
    LaneData &d = m_lanes[size_t(lane)];
    const size_t n = size_t(std::max(count, 0));
    d.start.reserve(n);
    d.end.reserve(n);
    d.state.reserve(n);
    d.flags.reserve(n);
    d.detail.reserve(n);
}

quint32 Timeline::intern(const QString &text)
{
    if (text.isEmpty())
        return 0;
    auto it = m_stringIndex.constFind(text);
    if (it != m_stringIndex.constEnd())
        return *it;
    const auto index = quint32(m_strings.size());
    m_strings.push_back(text);
    m_stringIndex.insert(text, index);
    ++m_revision;
    return index;
}

const QString &Timeline::string(quint32 index) const
{
    return index < m_strings.size() ? m_strings[index] : m_strings[0];
}

void Timeline::addSignal(const TimelineSignal &signal)
{
    Q_ASSERT(signal.toLane < laneCount() && signal.fromLane < laneCount());
    // Sources deliver in time order; the rare late one is inserted after its equals.
    auto it = std::upper_bound(m_signals.begin(), m_signals.end(), signal.time,
                               [](qint64 t, const TimelineSignal &s) { return t < s.time; });
    m_signals.insert(it, signal);
    touch(signal.time, signal.time);
    ++m_revision;
}

std::pair<int, int> Timeline::signalsIn(qint64 t0, qint64 t1) const
{
    auto lo = std::lower_bound(m_signals.begin(), m_signals.end(), t0,
                               [](const TimelineSignal &s, qint64 t) { return s.time < t; });
    auto hi = std::lower_bound(lo, m_signals.end(), t1,
                               [](const TimelineSignal &s, qint64 t) { return s.time < t; });
    return {int(lo - m_signals.begin()), int(hi - m_signals.begin())};
}

void Timeline::setSignalResult(int index, SignalResult result, quint32 detail)
{
    m_signals[size_t(index)].result = result;
    if (detail)
        m_signals[size_t(index)].detail = detail;
    ++m_revision;
}

void Timeline::addMarker(const TimelineMarker &marker)
{
    auto it = std::upper_bound(m_markers.begin(), m_markers.end(), marker.time,
                               [](qint64 t, const TimelineMarker &m) { return t < m.time; });
    m_markers.insert(it, marker);
    touch(marker.time, marker.time);
    ++m_revision;
}

std::pair<int, int> Timeline::markersIn(qint64 t0, qint64 t1) const
{
    auto lo = std::lower_bound(m_markers.begin(), m_markers.end(), t0,
                               [](const TimelineMarker &m, qint64 t) { return m.time < t; });
    auto hi = std::lower_bound(lo, m_markers.end(), t1,
                               [](const TimelineMarker &m, qint64 t) { return m.time < t; });
    return {int(lo - m_markers.begin()), int(hi - m_markers.begin())};
}

void Timeline::touch(qint64 t0, qint64 t1)
{
    if (isEmpty()) {
        m_beginUs = t0;
        m_endUs = t1;
        return;
    }
    m_beginUs = std::min(m_beginUs, t0);
    m_endUs = std::max(m_endUs, t1);
}

void Timeline::recomputeRange()
{
    m_beginUs = std::numeric_limits<qint64>::max();
    m_endUs = std::numeric_limits<qint64>::min();
    for (const LaneData &d : m_lanes) {
        if (d.start.empty())
            continue;
        m_beginUs = std::min(m_beginUs, d.start.front());
        m_endUs = std::max(m_endUs, d.end.back());
    }
    if (!m_signals.empty()) {
        m_beginUs = std::min(m_beginUs, m_signals.front().time);
        m_endUs = std::max(m_endUs, m_signals.back().time);
    }
    if (!m_markers.empty()) {
        m_beginUs = std::min(m_beginUs, m_markers.front().time);
        m_endUs = std::max(m_endUs, m_markers.back().time);
    }
    if (m_beginUs > m_endUs) {
        m_beginUs = 1;
        m_endUs = 0;
    }
}

void Timeline::trimBefore(qint64 cutoff)
{
    for (LaneData &d : m_lanes) {
        const auto n = std::upper_bound(d.end.begin(), d.end.end(), cutoff) - d.end.begin();
        if (n > 0) {
            d.start.erase(d.start.begin(), d.start.begin() + n);
            d.end.erase(d.end.begin(), d.end.begin() + n);
            d.state.erase(d.state.begin(), d.state.begin() + n);
            d.flags.erase(d.flags.begin(), d.flags.begin() + n);
            d.detail.erase(d.detail.begin(), d.detail.begin() + n);
            m_totalSegments -= n;
        }
        if (!d.start.empty() && d.start.front() < cutoff) {
            // The extras are keyed by start, so the cut segment's entry moves with it.
            auto it = std::lower_bound(d.extras.begin(), d.extras.end(), d.start.front(),
                                       [](const ExtraEntry &e, qint64 k) { return e.start < k; });
            if (it != d.extras.end() && it->start == d.start.front()) {
                if (it->extra.rowsAtStart >= 0)
                    it->extra.rowsAtStart =
                        it->extra.rowsRemainingAt(d.start.front(), d.end.front(), cutoff);
                it->start = cutoff;
            }
            d.start.front() = cutoff;
        }
        const qint64 keepFrom =
            d.start.empty() ? std::numeric_limits<qint64>::max() : d.start.front();
        auto keep = std::lower_bound(d.extras.begin(), d.extras.end(), keepFrom,
                                     [](const ExtraEntry &e, qint64 k) { return e.start < k; });
        d.extras.erase(d.extras.begin(), keep);
    }
    m_signals.erase(m_signals.begin(),
                    std::lower_bound(m_signals.begin(), m_signals.end(), cutoff,
                                     [](const TimelineSignal &s, qint64 t) { return s.time < t; }));
    m_markers.erase(m_markers.begin(),
                    std::lower_bound(m_markers.begin(), m_markers.end(), cutoff,
                                     [](const TimelineMarker &m, qint64 t) { return m.time < t; }));

    // Drop closed lanes that hold nothing any more; a closed thread lane goes together with its
    // client row (and vice versa) so a pair never loses half.
    std::vector<int> remap(m_lanes.size(), -1);
    std::vector<bool> drop(m_lanes.size(), false);
    for (size_t i = 0; i < m_lanes.size(); ++i) {
        const LaneData &d = m_lanes[i];
        bool empty = d.info.closed && d.start.empty();
        if (empty && d.info.partner >= 0) {
            const LaneData &p = m_lanes[size_t(d.info.partner)];
            empty = p.info.closed && p.start.empty();
        }
        drop[i] = empty;
    }
    if (std::find(drop.begin(), drop.end(), true) != drop.end()) {
        std::vector<LaneData> kept;
        kept.reserve(m_lanes.size());
        for (size_t i = 0; i < m_lanes.size(); ++i) {
            if (drop[i])
                continue;
            remap[i] = int(kept.size());
            kept.push_back(std::move(m_lanes[i]));
        }
        m_lanes = std::move(kept);
        m_threadLaneOf.clear();
        m_clientLaneOf.clear();
        for (size_t i = 0; i < m_lanes.size(); ++i) {
            LaneInfo &info = m_lanes[i].info;
            if (info.partner >= 0)
                info.partner = remap[size_t(info.partner)];
            (info.kind == LaneKind::Thread ? m_threadLaneOf : m_clientLaneOf)
                .insert(info.sessionId, int(i));
        }
        auto mapLane = [&](qint32 l) {
            return l >= 0 && size_t(l) < remap.size() ? remap[size_t(l)] : -1;
        };
        for (TimelineSignal &s : m_signals) {
            s.fromLane = mapLane(s.fromLane);
            s.toLane = mapLane(s.toLane);
        }
        std::erase_if(m_markers, [&](TimelineMarker &m) {
            m.lane = mapLane(m.lane);
            return m.lane < 0;
        });
        ++m_laneRevision;
    }
    compactStrings();
    recomputeRange();
    ++m_revision;
}

void Timeline::compactStrings()
{
    // Live statements are mostly distinct, so without this the table would grow forever.
    std::vector<quint32> remap(m_strings.size(), 0);
    std::vector<bool> used(m_strings.size(), false);
    size_t usedCount = 1;
    auto mark = [&](quint32 i) {
        if (i && i < used.size() && !used[i]) {
            used[i] = true;
            ++usedCount;
        }
    };
    for (const LaneData &d : m_lanes)
        for (quint32 i : d.detail)
            mark(i);
    for (const TimelineSignal &s : m_signals) {
        mark(s.label);
        mark(s.detail);
    }
    for (const TimelineMarker &m : m_markers)
        mark(m.label);
    if (usedCount * 2 > m_strings.size() || m_strings.size() < 1024)
        return;
    std::vector<QString> strings;
    strings.reserve(usedCount);
    strings.emplace_back();
    m_stringIndex.clear();
    for (size_t i = 1; i < m_strings.size(); ++i) {
        if (!used[i])
            continue;
        remap[i] = quint32(strings.size());
        m_stringIndex.insert(m_strings[i], remap[i]);
        strings.push_back(std::move(m_strings[i]));
    }
    m_strings = std::move(strings);
    for (LaneData &d : m_lanes)
        for (quint32 &i : d.detail)
            i = remap[i];
    for (TimelineSignal &s : m_signals) {
        s.label = remap[s.label];
        s.detail = remap[s.detail];
    }
    for (TimelineMarker &m : m_markers)
        m.label = remap[m.label];
}

void Timeline::clear()
{
    // Counters keep counting so a view never mistakes the new content for its cached old one.
    const quint64 revision = m_revision;
    const quint64 laneRevision = m_laneRevision;
    *this = Timeline();
    m_revision = revision + 1;
    m_laneRevision = laneRevision + 1;
}

void Timeline::squeeze()
{
    for (LaneData &d : m_lanes) {
        d.start.shrink_to_fit();
        d.end.shrink_to_fit();
        d.state.shrink_to_fit();
        d.flags.shrink_to_fit();
        d.detail.shrink_to_fit();
        d.extras.shrink_to_fit();
    }
}

qint64 Timeline::segmentMemoryBytes() const
{
    qint64 bytes = 0;
    for (const LaneData &d : m_lanes) {
        bytes +=
            qint64(d.start.capacity() * sizeof(qint64) + d.end.capacity() * sizeof(qint64) +
                   d.state.capacity() + d.flags.capacity() + d.detail.capacity() * sizeof(quint32) +
                   d.extras.capacity() * sizeof(ExtraEntry));
    }
    return bytes;
}

double Timeline::bytesPerSegment() const
{
    return m_totalSegments ? double(segmentMemoryBytes()) / double(m_totalSegments) : 0.0;
}

} // namespace ks
