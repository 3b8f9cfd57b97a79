#pragma once

// The engine's pending events: a QuadHeap plus a few FIFO lanes for events that are scheduled in
// time order anyway. Most of the events of a busy run are InnoDB queue polls that all sleep the
// same (capped) delay, so they arrive in time order: keeping them out of the heap saves a
// sift-down and a sift-up per poll. Events "for now" (grants, kill notices) are in time order by
// construction too. Events far ahead (think times, lock wait timeouts) wait in coarse time
// buckets and enter the heap only when their bucket comes up, so the heap stays small.
//
// Invariants: each FIFO lane is sorted by (t, seq) (an event goes to a lane only if it is not
// smaller than the lane's last element, otherwise to the heap); every event of a bucket before
// m_nextBucket is in the heap or a lane, the buckets hold only later events; pop() always takes
// the smallest (t, seq) of all lanes and the heap after moving in every bucket that could hold a
// smaller one. Since (t, seq) pairs are unique, the order of events is
// exactly that of one priority queue, whichever container holds an event.

#include "quadheap.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace ks::sim {

template<typename T, size_t Lanes>
class LanedEventQueue
{
public:
    bool empty() const
    {
        if (!m_heap.empty() || m_farCount > 0)
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
        while (true) {
            const T *best = m_heap.empty() ? nullptr : &m_heap.top();
            m_topLane = Lanes;
            for (size_t i = 0; i < Lanes; ++i) {
                const Fifo &f = m_lanes[i];
                if (f.count > 0 && (!best || less(f.front(), *best))) {
                    best = &f.front();
                    m_topLane = i;
                }
            }
            if (m_farCount > 0 && (!best || bucketOf(best->t) >= m_nextBucket)) {
                // A bucketed event may come first: move the next bucket into the heap.
                std::vector<T> &b = m_far[m_nextBucket % kBuckets];
                for (const T &e : b)
                    m_heap.push(e);
                m_farCount -= b.size();
                b.clear();
                ++m_nextBucket;
                continue;
            }
            if (m_farCount == 0 && best) {
                // Nothing bucketed: restart the buckets just after the current time.
                m_nextBucket = std::max(m_nextBucket, bucketOf(best->t) + 1);
            }
            return *best;
        }
    }
    void pop()
    {
        if (m_topLane == Lanes)
            m_heap.pop();
        else
            m_lanes[m_topLane].pop();
    }
    // lane < Lanes: a hint that e is probably not earlier than that lane's last event.
    // Forced inline: it runs for every scheduled event, and the lane path is a few instructions.
    [[gnu::always_inline]] void push(const T &e, size_t lane = Lanes)
    {
        if (lane < Lanes) {
            Fifo &f = m_lanes[lane];
            if (f.count == 0 || !less(e, f.back())) {
                f.push(e);
                return;
            }
        }
        if (e.t >= 0) {
            const uint64_t b = bucketOf(e.t);
            if (b >= m_nextBucket && b < m_nextBucket + kBuckets) {
                m_far[b % kBuckets].push_back(e);
                ++m_farCount;
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
    // 2^17 us (131 ms) buckets, 512 of them: about a minute ahead.
    static constexpr unsigned kBucketShift = 17;
    static constexpr uint64_t kBuckets = 512;
    static uint64_t bucketOf(int64_t t) { return uint64_t(t) >> kBucketShift; }

    QuadHeap<T> m_heap;
    std::array<Fifo, Lanes> m_lanes;
    size_t m_topLane = Lanes;
    std::array<std::vector<T>, kBuckets> m_far;
    size_t m_farCount = 0;
    uint64_t m_nextBucket = 0;
};

} // namespace ks::sim
