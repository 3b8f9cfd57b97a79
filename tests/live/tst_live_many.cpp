#include "connectionholder.h"
#include "livecontroller.h"
#include "liveprocesslistpanel.h"
#include "livesource.h"
#include "mainwindow.h"
#include "processlistfilter.h"
#include "processlistmodel.h"
#include "swimlaneview.h"
#include "testserver.h"
#include "timelineviewport.h"

#include <QApplication>
#include <QProcess>
#include <QtTest>

using namespace ks;
using ks::test::ConnectionHolder;
using ks::test::TestServer;

// The live window attached to a server with a few thousand connections (held open by
// ks_hold_connections, a process of its own): every session gets its row and its lane, sessions
// that come and go are followed, and the table's selection survives the refreshes. Functional
// only; what it costs is measured by bench_live_scale.
class TestLiveMany : public QObject
{
    Q_OBJECT
    static constexpr int Idle = 2000;
    TestServer m_server;
    ConnectionHolder m_holder;
    std::unique_ptr<MainWindow> m_window;
    LiveController *m_live = nullptr;

    QByteArray holder(const QByteArray &command) { return m_holder.command(command, 60000); }

    QList<qint64> heldIds()
    {
        QList<qint64> ids;
        const QList<QByteArray> words = holder("ids").split(' ');
        for (qsizetype i = 1; i < words.size(); ++i)
            ids << words[i].toLongLong();
        return ids;
    }

    int laneCountOf(const QList<qint64> &ids) const
    {
        const Timeline &tl = m_live->source()->timeline();
        int n = 0;
        for (qint64 id : ids) {
            const int lane = tl.findLane(id);
            n += lane >= 0 && !tl.lane(lane).closed;
        }
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = TestServer::fromEnvironment();
        KS_REQUIRE_SERVER(m_server);
        QString error;
        QVERIFY2(m_holder.start(m_server, &error), qPrintable(error));
        QCOMPARE(holder("idle " + QByteArray::number(Idle)), "idle " + QByteArray::number(Idle));

        m_window = std::make_unique<MainWindow>();
        m_live = new LiveController(m_window.get());
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        ConnectionSettings s;
        s.host = QStringLiteral("localhost");
        s.socket = m_server.socket;
        s.user = m_server.adminUser;
        s.password = m_server.adminPassword;
        s.database = m_server.database;
        m_live->connectTo(s);
        QTRY_VERIFY_WITH_TIMEOUT(m_live->source() != nullptr, 20000);
        m_live->source()->setIntervalMs(250);
        QTRY_VERIFY_WITH_TIMEOUT(m_live->source()->sampleCount() >= 3, 20000);
    }

    void everySessionHasItsRowAndLane()
    {
        const QList<qint64> ids = heldIds();
        QCOMPARE(ids.size(), Idle);
        QTRY_COMPARE_WITH_TIMEOUT(laneCountOf(ids), Idle, 10000);
        ProcesslistModel *model = m_window->processlistModel();
        for (qint64 id : {ids.first(), ids[Idle / 2], ids.last()}) {
            const int row = model->rowOfId(id);
            QVERIFY2(row >= 0, qPrintable(QString::number(id)));
            QCOMPARE(model->rowAt(row).command, QStringLiteral("Sleep"));
            QCOMPARE(model->rowAt(row).user, m_server.adminUser);
        }
        // The live sessions table (sorted, filtered) shows them all, the own connections hidden.
        ProcesslistFilterModel *shown = m_live->processlistPanel()->filter();
        QTRY_VERIFY_WITH_TIMEOUT(shown->rowCount() >= Idle, 10000);
        for (int r = 0; r < shown->rowCount(); ++r)
            QVERIFY(!m_live->source()->currentRow(shown->idAt(r))->own);
    }

    void selectionSurvivesRefreshes()
    {
        const QList<qint64> ids = heldIds();
        const qint64 picked = ids[Idle / 3];
        m_live->processlistPanel()->selectId(picked);
        QCOMPARE(m_live->processlistPanel()->selectedIds(), QList<qint64>{picked});
        const quint64 at = m_live->source()->sampleCount();
        QTRY_VERIFY_WITH_TIMEOUT(m_live->source()->sampleCount() >= at + 4, 10000);
        QCOMPARE(m_live->processlistPanel()->selectedIds(), QList<qint64>{picked});
    }

    void comingAndGoingIsFollowed()
    {
        const QList<qint64> before = heldIds();
        // Forty connections a second are replaced by new ones for two seconds.
        QVERIFY(!holder("churn 40").isEmpty());
        QTest::qWait(2000);
        QVERIFY(!holder("churn 0").isEmpty());
        const QList<qint64> after = heldIds();
        QCOMPARE(after.size(), Idle);
        QList<qint64> gone, fresh;
        for (qint64 id : before)
            if (!after.contains(id))
                gone << id;
        for (qint64 id : after)
            if (!before.contains(id))
                fresh << id;
        QVERIFY2(gone.size() >= 20, qPrintable(QString::number(gone.size())));
        QCOMPARE(fresh.size(), gone.size());
        const Timeline &tl = m_live->source()->timeline();
        QTRY_COMPARE_WITH_TIMEOUT(laneCountOf(after), Idle, 10000);
        ProcesslistModel *model = m_window->processlistModel();
        for (qint64 id : gone) {
            QTRY_VERIFY_WITH_TIMEOUT(model->rowOfId(id) < 0, 5000);
            const int lane = tl.findLane(id);
            QVERIFY(lane >= 0);
            QVERIFY(tl.lane(lane).closed);
        }
        for (qint64 id : fresh)
            QVERIFY(model->rowOfId(id) >= 0);
    }

    void cleanupTestCase()
    {
        // Detached first: a controller still attached while the window is torn down would reach
        // into the half-destroyed window.
        if (m_live)
            m_live->disconnectFromServer();
        m_window.reset();
        m_holder.stop(30000);
    }
};

QTEST_MAIN(TestLiveMany)
#include "tst_live_many.moc"
