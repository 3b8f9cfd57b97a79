#include "livecontroller.h"

#include "connectiondialog.h"
#include "killcontroller.h"
#include "killmatchingdialog.h"
#include "killspanel.h"
#include "knobspanel.h"
#include "livebanner.h"
#include "liveprocesslistpanel.h"
#include "livesource.h"
#include "mainwindow.h"
#include "optionfile.h"
#include "processlistfilter.h"
#include "processlistfilterbar.h"
#include "processlistmodel.h"
#include "samplercostwidget.h"
#include "sessiondetailspanel.h"
#include "swimlaneview.h"
#include "timeline.h"
#include "timelineviewport.h"

#include <QAction>
#include <QActionGroup>
#include <QCheckBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QUrl>

namespace ks {

LiveController::LiveController(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    window->adoptController(this);
    setObjectName(QStringLiteral("liveController"));
    createActions();

    m_panel = new LiveProcesslistPanel(window->processlistModel(), window);
    m_panel->hide();
    // The panel hands over rows; the source builds the targets from its records.
    connect(m_panel, &LiveProcesslistPanel::killMenuRequested, this,
            [this](const QList<ProcesslistRow> &rows, const QPoint &pos) {
                m_window->killController()->popupForRows(rows, pos);
            });
    connect(m_panel, &LiveProcesslistPanel::killSelectionRequested, this,
            [this](const QList<ProcesslistRow> &rows) {
                if (!m_source || m_source->isReadOnly())
                    return;
                // Del ends the sessions: KILL CONNECTION, after the confirmation.
                m_window->killController()->killRows(rows, KillKind::Connection);
            });
    // The filter bar's "own connections" box and the Live menu's action are one setting.
    connect(m_panel->filterBar()->showOwnBox(), &QCheckBox::toggled, this,
            [this](bool on) { m_showOwnAction->setChecked(on); });
    m_kills = new KillsPanel(window);
    m_kills->hide();
    // The live face's tool bar: the server, its life and what sampling it costs.
    m_serverLabel = new QLabel(window);
    m_serverLabel->setObjectName(QStringLiteral("liveServerLabel"));
    m_serverLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_serverLabel->setContentsMargins(6, 0, 6, 0);
    window->addSourceToolBarWidget(m_serverLabel);
    m_cost = new SamplerCostWidget(window);
    window->addSourceToolBarWidget(m_cost);

    // The details of the selected session, beside the lanes.
    m_details = new SessionDetailsPanel(window);
    m_detailsDock = new QDockWidget(window);
    m_detailsDock->setObjectName(QStringLiteral("sessionDetailsDock"));
    m_detailsDock->setWidget(m_details);
    window->addSourceDock(m_detailsDock, true); // a recording feeds it too (RecordingController)
    connect(m_panel, &LiveProcesslistPanel::sessionSelected, this, &LiveController::showDetailsFor);
    // A lane picked in the view selects its row in the one processlist (and its details).
    connect(window->swimlaneView(), &SwimlaneView::sessionSelected, this, [this](qint64 id) {
        if (!m_source)
            return;
        // Only the lane's own session: an ended lane whose id a newer session now has (after a
        // restart) selects no row, so neither Del in the table nor the details pane reach that
        // newer session.
        const int lane = m_window->swimlaneView()->selectedLane();
        const ProcesslistRow *row = m_source->currentRow(id);
        if (!row || (lane >= 0 && m_source->laneOf(id, row->firstSeenUs) != lane)) {
            m_panel->view()->clearSelection();
            return;
        }
        m_panel->selectId(id);
        showDetailsFor(id);
    });
    // The filters narrow the lanes as they narrow the table.
    connect(m_panel->filter(), &ProcesslistFilterModel::criteriaChanged, this,
            &LiveController::refilterLanes);
    window->swimlaneView()->installEventFilter(this);
    window->swimlaneView()->viewport()->installEventFilter(this);
    connect(window, &MainWindow::followNowChanged, this, [this](bool on) {
        const QSignalBlocker block(m_followAction);
        m_followAction->setChecked(on);
        updateServerLabel();
    });

    m_banner = new LiveBanner(window);
    window->addBanner(m_banner);
    connect(m_banner, &LiveBanner::retryRequested, this, [this] {
        if (m_source)
            m_source->retryNow();
    });
    // A live source's problems go to the banner and the status bar, never to a modal box:
    // sampling and the user's work go on.
    window->setProblemHandler([this](const QString &message) { onProblem(message); });
    window->installEventFilter(this);
    retranslateUi();
    updateActions();
}

LiveController::~LiveController()
{
    if (m_source && m_window->source() == m_source)
        m_window->setSource(nullptr);
}

void LiveController::createActions()
{
    m_connectAction = new QAction(this);
    m_connectAction->setObjectName(QStringLiteral("connectAction"));
    m_connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_connectAction, &QAction::triggered, this, &LiveController::showConnectDialog);

    m_disconnectAction = new QAction(this);
    m_disconnectAction->setObjectName(QStringLiteral("disconnectAction"));
    connect(m_disconnectAction, &QAction::triggered, this, &LiveController::disconnectFromServer);

    m_readOnlyAction = new QAction(this);
    m_readOnlyAction->setObjectName(QStringLiteral("readOnlyAction"));
    m_readOnlyAction->setCheckable(true);
    connect(m_readOnlyAction, &QAction::toggled, this, [this](bool on) {
        if (m_source)
            m_source->setReadOnly(on);
        m_window->killController()->setSource(m_window->source());
        updateActions();
    });

    m_pauseAction = new QAction(this);
    m_pauseAction->setObjectName(QStringLiteral("pauseSamplingAction"));
    m_pauseAction->setCheckable(true);
    // Pausing stops the sampler (nothing is asked of the server); Space only freezes the view.
    m_pauseAction->setShortcut(QKeySequence(Qt::Key_F6));
    connect(m_pauseAction, &QAction::toggled, this, [this](bool on) {
        if (m_source)
            m_source->setSamplingPaused(on);
        m_cost->setPaused(on);
        updateServerLabel();
    });

    m_sampleNowAction = new QAction(this);
    m_sampleNowAction->setObjectName(QStringLiteral("sampleNowAction"));
    m_sampleNowAction->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_sampleNowAction, &QAction::triggered, this, [this] {
        if (m_source)
            m_source->sampleNow();
    });

    m_followAction = new QAction(this);
    m_followAction->setObjectName(QStringLiteral("followNowAction"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    connect(m_followAction, &QAction::toggled, this,
            [this](bool on) { m_window->setFollowNow(on); });

    m_showGoneAction = new QAction(this);
    m_showGoneAction->setObjectName(QStringLiteral("showGoneAction"));
    m_showGoneAction->setCheckable(true);
    connect(m_showGoneAction, &QAction::toggled, this, &LiveController::refilterLanes);

    m_killMatchingAction = new QAction(this);
    m_killMatchingAction->setObjectName(QStringLiteral("killMatchingAction"));
    m_killMatchingAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(m_killMatchingAction, &QAction::triggered, this, &LiveController::killMatching);

    m_showOwnAction = new QAction(this);
    m_showOwnAction->setObjectName(QStringLiteral("showOwnAction"));
    m_showOwnAction->setCheckable(true);
    connect(m_showOwnAction, &QAction::toggled, this, [this](bool on) {
        if (m_source)
            m_source->setShowOwnConnections(on);
        m_panel->filter()->setHideOwn(!on);
        const QSignalBlocker block(m_panel->filterBar()->showOwnBox());
        m_panel->filterBar()->showOwnBox()->setChecked(on);
    });

    m_rootBlockerAction = new QAction(this);
    m_rootBlockerAction->setObjectName(QStringLiteral("killRootBlockerAction"));
    connect(m_rootBlockerAction, &QAction::triggered, this, &LiveController::killRootBlocker);

    m_auditAction = new QAction(this);
    m_auditAction->setObjectName(QStringLiteral("openAuditLogAction"));
    connect(m_auditAction, &QAction::triggered, this, &LiveController::openAuditLog);

    m_menu = new QMenu(m_window);
    m_menu->setObjectName(QStringLiteral("liveMenu"));
    m_menu->addAction(m_connectAction);
    m_menu->addAction(m_disconnectAction);
    m_menu->addSeparator();
    m_intervalMenu = m_menu->addMenu(QString());
    m_intervalGroup = new QActionGroup(this);
    for (int ms : {250, 500, 1000, 2000, 5000, 10000, 30000}) {
        QAction *a = m_intervalMenu->addAction(ms < 1000 ? tr("%1 ms").arg(ms) : tr("%1 s").arg(ms / 1000));
        a->setCheckable(true);
        a->setChecked(ms == 1000);
        a->setData(ms);
        m_intervalGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, ms] {
            if (m_source)
                m_source->setIntervalMs(ms);
            m_cost->setIntervalMs(ms);
        });
    }
    m_historyMenu = m_menu->addMenu(QString());
    m_historyGroup = new QActionGroup(this);
    for (int hours : {1, 8, 24}) {
        QAction *a = m_historyMenu->addAction(tr("%n hour(s)", nullptr, hours));
        a->setCheckable(true);
        a->setChecked(hours == 8);
        a->setData(hours);
        m_historyGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, hours] {
            if (m_source)
                m_source->setHistorySpanUs(qint64(hours) * 3600 * 1000000);
        });
    }
    m_menu->addAction(m_sampleNowAction);
    m_menu->addAction(m_pauseAction);
    m_menu->addAction(m_followAction);
    m_menu->addSeparator();
    m_menu->addAction(m_showGoneAction);
    m_foldMenu = m_menu->addMenu(QString());
    m_foldGroup = new QActionGroup(this);
    m_foldAfterS = QSettings().value(QStringLiteral("live/foldGoneAfterS"), 300).toInt();
    for (int secs : {30, 60, 300, 900, 3600, -1}) {
        QAction *a = m_foldMenu->addAction(QString());
        a->setCheckable(true);
        a->setChecked(secs == m_foldAfterS);
        a->setData(secs);
        m_foldGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, secs] {
            setFoldGoneAfterS(secs);
            QSettings().setValue(QStringLiteral("live/foldGoneAfterS"), secs);
        });
    }
    m_menu->addAction(m_showOwnAction);
    m_menu->addAction(m_readOnlyAction);
    m_menu->addSeparator();
    m_menu->addAction(m_rootBlockerAction);
    m_menu->addAction(m_killMatchingAction);
    m_menu->addSeparator();
    m_menu->addAction(m_auditAction);

    // The keys also work with the menu bar hidden (presentation mode), as the window's own do.
    for (QAction *a : {m_sampleNowAction, m_pauseAction, m_killMatchingAction})
        m_window->addAction(a);

    // The menu goes before Help; "Connect to server…" also sits at the top of the File menu.
    m_window->addSourceMenu(m_menu, m_connectAction);
}

QString LiveController::auditLogPath() const
{
    return m_source ? m_source->auditLogPath() : AuditLog::defaultPath();
}

void LiveController::retranslateUi()
{
    m_menu->setTitle(tr("&Live"));
    m_connectAction->setText(tr("Connect to &server…"));
    m_disconnectAction->setText(tr("&Disconnect"));
    m_readOnlyAction->setText(tr("&Read-only (no kills)"));
    m_pauseAction->setText(tr("&Pause sampling"));
    m_showOwnAction->setText(tr("Show KillScope's &own connections"));
    m_rootBlockerAction->setText(tr("Kill root &blocker…"));
    m_intervalMenu->setTitle(tr("Sampling &interval"));
    m_historyMenu->setTitle(tr("&History kept"));
    m_sampleNowAction->setText(tr("Sample &now"));
    m_followAction->setText(tr("&Follow now"));
    m_followAction->setToolTip(tr("Keep the view at the newest sample; off, the view stays where "
                                  "it is while sampling goes on (Space)"));
    m_showGoneAction->setText(tr("Show &gone sessions"));
    m_foldMenu->setTitle(tr("F&old gone sessions after"));
    for (QAction *a : m_foldGroup->actions()) {
        const int secs = a->data().toInt();
        a->setText(secs < 0      ? tr("Never")
                   : secs < 60   ? tr("%n second(s)", nullptr, secs)
                   : secs < 3600 ? tr("%n minute(s)", nullptr, secs / 60)
                                 : tr("%n hour(s)", nullptr, secs / 3600));
    }
    m_killMatchingAction->setText(tr("Kill &matching…"));
    m_killMatchingAction->setToolTip(tr("Kill the sessions the processlist filter matches, after "
                                        "a dry run"));
    m_detailsDock->setWindowTitle(tr("Session details"));
    updateServerLabel();
    // The path itself is in the menu: an auditor asks where the log is before anything else.
    QString shown = QDir::toNativeSeparators(auditLogPath());
    if (shown.startsWith(QDir::homePath() + u'/'))
        shown = u'~' + shown.mid(QDir::homePath().size());
    m_auditAction->setText(tr("Open &audit log (%1)").arg(shown));
    m_auditAction->setToolTip(auditLogPath());
    m_window->setSourcePanelTitle(m_panel, tr("Live sessions"));
    m_window->setSourcePanelTitle(m_kills, tr("Live kills"));
}

bool LiveController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange) {
        retranslateUi();
        onStatus();
    }
    // Del on a lane ends its session, as in the processlist: the lane's row goes to the kill
    // path, which builds the target from the source's own record.
    if (m_source && event->type() == QEvent::KeyPress &&
        (watched == m_window->swimlaneView() || watched == m_window->swimlaneView()->viewport())) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete && !m_source->isReadOnly()) {
            // By the lane, not by the id: after a restart the id may name someone else, whose
            // row the processlist now shows.
            const int lane = m_window->swimlaneView()->selectedLane();
            if (lane >= 0) {
                m_window->killController()->setSource(m_source);
                m_window->killController()->killTargets({m_source->targetForLane(lane)},
                                                        KillKind::Connection);
            }
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void LiveController::updateActions()
{
    const bool live = m_source != nullptr;
    m_disconnectAction->setEnabled(live);
    m_pauseAction->setEnabled(live);
    m_sampleNowAction->setEnabled(live);
    m_followAction->setEnabled(live);
    m_killMatchingAction->setEnabled(live && !m_readOnlyAction->isChecked());
    m_killMatchingAction->setVisible(!m_readOnlyAction->isChecked());
    m_rootBlockerAction->setEnabled(live && !m_readOnlyAction->isChecked() &&
                                    m_source->rootBlocker() != 0);
    m_rootBlockerAction->setVisible(!m_readOnlyAction->isChecked());
}

void LiveController::showConnectDialog()
{
    ConnectionDialog dialog(m_window);
    if (m_haveLastSettings)
        dialog.setSettings(m_lastSettings);
    else
        dialog.readOptionFiles(ConnectionDialog::KeepEdits); // off the GUI thread
    dialog.setReadOnly(m_readOnlyAction->isChecked());
    dialog.setMessage(m_lastError);
    m_lastError.clear();
    if (dialog.exec() != QDialog::Accepted)
        return;
    connectTo(dialog.settings(), dialog.readOnly());
}

void LiveController::connectTo(const ConnectionSettings &settingsIn, bool readOnly)
{
    ConnectionSettings settings = settingsIn;
    if (settings.askPassword) {
        bool ok = false;
        const QString pw = QInputDialog::getText(
            m_window, tr("Password"), tr("Password for %1:").arg(settings.describe()),
            QLineEdit::Password, {}, &ok);
        if (!ok)
            return;
        settings.password = pw;
        settings.askPassword = false;
    }
    // A new attempt replaces an earlier one still under way; what is shown stays until it works.
    if (m_pending) {
        m_pending->disconnect(this);
        m_pending->deleteLater();
    }
    m_lastSettings = settings;
    m_haveLastSettings = true;

    auto *source = new LiveSource(settings, this);
    m_pending = source;
    source->setReadOnly(readOnly);
    source->setShowOwnConnections(m_showOwnAction->isChecked());
    int interval = 1000;
    if (QAction *a = m_intervalGroup->checkedAction())
        interval = a->data().toInt();
    source->setIntervalMs(interval);
    if (QAction *a = m_historyGroup->checkedAction())
        source->setHistorySpanUs(qint64(a->data().toInt()) * 3600 * 1000000);
    connect(source, &LiveSource::statusChanged, this, [this, source](LiveSource::Status status) {
        if (source != m_pending)
            return;
        if (status == LiveSource::Status::Connected)
            adopt(source);
        else if (status == LiveSource::Status::Failed)
            pendingFailed(source);
    });
    m_window->statusBar()->showMessage(source->statusText());
    source->start();
    m_window->statusBar()->showMessage(source->statusText());
}

void LiveController::pendingFailed(LiveSource *source)
{
    // Nothing shown changes: the session attached before (if any) keeps its lanes, kills and
    // history; only the message says what went wrong.
    const QString message = source->statusText();
    m_pending = nullptr;
    source->disconnect(this);
    source->deleteLater();
    m_lastError = message;
    if (m_source) {
        m_banner->showMessage(LiveBanner::Kind::Error,
                              tr("Could not connect to %1: %2 Still attached to %3; nothing shown "
                                 "was changed.")
                                  .arg(source->settings().describe(), message,
                                       m_source->settings().describe()));
    } else {
        m_banner->showMessage(LiveBanner::Kind::Error,
                              tr("Could not connect to %1: %2").arg(source->settings().describe(), message));
    }
    m_window->statusBar()->showMessage(message, 15000);
    Q_EMIT connectFailed(message);
    // Offer the dialog again with the cause, unless this is a test run.
    if (QGuiApplication::platformName() != QStringLiteral("offscreen"))
        QTimer::singleShot(0, this, &LiveController::showConnectDialog);
}

void LiveController::adopt(LiveSource *source)
{
    m_pending = nullptr;
    // The new session works: only now does the old one go.
    if (m_source)
        closeSource(false);
    m_source = source;
    m_banner->clear();
    {
        const QSignalBlocker block(m_readOnlyAction);
        m_readOnlyAction->setChecked(source->isReadOnly());
    }
    int interval = source->intervalMs();
    m_cost->setIntervalMs(interval);
    m_cost->setPaused(false);
    {
        const QSignalBlocker block(m_pauseAction);
        m_pauseAction->setChecked(false);
    }
    connect(source, &LiveSource::statusChanged, this, &LiveController::onStatus);
    connect(source, &LiveSource::costUpdated, m_cost, &SamplerCostWidget::setCost);
    connect(source, &LiveSource::serverDetected, this, [this](const ServerInfo &info) {
        m_panel->setServerNotes(info.limitations());
    });
    connect(source, &LiveSource::serverRestarted, this, [this](const QString &message) {
        m_banner->showMessage(LiveBanner::Kind::Notice, message);
    });
    connect(source, &LiveSource::sampled, this, &LiveController::updateActions);
    connect(source, &LiveSource::sampled, this, [this] {
        if (!m_source)
            return;
        m_laneRows.clear();
        for (const ProcesslistRow &r : m_source->currentProcesslist())
            m_laneRows.insert(r.id, r);
        refilterLanes();
        updateServerLabel();
    });
    // After the window has shown the sample (its rows are what the details pane reads).
    connect(source, &SessionSource::changed, this, &LiveController::refreshDetails,
            Qt::QueuedConnection);
    connect(source, &LiveSource::sampled, this, [this] {
        if (!m_source)
            return;
        QStringList chains;
        for (const BlockingGraph::Chain &c : m_source->blocking().chains()) {
            const ProcesslistRow *r = m_source->currentRow(c.root);
            chains << tr("%1 (%2) blocks %n session(s)", nullptr, int(c.waiters.size()))
                          .arg(c.root)
                          .arg(r ? r->user : QString());
            if (chains.size() == 3)
                break;
        }
        m_panel->setBlockingSummary(chains.isEmpty() ? QString()
                                                     : tr("Root blockers: %1").arg(chains.join(QStringLiteral("; "))));
    });
    connect(source, &LiveSource::sampled, this, [this] {
        // While the history is younger than a minute, show all of it (the view would otherwise
        // stay at the first sample's few microseconds); afterwards the user's zoom is left alone.
        if (!m_source || m_window->source() != m_source)
            return;
        const Timeline &tl = m_source->timeline();
        const qint64 span = tl.endTime() - tl.beginTime();
        if (span <= 0 || span > 60'000'000)
            return;
        // At least 10 s wide, so the first samples do not fill the view microseconds wide.
        m_window->showTimeRange(tl.beginTime(), std::max(tl.endTime(), tl.beginTime() + 10'000'000));
    });

    m_window->setSource(source);
    m_window->swimlaneView()->setLaneFilter(
        [this](const LaneInfo &info) { return laneShown(info); });
    m_details->clearSession();
    m_panel->setServerNotes(source->serverInfo().limitations());
    m_kills->setSource(source);
    m_kills->setTimeOrigin(0);
    m_window->showSourcePanel(m_panel, 0);
    m_window->showSourcePanel(m_kills, 1);
    m_window->raiseSourcePanel(m_panel);
    retranslateUi();
    onStatus();
    updateActions();
    Q_EMIT liveStarted(source);
}

void LiveController::onProblem(const QString &message)
{
    m_window->statusBar()->showMessage(message.section(QLatin1Char('\n'), 0, 0), 10000);
    // A lost server is said by onStatus (one banner with the retry state); anything else — a
    // kill that was not sent or was refused, a failing query — stays readable in the banner.
    if (m_source && m_source->status() == LiveSource::Status::Connected)
        m_banner->showMessage(LiveBanner::Kind::Error, message);
}

void LiveController::onStatus()
{
    if (!m_source)
        return;
    const LiveSource::Status status = m_source->status();
    m_window->statusBar()->showMessage(m_source->statusText(), 10000);
    QString stale;
    if (m_source->isStale()) {
        const QString asOf =
            QDateTime::fromMSecsSinceEpoch(m_source->lastSampleEpochMs()).toString(QStringLiteral("HH:mm:ss"));
        stale = tr("As of %1: the connection is lost, so these rows are not current.").arg(asOf);
    }
    m_panel->setStaleNote(stale);
    m_window->processlistModel()->setStaleNote(stale);
    if (status == LiveSource::Status::Reconnecting) {
        QString text = m_source->statusText();
        if (!stale.isEmpty())
            text += u' ' + tr("What is shown is as of %1.")
                               .arg(QDateTime::fromMSecsSinceEpoch(m_source->lastSampleEpochMs())
                                        .toString(QStringLiteral("HH:mm:ss")));
        m_banner->showMessage(LiveBanner::Kind::Lost, text);
    } else if (status == LiveSource::Status::Connected && m_banner->kind() == LiveBanner::Kind::Lost) {
        m_banner->clear();
    }
    updateActions();
}

void LiveController::closeSource(bool announce)
{
    LiveSource *old = m_source;
    m_source = nullptr;
    if (m_window->source() == old)
        m_window->setSource(nullptr);
    m_kills->setSource(nullptr);
    m_window->hideSourcePanel(m_panel);
    m_window->hideSourcePanel(m_kills);
    m_panel->setServerNotes({});
    m_panel->setBlockingSummary({});
    m_panel->setStaleNote({});
    m_window->processlistModel()->setStaleNote({});
    m_window->swimlaneView()->setLaneFilter(nullptr);
    m_laneRows.clear();
    m_details->clearSession();
    old->disconnect(this);
    old->deleteLater();
    updateActions();
    if (announce)
        Q_EMIT liveStopped();
}

void LiveController::disconnectFromServer()
{
    if (m_pending) {
        m_pending->disconnect(this);
        m_pending->deleteLater();
        m_pending = nullptr;
    }
    if (!m_source)
        return;
    m_banner->clear();
    closeSource(true);
}

void LiveController::killRootBlocker()
{
    if (!m_source || m_source->isReadOnly())
        return;
    const KillTarget root = m_source->rootBlockerTarget();
    if (!root.id)
        return;
    m_window->killController()->setSource(m_source);
    m_window->killController()->killTargets({root}, KillKind::Connection);
}

void LiveController::setFoldGoneAfterS(int seconds)
{
    m_foldAfterS = seconds;
    for (QAction *a : m_foldGroup->actions())
        a->setChecked(a->data().toInt() == seconds);
    refilterLanes();
}

bool LiveController::laneShown(const LaneInfo &info) const
{
    if (!m_source || info.kind != LaneKind::Thread)
        return true;
    const ProcesslistFilterModel *filter = m_panel->filter();
    const QVariant ended = info.metadata.value(LiveSource::endedAtKey());
    if (ended.isValid()) {
        // Gone for longer than the fold time: folded away, unless the user asks to see them.
        if (!m_showGoneAction->isChecked() && m_foldAfterS >= 0 &&
            m_source->nowUs() - ended.toLongLong() > qint64(m_foldAfterS) * 1000000)
            return false;
        ProcesslistRow r;
        r.id = info.sessionId;
        r.user = info.user;
        r.host = info.host;
        r.db = info.metadata.value(QStringLiteral("db")).toString();
        r.info = info.statement;
        r.system = info.metadata.value(QStringLiteral("system")).toBool();
        return filter->accepts(r, true);
    }
    const auto it = m_laneRows.constFind(info.sessionId);
    if (it == m_laneRows.cend() ||
        it->firstSeenUs != info.metadata.value(QStringLiteral("firstSeenUs")).toLongLong())
        return true; // not in the newest sample (yet): nothing to judge it by, so it stays
    return filter->accepts(*it);
}

void LiveController::refilterLanes()
{
    if (m_source && m_window->source() == m_source)
        m_window->swimlaneView()->refilterLanes();
}

void LiveController::showDetailsFor(qint64 id)
{
    if (!m_source)
        return;
    const int row = m_window->processlistModel()->rowOfId(id);
    if (row < 0)
        return;
    const ProcesslistRow r = m_window->processlistModel()->rowAt(row);
    m_details->setSession(r);
    // The row and its lane are one selection (a lane just clicked stays the one chosen).
    const int clicked = m_window->swimlaneView()->selectedLane();
    if (clicked < 0 || m_window->swimlaneView()->timeline()->lane(clicked).sessionId != id)
        m_window->swimlaneView()->setSelectedLane(m_source->laneOf(r.id, r.firstSeenUs));
    m_window->viewport()->setSelectedSession(id);
    refreshDetails();
}

void LiveController::refreshDetails()
{
    if (!m_source)
        return;
    m_details->refresh(m_window->processlistModel()->rows(), m_source->kills(),
                       m_source->wallClockOriginMs());
}

void LiveController::updateServerLabel()
{
    if (!m_serverLabel)
        return;
    if (!m_source) {
        m_serverLabel->clear();
        return;
    }
    const ConnectionSettings st = m_source->settings();
    const ServerInfo info = m_source->serverInfo();
    QStringList parts;
    parts << (st.socket.isEmpty() ? QStringLiteral("%1:%2").arg(st.host).arg(st.effectivePort())
                                  : st.socket);
    parts << (info.versionString.isEmpty() ? info.displayName() : info.versionString);
    parts << tr("detected %1").arg(KnobsPanel::flavorName(m_source->flavorId()));
    const ServerIncarnation life = m_source->incarnation();
    if (life.startedEpochS > 0) {
        const qint64 up = QDateTime::currentSecsSinceEpoch() - life.startedEpochS;
        if (up >= 0)
            parts << tr("up %1").arg(ProcesslistModel::durationText(up));
    }
    // The interval and what each sample costs follow in the cost readout beside this label.
    m_cost->setIntervalMs(m_source->intervalMs());
    m_cost->setPaused(m_source->isSamplingPaused());
    if (m_source->isSamplingPaused())
        parts << tr("sampling paused (F6)");
    if (!m_window->followsNow()) {
        const qint64 t = m_window->playback() ? m_window->viewport()->playhead() : 0;
        parts << tr("view frozen at %1 (Space: follow)")
                     .arg(QDateTime::fromMSecsSinceEpoch(m_source->wallClockOriginMs() + t / 1000)
                              .toString(QStringLiteral("HH:mm:ss")));
    }
    m_serverLabel->setText(parts.join(QStringLiteral(" · ")));
    m_serverLabel->setToolTip(tr("%1, account %2").arg(info.displayName(), info.currentUser));
}

void LiveController::killMatching()
{
    if (!m_source || m_source->isReadOnly())
        return;
    KillMatchingDialog dialog(
        m_panel->filter(),
        [this] { return m_source ? m_source->currentProcesslist() : QList<ProcesslistRow>(); },
        m_window);
    m_matchingDialog = &dialog;
    // The dry run follows the newest sample while it is open.
    connect(m_source, &LiveSource::sampled, &dialog, &KillMatchingDialog::refresh);
    const int answer = dialog.exec();
    m_matchingDialog = nullptr;
    if (answer != QDialog::Accepted || !m_source)
        return;
    const QList<ProcesslistRow> rows = dialog.matchingRows();
    if (rows.isEmpty())
        return;
    // The same path as every kill: confirmed, each target built and proven by the source.
    m_window->killController()->setSource(m_source);
    m_window->killController()->killRows(rows, dialog.kind());
}

void LiveController::openAuditLog()
{
    const QString path = auditLogPath();
    if (!QFileInfo::exists(path)) {
        m_banner->showMessage(LiveBanner::Kind::Notice,
                              tr("No kill has been logged yet. The audit log will be %1 (readable "
                                 "only by you).")
                                  .arg(path));
        return;
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        m_banner->showMessage(LiveBanner::Kind::Notice,
                              tr("No program to open it here; the audit log is %1 (one JSON line "
                                 "per kill attempt).")
                                  .arg(path));
}

} // namespace ks
