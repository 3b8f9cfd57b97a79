#pragma once

// The server's one I/O device (sim/enginerun.h lists the engine's rooms): discrete requests (an
// `io` step, writing a temporary file, deleting temporary files) queue on it and are served one
// after another; the per-row I/O of a row loop is charged analytically at the same rate.
//
// Invariants:
// - busyUntil() only grows;
// - serving `bytes` takes bytes / bandwidth * (1 + pressure) seconds, rounded to the nearest
//   nanosecond and saturating at kNeverNs: no value of a scenario (or of the UI's knob) overflows.

#include "enginetypes.h"

#include <vector>

namespace ks::sim::detail {

class IoDevice
{
public:
    IoDevice(int64_t bandwidth, double pressure)
        : m_bandwidth(bandwidth)
        , m_pressure(pressure)
    {}

    double pressure() const { return m_pressure; }
    void setPressure(double pressure) { m_pressure = pressure; }
    TimeUs busyUntil() const { return m_busyUntil; }

    // Device time of `bytes` at the current pressure (0 for none).
    DurationNs nsFor(int64_t bytes) const;
    // A request of `bytes` made at `now`: when it is served.
    TimeUs request(TimeUs now, int64_t bytes);
    // Deleting `files` from `now` on (ext4 frees extents: each takes its deleteUs, longer under
    // pressure): when the last one is gone.
    TimeUs deleteFiles(TimeUs now, const std::vector<TempFile> &files);

private:
    int64_t m_bandwidth;
    double m_pressure;
    TimeUs m_busyUntil = 0;
};

} // namespace ks::sim::detail
