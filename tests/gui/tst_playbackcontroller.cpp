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
