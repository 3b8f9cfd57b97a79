#include "killconfirmdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTextDocument>
#include <QVBoxLayout>

namespace ks {

KillConfirmDialog::KillConfirmDialog(const QList<KillPreview> &previews, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("killConfirmDialog"));
    setWindowTitle(previews.size() == 1 ? tr("Confirm %1").arg(previews.constFirst().statement)
                                        : tr("Confirm %n kill(s)", nullptr, int(previews.size())));
    QString html;
    bool blocked = false;
    for (const KillPreview &p : previews) {
        blocked |= p.blocked;
        html += QStringLiteral("<p><b>%1</b> — %2<br/>%3</p><p>%4</p>")
                    .arg(p.statement.toHtmlEscaped(), p.target.toHtmlEscaped(),
                         p.activity.toHtmlEscaped(), p.consequence.toHtmlEscaped());
        if (!p.warnings.isEmpty()) {
            html += QStringLiteral("<ul>");
            for (const QString &w : p.warnings)
                html += QStringLiteral("<li><span style='color:#b04000'>⚠ %1</span></li>")
                            .arg(w.toHtmlEscaped());
            html += QStringLiteral("</ul>");
        }
        html += QStringLiteral("<hr/>");
    }
    if (html.endsWith(QStringLiteral("<hr/>")))
        html.chop(5);

    m_text = new QLabel(html, this);
    m_text->setObjectName(QStringLiteral("killPreviewText"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_text->setMargin(8);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setMinimumWidth(520);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_text);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *buttons = new QDialogButtonBox(this);
    m_kill = buttons->addButton(previews.size() == 1 ? tr("Kill") : tr("Kill all"),
                                QDialogButtonBox::AcceptRole);
    m_kill->setObjectName(QStringLiteral("killButton"));
    m_kill->setEnabled(!blocked);
    m_kill->setAutoDefault(false);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(640, qMin(560, 150 + 120 * int(previews.size())));
}

QString KillConfirmDialog::text() const
{
    QTextDocument doc;
    doc.setHtml(m_text->text());
    return doc.toPlainText();
}

bool KillConfirmDialog::confirm(QWidget *parent, const QList<KillPreview> &previews)
{
    KillConfirmDialog d(previews, parent);
    return d.exec() == QDialog::Accepted;
}

} // namespace ks
