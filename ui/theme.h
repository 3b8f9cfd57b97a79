#pragma once

#include "timeline.h"

#include <QColor>
#include <QCoreApplication>
#include <QPalette>
#include <QString>
#include <array>

namespace ks {

// Every colour and legend name the swimlanes use, derived from a QPalette so light and dark
// desktops both read well. One value type: views keep a copy and rebuild it on palette changes.
//
// Invariants: stateColor() has an entry for every SegmentState; colours are opaque.
class Theme
{
    Q_DECLARE_TR_FUNCTIONS(ks::Theme)
public:
    // How a state's bar is drawn: full height, or a thin line for "nothing is happening" states
    // so the eye goes to the states that matter.
    enum class BarStyle : quint8
    {
        Full,
        Thin
    };

    Theme()
        : Theme(QPalette())
    {}
    explicit Theme(const QPalette &palette);

    bool isDark() const { return m_dark; }

    QColor stateColor(SegmentState s) const { return m_state[size_t(s)]; }
    QRgb stateRgb(SegmentState s) const { return m_stateRgb[size_t(s)]; }
    // Text drawn on a bar of that state: black or white, whichever contrasts more.
    QColor textOn(SegmentState s) const { return m_textOn[size_t(s)]; }
    BarStyle barStyle(SegmentState s) const
    {
        return (s == SegmentState::Idle || s == SegmentState::Gone ||
                s == SegmentState::ClientPrompt || s == SegmentState::ClientDisconnected)
                   ? BarStyle::Thin
                   : BarStyle::Full;
    }

    QColor background() const { return m_background; }
    QColor laneBackground(bool odd) const { return odd ? m_laneOdd : m_laneEven; }
    QColor clientLaneBackground() const { return m_laneClient; }
    QColor gridColor() const { return m_grid; }
    QColor axisBackground() const { return m_axisBackground; }
    QColor text() const { return m_text; }
    QColor mutedText() const { return m_muted; }
    QColor separator() const { return m_separator; }
    QColor killFlagColor() const { return m_killFlag; }
    QColor killedColor() const { return m_killed; }
    QColor signalColor(SignalKind k) const;
    QColor markerColor(MarkerKind k) const;
    QColor playhead() const { return m_playhead; }
    QColor selection() const { return m_selection; }
    QColor hover() const { return m_hover; }
    QColor checkPointColor() const { return m_checkPoint; }
    QColor rollbackRemaining() const { return m_rollbackRemaining; }

    // Legend: the short name and the one-line explanation learners read in tooltips.
    static QString stateName(SegmentState s);
    static QString stateDescription(SegmentState s);
    static QString killPendingName();
    static QString killPendingDescription();
    static QString signalKindName(SignalKind k);
    static QString signalResultName(SignalResult r);
    static QString markerName(MarkerKind k);

private:
    bool m_dark = false;
    std::array<QColor, SegmentStateCount> m_state;
    std::array<QRgb, SegmentStateCount> m_stateRgb{};
    std::array<QColor, SegmentStateCount> m_textOn;
    QColor m_background, m_laneEven, m_laneOdd, m_laneClient, m_grid, m_axisBackground;
    QColor m_text, m_muted, m_separator, m_killFlag, m_killed, m_playhead, m_selection, m_hover;
    QColor m_checkPoint, m_rollbackRemaining, m_globalAction;
};

} // namespace ks
