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
            if (f.head < f.items.size())
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
            if (f.head < f.items.size() && (!best || less(f.items[f.head], *best))) {
                best = &f.items[f.head];
                m_topLane = i;
            }
        }
        return *best;
    }
    void pop()
    {
        if (m_topLane == Lanes) {
            m_heap.pop();
            return;
        }
        Fifo &f = m_lanes[m_topLane];
        if (++f.head == f.items.size()) {
            f.items.clear();
            f.head = 0;
        } else if (f.head >= 4096 && f.head * 2 >= f.items.size()) {
            // Reclaim the consumed front so a long-lived lane does not grow without bound.
            f.items.erase(f.items.begin(), f.items.begin() + long(f.head));
            f.head = 0;
        }
    }
    // lane < Lanes: a hint that e is probably not earlier than that lane's last event.
    void push(const T &e, size_t lane = Lanes)
    {
        if (lane < Lanes) {
            Fifo &f = m_lanes[lane];
            if (f.head == f.items.size() || !less(e, f.items.back())) {
                f.items.push_back(e);
                return;
            }
        }
        m_heap.push(e);
    }

private:
    struct Fifo
    {
        std::vector<T> items;
        size_t head = 0;
    };
    static bool less(const T &a, const T &b) { return a.t != b.t ? a.t < b.t : a.seq < b.seq; }

    QuadHeap<T> m_heap;
    std::array<Fifo, Lanes> m_lanes;
    size_t m_topLane = Lanes;
};

} // namespace ks::sim
