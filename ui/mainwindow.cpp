#include "mainwindow.h"

#include "chartdata.h"
#include "chartspanel.h"
#include "exporter.h"
#include "killcontroller.h"
#include "killmenu.h"
#include "killscope.h"
#include "killsmodel.h"
#include "knobspanel.h"
#include "language.h"
#include "legendwidget.h"
#include "narrationmodel.h"
#include "narrationpanel.h"
#include "playbackbar.h"
#include "playbackcontroller.h"
#include "presentationmode.h"
#include "processlistmodel.h"
#include "processlistsortmodel.h"
#include "scenariopath.h"
#include "recordingsource.h"
#include "simulationsource.h"
#include "swimlaneview.h"
#include "timeformat.h"
#include "timeline.h"
#include "timelineviewport.h"
#include "whatifknob.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSet>
#include <QSettings>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace ks {

namespace {
constexpr int MaxRecentFiles = 8;
const QString RecentKey = QStringLiteral("recentScenarios");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/killscope.svg")));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    m_simulation = new SimulationSource(this);
    m_playback = new PlaybackController(this);
    m_viewport = new TimelineViewport(this);
    m_processlistModel = new ProcesslistModel(this);
    m_killsModel = new KillsModel(this);
    m_narrationModel = new NarrationModel(this);
    m_narrationModel->setLanguage(currentLanguage());

    createWidgets();
    createActions();
    createMenus();

    connect(m_playback, &PlaybackController::positionChanged, this, &MainWindow::onPlayheadMoved);
    // A jump (Home, End, a step, a narration click) brings its target into view, zoomed or not.
    connect(m_playback, &PlaybackController::jumped, m_viewport,
            [this](qint64 t) { m_viewport->revealTime(t); });
    // While playing, a zoomed-in view scrolls along; when paused the user may look elsewhere.
    connect(m_playback, &PlaybackController::playingChanged, this, [this](bool playing) {
        if (m_source == m_simulation)
            m_viewport->setFollowPlayhead(playing);
    });
    connect(m_simulation, &SimulationSource::problem, this, &MainWindow::showProblem);
    connect(m_simulation, &SimulationSource::scenarioLoaded, this, [this] {
        fillScenarioCombo();
        m_playback->pause();
        m_playback->setPosition(0);
        // A new scenario has a new extent: show all of it once its run is in.
        m_fitPending = true;
    });

    setSource(nullptr);
    retranslateUi();
    resize(1400, 900);
}

MainWindow::~MainWindow()
{
    for (auto it = m_controllers.crbegin(); it != m_controllers.crend(); ++it)
        delete it->data();
}

void MainWindow::adoptController(QObject *controller)
{
    m_controllers << controller;
}

void MainWindow::createWidgets()
{
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);

    m_swimlaneArea = new QWidget(m_splitter);
    m_swimlaneArea->setObjectName(QStringLiteral("swimlaneArea"));
    m_swimlaneArea->setMinimumHeight(200);
    auto *areaLayout = new QVBoxLayout(m_swimlaneArea);
    areaLayout->setContentsMargins(0, 0, 0, 0);
    areaLayout->setSpacing(0);
    m_swimlaneView = new SwimlaneView(m_swimlaneArea);
    m_swimlaneView->setObjectName(QStringLiteral("swimlaneView"));
    m_swimlaneView->setViewportController(m_viewport);
    areaLayout->addWidget(m_swimlaneView, 1);
    // A lane names its session; the source builds the kill target from its record of it.
    connect(
        m_swimlaneView, &SwimlaneView::contextMenuRequestedForLane, this,
        [this](int lane, QPoint globalPos) { m_killController->popupForLane(lane, globalPos); });
    connect(m_swimlaneView, &SwimlaneView::sessionSelected, this, [this](qint64 id) {
        const int row = m_processlistModel->rowOfId(id);
        if (row >= 0)
            m_processlistView->selectRow(
                m_processlistProxy->mapFromSource(m_processlistModel->index(row, 0)).row());
    });
    // Dragging in the axis scrubs: playback holds while the drag goes on and resumes after it.
    m_scrubSettle = new QTimer(this);
    m_scrubSettle->setSingleShot(true);
    m_scrubSettle->setInterval(250);
    connect(m_scrubSettle, &QTimer::timeout, m_playback, &PlaybackController::endScrub);
    connect(m_swimlaneView, &SwimlaneView::playheadScrubbed, this, [this](qint64 t) {
        m_playback->beginScrub();
        m_playback->scrubTo(t);
        m_scrubSettle->start();
    });

    m_bottomTabs = new QTabWidget(m_splitter);
    m_bottomTabs->setObjectName(QStringLiteral("bottomTabs"));
    m_bottomTabs->setDocumentMode(true);

    m_processlistView = new QTableView(m_bottomTabs);
    m_processlistView->setObjectName(QStringLiteral("processlistView"));
    // Sortable by any column (numbers as numbers); the model keeps the server's order.
    m_processlistProxy = new ProcesslistSortModel(this);
    m_processlistProxy->setObjectName(QStringLiteral("processlistSortModel"));
    m_processlistProxy->setSourceModel(m_processlistModel);
    m_processlistProxy->setDynamicSortFilter(true);
    m_processlistView->setModel(m_processlistProxy);
    m_processlistView->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    m_processlistView->setSortingEnabled(true);
    m_processlistView->horizontalHeader()->setStretchLastSection(true);
    m_processlistView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_processlistView->verticalHeader()->hide();
    m_processlistView->verticalHeader()->setDefaultSectionSize(
        m_processlistView->fontMetrics().height() + 6);
    m_processlistView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_processlistView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_processlistView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_processlistView->setAlternatingRowColors(true);
    m_processlistView->setWordWrap(false);
    m_processlistView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_processlistView, &QWidget::customContextMenuRequested, this,
            &MainWindow::onProcesslistContextMenu);
    m_bottomTabs->addTab(m_processlistView, QString());
    connect(m_processlistView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_viewport->setSelectedSession(
                        current.data(ProcesslistModel::IdRole).toLongLong());
            });

    m_killsView = new QTableView(m_bottomTabs);
    m_killsView->setObjectName(QStringLiteral("killsView"));
    m_killsView->setModel(m_killsModel);
    m_killsView->horizontalHeader()->setStretchLastSection(true);
    m_killsView->verticalHeader()->hide();
    m_killsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_killsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_killsView->setAlternatingRowColors(true);
    m_killsView->setWordWrap(false);
    {
        const int em = m_killsView->fontMetrics().horizontalAdvance(QLatin1Char('m'));
        const QList<QPair<int, int>> widths{
            {KillsModel::SerialColumn, 3},    {KillsModel::StatementColumn, 17},
            {KillsModel::TargetColumn, 14},   {KillsModel::PhaseColumn, 13},
            {KillsModel::RequestedColumn, 7}, {KillsModel::AnswerColumn, 14},
            {KillsModel::FlagSeenColumn, 7},  {KillsModel::EndedColumn, 8},
            {KillsModel::LatencyColumn, 7},   {KillsModel::RowsRemainingColumn, 8}};
        for (const auto &[column, n] : widths)
            m_killsView->setColumnWidth(column, em * n + 12);
    }
    m_bottomTabs->addTab(m_killsView, QString());

    m_charts = new ChartsPanel(m_bottomTabs);
    m_bottomTabs->addTab(m_charts, QString());

    m_transcript = new QPlainTextEdit(m_bottomTabs);
    m_transcript->setObjectName(QStringLiteral("transcriptView"));
    m_transcript->setReadOnly(true);
    QFont mono = m_transcript->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_transcript->setFont(mono);
    m_bottomTabs->addTab(m_transcript, QString());
    // The transcript, and a live source's charts, are only kept current while visible.
    connect(m_bottomTabs, &QTabWidget::currentChanged, this, [this] {
        refreshAtPlayhead();
        refreshCharts();
    });

    m_splitter->addWidget(m_swimlaneArea);
    m_splitter->addWidget(m_bottomTabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({600, 260});
    setCentralWidget(m_splitter);

    m_narrationPanel = new NarrationPanel(m_narrationModel, this);
    m_narrationDock = new QDockWidget(this);
    m_narrationDock->setObjectName(QStringLiteral("narrationDock"));
    m_narrationDock->setWidget(m_narrationPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_narrationDock);
    connect(m_narrationPanel, &NarrationPanel::stepActivated, m_playback,
            &PlaybackController::glideTo);

    m_knobs = new KnobsPanel(this);
    m_knobsDock = new QDockWidget(this);
    m_knobsDock->setObjectName(QStringLiteral("knobsDock"));
    m_knobsDock->setWidget(m_knobs);
    addDockWidget(Qt::RightDockWidgetArea, m_knobsDock);
    connect(m_knobs, &KnobsPanel::applyRequested, this, [this](int concurrency, double io) {
        // Named as what they are: SET GLOBAL for a server variable, a what-if condition else.
        const qint64 t = m_playback->position();
        const qsizetype before = m_simulation->injections().size();
        m_simulation->applyKnobs(t, concurrency, io);
        QStringList what;
        const auto &all = m_simulation->injections();
        for (qsizetype n = before; n < all.size(); ++n)
            if (const WhatIfKnob *k = WhatIfKnobs::find(all[n].knob))
                what << WhatIfKnobs::changeText(*k, all[n].value);
        if (what.isEmpty())
            statusBar()->showMessage(
                tr("Nothing to apply: the knobs already have these values at %1 s.")
                    .arg(PlaybackBar::formatTime(t)),
                5000);
        else
            statusBar()->showMessage(
                tr("%1 from %2 on; everything before stays as it was.")
                    .arg(what.join(QStringLiteral("; ")), TimeFormat::instant(t)),
                6000);
    });
    connect(m_knobs, &KnobsPanel::restartRequested, this, [this] { restartServerAtPlayhead(); });
    connect(m_knobs, &KnobsPanel::undoChangesRequested, m_simulation,
            &SimulationSource::resetInjections);
    connect(m_knobs, &KnobsPanel::flavorRequested, this,
            [this](const QString &flavor) { m_simulation->setFlavor(flavor); });

    m_legend = new LegendWidget(this);
    m_legendDock = new QDockWidget(this);
    m_legendDock->setObjectName(QStringLiteral("legendDock"));
    m_legendDock->setWidget(m_legend);
    addDockWidget(Qt::RightDockWidgetArea, m_legendDock);

    // The lanes get the width; the side panels only what they need to read well.
    resizeDocks({m_narrationDock, m_knobsDock, m_legendDock}, {360, 360, 360}, Qt::Horizontal);
    resizeDocks({m_narrationDock, m_knobsDock, m_legendDock}, {380, 170, 200}, Qt::Vertical);

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("playbackToolBar"));
    m_toolBar->setMovable(false);
    m_scenarioLabel = new QLabel(this);
    m_simToolBarActions << m_toolBar->addWidget(m_scenarioLabel);
    m_scenarioCombo = new QComboBox(this);
    m_scenarioCombo->setObjectName(QStringLiteral("scenarioCombo"));
    m_scenarioCombo->setFocusPolicy(Qt::NoFocus);
    m_scenarioCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_scenarioCombo->setMaximumWidth(360);
    m_simToolBarActions << m_toolBar->addWidget(m_scenarioCombo);
    connect(m_scenarioCombo, &QComboBox::activated, this, [this](int i) {
        const QString target = m_scenarioCombo->itemData(i).toString();
        if (!target.isEmpty())
            openScenario(target);
    });
    m_flavorLabel = new QLabel(this);
    m_simToolBarActions << m_toolBar->addWidget(m_flavorLabel);
    m_flavorCombo = new QComboBox(this);
    m_flavorCombo->setObjectName(QStringLiteral("flavorCombo"));
    m_flavorCombo->setFocusPolicy(Qt::NoFocus);
    m_simToolBarActions << m_toolBar->addWidget(m_flavorCombo);
    connect(m_flavorCombo, &QComboBox::activated, this,
            [this](int i) { m_simulation->setFlavor(m_flavorCombo->itemData(i).toString()); });
    m_simToolBarActions << m_toolBar->addSeparator();
    // A recording's server and span, where the scenario and its flavor are for a simulation.
    m_recordingLabel = new QLabel(this);
    m_recordingLabel->setObjectName(QStringLiteral("recordingServerLabel"));
    m_recordingLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_recordingLabel->setContentsMargins(4, 0, 8, 0);
    m_recordingLabelAction = m_toolBar->addWidget(m_recordingLabel);
    m_recordingLabelAction->setVisible(false);
    m_playbackBar = new PlaybackBar(m_playback, this);
    m_playbackBarAction = m_toolBar->addWidget(m_playbackBar);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addPermanentWidget(m_statusLabel, 0);

    m_tableRefresh = new QTimer(this);
    m_tableRefresh->setSingleShot(true);
    connect(m_tableRefresh, &QTimer::timeout, this, &MainWindow::refreshAtPlayhead);

    // Presentation mode lives in a class of its own: it hides and enlarges, and leaving it
    // restores what was there.
    PresentationMode::Parts stage;
    stage.window = this;
    stage.view = m_swimlaneView;
    stage.area = m_swimlaneArea;
    stage.narration = m_narrationModel;
    stage.processlist = m_processlistProxy;
    stage.overlayColumns = [this] {
        using F = ProcesslistModel::Field;
        QList<int> columns;
        for (const F f : {F::Id, F::User, F::Command, F::Time, F::State, F::Info})
            if (const int c = m_processlistModel->column(f); c >= 0)
                columns << c;
        return columns;
    };
    stage.title = [this] { return stageTitle(); };
    stage.fallbackCaption = [this] {
        return m_source == m_simulation ? m_simulation->scenarioTitle(currentLanguage())
                                        : QString();
    };
    stage.chrome = {menuBar(), statusBar(), m_toolBar, m_bottomTabs};
    m_stage = new PresentationMode(stage, this);
    connect(m_stage, &PresentationMode::toggled, this, [this](bool on) {
        m_presentationAction->setChecked(on);
        m_processlistOverlayAction->setEnabled(on);
    });

    m_killController = new KillController(this);
    m_killController->setPlayhead([this] { return m_playback->position(); });
    m_killController->setPlayback(m_playback);
    connect(m_killController, &KillController::killsSent, this,
            [this](const QList<KillRequest> &requests) {
                QStringList sql;
                for (const KillRequest &r : requests)
                    sql << killStatement(r);
                if (m_source && m_source->kind() == SessionSource::Kind::Simulation &&
                    !requests.isEmpty())
                    // The time the kill was injected at, not where the playhead is now.
                    statusBar()->showMessage(tr("%1 injected at %2; the run continues from there.")
                                                 .arg(sql.join(QStringLiteral("; ")),
                                                      TimeFormat::instant(requests.first().atUs)),
                                             6000);
                else
                    // Requested, not "sent": the source proves each target first and may refuse it.
                    statusBar()->showMessage(
                        tr("Requested: %1").arg(sql.join(QStringLiteral("; "))), 6000);
            });
}

void MainWindow::createActions()
{
    auto make = [this](const QString &name, const QList<QKeySequence> &keys, auto slot) {
        auto *a = new QAction(this);
        a->setObjectName(name);
        a->setShortcuts(keys);
        // Also on the window itself: presentation mode hides the menu bar, the keys must stay.
        addAction(a);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    // Live, Space freezes the view (sampling goes on) and End follows "now" again.
    m_playAction = make(QStringLiteral("playAction"), {QKeySequence(Qt::Key_Space)}, [this] {
        if (m_source && m_source != m_simulation)
            setFollowNow(!m_followNow);
        else
            m_playback->togglePlay();
    });
    m_nextAction = make(QStringLiteral("nextEventAction"), {QKeySequence(Qt::Key_Right)},
                        [this] { m_playback->stepForward(); });
    m_previousAction = make(QStringLiteral("previousEventAction"), {QKeySequence(Qt::Key_Left)},
                            [this] { m_playback->stepBackward(); });
    m_restartAction = make(QStringLiteral("restartAction"), {QKeySequence(Qt::Key_Home)},
                           [this] { m_playback->restart(); });
    m_endAction = make(QStringLiteral("endAction"), {QKeySequence(Qt::Key_End)}, [this] {
        if (m_source && m_source != m_simulation)
            setFollowNow(true);
        else
            m_playback->goToEnd();
    });
    m_fasterAction = make(QStringLiteral("fasterAction"), {QKeySequence(Qt::Key_BracketRight)},
                          [this] { m_playback->faster(); });
    m_slowerAction = make(QStringLiteral("slowerAction"), {QKeySequence(Qt::Key_BracketLeft)},
                          [this] { m_playback->slower(); });
    m_zoomInAction = make(QStringLiteral("zoomInAction"),
                          {QKeySequence(QKeySequence::ZoomIn), QKeySequence(Qt::Key_Plus)},
                          [this] { m_swimlaneView->zoomIn(); });
    m_zoomOutAction = make(QStringLiteral("zoomOutAction"),
                           {QKeySequence(QKeySequence::ZoomOut), QKeySequence(Qt::Key_Minus)},
                           [this] { m_swimlaneView->zoomOut(); });
    m_zoomFitAction = make(QStringLiteral("zoomFitAction"), {QKeySequence(Qt::Key_0)},
                           [this] { m_swimlaneView->zoomToFit(); });
    m_presentationAction = make(QStringLiteral("presentationAction"), {QKeySequence(Qt::Key_F11)},
                                [this] { setPresentationMode(!isPresentationMode()); });
    m_presentationAction->setCheckable(true);
    m_processlistOverlayAction =
        make(QStringLiteral("processlistOverlayAction"), {QKeySequence(Qt::Key_P)},
             [this] { m_stage->toggleProcesslist(); });
    m_processlistOverlayAction->setEnabled(false);
    auto *leave =
        make(QStringLiteral("leavePresentationAction"), {QKeySequence(Qt::Key_Escape)}, [this] {
            if (isPresentationMode())
                setPresentationMode(false);
        });
    Q_UNUSED(leave);
    m_resetWhatIfAction =
        make(QStringLiteral("resetWhatIfAction"), {}, [this] { m_simulation->resetInjections(); });

    m_openAction =
        make(QStringLiteral("openAction"), {QKeySequence::Open}, [this] { openScenarioDialog(); });
    m_exportPngAction = make(QStringLiteral("exportPngAction"), {},
                             [this] { exportDialog(QStringLiteral("png")); });
    m_exportSvgAction = make(QStringLiteral("exportSvgAction"), {},
                             [this] { exportDialog(QStringLiteral("svg")); });
    m_exportTraceAction = make(QStringLiteral("exportTraceAction"), {},
                               [this] { exportDialog(QStringLiteral("json")); });
    m_exportCsvAction = make(QStringLiteral("exportCsvAction"), {},
                             [this] { exportDialog(QStringLiteral("csv")); });
    m_quitAction = make(QStringLiteral("quitAction"), {QKeySequence::Quit}, [this] { close(); });
    m_aboutAction = make(QStringLiteral("aboutAction"), {}, [this] { showAbout(); });
    m_shortcutsAction = make(QStringLiteral("shortcutsAction"), {QKeySequence(Qt::Key_F1)},
                             [this] { showShortcuts(); });
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_builtinMenu = m_fileMenu->addMenu(QString());
    m_builtinMenu->setObjectName(QStringLiteral("builtinScenariosMenu"));
    m_fileMenu->addAction(m_openAction);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    m_fileMenu->addSeparator();
    m_exportMenu = m_fileMenu->addMenu(QString());
    m_exportMenu->setObjectName(QStringLiteral("exportMenu"));
    m_exportMenu->addAction(m_exportPngAction);
    m_exportMenu->addAction(m_exportSvgAction);
    m_exportMenu->addAction(m_exportTraceAction);
    m_exportMenu->addAction(m_exportCsvAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    fillBuiltinMenu();
    fillRecentMenu();

    m_scenarioMenu = menuBar()->addMenu(QString());
    m_scenarioMenu->setObjectName(QStringLiteral("scenarioMenu"));
    m_startHereMenu = m_scenarioMenu->addMenu(QString());
    m_startHereMenu->setObjectName(QStringLiteral("startHereMenu"));
    m_startHereMenu->setToolTipsVisible(true);
    m_questionsMenu = m_scenarioMenu->addMenu(QString());
    m_questionsMenu->setObjectName(QStringLiteral("readersQuestionsMenu"));
    m_questionsMenu->setToolTipsVisible(true);
    m_scenarioMenu->addSeparator();
    m_restartServerAction = m_scenarioMenu->addAction(QString());
    m_restartServerAction->setObjectName(QStringLiteral("restartServerAction"));
    connect(m_restartServerAction, &QAction::triggered, this,
            [this] { restartServerAtPlayhead(); });
    fillScenarioMenus();

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_playbackMenu = m_viewMenu->addMenu(QString());
    m_playbackMenu->setObjectName(QStringLiteral("playbackMenu"));
    m_playbackMenu->addAction(m_playAction);
    m_playbackMenu->addAction(m_previousAction);
    m_playbackMenu->addAction(m_nextAction);
    m_playbackMenu->addAction(m_restartAction);
    m_playbackMenu->addAction(m_endAction);
    m_playbackMenu->addSeparator();
    m_playbackMenu->addAction(m_slowerAction);
    m_playbackMenu->addAction(m_fasterAction);
    m_viewMenu->addAction(m_zoomInAction);
    m_viewMenu->addAction(m_zoomOutAction);
    m_viewMenu->addAction(m_zoomFitAction);
    m_viewMenu->addAction(m_resetWhatIfAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_narrationDock->toggleViewAction());
    m_viewMenu->addAction(m_knobsDock->toggleViewAction());
    m_viewMenu->addAction(m_legendDock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_presentationAction);
    m_viewMenu->addAction(m_processlistOverlayAction);
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languageGroup = new QActionGroup(this);
    for (const QString &lang : availableLanguages()) {
        // Each language is named in itself, so a user who cannot read the current one finds theirs.
        const QString label = lang == QStringLiteral("zh_CN") ? QStringLiteral("中文（简体）")
                                                              : QStringLiteral("English");
        QAction *action = m_languageMenu->addAction(label);
        action->setObjectName(QStringLiteral("language_%1").arg(lang));
        action->setCheckable(true);
        action->setData(lang);
        action->setChecked(lang == currentLanguage());
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [lang] {
            if (switchLanguage(lang))
                rememberLanguage(lang);
        });
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(m_shortcutsAction);
    m_helpMenu->addAction(m_aboutAction);
}

void MainWindow::retranslateUi()
{
    m_fileMenu->setTitle(tr("&File"));
    m_builtinMenu->setTitle(tr("&Built-in Scenarios"));
    m_scenarioMenu->setTitle(tr("&Scenario"));
    m_startHereMenu->setTitle(tr("&Start Here"));
    m_questionsMenu->setTitle(tr("Readers’ &Questions"));
    m_restartServerAction->setText(tr("&Restart Server at Playhead"));
    m_restartServerAction->setToolTip(
        tr("kill -9 of the simulated server and a start on the same data, at the playhead"));
    m_openAction->setText(tr("&Open Scenario…"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_exportMenu->setTitle(tr("&Export"));
    m_exportPngAction->setText(tr("Slide as &PNG…"));
    m_exportSvgAction->setText(tr("Slide as &SVG…"));
    m_exportTraceAction->setText(tr("Run as Chrome &Trace JSON…"));
    m_exportCsvAction->setText(tr("Processlist as &CSV…"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_playbackMenu->setTitle(tr("&Playback"));
    m_playAction->setText(tr("&Play / Pause"));
    m_nextAction->setText(tr("&Next Event"));
    m_previousAction->setText(tr("P&revious Event"));
    m_restartAction->setText(tr("Re&start"));
    m_endAction->setText(tr("Go to the &End"));
    m_fasterAction->setText(tr("&Faster"));
    m_slowerAction->setText(tr("&Slower"));
    m_zoomInAction->setText(tr("Zoom &In"));
    m_zoomOutAction->setText(tr("Zoom &Out"));
    m_zoomFitAction->setText(tr("&Zoom to Fit"));
    m_resetWhatIfAction->setText(tr("&Undo My Kills and Knob Changes"));
    m_presentationAction->setText(tr("Presentation &Mode"));
    m_processlistOverlayAction->setText(tr("Processlist &Overlay (Presentation)"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About KillScope"));
    m_shortcutsAction->setText(tr("&Keyboard Shortcuts"));

    m_bottomTabs->setTabText(m_bottomTabs->indexOf(m_processlistView), tr("Processlist"));
    m_bottomTabs->setTabText(m_bottomTabs->indexOf(m_killsView), tr("Kills"));
    m_bottomTabs->setTabText(m_bottomTabs->indexOf(m_charts), tr("Charts"));
    m_bottomTabs->setTabText(m_bottomTabs->indexOf(m_transcript), tr("Client transcripts"));
    m_narrationDock->setWindowTitle(tr("Narration"));
    m_knobsDock->setWindowTitle(tr("What if…"));
    m_legendDock->setWindowTitle(tr("Legend"));
    m_toolBar->setWindowTitle(tr("Playback"));
    m_scenarioLabel->setText(tr("Scenario:") + QLatin1Char(' '));
    updateRecordingLabel();
    m_flavorLabel->setText(QLatin1Char(' ') + tr("Server:") + QLatin1Char(' '));
    m_processlistView->setToolTip(tr("SHOW FULL PROCESSLIST at the playhead. Right-click a row "
                                     "to kill its query or its connection."));
    fillScenarioCombo();
    fillBuiltinMenu();
    fillScenarioMenus();
    fillRecentMenu();
    updateTitle();
}

QString MainWindow::aboutText() const
{
    return tr("<h3>KillScope %1</h3>"
              "<p>Shows what really happens when someone runs KILL QUERY or KILL CONNECTION on "
              "MySQL or MariaDB: when the victim notices, what it still has to finish, and what "
              "each client sees.</p>")
        .arg(version());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About KillScope"), aboutText());
}

// --- sources ------------------------------------------------------------------------------

void MainWindow::setSource(SessionSource *source)
{
    if (!source)
        source = m_simulation;
    disconnect(m_sourceChanged);
    disconnect(m_sourceProblem);
    disconnect(m_sourceKill);
    m_source = source;
    m_sourceChanged = connect(source, &SessionSource::changed, this, &MainWindow::onSourceChanged);
    if (source != m_simulation)
        m_sourceProblem = connect(source, &SessionSource::problem, this, [this](const QString &m) {
            if (m_problemHandler)
                m_problemHandler(m);
            else
                showProblem(m);
        });
    m_sourceKill =
        connect(source, &SessionSource::killUpdated, this, [this] { refreshAtPlayhead(); });
    m_killController->setSource(source);
    m_swimlaneView->setTimeline(&source->timeline());

    const bool sim = source->kind() == SessionSource::Kind::Simulation;
    const Face face = sim                                                ? Face::Simulation
                      : source->kind() == SessionSource::Kind::Recording ? Face::Recording
                                                                         : Face::Live;
    m_knobsDock->setEnabled(sim);
    m_scenarioCombo->setEnabled(sim);
    m_flavorCombo->setEnabled(sim);
    m_viewport->setGrowToPlayhead(sim);
    m_swimlaneView->setWallClockOrigin(source->wallClockOriginMs());
    if (!sim)
        m_followNow = true; // a new live session starts at "now"
    applyFace(face);
    updateRecordingLabel();
    m_processlistModel->setShowMilliseconds(!sim);
    m_chartsRevision = ~quint64(0);
    onSourceChanged();
}

bool MainWindow::openScenario(const QString &idOrPath, const QString &flavor)
{
    if (m_source != m_simulation)
        setSource(nullptr);
    const bool builtin = QFile::exists(QStringLiteral(":/scenarios/%1.json").arg(idOrPath));
    const bool ok = m_simulation->load(idOrPath, flavor);
    if (ok && !builtin)
        addRecentFile(QFileInfo(idOrPath).absoluteFilePath());
    fillScenarioCombo();
    return ok;
}

void MainWindow::onSourceChanged()
{
    if (!m_source)
        return;
    const Timeline &timeline = m_source->timeline();
    const bool sim = m_source->kind() == SessionSource::Kind::Simulation;
    m_inSourceChange = true;
    const auto changeDone = qScopeGuard([this] { m_inSourceChange = false; });
    if (sim) {
        const qint64 end = m_simulation->endTime();
        m_playback->setRange(0, end);
        m_playback->setEventTimes(m_simulation->eventTimes());
        m_narrationModel->setSteps(m_simulation->narration());
        m_viewport->setTraceRange(0, std::max<qint64>(end, 1));
        if (m_fitPending && m_simulation->hasRun()) {
            m_fitPending = false;
            m_viewport->zoomToFit();
        }
        m_killsModel->setTimeOrigin(0);
        {
            const QSignalBlocker b(m_flavorCombo);
            m_flavorCombo->clear();
            for (const QString &f : m_simulation->supportedFlavors())
                m_flavorCombo->addItem(KnobsPanel::flavorName(f), f);
            m_flavorCombo->setCurrentIndex(
                std::max(0, m_flavorCombo->findData(m_simulation->flavorId())));
        }
        m_knobs->setFlavors(m_simulation->supportedFlavors(), m_simulation->flavorId());
        QStringList changes;
        for (const SimulationSource::Injection &i : m_simulation->injections()) {
            const QString at = TimeFormat::instantNumber(i.atUs);
            if (i.isKill)
                changes << tr("%1 s: %2").arg(at, killStatement(i.kill));
            else if (const WhatIfKnob *k = WhatIfKnobs::find(i.knob))
                changes << tr("%1 s: %2").arg(at, WhatIfKnobs::changeText(*k, i.value));
        }
        m_knobs->setChanges(changes);
        m_knobs->setConcurrencyAvailable(!m_simulation->flavorId().startsWith(u"mariadb"));
    } else if (m_source->kind() == SessionSource::Kind::Recording) {
        // A recording has already happened: the whole of it in view, the playhead at its start,
        // the kills as the events the playback keys step to.
        m_playback->pause();
        // Times of a recording count from its first sample (as --at and --summary do), even when
        // the first lanes appear later.
        const auto *rec = qobject_cast<const RecordingSource *>(m_source.data());
        const qint64 begin = rec ? std::min(rec->beginUs(), timeline.beginTime()) : timeline.beginTime();
        const qint64 end = rec ? std::max(rec->endUs(), timeline.endTime()) : timeline.endTime();
        m_playback->setRange(begin, end);
        QList<qint64> killTimes;
        for (const KillRecord &k : m_source->kills()) {
            for (qint64 t : {k.requestedUs, k.flagSeenUs, k.endedUs})
                if (t >= begin && t <= end)
                    killTimes << t;
        }
        std::sort(killTimes.begin(), killTimes.end());
        m_playback->setEventTimes(killTimes);
        m_playback->setPosition(begin);
        m_narrationModel->setSteps({});
        m_viewport->setTraceRange(begin, std::max(end, begin + 1));
        m_viewport->setFollowPlayhead(false);
        m_viewport->zoomToFit();
        m_killsModel->setTimeOrigin(rec ? rec->beginUs() : begin);
    } else {
        // Live: the playhead is "now", at the newest sample.
        m_playback->pause();
        // Frozen, the view stays at the time it shows while the samples go on arriving.
        const qint64 frozenAt = m_playback->position();
        m_playback->setRange(timeline.beginTime(), timeline.endTime());
        m_playback->setEventTimes({});
        m_playback->setPosition(
            m_followNow ? timeline.endTime()
                        : std::clamp(frozenAt, timeline.beginTime(), timeline.endTime()));
        m_narrationModel->setSteps({});
        m_viewport->setTraceRange(timeline.beginTime(),
                                  std::max(timeline.endTime(), timeline.beginTime() + 1));
        m_viewport->setFollowPlayhead(m_followNow);
        m_killsModel->setTimeOrigin(timeline.beginTime());
    }
    m_processlistModel->setFlavor(m_source->flavorId());
    m_viewport->setPlayhead(m_playback->position());
    m_narrationModel->setPlayhead(m_playback->position());
    refreshAtPlayhead();
    if (!m_columnsFitted) {
        m_columnsFitted = true;
        fitProcesslistColumns();
    }
    refreshCharts();
    updateTitle();
    m_swimlaneView->timelineChanged();
    // On stage, other lanes (a new scenario, a flavor with other sessions) need other rows.
    if (isPresentationMode() && timeline.laneRevision() != m_stageLaneRevision) {
        m_stageLaneRevision = timeline.laneRevision();
        m_stage->updateTexts();
        m_stage->refit();
    }
}

void MainWindow::onPlayheadMoved(qint64 us)
{
    m_viewport->setPlayhead(us);
    m_narrationModel->setPlayhead(us);
    // A source change moves the playhead and then refreshes the tables itself.
    if (m_inSourceChange)
        return;
    // The playhead glides at 60 Hz; the tables need not follow every frame. A big run's
    // processlist then costs at most ~20 rebuilds a second, and the last position always lands.
    // A refresh that costs more (thousands of sessions) is spaced out further, so it never
    // takes more than about a fifth of the time.
    const qint64 interval = std::max(TableRefreshMs, 4 * m_tableRefreshCostMs);
    if (m_playback->isPlaying() && m_lastTableRefresh.isValid() &&
        m_lastTableRefresh.elapsed() < interval) {
        if (!m_tableRefresh->isActive())
            m_tableRefresh->start(int(interval - m_lastTableRefresh.elapsed()));
        return;
    }
    refreshAtPlayhead();
}

void MainWindow::refreshAtPlayhead()
{
    if (!m_source)
        return;
    m_tableRefresh->stop();
    m_lastTableRefresh.start();
    const auto measure =
        qScopeGuard([this] { m_tableRefreshCostMs = m_lastTableRefresh.elapsed(); });
    const qint64 t = m_playback->position();
    m_processlistModel->setRows(m_source->processlistAt(t));
    if (m_bottomTabs->currentWidget() == m_charts)
        m_charts->setPlayhead(t);
    if (m_source == m_simulation) {
        m_killsModel->setKills(m_simulation->killsAt(t));
        if (!m_knobs->isAncestorOf(QApplication::focusWidget()))
            m_knobs->setValues(m_simulation->concurrencyAt(t), m_simulation->ioPressureAt(t));
        if (m_bottomTabs->currentWidget() == m_transcript) {
            QString text;
            for (const auto &[name, lines] : m_simulation->transcriptsAt(t)) {
                text += QStringLiteral("── %1 ──\n").arg(name);
                text += lines.join(QLatin1Char('\n'));
                text += QStringLiteral("\n\n");
            }
            if (m_transcript->toPlainText() != text) {
                m_transcript->setPlainText(text);
                m_transcript->moveCursor(QTextCursor::End);
            }
        }
    } else {
        m_killsModel->setKills(m_source->kills());
    }
    const qint64 wall = m_source->wallClockOriginMs();
    if (wall >= 0)
        m_statusLabel->setText(tr("%1 · %n session(s)", nullptr, m_processlistModel->rowCount())
                                   .arg(QDateTime::fromMSecsSinceEpoch(wall + t / 1000)
                                            .toString(QStringLiteral("HH:mm:ss"))));
    else
        m_statusLabel->setText(
            tr("t = %1 s · %n session(s)", nullptr, m_processlistModel->rowCount())
                .arg(PlaybackBar::formatTime(t)));
}

void MainWindow::refreshCharts()
{
    if (!m_source)
        return;
    const Timeline &timeline = m_source->timeline();
    if (timeline.revision() == m_chartsRevision && m_source != m_simulation)
        return;
    // A live timeline changes with every sample and its charts cover every session: computed
    // while the Charts tab is up, and when it comes up, not behind it.
    if (m_source != m_simulation && m_bottomTabs->currentWidget() != m_charts)
        return;
    m_chartsRevision = timeline.revision();
    const qint64 end = m_source == m_simulation ? m_simulation->endTime() : timeline.endTime();
    m_charts->setData(computeChartData(timeline, m_source->kills(), 240,
                                       m_source == m_simulation ? 0 : timeline.beginTime(), end,
                                       end));
}

void MainWindow::updateTitle()
{
    QString title = tr("KillScope");
    if (const auto *rec = qobject_cast<const RecordingSource *>(m_source.data()))
        title = tr("Recording %1 — %2 (%3) — KillScope")
                    .arg(QFileInfo(rec->path()).fileName(), rec->recording().endpoint(),
                         rec->recording().server().displayName());
    else if (m_source == m_simulation && m_simulation->hasScenario())
        title = tr("%1 — %2 — KillScope")
                    .arg(m_simulation->scenarioTitle(currentLanguage()),
                         KnobsPanel::flavorName(m_simulation->flavorId()));
    setWindowTitle(title);
}

QString MainWindow::stageTitle() const
{
    if (m_source == m_simulation && m_simulation->hasScenario())
        return tr("%1 — %2").arg(m_simulation->scenarioTitle(currentLanguage()),
                                 KnobsPanel::flavorName(m_simulation->flavorId()));
    return windowTitle();
}

void MainWindow::fitProcesslistColumns()
{
    // Widths for what the columns typically hold, not for what row 0 holds at t = 0.
    const QFontMetrics fm(m_processlistView->font());
    auto chars = [&fm](int n) { return fm.horizontalAdvance(QLatin1Char('m')) * n / 1 + 12; };
    using F = ProcesslistModel::Field;
    const QList<QPair<F, int>> widths{{F::Id, 5},
                                      {F::User, 7},
                                      {F::Host, 9},
                                      {F::Db, 5},
                                      {F::Command, 7},
                                      {F::Time, 5},
                                      {F::State, 16},
                                      {F::Info, 34},
                                      {F::Progress, 7},
                                      {F::TrxState, 10},
                                      {F::TrxRowsModified, 11},
                                      {F::TrxOperationState, 14}};
    for (const auto &[field, n] : widths) {
        const int c = m_processlistModel->column(field);
        if (c >= 0)
            m_processlistView->setColumnWidth(c, chars(n));
    }
}

// --- scenarios ----------------------------------------------------------------------------

void MainWindow::fillScenarioCombo()
{
    if (!m_scenarioCombo)
        return;
    const QSignalBlocker blocker(m_scenarioCombo);
    m_scenarioCombo->clear();
    const bool zh = currentLanguage().startsWith(u"zh");
    for (const auto &e : orderedBuiltins()) {
        m_scenarioCombo->addItem(zh ? e.titleZh : e.titleEn, e.id);
        m_scenarioCombo->setItemData(m_scenarioCombo->count() - 1, zh ? e.summaryZh : e.summaryEn,
                                     Qt::ToolTipRole);
    }
    const QStringList recent = recentFiles();
    if (!recent.isEmpty()) {
        m_scenarioCombo->insertSeparator(m_scenarioCombo->count());
        for (const QString &path : recent)
            m_scenarioCombo->addItem(QFileInfo(path).fileName(), path);
    }
    const QString current = m_simulation->scenarioPath().isEmpty() ? m_simulation->scenarioId()
                                                                   : m_simulation->scenarioPath();
    m_scenarioCombo->setCurrentIndex(m_scenarioCombo->findData(current));
    m_scenarioCombo->setToolTip(m_simulation->scenarioSummary(currentLanguage()));
}

void MainWindow::fillBuiltinMenu()
{
    m_builtinMenu->clear();
    const bool zh = currentLanguage().startsWith(u"zh");
    for (const auto &e : orderedBuiltins()) {
        QAction *a = m_builtinMenu->addAction(zh ? e.titleZh : e.titleEn);
        a->setToolTip(zh ? e.summaryZh : e.summaryEn);
        a->setData(e.id);
        connect(a, &QAction::triggered, this, [this, id = e.id] { openScenario(id); });
    }
    m_builtinMenu->setToolTipsVisible(true);
    m_builtinMenu->setEnabled(!m_builtinMenu->isEmpty());
}

// The built-in scenarios in the order one learns them (ScenarioPath::startHere), then any other.
QList<SimulationSource::ScenarioEntry> MainWindow::orderedBuiltins()
{
    QList<SimulationSource::ScenarioEntry> all = SimulationSource::builtinScenarios();
    QList<SimulationSource::ScenarioEntry> out;
    for (const ScenarioPath::Stop &stop : ScenarioPath::startHere())
        for (qsizetype i = 0; i < all.size(); ++i)
            if (all[i].id == stop.scenarioId) {
                out << all.takeAt(i);
                break;
            }
    return out + all;
}

void MainWindow::fillScenarioMenus()
{
    if (!m_startHereMenu)
        return;
    m_startHereMenu->clear();
    const bool zh = currentLanguage().startsWith(u"zh");
    QHash<QString, SimulationSource::ScenarioEntry> byId;
    for (const auto &e : SimulationSource::builtinScenarios())
        byId.insert(e.id, e);
    int n = 0;
    for (const ScenarioPath::Stop &stop : ScenarioPath::startHere()) {
        const auto it = byId.constFind(stop.scenarioId);
        if (it == byId.constEnd())
            continue;
        // The question first (it is why one opens it); the title says what one will see.
        QAction *a =
            m_startHereMenu->addAction(QStringLiteral("%1. %2").arg(++n).arg(stop.question));
        a->setObjectName(QStringLiteral("startHere_%1").arg(stop.scenarioId));
        a->setToolTip(zh ? it->titleZh : it->titleEn);
        a->setData(stop.scenarioId);
        connect(a, &QAction::triggered, this, [this, id = stop.scenarioId] { openScenario(id); });
    }
    m_questionsMenu->clear();
    for (const ScenarioPath::ReaderQuestion &q : ScenarioPath::readerQuestions()) {
        QAction *a = m_questionsMenu->addAction(q.question);
        a->setObjectName(QStringLiteral("question_%1").arg(q.id));
        a->setToolTip(q.answer);
        a->setData(q.id);
        connect(a, &QAction::triggered, this, [this, id = q.id] { openReaderQuestion(id); });
    }
}

bool MainWindow::openReaderQuestion(const QString &id)
{
    for (const ScenarioPath::ReaderQuestion &q : ScenarioPath::readerQuestions()) {
        if (q.id != id)
            continue;
        if (!openScenario(q.scenarioId, q.flavor))
            return false;
        m_simulation->waitForRun();
        const qint64 t =
            m_simulation->result() ? ScenarioPath::momentIn(*m_simulation->result(), q.moment) : -1;
        m_playback->pause();
        if (t >= 0) {
            m_playback->setPosition(t);
            m_viewport->revealTime(t, 0);
        }
        statusBar()->showMessage(q.answer, 60'000);
        return t >= 0;
    }
    return false;
}

void MainWindow::restartServerAtPlayhead()
{
    if (m_source != m_simulation || !m_simulation->hasScenario())
        return;
    m_playback->pause();
    const qint64 t = m_playback->position();
    m_simulation->restartServer(t);
    statusBar()->showMessage(
        tr("The simulated server restarts at %1 s: every client is dropped; what happened before "
           "stays as it was.")
            .arg(PlaybackBar::formatTime(t)),
        8000);
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(RecentKey).toStringList();
}

void MainWindow::addRecentFile(const QString &path)
{
    QStringList recent = recentFiles();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > MaxRecentFiles)
        recent.removeLast();
    QSettings().setValue(RecentKey, recent);
    fillRecentMenu();
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentFiles();
    for (const QString &path : recent) {
        QAction *a = m_recentMenu->addAction(QFileInfo(path).fileName());
        a->setToolTip(path);
        connect(a, &QAction::triggered, this, [this, path] { openScenario(path); });
    }
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [this] {
            QSettings().remove(RecentKey);
            fillRecentMenu();
            fillScenarioCombo();
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::openScenarioDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Scenario"), QFileInfo(recentFiles().value(0)).absolutePath(),
        tr("KillScope scenarios (*.json);;All files (*)"));
    if (!path.isEmpty())
        openScenario(path);
}

void MainWindow::showProblem(const QString &message)
{
    statusBar()->showMessage(message.section(QLatin1Char('\n'), 0, 0), 10000);
    // Tests and headless runs have no one to click the box away.
    if (QGuiApplication::platformName() == QStringLiteral("offscreen"))
        return;
    QMessageBox box(QMessageBox::Warning, tr("KillScope"), message, QMessageBox::Ok, this);
    box.exec();
}

// --- killing ------------------------------------------------------------------------------

void MainWindow::onProcesslistContextMenu(const QPoint &pos)
{
    const QModelIndex at = m_processlistView->indexAt(pos);
    QItemSelectionModel *sel = m_processlistView->selectionModel();
    if (at.isValid() && !sel->isRowSelected(at.row(), {}))
        sel->select(at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    // The rows as shown, each with the source's note of which session it is.
    QList<ProcesslistRow> rows;
    for (const QModelIndex &index : sel->selectedRows()) {
        const int row =
            m_processlistModel->rowOfId(index.data(ProcesslistModel::IdRole).toLongLong());
        if (row >= 0)
            rows << m_processlistModel->rowAt(row);
    }
    if (rows.isEmpty())
        return;
    m_killController->popupForRows(rows, m_processlistView->viewport()->mapToGlobal(pos));
}

KillMenu *MainWindow::killMenu() const
{
    return m_killController->menu();
}

// --- hooks for other sources' controllers --------------------------------------------------

void MainWindow::showSourcePanel(QWidget *panel, int index)
{
    if (m_bottomTabs->indexOf(panel) < 0)
        m_bottomTabs->insertTab(index, panel, QString());
}

void MainWindow::hideSourcePanel(QWidget *panel)
{
    const int i = m_bottomTabs->indexOf(panel);
    if (i >= 0)
        m_bottomTabs->removeTab(i);
    panel->hide();
}

void MainWindow::setSourcePanelTitle(QWidget *panel, const QString &title)
{
    const int i = m_bottomTabs->indexOf(panel);
    if (i >= 0)
        m_bottomTabs->setTabText(i, title);
}

void MainWindow::raiseSourcePanel(QWidget *panel)
{
    if (m_bottomTabs->indexOf(panel) >= 0)
        m_bottomTabs->setCurrentWidget(panel);
}

void MainWindow::addBanner(QWidget *banner)
{
    // Over the lanes, where the eye already is; it takes no room while hidden.
    auto *layout = qobject_cast<QVBoxLayout *>(m_swimlaneArea->layout());
    if (layout)
        layout->insertWidget(0, banner);
}

void MainWindow::addSourceMenu(QMenu *menu, QAction *fileAction)
{
    // Before Help; the source's main action also at the top of the File menu.
    const QList<QAction *> top = menuBar()->actions();
    menuBar()->insertMenu(top.isEmpty() ? nullptr : top.last(), menu);
    if (fileAction) {
        const QList<QAction *> actions = m_fileMenu->actions();
        m_fileMenu->insertAction(actions.isEmpty() ? nullptr : actions.first(), fileAction);
        m_fileMenu->insertSeparator(actions.isEmpty() ? nullptr : actions.first());
    }
}

void MainWindow::addSourceToolBarWidget(QWidget *widget)
{
    QAction *a = m_toolBar->addWidget(widget);
    a->setVisible(m_face == Face::Live);
    m_sourceToolBarActions << a;
}

void MainWindow::addSourceDock(QDockWidget *dock, bool alsoReplayed)
{
    addDockWidget(Qt::RightDockWidgetArea, dock);
    m_sourceDocks << dock;
    if (alsoReplayed)
        m_replayedDocks << dock;
    const bool shown = sourceDockShown(dock);
    dock->setVisible(shown);
    dock->toggleViewAction()->setVisible(shown);
    m_viewMenu->insertAction(m_legendDock->toggleViewAction(), dock->toggleViewAction());
}

bool MainWindow::isSimulationFace() const
{
    return m_simFace;
}

void MainWindow::applyFace(Face face)
{
    if (face == m_face)
        return;
    const bool wasSimulation = m_face == Face::Simulation;
    m_face = face;
    const bool simulation = face == Face::Simulation;
    const bool live = face == Face::Live;
    const bool replay = simulation || face == Face::Recording;
    m_simFace = simulation;
    // What the simulation alone has: what-if knobs, narration, client transcripts, the scenario
    // and flavor pickers. Attached to a server the window has one processlist and one kills
    // table (the source's panels), the server in the tool bar. A recording is replayed: the
    // playback keys and bar, the window's own processlist and kills tables at the playhead, its
    // server and span in the tool bar.
    if (!simulation && wasSimulation) {
        m_narrationWasVisible = !m_narrationDock->isHidden();
        m_knobsWasVisible = !m_knobsDock->isHidden();
    }
    if (!simulation) {
        m_narrationDock->hide();
        m_knobsDock->hide();
    } else {
        m_narrationDock->setVisible(m_narrationWasVisible);
        m_knobsDock->setVisible(m_knobsWasVisible);
    }
    const auto showTab = [this](QWidget *w, bool show, int index) {
        const int i = m_bottomTabs->indexOf(w);
        if (!show && i >= 0)
            m_bottomTabs->removeTab(i);
        else if (show && i < 0)
            m_bottomTabs->insertTab(index, w, QString());
    };
    showTab(m_processlistView, !live, 0);
    showTab(m_killsView, !live, 1);
    showTab(m_transcript, simulation, m_bottomTabs->indexOf(m_charts) + 1);
    if (!live)
        m_bottomTabs->setCurrentWidget(m_processlistView);
    m_narrationDock->toggleViewAction()->setVisible(simulation);
    m_knobsDock->toggleViewAction()->setVisible(simulation);
    m_resetWhatIfAction->setVisible(simulation);
    m_playbackMenu->menuAction()->setVisible(replay);
    for (QAction *a : std::as_const(m_simToolBarActions))
        a->setVisible(simulation);
    m_playbackBarAction->setVisible(replay);
    m_recordingLabelAction->setVisible(face == Face::Recording);
    for (QAction *a : std::as_const(m_sourceToolBarActions))
        a->setVisible(live);
    for (QDockWidget *d : std::as_const(m_sourceDocks)) {
        const bool shown = sourceDockShown(d);
        d->setVisible(shown);
        d->toggleViewAction()->setVisible(shown);
    }
    for (QAction *a :
         {m_nextAction, m_previousAction, m_restartAction, m_fasterAction, m_slowerAction})
        a->setEnabled(replay);
    m_exportTraceAction->setEnabled(simulation);
    retranslateUi();
}

QString MainWindow::recordingFaceText() const
{
    const auto *rec = qobject_cast<const RecordingSource *>(m_source.data());
    if (!rec)
        return {};
    const Recording &r = rec->recording();
    const ServerInfo info = r.server();
    QStringList parts;
    // "user@host:port": the server is host:port (the account is in the tooltip).
    const QString endpoint = r.endpoint();
    const qsizetype at = endpoint.indexOf(u'@');
    parts << (at >= 0 ? endpoint.mid(at + 1) : endpoint);
    parts << (info.versionString.isEmpty() ? info.displayName() : info.versionString);
    parts << tr("detected %1").arg(KnobsPanel::flavorName(rec->flavorId()));
    if (!r.samples.empty()) {
        const QDateTime from = QDateTime::fromMSecsSinceEpoch(r.epochMsAt(r.beginUs()));
        const QDateTime to = QDateTime::fromMSecsSinceEpoch(r.epochMsAt(r.endUs()));
        const QString fmt = from.date() == to.date() ? QStringLiteral("HH:mm:ss")
                                                     : QStringLiteral("yyyy-MM-dd HH:mm:ss");
        parts << tr("recorded %1 – %2 (%3)")
                     .arg(from.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), to.toString(fmt),
                          ProcesslistModel::durationText((r.endUs() - r.beginUs()) / 1'000'000));
    }
    return tr("Recording: %1").arg(parts.join(QStringLiteral(" · ")));
}

void MainWindow::updateRecordingLabel()
{
    if (!m_recordingLabel)
        return;
    const auto *rec = qobject_cast<const RecordingSource *>(m_source.data());
    m_recordingLabel->setText(recordingFaceText());
    m_recordingLabel->setToolTip(rec ? tr("%1, account %2, file %3")
                                           .arg(rec->recording().server().displayName(),
                                                rec->recording().endpoint(), rec->path())
                                     : QString());
}

void MainWindow::setFollowNow(bool follow)
{
    if (m_followNow == follow)
        return;
    m_followNow = follow;
    if (m_source && m_source != m_simulation) {
        m_viewport->setFollowPlayhead(follow);
        if (follow)
            onSourceChanged();
    }
    Q_EMIT followNowChanged(follow);
}

QString MainWindow::shortcutsText() const
{
    // Every key the window answers, from the actions themselves (so the list cannot go stale),
    // plus the keys of the tables, which are not actions.
    QStringList lines;
    QSet<QAction *> seen;
    auto add = [&](QAction *a) {
        if (!a || seen.contains(a) || a->shortcuts().isEmpty() || a->text().isEmpty())
            return;
        seen.insert(a);
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        QString text = a->text();
        text.remove(QLatin1Char('&'));
        lines << QStringLiteral("%1\t%2").arg(keys.join(QStringLiteral(", ")), text);
    };
    std::function<void(QMenu *)> walk = [&](QMenu *menu) {
        for (QAction *a : menu->actions()) {
            if (a->menu())
                walk(a->menu());
            else if (a->isVisible())
                add(a);
        }
    };
    for (QAction *top : menuBar()->actions())
        if (top->menu() && top->isVisible())
            walk(top->menu());
    for (QAction *a : actions())
        if (a->isVisible() && a->isEnabled())
            add(a);
    if (m_face == Face::Live) {
        lines << QStringLiteral("Space\t") +
                     tr("Freeze the view (sampling goes on) / follow now again");
        lines << QStringLiteral("End\t") + tr("Follow now");
    }
    lines << QStringLiteral("Del\t") +
                 tr("Kill the selected sessions' connections (after confirmation)");
    lines << QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText) +
                 QStringLiteral("\t") + tr("Copy the selected statements");
    lines << tr("Right-click") + QStringLiteral("\t") + tr("Kill menu for a lane or a row");
    return lines.join(QLatin1Char('\n'));
}

void MainWindow::showShortcuts()
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("shortcutsDialog"));
    dialog.setWindowTitle(tr("Keyboard Shortcuts"));
    auto *table = new QTableWidget(&dialog);
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({tr("Key"), tr("Does")});
    const QStringList lines = shortcutsText().split(QLatin1Char('\n'));
    table->setRowCount(int(lines.size()));
    for (int r = 0; r < lines.size(); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(lines[r].section(QLatin1Char('\t'), 0, 0)));
        table->setItem(r, 1, new QTableWidgetItem(lines[r].section(QLatin1Char('\t'), 1)));
    }
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnToContents(0);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog.resize(560, 520);
    dialog.exec();
}

void MainWindow::showTimeRange(qint64 beginUs, qint64 endUs)
{
    m_viewport->setTraceRange(beginUs, endUs);
    m_viewport->setVisibleRange(beginUs, endUs);
}

// --- exports ------------------------------------------------------------------------------

TimelinePicture MainWindow::slide() const
{
    // The slide `--png` writes: the whole run up to the playhead, title, legend, caption.
    if (m_source == m_simulation)
        return simulationSlide(*m_simulation, m_playback->position());
    TimelinePicture pic;
    pic.timeline = &m_source->timeline();
    pic.t0 = pic.timeline->beginTime();
    pic.t1 = std::max(pic.timeline->endTime(), pic.t0 + 1);
    pic.playhead = m_playback->position();
    pic.title = windowTitle();
    return pic;
}

bool MainWindow::exportPng(const QString &path, QString *error)
{
    return writeTimelinePng(slide(), DefaultSlideSize, path, error);
}

bool MainWindow::exportSvg(const QString &path, QString *error)
{
    return writeTimelineSvg(slide(), DefaultSlideSize, path, error);
}

bool MainWindow::exportTrace(const QString &path, QString *error)
{
    if (m_source != m_simulation) {
        if (error)
            *error = tr("The trace export is available for simulated runs.");
        return false;
    }
    return m_simulation->writeChromeTrace(path, error);
}

bool MainWindow::exportProcesslistCsv(const QString &path, QString *error)
{
    return writeTextFile(path, m_processlistModel->toCsv(), error);
}

void MainWindow::exportDialog(const QString &kind)
{
    const QString base = m_source == m_simulation && m_simulation->hasScenario()
                             ? m_simulation->scenarioId()
                             : QStringLiteral("killscope");
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    QString filter;
    QString suggested;
    if (kind == u"png") {
        filter = tr("PNG images (*.png)");
        suggested = base + QStringLiteral(".png");
    } else if (kind == u"svg") {
        filter = tr("SVG images (*.svg)");
        suggested = base + QStringLiteral(".svg");
    } else if (kind == u"json") {
        filter = tr("Chrome Trace JSON (*.json)");
        suggested = base + QStringLiteral(".trace.json");
    } else {
        filter = tr("CSV files (*.csv)");
        suggested = base + QStringLiteral("-processlist.csv");
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"),
                                                      dir + QLatin1Char('/') + suggested, filter);
    if (path.isEmpty())
        return;
    QString error;
    bool ok = false;
    if (kind == u"png")
        ok = exportPng(path, &error);
    else if (kind == u"svg")
        ok = exportSvg(path, &error);
    else if (kind == u"json")
        ok = exportTrace(path, &error);
    else
        ok = exportProcesslistCsv(path, &error);
    if (ok)
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    else
        showProblem(error);
}

// --- presentation -------------------------------------------------------------------------

void MainWindow::setPresentationMode(bool on)
{
    m_stage->setOn(on);
}

bool MainWindow::isPresentationMode() const
{
    return m_stage->isOn();
}

// --- events -------------------------------------------------------------------------------

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_narrationModel->setLanguage(currentLanguage());
        // Steps generated from the run (injected kills, what-if changes) are written in the
        // current language: write them again.
        if (m_source == m_simulation)
            m_narrationModel->setSteps(m_simulation->narration());
        // "Your changes" too.
        if (m_source == m_simulation && m_simulation->injectionCount() > 0)
            onSourceChanged();
        for (QAction *a : m_languageGroup->actions())
            a->setChecked(a->data().toString() == currentLanguage());
        m_stage->updateTexts();
        m_stage->refit();
        refreshAtPlayhead();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // Without a window manager no one gives the window the keyboard, and F11, Space and the
    // arrows would go nowhere; asking for it is what a window manager would do anyway.
    if (!m_shownOnce) {
        m_shownOnce = true;
        activateWindow();
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isPresentationMode())
        setPresentationMode(false);
    // The layout saved is the simulation's: the live face's hidden docks are not the user's
    // choice and must not come back hidden next time.
    applyFace(Face::Simulation);
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreLayout()
{
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    for (QDockWidget *d : std::as_const(m_sourceDocks))
        d->setVisible(sourceDockShown(d));
}

bool MainWindow::sourceDockShown(QDockWidget *dock) const
{
    return m_face == Face::Live || (m_face == Face::Recording && m_replayedDocks.contains(dock));
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
}

} // namespace ks
