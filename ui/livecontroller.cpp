#include "livecontroller.h"

#include "connectiondialog.h"
#include "killconfirmdialog.h"
#include "killmenu.h"
#include "killspanel.h"
#include "liveprocesslistpanel.h"
#include "livesource.h"
#include "mainwindow.h"
#include "optionfile.h"
#include "processlistfilter.h"
#include "processlistfilterbar.h"
#include "samplercostwidget.h"
#include "timelineviewport.h"

#include <QAction>
#include <QActionGroup>
#include <QCheckBox>
#include <QEvent>
#include <QGuiApplication>
#include <QTimer>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>


namespace ks {

LiveController::LiveController(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    setObjectName(QStringLiteral("liveController"));
    createActions();

    m_panel = new LiveProcesslistPanel(window->processlistModel(), window);
    m_panel->hide();
    connect(m_panel, &LiveProcesslistPanel::killMenuRequested, this,
            [this](const QList<qint64> &ids, const QPoint &pos) {
                m_window->showKillMenu(targetsFor(ids), pos);
            });
    connect(m_panel, &LiveProcesslistPanel::killSelectionRequested, this,
            [this](const QList<qint64> &ids) {
                if (!m_source || m_source->isReadOnly())
                    return;
                // Del ends the sessions: KILL CONNECTION, after the confirmation.
                m_window->killMenu()->setSource(m_source);
                m_window->killMenu()->setTargets(targetsFor(ids));
                m_window->killMenu()->killTargets(KillKind::Connection);
            });
    // The filter bar's "own connections" box and the Live menu's action are one setting.
    connect(m_panel->filterBar()->showOwnBox(), &QCheckBox::toggled, this,
            [this](bool on) { m_showOwnAction->setChecked(on); });
    m_kills = new KillsPanel(window);
    m_kills->hide();
    m_cost = new SamplerCostWidget(window);
    m_cost->hide();
    window->statusBar()->addPermanentWidget(m_cost);

    // Live kills are confirmed with what will happen; simulated ones pass straight through.
    window->killMenu()->setConfirmer([this](QWidget *parent, const QList<KillRequest> &requests) {
        if (!m_source || m_window->source() != m_source)
            return true;
        return confirmKills(parent, requests);
    });
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
        m_window->killMenu()->setSource(m_window->source());
        updateActions();
    });

    m_pauseAction = new QAction(this);
    m_pauseAction->setObjectName(QStringLiteral("pauseSamplingAction"));
    m_pauseAction->setCheckable(true);
    connect(m_pauseAction, &QAction::toggled, this, [this](bool on) {
        if (m_source)
            m_source->setSamplingPaused(on);
        m_cost->setPaused(on);
    });

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
    m_menu->addAction(m_pauseAction);
    m_menu->addAction(m_showOwnAction);
    m_menu->addAction(m_readOnlyAction);
    m_menu->addSeparator();
    m_menu->addAction(m_rootBlockerAction);

    // The menu goes before Help; "Connect to server…" also sits at the top of the File menu.
    QMenuBar *bar = m_window->menuBar();
    QAction *before = nullptr;
    const QList<QAction *> top = bar->actions();
    if (!top.isEmpty())
        before = top.last();
    bar->insertMenu(before, m_menu);
    if (QMenu *file = m_window->fileMenu()) {
        const QList<QAction *> actions = file->actions();
        file->insertAction(actions.isEmpty() ? nullptr : actions.first(), m_connectAction);
        file->insertSeparator(actions.isEmpty() ? nullptr : actions.first());
    }
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
    if (QTabWidget *tabs = m_window->bottomTabs()) {
        const int p = tabs->indexOf(m_panel);
        if (p >= 0)
            tabs->setTabText(p, tr("Live sessions"));
        const int k = tabs->indexOf(m_kills);
        if (k >= 0)
            tabs->setTabText(k, tr("Live kills"));
    }
}

bool LiveController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslateUi();
    return QObject::eventFilter(watched, event);
}

void LiveController::updateActions()
{
    const bool live = m_source != nullptr;
    m_disconnectAction->setEnabled(live);
    m_pauseAction->setEnabled(live);
    m_rootBlockerAction->setEnabled(live && !m_readOnlyAction->isChecked() &&
                                    m_source->rootBlocker() != 0);
    m_rootBlockerAction->setVisible(!m_readOnlyAction->isChecked());
}

QList<KillTarget> LiveController::targetsFor(const QList<qint64> &ids) const
{
    QList<KillTarget> out;
    for (qint64 id : ids) {
        if (m_source)
            out << m_source->targetFor(id);
        else
            out << KillTarget{id, {}, {}, -1};
    }
    return out;
}

bool LiveController::confirmKills(QWidget *parent, const QList<KillRequest> &requests) const
{
    if (!m_source)
        return false;
    QList<KillPreview> previews;
    for (const KillRequest &r : requests) {
        KillRequest full = r;
        // Rows and lanes hand over what they know; add the session's identity for the re-check.
        const KillTarget known = m_source->targetFor(r.target.id);
        if (full.target.user.isEmpty())
            full.target.user = known.user;
        if (full.target.host.isEmpty())
            full.target.host = known.host;
        previews << m_source->preview(full);
    }
    return KillConfirmDialog::confirm(parent ? parent : m_window, previews);
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
    disconnectFromServer();
    m_lastSettings = settings;
    m_haveLastSettings = true;

    auto *source = new LiveSource(settings, this);
    m_source = source;
    source->setReadOnly(readOnly);
    {
        const QSignalBlocker block(m_readOnlyAction);
        m_readOnlyAction->setChecked(readOnly);
    }
    source->setShowOwnConnections(m_showOwnAction->isChecked());
    int interval = 1000;
    if (QAction *a = m_intervalGroup->checkedAction())
        interval = a->data().toInt();
    source->setIntervalMs(interval);
    if (QAction *a = m_historyGroup->checkedAction())
        source->setHistorySpanUs(qint64(a->data().toInt()) * 3600 * 1000000);
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
    connect(source, &LiveSource::sampled, this, &LiveController::updateActions);
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
        const qint64 end = std::max(tl.endTime(), tl.beginTime() + 10'000'000);
        TimelineViewport *vp = m_window->viewport();
        vp->setTraceRange(tl.beginTime(), end);
        vp->setVisibleRange(tl.beginTime(), end);
    });

    m_window->setSource(source);
    m_kills->setSource(source);
    m_kills->setTimeOrigin(0);
    if (QTabWidget *tabs = m_window->bottomTabs()) {
        if (tabs->indexOf(m_panel) < 0)
            tabs->insertTab(0, m_panel, QString());
        if (tabs->indexOf(m_kills) < 0)
            tabs->insertTab(1, m_kills, QString());
        tabs->setCurrentWidget(m_panel);
    }
    m_cost->show();
    retranslateUi();
    source->start();
    updateActions();
    Q_EMIT liveStarted(source);
}

void LiveController::onStatus()
{
    if (!m_source)
        return;
    m_window->statusBar()->showMessage(m_source->statusText(), 10000);
    if (m_source->status() == LiveSource::Status::Failed) {
        // The first connect failed (wrong password, no server): back to the simulation, keep
        // the message, and offer the dialog again unless this is a test run.
        const QString message = m_source->statusText();
        disconnectFromServer();
        m_window->statusBar()->showMessage(message);
        m_lastError = message;
        if (QGuiApplication::platformName() != QStringLiteral("offscreen"))
            QTimer::singleShot(0, this, &LiveController::showConnectDialog);
    }
    updateActions();
}

void LiveController::disconnectFromServer()
{
    if (!m_source)
        return;
    LiveSource *old = m_source;
    m_source = nullptr;
    if (m_window->source() == old)
        m_window->setSource(nullptr);
    m_kills->setSource(nullptr);
    if (QTabWidget *tabs = m_window->bottomTabs()) {
        tabs->removeTab(tabs->indexOf(m_panel));
        tabs->removeTab(tabs->indexOf(m_kills));
    }
    m_panel->hide();
    m_panel->setServerNotes({});
    m_panel->setBlockingSummary({});
    m_kills->hide();
    m_cost->hide();
    old->disconnect(this);
    old->deleteLater();
    updateActions();
    Q_EMIT liveStopped();
}

void LiveController::killRootBlocker()
{
    if (!m_source || m_source->isReadOnly())
        return;
    const qint64 root = m_source->rootBlocker();
    if (!root)
        return;
    m_window->killMenu()->setSource(m_source);
    m_window->killMenu()->setTargets({m_source->targetFor(root)});
    m_window->killMenu()->killTargets(KillKind::Connection);
}

} // namespace ks
