#pragma once

#include <QHash>
#include <QString>
#include <QVariantMap>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace ks {

// What a lane shows: a server thread, or the thin row under it with what its client sees.
enum class LaneKind : quint8
{
    Thread,
    Client
};

// The state of one segment. Thread states come first, client-row states last; the order is the
// legend order and the index into Theme's colour table, so append, never reorder.
enum class SegmentState : quint8
{
    Running,         // executing: row loops, CPU
    RowLockWait,     // InnoDB row lock (wakeable)
    MdlWait,         // metadata lock (wakeable)
    TableLockWait,   // table-level lock (wakeable)
    QueueSleep,      // InnoDB admission queue (MySQL 5.7: never checks the kill flag)
    IoWait,          // busy in an I/O call
    SendingToClient, // blocked writing to a client that does not read
    Idle,            // connected, no statement (Sleep)
    RollingBack,     // undoing rows; cannot be interrupted
    Cleanup,         // deleting temp files, DDL leftovers
    Gone,            // the thread has left the processlist
    Connecting,      // handshake, authentication
    // Client row
    ClientWaiting,      // sent a statement, waiting for the result
    ClientPrompt,       // at the prompt / idle
    ClientError,        // showing an error (detail: its text)
    ClientDisconnected, // the connection is closed
};
inline constexpr int SegmentStateCount = int(SegmentState::ClientDisconnected) + 1;

inline constexpr bool isClientState(SegmentState s)
{
    return s >= SegmentState::ClientWaiting;
}

// Bits of a segment's flags byte.
namespace SegmentFlag {
enum : quint8
{
    KillPending = 0x01, // the kill flag is set but the thread has not noticed it yet
    Killed = 0x02,      // after the victim noticed: the processlist shows Killed
    Open = 0x04,        // live: the segment is still going on; its end is "last seen"
};
}

// One segment, as the queries hand it out (storage is structure-of-arrays, see Timeline).
struct Segment
{
    qint64 start = 0; // µs, inclusive
    qint64 end = 0;   // µs, exclusive
    SegmentState state = SegmentState::Idle;
    quint8 flags = 0;
    quint32 detail = 0; // index into Timeline's string table; 0 = none
};

// Rare per-segment facts kept outside the hot arrays.
struct SegmentExtra
{
    qint64 checkPeriodUs = 0; // > 0: the thread passes a kill check point every this many µs
    qint64 rowsAtStart = -1;  // rollback: rows still to undo when the segment starts (-1 = unknown)
    qint64 rowsAtEnd = -1;    // rollback: rows still to undo when it ends

    // Linear estimate of rows remaining at t within [start, end); -1 when unknown.
    qint64 rowsRemainingAt(qint64 start, qint64 end, qint64 t) const;
    bool operator==(const SegmentExtra &) const = default;
};

struct LaneInfo
{
    LaneKind kind = LaneKind::Thread;
    qint64 sessionId = 0; // processlist id
    QString user;
    QString host;
    QString label; // the lane's caption, e.g. "12 app" (views fall back to id and user)
    // The caption in other languages ("zh_CN" → …), where the source has one; `label` otherwise.
    // Views ask labelFor(currentLanguage()), so a source that learns localized labels (a
    // scenario's, say) needs no change in any view.
    QHash<QString, QString> labels;
    QString statement;    // the current statement, shown under the caption
    QVariantMap metadata; // anything a source wants to keep with the lane (db, flavor state, ...)
    int partner = -1;     // thread lane ↔ its client row; -1 = none
    bool closed = false;  // the session is over: trimming may drop the lane once it is empty

    QString labelFor(const QString &language) const { return labels.value(language, label); }
};

enum class SignalKind : quint8
{
    KillQuery,
    KillConnection,
    CtrlC,      // the client's Ctrl+C (its second connection sends KILL QUERY)
    Timeout,    // max_statement_time / max_execution_time / lock wait timeout
    Disconnect, // the client went away
    Other,
};

enum class SignalResult : quint8
{
    Pending,      // not answered yet
    Ok,           // "Query OK": the flag is set
    Refused,      // an error such as 1095 (not your thread)
    NoSuchThread, // 1094
};

// An arrow from the lane that sends a kill (or -1: from outside, e.g. the KillScope operator)
// to the lane of its victim.
struct TimelineSignal
{
    qint64 time = 0;
    qint32 fromLane = -1;
    qint32 toLane = -1;
    SignalKind kind = SignalKind::KillQuery;
    SignalResult result = SignalResult::Ok;
    quint32 label = 0;  // string index: "KILL QUERY 12", "Ctrl+C → KILL QUERY 11"
    quint32 detail = 0; // string index: the server's answer, an explanation
};

enum class MarkerKind : quint8
{
    FlagNoticed, // the victim reached a check point and saw the kill flag
    ErrorShown,  // the client printed an error
    CheckPoint,  // one explicit check point (sources may also give a period, see SegmentExtra)
    Gone,        // the thread left
    Note,        // anything else worth a pin
    GlobalAction, // lane -1: a server-wide change (SET GLOBAL, a what-if knob); label "name=value"
};

struct TimelineMarker
{
    qint64 time = 0;
    qint32 lane = -1;
    MarkerKind kind = MarkerKind::Note;
    quint32 label = 0; // string index
};

// Lanes, state segments, kill signals and markers over time, for both sources.
//
// Invariants:
// - Within a lane, segments are sorted by start and do not overlap: start[i] < end[i] <=
// start[i+1].
//   So both start and end are sorted, and one upper_bound on end finds the first visible segment.
// - Signals and markers are each sorted by time (stable for equal times: insertion order).
// - String index 0 is the empty string; indices stay valid until trimBefore() compacts the table.
// - Lane indices are stable until trimBefore() drops closed, empty lanes (laneRevision() changes).
// - A plain class: it emits nothing. Sources bump nothing themselves; revision() counts every
//   mutation so views can tell whether their caches are stale, and the sources emit
//   SessionSource::changed().
class Timeline
{
public:
    // Bytes of the hot arrays per stored segment (start, end, state, flags, detail).
    static constexpr int HotBytesPerSegment = 8 + 8 + 1 + 1 + 4;

    Timeline();

    // --- lanes
    int laneCount() const { return int(m_lanes.size()); }
    const LaneInfo &lane(int index) const { return m_lanes[size_t(index)].info; }
    int addLane(const LaneInfo &info);
    // A thread lane and, when withClient, its client row right after it. Returns the thread lane.
    int addSession(qint64 sessionId, const QString &user, const QString &host = {},
                   bool withClient = true);
    // The newest lane of that session and kind; -1 when there is none.
    int findLane(qint64 sessionId, LaneKind kind = LaneKind::Thread) const;
    void setLaneLabel(int lane, const QString &label);
    void setLaneLabel(int lane, const QString &language, const QString &label);
    void setLaneStatement(int lane, const QString &statement);
    void setLaneMetadata(int lane, const QVariantMap &metadata);
    void setLaneClosed(int lane, bool closed);

    // --- segments of a lane
    int segmentCount(int lane) const { return int(m_lanes[size_t(lane)].start.size()); }
    qint64 totalSegmentCount() const { return m_totalSegments; }
    Segment segment(int lane, int index) const;
    std::span<const qint64> starts(int lane) const { return m_lanes[size_t(lane)].start; }
    std::span<const qint64> ends(int lane) const { return m_lanes[size_t(lane)].end; }
    std::span<const quint8> states(int lane) const { return m_lanes[size_t(lane)].state; }
    std::span<const quint8> flags(int lane) const { return m_lanes[size_t(lane)].flags; }
    std::span<const quint32> details(int lane) const { return m_lanes[size_t(lane)].detail; }
    // Segments overlapping [t0, t1): indices [first, last). Empty range: first == last.
    std::pair<int, int> segmentsIn(int lane, qint64 t0, qint64 t1) const;
    // The segment containing t, or -1.
    int segmentAt(int lane, qint64 t) const;
    // nullptr when the segment has no extras.
    const SegmentExtra *extra(int lane, int index) const;

    // A rollback: the run of back-to-back RollingBack segments around segment `index` of a lane,
    // [first, last], and the most rows it had to undo. first < 0 when `index` is no rollback.
    struct RollbackRun
    {
        int first = -1;
        int last = -1;
        qint64 peakRows = -1; // -1: counts unknown
    };
    RollbackRun rollbackRunAt(int lane, int index) const;
    // Rows still to undo over a rollback run, as (time, rows) at every point where the rate may
    // change: the pieces' starts and the last end. Lanes draw the wedge and charts plot the
    // curve from these same points, linear in between.
    std::vector<std::pair<qint64, qint64>> rollbackPoints(int lane, const RollbackRun &run) const;

    // Appends after the lane's last segment. A start before the last end is clamped (a source
    // sampling late must not break the sort order); an empty result is dropped. A segment that
    // continues the last one seamlessly with the same state, flags and detail extends it.
    // Amortised O(1). Returns the index of the segment that now holds [start, end) (after a drop:
    // the last segment, or -1 when the lane is still empty).
    int appendSegment(int lane, qint64 start, qint64 end, SegmentState state, quint8 flags = 0,
                      quint32 detail = 0);
    int appendSegment(int lane, const Segment &s)
    {
        return appendSegment(lane, s.start, s.end, s.state, s.flags, s.detail);
    }
    // The same with the segment's extras in one step. It extends the last segment only when
    // that one carries the same extras and no rollback counts: rows to undo change along a
    // rollback, and every piece with its own rate keeps its own counts (so the bend where a
    // rollback speeds up stays where it happened).
    int appendSegment(int lane, qint64 start, qint64 end, SegmentState state, quint8 flags,
                      quint32 detail, const SegmentExtra &extra);
    // Live: moves the end of the lane's last segment to `end` (never backwards). False when empty.
    bool extendLastSegment(int lane, qint64 end);
    void setSegmentFlags(int lane, int index, quint8 flags);
    void setSegmentDetail(int lane, int index, quint32 detail);
    void setSegmentExtra(int lane, int index, const SegmentExtra &extra);
    void reserveSegments(int lane, int count);

    // --- strings shared by segments, signals and markers
    quint32 intern(const QString &text);
    const QString &string(quint32 index) const;
    int stringCount() const { return int(m_strings.size()); }

    // --- signals and markers
    void addSignal(const TimelineSignal &signal);
    std::span<const TimelineSignal> signalList() const { return m_signals; }
    // Signals with time in [t0, t1): indices [first, last).
    std::pair<int, int> signalsIn(qint64 t0, qint64 t1) const;
    void setSignalResult(int index, SignalResult result, quint32 detail = 0);

    void addMarker(const TimelineMarker &marker);
    std::span<const TimelineMarker> markerList() const { return m_markers; }
    std::pair<int, int> markersIn(qint64 t0, qint64 t1) const;

    // --- whole timeline
    bool isEmpty() const { return m_beginUs > m_endUs; }
    // Earliest and latest time of any segment, signal or marker; 0, 0 when empty.
    qint64 beginTime() const { return isEmpty() ? 0 : m_beginUs; }
    qint64 endTime() const { return isEmpty() ? 0 : m_endUs; }

    // Forgets everything before `cutoff`: whole segments, signals and markers; a segment across
    // the cutoff is cut there. Closed lanes left empty are dropped (lane indices shift, signals
    // and partners are renumbered) and the string table is compacted when mostly unused.
    void trimBefore(qint64 cutoff);
    void clear();
    // Releases spare capacity (after a bulk build).
    void squeeze();

    // Bytes held by the segment arrays and extras (capacity, not size) and per stored segment.
    qint64 segmentMemoryBytes() const;
    double bytesPerSegment() const;

    // Bumped by every mutation / by every change of the lane list.
    quint64 revision() const { return m_revision; }
    quint64 laneRevision() const { return m_laneRevision; }

private:
    struct ExtraEntry
    {
        qint64 start; // the segment's start: unique within a lane, survives index shifts
        SegmentExtra extra;
    };
    struct LaneData
    {
        LaneInfo info;
        std::vector<qint64> start;
        std::vector<qint64> end;
        std::vector<quint8> state;
        std::vector<quint8> flags;
        std::vector<quint32> detail;
        std::vector<ExtraEntry> extras; // sorted by start
    };

    int append(int lane, qint64 start, qint64 end, SegmentState state, quint8 flags, quint32 detail,
               bool mayMerge);
    void touch(qint64 t0, qint64 t1);
    void recomputeRange();
    void compactStrings();

    std::vector<LaneData> m_lanes;
    QHash<qint64, int> m_threadLaneOf; // session id → newest thread lane
    QHash<qint64, int> m_clientLaneOf;
    std::vector<TimelineSignal> m_signals;
    std::vector<TimelineMarker> m_markers;
    std::vector<QString> m_strings;
    QHash<QString, quint32> m_stringIndex;
    qint64 m_totalSegments = 0;
    qint64 m_beginUs = 1;
    qint64 m_endUs = 0;
    quint64 m_revision = 0;
    quint64 m_laneRevision = 0;
};

} // namespace ks
