#pragma once

#include "theme.h"

#include <QWidget>

namespace ks {

// The colour key of the swimlanes: one chip per state, the kill-flag stripes, a kill arrow and the
// "flag noticed" pennant. Items wrap to the width; hovering an item explains it. Slides paint the
// same legend through paintLegend() (only what their timeline shows).
class LegendWidget : public QWidget
{
    Q_OBJECT
public:
    enum class Glyph
    {
        State,
        KillPending,
        Arrow,
        Pennant,
        GlobalAction
    };
    struct Item
    {
        Glyph glyph;
        SegmentState state;
        QString name;
        QString description;
    };

    explicit LegendWidget(QWidget *parent = nullptr);
    ~LegendWidget() override;

    void setTheme(const Theme &theme);
    // Client-row states are shown too unless turned off (e.g. for live mode without clients).
    void setShowClientStates(bool show);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

    // Every item; with a timeline, only the states, flags and glyphs it contains.
    static QList<Item> legendItems(const Timeline *timeline = nullptr, bool clientStates = true);
    // Places items for a width in `font`; returns the rectangles and the height used.
    static QList<QRect> layoutLegend(const QList<Item> &items, const QFont &font, int width,
                                     int *height);
    // Paints the items into `rect` (wrapping to its width); returns the height used.
    static int paintLegend(QPainter &p, const QRect &rect, const QList<Item> &items,
                           const QFont &font, const Theme &theme);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    QList<Item> items() const { return legendItems(nullptr, m_showClient); }

    Theme m_theme;
    bool m_themeFromPalette = true;
    bool m_showClient = true;
};

} // namespace ks
