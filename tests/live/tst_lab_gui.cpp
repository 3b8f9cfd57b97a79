// Scenario ▸ Run on a server… for real: the main window's lab controller runs lock-wait-kill on
// the throwaway MariaDB on its worker thread while the GUI thread stays free, and the lab window
// then shows the simulated and the real lanes side by side with the differences.
//
// With KS_LAB_SCREENSHOTS=DIR the window is also saved as DIR/lab-en.png and DIR/lab-zh_CN.png,
// and KS_LAB_HOLD_MS keeps it on screen that long in each language (for screenshots of the real
// window under Xvfb).

#include "heartbeat.h"
#include "labcontroller.h"
#include "labdiffmodel.h"
#include "labmode.h"
#include "labwindow.h"
#include "language.h"
#include "mainwindow.h"
#include "resources.h"
#include "swimlaneview.h"
#include "testserver.h"
#include "timelineviewport.h"

#include <QCheckBox>
#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace ks;

class TestLabGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initResources(); }

    void runOnAServer()
    {
        const test::TestServer server = test::TestServer::fromEnvironment();
        KS_REQUIRE_SERVER(server);
        MainWindow window;
        LabController lab(&window);
        window.resize(1200, 800);
        window.show();
        QVERIFY(window.openScenario(QStringLiteral("lock-wait-kill")));

        ConnectionSettings settings;
        settings.socket = server.socket;
        settings.user = server.labUser;
        settings.password = server.labPassword;
        settings.tls = ConnectionSettings::TlsMode::Disabled;
        LabOptions options;
        options.scenario = QStringLiteral("lock-wait-kill");
        options.force = true; // the fixture's server has its own database, testdb
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(300);
        QSignalSpy finished(&lab, &LabController::finished);
        lab.start(settings, options);
        QVERIFY(lab.isRunning());
        QVERIFY(lab.labWindow());
        // The windows' first paint is not the run: measure once both are on screen.
        QVERIFY(QTest::qWaitForWindowExposed(lab.labWindow()));
        QTest::qWait(100);
        test::Heartbeat heartbeat; // the GUI thread must stay responsive while the run goes on
        heartbeat.start();
        QVERIFY(finished.wait(180000));
        heartbeat.stop();
        QVERIFY2(heartbeat.maxBlockMs() < test::Heartbeat::limitMs(),
                 qPrintable(QString::number(heartbeat.maxBlockMs())));
        QVERIFY(!lab.isRunning());

        LabWindow *w = lab.labWindow();
        QVERIFY(w->outcome());
        QVERIFY2(w->outcome()->compared, qPrintable(w->outcome()->error));
        QCOMPARE(w->pairs().size(), 3);
        for (const LabTimeline::Pair &p : w->pairs()) {
            QVERIFY(!p.simLanes.isEmpty());
            QVERIFY(!p.realLanes.isEmpty());
            QVERIFY(w->timeline().segmentCount(p.realLanes.constFirst()) > 0);
        }

        const QString dir = qEnvironmentVariable("KS_LAB_SCREENSHOTS");
        const int hold = qEnvironmentVariableIntValue("KS_LAB_HOLD_MS");
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            w->resize(1600, 1000);
            w->raise();
            // Timing checks shown too, B's group open: what a first look at a run shows.
            w->findChild<QCheckBox *>(QStringLiteral("labShowTimingOk"))->setChecked(true);
            for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
                QVERIFY(switchLanguage(lang));
                QTest::qWait(300);
                if (hold > 0)
                    QTest::qWait(hold);
                QVERIFY(w->grab().save(QDir(dir).filePath(QStringLiteral("lab-%1.png").arg(lang))));
            }
            switchLanguage(QStringLiteral("en"));
        }
        // What the server showed and said matches (timing differences are listed, tst_lab_live).
        const LabComparison &c = w->outcome()->comparison;
        QCOMPARE(c.count(LabDiff::Class::Text, false) + c.count(LabDiff::Class::State, false) +
                     c.count(LabDiff::Class::Outcome, false),
                 0);
    }
};

QTEST_MAIN(TestLabGui)
#include "tst_lab_gui.moc"
