#include "connectiondialog.h"
#include "heartbeat.h"
#include "killconfirmdialog.h"
#include "killcontroller.h"
#include "killmenu.h"
#include "killsmodel.h"
#include "killspanel.h"
#include "livebanner.h"
#include "livecontroller.h"
#include "liveprocesslistpanel.h"
#include "livesource.h"
#include "mainwindow.h"
#include "processlistfilter.h"
#include "processlistfilterbar.h"
#include "processlistmodel.h"
#include "language.h"
#include "samplercostwidget.h"
#include "simulationsource.h"
#include "swimlaneview.h"
#include "timelineviewport.h"
#include "sqlclient.h"
#include "testserver.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QtTest>

using namespace ks;
using ks::test::Heartbeat;
using ks::test::SqlClient;
using ks::test::TestServer;
using ks::test::waitFor;
using ks::test::adminTcpSettings;

// The live processlist in the real main window: right-click a row, kill through the shared
// menu, confirm in the dialog that says what will happen, and watch the kill end.
class TestLiveGui : public QObject
{
    Q_OBJECT
    TestServer m_server;
    std::unique_ptr<MainWindow> m_window;
    LiveController *m_live = nullptr;
    Heartbeat m_heartbeat;
    QTemporaryDir m_tmp;
    QString m_shots;
    QString m_lastDialogText;
    bool m_lastKillEnabled = false;

    int proxyRowOf(qint64 id) const
    {
        ProcesslistFilterModel *f = m_live->processlistPanel()->filter();
        for (int r = 0; r < f->rowCount(); ++r) {
            if (f->idAt(r) == id)
                return r;
        }
        return -1;
    }

    void save(QWidget *w, const char *name)
    {
        // Screenshots are the test's own work, not live mode's: not measured.
        m_heartbeat.stop();
        const QString path = m_shots + u'/' + QLatin1String(name);
        w->grab().save(path);
        m_heartbeat.start();
    }

    // Accepts (or rejects) the next kill confirmation once it is up, keeping its text.
    void answerNextConfirmation(bool accept, const char *shot = nullptr)
    {
        QTimer::singleShot(0, this, [this, accept, shot] {
            QElapsedTimer t;
            t.start();
            auto tryAnswer = std::make_shared<std::function<void()>>();
            // The pending timer holds the poll, the poll only a weak link to itself: no cycle
            // keeps it alive after the last try (LeakSanitizer).
            const std::weak_ptr<std::function<void()>> self = tryAnswer;
            *tryAnswer = [this, accept, shot, self, t]() {
                auto *d = qobject_cast<KillConfirmDialog *>(QApplication::activeModalWidget());
                if (!d) {
                    if (const auto again = self.lock(); again && t.elapsed() < 5000)
                        QTimer::singleShot(10, this, [again] { (*again)(); });
                    return;
                }
                m_lastDialogText = d->text();
                m_lastKillEnabled = d->killButton()->isEnabled();
                if (shot)
                    save(d, shot);
                // A disabled Kill cannot be clicked: the dialog is then refused, never left open.
                if (accept && m_lastKillEnabled)
                    d->killButton()->click();
                else
                    d->reject();
            };
            (*tryAnswer)();
        });
    }

    // Runs the fixture script without blocking the event loop.
    bool fixture(const QString &command)
    {
        QProcess p;
        p.start(QStringLiteral("bash"),
                {qEnvironmentVariable("KS_FIXTURE_SCRIPT"), command, m_server.dir});
        if (!p.waitForStarted(5000))
            return false;
        QElapsedTimer t;
        t.start();
        while (p.state() != QProcess::NotRunning && t.elapsed() < 60000)
            QTest::qWait(10);
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    // Right-clicks the row of `id` in a table view (over a proxy of the processlist model) and
    // returns the targets the kill menu got; the menu is closed again.
    QList<KillTarget> rightClickRow(QTableView *view, qint64 id, bool extendSelection = false)
    {
        QAbstractItemModel *shown = view->model();
        int row = -1;
        for (int r = 0; r < shown->rowCount(); ++r)
            if (shown->index(r, 0).data(ProcesslistModel::IdRole).toLongLong() == id)
                row = r;
        if (row < 0)
            return {};
        if (extendSelection)
            view->selectionModel()->select(shown->index(row, 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QPoint pos = view->visualRect(shown->index(row, 1)).center();
        QContextMenuEvent ev(QContextMenuEvent::Mouse, pos, view->viewport()->mapToGlobal(pos));
        QApplication::sendEvent(view->viewport(), &ev);
        KillMenu *menu = m_window->killMenu();
        if (!QTest::qWaitFor([menu] { return menu->isVisible(); }, 2000))
            return {};
        const QList<KillTarget> targets = menu->targets();
        menu->hide();
        return targets;
    }

    // A point in the label column of a lane, scrolling it into view.
    QPoint pointOnLane(int lane)
    {
        SwimlaneView *lanes = m_window->swimlaneView();
        QScrollBar *bar = lanes->verticalScrollBar();
        for (int v = bar->minimum(); v <= bar->maximum(); v += qMax(1, bar->pageStep() / 2)) {
            bar->setValue(v);
            QCoreApplication::processEvents();
            const int y = lanes->laneCenterY(lane);
            if (y < 0)
                continue;
            for (int x = 10; x < lanes->lanesRect().right(); x += 10) {
                if (lanes->hitTest(QPoint(x, y)).lane == lane)
                    return QPoint(x, y);
            }
        }
        return {};
    }

    static int ownRows(const LiveSource *source)
    {
        int n = 0;
        for (const ProcesslistRow &r : source->currentProcesslist())
            n += r.own ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = TestServer::fromEnvironment();
        KS_REQUIRE_SERVER(m_server);
        QVERIFY(m_tmp.isValid());
        m_shots = qEnvironmentVariable("KS_SCREENSHOT_DIR", m_tmp.path());
        qputenv("KILLSCOPE_AUDIT_LOG", m_tmp.filePath(QStringLiteral("kills.log")).toUtf8());
        m_window = std::make_unique<MainWindow>();
        m_live = new LiveController(m_window.get());
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        const ConnectionSettings s = adminTcpSettings(m_server);
        m_heartbeat.start();
        m_live->connectTo(s);
        // Tried on the side; shown once connected.
        QVERIFY(m_live->pendingSource());
        QCOMPARE(m_window->source(), static_cast<SessionSource *>(m_window->simulation()));
        QTRY_VERIFY_WITH_TIMEOUT(m_live->source() != nullptr, 10000);
        QCOMPARE(m_window->source(), m_live->source());
        m_live->source()->setIntervalMs(250);
        QTRY_COMPARE_WITH_TIMEOUT(m_live->source()->status(), LiveSource::Status::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_live->source()->sampleCount() > 1, 5000);
        // MariaDB without the METADATA_LOCK_INFO plugin: said, not hidden.
        QVERIFY2(m_live->processlistPanel()->serverNotes().contains(QStringLiteral("Metadata-lock")),
                 qPrintable(m_live->processlistPanel()->serverNotes()));
    }

    // A test that failed half-way must not leave the next one without its server.
    void init() { QVERIFY(fixture(QStringLiteral("resume"))); }

    void rightClickKillQueryThroughTheMenu()
    {
        SqlClient victim(m_server, m_server.adminUser, m_server.adminPassword);
        auto sleeper = victim.run(QStringLiteral("SELECT SLEEP(60)"));
        QTRY_VERIFY_WITH_TIMEOUT(proxyRowOf(victim.id()) >= 0, 5000);
        QTableView *view = m_live->processlistPanel()->view();
        const int row = proxyRowOf(victim.id());
        const QRect cell = view->visualRect(view->model()->index(row, 1));
        QVERIFY(cell.isValid());
        save(m_window.get(), "live-mainwindow.png");

        QContextMenuEvent ev(QContextMenuEvent::Mouse, cell.center(),
                             view->viewport()->mapToGlobal(cell.center()));
        QApplication::sendEvent(view->viewport(), &ev);
        KillMenu *menu = m_window->killMenu();
        QTRY_VERIFY_WITH_TIMEOUT(menu->isVisible(), 2000);
        QCOMPARE(menu->targets().size(), 1);
        QCOMPARE(menu->targets().constFirst().id, victim.id());
        QVERIFY(menu->killQueryAction()->isEnabled());
        save(menu, "live-killmenu.png");

        answerNextConfirmation(true, "live-confirm-killquery.png");
        const qint64 t0 = SqlClient::nowMs();
        menu->killQueryAction()->trigger();
        menu->hide();
        QVERIFY2(m_lastDialogText.contains(QStringLiteral("KILL QUERY %1").arg(victim.id())),
                 qPrintable(m_lastDialogText));
        QVERIFY2(m_lastDialogText.contains(QStringLiteral("SLEEP")), qPrintable(m_lastDialogText));
        QVERIFY(waitFor(sleeper, 5000));
        QCOMPARE(sleeper->error, 1317);
        qInfo("victim answered %lld ms after the menu action", sleeper->finishedMs - t0);
        QTRY_COMPARE_WITH_TIMEOUT(m_live->source()->kills().last().phase, KillPhase::Done, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_live->killsPanel()->detailText().contains(QStringLiteral("Done")), 3000);
        m_window->bottomTabs()->setCurrentWidget(m_live->killsPanel());
        save(m_window.get(), "live-kills-panel.png");
        m_window->bottomTabs()->setCurrentWidget(m_live->processlistPanel());
    }

    void rightClickOnALaneKillsConnection()
    {
        SqlClient victim(m_server, m_server.adminUser, m_server.adminPassword);
        auto sleeper = victim.run(QStringLiteral("SELECT SLEEP(60)"));
        QTRY_VERIFY_WITH_TIMEOUT(m_live->source()->timeline().findLane(victim.id()) >= 0, 5000);
        {
            const quint64 n = m_live->source()->sampleCount();
            QTRY_VERIFY_WITH_TIMEOUT(m_live->source()->sampleCount() >= n + 2, 3000);
        }
        SwimlaneView *lanes = m_window->swimlaneView();
        // Find the victim's lane on screen, in the label column, the way a user would.
        QPoint at;
        const QRect area = lanes->lanesRect();
        for (int y = area.top(); y < area.bottom() && at.isNull(); y += 2) {
            const QPoint p(area.left() + 20, y);
            if (lanes->hitTest(p).sessionId == victim.id())
                at = p;
        }
        if (at.isNull()) {
            for (int y = 0; y < lanes->viewport()->height() && at.isNull(); y += 2) {
                const QPoint p(20, y);
                if (lanes->hitTest(p).sessionId == victim.id())
                    at = p;
            }
        }
        QVERIFY2(!at.isNull(), "the victim's lane is not on screen");
        QTest::mousePress(lanes->viewport(), Qt::RightButton, {}, at);
        QTest::mouseRelease(lanes->viewport(), Qt::RightButton, {}, at);
        KillMenu *menu = m_window->killMenu();
        QTRY_VERIFY_WITH_TIMEOUT(menu->isVisible(), 2000);
        QCOMPARE(menu->targets().size(), 1);
        QCOMPARE(menu->targets().constFirst().id, victim.id());
        answerNextConfirmation(true, "live-confirm-lane.png");
        menu->killConnectionAction()->trigger();
        menu->hide();
        QVERIFY2(m_lastDialogText.contains(QStringLiteral("KILL CONNECTION %1").arg(victim.id())),
                 qPrintable(m_lastDialogText));
        QVERIFY(waitFor(sleeper, 5000));
        QCOMPARE(sleeper->error, 2013);
        QTRY_COMPARE_WITH_TIMEOUT(m_live->source()->kills().last().phase, KillPhase::Gone, 5000);
    }

    void cancelledConfirmationSendsNothing()
    {
        SqlClient victim(m_server, m_server.adminUser, m_server.adminPassword);
        QTRY_VERIFY_WITH_TIMEOUT(proxyRowOf(victim.id()) >= 0, 5000);
        const int before = int(m_live->source()->kills().size());
        answerNextConfirmation(false);
        QCOMPARE(m_window->killController()->killTargets(
                     {m_live->source()->targetForCurrentId(victim.id())}, KillKind::Connection),
                 0);
        QCOMPARE(int(m_live->source()->kills().size()), before);
        // KILL QUERY on an idle MariaDB session is explained before it is sent.
        QVERIFY2(m_lastDialogText.contains(QStringLiteral("KILL CONNECTION")), qPrintable(m_lastDialogText));
        auto alive = victim.run(QStringLiteral("SELECT 1"));
        QVERIFY(waitFor(alive, 3000) && alive->ok);
    }

    void deleteKeyKillsTheSelectedConnection()
    {
        SqlClient victim(m_server, m_server.adminUser, m_server.adminPassword);
        QTRY_VERIFY_WITH_TIMEOUT(proxyRowOf(victim.id()) >= 0, 5000);
        m_live->processlistPanel()->selectId(victim.id());
        QCOMPARE(m_live->processlistPanel()->selectedIds(), QList<qint64>{victim.id()});
        // The selection survives refreshes.
        const quint64 n = m_live->source()->sampleCount();
        QTRY_VERIFY_WITH_TIMEOUT(m_live->source()->sampleCount() >= n + 2, 3000);
        QCOMPARE(m_live->processlistPanel()->selectedIds(), QList<qint64>{victim.id()});

        answerNextConfirmation(true, "live-confirm-del.png");
        QTest::keyClick(m_live->processlistPanel()->view(), Qt::Key_Delete);
        QVERIFY2(m_lastDialogText.contains(QStringLiteral("KILL CONNECTION %1").arg(victim.id())),
                 qPrintable(m_lastDialogText));
        QTRY_COMPARE_WITH_TIMEOUT(m_live->source()->kills().last().phase, KillPhase::Gone, 5000);
        auto dead = victim.run(QStringLiteral("SELECT 1"));
        QVERIFY(waitFor(dead, 3000));
        QVERIFY2(dead->error == 2006 || dead->error == 2013, qPrintable(dead->text));
    }

    void filterBarAndCopy()
    {
        SqlClient victim(m_server, m_server.adminUser, m_server.adminPassword);
        auto sleeper = victim.run(QStringLiteral("SELECT SLEEP(3) /* findme */"));
        QTRY_VERIFY_WITH_TIMEOUT(proxyRowOf(victim.id()) >= 0, 5000);
        ProcesslistFilterBar *bar = m_live->processlistPanel()->filterBar();
        bar->searchEdit()->setText(QStringLiteral("findme"));
        QCOMPARE(m_live->processlistPanel()->filter()->rowCount(), 1);
        m_live->processlistPanel()->selectId(victim.id());
        m_live->processlistPanel()->copySelectedStatements();
        QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("findme")));
        bar->searchEdit()->clear();
        bar->hideSleepBox()->setChecked(true);
        for (int r = 0; r < m_live->processlistPanel()->filter()->rowCount(); ++r) {
            const qint64 id = m_live->processlistPanel()->filter()->idAt(r);
            QVERIFY(m_live->source()->currentRow(id) == nullptr ||
                    m_live->source()->currentRow(id)->command != QStringLiteral("Sleep"));
        }
        bar->hideSleepBox()->setChecked(false);
        // KillScope's own connections are hidden unless asked for.
        int own = 0;
        for (const ProcesslistRow &r : m_live->source()->currentProcesslist())
            own += r.own ? 1 : 0;
        QVERIFY(own >= 2);
        const int shown = m_live->processlistPanel()->filter()->rowCount();
        bar->showOwnBox()->setChecked(true);
        QTRY_COMPARE_WITH_TIMEOUT(m_live->processlistPanel()->filter()->rowCount(), shown + own, 3000);
        bar->showOwnBox()->setChecked(false);
        QTRY_COMPARE_WITH_TIMEOUT(m_live->processlistPanel()->filter()->rowCount(), shown, 3000);
        QVERIFY(waitFor(sleeper, 5000));
        QVERIFY(m_live->costWidget()->text().contains(QStringLiteral("ms")));
    }

    void killRootBlockerReleasesTheChain()
    {
        {
            SqlClient setup(m_server, m_server.adminUser, m_server.adminPassword);
            for (const char *sql : {"CREATE TABLE IF NOT EXISTS gui_locks (id INT PRIMARY KEY, v INT)",
                                    "REPLACE INTO gui_locks VALUES (1, 0)"}) {
                auto r = setup.run(QString::fromLatin1(sql));
                QVERIFY(waitFor(r, 5000) && r->ok);
            }
        }
        SqlClient holder(m_server, m_server.adminUser, m_server.adminPassword);
        SqlClient waiter1(m_server, m_server.adminUser, m_server.adminPassword);
        SqlClient waiter2(m_server, m_server.adminUser, m_server.adminPassword);
        QVERIFY(waitFor(holder.run(QStringLiteral("BEGIN")), 3000));
        QVERIFY(waitFor(holder.run(QStringLiteral("UPDATE gui_locks SET v = 1 WHERE id = 1")), 3000));
        auto w1 = waiter1.run(QStringLiteral("UPDATE gui_locks SET v = 2 WHERE id = 1"));
        auto w2 = waiter2.run(QStringLiteral("UPDATE gui_locks SET v = 3 WHERE id = 1"));
        QTRY_COMPARE_WITH_TIMEOUT(m_live->source()->rootBlocker(), holder.id(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_live->processlistPanel()->blockingSummary().contains(
                                     QStringLiteral("%1 (%2) blocks 2").arg(holder.id()).arg(m_server.adminUser)),
                                 3000);
        {
            // A few samples more, so the wait shows as a segment and not a first sighting.
            const quint64 n = m_live->source()->sampleCount();
            QTRY_VERIFY_WITH_TIMEOUT(m_live->source()->sampleCount() >= n + 4, 5000);
        }
        save(m_window.get(), "live-blocking.png");
        QAction *rootAction = nullptr;
        for (QAction *a : m_live->menu()->actions())
            if (a->objectName() == QStringLiteral("killRootBlockerAction"))
                rootAction = a;
        QVERIFY(rootAction && rootAction->isEnabled());
        answerNextConfirmation(true, "live-confirm-root-blocker.png");
        rootAction->trigger();
        QVERIFY2(m_lastDialogText.contains(QStringLiteral("KILL CONNECTION %1").arg(holder.id())),
                 qPrintable(m_lastDialogText));
        QVERIFY2(m_lastDialogText.contains(QStringLiteral("2 session(s) wait")), qPrintable(m_lastDialogText));
        // One waiter gets the lock at once; the chain is gone.
        QTRY_VERIFY_WITH_TIMEOUT(w1->done.load() || w2->done.load(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_live->processlistPanel()->blockingSummary().isEmpty() ||
                                     !m_live->processlistPanel()->blockingSummary().contains(
                                         QString::number(holder.id())),
                                 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_live->source()->kills().last().phase, KillPhase::Gone, 5000);
        waitFor(w1, 5000);
        waitFor(w2, 5000);
    }

    void restartWithIdReuseThroughEveryEntryPoint()
    {
        // The report, through the real window: a victim on the unix socket (host just
        // "localhost") is on screen, the server restarts and gives its id to an innocent session
        // of the same account. Nothing the user pointed at before may reach the innocent.
        LiveSource *source = m_live->source();
        {
            SqlClient setup(m_server, m_server.adminUser, m_server.adminPassword);
            for (const char *sql : {"CREATE TABLE IF NOT EXISTS gui_restart (id INT PRIMARY KEY, v INT)",
                                    "REPLACE INTO gui_restart VALUES (1, 0)"}) {
                auto r = setup.run(QString::fromLatin1(sql));
                QVERIFY(waitFor(r, 5000) && r->ok);
            }
        }
        std::unique_ptr<SqlClient> victim;
        for (int i = 0; i < 2000 && (!victim || victim->id() < 40); ++i)
            victim = std::make_unique<SqlClient>(m_server, m_server.adminUser, m_server.adminPassword,
                                                 TestServer::Via::Socket);
        auto other = std::make_unique<SqlClient>(m_server, m_server.adminUser, m_server.adminPassword,
                                                 TestServer::Via::Socket);
        const qint64 id = victim->id();
        QVERIFY(waitFor(victim->run(QStringLiteral("BEGIN")), 3000));
        QVERIFY(waitFor(victim->run(QStringLiteral("UPDATE gui_restart SET v = 1 WHERE id = 1")), 3000));
        auto waiter = std::make_unique<SqlClient>(m_server, m_server.lowUser, m_server.lowPassword);
        auto w = waiter->run(QStringLiteral("UPDATE gui_restart SET v = 2 WHERE id = 1"));
        QTRY_COMPARE_WITH_TIMEOUT(source->rootBlocker(), id, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(proxyRowOf(id) >= 0 && proxyRowOf(other->id()) >= 0, 5000);
        const int lane = source->timeline().findLane(id);
        QVERIFY(lane >= 0);
        const int killsBefore = int(source->kills().size());

        // The server goes away: one non-modal banner, stale rows, nothing lost.
        QVERIFY(fixture(QStringLiteral("halt")));
        QTRY_COMPARE_WITH_TIMEOUT(source->status(), LiveSource::Status::Reconnecting, 10000);
        QVERIFY(!QApplication::activeModalWidget());
        QTRY_VERIFY_WITH_TIMEOUT(m_live->banner()->kind() == LiveBanner::Kind::Lost &&
                                     !m_live->banner()->text().isEmpty(),
                                 3000);
        QVERIFY(m_live->banner()->retryButton()->isVisible());
        QVERIFY2(m_live->processlistPanel()->staleNote().startsWith(QStringLiteral("As of")),
                 qPrintable(m_live->processlistPanel()->staleNote()));
        QVERIFY(!m_window->processlistModel()->staleNote().isEmpty());
        QVERIFY(proxyRowOf(id) >= 0); // still shown, as of the last sample
        m_heartbeat.stop();
        save(m_window.get(), "live-banner-lost-en.png");
        QVERIFY(switchLanguage(QStringLiteral("zh_CN")));
        // The banner speaks the new language at once ("Reconnecting" → "正在重新连接").
        QTRY_VERIFY_WITH_TIMEOUT(m_live->banner()->text().contains(QStringLiteral("正在重新连接")), 3000);
        save(m_window.get(), "live-banner-lost-zh_CN.png");
        QVERIFY(switchLanguage(QStringLiteral("en")));
        m_heartbeat.start();

        // While it is down the user points at the victim where live mode offers it (the
        // simulation's Processlist tab is not there): its row in the Live sessions table alone,
        // then with a second row selected; its lane, clicked for Del on the lanes; and its row
        // selected for Del in the table.
        QVERIFY(m_window->bottomTabs()->indexOf(m_window->processlistView()) < 0);
        m_window->bottomTabs()->setCurrentWidget(m_live->processlistPanel());
        QTableView *panel = m_live->processlistPanel()->view();
        panel->clearSelection();
        const QList<KillTarget> fromRow = rightClickRow(panel, id);
        QCOMPARE(fromRow.size(), 1);
        panel->clearSelection();
        rightClickRow(panel, other->id(), true);
        const QList<KillTarget> fromPanel = rightClickRow(panel, id, true);
        QCOMPARE(fromPanel.size(), 2);
        {
            const QPoint on = pointOnLane(lane);
            QVERIFY2(!on.isNull(), "the victim's lane is not on screen");
            QTest::mouseClick(m_window->swimlaneView()->viewport(), Qt::LeftButton, {}, on);
            QTRY_COMPARE_WITH_TIMEOUT(m_window->swimlaneView()->selectedLane(), lane, 2000);
        }
        m_live->processlistPanel()->selectId(id);
        QCOMPARE(m_window->swimlaneView()->selectedLane(), lane); // the row's lane, not a newer one

        // Kill root blocker while it is down; the confirmation stays open across the restart
        // and the reuse of the id, and only then is accepted.
        std::unique_ptr<SqlClient> innocent;
        QString rootDialog;
        QString rootStoppedWhy;
        bool rootStillRefreshing = true;
        int rootRefreshes = -1;
        int rootRefreshesLater = -2;
        QTimer::singleShot(0, this, [&] {
            QElapsedTimer t;
            t.start();
            while (!qobject_cast<KillConfirmDialog *>(QApplication::activeModalWidget()) && t.elapsed() < 5000)
                QTest::qWait(10);
            auto *d = qobject_cast<KillConfirmDialog *>(QApplication::activeModalWidget());
            if (!d)
                return;
            rootDialog = d->text();
            victim.reset();
            other.reset();
            waitFor(w, 10000);
            waiter.reset();
            if (fixture(QStringLiteral("resume")) &&
                QTest::qWaitFor([&] { return source->incarnationSerial() == 2 && ownRows(source) >= 2; }, 20000)) {
                for (int i = 0; i < 5000 && (!innocent || innocent->id() < id); ++i)
                    innocent = std::make_unique<SqlClient>(m_server, m_server.adminUser,
                                                           m_server.adminPassword, TestServer::Via::Socket);
                (void)QTest::qWaitFor([&] { return innocent && source->currentRow(innocent->id()); }, 3000);
            }
            // The estimate stopped following the samples when the server went (its previews
            // would describe a life that ended) and says so; the dialog stays responsive.
            rootStoppedWhy = d->refreshStoppedWhy();
            rootStillRefreshing = d->isRefreshing();
            rootRefreshes = d->refreshCount();
            QTest::qWait(1200);
            rootRefreshesLater = d->refreshCount();
            rootDialog += u'\n' + d->text();
            d->killButton()->click();
        });
        QAction *rootAction = m_live->menu()->findChild<QAction *>(QStringLiteral("killRootBlockerAction"));
        for (QAction *a : m_live->menu()->actions())
            if (a->objectName() == QStringLiteral("killRootBlockerAction"))
                rootAction = a;
        QVERIFY(rootAction && rootAction->isEnabled());
        rootAction->trigger();
        QVERIFY2(rootDialog.contains(QStringLiteral("KILL CONNECTION %1").arg(id)), qPrintable(rootDialog));
        // Opened while the server was down: as of the last sample, and it says so.
        QVERIFY2(rootStoppedWhy.contains(QStringLiteral("connection to the server was lost")),
                 qPrintable(rootStoppedWhy));
        QVERIFY2(rootDialog.contains(rootStoppedWhy), qPrintable(rootDialog));
        QVERIFY(!rootStillRefreshing);
        QCOMPARE(rootRefreshesLater, rootRefreshes);
        QVERIFY(innocent && innocent->isOpen());
        QCOMPARE(innocent->id(), id);
        QCOMPARE(source->currentRow(id)->host, QStringLiteral("localhost"));
        QCOMPARE(source->currentRow(id)->user, m_server.adminUser);

        // The row selected for Del went with the old server: Del now asks nothing, kills nothing.
        const int afterRoot = int(source->kills().size());
        QTest::keyClick(panel, Qt::Key_Delete);
        QCOMPARE(int(source->kills().size()), afterRoot);

        // Del on the lanes: the lane clicked before the restart is still the one meant (not the
        // innocent's, who has its id now); the confirmation says it will not be sent.
        QCOMPARE(m_window->swimlaneView()->selectedLane(), lane);
        answerNextConfirmation(true);
        QTest::keyClick(m_window->swimlaneView()->viewport(), Qt::Key_Delete);
        QTRY_COMPARE_WITH_TIMEOUT(int(source->kills().size()), afterRoot + 1, 3000);
        QVERIFY2(m_lastDialogText.contains(QStringLiteral("Not sent")),
                 qPrintable(m_lastDialogText));

        // Right-click on the victim's old lane, still on screen, closed.
        QVERIFY(source->timeline().lane(lane).closed);
        const QPoint at = pointOnLane(lane);
        QVERIFY2(!at.isNull(), "the old lane is not on screen");
        QTest::mousePress(m_window->swimlaneView()->viewport(), Qt::RightButton, {}, at);
        QTest::mouseRelease(m_window->swimlaneView()->viewport(), Qt::RightButton, {}, at);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->killMenu()->isVisible(), 2000);
        QCOMPARE(m_window->killMenu()->targets().constFirst().id, id);
        answerNextConfirmation(true, "live-confirm-old-lane.png");
        m_window->killMenu()->killConnectionAction()->trigger();
        m_window->killMenu()->hide();
        QVERIFY2(m_lastDialogText.contains(QStringLiteral("Not sent")), qPrintable(m_lastDialogText));

        // The menus opened while the server was down, clicked now. One row: the confirmation
        // says it will not be sent (the attempt is audited). Two rows: neither can succeed, so
        // the dialog offers none (Kill disabled) and nothing is attempted.
        m_window->killMenu()->setTargets(fromRow);
        answerNextConfirmation(true);
        m_window->killMenu()->killConnectionAction()->trigger();
        QVERIFY(m_lastKillEnabled);
        QVERIFY2(m_lastDialogText.contains(QStringLiteral("Not sent: the server has restarted")),
                 qPrintable(m_lastDialogText));
        m_window->killMenu()->setTargets(fromPanel);
        const int beforePair = int(source->kills().size());
        answerNextConfirmation(true);
        m_window->killMenu()->killConnectionAction()->trigger();
        QVERIFY(!m_lastKillEnabled);
        QVERIFY2(m_lastDialogText.count(QStringLiteral("Not sent: the server has restarted")) == 2,
                 qPrintable(m_lastDialogText));
        QCOMPARE(int(source->kills().size()), beforePair);

        // Every attempt was refused before reaching the server, and said why.
        const int attempts = int(source->kills().size()) - killsBefore;
        QCOMPARE(attempts, 1 + 1 + 1 + 1); // root blocker, Del on the lane, old lane, one row
        for (int i = killsBefore; i < source->kills().size(); ++i) {
            const KillRecord k = source->kills().at(i); // kills() returns a copy
            QCOMPARE(k.phase, KillPhase::Refused);
            QCOMPARE(k.sentUs, -1);
            QVERIFY2(k.serverMessage.startsWith(QStringLiteral("Not sent:")), qPrintable(k.serverMessage));
        }
        {
            SqlClient check(m_server, m_server.adminUser, m_server.adminPassword);
            auto r = check.run(QStringLiteral("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS "
                                              "WHERE VARIABLE_NAME = 'COM_KILL'"));
            QVERIFY(waitFor(r, 3000) && r->ok);
            QCOMPARE(r->rows.constFirst().constFirst().toLongLong(), 0); // not one KILL in the new life
        }
        auto alive = innocent->run(QStringLiteral("SELECT 1"));
        QVERIFY(waitFor(alive, 3000));
        QVERIFY2(alive->ok, qPrintable(alive->text));
        QTRY_VERIFY_WITH_TIMEOUT(m_live->banner()->kind() != LiveBanner::Kind::Lost ||
                                     m_live->banner()->text().isEmpty(),
                                 3000);
        QVERIFY(m_live->processlistPanel()->staleNote().isEmpty());
        m_heartbeat.stop();
        save(m_window.get(), "live-after-restart.png");
        m_heartbeat.start();
    }

    void auditLogPathIsInTheLiveMenu()
    {
        QAction *audit = nullptr;
        for (QAction *a : m_live->menu()->actions())
            if (a->objectName() == QStringLiteral("openAuditLogAction"))
                audit = a;
        QVERIFY(audit);
        const QString path = m_live->source()->auditLogPath();
        QCOMPARE(path, m_tmp.filePath(QStringLiteral("kills.log")));
        QVERIFY2(audit->text().contains(QFileInfo(path).fileName()) && audit->toolTip() == path,
                 qPrintable(audit->text()));
        // Offscreen there is no program to open it with: the path is said instead.
        audit->trigger();
        QVERIFY2(m_live->banner()->text().contains(path), qPrintable(m_live->banner()->text()));
    }

    void readOnlyHidesKills()
    {
        m_live->menu()->findChild<QAction *>(QStringLiteral("readOnlyAction"));
        QAction *ro = nullptr;
        for (QAction *a : m_live->menu()->actions())
            if (a->objectName() == QStringLiteral("readOnlyAction"))
                ro = a;
        QVERIFY(ro);
        ro->setChecked(true);
        QVERIFY(m_live->source()->isReadOnly());
        QVERIFY(!m_live->source()->canKill());
        m_window->killMenu()->setSource(m_live->source());
        m_window->killMenu()->setTargets({m_live->source()->targetForCurrentId(1)});
        QVERIFY(!m_window->killMenu()->killQueryAction()->isEnabled());
        ro->setChecked(false);
        QVERIFY(m_live->source()->canKill());
    }

    void dialogsRender()
    {
        m_heartbeat.stop();
        ConnectionDialog d(m_window.get());
        ConnectionSettings s;
        s.host = m_server.host;
        s.port = m_server.port;
        s.user = m_server.adminUser;
        d.setSettings(s);
        d.setMessage(QStringLiteral("Wrong user name or password (1045). Server says: Access denied."));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        save(&d, "live-connection-dialog.png");
        QCOMPARE(d.settings().port, m_server.port);
        QCOMPARE(d.settings().user, m_server.adminUser);
        QVERIFY(!d.settings().usesSocket());
        m_heartbeat.start();
    }

    void wrongPasswordWhileAttachedKeepsEverything()
    {
        LiveSource *attached = m_live->source();
        QVERIFY(attached);
        const int lanes = attached->timeline().laneCount();
        const int kills = int(attached->kills().size());
        const quint64 revision = attached->timeline().revision();
        const int killRows = m_live->killsPanel()->model()->rowCount();
        QVERIFY(kills > 0);

        ConnectionSettings s = adminTcpSettings(m_server);
        s.password = QStringLiteral("wrong");
        QSignalSpy stopped(m_live, &LiveController::liveStopped);
        QSignalSpy failed(m_live, &LiveController::connectFailed);
        m_live->connectTo(s);
        QVERIFY(m_live->pendingSource());
        // Nothing shown changes while the attempt runs, nor after it failed.
        QCOMPARE(m_live->source(), attached);
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() > 0, 10000);
        const QString message = failed.constLast().constFirst().toString();
        QVERIFY2(message.contains(QStringLiteral("1045")), qPrintable(message));
        QCOMPARE(stopped.count(), 0);
        QVERIFY(!m_live->pendingSource());
        QCOMPARE(m_live->source(), attached);
        QCOMPARE(m_window->source(), static_cast<SessionSource *>(attached));
        QCOMPARE(attached->status(), LiveSource::Status::Connected);
        QVERIFY(attached->timeline().laneCount() >= lanes);
        QVERIFY(attached->timeline().revision() >= revision);
        QCOMPARE(int(attached->kills().size()), kills);
        QCOMPARE(m_live->killsPanel()->model()->rowCount(), killRows);
        // Said once, non-modal, naming the cause and that the session stays.
        QVERIFY(!QApplication::activeModalWidget());
        const QString banner = m_live->banner()->text();
        QVERIFY2(banner.contains(QStringLiteral("1045")) && banner.contains(QStringLiteral("Still attached")),
                 qPrintable(banner));
        m_heartbeat.stop();
        save(m_window.get(), "live-wrong-password-banner.png");
        m_heartbeat.start();
        // And sampling goes on.
        const quint64 n = attached->sampleCount();
        QTRY_VERIFY_WITH_TIMEOUT(attached->sampleCount() > n, 3000);
    }

    void wrongPasswordWithNothingAttachedStaysInTheSimulation()
    {
        m_live->disconnectFromServer();
        QCOMPARE(m_window->source(), static_cast<SessionSource *>(m_window->simulation()));
        ConnectionSettings s = adminTcpSettings(m_server);
        s.password = QStringLiteral("wrong");
        QSignalSpy failed(m_live, &LiveController::connectFailed);
        m_live->connectTo(s);
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() > 0, 10000);
        QVERIFY(failed.constLast().constFirst().toString().contains(QStringLiteral("1045")));
        QCOMPARE(m_window->source(), static_cast<SessionSource *>(m_window->simulation()));
        QVERIFY(!m_live->source());
    }

    // Closing a window while it is attached ends its live session cleanly: its controller goes
    // before the window's parts, and its connections leave the server.
    void windowDestroyedWhileAttached()
    {
        SqlClient admin(m_server, m_server.adminUser, m_server.adminPassword);
        const auto count = [&]() {
            const auto r =
                admin.run(QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST"));
            return waitFor(r, 5000) && r->ok ? r->rows.value(0).value(0).toInt() : -1;
        };
        const int before = count();
        QVERIFY(before > 0);
        auto window = std::make_unique<MainWindow>();
        auto *live = new LiveController(window.get());
        live->connectTo(adminTcpSettings(m_server));
        QTRY_VERIFY_WITH_TIMEOUT(live->source() != nullptr, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(live->source()->status(), LiveSource::Status::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(count() >= before + 2,
                                 5000); // its sampler and its kill connection
        window.reset();
        QTRY_COMPARE_WITH_TIMEOUT(count(), before, 5000);
    }

    void cleanupTestCase()
    {
        fixture(QStringLiteral("resume")); // leave the shared server running, whatever happened
        m_heartbeat.stop();
        qInfo("longest GUI-thread block: %.1f ms in %s (screenshots in %s)", m_heartbeat.maxBlockMs(),
              qPrintable(m_heartbeat.where()), qPrintable(m_shots));
        QVERIFY2(m_heartbeat.maxBlockMs() < ks::test::Heartbeat::limitMs(), qPrintable(QString::number(m_heartbeat.maxBlockMs())));
        m_window.reset();
    }
};

QTEST_MAIN(TestLiveGui)
#include "tst_live_gui.moc"
