#pragma once

#include "theme.h"

#include <QWidget>

namespace ks {

// The colour key of the swimlanes: one chip per state, the kill-flag stripes, a kill arrow and the
// "flag noticed" pennant. Items wrap to the width; hovering an item explains it.
class LegendWidget : public QWidget
{
    Q_OBJECT
public:
    explicit LegendWidget(QWidget *parent = nullptr);
    ~LegendWidget() override;

    void setTheme(const Theme &theme);
    // Client-row states are shown too unless turned off (e.g. for live mode without clients).
    void setShowClientStates(bool show);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    enum class Glyph { State, KillPending, Arrow, Pennant };
    struct Item
    {
        Glyph glyph;
        SegmentState state;
        QString name;
        QString description;
    };
    QList<Item> items() const;
    // Places every item for a width; returns the rectangles and the height used.
    QList<QRect> layoutItems(int width, int *height) const;

    Theme m_theme;
    bool m_themeFromPalette = true;
    bool m_showClient = true;
};

} // namespace ks
