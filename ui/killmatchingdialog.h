#pragma once

#include "sessionsource.h"

#include <QDialog>
#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace ks {

class ProcesslistFilterModel;

// Kill matching…: the processlist filter's criteria (user, host, db, command, state, time > N,
// text) as a kill rule. It first shows, as a dry run, the sessions the rule matches now — like
// pt-kill's --print — and nothing is sent from here: on Kill the caller hands the rows to the
// KillController, which confirms and lets the source prove each one before it is sent.
//
// Invariants: never matches KillScope's own connections; without a criterion narrowing the rows
// it offers nothing (it never means "kill everything"); the list follows the newest sample while
// open, and the rows it hands over are those shown when Kill was pressed.
class KillMatchingDialog : public QDialog
{
    Q_OBJECT
public:
    using RowsProvider = std::function<QList<ProcesslistRow>()>;

    KillMatchingDialog(const ProcesslistFilterModel *criteria, RowsProvider rows,
                       QWidget *parent = nullptr);

    // Re-reads the rows and the criteria (called on every sample while open).
    void refresh();

    QList<ProcesslistRow> matchingRows() const { return m_matching; }
    KillKind kind() const;
    void setKind(KillKind kind);
    // The dry run as text, one "KILL … -- who, what" line per session.
    QString dryRunText() const;
    QString criteriaText() const;
    QPushButton *killButton() const { return m_kill; }

private:
    const ProcesslistFilterModel *m_criteria;
    RowsProvider m_rows;
    QList<ProcesslistRow> m_matching;
    QLabel *m_rule = nullptr;
    QComboBox *m_kind = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_kill = nullptr;
};

} // namespace ks
