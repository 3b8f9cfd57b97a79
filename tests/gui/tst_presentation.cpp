// Presentation mode and slides: rows and type for the screen, lanes that fill it, captions with
// caveats as footnotes, the processlist overlay, and File ▸ Export = `--png`. Runs on two
// offscreen screens, 1920×1080 and 1280×720, so both sizes of a lecture hall are covered.

#include "exporter.h"
#include "headlesspng.h"
#include "language.h"
#include "mainwindow.h"
#include "narrationmodel.h"
#include "playbackcontroller.h"
#include "presentationmode.h"
#include "processlistmodel.h"
#include "resources.h"
#include "simulationsource.h"
#include "stagelayout.h"
#include "swimlaneview.h"
#include "timelineviewport.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace ks;

namespace {

QScreen *screenOfHeight(int height)
{
    for (QScreen *s : QGuiApplication::screens())
        if (s->geometry().height() == height)
            return s;
    return nullptr;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestPresentation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        initResources();
        QCoreApplication::setOrganizationName(QStringLiteral("KillScopeTests"));
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QVERIFY2(screenOfHeight(1080) && screenOfHeight(720), "the two test screens are missing");
    }
    void cleanup() { QVERIFY(switchLanguage(QStringLiteral("en"))); }

    void stageMetrics_data()
    {
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("screen");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("clients");
        QTest::addColumn<int>("minFontPx");
        QTest::addColumn<bool>("fits");
        QTest::newRow("1080p, two sessions") << 820 << 1080 << 2 << 2 << 30 << true;
        QTest::newRow("1080p, four sessions") << 820 << 1080 << 4 << 4 << 28 << true;
        QTest::newRow("1080p, eight sessions") << 820 << 1080 << 8 << 8 << 15 << true;
        QTest::newRow("720p, four sessions") << 540 << 720 << 4 << 4 << 20 << true;
        QTest::newRow("1080p, sixty sessions") << 820 << 1080 << 60 << 0 << 10 << false;
    }
    void stageMetrics()
    {
        QFETCH(int, height);
        QFETCH(int, screen);
        QFETCH(int, threads);
        QFETCH(int, clients);
        QFETCH(int, minFontPx);
        QFETCH(bool, fits);
        QCOMPARE(stagelayout::baseFontPx(1080), 30);
        QCOMPARE(stagelayout::baseFontPx(720), 20);
        const stagelayout::Metrics m = stagelayout::metrics(height, screen, threads, clients);
        QVERIFY2(m.fontPx >= minFontPx, qPrintable(QString::number(m.fontPx)));
        QVERIFY(m.fontPx <= stagelayout::baseFontPx(screen) * 3 / 2);
        QCOMPARE(m.fits, fits);
        const int used = threads * m.threadRow + clients * m.clientRow;
        if (fits) // the rows take the height, but for rounding
            QVERIFY2(used <= height && used > height - threads - clients - 2,
                     qPrintable(QStringLiteral("%1 of %2").arg(used).arg(height)));
        else
            QVERIFY(used > height);
        // A label of 500 px never gets more than a third of the width, nor less than needed.
        QCOMPARE(stagelayout::labelWidth(1920, 500, 30), 530);
        QCOMPARE(stagelayout::labelWidth(1920, 900, 30), 640);
        QCOMPARE(stagelayout::labelWidth(1920, 10, 30), 240);
    }

    void fillsTheScreen_data()
    {
        QTest::addColumn<int>("screenHeight");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<qlonglong>("at");
        for (const int h : {1080, 720}) {
            for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
                QTest::addRow("%dp %s, rollback caveat", h, qPrintable(lang))
                    << h << lang << QStringLiteral("io-pressure-rollback")
                    << QStringLiteral("mysql-8.0") << 5'000'000LL;
                QTest::addRow("%dp %s, four sessions", h, qPrintable(lang))
                    << h << lang << QStringLiteral("concurrency-queue")
                    << QStringLiteral("mysql-5.7") << 7'000'000LL;
            }
        }
    }
    void fillsTheScreen()
    {
        QFETCH(int, screenHeight);
        QFETCH(QString, language);
        QFETCH(QString, scenario);
        QFETCH(QString, flavor);
        QFETCH(qlonglong, at);
        QVERIFY(switchLanguage(language));
        QScreen *screen = screenOfHeight(screenHeight);
        MainWindow w;
        w.setScreen(screen);
        w.move(screen->geometry().topLeft() + QPoint(20, 20));
        w.resize(1000, 600);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openScenario(scenario, flavor));
        w.simulation()->waitForRun();
        w.playback()->setPosition(at);
        const QRect before = w.geometry();

        QTest::keyClick(&w, Qt::Key_F11);
        QVERIFY(w.isPresentationMode());
        QTRY_COMPARE(w.geometry(), screen->geometry());
        QTRY_VERIFY(!w.menuBar()->isVisible());
        SwimlaneView *view = w.swimlaneView();
        QTest::qWait(50); // the deferred refit after the resize
        QVERIFY(!view->verticalScrollBar()->isVisible());
        QVERIFY(!view->horizontalScrollBar()->isVisible());

        // The lanes fill the view's height (but for the rows' rounding) and type is large.
        const SwimlaneRenderer &r = view->renderer();
        const int rows = int(r.rows().size());
        const int used = r.axisHeight() + r.totalHeight();
        const int available = view->viewport()->height();
        QVERIFY2(used <= available && used >= available - rows - 2,
                 qPrintable(QStringLiteral("%1 of %2").arg(used).arg(available)));
        QVERIFY(view->height() > screenHeight / 2);
        const int minPx = screenHeight >= 1080 ? 28 : 18;
        QVERIFY2(r.font().pixelSize() >= minPx, qPrintable(QString::number(r.font().pixelSize())));
        // No lane name is cut.
        const QFontMetrics bold([&] {
            QFont f = r.font();
            f.setBold(true);
            return f;
        }());
        for (const SwimlaneRenderer::Row &row : r.rows()) {
            if (row.kind != LaneKind::Thread)
                continue;
            const QString label = w.simulation()->timeline().lane(row.lane).labelFor(language);
            QVERIFY2(bold.horizontalAdvance(label) <= r.labelWidth() - 16, qPrintable(label));
        }

        // The caption is the narration; a caveat is a footnote with a mark, never the caption.
        PresentationMode *stage = w.presentationMode();
        const NarrationModel *n = w.narrationModel();
        const QString caveat = n->caveatText();
        QVERIFY(stage->captionLabel()->isVisible());
        QVERIFY(!stage->captionLabel()->text().isEmpty());
        QVERIFY(!stage->captionLabel()->text().startsWith(QStringLiteral("UNVERIFIED")));
        QVERIFY(!stage->captionLabel()->text().startsWith(QStringLiteral("未经证实")));
        QCOMPARE(stage->footnoteLabel()->isVisible(), !caveat.isEmpty());
        if (!caveat.isEmpty()) {
            QVERIFY(stage->captionLabel()->text().endsWith(QStringLiteral(" *")));
            QVERIFY(stage->footnoteLabel()->text().contains(caveat));
            QVERIFY(QFontInfo(stage->footnoteLabel()->font()).pixelSize() <
                    QFontInfo(stage->captionLabel()->font()).pixelSize() * 2 / 3);
        }
        QVERIFY(QFontInfo(stage->captionLabel()->font()).pixelSize() >=
                stagelayout::baseFontPx(screenHeight));

        // P shows the processlist over the lanes, P again hides it.
        QTest::keyClick(&w, Qt::Key_P);
        QVERIFY(stage->isProcesslistShown());
        QTableView *overlay = stage->processlistOverlay();
        QCOMPARE(overlay->model()->rowCount(), w.processlistModel()->rowCount());
        QVERIFY(view->geometry().contains(overlay->geometry()));
        QTest::keyClick(&w, Qt::Key_P);
        QVERIFY(!stage->isProcesslistShown());

        const QString shots = qEnvironmentVariable("KS_SHOT_DIR");
        if (!shots.isEmpty())
            w.grab().save(QStringLiteral("%1/presentation-%2p-%3-%4.png")
                              .arg(shots)
                              .arg(screenHeight)
                              .arg(language, scenario));

        QTest::keyClick(&w, Qt::Key_Escape);
        QVERIFY(!w.isPresentationMode());
        QTRY_COMPARE(w.geometry(), before);
        QVERIFY(w.menuBar()->isVisible());
        QVERIFY(!stage->captionLabel()->isVisible());
    }

    // File ▸ Export writes the very slide `--png` writes: same scenario, time, language and size,
    // same bytes.
    void guiExportEqualsPng_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<qlonglong>("at");
        QTest::newRow("en, caveat footnote")
            << QStringLiteral("en") << QStringLiteral("io-pressure-rollback")
            << QStringLiteral("mysql-8.0") << 5'000'000LL;
        QTest::newRow("zh_CN, axis marker")
            << QStringLiteral("zh_CN") << QStringLiteral("concurrency-queue")
            << QStringLiteral("mysql-5.7") << 12'000'000LL;
    }
    void guiExportEqualsPng()
    {
        QFETCH(QString, language);
        QFETCH(QString, scenario);
        QFETCH(QString, flavor);
        QFETCH(qlonglong, at);
        QVERIFY(switchLanguage(language));
        QTemporaryDir dir;
        MainWindow w;
        QVERIFY(w.openScenario(scenario, flavor));
        w.simulation()->waitForRun();
        w.playback()->setPosition(at);
        const QString fromWindow = dir.filePath(QStringLiteral("window.png"));
        QString error;
        QVERIFY2(w.exportPng(fromWindow, &error), qPrintable(error));

        PngRequest request;
        request.output = dir.filePath(QStringLiteral("script.png"));
        request.scenario = scenario;
        request.flavor = flavor;
        request.atUs = at;
        QCOMPARE(request.size, DefaultSlideSize);
        QCOMPARE(runPngExport(request), 0);

        const QImage a(fromWindow);
        const QImage b(request.output);
        QCOMPARE(a.size(), DefaultSlideSize);
        QCOMPARE(a.size(), b.size());
        QVERIFY(a == b);
        QCOMPARE(fileBytes(fromWindow), fileBytes(request.output));
        // And it is a slide, not a widget grab: title, legend and caption are there.
        const TimelinePicture pic = w.slide();
        QVERIFY(pic.title.contains(w.simulation()->scenarioTitle(language)));
        QVERIFY(!pic.caption.isEmpty());
        QVERIFY(pic.legend);
    }
};

int main(int argc, char **argv)
{
    // Two offscreen screens of lecture-hall sizes, unless the caller chose a platform.
    QTemporaryDir config;
    const QString path = config.filePath(QStringLiteral("screens.json"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return 2;
        f.write(R"({"windowFrameMargins": false, "screens": [
            {"name": "hall-1080", "x": 0, "y": 0, "width": 1920, "height": 1080,
             "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
            {"name": "hall-720", "x": 1920, "y": 0, "width": 1280, "height": 720,
             "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    }
    if (qEnvironmentVariable("QT_QPA_PLATFORM") == QStringLiteral("offscreen"))
        qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen:configfile=") + path.toLocal8Bit());
    QApplication app(argc, argv);
    TestPresentation test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_presentation.moc"
