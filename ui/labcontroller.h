#pragma once

#include "connectionsettings.h"
#include "laboptions.h"
#include "labwindow.h"

#include <QObject>
#include <QPointer>
#include <atomic>
#include <memory>

class QAction;
class QThread;

namespace ks {

class MainWindow;
struct LabOutcome;

// Scenario ▸ Run on a server…: asks where (LabRunDialog), runs the window's current scenario in lab
// mode on a worker thread and shows the side-by-side result in a LabWindow.
//
// Invariants: at most one lab run at a time; every SQL statement runs on the worker thread (and
// the threads it starts), never on the GUI thread; closing the main window cancels a run and
// waits for its cleanup.
class LabController : public QObject
{
    Q_OBJECT
public:
    explicit LabController(MainWindow *window);
    ~LabController() override;

    QAction *runAction() const { return m_runAction; }
    LabWindow *labWindow() const { return m_labWindow; }
    bool isRunning() const { return m_thread != nullptr; }

    // Starts a run without the dialog (tests, scripts).
    void start(const ConnectionSettings &settings, const LabOptions &options);
    void cancel();
    void showRunDialog();

Q_SIGNALS:
    void finished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    void onFinished(std::shared_ptr<const LabOutcome> outcome);

    MainWindow *m_window;
    QAction *m_runAction = nullptr;
    QPointer<LabWindow> m_labWindow;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    ConnectionSettings m_lastSettings;
    bool m_haveSettings = false;
};

} // namespace ks
