#pragma once

#include <QCoreApplication>
#include <QString>

namespace ks {

// How an axis (or any list of times) writes its numbers: one unit for all of them.
enum class TimeUnit
{
    Us,
    Ms,
    S,
    Clock
};

// The one way KillScope writes times for people, in the current language: the toolbar, the
// narration, the kills list, the axis, tooltips, charts and slide titles all come here, so a
// time reads "1.250 s" everywhere in English and "1.250 秒" everywhere in Chinese. Numbers use
// the default QLocale (group separators past a thousand seconds).
class TimeFormat
{
    Q_DECLARE_TR_FUNCTIONS(ks::TimeFormat)
public:
    // A playhead or event time in seconds with a fixed number of decimals: "1.250 s".
    static QString seconds(qint64 us, int decimals = 3);
    // The moment of an action the user placed (a kill, a knob change): milliseconds, or
    // microseconds when it is not on a whole millisecond, so every display of it agrees to the
    // microsecond: "1.250 s", "1.250125 s". instantNumber without the unit.
    static QString instant(qint64 us);
    static QString instantNumber(qint64 us);
    // Only its number, for texts that place the unit themselves: "1.250".
    static QString secondsNumber(qint64 us, int decimals = 3);
    // A duration, in the unit that keeps about three significant digits: "40 µs", "1.50 ms",
    // "2.50 s", "1:02:03.4".
    static QString duration(qint64 us);
    // One value in a given unit and number of decimals (axis ticks). Clock: "m:ss" / "h:mm:ss".
    static QString inUnit(qint64 us, TimeUnit unit, int decimals);
    // The unit's symbol alone ("s", "秒"), e.g. for an axis title.
    static QString unitSymbol(TimeUnit unit);
    // A number followed by a unit: "%1 s" in the current language.
    static QString withUnit(const QString &number, TimeUnit unit);
};

} // namespace ks
