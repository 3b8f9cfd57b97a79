#include "liveprocesslistpanel.h"

#include "processlistfilter.h"
#include "processlistfilterbar.h"
#include "processlistmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <memory>

namespace ks {

LiveProcesslistPanel::LiveProcesslistPanel(ProcesslistModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new ProcesslistFilterModel(this))
{
    setObjectName(QStringLiteral("liveProcesslistPanel"));
    m_filter->setProcesslistModel(model);
    m_bar = new ProcesslistFilterBar(m_filter, this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("liveProcesslistView"));
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->installEventFilter(this);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex at = m_view->indexAt(pos);
        QItemSelectionModel *sel = m_view->selectionModel();
        if (at.isValid() && !sel->isRowSelected(at.row(), {}))
            sel->select(at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const QList<ProcesslistRow> rows = selectedRows();
        if (!rows.isEmpty())
            Q_EMIT killMenuRequested(rows, m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT sessionSelected(m_filter->idAt(current.row()));
            });
    connect(model, &QAbstractItemModel::modelReset, m_bar, &ProcesslistFilterBar::updateChoices);
    // New sessions arrive with most samples on a busy server; the pickers' lists (which look at
    // every row) follow at once, then at most every two seconds, and always end up current.
    auto *choices = new QTimer(this);
    choices->setSingleShot(true);
    choices->setInterval(2000);
    auto lastChoices = std::make_shared<QElapsedTimer>();
    auto update = [this, lastChoices] {
        lastChoices->start();
        m_bar->updateChoices();
    };
    connect(choices, &QTimer::timeout, m_bar, update);
    connect(model, &QAbstractItemModel::rowsInserted, choices, [choices, lastChoices, update] {
        if (choices->isActive())
            return;
        if (!lastChoices->isValid() || lastChoices->elapsed() >= choices->interval())
            update();
        else
            choices->start(int(choices->interval() - lastChoices->elapsed()));
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_bar);
    m_blocking = new QLabel(this);
    m_blocking->setObjectName(QStringLiteral("blockingSummary"));
    m_blocking->setStyleSheet(QStringLiteral("QLabel { color: #b04000; padding: 2px 4px; }"));
    m_blocking->hide();
    layout->addWidget(m_blocking);
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("serverNotes"));
    m_notes->setWordWrap(true);
    m_notes->setStyleSheet(QStringLiteral("QLabel { color: palette(dark); padding: 2px 4px; }"));
    m_notes->hide();
    layout->addWidget(m_notes);
    m_stale = new QLabel(this);
    m_stale->setObjectName(QStringLiteral("staleNote"));
    m_stale->setWordWrap(true);
    m_stale->setStyleSheet(
        QStringLiteral("QLabel { background: #fff3cd; color: #5a4300; padding: 2px 4px; }"));
    m_stale->hide();
    layout->addWidget(m_stale);
    layout->addWidget(m_view, 1);
}

void LiveProcesslistPanel::setBlockingSummary(const QString &text)
{
    m_blocking->setText(text);
    m_blocking->setVisible(!text.isEmpty());
}

void LiveProcesslistPanel::setServerNotes(const QStringList &notes)
{
    // The first note on screen, all of them in the tooltip: the table keeps its room.
    m_notes->setText(notes.isEmpty() ? QString()
                     : notes.size() == 1
                         ? tr("ⓘ %1").arg(notes.constFirst())
                         : tr("ⓘ %1 (and %n more: hover to read)", nullptr, int(notes.size() - 1))
                               .arg(notes.constFirst()));
    m_notes->setToolTip(notes.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());
}

QString LiveProcesslistPanel::serverNotes() const
{
    return m_notes->toolTip();
}

void LiveProcesslistPanel::setStaleNote(const QString &text)
{
    m_stale->setText(text);
    m_stale->setVisible(!text.isEmpty());
}

QString LiveProcesslistPanel::staleNote() const
{
    return m_stale->text();
}

QList<ProcesslistRow> LiveProcesslistPanel::selectedRows() const
{
    QList<ProcesslistRow> rows;
    for (qint64 id : selectedIds()) {
        const int row = m_model->rowOfId(id);
        if (row >= 0)
            rows << m_model->rowAt(row);
    }
    return rows;
}

QString LiveProcesslistPanel::blockingSummary() const
{
    return m_blocking->text();
}

QList<qint64> LiveProcesslistPanel::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
        ids << m_filter->idAt(row.row());
    std::sort(ids.begin(), ids.end());
    return ids;
}

void LiveProcesslistPanel::selectId(qint64 id)
{
    for (int r = 0; r < m_filter->rowCount(); ++r) {
        if (m_filter->idAt(r) == id) {
            m_view->selectionModel()->setCurrentIndex(m_filter->index(r, 0),
                                                      QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
            m_view->scrollTo(m_filter->index(r, 0));
            return;
        }
    }
}

QString LiveProcesslistPanel::selectedStatements() const
{
    QStringList out;
    for (qint64 id : selectedIds()) {
        const int row = m_model->rowOfId(id);
        if (row >= 0 && !m_model->rowAt(row).info.isEmpty())
            out << m_model->rowAt(row).info;
    }
    return out.join(u'\n');
}

void LiveProcesslistPanel::copySelectedStatements()
{
    const QString text = selectedStatements();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

bool LiveProcesslistPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete) {
            const QList<ProcesslistRow> rows = selectedRows();
            if (!rows.isEmpty())
                Q_EMIT killSelectionRequested(rows);
            return true;
        }
        if (key->matches(QKeySequence::Copy)) {
            copySelectedStatements();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ks
