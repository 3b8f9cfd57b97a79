#include "labdiffmodel.h"

#include <QColor>

namespace ks {

namespace {
// Internal ids: 0 = a group row; group + 1 in the high bits for a difference row.
constexpr quintptr kGroupRow = 0;
} // namespace

LabDiffModel::LabDiffModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void LabDiffModel::setComparison(const LabComparison &comparison)
{
    beginResetModel();
    m_cmp = comparison;
    rebuild();
    endResetModel();
}

void LabDiffModel::setShowTimingOk(bool on)
{
    if (on == m_showOk)
        return;
    beginResetModel();
    m_showOk = on;
    rebuild();
    endResetModel();
}

void LabDiffModel::setLanguage(const QString &language)
{
    const bool zh = language.startsWith(QLatin1String("zh"));
    if (zh == m_chinese)
        return;
    m_chinese = zh;
    if (!m_groups.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_groups.size()) - 1, ColumnCount - 1));
    for (int g = 0; g < m_groups.size(); ++g) {
        const QModelIndex parent = index(g, 0);
        if (rowCount(parent) > 0)
            Q_EMIT dataChanged(index(0, 0, parent), index(rowCount(parent) - 1, ColumnCount - 1, parent));
    }
}

void LabDiffModel::rebuild()
{
    m_groups.clear();
    QStringList order;
    order << QString();
    for (const LabSessionComparison &s : m_cmp.sessions)
        order << s.name;
    for (const QString &name : std::as_const(order)) {
        Group g;
        g.session = name;
        for (int i = 0; i < m_cmp.diffs.size(); ++i) {
            const LabDiff &d = m_cmp.diffs[i];
            if (d.session != name || (d.cls == LabDiff::Class::TimingOk && !m_showOk))
                continue;
            g.diffs << i;
        }
        if (!g.diffs.isEmpty())
            m_groups << g;
    }
}

const LabDiff *LabDiffModel::diffAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kGroupRow)
        return nullptr;
    const int g = int(index.internalId()) - 1;
    if (g < 0 || g >= m_groups.size() || index.row() >= m_groups[g].diffs.size())
        return nullptr;
    return &m_cmp.diffs[m_groups[g].diffs[index.row()]];
}

QString LabDiffModel::className(LabDiff::Class c)
{
    switch (c) {
    case LabDiff::Class::TimingOk: return tr("timing within tolerance");
    case LabDiff::Class::Timing: return tr("timing");
    case LabDiff::Class::Text: return tr("text");
    case LabDiff::Class::State: return tr("state");
    case LabDiff::Class::Outcome: return tr("outcome");
    }
    return {};
}

QString LabDiffModel::aspectName(const QString &aspect)
{
    if (aspect == QLatin1String("lines"))
        return tr("client lines");
    if (aspect == QLatin1String("states"))
        return tr("(Command, State)");
    if (aspect == QLatin1String("leave-order"))
        return tr("order of leaving");
    if (aspect == QLatin1String("kill-latency"))
        return tr("kill to effect");
    if (aspect == QLatin1String("rollback-rate"))
        return tr("rollback rate");
    if (aspect == QLatin1String("end-state"))
        return tr("end state");
    return aspect;
}

QModelIndex LabDiffModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, kGroupRow) : QModelIndex();
    if (parent.internalId() != kGroupRow || parent.row() >= m_groups.size())
        return {};
    if (row >= m_groups[parent.row()].diffs.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex LabDiffModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupRow)
        return {};
    return createIndex(int(child.internalId()) - 1, 0, kGroupRow);
}

int LabDiffModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != kGroupRow || parent.row() >= m_groups.size())
        return 0;
    return int(m_groups[parent.row()].diffs.size());
}

int LabDiffModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant LabDiffModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kGroupRow) {
        const Group &g = m_groups[index.row()];
        if (role == SessionRole)
            return g.session;
        if (role == TimeRole)
            return m_cmp.diffs[g.diffs.constFirst()].tUs;
        if (role == Qt::DisplayRole && index.column() == 0) {
            int counting = 0;
            for (int i : g.diffs)
                counting += m_cmp.diffs[i].counts() ? 1 : 0;
            const QString name = g.session.isEmpty() ? tr("Whole scenario") : tr("Session %1").arg(g.session);
            return tr("%1 — %n difference(s)", nullptr, counting).arg(name);
        }
        return {};
    }
    const LabDiff *d = diffAt(index);
    if (!d)
        return {};
    switch (role) {
    case TimeRole: return d->tUs;
    case SessionRole: return d->session;
    case ClassRole: return int(d->cls);
    case CountsRole: return d->counts();
    case Qt::ForegroundRole:
        if (index.column() == ClassColumn) {
            if (d->declared || d->cls == LabDiff::Class::TimingOk)
                return QColor(0x60, 0x80, 0x60);
            return QColor(0xc0, 0x30, 0x30);
        }
        return {};
    case Qt::ToolTipRole:
        if (d->declared)
            return tr("Declared in the scenario: %1").arg(m_chinese && !d->reasonZh.isEmpty() ? d->reasonZh : d->reasonEn);
        return d->detail.isEmpty() ? QVariant() : QVariant(d->detail);
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return QStringLiteral("%1 s").arg(double(d->tUs) / 1e6, 0, 'f', 3);
        case ClassColumn: return d->declared ? tr("%1 (declared)").arg(className(d->cls)) : className(d->cls);
        case AspectColumn: return aspectName(d->aspect);
        case SimColumn: return d->sim.isEmpty() ? tr("(nothing)") : d->sim;
        case RealColumn: return d->real.isEmpty() ? tr("(nothing)") : d->real;
        case DetailColumn:
            if (d->declared)
                return m_chinese && !d->reasonZh.isEmpty() ? d->reasonZh : d->reasonEn;
            return d->detail;
        }
        return {};
    default:
        return {};
    }
}

QVariant LabDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case ClassColumn: return tr("Class");
    case AspectColumn: return tr("Aspect");
    case SimColumn: return tr("Simulation");
    case RealColumn: return tr("Server");
    case DetailColumn: return tr("Detail / reason");
    }
    return {};
}

} // namespace ks
