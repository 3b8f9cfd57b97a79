#pragma once

#include "livesample.h"

#include <QHash>
#include <QList>

namespace ks {

// Who waits for whom, from one sample's lock waits: the root blocker of each chain (a session
// that blocks others and waits for nobody) and how many sessions wait behind it, directly or
// through others.
//
// Invariants: built from one sample, immutable afterwards; cycles (a deadlock about to be
// resolved by InnoDB) do not loop — their members get no root.
class BlockingGraph
{
public:
    struct Chain
    {
        qint64 root = 0;
        int directWaiters = 0;
        QList<qint64> waiters; // every session behind root, nearest first
    };

    BlockingGraph() = default;
    explicit BlockingGraph(const QList<LockWait> &waits);

    // The session at the head of id's chain; 0 when id waits for nobody (or sits in a cycle).
    qint64 rootOf(qint64 id) const;
    // Blockers id waits for directly.
    QList<qint64> blockersOf(qint64 id) const { return m_blockers.value(id); }
    // Chains ordered by the number of waiters, largest first.
    const QList<Chain> &chains() const { return m_chains; }
    // Number of sessions that wait (directly or not) behind id.
    int waitersBehind(qint64 id) const;

private:
    QHash<qint64, QList<qint64>> m_blockers; // waiter → blockers
    QHash<qint64, QList<qint64>> m_waiters;  // blocker → direct waiters
    QList<Chain> m_chains;
};

} // namespace ks
