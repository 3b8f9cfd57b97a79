// Lab mode against the throwaway MariaDB (fixture MDB): every built-in scenario MariaDB can run
// shows no undeclared text, state or outcome difference (timing ones are listed with their
// figures, and set the exit code); the lock-wait-kill report has what the issue asks for; a
// deliberately wrong copy exits 1; a server with other databases is refused without --lab-force;
// an interrupted run removes everything it created; application sessions run on QMYSQL.
//
// The program itself is run (`killscope --lab ...`), as a user would.

#include "scenarioparser.h"
#include "testserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace ks;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QString scenarioPath(const QString &id)
{
    return QStringLiteral(KILLSCOPE_SCENARIO_DIR "/%1.json").arg(id);
}

// The undeclared differences of a report, one line each: timing ones (a time outside its
// tolerance) or the others (text, state, outcome).
QStringList undeclared(const QJsonObject &report, bool timing)
{
    QStringList out;
    for (const QJsonValue &v : report.value(QStringLiteral("differences")).toArray()) {
        const QJsonObject d = v.toObject();
        const QString cls = d.value(QStringLiteral("class")).toString();
        if (d.value(QStringLiteral("declared")).toBool() || cls == QLatin1String("timing-ok") ||
            (cls == QLatin1String("timing")) != timing)
            continue;
        out << QStringLiteral("[%1] %2 %3 %4: sim “%5” / server “%6” %7")
                   .arg(cls, d.value(QStringLiteral("session")).toString(),
                        d.value(QStringLiteral("aspect")).toString())
                   .arg(double(d.value(QStringLiteral("t_us")).toInteger()) / 1e6, 0, 'f', 3)
                   .arg(d.value(QStringLiteral("sim")).toString(),
                        d.value(QStringLiteral("real")).toString(),
                        d.value(QStringLiteral("detail")).toString());
    }
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestLabLive : public QObject
{
    Q_OBJECT

private:
    test::TestServer m_server;
    QTemporaryDir m_dir;
    QString m_password; // the option file with the lab login's password

    QStringList serverArgs() const
    {
        return {QStringLiteral("--defaults-file=%1").arg(m_password), QStringLiteral("--socket"),
                m_server.socket, QStringLiteral("--user"), m_server.labUser};
    }

    Run lab(const QStringList &args, int timeoutMs = 240000)
    {
        QProcess p;
        p.setProgram(QStringLiteral(KILLSCOPE_BIN));
        p.setArguments(QStringList{QStringLiteral("--lab")} + args + serverArgs());
        p.start();
        Run r;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("timed out: ") + QString::fromUtf8(p.readAllStandardError());
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // Nothing of lab mode is left on the server: no database, no account, no connection.
    void verifyNothingLeft()
    {
        QSqlDatabase db = m_server.connection(test::TestServer::Via::Socket, m_server.labUser,
                                              m_server.labPassword);
        db.setDatabaseName(QString());
        KS_OPEN_OR_FAIL(db, m_server);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE "
                                      "SCHEMA_NAME = 'killscope_lab'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral(
            "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER LIKE 'kslab\\_%'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QSqlQuery u(db);
        QVERIFY(
            u.exec(QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE User LIKE 'kslab\\_%'")));
        QVERIFY(u.next());
        QCOMPARE(u.value(0).toInt(), 0);
    }

    // A copy of built-in scenario `id` in the test's folder, with `from` replaced by `to`; empty
    // when `from` is not in it or the copy cannot be written.
    QString copyWith(const QString &id, const QByteArray &from, const QByteArray &to,
                     const QString &name)
    {
        QByteArray text = readAll(scenarioPath(id));
        if (!text.contains(from))
            return QString();
        text.replace(from, to);
        const QString copy = m_dir.filePath(name);
        QFile f(copy);
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
            return QString();
        return copy;
    }

    static QString describe(const Run &r)
    {
        return QStringLiteral("exit %1\n%2\n%3").arg(r.exitCode).arg(r.out, r.err.right(3000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = test::TestServer::fromEnvironment();
        KS_REQUIRE_SERVER(m_server);
        QVERIFY(!m_server.labUser.isEmpty());
        QVERIFY(m_dir.isValid());
        m_password = m_dir.filePath(QStringLiteral("lab.cnf"));
        QFile f(m_password);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("[client]\npassword=%1\n").arg(m_server.labPassword).toUtf8());
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }

    // The fixture's server has a database of its own (testdb): lab mode will not touch it without
    // being told, and leaves no trace of having asked.
    void refusesServerWithOtherDatabases()
    {
        const Run r = lab({QStringLiteral("--scenario"), QStringLiteral("lock-wait-kill")});
        QVERIFY2(r.exitCode == 3, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QLatin1String("other databases: testdb")), qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("--lab-force")));
        verifyNothingLeft();
    }

    void badInput()
    {
        const Run r = lab({QStringLiteral("--scenario"), QStringLiteral("no-such-scenario"),
                           QStringLiteral("--lab-force")});
        QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY(r.err.contains(QLatin1String("no-such-scenario")));
    }

    // Every built-in scenario MariaDB can run, on MariaDB, without an undeclared text, state or
    // outcome difference.
    void builtins_data()
    {
        QTest::addColumn<QString>("id");
        const QDir dir(QStringLiteral(KILLSCOPE_SCENARIO_DIR));
        for (const QString &f :
             dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            const QByteArray text = readAll(dir.filePath(f));
            const auto parsed = sim::ScenarioParser::parse(
                std::string_view(text.constData(), size_t(text.size())), f.toStdString());
            QVERIFY2(parsed.ok(), parsed.errorText().c_str());
            if (parsed.scenario->supports(sim::Flavor::MariaDb1011) &&
                parsed.scenario->branches.empty())
                QTest::newRow(qPrintable(QFileInfo(f).completeBaseName()))
                    << QFileInfo(f).completeBaseName();
        }
    }
    // A scenario lab mode refuses (tst_lab: only restart-or-wait) ends with its reason at once.
    void refusesAlternativeEndings()
    {
        const Run r = lab({QStringLiteral("--scenario"), QStringLiteral("restart-or-wait"),
                           QStringLiteral("--lab-force")});
        QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QLatin1String("alternative endings")), qPrintable(r.err));
        verifyNothingLeft();
    }
    void builtins()
    {
        QFETCH(QString, id);
        // Each scenario's report stays in the build tree (lab-reports/ID.json), so a failure can
        // be read in full afterwards.
        QVERIFY(QDir().mkpath(QStringLiteral(KILLSCOPE_LAB_REPORT_DIR)));
        const QString report = QStringLiteral(KILLSCOPE_LAB_REPORT_DIR "/%1.json").arg(id);
        QFile::remove(report);
        QElapsedTimer t;
        t.start();
        const Run r = lab({QStringLiteral("--scenario"), id, QStringLiteral("--lab-force"),
                           QStringLiteral("--lab-report"), report});
        const QJsonObject o = QJsonDocument::fromJson(readAll(report)).object();
        const QJsonObject tol = o.value(QStringLiteral("tolerance")).toObject();
        // What must match is what the server shows and says: no undeclared text, state or outcome
        // difference. A time outside its tolerance is a difference too (the program exits 1 for
        // it), and is listed here with its figures; on a shared 2-core machine a real rate varies
        // more than the calibration's three repetitions can show.
        const QStringList mismatches = undeclared(o, false), timings = undeclared(o, true);
        qInfo("%s: %.1f s, %s, %lld timing difference(s) outside the tolerance, scheduling "
              "lateness %.1f ms, client-side "
              "tolerance %.1f ms",
              qPrintable(id), double(t.elapsed()) / 1000,
              mismatches.isEmpty() ? "matches" : "DIFFERS", qlonglong(timings.size()),
              double(tol.value(QStringLiteral("scheduling_lateness_us")).toInteger()) / 1000,
              double(tol.value(QStringLiteral("absolute_us")).toInteger()) / 1000);
        for (const QString &l : std::as_const(timings))
            qInfo("  %s", qPrintable(l));
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY2(mismatches.isEmpty(),
                 qPrintable(mismatches.join(u'\n') + QStringLiteral("\nreport: ") + report));
        // The exit code says whether anything at all differed.
        QCOMPARE(r.exitCode == 0, timings.isEmpty());
        QCOMPARE(r.out.contains(QLatin1String("0 undeclared differences")), timings.isEmpty());
        // The run measured its own scheduling on every stamping thread.
        QVERIFY(!o.value(QStringLiteral("scheduling")).toArray().isEmpty());
        QVERIFY(o.value(QStringLiteral("scheduling"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("wakeups"))
                    .toInteger() > 0);
        QCOMPARE(
            o.value(QStringLiteral("result")).toObject().value(QStringLiteral("passed")).toBool(),
            timings.isEmpty());
        QCOMPARE(o.value(QStringLiteral("flavor")).toString(), QStringLiteral("mariadb-10.11"));
        QVERIFY(o.value(QStringLiteral("samples")).toArray().size() > 5);
        verifyNothingLeft();
    }

    // The report the issue asks for: per session the real and simulated client lines and
    // (Command, State) sequences, kills, order of leaving, end state.
    void lockWaitKillReport()
    {
        const QString json = m_dir.filePath(QStringLiteral("lwk.json"));
        const QString md = m_dir.filePath(QStringLiteral("lwk.md"));
        Run r = lab({QStringLiteral("--scenario"), QStringLiteral("lock-wait-kill"),
                     QStringLiteral("--lab-force"), QStringLiteral("--lab-report"), json});
        const QJsonObject o = QJsonDocument::fromJson(readAll(json)).object();
        // Exit 0 exactly when the report has no undeclared difference, 1 otherwise.
        const QJsonObject result = o.value(QStringLiteral("result")).toObject();
        QVERIFY2(
            r.exitCode ==
                (result.value(QStringLiteral("undeclared_differences")).toInteger() == 0 ? 0 : 1),
            qPrintable(describe(r)));
        QVERIFY2(undeclared(o, false).isEmpty(), qPrintable(undeclared(o, false).join(u'\n')));
        QCOMPARE(o.value(QStringLiteral("format")).toString(),
                 QStringLiteral("killscope-lab-report"));
        const QJsonArray sessions = o.value(QStringLiteral("sessions")).toArray();
        QCOMPARE(sessions.size(), 3);
        for (const QJsonValue &v : sessions) {
            const QJsonObject s = v.toObject();
            for (const char *side : {"sim", "real"}) {
                QVERIFY2(!s.value(QStringLiteral("lines"))
                              .toObject()
                              .value(QLatin1String(side))
                              .toArray()
                              .isEmpty(),
                         side);
                QVERIFY2(!s.value(QStringLiteral("states"))
                              .toObject()
                              .value(QLatin1String(side))
                              .toArray()
                              .isEmpty(),
                         side);
            }
        }
        // B's error, on both sides, and the kill's latency.
        const QJsonObject b = sessions.at(1).toObject();
        auto has = [](const QJsonArray &lines, const QString &text) {
            for (const QJsonValue &l : lines)
                if (l.toObject().value(QStringLiteral("text")).toString() == text)
                    return true;
            return false;
        };
        const QString err = QStringLiteral("ERROR 1317 (70100): Query execution was interrupted");
        QVERIFY(
            has(b.value(QStringLiteral("lines")).toObject().value(QStringLiteral("sim")).toArray(),
                err));
        QVERIFY(
            has(b.value(QStringLiteral("lines")).toObject().value(QStringLiteral("real")).toArray(),
                err));
        const QJsonArray kills = b.value(QStringLiteral("kills")).toArray();
        QCOMPARE(kills.size(), 1);
        QVERIFY(kills.at(0).toObject().value(QStringLiteral("real_latency_us")).toInteger() >= 0);
        QVERIFY(o.contains(QStringLiteral("leave_order")));
        const QJsonArray tables = o.value(QStringLiteral("end_state"))
                                      .toObject()
                                      .value(QStringLiteral("tables"))
                                      .toArray();
        QCOMPARE(tables.size(), 1);
        QCOMPARE(tables.at(0).toObject().value(QStringLiteral("real_rows_changed")).toBool(),
                 true); // A committed
        r = lab({QStringLiteral("--scenario"), QStringLiteral("lock-wait-kill"),
                 QStringLiteral("--lab-force"), QStringLiteral("--lab-report"), md});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(describe(r)));
        const QString text = QString::fromUtf8(readAll(md));
        QVERIFY(text.contains(QLatin1String("## Session B")));
        QCOMPARE(text.contains(QLatin1String("no undeclared differences")), r.exitCode == 0);
    }

    // A copy whose simulation is deliberately wrong (B's wait shows another State): exit 1, and the
    // report names the state difference at B.
    void wrongCopyExitsOne()
    {
        const QString copy = copyWith(QStringLiteral("lock-wait-kill"),
                                      "\"lock\": [\"t:id=1\"] } ] } ] },\n    { \"name\": \"C\"",
                                      "\"lock\": [\"t:id=1\"], \"stage\": \"Waiting for row lock\" "
                                      "} ] } ] },\n    { \"name\": \"C\"",
                                      QStringLiteral("wrong-lock-wait.json"));
        QVERIFY(!copy.isEmpty());
        const QString report = m_dir.filePath(QStringLiteral("wrong.json"));
        const Run r = lab({QStringLiteral("--scenario"), copy, QStringLiteral("--lab-force"),
                           QStringLiteral("--lab-report"), report});
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY(r.out.contains(QLatin1String("[state]")));
        bool found = false;
        for (const QJsonValue &v : QJsonDocument::fromJson(readAll(report))
                                       .object()
                                       .value(QStringLiteral("differences"))
                                       .toArray()) {
            const QJsonObject d = v.toObject();
            if (d.value(QStringLiteral("class")).toString() == QLatin1String("state") &&
                d.value(QStringLiteral("session")).toString() == QLatin1String("B") &&
                d.value(QStringLiteral("sim"))
                    .toString()
                    .contains(QLatin1String("Waiting for row lock")))
                found = true;
        }
        QVERIFY(found);
        verifyNothingLeft();
    }

    // Application sessions (client "app") run on their own QMYSQL connection.
    void applicationSessions()
    {
        const QString copy =
            copyWith(QStringLiteral("lock-wait-kill"),
                     "{ \"name\": \"B\", \"id\": 12, \"db\": \"k\", \"autoRehash\": false,",
                     "{ \"name\": \"B\", \"id\": 12, \"db\": \"k\", \"client\": \"app\",",
                     QStringLiteral("app-lock-wait.json"));
        QVERIFY(!copy.isEmpty());
        const QString report = m_dir.filePath(QStringLiteral("app.json"));
        const Run r = lab({QStringLiteral("--scenario"), copy, QStringLiteral("--lab-force"),
                           QStringLiteral("--lab-report"), report});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QJsonObject b = QJsonDocument::fromJson(readAll(report))
                                  .object()
                                  .value(QStringLiteral("sessions"))
                                  .toArray()
                                  .at(1)
                                  .toObject();
        const QJsonArray real =
            b.value(QStringLiteral("lines")).toObject().value(QStringLiteral("real")).toArray();
        QCOMPARE(real.size(), 1);
        QCOMPARE(real.at(0).toObject().value(QStringLiteral("text")).toString(),
                 QStringLiteral("ERROR 1317 (70100): Query execution was interrupted"));
    }

    // --lab-calibrate writes the scenario with this server's costs, still valid.
    void calibrate()
    {
        const QString out = m_dir.filePath(QStringLiteral("calibrated.json"));
        const Run r = lab({QStringLiteral("--scenario"), QStringLiteral("big-update-kill-query"),
                           QStringLiteral("--lab-force"), QStringLiteral("--lab-calibrate"), out,
                           QStringLiteral("--lab-scale"), QStringLiteral("0.1")});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(describe(r)));
        const QByteArray text = readAll(out);
        const auto parsed = sim::ScenarioParser::parse(
            std::string_view(text.constData(), size_t(text.size())), "calibrated.json");
        QVERIFY2(parsed.ok(), parsed.errorText().c_str());
        const QByteArray original = readAll(scenarioPath(QStringLiteral("big-update-kill-query")));
        const auto before = sim::ScenarioParser::parse(
            std::string_view(original.constData(), size_t(original.size())), "o.json");
        QVERIFY(before.ok());
        // The declared sizes stay; the costs are this server's.
        QCOMPARE(parsed.scenario->sessions[0].statements[0].steps[2].count,
                 before.scenario->sessions[0].statements[0].steps[2].count);
        QVERIFY(parsed.scenario->sessions[0].statements[0].steps[2].perRowNs !=
                before.scenario->sessions[0].statements[0].steps[2].perRowNs);
        QVERIFY(parsed.scenario->sessions[0].statements[0].steps[2].rollbackPerRowNs > 0);
    }

    // Ctrl+C of the program (SIGINT) mid-run: it stops and removes everything it created.
    void interruptCleansUp()
    {
        QProcess p;
        p.setProgram(QStringLiteral(KILLSCOPE_BIN));
        p.setArguments(QStringList{QStringLiteral("--lab"), QStringLiteral("--scenario"),
                                   QStringLiteral("idle-transaction-kill"),
                                   QStringLiteral("--lab-force")} +
                       serverArgs());
        p.start();
        QVERIFY(p.waitForStarted());
        QString err;
        QElapsedTimer t;
        t.start();
        while (!err.contains(QLatin1String("Running scenario")) && t.elapsed() < 180000 &&
               p.state() == QProcess::Running) {
            p.waitForReadyRead(200);
            err += QString::fromUtf8(p.readAllStandardError());
        }
        QVERIFY2(err.contains(QLatin1String("Running scenario")), qPrintable(err));
        QTest::qWait(500);
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(120000));
        err += QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 4);
        QVERIFY2(err.contains(QLatin1String("Interrupted")), qPrintable(err));
        verifyNothingLeft();
    }
};

QTEST_GUILESS_MAIN(TestLabLive)
#include "tst_lab.moc"
