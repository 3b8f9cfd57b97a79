// Narration follows the run that happened: for every built-in scenario × flavor, a KILL QUERY and
// a KILL CONNECTION injected on each session at several moments give a narration that names no
// error code, processlist state or event this run does not contain, and that tells about the
// injected kill itself.

#include "resources.h"
#include "runresult.h"
#include "scenariofile.h"
#include "simulationsource.h"

#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace ks;

namespace {

// What a run contains, in the words a narration may use for it.
struct Contents
{
    QSet<int> codes;
    QSet<QString> states;
    bool killQuery = false, killConnection = false, ctrlC = false, rollback = false,
         tempFile = false, setGlobal = false, gone = false;

    explicit Contents(const sim::RunResult &r)
    {
        for (const sim::KillRecord &k : r.kills) {
            codes << k.result << k.clientErrorCode;
            (k.type == sim::KillType::Query ? killQuery : killConnection) = true;
        }
        for (const sim::Event &e : r.events) {
            switch (e.type) {
            case sim::EventType::StatementEnd:
            case sim::EventType::ClientError:
            case sim::EventType::KillResult:
                codes << int(e.a);
                break;
            case sim::EventType::CtrlC:
                ctrlC = true;
                break;
            case sim::EventType::TempFileCreate:
                tempFile = true;
                break;
            case sim::EventType::SetGlobal:
                setGlobal = true;
                break;
            case sim::EventType::ThreadGone:
                gone = true;
                break;
            default:
                break;
            }
        }
        static const QRegularExpression error(QStringLiteral("ERROR (\\d{4})"));
        for (const sim::TranscriptLine &l : r.transcript)
            for (const auto &m : error.globalMatch(QString::fromStdString(l.text)))
                codes << m.captured(1).toInt();
        rollback = !r.rollbacks.empty();
        for (const sim::Lane &l : r.lanes)
            for (const sim::ProcessRecord &p : l.processlist) {
                states << QString::fromStdString(r.str(p.state))
                       << QString::fromStdString(std::string(sim::commandName(p.command)))
                       << QString::fromStdString(std::string(sim::trxStateName(p.trxState)));
                if (p.killed != sim::Killed::None)
                    states << QStringLiteral("Killed");
            }
    }

    // What `text` names that the run does not have; empty when all is there.
    QStringList missing(const QString &text) const
    {
        QStringList out;
        static const QRegularExpression code(
            QStringLiteral("\\b(1064|1094|1095|1205|1213|1317|1927|1957|1969|2006|2013|3024)\\b"));
        for (const auto &m : code.globalMatch(text))
            if (!codes.contains(m.captured(1).toInt()))
                out << m.captured(0);
        for (const char *s :
             {"Killed", "query end", "Rollback", "removing tmp table", "copy to tmp table",
              "ROLLING BACK", "LOCK WAIT", "RUNNING", "Sleep"}) {
            const QRegularExpression word(QStringLiteral("\\b%1\\b").arg(QLatin1String(s)));
            if (word.match(text).hasMatch() && !states.contains(QLatin1String(s)))
                out << QLatin1String(s);
        }
        auto need = [&](const char *pattern, bool have, QRegularExpression::PatternOptions o = {}) {
            const QRegularExpression re(QLatin1String(pattern), o);
            if (!have && re.match(text).hasMatch())
                out << QLatin1String(pattern);
        };
        need("KILL (HARD |SOFT )?QUERY", killQuery);
        need("KILL (HARD |SOFT )?CONNECTION|\\bKILL \\d+\\b", killConnection);
        need("Ctrl\\+C|Ctrl-C", ctrlC);
        need("\\broll(ed|s|ing)? back\\b|\\brollback\\b|\\bundo\\b|\\bundone\\b", rollback,
             QRegularExpression::CaseInsensitiveOption);
        need("temporary file", tempFile);
        need("SET GLOBAL", setGlobal);
        need("thread (is|ends|is gone)|finally disappears", gone);
        return out;
    }
};

} // namespace

class TestNarrationMatrix : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initResources(); }

    void injectedKillsTellOnlyWhatHappened_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("flavor");
        for (const QString &id : ScenarioFile::builtinIds()) {
            SimulationSource s;
            QVERIFY(s.loadBuiltin(id));
            for (const QString &f : s.supportedFlavors())
                QTest::addRow("%s/%s", qPrintable(id), qPrintable(f)) << id << f;
        }
    }

    void injectedKillsTellOnlyWhatHappened()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, flavor);
        SimulationSource s;
        s.setInlineRunLimit(std::numeric_limits<qint64>::max());
        QVERIFY(s.loadBuiltin(scenario, flavor));
        s.waitForRun();
        // The untouched run first: its own narration must hold too.
        {
            const Contents have(*s.result());
            for (const NarrationStep &n : s.narration()) {
                const QStringList wrong = have.missing(n.en);
                QVERIFY2(wrong.isEmpty(),
                         qPrintable(QStringLiteral("untouched run, step at %1 µs names %2: %3")
                                        .arg(n.atUs)
                                        .arg(wrong.join(QStringLiteral(", ")), n.en)));
            }
        }
        const qint64 end = s.endTime();
        QStringList sessions;
        for (const sim::Lane &l : s.result()->lanes)
            if (!l.sessionName.empty() && !sessions.contains(QString::fromStdString(l.sessionName)))
                sessions << QString::fromStdString(l.sessionName);
        int injected = 0;
        for (const QString &session : sessions)
            for (const KillKind kind : {KillKind::Query, KillKind::Connection})
                for (const double f : {0.11, 0.37, 0.63, 0.89}) {
                    const qint64 t = qint64(double(end) * f) + 3;
                    s.resetInjections();
                    s.waitForRun();
                    const KillTarget target = s.targetForSession(session, t);
                    if (target.id == 0)
                        continue; // not connected then
                    KillRequest r;
                    r.target = target;
                    r.kind = kind;
                    r.atUs = t;
                    s.kill(r);
                    s.waitForRun();
                    ++injected;
                    const Contents have(*s.result());
                    const QString what =
                        QStringLiteral("%1 %2 at %3 µs")
                            .arg(kind == KillKind::Query ? QStringLiteral("KILL QUERY")
                                                         : QStringLiteral("KILL CONNECTION"),
                                 session)
                            .arg(t);
                    bool told = false;
                    for (const NarrationStep &n : s.narration()) {
                        const QStringList wrong = have.missing(n.en);
                        QVERIFY2(wrong.isEmpty(),
                                 qPrintable(QStringLiteral(
                                                "%1: the step at %2 µs names %3, which this run "
                                                "does not have: %4")
                                                .arg(what)
                                                .arg(n.atUs)
                                                .arg(wrong.join(QStringLiteral(", ")), n.en)));
                        QVERIFY2(!n.en.contains(QLatin1String("of the reference")) &&
                                     !n.en.contains(QLatin1String("Demo ")),
                                 qPrintable(n.en));
                        told = told ||
                               (n.atUs >= t && n.en.startsWith(QLatin1String("You send KILL")));
                    }
                    QVERIFY2(told,
                             qPrintable(what + QStringLiteral(": no narration about the kill")));
                }
        QVERIFY(injected > 0);
    }

    // The case: after an injected KILL QUERY, the scenario's story of its KILL CONNECTION
    // (ERROR 2013, "the client was told") is gone, and what is said matches the client's 1317.
    void scenarioStepsVanishWithTheirEvents()
    {
        SimulationSource s;
        QVERIFY(s.loadBuiltin(QStringLiteral("big-update-kill-connection"),
                              QStringLiteral("mariadb-10.11")));
        s.waitForRun();
        KillRequest r;
        r.target = s.targetForSession(QStringLiteral("A"), 1'250'000);
        QCOMPARE(r.target.id, 11);
        r.kind = KillKind::Query;
        r.atUs = 1'250'000;
        s.kill(r);
        s.waitForRun();
        QString all;
        for (const NarrationStep &n : s.narration())
            all += n.en + QLatin1Char('\n');
        QVERIFY2(!all.contains(QLatin1String("2013")), qPrintable(all));
        QVERIFY2(!all.contains(QLatin1String("told the connection was lost")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("ERROR 1317")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("must undo")), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TestNarrationMatrix)
#include "tst_narrationmatrix.moc"
