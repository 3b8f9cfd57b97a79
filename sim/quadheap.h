#pragma once

// The engine's event queue: a 4-ary min-heap ordered by (t, seq). Shallower than a binary heap,
// and a node's four children share a cache line or two, which matters with tens of thousands of
// pending events.
//
// Invariants: every element is >= its parent; (t, seq) pairs are unique, so the order of equal
// times is the order of insertion (seq) and runs are deterministic (the pop order depends only on
// the keys, not on how the heap moves elements around).

#include <algorithm>
#include <cstdint>
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
        // Floyd's variant: move the hole down along the smallest children to a leaf without
        // comparing against `last` (which, taken from the bottom, nearly always belongs there),
        // then let `last` rise from the hole.
        size_t i = 0;
        while (true) {
            const size_t first = 4 * i + 1;
            if (first >= n)
                break;
            size_t best = first;
            if (first + 4 <= n) {
                const size_t b01 = less(m_heap[first + 1], m_heap[first]) ? first + 1 : first;
                const size_t b23 = less(m_heap[first + 3], m_heap[first + 2]) ? first + 3 : first + 2;
                best = less(m_heap[b23], m_heap[b01]) ? b23 : b01;
            } else {
                for (size_t c = first + 1; c < n; ++c)
                    if (less(m_heap[c], m_heap[best]))
                        best = c;
            }
            m_heap[i] = m_heap[best];
            i = best;
        }
        while (i > 0) {
            const size_t parent = (i - 1) / 4;
            if (!less(last, m_heap[parent]))
                break;
            m_heap[i] = m_heap[parent];
            i = parent;
        }
        m_heap[i] = last;
    }

    // (t, seq) as one unsigned 128-bit number (sign bit of t flipped), so that comparing is two
    // instructions and no unpredictable branch.
    __extension__ using Key = unsigned __int128;
    static Key key(const T &a) { return (Key(uint64_t(a.t) ^ (uint64_t(1) << 63)) << 64) | Key(a.seq); }
    static bool less(const T &a, const T &b) { return key(a) < key(b); }

private:
    std::vector<T> m_heap;
};

} // namespace ks::sim
