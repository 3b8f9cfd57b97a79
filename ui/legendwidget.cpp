#include "legendwidget.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <array>

namespace ks {

namespace {
constexpr int Chip = 14;
constexpr int Gap = 6;
constexpr int ItemSpacing = 16;
constexpr int Margin = 6;
} // namespace

LegendWidget::LegendWidget(QWidget *parent)
    : QWidget(parent)
    , m_theme(palette())
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

QList<LegendWidget::Item> LegendWidget::legendItems(const Timeline *timeline, bool clientStates)
{
    // With a timeline: what it shows, so a slide's key has no entries its picture lacks.
    std::array<bool, SegmentStateCount> states{};
    bool pending = !timeline;
    bool arrows = !timeline;
    bool pennants = !timeline;
    bool global = !timeline;
    if (timeline) {
        for (int lane = 0; lane < timeline->laneCount(); ++lane) {
            for (const quint8 st : timeline->states(lane))
                states[size_t(st) < states.size() ? size_t(st) : 0] = true;
            for (const quint8 fl : timeline->flags(lane))
                pending |= bool(fl & SegmentFlag::KillPending);
        }
        arrows = !timeline->signalList().empty();
        for (const TimelineMarker &m : timeline->markerList()) {
            pennants |= m.kind == MarkerKind::FlagNoticed;
            global |= m.kind == MarkerKind::GlobalAction;
        }
    } else {
        states.fill(true);
    }
    QList<Item> list;
    for (int i = 0; i < SegmentStateCount; ++i) {
        const auto s = SegmentState(i);
        if ((!clientStates && isClientState(s)) || !states[size_t(i)])
            continue;
        list.append({Glyph::State, s, Theme::stateName(s), Theme::stateDescription(s)});
    }
    if (pending)
        list.append({Glyph::KillPending, SegmentState::Running, Theme::killPendingName(),
                     Theme::killPendingDescription()});
    if (arrows)
        list.append({Glyph::Arrow, SegmentState::Running, tr("Kill signal"),
                     tr("An arrow from the session that sends KILL (or Ctrl+C) to its victim.")});
    if (pennants)
        list.append({Glyph::Pennant, SegmentState::Running,
                     Theme::markerName(MarkerKind::FlagNoticed),
                     tr("The victim reached a check point and saw its kill flag.")});
    if (global)
        list.append({Glyph::GlobalAction, SegmentState::Running,
                     Theme::markerName(MarkerKind::GlobalAction),
                     tr("SET GLOBAL or a what-if knob, for the whole server from that moment.")});
    return list;
}

QList<QRect> LegendWidget::layoutLegend(const QList<Item> &items, const QFont &font, int width,
                                        int *height)
{
    const QFontMetrics fm(font);
    const int chip = std::max(Chip, fm.height() * 7 / 10);
    const int lineH = std::max(chip, fm.height()) + 4;
    const int gap = std::max(Gap, chip / 2);
    const int spacing = std::max(ItemSpacing, chip);
    QList<QRect> rects;
    int x = Margin;
    int y = Margin;
    for (const Item &item : items) {
        const int w = chip + gap + fm.horizontalAdvance(item.name);
        if (x > Margin && x + w > width - Margin) {
            x = Margin;
            y += lineH;
        }
        rects.append(QRect(x, y, w, lineH));
        x += w + spacing;
    }
    if (height)
        *height = y + lineH + Margin;
    return rects;
}

int LegendWidget::heightForWidth(int width) const
{
    int h = 0;
    layoutLegend(items(), font(), width, &h);
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
        const QList<QRect> rects = layoutLegend(items(), font(), width(), nullptr);
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
    paintLegend(p, rect(), items(), font(), m_theme);
}

int LegendWidget::paintLegend(QPainter &p, const QRect &area, const QList<Item> &list,
                              const QFont &font, const Theme &theme)
{
    int height = 0;
    const QList<QRect> rects = layoutLegend(list, font, area.width(), &height);
    const QFontMetrics fm(font);
    const int size = std::max(Chip, fm.height() * 7 / 10);
    const double g = size / double(Chip); // glyphs grow with the type (slides)
    p.save();
    p.translate(area.topLeft());
    p.setFont(font);
    for (qsizetype i = 0; i < rects.size(); ++i) {
        const Item &item = list[i];
        const QRect r = rects[i];
        const QRect chip(r.x(), r.y() + (r.height() - size) / 2, size, size);
        p.setRenderHint(QPainter::Antialiasing, false);
        switch (item.glyph) {
        case Glyph::State:
            if (theme.barStyle(item.state) == Theme::BarStyle::Thin)
                p.fillRect(QRect(chip.x(), chip.center().y() - 1, size, 3),
                           theme.stateColor(item.state));
            else
                p.fillRect(chip, theme.stateColor(item.state));
            break;
        case Glyph::KillPending:
            p.fillRect(chip, theme.stateColor(SegmentState::Running));
            for (int y = 0; y < size; ++y)
                for (int x = 0; x < size; ++x)
                    if (((chip.x() + x - chip.y() - y) & 7) < 2)
                        p.fillRect(QRect(chip.x() + x, chip.y() + y, 1, 1), theme.killFlagColor());
            break;
        case Glyph::Arrow: {
            p.setRenderHint(QPainter::Antialiasing, true);
            const QColor c = theme.signalColor(SignalKind::KillQuery);
            p.setPen(QPen(c, 2 * g));
            const double x = chip.center().x() + 0.5;
            p.drawLine(QPointF(x, chip.top()), QPointF(x, chip.bottom() - 4 * g));
            QPainterPath head;
            head.moveTo(x, chip.bottom() + 1);
            head.lineTo(x - 4 * g, chip.bottom() - 6 * g);
            head.lineTo(x + 4 * g, chip.bottom() - 6 * g);
            head.closeSubpath();
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawPath(head);
            break;
        }
        case Glyph::Pennant: {
            p.setRenderHint(QPainter::Antialiasing, true);
            const double x = chip.x() + 3.5 * g;
            p.setPen(QPen(theme.hover(), 1.5 * g));
            p.drawLine(QPointF(x, chip.top()), QPointF(x, chip.bottom()));
            QPainterPath flag;
            flag.moveTo(x, chip.top());
            flag.lineTo(x + 9 * g, chip.top() + 3.5 * g);
            flag.lineTo(x, chip.top() + 7 * g);
            flag.closeSubpath();
            p.setPen(QPen(theme.hover(), g));
            p.setBrush(theme.killFlagColor());
            p.drawPath(flag);
            break;
        }
        case Glyph::GlobalAction: {
            const QColor c = theme.markerColor(MarkerKind::GlobalAction);
            p.fillRect(QRect(chip.x() + 1, chip.y(), 2, size), c);
            p.fillRect(QRect(chip.x() + 1, chip.y(), size - 2, size / 2), c);
            break;
        }
        }
        p.setPen(theme.text());
        const int gap = std::max(Gap, size / 2);
        p.drawText(QRect(r.x() + size + gap, r.y(), r.width() - size - gap, r.height()),
                   Qt::AlignVCenter | Qt::AlignLeft, item.name);
    }
    p.restore();
    return height;
}

} // namespace ks
