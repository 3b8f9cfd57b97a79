// What-if keeps the past: for every knob × built-in scenario × flavor, a change at a moment of
// the run leaves the trace before that moment byte for byte as it was; the change is named as
// what it is; and when it changes nothing, the narration says why.

#include "report.h"
#include "resources.h"
#include "runresult.h"
#include "scenariofile.h"
#include "simulationsource.h"
#include "whatifknob.h"

#include <QRegularExpression>
#include <QtTest>

using namespace ks;

namespace {

// The Chrome-trace lines that describe only what happened before `t`: instants before t and
// spans that end by t. Spans open at t are compared by their start and state (their end and
// row counts are the future).
QStringList pastOf(const QString &trace, qint64 t)
{
    static const QRegularExpression ts(QStringLiteral("\"ts\":(\\d+)"));
    static const QRegularExpression dur(QStringLiteral("\"dur\":(\\d+)"));
    static const QRegularExpression name(QStringLiteral("\"name\":(\"[^\"]*\")"));
    QStringList out;
    for (const QString &line : trace.split(QLatin1Char('\n'))) {
        const auto m = ts.match(line);
        if (!m.hasMatch()) {
            continue; // metadata: lanes created later are listed too
        }
        if (line.contains(QLatin1String("\"cat\":\"narration\"")))
            continue; // what is said about the future is not the past
        const qint64 start = m.captured(1).toLongLong();
        if (start >= t)
            continue;
        const auto d = dur.match(line);
        QString kept = line;
        if (kept.endsWith(QLatin1Char(',')))
            kept.chop(1);
        // A span that reaches t is open: the change may split it there.
        if (d.hasMatch() && start + d.captured(1).toLongLong() >= t)
            kept = QStringLiteral("open span ts=%1 %2 %3")
                       .arg(start)
                       .arg(name.match(line).captured(1),
                            line.section(QStringLiteral("\"tid\":"), 1, 1)
                                    .section(QLatin1Char(','), 0, 0) +
                                line.section(QStringLiteral("\"pid\":"), 1, 1)
                                    .section(QLatin1Char(','), 0, 0));
        out << kept;
    }
    std::sort(out.begin(), out.end());
    return out;
}

QString traceOf(const SimulationSource &s)
{
    return QString::fromStdString(sim::chromeTrace(*s.result()));
}

// A value of the knob other than the one in effect, that matters where it can.
double otherValue(const WhatIfKnob &k, double now)
{
    if (WhatIfKnobs::isMomentary(k))
        return WhatIfKnobs::maximum(k); // restart=1: a moment, nothing is in effect before it
    if (WhatIfKnobs::id(k) == QLatin1String("innodb_thread_concurrency"))
        return now == 1 ? 3 : 1;
    return now >= 3 ? 0 : now + 4;
}

} // namespace

class TestWhatIf : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initResources(); }

    void pastStaysTheSame_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<QString>("knob");
        for (const QString &id : ScenarioFile::builtinIds()) {
            SimulationSource s;
            QVERIFY(s.loadBuiltin(id));
            for (const QString &f : s.supportedFlavors())
                for (const WhatIfKnob *k : WhatIfKnobs::all())
                    if (WhatIfKnobs::appliesTo(*k, f))
                        QTest::addRow("%s/%s/%s", qPrintable(id), qPrintable(f),
                                      qPrintable(WhatIfKnobs::id(*k)))
                            << id << f << WhatIfKnobs::id(*k);
        }
    }

    void pastStaysTheSame()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, flavor);
        QFETCH(QString, knob);
        SimulationSource base;
        base.setInlineRunLimit(std::numeric_limits<qint64>::max());
        QVERIFY(base.loadBuiltin(scenario, flavor));
        base.waitForRun();
        const QString before = traceOf(base);
        const qint64 end = base.endTime();
        const WhatIfKnob *k = WhatIfKnobs::find(knob);
        QVERIFY(k);
        // Several moments, spread over the run, off the round numbers the scenarios use.
        for (const double f : {0.13, 0.41, 0.77}) {
            const qint64 t = qint64(double(end) * f) + 7;
            SimulationSource changed;
            changed.setInlineRunLimit(std::numeric_limits<qint64>::max());
            QVERIFY(changed.loadBuiltin(scenario, flavor));
            changed.waitForRun();
            const double value = otherValue(*k, changed.knobValueAt(knob, t));
            QString error;
            QVERIFY2(changed.applyKnob(t, knob, value, &error), qPrintable(error));
            changed.waitForRun();
            QCOMPARE(changed.injectionCount(), 1);
            const QStringList a = pastOf(before, t), b = pastOf(traceOf(changed), t);
            if (a != b) {
                for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i)
                    if (a[i] != b[i]) {
                        qWarning("at %lld: without: %s\n with: %s", t, qPrintable(a[i]),
                                 qPrintable(b[i]));
                        break;
                    }
            }
            QCOMPARE(b.size(), a.size());
            QVERIFY(a == b);
            // The rows to undo at a kill before the change are the past too.
            for (const sim::RollbackRecord &rb : base.result()->rollbacks) {
                if (rb.start >= t)
                    continue;
                // The same lane by what it is (a branched run numbers a later branch's lanes
                // after the earlier branch's, and a change may add lanes there).
                const sim::Lane &l = base.result()->lanes[size_t(rb.lane)];
                bool found = false;
                for (const sim::RollbackRecord &x : changed.result()->rollbacks) {
                    const sim::Lane &m = changed.result()->lanes[size_t(x.lane)];
                    found = found || (m.branch == l.branch && m.processlistId == l.processlistId &&
                                      m.createdAt == l.createdAt && x.start == rb.start &&
                                      x.rows == rb.rows);
                }
                QVERIFY2(found, "a rollback that started before the change has other rows to undo");
            }
            // Every change is narrated, at its time.
            bool told = false;
            for (const NarrationStep &n : changed.narration())
                told = told || (n.atUs == t && n.en.contains(WhatIfKnobs::changeText(*k, value)));
            QVERIFY2(told, "the change has no narration step at its time");
        }
    }

    void namesTheChangeHonestly()
    {
        const WhatIfKnob *c = WhatIfKnobs::find(QStringLiteral("innodb_thread_concurrency"));
        const WhatIfKnob *io = WhatIfKnobs::find(QStringLiteral("io_pressure"));
        QVERIFY(c && io);
        QCOMPARE(WhatIfKnobs::changeText(*c, 3),
                 QStringLiteral("SET GLOBAL innodb_thread_concurrency = 3"));
        QVERIFY(!WhatIfKnobs::changeText(*io, 4).contains(QLatin1String("SET GLOBAL")));
        QVERIFY(WhatIfKnobs::changeText(*io, 4).contains(QLatin1String("not a server variable")));
        QVERIFY(!WhatIfKnobs::find(QStringLiteral("max_connections")));
        QVERIFY(!WhatIfKnobs::check(*c, 3, QStringLiteral("mariadb-10.11")).isEmpty());
        QVERIFY(!WhatIfKnobs::check(*c, 2.5, QStringLiteral("mysql-8.0")).isEmpty());
        QVERIFY(!WhatIfKnobs::check(*io, -1, QStringLiteral("mysql-8.0")).isEmpty());
        QVERIFY(WhatIfKnobs::check(*io, 4, QStringLiteral("mariadb-10.11")).isEmpty());
    }

    // The case: I/O pressure on a rollback whose pages are in the buffer pool changes
    // nothing, and the narration says that it is CPU-bound.
    void aChangeThatChangesNothingSaysWhy()
    {
        SimulationSource s;
        QVERIFY(s.loadBuiltin(QStringLiteral("big-update-kill-connection"),
                              QStringLiteral("mariadb-10.11")));
        s.waitForRun();
        const QString before = traceOf(s);
        QString error;
        QVERIFY2(s.applyKnob(6'000'000, QStringLiteral("io_pressure"), 0.8, &error),
                 qPrintable(error));
        s.waitForRun();
        QCOMPARE(traceOf(s).count(QLatin1String("\"ph\":\"X\"")),
                 before.count(QLatin1String("\"ph\":\"X\"")));
        QString step;
        for (const NarrationStep &n : s.narration())
            if (n.atUs == 6'000'000)
                step = n.en;
        QVERIFY2(step.contains(QLatin1String("changes nothing")), qPrintable(step));
        QVERIFY2(step.contains(QLatin1String("CPU-bound")), qPrintable(step));

        // And one that does change the run says what: the rollback ends later.
        SimulationSource io;
        QVERIFY(
            io.loadBuiltin(QStringLiteral("io-pressure-rollback"), QStringLiteral("mysql-8.0")));
        io.waitForRun();
        QVERIFY(io.applyKnob(5'040'000, QStringLiteral("io_pressure"), 4));
        io.waitForRun();
        step.clear();
        for (const NarrationStep &n : io.narration())
            if (n.atUs == 5'040'000)
                step = n.en;
        QVERIFY2(step.contains(QLatin1String("the rollback of A (11) now ends at")),
                 qPrintable(step));
    }

    void refusesWhatIsWrong()
    {
        SimulationSource s;
        QVERIFY(
            s.loadBuiltin(QStringLiteral("concurrency-queue"), QStringLiteral("mariadb-10.11")));
        s.waitForRun();
        QString error;
        QVERIFY(!s.applyKnob(1'000'000, QStringLiteral("innodb_thread_concurrency"), 3, &error));
        QVERIFY2(error.contains(QLatin1String("mariadb-10.11")), qPrintable(error));
        QVERIFY(!s.applyKnob(1'000'000, QStringLiteral("no_such_knob"), 3, &error));
        QVERIFY2(error.contains(QLatin1String("no_such_knob")), qPrintable(error));
        QCOMPARE(s.injectionCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWhatIf)
#include "tst_whatif.moc"
