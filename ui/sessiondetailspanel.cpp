#include "sessiondetailspanel.h"

#include "killtracker.h"
#include "processlistmodel.h"
#include "timeformat.h"

#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ks {

SessionDetailsPanel::SessionDetailsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("sessionDetailsPanel"));
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("sessionDetailsHeader"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setMargin(4);
    m_sql = new QPlainTextEdit(this);
    m_sql->setObjectName(QStringLiteral("sessionStatement"));
    // Read-only but selectable and copyable (Ctrl+C, the context menu's Copy).
    m_sql->setReadOnly(true);
    m_sql->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sql->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("sessionDetails"));
    m_details->setOpenLinks(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_header);
    layout->addWidget(m_sql, 2);
    layout->addWidget(m_details, 3);
    rebuild();
}

void SessionDetailsPanel::setSession(const ProcesslistRow &row)
{
    m_row = row;
    m_has = true;
    m_ended = false;
    rebuild();
}

void SessionDetailsPanel::clearSession()
{
    m_row = {};
    m_has = false;
    m_ended = false;
    rebuild();
}

void SessionDetailsPanel::refresh(const QList<ProcesslistRow> &rows, const QList<KillRecord> &kills,
                                  qint64 wallOriginMs)
{
    m_rows = rows;
    m_kills = kills;
    m_wallOriginMs = wallOriginMs;
    if (m_has) {
        bool found = false;
        for (const ProcesslistRow &r : rows) {
            // The same session, not merely the same id.
            if (r.id == m_row.id && r.incarnation == m_row.incarnation &&
                r.firstSeenUs == m_row.firstSeenUs) {
                m_row = r;
                found = true;
                break;
            }
        }
        m_ended = !found;
    }
    rebuild();
}

QString SessionDetailsPanel::timeText(qint64 us) const
{
    if (us < 0)
        return QStringLiteral("—");
    if (m_wallOriginMs >= 0)
        return QDateTime::fromMSecsSinceEpoch(m_wallOriginMs + us / 1000)
            .toString(QStringLiteral("HH:mm:ss.zzz"));
    return TimeFormat::seconds(us);
}

QString SessionDetailsPanel::statementText() const
{
    return m_sql->toPlainText();
}

QString SessionDetailsPanel::detailsText() const
{
    return m_header->text() + u'\n' + m_details->toPlainText();
}

void SessionDetailsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

void SessionDetailsPanel::rebuild()
{
    if (!m_has) {
        m_header->setText(tr("Select a session (a lane or a row) to read its full statement, its "
                             "transaction, its locks and its kills."));
        m_sql->clear();
        m_details->clear();
        return;
    }
    const ProcesslistRow &r = m_row;
    QString header = tr("Session %1 — %2@%3").arg(r.id).arg(r.user, r.host);
    if (!r.db.isEmpty())
        header += u' ' + tr("(database %1)").arg(r.db);
    if (m_ended)
        header += u'\n' + tr("This session has ended; shown as last seen.");
    m_header->setText(header);
    const QString sql = r.info.isEmpty() ? QString() : r.info;
    if (m_sql->toPlainText() != sql)
        m_sql->setPlainText(sql); // unchanged text keeps the user's selection
    m_sql->setPlaceholderText(tr("No statement is running."));

    auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString html;
    html += QStringLiteral("<p>%1</p>")
                .arg(esc(tr("%1 for %2 · state %3")
                             .arg(r.command, TimeFormat::duration(r.timeMs * 1000),
                                  r.state.isEmpty() ? tr("(none)") : r.state)));
    if (r.progressReported)
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("Progress: %1 %").arg(QLocale().toString(r.progress, 'f', 1))));

    html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("Transaction")));
    if (r.trxState.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("No InnoDB transaction.")));
    } else {
        QStringList t;
        t << tr("State: %1").arg(r.trxState);
        if (!r.trxStarted.isEmpty())
            t << tr("Started %1 (%2 ago)")
                     .arg(r.trxStarted, r.trxAgeS < 0 ? tr("unknown")
                                                      : ProcesslistModel::durationText(r.trxAgeS));
        if (r.trxRowsLocked >= 0)
            t << tr("Rows locked: %1").arg(QLocale().toString(r.trxRowsLocked));
        if (r.trxRowsModified >= 0)
            t << tr("Rows modified: %1").arg(QLocale().toString(r.trxRowsModified));
        if (!r.trxOperationState.isEmpty())
            t << tr("Operation: %1").arg(r.trxOperationState);
        for (QString &line : t)
            line = esc(line);
        html += QStringLiteral("<p>%1</p>").arg(t.join(QStringLiteral("<br/>")));
        if (r.idleInTransaction())
            html += QStringLiteral("<p style='color:#9a4f00'><b>%1</b></p>")
                        .arg(esc(tr("Idle in transaction: nothing runs, yet its locks and undo "
                                    "stay until it commits or rolls back. KILL QUERY does not "
                                    "end it; KILL CONNECTION rolls it back.")));
    }

    html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("Locks")));
    auto describe = [&](qint64 id) {
        for (const ProcesslistRow &o : std::as_const(m_rows)) {
            if (o.id != id)
                continue;
            const QString what = o.info.isEmpty() ? o.command : o.info.simplified().left(80);
            return tr("%1 (%2@%3): %4").arg(id).arg(o.user, o.host, what);
        }
        return QString::number(id);
    };
    if (r.blockedBy)
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("Waits for a lock held by %1").arg(describe(r.blockedBy))));
    else
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("Waits for no lock.")));
    QStringList waiters;
    for (const ProcesslistRow &o : std::as_const(m_rows))
        if (o.blockedBy == r.id)
            waiters << esc(describe(o.id));
    if (waiters.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("Nobody waits for it.")));
    else
        html += QStringLiteral("<p>%1<br/>%2</p>")
                    .arg(esc(tr("%n session(s) wait for its locks:", nullptr, int(waiters.size()))),
                         waiters.join(QStringLiteral("<br/>")));

    html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("Kills")));
    QStringList kills;
    for (const KillRecord &k : std::as_const(m_kills)) {
        const KillTarget &t = k.request.target;
        if (t.id != r.id || t.firstSeenUs != r.firstSeenUs || t.incarnation != r.incarnation)
            continue;
        QString line = tr("%1 at %2 — %3")
                           .arg(k.statement.isEmpty() ? killStatement(k.request) : k.statement,
                                timeText(k.requestedUs), KillTracker::phaseText(k));
        if (!k.why.isEmpty())
            line += QStringLiteral(" — ") + k.why;
        kills << esc(line);
    }
    html += QStringLiteral("<p>%1</p>")
                .arg(kills.isEmpty() ? esc(tr("KillScope has sent it no kill."))
                                     : kills.join(QStringLiteral("<br/>")));
    m_details->setHtml(html);
}

} // namespace ks
