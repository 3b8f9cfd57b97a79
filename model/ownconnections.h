#pragma once

#include <QMutex>
#include <QSet>

namespace ks {

// The processlist ids of KillScope's own connections (sampler, kill executor), shared between
// the worker threads that register them and the code that hides and protects them.
//
// Invariants: thread-safe; an id is removed when its connection closes, so a later session that
// gets the same id is not mistaken for ours.
class OwnConnections
{
public:
    void add(qint64 id)
    {
        QMutexLocker lock(&m_mutex);
        m_ids.insert(id);
    }
    void remove(qint64 id)
    {
        QMutexLocker lock(&m_mutex);
        m_ids.remove(id);
    }
    bool contains(qint64 id) const
    {
        QMutexLocker lock(&m_mutex);
        return m_ids.contains(id);
    }
    QSet<qint64> ids() const
    {
        QMutexLocker lock(&m_mutex);
        return m_ids;
    }

private:
    mutable QMutex m_mutex;
    QSet<qint64> m_ids;
};

} // namespace ks
