#include "narrationpanel.h"

#include "narrationmodel.h"

#include <QEvent>
#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

namespace ks {

NarrationPanel::NarrationPanel(NarrationModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("narrationPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("narrationTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);

    m_current = new QLabel(this);
    m_current->setObjectName(QStringLiteral("narrationCurrent"));
    m_current->setWordWrap(true);
    m_current->setTextFormat(Qt::PlainText);
    m_current->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_current->setMinimumHeight(m_current->fontMetrics().lineSpacing() * 5);
    QFont big = m_current->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_current->setFont(big);
    m_current->setFrameShape(QFrame::StyledPanel);
    m_current->setMargin(6);
    m_current->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_current);

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("narrationList"));
    m_list->setModel(m_model);
    m_model->setShowTimes(true);
    m_list->setSpacing(2);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_list, 1);

    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT stepActivated(index.data(NarrationModel::TimeUsRole).toLongLong());
    });
    connect(m_model, &NarrationModel::currentChanged, this, &NarrationPanel::updateCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &NarrationPanel::updateCurrent);
    retranslateUi();
    updateCurrent();
}

QString NarrationPanel::currentText() const
{
    return m_current->text();
}

void NarrationPanel::updateCurrent()
{
    const int row = m_model->currentRow();
    if (row < 0) {
        m_current->setText(m_model->rowCount() == 0 ? tr("This run has no narration.")
                                                    : tr("Press Space to play, → for the next step."));
        return;
    }
    m_current->setText(m_model->currentText());
    m_list->scrollTo(m_model->index(row), QAbstractItemView::EnsureVisible);
}

void NarrationPanel::retranslateUi()
{
    m_title->setText(tr("What is happening"));
    updateCurrent();
}

void NarrationPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace ks
