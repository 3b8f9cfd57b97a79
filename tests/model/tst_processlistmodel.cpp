#include "processlistmodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QLocale>
#include <QSignalSpy>
#include <QtTest>

using namespace ks;

namespace {

ProcesslistRow row(qint64 id, const QString &command, qint64 timeMs = 0, const QString &state = {},
                   const QString &info = {})
{
    ProcesslistRow r;
    r.id = id;
    r.user = QStringLiteral("app");
    r.host = QStringLiteral("localhost");
    r.db = QStringLiteral("test");
    r.command = command;
    r.timeMs = timeMs;
    r.state = state;
    r.info = info;
    return r;
}

QStringList headers(const QAbstractItemModel &m)
{
    QStringList h;
    for (int c = 0; c < m.columnCount(); ++c)
        h << m.headerData(c, Qt::Horizontal).toString();
    return h;
}

} // namespace

class TestProcesslistModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void columnsFollowTheFlavor_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<QStringList>("firstColumns");
        const QStringList mysql{QStringLiteral("Id"),      QStringLiteral("User"),
                                QStringLiteral("Host"),    QStringLiteral("db"),
                                QStringLiteral("Command"), QStringLiteral("Time"),
                                QStringLiteral("State"),   QStringLiteral("Info")};
        QTest::newRow("5.7") << QStringLiteral("mysql-5.7") << mysql;
        QTest::newRow("8.0") << QStringLiteral("mysql-8.0") << mysql;
        QTest::newRow("mariadb") << QStringLiteral("mariadb-10.11")
                                 << (QStringList(mysql) << QStringLiteral("Progress"));
    }
    void columnsFollowTheFlavor()
    {
        QFETCH(QString, flavor);
        QFETCH(QStringList, firstColumns);
        ProcesslistModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setFlavor(flavor);
        const QStringList h = headers(m);
        QCOMPARE(h.mid(0, firstColumns.size()), firstColumns);
        QCOMPARE(
            h.mid(firstColumns.size(), 5),
            (QStringList{QStringLiteral("trx_state"), QStringLiteral("trx age"),
                         QStringLiteral("trx_rows_locked"), QStringLiteral("trx_rows_modified"),
                         QStringLiteral("trx_operation_state")}));
        QCOMPARE(m.column(ProcesslistModel::Field::Progress) >= 0, flavor.startsWith(u"mariadb"));
    }

    void showsValuesAsTheServerDoes()
    {
        ProcesslistModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setFlavor(QStringLiteral("mariadb-10.11"));
        ProcesslistRow killed = row(12, QStringLiteral("Killed"), 4650, QStringLiteral("Rollback"));
        killed.db.clear();
        killed.trxState = QStringLiteral("ROLLING BACK");
        killed.trxRowsModified = 64399;
        m.setRows({row(11, QStringLiteral("Sleep"), 2999), killed});
        auto cell = [&](int r, ProcesslistModel::Field f) {
            return m.index(r, m.column(f)).data().toString();
        };
        QCOMPARE(cell(0, ProcesslistModel::Field::Time), QStringLiteral("2"));
        QCOMPARE(cell(0, ProcesslistModel::Field::Info), QStringLiteral("NULL"));
        QCOMPARE(cell(0, ProcesslistModel::Field::TrxRowsModified), QString());
        QCOMPARE(cell(1, ProcesslistModel::Field::Command), QStringLiteral("Killed"));
        QCOMPARE(cell(1, ProcesslistModel::Field::State), QStringLiteral("Rollback"));
        QCOMPARE(cell(1, ProcesslistModel::Field::Db), QStringLiteral("NULL"));
        // A rollback reports no progress (MariaDB's MAX_STAGE is 0): nothing, not "0.000".
        QCOMPARE(cell(1, ProcesslistModel::Field::Progress), QString());
        QCOMPARE(cell(1, ProcesslistModel::Field::TrxRowsModified), QLocale().toString(64399));
        QVERIFY(m.index(1, 0).data(ProcesslistModel::KilledRole).toBool());
        QVERIFY(!m.index(1, 0).data(ProcesslistModel::IdleInTransactionRole).toBool());
        QVERIFY(!m.index(0, 0).data(ProcesslistModel::IdleInTransactionRole).toBool());
        QCOMPARE(m.index(1, m.column(ProcesslistModel::Field::Time))
                     .data(ProcesslistModel::SortRole)
                     .toLongLong(),
                 4650);
        m.setShowMilliseconds(true);
        QCOMPARE(cell(1, ProcesslistModel::Field::Time), QStringLiteral("4.650"));
        // The model hands rows over as they are; only the source builds kill targets.
        QCOMPARE(m.rowAt(1).id, 12);
        QCOMPARE(m.rowAt(1).user, QStringLiteral("app"));
    }

    void idleInTransactionAndProgressWhereReported()
    {
        ProcesslistModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setFlavor(QStringLiteral("mariadb-10.11"));
        ProcesslistRow idle = row(11, QStringLiteral("Sleep"), 2999);
        idle.trxState = QStringLiteral("RUNNING");
        idle.trxRowsModified = 3;
        idle.trxRowsLocked = 4;
        idle.trxAgeS = 125;
        idle.trxStarted = QStringLiteral("2026-12-01 10:00:00");
        ProcesslistRow alter =
            row(12, QStringLiteral("Query"), 5000, QStringLiteral("copy to tmp table"));
        alter.progress = 12.5;
        alter.progressReported = true;
        m.setRows({idle, alter});
        auto cell = [&](int r, ProcesslistModel::Field f, int role = Qt::DisplayRole) {
            return m.index(r, m.column(f)).data(role);
        };
        QVERIFY(
            cell(0, ProcesslistModel::Field::Id, ProcesslistModel::IdleInTransactionRole).toBool());
        QVERIFY(cell(0, ProcesslistModel::Field::Command, Qt::BackgroundRole).isValid());
        QVERIFY(cell(0, ProcesslistModel::Field::Command, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Idle in transaction")));
        QCOMPARE(cell(0, ProcesslistModel::Field::TrxAge).toString(), QStringLiteral("2 min 5 s"));
        QCOMPARE(cell(0, ProcesslistModel::Field::TrxAge, ProcesslistModel::SortRole).toLongLong(),
                 125);
        QCOMPARE(cell(0, ProcesslistModel::Field::TrxRowsLocked).toString(), QStringLiteral("4"));
        QCOMPARE(cell(0, ProcesslistModel::Field::Progress).toString(), QString());
        QCOMPARE(cell(1, ProcesslistModel::Field::Progress).toString(), QStringLiteral("12.500"));
        QVERIFY(!cell(1, ProcesslistModel::Field::Id, ProcesslistModel::IdleInTransactionRole)
                     .toBool());
        QVERIFY(!cell(1, ProcesslistModel::Field::Command, Qt::BackgroundRole).isValid());
    }

    void refreshKeepsSelection()
    {
        ProcesslistModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setRows({row(1, QStringLiteral("Sleep")), row(2, QStringLiteral("Query")),
                   row(3, QStringLiteral("Query"))});
        QItemSelectionModel sel(&m);
        sel.select(m.index(2, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy resets(&m, &QAbstractItemModel::modelReset);

        // 1 leaves, 3 changes and moves up, 4 arrives first.
        m.setRows({row(4, QStringLiteral("Connect")), row(3, QStringLiteral("Killed"), 1000),
                   row(2, QStringLiteral("Query"))});
        QCOMPARE(resets.count(), 0);
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.rows().at(0).id, 4);
        QCOMPARE(m.rows().at(1).id, 3);
        QCOMPARE(m.rows().at(2).id, 2);
        QCOMPARE(m.rowAt(1).command, QStringLiteral("Killed"));
        const QModelIndexList selected = sel.selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(ProcesslistModel::IdRole).toLongLong(), 3);

        m.setRows({});
        QCOMPARE(m.rowCount(), 0);
        QVERIFY(sel.selectedRows().isEmpty());
    }

    void randomSnapshotsStayConsistent()
    {
        ProcesslistModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        quint32 seed = 7;
        auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
        for (int round = 0; round < 200; ++round) {
            QList<ProcesslistRow> rows;
            QList<qint64> ids;
            for (qint64 id = 1; id <= 12; ++id)
                if (next() % 3)
                    ids << id;
            for (int i = int(ids.size()) - 1; i > 0; --i)
                ids.swapItemsAt(i, int(next() % uint(i + 1)));
            for (qint64 id : ids)
                rows << row(id, QStringLiteral("Query"), qint64(next() % 5000));
            m.setRows(rows);
            QCOMPARE(m.rowCount(), rows.size());
            for (int i = 0; i < rows.size(); ++i) {
                QCOMPARE(m.rows().at(i).id, rows.at(i).id);
                QCOMPARE(m.rows().at(i).timeMs, rows.at(i).timeMs);
            }
        }
    }

    void csvQuotesLikeRfc4180()
    {
        ProcesslistModel m;
        m.setFlavor(QStringLiteral("mysql-5.7"));
        m.setRows({row(7, QStringLiteral("Query"), 1500, QStringLiteral("Sending data"),
                       QStringLiteral("SELECT \"a\", b FROM t"))});
        const QStringList lines = m.toCsv().split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith(QStringLiteral("Id,User,Host,db,Command,Time,State,Info,")));
        QVERIFY2(lines[1].startsWith(QStringLiteral(
                     "7,app,localhost,test,Query,1,Sending data,\"SELECT \"\"a\"\", b FROM t\"")),
                 qPrintable(lines[1]));
    }
};

QTEST_GUILESS_MAIN(TestProcesslistModel)
#include "tst_processlistmodel.moc"
