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
class LiveBanner;
class LiveProcesslistPanel;
class MainWindow;
class SamplerCostWidget;

// Live mode in the main window: the "Connect to server…" action and a Live menu (disconnect,
// read-only, sampling interval, pause sampling, kill root blocker, open the audit log), the live
// processlist panel with its filter bar, the Kills panel, the sampler-cost readout and the banner
// for a lost server. It uses the window only through its hooks (MainWindow::setSource,
// showSourcePanel, addBanner, addSourceMenu, showTimeRange, setProblemHandler, killController);
// kills go through the window's KillController.
//
// Invariants: at most one LiveSource shown at a time, owned here. A new connection is tried on
// the side and shown only once it works: a failed attempt changes nothing shown (the attached
// session keeps its lanes, kills and history). Problems never open a modal box. Nothing here
// runs SQL.
class LiveController : public QObject
{
    Q_OBJECT
public:
    // Adds its actions, menu, panels and status-bar widget to the window.
    explicit LiveController(MainWindow *window);
    ~LiveController() override;

    LiveSource *source() const { return m_source; }
    // A connection being tried, not shown yet (nullptr when none).
    LiveSource *pendingSource() const { return m_pending; }
    LiveBanner *banner() const { return m_banner; }
    QString auditLogPath() const;
    LiveProcesslistPanel *processlistPanel() const { return m_panel; }
    KillsPanel *killsPanel() const { return m_kills; }
    SamplerCostWidget *costWidget() const { return m_cost; }
    QAction *connectAction() const { return m_connectAction; }
    QMenu *menu() const { return m_menu; }


public Q_SLOTS:
    // Opens the connection dialog (pre-filled from the last settings or ~/.my.cnf, with the
    // reason the last attempt failed).
    void showConnectDialog();
    // Starts live mode; a password still to be asked for is asked in a dialog first. The new
    // session replaces the shown one only once it is connected.
    void connectTo(const ks::ConnectionSettings &settings, bool readOnly = false);
    void disconnectFromServer();
    void killRootBlocker();
    void openAuditLog();

Q_SIGNALS:
    void liveStarted(ks::LiveSource *source);
    void liveStopped();
    // A connection attempt failed; whatever was shown before still is.
    void connectFailed(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void retranslateUi();
    void updateActions();
    void onStatus();
    void onProblem(const QString &message);
    void adopt(LiveSource *source);
    void pendingFailed(LiveSource *source);
    void closeSource(bool announce);

    MainWindow *m_window;
    QPointer<LiveSource> m_source;
    QPointer<LiveSource> m_pending;
    LiveBanner *m_banner = nullptr;
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
    QAction *m_auditAction = nullptr;
};

} // namespace ks
