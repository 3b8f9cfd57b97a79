// The scenario parser and validator, time parsing, and determinism of runs and reports.

#include "simtestutil.h"

#include <QDir>
#include <QTest>
#include <algorithm>

using namespace simtest;

class TestScenarioParser : public QObject
{
    Q_OBJECT

private slots:
    void timeParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("us");       // -1 = must fail
        QTest::addColumn<QString>("error");   // fragment of the message
        QTest::newRow("seconds") << "1.5s" << qint64(1'500'000) << "";
        QTest::newRow("millis") << "200ms" << qint64(200'000) << "";
        QTest::newRow("micros") << "3000us" << qint64(3000) << "";
        QTest::newRow("nanos whole us") << "5000ns" << qint64(5) << "";
        QTest::newRow("zero") << "0s" << qint64(0) << "";
        QTest::newRow("fraction ms") << "0.25ms" << qint64(250) << "";
        QTest::newRow("leading dot") << ".5s" << qint64(500'000) << "";
        QTest::newRow("trailing zeros") << "1.500000000s" << qint64(1'500'000) << "";
        QTest::newRow("big") << "3600s" << qint64(3'600'000'000LL) << "";
        QTest::newRow("no unit") << "5" << qint64(-1) << "has no unit";
        QTest::newRow("bad unit") << "5min" << qint64(-1) << "unknown unit \"min\"";
        QTest::newRow("negative") << "-1s" << qint64(-1) << "negative";
        QTest::newRow("empty") << "" << qint64(-1) << "empty";
        QTest::newRow("not a number") << "abc" << qint64(-1) << "is not a time";
        QTest::newRow("sub-us") << "1.5us" << qint64(-1) << "not a whole number of microseconds";
        QTest::newRow("too fine") << "1.0001ns" << qint64(-1) << "finer than 1 ns";
        QTest::newRow("overflow") << "99999999999999999999s" << qint64(-1) << "too large";
        QTest::newRow("space") << "1 s" << qint64(-1) << "unknown unit";
        // Overflow-safe: every step is checked before it is taken (these overflowed int64_t).
        QTest::newRow("fraction carries over")
            << "9223372036.900000616s" << qint64(-1) << "too large";
        QTest::newRow("int64 max + 1 ns") << "9223372036854775808ns" << qint64(-1) << "too large";
        QTest::newRow("int64 max + 2 ns") << "9223372036854775809ns" << qint64(-1) << "too large";
        QTest::newRow("huge ms") << "9223372036854776ms" << qint64(-1) << "too large";
        QTest::newRow("int64 max ns")
            << "9223372036854775807ns" << qint64(-1) << "not a whole number of microseconds";
        QTest::newRow("largest") << "9223372036854775000ns" << qint64(9'223'372'036'854'775LL)
                                 << "";
        QTest::newRow("largest s") << "9223372036.854775s" << qint64(9'223'372'036'854'775LL) << "";
    }
    void timeParsing()
    {
        QFETCH(QString, text);
        QFETCH(qint64, us);
        QFETCH(QString, error);
        const DurationParse p = parseTimeUs(text.toStdString());
        if (us >= 0) {
            QVERIFY2(p.value.has_value(), p.error.c_str());
            QCOMPARE(qint64(*p.value), us);
        } else {
            QVERIFY(!p.value);
            QVERIFY2(QString::fromStdString(p.error).contains(error), p.error.c_str());
        }
    }

    void costParsing()
    {
        QCOMPARE(*parseDurationNs("2.7us").value, int64_t(2700));
        QCOMPARE(*parseDurationNs("350ns").value, int64_t(350));
        QCOMPARE(*parseDurationNs("0.01ms").value, int64_t(10'000));
        QVERIFY(!parseDurationNs("0.5ns").value);
    }

    void formatting()
    {
        QCOMPARE(formatTimeUs(1'500'000), std::string("1.5s"));
        QCOMPARE(formatTimeUs(2'000'000), std::string("2s"));
        QCOMPARE(formatTimeUs(1'234), std::string("1.234ms"));
        QCOMPARE(formatTimeUs(7'000'100), std::string("7.0001s"));
        QCOMPARE(formatTimeUs(15), std::string("15us"));
        QCOMPARE(formatTimeUs(200'000), std::string("200ms"));
        for (TimeUs t : {TimeUs(1), TimeUs(999), TimeUs(1000), TimeUs(1001), TimeUs(123'456'789), TimeUs(3'600'000'000LL)})
            QCOMPARE(*parseTimeUs(formatTimeUs(t)).value, t);
        QCOMPARE(formatSeconds(4'320'002), std::string("4.320002"));
        QCOMPARE(clientElapsed(2'514'000, false), std::string("(2.51 sec)"));
        QCOMPARE(clientElapsed(62'004'000, false), std::string("(1 min 2.00 sec)"));
        QCOMPARE(clientElapsed(0, false), std::string("(0.00 sec)"));
        // The mariadb client prints milliseconds.
        QCOMPARE(clientElapsed(2'514'400, true), std::string("(2.514 sec)"));
        QCOMPARE(clientElapsed(62'004'000, true), std::string("(1 min 2.004 sec)"));
        QCOMPARE(clientElapsed(1'500, true), std::string("(0.002 sec)"));
        QCOMPARE(clientElapsed(0, true), std::string("(0.000 sec)"));
    }

    // Broken inputs → the message names the JSON location and what is wrong.
    void validatorMessages_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        const QString minimal = QStringLiteral(R"({"version":1,"id":"x","title":{"en":"a","zh_CN":"b"},"flavors":["mysql-8.0"],"sessions":[%1]%2})");
        const QString sess = QStringLiteral(R"({"name":"A","statements":[%1]})");
        auto doc = [&](const QString &stmt, const QString &extra = QString()) { return minimal.arg(sess.arg(stmt), extra); };
        QTest::newRow("not json") << "{" << "x.json: invalid JSON: parse error";
        QTest::newRow("not object") << "[]" << "x.json: expected an object, got an array";
        QTest::newRow("no version") << R"({"id":"x"})" << "missing required key \"version\"";
        QTest::newRow("wrong version") << minimal.arg(sess.arg(QString()), QString()).replace(QStringLiteral("\"version\":1"), QStringLiteral("\"version\":2"))
                                      << "/version: unsupported version 2";
        QTest::newRow("bad id") << minimal.arg(sess.arg(QString()), QString()).replace(QStringLiteral("\"id\":\"x\""), QStringLiteral("\"id\":\"X Y\""))
                                << "/id: ids use only a-z, 0-9 and -";
        QTest::newRow("unknown flavor") << minimal.arg(sess.arg(QString()), QString()).replace(QStringLiteral("mysql-8.0"), QStringLiteral("oracle"))
                                        << "/flavors/0: unknown flavor \"oracle\"";
        QTest::newRow("unknown top key") << minimal.arg(sess.arg(QString()), QStringLiteral(",\"sesions\":[]")) << "/sesions: unknown key \"sesions\"";
        QTest::newRow("rows not int") << doc(R"({"sql":"U","steps":[{"op":"rows","count":"ten","perRow":"1us"}]})")
                                      << "/sessions/0/statements/0/steps/0/count: expected a non-negative integer, got \"ten\"";
        QTest::newRow("negative rows") << doc(R"({"sql":"U","steps":[{"op":"rows","count":-5,"perRow":"1us"}]})")
                                       << "/sessions/0/statements/0/steps/0/count: must be at least 0, got -5";
        QTest::newRow("missing perRow") << doc(R"({"sql":"U","steps":[{"op":"rows","count":5}]})")
                                        << "/sessions/0/statements/0/steps/0: missing required key \"perRow\"";
        QTest::newRow("bad time") << doc(R"({"sql":"U","at":"5 minutes"})") << "/sessions/0/statements/0/at: unknown unit";
        QTest::newRow("time no unit") << doc(R"({"sql":"U","at":"5"})") << "/sessions/0/statements/0/at: \"5\" has no unit";
        QTest::newRow("bad op") << doc(R"({"sql":"U","steps":[{"op":"explode"}]})") << "/sessions/0/statements/0/steps/0/op: unknown op \"explode\"";
        QTest::newRow("unknown step key") << doc(R"({"sql":"U","steps":[{"op":"cpu","duration":"1ms","rows":3}]})")
                                          << "/sessions/0/statements/0/steps/0/rows: unknown key \"rows\"";
        QTest::newRow("kill without kill") << doc(R"({"sql":"KILL 1","kind":"kill"})") << "/sessions/0/statements/0: a statement of kind \"kill\" needs a \"kill\" object";
        QTest::newRow("kill unknown session") << doc(R"({"sql":"KILL","kind":"kill","kill":{"target":"Z"}})")
                                              << "/sessions/0/statements/0/kill/target: no session named \"Z\"";
        QTest::newRow("two targets") << doc(R"({"sql":"KILL","kind":"kill","kill":{"target":1,"user":"u"}})") << "takes only one of";
        QTest::newRow("bad mdl mode") << doc(R"({"sql":"U","steps":[{"op":"mdl","table":"t","mode":"Z"}]})") << "/steps/0/mode: unknown MDL mode \"Z\"";
        QTest::newRow("empty sql") << doc(R"({"sql":""})") << "/sessions/0/statements/0/sql: must not be empty";
        QTest::newRow("duplicate names") << minimal.arg(QStringLiteral(R"({"name":"A"},{"name":"A"})"), QString()) << "/sessions/1/name: duplicate session name \"A\"";
        QTest::newRow("duplicate ids") << minimal.arg(QStringLiteral(R"({"name":"A","id":3},{"name":"B","id":3})"), QString()) << "/sessions/1/id: duplicate processlist id 3";
        QTest::newRow("ctrl-c app") << minimal.arg(QStringLiteral(R"({"name":"A","client":"app"})"), QStringLiteral(R"(,"actions":[{"do":"ctrl_c","at":"1s","session":"A"}])"))
                                    << "/actions/0/session: Ctrl+C needs a command-line client";
        QTest::newRow("set unknown") << minimal.arg(sess.arg(QString()), QStringLiteral(R"(,"actions":[{"do":"set","at":"1s","name":"x","value":1}])"))
                                     << "/actions/0/name: cannot set \"x\"";
        QTest::newRow("narration both") << minimal.arg(sess.arg(QString()), QStringLiteral(R"(,"narration":[{"at":"1s","on":{"event":"connect"},"en":"a","zh_CN":"b"}])"))
                                        << "/narration/0: a narration step takes \"at\" or \"on\", not both";
        QTest::newRow("narration event") << minimal.arg(sess.arg(QString()), QStringLiteral(R"(,"narration":[{"on":{"event":"boom"},"en":"a","zh_CN":"b"}])"))
                                         << "/narration/0/on/event: unknown event \"boom\"";
        QTest::newRow("title zh missing") << minimal.arg(sess.arg(QString()), QString()).replace(QStringLiteral(",\"zh_CN\":\"b\""), QString())
                                          << "/title: missing required key \"zh_CN\"";
        QTest::newRow("default flavor") << minimal.arg(sess.arg(QString()), QStringLiteral(R"(,"defaultFlavor":"mysql-5.7")"))
                                        << "/defaultFlavor: is not one of \"flavors\"";
        QTest::newRow("concurrency range") << minimal.arg(sess.arg(QString()), QStringLiteral(R"(,"server":{"innodb_thread_concurrency":5000})"))
                                           << "/server/innodb_thread_concurrency: must be at most 1000, got 5000";
        QTest::newRow("io pressure") << minimal.arg(sess.arg(QString()), QStringLiteral(R"(,"server":{"io_pressure":-1})"))
                                     << "/server/io_pressure: must be between 0";
        QTest::newRow("pointer escaping") << minimal.arg(sess.arg(QString()), QStringLiteral(R"(,"a/b~c":1)")) << "/a~1b~0c: unknown key";
        // The lab section.
        const QString kill = QStringLiteral(R"j({"sql":"KILL 1","kind":"kill","kill":{"target":1}})j");
        const QString reason = QStringLiteral(R"j("reason":{"en":"a","zh_CN":"b"})j");
        auto lab = [&](const QString &body, const QString &stmt = QString()) {
            return minimal.arg(sess.arg(stmt), QStringLiteral(R"j(,"tables":[{"name":"t"}],"lab":{%1})j").arg(body));
        };
        const QString table = QStringLiteral(R"j("tables":[{"name":"t","create":"CREATE TABLE t (id INT)","rows":5,"fill":"seq"}])j");
        QTest::newRow("lab unknown key") << lab(table + QStringLiteral(R"j(,"scal":1)j")) << "/lab/scal: unknown key \"scal\"";
        QTest::newRow("lab scale") << lab(table + QStringLiteral(R"j(,"scale":2)j")) << "/lab/scale: must be between 0.001 and 1";
        QTest::newRow("lab table missing") << lab(QStringLiteral(R"j("tables":[])j")) << "/lab/tables: table \"t\" of /tables has no definition here";
        QTest::newRow("lab create") << lab(QStringLiteral(R"j("tables":[{"name":"t","create":"DROP TABLE t"}])j"))
                                    << "/lab/tables/0/create: expected a CREATE TABLE statement";
        QTest::newRow("lab fill") << lab(QStringLiteral(R"j("tables":[{"name":"t","create":"CREATE TABLE t (id INT)","rows":5}])j"))
                                  << "/lab/tables/0: a table with \"rows\" needs \"fill\"";
        QTest::newRow("lab twice") << lab(QStringLiteral(R"j("tables":[{"name":"t","create":"CREATE TABLE t (id INT)"},{"name":"t","create":"CREATE TABLE t (id INT)"}])j"))
                                   << "/lab/tables/1/name: table \"t\" defined twice";
        QTest::newRow("lab statement index") << lab(table + QStringLiteral(R"j(,"statements":[{"session":"A","statement":3,"sql":"SELECT 2"}])j"))
                                             << "/lab/statements/0/statement: session \"A\" has 0 statements, there is no statement 3";
        QTest::newRow("lab statement session") << lab(table + QStringLiteral(R"j(,"statements":[{"session":"Z","statement":0,"sql":"x"}])j"))
                                               << "/lab/statements/0/session: no session named \"Z\"";
        QTest::newRow("lab kill sql") << lab(table + QStringLiteral(R"j(,"statements":[{"session":"A","statement":0,"sql":"KILL 5"}])j"), kill)
                                      << "/lab/statements/0/statement: a kill statement is sent from its \"kill\" object";
        QTest::newRow("lab client") << lab(table + QStringLiteral(R"j(,"clients":[{"session":"A","client":"psql",%1}])j").arg(reason))
                                    << "/lab/clients/0/client: unknown client \"psql\"";
        QTest::newRow("lab client reason") << lab(table + QStringLiteral(R"j(,"clients":[{"session":"A","client":"mariadb-10.11"}])j"))
                                           << "/lab/clients/0: missing required key \"reason\"";
        QTest::newRow("lab difference class") << lab(table + QStringLiteral(R"j(,"differences":[{"class":"colour",%1}])j").arg(reason))
                                              << "/lab/differences/0/class: unknown class \"colour\"";
        QTest::newRow("lab difference aspect") << lab(table + QStringLiteral(R"j(,"differences":[{"class":"text","aspect":"mood",%1}])j").arg(reason))
                                               << "/lab/differences/0/aspect: unknown aspect \"mood\"";
        QTest::newRow("lab difference match") << lab(table + QStringLiteral(R"j(,"differences":[{"class":"state","match":"",%1}])j").arg(reason))
                                              << "/lab/differences/0/match: must not be empty";
        QTest::newRow("lab difference reason") << lab(table + QStringLiteral(R"j(,"differences":[{"class":"text","reason":{"en":"a"}}])j"))
                                               << "/lab/differences/0/reason: missing required key \"zh_CN\"";
        const QString sortStmt = QStringLiteral(R"j({"sql":"SELECT 1","kind":"select","steps":[{"op":"cpu","duration":"1ms"},{"op":"tempfile","bytes":100}]})j");
        QTest::newRow("lab tempfile step") << lab(table + QStringLiteral(R"j(,"tempfiles":[{"session":"A","statement":0,"step":0,"bytes":5,%1}])j").arg(reason), sortStmt)
                                           << "/lab/tempfiles/0/step: step 0 of that statement is not a tempfile step";
        QTest::newRow("lab tempfile bytes") << lab(table + QStringLiteral(R"j(,"tempfiles":[{"session":"A","statement":0,"step":1,"bytes":-5,%1}])j").arg(reason), sortStmt)
                                            << "/lab/tempfiles/0/bytes: must be at least 0";
        QTest::newRow("lab tempfile reason") << lab(table + QStringLiteral(R"j(,"tempfiles":[{"session":"A","statement":0,"step":1,"bytes":5}])j"), sortStmt)
                                             << "/lab/tempfiles/0: missing required key \"reason\"";
        QTest::newRow("lab tempfile twice") << lab(table + QStringLiteral(R"j(,"tempfiles":[{"session":"A","statement":0,"step":1,"bytes":5,%1},{"session":"A","statement":0,"step":1,"bytes":6,%1}])j").arg(reason), sortStmt)
                                            << "/lab/tempfiles/1: that step has a lab size twice";
        // Out-of-range times: every one a clear error with its pointer.
        QTest::newRow("until overflow")
            << minimal.arg(sess.arg(QString()),
                           QStringLiteral(R"j(,"until":"9223372036.900000616s")j"))
            << "x.json: /until: time \"9223372036.900000616s\" is too large";
        QTest::newRow("until beyond a run")
            << minimal.arg(sess.arg(QString()), QStringLiteral(R"j(,"until":"2h")j"))
            << "/until: unknown unit \"h\"";
        QTest::newRow("until 3601s")
            << minimal.arg(sess.arg(QString()), QStringLiteral(R"j(,"until":"3601s")j"))
            << "/until: time \"3601s\" is too large (at most 3600s)";
        QTest::newRow("until integer")
            << minimal.arg(sess.arg(QString()), QStringLiteral(R"j(,"until":3600000001)j"))
            << "/until: time 3600000001us is too large (at most 3600s)";
        QTest::newRow("time integer huge")
            << doc(R"j({"sql":"U","at":18446744073709551615})j")
            << "/sessions/0/statements/0/at: time 18446744073709551615us is too large (at most "
               "1000000000s)";
        QTest::newRow("time integer negative")
            << doc(R"j({"sql":"U","at":-1})j") << "/sessions/0/statements/0/at: negative time -1";
        QTest::newRow("time string huge") << doc(R"j({"sql":"U","after":"1000000001s"})j")
                                          << "/sessions/0/statements/0/after: time \"1000000001s\" "
                                             "is too large (at most 1000000000s)";
        QTest::newRow("narration offset")
            << minimal.arg(
                   sess.arg(QString()),
                   QStringLiteral(
                       R"j(,"narration":[{"at":"1s","offset":"9223372036854775807us","en":"a","zh_CN":"b"}])j"))
            << "/narration/0/offset: time \"9223372036854775807us\" is too large";
        // Out-of-range costs: a row costs at most 1 s, CPU and I/O together (2^30 bytes per row
        // at the default 200 MB/s is 5.4 s; it overflowed a float-to-integer conversion).
        QTest::newRow("io per row")
            << doc(R"j({"sql":"U","steps":[{"op":"rows","count":5,"perRow":"1us","ioBytesPerRow":1073741824}]})j")
            << "/sessions/0/statements/0/steps/0/ioBytesPerRow: a row would cost perRow 1us plus "
               "5.36871s of I/O for "
               "1073741824 bytes at io_bandwidth 200000000 bytes/s and io_pressure 0; a row may "
               "cost at most 1s";
        QTest::newRow("io per row, slow device")
            << minimal.arg(
                   sess.arg(QStringLiteral(
                       R"j({"sql":"U","steps":[{"op":"rows","count":5,"perRow":"1us","ioBytesPerRow":16384}]})j")),
                   QStringLiteral(R"j(,"server":{"io_bandwidth":1000})j"))
            << "/steps/0/ioBytesPerRow: a row would cost perRow 1us plus 16.384s of I/O";
        QTest::newRow("io per row, later pressure")
            << minimal.arg(
                   sess.arg(QStringLiteral(
                       R"j({"sql":"U","steps":[{"op":"rows","count":5,"perRow":"1us","ioBytesPerRow":1000000}]})j")),
                   QStringLiteral(
                       R"j(,"actions":[{"do":"set","at":"1s","name":"io_pressure","value":999}])j"))
            << "/steps/0/ioBytesPerRow: a row would cost perRow 1us plus 5s of I/O for 1000000 "
               "bytes at io_bandwidth 200000000 bytes/s and io_pressure 999";
        QTest::newRow("cpu plus io")
            << doc(R"j({"sql":"U","steps":[{"op":"rows","count":5,"perRow":"0.9s","ioBytesPerRow":40000000}]})j")
            << "/steps/0/ioBytesPerRow: a row would cost perRow 900ms plus 200ms of I/O";
        QTest::newRow("rollback io per row")
            << doc(R"j({"sql":"U","steps":[{"op":"rows","count":5,"perRow":"1us","modify":true,"rollbackIoBytesPerRow":1073741824}]})j")
            << "/steps/0/rollbackIoBytesPerRow: a row would cost rollbackPerRow 1us plus 5.36871s "
               "of I/O";
        QTest::newRow("rollback cpu plus inherited io")
            << doc(R"j({"sql":"U","steps":[{"op":"rows","count":5,"perRow":"1us","modify":true,"rollbackPerRow":"1s","ioBytesPerRow":200000}]})j")
            << "/steps/0/rollbackPerRow: a row would cost rollbackPerRow 1s plus 1ms of I/O";
        QTest::newRow("io request")
            << doc(R"j({"sql":"U","steps":[{"op":"io","bytes":1125899906842624}]})j")
            << "/sessions/0/statements/0/steps/0/bytes: 1125899906842624 bytes would take "
               "5.6295e+06s at io_bandwidth 200000000 "
               "bytes/s and io_pressure 0, longer than a run can last (3600s)";
        QTest::newRow("tempfile")
            << doc(R"j({"sql":"U","steps":[{"op":"tempfile","bytes":720000000001}]})j")
            << "/steps/0/bytes: 720000000001 bytes would take 3600s";
        // An explicit id that an automatic id would also get: the run used to move it silently.
        QTest::newRow("id clash") << minimal.arg(
                                         QStringLiteral(R"j({"name":"A"},{"name":"B","id":10})j"),
                                         QString())
                                  << "/sessions/1/id: processlist id 10 clashes with the automatic "
                                     "ids 10-10 of the 1 session without an \"id\" "
                                     "(they count up from first_connection_id 10): give every "
                                     "session an id, or use an id outside 10-10";
        QTest::newRow("id clash, moved start")
            << minimal.arg(QStringLiteral(R"j({"name":"A","id":52},{"name":"B"},{"name":"C"})j"),
                           QStringLiteral(R"j(,"server":{"first_connection_id":51})j"))
            << "/sessions/0/id: processlist id 52 clashes with the automatic ids 51-52 of the 2 "
               "sessions";
        QTest::newRow("id clash, daemon")
            << minimal.arg(QStringLiteral(
                               R"j({"name":"E","system":"event_scheduler"},{"name":"B","id":10})j"),
                           QString())
            << "/sessions/1/id: processlist id 10 clashes";
        // The one size limit.
        QTest::newRow("too large")
            << QString(QStringLiteral(" ").repeated(16 * 1024 * 1024) + QStringLiteral("{}"))
            << "x.json: the scenario is 16777218 bytes, more than the 16777216 bytes (16 MiB) a "
               "scenario may have";
    }
    void validatorMessages()
    {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        const auto r = ScenarioParser::parse(json.toStdString(), "x.json");
        QVERIFY(!r.ok());
        const QString text = QString::fromStdString(r.errorText());
        QVERIFY2(text.contains(expected), qPrintable(text));
        QVERIFY(text.startsWith(QStringLiteral("x.json: ")));
    }

    void explicitIdsOutsideTheAutomaticRangeAreFine()
    {
        const char *json = "{\"version\":1,\"id\":\"x\",\"title\":{\"en\":\"a\",\"zh_CN\":\"b\"},"
                           "\"flavors\":[\"mysql-8.0\"],"
                           "\"sessions\":[{\"name\":\"A\"},{\"name\":\"B\"},{\"name\":\"C\",\"id\":"
                           "12},{\"name\":\"D\",\"id\":9}]}";
        const auto r = ScenarioParser::parse(json, "x.json");
        QVERIFY2(r.ok(), r.errorText().c_str());
        const auto big =
            ScenarioParser::parse(std::string(ScenarioParser::kMaxBytes - 2, ' ') + "{}", "x.json");
        QVERIFY(!big.ok());
        QVERIFY2(big.errorText().find("16 MiB") == std::string::npos,
                 big.errorText().c_str()); // parsed, not refused
    }

    // Scenario text is quoted in messages (unknown keys, names): it reaches a terminal escaped.
    void errorMessagesEscapeControlCharacters()
    {
        const char *json = "{\"version\":1,\"id\":\"x\",\"title\":{\"en\":\"a\",\"zh_CN\":\"b\"},"
                           "\"flavors\":[\"mysql-8.0\"],"
                           "\"sessions\":[{\"name\":\"A\",\"client\":\"\\u001b]0;"
                           "owned\\u0007\\u009b31m\"}],\"\\u001b[2J\":1}";
        const auto r = ScenarioParser::parse(json, "x.json");
        QVERIFY(!r.ok());
        const std::string text = r.errorText();
        QVERIFY2(text.find('\x1b') == std::string::npos, text.c_str());
        QVERIFY2(text.find('\x07') == std::string::npos, text.c_str());
        QVERIFY2(text.find("\xc2\x9b") == std::string::npos, text.c_str());
        QVERIFY2(text.find("/\\x1b[2J: unknown key \"\\x1b[2J\"") != std::string::npos,
                 text.c_str());
        QVERIFY2(text.find("unknown client \"\\x1b]0;owned\\x07\\u009b31m\"") != std::string::npos,
                 text.c_str());
        // Lines stay lines: one per error.
        QCOMPARE(size_t(std::count(text.begin(), text.end(), '\n')), r.errors.size());
    }

    void escapeControl_data()
    {
        QTest::addColumn<QByteArray>("in");
        QTest::addColumn<QByteArray>("out");
        QTest::newRow("plain") << QByteArray("SELECT 1") << QByteArray("SELECT 1");
        QTest::newRow("utf-8") << QByteArray("\xe6\x9d\x80 é") << QByteArray("\xe6\x9d\x80 é");
        QTest::newRow("newline tab") << QByteArray("a\nb\tc\rd") << QByteArray("a\\nb\\tc\\rd");
        QTest::newRow("esc") << QByteArray("\x1b[31mred") << QByteArray("\\x1b[31mred");
        QTest::newRow("nul bel del")
            << QByteArray("a\0b\x07\x7f", 5) << QByteArray("a\\x00b\\x07\\x7f");
        QTest::newRow("c1 csi") << QByteArray("\xc2\x9b"
                                              "2J")
                                << QByteArray("\\u009b2J");
        QTest::newRow("c1 bounds")
            << QByteArray("\xc2\x80\xc2\x9f\xc2\xa0") << QByteArray("\\u0080\\u009f\xc2\xa0");
        QTest::newRow("lone c2 at end") << QByteArray("x\xc2") << QByteArray("x\xc2");
    }
    void escapeControl()
    {
        QFETCH(QByteArray, in);
        QFETCH(QByteArray, out);
        QCOMPARE(QByteArray::fromStdString(ks::sim::escapeControl(in.toStdString())), out);
    }

    void jsonQuoteEscapesC1()
    {
        QCOMPARE(jsonQuote("a\x1b\xc2\x9bz\""), std::string("\"a\\u001b\\u009bz\\\"\""));
    }

    void manyErrorsAreReportedTogether()
    {
        const auto r = ScenarioParser::parse(R"j({"version":"one","id":5,"title":1,"flavors":[],"sessions":[]})j", "y.json");
        QVERIFY(r.errors.size() >= 4);
    }

    void labSectionParses()
    {
        const std::string json = R"j({"version":1,"id":"x","title":{"en":"a","zh_CN":"b"},"flavors":["mariadb-10.11"],
            "tables":[{"name":"t"}],
            "sessions":[{"name":"A","client":"mysql-8.0","statements":[{"sql":"UPDATE t SET v=1 WHERE id <= 10"}]}],
            "lab":{"scale":0.5,
                   "tables":[{"name":"t","create":"CREATE TABLE t (id INT PRIMARY KEY, v INT)","rows":100,"fill":"seq, 0"}],
                   "statements":[{"session":"A","statement":0,"sql":"UPDATE t SET v=1 WHERE id <= {rows:10}"}],
                   "clients":[{"session":"A","client":"mariadb-10.11","reason":{"en":"e","zh_CN":"z"}}],
                   "differences":[{"session":"A","class":"timing","aspect":"rollback-rate","reason":{"en":"why","zh_CN":"为何"}}]}})j";
        const auto r = ScenarioParser::parse(json, "x.json");
        QVERIFY2(r.ok(), r.errorText().c_str());
        const LabSpec &lab = r.scenario->lab;
        QVERIFY(lab.present);
        QCOMPARE(lab.scale, 0.5);
        QCOMPARE(lab.tables.size(), size_t(1));
        QCOMPARE(lab.tables[0].rows, int64_t(100));
        QCOMPARE(lab.tables[0].fill, std::string("seq, 0"));
        QCOMPARE(lab.statements[0].sql, std::string("UPDATE t SET v=1 WHERE id <= {rows:10}"));
        QCOMPARE(lab.clients[0].client, ClientKind::MariaDb1011);
        QCOMPARE(lab.differences[0].cls, std::string("timing"));
        QCOMPARE(lab.differences[0].aspect, std::string("rollback-rate"));
        QCOMPARE(lab.differences[0].reason.zh_CN, std::string("为何"));
        // Without a lab section nothing is present, and the simulation is the same.
        const auto plain = ScenarioParser::parse(R"j({"version":1,"id":"x","title":{"en":"a","zh_CN":"b"},"flavors":["mariadb-10.11"],"sessions":[{"name":"A"}]})j", "x.json");
        QVERIFY(plain.ok());
        QVERIFY(!plain.scenario->lab.present);
    }

    // A step with `flavors` exists only in runs of those flavors; a bad entry is named.
    void stepFlavors()
    {
        const char *text = R"j({"version":1,"id":"x","title":{"en":"a","zh_CN":"b"},"flavors":["mariadb-10.11","mysql-8.0"],"tables":[{"name":"t"}],
            "sessions":[{"name":"A","statements":[{"sql":"ALTER TABLE t ADD c INT","kind":"ddl","at":"0s","steps":[
              {"op":"rows","count":1000,"perRow":"1us","stage":"copy to tmp table"},
              {"op":"rows","count":1000,"perRow":"1us","stage":"Enabling keys","flavors":["mariadb-10.11"]},
              {"op":"dd","duration":"1ms"}]}]}]})j";
        const auto r = ScenarioParser::parse(text, "x.json");
        QVERIFY2(r.ok(), r.errorText().c_str());
        const auto &steps = r.scenario->sessions[0].statements[0].steps;
        QCOMPARE(steps[1].flavors, std::vector<Flavor>{Flavor::MariaDb1011});
        QVERIFY(steps[0].flavors.empty());
        RunOptions o;
        o.flavor = Flavor::MariaDb1011;
        const RunResult maria = Engine::run(*r.scenario, o);
        o.flavor = Flavor::MySql80;
        const RunResult mysql = Engine::run(*r.scenario, o);
        QVERIFY(maria.until > mysql.until); // the second stage costs 1 ms more there
        std::string bad = text;
        const std::string one = "\"Enabling keys\",\"flavors\":[\"mariadb-10.11\"]";
        bad.replace(bad.find(one), one.size(), "\"Enabling keys\",\"flavors\":[\"mariadb-9\"]");
        const auto e = ScenarioParser::parse(bad, "x.json");
        QVERIFY(!e.ok());
        QVERIFY2(e.errorText().find("/sessions/0/statements/0/steps/1/flavors/0") != std::string::npos,
                 e.errorText().c_str());
    }

    // Every built-in scenario that MariaDB can run says how lab mode creates its tables.
    void builtinsHaveLabSections()
    {
        const QDir dir(QStringLiteral(KILLSCOPE_SCENARIO_DIR));
        for (const QString &f : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
            const auto r = ScenarioParser::parse(readFile(dir.filePath(f).toStdString()), f.toStdString());
            QVERIFY2(r.ok(), r.errorText().c_str());
            // Alternative endings side by side (a restart among them): lab mode refuses them.
            if (!r.scenario->supports(Flavor::MariaDb1011) || r.scenario->tables.empty() ||
                !r.scenario->branches.empty())
                continue;
            QVERIFY2(r.scenario->lab.present && !r.scenario->lab.tables.empty(), qPrintable(f));
            for (const LabDifference &d : r.scenario->lab.differences)
                QVERIFY2(!d.reason.en.empty() && !d.reason.zh_CN.empty(), qPrintable(f));
        }
    }

    void builtinsAreValidAndNamedById()
    {
        const QDir dir(QStringLiteral(KILLSCOPE_SCENARIO_DIR));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(files.size() >= 14);
        for (const QString &f : files) {
            const auto r = ScenarioParser::parse(readFile(dir.filePath(f).toStdString()), f.toStdString());
            QVERIFY2(r.ok(), r.errorText().c_str());
            QCOMPARE(QString::fromStdString(r.scenario->id) + QStringLiteral(".json"), f);
            QVERIFY(!r.scenario->narration.empty());
            for (const NarrationSpec &n : r.scenario->narration) {
                QVERIFY(!n.text.en.empty());
                QVERIFY(!n.text.zh_CN.empty());
            }
        }
    }

    void defaultScenarioIsConcurrencyQueue()
    {
        const Scenario sc = loadScenario("concurrency-queue");
        QCOMPARE(sc.defaultFlavor, Flavor::MySql57);
        QCOMPARE(sc.server.innodbThreadConcurrency, 2);
    }

    // Same scenario, same options → byte-identical outputs.
    void determinism_data()
    {
        QTest::addColumn<QString>("id");
        const QDir dir(QStringLiteral(KILLSCOPE_SCENARIO_DIR));
        for (const QString &f : dir.entryList({QStringLiteral("*.json")}, QDir::Files))
            QTest::newRow(qPrintable(f)) << QFileInfo(f).completeBaseName();
    }
    void determinism()
    {
        QFETCH(QString, id);
        const Scenario sc = loadScenario(id.toStdString());
        for (Flavor f : sc.flavors) {
            RunOptions o;
            o.flavor = f;
            const RunResult a = Engine::run(sc, o);
            const RunResult b = Engine::run(sc, o);
            QCOMPARE(runJson(a), runJson(b));
            QCOMPARE(chromeTrace(a), chromeTrace(b));
            QCOMPARE(processlistText(a, a.until / 2), processlistText(b, b.until / 2));
            QVERIFY(runJson(a).size() > 100);
        }
    }

    void processlistBoxFormat()
    {
        const std::string box = boxTable({"Id", "Info"}, {{std::string("7"), std::nullopt}, {std::string("12"), std::string("x")}}, {true, false});
        const std::string expected = "+----+------+\n"
                                     "| Id | Info |\n"
                                     "+----+------+\n"
                                     "|  7 | NULL |\n"
                                     "| 12 | x    |\n"
                                     "+----+------+\n";
        QCOMPARE(box, expected);
    }
};

QTEST_GUILESS_MAIN(TestScenarioParser)
#include "tst_scenarioparser.moc"
