#include "timecoords.h"

#include <QtTest>
#include <vector>

using namespace ks::timecoords;
using ks::TimeFormat;

class TestTimeCoords : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Labels use the default locale's separators (English here: "1,960 ms").
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void mapping_data()
    {
        QTest::addColumn<double>("t0");
        QTest::addColumn<double>("usPerPx");
        QTest::addColumn<double>("t");
        QTest::addColumn<double>("x");
        QTest::addColumn<int>("column");
        QTest::newRow("origin") << 0.0 << 1.0 << 0.0 << 0.0 << 0;
        QTest::newRow("unzoomed") << 0.0 << 1000.0 << 1500.0 << 1.5 << 1;
        QTest::newRow("zoomed_in") << 100.0 << 0.25 << 101.0 << 4.0 << 4;
        QTest::newRow("left_of_view") << 1000.0 << 10.0 << 990.0 << -1.0 << -1;
        QTest::newRow("right_of_view") << 0.0 << 2.0 << 5000.0 << 2500.0 << 2500;
        QTest::newRow("negative_origin") << -500.0 << 5.0 << 0.0 << 100.0 << 100;
        QTest::newRow("half_pixel_left") << 0.0 << 2.0 << -1.0 << -0.5 << -1;
    }
    void mapping()
    {
        QFETCH(double, t0);
        QFETCH(double, usPerPx);
        QFETCH(double, t);
        QFETCH(double, x);
        QFETCH(int, column);
        QCOMPARE(timeToX(t, t0, usPerPx), x);
        QCOMPARE(timeToColumn(t, t0, usPerPx), column);
        QCOMPARE(xToTime(x, t0, usPerPx), t);
    }

    void usPerPixelDegenerate()
    {
        QCOMPARE(usPerPixel(1000, 100), 10.0);
        QCOMPARE(usPerPixel(0, 100), 0.01);
        QCOMPARE(usPerPixel(1000, 0), 1000.0);
    }

    void zoomKeepsAnchor_data()
    {
        QTest::addColumn<double>("t0");
        QTest::addColumn<double>("usPerPx");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("factor");
        QTest::newRow("in_at_left") << 0.0 << 10.0 << 0.0 << 0.5;
        QTest::newRow("in_at_middle") << 1000.0 << 10.0 << 400.0 << 0.8;
        QTest::newRow("out_at_right") << -300.0 << 3.0 << 799.0 << 1.25;
    }
    void zoomKeepsAnchor()
    {
        QFETCH(double, t0);
        QFETCH(double, usPerPx);
        QFETCH(double, x);
        QFETCH(double, factor);
        const double anchor = xToTime(x, t0, usPerPx);
        const double n0 = zoomStartAround(t0, usPerPx, x, factor);
        QVERIFY(qAbs(xToTime(x, n0, usPerPx * factor) - anchor) < 1e-6);
    }

    void rows_data()
    {
        QTest::addColumn<int>("y");
        QTest::addColumn<int>("row");
        // Rows: [0,30) [30,50) [50,80) [80,100)
        QTest::newRow("first") << 0 << 0;
        QTest::newRow("first_last_px") << 29 << 0;
        QTest::newRow("client_row") << 30 << 1;
        QTest::newRow("third") << 79 << 2;
        QTest::newRow("last") << 99 << 3;
        QTest::newRow("below") << 100 << -1;
        QTest::newRow("above") << -1 << -1;
    }
    void rows()
    {
        QFETCH(int, y);
        QFETCH(int, row);
        const std::vector<int> tops{0, 30, 50, 80};
        QCOMPARE(rowAt(tops, 100, y), row);
        QCOMPARE(rowAt(std::vector<int>{}, 0, y), -1);
    }

    void ticks_data()
    {
        QTest::addColumn<double>("usPerPx");
        QTest::addColumn<int>("minPx");
        QTest::addColumn<qlonglong>("step");
        QTest::newRow("tiny") << 0.001 << 100 << 1LL;
        QTest::newRow("one_us_per_px") << 1.0 << 100 << 100LL;
        QTest::newRow("two") << 1.5 << 100 << 200LL;
        QTest::newRow("five") << 3.0 << 100 << 500LL;
        QTest::newRow("ten_exact") << 10.0 << 100 << 1000LL;
        QTest::newRow("seconds") << 20000.0 << 110 << 5000000LL;
    }
    void ticks()
    {
        QFETCH(double, usPerPx);
        QFETCH(int, minPx);
        QFETCH(qlonglong, step);
        QCOMPARE(niceTickStep(usPerPx, minPx), step);
        QVERIFY(double(niceTickStep(usPerPx, minPx)) / usPerPx >= minPx || step == 1);
    }

    void clockSteps_data()
    {
        QTest::addColumn<double>("usPerPx");
        QTest::addColumn<qlonglong>("largest");
        QTest::addColumn<qlonglong>("step");
        // Short traces keep decades.
        QTest::newRow("seconds_trace") << 20000.0 << 4000000LL << 5000000LL;
        // Two hours over ~1200 px: 1000 s would print 16:40; a clock wants 15 or 30 minutes.
        QTest::newRow("two_hours") << 6000000.0 << 7200000000LL << 900000000LL;
        QTest::newRow("minutes") << 100000.0 << 1200000000LL << 15000000LL;
        QTest::newRow("sub_second_stays_decimal") << 1000.0 << 1200000000LL << 200000LL;
    }
    void clockSteps()
    {
        QFETCH(double, usPerPx);
        QFETCH(qlonglong, largest);
        QFETCH(qlonglong, step);
        QCOMPARE(axisStep(usPerPx, 110, largest), step);
        QCOMPARE(largestAbsTime(-50.0, 1.0, 100), 50);
        QCOMPARE(largestAbsTime(0.0, 2.0, 100), 200);
    }

    void firstTick()
    {
        QCOMPARE(firstTickAtOrAfter(0, 10), 0);
        QCOMPARE(firstTickAtOrAfter(1, 10), 10);
        QCOMPARE(firstTickAtOrAfter(10, 10), 10);
        QCOMPARE(firstTickAtOrAfter(-15, 10), -10);
        QCOMPARE(firstTickAtOrAfter(-20, 10), -20);
    }

    void labels_data()
    {
        QTest::addColumn<qlonglong>("t");
        QTest::addColumn<qlonglong>("step");
        QTest::addColumn<qlonglong>("largest");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << 1500000LL << 500000LL << 4000000LL << QStringLiteral("1.5 s");
        QTest::newRow("whole_seconds")
            << 2000000LL << 1000000LL << 4000000LL << QStringLiteral("2 s");
        QTest::newRow("ms") << 1960000LL << 20000LL << 2150000LL << QStringLiteral("1,960 ms");
        QTest::newRow("ms_decimals") << 1500LL << 500LL << 5000LL << QStringLiteral("1.5 ms");
        QTest::newRow("us") << 40LL << 10LL << 100LL << QStringLiteral("40 µs");
        QTest::newRow("long_trace_in_s")
            << 12000100LL << 100LL << 12001000LL << QStringLiteral("12.0001 s");
        QTest::newRow("clock_minutes")
            << 754000000LL << 5000000LL << 900000000LL << QStringLiteral("12:34");
        QTest::newRow("clock_hours")
            << 28805500000LL << 500000LL << 28900000000LL << QStringLiteral("8:00:05.5");
        QTest::newRow("clock_ms_steps")
            << 3723004000LL << 2000LL << 3800000000LL << QStringLiteral("1:02:03.004");
        QTest::newRow("clock_leading_zero")
            << 3600000000LL << 60000000LL << 7200000000LL << QStringLiteral("1:00:00");
    }
    void labels()
    {
        QFETCH(qlonglong, t);
        QFETCH(qlonglong, step);
        QFETCH(qlonglong, largest);
        QFETCH(QString, text);
        const TimeUnit unit = axisUnit(step, largest);
        QCOMPARE(TimeFormat::inUnit(t, unit, axisDecimals(step, unit)), text);
    }

    void durations()
    {
        QCOMPARE(TimeFormat::duration(12), QStringLiteral("12 µs"));
        QCOMPARE(TimeFormat::duration(1500), QStringLiteral("1.50 ms"));
        QCOMPARE(TimeFormat::duration(2500000), QStringLiteral("2.50 s"));
        QCOMPARE(TimeFormat::duration(3723400000LL), QStringLiteral("1:02:03.4"));
    }
};

QTEST_GUILESS_MAIN(TestTimeCoords)
#include "tst_timecoords.moc"
