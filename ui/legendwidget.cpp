#include "legendwidget.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace ks {

namespace {
constexpr int Chip = 14;
constexpr int Gap = 6;
constexpr int ItemSpacing = 16;
constexpr int Margin = 6;
} // namespace

LegendWidget::LegendWidget(QWidget *parent) : QWidget(parent), m_theme(palette())
{
    setObjectName(QStringLiteral("legend"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

LegendWidget::~LegendWidget() = default;

void LegendWidget::setTheme(const Theme &theme)
{
    m_theme = theme;
    m_themeFromPalette = false;
    update();
}

void LegendWidget::setShowClientStates(bool show)
{
    m_showClient = show;
    updateGeometry();
    update();
}

QList<LegendWidget::Item> LegendWidget::items() const
{
    QList<Item> list;
    for (int i = 0; i < SegmentStateCount; ++i) {
        const auto s = SegmentState(i);
        if (!m_showClient && isClientState(s))
            continue;
        list.append({Glyph::State, s, Theme::stateName(s), Theme::stateDescription(s)});
    }
    list.append({Glyph::KillPending, SegmentState::Running, Theme::killPendingName(),
                 Theme::killPendingDescription()});
    list.append({Glyph::Arrow, SegmentState::Running, tr("Kill signal"),
                 tr("An arrow from the session that sends KILL (or Ctrl+C) to its victim.")});
    list.append({Glyph::Pennant, SegmentState::Running, Theme::markerName(MarkerKind::FlagNoticed),
                 tr("The victim reached a check point and saw its kill flag.")});
    return list;
}

QList<QRect> LegendWidget::layoutItems(int width, int *height) const
{
    const QFontMetrics fm(font());
    const int lineH = std::max(Chip, fm.height()) + 4;
    QList<QRect> rects;
    int x = Margin;
    int y = Margin;
    for (const Item &item : items()) {
        const int w = Chip + Gap + fm.horizontalAdvance(item.name);
        if (x > Margin && x + w > width - Margin) {
            x = Margin;
            y += lineH;
        }
        rects.append(QRect(x, y, w, lineH));
        x += w + ItemSpacing;
    }
    if (height)
        *height = y + lineH + Margin;
    return rects;
}

int LegendWidget::heightForWidth(int width) const
{
    int h = 0;
    layoutItems(width, &h);
    return h;
}

QSize LegendWidget::sizeHint() const
{
    const int w = 900;
    return QSize(w, heightForWidth(w));
}

QSize LegendWidget::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return QSize(200, fm.height() + 2 * Margin);
}

void LegendWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_themeFromPalette)
        m_theme = Theme(palette());
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

bool LegendWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *he = static_cast<QHelpEvent *>(event);
        const QList<QRect> rects = layoutItems(width(), nullptr);
        const QList<Item> list = items();
        for (qsizetype i = 0; i < rects.size(); ++i) {
            if (rects[i].contains(he->pos())) {
                QToolTip::showText(he->globalPos(), list[i].description, this, rects[i]);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

void LegendWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), m_theme.background());
    const QList<QRect> rects = layoutItems(width(), nullptr);
    const QList<Item> list = items();
    const QFontMetrics fm(font());
    for (qsizetype i = 0; i < rects.size(); ++i) {
        const Item &item = list[i];
        const QRect r = rects[i];
        const QRect chip(r.x(), r.y() + (r.height() - Chip) / 2, Chip, Chip);
        p.setRenderHint(QPainter::Antialiasing, false);
        switch (item.glyph) {
        case Glyph::State:
            if (m_theme.barStyle(item.state) == Theme::BarStyle::Thin)
                p.fillRect(QRect(chip.x(), chip.center().y() - 1, Chip, 3), m_theme.stateColor(item.state));
            else
                p.fillRect(chip, m_theme.stateColor(item.state));
            break;
        case Glyph::KillPending:
            p.fillRect(chip, m_theme.stateColor(SegmentState::Running));
            for (int y = 0; y < Chip; ++y)
                for (int x = 0; x < Chip; ++x)
                    if (((chip.x() + x - chip.y() - y) & 7) < 2)
                        p.fillRect(QRect(chip.x() + x, chip.y() + y, 1, 1), m_theme.killFlagColor());
            break;
        case Glyph::Arrow: {
            p.setRenderHint(QPainter::Antialiasing, true);
            const QColor c = m_theme.signalColor(SignalKind::KillQuery);
            p.setPen(QPen(c, 2));
            const double x = chip.center().x() + 0.5;
            p.drawLine(QPointF(x, chip.top()), QPointF(x, chip.bottom() - 4));
            QPainterPath head;
            head.moveTo(x, chip.bottom() + 1);
            head.lineTo(x - 4, chip.bottom() - 6);
            head.lineTo(x + 4, chip.bottom() - 6);
            head.closeSubpath();
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawPath(head);
            break;
        }
        case Glyph::Pennant: {
            p.setRenderHint(QPainter::Antialiasing, true);
            const double x = chip.x() + 3.5;
            p.setPen(QPen(m_theme.hover(), 1.5));
            p.drawLine(QPointF(x, chip.top()), QPointF(x, chip.bottom()));
            QPainterPath flag;
            flag.moveTo(x, chip.top());
            flag.lineTo(x + 9, chip.top() + 3.5);
            flag.lineTo(x, chip.top() + 7);
            flag.closeSubpath();
            p.setPen(QPen(m_theme.hover(), 1));
            p.setBrush(m_theme.killFlagColor());
            p.drawPath(flag);
            break;
        }
        }
        p.setPen(m_theme.text());
        p.drawText(QRect(r.x() + Chip + Gap, r.y(), r.width() - Chip - Gap, r.height()),
                   Qt::AlignVCenter | Qt::AlignLeft, item.name);
    }
}

} // namespace ks
