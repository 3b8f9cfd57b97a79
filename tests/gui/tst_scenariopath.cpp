// The path through the scenarios, through the real main window offscreen: Scenario ▸ Start Here
// in the order one learns, each with its question; the scenario picker in the same order;
// Scenario ▸ Readers' Questions, each opening its scenario at the moment that answers it; and
// Scenario ▸ Restart Server at Playhead (the what-if restart), in zh_CN and en.

#include "language.h"
#include "mainwindow.h"
#include "playbackcontroller.h"
#include "resources.h"
#include "runresult.h"
#include "scenariopath.h"
#include "simulationsource.h"
#include "timeline.h"

#include <QAction>
#include <QComboBox>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStatusBar>
#include <QtTest>

using namespace ks;

namespace {

QMenu *menu(MainWindow &w, const char *name)
{
    return w.findChild<QMenu *>(QString::fromLatin1(name));
}

QList<QAction *> items(QMenu *m)
{
    QList<QAction *> out;
    for (QAction *a : m->actions())
        if (!a->isSeparator())
            out << a;
    return out;
}

} // namespace

class TestScenarioPath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        initResources();
        QVERIFY(switchLanguage(QStringLiteral("en")));
    }
    void cleanup() { QVERIFY(switchLanguage(QStringLiteral("en"))); }

    // Every built-in scenario is on the path exactly once, in the lesson's order.
    void startHereCoversEveryScenario()
    {
        QStringList path;
        for (const ScenarioPath::Stop &s : ScenarioPath::startHere()) {
            path << s.scenarioId;
            QVERIFY2(s.question.endsWith(QLatin1Char('?')), qPrintable(s.question));
        }
        QStringList builtin;
        for (const auto &e : SimulationSource::builtinScenarios())
            builtin << e.id;
        QStringList sortedPath = path;
        sortedPath.sort();
        builtin.sort();
        QCOMPARE(sortedPath, builtin);
        QCOMPARE(
            path.mid(0, 4),
            (QStringList{QStringLiteral("lock-wait-kill"), QStringLiteral("concurrency-queue"),
                         QStringLiteral("big-update-kill-connection"), QStringLiteral("ctrl-c")}));
    }

    void menuAndPickerFollowThePath()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QList<QAction *> stops = items(menu(w, "startHereMenu"));
        const QList<ScenarioPath::Stop> path = ScenarioPath::startHere();
        QCOMPARE(stops.size(), path.size());
        for (int i = 0; i < path.size(); ++i) {
            QCOMPARE(stops[i]->data().toString(), path[i].scenarioId);
            QCOMPARE(stops[i]->text(), QStringLiteral("%1. %2").arg(i + 1).arg(path[i].question));
            QVERIFY(!stops[i]->toolTip().isEmpty());
        }
        auto *picker = w.findChild<QComboBox *>(QStringLiteral("scenarioCombo"));
        QVERIFY(picker);
        for (int i = 0; i < path.size(); ++i)
            QCOMPARE(picker->itemData(i).toString(), path[i].scenarioId);
        // Choosing a stop opens it.
        stops[2]->trigger();
        QCOMPARE(w.simulation()->scenarioId(), path[2].scenarioId);
    }

    void questions_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<QString>("event"); // what the run shows at the moment
        QTest::newRow("connection-vs-query") << "connection-vs-query"
                                             << "big-update-kill-connection"
                                             << "mariadb-10.11"
                                             << "rollback";
        QTest::newRow("seats-and-kill") << "seats-and-kill"
                                        << "concurrency-queue"
                                        << "mysql-5.7"
                                        << "kill";
        QTest::newRow("queue-kill-works") << "queue-kill-works"
                                          << "concurrency-queue"
                                          << "mysql-8.0"
                                          << "noticed";
        QTest::newRow("restart-or-wait") << "restart-or-wait"
                                         << "restart-or-wait"
                                         << "mariadb-10.11"
                                         << "recovered";
        QTest::newRow("alter") << "alter"
                               << "ddl-kill"
                               << "mysql-8.0"
                               << "noticed";
        QTest::newRow("long-transaction") << "long-transaction"
                                          << "idle-transaction-kill"
                                          << "mariadb-10.11"
                                          << "rollback";
        QTest::newRow("ctrl-c-general-log") << "ctrl-c-general-log"
                                            << "ctrl-c"
                                            << "mysql-8.0"
                                            << "helper";
    }
    // Choosing a question opens its scenario, paused at the moment that answers it.
    void questions()
    {
        QFETCH(QString, id);
        QFETCH(QString, scenario);
        QFETCH(QString, flavor);
        QFETCH(QString, event);
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction *a = w.findChild<QAction *>(QStringLiteral("question_%1").arg(id));
        QVERIFY(a);
        QVERIFY(items(menu(w, "readersQuestionsMenu")).contains(a));
        a->trigger();
        w.simulation()->waitForRun();
        QCOMPARE(w.simulation()->scenarioId(), scenario);
        QCOMPARE(w.simulation()->flavorId(), flavor);
        const qint64 t = w.playback()->position();
        QVERIFY(t > 0);
        QVERIFY(!w.playback()->isPlaying());
        QVERIFY(!w.statusBar()->currentMessage().isEmpty());
        QCOMPARE(w.statusBar()->currentMessage(), a->toolTip());
        // The moment shows what the answer speaks of.
        const sim::RunResult &r = *w.simulation()->result();
        bool shows = false;
        for (const sim::Lane &l : r.lanes) {
            const sim::LaneSegment *s = r.segmentAt(l.index, t);
            if (event == u"rollback")
                shows = shows || (s && s->state == sim::LaneState::RollingBack);
            if (event == u"recovered")
                shows =
                    shows || (s && s->state == sim::LaneState::RollingBack && l.processlistId == 0);
            if (event == u"helper")
                shows = shows || (l.client == sim::ClientKind::Helper && t >= l.createdAt &&
                                  (l.goneAt < 0 || t <= l.goneAt));
        }
        for (const sim::KillRecord &k : r.kills) {
            if (event == u"kill")
                shows = shows || k.issued == t;
            if (event == u"noticed")
                shows = shows || k.noticed == t;
        }
        QVERIFY2(shows, qPrintable(QStringLiteral("%1 at %2").arg(event).arg(t)));
    }

    void questionsInChinese()
    {
        QVERIFY(switchLanguage(QStringLiteral("zh_CN")));
        MainWindow w;
        const QList<QAction *> qs = items(menu(w, "readersQuestionsMenu"));
        QCOMPARE(qs.size(), ScenarioPath::readerQuestions().size());
        static const QRegularExpression han(QStringLiteral("\\p{Han}"));
        for (QAction *a : qs) {
            QVERIFY2(a->text().contains(han), qPrintable(a->text()));
            QVERIFY2(a->toolTip().contains(han), qPrintable(a->toolTip()));
        }
        for (QAction *a : items(menu(w, "startHereMenu")))
            QVERIFY2(a->text().contains(han), qPrintable(a->text()));
        QCOMPARE(menu(w, "scenarioMenu")->title(), QStringLiteral("场景(&S)"));
    }

    // No scenario text sends the reader to a document they do not have.
    void noInternalReferences()
    {
        static const QRegularExpression internal(
            QStringLiteral("\\bDemo [A-Z]\\b|of the reference|kill-semantics|演示 [A-Z]|参考文档"));
        for (const auto &e : SimulationSource::builtinScenarios()) {
            SimulationSource s;
            QVERIFY(s.loadBuiltin(e.id));
            s.waitForRun();
            QStringList texts{e.titleEn, e.titleZh, e.summaryEn, e.summaryZh};
            for (const sim::NarrationStep &n : s.result()->narration)
                texts << QString::fromStdString(n.en) << QString::fromStdString(n.zh_CN);
            for (const QString &t : texts)
                QVERIFY2(!internal.match(t).hasMatch(),
                         qPrintable(e.id + QStringLiteral(": ") + t));
        }
    }

    // Both branches in one processlist: each branch's rows together, and a waiter's blocker is
    // found in its own branch (the same ids and lock keys exist in both).
    void branchesKeepTheirProcesslists()
    {
        SimulationSource s;
        QVERIFY(s.loadBuiltin(QStringLiteral("restart-or-wait"), QStringLiteral("mariadb-10.11")));
        s.waitForRun();
        const QList<ProcesslistRow> rows = s.processlistAt(11'000'000);
        // Wait: 11 (Killed, rolling back), 12 (B waits), 13, 14; Restart: 15 (B again), 16, 17.
        QList<qint64> ids;
        for (const ProcesslistRow &r : rows)
            ids << r.id;
        QCOMPARE(ids.mid(0, 4), (QList<qint64>{11, 12, 13, 14}));
        QVERIFY(!ids.mid(4).contains(11)); // the restart branch's A is gone
        QCOMPARE(rows[1].blockedBy, qint64(11));
        // The restart branch's B waits for the recovered transaction: thread id 0, no session.
        for (const ProcesslistRow &r : rows.mid(4))
            if (r.info.contains(QStringLiteral("id=1")))
                QCOMPARE(r.blockedBy, qint64(0));
    }

    // Scenario ▸ Restart Server at Playhead: a restart at the playhead, listed as a change.
    void restartAtPlayhead()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openScenario(QStringLiteral("big-update-kill-connection"),
                               QStringLiteral("mariadb-10.11")));
        w.simulation()->waitForRun();
        w.playback()->setPosition(3'000'000);
        QAction *restart = w.findChild<QAction *>(QStringLiteral("restartServerAction"));
        QVERIFY(restart);
        QVERIFY(items(menu(w, "scenarioMenu")).contains(restart));
        restart->trigger();
        w.simulation()->waitForRun();
        QCOMPARE(w.simulation()->injectionCount(), 1);
        QCOMPARE(w.simulation()->injections().front().knob, QStringLiteral("restart"));
        QCOMPARE(w.simulation()->injections().front().atUs, qint64(3'000'000));
        const sim::RunResult &r = *w.simulation()->result();
        qint64 down = -1, up = -1;
        for (const sim::Event &e : r.events) {
            if (e.type == sim::EventType::ServerDown)
                down = e.t;
            if (e.type == sim::EventType::ServerUp)
                up = e.t;
        }
        QCOMPARE(down, qint64(3'000'000));
        QCOMPARE(up, qint64(5'500'000));
        // The marker on the axis and the line in "Your changes".
        const Timeline &t = w.simulation()->timeline();
        bool marker = false;
        for (const TimelineMarker &m : t.markerList())
            marker =
                marker || (m.time == 3'000'000 && t.string(m.label) == QStringLiteral("restart=1"));
        QVERIFY(marker);
        auto *changes = w.findChild<QWidget *>(QStringLiteral("changesLabel"));
        QVERIFY(changes);
        QVERIFY2(
            changes->property("text").toString().contains(QStringLiteral("restart the server")),
            qPrintable(changes->property("text").toString()));
        // The knob by name is the same thing (one table for every path).
        QString error;
        QVERIFY(!w.simulation()->applyKnob(1'000'000, QStringLiteral("restart"), 2, &error));
        QVERIFY2(error.contains(QStringLiteral("only the value 1")), qPrintable(error));
        QVERIFY(w.simulation()->applyKnob(4'000'000, QStringLiteral("io_pressure"), 2, &error));
        w.simulation()->waitForRun();
        QCOMPARE(w.simulation()->injectionCount(), 2);
    }
};

QTEST_MAIN(TestScenarioPath)
#include "tst_scenariopath.moc"
