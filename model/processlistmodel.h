#pragma once

#include "sessionsource.h"

#include <QAbstractTableModel>
#include <QList>

namespace ks {

// The processlist as a table, with the columns the flavor's SHOW FULL PROCESSLIST prints (MariaDB
// adds Progress) followed by the InnoDB transaction columns KillScope joins in.
//
// Invariants: it hands rows (with the source's session annotation) to whoever kills, never kill
// targets: only the source builds those. Rows are keyed by processlist id; setRows() turns a new snapshot into the smallest
// set of remove/move/insert/dataChanged notifications, so views keep their selection and scroll
// position across refreshes. Column indexes depend on the flavor: use column(Field) rather than
// fixed numbers.
class ProcesslistModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Field
    {
        Id,
        User,
        Host,
        Db,
        Command,
        Time,
        State,
        Info,
        Progress, // MariaDB only
        TrxState,
        TrxAge, // since trx_started
        TrxRowsLocked,
        TrxRowsModified,
        TrxOperationState,
        BlockedBy,
    };
    Q_ENUM(Field)

    enum Roles
    {
        SortRole = Qt::UserRole + 1, // raw value for QSortFilterProxyModel (numbers as numbers)
        IdRole,
        SystemRole,
        OwnRole,
        KilledRole,            // Command is Killed or the transaction is rolling back
        IdleInTransactionRole, // Sleep with an open transaction
    };

    // "45 s", "12 min 3 s", "2 h 5 min": a duration as a DBA reads it.
    static QString durationText(qint64 seconds);

    explicit ProcesslistModel(QObject *parent = nullptr);

    // "mysql-5.7", "mysql-8.0", "mariadb-10.11", ... Changes the columns.
    void setFlavor(const QString &flavorId);
    QString flavor() const { return m_flavor; }
    bool hasProgressColumn() const { return m_mariaDb; }

    // Time with milliseconds (MariaDB's TIME_MS) instead of whole seconds.
    void setShowMilliseconds(bool on);

    // Non-empty while the rows are not current (live: the connection is lost): every row is
    // shown greyed with this note ("As of 10:01:22 …") as its tooltip.
    void setStaleNote(const QString &note);
    QString staleNote() const { return m_staleNote; }

    void setRows(const QList<ProcesslistRow> &rows);
    const QList<ProcesslistRow> &rows() const { return m_rows; }
    ProcesslistRow rowAt(int row) const { return m_rows.value(row); }
    int rowOfId(qint64 id) const;
    // What SortRole gives for a cell, without an index (ProcesslistSortModel compares these).
    QVariant sortValueAt(int row, int column) const
    {
        return sortValue(m_rows.at(row), m_fields.at(column));
    }

    int column(Field field) const; // -1 when the flavor has no such column
    Field field(int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The processlist as CSV (RFC 4180), header included, in the visible column order.
    QString toCsv() const;

private:
    QVariant display(const ProcesslistRow &r, Field f) const;
    QVariant sortValue(const ProcesslistRow &r, Field f) const;

    QList<ProcesslistRow> m_rows;
    QList<Field> m_fields;
    QString m_flavor;
    bool m_mariaDb = false;
    bool m_showMs = false;
    QString m_staleNote;
};

} // namespace ks
