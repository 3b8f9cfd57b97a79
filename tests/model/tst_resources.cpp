#include "resources.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QtTest>

// Every scenario file in resources/scenarios is compiled into the program (resources/killscope.qrc
// lists them by hand, so this catches a file added to the folder but not to the .qrc).
class TestResources : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { ks::initResources(); }

    void everyScenarioIsCompiledIn()
    {
        const QString src = qEnvironmentVariable("KILLSCOPE_SOURCE_DIR");
        QVERIFY(!src.isEmpty());
        const QStringList onDisk = QDir(src + QStringLiteral("/resources/scenarios"))
                                       .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        const QStringList compiled =
            QDir(QStringLiteral(":/scenarios")).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(!onDisk.isEmpty());
        QCOMPARE(compiled, onDisk);
        QVERIFY(compiled.contains(QStringLiteral("concurrency-queue.json")));
        for (const QString &name : compiled) {
            QFile f(QStringLiteral(":/scenarios/") + name);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QJsonParseError err;
            QJsonDocument::fromJson(f.readAll(), &err);
            QVERIFY2(err.error == QJsonParseError::NoError, qPrintable(name + QStringLiteral(": ") + err.errorString()));
        }
    }

    void iconIsCompiledIn() { QVERIFY(QFile::exists(QStringLiteral(":/icons/killscope.svg"))); }
};

QTEST_GUILESS_MAIN(TestResources)
#include "tst_resources.moc"
