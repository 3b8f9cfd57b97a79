#include "killspanel.h"

#include "killsmodel.h"
#include "killtracker.h"
#include "sessionsource.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ks {

KillsPanel::KillsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new KillsModel(this))
{
    setObjectName(QStringLiteral("killsPanel"));
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("liveKillsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("killDetail"));
    m_detail->setWordWrap(true);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setMargin(6);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &KillsPanel::updateDetail);
}

void KillsPanel::setSource(SessionSource *source)
{
    disconnect(m_updated);
    m_source = source;
    m_model->clear();
    if (source)
        m_updated = connect(source, &SessionSource::killUpdated, this, [this](int serial) {
            for (const KillRecord &k : m_source->kills()) {
                if (k.serial == serial) {
                    const bool fresh = m_model->rowOfSerial(serial) < 0;
                    m_model->updateKill(k);
                    // A new kill becomes the one described, unless the user picked another.
                    if (fresh && !m_view->selectionModel()->hasSelection())
                        m_view->selectRow(m_model->rowOfSerial(serial));
                    break;
                }
            }
            updateDetail();
        });
    refresh();
}

void KillsPanel::setTimeOrigin(qint64 us)
{
    m_model->setTimeOrigin(us);
}

void KillsPanel::refresh()
{
    if (m_source)
        m_model->setKills(m_source->kills());
    updateDetail();
}

QString KillsPanel::detailText() const
{
    return m_detail->text();
}

void KillsPanel::updateDetail()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const int row = current.isValid() ? current.row() : int(m_model->kills().size()) - 1;
    if (row < 0 || row >= m_model->kills().size()) {
        m_detail->setText(tr("No kills yet. Right-click a session to kill its query or its "
                             "connection; KillScope then follows it until it is really gone."));
        return;
    }
    const KillRecord &k = m_model->kills().at(row);
    const qint64 t0 = k.requestedUs;
    auto at = [t0](qint64 us) {
        return us < 0 ? QStringLiteral("—") : QStringLiteral("+%1 ms").arg((us - t0) / 1000.0, 0, 'f', 1);
    };
    QStringList lines;
    lines << tr("%1 → %2@%3").arg(k.statement, k.request.target.user, k.request.target.host);
    lines << tr("Phase: %1").arg(KillTracker::phaseText(k));
    lines << tr("Sent: %1").arg(at(k.sentUs));
    lines << tr("Answer: %1 (%2)")
                 .arg(k.serverError ? QString::number(k.serverError) : k.answeredUs >= 0 ? tr("OK") : tr("pending"),
                      at(k.answeredUs));
    lines << tr("Flag seen: %1").arg(at(k.flagSeenUs));
    if (k.rowsRemaining >= 0)
        lines << tr("Rows left to roll back: %1").arg(QLocale().toString(k.rowsRemaining));
    // The time left is said once, in the "Why" line ("About 4.8 s left at … rows/s").
    if (k.rowsPerSecond > 0 && k.why.isEmpty())
        lines << tr("Rollback rate: %1 rows/s").arg(QLocale().toString(qRound64(k.rowsPerSecond)));
    lines << tr("Ended: %1").arg(at(k.endedUs));
    if (!k.serverMessage.isEmpty())
        lines << k.serverMessage;
    if (!k.why.isEmpty())
        lines << tr("Why: %1").arg(k.why);
    m_detail->setText(lines.join(u'\n'));
}

} // namespace ks
