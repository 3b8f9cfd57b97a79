#include "playbackbar.h"

#include "playbackcontroller.h"
#include "timeformat.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

namespace ks {

namespace {
// The slider works in milliseconds: an int of ms covers 24 days, far beyond any run.
constexpr qint64 SliderUnitUs = 1000;
} // namespace

PlaybackBar::PlaybackBar(PlaybackController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("playbackBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);

    auto button = [this, layout](const QString &name, QStyle::StandardPixmap icon) {
        auto *b = new QToolButton(this);
        b->setObjectName(name);
        b->setIcon(style()->standardIcon(icon));
        b->setFocusPolicy(Qt::NoFocus);
        b->setAutoRaise(true);
        layout->addWidget(b);
        return b;
    };
    m_restart = button(QStringLiteral("restartButton"), QStyle::SP_MediaSkipBackward);
    m_previous = button(QStringLiteral("previousButton"), QStyle::SP_MediaSeekBackward);
    m_play = button(QStringLiteral("playButton"), QStyle::SP_MediaPlay);
    m_next = button(QStringLiteral("nextButton"), QStyle::SP_MediaSeekForward);
    connect(m_restart, &QToolButton::clicked, m_controller, &PlaybackController::restart);
    connect(m_previous, &QToolButton::clicked, m_controller, &PlaybackController::stepBackward);
    connect(m_play, &QToolButton::clicked, m_controller, &PlaybackController::togglePlay);
    connect(m_next, &QToolButton::clicked, m_controller, &PlaybackController::stepForward);

    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("speedCombo"));
    m_speed->setFocusPolicy(Qt::NoFocus);
    for (double s : PlaybackController::speedSteps())
        m_speed->addItem(QStringLiteral("%1×").arg(s), s);
    layout->addWidget(m_speed);
    connect(m_speed, &QComboBox::activated, this,
            [this](int i) { m_controller->setSpeed(m_speed->itemData(i).toDouble()); });

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("timeSlider"));
    m_slider->setFocusPolicy(Qt::NoFocus);
    m_slider->setMinimumWidth(160);
    layout->addWidget(m_slider, 1);
    connect(m_slider, &QSlider::sliderPressed, m_controller, &PlaybackController::beginScrub);
    connect(m_slider, &QSlider::sliderReleased, m_controller, &PlaybackController::endScrub);
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        // Only the user's moves: programmatic updates are made under a signal blocker.
        m_controller->scrubTo(qint64(v) * SliderUnitUs);
    });

    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("timeLabel"));
    QFont mono = m_time->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_time->setFont(mono);
    layout->addWidget(m_time);

    connect(m_controller, &PlaybackController::positionChanged, this, &PlaybackBar::updatePosition);
    connect(m_controller, &PlaybackController::rangeChanged, this, &PlaybackBar::updateRange);
    connect(m_controller, &PlaybackController::playingChanged, this, &PlaybackBar::updatePlaying);
    connect(m_controller, &PlaybackController::speedChanged, this, &PlaybackBar::updateSpeed);
    updateRange();
    updatePlaying();
    updateSpeed();
    retranslateUi();
}

QString PlaybackBar::formatTime(qint64 us)
{
    return TimeFormat::secondsNumber(us);
}

void PlaybackBar::updatePosition()
{
    const QSignalBlocker blocker(m_slider);
    m_slider->setValue(int(m_controller->position() / SliderUnitUs));
    m_time->setText(tr("%1 / %2").arg(TimeFormat::seconds(m_controller->position()),
                                      TimeFormat::seconds(m_controller->end())));
}

void PlaybackBar::updateRange()
{
    const QSignalBlocker blocker(m_slider);
    m_slider->setRange(int(m_controller->begin() / SliderUnitUs),
                       int(m_controller->end() / SliderUnitUs));
    updatePosition();
}

void PlaybackBar::updatePlaying()
{
    m_play->setIcon(style()->standardIcon(m_controller->isPlaying() ? QStyle::SP_MediaPause
                                                                    : QStyle::SP_MediaPlay));
    m_play->setToolTip(m_controller->isPlaying() ? tr("Pause (Space)") : tr("Play (Space)"));
}

void PlaybackBar::updateSpeed()
{
    const QList<double> steps = PlaybackController::speedSteps();
    int best = 0;
    for (int i = 0; i < steps.size(); ++i)
        if (std::abs(steps[i] - m_controller->speed()) <
            std::abs(steps[best] - m_controller->speed()))
            best = i;
    m_speed->setCurrentIndex(best);
}

void PlaybackBar::retranslateUi()
{
    m_restart->setToolTip(tr("Restart (Home)"));
    m_previous->setToolTip(tr("Previous event (←)"));
    m_next->setToolTip(tr("Next event (→)"));
    m_speed->setToolTip(tr("Playback speed ([ slower, ] faster)"));
    m_slider->setToolTip(tr("Drag to scrub through the run"));
    updatePlaying();
    updatePosition();
}

void PlaybackBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace ks
