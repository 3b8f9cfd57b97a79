#include "chartspanel.h"
#include "headlesspng.h"
#include "killmenu.h"
#include "killsmodel.h"
#include "knobspanel.h"
#include "language.h"
#include "mainwindow.h"
#include "narrationmodel.h"
#include "playbackcontroller.h"
#include "processlistmodel.h"
#include "resources.h"
#include "simulationsource.h"
#include "stagelayout.h"
#include "swimlaneview.h"
#include "testscenarios.h"
#include "timeformat.h"
#include "timeline.h"
#include "timelineviewport.h"
#include "timetext.h"

#include <QAbstractItemModelTester>
#include <QAreaSeries>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QUrl>
#include <QtTest>
#include <sys/stat.h>

using namespace ks;

namespace {

void loadTestScenario(MainWindow &w, const QString &flavor = {})
{
    QVERIFY(w.simulation()->loadJson(testscenarios::LockWait, QStringLiteral("test-lock-wait.json"),
                                     flavor));
    w.simulation()->waitForRun();
}

QString processlistCell(MainWindow &w, qint64 id, ProcesslistModel::Field f)
{
    ProcesslistModel *m = w.processlistModel();
    const int row = m->rowOfId(id);
    return row < 0 ? QString() : m->index(row, m->column(f)).data().toString();
}

// Right-clicks the processlist row of `id` and returns the menu that opened.
KillMenu *rightClickRow(MainWindow &w, qint64 id)
{
    QTableView *view = w.processlistView();
    QAbstractItemModel *shown = view->model(); // sorted on top of processlistModel()
    int row = -1;
    for (int r = 0; r < shown->rowCount(); ++r)
        if (shown->index(r, 0).data(ProcesslistModel::IdRole).toLongLong() == id)
            row = r;
    if (row < 0)
        return nullptr;
    const QPoint pos = view->visualRect(shown->index(row, 1)).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &event);
    return w.killMenu();
}

} // namespace

class TestExplorer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        initResources();
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QCoreApplication::setOrganizationName(QStringLiteral("KillScopeTests"));
    }

    void init() { QVERIFY(switchLanguage(QStringLiteral("en"))); }

    void modelsPassTheTester()
    {
        MainWindow w;
        QAbstractItemModelTester a(w.processlistModel(),
                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester b(w.killsModel(),
                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester c(w.narrationModel(),
                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
        loadTestScenario(w);
        for (qint64 t : {0LL, 1'500'000LL, 2'000'000LL, 9'000'000LL, 0LL})
            w.playback()->setPosition(t);
        QVERIFY(w.processlistModel()->rowCount() > 0);
    }

    void rightClickKillQueryInjectsAKill()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        loadTestScenario(w);
        w.playback()->setPosition(2'000'000);
        QCOMPARE(processlistCell(w, 12, ProcesslistModel::Field::Command), QStringLiteral("Query"));
        const int signalsBefore = int(w.source()->timeline().signalList().size());

        KillMenu *menu = rightClickRow(w, 12);
        QVERIFY(menu);
        QTRY_VERIFY(menu->isVisible());
        QCOMPARE(menu->targets().size(), 1);
        QCOMPARE(menu->targets().first().id, 12);
        QAction *killQuery = menu->killQueryAction();
        QVERIFY(killQuery->isEnabled());
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("killHardQueryAction"))); // MySQL
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(killQuery).center());
        QTRY_VERIFY(!menu->isVisible());
        // A slow machine may have sent the re-run to the worker thread.
        w.simulation()->waitForRun();

        // The kill went in at the playhead and the run continued from there.
        QCOMPARE(w.simulation()->injectionCount(), 1);
        QCOMPARE(w.simulation()->injections().first().atUs, 2'000'000);
        QVERIFY(int(w.source()->timeline().signalList().size()) > signalsBefore);
        w.playback()->setPosition(2'100'000);
        QCOMPARE(processlistCell(w, 12, ProcesslistModel::Field::Command), QStringLiteral("Sleep"));
        QCOMPARE(w.killsModel()->rowCount(), 1);
        QCOMPARE(w.killsModel()->index(0, KillsModel::StatementColumn).data().toString(),
                 QStringLiteral("KILL QUERY 12"));
        // Before the kill, nothing changed.
        w.playback()->setPosition(1'900'000);
        QCOMPARE(processlistCell(w, 12, ProcesslistModel::Field::Command), QStringLiteral("Query"));
        QCOMPARE(w.killsModel()->rowCount(), 0);
    }

    void laneRightClickUsesTheSameMenu()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        loadTestScenario(w);
        w.playback()->setPosition(2'000'000);
        SwimlaneView *view = w.swimlaneView();
        const int lane = w.source()->timeline().findLane(12);
        QVERIFY(lane >= 0);
        const int y = view->laneCenterY(lane);
        QVERIFY(y >= 0);
        const QPoint pos(view->lanesRect().left() + 40, y);
        QTest::mouseClick(view->viewport(), Qt::RightButton, {}, pos);
        QTRY_VERIFY(w.killMenu()->isVisible());
        QCOMPARE(w.killMenu()->targets().first().id, 12);
        w.killMenu()->killConnectionAction()->trigger();
        w.simulation()->waitForRun();
        QCOMPARE(w.simulation()->injectionCount(), 1);
        QCOMPARE(w.simulation()->injections().first().kill.kind, KillKind::Connection);
        w.killMenu()->hide();
    }

    // The case: right-click a lane while playing; the menu says when; playback holds
    // while the user hesitates; the kill lands at that moment, and the lane, the kills list,
    // "Your changes" and the status bar all say the same microsecond.
    void injectedKillLandsWhereTheUserRightClicked()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openScenario(QStringLiteral("big-update-kill-connection"),
                               QStringLiteral("mariadb-10.11")));
        w.simulation()->waitForRun();
        w.playback()->setPosition(1'000'000);
        w.playback()->play();
        QTRY_VERIFY(w.playback()->position() > 1'050'000);
        QVERIFY(w.playback()->isPlaying());

        SwimlaneView *view = w.swimlaneView();
        const int lane = w.source()->timeline().findLane(11);
        QVERIFY(lane >= 0);
        const int y = view->laneCenterY(lane);
        QVERIFY(y >= 0);
        QTest::mouseClick(view->viewport(), Qt::RightButton, {},
                          QPoint(view->lanesRect().left() + 60, y));
        KillMenu *menu = w.killMenu();
        QTRY_VERIFY(menu->isVisible());
        QVERIFY(!w.playback()->isPlaying());
        const qint64 clicked = menu->atUs();
        QVERIFY(clicked > 1'000'000);
        QCOMPARE(w.playback()->position(), clicked);
        QVERIFY(menu->timeAction());
        QVERIFY2(menu->timeAction()->text().contains(TimeFormat::instant(clicked)),
                 qPrintable(menu->timeAction()->text()));
        // The user hesitates: nothing moves meanwhile.
        QTest::qWait(300);
        QCOMPARE(w.playback()->position(), clicked);
        QTest::mouseClick(menu, Qt::LeftButton, {},
                          menu->actionGeometry(menu->killQueryAction()).center());
        w.simulation()->waitForRun();
        QTRY_VERIFY(!menu->isVisible());
        // Playback goes on from where it held.
        QTRY_VERIFY(w.playback()->isPlaying());
        w.playback()->pause();
        w.playback()->setPosition(clicked + 5'000);

        // 1. What the source injected.
        QCOMPARE(w.simulation()->injectionCount(), 1);
        QCOMPARE(w.simulation()->injections().first().atUs, clicked);
        QCOMPARE(w.simulation()->injections().first().kill.kind, KillKind::Query);
        // 2. The lane: the arrow to lane 11 at that time.
        bool arrow = false;
        for (const TimelineSignal &sig : w.source()->timeline().signalList())
            arrow = arrow || (sig.toLane == w.source()->timeline().findLane(11) &&
                              sig.kind == SignalKind::KillQuery && sig.time == clicked);
        QVERIFY(arrow);
        // 3. The kills list.
        KillsModel *kills = w.killsModel();
        int row = -1;
        for (int r = 0; r < kills->rowCount(); ++r)
            if (kills->index(r, KillsModel::StatementColumn).data().toString() ==
                QLatin1String("KILL QUERY 11"))
                row = r;
        QVERIFY(row >= 0);
        QCOMPARE(
            kills->index(row, KillsModel::RequestedColumn).data(KillsModel::SortRole).toLongLong(),
            clicked);
        // 4. "Your changes" and the status bar.
        auto *changes = w.findChild<QLabel *>(QStringLiteral("changesLabel"));
        QVERIFY(changes);
        QVERIFY2(changes->text().contains(TimeFormat::instantNumber(clicked) +
                                          QStringLiteral(" s: KILL QUERY 11")),
                 qPrintable(changes->text()));
        QVERIFY2(w.statusBar()->currentMessage().contains(TimeFormat::instant(clicked)),
                 qPrintable(w.statusBar()->currentMessage()));
        // And the narration tells this kill, at this time.
        bool told = false;
        for (const NarrationStep &n : w.simulation()->narration())
            told = told || (n.atUs == clicked && n.en.contains(QLatin1String("KILL QUERY 11")));
        QVERIFY(told);
    }

    void mariaDbOffersHardAndSoft()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        loadTestScenario(w, QStringLiteral("mariadb-10.11"));
        w.playback()->setPosition(2'000'000);
        KillMenu *menu = rightClickRow(w, 12);
        QTRY_VERIFY(menu->isVisible());
        QAction *soft = menu->findChild<QAction *>(QStringLiteral("killSoftQueryAction"));
        QVERIFY(soft);
        soft->trigger();
        w.simulation()->waitForRun();
        QCOMPARE(w.simulation()->injections().first().kill.strength, KillStrength::Soft);
        QCOMPARE(w.killsModel()->index(0, KillsModel::StatementColumn).data().toString(),
                 QStringLiteral("KILL SOFT QUERY 12"));
        menu->hide();
    }

    void spacePlaysAndArrowsStep()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        loadTestScenario(w);
        QCOMPARE(w.playback()->position(), 0);
        QTest::keyClick(&w, Qt::Key_Space);
        QVERIFY(w.playback()->isPlaying());
        QTRY_VERIFY(w.playback()->position() > 50'000);
        QCOMPARE(w.viewport()->playhead(), w.playback()->position());
        QTest::keyClick(&w, Qt::Key_Space);
        QVERIFY(!w.playback()->isPlaying());

        w.playback()->setPosition(0);
        const qint64 next = w.playback()->nextEventTime();
        QVERIFY(next > 0);
        QTest::keyClick(&w, Qt::Key_Right);
        QTRY_COMPARE(w.playback()->position(), next);
        QTest::keyClick(&w, Qt::Key_Left);
        QTRY_VERIFY(w.playback()->position() < next);

        QTest::keyClick(&w, Qt::Key_BracketRight);
        QCOMPARE(w.playback()->speed(), 2.0);
        QTest::keyClick(&w, Qt::Key_BracketLeft);
        QTest::keyClick(&w, Qt::Key_BracketLeft);
        QCOMPARE(w.playback()->speed(), 0.5);
    }

    void processlistSortsNumerically()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        loadTestScenario(w);
        w.playback()->setPosition(2'000'000);
        QTableView *view = w.processlistView();
        const int time = w.processlistModel()->column(ProcesslistModel::Field::Time);
        view->sortByColumn(time, Qt::DescendingOrder);
        QAbstractItemModel *shown = view->model();
        QVERIFY(shown->rowCount() >= 2);
        for (int r = 1; r < shown->rowCount(); ++r)
            QVERIFY(shown->index(r - 1, time).data(ProcesslistModel::SortRole).toLongLong()
                    >= shown->index(r, time).data(ProcesslistModel::SortRole).toLongLong());
        // The kill menu still targets the row under the mouse.
        const qint64 firstId = shown->index(0, 0).data(ProcesslistModel::IdRole).toLongLong();
        KillMenu *menu = rightClickRow(w, firstId);
        QTRY_VERIFY(menu->isVisible());
        QCOMPARE(menu->targets().first().id, firstId);
        menu->hide();
    }

    void playbackKeysWorkWhereverTheFocusIs()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        loadTestScenario(w);
        w.processlistView()->setFocus();
        QTest::keyClick(w.processlistView(), Qt::Key_Space);
        QVERIFY(w.playback()->isPlaying());
        QTest::keyClick(w.processlistView(), Qt::Key_Space);
        QVERIFY(!w.playback()->isPlaying());
        w.swimlaneView()->setFocus();
        const qint64 next = w.playback()->nextEventTime();
        QTest::keyClick(w.swimlaneView(), Qt::Key_Right);
        QTRY_COMPARE(w.playback()->position(), next);
    }

    void ctrlWheelZooms()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        loadTestScenario(w);
        SwimlaneView *view = w.swimlaneView();
        const qint64 before = w.viewport()->visibleSpan();
        const QPoint pos(view->lanesRect().center());
        QWheelEvent wheel(pos, view->viewport()->mapToGlobal(pos), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        QVERIFY2(w.viewport()->visibleSpan() < before,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(w.viewport()->visibleSpan())));
    }

    void languageSwitchChangesVisibleTexts()
    {
        MainWindow w;
        loadTestScenario(w);
        w.playback()->setPosition(1'500'000);
        QTabWidget *tabs = w.bottomTabs();
        QCOMPARE(tabs->tabText(0), QStringLiteral("Processlist"));
        QCOMPARE(w.narrationModel()->currentText(), QStringLiteral("B waits for A's row lock."));
        QVERIFY(switchLanguage(QStringLiteral("zh_CN")));
        QVERIFY2(tabs->tabText(0) != QStringLiteral("Processlist"), qPrintable(tabs->tabText(0)));
        QCOMPARE(w.narrationModel()->currentText(), QStringLiteral("B 在等待 A 持有的行锁。"));
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QCOMPARE(tabs->tabText(0), QStringLiteral("Processlist"));
    }

    void narrationStepsAreClickable()
    {
        MainWindow w;
        loadTestScenario(w);
        auto *list = w.findChild<QTextBrowser *>(QStringLiteral("narrationList"));
        QVERIFY(list);
        const qint64 step = w.narrationModel()->steps().first().atUs;
        QVERIFY(list->toHtml().contains(QStringLiteral("#t%1").arg(step)));
        QVERIFY(list->toPlainText().contains(QStringLiteral("B waits for A's row lock.")));
        Q_EMIT list->anchorClicked(QUrl(QStringLiteral("#t%1").arg(step)));
        QTRY_COMPARE(w.playback()->position(), step);
        QCOMPARE(w.narrationModel()->currentRow(), 0);
    }

    void presentationModeToggles()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        loadTestScenario(w);
        w.playback()->setPosition(1'500'000);
        auto *caption = w.findChild<QLabel *>(QStringLiteral("captionLabel"));
        QVERIFY(caption);
        QVERIFY(!caption->isVisible());
        QTest::keyClick(&w, Qt::Key_F11);
        QVERIFY(w.isPresentationMode());
        QVERIFY(!w.menuBar()->isVisible());
        QVERIFY(!w.bottomTabs()->isVisible());
        QVERIFY(caption->isVisible());
        QCOMPARE(caption->text(), QStringLiteral("B waits for A's row lock."));
        // Type scales with the screen (30 px at 1080p; tst_presentation has the table).
        QVERIFY(QFontInfo(caption->font()).pixelSize()
                >= stagelayout::baseFontPx(w.screen()->geometry().height()));
        // Keyboard only: playback keys still work with the menus hidden.
        QTest::keyClick(&w, Qt::Key_Right);
        QTRY_VERIFY(w.playback()->position() > 1'500'000);
        QTest::keyClick(&w, Qt::Key_Escape);
        QVERIFY(!w.isPresentationMode());
        QVERIFY(w.menuBar()->isVisible());
        QVERIFY(w.bottomTabs()->isVisible());
        QVERIFY(!caption->isVisible());
    }

    void whatIfKnobsApplyAtThePlayhead()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        loadTestScenario(w);
        w.playback()->setPosition(4'000'000);
        auto *concurrency = w.findChild<QSpinBox *>(QStringLiteral("concurrencyKnob"));
        auto *apply = w.findChild<QPushButton *>(QStringLiteral("applyKnobsButton"));
        QVERIFY(concurrency && apply);
        concurrency->setValue(3);
        QTest::mouseClick(apply, Qt::LeftButton);
        w.simulation()->waitForRun();
        QCOMPARE(w.simulation()->injectionCount(), 1);
        QCOMPARE(w.simulation()->concurrencyAt(5'000'000), 3);
        QCOMPARE(w.simulation()->concurrencyAt(3'000'000), 0);
        auto *changes = w.findChild<QLabel *>(QStringLiteral("changesLabel"));
        QVERIFY(changes && changes->isVisible());
        QCOMPARE(changes->text(), QStringLiteral("4.000 s: SET GLOBAL innodb_thread_concurrency = 3"));
        auto *undo = w.findChild<QPushButton *>(QStringLiteral("undoChangesButton"));
        QTest::mouseClick(undo, Qt::LeftButton);
        w.simulation()->waitForRun();
        QCOMPARE(w.simulation()->injectionCount(), 0);
        QVERIFY(!changes->isVisible());
    }

    void chartsShowTheRun()
    {
        MainWindow w;
        loadTestScenario(w);
        auto *charts = w.findChild<ChartsPanel *>();
        QVERIFY(charts);
        QVERIFY(!charts->data().states.isEmpty());
        QVERIFY(!charts->statesView()->chart()->series().isEmpty());
        // Each state's area owns its two lines: they go with the chart it replaces.
        QList<QPointer<QLineSeries>> lines;
        for (QAbstractSeries *s : charts->statesView()->chart()->series())
            if (auto *area = qobject_cast<QAreaSeries *>(s))
                lines << area->upperSeries() << area->lowerSeries();
        QVERIFY(!lines.isEmpty());
        KillRequest r;
        r.target.id = 11;
        r.kind = KillKind::Connection;
        r.atUs = 2'000'000;
        w.simulation()->kill(r);
        w.simulation()->waitForRun();
        QCOMPARE(charts->data().latencies.size(), 1);
        QVERIFY(!charts->latencyView()->chart()->series().isEmpty());
        for (const QPointer<QLineSeries> &line : std::as_const(lines))
            QVERIFY2(line.isNull(), "an area's line outlived its chart");
    }

    void exportsWriteValidFiles()
    {
        MainWindow w;
        w.resize(1200, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        loadTestScenario(w);
        w.playback()->setPosition(2'000'000);
        QTemporaryDir dir;
        QString error;

        const QString png = dir.filePath(QStringLiteral("view.png"));
        QVERIFY2(w.exportPng(png, &error), qPrintable(error));
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800);

        const QString svg = dir.filePath(QStringLiteral("view.svg"));
        QVERIFY2(w.exportSvg(svg, &error), qPrintable(error));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains("</svg>"));

        const QString trace = dir.filePath(QStringLiteral("run.json"));
        QVERIFY2(w.exportTrace(trace, &error), qPrintable(error));
        QFile traceFile(trace);
        QVERIFY(traceFile.open(QIODevice::ReadOnly));
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(traceFile.readAll(), &pe);
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QVERIFY(doc.object().contains(QStringLiteral("traceEvents")));

        const QString csv = dir.filePath(QStringLiteral("processlist.csv"));
        QVERIFY2(w.exportProcesslistCsv(csv, &error), qPrintable(error));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QStringList lines
            = QString::fromUtf8(csvFile.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + w.processlistModel()->rowCount());
        QVERIFY(lines.first().startsWith(QStringLiteral("Id,User,Host,db,Command,Time,State,Info")));
    }

    void headlessPngForSlides()
    {
        QTemporaryDir dir;
        const QString scenario = dir.filePath(QStringLiteral("test-lock-wait.json"));
        {
            QFile f(scenario);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(testscenarios::LockWait);
        }
        PngRequest request;
        request.output = dir.filePath(QStringLiteral("slide.png"));
        request.scenario = scenario;
        request.atUs = 1'500'000;
        request.size = QSize(1024, 600);
        QCOMPARE(runPngExport(request), 0);
        const QImage image(request.output);
        QCOMPARE(image.size(), QSize(1024, 600));

        request.scenario = dir.filePath(QStringLiteral("missing.json"));
        QVERIFY(runPngExport(request) != 0);
    }

    void flavorPickerReRuns()
    {
        MainWindow w;
        loadTestScenario(w);
        auto *combo = w.findChild<QComboBox *>(QStringLiteral("flavorCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 3);
        const int maria = combo->findData(QStringLiteral("mariadb-10.11"));
        QVERIFY(maria >= 0);
        combo->setCurrentIndex(maria);
        Q_EMIT combo->activated(maria);
        w.simulation()->waitForRun();
        QCOMPARE(w.simulation()->flavorId(), QStringLiteral("mariadb-10.11"));
        QVERIFY(w.processlistModel()->column(ProcesslistModel::Field::Progress) >= 0);
        auto *concurrency = w.findChild<QSpinBox *>(QStringLiteral("concurrencyKnob"));
        QVERIFY(!concurrency->isEnabled()); // MariaDB has no InnoDB queue
        QVERIFY(w.windowTitle().contains(QStringLiteral("MariaDB 10.11")));
    }

    void layoutIsRemembered()
    {
        {
            MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.findChild<QDockWidget *>(QStringLiteral("knobsDock"))->hide();
            w.close(); // saves
        }
        MainWindow w;
        w.restoreLayout();
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!w.findChild<QDockWidget *>(QStringLiteral("knobsDock"))->isVisible());
        QVERIFY(w.findChild<QDockWidget *>(QStringLiteral("narrationDock"))->isVisible());
        QSettings().remove(QStringLiteral("window"));
    }

    void openedFilesBecomeRecent()
    {
        QSettings().remove(QStringLiteral("recentScenarios"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(testscenarios::LockWait);
        }
        MainWindow w;
        QVERIFY(w.openScenario(path));
        QCOMPARE(w.recentFiles(), QStringList{QFileInfo(path).absoluteFilePath()});
        QCOMPARE(w.simulation()->scenarioPath(), QFileInfo(path).absoluteFilePath());
        auto *recent = w.findChild<QMenu *>(QStringLiteral("recentMenu"));
        QVERIFY(recent && recent->isEnabled());
        auto *combo = w.findChild<QComboBox *>(QStringLiteral("scenarioCombo"));
        QCOMPARE(combo->currentData().toString(), QFileInfo(path).absoluteFilePath());
        // A broken file is reported and leaves the open scenario alone.
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"version\": 1}");
        }
        QVERIFY(!w.openScenario(broken));
        QCOMPARE(w.simulation()->scenarioId(), QStringLiteral("test-lock-wait"));
        QVERIFY(!w.statusBar()->currentMessage().isEmpty());
        QSettings().remove(QStringLiteral("recentScenarios"));
    }

    // Every GUI path that reads a scenario (File ▸ Open and the command line call openScenario,
    // Open Recent triggers it, --png loads through the same reader) refuses devices, fifos and
    // files over the size limit at once, with a message naming the file; nothing blocks.
    void badFilesAreRefusedOnEveryGuiPath()
    {
        QSettings().remove(QStringLiteral("recentScenarios"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(testscenarios::LockWait);
        }
        MainWindow w;
        QVERIFY(w.openScenario(path));
        // The recent file is now a fifo that nobody writes to: reading it would block forever.
        QVERIFY(QFile::remove(path));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        auto *recent = w.findChild<QMenu *>(QStringLiteral("recentMenu"));
        QVERIFY(recent && !recent->actions().isEmpty());
        recent->actions().first()->trigger();
        QCOMPARE(w.simulation()->scenarioId(), QStringLiteral("test-lock-wait"));
        QVERIFY2(w.statusBar()->currentMessage().contains(path + QStringLiteral(": is a fifo")),
                 qPrintable(w.statusBar()->currentMessage()));

        QVERIFY(!w.openScenario(QStringLiteral("/dev/zero")));
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("/dev/zero: is a device")),
                 qPrintable(w.statusBar()->currentMessage()));
        const QString big = dir.filePath(QStringLiteral("big.json"));
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(64 * 1024 * 1024)); // sparse
        }
        QVERIFY(!w.openScenario(big));
        QVERIFY2(
            w.statusBar()->currentMessage().contains(QStringLiteral("the 16777216 bytes (16 MiB)")),
            qPrintable(w.statusBar()->currentMessage()));
        QCOMPARE(w.simulation()->scenarioId(), QStringLiteral("test-lock-wait"));

        PngRequest request;
        request.output = dir.filePath(QStringLiteral("slide.png"));
        request.scenario = QStringLiteral("/dev/zero");
        QVERIFY(runPngExport(request) != 0);
        QVERIFY(!QFile::exists(request.output));
        request.scenario = big;
        QVERIFY(runPngExport(request) != 0);
        QSettings().remove(QStringLiteral("recentScenarios"));
    }

    // A run cut short by the engine's event cap is reported in the GUI and is an error for --png
    // (the picture of what ran is still written).
    void eventCapIsReported()
    {
        qputenv("KILLSCOPE_MAX_EVENTS", "200");
        MainWindow w;
        QVERIFY(w.openScenario(QStringLiteral("concurrency-queue")));
        w.simulation()->waitForRun();
        QVERIFY(w.simulation()->runWasStopped());
        QVERIFY2(
            w.statusBar()->currentMessage().contains(QStringLiteral("exceeded 200 engine events")),
            qPrintable(w.statusBar()->currentMessage()));
        QTemporaryDir dir;
        PngRequest request;
        request.output = dir.filePath(QStringLiteral("slide.png"));
        request.scenario = QStringLiteral("concurrency-queue");
        QCOMPARE(runPngExport(request), 2);
        QVERIFY(QFile::exists(request.output));
        qunsetenv("KILLSCOPE_MAX_EVENTS");
        QVERIFY(w.openScenario(QStringLiteral("concurrency-queue")));
        w.simulation()->waitForRun();
        QVERIFY(!w.simulation()->runWasStopped());
        request.output = dir.filePath(QStringLiteral("full.png"));
        QCOMPARE(runPngExport(request), 0);
    }

    // Every panel paints something; with KS_SHOT_DIR set, the pictures are kept for a look.
    void panelsRender_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }
    void panelsRender()
    {
        QFETCH(QString, language);
        QVERIFY(switchLanguage(language));
        MainWindow w;
        w.resize(1500, 950);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        if (!SimulationSource::builtinScenarios().isEmpty())
            QVERIFY(w.openScenario(QStringLiteral("big-update-kill-connection")));
        else
            loadTestScenario(w);
        w.simulation()->waitForRun();
        w.playback()->setPosition(w.playback()->end() * 2 / 3);
        const QString dir = qEnvironmentVariable("KS_SHOT_DIR");
        for (int i = 0; i < w.bottomTabs()->count(); ++i) {
            w.bottomTabs()->setCurrentIndex(i);
            QCoreApplication::processEvents();
            const QImage image = w.grab().toImage();
            QVERIFY(!image.isNull());
            QWidget *page = w.bottomTabs()->widget(i);
            const QImage pageImage = page->grab().toImage();
            QSet<QRgb> colours;
            for (int y = 0; y < pageImage.height(); y += 7)
                for (int x = 0; x < pageImage.width(); x += 7)
                    colours.insert(pageImage.pixel(x, y));
            QVERIFY2(colours.size() > 2, qPrintable(page->objectName()));
            if (!dir.isEmpty())
                image.save(QStringLiteral("%1/%2-%3.png").arg(dir, language, page->objectName()));
        }
        w.setPresentationMode(true);
        QCoreApplication::processEvents();
        if (!dir.isEmpty())
            w.grab().toImage().save(QStringLiteral("%1/%2-presentation.png").arg(dir, language));
        w.setPresentationMode(false);
    }

    void defaultScenarioOpens()
    {
        if (SimulationSource::builtinScenarios().isEmpty())
            QSKIP("built-in scenarios are not compiled in");
        MainWindow w;
        QVERIFY(w.openScenario(SimulationSource::defaultScenarioId()));
        w.simulation()->waitForRun();
        QCOMPARE(w.simulation()->scenarioId(), QStringLiteral("concurrency-queue"));
        QVERIFY(w.narrationModel()->rowCount() > 0);
    }
};

QTEST_MAIN(TestExplorer)
#include "tst_explorer.moc"
