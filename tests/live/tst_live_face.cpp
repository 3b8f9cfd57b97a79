#include "killconfirmdialog.h"
#include "killcontroller.h"
#include "killmatchingdialog.h"
#include "killpreview.h"
#include "killspanel.h"
#include "language.h"
#include "livecontroller.h"
#include "liveprocesslistpanel.h"
#include "livesource.h"
#include "mainwindow.h"
#include "playbackcontroller.h"
#include "processlistfilter.h"
#include "processlistfilterbar.h"
#include "processlistmodel.h"
#include "samplercostwidget.h"
#include "sessiondetailspanel.h"
#include "simulationsource.h"
#include "sqlclient.h"
#include "swimlaneview.h"
#include "testserver.h"
#include "theme.h"
#include "timeline.h"
#include "timelineviewport.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace ks;
using ks::test::adminTcpSettings;
using ks::test::SqlClient;
using ks::test::TestServer;
using ks::test::waitFor;

// Live mode's own face, through the real main window attached to the throwaway MariaDB: no
// simulation widgets, the server in the tool bar, the details pane, kill badges on the victim's
// own lane, gone lanes folding, F5 / pause / freeze, and Kill matching… from its dry run to the
// confirmed kill.
class TestLiveFace : public QObject
{
    Q_OBJECT
    TestServer m_server;
    std::unique_ptr<MainWindow> m_window;
    LiveController *m_live = nullptr;
    QString m_shots;
    QTemporaryDir m_tmp;

    LiveSource *source() const { return m_live->source(); }

    void waitSamples(int n)
    {
        const quint64 from = source()->sampleCount();
        QTRY_VERIFY_WITH_TIMEOUT(source()->sampleCount() >= from + quint64(n), 10000);
    }

    // Calls `answer` with the next modal dialog of type T once it is up (polling, so the test's
    // event loop and the dialog's own both keep running).
    template<typename T> void onNextModal(std::function<void(T *)> answer)
    {
        auto tries = std::make_shared<int>(0);
        auto poll = std::make_shared<std::function<void()>>();
        *poll = [this, answer, tries, poll] {
            auto *d = qobject_cast<T *>(QApplication::activeModalWidget());
            if (!d) {
                if (++*tries < 1000)
                    QTimer::singleShot(10, this, *poll);
                return;
            }
            answer(d);
        };
        QTimer::singleShot(0, this, *poll);
    }

    int laneOf(qint64 id) const { return source()->timeline().findLane(id); }

    void connectWindow()
    {
        m_live->connectTo(adminTcpSettings(m_server));
        QTRY_VERIFY_WITH_TIMEOUT(m_live->source() != nullptr, 10000);
        source()->setIntervalMs(250);
        QTRY_VERIFY_WITH_TIMEOUT(source()->sampleCount() > 1, 5000);
    }

    // Ends a client's running statement from outside, so its destructor need not wait for it.
    void stopStatement(const SqlClient &client)
    {
        SqlClient admin(m_server, m_server.adminUser, m_server.adminPassword);
        waitFor(admin.run(QStringLiteral("KILL QUERY %1").arg(client.id())), 3000);
    }

    static int countColor(const QImage &img, const QRect &band, const QColor &c)
    {
        int n = 0;
        const QRect r = band.intersected(img.rect());
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x)
                n += img.pixelColor(x, y).rgb() == c.rgb() ? 1 : 0;
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
        // The English translation, as the program loads it: counts read "1 row", not "1 row(s)".
        QVERIFY(switchLanguage(QStringLiteral("en")));
        m_window = std::make_unique<MainWindow>();
        m_live = new LiveController(m_window.get());
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        // The simulation's face first: its docks and tabs are there.
        QVERIFY(m_window->isSimulationFace());
        QVERIFY(m_window->findChild<QDockWidget *>(QStringLiteral("narrationDock"))->isVisible());
        connectWindow();
    }

    void liveFaceHasNoSimulationWidgets()
    {
        QVERIFY(!m_window->isSimulationFace());
        for (const char *name : {"narrationDock", "knobsDock"}) {
            auto *dock = m_window->findChild<QDockWidget *>(QLatin1String(name));
            QVERIFY(dock);
            QVERIFY2(!dock->isVisible(), name);
        }
        QTabWidget *tabs = m_window->bottomTabs();
        // One processlist and one kills table: the source's.
        QCOMPARE(tabs->indexOf(static_cast<QWidget *>(m_window->processlistView())), -1);
        QCOMPARE(tabs->indexOf(m_window->findChild<QWidget *>(QStringLiteral("killsView"))), -1);
        QCOMPARE(tabs->indexOf(m_window->findChild<QWidget *>(QStringLiteral("transcriptView"))),
                 -1);
        QVERIFY(tabs->indexOf(m_live->processlistPanel()) >= 0);
        QVERIFY(tabs->indexOf(m_live->killsPanel()) >= 0);
        QVERIFY(!m_window->findChild<QWidget *>(QStringLiteral("scenarioCombo"))->isVisible());
        QVERIFY(!m_window->findChild<QWidget *>(QStringLiteral("flavorCombo"))->isVisible());
        // The server where the scenario was: host:port, version, detected flavor, uptime,
        // sampling and its cost.
        const QString server = m_live->serverLabel()->text();
        QVERIFY(m_live->serverLabel()->isVisible());
        QVERIFY2(server.contains(QStringLiteral("%1:%2").arg(m_server.host).arg(m_server.port)),
                 qPrintable(server));
        QVERIFY2(server.contains(QStringLiteral("MariaDB")), qPrintable(server));
        QVERIFY2(server.contains(QStringLiteral("detected")), qPrintable(server));
        QVERIFY2(server.contains(QStringLiteral("up ")), qPrintable(server));
        QVERIFY(m_live->costWidget()->isVisible());
        QTRY_VERIFY(m_live->costWidget()->text().contains(QStringLiteral("ms")));
        QTRY_VERIFY2(m_live->costWidget()->text().contains(QStringLiteral("every 0.25 s")),
                     qPrintable(m_live->costWidget()->text()));
        auto *details = m_window->findChild<QDockWidget *>(QStringLiteral("sessionDetailsDock"));
        QVERIFY(details && details->isVisible());
        // The axis reads wall-clock time.
        QCOMPARE(m_window->swimlaneView()->wallClockOrigin(), source()->wallClockOriginMs());
        QVERIFY(m_window->swimlaneView()->wallClockOrigin() > 0);
        m_window->grab().save(m_shots + QStringLiteral("/live-face.png"));
    }

    void detailsPaneShowsTheFullStatementAndTransaction()
    {
        {
            SqlClient setup(m_server, m_server.adminUser, m_server.adminPassword);
            for (const char *sql :
                 {"CREATE TABLE IF NOT EXISTS face_trx (id INT PRIMARY KEY, v INT)",
                  "REPLACE INTO face_trx VALUES (1, 0), (2, 0), (3, 0)"}) {
                auto r = setup.run(QString::fromLatin1(sql));
                QVERIFY(waitFor(r, 5000) && r->ok);
            }
        }
        // A statement much longer than any column shows.
        const QString tail = QStringLiteral("the very end of a long comment");
        const QString sql = QStringLiteral("SELECT SLEEP(30) /* %1 %2 */")
                                .arg(QString(400, QLatin1Char('x')), tail);
        SqlClient victim(m_server, m_server.adminUser, m_server.adminPassword);
        auto sleeper = victim.run(sql);
        SqlClient idle(m_server, m_server.adminUser, m_server.adminPassword);
        QVERIFY(waitFor(idle.run(QStringLiteral("BEGIN")), 3000));
        QVERIFY(waitFor(idle.run(QStringLiteral("UPDATE face_trx SET v = v + 1")), 3000));
        QTRY_VERIFY_WITH_TIMEOUT(source()->currentRow(victim.id()) &&
                                     source()->currentRow(idle.id()) &&
                                     !source()->currentRow(idle.id())->trxState.isEmpty(),
                                 5000);
        waitSamples(2);

        m_live->processlistPanel()->selectId(victim.id());
        SessionDetailsPanel *pane = m_live->detailsPanel();
        QTRY_COMPARE_WITH_TIMEOUT(pane->sessionId(), victim.id(), 3000);
        QTRY_COMPARE_WITH_TIMEOUT(pane->statementText(), sql, 3000);
        QVERIFY(pane->statementText().endsWith(tail + QStringLiteral(" */")));
        // Selectable and copyable, not editable.
        QVERIFY(pane->statementView()->isReadOnly());
        QVERIFY(pane->statementView()->textInteractionFlags() & Qt::TextSelectableByMouse);
        pane->statementView()->selectAll();
        pane->statementView()->copy();
        QCOMPARE(QApplication::clipboard()->text(), sql);
        // SLEEP reports no progress: nothing is shown, not 0.000.
        ProcesslistModel *model = m_window->processlistModel();
        const int vr = model->rowOfId(victim.id());
        QVERIFY(vr >= 0);
        QCOMPARE(
            model->index(vr, model->column(ProcesslistModel::Field::Progress)).data().toString(),
            QString());

        // Idle in transaction: marked, with its age and rows locked and modified.
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfId(idle.id()) >= 0, 3000);
        const int ir = model->rowOfId(idle.id());
        QVERIFY(model->index(ir, 0).data(ProcesslistModel::IdleInTransactionRole).toBool());
        QVERIFY(!model->index(vr, 0).data(ProcesslistModel::IdleInTransactionRole).toBool());
        QVERIFY(model->index(ir, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model->index(ir, model->column(ProcesslistModel::Field::TrxAge))
                     .data()
                     .toString()
                     .isEmpty());
        QCOMPARE(model->index(ir, model->column(ProcesslistModel::Field::TrxRowsModified))
                     .data()
                     .toString(),
                 QStringLiteral("3"));
        QVERIFY(model->index(ir, model->column(ProcesslistModel::Field::TrxRowsLocked))
                    .data(ProcesslistModel::SortRole)
                    .toLongLong() >= 3);
        m_live->processlistPanel()->selectId(idle.id());
        QTRY_COMPARE_WITH_TIMEOUT(pane->sessionId(), idle.id(), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(
            pane->detailsText().contains(QStringLiteral("Idle in transaction")), 3000);
        QVERIFY2(pane->detailsText().contains(QStringLiteral("Rows modified: 3")),
                 qPrintable(pane->detailsText()));
        QVERIFY2(pane->detailsText().contains(QStringLiteral("Started ")),
                 qPrintable(pane->detailsText()));
        m_window->grab().save(m_shots + QStringLiteral("/live-details.png"));
        QVERIFY(waitFor(idle.run(QStringLiteral("ROLLBACK")), 3000));

        // A waiter and its blocker, each pane naming the other.
        SqlClient holder(m_server, m_server.adminUser, m_server.adminPassword);
        SqlClient waiter(m_server, m_server.adminUser, m_server.adminPassword);
        QVERIFY(waitFor(holder.run(QStringLiteral("BEGIN")), 3000));
        QVERIFY(
            waitFor(holder.run(QStringLiteral("UPDATE face_trx SET v = 9 WHERE id = 1")), 3000));
        auto w = waiter.run(QStringLiteral("UPDATE face_trx SET v = 8 WHERE id = 1"));
        QTRY_VERIFY_WITH_TIMEOUT(source()->currentRow(waiter.id()) &&
                                     source()->currentRow(waiter.id())->blockedBy == holder.id(),
                                 5000);
        waitSamples(1);
        m_live->processlistPanel()->selectId(waiter.id());
        QTRY_VERIFY_WITH_TIMEOUT(
            pane->detailsText().contains(
                QStringLiteral("Waits for a lock held by %1").arg(holder.id())),
            3000);
        m_live->processlistPanel()->selectId(holder.id());
        QTRY_VERIFY_WITH_TIMEOUT(pane->detailsText().contains(QStringLiteral("1 session waits")),
                                 3000);
        QVERIFY(waitFor(holder.run(QStringLiteral("ROLLBACK")), 3000));
        QVERIFY(waitFor(w, 5000));
        stopStatement(victim);
        QVERIFY(waitFor(sleeper, 5000));
    }

    void killBadgeSitsOnTheVictimsLane()
    {
        SqlClient above(m_server, m_server.adminUser, m_server.adminPassword);
        SqlClient victim(m_server, m_server.adminUser, m_server.adminPassword);
        auto sleeper = victim.run(QStringLiteral("SELECT SLEEP(60)"));
        QTRY_VERIFY_WITH_TIMEOUT(laneOf(victim.id()) >= 0 && laneOf(above.id()) >= 0, 5000);
        waitSamples(2);
        // Only these two lanes, so both are on screen, one right above the other.
        ProcesslistFilterBar *bar = m_live->processlistPanel()->filterBar();
        bar->searchEdit()->setText(QStringLiteral("%1").arg(victim.id()));
        SwimlaneView *view = m_window->swimlaneView();
        QTRY_VERIFY(!view->isLaneShown(laneOf(above.id())));
        bar->searchEdit()->clear();
        QTRY_VERIFY(view->isLaneShown(laneOf(above.id())));
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());

        onNextModal<KillConfirmDialog>([](KillConfirmDialog *d) { d->killButton()->click(); });
        const int row = m_window->processlistModel()->rowOfId(victim.id());
        QVERIFY(row >= 0);
        QCOMPARE(m_window->killController()->killRows({m_window->processlistModel()->rowAt(row)},
                                                      KillKind::Query),
                 1);
        QVERIFY(waitFor(sleeper, 5000));
        QCOMPARE(sleeper->error, 1317);
        QTRY_COMPARE_WITH_TIMEOUT(source()->kills().last().phase, KillPhase::Done, 5000);
        waitSamples(1);
        QCoreApplication::processEvents();

        // The neighbour's row, above or below the victim's (lanes appear in the server's order).
        const int victimLane = laneOf(victim.id());
        const int aboveLane = laneOf(above.id());
        QVERIFY(victimLane != aboveLane);
        const QRect victimRow = view->laneRowRect(victimLane);
        const QRect aboveRow = view->laneRowRect(aboveLane);
        QVERIFY2(!victimRow.isEmpty() && !aboveRow.isEmpty(), "both lanes must be on screen");
        const QImage img = view->viewport()->grab().toImage();
        img.save(m_shots + QStringLiteral("/live-kill-badge.png"));
        const QColor badge = Theme(view->palette()).signalColor(SignalKind::KillQuery);
        // The badge ("KILL QUERY n", white on the kill's colour) is in the victim's row ...
        QVERIFY2(countColor(img, victimRow, badge) > 150,
                 qPrintable(QString::number(countColor(img, victimRow, badge))));
        // ... and nothing of it in the row of the session above.
        QCOMPARE(countColor(img, aboveRow, badge), 0);
        // Its lane keeps its statement as subtitle after the statement ended.
        QCOMPARE(source()->timeline().lane(victimLane).statement,
                 QStringLiteral("SELECT SLEEP(60)"));
    }

    void goneLanesFoldAndFiltersNarrowTheLanes()
    {
        auto victim =
            std::make_unique<SqlClient>(m_server, m_server.adminUser, m_server.adminPassword);
        const qint64 id = victim->id();
        QTRY_VERIFY_WITH_TIMEOUT(laneOf(id) >= 0, 5000);
        SwimlaneView *view = m_window->swimlaneView();
        const int lane = laneOf(id);
        QVERIFY(view->isLaneShown(lane));
        // The filter narrows the lanes as it narrows the table.
        ProcesslistFilterBar *bar = m_live->processlistPanel()->filterBar();
        bar->picker(0)->setEditText(QStringLiteral("no-such-user"));
        QTRY_VERIFY(!view->isLaneShown(lane));
        QCOMPARE(m_live->processlistPanel()->filter()->rowCount(), 0);
        bar->picker(0)->setEditText(QString());
        QTRY_VERIFY(view->isLaneShown(lane));

        victim.reset();
        QTRY_VERIFY_WITH_TIMEOUT(source()->timeline().lane(lane).closed, 5000);
        // Gone, but not yet for the fold time: still there.
        QCOMPARE(m_live->foldGoneAfterS(), 300);
        waitSamples(1);
        QVERIFY(view->isLaneShown(lane));
        const int rowsBefore = view->visibleRowCount();
        m_live->setFoldGoneAfterS(0);
        waitSamples(2);
        QVERIFY(!view->isLaneShown(lane));
        QVERIFY(view->visibleRowCount() < rowsBefore);
        // "Show gone" brings them back, and folds them again when off.
        m_live->showGoneAction()->setChecked(true);
        QVERIFY(view->isLaneShown(lane));
        m_live->showGoneAction()->setChecked(false);
        QVERIFY(!view->isLaneShown(lane));
        m_live->setFoldGoneAfterS(300);
        QVERIFY(view->isLaneShown(lane));
    }

    void deleteOnALaneEndsItsSession()
    {
        SqlClient victim(m_server, m_server.adminUser, m_server.adminPassword);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->processlistModel()->rowOfId(victim.id()) >= 0, 5000);
        // A row picked in the processlist selects its lane too; Del on the lanes kills it.
        m_live->processlistPanel()->selectId(victim.id());
        QCOMPARE(m_window->viewport()->selectedSession(), victim.id());
        const int before = int(source()->kills().size());
        QString text;
        onNextModal<KillConfirmDialog>([&text](KillConfirmDialog *d) {
            text = d->text();
            d->killButton()->click();
        });
        QTest::keyClick(m_window->swimlaneView()->viewport(), Qt::Key_Delete);
        QTRY_COMPARE_WITH_TIMEOUT(int(source()->kills().size()), before + 1, 5000);
        QVERIFY2(text.contains(QStringLiteral("KILL CONNECTION %1").arg(victim.id())),
                 qPrintable(text));
        QTRY_COMPARE_WITH_TIMEOUT(source()->kills().last().phase, KillPhase::Gone, 5000);
    }

    void f5SamplesNowPauseStopsSamplingSpaceOnlyFreezes()
    {
        QAction *pause = m_live->pauseAction();
        QCOMPARE(pause->shortcut(), QKeySequence(Qt::Key_F6));
        QCOMPARE(m_live->sampleNowAction()->shortcut(), QKeySequence(Qt::Key_F5));
        // Someone else connected, as on any server: the timeline's "now" moves with the samples.
        SqlClient bystander(m_server, m_server.adminUser, m_server.adminPassword);
        QTRY_VERIFY_WITH_TIMEOUT(laneOf(bystander.id()) >= 0, 5000);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->swimlaneView()->setFocus();
        QTest::keyClick(m_window->swimlaneView(), Qt::Key_F6);
        QTRY_VERIFY(source()->isSamplingPaused());
        QVERIFY(m_live->serverLabel()->text().contains(QStringLiteral("paused")));
        // Let a sample already under way land, then nothing more comes ...
        QTest::qWait(400);
        const quint64 n = source()->sampleCount();
        QTest::qWait(1000); // four intervals
        QCOMPARE(source()->sampleCount(), n);
        // ... until F5 asks for one.
        QTest::keyClick(m_window->swimlaneView(), Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(source()->sampleCount(), n + 1, 5000);
        QTest::keyClick(m_window->swimlaneView(), Qt::Key_F6);
        QVERIFY(!source()->isSamplingPaused());
        waitSamples(2);

        // Space freezes only the view: samples go on, the playhead stays.
        QVERIFY(m_window->followsNow());
        QTest::keyClick(m_window->swimlaneView(), Qt::Key_Space);
        QVERIFY(!m_window->followsNow());
        QVERIFY(!m_live->followNowAction()->isChecked());
        const qint64 at = m_window->playback()->position();
        const qint64 end = source()->timeline().endTime();
        waitSamples(3);
        QVERIFY(source()->timeline().endTime() > end);
        QCOMPARE(m_window->playback()->position(), at);
        QVERIFY(m_live->serverLabel()->text().contains(QStringLiteral("frozen")));
        QTest::keyClick(m_window->swimlaneView(), Qt::Key_Space);
        QVERIFY(m_window->followsNow());
        waitSamples(1);
        QCOMPARE(m_window->playback()->position(), source()->timeline().endTime());

        // Help ▸ Keyboard shortcuts lists them all.
        const QString keys = m_window->shortcutsText();
        for (const char *k : {"F5", "F6", "Space", "End", "Del", "Ctrl+K", "Ctrl+C", "F1"})
            QVERIFY2(keys.contains(QLatin1String(k)), k);
    }

    void killMatchingDryRunThenKill()
    {
        const QString marker = QStringLiteral("km-%1").arg(QDateTime::currentMSecsSinceEpoch());
        SqlClient a(m_server, m_server.adminUser, m_server.adminPassword);
        SqlClient b(m_server, m_server.adminUser, m_server.adminPassword);
        SqlClient other(m_server, m_server.adminUser, m_server.adminPassword);
        auto ra = a.run(QStringLiteral("SELECT SLEEP(60) /* %1 */").arg(marker));
        auto rb = b.run(QStringLiteral("SELECT SLEEP(60) /* %1 */").arg(marker));
        auto ro = other.run(QStringLiteral("SELECT SLEEP(60) /* unrelated */"));
        QTRY_VERIFY_WITH_TIMEOUT(source()->currentRow(a.id()) && source()->currentRow(b.id()) &&
                                     source()->currentRow(other.id()),
                                 5000);

        // Without a criterion it offers nothing: never "kill everything".
        {
            bool checked = false;
            onNextModal<KillMatchingDialog>([&checked](KillMatchingDialog *d) {
                checked = d->matchingRows().isEmpty() && !d->killButton()->isEnabled();
                d->reject();
            });
            m_live->killMatchingAction()->trigger();
            QVERIFY(checked);
        }

        ProcesslistFilterBar *bar = m_live->processlistPanel()->filterBar();
        bar->searchEdit()->setText(marker);
        // Dry run first (cancelled: nothing sent), then the kill.
        const int killsBefore = int(source()->kills().size());
        QString dryRun;
        onNextModal<KillMatchingDialog>([&dryRun](KillMatchingDialog *d) {
            d->setKind(KillKind::Query);
            dryRun = d->dryRunText();
            d->reject();
        });
        m_live->killMatchingAction()->trigger();
        QCOMPARE(int(source()->kills().size()), killsBefore);
        QVERIFY2(dryRun.contains(QStringLiteral("KILL QUERY %1 --").arg(a.id())),
                 qPrintable(dryRun));
        QVERIFY2(dryRun.contains(QStringLiteral("KILL QUERY %1 --").arg(b.id())),
                 qPrintable(dryRun));
        QVERIFY2(!dryRun.contains(QStringLiteral(" %1 --").arg(other.id())), qPrintable(dryRun));
        QCOMPARE(dryRun.count(u'\n'), 1);

        QString confirmText;
        int refreshes = 0;
        QString killLabel;
        onNextModal<KillMatchingDialog>([&, this](KillMatchingDialog *d) {
            d->setKind(KillKind::Query);
            // The confirmation comes next, through the KillController; it refreshes while open.
            onNextModal<KillConfirmDialog>([&](KillConfirmDialog *c) {
                QTRY_VERIFY_WITH_TIMEOUT(c->refreshCount() >= 1, 5000);
                confirmText = c->text();
                refreshes = c->refreshCount();
                killLabel = c->killButton()->text();
                c->grab().save(m_shots + QStringLiteral("/live-confirm-matching.png"));
                c->killButton()->click();
            });
            d->grab().save(m_shots + QStringLiteral("/live-kill-matching.png"));
            d->killButton()->click();
        });
        m_live->killMatchingAction()->trigger();
        QVERIFY(refreshes >= 1);
        QCOMPARE(killLabel, QStringLiteral("Kill all"));
        QVERIFY2(confirmText.contains(QStringLiteral("KILL QUERY %1").arg(a.id())),
                 qPrintable(confirmText));
        QVERIFY2(confirmText.contains(QStringLiteral("KILL QUERY %1").arg(b.id())),
                 qPrintable(confirmText));
        QVERIFY(waitFor(ra, 5000));
        QVERIFY(waitFor(rb, 5000));
        QCOMPARE(ra->error, 1317);
        QCOMPARE(rb->error, 1317);
        // The unrelated session was not touched.
        QVERIFY(!ro->done.load());
        QCOMPARE(int(source()->kills().size()), killsBefore + 2);
        QTRY_VERIFY_WITH_TIMEOUT(source()->kills().last().phase == KillPhase::Done &&
                                     source()->kills().at(killsBefore).phase == KillPhase::Done,
                                 5000);
        for (const KillRecord &k : source()->kills().mid(killsBefore)) {
            QVERIFY(k.request.target.id == a.id() || k.request.target.id == b.id());
            // Sent by the source's executor (after its identity proof) and accepted.
            QVERIFY(k.answeredUs >= 0);
            QCOMPARE(k.serverError, 0);
        }
        // The victims' details list their kill.
        m_live->processlistPanel()->filterBar()->searchEdit()->clear();
        m_live->processlistPanel()->selectId(a.id());
        QTRY_VERIFY_WITH_TIMEOUT(m_live->detailsPanel()->detailsText().contains(
                                     QStringLiteral("KILL QUERY %1").arg(a.id())),
                                 3000);
        stopStatement(other);
        QVERIFY(waitFor(ro, 5000));
    }

    // Pure dialog logic, no server needed: shared warnings said once, kills that cannot succeed
    // not offered, counts in the right number.
    void confirmDialogGroupsWarningsAndLeavesOutHopelessKills()
    {
        QList<KillPreview> previews;
        for (int i = 0; i < 3; ++i) {
            KillPreview p;
            p.statement = QStringLiteral("KILL %1").arg(20 + i);
            p.target = QStringLiteral("%1 app@h").arg(20 + i);
            p.targetId = 20 + i;
            p.warnings << QStringLiteral("Shared warning");
            if (i == 2) {
                p.cannotSucceed = true;
                p.cannotSucceedWhy = QStringLiteral("another user's thread (1095)");
            }
            previews << p;
        }
        KillConfirmDialog d(previews);
        QCOMPARE(d.text().count(QStringLiteral("Shared warning")), 1);
        QVERIFY(d.text().contains(QStringLiteral("(1095)")));
        QCOMPARE(d.offeredCount(), 2);
        QCOMPARE(d.killButton()->text(), QStringLiteral("Kill the 2 that can succeed"));
        QVERIFY(d.killButton()->isEnabled());
        for (KillPreview &p : previews)
            p.cannotSucceed = true;
        d.setPreviews(previews);
        QVERIFY(!d.killButton()->isEnabled());

        ProcesslistRow row;
        row.id = 7;
        row.command = QStringLiteral("Query");
        row.info = QStringLiteral("UPDATE t SET v = 1 WHERE id = 1");
        row.trxState = QStringLiteral("RUNNING");
        row.trxRowsModified = 1;
        KillRequest r;
        r.target.id = 7;
        r.kind = KillKind::Connection;
        const KillPreview one = KillPreview::build(
            r, &row, ServerInfo::parseVersion(QStringLiteral("10.11.6-MariaDB")), BlockingGraph());
        QVERIFY2(one.consequence.contains(QStringLiteral("about 1 row;")),
                 qPrintable(one.consequence));
        QVERIFY(!one.consequence.contains(QStringLiteral("1 rows")));
    }

    void disconnectRestoresTheSimulationFace()
    {
        m_live->disconnectFromServer();
        QCOMPARE(m_window->source(), static_cast<SessionSource *>(m_window->simulation()));
        QVERIFY(m_window->isSimulationFace());
        QVERIFY(m_window->findChild<QDockWidget *>(QStringLiteral("narrationDock"))->isVisible());
        QVERIFY(m_window->findChild<QDockWidget *>(QStringLiteral("knobsDock"))->isVisible());
        QVERIFY(
            !m_window->findChild<QDockWidget *>(QStringLiteral("sessionDetailsDock"))->isVisible());
        QTabWidget *tabs = m_window->bottomTabs();
        QCOMPARE(tabs->indexOf(static_cast<QWidget *>(m_window->processlistView())), 0);
        QVERIFY(tabs->indexOf(m_window->findChild<QWidget *>(QStringLiteral("killsView"))) >= 0);
        QVERIFY(tabs->indexOf(m_window->findChild<QWidget *>(QStringLiteral("transcriptView"))) >=
                0);
        QCOMPARE(tabs->indexOf(m_live->processlistPanel()), -1);
        // The tool bar lays its widgets out again on its next turn.
        QTRY_VERIFY(m_window->findChild<QWidget *>(QStringLiteral("scenarioCombo"))->isVisible());
        QTRY_VERIFY(!m_live->serverLabel()->isVisible());
        QCOMPARE(m_window->swimlaneView()->wallClockOrigin(), qint64(-1));
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestLiveFace)
#include "tst_live_face.moc"
