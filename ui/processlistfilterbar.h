#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace ks {

class ProcesslistFilterModel;

// The live processlist's filter bar: hide Sleep, hide system/daemon threads, show KillScope's own
// connections, user/db/host/command/state pickers (editable: type part of a value) and a search
// in the statement text.
//
// Invariants: it only drives a ProcesslistFilterModel; it holds no state of its own beyond its
// widgets. The pickers offer the values seen in the current rows and never lose what the user typed.
class ProcesslistFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit ProcesslistFilterBar(ProcesslistFilterModel *filter, QWidget *parent = nullptr);

    // Refreshes the pickers' choices from the filter's source rows (cheap; call after refreshes).
    void updateChoices();

    QCheckBox *hideSleepBox() const { return m_hideSleep; }
    QCheckBox *hideSystemBox() const { return m_hideSystem; }
    QCheckBox *showOwnBox() const { return m_showOwn; }
    QLineEdit *searchEdit() const { return m_search; }
    QSpinBox *minTimeBox() const { return m_minTime; }
    QComboBox *picker(int field) const { return m_pickers[field]; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    ProcesslistFilterModel *m_filter;
    QCheckBox *m_hideSleep = nullptr;
    QCheckBox *m_hideSystem = nullptr;
    QCheckBox *m_showOwn = nullptr;
    QComboBox *m_pickers[5] = {};
    QLineEdit *m_search = nullptr;
    QSpinBox *m_minTime = nullptr;
};

} // namespace ks
