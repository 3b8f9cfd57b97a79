#include "playbackcontroller.h"

#include <QSignalSpy>
#include <QtTest>

using namespace ks;

class TestPlaybackController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stepsBetweenEvents_data()
    {
        QTest::addColumn<qlonglong>("from");
        QTest::addColumn<qlonglong>("next");
        QTest::addColumn<qlonglong>("previous");
        // Events at 100, 300, 300 (duplicate), 700; range [0, 1000].
        QTest::newRow("start") << 0LL << 100LL << 0LL;
        QTest::newRow("on an event") << 300LL << 700LL << 100LL;
        QTest::newRow("between") << 500LL << 700LL << 300LL;
        QTest::newRow("after the last") << 800LL << 1000LL << 700LL;
        QTest::newRow("at the end") << 1000LL << 1000LL << 700LL;
    }
    void stepsBetweenEvents()
    {
        QFETCH(qlonglong, from);
        QFETCH(qlonglong, next);
        QFETCH(qlonglong, previous);
        PlaybackController p;
        p.setStepResolution(1);
        p.setRange(0, 1000);
        p.setEventTimes({700, 300, 100, 300});
        QCOMPARE(p.eventTimes(), (QList<qint64>{100, 300, 700}));

        p.setPosition(from);
        p.stepForward();
        QTRY_COMPARE(p.position(), next);
        p.setPosition(from);
        p.stepBackward();
        QTRY_COMPARE(p.position(), previous);
    }

    void repeatedStepsAddUpDuringAGlide()
    {
        PlaybackController p;
        p.setStepResolution(1);
        p.setRange(0, 1000);
        p.setEventTimes({100, 200, 300});
        p.stepForward();
        p.stepForward();
        p.stepForward();
        QTRY_COMPARE(p.position(), 300);
    }

    void playsInRealTimeTimesSpeed()
    {
        PlaybackController p;
        p.setRange(0, 10'000'000);
        p.setSpeed(5.0);
        QSignalSpy playing(&p, &PlaybackController::playingChanged);
        QElapsedTimer clock;
        clock.start();
        p.play();
        QVERIFY(p.isPlaying());
        QTest::qWait(200);
        const qint64 elapsedUs = clock.nsecsElapsed() / 1000;
        p.pause();
        QCOMPARE(playing.count(), 2);
        // Within a frame or two of wall time × speed.
        QVERIFY2(p.position() > 0 && p.position() <= elapsedUs * 5 + 1000,
                 qPrintable(QString::number(p.position())));
        QVERIFY(p.position() >= (elapsedUs - 80'000) * 5);
    }

    void stopsAtTheEndAndRestarts()
    {
        PlaybackController p;
        p.setRange(0, 50'000);
        p.setSpeed(PlaybackController::MaxSpeed);
        p.play();
        QTRY_VERIFY(!p.isPlaying());
        QCOMPARE(p.position(), 50'000);
        p.play(); // from the end: starts over
        QVERIFY(p.position() < 50'000);
        p.pause();
        p.setPosition(30'000);
        p.restart();
        QTRY_COMPARE(p.position(), 0);
    }

    void speedIsClampedAndStepped()
    {
        PlaybackController p;
        p.setSpeed(100);
        QCOMPARE(p.speed(), PlaybackController::MaxSpeed);
        p.setSpeed(0.001);
        QCOMPARE(p.speed(), PlaybackController::MinSpeed);
        p.faster();
        QCOMPARE(p.speed(), 0.25);
        p.setSpeed(1.0);
        p.slower();
        QCOMPARE(p.speed(), 0.5);
        p.setSpeed(20.0);
        p.faster();
        QCOMPARE(p.speed(), 20.0);
    }

    void scrubbingHoldsPlayback()
    {
        PlaybackController p;
        p.setRange(0, 10'000'000);
        p.play();
        p.beginScrub();
        QVERIFY(!p.isPlaying());
        p.scrubTo(4'000'000);
        QCOMPARE(p.position(), 4'000'000);
        p.scrubTo(-5);
        QCOMPARE(p.position(), 0);
        p.endScrub();
        QVERIFY(p.isPlaying());
        p.pause();
    }

    // Events closer than the resolution (1 ms: what the time display shows) are one moment: each
    // press of → or ← lands on a time the display has not shown yet.
    void stepsLandOnDistinctMoments()
    {
        PlaybackController p;
        p.setRange(0, 10'000'000);
        // A kill at 2.5 s, the victim's wake-up 30 µs later, its error 400 µs later, then 3 s.
        p.setEventTimes({2'500'000, 2'500'030, 2'500'400, 2'501'000, 3'000'000});
        QCOMPARE(p.stepResolution(), 1000);
        QSignalSpy jumped(&p, &PlaybackController::jumped);
        QList<qint64> landed;
        for (int i = 0; i < 4; ++i) {
            p.stepForward();
            const qint64 target = jumped.takeLast().at(0).toLongLong();
            QTRY_COMPARE(p.position(), target);
            landed << p.position();
        }
        QCOMPARE(landed, (QList<qint64>{2'500'000, 2'501'000, 3'000'000, 10'000'000}));
        QList<QString> shown;
        for (const qint64 t : landed)
            shown << QString::number(double(t) / 1e6, 'f', 3);
        QCOMPARE(QSet<QString>(shown.begin(), shown.end()).size(), shown.size());
        // And back: never the same displayed time twice either.
        p.setPosition(2'500'400);
        p.stepBackward();
        QTRY_COMPARE(p.position(), 0);
        p.setPosition(2'501'000);
        p.stepBackward();
        QTRY_COMPARE(p.position(), 2'500'000);
        QCOMPARE(p.nextEventTime(), 2'501'000);
        QCOMPARE(p.previousEventTime(), -1);
    }

    void jumpsAnnounceTheirTarget()
    {
        PlaybackController p;
        p.setRange(0, 4'000'000);
        p.setEventTimes({1'000'000});
        QSignalSpy jumped(&p, &PlaybackController::jumped);
        p.goToEnd();
        QTRY_COMPARE(p.position(), 4'000'000);
        p.restart();
        QTRY_COMPARE(p.position(), 0);
        p.stepForward();
        QTRY_COMPARE(p.position(), 1'000'000);
        QCOMPARE(jumped.count(), 3);
        QCOMPARE(jumped.at(0).at(0).toLongLong(), 4'000'000);
        QCOMPARE(jumped.at(1).at(0).toLongLong(), 0);
        QCOMPARE(jumped.at(2).at(0).toLongLong(), 1'000'000);
        // Scrubbing and setPosition() are no jumps: the user's hand is already where it looks.
        p.setPosition(2'000'000);
        p.scrubTo(3'000'000);
        QCOMPARE(jumped.count(), 3);
    }

    void rangeClampsThePosition()
    {
        PlaybackController p;
        p.setRange(0, 1000);
        p.setPosition(900);
        QSignalSpy moved(&p, &PlaybackController::positionChanged);
        p.setRange(0, 500);
        QCOMPARE(p.position(), 500);
        QCOMPARE(moved.count(), 1);
    }
};

QTEST_MAIN(TestPlaybackController)
#include "tst_playbackcontroller.moc"
