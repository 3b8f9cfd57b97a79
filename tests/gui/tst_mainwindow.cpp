#include "killscope.h"
#include "language.h"
#include "mainwindow.h"
#include "resources.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QtTest>

using namespace ks;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        initResources();
        QVERIFY(switchLanguage(QStringLiteral("en")));
    }

    void hasItsParts()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        QVERIFY(w.menuBar()->isVisible());
        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Scenario"),
                                     QStringLiteral("&View"), QStringLiteral("&Help")}));
        QVERIFY(w.statusBar()->isVisible());
        auto *swimlanes = w.findChild<QWidget *>(QStringLiteral("swimlaneArea"));
        QVERIFY(swimlanes);
        QVERIFY(swimlanes->isVisible());
        auto *processlist = w.findChild<QTableView *>(QStringLiteral("processlistView"));
        QVERIFY(processlist);
        QVERIFY(processlist->isVisible());
        // The swimlanes get the larger share of the window.
        QVERIFY(swimlanes->height() > processlist->height());
    }

    void aboutNamesTheVersion()
    {
        MainWindow w;
        QVERIFY(!version().isEmpty());
        QVERIFY(w.aboutText().contains(QStringLiteral("KillScope %1").arg(version())));
        QVERIFY(w.findChild<QAction *>(QStringLiteral("aboutAction")));
    }

    void switchesLanguage()
    {
        MainWindow w;
        QCOMPARE(w.windowTitle(), QStringLiteral("KillScope"));
        auto *help = w.findChild<QMenu *>(QStringLiteral("helpMenu"));
        QVERIFY(help);
        QCOMPARE(help->title(), QStringLiteral("&Help"));
        QVERIFY(switchLanguage(QStringLiteral("zh_CN")));
        QCOMPARE(currentLanguage(), QStringLiteral("zh_CN"));
        QVERIFY2(help->title() != QStringLiteral("&Help"), qPrintable(help->title()));
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QCOMPARE(help->title(), QStringLiteral("&Help"));
        QVERIFY(!switchLanguage(QStringLiteral("xx")));
        QCOMPARE(currentLanguage(), QStringLiteral("en"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
