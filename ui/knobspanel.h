#pragma once

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace ks {

// What-if knobs: change a server variable at the playhead and see the run continue differently
// (e.g. raising innodb_thread_concurrency frees a thread stuck in the InnoDB queue), or re-run
// the whole scenario on another flavor.
class KnobsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit KnobsPanel(QWidget *parent = nullptr);

    // Shows the values in effect; does not emit.
    void setValues(int innodbThreadConcurrency, double ioPressure);
    // Flavors the scenario supports (ids), and the current one; does not emit.
    void setFlavors(const QStringList &flavorIds, const QString &current);
    // The InnoDB queue does not exist on MariaDB: its knob is disabled there.
    void setConcurrencyAvailable(bool available);

    // What the user added to the run (kills, SET GLOBAL), one line each; shown with an undo.
    void setChanges(const QStringList &lines);

    int concurrency() const;
    double ioPressure() const;
    QString flavor() const;

    static QString flavorName(const QString &flavorId);

Q_SIGNALS:
    // "Apply at playhead".
    void applyRequested(int innodbThreadConcurrency, double ioPressure);
    void flavorRequested(const QString &flavorId);
    // "Restart server at playhead".
    void restartRequested();
    void undoChangesRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_concurrencyLabel = nullptr;
    QLabel *m_ioLabel = nullptr;
    QLabel *m_flavorLabel = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QDoubleSpinBox *m_io = nullptr;
    QComboBox *m_flavor = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_restart = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_changesTitle = nullptr;
    QLabel *m_changes = nullptr;
    QPushButton *m_undo = nullptr;
    QStringList m_changeLines;
};

} // namespace ks
