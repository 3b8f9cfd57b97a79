#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QRect>
#include <functional>

class QAbstractItemModel;
class QAction;
class QLabel;
class QMainWindow;
class QTableView;
class QWidget;

namespace ks {

class NarrationModel;
class SwimlaneView;

// Presentation mode of the main window: the lanes fill the screen for a lecture hall.
//
//     PresentationMode::Parts parts{window, view, area, narration, processlist, title};
//     auto *stage = new PresentationMode(parts, window);
//     stage->setOn(true);    // F11; Esc leaves; P toggles the processlist overlay
//
// Invariants:
// - On: menus, tool and status bars, docks and the bottom tabs are hidden; the window covers its
//   screen, with or without a window manager (without one, showFullScreen() changes nothing, so
//   the window is sized to the screen's geometry itself); the lanes get the height left by the
//   title and the caption, with rows and type from stagelayout for that screen (no scroll bars).
// - The caption is the narration at the playhead; a modelling caveat (an UNVERIFIED step) never
//   replaces it but adds a mark and a small footnote.
// - Off restores exactly what was visible before, window geometry and dock layout included.
class PresentationMode : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        QMainWindow *window = nullptr;
        SwimlaneView *view = nullptr;
        QWidget *area = nullptr; // the view's parent, with a QVBoxLayout
        NarrationModel *narration = nullptr;
        QAbstractItemModel *processlist = nullptr;  // shown in the overlay
        std::function<QList<int>()> overlayColumns; // which of its columns; empty: all
        // The slide title (scenario and server), and what the caption shows when the narration
        // has nothing yet.
        std::function<QString()> title;
        std::function<QString()> fallbackCaption;
        // The widgets hidden while on (menu, tool and status bars, bottom tabs); docks are
        // hidden and restored by the window state.
        QList<QWidget *> chrome;
    };

    explicit PresentationMode(const Parts &parts, QObject *parent = nullptr);
    ~PresentationMode() override;

    bool isOn() const { return m_on; }
    QLabel *titleLabel() const { return m_title; }
    QLabel *captionLabel() const { return m_caption; }
    QLabel *footnoteLabel() const { return m_footnote; }
    QTableView *processlistOverlay() const { return m_overlay; }
    bool isProcesslistShown() const;

public Q_SLOTS:
    void setOn(bool on);
    void toggleProcesslist();
    // Narration, title or language changed: new texts.
    void updateTexts();
    // The screen, the window or the lanes changed: rows and type again.
    void refit();

Q_SIGNALS:
    void toggled(bool on);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void coverScreen();
    void placeOverlay();
    int screenHeight() const;

    Parts m_parts;
    bool m_on = false;
    QByteArray m_savedState;
    QByteArray m_savedGeometry;
    bool m_wasMaximized = false;
    bool m_wasFullScreen = false;
    QList<QWidget *> m_hiddenChrome;
    QLabel *m_title = nullptr;
    QLabel *m_caption = nullptr;
    QLabel *m_footnote = nullptr;
    QTableView *m_overlay = nullptr;
    bool m_refitting = false;
};

} // namespace ks
