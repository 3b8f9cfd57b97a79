#pragma once

#include "sessionsource.h"

#include <QList>
#include <QMetaType>
#include <chrono>

namespace ks {

// Live mode's clock: microseconds of a monotonic clock since an origin the LiveSource picks.
// Every worker stamps its observations with it, so samples, kill answers and the Timeline agree.
struct LiveClock
{
    std::chrono::steady_clock::time_point origin = std::chrono::steady_clock::now();
    // The wall clock at the origin, to put dates on what was observed (audit log, "as of").
    qint64 originEpochMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();

    qint64 epochMsAt(qint64 us) const { return originEpochMs + us / 1000; }

    qint64 nowUs() const
    {
        return std::chrono::duration_cast<std::chrono::microseconds>(
                   std::chrono::steady_clock::now() - origin)
            .count();
    }
};

// Thread CPU time in µs of the calling thread (client-side cost of sampling).
qint64 threadCpuUs();

// A waiter → blocker edge, as one of the server's lock tables reports it.
struct LockWait
{
    enum class Kind : quint8
    {
        RowLock,
        MetadataLock
    };
    qint64 waiter = 0;
    qint64 blocker = 0;
    Kind kind = Kind::RowLock;
    bool operator==(const LockWait &) const = default;
};

// What one sample cost: wall-clock round trip of its queries, rows read, the sampler thread's
// CPU time for querying and parsing.
struct SamplerCost
{
    qint64 roundTripUs = 0;
    qint64 clientCpuUs = 0;
    int rows = 0;
    int queries = 0;
};

// One snapshot of the server: the processlist joined with InnoDB transactions, lock waits and
// the sample's cost. Rows of KillScope's own connections are marked `own`, never dropped here.
struct LiveSample
{
    quint64 serial = 0;
    qint64 takenUs = 0;     // LiveClock time, the middle of the processlist query
    qint64 startedUs = -1;  // when the processlist query went out (every row existed after it)
    qint64 trxTakenUs = -1; // when the transaction columns were read (< takenUs: carried over)
    QList<ProcesslistRow> rows;
    QList<LockWait> waits;
    SamplerCost cost;
};

} // namespace ks

Q_DECLARE_METATYPE(ks::LiveSample)
