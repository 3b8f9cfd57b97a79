// Chinese complete: no unfinished translation, Qt's own dialogs translated, and a walk through
// every widget of the main window, the connect dialog and the file dialogs in zh_CN that finds
// no English word outside server texts (stages, errors, client output), SQL, identifiers (server
// variables, column names, product names, keys) and units.
// Lane labels and segment descriptions are checked like everything else: scenarios carry them
// in both languages (sim/SCENARIO_FORMAT.md), the engine composes its own in both.

#include "chartspanel.h"
#include "connectiondialog.h"
#include "enginetext.h"
#include "killsmodel.h"
#include "language.h"
#include "mainwindow.h"
#include "playbackcontroller.h"
#include "resources.h"
#include "sessionsource.h"
#include "simulationsource.h"
#include "swimlaneview.h"
#include "theme.h"
#include "timeformat.h"
#include "timeline.h"
#include "timelineviewport.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QtTest>

using namespace ks;

namespace {

// Words that stay as they are in Chinese: SQL, server and client identifiers, products, file
// formats, key names and units. Server texts proper (stages, error messages) are exempt by where
// they appear (processlist cells, transcripts, the kills list's answers), not listed here.
const QSet<QString> &identifiers()
{
    static const QSet<QString> words = [] {
        const char *const list[] = {
            // SQL and server identifiers
            "KILL",
            "QUERY",
            "CONNECTION",
            "HARD",
            "SOFT",
            "USER",
            "ID",
            "SET",
            "GLOBAL",
            "SHOW",
            "FULL",
            "PROCESSLIST",
            "SELECT",
            "UPDATE",
            "INSERT",
            "DELETE",
            "ALTER",
            "TABLE",
            "CREATE",
            "INDEX",
            "COMMIT",
            "ROLLBACK",
            "BEGIN",
            "SLEEP",
            "FROM",
            "WHERE",
            "COUNT",
            "SUM",
            "ORDER",
            "BY",
            "LIKE",
            "AND",
            "ADD",
            "COLUMN",
            "MODIFY",
            "INT",
            "CHAR",
            "REPEAT",
            "ALGORITHM",
            "COPY",
            "NULL",
            "ERROR",
            "OK",
            "CONNECTION_ID",
            "REQUIRE",
            "INNODB_TRX",
            "MAX_EXECUTION_TIME",
            "innodb_thread_concurrency",
            "innodb_lock_wait_timeout",
            "max_statement_time",
            "net_write_timeout",
            "io_pressure",
            "wait_timeout",
            "SUPER",
            "PROCESS",
            "ADMIN",
            "Command",
            "State",
            "Info",
            "Time",
            "Killed",
            "Query",
            "Sleep",
            "Rollback",
            "Daemon",
            "Connect",
            "Id",
            "User",
            "Host",
            "db",
            "Progress",
            "TIME_MS",
            "trx_state",
            "trx_rows_modified",
            "trx_operation_state",
            "trx_mysql_thread_id",
            "RUNNING",
            "ROLLING",
            "BACK",
            "LOCK",
            "WAIT",
            "Blocked",
            "sql_parse",
            "cc",
            "srv0conc",
            "reset_kill_query",
            "COM_DAEMON",
            "DD",
            "sec",
            "SSL",
            "TLS",
            "CA",
            "PEM",
            "mysql",
            "mysqld",
            "mariadb",
            "socket",
            "auto",
            "rehash",
            "quick",
            "localhost",
            "root",
            "app",
            "report",
            "dba",
            "bob",
            "event_scheduler",
            // products, formats, keys
            "KillScope",
            "MySQL",
            "MariaDB",
            "InnoDB",
            "Qt",
            "Chrome",
            "Trace",
            "JSON",
            "CSV",
            "PNG",
            "SVG",
            "SQL",
            "CPU",
            "Ctrl",
            "Shift",
            "Alt",
            "Space",
            "Home",
            "End",
            "Esc",
            "F11",
            "Tab",
            "Enter",
            "Perfetto",
            "SQLite",
            "Linux",
            "TCP",
            "Unix",
            "DDL",
            "MDL",
            "DBA",
            "MyISAM",
            "Aria",
            "filesort",
            "TABLES",
            "English", // the English entry names itself
            // units
            "ms",
            "µs",
            "MB",
            "KB",
            "GB",
        };
        QSet<QString> s;
        for (const char *w : list)
            s.insert(QString::fromUtf8(w));
        return s;
    }();
    return words;
}

struct Finding
{
    QString where;
    QString text;
    QString word;
};

class Walker
{
public:
    // `labels`: the scenario-authored lane labels (taken out first); `server`: what the server
    // and clients said (taken out after SQL and errors).
    Walker(const QStringList &labels, const QStringList &server)
    {
        // Whole texts only: a one- or two-letter name ("t", "A") would cut words apart.
        for (const QString &e : labels)
            if (e.size() >= 3)
                m_labels << e;
        std::sort(m_labels.begin(), m_labels.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
        for (const QString &e : server)
            if (e.size() >= 3)
                m_exempt << e;
        // Longest first, so a label is removed whole before a shorter one inside it.
        std::sort(m_exempt.begin(), m_exempt.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
    }

    void check(const QString &where, QString text)
    {
        if (text.isEmpty())
            return;
        ++m_checked;
        text.remove(QRegularExpression(QStringLiteral("<[^>]*>"))); // rich-text tags
        text.replace(QStringLiteral("&nbsp;"), QStringLiteral(" "));
        text.remove(QRegularExpression(QStringLiteral("&(?=\\S)"))); // mnemonics: "&File"
        // Quoted text is quoted: the server's or the client's words ('copy to tmp table',
        // 'Query OK, 2 rows affected', 'Ctrl-C -- exit!').
        text.remove(QRegularExpression(QStringLiteral("'[^']*'")));
        // A processlist row quoted as Command | State ("Killed | query end").
        text.remove(
            QRegularExpression(QStringLiteral("\\b(Query|Killed|Sleep|Connect) \\| [A-Za-z ]+")));
        // Paths and option-file groups.
        text.remove(
            QRegularExpression(QStringLiteral("[~.]?/[^\\s，。）)]*|\\[[a-z_-]+\\]|~/[^\\s]*")));
        for (const QString &e : m_labels)
            text.replace(e, QStringLiteral(" "));
        // SQL statements and server errors inside a text are theirs, not ours.
        static const QRegularExpression sql(
            QStringLiteral("(SELECT|UPDATE|INSERT|DELETE|ALTER|CREATE|KILL|SET)\\b[^"
                           "，。；：（）\\n]*|ERROR \\d+[^，。；（）\\n]*"));
        text.remove(sql);
        for (const QString &e : m_exempt)
            text.replace(e, QStringLiteral(" "));
        static const QRegularExpression word(
            QStringLiteral("[A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_]|[A-Za-z]"));
        static const QRegularExpression code(QStringLiteral("[0-9_.]"));
        text.remove(QRegularExpression(QStringLiteral("\\b[a-z_]+\\(\\)"))); // send(), awake()
        for (auto it = word.globalMatch(text); it.hasNext();) {
            const QString w = it.next().captured(0);
            // One letter is a session's name ("A", "B") or a table's ("t"); a word with digits,
            // dots or underscores is code (killed_status, srv0conc.cc, kill.test,
            // mysql_use_result).
            if (w.size() < 2 || w.contains(code))
                continue;
            if (identifiers().contains(w) || identifiers().contains(w.toUpper()))
                continue;
            m_findings.push_back({where, text.left(160), w});
        }
    }

    void walkWidget(QWidget *root, const QString &name)
    {
        QList<QWidget *> widgets = root->findChildren<QWidget *>();
        widgets.prepend(root);
        for (QWidget *w : widgets) {
            const QString where = name + QLatin1Char('/') +
                                  QString::fromLatin1(w->metaObject()->className()) +
                                  QLatin1Char('#') + w->objectName();
            check(where + QStringLiteral(":windowTitle"),
                  w->isWindow() ? w->windowTitle() : QString());
            check(where + QStringLiteral(":toolTip"), w->toolTip());
            check(where + QStringLiteral(":whatsThis"), w->whatsThis());
            check(where + QStringLiteral(":statusTip"), w->statusTip());
            if (auto *l = qobject_cast<QLabel *>(w))
                check(where, l->text());
            if (auto *b = qobject_cast<QAbstractButton *>(w))
                check(where, b->text());
            if (auto *g = qobject_cast<QGroupBox *>(w))
                check(where, g->title());
            if (auto *e = qobject_cast<QLineEdit *>(w))
                check(where + QStringLiteral(":placeholder"), e->placeholderText());
            if (auto *d = qobject_cast<QDockWidget *>(w))
                check(where, d->windowTitle());
            if (auto *c = qobject_cast<QComboBox *>(w)) {
                for (int i = 0; i < c->count(); ++i) {
                    // File dialogs list directories: paths are the file system's, not ours.
                    if (!c->itemText(i).contains(QLatin1Char('/')))
                        check(where + QStringLiteral(":item"), c->itemText(i));
                    check(where + QStringLiteral(":itemTip"),
                          c->itemData(i, Qt::ToolTipRole).toString());
                }
            }
            if (auto *t = qobject_cast<QTabBar *>(w)) {
                for (int i = 0; i < t->count(); ++i) {
                    check(where + QStringLiteral(":tab"), t->tabText(i));
                    check(where + QStringLiteral(":tabTip"), t->tabToolTip(i));
                }
            }
            if (auto *v = qobject_cast<QAbstractItemView *>(w); v && v->model()) {
                const QAbstractItemModel *m = v->model();
                for (int c = 0; c < m->columnCount(); ++c) {
                    check(where + QStringLiteral(":header"),
                          m->headerData(c, Qt::Horizontal).toString());
                    check(where + QStringLiteral(":headerTip"),
                          m->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString());
                }
            }
            if (auto *view = qobject_cast<QChartView *>(w); view && view->chart()) {
                QChart *chart = view->chart();
                check(where + QStringLiteral(":chart"), chart->title());
                for (QAbstractAxis *a : chart->axes()) {
                    check(where + QStringLiteral(":axis"), a->titleText());
                    if (auto *cat = qobject_cast<QBarCategoryAxis *>(a))
                        for (const QString &s : cat->categories())
                            check(where + QStringLiteral(":category"), s);
                }
                for (QAbstractSeries *s : chart->series())
                    check(where + QStringLiteral(":series"), s->name());
            }
            if (auto *b = qobject_cast<QTextBrowser *>(w))
                check(where, b->toPlainText());
        }
        for (QAction *a : root->findChildren<QAction *>()) {
            const QString where = name + QStringLiteral("/QAction#") + a->objectName();
            check(where, a->text());
            check(where + QStringLiteral(":toolTip"),
                  a->toolTip() == QString(a->text()).remove(QLatin1Char('&')) ? QString()
                                                                              : a->toolTip());
            check(where + QStringLiteral(":statusTip"), a->statusTip());
        }
        for (QMenu *menu : root->findChildren<QMenu *>())
            check(name + QStringLiteral("/QMenu#") + menu->objectName(), menu->title());
    }

    // What the swimlanes paint: lane captions, bar texts, marker names, the axis.
    void walkLanes(const SwimlaneView &view, const Timeline &t)
    {
        const SwimlaneRenderer &r = view.renderer();
        check(QStringLiteral("lanes:corner"), SwimlaneRenderer::tr("Sessions"));
        check(QStringLiteral("lanes:client"), SwimlaneRenderer::tr("↳ client"));
        for (const TimeUnit unit : {TimeUnit::Us, TimeUnit::Ms, TimeUnit::S})
            check(QStringLiteral("lanes:axis"), TimeFormat::inUnit(1'500'000, unit, 1));
        for (int lane = 0; lane < t.laneCount(); ++lane) {
            check(QStringLiteral("lanes:label"), t.lane(lane).labelFor(currentLanguage()));
            for (int i = 0; i < t.segmentCount(lane); ++i) {
                const Segment s = t.segment(lane, i);
                const QString where = QStringLiteral("lanes:%1").arg(int(s.state));
                if (s.state == SegmentState::ClientWaiting ||
                    s.state == SegmentState::ClientPrompt || s.state == SegmentState::ClientError ||
                    s.state == SegmentState::ClientDisconnected)
                    continue; // the client's own output ("mysql>", "Query OK", error lines)
                // Server stages ("Sending data") are the server's words: only engine phrases and
                // our state names are ours.
                const QString detail = t.string(s.detail);
                const bool ours = detail.isEmpty() || EngineText::isEnginePhrase(detail);
                if (ours)
                    for (const QString &text : r.segmentTexts(lane, i))
                        check(where, text);
                check(where + QStringLiteral(":state"), Theme::stateName(s.state));
                check(where + QStringLiteral(":description"), Theme::stateDescription(s.state));
                check(where + QStringLiteral(":tooltip"),
                      ours ? SwimlaneView::defaultSegmentToolTip(t, lane, i, s.start) : QString());
            }
        }
        for (const TimelineMarker &m : t.markerList()) {
            check(QStringLiteral("lanes:marker"), Theme::markerName(m.kind));
            if (m.kind == MarkerKind::GlobalAction)
                for (const QString &f : EngineText::globalActionForms(t.string(m.label)))
                    check(QStringLiteral("lanes:global"), f);
            else if (!t.string(m.label).startsWith(QStringLiteral("ERROR")))
                check(QStringLiteral("lanes:markerLabel"), EngineText::display(t.string(m.label)));
        }
        for (const TimelineSignal &s : t.signalList()) {
            check(QStringLiteral("lanes:signal"), Theme::signalKindName(s.kind));
            check(QStringLiteral("lanes:signalResult"), Theme::signalResultName(s.result));
            check(QStringLiteral("lanes:signalLabel"), EngineText::display(t.string(s.label)));
        }
    }

    const QList<Finding> &findings() const { return m_findings; }
    int checked() const { return m_checked; }

private:
    QStringList m_labels;
    QStringList m_exempt;
    QList<Finding> m_findings;
    int m_checked = 0;
};

// What the simulated server and clients said in a run: processlist states, commands and infos,
// transcripts, stage names on the lanes. Server texts, exempt wherever they are quoted.
QStringList serverTexts(const SimulationSource &s)
{
    QSet<QString> out;
    QList<qint64> times = s.eventTimes();
    times << s.endTime();
    for (qsizetype i = 0; i < times.size(); i += std::max<qsizetype>(1, times.size() / 300)) {
        for (const ProcesslistRow &row : s.processlistAt(times[i]))
            out << row.state << row.command << row.info << row.trxState << row.trxOperationState;
    }
    for (const auto &[name, lines] : s.transcriptsAt(s.endTime()))
        for (const QString &line : lines)
            out << line;
    const Timeline &t = s.timeline();
    for (int i = 1; i < t.stringCount(); ++i)
        if (!EngineText::isEnginePhrase(t.string(i)))
            out << t.string(i);
    out.remove(QString());
    return QStringList(out.begin(), out.end());
}

QString report(const QList<Finding> &findings)
{
    // One line per word, with where it was first seen.
    QStringList lines;
    QSet<QString> seen;
    for (const Finding &f : findings) {
        if (seen.contains(f.word))
            continue;
        seen.insert(f.word);
        lines << QStringLiteral("%1: \"%2\" in: %3").arg(f.where, f.word, f.text);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestI18n : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        initResources();
        QCoreApplication::setOrganizationName(QStringLiteral("KillScopeTests"));
    }
    void cleanupTestCase() { switchLanguage(QStringLiteral("en")); }

    // The walk has teeth: an English word is found, identifiers, SQL, quotes and code are not.
    void walkerTellsEnglishFromIdentifiers()
    {
        Walker w({QStringLiteral("A: big UPDATE")}, {QStringLiteral("Sending data")});
        w.check(QStringLiteral("ok"),
                QStringLiteral("11 A: big UPDATE (app) 处于 Sending data 状态"));
        w.check(QStringLiteral("ok"),
                QStringLiteral("SET GLOBAL innodb_thread_concurrency = 3 之后"));
        w.check(QStringLiteral("ok"),
                QStringLiteral("客户端打印 'Query OK, 2 rows affected'；见 sql_parse.cc"));
        w.check(QStringLiteral("ok"),
                QStringLiteral("KILL QUERY 12 返回 ERROR 1095 (HY000): You are not owner"));
        w.check(QStringLiteral("ok"),
                QStringLiteral("文件(&F) · 2.5 秒 · MariaDB · Ctrl+C · ~/.my.cnf"));
        QVERIFY2(w.findings().isEmpty(), qPrintable(report(w.findings())));
        w.check(QStringLiteral("bad"), QStringLiteral("播放 Pause"));
        w.check(QStringLiteral("bad"), QStringLiteral("waiting for an InnoDB seat"));
        QCOMPARE(w.findings().size(), 5); // Pause, waiting, for, an, seat
        QCOMPARE(w.findings().first().word, QStringLiteral("Pause"));
    }

    void noUnfinishedTranslations_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("zh_CN") << QStringLiteral(KS_SOURCE_DIR
                                                 "/resources/translations/killscope_zh_CN.ts");
        QTest::newRow("en") << QStringLiteral(KS_SOURCE_DIR
                                              "/resources/translations/killscope_en.ts");
    }
    void noUnfinishedTranslations()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        const QString ts = QString::fromUtf8(f.readAll());
        QVERIFY(ts.count(QStringLiteral("<message")) > 300);
        QCOMPARE(ts.count(QStringLiteral("type=\"unfinished\"")), 0);
        QCOMPARE(ts.count(QStringLiteral("type=\"vanished\"")), 0);
        QCOMPARE(ts.count(QStringLiteral("<translation></translation>")), 0);
    }

    // Qt's own strings (Debian's qt6-translations-l10n): "Cancel", "Look in", "File name", "Save".
    void qtsOwnStringsAreTranslated()
    {
        QVERIFY(switchLanguage(QStringLiteral("zh_CN")));
        QVERIFY(qtTranslationsLoaded());
        QCOMPARE(QLocale().name(), QStringLiteral("zh_CN"));
        QDialogButtonBox box(QDialogButtonBox::Cancel | QDialogButtonBox::Save |
                             QDialogButtonBox::Open);
        for (QAbstractButton *b : box.buttons())
            QVERIFY2(!b->text().contains(QRegularExpression(QStringLiteral("[A-Za-z]{3,}"))),
                     qPrintable(b->text()));
        QVERIFY(QCoreApplication::translate("QFileDialog", "Look in:") !=
                QStringLiteral("Look in:"));
        QVERIFY(QCoreApplication::translate("QFileDialog", "File &name:") !=
                QStringLiteral("File &name:"));
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QVERIFY(!qtTranslationsLoaded());
        QDialogButtonBox english(QDialogButtonBox::Cancel);
        QCOMPARE(english.buttons().value(0)->text(), QStringLiteral("Cancel"));
    }

    // The choice made in the Language menu is remembered for the next start; --lang is not.
    void languageIsRemembered()
    {
        QSettings().remove(QStringLiteral("language"));
        MainWindow w;
        QAction *zh = w.findChild<QAction *>(QStringLiteral("language_zh_CN"));
        QVERIFY(zh);
        zh->trigger();
        QCOMPARE(currentLanguage(), QStringLiteral("zh_CN"));
        QCOMPARE(rememberedLanguage(), QStringLiteral("zh_CN"));
        QCOMPARE(chooseLanguage(), QStringLiteral("zh_CN"));
        QCOMPARE(chooseLanguage(QStringLiteral("en")), QStringLiteral("en")); // --lang wins
        w.findChild<QAction *>(QStringLiteral("language_en"))->trigger();
        QCOMPARE(chooseLanguage(), QStringLiteral("en"));
        QSettings().remove(QStringLiteral("language"));
    }

    // Engine phrases are translated when drawn, so switching the language switches them.
    void segmentDescriptionsFollowTheLanguage()
    {
        SimulationSource s;
        QVERIFY(s.loadBuiltin(QStringLiteral("io-pressure-rollback"), QStringLiteral("mysql-8.0")));
        s.waitForRun();
        SwimlaneView view;
        view.setTimeline(&s.timeline());
        const QString english = SwimlaneView::defaultSegmentToolTip(
            s.timeline(), s.timeline().findLane(11),
            s.timeline().segmentAt(s.timeline().findLane(11), 5'000'000), 5'000'000);
        QVERIFY(english.contains(QStringLiteral("statement rollback")));
        QVERIFY(switchLanguage(QStringLiteral("zh_CN")));
        const QString chinese = SwimlaneView::defaultSegmentToolTip(
            s.timeline(), s.timeline().findLane(11),
            s.timeline().segmentAt(s.timeline().findLane(11), 5'000'000), 5'000'000);
        QVERIFY2(chinese.contains(QStringLiteral("语句回滚")), qPrintable(chinese));
        QCOMPARE(EngineText::display(QStringLiteral("waiting for an InnoDB seat")),
                 QStringLiteral("等待进入 InnoDB 的名额"));
        QCOMPARE(EngineText::display(QStringLiteral("MDL t")), QStringLiteral("元数据锁 t"));
        QCOMPARE(EngineText::display(QStringLiteral("UPDATE t SET v=1")),
                 QStringLiteral("UPDATE t SET v=1"));
        QCOMPARE(EngineText::display(QStringLiteral("Sending data")),
                 QStringLiteral("Sending data"));
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QCOMPARE(EngineText::display(QStringLiteral("idle in transaction")),
                 QStringLiteral("idle in transaction"));
    }

    // One time formatter: "秒" wherever a time is written in Chinese.
    void timesFollowTheLanguage()
    {
        QVERIFY(switchLanguage(QStringLiteral("zh_CN")));
        QCOMPARE(TimeFormat::seconds(2'500'000), QStringLiteral("2.500 秒"));
        QCOMPARE(TimeFormat::duration(1500), QStringLiteral("1.50 毫秒"));
        MainWindow w;
        QVERIFY(
            w.openScenario(QStringLiteral("io-pressure-rollback"), QStringLiteral("mysql-8.0")));
        w.simulation()->waitForRun();
        w.playback()->setPosition(2'500'000);
        auto *list = w.findChild<QTextBrowser *>(QStringLiteral("narrationList"));
        QVERIFY(list);
        QVERIFY2(list->toPlainText().contains(QStringLiteral("2.500 秒")),
                 qPrintable(list->toPlainText()));
        QVERIFY(!list->toPlainText().contains(QStringLiteral("0.000 s")));
        auto *time = w.findChild<QLabel *>(QStringLiteral("timeLabel"));
        QVERIFY(time && time->text().contains(QStringLiteral("秒")));
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QVERIFY(list->toPlainText().contains(QStringLiteral("2.500 s")));
    }

    void widgetWalkFindsNoEnglish_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("flavor");
        for (const auto &e : SimulationSource::builtinScenarios())
            QTest::newRow(qPrintable(e.id)) << e.id << QString();
        QTest::newRow("concurrency-queue on 8.0")
            << QStringLiteral("concurrency-queue") << QStringLiteral("mysql-8.0");
        QTest::newRow("big-update-kill-query on MariaDB")
            << QStringLiteral("big-update-kill-query") << QStringLiteral("mariadb-10.11");
    }
    void widgetWalkFindsNoEnglish()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, flavor);
        QVERIFY(switchLanguage(QStringLiteral("zh_CN")));
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openScenario(scenario, flavor));
        w.simulation()->waitForRun();
        const Timeline &t = w.simulation()->timeline();
        w.playback()->setPosition(w.playback()->end());
        // Every tab once, so each panel has filled itself.
        for (int i = 0; i < w.bottomTabs()->count(); ++i) {
            w.bottomTabs()->setCurrentIndex(i);
            QCoreApplication::processEvents();
        }
        Walker walker({}, serverTexts(*w.simulation()));
        // The processlist's cells and the transcripts are the server's and the client's words.
        w.processlistView()->setModel(nullptr);
        auto *transcript = w.findChild<QPlainTextEdit *>(QStringLiteral("transcriptView"));
        QVERIFY(transcript);
        walker.walkWidget(&w, QStringLiteral("main"));
        walker.walkLanes(*w.swimlaneView(), t);
        // The kills list's own cells (phases, times, explanations); its statement, target and
        // answer columns are SQL, identities and the server's answer.
        const KillsModel *kills = w.killsModel();
        for (int r = 0; r < kills->rowCount(); ++r) {
            for (int c = 0; c < kills->columnCount(); ++c) {
                if (c == KillsModel::StatementColumn || c == KillsModel::TargetColumn ||
                    c == KillsModel::AnswerColumn)
                    continue;
                walker.check(QStringLiteral("kills:%1").arg(c),
                             kills->index(r, c).data().toString());
                walker.check(QStringLiteral("kills:%1:tip").arg(c),
                             kills->index(r, c).data(Qt::ToolTipRole).toString());
            }
        }
        QVERIFY(walker.checked() > 200);
        QVERIFY2(walker.findings().isEmpty(), qPrintable(report(walker.findings())));
    }

    void dialogsFindNoEnglish()
    {
        QVERIFY(switchLanguage(QStringLiteral("zh_CN")));
        Walker walker({}, {});
        {
            ConnectionDialog dialog;
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            walker.walkWidget(&dialog, QStringLiteral("connect"));
        }
        // The window's own file dialogs, as File ▸ Open and File ▸ Export open them.
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (const QString &action :
             {QStringLiteral("openAction"), QStringLiteral("exportPngAction"),
              QStringLiteral("exportCsvAction")}) {
            bool seen = false;
            QTimer::singleShot(200, &w, [&] {
                auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
                if (!dialog)
                    return;
                seen = true;
                walker.walkWidget(dialog, QStringLiteral("file:") + action);
                dialog->reject();
            });
            w.findChild<QAction *>(action)->trigger();
            QVERIFY2(seen, qPrintable(action));
        }
        QVERIFY(walker.checked() > 40);
        QVERIFY2(walker.findings().isEmpty(), qPrintable(report(walker.findings())));
    }
};

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
