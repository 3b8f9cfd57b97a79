#pragma once

#include <QString>
#include <optional>

namespace ks {

// Times as text for Qt code: the simulation's one time parser and printer (sim/timeparse.h)
// behind QString, so the GUI, --png and the headless mode read "1.5s", "200ms", "3000us" alike.

// Microseconds, or nullopt with the reason in *error ("\"5\" has no unit (use s, ms, us, ns)").
std::optional<qint64> parseTimeUs(const QString &text, QString *error = nullptr);
// The same with minutes and hours too ("10m", "8h"): durations of recordings.
std::optional<qint64> parseLongTimeUs(const QString &text, QString *error = nullptr);
// "1.5s", "200ms", "15us": exact; parseTimeUs(formatTimeUs(t)) == t.
QString formatTimeUs(qint64 us);

} // namespace ks
