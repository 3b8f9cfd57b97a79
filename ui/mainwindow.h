#pragma once

#include "exporter.h"
#include "sessionsource.h"
#include "simulationsource.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>
#include <functional>

class QAction;
class QActionGroup;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;
class QToolBar;

namespace ks {

class ChartsPanel;
class KillController;
class KillMenu;
class KillsModel;
class KnobsPanel;
class LegendWidget;
class NarrationModel;
class NarrationPanel;
class PlaybackBar;
class PlaybackController;
class PresentationMode;
class ProcesslistModel;
class SimulationSource;
class SwimlaneView;
class TimelineViewport;

// The one main window: swimlanes on top, the processlist / kills / charts / transcript tabs
// under them, narration and what-if knobs at the side, playback in the tool bar.
//
// Invariants:
// - Exactly one SessionSource is shown at a time; by default the window's own SimulationSource.
//   Every panel reads from the source at the playhead only, so all panels always agree.
// - Every kill, from a processlist row or a lane, goes through the one KillController (menu →
//   confirm → source): views hand it rows and lanes, the source builds the targets.
// - Presentation mode (PresentationMode) only hides and enlarges; leaving it restores exactly what
// was visible.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // A controller that shows its sources in this window (live mode, recordings): the window
    // deletes it first when it goes, while the parts the controller hands back still exist
    // (as a plain child it would go after them). Deleted in reverse order of adoption.
    void adoptController(QObject *controller);

    QString aboutText() const;

    // The embedded simulation (always there; shown unless another source was set).
    SimulationSource *simulation() const { return m_simulation; }
    SessionSource *source() const { return m_source; }
    // Shows another source (live mode); nullptr returns to the simulation. Not owned.
    void setSource(SessionSource *source);

    // A built-in scenario id or a file; adds files to the recent list.
    bool openScenario(const QString &idOrPath, const QString &flavor = {});
    // Scenario ▸ Readers' Questions: opens the question's scenario at the moment that answers
    // it (paused there, the answer in the status bar). False if it is unknown or did not happen.
    bool openReaderQuestion(const QString &id);
    // Scenario ▸ Restart Server at Playhead (and the What-if panel's button).
    void restartServerAtPlayhead();

    PlaybackController *playback() const { return m_playback; }
    TimelineViewport *viewport() const { return m_viewport; }
    SwimlaneView *swimlaneView() const { return m_swimlaneView; }
    ProcesslistModel *processlistModel() const { return m_processlistModel; }
    KillsModel *killsModel() const { return m_killsModel; }
    NarrationModel *narrationModel() const { return m_narrationModel; }
    KillController *killController() const { return m_killController; }
    KillMenu *killMenu() const;
    QTableView *processlistView() const { return m_processlistView; }
    QTabWidget *bottomTabs() const { return m_bottomTabs; }
    QMenu *fileMenu() const { return m_fileMenu; }
    QMenu *viewMenu() const { return m_viewMenu; }
    QMenu *scenarioMenu() const { return m_scenarioMenu; }

    bool isPresentationMode() const;
    PresentationMode *presentationMode() const { return m_stage; }
    // Window size, docks and splitter as the user left them (QSettings); saved on close.
    void restoreLayout();
    void saveLayout() const;
    QStringList recentFiles() const;

    // The slide of the run at the playhead: the picture `--png` writes for the same scenario,
    // flavor, time and language (exporter.h).
    TimelinePicture slide() const;
    // Exports; false with a message in *error. PNG and SVG write slide() at DefaultSlideSize.
    bool exportPng(const QString &path, QString *error = nullptr);
    bool exportSvg(const QString &path, QString *error = nullptr);
    bool exportTrace(const QString &path, QString *error = nullptr);
    bool exportProcesslistCsv(const QString &path, QString *error = nullptr);

    // Hooks for the controller of another source (live mode), so it never reaches into the
    // window's widgets: a panel among the bottom tabs, a banner over the lanes, a menu, the time
    // range shown, and where the source's problems go (default: a message box).
    void showSourcePanel(QWidget *panel, int index);
    void hideSourcePanel(QWidget *panel);
    void setSourcePanelTitle(QWidget *panel, const QString &title);
    void raiseSourcePanel(QWidget *panel);
    void addBanner(QWidget *banner);
    void addSourceMenu(QMenu *menu, QAction *fileAction);
    // Shown in the tool bar, and a dock at the side, only while another source is shown: the
    // live face has the server where the scenario and flavor pickers are.
    void addSourceToolBarWidget(QWidget *widget);
    // alsoReplayed: shown for a recording too (what reads rows and kills, not the server).
    void addSourceDock(QDockWidget *dock, bool alsoReplayed = false);
    // Live: "now" follows the newest sample (the default), or the view is frozen at the time it
    // shows while sampling goes on. Space toggles it while live; End follows again.
    void setFollowNow(bool follow);
    bool followsNow() const { return m_followNow; }
    // Simulation-only parts (docks, tabs, tool bar pickers) are hidden while another source is
    // shown; these say what is hidden now (tests, the live face).
    // Which face the window wears: the simulation's (knobs, narration, scenario pickers,
    // transcripts), a live server's (the source's own panels, docks and tool bar widgets) or a
    // recording's (its server and time span in the tool bar, playback, the window's processlist
    // and kills tables; nothing of the simulation's).
    enum class Face
    {
        Simulation,
        Live,
        Recording
    };
    Face face() const { return m_face; }
    bool isSimulationFace() const;
    // The tool bar's text for a recording: its server and the time it spans.
    QString recordingFaceText() const;
    void showTimeRange(qint64 beginUs, qint64 endUs);
    void setProblemHandler(std::function<void(const QString &)> handler)
    {
        m_problemHandler = std::move(handler);
    }

Q_SIGNALS:
    void followNowChanged(bool follow);

public Q_SLOTS:
    void showAbout();
    // Help ▸ Keyboard shortcuts: every key of the window and of the source's controller.
    void showShortcuts();
    QString shortcutsText() const;
    void setPresentationMode(bool on);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createWidgets();
    void createActions();
    void createMenus();
    void retranslateUi();
    bool sourceDockShown(QDockWidget *dock) const;
    void fillScenarioCombo();
    void fillBuiltinMenu();
    void fillRecentMenu();
    void addRecentFile(const QString &path);
    void onSourceChanged();
    void onPlayheadMoved(qint64 us);
    void refreshAtPlayhead();
    void refreshCharts();
    void fitProcesslistColumns();
    void updateTitle();
    // "scenario — server" for presentation mode's title.
    QString stageTitle() const;
    void openScenarioDialog();
    void fillScenarioMenus();
    static QList<SimulationSource::ScenarioEntry> orderedBuiltins();
    void exportDialog(const QString &kind);
    void onProcesslistContextMenu(const QPoint &pos);
    void showProblem(const QString &message);
    // Shows the simulation's docks, tabs and pickers, or the face of another source.
    void applyFace(Face face);
    void updateRecordingLabel();

    SimulationSource *m_simulation = nullptr;
    QPointer<SessionSource> m_source;
    QMetaObject::Connection m_sourceChanged;
    QMetaObject::Connection m_sourceProblem;
    QMetaObject::Connection m_sourceKill;

    PlaybackController *m_playback = nullptr;
    TimelineViewport *m_viewport = nullptr;
    ProcesslistModel *m_processlistModel = nullptr;
    KillsModel *m_killsModel = nullptr;
    NarrationModel *m_narrationModel = nullptr;

    QSplitter *m_splitter = nullptr;
    QWidget *m_swimlaneArea = nullptr;
    SwimlaneView *m_swimlaneView = nullptr;
    QTabWidget *m_bottomTabs = nullptr;
    QTableView *m_processlistView = nullptr;
    QSortFilterProxyModel *m_processlistProxy = nullptr;
    QTableView *m_killsView = nullptr;
    ChartsPanel *m_charts = nullptr;
    QPlainTextEdit *m_transcript = nullptr;
    NarrationPanel *m_narrationPanel = nullptr;
    KnobsPanel *m_knobs = nullptr;
    QDockWidget *m_narrationDock = nullptr;
    QDockWidget *m_knobsDock = nullptr;
    QDockWidget *m_legendDock = nullptr;
    LegendWidget *m_legend = nullptr;
    QTimer *m_scrubSettle = nullptr;
    QTimer *m_tableRefresh = nullptr;
    QElapsedTimer m_lastTableRefresh;
    static constexpr qint64 TableRefreshMs = 50;
    qint64 m_tableRefreshCostMs = 0;
    bool m_inSourceChange = false; // onSourceChanged() is running (it refreshes the tables last)
    QToolBar *m_toolBar = nullptr;
    PlaybackBar *m_playbackBar = nullptr;
    QComboBox *m_scenarioCombo = nullptr;
    QComboBox *m_flavorCombo = nullptr;
    QLabel *m_scenarioLabel = nullptr;
    QLabel *m_flavorLabel = nullptr;
    QLabel *m_recordingLabel = nullptr;
    QAction *m_recordingLabelAction = nullptr;
    QLabel *m_statusLabel = nullptr;
    KillController *m_killController = nullptr;
    std::function<void(const QString &)> m_problemHandler;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_builtinMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_exportMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_playbackMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QMenu *m_scenarioMenu = nullptr;
    QMenu *m_startHereMenu = nullptr;
    QMenu *m_questionsMenu = nullptr;
    QAction *m_restartServerAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_exportPngAction = nullptr;
    QAction *m_exportSvgAction = nullptr;
    QAction *m_exportTraceAction = nullptr;
    QAction *m_exportCsvAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_playAction = nullptr;
    QAction *m_nextAction = nullptr;
    QAction *m_previousAction = nullptr;
    QAction *m_restartAction = nullptr;
    QAction *m_endAction = nullptr;
    QAction *m_fasterAction = nullptr;
    QAction *m_slowerAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_zoomFitAction = nullptr;
    QAction *m_presentationAction = nullptr;
    QAction *m_processlistOverlayAction = nullptr;
    QAction *m_resetWhatIfAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QList<QAction *> m_simToolBarActions;    // scenario and flavor pickers
    QList<QAction *> m_sourceToolBarActions; // the other source's (server, cost)
    QList<QDockWidget *> m_sourceDocks;
    QList<QPointer<QObject>> m_controllers;
    QList<QDockWidget *> m_replayedDocks; // of m_sourceDocks, those a recording shows too
    bool m_simFace = true;
    Face m_face = Face::Simulation;
    bool m_narrationWasVisible = true;
    bool m_knobsWasVisible = true;
    bool m_followNow = true;
    QAction *m_playbackBarAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;

    PresentationMode *m_stage = nullptr;
    bool m_shownOnce = false;
    quint64 m_stageLaneRevision = 0;
    quint64 m_chartsRevision = ~quint64(0);
    bool m_fitPending = true;
    bool m_columnsFitted = false;
};

} // namespace ks
