#pragma once

// The engine's event queue: a 4-ary min-heap ordered by (t, seq). Shallower than a binary heap,
// and a node's four children share a cache line or two, which matters with tens of thousands of
// pending events.
//
// Invariants: every element is >= its parent; (t, seq) pairs are unique, so the order of equal
// times is the order of insertion (seq) and runs are deterministic.

#include <algorithm>
#include <vector>

namespace ks::sim {

template<typename T>
class QuadHeap
{
public:
    bool empty() const { return m_heap.empty(); }
    size_t size() const { return m_heap.size(); }
    const T &top() const { return m_heap.front(); }
    void push(const T &e)
    {
        size_t i = m_heap.size();
        m_heap.push_back(e);
        while (i > 0) {
            const size_t parent = (i - 1) / 4;
            if (!less(e, m_heap[parent]))
                break;
            m_heap[i] = m_heap[parent];
            i = parent;
        }
        m_heap[i] = e;
    }
    void pop()
    {
        const T last = m_heap.back();
        m_heap.pop_back();
        const size_t n = m_heap.size();
        if (n == 0)
            return;
        size_t i = 0;
        while (true) {
            const size_t first = 4 * i + 1;
            if (first >= n)
                break;
            size_t best = first;
            const size_t end = std::min(first + 4, n);
            for (size_t c = first + 1; c < end; ++c)
                if (less(m_heap[c], m_heap[best]))
                    best = c;
            if (!less(m_heap[best], last))
                break;
            m_heap[i] = m_heap[best];
            i = best;
        }
        m_heap[i] = last;
    }

private:
    static bool less(const T &a, const T &b) { return a.t != b.t ? a.t < b.t : a.seq < b.seq; }
    std::vector<T> m_heap;
};

} // namespace ks::sim
