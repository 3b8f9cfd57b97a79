#include "presentationmode.h"

#include "narrationmodel.h"
#include "stagelayout.h"
#include "swimlaneview.h"
#include "timelineviewport.h"

#include <QDockWidget>
#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QScreen>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

namespace ks {

namespace {

// Fonts in pixels of the screen, kept as point sizes so they scale like every other font.
void setPixelSize(QWidget *w, double px, bool bold = false)
{
    QFont f = w->font();
    const double dpi = w->screen() ? w->screen()->logicalDotsPerInchY() : 96.0;
    f.setPointSizeF(px * 72.0 / dpi);
    f.setBold(bold);
    w->setFont(f);
}

QLabel *band(QWidget *parent, const QString &name, QColor background, QColor text)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setAutoFillBackground(true);
    QPalette pal = label->palette();
    pal.setColor(QPalette::Window, background);
    pal.setColor(QPalette::WindowText, text);
    label->setPalette(pal);
    label->hide();
    return label;
}

} // namespace

PresentationMode::PresentationMode(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{
    auto *layout = qobject_cast<QVBoxLayout *>(m_parts.area->layout());
    Q_ASSERT(layout);
    const QColor dark(0x20, 0x24, 0x2b);
    m_title =
        band(m_parts.area, QStringLiteral("presentationTitle"), dark, QColor(0xe8, 0xea, 0xee));
    m_caption = band(m_parts.area, QStringLiteral("captionLabel"), dark, QColor(0xf5, 0xf5, 0xf5));
    m_caption->setAlignment(Qt::AlignCenter);
    m_footnote =
        band(m_parts.area, QStringLiteral("footnoteLabel"), dark, QColor(0xb8, 0xbe, 0xc6));
    m_footnote->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->insertWidget(0, m_title);
    layout->addWidget(m_caption);
    layout->addWidget(m_footnote);

    // The processlist over the lanes, on the window's own (sorted) model: toggled with P.
    m_overlay = new QTableView(m_parts.area);
    m_overlay->setObjectName(QStringLiteral("presentationProcesslist"));
    m_overlay->setModel(m_parts.processlist);
    m_overlay->verticalHeader()->hide();
    m_overlay->horizontalHeader()->setStretchLastSection(true);
    m_overlay->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_overlay->setSelectionMode(QAbstractItemView::NoSelection);
    m_overlay->setFocusPolicy(Qt::NoFocus);
    m_overlay->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_overlay->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_overlay->setWordWrap(false);
    m_overlay->hide();

    connect(m_parts.narration, &NarrationModel::currentChanged, this,
            &PresentationMode::updateTexts);
    m_parts.view->installEventFilter(this);
    m_parts.window->installEventFilter(this);
}

PresentationMode::~PresentationMode() = default;

bool PresentationMode::isProcesslistShown() const
{
    return m_on && m_overlay->isVisible();
}

int PresentationMode::screenHeight() const
{
    const QScreen *screen = m_parts.window->screen();
    return screen ? screen->geometry().height() : m_parts.window->height();
}

void PresentationMode::setOn(bool on)
{
    if (on == m_on)
        return;
    m_on = on;
    QMainWindow *w = m_parts.window;
    SwimlaneView *view = m_parts.view;
    if (on) {
        m_savedState = w->saveState();
        m_savedGeometry = w->saveGeometry();
        m_wasMaximized = w->isMaximized();
        m_wasFullScreen = w->isFullScreen();
        m_hiddenChrome.clear();
        for (QWidget *c : m_parts.chrome) {
            if (c->isVisible()) {
                m_hiddenChrome << c;
                c->hide();
            }
        }
        for (QDockWidget *d : w->findChildren<QDockWidget *>())
            d->hide();
        view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_title->show();
        m_caption->show();
        updateTexts();
        m_parts.area->setFocus();
        coverScreen();
        refit();
        view->viewportController()->zoomToFit();
    } else {
        m_title->hide();
        m_caption->hide();
        m_footnote->hide();
        m_overlay->hide();
        view->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        view->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        view->setScale(1.0);
        for (QWidget *c : m_hiddenChrome)
            c->show();
        m_hiddenChrome.clear();
        w->restoreState(m_savedState);
        if (m_wasFullScreen)
            w->showFullScreen();
        else if (m_wasMaximized)
            w->showMaximized();
        else
            w->showNormal();
        w->restoreGeometry(m_savedGeometry);
    }
    Q_EMIT toggled(on);
}

void PresentationMode::coverScreen()
{
    QMainWindow *w = m_parts.window;
    w->showFullScreen();
    // Without a window manager nobody acts on the full-screen request: the window covers its
    // screen by itself. With one the geometry asked for is the one it gives, so asking does no
    // harm; a late manager gets a second request once it had time to answer.
    if (QScreen *screen = w->screen()) {
        w->setGeometry(screen->geometry());
        QTimer::singleShot(300, this, [this] {
            QMainWindow *win = m_parts.window;
            if (m_on && win->screen() && win->geometry() != win->screen()->geometry())
                win->setGeometry(win->screen()->geometry());
        });
    }
    w->raise();
    w->activateWindow();
}

void PresentationMode::refit()
{
    if (!m_on || m_refitting)
        return;
    m_refitting = true;
    const int screenH = screenHeight();
    const int base = stagelayout::baseFontPx(screenH);
    const int pad = std::max(8, base / 2);
    setPixelSize(m_title, base * 0.8, true);
    setPixelSize(m_caption, base * 1.05);
    setPixelSize(m_footnote, base * 0.55);
    m_title->setContentsMargins(pad, pad / 2, pad, pad / 2);
    m_caption->setContentsMargins(pad, pad, pad, m_footnote->isVisible() ? pad / 3 : pad);
    m_footnote->setContentsMargins(pad, 0, pad, pad / 2);
    // A caption of up to three lines keeps its height, so the lanes do not jump as it changes.
    m_caption->setMinimumHeight(QFontMetrics(m_caption->font()).lineSpacing() * 2 + 2 * pad);
    // Let the layout give the view its height before the rows are computed for it.
    m_parts.area->layout()->activate();
    m_parts.view->fitToStage(screenH);
    placeOverlay();
    m_refitting = false;
}

void PresentationMode::updateTexts()
{
    if (!m_on)
        return;
    m_title->setText(m_parts.title ? m_parts.title() : QString());
    QString caption = m_parts.narration->captionText();
    if (caption.isEmpty() && m_parts.fallbackCaption)
        caption = m_parts.fallbackCaption();
    const QString caveat = m_parts.narration->caveatText();
    // The caveat is a footnote to the caption: a mark here, its text small underneath.
    m_caption->setText(caveat.isEmpty() ? caption : caption + QStringLiteral(" *"));
    const bool hadFootnote = m_footnote->isVisible();
    m_footnote->setText(caveat.isEmpty() ? QString() : QStringLiteral("* ") + caveat);
    m_footnote->setVisible(!caveat.isEmpty());
    if (hadFootnote != m_footnote->isVisible())
        QTimer::singleShot(0, this, &PresentationMode::refit);
}

void PresentationMode::toggleProcesslist()
{
    if (!m_on)
        return;
    m_overlay->setVisible(!m_overlay->isVisible());
    placeOverlay();
}

void PresentationMode::placeOverlay()
{
    if (!m_overlay->isVisible())
        return;
    const int base = stagelayout::baseFontPx(screenHeight());
    // Type for the back of the room; a style sheet, because it is what a table's header and
    // cells both follow.
    const int px = int(std::lround(base * 0.62));
    m_overlay->setStyleSheet(
        QStringLiteral("QTableView { background: rgba(255, 255, 255, 240); border: 2px solid "
                       "#20242b; font-size: %1px; } QHeaderView::section { font-size: %1px; "
                       "font-weight: bold; padding: 2px 6px; }")
            .arg(px));
    QFont f = m_overlay->font();
    f.setPixelSize(px);
    m_overlay->setFont(f);
    m_overlay->verticalHeader()->setDefaultSectionSize(QFontMetrics(m_overlay->font()).height() +
                                                       8);
    // What the room needs to follow: who, what, how long, in which state.
    const QList<int> shown = m_parts.overlayColumns ? m_parts.overlayColumns() : QList<int>();
    for (int c = 0; m_overlay->model() && c < m_overlay->model()->columnCount(); ++c)
        m_overlay->setColumnHidden(c, !shown.isEmpty() && !shown.contains(c));
    m_overlay->resizeColumnsToContents();
    const QRect lanes = m_parts.view->geometry();
    const int rows = m_overlay->model() ? m_overlay->model()->rowCount() : 0;
    const int h = std::min(lanes.height() * 6 / 10,
                           m_overlay->horizontalHeader()->height() +
                               rows * m_overlay->verticalHeader()->defaultSectionSize() + 6);
    const int w = std::min(lanes.width() * 9 / 10, m_overlay->horizontalHeader()->length() + 6);
    m_overlay->setGeometry(lanes.right() - w - base, lanes.bottom() - h - base / 2, w, h);
    m_overlay->raise();
}

bool PresentationMode::eventFilter(QObject *watched, QEvent *event)
{
    if (m_on &&
        (event->type() == QEvent::Resize || event->type() == QEvent::ScreenChangeInternal) &&
        (watched == m_parts.view || watched == m_parts.window))
        QTimer::singleShot(0, this, &PresentationMode::refit);
    return QObject::eventFilter(watched, event);
}

} // namespace ks
