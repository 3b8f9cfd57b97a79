#include "iodevice.h"

#include <algorithm>

namespace ks::sim::detail {

DurationNs IoDevice::nsFor(int64_t bytes) const
{
    if (bytes <= 0)
        return 0;
    const double ns = double(bytes) * 1e9 / double(m_bandwidth) * (1.0 + m_pressure);
    return roundSat(ns, kNeverNs);
}

TimeUs IoDevice::request(TimeUs now, int64_t bytes)
{
    const TimeUs service = ceilDivNsToUs(nsFor(bytes));
    const TimeUs start = std::max(now, m_busyUntil);
    m_busyUntil = addUs(start, service);
    return m_busyUntil;
}

TimeUs IoDevice::deleteFiles(TimeUs now, const std::vector<TempFile> &files)
{
    TimeUs end = now;
    for (const TempFile &f : files) {
        const TimeUs service = roundSat(double(f.deleteUs) * (1.0 + m_pressure), kNeverUs);
        const TimeUs start = std::max(end, m_busyUntil);
        end = addUs(start, service);
        m_busyUntil = end;
    }
    return end;
}

} // namespace ks::sim::detail
