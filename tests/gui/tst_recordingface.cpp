// A recording opened in the window wears the face of the server it was recorded on: its
// host:port, version, flavor and recorded span in the tool bar (not the simulation's scenario
// and flavor pickers), the playback bar and keys to replay it, one processlist and one kills
// table, and none of the simulation's docks or tabs.
#include "livecontroller.h"
#include "liveprocesslistpanel.h"
#include "mainwindow.h"
#include "playbackcontroller.h"
#include "processlistmodel.h"
#include "recordingcontroller.h"
#include "recordingformat.h"
#include "recordingsource.h"
#include "recordingwriter.h"
#include "samplercostwidget.h"
#include "sessiondetailspanel.h"
#include "swimlaneview.h"
#include "timelineviewport.h"

#include <QDockWidget>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QtTest>

using namespace ks;

namespace {

// Twelve samples, one second apart, of a session that runs, is killed and rolls back; the
// server a MariaDB 10.11 reached as ksadmin@db.example:3307.
QString writeRecording(const QString &path, qint64 epochMs)
{
    RecordingWriter w;
    QString error;
    QJsonObject meta;
    meta.insert(QStringLiteral("clock_origin_epoch_ms"), QString::number(epochMs));
    if (!w.openFile(path, meta, RecordingFormat::DefaultMaxBytes, 4, &error)) {
        qWarning() << error;
        return {};
    }
    ConnectionSettings settings;
    settings.host = QStringLiteral("db.example");
    settings.port = 3307;
    settings.user = QStringLiteral("ksadmin");
    w.writeServer(0, epochMs,
                  RecordingFormat::serverToJson(
                      ServerInfo::parseVersion(QStringLiteral("10.11.19-MariaDB-0+deb12u1")),
                      settings, false));
    for (int i = 0; i < 12; ++i) {
        LiveSample s;
        s.takenUs = 1'000'000 + i * 1'000'000;
        s.startedUs = s.takenUs - 300;
        ProcesslistRow r;
        r.id = 42;
        r.user = QStringLiteral("app");
        r.host = QStringLiteral("10.0.0.5:5544");
        r.db = QStringLiteral("shop");
        r.command = i < 6 ? QStringLiteral("Query") : QStringLiteral("Killed");
        r.timeMs = s.takenUs / 1000;
        r.info = QStringLiteral("UPDATE orders SET state = 'archived'");
        r.trxState = i < 6 ? QStringLiteral("RUNNING") : QStringLiteral("ROLLING BACK");
        r.trxRowsModified = i < 6 ? 100'000 * (i + 1) : 600'000 - 90'000 * (i - 5);
        r.trxRowsLocked = r.trxRowsModified;
        r.trxAgeS = i + 1;
        s.rows << r;
        w.writeSample(s, epochMs + s.takenUs / 1000);
    }
    w.close();
    return path;
}

} // namespace

class TestRecordingFace : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void recordingShowsItsServerNotTheScenario()
    {
        QVERIFY(m_tmp.isValid());
        // 2026-12-01 17:02:03 local time.
        const QDateTime at(QDate(2026, 12, 1), QTime(17, 2, 3));
        const QString path =
            writeRecording(m_tmp.filePath(QStringLiteral("face.ksrec")), at.toMSecsSinceEpoch());
        QVERIFY(!path.isEmpty());

        MainWindow window;
        LiveController live(&window);
        RecordingController recordings(&window, &live);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *scenarioCombo = window.findChild<QWidget *>(QStringLiteral("scenarioCombo"));
        auto *flavorCombo = window.findChild<QWidget *>(QStringLiteral("flavorCombo"));
        auto *label = window.findChild<QLabel *>(QStringLiteral("recordingServerLabel"));
        QVERIFY(scenarioCombo && flavorCombo && label);
        QVERIFY(scenarioCombo->isVisible());
        QVERIFY(!label->isVisible());

        qRegisterMetaType<RecordingSource *>();
        QSignalSpy opened(&recordings, &RecordingController::opened);
        recordings.openRecording(path);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
        QCOMPARE(window.face(), MainWindow::Face::Recording);
        QVERIFY(!window.isSimulationFace());

        // The tool bar: the recording's server and span, nothing of the simulation's.
        QTRY_VERIFY(label->isVisible());
        const QString text = label->text();
        QVERIFY2(text.contains(QStringLiteral("db.example:3307")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("ksadmin")),
                 qPrintable(text)); // the server, not the account
        QVERIFY2(text.contains(QStringLiteral("10.11.19-MariaDB")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("MariaDB 10.11")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("2026-12-01 17:02:04 – 17:02:15 (11 s)")),
                 qPrintable(text));
        QVERIFY(!scenarioCombo->isVisible());
        QVERIFY(!flavorCombo->isVisible());
        auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("playbackToolBar"));
        QVERIFY(toolBar);
        for (QLabel *l : toolBar->findChildren<QLabel *>()) {
            if (!l->isVisible())
                continue;
            QVERIFY2(!l->text().contains(QStringLiteral("Scenario")), qPrintable(l->text()));
            QVERIFY2(!l->text().contains(QStringLiteral("MySQL 5.7")), qPrintable(l->text()));
        }
        // Live mode's own readouts belong to a live server, not to a file.
        QVERIFY(!live.serverLabel()->isVisible());
        QVERIFY(!live.costWidget()->isVisible());

        // No simulation docks or tabs; one processlist, one kills table; playback to replay.
        for (const char *name : {"narrationDock", "knobsDock"}) {
            auto *dock = window.findChild<QDockWidget *>(QLatin1String(name));
            QVERIFY2(dock && !dock->isVisible(), name);
        }
        // The session details pane reads the recording: the row chosen, at the playhead.
        auto *detailsDock = window.findChild<QDockWidget *>(QStringLiteral("sessionDetailsDock"));
        QVERIFY(detailsDock && detailsDock->isVisible());
        window.playback()->setPosition(3'500'000);
        QTRY_COMPARE(window.processlistModel()->rowCount(), 1);
        window.processlistView()->selectRow(0);
        SessionDetailsPanel *details = live.detailsPanel();
        QCOMPARE(details->sessionId(), 42);
        QCOMPARE(details->statementText(), QStringLiteral("UPDATE orders SET state = 'archived'"));
        QVERIFY2(details->detailsText().contains(QStringLiteral("RUNNING")),
                 qPrintable(details->detailsText()));
        QVERIFY2(details->detailsText().contains(QLocale().toString(300'000)),
                 qPrintable(details->detailsText()));
        window.playback()->setPosition(9'500'000);
        QVERIFY2(details->detailsText().contains(QStringLiteral("ROLLING BACK")),
                 qPrintable(details->detailsText()));
        QTabWidget *tabs = window.bottomTabs();
        QCOMPARE(tabs->indexOf(window.findChild<QWidget *>(QStringLiteral("transcriptView"))), -1);
        QVERIFY(tabs->indexOf(static_cast<QWidget *>(window.processlistView())) >= 0);
        QVERIFY(tabs->indexOf(window.findChild<QWidget *>(QStringLiteral("killsView"))) >= 0);
        QVERIFY(tabs->indexOf(live.processlistPanel()) < 0);
        QVERIFY(window.findChild<QWidget *>(QStringLiteral("playbackBar"))->isVisible());
        auto *next = window.findChild<QAction *>(QStringLiteral("nextEventAction"));
        QVERIFY(next && next->isEnabled());
        window.grab().save(qEnvironmentVariable("KS_SCREENSHOT_DIR", m_tmp.path()) +
                           QStringLiteral("/recording-face.png"));

        // Back to the simulation: its face again.
        window.setSource(nullptr);
        QCOMPARE(window.face(), MainWindow::Face::Simulation);
        QTRY_VERIFY(scenarioCombo->isVisible()); // the tool bar lays out on the next pass
        QTRY_VERIFY(!label->isVisible());
        QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("narrationDock"))->isVisible());
        QVERIFY(tabs->indexOf(window.findChild<QWidget *>(QStringLiteral("transcriptView"))) >= 0);
    }
};

QTEST_MAIN(TestRecordingFace)
#include "tst_recordingface.moc"
