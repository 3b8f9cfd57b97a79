#include "processlistmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QHash>
#include <QLocale>
#include <QPalette>
#include <algorithm>

namespace ks {

namespace {

bool isNullText(const QString &s)
{
    return s.isNull();
}

QString csvField(const QString &s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) ||
        s.contains(QLatin1Char('\n')) || s.contains(QLatin1Char('\r'))) {
        QString q = s;
        q.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return QLatin1Char('"') + q + QLatin1Char('"');
    }
    return s;
}

} // namespace

QString ProcesslistModel::durationText(qint64 seconds)
{
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

ProcesslistModel::ProcesslistModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    setFlavor(QStringLiteral("mysql-8.0"));
}

void ProcesslistModel::setFlavor(const QString &flavorId)
{
    const bool mariaDb = flavorId.startsWith(QStringLiteral("mariadb"));
    if (flavorId == m_flavor && !m_fields.isEmpty())
        return;
    beginResetModel();
    m_flavor = flavorId;
    m_mariaDb = mariaDb;
    m_fields = {Field::Id,      Field::User, Field::Host,  Field::Db,
                Field::Command, Field::Time, Field::State, Field::Info};
    if (m_mariaDb)
        m_fields << Field::Progress;
    m_fields << Field::TrxState << Field::TrxAge << Field::TrxRowsLocked << Field::TrxRowsModified
             << Field::TrxOperationState << Field::BlockedBy;
    endResetModel();
}

void ProcesslistModel::setShowMilliseconds(bool on)
{
    if (m_showMs == on)
        return;
    m_showMs = on;
    const int c = column(Field::Time);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, c), index(int(m_rows.size()) - 1, c));
}

void ProcesslistModel::setStaleNote(const QString &note)
{
    if (note == m_staleNote)
        return;
    m_staleNote = note;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, columnCount() - 1),
                           {Qt::ForegroundRole, Qt::ToolTipRole});
}

void ProcesslistModel::setRows(const QList<ProcesslistRow> &rows)
{
    // Views keep selection and current index only through fine-grained notifications, so a new
    // snapshot is applied as removals, moves, insertions and changes rather than a reset. Each
    // kind goes out in contiguous runs: with thousands of sessions nearly every row changes
    // (Time counts up) and a proxy or view handles one signal per run, not one per row.
    QHash<qint64, int> wanted;
    wanted.reserve(rows.size());
    for (int i = 0; i < rows.size(); ++i)
        wanted.insert(rows[i].id, i);

    // A row stays only while it shows the same session: an id that now names a newcomer (after
    // a restart, or a reused id) is a removal and an insertion, so no selection slides onto it.
    auto keeps = [&](const ProcesslistRow &have) {
        const auto it = wanted.constFind(have.id);
        if (it == wanted.cend())
            return false;
        const ProcesslistRow &want = rows[*it];
        return want.incarnation == have.incarnation && want.firstSeenUs == have.firstSeenUs;
    };

    // 1. Remove rows whose session left (bottom up, in contiguous runs).
    for (int i = int(m_rows.size()) - 1; i >= 0;) {
        if (keeps(m_rows[i])) {
            --i;
            continue;
        }
        int first = i;
        while (first > 0 && !keeps(m_rows[first - 1]))
            --first;
        beginRemoveRows({}, first, i);
        m_rows.remove(first, i - first + 1);
        endRemoveRows();
        i = first - 1;
    }

    // Changed rows, announced one contiguous run at a time (before anything shifts indices),
    // over the columns that changed: an idle session's Time alone, say, so a table sorted by
    // another column needs no re-sort. Facts read through roles on every column (Command, the
    // transaction state, whose session) widen it to the whole row.
    const int lastColumn = columnCount() - 1;
    int colOf[int(Field::BlockedBy) + 1];
    for (int f = 0; f <= int(Field::BlockedBy); ++f)
        colOf[f] = column(Field(f));
    auto changedSpan = [&](const ProcesslistRow &a, const ProcesslistRow &b) {
        if (a.id != b.id || a.command != b.command || a.trxState != b.trxState ||
            a.system != b.system || a.own != b.own || a.incarnation != b.incarnation ||
            a.firstSeenUs != b.firstSeenUs)
            return std::pair{0, lastColumn};
        int lo = lastColumn + 1;
        int hi = -1;
        auto mark = [&](Field f, bool differs) {
            if (!differs)
                return;
            // A field this flavor has no column for still changes the row: the whole row then.
            const int c = colOf[int(f)];
            lo = std::min(lo, c < 0 ? 0 : c);
            hi = std::max(hi, c < 0 ? lastColumn : c);
        };
        mark(Field::User, a.user != b.user);
        mark(Field::Host, a.host != b.host);
        mark(Field::Db, a.db != b.db);
        mark(Field::Time, a.timeMs != b.timeMs);
        mark(Field::State, a.state != b.state);
        mark(Field::Info, a.info != b.info);
        mark(Field::Progress, a.progress != b.progress || a.progressReported != b.progressReported);
        mark(Field::TrxAge, a.trxAgeS != b.trxAgeS || a.trxStarted != b.trxStarted);
        mark(Field::TrxRowsLocked, a.trxRowsLocked != b.trxRowsLocked);
        mark(Field::TrxRowsModified, a.trxRowsModified != b.trxRowsModified);
        mark(Field::TrxOperationState, a.trxOperationState != b.trxOperationState);
        mark(Field::BlockedBy, a.blockedBy != b.blockedBy);
        return std::pair{lo, hi}; // hi < 0: the same row as far as the table shows it
    };
    // The rows that stay keep their old values until every removal, move and insertion is
    // done; then the snapshot itself is taken over (it shares the caller's list: no row is
    // copied, which at ten thousand sessions was milliseconds a sample) and the changes are
    // announced with their final indices.
    auto announceChanges = [&] {
        struct Run
        {
            int first, last;
            std::pair<int, int> columns;
        };
        QList<Run> runs;
        for (int i = 0; i < m_rows.size(); ++i) {
            const std::pair<int, int> span = changedSpan(m_rows[i], rows[i]);
            if (span.second < 0)
                continue;
            if (!runs.isEmpty() && runs.back().last == i - 1 && runs.back().columns == span)
                runs.back().last = i;
            else
                runs.append({i, i, span});
        }
        m_rows = rows;
        for (const Run &run : std::as_const(runs))
            Q_EMIT dataChanged(index(run.first, run.columns.first),
                               index(run.last, run.columns.second));
    };

    // 2a. The usual case: the rows that stay are in the new snapshot's order (the server lists
    // sessions in a stable order), so the new order is reached by insertions alone.
    bool inOrder = wanted.size() == rows.size();
    for (int j = 0, last = -1; inOrder && j < m_rows.size(); ++j) {
        const int at = wanted.value(m_rows[j].id);
        inOrder = at > last;
        last = at;
    }
    if (inOrder) {
        for (int i = 0; i < rows.size();) {
            if (i < m_rows.size() && m_rows[i].id == rows[i].id) {
                ++i;
                continue;
            }
            // New sessions from here up to the next row that stays: one insertion.
            const qint64 nextKept = i < m_rows.size() ? m_rows[i].id : -1;
            int end = i;
            while (end < rows.size() && rows[end].id != nextKept)
                ++end;
            beginInsertRows({}, i, end - 1);
            if (m_rows.isEmpty() && end == rows.size()) {
                m_rows = rows; // all new (attaching): shared, not copied
            } else {
                m_rows.insert(i, end - i, ProcesslistRow{});
                for (int k = i; k < end; ++k)
                    m_rows[k] = rows[k];
            }
            endInsertRows();
            i = end;
        }
        announceChanges();
        return;
    }

    // 2b. Otherwise walk the new order: keep, move up, or insert.
    for (int i = 0; i < rows.size(); ++i) {
        const ProcesslistRow &want = rows[i];
        if (i < m_rows.size() && m_rows[i].id == want.id)
            continue;
        int from = -1;
        for (int j = i + 1; j < m_rows.size(); ++j) {
            if (m_rows[j].id == want.id) {
                from = j;
                break;
            }
        }
        if (from >= 0) {
            beginMoveRows({}, from, from, {}, i);
            m_rows.move(from, i);
            endMoveRows();
        } else {
            beginInsertRows({}, i, i);
            m_rows.insert(i, want);
            endInsertRows();
        }
    }
    // Duplicated ids in the input would leave extra rows behind; drop them.
    if (m_rows.size() > rows.size()) {
        beginRemoveRows({}, int(rows.size()), int(m_rows.size()) - 1);
        m_rows.resize(rows.size());
        endRemoveRows();
    }
    announceChanges();
}

int ProcesslistModel::rowOfId(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id)
            return i;
    return -1;
}

int ProcesslistModel::column(Field field) const
{
    return int(m_fields.indexOf(field));
}

ProcesslistModel::Field ProcesslistModel::field(int column) const
{
    return m_fields.value(column, Field::Id);
}

int ProcesslistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProcesslistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_fields.size());
}

QVariant ProcesslistModel::display(const ProcesslistRow &r, Field f) const
{
    switch (f) {
    case Field::Id:
        return QString::number(r.id);
    case Field::User:
        return r.user;
    case Field::Host:
        return r.host;
    case Field::Db:
        return isNullText(r.db) || r.db.isEmpty() ? QStringLiteral("NULL") : r.db;
    case Field::Command:
        return r.command;
    case Field::Time:
        if (m_showMs)
            return QString::number(double(r.timeMs) / 1000.0, 'f', 3);
        return QString::number(r.timeMs / 1000);
    case Field::State:
        return r.state;
    case Field::Info:
        return r.info.isEmpty() ? QStringLiteral("NULL") : r.info;
    case Field::Progress:
        // Nothing where the server reports none (an UPDATE's 0.000 is not "0 % done").
        return r.progressReported ? QString::number(r.progress, 'f', 3) : QString();
    case Field::TrxState:
        return r.trxState;
    case Field::TrxAge:
        return r.trxAgeS < 0 ? QString() : durationText(r.trxAgeS);
    case Field::TrxRowsLocked:
        return r.trxRowsLocked < 0 ? QString() : QLocale().toString(r.trxRowsLocked);
    case Field::TrxRowsModified:
        return r.trxRowsModified < 0 ? QString() : QLocale().toString(r.trxRowsModified);
    case Field::TrxOperationState:
        return r.trxOperationState;
    case Field::BlockedBy:
        return r.blockedBy == 0 ? QString() : QString::number(r.blockedBy);
    }
    return {};
}

QVariant ProcesslistModel::sortValue(const ProcesslistRow &r, Field f) const
{
    switch (f) {
    case Field::Id:
        return r.id;
    case Field::Time:
        return r.timeMs;
    case Field::Progress:
        return r.progressReported ? r.progress : -1.0;
    case Field::TrxAge:
        return r.trxAgeS;
    case Field::TrxRowsLocked:
        return r.trxRowsLocked;
    case Field::TrxRowsModified:
        return r.trxRowsModified;
    case Field::BlockedBy:
        return r.blockedBy;
    default:
        return display(r, f);
    }
}

QVariant ProcesslistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProcesslistRow &r = m_rows[index.row()];
    const Field f = m_fields[index.column()];
    switch (role) {
    case Qt::DisplayRole:
        return display(r, f);
    case Qt::ToolTipRole:
        if (!m_staleNote.isEmpty())
            return f == Field::Info && !r.info.isEmpty() ? m_staleNote + u'\n' + r.info
                                                         : m_staleNote;
        if (f == Field::Info && !r.info.isEmpty())
            return r.info;
        if (f == Field::Time)
            return tr("%1 ms").arg(r.timeMs);
        if (f == Field::BlockedBy && r.blockedBy != 0)
            return tr("Waits for a lock held by session %1").arg(r.blockedBy);
        if (f == Field::TrxAge && !r.trxStarted.isEmpty())
            return tr("Transaction started %1").arg(r.trxStarted);
        if (r.idleInTransaction())
            return tr("Idle in transaction: no statement runs, but its transaction (open %1) "
                      "keeps its locks and undo until it commits or rolls back.")
                .arg(r.trxAgeS < 0 ? tr("for an unknown time") : durationText(r.trxAgeS));
        return {};
    case Qt::TextAlignmentRole:
        if (f == Field::Id || f == Field::Time || f == Field::Progress || f == Field::TrxAge ||
            f == Field::TrxRowsLocked || f == Field::TrxRowsModified || f == Field::BlockedBy)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (!m_staleNote.isEmpty())
            return QBrush(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
        if ((f == Field::Db && r.db.isEmpty()) || (f == Field::Info && r.info.isEmpty()))
            return QBrush(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
        if (f == Field::Command && r.command == QStringLiteral("Killed"))
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (f == Field::TrxState && r.trxState == QStringLiteral("ROLLING BACK"))
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (r.idleInTransaction() && (f == Field::Command || f == Field::TrxAge))
            return QBrush(QColor(0x9a, 0x4f, 0x00));
        return {};
    case Qt::BackgroundRole:
        // Idle in transaction is not idle: the row is tinted so it stands out among Sleeps.
        if (r.idleInTransaction() && m_staleNote.isEmpty())
            return QBrush(QColor(0xff, 0xe0, 0xb2, 150));
        return {};
    case Qt::FontRole:
        if (r.idleInTransaction() && f == Field::Command) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case SortRole:
        return sortValue(r, f);
    case IdRole:
        return r.id;
    case SystemRole:
        return r.system;
    case OwnRole:
        return r.own;
    case KilledRole:
        return r.command == QStringLiteral("Killed") ||
               r.trxState == QStringLiteral("ROLLING BACK");
    case IdleInTransactionRole:
        return r.idleInTransaction();
    default:
        return {};
    }
}

QVariant ProcesslistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_fields.size())
        return {};
    const Field f = m_fields[section];
    if (role == Qt::DisplayRole) {
        // The server's own column names, untranslated: they are what the user types in SQL.
        switch (f) {
        case Field::Id:
            return QStringLiteral("Id");
        case Field::User:
            return QStringLiteral("User");
        case Field::Host:
            return QStringLiteral("Host");
        case Field::Db:
            return QStringLiteral("db");
        case Field::Command:
            return QStringLiteral("Command");
        case Field::Time:
            return QStringLiteral("Time");
        case Field::State:
            return QStringLiteral("State");
        case Field::Info:
            return QStringLiteral("Info");
        case Field::Progress:
            return QStringLiteral("Progress");
        case Field::TrxState:
            return QStringLiteral("trx_state");
        case Field::TrxAge:
            return tr("trx age");
        case Field::TrxRowsLocked:
            return QStringLiteral("trx_rows_locked");
        case Field::TrxRowsModified:
            return QStringLiteral("trx_rows_modified");
        case Field::TrxOperationState:
            return QStringLiteral("trx_operation_state");
        case Field::BlockedBy:
            return tr("Blocked by");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (f) {
        case Field::Time:
            return tr("Seconds in the current state (MariaDB: since the end of the last statement "
                      "for Sleep)");
        case Field::Progress:
            return tr("MariaDB's progress of the statement in percent over all stages");
        case Field::TrxState:
            return tr("INNODB_TRX.trx_state: RUNNING, LOCK WAIT, ROLLING BACK");
        case Field::TrxAge:
            return tr("How long the transaction has been open (since INNODB_TRX.trx_started)");
        case Field::TrxRowsLocked:
            return tr("INNODB_TRX.trx_rows_locked: rows this transaction holds locks on "
                      "(approximate)");
        case Field::TrxRowsModified:
            return tr("INNODB_TRX.trx_rows_modified: counts down while the transaction rolls back");
        case Field::TrxOperationState:
            return tr("INNODB_TRX.trx_operation_state");
        case Field::BlockedBy:
            return tr("The session holding the lock this one waits for");
        default:
            return {};
        }
    }
    return {};
}

QHash<int, QByteArray> ProcesslistModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(SortRole, QByteArrayLiteral("sort"));
    names.insert(IdRole, QByteArrayLiteral("processId"));
    names.insert(SystemRole, QByteArrayLiteral("system"));
    names.insert(OwnRole, QByteArrayLiteral("own"));
    names.insert(KilledRole, QByteArrayLiteral("killed"));
    names.insert(IdleInTransactionRole, QByteArrayLiteral("idleInTransaction"));
    return names;
}

QString ProcesslistModel::toCsv() const
{
    QString out;
    QStringList cells;
    for (int c = 0; c < m_fields.size(); ++c)
        cells << csvField(headerData(c, Qt::Horizontal).toString());
    out += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const ProcesslistRow &r : m_rows) {
        cells.clear();
        for (Field f : m_fields) {
            QString v = display(r, f).toString();
            if ((f == Field::Db && r.db.isEmpty()) || (f == Field::Info && r.info.isEmpty()))
                v = QStringLiteral("NULL");
            cells << csvField(v);
        }
        out += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out;
}

} // namespace ks
