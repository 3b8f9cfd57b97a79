#pragma once

#include "labcomparison.h"
#include "labtimeline.h"
#include "timeline.h"

#include <QMainWindow>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QModelIndex;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTreeView;

namespace ks {

class LabDiffModel;
class SwimlaneView;
class TimelineViewport;
struct LabOutcome;

// The side-by-side view of a lab run: for every session the simulated lanes above and the real
// ones below on one time axis, the differences per session (each classed, a click jumps to its
// moment and session), the client lines of a session next to each other, and the log (progress,
// notes, calibration).
//
// Invariants: shows one outcome at a time (or the progress of a run in flight); reads only the
// LabOutcome it was given, never the server; everything it shows survives a language change.
class LabWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit LabWindow(QWidget *parent = nullptr);
    ~LabWindow() override;

    // A run starts: the view empties and shows its progress.
    void setRunning(const QString &scenarioId);
    void appendProgress(const QString &message);
    void setOutcome(std::shared_ptr<const LabOutcome> outcome);
    const LabOutcome *outcome() const { return m_outcome.get(); }
    const LabComparison &comparison() const { return m_comparison; }

    SwimlaneView *swimlaneView() const { return m_view; }
    TimelineViewport *viewport() const { return m_viewport; }
    LabDiffModel *differences() const { return m_diffs; }
    QTreeView *differencesView() const { return m_diffView; }
    const Timeline &timeline() const { return m_timeline; }
    const QList<LabTimeline::Pair> &pairs() const { return m_pairs; }

    // What a click on a difference does: playhead there, its session selected and in view.
    void showDifference(const QModelIndex &index);
    bool saveReport(const QString &path, QString *error = nullptr) const;

Q_SIGNALS:
    void cancelRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateHeader();
    void fillLines();

    std::shared_ptr<const LabOutcome> m_outcome;
    LabComparison m_comparison; // the outcome's, in the current language
    Timeline m_timeline;
    QList<LabTimeline::Pair> m_pairs;
    QString m_scenarioId;
    bool m_running = false;
    QStringList m_progress;

    TimelineViewport *m_viewport = nullptr;
    SwimlaneView *m_view = nullptr;
    QLabel *m_header = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_save = nullptr;
    QTabWidget *m_tabs = nullptr;
    LabDiffModel *m_diffs = nullptr;
    QTreeView *m_diffView = nullptr;
    QCheckBox *m_showOk = nullptr;
    QComboBox *m_session = nullptr;
    QTableWidget *m_lines = nullptr;
    QPlainTextEdit *m_log = nullptr;
};

} // namespace ks
