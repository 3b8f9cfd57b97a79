#include "processlistfilter.h"
#include "processlistmodel.h"
#include "processlistsortmodel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QtTest>

using namespace ks;

// What views see of a ProcesslistModel: every change announced where it happens (a mirror that
// follows only the notifications ends up equal to the model), and sorting proxies that compare
// sort values directly order rows exactly as the generic QSortFilterProxyModel does.
namespace {

// Rows with the variety sorting must get right: texts differing only in case, empty and NULL
// texts, negative "none" values, equal keys (ties keep the source order).
QList<ProcesslistRow> randomRows(quint32 &seed, int count, int idRange)
{
    auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
    const QString users[] = {QStringLiteral("app"), QStringLiteral("App"), QStringLiteral("batch"),
                             QStringLiteral("Zed"), QStringLiteral("äpfel")};
    const QString commands[] = {QStringLiteral("Sleep"), QStringLiteral("Query"),
                                QStringLiteral("Killed"), QStringLiteral("Connect")};
    const QString states[] = {QString(), QStringLiteral("Updating"), QStringLiteral("Sending data"),
                              QStringLiteral("updating")};
    QList<qint64> ids;
    for (qint64 id = 1; id <= idRange; ++id)
        ids << id;
    for (int i = int(ids.size()) - 1; i > 0; --i)
        ids.swapItemsAt(i, int(next() % uint(i + 1)));
    QList<ProcesslistRow> rows;
    for (int i = 0; i < count && i < ids.size(); ++i) {
        ProcesslistRow r;
        r.id = ids[i];
        r.user = users[next() % 5];
        r.host = QStringLiteral("10.0.0.%1:%2").arg(next() % 4).arg(30000 + next() % 3);
        r.db = next() % 3 ? QStringLiteral("shop") : QString();
        r.command = commands[next() % 4];
        r.timeMs = qint64(next() % 7) * 500;
        r.state = states[next() % 4];
        r.info = next() % 2 ? QStringLiteral("SELECT %1").arg(next() % 3) : QString();
        r.progress = double(next() % 3) * 12.5;
        r.trxState = next() % 2 ? QStringLiteral("RUNNING") : QString();
        r.trxRowsModified = qint64(next() % 4) - 1;
        r.trxOperationState = next() % 4 ? QString() : QStringLiteral("rollback");
        r.blockedBy = next() % 3 ? 0 : qint64(next() % 5);
        r.firstSeenUs = 1000 * r.id;
        rows << r;
    }
    return rows;
}

QList<int> sourceOrder(const QSortFilterProxyModel &proxy)
{
    QList<int> order;
    for (int r = 0; r < proxy.rowCount(); ++r)
        order << proxy.mapToSource(proxy.index(r, 0)).row();
    return order;
}

// Follows a model through its notifications alone, reading cells only when told they changed.
class Mirror
{
public:
    explicit Mirror(const QAbstractItemModel &m)
        : m_model(m)
    {
        QObject::connect(&m, &QAbstractItemModel::rowsInserted, &m_context,
                         [this](const QModelIndex &, int first, int last) {
                             for (int r = first; r <= last; ++r)
                                 m_cells.insert(r, read(r));
                         });
        QObject::connect(&m, &QAbstractItemModel::rowsRemoved, &m_context,
                         [this](const QModelIndex &, int first, int last) {
                             m_cells.remove(first, last - first + 1);
                         });
        QObject::connect(
            &m, &QAbstractItemModel::rowsMoved, &m_context,
            [this](const QModelIndex &, int first, int last, const QModelIndex &, int to) {
                QCOMPARE(first, last); // the model moves one row at a time
                m_cells.move(first, to > first ? to - 1 : to);
            });
        QObject::connect(&m, &QAbstractItemModel::dataChanged, &m_context,
                         [this](const QModelIndex &tl, const QModelIndex &br) {
                             for (int r = tl.row(); r <= br.row(); ++r)
                                 for (int c = tl.column(); c <= br.column(); ++c)
                                     m_cells[r][c] = m_model.index(r, c).data().toString();
                         });
        QObject::connect(&m, &QAbstractItemModel::modelReset, &m_context, [this] {
            m_cells.clear();
            for (int r = 0; r < m_model.rowCount(); ++r)
                m_cells << read(r);
        });
    }
    QList<QStringList> cells() const { return m_cells; }
    QStringList read(int row) const
    {
        QStringList cells;
        for (int c = 0; c < m_model.columnCount(); ++c)
            cells << m_model.index(row, c).data().toString();
        return cells;
    }

private:
    const QAbstractItemModel &m_model;
    QObject m_context;
    QList<QStringList> m_cells;
};

} // namespace

class TestProcesslistViews : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void notificationsCarryEveryChange_data()
    {
        QTest::addColumn<int>("idRange");
        QTest::addColumn<bool>("stableOrder");
        QTest::newRow("churn, the server's order") << 40 << true;
        QTest::newRow("churn, shuffled") << 40 << false;
        QTest::newRow("few ids, shuffled") << 6 << false;
    }

    void notificationsCarryEveryChange()
    {
        // A mirror that reads cells only where the model says something changed ends up equal
        // to the model after every snapshot: no change goes unannounced, none at a stale index.
        QFETCH(int, idRange);
        QFETCH(bool, stableOrder);
        ProcesslistModel m;
        m.setFlavor(QStringLiteral("mariadb-10.11"));
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Mirror mirror(m);
        quint32 seed = 11;
        for (int round = 0; round < 150; ++round) {
            QList<ProcesslistRow> rows = randomRows(seed, int(seed % uint(idRange)), idRange);
            if (stableOrder)
                std::sort(
                    rows.begin(), rows.end(),
                    [](const ProcesslistRow &a, const ProcesslistRow &b) { return a.id < b.id; });
            m.setRows(rows);
            QCOMPARE(m.rowCount(), rows.size());
            QList<QStringList> expected;
            for (int r = 0; r < m.rowCount(); ++r) {
                QCOMPARE(m.rows().at(r).id, rows.at(r).id);
                expected << mirror.read(r);
            }
            QCOMPARE(mirror.cells(), expected);
        }
    }

    void sortsAsTheGenericProxy_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<bool>("caseSensitive");
        QTest::addColumn<bool>("localeAware");
        const auto fields = QMetaEnum::fromType<ProcesslistModel::Field>();
        for (int i = 0; i < fields.keyCount(); ++i) {
            for (const bool cs : {true, false}) {
                QTest::addRow("%s, %s", fields.key(i), cs ? "case-sensitive" : "case-insensitive")
                    << fields.value(i) << cs << false;
            }
            QTest::addRow("%s, locale-aware", fields.key(i)) << fields.value(i) << false << true;
        }
    }

    void sortsAsTheGenericProxy()
    {
        QFETCH(int, field);
        QFETCH(bool, caseSensitive);
        QFETCH(bool, localeAware);
        ProcesslistModel m;
        m.setFlavor(QStringLiteral("mariadb-10.11"));
        const int column = m.column(ProcesslistModel::Field(field));
        QVERIFY(column >= 0);
        QSortFilterProxyModel generic;
        ProcesslistSortModel typed;
        ProcesslistFilterModel filter; // the live panel's proxy, nothing filtered out here
        filter.setProcesslistModel(&m);
        generic.setSourceModel(&m);
        typed.setSourceModel(&m);
        // (No observer on any of them: what observes a proxy can change how it orders rows
        // with equal keys after a change, and the three must be compared alike.)
        for (QSortFilterProxyModel *p : {&generic, static_cast<QSortFilterProxyModel *>(&typed),
                                         static_cast<QSortFilterProxyModel *>(&filter)}) {
            p->setSortRole(ProcesslistModel::SortRole);
            p->setDynamicSortFilter(true);
            p->setSortCaseSensitivity(caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive);
            p->setSortLocaleAware(localeAware);
        }
        quint32 seed = 5 + quint32(field);
        m.setRows(randomRows(seed, 60, 80));
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            generic.sort(column, order);
            typed.sort(column, order);
            filter.sort(column, order);
            QCOMPARE(sourceOrder(typed), sourceOrder(generic));
            QCOMPARE(sourceOrder(filter), sourceOrder(generic));
            // Later snapshots re-sort the rows whose sort value changed (dynamic sorting).
            for (int round = 0; round < 8; ++round) {
                m.setRows(randomRows(seed, 40 + int(seed % 30), 80));
                QCOMPARE(sourceOrder(typed), sourceOrder(generic));
                QCOMPARE(sourceOrder(filter), sourceOrder(generic));
            }
        }
    }

    void typedProxyFollowsTheModelRules()
    {
        ProcesslistModel m;
        ProcesslistSortModel typed;
        typed.setSourceModel(&m);
        typed.setDynamicSortFilter(true);
        QAbstractItemModelTester tester(&typed,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        quint32 seed = 3;
        typed.sort(m.column(ProcesslistModel::Field::Time));
        for (int round = 0; round < 10; ++round)
            m.setRows(randomRows(seed, 10 + int(seed % 10), 25));
        QCOMPARE(typed.rowCount(), m.rowCount());
    }

    void otherSourcesSortTheGenericWay()
    {
        // A source that is not a ProcesslistModel, or another sort role: the base class decides.
        QStandardItemModel plain;
        for (const char *t : {"b", "A", "c", "a"})
            plain.appendRow(new QStandardItem(QString::fromLatin1(t)));
        ProcesslistSortModel typed;
        typed.setSourceModel(&plain);
        typed.setSortRole(Qt::DisplayRole);
        typed.setSortCaseSensitivity(Qt::CaseSensitive);
        typed.sort(0);
        QStringList shown;
        for (int r = 0; r < typed.rowCount(); ++r)
            shown << typed.index(r, 0).data().toString();
        QCOMPARE(shown, (QStringList{QStringLiteral("A"), QStringLiteral("a"), QStringLiteral("b"),
                                     QStringLiteral("c")}));
    }
};

QTEST_MAIN(TestProcesslistViews)
#include "tst_processlistviews.moc"
