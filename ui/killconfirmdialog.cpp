#include "killconfirmdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

namespace ks {

KillConfirmDialog::KillConfirmDialog(const QList<KillPreview> &previews, QWidget *parent)
    : QDialog(parent)
    , m_previews(previews)
{
    setObjectName(QStringLiteral("killConfirmDialog"));

    m_text = new QLabel(this);
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
    m_kill = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_kill->setObjectName(QStringLiteral("killButton"));
    m_kill->setAutoDefault(false);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    rebuild();
    resize(640, qMin(560, 150 + 120 * int(previews.size())));
}

void KillConfirmDialog::setRefresher(Refresher refresher, int intervalMs)
{
    m_refresher = std::move(refresher);
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, [this] {
            if (m_refresher && m_stoppedWhy.isEmpty())
                setPreviews(m_refresher());
        });
    }
    m_stoppedWhy = notCurrentWhy(m_previews);
    if (m_stoppedWhy.isEmpty())
        m_timer->start(intervalMs);
    else
        m_timer->stop();
    rebuild();
}

bool KillConfirmDialog::isRefreshing() const
{
    return m_timer && m_timer->isActive();
}

QString KillConfirmDialog::notCurrentWhy(const QList<KillPreview> &previews)
{
    for (const KillPreview &p : previews)
        if (!p.notCurrent.isEmpty())
            return p.notCurrent;
    return {};
}

void KillConfirmDialog::setPreviews(const QList<KillPreview> &previews)
{
    m_previews = previews;
    ++m_refreshes;
    // The target's server life ended or the server is out of reach: these are the last
    // previews that mean anything, and they stay as they are.
    const QString why = notCurrentWhy(previews);
    if (!why.isEmpty() && m_stoppedWhy.isEmpty()) {
        m_stoppedWhy = why;
        if (m_timer)
            m_timer->stop();
    }
    rebuild();
}

int KillConfirmDialog::offeredCount() const
{
    int n = 0;
    for (const KillPreview &p : m_previews)
        n += offered(p) ? 1 : 0;
    return n;
}

void KillConfirmDialog::rebuild()
{
    const int total = int(m_previews.size());
    setWindowTitle(total == 1 ? tr("Confirm %1").arg(m_previews.constFirst().statement)
                              : tr("Confirm %n kill(s)", nullptr, total));
    bool blocked = false;
    QString html;
    // One warning, many targets: said once, with the sessions it applies to.
    QStringList warnings;
    QList<QStringList> warnedIds;
    QStringList refused;
    for (const KillPreview &p : m_previews) {
        blocked |= p.blocked;
        if (total > 1 && !offered(p)) {
            refused << tr("%1 — %2: %3")
                           .arg(p.statement.toHtmlEscaped(), p.target.toHtmlEscaped(),
                                (p.blocked ? p.consequence : p.cannotSucceedWhy).toHtmlEscaped());
            continue;
        }
        html += QStringLiteral("<p><b>%1</b> — %2<br/>%3</p><p>%4</p>")
                    .arg(p.statement.toHtmlEscaped(), p.target.toHtmlEscaped(),
                         p.activity.toHtmlEscaped(), p.consequence.toHtmlEscaped());
        if (total == 1) {
            if (!p.warnings.isEmpty()) {
                html += QStringLiteral("<ul>");
                for (const QString &w : p.warnings)
                    html += QStringLiteral("<li><span style='color:#b04000'>⚠ %1</span></li>")
                                .arg(w.toHtmlEscaped());
                html += QStringLiteral("</ul>");
            }
            continue;
        }
        for (const QString &w : p.warnings) {
            qsizetype i = warnings.indexOf(w);
            if (i < 0) {
                warnings << w;
                warnedIds << QStringList();
                i = warnings.size() - 1;
            }
            warnedIds[i] << QString::number(p.targetId);
        }
        html += QStringLiteral("<hr/>");
    }
    if (html.endsWith(QStringLiteral("<hr/>")))
        html.chop(5);
    if (!warnings.isEmpty()) {
        html += QStringLiteral("<ul>");
        for (qsizetype i = 0; i < warnings.size(); ++i)
            html += QStringLiteral("<li><span style='color:#b04000'>⚠ %1</span> %2</li>")
                        .arg(warnings[i].toHtmlEscaped(),
                             tr("(sessions %1)").arg(warnedIds[i].join(QStringLiteral(", "))));
        html += QStringLiteral("</ul>");
    }
    if (!refused.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>")
                    .arg(tr("Not offered: %n of these kill(s) cannot succeed.", nullptr,
                            int(refused.size()))
                             .toHtmlEscaped());
        for (const QString &r : std::as_const(refused))
            html += QStringLiteral("<li>%1</li>").arg(r);
        html += QStringLiteral("</ul>");
    }
    if (!m_stoppedWhy.isEmpty())
        html += QStringLiteral("<p style='color:#b04000'>%1</p>").arg(m_stoppedWhy.toHtmlEscaped());
    else if (m_refresher)
        html += QStringLiteral("<p style='color:gray'>%1</p>")
                    .arg(tr("Estimates follow the newest sample while this dialog is open.")
                             .toHtmlEscaped());
    m_text->setText(html);

    const int offeredN = offeredCount();
    if (total == 1)
        m_kill->setText(tr("Kill"));
    else if (offeredN == total)
        m_kill->setText(tr("Kill all"));
    else
        m_kill->setText(tr("Kill the %n that can succeed", nullptr, offeredN));
    // One kill the server may refuse is still the user's call (the answer is tracked and
    // logged); of many, only those that can succeed are offered.
    m_kill->setEnabled(total == 1 ? !blocked : offeredN > 0);
}

QString KillConfirmDialog::text() const
{
    QTextDocument doc;
    doc.setHtml(m_text->text());
    return doc.toPlainText();
}

bool KillConfirmDialog::confirm(QWidget *parent, const QList<KillPreview> &previews,
                                const Refresher &refresher)
{
    KillConfirmDialog d(previews, parent);
    if (refresher)
        d.setRefresher(refresher);
    return d.exec() == QDialog::Accepted;
}

} // namespace ks
