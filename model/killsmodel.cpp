#include "killsmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace ks {

namespace {

bool sameKill(const KillRecord &a, const KillRecord &b)
{
    return a.serial == b.serial && a.statement == b.statement && a.phase == b.phase
        && a.requestedUs == b.requestedUs && a.answeredUs == b.answeredUs
        && a.flagSeenUs == b.flagSeenUs && a.endedUs == b.endedUs
        && a.serverError == b.serverError && a.serverMessage == b.serverMessage
        && a.rowsRemaining == b.rowsRemaining && a.rowsPerSecond == b.rowsPerSecond
        && a.estimatedEndUs == b.estimatedEndUs && a.why == b.why
        && a.reconnectedAsId == b.reconnectedAsId && a.request.target.id == b.request.target.id
        && a.request.kind == b.request.kind && a.request.strength == b.request.strength;
}

} // namespace

KillsModel::KillsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void KillsModel::setTimeOrigin(qint64 originUs)
{
    if (m_originUs == originUs)
        return;
    m_originUs = originUs;
    if (!m_kills.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_kills.size()) - 1, ColumnCount - 1));
}

void KillsModel::setKills(const QList<KillRecord> &kills)
{
    // A re-run (simulation after a what-if change) may produce a different list altogether;
    // only a list that extends the current one by serial is applied incrementally.
    bool extends = kills.size() >= m_kills.size();
    for (int i = 0; extends && i < m_kills.size(); ++i)
        extends = kills[i].serial == m_kills[i].serial;
    if (!extends) {
        beginResetModel();
        m_kills = kills;
        endResetModel();
        return;
    }
    for (int i = 0; i < m_kills.size(); ++i) {
        if (!sameKill(m_kills[i], kills[i])) {
            m_kills[i] = kills[i];
            Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
        }
    }
    if (kills.size() > m_kills.size()) {
        beginInsertRows({}, int(m_kills.size()), int(kills.size()) - 1);
        for (qsizetype i = m_kills.size(); i < kills.size(); ++i)
            m_kills.append(kills[i]);
        endInsertRows();
    }
}

void KillsModel::updateKill(const KillRecord &record)
{
    const int row = rowOfSerial(record.serial);
    if (row >= 0) {
        if (!sameKill(m_kills[row], record)) {
            m_kills[row] = record;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
        return;
    }
    const int n = int(m_kills.size());
    beginInsertRows({}, n, n);
    m_kills.append(record);
    endInsertRows();
}

void KillsModel::clear()
{
    if (m_kills.isEmpty())
        return;
    beginResetModel();
    m_kills.clear();
    endResetModel();
}

int KillsModel::rowOfSerial(int serial) const
{
    for (int i = 0; i < m_kills.size(); ++i)
        if (m_kills[i].serial == serial)
            return i;
    return -1;
}

QString KillsModel::phaseName(KillPhase phase)
{
    switch (phase) {
    case KillPhase::Requested: return tr("Requested");
    case KillPhase::Sent: return tr("Sent");
    case KillPhase::Refused: return tr("Refused");
    case KillPhase::Accepted: return tr("Accepted, not yet noticed");
    case KillPhase::FlagSeen: return tr("Noticed");
    case KillPhase::RollingBack: return tr("Rolling back");
    case KillPhase::Done: return tr("Done");
    case KillPhase::Gone: return tr("Gone");
    case KillPhase::Reconnected: return tr("Reconnected");
    }
    return {};
}

bool KillsModel::isFinished(KillPhase phase)
{
    return phase == KillPhase::Refused || phase == KillPhase::Done || phase == KillPhase::Gone
        || phase == KillPhase::Reconnected;
}

QString KillsModel::formatDuration(qint64 us)
{
    return tr("%1 s").arg(QString::number(double(us) / 1e6, 'f', 3));
}

QString KillsModel::formatTime(qint64 us) const
{
    if (us < 0)
        return {};
    return formatDuration(us - m_originUs);
}

QString KillsModel::answerText(const KillRecord &k) const
{
    if (k.answeredUs < 0 && k.serverError == 0)
        return {};
    if (k.serverError == 0)
        return QStringLiteral("Query OK");
    if (k.serverMessage.isEmpty())
        return QStringLiteral("ERROR %1").arg(k.serverError);
    return QStringLiteral("ERROR %1: %2").arg(k.serverError).arg(k.serverMessage);
}

int KillsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_kills.size());
}

int KillsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KillsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KillRecord &k = m_kills[index.row()];
    const qint64 latency = k.endedUs >= 0 && k.requestedUs >= 0 ? k.endedUs - k.requestedUs : -1;
    const int col = index.column();

    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (col) {
        case SerialColumn:
            return QString::number(k.serial);
        case StatementColumn:
            return k.statement.isEmpty() ? killStatement(k.request) : k.statement;
        case TargetColumn: {
            QString who = QString::number(k.request.target.id);
            if (!k.request.target.user.isEmpty())
                who += QStringLiteral(" (%1@%2)").arg(k.request.target.user, k.request.target.host);
            return who;
        }
        case PhaseColumn:
            if (k.phase == KillPhase::Reconnected && k.reconnectedAsId != 0)
                return tr("Reconnected as %1").arg(k.reconnectedAsId);
            return phaseName(k.phase);
        case RequestedColumn:
            return formatTime(k.requestedUs);
        case AnswerColumn:
            return answerText(k);
        case FlagSeenColumn:
            return formatTime(k.flagSeenUs);
        case EndedColumn:
            if (k.endedUs < 0 && k.estimatedEndUs >= 0)
                return tr("≈ %1").arg(formatTime(k.estimatedEndUs));
            return formatTime(k.endedUs);
        case LatencyColumn:
            return latency < 0 ? QString() : formatDuration(latency);
        case RowsRemainingColumn:
            if (k.rowsRemaining < 0)
                return QString();
            if (k.rowsPerSecond > 0 && role == Qt::ToolTipRole)
                return tr("%1 rows left at %2 rows/s")
                    .arg(QLocale().toString(k.rowsRemaining),
                         QLocale().toString(qRound64(k.rowsPerSecond)));
            return QLocale().toString(k.rowsRemaining);
        case WhyColumn:
            return k.why;
        }
        return {};
    }
    switch (role) {
    case Qt::TextAlignmentRole:
        if (col == SerialColumn || col == RequestedColumn || col == FlagSeenColumn
            || col == EndedColumn || col == LatencyColumn || col == RowsRemainingColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (col == PhaseColumn) {
            if (k.phase == KillPhase::Refused)
                return QBrush(QColor(0xc6, 0x28, 0x28));
            if (k.phase == KillPhase::Accepted || k.phase == KillPhase::RollingBack)
                return QBrush(QColor(0xd8, 0x6b, 0x00));
        }
        return {};
    case SortRole:
        switch (col) {
        case SerialColumn: return k.serial;
        case RequestedColumn: return k.requestedUs;
        case FlagSeenColumn: return k.flagSeenUs;
        case EndedColumn: return k.endedUs;
        case LatencyColumn: return latency;
        case RowsRemainingColumn: return k.rowsRemaining;
        case PhaseColumn: return int(k.phase);
        default: return data(index, Qt::DisplayRole);
        }
    case SerialRole:
        return k.serial;
    case PhaseRole:
        return int(k.phase);
    case FinishedRole:
        return isFinished(k.phase);
    case LatencyUsRole:
        return latency;
    default:
        return {};
    }
}

QVariant KillsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SerialColumn: return tr("#");
    case StatementColumn: return tr("Statement");
    case TargetColumn: return tr("Target");
    case PhaseColumn: return tr("Phase");
    case RequestedColumn: return tr("Requested");
    case AnswerColumn: return tr("Server answer");
    case FlagSeenColumn: return tr("Noticed");
    case EndedColumn: return tr("Ended");
    case LatencyColumn: return tr("Kill latency");
    case RowsRemainingColumn: return tr("Rows to undo");
    case WhyColumn: return tr("Why it lingers");
    }
    return {};
}

} // namespace ks
