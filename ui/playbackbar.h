#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace ks {

class PlaybackController;

// Transport controls for a PlaybackController: restart, previous/next event, play/pause, speed,
// a scrub slider and the time. Buttons take no focus, so Space and the arrows always reach the
// window's shortcuts.
class PlaybackBar : public QWidget
{
    Q_OBJECT
public:
    explicit PlaybackBar(PlaybackController *controller, QWidget *parent = nullptr);

    QSlider *slider() const { return m_slider; }
    // The number of seconds as the bar shows it ("1.250"); TimeFormat adds units.
    static QString formatTime(qint64 us);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updatePosition();
    void updateRange();
    void updatePlaying();
    void updateSpeed();
    void retranslateUi();

    PlaybackController *m_controller;
    QToolButton *m_restart = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_play = nullptr;
    QToolButton *m_next = nullptr;
    QComboBox *m_speed = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_time = nullptr;
};

} // namespace ks
