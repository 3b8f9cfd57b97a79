#pragma once

#include "connectionsettings.h"
#include "livesource.h"
#include "sessionsource.h"

#include <QObject>
#include <QPointer>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;

namespace ks {

class KillsPanel;
class LiveBanner;
class LiveProcesslistPanel;
class MainWindow;
class SamplerCostWidget;
class SessionDetailsPanel;
class KillMatchingDialog;

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
    SessionDetailsPanel *detailsPanel() const { return m_details; }
    QLabel *serverLabel() const { return m_serverLabel; }
    QAction *sampleNowAction() const { return m_sampleNowAction; }
    QAction *pauseAction() const { return m_pauseAction; }
    QAction *followNowAction() const { return m_followAction; }
    QAction *showGoneAction() const { return m_showGoneAction; }
    QAction *killMatchingAction() const { return m_killMatchingAction; }
    // Lanes of sessions gone longer than this fold away unless "show gone" is on; <0 = never.
    void setFoldGoneAfterS(int seconds);
    int foldGoneAfterS() const { return m_foldAfterS; }
    // The dialog of Kill matching… while it is open (tests); nullptr otherwise.
    KillMatchingDialog *killMatchingDialog() const { return m_matchingDialog; }

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
    // Kill matching…: the filter's criteria as a dry run, then the confirmed, tracked kill.
    void killMatching();

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
    void updateServerLabel();
    void refreshDetails();
    bool laneShown(const LaneInfo &info) const;
    void refilterLanes();
    void showDetailsFor(qint64 id);

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
    QAction *m_sampleNowAction = nullptr;
    QAction *m_followAction = nullptr;
    QAction *m_showGoneAction = nullptr;
    QAction *m_killMatchingAction = nullptr;
    QMenu *m_foldMenu = nullptr;
    QActionGroup *m_foldGroup = nullptr;
    int m_foldAfterS = 300;
    QLabel *m_serverLabel = nullptr;
    SessionDetailsPanel *m_details = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    KillMatchingDialog *m_matchingDialog = nullptr;
    // The newest sample's rows by id, for the lane filter (rebuilt once per sample).
    QHash<qint64, ProcesslistRow> m_laneRows;
};

} // namespace ks
