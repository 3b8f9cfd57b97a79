#pragma once

#include "sessionsource.h"

#include <QAbstractTableModel>
#include <QList>

namespace ks {

// Every kill of a source (simulation or live), one row per KillRecord, oldest first.
//
// Invariants: rows are keyed by KillRecord::serial and stay in the order given; updating a record
// in place emits dataChanged for its row only, so a view keeps its selection while a kill moves
// through its phases. Times are shown relative to timeOrigin() (the start of the run or of the
// live session) in seconds with milliseconds.
class KillsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        SerialColumn,
        StatementColumn,
        TargetColumn,
        PhaseColumn,
        RequestedColumn,
        AnswerColumn,
        FlagSeenColumn,
        EndedColumn,
        LatencyColumn,
        RowsRemainingColumn,
        WhyColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Roles {
        SortRole = Qt::UserRole + 1,
        SerialRole,
        PhaseRole,     // int(KillPhase)
        FinishedRole,  // Refused, Done, Gone or Reconnected
        LatencyUsRole, // ended - requested, -1 while not ended
    };

    explicit KillsModel(QObject *parent = nullptr);

    void setTimeOrigin(qint64 originUs);
    qint64 timeOrigin() const { return m_originUs; }

    // Replaces the list; records with a known serial are updated in place, new ones appended.
    void setKills(const QList<KillRecord> &kills);
    // Adds or updates one record.
    void updateKill(const KillRecord &record);
    void clear();

    const QList<KillRecord> &kills() const { return m_kills; }
    int rowOfSerial(int serial) const;

    static QString phaseName(KillPhase phase);
    static bool isFinished(KillPhase phase);
    // Seconds with milliseconds: "2.150 s".
    static QString formatDuration(qint64 us);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString formatTime(qint64 us) const;
    QString answerText(const KillRecord &k) const;

    QList<KillRecord> m_kills;
    qint64 m_originUs = 0;
};

} // namespace ks
