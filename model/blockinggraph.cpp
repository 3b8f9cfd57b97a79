#include "blockinggraph.h"

#include <QSet>

#include <algorithm>

namespace ks {

BlockingGraph::BlockingGraph(const QList<LockWait> &waits)
{
    for (const LockWait &w : waits) {
        if (w.waiter == w.blocker)
            continue;
        QList<qint64> &b = m_blockers[w.waiter];
        if (!b.contains(w.blocker))
            b.append(w.blocker);
        QList<qint64> &ws = m_waiters[w.blocker];
        if (!ws.contains(w.waiter))
            ws.append(w.waiter);
    }
    for (auto it = m_waiters.cbegin(); it != m_waiters.cend(); ++it) {
        if (m_blockers.contains(it.key()))
            continue; // waits itself: not a root
        Chain c;
        c.root = it.key();
        c.directWaiters = int(it.value().size());
        QSet<qint64> seen{c.root};
        QList<qint64> queue = it.value();
        for (qsizetype i = 0; i < queue.size(); ++i) {
            const qint64 w = queue[i];
            if (seen.contains(w))
                continue;
            seen.insert(w);
            c.waiters.append(w);
            queue.append(m_waiters.value(w));
        }
        m_chains.append(c);
    }
    std::sort(m_chains.begin(), m_chains.end(), [](const Chain &a, const Chain &b) {
        return a.waiters.size() != b.waiters.size() ? a.waiters.size() > b.waiters.size()
                                                    : a.root < b.root;
    });
}

qint64 BlockingGraph::rootOf(qint64 id) const
{
    if (!m_blockers.contains(id))
        return 0;
    QSet<qint64> seen{id};
    qint64 cur = id;
    while (m_blockers.contains(cur)) {
        cur = m_blockers.value(cur).constFirst();
        if (seen.contains(cur))
            return 0; // cycle
        seen.insert(cur);
    }
    return cur;
}

int BlockingGraph::waitersBehind(qint64 id) const
{
    for (const Chain &c : m_chains) {
        if (c.root == id)
            return int(c.waiters.size());
    }
    QSet<qint64> seen{id};
    QList<qint64> queue = m_waiters.value(id);
    int n = 0;
    for (qsizetype i = 0; i < queue.size(); ++i) {
        if (seen.contains(queue[i]))
            continue;
        seen.insert(queue[i]);
        ++n;
        queue.append(m_waiters.value(queue[i]));
    }
    return n;
}

} // namespace ks
