#include "scenariopath.h"

#include "runresult.h"
#include "types.h"

namespace ks {

QList<ScenarioPath::Stop> ScenarioPath::startHere()
{
    return {
        {QStringLiteral("lock-wait-kill"), tr("Why does KILL end a row-lock wait at once?")},
        {QStringLiteral("concurrency-queue"),
         tr("Why does KILL not free a thread that waits for an InnoDB seat?")},
        {QStringLiteral("big-update-kill-connection"),
         tr("Why is a killed UPDATE still in the processlist for seconds?")},
        {QStringLiteral("ctrl-c"), tr("What does Ctrl+C in the mysql client really send?")},
        {QStringLiteral("big-update-kill-query"),
         tr("KILL QUERY instead: why does the error only come after the rollback?")},
        {QStringLiteral("kill-query-keeps-locks"),
         tr("Does KILL QUERY inside a transaction release its locks?")},
        {QStringLiteral("idle-transaction-kill"),
         tr("What happens when an idle open transaction is killed?")},
        {QStringLiteral("restart-or-wait"),
         tr("A killed transaction is rolling back: restart the server or wait?")},
        {QStringLiteral("io-pressure-rollback"),
         tr("Why can a rollback take longer than the change?")},
        {QStringLiteral("quick-client-blocks"),
         tr("How can a client that stops reading make a kill wait?")},
        {QStringLiteral("big-query-tempfile"),
         tr("What does a killed big sort still have to clean up?")},
        {QStringLiteral("ddl-kill"), tr("What does KILL do to a running ALTER TABLE?")},
        {QStringLiteral("late-kill-commits"), tr("Can a killed statement still commit?")},
        {QStringLiteral("statement-timeout"), tr("How does a statement timeout kill a query?")},
        {QStringLiteral("privileges-and-errors"),
         tr("Who may kill whom, and which errors does KILL give?")},
    };
}

QList<ScenarioPath::ReaderQuestion> ScenarioPath::readerQuestions()
{
    const QString mdb = QStringLiteral("mariadb-10.11");
    const QString m57 = QStringLiteral("mysql-5.7");
    const QString m80 = QStringLiteral("mysql-8.0");
    return {
        {QStringLiteral("connection-vs-query"),
         tr("Is KILL CONNECTION just a disconnect that then runs the KILL QUERY path?"),
         tr("No. The socket is closed at once, so the client sees ERROR 2013 while the server "
            "thread is still working: it notices the flag at its next row, rolls the statement "
            "back and then the rest of the transaction, shown as Killed all the while."),
         QStringLiteral("big-update-kill-connection"),
         mdb,
         {QStringLiteral("rollback_start"), QStringLiteral("A"), 1, 1'000'000}},
        {QStringLiteral("seats-and-kill"),
         tr("With innodb_thread_concurrency=2 and both seats taken, how can a third session still "
            "run KILL and SHOW PROCESSLIST?"),
         tr("Because they never enter InnoDB. The seats only count threads that read or write "
            "InnoDB rows; KILL and SHOW PROCESSLIST are server-layer work, so D's KILL returns "
            "\"Query OK\" at once while A and B hold both seats."),
         QStringLiteral("concurrency-queue"),
         m57,
         {QStringLiteral("kill_result"), QStringLiteral("D"), 1, 0}},
        {QStringLiteral("queue-kill-works"),
         tr("I tried it and KILL QUERY did work on the queued thread."),
         tr("You tried a newer server. MySQL 8.0 checks the kill flag after every sleep in the "
            "queue, so the waiter gives up within one sleep; MySQL 5.7 only looks once it has a "
            "seat. Switch the flavor to 5.7 to see it hang."),
         QStringLiteral("concurrency-queue"),
         m80,
         {QStringLiteral("kill_noticed"), QStringLiteral("C"), 1, 0}},
        {QStringLiteral("restart-or-wait"),
         tr("Should I restart the server or wait for a rollback?"),
         tr("Wait. A restart drops every connection and adds the crash recovery, and the rollback "
            "goes on in the background from where it was: no processlist row, nothing to KILL, "
            "and its rows stay locked until it has undone them."),
         QStringLiteral("restart-or-wait"),
         mdb,
         {QStringLiteral("server_up"), QString(), 1, 500'000}},
        {QStringLiteral("alter"),
         tr("What does KILL do to a running ALTER / CREATE INDEX?"),
         tr("The copy (or the index build) checks the flag at every row, so it stops quickly, "
            "drops what it built and leaves the table as it was. Only a kill that arrives in the "
            "final data-dictionary commit comes too late: the DDL stays done."),
         QStringLiteral("ddl-kill"),
         m80,
         {QStringLiteral("kill_noticed"), QStringLiteral("A"), 1, 0}},
        {QStringLiteral("long-transaction"),
         tr("Does a killed long transaction roll back what it changed?"),
         tr("Yes, all of it. KILL CONNECTION rolls the whole open transaction back when the "
            "connection ends, row by row and about as long as the changes took, and its locks "
            "stay until the last row is undone. KILL QUERY undoes only the running statement."),
         QStringLiteral("idle-transaction-kill"),
         mdb,
         {QStringLiteral("rollback_start"), QStringLiteral("A"), 1, 1'000'000}},
        {QStringLiteral("ctrl-c-general-log"),
         tr("Why did my Ctrl+C not show a KILL QUERY in the general log?"),
         tr("Because the client does not send it on your connection: it opens a second "
            "connection and sends KILL QUERY there. Look for it under that second connection's "
            "thread id."),
         QStringLiteral("ctrl-c"),
         m80,
         {QStringLiteral("kill_result"), QString(), 1, 0}},
    };
}

qint64 ScenarioPath::momentIn(const sim::RunResult &run, const Moment &moment)
{
    sim::EventType type;
    if (!sim::parseEventType(moment.event.toStdString(), type))
        return -1;
    const std::string session = moment.session.toStdString();
    int seen = 0;
    for (const sim::Event &e : run.events) {
        if (e.type != type)
            continue;
        if (!session.empty() && (e.lane < 0 || run.lanes[size_t(e.lane)].sessionName != session))
            continue;
        if (++seen == moment.nth)
            return std::min<qint64>(run.until, e.t + moment.offsetUs);
    }
    return -1;
}

} // namespace ks
