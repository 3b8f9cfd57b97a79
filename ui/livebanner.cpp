#include "livebanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace ks {

LiveBanner::LiveBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_retry(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("liveBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("liveBannerText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("liveBannerRetry"));
    m_retry->setFocusPolicy(Qt::NoFocus);
    m_close->setObjectName(QStringLiteral("liveBannerClose"));
    m_close->setFocusPolicy(Qt::NoFocus);
    m_close->setFlat(true);
    connect(m_retry, &QPushButton::clicked, this, &LiveBanner::retryRequested);
    connect(m_close, &QPushButton::clicked, this, &LiveBanner::clear);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry);
    layout->addWidget(m_close);
    retranslateUi();
    hide();
}

void LiveBanner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_text->setText(text);
    const QStyle::StandardPixmap icon =
        kind == Kind::Notice ? QStyle::SP_MessageBoxInformation : QStyle::SP_MessageBoxWarning;
    const int size = fontMetrics().height() + 4;
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    // Amber for a lost server (it retries), red for a failure, blue-grey for a notice.
    const QColor back = kind == Kind::Lost    ? QColor(0xff, 0xf3, 0xcd)
                        : kind == Kind::Error ? QColor(0xfd, 0xde, 0xde)
                                              : QColor(0xe3, 0xee, 0xf8);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, back);
    pal.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    setPalette(pal);
    m_retry->setVisible(kind == Kind::Lost);
    show();
}

void LiveBanner::clear()
{
    m_text->clear();
    hide();
}

QString LiveBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

void LiveBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void LiveBanner::retranslateUi()
{
    m_retry->setText(tr("Retry now"));
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(tr("Dismiss"));
}

} // namespace ks
