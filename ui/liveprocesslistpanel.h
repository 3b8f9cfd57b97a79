#pragma once

#include "sessionsource.h"

#include <QList>
#include <QWidget>

class QLabel;
class QTableView;

namespace ks {

class ProcesslistFilterBar;
class ProcesslistFilterModel;
class ProcesslistModel;

// The live processlist: the filter bar over a sortable table of a ProcesslistModel. Right-click
// asks for the kill menu for the selected sessions, Del asks to kill them (after confirmation),
// Ctrl+C copies the full statements.
//
// Invariants: it shows the model it is given and never queries a server; it hands over the rows
// the user chose (each carries the source's note of which session it is), and the source turns
// them into kill targets. Selection follows sessions (by id) across refreshes,
// because the proxy maps moves and the model keeps rows keyed by id.
class LiveProcesslistPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LiveProcesslistPanel(ProcesslistModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    ProcesslistFilterModel *filter() const { return m_filter; }
    ProcesslistFilterBar *filterBar() const { return m_bar; }

    // One line over the table: the root blocker of each blocking chain and how many wait behind.
    void setBlockingSummary(const QString &text);
    QString blockingSummary() const;

    // What this account and server cannot show (no PROCESS, no performance_schema, ...).
    void setServerNotes(const QStringList &notes);
    QString serverNotes() const;

    // While the rows are not current (the connection is lost): "As of 10:01:22 …" over the table.
    void setStaleNote(const QString &text);
    QString staleNote() const;

    QList<qint64> selectedIds() const;
    QList<ProcesslistRow> selectedRows() const;
    void selectId(qint64 id);
    // The full statements of the selected rows, one per line, as Ctrl+C copies them.
    QString selectedStatements() const;

public Q_SLOTS:
    void copySelectedStatements();

Q_SIGNALS:
    void killMenuRequested(const QList<ks::ProcesslistRow> &rows, const QPoint &globalPos);
    void killSelectionRequested(const QList<ks::ProcesslistRow> &rows);
    void sessionSelected(qint64 id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    ProcesslistModel *m_model;
    ProcesslistFilterModel *m_filter;
    ProcesslistFilterBar *m_bar;
    QTableView *m_view;
    QLabel *m_blocking;
    QLabel *m_notes;
    QLabel *m_stale;
};

} // namespace ks
