#include "narrationpanel.h"

#include "narrationmodel.h"
#include "timeformat.h"

#include <QEvent>
#include <QLabel>
#include <QScrollBar>
#include <QTextBrowser>
#include <QUrl>
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

    m_list = new QTextBrowser(this);
    m_list->setObjectName(QStringLiteral("narrationList"));
    m_list->setOpenLinks(false);
    m_list->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_list, 1);
    connect(m_list, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        // Anchors are "#t<microseconds>".
        bool ok = false;
        const qint64 t = url.fragment().mid(1).toLongLong(&ok);
        if (ok)
            Q_EMIT stepActivated(t);
    });

    connect(m_model, &NarrationModel::currentChanged, this, &NarrationPanel::updateCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &NarrationPanel::updateCurrent);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &NarrationPanel::rebuildList);
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
    rebuildList();
    if (row < 0) {
        m_current->setText(m_model->rowCount() == 0
                               ? tr("This run has no narration.")
                               : tr("Press Space to play, → for the next step."));
        return;
    }
    m_current->setText(m_model->currentText());
    m_list->scrollToAnchor(QStringLiteral("t%1").arg(m_model->steps().value(row).atUs));
}

void NarrationPanel::rebuildList()
{
    // A quarter of the highlight over the base: readable in light and dark palettes.
    const QColor h = palette().color(QPalette::Highlight);
    const QColor b = palette().color(QPalette::Base);
    const QColor mix((h.red() + 3 * b.red()) / 4, (h.green() + 3 * b.green()) / 4,
                     (h.blue() + 3 * b.blue()) / 4);
    const QString current = mix.name();
    QString html;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const qint64 t = m_model->steps()[row].atUs;
        const bool isCurrent = row == m_model->currentRow();
        html +=
            QStringLiteral("<p style=\"margin:0 0 6px 0;%1\"><a name=\"t%2\"></a>"
                           "<a href=\"#t%2\" style=\"text-decoration:none\">%3</a>"
                           "&nbsp; %4</p>")
                .arg(isCurrent ? QStringLiteral("background-color:%1;").arg(current) : QString())
                .arg(t)
                .arg(TimeFormat::seconds(t).replace(QLatin1Char(' '), QChar::Nbsp),
                     m_model->textAt(row).toHtmlEscaped());
    }
    if (html == m_html)
        return;
    m_html = html;
    const int scroll = m_list->verticalScrollBar()->value();
    m_list->setHtml(html);
    m_list->verticalScrollBar()->setValue(scroll);
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
