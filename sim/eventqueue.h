#pragma once

// The engine's pending events: a QuadHeap plus a few FIFO lanes for events that are scheduled in
// time order anyway. Most of the events of a busy run are InnoDB queue polls that all sleep the
// same (capped) delay, so they arrive in time order: keeping them out of the heap saves a
// sift-down and a sift-up per poll. Events "for now" (grants, kill notices) are in time order by
// construction too.
//
// Invariants: each FIFO lane is sorted by (t, seq) (an event goes to a lane only if it is not
// smaller than the lane's last element, otherwise to the heap); pop() always takes the smallest
// (t, seq) of all lanes and the heap. Since (t, seq) pairs are unique, the order of events is
// exactly that of one priority queue, whichever container holds an event.

#include "quadheap.h"

#include <array>
#include <cstddef>
#include <vector>

namespace ks::sim {

template<typename T, size_t Lanes>
class LanedEventQueue
{
public:
    bool empty() const
    {
        if (!m_heap.empty())
            return false;
        for (const Fifo &f : m_lanes)
            if (f.count > 0)
                return false;
        return true;
    }
    // The smallest pending event; remembers where it is for the pop() that follows (no push in
    // between). Only call when !empty().
    const T &top()
    {
        const T *best = m_heap.empty() ? nullptr : &m_heap.top();
        m_topLane = Lanes;
        for (size_t i = 0; i < Lanes; ++i) {
            const Fifo &f = m_lanes[i];
            if (f.count > 0 && (!best || less(f.front(), *best))) {
                best = &f.front();
                m_topLane = i;
            }
        }
        return *best;
    }
    void pop()
    {
        if (m_topLane == Lanes)
            m_heap.pop();
        else
            m_lanes[m_topLane].pop();
    }
    // lane < Lanes: a hint that e is probably not earlier than that lane's last event.
    void push(const T &e, size_t lane = Lanes)
    {
        if (lane < Lanes) {
            Fifo &f = m_lanes[lane];
            if (f.count == 0 || !less(e, f.back())) {
                f.push(e);
                return;
            }
        }
        m_heap.push(e);
    }

private:
    // A growable ring buffer (capacity a power of two): no shifting when the front is consumed.
    struct Fifo
    {
        std::vector<T> items;
        size_t head = 0;
        size_t count = 0;

        const T &front() const { return items[head]; }
        const T &back() const { return items[(head + count - 1) & (items.size() - 1)]; }
        void pop()
        {
            head = (head + 1) & (items.size() - 1);
            --count;
        }
        void push(const T &e)
        {
            if (count == items.size()) {
                std::vector<T> grown(items.empty() ? 256 : items.size() * 2);
                for (size_t i = 0; i < count; ++i)
                    grown[i] = items[(head + i) & (items.size() - 1)];
                items.swap(grown);
                head = 0;
            }
            items[(head + count) & (items.size() - 1)] = e;
            ++count;
        }
    };
    static bool less(const T &a, const T &b) { return QuadHeap<T>::less(a, b); }

    QuadHeap<T> m_heap;
    std::array<Fifo, Lanes> m_lanes;
    size_t m_topLane = Lanes;
};

} // namespace ks::sim
