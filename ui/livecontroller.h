#pragma once

#include "connectionsettings.h"
#include "livesource.h"
#include "sessionsource.h"

#include <QObject>
#include <QPointer>

class QAction;
class QActionGroup;
class QMenu;

namespace ks {

class KillsPanel;
class LiveProcesslistPanel;
class MainWindow;
class SamplerCostWidget;

// Live mode in the main window: the "Connect to server…" action and a Live menu (disconnect,
// read-only, sampling interval, pause sampling, kill root blocker), the live processlist panel
// with its filter bar, the Kills panel, the sampler-cost readout in the status bar, the kill
// confirmation behind the shared KillMenu.
//
// Invariants: at most one LiveSource at a time, owned here; the window shows it through
// MainWindow::setSource() and returns to the simulation when it is closed. The confirmation runs
// only for live kills (simulated kills pass through untouched). Nothing here runs SQL.
class LiveController : public QObject
{
    Q_OBJECT
public:
    // Adds its actions, menu, panels and status-bar widget to the window.
    explicit LiveController(MainWindow *window);
    ~LiveController() override;

    LiveSource *source() const { return m_source; }
    LiveProcesslistPanel *processlistPanel() const { return m_panel; }
    KillsPanel *killsPanel() const { return m_kills; }
    SamplerCostWidget *costWidget() const { return m_cost; }
    QAction *connectAction() const { return m_connectAction; }
    QMenu *menu() const { return m_menu; }

    // Builds the requests' previews and asks (modal dialog); true to go ahead.
    bool confirmKills(QWidget *parent, const QList<KillRequest> &requests) const;
    QList<KillTarget> targetsFor(const QList<qint64> &ids) const;

public Q_SLOTS:
    // Opens the connection dialog (pre-filled from the last settings or ~/.my.cnf, with the
    // reason the last attempt failed).
    void showConnectDialog();
    // Starts live mode; a password still to be asked for is asked in a dialog first.
    void connectTo(const ks::ConnectionSettings &settings, bool readOnly = false);
    void disconnectFromServer();
    void killRootBlocker();

Q_SIGNALS:
    void liveStarted(ks::LiveSource *source);
    void liveStopped();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void retranslateUi();
    void updateActions();
    void onStatus();

    MainWindow *m_window;
    QPointer<LiveSource> m_source;
    ConnectionSettings m_lastSettings;
    bool m_haveLastSettings = false;
    QString m_lastError; // why the last connect failed, shown in the next dialog
    LiveProcesslistPanel *m_panel = nullptr;
    KillsPanel *m_kills = nullptr;
    SamplerCostWidget *m_cost = nullptr;
    QMenu *m_menu = nullptr;
    QMenu *m_intervalMenu = nullptr;
    QActionGroup *m_intervalGroup = nullptr;
    QMenu *m_historyMenu = nullptr;
    QActionGroup *m_historyGroup = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_readOnlyAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_rootBlockerAction = nullptr;
    QAction *m_showOwnAction = nullptr;
};

} // namespace ks
